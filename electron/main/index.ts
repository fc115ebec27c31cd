// The Electron shell: lifecycle, single-instance lock, the window, and the IPC binding to the core.
// Everything else lives in electron/core and runs unchanged in plain Node.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { createCore, type Core } from '../core/index';
import { resolveDbFile } from '../core/db/paths';
import { CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences, windowOpenDecision } from './security';

app.setName('SalesDesk');

let core: Core | null = null;
/** Session tokens per window: the renderer never holds one. */
const tokens = new Map<number, string>();

const appRoot = app.getAppPath();
const rendererIndex = join(appRoot, 'out', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();

/** The better-sqlite3 build for Electron's ABI, made by scripts/electron-native.mjs (see README). */
function electronNativeBinding(): string | undefined {
  const candidate = join(appRoot, 'electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '销售台账 SalesDesk',
    show: false,
    webPreferences: secureWebPreferences(join(appRoot, 'out', 'preload', 'index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  const id = win.webContents.id;
  win.on('closed', () => {
    const token = tokens.get(id);
    if (token) core?.dispatcher.sessions.end(token);
    tokens.delete(id);
  });
  void win.loadFile(rendererIndex);
  return win;
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const dbFile = resolveDbFile(undefined, { ...process.env, SALESDESK_DB: process.env.SALESDESK_DB ?? join(app.getPath('userData'), 'salesdesk.db') });
  try {
    core = await createCore({
      file: dbFile,
      migrationsFolder: join(appRoot, 'electron', 'core', 'db', 'migrations'),
      nativeBinding: electronNativeBinding(),
    });
  } catch (error) {
    const text = error instanceof AppError ? `${error.message}\n\n${error.messageEn}` : String(error);
    dialog.showErrorBox('销售台账无法打开数据库 / SalesDesk cannot open its database', text);
    app.quit();
    return;
  }

  ipcMain.handle(IPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    // Only our own page in a top-level frame may call the core.
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, rendererUrl) || event.senderFrame?.parent) {
      return { ok: false, error: new AppError('FORBIDDEN', '拒绝来自未知页面的请求', 'Request from an unknown page refused').toPayload() };
    }
    const id = event.sender.id;
    const outcome = await core!.dispatch({ sessionToken: tokens.get(id) ?? null, channel, input });
    if (outcome.sessionToken === null) tokens.delete(id);
    else if (outcome.sessionToken !== undefined) tokens.set(id, outcome.sessionToken);
    return outcome.result;
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: '文件 File', submenu: [{ role: 'quit', label: '退出 Quit' }] },
      { label: '编辑 Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
      { label: '视图 View', submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
      { label: '帮助 Help', submenu: [{ label: '数据文件夹 Data folder', click: () => void shell.openPath(join(dbFile, '..')) }] },
    ]),
  );

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  core?.close();
  app.quit();
});

void main();
