// axe-core (npm devDependency) in a page of either browser: the accessibility checks the suites
// hold the popup, the options page and the welcome page to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The impacts that fail a page; minor and moderate ones are printed, not failed. */
export const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** Runs in the page (after AXE_SOURCE): every violation as plain data. */
async function runAxe() {
  const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Playwright: axe's violations on `page` (evaluated through the debugger, past the page's CSP). */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(runAxe);
}

/** Selenium (Firefox): the same on the driver's current page. */
export async function axeViolationsSelenium(driver) {
  await driver.executeScript(AXE_SOURCE);
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1]; (${runAxe.toString()})().then(done, (e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));`,
  );
}

/** Splits violations into the failing ones and a line per the rest, for the log. */
export function judge(violations) {
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact));
  const others = violations
    .filter((v) => !FAILING_IMPACTS.has(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
  return { failing, others };
}
