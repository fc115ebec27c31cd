// §9 Activity, reports and performance: late work logs (W-LOG), falsified log entries (W-FAKE),
// the visit quota (W-VISITQ), policies not carried out (W-POLICY), the monthly score (K-SCORE) and
// the tiered bonus (K-BONUS).
//
// Semantics chosen where the domain book leaves room:
// - W-LOG: a daily log is due by the end (24:00) of the day it covers; a weekly summary & plan is
//   due on Monday 10:00 of the week after the one it covers (reportDate = any day of that week,
//   weeks run Monday–Sunday); when that Monday is a holiday or otherwise not a working day, it is
//   due at 10:00 on the first working day after. Deadlines are on the wall clock of the
//   submission's own offset. Days late = each started 24 hours after the deadline (calendar days,
//   weekends included): 1 second to 24 hours late is 1 day. Each day late costs 5 points.
// - W-FAKE: 5 points per falsified entry found now; more than 5 in total (earlier cases on record
//   plus these) flags dismissal. Both are warnings: the deduction and the flag are for people to act on.
// - W-VISITQ: the month's averages per working day compared exactly (newVisits < 2 × workingDays);
//   falling short on either count costs 10 points once.
// - K-BONUS: achievement = sales / target. Below 80 % no bonus; from 80 % up to and including
//   100 % 1 % of sales; above 100 % 1.5 % on sales up to the target plus 3 % on the part of sales
//   above it. Bonus rounded down to the fen, computed exactly. achievementPct is the ratio in
//   percent rounded down to 0.01 (the tier is judged on the exact ratio); with a target of 0 the
//   ratio is undefined: achievementPct null and no tiered bonus.
import { z } from 'zod';
import { addDays, isoWeekday, mondayOf } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { bilingual } from '../../../../shared/validation';
import type { WorkCalendar } from '../calendar';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding } from '../rule';
import { wallClock } from '../time';

const yuan = (fen: number) => formatYuan(fen);

/** A wall-clock time HH:MM (00:00–23:59). */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('须为 HH:MM 格式的时间，如 10:00', 'must be a time HH:MM, e.g. 10:00'));

const WEEKDAYS_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// W-LOG

export interface WorkLogRequest {
  /** The day the log covers; for a weekly summary any day of the week it covers. */
  reportDate: string;
  /** When it was submitted (ISO 8601 with offset). */
  submittedAt: string;
  weekly?: boolean;
}

/** The deadline of a log: its day (YYYY-MM-DD), its time as shown, and the instant (ISO, in the submission's offset). */
export function workLogDue(
  request: WorkLogRequest,
  calendar: WorkCalendar,
  params: { weeklyDueWeekday: number; weeklyDueTime: string },
): { day: string; time: string; at: string } {
  const zone = /(Z|[+-]\d{2}:\d{2})$/.exec(request.submittedAt)?.[1] ?? 'Z';
  if (!request.weekly) {
    // By the end of the report day: 24:00, i.e. midnight starting the next day.
    return { day: request.reportDate, time: '24:00', at: `${addDays(request.reportDate, 1)}T00:00:00${zone}` };
  }
  const monday = mondayOf(request.reportDate);
  const nominal = addDays(monday, 7 + params.weeklyDueWeekday - 1);
  const day = calendar.addWorkingDays(nominal, 0);
  return { day, time: params.weeklyDueTime, at: `${day}T${params.weeklyDueTime}:00${zone}` };
}

export const workLog = defineRule({
  id: 'W-LOG',
  name: { zh: '工作日志与周报', en: 'Work log and weekly report' },
  description: {
    zh: '工作日志须在当天结束前提交；周总结与计划须在下周一 10:00 前提交（周一放假则顺延至其后第一个工作日 10:00）。自截止时间起每迟交一天（满或不满 24 小时计一天）扣 5 分。',
    en: 'A daily log is due by the end of its day; the weekly summary & plan by Monday 10:00 of the next week (when that Monday is a holiday, 10:00 on the first working day after). Each day late (each started 24 hours after the deadline) costs 5 points.',
  },
  params: z
    .object({
      weeklyDueWeekday: z.int().min(1).max(7).default(1),
      weeklyDueTime: clockTime.default('10:00'),
      pointsPerLateDay: z.int().min(0).max(100).default(5),
    })
    .default({ weeklyDueWeekday: 1, weeklyDueTime: '10:00', pointsPerLateDay: 5 }),
  evaluate(request: WorkLogRequest, ctx, params) {
    const due = workLogDue(request, ctx.calendar, params);
    const lateMs = Date.parse(request.submittedAt) - Date.parse(due.at);
    const daysLate = lateMs > 0 ? Math.ceil(lateMs / DAY_MS) : 0;
    const pointsDeducted = daysLate * params.pointsPerLateDay;
    const computed = { dueAt: due.at, daysLate, pointsDeducted };
    if (daysLate === 0) return { findings: [], computed };
    const sent = wallClock(request.submittedAt);
    const what = request.weekly
      ? { zh: `周总结与计划（${request.reportDate} 所在周）`, en: `The weekly summary & plan (week of ${request.reportDate})` }
      : { zh: `工作日志（${request.reportDate}）`, en: `The work log of ${request.reportDate}` };
    const dueText = request.weekly ? `${due.day}（周${WEEKDAYS_ZH[isoWeekday(due.day)]}）${due.time}` : `${due.day} ${due.time}`;
    return {
      findings: [
        finding('W-LOG', 'warn', {
          zh: `${what.zh}应于 ${dueText} 前提交，实际 ${sent.date} ${sent.time} 提交，迟交 ${daysLate} 天，扣 ${pointsDeducted} 分`,
          en: `${what.en} was due by ${due.day} ${due.time}, submitted ${sent.date} ${sent.time}: ${daysLate} day(s) late, ${pointsDeducted} points`,
        }, { ...computed, pointsPerLateDay: params.pointsPerLateDay }),
      ],
      computed,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// W-FAKE

export interface FakeLogRequest {
  /** Falsified log entries found now. */
  cases: number;
  /** Falsified entries on record before these. */
  previousCases?: number;
}

export const fakeLog = defineRule({
  id: 'W-FAKE',
  name: { zh: '虚假日志', en: 'Falsified log entries' },
  description: {
    zh: '每查实一条虚假日志扣 5 分；累计超过 5 条的，提请辞退。',
    en: 'Each falsified log entry costs 5 points; more than 5 in total flags dismissal.',
  },
  params: z
    .object({
      pointsPerCase: z.int().min(0).max(100).default(5),
      dismissalAbove: z.int().min(0).max(1_000).default(5),
    })
    .default({ pointsPerCase: 5, dismissalAbove: 5 }),
  evaluate(request: FakeLogRequest, _ctx, params) {
    const totalCases = (request.previousCases ?? 0) + request.cases;
    const pointsDeducted = request.cases * params.pointsPerCase;
    const dismissal = totalCases > params.dismissalAbove;
    const computed = { pointsDeducted, totalCases, dismissal };
    if (request.cases === 0 && !dismissal) return { findings: [], computed };
    const data = { ...computed, dismissalAbove: params.dismissalAbove };
    const points = { zh: `查实虚假日志 ${request.cases} 条，扣 ${pointsDeducted} 分`, en: `${request.cases} falsified log entries: ${pointsDeducted} points` };
    return {
      findings: [
        finding(
          'W-FAKE',
          'warn',
          dismissal
            ? {
                zh: `${points.zh}；累计 ${totalCases} 条，超过 ${params.dismissalAbove} 条，提请辞退`,
                en: `${points.en}; ${totalCases} in total, more than ${params.dismissalAbove}: dismissal is flagged`,
              }
            : points,
          data,
        ),
      ],
      computed,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// W-VISITQ

export interface VisitQuotaRequest {
  newVisits: number;
  revisits: number;
  /** Working days of the month judged. */
  workingDays: number;
}

export const visitQuota = defineRule({
  id: 'W-VISITQ',
  name: { zh: '拜访量', en: 'Visit quota' },
  description: {
    zh: '按月计：平均每个工作日新客户拜访少于 2 次，或回访少于 3 次的，扣 10 分（两项都不足也只扣一次）。',
    en: 'Per month: on average fewer than 2 new-customer visits or 3 revisits per working day costs 10 points (once, even when both fall short).',
  },
  params: z
    .object({
      minNewPerDay: z.int().min(0).max(100).default(2),
      minRevisitsPerDay: z.int().min(0).max(100).default(3),
      points: z.int().min(0).max(100).default(10),
    })
    .default({ minNewPerDay: 2, minRevisitsPerDay: 3, points: 10 }),
  evaluate(request: VisitQuotaRequest, _ctx, params) {
    const needNew = params.minNewPerDay * request.workingDays;
    const needRevisits = params.minRevisitsPerDay * request.workingDays;
    const short = [];
    if (request.newVisits < needNew) short.push({ zh: `新客户拜访 ${request.newVisits} 次（应至少 ${needNew} 次）`, en: `${request.newVisits} new-customer visits (at least ${needNew})` });
    if (request.revisits < needRevisits) short.push({ zh: `回访 ${request.revisits} 次（应至少 ${needRevisits} 次）`, en: `${request.revisits} revisits (at least ${needRevisits})` });
    const pointsDeducted = short.length ? params.points : 0;
    const round2 = (n: number) => Math.round((n / request.workingDays) * 100) / 100;
    const computed = { newPerDay: round2(request.newVisits), revisitsPerDay: round2(request.revisits), pointsDeducted };
    if (!short.length) return { findings: [], computed };
    return {
      findings: [
        finding('W-VISITQ', 'warn', {
          zh: `本月 ${request.workingDays} 个工作日，${short.map((s) => s.zh).join('，')}，未达每个工作日平均新客户 ${params.minNewPerDay} 次、回访 ${params.minRevisitsPerDay} 次，扣 ${params.points} 分`,
          en: `${request.workingDays} working days this month: ${short.map((s) => s.en).join(', ')}; below the average of ${params.minNewPerDay} new visits and ${params.minRevisitsPerDay} revisits per working day: ${params.points} points`,
        }, { ...computed, needNew, needRevisits }),
      ],
      computed,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// K-BONUS

export interface BonusRequest {
  /** Sales and target of the period, in fen. */
  salesFen: number;
  targetFen: number;
}

/** A rate with up to 6 decimals as an exact integer of millionths. */
const micros = (rate: number) => BigInt(Math.round(rate * 1_000_000));
const rate = z.number().min(0).max(1);
const pct = (r: number) => `${Math.round(r * 1_000_000) / 10_000}%`;

export const bonus = defineRule({
  id: 'K-BONUS',
  name: { zh: '阶梯奖金', en: 'Tiered bonus' },
  description: {
    zh: '按目标达成率（销售额 / 目标）：低于 80% 无奖金；80%–100%（含）按销售额的 1%；超过 100% 的，目标以内的销售额按 1.5%，超出目标的部分按 3%。奖金按分向下取整。',
    en: 'By target achievement (sales / target): below 80 % no bonus; 80 % up to and including 100 % 1 % of sales; above 100 % 1.5 % of sales up to the target plus 3 % of the part above it. Rounded down to the fen.',
  },
  params: z
    .object({
      minAchievement: rate.default(0.8),
      baseRate: rate.default(0.01),
      targetRate: rate.default(0.015),
      excessRate: rate.default(0.03),
    })
    .default({ minAchievement: 0.8, baseRate: 0.01, targetRate: 0.015, excessRate: 0.03 }),
  evaluate(request: BonusRequest, _ctx, params) {
    const sales = BigInt(request.salesFen);
    const target = BigInt(request.targetFen);
    if (target === 0n) {
      const computed = { achievementPct: null, tier: 'none', bonusFen: 0 };
      return {
        findings: [
          finding('K-BONUS', 'warn', {
            zh: '未设定销售目标（目标为 0），达成率无法计算，不计阶梯奖金',
            en: 'No sales target (target 0): achievement is undefined and no tiered bonus applies',
          }, computed),
        ],
        computed,
      };
    }
    const achievementPct = Number((sales * 10_000n) / target) / 100;
    let tier: 'none' | 'base' | 'above';
    let bonusFen: bigint;
    if (sales * 1_000_000n < micros(params.minAchievement) * target) {
      tier = 'none';
      bonusFen = 0n;
    } else if (sales <= target) {
      tier = 'base';
      bonusFen = (sales * micros(params.baseRate)) / 1_000_000n;
    } else {
      tier = 'above';
      bonusFen = (target * micros(params.targetRate) + (sales - target) * micros(params.excessRate)) / 1_000_000n;
    }
    const computed = { achievementPct, tier, bonusFen: Number(bonusFen) };
    const head = { zh: `目标达成率 ${achievementPct}%（销售额 ${yuan(request.salesFen)} / 目标 ${yuan(request.targetFen)}）`, en: `Achievement ${achievementPct} % (sales ${yuan(request.salesFen)} / target ${yuan(request.targetFen)})` };
    const how =
      tier === 'none'
        ? { zh: `低于 ${pct(params.minAchievement)}，无阶梯奖金`, en: `below ${pct(params.minAchievement)}: no bonus` }
        : tier === 'base'
          ? { zh: `按销售额的 ${pct(params.baseRate)} 计，奖金 ${yuan(Number(bonusFen))}`, en: `${pct(params.baseRate)} of sales: bonus ${yuan(Number(bonusFen))}` }
          : {
              zh: `目标以内按 ${pct(params.targetRate)}、超出目标的 ${yuan(request.salesFen - request.targetFen)} 按 ${pct(params.excessRate)} 计，奖金 ${yuan(Number(bonusFen))}`,
              en: `${pct(params.targetRate)} up to the target and ${pct(params.excessRate)} on the ${yuan(request.salesFen - request.targetFen)} above it: bonus ${yuan(Number(bonusFen))}`,
            };
    return { findings: [finding('K-BONUS', 'info', { zh: `${head.zh}，${how.zh}`, en: `${head.en}; ${how.en}` }, computed)], computed };
  },
});

// ---------------------------------------------------------------------------------------------
// W-POLICY

export interface PolicyBreachRequest {
  /** Policies not carried out because of the rep, found now. */
  cases: number;
}

export const policyBreach = defineRule({
  id: 'W-POLICY',
  name: { zh: '制度执行', en: 'Policy not carried out' },
  description: {
    zh: '因客户经理原因未执行公司制度的，每次扣 10 分。',
    en: 'Each policy not carried out because of the rep costs 10 points.',
  },
  params: z.object({ pointsPerCase: z.int().min(0).max(100).default(10) }).default({ pointsPerCase: 10 }),
  evaluate(request: PolicyBreachRequest, _ctx, params) {
    const pointsDeducted = request.cases * params.pointsPerCase;
    const computed = { pointsDeducted };
    if (request.cases === 0) return { findings: [], computed };
    return {
      findings: [
        finding('W-POLICY', 'warn', {
          zh: `因本人原因未执行制度 ${request.cases} 次，扣 ${pointsDeducted} 分`,
          en: `${request.cases} polic${request.cases === 1 ? 'y' : 'ies'} not carried out: ${pointsDeducted} points`,
        }, { ...computed, pointsPerCase: params.pointsPerCase }),
      ],
      computed,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// K-SCORE

export interface ScoreRequest {
  /** The month's deductions in points (W-LOG, W-FAKE, W-VISITQ, W-POLICY). */
  deductions: number;
}

export const monthlyScore = defineRule({
  id: 'K-SCORE',
  name: { zh: '绩效分', en: 'Performance score' },
  description: {
    zh: '月度绩效分 = 100 分减去当月各项扣分（日志迟交、虚假日志、拜访量不足、制度未执行），最低 0 分。',
    en: 'The monthly score is 100 minus the month\'s deductions (late logs, falsified entries, visit quota, policy not carried out), never below 0.',
  },
  params: z.object({ base: z.int().min(0).max(1_000).default(100) }).default({ base: 100 }),
  evaluate(request: ScoreRequest, _ctx, params) {
    const score = Math.max(0, params.base - request.deductions);
    return { findings: [], computed: { base: params.base, score } };
  },
});

export const rules = {
  'W-LOG': workLog,
  'W-FAKE': fakeLog,
  'W-VISITQ': visitQuota,
  'W-POLICY': policyBreach,
  'K-SCORE': monthlyScore,
  'K-BONUS': bonus,
} as const;

// ---------------------------------------------------------------------------------------------
// Kinds

/** `{"kind":"work_log","reportDate","submittedAt","weekly"?}`: is a log or weekly report late (W-LOG)? */
const workLogKind = defineKind({
  kind: 'work_log',
  label: { zh: '日志 / 周报提交', en: 'Work log / weekly report' },
  rules: ['W-LOG'],
  submittable: false,
  schema: z.object({
    reportDate: f.date({ zh: '日志日期', en: 'Report date' }, { hint: { zh: '日志所记的日期；周报填所总结那一周的任一天', en: 'The day the log covers; for a weekly report any day of its week' } }),
    submittedAt: f.timestamp({ zh: '提交时间', en: 'Submitted at' }),
    weekly: f.bool({ zh: '周总结与计划', en: 'Weekly summary & plan' }).optional(),
  }),
  example: { reportDate: '2026-11-18', submittedAt: '2026-11-23T10:30:00+08:00', weekly: true },
  submittedOn: (r) => wallClock(r.submittedAt).date,
  evaluate(request, ctx) {
    const outcome = workLog.evaluate(request, ctx, ctx.params('W-LOG'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"fake_log","cases"}`: points for falsified log entries and the dismissal flag (W-FAKE). */
const fakeLogKind = defineKind({
  kind: 'fake_log',
  label: { zh: '虚假日志', en: 'Falsified log entries' },
  rules: ['W-FAKE'],
  submittable: false,
  schema: z.object({
    cases: f.int({ zh: '虚假日志条数', en: 'Falsified entries' }, { max: 1_000, hint: { zh: '本次查实的条数', en: 'Found now' } }),
    previousCases: f.int({ zh: '此前已查实条数', en: 'Earlier cases on record' }, { max: 1_000 }).optional(),
  }),
  example: { cases: 1 },
  evaluate(request, ctx) {
    const outcome = fakeLog.evaluate(request, ctx, ctx.params('W-FAKE'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"visit_quota","newVisits","revisits","workingDays"}`: the month's visit averages (W-VISITQ). */
const visitQuotaKind = defineKind({
  kind: 'visit_quota',
  label: { zh: '拜访量考核', en: 'Visit quota' },
  rules: ['W-VISITQ'],
  submittable: false,
  schema: z.object({
    newVisits: f.int({ zh: '新客户拜访次数', en: 'New-customer visits' }, { max: 100_000 }),
    revisits: f.int({ zh: '回访次数', en: 'Revisits' }, { max: 100_000 }),
    workingDays: f.int({ zh: '本月工作日数', en: 'Working days this month' }, { min: 1, max: 31 }),
  }),
  example: { newVisits: 40, revisits: 55, workingDays: 20 },
  evaluate(request, ctx) {
    const outcome = visitQuota.evaluate(request, ctx, ctx.params('W-VISITQ'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"bonus","sales","target"}` (fen): achievement and the tiered bonus (K-BONUS). */
const bonusKind = defineKind({
  kind: 'bonus',
  label: { zh: '阶梯奖金', en: 'Tiered bonus' },
  rules: ['K-BONUS'],
  submittable: false,
  schema: z.object({
    sales: f.fen({ zh: '销售额', en: 'Sales' }),
    target: f.fen({ zh: '销售目标', en: 'Target' }),
  }),
  example: { sales: 11_000_000, target: 10_000_000 },
  evaluate(request, ctx) {
    const outcome = bonus.evaluate({ salesFen: request.sales, targetFen: request.target }, ctx, ctx.params('K-BONUS'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [workLogKind, fakeLogKind, visitQuotaKind, bonusKind];
