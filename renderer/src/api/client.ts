// The renderer's one way to the core: invoke(channel, input). In Electron the preload bridge
// carries it over IPC; in the browser preview it is a POST to the same dispatcher.
import type { ChannelInput, ChannelName, ChannelOutput, InvokeResult } from '../../../shared/api';
import { isAppErrorPayload, type AppErrorPayload } from '../../../shared/errors';

export interface Bridge {
  invoke(channel: string, input: unknown): Promise<InvokeResult>;
}

declare global {
  interface Window {
    /** Exposed by electron/preload; absent in the browser preview. */
    salesdesk?: Bridge;
  }
}

export class ApiError extends Error {
  readonly payload: AppErrorPayload;
  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.payload = payload;
  }
  /** The message for a field path (e.g. "customer.name"), if the core named that field. */
  fieldMessage(field: string, lang: 'zh' | 'en'): string | undefined {
    const issue = this.payload.issues.find((i) => i.field === field || i.field.endsWith(`.${field}`));
    return issue ? (lang === 'zh' ? issue.message : issue.messageEn) : undefined;
  }
}

const httpBridge: Bridge = {
  async invoke(channel, input) {
    const response = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel, input }),
    });
    return (await response.json()) as InvokeResult;
  },
};

function bridge(): Bridge {
  return window.salesdesk ?? httpBridge;
}

/** Session-expired listeners (the app shell returns to the sign-in screen). */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function invoke<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  let result: InvokeResult;
  try {
    result = await bridge().invoke(channel, input);
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: '无法连接到程序核心，请重试', messageEn: 'Cannot reach the program core; try again', issues: [] });
  }
  if (result.ok) return result.data as ChannelOutput<K>;
  const error = isAppErrorPayload(result.error)
    ? result.error
    : { code: 'INTERNAL' as const, message: '未知错误', messageEn: 'Unknown error', issues: [] };
  if (error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener());
  throw new ApiError(error);
}
