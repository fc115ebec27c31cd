// §8 Attendance: lateness (A-LATE) and sign-card applications for a missed clock-in (A-CLOCK).
//
// Semantics chosen where the domain book leaves room:
// - A-LATE: lateCountThisMonth is the late arrivals this month before the one judged; an arrival
//   (arrivedAt) later than 08:25 on its own wall clock adds one. Arrival times are judged to the
//   minute, as the time clock shows them: 08:25:59 is still 08:25, on time; 08:26 is late.
//   The first late arrival of a month is a warning, each further one a 20-yuan fine.
// - A-CLOCK: the sign-card application must be filed by the end of the next working day after the
//   missed clock-in (Friday → the following Monday; the day before 国庆 → the first working day
//   after it); the manager approves it. Filed later, the day counts as absenteeism (block).
import { z } from 'zod';
import { formatYuan } from '../../../../shared/money';
import { bilingual } from '../../../../shared/validation';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding, role } from '../rule';
import { wallClock } from '../time';

const yuan = (fen: number) => formatYuan(fen);

/** A wall-clock time HH:MM (00:00–23:59). */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('须为 HH:MM 格式的时间，如 08:25', 'must be a time HH:MM, e.g. 08:25'));

// ---------------------------------------------------------------------------------------------
// A-LATE

export interface LatenessRequest {
  /** Late arrivals this month before the one judged. */
  lateCountThisMonth: number;
  /** One arrival to judge (ISO 8601 with offset), if any. */
  arrivedAt?: string;
}

export const lateness = defineRule({
  id: 'A-LATE',
  name: { zh: '迟到', en: 'Lateness' },
  description: {
    zh: '办公室人员须在 08:25 前到岗参加 08:30 晨会（08:25 到岗不算迟到）；每月第 1 次迟到予以警告，之后每次罚款 20 元。',
    en: 'Office staff arrive by 08:25 for the 08:30 meeting (08:25 is on time); within a month the first late arrival is a warning, each further one costs 20 yuan.',
  },
  params: z
    .object({
      arriveBy: clockTime.default('08:25'),
      warningsFree: z.int().min(0).max(31).default(1),
      fineFen: z.int().min(0).max(100_000).default(2_000),
    })
    .default({ arriveBy: '08:25', warningsFree: 1, fineFen: 2_000 }),
  evaluate(request: LatenessRequest, _ctx, params) {
    const findings = [];
    let late: boolean | undefined;
    if (request.arrivedAt) {
      const arrival = wallClock(request.arrivedAt);
      late = arrival.time > params.arriveBy;
      findings.push(
        finding(
          'A-LATE',
          'info',
          late
            ? { zh: `${arrival.date} ${arrival.time} 到岗，晚于 ${params.arriveBy}，计迟到一次`, en: `Arrived ${arrival.date} at ${arrival.time}, after ${params.arriveBy}: late` }
            : { zh: `${arrival.date} ${arrival.time} 到岗，未迟到`, en: `Arrived ${arrival.date} at ${arrival.time}: on time` },
          { arrivedAt: request.arrivedAt, arriveBy: params.arriveBy, late },
        ),
      );
    }
    const lateCount = request.lateCountThisMonth + (late ? 1 : 0);
    const fined = Math.max(0, lateCount - params.warningsFree);
    const fineFen = fined * params.fineFen;
    const computed = { ...(late === undefined ? {} : { late }), lateCount, fineFen };
    const data = { lateCount, warningsFree: params.warningsFree, fineFen };
    if (lateCount > 0 && fined === 0) {
      findings.push(
        finding('A-LATE', 'warn', {
          zh: `本月迟到 ${lateCount} 次：警告（每月前 ${params.warningsFree} 次警告，之后每次罚款 ${yuan(params.fineFen)}）`,
          en: `Late ${lateCount} time(s) this month: a warning (the first ${params.warningsFree} a month are warnings, each further one costs ${yuan(params.fineFen)})`,
        }, data),
      );
    } else if (fined > 0) {
      const warned =
        params.warningsFree > 0
          ? { zh: `前 ${params.warningsFree} 次警告，其余 ${fined} 次`, en: `the first ${params.warningsFree} warned, ${fined} more` }
          : { zh: '', en: `${fined}` };
      findings.push(
        finding('A-LATE', 'warn', {
          zh: `本月迟到 ${lateCount} 次：${warned.zh}每次罚款 ${yuan(params.fineFen)}，共罚款 ${yuan(fineFen)}`,
          en: `Late ${lateCount} times this month: ${warned.en} at ${yuan(params.fineFen)} each, a fine of ${yuan(fineFen)}`,
        }, data),
      );
    }
    return { findings, computed };
  },
});

// ---------------------------------------------------------------------------------------------
// A-CLOCK

export interface SignCardRequest {
  /** The day of the missed clock-in (YYYY-MM-DD). */
  missedOn: string;
  /** The day the sign-card application is filed (YYYY-MM-DD). */
  appliedOn: string;
}

export const signCard = defineRule({
  id: 'A-CLOCK',
  name: { zh: '签卡', en: 'Sign card' },
  description: {
    zh: '漏打卡须在下 1 个工作日结束前提交签卡申请，经经理批准；逾期未签卡的，当天按旷工计。',
    en: 'A missed clock-in needs a sign-card application by the end of the next working day, approved by the manager; otherwise that day is absenteeism.',
  },
  params: z.object({ deadlineWorkingDays: z.int().min(0).max(10).default(1) }).default({ deadlineWorkingDays: 1 }),
  evaluate(request: SignCardRequest, ctx, params) {
    const deadline = ctx.calendar.workingDayAfter(request.missedOn, params.deadlineWorkingDays);
    const inTime = request.appliedOn <= deadline;
    const computed = { deadline, absenteeism: !inTime };
    const data = { missedOn: request.missedOn, appliedOn: request.appliedOn, deadline };
    const findings = [];
    if (!ctx.calendar.isWorkingDay(request.missedOn)) {
      findings.push(
        finding('A-CLOCK', 'warn', {
          zh: `${request.missedOn} 不是工作日，通常无需签卡`,
          en: `${request.missedOn} is not a working day; a sign card is usually not needed`,
        }, data),
      );
    }
    if (inTime) {
      findings.push(
        finding('A-CLOCK', 'approval', {
          zh: `${request.missedOn} 漏打卡，签卡申请在期限（${deadline}）内，须经理批准`,
          en: `Missed clock-in on ${request.missedOn}; the sign card is within the deadline (${deadline}) and needs the manager`,
        }, data, [role('manager')]),
      );
    } else {
      findings.push(
        finding('A-CLOCK', 'block', {
          zh: `签卡须在漏打卡后第 ${params.deadlineWorkingDays} 个工作日（${deadline}）结束前申请，本次 ${request.appliedOn} 申请已逾期，${request.missedOn} 按旷工计`,
          en: `A sign card must be filed by the end of working day ${params.deadlineWorkingDays} after the missed clock-in (${deadline}); filed ${request.appliedOn} it is late and ${request.missedOn} counts as absenteeism`,
        }, data),
      );
    }
    return { findings, computed };
  },
});

export const rules = {
  'A-LATE': lateness,
  'A-CLOCK': signCard,
} as const;

// ---------------------------------------------------------------------------------------------
// Kinds

/** `{"kind":"lateness","lateCountThisMonth"}`: this month's late arrivals and the fine (A-LATE). */
const latenessKind = defineKind({
  kind: 'lateness',
  label: { zh: '迟到核查', en: 'Lateness check' },
  rules: ['A-LATE'],
  submittable: false,
  schema: z.object({
    lateCountThisMonth: f.int(
      { zh: '本月迟到次数', en: 'Late arrivals this month' },
      { max: 31, hint: { zh: '不含本次到岗；填写到岗时间且迟到的，另计一次', en: 'Not counting the arrival given below, which adds one if late' } },
    ),
    arrivedAt: f.timestamp({ zh: '到岗时间', en: 'Arrived at' }).optional(),
  }),
  example: { lateCountThisMonth: 1, arrivedAt: '2026-11-23T08:27:00+08:00' },
  submittedOn: (r) => (r.arrivedAt ? wallClock(r.arrivedAt).date : undefined),
  evaluate(request, ctx) {
    const outcome = lateness.evaluate(request, ctx, ctx.params('A-LATE'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"sign_card","missedOn","appliedOn"}`: a sign-card application for a missed clock-in (A-CLOCK). */
const signCardKind = defineKind({
  kind: 'sign_card',
  label: { zh: '签卡申请', en: 'Sign card' },
  rules: ['A-CLOCK'],
  // Filed on the Attendance page (attendance.signCard), which checks the day's clock record.
  submittable: false,
  filedOn: { zh: '考勤页面', en: 'the Attendance page' },
  schema: z
    .object({
      missedOn: f.date({ zh: '漏打卡日期', en: 'Missed clock-in on' }),
      appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }),
      reason: f.text({ zh: '漏打卡原因', en: 'Reason' }, { max: 500 }).optional(),
    })
    .superRefine((r, ctx) => {
      if (r.appliedOn < r.missedOn) {
        ctx.addIssue({ code: 'custom', path: ['appliedOn'], ...bilingual(`不能早于漏打卡日期（${r.missedOn}）`, `must not be before the missed clock-in (${r.missedOn})`) });
      }
    }),
  example: { missedOn: '2026-11-20', appliedOn: '2026-11-23', reason: '外出拜访客户，未能打卡' },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = signCard.evaluate(request, ctx, ctx.params('A-CLOCK'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [latenessKind, signCardKind];
