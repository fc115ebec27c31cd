import type { ChannelName, ChannelOutput, ParsedInput } from '../../../shared/api';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Database, Db } from '../db/connection';
import type { SessionStore } from './sessions';

/** The signed-in user as the core sees it (resolved from the database on every call). */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  managerId: number | null;
}

export interface HandlerContext {
  database: Database;
  db: Db;
  actor: Actor | null;
  channel: ChannelName;
  now(): Date;
  sessions: SessionStore;
  /** Starts a session for this caller (sign-in, first-run setup); the transport keeps the token. */
  startSession(userId: number): void;
  endSession(): void;
}

export type Handler<K extends ChannelName> = (
  input: ParsedInput<K>,
  ctx: HandlerContext,
) => ChannelOutput<K> | Promise<ChannelOutput<K>>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/** The actor of a channel whose access is not public (the dispatcher has already checked). */
export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', '请先登录', 'Please sign in');
  return ctx.actor;
}
