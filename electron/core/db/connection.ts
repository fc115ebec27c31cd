// Opening the database: pragmas, the "newer than this app" refusal, a backup before any
// migration, then drizzle's committed migrations. SQLite-specific by nature (ARCHITECTURE).
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../../shared/errors';
import { backupDirFor } from './paths';
import { backupTo, timestampForFile } from './backup';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  file: string;
  sqlite: BetterSqlite3.Database;
  db: Db;
  /** Number of migrations this database has had applied (= the app's schema version after open). */
  schemaVersion: number;
  /** The pre-migration backup taken by this open, if any. */
  backupFile: string | null;
  close(): void;
}

export interface OpenOptions {
  file: string;
  /** Defaults to the migrations committed beside this file. The Electron bundle passes its copy. */
  migrationsFolder?: string;
  backupDir?: string;
  /** better-sqlite3 native binding (the Electron build of the module, see README). */
  nativeBinding?: string;
  now?: () => Date;
}

export const DEFAULT_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

export class DatabaseTooNewError extends AppError {
  constructor(file: string, dbVersion: number, appVersion: number) {
    super(
      'CONFLICT',
      `数据库文件 ${file} 来自更新版本的销售台账（数据结构版本 ${dbVersion}，本程序只支持到 ${appVersion}）。为保护数据，未做任何修改。请先升级销售台账再打开它。`,
      `The database ${file} was written by a newer SalesDesk (schema version ${dbVersion}; this program knows up to ${appVersion}). Nothing was changed. Upgrade SalesDesk to open it.`,
    );
  }
}

/** Applied migrations as drizzle records them: count and newest timestamp; zero for a new file. */
function appliedMigrations(sqlite: BetterSqlite3.Database): { count: number; newest: number } {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return { count: 0, newest: 0 };
  const row = sqlite.prepare('SELECT COUNT(*) AS count, MAX(created_at) AS newest FROM __drizzle_migrations').get() as {
    count: number;
    newest: number | null;
  };
  return { count: row.count, newest: Number(row.newest ?? 0) };
}

export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const file = options.file;
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file) && statSync(file).size > 0;

  const sqlite = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(sqlite);
    const journal = readJournal(migrationsFolder);
    const appVersion = journal.length;
    const appNewest = journal.reduce((max, entry) => Math.max(max, entry.when), 0);
    const applied = appliedMigrations(sqlite);
    if (applied.count > appVersion || applied.newest > appNewest) {
      throw new DatabaseTooNewError(file, applied.count, appVersion);
    }

    let backupFile: string | null = null;
    if (existed && applied.count < appVersion) {
      const dir = options.backupDir ?? backupDirFor(file);
      backupFile = join(dir, `salesdesk-${timestampForFile(now())}-before-migration-v${applied.count}-to-v${appVersion}.db`);
      await backupTo(sqlite, backupFile);
    }

    const db = drizzle(sqlite, { schema });
    if (applied.count < appVersion) {
      migrate(db, { migrationsFolder });
      sqlite.pragma(`user_version = ${appVersion}`);
    }
    return {
      file,
      sqlite,
      db,
      schemaVersion: appVersion,
      backupFile,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
