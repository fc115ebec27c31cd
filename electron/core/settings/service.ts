import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection';
import { settings } from './schema';

export interface CompanySettings {
  name: string;
}

export function readSetting<T>(db: Db | Tx, key: string): T | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : null;
}

export function writeSetting(tx: Db | Tx, key: string, value: unknown, at: Date): void {
  const json = JSON.stringify(value);
  tx.insert(settings)
    .values({ key, value: json, updatedAt: at.toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: at.toISOString() } })
    .run();
}

export const companyOf = (db: Db | Tx): CompanySettings | null => readSetting<CompanySettings>(db, 'company');
