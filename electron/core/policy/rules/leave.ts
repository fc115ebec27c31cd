// §8 Leave: the leave form (L-FORM), how far ahead a leave is applied for (L-NOTICE), the monthly
// leave limit (L-MONTHLY) and absenteeism (L-ABSENT).
//
// Semantics chosen where the domain book leaves room:
// - Length of a leave = working days from start to end by the calendar (调休 make-up days count,
//   holidays and weekends do not), minus ½ for a half-day first day (afternoon only) and ½ for a
//   half-day last day (morning only), each only when that day is a working day. A one-day leave
//   with both halves ticked is rejected by validation (it would leave nothing to take off).
// - Notice = calendar days from the application day to the first day (applied the day before = 1).
//   Emergencies: a phone call to the superior whose wall-clock date (in its own offset) is before
//   the first day, or on it strictly before 10:00, lets the form be backfilled: a warning, the
//   superior still approves. Without such a call too little notice is a block.
// - L-MONTHLY counts leave per calendar month: a leave across a month end is split by month;
//   leaveDaysThisMonth is the leave already taken in the month of the leave's first day.
// - L-ABSENT: fewer than 3 days in the year is a warning; 3 or more a serious violation (block).
import { z } from 'zod';
import { daysBetween, nextDay } from '../../../../shared/dates';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES } from '../../../../shared/leave';
import { bilingual } from '../../../../shared/validation';
import type { WorkCalendar } from '../calendar';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding, superior } from '../rule';
import { wallClock } from '../time';

/** A wall-clock time HH:MM (00:00–23:59). */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('须为 HH:MM 格式的时间，如 10:00', 'must be a time HH:MM, e.g. 10:00'));

/** Days with halves, as people write them: 3, 3.5. */
const days = (n: number) => String(n);

export interface LeaveSpan {
  start: string;
  end: string;
  /** The first day is an afternoon-only half day. */
  startHalfDay?: boolean;
  /** The last day is a morning-only half day. */
  endHalfDay?: boolean;
}

/** Working days of a leave in each calendar month it touches (YYYY-MM → days, halves allowed), in order. */
export function leaveDaysByMonth(span: LeaveSpan, calendar: WorkCalendar): { month: string; days: number }[] {
  const months: { month: string; days: number }[] = [];
  for (let d = span.start; d <= span.end; d = nextDay(d)) {
    if (!calendar.isWorkingDay(d)) continue;
    let day = 1;
    if (d === span.start && span.startHalfDay) day -= 0.5;
    if (d === span.end && span.endHalfDay) day -= 0.5;
    const month = d.slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === month) last.days += day;
    else months.push({ month, days: day });
  }
  return months;
}

/** Working days of a leave (halves allowed). */
export function leaveWorkingDays(span: LeaveSpan, calendar: WorkCalendar): number {
  return leaveDaysByMonth(span, calendar).reduce((sum, m) => sum + m.days, 0);
}

// ---------------------------------------------------------------------------------------------
// L-FORM

export interface LeaveFormRequest {
  proxy?: string;
  workingDays: number;
}

export const leaveForm = defineRule({
  id: 'L-FORM',
  name: { zh: '请假申请表', en: 'Leave form' },
  description: {
    zh: '请假须填写请假申请表（类型、起止日期（可请半天）、工作日数、事由、工作代理人），休假前须经直接上级批准；未指定工作代理人予以提醒。',
    en: 'A leave needs the leave form (type, start and end with half days, working days, reason, work proxy), approved by the direct superior before the leave; a missing work proxy is flagged.',
  },
  params: z.object({}).default({}),
  evaluate(request: LeaveFormRequest) {
    const findings = [];
    if (!request.proxy) {
      findings.push(
        finding('L-FORM', 'warn', {
          zh: '须指定工作代理人（请假期间代为处理工作的同事）',
          en: 'A work proxy must be named (the colleague who covers the work during the leave)',
        }),
      );
    }
    if (request.workingDays === 0) {
      findings.push(
        finding('L-FORM', 'warn', {
          zh: '所选期间没有工作日（均为周末或节假日），无需请假',
          en: 'The period has no working days (weekends or holidays only); no leave is needed',
        }),
      );
    }
    return { findings };
  },
});

// ---------------------------------------------------------------------------------------------
// L-NOTICE

export interface LeaveNoticeRequest {
  /** First day of the leave (YYYY-MM-DD). */
  start: string;
  /** Length in working days (halves allowed). */
  workingDays: number;
  /** The day the form is submitted (YYYY-MM-DD). */
  appliedOn: string;
  /** Emergency or sudden illness: when the superior was phoned (ISO 8601 with offset). */
  emergencyCallAt?: string;
}

const noticeTier = z.object({
  /** Longest leave (working days) of this tier; null = no upper bound (the last tier). */
  maxDays: z.number().positive().max(366).nullable().meta({ label: { zh: '请假天数不超过（空 = 不限）', en: 'Leave up to (empty = no limit)' }, unit: 'workingDays' }),
  /** Calendar days of notice a leave of this tier needs. */
  noticeDays: z.int().min(0).max(365).meta({ label: { zh: '须提前申请', en: 'Apply ahead by' }, unit: 'days' }),
});
type NoticeTier = z.output<typeof noticeTier>;

const DEFAULT_TIERS: NoticeTier[] = [
  { maxDays: 3, noticeDays: 2 },
  { maxDays: 7, noticeDays: 5 },
  { maxDays: null, noticeDays: 15 },
];

const noticeTiers = z
  .array(noticeTier)
  .min(1)
  .max(10)
  .superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      const last = i === tiers.length - 1;
      if (last && t.maxDays !== null) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxDays'], ...bilingual('最后一档不设上限（留空 = 不限）', 'the last tier has no upper bound (leave it empty)') });
      }
      if (!last && t.maxDays === null) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxDays'], ...bilingual('只有最后一档可以不设上限', 'only the last tier may have no upper bound') });
      }
      const prev = tiers[i - 1];
      if (!prev) return;
      if (prev.maxDays !== null && t.maxDays !== null && t.maxDays <= prev.maxDays) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxDays'], ...bilingual('各档天数上限须逐档递增', 'tier limits must increase') });
      }
      if (t.noticeDays < prev.noticeDays) {
        ctx.addIssue({ code: 'custom', path: [i, 'noticeDays'], ...bilingual('假期越长，须提前的天数不能越少', 'a longer leave cannot need less notice') });
      }
    });
  });

export const leaveNotice = defineRule({
  id: 'L-NOTICE',
  name: { zh: '请假提前申请', en: 'Leave notice' },
  description: {
    zh: '按请假工作日数：不超过 3 天须至少提前 2 天申请；超过 3 天、不超过 7 天提前 5 天；超过 7 天提前 15 天（按日历日计）。急病等紧急情况须在请假首日 10:00 前电话告知直接上级，事后补单，仍须上级批准。',
    en: 'By length in working days: up to 3 days apply at least 2 days ahead; more than 3 and up to 7 days 5 days ahead; more than 7 days 15 days ahead (calendar days). Emergencies: phone the direct superior before 10:00 on the first day and file the form afterwards; the superior still approves.',
  },
  params: z
    .object({
      tiers: noticeTiers.default(DEFAULT_TIERS),
      emergencyCallBefore: clockTime.default('10:00'),
    })
    .default({ tiers: DEFAULT_TIERS, emergencyCallBefore: '10:00' }),
  evaluate(request: LeaveNoticeRequest, _ctx, params) {
    const noticeDays = daysBetween(request.appliedOn, request.start);
    const tier = params.tiers.find((t) => t.maxDays === null || request.workingDays <= t.maxDays) ?? params.tiers[params.tiers.length - 1]!;
    const requiredNoticeDays = tier.noticeDays;
    const computed = { requiredNoticeDays, noticeDays };
    if (noticeDays >= requiredNoticeDays) return { findings: [], computed };

    const given =
      noticeDays > 0
        ? { zh: `本次只提前了 ${noticeDays} 天`, en: `this one is ${noticeDays} days ahead` }
        : noticeDays === 0
          ? { zh: '本次当天才申请', en: 'this one is applied for on the first day' }
          : { zh: `本次在假期开始 ${-noticeDays} 天后才申请`, en: `this one is applied for ${-noticeDays} days after the leave began` };
    const short = {
      zh: `请假 ${days(request.workingDays)} 个工作日须至少提前 ${requiredNoticeDays} 天申请，${given.zh}`,
      en: `A leave of ${days(request.workingDays)} working days must be applied for at least ${requiredNoticeDays} days ahead; ${given.en}`,
    };
    const before = params.emergencyCallBefore;

    if (request.emergencyCallAt) {
      const call = wallClock(request.emergencyCallAt);
      const inTime = call.date < request.start || (call.date === request.start && call.time < before);
      const data = { ...computed, emergencyCallAt: request.emergencyCallAt };
      if (inTime) {
        return {
          findings: [
            finding('L-NOTICE', 'warn', {
              zh: `紧急请假：已于 ${call.date} ${call.time} 电话告知上级（首日 ${before} 前），按规定事后补单，仍须直接上级批准`,
              en: `Emergency leave: the superior was phoned on ${call.date} at ${call.time} (before ${before} on the first day); the form is backfilled and the direct superior still approves`,
            }, data),
          ],
          computed,
        };
      }
      return {
        findings: [
          finding('L-NOTICE', 'block', {
            zh: `${short.zh}；紧急请假须在首日（${request.start}）${before} 前电话告知上级，本次电话在 ${call.date} ${call.time}`,
            en: `${short.en}; an emergency leave needs a call to the superior before ${before} on the first day (${request.start}), this call was on ${call.date} at ${call.time}`,
          }, data),
        ],
        computed,
      };
    }
    return {
      findings: [
        finding('L-NOTICE', 'block', {
          zh: `${short.zh}。如属急病等紧急情况，请填写首日 ${before} 前电话告知上级的时间`,
          en: `${short.en}. For an emergency or sudden illness, give the time the superior was phoned before ${before} on the first day`,
        }, computed),
      ],
      computed,
    };
  },
});

// ---------------------------------------------------------------------------------------------
// L-MONTHLY

export interface LeaveMonthlyRequest {
  /** This leave's working days in each calendar month it touches, in order. */
  byMonth: { month: string; days: number }[];
  /** Working days of leave already taken in the month of the leave's first day. */
  leaveDaysThisMonth: number;
}

export const leaveMonthly = defineRule({
  id: 'L-MONTHLY',
  name: { zh: '每月请假天数', en: 'Monthly leave limit' },
  description: {
    zh: '一个自然月内请假超过 3 个工作日的，标记待处罚（正好 3 天不标记）；跨月的假期按月分别计算。',
    en: 'More than 3 working days of leave in a calendar month is flagged for penalty (exactly 3 is not); a leave across a month end counts in each month separately.',
  },
  params: z.object({ maxDaysPerMonth: z.number().min(0).max(31).multipleOf(0.5).default(3) }).default({ maxDaysPerMonth: 3 }),
  evaluate(request: LeaveMonthlyRequest, _ctx, params) {
    const findings = request.byMonth.flatMap(({ month, days: thisLeave }, i) => {
      const before = i === 0 ? request.leaveDaysThisMonth : 0;
      const total = before + thisLeave;
      if (total <= params.maxDaysPerMonth) return [];
      const [y, m] = month.split('-');
      const parts =
        before > 0
          ? { zh: `（此前已请 ${days(before)} 天，本次 ${days(thisLeave)} 天）`, en: ` (${days(before)} taken before, ${days(thisLeave)} now)` }
          : { zh: '', en: '' };
      return [
        finding('L-MONTHLY', 'warn', {
          zh: `${y} 年 ${Number(m)} 月请假共 ${days(total)} 个工作日${parts.zh}，超过每月 ${days(params.maxDaysPerMonth)} 天，将按规定处罚`,
          en: `${days(total)} working days of leave in ${month}${parts.en}, more than ${days(params.maxDaysPerMonth)} a month: flagged for penalty`,
        }, { month, monthLeaveDays: total, maxDaysPerMonth: params.maxDaysPerMonth }),
      ];
    });
    return { findings };
  },
});

// ---------------------------------------------------------------------------------------------
// L-ABSENT

export interface AbsenteeismRequest {
  /** Days of absenteeism in the calendar year so far, consecutive or not (halves allowed). */
  daysThisYear: number;
}

export const absenteeism = defineRule({
  id: 'L-ABSENT',
  name: { zh: '旷工', en: 'Absenteeism' },
  description: {
    zh: '未办妥完整、已批准的请假手续而缺勤的，按旷工计；一个自然年内累计或连续旷工 3 天及以上为严重违纪，不足 3 天予以警告。',
    en: 'Absence without a complete, approved leave form is absenteeism; 3 or more days in a calendar year (consecutive or cumulative) is a serious violation, fewer is a warning.',
  },
  params: z.object({ seriousDays: z.number().min(0.5).max(366).multipleOf(0.5).default(3) }).default({ seriousDays: 3 }),
  evaluate(request: AbsenteeismRequest, _ctx, params) {
    const seriousViolation = request.daysThisYear >= params.seriousDays;
    const computed = { seriousViolation };
    if (request.daysThisYear <= 0) return { findings: [], computed };
    const data = { daysThisYear: request.daysThisYear, seriousDays: params.seriousDays };
    if (seriousViolation) {
      return {
        findings: [
          finding('L-ABSENT', 'block', {
            zh: `本年度旷工 ${days(request.daysThisYear)} 天，达到 ${days(params.seriousDays)} 天，属严重违纪`,
            en: `${days(request.daysThisYear)} days of absenteeism this year, ${days(params.seriousDays)} or more: a serious violation`,
          }, data),
        ],
        computed,
      };
    }
    return {
      findings: [
        finding('L-ABSENT', 'warn', {
          zh: `本年度旷工 ${days(request.daysThisYear)} 天：警告；累计达到 ${days(params.seriousDays)} 天即属严重违纪`,
          en: `${days(request.daysThisYear)} days of absenteeism this year: a warning; ${days(params.seriousDays)} days in total is a serious violation`,
        }, data),
      ],
      computed,
    };
  },
});

export const rules = {
  'L-FORM': leaveForm,
  'L-NOTICE': leaveNotice,
  'L-MONTHLY': leaveMonthly,
  'L-ABSENT': absenteeism,
} as const;

// ---------------------------------------------------------------------------------------------
// Kinds

/** Leave is filed on the Leave page (leave.create), which computes the days and the month's leave, never as a bare request. */
const FILED_ON = { zh: '请假页面', en: 'the Leave page' };

/** The longest leave one form may cover (calendar days from start to end). */
const MAX_SPAN_DAYS = 366;

/**
 * `{"kind":"leave","appliedOn","start","end",…}`: a leave form judged by L-FORM, L-NOTICE and
 * L-MONTHLY; always approved by the direct superior.
 */
const leaveKind = defineKind({
  kind: 'leave',
  label: { zh: '请假申请', en: 'Leave' },
  rules: ['L-FORM', 'L-NOTICE', 'L-MONTHLY'],
  submittable: false,
  filedOn: FILED_ON,
  schema: z
    .object({
      leaveType: f.choice({ zh: '请假类型', en: 'Leave type' }, LEAVE_TYPES, LEAVE_TYPE_LABELS).optional(),
      appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }),
      start: f.date({ zh: '开始日期', en: 'Start' }),
      end: f.date({ zh: '结束日期', en: 'End' }),
      startHalfDay: f.bool({ zh: '首日仅休下午', en: 'First day afternoon only' }, { hint: { zh: '第一天只请下午半天', en: 'Only the afternoon of the first day is taken' } }).optional(),
      endHalfDay: f.bool({ zh: '末日仅休上午', en: 'Last day morning only' }, { hint: { zh: '最后一天只请上午半天', en: 'Only the morning of the last day is taken' } }).optional(),
      reason: f.text({ zh: '请假事由', en: 'Reason' }, { max: 500 }).optional(),
      proxy: f.text({ zh: '工作代理人', en: 'Work proxy' }, { max: 100, hint: { zh: '请假期间代为处理工作的同事', en: 'The colleague covering the work' } }).optional(),
      emergencyCallAt: f
        .timestamp({ zh: '电话告知上级时间', en: 'Superior phoned at' }, { hint: { zh: '急病等紧急情况：首日 10:00 前电话告知直接上级的时间', en: 'Emergency: when the direct superior was phoned, before 10:00 on the first day' } })
        .optional(),
      leaveDaysThisMonth: f
        .number({ zh: '本月已请假工作日数', en: 'Leave days already taken this month' }, { max: 31, hint: { zh: '假期首日所在月份，本次之前已请的工作日数', en: 'Working days of leave taken before this one in the month of its first day' } })
        .optional(),
    })
    .superRefine((r, ctx) => {
      if (r.end < r.start) {
        ctx.addIssue({ code: 'custom', path: ['end'], ...bilingual(`不能早于开始日期（${r.start}）`, `must not be before the start (${r.start})`) });
      } else if (daysBetween(r.start, r.end) >= MAX_SPAN_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['end'], ...bilingual('一张请假单不能超过一年', 'one leave form cannot cover more than a year') });
      }
      if (r.start === r.end && r.startHalfDay && r.endHalfDay) {
        ctx.addIssue({
          code: 'custom',
          path: ['endHalfDay'],
          ...bilingual('同一天的半天假只能勾选一项（首日仅休下午或末日仅休上午）', 'a one-day half-day leave takes either the afternoon or the morning, not both'),
        });
      }
    }),
  example: { leaveType: 'personal', appliedOn: '2026-11-23', start: '2026-11-26', end: '2026-11-27', reason: '家中有事', proxy: '李娜' },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const byMonth = leaveDaysByMonth(request, ctx.calendar);
    const workingDays = byMonth.reduce((sum, m) => sum + m.days, 0);
    const form = leaveForm.evaluate({ proxy: request.proxy, workingDays }, ctx, ctx.params('L-FORM'));
    const notice = leaveNotice.evaluate(
      { start: request.start, workingDays, appliedOn: request.appliedOn, emergencyCallAt: request.emergencyCallAt },
      ctx,
      ctx.params('L-NOTICE'),
    );
    const monthly = leaveMonthly.evaluate({ byMonth, leaveDaysThisMonth: request.leaveDaysThisMonth ?? 0 }, ctx, ctx.params('L-MONTHLY'));
    return {
      findings: [...notice.findings, ...form.findings, ...monthly.findings],
      computed: { workingDays, ...notice.computed },
      // L-FORM: the direct superior approves every leave, before it starts.
      baseApprovals: [superior],
    };
  },
});

/** `{"kind":"absenteeism","daysThisYear"}`: a check of the year's absenteeism (L-ABSENT). */
const absenteeismKind = defineKind({
  kind: 'absenteeism',
  label: { zh: '旷工核查', en: 'Absenteeism check' },
  rules: ['L-ABSENT'],
  submittable: false,
  schema: z.object({
    daysThisYear: f.number({ zh: '本年度旷工天数', en: 'Days of absenteeism this year' }, { max: 366, hint: { zh: '连续或累计，可含半天', en: 'Consecutive or cumulative; halves allowed' } }),
  }),
  example: { daysThisYear: 1 },
  evaluate(request, ctx) {
    const outcome = absenteeism.evaluate(request, ctx, ctx.params('L-ABSENT'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [leaveKind, absenteeismKind];
