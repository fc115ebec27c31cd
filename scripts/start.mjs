#!/usr/bin/env node
// npm start: build the three bundles, then run the desktop app in Electron. Where Electron's own
// binary cannot be had (a machine without internet access to it), say so and point to the browser
// preview, which runs the same renderer and core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !existsSync(binary)) {
  // electron's own installer downloads the binary; try it once.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
}
const ready = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
if (!ready) {
  console.error('\n无法启动桌面程序：Electron 程序文件未能下载（本机无法访问其下载地址）。');
  console.error('可以用浏览器预览运行同一界面和同一数据：npm run web');
  console.error('\nCannot start the desktop app: the Electron binary could not be downloaded on this machine.');
  console.error('Run the same UI and core in the browser preview instead: npm run web\n');
  process.exit(1);
}
if (!existsSync(join(root, 'electron-native', 'better_sqlite3.node'))) {
  console.warn('[salesdesk] electron-native/better_sqlite3.node is missing; run `node scripts/electron-native.mjs` first.');
}
const child = spawn(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()), [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
