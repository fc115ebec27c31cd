// §8 Leave: L-NOTICE (how far ahead a leave must be applied for, by its length in working days).
import { z } from 'zod';
import { localDate } from '../../../../shared/dates';
import type { KindDef } from '../kind';
import { defineRule, finding, superior } from '../rule';

export interface LeaveRequest {
  /** First and last day of the leave (YYYY-MM-DD). */
  start: string;
  end: string;
  /** Length in working days (halves allowed), from the calendar. */
  workingDays: number;
  /** When the form is submitted. */
  appliedAt: Date;
  /** Emergency or sudden illness: when the superior was phoned (L-NOTICE's exception). */
  phonedSuperiorAt?: Date | null;
}

const tier = z.object({ maxDays: z.number().positive().nullable(), noticeDays: z.int().min(0) });

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const leaveNotice = defineRule({
  id: 'L-NOTICE',
  name: { zh: '请假提前申请', en: 'Leave notice' },
  description: {
    zh: '按请假工作日数：≤3 天须提前 2 天申请；3–7 天提前 5 天；7 天以上提前 15 天。急病等紧急情况须在当天 10:00 前电话告知上级，事后补单。',
    en: 'By length in working days: ≤3 days apply 2 days ahead; 3–7 days 5 days ahead; over 7 days 15 days ahead. Emergencies: phone the superior before 10:00 on the first day, file the form afterwards.',
  },
  params: z
    .object({
      tiers: z
        .array(tier)
        .min(1)
        .default([
          { maxDays: 3, noticeDays: 2 },
          { maxDays: 7, noticeDays: 5 },
          { maxDays: null, noticeDays: 15 },
        ]),
      emergencyCallBefore: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .default('10:00'),
    })
    .default({ tiers: [{ maxDays: 3, noticeDays: 2 }, { maxDays: 7, noticeDays: 5 }, { maxDays: null, noticeDays: 15 }], emergencyCallBefore: '10:00' }),
  evaluate(request: LeaveRequest, _ctx, params) {
    const applied = localDate(request.appliedAt);
    const noticeGiven = daysBetween(applied, request.start);
    const rule = params.tiers.find((t) => t.maxDays === null || request.workingDays <= t.maxDays) ?? params.tiers[params.tiers.length - 1]!;
    const computed = { noticeRequiredDays: rule.noticeDays, noticeGivenDays: noticeGiven };
    if (noticeGiven >= rule.noticeDays) return { findings: [], computed };

    if (request.phonedSuperiorAt) {
      const call = request.phonedSuperiorAt;
      const callDay = localDate(call);
      const callTime = `${String(call.getHours()).padStart(2, '0')}:${String(call.getMinutes()).padStart(2, '0')}`;
      if (callDay <= request.start && (callDay < request.start || callTime < params.emergencyCallBefore)) {
        return {
          findings: [
            finding('L-NOTICE', 'warn', {
              zh: `紧急请假：已于 ${callDay} ${callTime} 电话告知上级，按规定补单`,
              en: `Emergency leave: the superior was phoned on ${callDay} at ${callTime}; form filed afterwards`,
            }, computed, [superior]),
          ],
          computed,
        };
      }
      return {
        findings: [
          finding('L-NOTICE', 'block', {
            zh: `紧急请假须在首日 ${params.emergencyCallBefore} 前电话告知上级（实际 ${callDay} ${callTime}）`,
            en: `An emergency leave needs a call to the superior before ${params.emergencyCallBefore} on the first day (called ${callDay} ${callTime})`,
          }, computed),
        ],
        computed,
      };
    }
    return {
      findings: [
        finding('L-NOTICE', 'block', {
          zh: `请假 ${request.workingDays} 个工作日须至少提前 ${rule.noticeDays} 天申请，现只提前了 ${Math.max(noticeGiven, 0)} 天`,
          en: `A leave of ${request.workingDays} working days must be applied for at least ${rule.noticeDays} days ahead; this is ${Math.max(noticeGiven, 0)} days ahead`,
        }, computed),
      ],
      computed,
    };
  },
});

export const rules = {
  'L-NOTICE': leaveNotice,
} as const;

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [];
