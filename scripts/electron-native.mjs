#!/usr/bin/env node
// postinstall: fetch better-sqlite3's native module built for Electron's ABI into electron-native/,
// leaving node_modules/better-sqlite3 built for Node (tests, CLI, browser preview). The Electron main
// process passes electron-native/better_sqlite3.node to better-sqlite3's `nativeBinding` option.
//
// It never fails the install: without network access to the prebuilt binaries (as on CI machines)
// it prints what to do and exits 0. Never use @electron/rebuild with `nodedir` set in ~/.npmrc: it
// silently builds against Node's headers (see ../shared/STACK.md).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'electron-native', 'better_sqlite3.node');
const say = (text) => console.log(`[salesdesk] ${text}`);

if (process.env.SALESDESK_SKIP_ELECTRON_NATIVE === '1' || process.env.CI === 'true') {
  say('skipping the Electron build of better-sqlite3 (CI / SALESDESK_SKIP_ELECTRON_NATIVE=1).');
  process.exit(0);
}

const require = createRequire(import.meta.url);
let electronVersion;
let sqliteDir;
let prebuildInstall;
try {
  electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  prebuildInstall = require.resolve('prebuild-install/bin.js');
} catch {
  say('electron or better-sqlite3 is not installed; nothing to do.');
  process.exit(0);
}

const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const stamp = join(root, 'electron-native', 'VERSION');
const wanted = `better-sqlite3 ${sqliteVersion} electron ${electronVersion} ${process.platform}-${process.arch}`;
if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  say(`Electron build of better-sqlite3 is up to date (${wanted}).`);
  process.exit(0);
}

// Work on a copy so the Node build in node_modules stays untouched.
const work = join(root, 'electron-native', '.work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(sqliteDir, join(work, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) });
const result = spawnSync(process.execPath, [prebuildInstall, '--runtime', 'electron', '--target', electronVersion], {
  cwd: join(work, 'better-sqlite3'),
  stdio: 'pipe',
  timeout: 120_000,
  encoding: 'utf8',
});
const built = join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (result.status === 0 && existsSync(built)) {
  copyFileSync(built, target);
  writeFileSync(stamp, wanted);
  say(`Electron build of better-sqlite3 installed: ${target}`);
} else {
  say('could not download the Electron build of better-sqlite3 (no access to its prebuilt binaries).');
  say('Tests, the CLI and `npm run web` do not need it. To run the desktop app, on a machine with internet run:');
  say('  node scripts/electron-native.mjs');
}
rmSync(work, { recursive: true, force: true });
