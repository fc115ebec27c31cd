// Opening the database file (ARCHITECTURE "Data rules"): WAL and foreign keys on; committed
// migrations applied at start-up after an automatic backup; a file from a newer SalesDesk refused
// untouched.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { verifyFile } from '../../electron/core/db/backup';
import { DatabaseTooNewError, DEFAULT_MIGRATIONS_FOLDER, openDatabase, type Database } from '../../electron/core/db/connection';
import { backupDirFor } from '../../electron/core/db/paths';
import { Caller, createCustomer, PASSWORD } from '../support/core';

const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};
const APP_VERSION = journal.entries.length;

let dir: string;
let file: string;
const open: Database[] = [];
async function openDb(options: Partial<Parameters<typeof openDatabase>[0]> = {}): Promise<Database> {
  const db = await openDatabase({ file, ...options });
  open.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesdesk-db-'));
  file = join(dir, 'data', 'salesdesk.db');
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Bytes and mtime of the database file, to prove it was not touched. */
function fingerprint(path: string) {
  const stat = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), size: stat.size, mtimeMs: stat.mtimeMs };
}

describe('openDatabase on a new file', () => {
  it('creates the folder, migrates to the app version and sets the pragmas', async () => {
    const db = await openDb();
    expect(APP_VERSION).toBeGreaterThanOrEqual(2);
    expect(db.schemaVersion).toBe(APP_VERSION);
    expect(db.backupFile).toBeNull();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(APP_VERSION);
    const applied = db.sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(APP_VERSION);
    const tables = (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'settings', 'audit_log', 'customers', 'customer_applications', 'customer_change_requests']));
    expect(existsSync(backupDirFor(file))).toBe(false);
  });

  it('enforces foreign keys', async () => {
    const db = await openDb();
    expect(() =>
      db.sqlite
        .prepare("INSERT INTO customers (customer_no, name, owner_id, created_by, created_at, updated_at) VALUES ('X1', 'x', 999, 999, 'now', 'now')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('re-opening', () => {
  it('an up-to-date file opens without a backup and keeps its data', async () => {
    const first = await createCore({ file, logError: () => {} });
    await new Caller(first).call('setup.init', { companyName: '恒达', adminUsername: 'admin', adminDisplayName: '管理员', password: PASSWORD });
    first.close();
    const again = await openDb();
    expect(again.backupFile).toBeNull();
    expect(again.schemaVersion).toBe(APP_VERSION);
    expect(existsSync(backupDirFor(file))).toBe(false);
    expect((again.sqlite.prepare('SELECT username FROM users').all() as { username: string }[]).map((r) => r.username)).toEqual(['admin']);
  });
});

describe('a database from a newer SalesDesk', () => {
  async function makeTooNew(extra: { count: number; when: number }) {
    (await openDb()).close();
    const raw = new BetterSqlite3(file);
    const insert = raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
    for (let i = 0; i < extra.count; i++) insert.run(`future-${i}`, extra.when + i);
    raw.close();
  }
  const newest = Math.max(...journal.entries.map((e) => e.when));

  it('is refused with DatabaseTooNewError (更新版本) and left byte-for-byte unchanged', async () => {
    await makeTooNew({ count: 1, when: newest + 86_400_000 });
    const before = fingerprint(file);
    const filesBefore = readdirSync(dirname(file)).sort();
    let error: unknown;
    try {
      await openDb();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.code).toBe('CONFLICT');
    expect(tooNew.message).toContain('更新版本');
    expect(tooNew.message).toContain(`数据结构版本 ${APP_VERSION + 1}`);
    expect(tooNew.messageEn).toContain('newer SalesDesk');
    expect(fingerprint(file)).toEqual(before);
    expect(readdirSync(dirname(file)).sort()).toEqual(filesBefore);
    expect(existsSync(backupDirFor(file))).toBe(false);
  });

  it('is refused when it only has a newer migration timestamp', async () => {
    (await openDb()).close();
    const raw = new BetterSqlite3(file);
    const changed = raw
      .prepare('UPDATE __drizzle_migrations SET created_at = ? WHERE rowid = (SELECT MAX(rowid) FROM __drizzle_migrations)')
      .run(newest + 1).changes;
    raw.close();
    expect(changed).toBe(1);
    const before = fingerprint(file);
    await expect(openDb()).rejects.toBeInstanceOf(DatabaseTooNewError);
    expect(fingerprint(file)).toEqual(before);
  });

  it('is refused by createCore too, so no host can open it', async () => {
    await makeTooNew({ count: 1, when: newest + 1 });
    await expect(createCore({ file })).rejects.toThrow(/更新版本/);
  });
});

describe('a database at an older migration level', () => {
  /** A copy of the committed migrations with only the first `count` in the journal. */
  function olderMigrations(count: number): string {
    const folder = join(dir, `migrations-v${count}`);
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }, null, 2));
    return folder;
  }

  it('is backed up first (a sound copy at the old version), then migrated with its data intact', async () => {
    const v1 = olderMigrations(1);
    const old = await createCore({ file, migrationsFolder: v1, logError: () => {} });
    expect(old.database.schemaVersion).toBe(1);
    const admin = new Caller(old);
    await admin.call('setup.init', { companyName: '恒达', adminUsername: 'admin', adminDisplayName: '管理员', password: PASSWORD });
    await admin.call('users.create', { username: 'rep1', displayName: '张伟', role: 'rep', password: PASSWORD });
    const rep = new Caller(old);
    await rep.call('auth.login', { username: 'rep1', password: PASSWORD });
    await createCustomer(rep, 'C001', { name: '苏州恒达化工' });
    // at version 1 the audit log is not yet protected by triggers
    expect(old.database.sqlite.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger'").get()).toEqual({ n: 0 });
    old.close();

    const now = new Date('2026-11-23T01:02:03.000Z');
    const db = await openDb({ now: () => now });
    expect(db.schemaVersion).toBe(APP_VERSION);
    expect(db.backupFile).not.toBeNull();
    const backup = db.backupFile!;
    expect(dirname(backup)).toBe(backupDirFor(file));
    expect(backup).toContain('20261123-010203');
    expect(backup).toContain(`before-migration-v1-to-v${APP_VERSION}`);
    expect(existsSync(backup)).toBe(true);
    expect(verifyFile(backup)).toEqual({ ok: true, integrity: 'ok', schemaVersion: 1 });
    // the backup holds the data as it was
    const copy = new BetterSqlite3(backup, { readonly: true });
    expect(copy.prepare('SELECT customer_no, name FROM customers').all()).toEqual([{ customer_no: 'C001', name: '苏州恒达化工' }]);
    copy.close();

    // migrated, data intact, new migration in force
    expect(db.sqlite.prepare('SELECT customer_no, name FROM customers').all()).toEqual([{ customer_no: 'C001', name: '苏州恒达化工' }]);
    expect((db.sqlite.prepare('SELECT username FROM users ORDER BY id').all() as { username: string }[]).map((r) => r.username)).toEqual(['admin', 'rep1']);
    expect(() => db.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
    expect(verifyFile(file)).toEqual({ ok: true, integrity: 'ok', schemaVersion: APP_VERSION });

    // the next start needs no further backup
    const third = await openDb();
    expect(third.backupFile).toBeNull();
  });

  it('the migrated database still works through the dispatcher', async () => {
    const old = await createCore({ file, migrationsFolder: olderMigrations(1), logError: () => {} });
    await new Caller(old).call('setup.init', { companyName: '恒达', adminUsername: 'admin', adminDisplayName: '管理员', password: PASSWORD });
    old.close();
    const core = await createCore({ file, logError: () => {} });
    try {
      const admin = new Caller(core);
      await admin.call('auth.login', { username: 'admin', password: PASSWORD });
      expect((await admin.call('users.list', {})).map((u) => u.username)).toEqual(['admin']);
      expect(await admin.call('setup.status', {})).toEqual({ initialized: true, companyName: '恒达' });
    } finally {
      core.close();
    }
  });
});

describe('verifyFile', () => {
  it('reports ok and the schema version of a healthy database without changing it', async () => {
    (await openDb()).close();
    const before = fingerprint(file);
    expect(verifyFile(file)).toEqual({ ok: true, integrity: 'ok', schemaVersion: APP_VERSION });
    expect(fingerprint(file)).toEqual(before);
  });

  it('reports schema version 0 for a database SalesDesk never migrated', () => {
    const plain = join(dir, 'plain.db');
    const raw = new BetterSqlite3(plain);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(verifyFile(plain)).toEqual({ ok: true, integrity: 'ok', schemaVersion: 0 });
  });

  it('refuses a missing file instead of creating one', () => {
    const missing = join(dir, 'missing.db');
    expect(() => verifyFile(missing)).toThrow();
    expect(existsSync(missing)).toBe(false);
  });
});
