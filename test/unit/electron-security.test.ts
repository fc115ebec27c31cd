// The Electron security baseline, checked without Electron: window options, CSP, the URL allowlist
// used for navigation and the IPC sender check, and a preload that exposes only `invoke`.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences, windowOpenDecision } from '../../electron/main/security';

const exposed: Record<string, unknown> = {};
const invokeCalls: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (...args: unknown[]) => (invokeCalls.push(args), Promise.resolve({ ok: true, data: null })) },
}));

describe('window security', () => {
  it('opens only the blank print window, sandboxed and without a preload; denies every other window', () => {
    const print = windowOpenDecision('about:blank');
    expect(print.action).toBe('allow');
    if (print.action !== 'allow') return;
    const prefs = print.overrideBrowserWindowOptions.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs).not.toHaveProperty('preload');
    for (const url of ['https://example.com', 'file:///etc/passwd', 'about:blank#x', 'javascript:alert(1)', '']) {
      expect(windowOpenDecision(url).action, url).toBe('deny');
    }
  });

  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('sends a strict CSP: only own scripts, no objects, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('the page itself carries the same script policy', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).toContain("default-src 'self'");
  });

  it('allows navigation and IPC only from the app page', () => {
    const app = 'file:///opt/salesdesk/out/renderer/index.html';
    expect(isAppUrl('file:///opt/salesdesk/out/renderer/index.html#/customers', app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    expect(isAppUrl('file:///opt/salesdesk/out/renderer/other.html', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
    expect(isAppUrl('', app)).toBe(false);
  });

  it('the preload exposes exactly one function, invoke, on one channel', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['salesdesk']);
    const bridge = exposed.salesdesk as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['invoke']);
    await (bridge.invoke as (c: string, i: unknown) => Promise<unknown>)('customers.list', { startRow: 0 });
    expect(invokeCalls).toEqual([['salesdesk:invoke', 'customers.list', { startRow: 0 }]]);
  });
});
