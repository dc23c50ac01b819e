#!/usr/bin/env node
// Packs a release into dist/release/ from the extensions `make dist` built:
//   tidyread-VERSION-chrome.zip    for the Chrome Web Store
//   tidyread-VERSION-firefox.zip   for addons.mozilla.org (web-ext lint: no errors, no warnings)
//   tidyread-VERSION-source.tar.gz the source those two are built from, for AMO's review
//   SHA256SUMS
//
// The same source gives the same bytes: entries sorted, every time stamp the last commit's
// (SOURCE_DATE_EPOCH), modes normalised (0644, 0755 for directories and executables), no owner
// names, and no path of the machine that built it in any packed file. The source archive holds
// release-source.json (the commit, its time and the file list), so that `make release` in the
// unpacked archive, where there is no git, packs the same three archives again.
// scripts/release-check.sh proves it; docs/release.md tells a reviewer how to rebuild.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersion, versionDrifts } from './version.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'release');
const SOURCE_INFO = 'release-source.json';
const BROWSERS = ['chrome', 'firefox'];

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

const run = (command, args, options = {}) => execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
// Byte order, as `LC_ALL=C sort` would: the archives must not depend on the machine's locale.
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * What the source archive holds and when it was made: from git in a clone (which must be clean:
 * the archive is the last commit), else from the release-source.json of an unpacked archive.
 */
function sourceInfo(version) {
  if (existsSync(join(ROOT, '.git'))) {
    const dirty = run('git', ['status', '--porcelain', '--untracked-files=normal']).trim();
    if (dirty) fail(`the tree has changes; the source archive is the last commit, so commit them first:\n${dirty}`);
    const files = run('git', ['ls-files', '-z']).split('\0').filter(Boolean).sort(byteOrder);
    const links = files.filter((file) => lstatSync(join(ROOT, file)).isSymbolicLink());
    if (links.length > 0) fail(`symbolic links cannot be packed reproducibly: ${links.join(', ')}`);
    return {
      name: 'tidyread',
      version,
      commit: run('git', ['rev-parse', 'HEAD']).trim(),
      source_date_epoch: Number(run('git', ['log', '-1', '--format=%ct']).trim()),
      files,
    };
  }
  const path = join(ROOT, SOURCE_INFO);
  if (!existsSync(path)) fail(`neither a git clone nor an unpacked source archive (no ${SOURCE_INFO})`);
  const info = JSON.parse(readFileSync(path, 'utf8'));
  if (info.version !== version) fail(`${SOURCE_INFO} is for ${info.version}, VERSION says ${version}`);
  return info;
}

/** Every file under `dir`, relative and in byte order. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort(byteOrder);
}

/** Gives `dir` and everything under it the release's time and modes. */
function normalise(dir, epoch) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) fail(`${relative(ROOT, path)}: symbolic links cannot be packed reproducibly`);
    const executable = entry.isDirectory() || (lstatSync(path).mode & 0o100) !== 0;
    chmodSync(path, executable ? 0o755 : 0o644);
    utimesSync(path, epoch, epoch);
  }
  chmodSync(dir, 0o755);
  utimesSync(dir, epoch, epoch);
}

// Paths of the building machine that a compiler or bundler may leave in an output file.
function machinePaths() {
  const paths = [
    ROOT,
    homedir(),
    tmpdir(),
    '/work/',
    '/root/',
    '/home/',
    '/tmp/',
    '.cargo/registry',
    '/usr/lib/rustlib',
    '/usr/src/',
  ];
  return [...new Set(paths.filter((path) => path.length > 1))];
}

function checkNoMachinePaths(dir) {
  const needles = machinePaths();
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(join(dir, file));
    const found = needles.filter((needle) => bytes.includes(needle));
    if (found.length > 0) fail(`${relative(ROOT, join(dir, file))} holds a path of this machine: ${found.join(', ')}`);
  }
}

/** Zips `dir` at `zip`: its files at the root, sorted, no directory entries, no extra fields. */
function zipDirectory(dir, zip, epoch) {
  normalise(dir, epoch);
  // -X: no uid/gid or extra time fields; -D: no directory entries. Zip stores local time: UTC.
  run('zip', ['-q', '-X', '-D', '-9', zip, '-@'], {
    cwd: dir,
    input: `${filesUnder(dir).join('\n')}\n`,
    env: { ...process.env, TZ: 'UTC' },
  });
}

/** The source archive: `info.files` and release-source.json under tidyread-VERSION/. */
function packSource(info, archive) {
  const top = `tidyread-${info.version}`;
  const stage = mkdtempSync(join(tmpdir(), 'tidyread-source-'));
  try {
    const tree = join(stage, top);
    for (const file of info.files) {
      if (!existsSync(join(ROOT, file))) fail(`${file} is in the source list but missing`);
      mkdirSync(dirname(join(tree, file)), { recursive: true });
      cpSync(join(ROOT, file), join(tree, file));
    }
    writeFileSync(join(tree, SOURCE_INFO), `${JSON.stringify(info, null, 2)}\n`);
    normalise(tree, info.source_date_epoch);
    const tar = run(
      'tar',
      [
        '--create',
        '--format=gnu',
        '--sort=name',
        `--mtime=@${info.source_date_epoch}`,
        '--owner=0',
        '--group=0',
        '--numeric-owner',
        '--file=-',
        top,
      ],
      { cwd: stage, encoding: 'buffer', maxBuffer: 1 << 30 },
    );
    // -n: no name or time stamp in the gzip header.
    writeFileSync(archive, execFileSync('gzip', ['-9', '-n', '-c'], { input: tar, maxBuffer: 1 << 30 }));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** web-ext lint on what the Firefox zip holds; warnings fail the release too. */
function lintZip(zip) {
  const unpacked = mkdtempSync(join(tmpdir(), 'tidyread-lint-'));
  try {
    run('unzip', ['-q', zip, '-d', unpacked]);
    const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
    run(webExt, ['lint', '--source-dir', unpacked, '--no-config-discovery', '--warnings-as-errors'], {
      stdio: 'inherit',
    });
  } catch {
    fail(`web-ext lint found errors or warnings in ${relative(ROOT, zip)}`);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

const drifts = versionDrifts();
if (drifts.length > 0) fail(`the version is out of step with VERSION (scripts/version.mjs):\n  ${drifts.join('\n  ')}`);
const version = readVersion();
const info = sourceInfo(version);

for (const browser of BROWSERS) {
  const dir = join(DIST, browser);
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) fail(`${relative(ROOT, dir)} is missing: run \`make dist\` first`);
  const built = JSON.parse(readFileSync(manifest, 'utf8')).version;
  if (built !== version)
    fail(`${relative(ROOT, dir)} was built for ${built}, VERSION says ${version}: run \`make dist\``);
  checkNoMachinePaths(dir);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const archives = [];
for (const browser of BROWSERS) {
  const zip = join(OUT, `tidyread-${version}-${browser}.zip`);
  zipDirectory(join(DIST, browser), zip, info.source_date_epoch);
  archives.push(zip);
}
const source = join(OUT, `tidyread-${version}-source.tar.gz`);
packSource(info, source);
archives.push(source);
lintZip(join(OUT, `tidyread-${version}-firefox.zip`));

const sums = archives.map((path) => `${sha256(path)}  ${relative(OUT, path)}\n`).join('');
writeFileSync(join(OUT, 'SHA256SUMS'), sums);
console.log(
  `release: ${relative(ROOT, OUT)}/ from ${info.commit.slice(0, 12)} (SOURCE_DATE_EPOCH=${info.source_date_epoch})\n${sums}`,
);
