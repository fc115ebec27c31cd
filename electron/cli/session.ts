// How the CLI talks to the core: through the same dispatcher as the UI, so validation, roles and the
// audit trail are identical. The CLI is a trusted local tool (whoever can read the database file can
// change it anyway), so commands that need an administrator run as the first active one.
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { createCore, type Core } from '../core/index';
import { listUsers } from '../core/users/service';

/** Calls a channel and returns its data, or throws the core's AppError. */
export async function invoke<K extends ChannelName>(
  core: Core,
  sessionToken: string | null,
  channel: K,
  input: ChannelInput<K>,
): Promise<{ data: ChannelOutput<K>; sessionToken: string | null }> {
  const outcome = await core.dispatch({ sessionToken, channel, input });
  if (!outcome.result.ok) {
    const { code, message, messageEn, issues } = outcome.result.error;
    throw new AppError(code, message, messageEn, issues);
  }
  return {
    data: outcome.result.data as ChannelOutput<K>,
    sessionToken: outcome.sessionToken === undefined ? sessionToken : outcome.sessionToken,
  };
}

export function notInitialized(file: string): AppError {
  return new AppError(
    'SETUP_REQUIRED',
    `数据库 ${file} 尚未初始化，请先运行 salesdesk init（或 salesdesk demo）`,
    `The database ${file} is not set up yet; run salesdesk init (or salesdesk demo) first`,
  );
}

export interface AdminSession {
  token: string;
  admin: { id: number; username: string; displayName: string };
}

/** A session of the first active administrator, as if he had signed in. */
export function startAdminSession(core: Core): AdminSession {
  const admin = listUsers(core.database.db).find((user) => user.role === 'admin' && user.active);
  if (!admin) throw notInitialized(core.database.file);
  return {
    token: core.dispatcher.sessions.start(admin.id),
    admin: { id: admin.id, username: admin.username, displayName: admin.displayName },
  };
}

/** Opens the core for one command and always closes it. */
export async function withCore<T>(file: string, run: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({ file, logError: (error, channel) => console.error(`[salesdesk] ${channel}:`, error) });
  try {
    return await run(core);
  } finally {
    core.close();
  }
}
