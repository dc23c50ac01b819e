// docs/benchmarks.md is written by the benches themselves: each owns one part of it, between its
// own markers, and leaves the rest (the hand-written method, the other bench's part) as it is.
// bench/native.rs does the same for its part, with the same markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Puts `body` between the markers of `name` in the markdown file `path` (appended when absent). */
export function writeSection(path, name, body) {
  const begin = `<!-- BEGIN ${name}: written by \`make ${name}\` -->`;
  const end = `<!-- END ${name} -->`;
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const section = `${begin}\n${body.endsWith('\n') ? body : `${body}\n`}${end}`;
  const at = doc.indexOf(begin);
  const to = doc.indexOf(end);
  const updated =
    at !== -1 && to > at ? doc.slice(0, at) + section + doc.slice(to + end.length) : `${doc}\n${section}\n`;
  writeFileSync(path, updated);
}
