// Demo sales targets (DOMAIN §9 K-TARGET): a plan for every year the demo has sales in, set by the
// general manager through the targets service (its sums checked like anyone's). Each rep's month is
// his actual sales that month (for the months still to come, his average over the six months before
// the as-of month) times a factor between 0.85 and 1.25, rounded to ¥1,000; the company's months are
// the sums of the reps' (so the rep breakdown adds up by construction), and the year is broken down by
// region and channel (the reps' own) for the year only — the report derives their months.
import { sql } from 'drizzle-orm';
import type { TargetPlanInput } from '../../../shared/targets';
import type { User } from '../../../shared/users';
import type { Core } from '../../core/index';
import { getPlan, savePlan } from '../../core/targets/service';
import { SeededRandom } from './random';

export interface TargetsDemoResult {
  years: number[];
  totalFen: number;
}

const ROUND_FEN = 100_000;
const roundTarget = (fen: number) => Math.max(0, Math.round(fen / ROUND_FEN) * ROUND_FEN);

function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y! * 12 + (m! - 1);
}

export function generateTargets(core: Core, team: readonly User[], options: { seed: number; asOf: string }): TargetsDemoResult {
  const db = core.database.db;
  const gm = team.find((u) => u.role === 'gm' && u.active);
  const reps = team.filter((u) => (u.role === 'rep' || u.role === 'supervisor') && u.active);
  if (!gm || !reps.length) return { years: [], totalFen: 0 };
  const random = new SeededRandom(options.seed);
  // Actual sales per rep and month: the ledger's sale postings net of their reversals.
  const sold = db.all<{ repId: number; month: string; fen: number }>(sql`
    SELECT l.rep_id AS repId, substr(l.entry_date, 1, 7) AS month, sum(l.amount_fen) AS fen
    FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    WHERE l.rep_id IS NOT NULL AND (l.kind = 'sale' OR (l.kind = 'reversal' AND r.kind = 'sale'))
    GROUP BY 1, 2`);
  const actual = new Map<string, number>();
  for (const s of sold) actual.set(`${s.repId}:${s.month}`, Number(s.fen));
  const asOfMonth = monthIndex(options.asOf.slice(0, 7));
  const asOfYear = Number(options.asOf.slice(0, 4));
  const years = [...new Set(sold.map((s) => Number(s.month.slice(0, 4))))].filter((y) => y <= asOfYear).sort();
  const actor = { id: gm.id, username: gm.username, displayName: gm.displayName, role: gm.role, managerId: gm.managerId };
  let totalFen = 0;
  for (const year of years) {
    const repMonths = reps.map((rep) => {
      const recent = Array.from({ length: 6 }, (_, i) => actual.get(`${rep.id}:${monthKey(asOfMonth - 6 + i)}`) ?? 0);
      const average = recent.reduce((a, b) => a + b, 0) / recent.length;
      return Array.from({ length: 12 }, (_, m) => {
        const index = year * 12 + m;
        const base = index < asOfMonth ? (actual.get(`${rep.id}:${monthKey(index)}`) ?? 0) : average;
        return roundTarget(base * (0.85 + random.next() * 0.4));
      });
    });
    const monthsFen = Array.from({ length: 12 }, (_, m) => repMonths.reduce((sum, months) => sum + months[m]!, 0));
    const yearFen = monthsFen.reduce((a, b) => a + b, 0);
    if (yearFen === 0) continue;
    const byKey = (keyOf: (rep: User) => string | null) => {
      const sums = new Map<string, number>();
      reps.forEach((rep, i) => {
        const key = keyOf(rep);
        if (key === null) return;
        sums.set(key, (sums.get(key) ?? 0) + repMonths[i]!.reduce((a, b) => a + b, 0));
      });
      const rows = [...sums].filter(([, fen]) => fen > 0).map(([key, fen]) => ({ key, yearFen: fen, monthsFen: null }));
      // A breakdown must cover the whole: left out when some rep has no region / channel.
      return rows.reduce((s, r) => s + r.yearFen, 0) === yearFen ? rows : [];
    };
    const input: TargetPlanInput = {
      year,
      version: getPlan(db, actor, year).version,
      totalFen: yearFen,
      monthsFen,
      breakdowns: {
        region: byKey((rep) => rep.region || null),
        channel: byKey((rep) => rep.channel ?? null),
        line: [],
        rep: reps.map((rep, i) => ({ key: String(rep.id), yearFen: repMonths[i]!.reduce((a, b) => a + b, 0), monthsFen: repMonths[i]! })).filter((r) => r.yearFen > 0),
      },
    };
    savePlan(db, actor, input, new Date(`${options.asOf}T09:00:00+08:00`));
    totalFen += yearFen;
  }
  return { years, totalFen };
}

function monthKey(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
