// 费效比 (DOMAIN §6): expenses ÷ sales per rep, region or channel over a range of months, for the
// monthly report (issue 7). Expenses: the claimable types that were approved, at what was paid on
// a reimbursement, else at the approved amount (committed, not yet claimed), dated by the
// expense's day. Sales: the ledger's sale postings (less their reversals) credited to the rep.
// Region and channel are the person's (users.region / users.channel), on both sides.
import { sql } from 'drizzle-orm';
import { CHANNEL_LABELS } from '../../../shared/domain';
import { COST_TYPES, type ExpenseRatio, type RatioDimension } from '../../../shared/expenses';
import type { Db } from '../db/connection';

interface Figures {
  key: string;
  name: string;
  expensesFen: number;
  salesFen: number;
}

const lastDay = (month: string) => `${month}-31`;

function keyOf(by: RatioDimension) {
  switch (by) {
    case 'rep':
      return sql`CAST(u.id AS TEXT)`;
    case 'region':
      return sql`u.region`;
    case 'channel':
      return sql`coalesce(u.channel, '')`;
  }
}

export function nameOf(by: RatioDimension, key: string, repName: string): string {
  if (by === 'rep') return repName;
  if (by === 'region') return key || '未分区域';
  return key ? (CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS]?.zh ?? key) : '未分渠道';
}

/** Expenses `e` that count: the claimable types, approved (and maybe claimed or reimbursed). */
export const EXPENSE_COUNTED = sql`e.type IN (${sql.join(
  COST_TYPES.map((t) => sql`${t}`),
  sql`, `,
)}) AND e.status IN ('approved', 'claimed', 'reimbursed')`;
/** What an expense `e` counts for: what was paid when reimbursed, else the approved amount. */
export const EXPENSE_FEN = sql`CASE WHEN e.status = 'reimbursed' THEN e.reimbursed_fen ELSE e.approved_fen END`;

export function ratioOf(expensesFen: number, salesFen: number): number | null {
  return salesFen > 0 ? expensesFen / salesFen : null;
}

export function expenseRatio(db: Db, input: { from: string; to: string; by: RatioDimension }): ExpenseRatio {
  const from = `${input.from}-01`;
  const to = lastDay(input.to);
  const key = keyOf(input.by);
  const spent = db.all<{ key: string; name: string; fen: number }>(sql`
    SELECT ${key} AS key, min(u.display_name) AS name, sum(${EXPENSE_FEN}) AS fen
    FROM expenses e JOIN users u ON u.id = e.applicant_id
    WHERE ${EXPENSE_COUNTED} AND e.expense_date >= ${from} AND e.expense_date <= ${to}
    GROUP BY 1`);
  const sold = db.all<{ key: string; name: string; fen: number }>(sql`
    SELECT ${key} AS key, min(u.display_name) AS name, sum(l.amount_fen) AS fen
    FROM ledger_entries l
    LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    JOIN users u ON u.id = l.rep_id
    WHERE (l.kind = 'sale' OR (l.kind = 'reversal' AND r.kind = 'sale'))
      AND l.entry_date >= ${from} AND l.entry_date <= ${to}
    GROUP BY 1`);
  const byKey = new Map<string, Figures>();
  const row = (k: string, repName: string) => {
    let figures = byKey.get(k);
    if (!figures) {
      figures = { key: k, name: nameOf(input.by, k, repName), expensesFen: 0, salesFen: 0 };
      byKey.set(k, figures);
    }
    return figures;
  };
  for (const s of spent) row(s.key, s.name).expensesFen += s.fen;
  for (const s of sold) row(s.key, s.name).salesFen += s.fen;
  const rows = [...byKey.values()]
    .sort((a, b) => b.salesFen - a.salesFen || a.name.localeCompare(b.name, 'zh-CN'))
    .map((r) => ({ ...r, ratio: ratioOf(r.expensesFen, r.salesFen) }));
  const expensesFen = rows.reduce((s, r) => s + r.expensesFen, 0);
  const salesFen = rows.reduce((s, r) => s + r.salesFen, 0);
  return {
    from: input.from,
    to: input.to,
    by: input.by,
    rows,
    total: { key: '', name: '合计', expensesFen, salesFen, ratio: ratioOf(expensesFen, salesFen) },
  };
}
