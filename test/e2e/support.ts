// End-to-end harness: the browser preview (built renderer + real core on a temp database) driven by
// playwright-core in Debian's Chromium. Screenshots go to test-results/ to be looked at.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../electron/cli/web';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/api';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RESULTS = join(ROOT, 'test-results');
const RENDERER = join(ROOT, 'out', 'renderer');

/** The Chromium to drive, or null (the suite is then skipped, unless CI requires it). */
export function chromiumPath(): string | null {
  const candidates = [process.env.SALESDESK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p!));
  if (!found && (process.env.CI === 'true' || process.env.SALESDESK_REQUIRE_E2E === '1')) {
    throw new Error('E2E tests are required (CI) but no Chromium was found: apt-get install chromium');
  }
  if (!found) console.warn('⚠ e2e skipped: no Chromium found (install Debian chromium or set SALESDESK_CHROMIUM)');
  return found ?? null;
}

export interface E2E {
  server: PreviewServer;
  context: BrowserContext;
  page: Page;
  /** Calls the core directly as a given session (seeding data fast, outside the UI). */
  api<K extends ChannelName>(token: string | null, channel: K, input: ChannelInput<K>): Promise<{ data: ChannelOutput<K>; token: string | null }>;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startE2E(options: { now?: () => Date } = {}): Promise<E2E> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no chromium');
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-e2e-'));
  const server = await startPreviewServer({ db: join(dir, 'salesdesk.db'), port: 0, host: '127.0.0.1', staticDir: RENDERER, now: options.now, quiet: true });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  mkdirSync(RESULTS, { recursive: true });
  return {
    server,
    context,
    page,
    async api<K extends ChannelName>(token: string | null, channel: K, input: ChannelInput<K>) {
      const outcome = await server.core.dispatch({ sessionToken: token, channel, input });
      if (!outcome.result.ok) throw new Error(`${channel}: ${outcome.result.error.message}`);
      const next = outcome.sessionToken === undefined ? token : outcome.sessionToken;
      return { data: outcome.result.data as ChannelOutput<K>, token: next };
    },
    async shot(name) {
      const path = join(RESULTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('signed-in-user').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-form').waitFor();
}
