// Online backups with SQLite's backup API: consistent under WAL while the program keeps running.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export async function backupTo(sqlite: BetterSqlite3.Database, target: string): Promise<string> {
  mkdirSync(dirname(target), { recursive: true });
  await sqlite.backup(target);
  return target;
}

export interface VerifyResult {
  ok: boolean;
  integrity: string;
  schemaVersion: number;
}

/** PRAGMA integrity_check plus the schema version, without modifying the file. */
export function verifyFile(file: string, nativeBinding?: string): VerifyResult {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((row) => row.integrity_check).join('; ');
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    const schemaVersion = table
      ? (sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
      : 0;
    return { ok: integrity === 'ok', integrity, schemaVersion };
  } finally {
    sqlite.close();
  }
}
