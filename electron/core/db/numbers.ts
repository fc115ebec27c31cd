import { sql } from 'drizzle-orm';
import type { Tx } from './connection';

/**
 * The next document number of the day: FY20261123-001 (expenses), BX… (reimbursements), TS…
 * (complaints), QJ… (leave). `table` and `column` are the numbered table and its number column.
 */
export function nextDailyNumber(tx: Tx, table: string, column: string, prefix: string, today: string): string {
  const stem = `${prefix}${today.replaceAll('-', '')}-`;
  const last = tx.get<{ no: string | null }>(sql`SELECT max(${sql.identifier(column)}) AS no FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} LIKE ${`${stem}%`}`)?.no;
  const seq = last ? Number(last.slice(stem.length)) + 1 : 1;
  return `${stem}${String(seq).padStart(3, '0')}`;
}
