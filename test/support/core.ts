// Test support: a real core on a temp database file, and callers that act as a signed-in user
// through the same dispatcher the transports use.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput, InvokeResult } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import type { Role } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core/index';
import type { SessionStore } from '../../electron/core/api/sessions';

export interface TestCore {
  core: Core;
  dir: string;
  file: string;
  /** A caller with its own session (like one window or one browser). */
  caller(): Caller;
  /** The admin created by setup (username admin / password admin-pass). */
  admin: Caller;
  /** Creates a user through the API (password PASSWORD) and returns a caller signed in as that user. */
  userWith(role: Role, extra?: Partial<ChannelInput<'users.create'>>): Promise<Caller & { id: number }>;
  /** A caller with a fresh session for an existing user, started directly in the session store (no password hashing). */
  callerFor(userId: number): Caller & { id: number };
  /** Row counts of every table of the database. */
  counts(): Record<string, number>;
  /** Row count of one table. */
  count(table: string): number;
  /** The full content of every table, for "nothing was written" checks (compare two snapshots). */
  snapshot(): string;
  /** Unexpected errors the dispatcher reported through logError (they reach callers only as INTERNAL). */
  loggedErrors: { channel: string; error: unknown }[];
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

/** Names of the application's tables (drizzle's bookkeeping and SQLite's internals excluded). */
export function tableNames(sqlite: Core['database']['sqlite']): string[] {
  const rows = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

export interface TestCoreOptions {
  /** Run first-run setup (company + admin/admin-pass); default true. Ignored with `seedFile`. */
  setup?: boolean;
  now?: () => Date;
  migrationsFolder?: string;
  /** Start from a copy of this (closed, already set-up) database file instead of an empty one. */
  seedFile?: string;
  /** The session store (e.g. one with an injected clock). */
  sessions?: SessionStore;
}

export async function testCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-test-'));
  const file = join(dir, 'salesdesk.db');
  if (options.seedFile) copyFileSync(options.seedFile, file);
  const loggedErrors: { channel: string; error: unknown }[] = [];
  const core = await createCore({
    file,
    now: options.now,
    migrationsFolder: options.migrationsFolder,
    sessions: options.sessions,
    logError: (error, channel) => loggedErrors.push({ channel, error }),
  });
  const admin = new Caller(core);
  if (options.seedFile) {
    const row = core.database.sqlite.prepare("SELECT id FROM users WHERE username = ?").get(ADMIN.username) as { id: number } | undefined;
    if (row) admin.token = core.dispatcher.sessions.start(row.id);
  } else if (options.setup !== false) {
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
      // Signed in through the session store, as auth.login would do, without paying for a second
      // scrypt run per user (sign-in itself is covered by test/integration/auth.test.ts).
      const caller = new Caller(core);
      caller.token = core.dispatcher.sessions.start(user.id);
      return Object.assign(caller, { id: user.id });
    },
    callerFor(userId) {
      const caller = new Caller(core);
      caller.token = core.dispatcher.sessions.start(userId);
      return Object.assign(caller, { id: userId });
    },
    counts() {
      const sqlite = core.database.sqlite;
      return Object.fromEntries(
        tableNames(sqlite).map((name) => [name, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
      );
    },
    count(table) {
      if (!tableNames(core.database.sqlite).includes(table)) throw new Error(`no table ${table}`);
      return (core.database.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    },
    snapshot() {
      const sqlite = core.database.sqlite;
      return JSON.stringify(
        tableNames(sqlite).map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
      );
    },
    loggedErrors,
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A customer-create input with the required fields filled in. */
export function customerInput(
  customerNo: string,
  extra: Partial<ChannelInput<'customers.create'>['customer']> = {},
): ChannelInput<'customers.create'>['customer'] {
  return { customerNo, name: `客户${customerNo}`, ...extra };
}

/** Creates a customer as `caller` and returns it (with its C-NEW application). */
export async function createCustomer(
  caller: Caller,
  customerNo: string,
  extra: Partial<ChannelInput<'customers.create'>['customer']> = {},
): Promise<ChannelOutput<'customers.create'>> {
  return caller.call('customers.create', { customer: customerInput(customerNo, extra) });
}

/** True when the text contains at least one CJK ideograph (messages are Chinese first). */
export function hasChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/**
 * A small sales department (DOMAIN §1) for tests that need several people: who reports to whom
 * matters for supervisors' scope. Every member's password is PASSWORD; usernames are the keys in
 * lower case.
 */
export const TEAM = {
  gm: { role: 'gm', displayName: '赵总', superior: null },
  director: { role: 'director', displayName: '钱总监', superior: 'gm' },
  manager: { role: 'manager', displayName: '王经理', superior: 'director' },
  supervisor: { role: 'supervisor', displayName: '孙主管', superior: 'manager' },
  repA: { role: 'rep', displayName: '张伟', superior: 'supervisor' },
  repB: { role: 'rep', displayName: '李娜', superior: 'manager' },
  assistant: { role: 'assistant', displayName: '周内勤', superior: 'manager' },
  finance: { role: 'finance', displayName: '吴会计', superior: 'gm' },
} as const satisfies Record<string, { role: Role; displayName: string; superior: string | null }>;
export type Member = keyof typeof TEAM;

export interface TeamTemplate {
  /** A closed database file: set up, with the admin and the TEAM created through the API. */
  file: string;
  ids: Record<Member | 'admin', number>;
  cleanup(): void;
}

/** Builds the TEAM once (scrypt makes creating users slow); each test then opens its own copy. */
export async function teamTemplate(): Promise<TeamTemplate> {
  const t = await testCore();
  const ids = { admin: (await t.admin.call('auth.me', {}))!.id } as Record<Member | 'admin', number>;
  for (const [member, def] of Object.entries(TEAM) as [Member, (typeof TEAM)[Member]][]) {
    const superior = def.superior === null ? null : ids[def.superior];
    const user = await t.admin.call('users.create', {
      username: member.toLowerCase(),
      displayName: def.displayName,
      role: def.role,
      password: PASSWORD,
      managerId: superior,
    });
    ids[member] = user.id;
  }
  t.core.close(); // checkpoints the WAL into the file
  return { file: t.file, ids, cleanup: () => t.cleanup() };
}

export type TeamCore = TestCore & { team: Record<Member, Caller & { id: number }>; ids: TeamTemplate['ids'] };

/** A fresh core on a copy of the template, with a signed-in caller for every TEAM member. */
export async function teamCore(template: TeamTemplate, options: Omit<TestCoreOptions, 'seedFile' | 'setup'> = {}): Promise<TeamCore> {
  const t = await testCore({ ...options, seedFile: template.file });
  const team = Object.fromEntries(
    (Object.keys(TEAM) as Member[]).map((member) => [member, t.callerFor(template.ids[member])]),
  ) as Record<Member, Caller & { id: number }>;
  return Object.assign(t, { team, ids: template.ids });
}
