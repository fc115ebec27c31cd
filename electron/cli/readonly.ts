// Opening a database read-only for reports: openDatabase always migrates (after a backup) and switches
// on WAL; a report must not write, so it opens the file itself and refuses a file whose schema is not
// this program's (older: open it once with SalesDesk to upgrade; newer: upgrade SalesDesk).
// The same rules as `salesdesk policy check --db`.
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../../shared/errors';
import { DatabaseTooNewError, DEFAULT_MIGRATIONS_FOLDER, readJournal, type Db } from '../core/db/connection';
import * as schema from '../core/db/schema';

export interface ReadOnlyDatabase {
  db: Db;
  close(): void;
}

export function openReadOnly(file: string): ReadOnlyDatabase {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw cannotOpen(file, error);
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    let applied: { count: number; newest: number };
    try {
      applied = appliedMigrations(sqlite);
    } catch (error) {
      throw cannotOpen(file, error);
    }
    const journal = readJournal(DEFAULT_MIGRATIONS_FOLDER);
    const appNewest = journal.reduce((max, entry) => Math.max(max, entry.when), 0);
    if (applied.count > journal.length || applied.newest > appNewest) throw new DatabaseTooNewError(file, applied.count, journal.length);
    if (applied.count < journal.length) {
      throw new AppError(
        'CONFLICT',
        `数据库 ${file} 的数据结构是旧版本（${applied.count}，本程序 ${journal.length}），报表不会升级它。请先用销售台账打开一次（会先自动备份再升级），例如 salesdesk user list --db ${file}`,
        `The database ${file} has an older schema (version ${applied.count}; this program: ${journal.length}) and a report does not upgrade it. Open it once with SalesDesk first (it is backed up, then upgraded), e.g. salesdesk user list --db ${file}`,
      );
    }
    return { db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function appliedMigrations(sqlite: BetterSqlite3.Database): { count: number; newest: number } {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return { count: 0, newest: 0 };
  const row = sqlite.prepare('SELECT COUNT(*) AS count, MAX(created_at) AS newest FROM __drizzle_migrations').get() as { count: number; newest: number | null };
  return { count: row.count, newest: Number(row.newest ?? 0) };
}

function cannotOpen(file: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('VALIDATION', `无法作为数据库打开：${file}（${reason}）`, `Cannot open ${file} as a database (${reason})`);
}
