// Test support: a real core on a temp database file, and callers that act as a signed-in user
// through the same dispatcher the transports use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput, InvokeResult } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import type { Role } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core/index';

export interface TestCore {
  core: Core;
  dir: string;
  file: string;
  /** A caller with its own session (like one window or one browser). */
  caller(): Caller;
  /** The admin created by setup (username admin / password admin-pass). */
  admin: Caller;
  /** Creates a user through the API and returns a caller signed in as that user. */
  userWith(role: Role, extra?: Partial<ChannelInput<'users.create'>>): Promise<Caller & { id: number }>;
  cleanup(): void;
}

export class Caller {
  token: string | null = null;
  constructor(private readonly core: Core) {}

  async raw(channel: string, input: unknown): Promise<InvokeResult> {
    const outcome = await this.core.dispatch({ sessionToken: this.token, channel, input });
    if (outcome.sessionToken !== undefined) this.token = outcome.sessionToken;
    return outcome.result;
  }

  /** Calls and expects success. */
  async call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
    const result = await this.raw(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.data as ChannelOutput<K>;
  }

  /** Calls and expects an error; returns it. */
  async fail(channel: string, input: unknown): Promise<AppErrorPayload> {
    const result = await this.raw(channel, input);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.data).slice(0, 200)}`);
    return result.error;
  }
}

export const ADMIN = { username: 'admin', password: 'admin-pass' };
export const PASSWORD = 'secret-pass';

export async function testCore(options: { setup?: boolean; now?: () => Date } = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-test-'));
  const file = join(dir, 'salesdesk.db');
  const core = await createCore({ file, now: options.now, logError: () => {} });
  const admin = new Caller(core);
  if (options.setup !== false) {
    await admin.call('setup.init', {
      companyName: '苏州恒达化工有限公司',
      adminUsername: ADMIN.username,
      adminDisplayName: '系统管理员',
      password: ADMIN.password,
    });
  }
  let counter = 0;
  return {
    core,
    dir,
    file,
    admin,
    caller: () => new Caller(core),
    async userWith(role, extra = {}) {
      counter += 1;
      const username = extra.username ?? `${role}${counter}`;
      const user = await admin.call('users.create', {
        username,
        displayName: extra.displayName ?? `${role}-${counter}`,
        role,
        password: PASSWORD,
        ...extra,
      });
      const caller = new Caller(core);
      await caller.call('auth.login', { username, password: PASSWORD });
      return Object.assign(caller, { id: user.id });
    },
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
