// The window security baseline (ARCHITECTURE "Electron security baseline"), kept in one place so
// tests can assert it without starting Electron.

/** BrowserWindow webPreferences for every SalesDesk window. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** The Content-Security-Policy sent with every response to the renderer (also in index.html). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the app's own page may load in a window or call the core: its file:// index.html. */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appIndexUrl);
    return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
  } catch {
    return false;
  }
}

/**
 * window.open: only the print window (an empty about:blank page the renderer writes a printed form
 * into, then prints or saves as PDF) — sandboxed, with no preload, so it can never call the core.
 * Everything else is denied.
 */
export function windowOpenDecision(url: string) {
  if (url !== 'about:blank') return { action: 'deny' } as const;
  const { preload: _none, ...webPreferences } = secureWebPreferences('');
  return {
    action: 'allow',
    overrideBrowserWindowOptions: { width: 900, height: 1000, title: '打印 Print', autoHideMenuBar: true, webPreferences },
  } as const;
}
