// The monthly report's (K-MONTHLY) basic figures from the sales ledger, shared with K-SCORE / K-BONUS
// (performance/): a month's sales per rep, and the C-NEW new customers of a month with whether their
// volume counts. Definitions: the header of shared/report.ts.
import { sql } from 'drizzle-orm';
import { localDate } from '../../../shared/dates';
import type { Db, Tx } from '../db/connection';
import { monthBounds } from '../ledger/ledger';
import { paramsInForce } from '../policy/params';

type Conn = Db | Tx;

/** Entries `l` that count as sales: sale postings and the reversals of sale postings (`r`: the entry reversed). */
export const SALE_ENTRY = sql`(l.kind = 'sale' OR (l.kind = 'reversal' AND r.kind = 'sale'))`;
/** Entries `l` that count as receipts: receipts and deposits and their reversals (amounts negative when money came in). */
export const RECEIPT_ENTRY = sql`(l.kind IN ('receipt', 'deposit') OR (l.kind = 'reversal' AND r.kind IN ('receipt', 'deposit')))`;

/**
 * The sale postings and reversals of sale postings dated from `start` (included) to `next` (excluded),
 * as rows (rep_id, entry_date, amount_fen) to select from (`FROM ${saleAmounts(…)} s`). Two ranges of
 * ledger_kind_date_rep_amount_idx (sales, then reversals), read from the index alone but for the
 * reversed entry's kind.
 */
export function saleAmounts(start: string, next: string) {
  return sql`(
    SELECT l.rep_id AS rep_id, l.entry_date AS entry_date, l.amount_fen AS amount_fen FROM ledger_entries l
    WHERE l.kind = 'sale' AND l.entry_date >= ${start} AND l.entry_date < ${next}
    UNION ALL
    SELECT l.rep_id, l.entry_date, l.amount_fen FROM ledger_entries l JOIN ledger_entries r ON r.id = l.reverses_id AND r.kind = 'sale'
    WHERE l.kind = 'reversal' AND l.entry_date >= ${start} AND l.entry_date < ${next})`;
}

/** Sales (fen) per rep id of a month: sale postings less their reversals, dated in the month. */
export function salesByRep(db: Conn, month: string): Map<number, number> {
  const { start, next } = monthBounds(month);
  const rows = db.all<{ repId: number; fen: number }>(sql`
    SELECT s.rep_id AS repId, sum(s.amount_fen) AS fen FROM ${saleAmounts(start, next)} s
    WHERE s.rep_id IS NOT NULL GROUP BY s.rep_id`);
  return new Map(rows.map((row) => [row.repId, Number(row.fen)]));
}

export interface NewCustomer {
  customerId: number;
  /** The customer's owner rep (the figure belongs to him). */
  ownerId: number;
  /** C-NEW: an application for the month approved and filed by the deadline day. */
  counted: boolean;
}

/** C-NEW's deadline of a month (YYYY-MM-DD): the deadline day in force at the start of the month. */
export function newCustomerDeadline(db: Conn, month: string): string {
  const { deadlineDay } = paramsInForce(db, 'C-NEW', `${month}-01`);
  return `${month}-${String(deadlineDay).padStart(2, '0')}`;
}

/**
 * C-NEW: the customers whose first sale posting falls in the month (none before it), with their owner
 * and whether an application for the month was approved and filed (local date) by the deadline.
 */
export function newCustomersOf(db: Conn, month: string): NewCustomer[] {
  const { start, next } = monthBounds(month);
  const rows = db.all<{ customerId: number; ownerId: number }>(sql`
    SELECT c.id AS customerId, c.owner_id AS ownerId FROM customers c
    WHERE c.id IN (SELECT l.customer_id FROM ledger_entries l WHERE l.kind = 'sale' AND l.entry_date >= ${start} AND l.entry_date < ${next})
      AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.customer_id = c.id AND e.kind = 'sale' AND e.entry_date < ${start})`);
  if (!rows.length) return [];
  const deadline = newCustomerDeadline(db, month);
  const ids = sql.join(
    rows.map((r) => sql`${r.customerId}`),
    sql`, `,
  );
  const applications = db.all<{ customerId: number; appliedAt: string }>(sql`
    SELECT customer_id AS customerId, applied_at AS appliedAt FROM customer_applications
    WHERE month = ${month} AND status = 'approved' AND customer_id IN (${ids})`);
  const timely = new Set(applications.filter((a) => localDate(new Date(a.appliedAt)) <= deadline).map((a) => a.customerId));
  return rows.map((r) => ({ customerId: r.customerId, ownerId: r.ownerId, counted: timely.has(r.customerId) }));
}

/**
 * C-NEW: per rep, the month's sales to customers whose first sale falls in the month and who lack an
 * application for the month approved and filed by C-NEW's deadline (they do not count toward performance).
 */
export function uncountedNewCustomerSales(db: Conn, month: string): Map<number, number> {
  const uncounted = newCustomersOf(db, month).filter((c) => !c.counted);
  const result = new Map<number, number>();
  if (!uncounted.length) return result;
  const { start, next } = monthBounds(month);
  const ids = sql.join(
    uncounted.map((c) => sql`${c.customerId}`),
    sql`, `,
  );
  const rows = db.all<{ repId: number; fen: number }>(sql`
    SELECT l.rep_id AS repId, sum(l.amount_fen) AS fen
    FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    WHERE l.customer_id IN (${ids}) AND l.entry_date >= ${start} AND l.entry_date < ${next} AND l.rep_id IS NOT NULL AND ${SALE_ENTRY}
    GROUP BY l.rep_id`);
  for (const row of rows) result.set(row.repId, Number(row.fen));
  return result;
}
