// The single IPC channel the preload exposes, in its own file so the preload bundle stays tiny.
import type { AppErrorPayload } from './errors';

export const IPC_CHANNEL = 'salesdesk:invoke';

/** What a transport returns to the renderer. */
export type InvokeResult = { ok: true; data: unknown } | { ok: false; error: AppErrorPayload };
