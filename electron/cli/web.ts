// The browser preview: the real renderer and the real core dispatcher over 127.0.0.1.
// `npm run web` serves the renderer through Vite (live reload); `--static DIR` serves a built
// renderer (out/renderer), which is what the end-to-end tests use.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleApiRequest } from '../core/api/http';
import { createCore, type Core } from '../core/index';

export interface WebOptions {
  db: string;
  port: number;
  host: string;
  /** Serve this built renderer folder instead of running Vite. */
  staticDir?: string;
  /** Injected clock for tests. */
  now?: () => Date;
  quiet?: boolean;
}

export interface PreviewServer {
  url: string;
  core: Core;
  close(): Promise<void>;
}

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  let file = normalize(join(root, urlPath));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html'); // single-page app
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

export async function startPreviewServer(options: WebOptions): Promise<PreviewServer> {
  if (!LOOPBACK.has(options.host)) {
    throw new Error(`The preview listens only on 127.0.0.1 / localhost, not ${options.host}`);
  }
  const core = await createCore({ file: options.db, now: options.now });
  let pageHandler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  let closeVite: () => Promise<void> = async () => {};
  const server: Server = createServer((req, res) => {
    handleApiRequest(core.dispatcher, req, res)
      .then((handled) => {
        if (!handled) pageHandler(req, res);
      })
      .catch((error: unknown) => {
        console.error('[salesdesk web]', error);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  if (options.staticDir) {
    const root = resolve(options.staticDir);
    if (!existsSync(join(root, 'index.html'))) throw new Error(`No built renderer at ${root} (run npm run build)`);
    pageHandler = (req, res) => serveStatic(root, req, res);
  } else {
    const { createServer: createViteServer } = await import('vite');
    const { default: react } = await import('@vitejs/plugin-react');
    const vite = await createViteServer({
      root: join(REPO_ROOT, 'renderer'),
      configFile: false,
      plugins: [react()],
      // Live reload over this same server and port, so the page's CSP (connect-src 'self') allows it.
      server: { middlewareMode: true, hmr: { server } },
      appType: 'spa',
    });
    pageHandler = (req, res) => vite.middlewares(req, res);
    closeVite = () => vite.close();
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host === '::1' ? '[::1]' : options.host}:${port}`;
  return {
    url,
    core,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closeVite();
      core.close();
    },
  };
}

/** `salesdesk web`: runs until interrupted. */
export async function runWeb(options: WebOptions): Promise<void> {
  const preview = await startPreviewServer(options);
  if (!options.quiet) {
    console.log(`销售台账 浏览器预览 / SalesDesk browser preview: ${preview.url}`);
    console.log(`数据库 / database: ${options.db}`);
  }
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
