// The plan as the grid edits it: every amount is the text the user typed (yuan), parsed to fen for
// the live check (checkPlan, the same words the core refuses a save with) and for the save.
import { CHANNELS } from '../../../../shared/domain';
import { formatFen, parseYuanToFen } from '../../../../shared/money';
import {
  apportion,
  BREAKDOWN_DIMENSIONS,
  checkPlan,
  MONTHS_PER_YEAR,
  monthlyIncomplete,
  type BreakdownDimension,
  type TargetMismatch,
  type TargetPlan,
  type TargetPlanInput,
} from '../../../../shared/targets';

export interface DraftRow {
  key: string;
  name: string;
  year: string;
  /** null: this row is not split by month. */
  months: string[] | null;
}

export interface Draft {
  year: number;
  version: number;
  total: { year: string; months: string[] };
  breakdowns: Record<BreakdownDimension, DraftRow[]>;
  /** Per breakdown: whether its rows are split by month. */
  byMonth: Record<BreakdownDimension, boolean>;
}

/** The rows each breakdown offers beside those the plan already has (key, shown name). */
export type Candidates = Record<BreakdownDimension, { key: string; name: string }[]>;

const blankMonths = (): string[] => Array.from({ length: MONTHS_PER_YEAR }, () => '');
const show = (fen: number): string => (fen === 0 ? '' : formatFen(fen));

/** Empty text is 0; null when the text is not an amount. */
export function fenOf(text: string): number | null {
  if (text.trim() === '') return 0;
  const fen = parseYuanToFen(text);
  return fen === null || fen < 0 ? null : fen; // a target is never negative
}

/** "1234.5" → "1,234.50" once typed (unchanged when it is not an amount). */
export function tidy(text: string): string {
  const fen = fenOf(text);
  return fen === null ? text : show(fen);
}

export function draftOf(plan: TargetPlan): Draft {
  const breakdowns = {} as Record<BreakdownDimension, DraftRow[]>;
  const byMonth = {} as Record<BreakdownDimension, boolean>;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const saved = plan.breakdowns[dimension];
    const monthly = saved.length > 0 && saved.every((r) => r.monthsFen !== null);
    byMonth[dimension] = monthly;
    const rows: DraftRow[] = saved.map((r) => ({
      key: r.key,
      name: r.name,
      year: show(r.yearFen),
      months: monthly ? (r.monthsFen ?? []).map(show) : null,
    }));
    breakdowns[dimension] = rows;
  }
  return {
    year: plan.year,
    version: plan.version,
    total: { year: show(plan.totalFen), months: plan.monthsFen.map(show) },
    breakdowns,
    byMonth,
  };
}

/** The draft with an empty row for every candidate it does not have yet. */
export function withCandidates(draft: Draft, candidates: Candidates): Draft {
  const breakdowns = { ...draft.breakdowns };
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const missing = candidates[dimension].filter((c) => !breakdowns[dimension].some((r) => r.key === c.key));
    if (missing.length === 0) continue;
    const monthly = draft.byMonth[dimension];
    breakdowns[dimension] = [...breakdowns[dimension], ...missing.map((c) => ({ key: c.key, name: c.name, year: '', months: monthly ? blankMonths() : null }))];
  }
  return { ...draft, breakdowns };
}

export function channelCandidates(label: (key: (typeof CHANNELS)[number]) => string): { key: string; name: string }[] {
  return CHANNELS.map((key) => ({ key, name: label(key) }));
}

export { blankMonths };

/** Where a row of the input came from: its breakdown and its index among the draft's rows. */
export interface Built {
  input: TargetPlanInput | null;
  /** Cells whose text is not an amount ("total:year", "region:2:m3"…). */
  invalid: Set<string>;
  /** For each breakdown, the draft row index of each input row. */
  origin: Record<BreakdownDimension, number[]>;
}

export function build(draft: Draft): Built {
  const invalid = new Set<string>();
  const amount = (text: string, cell: string): number => {
    const fen = fenOf(text);
    if (fen === null) invalid.add(cell);
    return fen ?? 0;
  };
  const totalFen = amount(draft.total.year, 'total:year');
  const monthsFen = draft.total.months.map((m, i) => amount(m, `total:m${i + 1}`));
  const breakdowns = { region: [], channel: [], line: [], rep: [] } as TargetPlanInput['breakdowns'];
  const origin = { region: [], channel: [], line: [], rep: [] } as Record<BreakdownDimension, number[]>;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    draft.breakdowns[dimension].forEach((row, index) => {
      const yearFen = amount(row.year, `${dimension}:${index}:year`);
      const months = draft.byMonth[dimension] ? (row.months ?? blankMonths()).map((m, i) => amount(m, `${dimension}:${index}:m${i + 1}`)) : null;
      // A row left empty is no part of the breakdown.
      if (yearFen === 0 && (months === null || months.every((m) => m === 0))) return;
      breakdowns[dimension].push({ key: row.key, yearFen, monthsFen: months });
      origin[dimension].push(index);
    });
  }
  return { input: { year: draft.year, version: draft.version, totalFen, monthsFen, breakdowns }, invalid, origin };
}

export interface Check {
  mismatches: TargetMismatch[];
  incomplete: BreakdownDimension[];
  /** Cells to highlight: "total:year", "total:m3", "region:sum:year", "region:sum:m3", "region:2:year"… */
  flagged: Set<string>;
}

export function check(draft: Draft, built: Built): Check {
  const flagged = new Set<string>();
  if (!built.input) return { mismatches: [], incomplete: [], flagged };
  const names = (dimension: BreakdownDimension, key: string) => draft.breakdowns[dimension].find((r) => r.key === key)?.name ?? key;
  // A sum over a cell that is no amount is not worth a mismatch: the cell itself is marked.
  const invalid = [...built.invalid];
  const spoilt = (m: TargetMismatch): boolean => {
    if (m.dimension === 'total') return invalid.some((c) => c.startsWith('total:'));
    const dimension = m.dimension as BreakdownDimension;
    const parts = m.field.split('.');
    if (parts.length >= 3) {
      const row = built.origin[dimension][Number(parts[2])];
      return invalid.some((c) => c.startsWith(`${dimension}:${row}:`));
    }
    const column = m.month === 0 ? 'year' : `m${m.month}`;
    return invalid.some((c) => c === `total:${column}` || (c.startsWith(`${dimension}:`) && c.endsWith(`:${column}`)));
  };
  const mismatches = checkPlan(built.input, names).filter((m) => !spoilt(m));
  for (const m of mismatches) {
    const month = m.month === 0 ? 'year' : `m${m.month}`;
    if (m.dimension === 'total') {
      flagged.add('total:year');
      continue;
    }
    const parts = m.field.split('.'); // breakdowns.<dim>[.<index>.monthsFen]
    const dimension = m.dimension as BreakdownDimension;
    if (parts.length >= 3) {
      const row = built.origin[dimension][Number(parts[2])];
      if (row !== undefined) flagged.add(`${dimension}:${row}:year`);
    } else {
      flagged.add(`${dimension}:sum:${month}`);
    }
  }
  return { mismatches, incomplete: monthlyIncomplete(built.input), flagged };
}

/** The yearly amount spread evenly over the months, rounded to the fen so they add up exactly. */
export function splitEvenly(yearText: string): string[] | null {
  const fen = fenOf(yearText);
  if (fen === null) return null;
  const sign = fen < 0 ? -1 : 1;
  return apportion(Math.abs(fen), Array.from({ length: MONTHS_PER_YEAR }, () => 1)).map((v) => show(sign * v));
}

export function sumOf(texts: readonly string[]): number | null {
  let total = 0;
  for (const t of texts) {
    const fen = fenOf(t);
    if (fen === null) return null;
    total += fen;
  }
  return total;
}
