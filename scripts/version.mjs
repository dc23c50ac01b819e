#!/usr/bin/env node
// The release version lives in VERSION. Cargo, npm and the changelog each need it in their own
// file; this script writes it there and checks that none has drifted. The built manifests take it
// from VERSION (scripts/build-extension.mjs), so manifest.json has none of its own.
//
//   node scripts/version.mjs          checks every copy against VERSION (exit 1 on a drift)
//   node scripts/version.mjs 0.2.0    writes 0.2.0 into VERSION and every copy, then checks
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// Browsers take one to four dot-separated integers (no pre-release tags); Cargo wants three.
const VERSION_FORMAT = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

// Each copy: its file, and a pattern whose first group is the version. `[^]*?` spans lines.
const COPIES = [
  { file: 'Cargo.toml', pattern: /^\[package\]\nname = "tidyread"\nversion = "([^"]*)"/m },
  { file: 'Cargo.lock', pattern: /^\[\[package\]\]\nname = "tidyread"\nversion = "([^"]*)"/m },
  { file: 'package.json', pattern: /^{\n {2}"name": "tidyread",\n {2}"version": "([^"]*)"/ },
  { file: 'package-lock.json', pattern: /^{\n {2}"name": "tidyread",\n {2}"version": "([^"]*)"/ },
  { file: 'package-lock.json', pattern: /\n {4}"": {\n {6}"name": "tidyread",\n {6}"version": "([^"]*)"/ },
];
// The changelog is written by hand; it must have a section for the version being released.
const CHANGELOG = 'CHANGELOG.md';

/** The version in `root`/VERSION; throws when it is not a plain x.y.z. */
export function readVersion(root = ROOT) {
  const version = readFileSync(join(root, 'VERSION'), 'utf8').trim();
  if (!VERSION_FORMAT.test(version)) throw new Error(`VERSION: "${version}" is not x.y.z`);
  return version;
}

/** Every place under `root` that disagrees with VERSION, as messages (empty when in step). */
export function versionDrifts(root = ROOT) {
  const version = readVersion(root);
  const drifts = [];
  for (const { file, pattern } of COPIES) {
    const match = pattern.exec(readFileSync(join(root, file), 'utf8'));
    if (match === null) drifts.push(`${file}: no tidyread version where expected (${pattern})`);
    else if (match[1] !== version) drifts.push(`${file}: ${match[1]}, VERSION says ${version}`);
  }
  const changelog = readFileSync(join(root, CHANGELOG), 'utf8');
  if (!changelog.split('\n').some((line) => line.startsWith(`## [${version}]`))) {
    drifts.push(`${CHANGELOG}: no "## [${version}]" section`);
  }
  return drifts;
}

/** Writes `version` into VERSION and every copy under `root`. */
export function writeVersion(version, root = ROOT) {
  if (!VERSION_FORMAT.test(version)) throw new Error(`"${version}" is not x.y.z`);
  writeFileSync(join(root, 'VERSION'), `${version}\n`);
  for (const { file, pattern } of COPIES) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const match = pattern.exec(text);
    if (match === null) throw new Error(`${file}: no tidyread version where expected (${pattern})`);
    const at = match.index + match[0].length - match[1].length - 1;
    writeFileSync(path, `${text.slice(0, at)}${version}${text.slice(at + match[1].length)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const [wanted] = process.argv.slice(2);
    if (wanted !== undefined) writeVersion(wanted);
    const drifts = versionDrifts();
    if (drifts.length > 0) {
      console.error(`version: out of step with VERSION:\n  ${drifts.join('\n  ')}`);
      process.exit(1);
    }
    console.log(
      `version: ${readVersion()} in VERSION, Cargo.toml, Cargo.lock, package.json, package-lock.json, ${CHANGELOG}`,
    );
  } catch (error) {
    console.error(`version: ${error.message}`);
    process.exit(1);
  }
}
