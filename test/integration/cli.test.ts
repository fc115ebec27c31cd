// The real `salesdesk` command (node bin/salesdesk.mjs) on temp database files: exit codes 0/1/2,
// Chinese messages on stderr, one JSON object on stdout with --json.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'salesdesk.mjs');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesdesk-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with no terminal on stdin (so it must never prompt). */
function salesdesk(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const env = { ...process.env };
    delete env.SALESDESK_DB;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const json = (run: Run) => JSON.parse(run.stdout) as Record<string, unknown>;
const db = (name: string) => join(dir, name);

// Processes run side by side; on a busy two-core machine they can take a while.
describe.concurrent('salesdesk CLI', { timeout: 60_000 }, () => {
  it('initialises from flags, refuses a second init, adds and lists users', async () => {
    const file = db('office.db');
    const init = await salesdesk('init', '--db', file, '--company', '苏州恒达化工有限公司', '--admin', 'boss', '--password', 'boss-pass-1');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('苏州恒达化工有限公司');

    const [again, badRole, added] = await Promise.all([
      salesdesk('init', '--db', file, '--company', '别的公司', '--admin', 'other', '--password', 'other-pass-1'),
      salesdesk('user', 'add', '--db', file, '--username', 'nobody', '--name', '某人', '--role', 'boss', '--password', 'secret-pass'),
      salesdesk('user', 'add', '--db', file, '--username', 'ZhangWei', '--name', '张伟', '--role', 'manager', '--password', 'secret-pass', '--region', '华东', '--json'),
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已经初始化');

    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('角色');
    expect(badRole.stderr).toContain('“boss”不是有效的角色');
    expect(badRole.stderr).toContain('rep（客户经理）');

    expect(added.code).toBe(0);
    expect(json(added)).toMatchObject({ ok: true, user: { username: 'zhangwei', displayName: '张伟', role: 'manager', region: '华东' } });

    const rep = await salesdesk('user', 'add', '--db', file, '--username', 'lisi', '--name', '李四', '--role', '客户经理', '--password', 'secret-pass', '--manager', 'zhangwei', '--channel', 'dealer');
    expect(rep.code).toBe(0);
    expect(rep.stdout).toContain('直属上级 / Superior: 张伟');

    const list = await salesdesk('user', 'list', '--db', file, '--json');
    expect(list.code).toBe(0);
    const { users } = json(list) as { users: { username: string; role: string; managerName: string | null; channel: string | null }[] };
    expect(users.map((u) => [u.username, u.role, u.managerName, u.channel])).toEqual([
      ['boss', 'admin', null, null],
      ['zhangwei', 'manager', null, null],
      ['lisi', 'rep', '张伟', 'dealer'],
    ]);
  });

  // Two whole demos at once (a year of orders and expenses, complaints, leave and the clock): minutes on a busy 2-core machine.
  it('gives identical customers for the same seed on two files, and verify reports ok', { timeout: 180_000 }, async () => {
    const [a, b] = await Promise.all([
      salesdesk('demo', '--db', db('demo-a.db'), '--customers', '200', '--seed', '7', '--as-of', '2026-11-23', '--json'),
      salesdesk('demo', '--db', db('demo-b.db'), '--customers', '200', '--seed', '7', '--as-of', '2026-11-23'),
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(json(a)).toMatchObject({
      ok: true,
      seed: 7,
      setup: { company: '苏州恒达化工有限公司', adminUsername: 'admin', adminPassword: 'admin123' },
      teamPassword: 'demo1234',
      customers: { count: 200, first: 'C000001', last: 'C000200' },
    });
    expect(b.stdout).toContain('admin123');
    expect(b.stdout).toContain('demo1234');

    const rows = (file: string) => {
      const sqlite = new BetterSqlite3(file, { readonly: true });
      try {
        return sqlite.prepare('SELECT * FROM customers ORDER BY id').all();
      } finally {
        sqlite.close();
      }
    };
    const customers = rows(db('demo-a.db'));
    expect(customers).toHaveLength(200);
    expect(rows(db('demo-b.db'))).toEqual(customers);

    const verify = await salesdesk('verify', '--db', db('demo-a.db'), '--json');
    expect(verify.code).toBe(0);
    expect(json(verify)).toMatchObject({ ok: true, integrity: 'ok', schemaState: 'current' });
    const { schemaVersion, appSchemaVersion } = json(verify) as { schemaVersion: number; appSchemaVersion: number };
    expect(schemaVersion).toBeGreaterThan(0);
    expect(schemaVersion).toBe(appSchemaVersion);
  });

  it('reports usage errors with exit code 2 and never prompts without a terminal', async () => {
    const [missing, unknown, badNumber, noCommand, badHost] = await Promise.all([
      salesdesk('init', '--db', db('missing.db'), '--company', '某公司'),
      salesdesk('frobnicate'),
      salesdesk('demo', '--db', db('never.db'), '--customers', 'many'),
      salesdesk(),
      salesdesk('web', '--host', '0.0.0.0'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少参数：--admin --password');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--customers');
    expect(noCommand.code).toBe(2);
    expect(badHost.code).toBe(2);
    expect(badHost.stderr).toContain('127.0.0.1');
  });

  it('prints bilingual help, and verify fails on a file that is not a database', async () => {
    const notDb = db('not-a-database.db');
    writeFileSync(notDb, 'this is not SQLite '.repeat(100));
    const [help, userHelp, verify, missingFile] = await Promise.all([
      salesdesk('--help'),
      salesdesk('user', 'add', '--help'),
      salesdesk('verify', '--db', notDb),
      salesdesk('user', 'list', '--db', db('does-not-exist.db'), '--json'),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法 Usage');
    for (const command of ['init', 'user add', 'user list', 'demo', 'verify', 'web']) expect(help.stdout).toContain(command);
    expect(userHelp.code).toBe(0);
    expect(userHelp.stdout).toContain('--manager');
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('错误');
    expect(missingFile.code).toBe(1);
    expect(json(missingFile)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
