// PLACEHOLDER (contract): sales per rep of a month as the monthly report counts them, for K-SCORE /
// K-BONUS (performance/) — the report helper implements these.
import type { Db, Tx } from '../db/connection';

/** Sales (fen) per rep id of a month: sale postings less their reversals, dated in the month. */
export function salesByRep(_db: Db | Tx, _month: string): Map<number, number> {
  throw new Error('not implemented yet');
}

/**
 * C-NEW: per rep, the month's sales to customers whose first sale falls in the month and who lack an
 * application for the month approved and filed by C-NEW's deadline (they do not count toward performance).
 */
export function uncountedNewCustomerSales(_db: Db | Tx, _month: string): Map<number, number> {
  throw new Error('not implemented yet');
}
