// The one dispatcher behind every transport (ipcMain, the browser preview, tests):
// zod-parse the input, resolve the session, check the role, run the handler, zod-check the output.
import { api, FIELD_LABELS, isChannelName, type ChannelName, type InvokeResult } from '../../../shared/api';
import { AppError, validationError } from '../../../shared/errors';
import type { Database } from '../db/connection';
import { isInitialized, loadActor } from '../users/service';
import type { Actor, HandlerContext, Handlers } from './context';
import { SessionStore } from './sessions';

export interface DispatchCall {
  /** The caller's session token as its transport keeps it (cookie, per-window map); null when signed out. */
  sessionToken: string | null;
  channel: unknown;
  input: unknown;
}

export interface DispatchOutcome {
  result: InvokeResult;
  /** A new token to keep (sign-in), null to forget the token (sign-out), undefined for no change. */
  sessionToken?: string | null;
}

export interface DispatcherOptions {
  database: Database;
  handlers: Handlers;
  sessions?: SessionStore;
  now?: () => Date;
  /** Where unexpected errors are reported (they reach the user only as a generic message). */
  logError?: (error: unknown, channel: string) => void;
}

export class Dispatcher {
  readonly sessions: SessionStore;
  private readonly now: () => Date;
  private readonly logError: (error: unknown, channel: string) => void;

  constructor(private readonly options: DispatcherOptions) {
    this.sessions = options.sessions ?? new SessionStore();
    this.now = options.now ?? (() => new Date());
    this.logError = options.logError ?? ((error, channel) => console.error(`[salesdesk] ${channel} failed:`, error));
  }

  async dispatch(call: DispatchCall): Promise<DispatchOutcome> {
    let sessionToken: string | null | undefined;
    const channelName = typeof call.channel === 'string' ? call.channel.slice(0, 80) : String(typeof call.channel);
    try {
      if (!isChannelName(call.channel)) {
        throw new AppError('UNKNOWN_CHANNEL', `未知的接口：${channelName}`, `Unknown channel: ${channelName}`);
      }
      const channel: ChannelName = call.channel;
      const def = api[channel];
      const db = this.options.database.db;

      const userId = this.sessions.resolve(call.sessionToken);
      const actor = userId === null ? null : loadActor(db, userId);
      if (userId !== null && actor === null) {
        this.sessions.end(call.sessionToken);
        sessionToken = null;
      }
      this.checkAccess(channel, actor);

      // reportInput lets the error say "wrong type" rather than "required" for a value of the wrong type.
      const parsed = def.input.safeParse(call.input ?? {}, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error, FIELD_LABELS);

      const ctx: HandlerContext = {
        database: this.options.database,
        db,
        actor,
        channel,
        now: this.now,
        sessions: this.sessions,
        startSession: (id) => {
          this.sessions.end(call.sessionToken);
          sessionToken = this.sessions.start(id);
        },
        endSession: () => {
          this.sessions.end(call.sessionToken);
          sessionToken = null;
        },
      };
      const handler = this.options.handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
      const data = await handler(parsed.data, ctx);

      const checked = def.output.safeParse(data);
      if (!checked.success) {
        this.logError(checked.error, `${channel} (output)`);
        // The handler's transaction has committed by now: do not claim that nothing was saved.
        throw new AppError('INTERNAL', '程序内部错误：返回数据不符合接口约定，操作可能已保存，请刷新核对', 'Internal error: the result did not match the contract; the change may have been saved, refresh to check');
      }
      return { result: { ok: true, data: checked.data }, sessionToken };
    } catch (error) {
      return { result: { ok: false, error: this.toAppError(error, channelName).toPayload() }, sessionToken };
    }
  }

  private checkAccess(channel: ChannelName, actor: Actor | null): void {
    const access = api[channel].access;
    if (access === 'public') return;
    if (!actor) {
      if (!isInitialized(this.options.database.db)) {
        throw new AppError('SETUP_REQUIRED', '系统尚未初始化，请先创建公司和管理员', 'SalesDesk is not set up yet');
      }
      throw new AppError('UNAUTHENTICATED', '请先登录', 'Please sign in');
    }
    if (access === 'signedIn') return;
    if (!access.includes(actor.role)) {
      throw new AppError('FORBIDDEN', `您的角色无权执行此操作（${channel}）`, `Your role may not do this (${channel})`);
    }
  }

  private toAppError(error: unknown, channel: string): AppError {
    if (error instanceof AppError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_BUSY') {
      return new AppError('CONFLICT', '数据库正忙，请稍后重试', 'The database is busy; try again');
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      this.logError(error, channel);
      return new AppError('CONFLICT', '数据冲突：与已有记录矛盾，未保存任何内容', 'Conflict with existing data; nothing was saved');
    }
    this.logError(error, channel);
    return new AppError('INTERNAL', '程序内部错误，未保存任何内容', 'Internal error; nothing was saved');
  }
}
