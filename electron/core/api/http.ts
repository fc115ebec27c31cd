// The browser preview's transport: POST /api/invoke → the same dispatcher as ipcMain.
// Local development and end-to-end tests only; it listens on 127.0.0.1. The session token lives in
// an HttpOnly cookie, so the page never sees it (as with IPC, where main keeps it per window).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeResult } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Dispatcher } from './dispatcher';

export const API_PATH = '/api/invoke';
const COOKIE = 'sd_session';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function send(res: ServerResponse, status: number, result: InvokeResult, cookie?: string): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(cookie ? { 'Set-Cookie': cookie } : {}),
  });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, error: AppError): void {
  send(res, status, { ok: false, error: error.toPayload() });
}

/** Only pages served by this very server may call it: same host, JSON only (blocks cross-site forms and DNS rebinding). */
function isSameOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('VALIDATION', '请求过大', 'Request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Handles API requests; returns false for any other path so the caller can serve the page. */
export async function handleApiRequest(dispatcher: Dispatcher, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== API_PATH) return false;
  if (req.method !== 'POST') {
    refuse(res, 405, new AppError('VALIDATION', '只接受 POST 请求', 'POST only'));
    return true;
  }
  if (!isSameOrigin(req) || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    refuse(res, 403, new AppError('FORBIDDEN', '拒绝跨站请求', 'Cross-site request refused'));
    return true;
  }
  let body: { channel?: unknown; input?: unknown };
  try {
    body = JSON.parse(await readBody(req)) as { channel?: unknown; input?: unknown };
    if (typeof body !== 'object' || body === null) throw new Error('not an object');
  } catch (error) {
    refuse(res, 400, error instanceof AppError ? error : new AppError('VALIDATION', '请求不是有效的 JSON', 'The request is not valid JSON'));
    return true;
  }
  const outcome = await dispatcher.dispatch({ sessionToken: readCookie(req, COOKIE), channel: body.channel, input: body.input });
  let cookie: string | undefined;
  if (outcome.sessionToken === null) cookie = `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  else if (outcome.sessionToken !== undefined) cookie = `${COOKIE}=${encodeURIComponent(outcome.sessionToken)}; Path=/; HttpOnly; SameSite=Strict`;
  send(res, 200, outcome.result, cookie);
  return true;
}
