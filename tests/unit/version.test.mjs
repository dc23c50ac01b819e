// One version, in VERSION, and every copy Cargo and npm need in step with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersion, versionDrifts, writeVersion } from '../../scripts/version.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILES = ['VERSION', 'Cargo.toml', 'Cargo.lock', 'package.json', 'package-lock.json', 'CHANGELOG.md'];

/** A scratch copy of the files that carry the version. */
function scratch(t) {
  const dir = mkdtempSync(join(tmpdir(), 'tidyread-version-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of FILES) cpSync(join(ROOT, file), join(dir, file));
  return dir;
}

test('the repository is in step with VERSION', () => {
  assert.deepEqual(versionDrifts(ROOT), []);
});

test('the manifest leaves the version to the build', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  assert.equal(manifest.version, undefined);
});

test('a copy edited by hand is reported', (t) => {
  const dir = scratch(t);
  const version = readVersion(dir);
  const cargo = join(dir, 'Cargo.toml');
  writeFileSync(cargo, readFileSync(cargo, 'utf8').replace(`version = "${version}"`, 'version = "9.9.9"'));
  assert.deepEqual(versionDrifts(dir), [`Cargo.toml: 9.9.9, VERSION says ${version}`]);
});

test('a new version writes every copy, and needs its changelog section', (t) => {
  const dir = scratch(t);
  writeVersion('3.4.5', dir);
  assert.equal(readVersion(dir), '3.4.5');
  assert.deepEqual(versionDrifts(dir), ['CHANGELOG.md: no "## [3.4.5]" section']);
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  assert.deepEqual([lock.version, lock.packages[''].version], ['3.4.5', '3.4.5']);
  // Only the project's own version moves: a dependency that happens to share it stays.
  const before = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8').split('\n');
  const after = readFileSync(join(dir, 'Cargo.lock'), 'utf8').split('\n');
  assert.equal(after.filter((line, i) => line !== before[i]).length, 1);
});

test('a version browsers would refuse is refused', (t) => {
  const dir = scratch(t);
  for (const bad of ['1.0', '1.0.0-beta', '01.2.3', 'v1.2.3']) {
    assert.throws(() => writeVersion(bad, dir), /is not x\.y\.z/);
  }
  assert.deepEqual(versionDrifts(dir), []);
});
