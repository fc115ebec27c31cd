// K-TARGET 目标分解 (DOMAIN §9): a year's sales target split into months (quarters are the sums of
// their months, shown, never stored) and broken down by region, channel, product line and rep. The
// parts must add up to the whole: checkPlan says where they do not (the grid shows it live, the
// core refuses the save with the same words). Money is integer fen.
import { z } from 'zod';
import { CHANNELS, CHANNEL_LABELS, type Label, type Role } from './domain';
import { formatYuan } from './money';
import { bilingual, fen, requiredText } from './validation';

/** 'total' is the whole (the year and its months); the others break the whole down. */
export const TARGET_DIMENSIONS = ['total', 'region', 'channel', 'line', 'rep'] as const;
export type TargetDimension = (typeof TARGET_DIMENSIONS)[number];
export const BREAKDOWN_DIMENSIONS = ['region', 'channel', 'line', 'rep'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const TARGET_DIMENSION_LABELS: Record<TargetDimension, Label> = {
  total: { zh: '总目标', en: 'Total' },
  region: { zh: '按区域', en: 'By region' },
  channel: { zh: '按渠道', en: 'By channel' },
  line: { zh: '按产品线', en: 'By product line' },
  rep: { zh: '按客户经理', en: 'By rep' },
};

/** The heads of the department set the targets (DOMAIN §1, §9). */
export const TARGET_EDITOR_ROLES = ['gm', 'director', 'manager'] as const satisfies readonly Role[];
/** Roles that see every rep's target; a supervisor sees his own and his team's, a rep only his own. */
export const TARGET_ALL_ROLES = ['admin', 'gm', 'director', 'manager', 'assistant', 'finance'] as const satisfies readonly Role[];
/** Roles whose people carry a personal target (rep rows). */
export const TARGET_REP_ROLES = ['rep', 'supervisor'] as const satisfies readonly Role[];

export const MONTHS_PER_YEAR = 12;
export const targetYearSchema = z.int().min(2000).max(2100);
export const targetMonthSchema = z.int().min(1).max(12);
const twelve = z.array(fen).length(MONTHS_PER_YEAR, bilingual('须有 12 个月的目标', 'must have the 12 months'));

/**
 * One part of a breakdown: a region name, a channel code (CHANNELS), a product line name (as on
 * the products, productLine) or a rep's user id written as text ("12"). monthsFen, when given,
 * splits the part's year into months (January first).
 */
export const breakdownRowInputSchema = z
  .object({
    key: requiredText(40),
    yearFen: fen,
    monthsFen: twelve.nullable().default(null),
  })
  .strict();
export type BreakdownRowInput = z.output<typeof breakdownRowInputSchema>;

export const targetPlanInputSchema = z
  .object({
    year: targetYearSchema,
    /** The plan version the editor started from (0: no plan yet); a later save by someone else is a conflict. */
    version: z.int().min(0),
    totalFen: fen,
    monthsFen: twelve,
    breakdowns: z
      .object({
        region: z.array(breakdownRowInputSchema).max(200).default([]),
        channel: z.array(breakdownRowInputSchema).max(CHANNELS.length).default([]),
        line: z.array(breakdownRowInputSchema).max(200).default([]),
        rep: z.array(breakdownRowInputSchema).max(500).default([]),
      })
      .strict()
      .default({ region: [], channel: [], line: [], rep: [] }),
  })
  .strict();
export type TargetPlanInput = z.output<typeof targetPlanInputSchema>;

export const breakdownRowSchema = z.object({
  key: z.string(),
  /** What the UI shows: the region or line itself, the channel's label, the rep's name. */
  name: z.string(),
  yearFen: z.int(),
  monthsFen: z.array(z.int()).nullable(),
});
export type BreakdownRow = z.output<typeof breakdownRowSchema>;

export const targetPlanSchema = z.object({
  year: z.int(),
  /** 0 while no plan has been saved for the year. */
  version: z.int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.int(), name: z.string() }).nullable(),
  totalFen: z.int(),
  monthsFen: z.array(z.int()),
  /** Q1–Q4, each the sum of its three months. */
  quartersFen: z.array(z.int()),
  breakdowns: z.object({
    region: z.array(breakdownRowSchema),
    channel: z.array(breakdownRowSchema),
    line: z.array(breakdownRowSchema),
    rep: z.array(breakdownRowSchema),
  }),
  /** Whose rep rows the caller sees: everyone's, his team's and his own (supervisor), or his own. */
  repScope: z.enum(['all', 'team', 'own']),
});
export type TargetPlan = z.output<typeof targetPlanSchema>;

export const targetsOfInputSchema = z.object({ year: targetYearSchema, month: targetMonthSchema.optional() }).strict();

export const periodTargetRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  amountFen: z.int(),
});
export const periodBreakdownSchema = z.object({
  rows: z.array(periodTargetRowSchema),
  /**
   * True when the plan broke this dimension down for the year only and the month's figures are
   * derived: the month's total shared among the parts in the proportion of their years (largest
   * remainder, so the parts add up to the month's total exactly; a part's derived months may
   * differ from its year by rounding fen).
   */
  derived: z.boolean(),
});
/** The target of one period (a month, or the year when no month is asked) per dimension. */
export const periodTargetsSchema = z.object({
  year: z.int(),
  month: z.int().nullable(),
  /** null when no plan has been saved for the year. */
  totalFen: z.int().nullable(),
  region: periodBreakdownSchema,
  channel: periodBreakdownSchema,
  line: periodBreakdownSchema,
  rep: periodBreakdownSchema,
});
export type PeriodTargets = z.output<typeof periodTargetsSchema>;

export const TARGET_FIELD_LABELS: Readonly<Record<string, Label>> = {
  totalFen: { zh: '全年目标', en: 'Yearly target' },
  monthsFen: { zh: '月度目标', en: 'Monthly targets' },
  yearFen: { zh: '全年目标', en: 'Yearly target' },
  breakdowns: { zh: '目标分解', en: 'Breakdowns' },
  'breakdowns.region': { zh: '按区域分解', en: 'Breakdown by region' },
  'breakdowns.channel': { zh: '按渠道分解', en: 'Breakdown by channel' },
  'breakdowns.line': { zh: '按产品线分解', en: 'Breakdown by product line' },
  'breakdowns.rep': { zh: '按客户经理分解', en: 'Breakdown by rep' },
};

/** "2026年3月" / "March 2026"; month 0 is the whole year ("2026年全年" / "the year 2026"). */
export function periodLabel(year: number, month: number): Label {
  if (month === 0) return { zh: `${year}年全年`, en: `the year ${year}` };
  const en = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return { zh: `${year}年${month}月`, en: `${en} ${year}` };
}

/** Quarters as the sums of their months. */
export function quartersOf(monthsFen: readonly number[]): number[] {
  return [0, 1, 2, 3].map((q) => monthsFen.slice(q * 3, q * 3 + 3).reduce((sum, v) => sum + v, 0));
}

export function channelName(key: string): string {
  return (CHANNELS as readonly string[]).includes(key) ? CHANNEL_LABELS[key as (typeof CHANNELS)[number]].zh : key;
}

/** One place where the parts do not add up to the whole. */
export interface TargetMismatch {
  /** The input path of the parts: "monthsFen", "breakdowns.rep", "breakdowns.rep.2.monthsFen". */
  field: string;
  dimension: TargetDimension;
  /** 0 for the year, 1–12 for a month. */
  month: number;
  /** The part's name when a row's months do not add up to its own year. */
  key: string | null;
  sumFen: number;
  expectedFen: number;
  message: string;
  messageEn: string;
}

function mismatch(year: number, field: string, dimension: TargetDimension, month: number, key: string | null, sumFen: number, expectedFen: number): TargetMismatch {
  const period = periodLabel(year, month);
  const dim = TARGET_DIMENSION_LABELS[dimension];
  const [got, want] = [formatYuan(sumFen), formatYuan(expectedFen)];
  const base = { field, dimension, month, key, sumFen, expectedFen };
  if (dimension === 'total') {
    return {
      ...base,
      message: `${period.zh}：12 个月目标合计 ${got}，与全年目标 ${want} 不符`,
      messageEn: `${period.en}: the 12 months add up to ${got}, not the yearly target ${want}`,
    };
  }
  if (key !== null) {
    return {
      ...base,
      message: `${dim.zh}「${key}」 ${period.zh}：各月合计 ${got}，与其全年目标 ${want} 不符`,
      messageEn: `${dim.en.toLowerCase()} "${key}", ${period.en}: its months add up to ${got}, not its yearly target ${want}`,
    };
  }
  return {
    ...base,
    message: `${dim.zh}分解 ${period.zh}：合计 ${got}，与总目标 ${want} 不符`,
    messageEn: `Breakdown ${dim.en.toLowerCase()}, ${period.en}: the parts add up to ${got}, not the total ${want}`,
  };
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/**
 * Where the plan's parts do not add up to the whole (empty: it adds up). The months must add up to
 * the year; every breakdown given must add up to the total of the year and, when it is split by
 * month, to the total of every month, each part's months to its own year. A breakdown is split by
 * month in all its parts or in none.
 */
export function checkPlan(
  plan: Pick<TargetPlanInput, 'year' | 'totalFen' | 'monthsFen' | 'breakdowns'>,
  /** How a part is named in the messages (a rep's name rather than his id); the key itself by default. */
  nameOf: (dimension: BreakdownDimension, key: string) => string = (dimension, key) => (dimension === 'channel' ? channelName(key) : key),
): TargetMismatch[] {
  const found: TargetMismatch[] = [];
  const monthsSum = sum(plan.monthsFen);
  if (monthsSum !== plan.totalFen) found.push(mismatch(plan.year, 'monthsFen', 'total', 0, null, monthsSum, plan.totalFen));
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const rows = plan.breakdowns[dimension];
    if (rows.length === 0) continue;
    const field = `breakdowns.${dimension}`;
    const yearSum = sum(rows.map((r) => r.yearFen));
    if (yearSum !== plan.totalFen) found.push(mismatch(plan.year, field, dimension, 0, null, yearSum, plan.totalFen));
    const byMonth = rows.filter((r) => r.monthsFen !== null).length;
    if (byMonth === 0) continue;
    rows.forEach((row, index) => {
      if (row.monthsFen === null) return;
      const own = sum(row.monthsFen);
      if (own !== row.yearFen) found.push(mismatch(plan.year, `${field}.${index}.monthsFen`, dimension, 0, nameOf(dimension, row.key), own, row.yearFen));
    });
    if (byMonth !== rows.length) continue; // reported by the caller as incomplete (monthlyIncomplete)
    for (let m = 0; m < MONTHS_PER_YEAR; m += 1) {
      const monthSum = sum(rows.map((r) => r.monthsFen![m]!));
      if (monthSum !== plan.monthsFen[m]) found.push(mismatch(plan.year, field, dimension, m + 1, null, monthSum, plan.monthsFen[m]!));
    }
  }
  return found;
}

/** Breakdowns split by month in some parts only (each must be split in all its parts or in none). */
export function monthlyIncomplete(plan: Pick<TargetPlanInput, 'breakdowns'>): BreakdownDimension[] {
  return BREAKDOWN_DIMENSIONS.filter((d) => {
    const rows = plan.breakdowns[d];
    const byMonth = rows.filter((r) => r.monthsFen !== null).length;
    return byMonth > 0 && byMonth < rows.length;
  });
}

/**
 * Spreads `amount` over parts in proportion to `weights`, rounding by largest remainder so the parts
 * add up to `amount` exactly (ties go to the earlier part). All-zero weights spread nothing.
 */
export function apportion(amount: number, weights: readonly number[]): number[] {
  const whole = sum(weights);
  if (whole === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / whole);
  const floors = exact.map(Math.floor);
  let left = amount - sum(floors);
  const order = exact.map((value, index) => ({ index, rest: value - floors[index]! })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = floors[index]! + 1;
    left -= 1;
  }
  return floors;
}
