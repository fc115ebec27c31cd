// The browser preview's HTTP transport: same dispatcher, session in an HttpOnly cookie, and
// refusals for cross-site calls, wrong methods and oversized or malformed bodies.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/cli/web';

let server: PreviewServer;
let dir: string;

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, cookie: response.headers.get('set-cookie'), json: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } } };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesdesk-http-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startPreviewServer({ db: join(dir, 'db.sqlite'), port: 0, host: '127.0.0.1', staticDir, quiet: true });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser preview transport', () => {
  it('runs a public channel and keeps the session in an HttpOnly cookie only', async () => {
    const setup = await post(JSON.stringify({ channel: 'setup.init', input: { companyName: '测试公司', adminUsername: 'admin', adminDisplayName: '管理员', password: 'admin-pass' } }));
    expect(setup.json.ok).toBe(true);
    expect(setup.cookie).toMatch(/^sd_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(JSON.stringify(setup.json)).not.toContain(setup.cookie!.split(';')[0]!.split('=')[1]!);
    const cookie = setup.cookie!.split(';')[0]!;
    const me = await post(JSON.stringify({ channel: 'auth.me', input: {} }), { Cookie: cookie });
    expect(me.json).toMatchObject({ ok: true, data: { username: 'admin', role: 'admin' } });
    const logout = await post(JSON.stringify({ channel: 'auth.logout', input: {} }), { Cookie: cookie });
    expect(logout.cookie).toContain('Max-Age=0');
    const after = await post(JSON.stringify({ channel: 'users.list', input: {} }), { Cookie: cookie });
    expect(after.json.error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses cross-site callers and non-JSON posts', async () => {
    const evil = await post(JSON.stringify({ channel: 'setup.status', input: {} }), { Origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    // fetch may not set Host, so the DNS-rebinding case goes through node:http.
    const rebindingStatus = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request(
        { host: url.hostname, port: url.port, path: '/api/invoke', method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ channel: 'setup.status', input: {} }));
    });
    expect(rebindingStatus).toBe(403);
    const form = await post('channel=setup.status', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
  });

  it('answers malformed and oversized bodies with a clear error', async () => {
    const bad = await post('{not json');
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toContain('JSON');
    const big = await post(JSON.stringify({ channel: 'setup.status', input: { x: 'x'.repeat(5 * 1024 * 1024) } })).catch(() => null);
    if (big) expect(big.json.ok).toBe(false);
    const unknown = await post(JSON.stringify({ channel: 'orders.drop', input: {} }));
    expect(unknown.json.error).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
  });

  it('accepts only POST on the API path and serves the page elsewhere', async () => {
    expect((await fetch(`${server.url}/api/invoke`)).status).toBe(405);
    const page = await fetch(`${server.url}/customers`);
    expect(await page.text()).toContain('<title>t</title>');
    const traversal = await fetch(`${server.url}/..%2f..%2fdb.sqlite`);
    expect(await traversal.text()).not.toContain('SQLite format');
  });
});
