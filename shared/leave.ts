// DOMAIN §8 leave (请假申请表): the contract. A leave is judged by the policy engine's `leave` kind
// (L-FORM, L-NOTICE, L-MONTHLY) and approved by the direct superior through the approvals of
// issue 2. The core computes what people used to type: the working days from the calendar, the
// leave already taken that month (L-MONTHLY), the day it is applied for (L-NOTICE).
import { z } from 'zod';
import type { Label } from './domain';
import { decisionSchema } from './policy';
import { requestStepSchema } from './requests';
import { bilingual, id, isoDate, requiredText } from './validation';

export const LEAVE_TYPES = ['annual', 'personal', 'sick', 'marriage', 'maternity', 'bereavement', 'other'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
export const LEAVE_TYPE_LABELS: Record<LeaveType, Label> = {
  annual: { zh: '年假', en: 'Annual leave' },
  personal: { zh: '事假', en: 'Personal leave' },
  sick: { zh: '病假', en: 'Sick leave' },
  marriage: { zh: '婚假', en: 'Marriage leave' },
  maternity: { zh: '产假', en: 'Maternity leave' },
  bereavement: { zh: '丧假', en: 'Bereavement leave' },
  other: { zh: '其他', en: 'Other' },
};

/** pending → approved / rejected / withdrawn (the approval request). */
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, Label> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
/** Statuses that hold the days: a new leave may not overlap them. */
export const LEAVE_HOLDING_STATUSES: readonly LeaveStatus[] = ['pending', 'approved'];

const emergencyAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, bilingual('须为带时区的时间，如 2026-11-23T09:30:00+08:00', 'must be a time with offset, e.g. 2026-11-23T09:30:00+08:00'));

/**
 * A leave form. The core fills in appliedOn (today), the working days and the leave already taken
 * that month. `emergencyCallAt`: sudden illness or an emergency — when the direct superior was
 * phoned (before 10:00 on the first day, L-NOTICE); the form is backfilled.
 */
export const leaveCreateSchema = z
  .object({
    /** An assistant (or a head) enters it for someone; default: the caller. */
    applicantId: id.optional(),
    leaveType: z.enum(LEAVE_TYPES),
    start: isoDate,
    end: isoDate,
    /** The first day is an afternoon-only half day. */
    startHalfDay: z.boolean().default(false),
    /** The last day is a morning-only half day. */
    endHalfDay: z.boolean().default(false),
    reason: requiredText(500),
    /** The work proxy (工作代理人): another active employee. */
    proxyId: id,
    emergencyCallAt: emergencyAt.nullable().default(null),
  })
  .strict();
export type LeaveCreateInput = z.output<typeof leaveCreateSchema>;

/** The form's live check: as create, writes nothing. */
export const leavePreviewSchema = leaveCreateSchema;

export const leaveSchema = z.object({
  id,
  leaveNo: z.string(),
  applicantId: id,
  applicantName: z.string(),
  region: z.string(),
  enteredById: id,
  leaveType: z.enum(LEAVE_TYPES),
  start: z.string(),
  end: z.string(),
  startHalfDay: z.boolean(),
  endHalfDay: z.boolean(),
  /** Working days by the calendar, halves allowed. */
  workingDays: z.number(),
  reason: z.string(),
  proxyId: id,
  proxyName: z.string(),
  emergencyCallAt: z.string().nullable(),
  appliedOn: z.string(),
  status: z.enum(LEAVE_STATUSES),
  requestId: id,
  /** L-MONTHLY: this leave takes a calendar month over the limit (flagged for penalty). */
  monthlyFlag: z.boolean(),
  /** The engine's findings at submission, "RULE-ID: message" lines. */
  findingsText: z.string(),
  /** The approval trail: "主管 孙主管 同意 11-24". */
  trail: z.string(),
  createdAt: z.string(),
});
export type Leave = z.output<typeof leaveSchema>;

export const leaveDetailSchema = z.object({
  leave: leaveSchema,
  decision: decisionSchema,
  steps: z.array(requestStepSchema),
});
export type LeaveDetail = z.output<typeof leaveDetailSchema>;

/** The team leave calendar of a month: each person's leave per day (approved and pending). */
export const leaveCalendarSchema = z.object({
  month: z.string(),
  days: z.array(z.object({ date: z.string(), working: z.boolean(), name: z.string().nullable() })),
  people: z.array(
    z.object({
      userId: id,
      name: z.string(),
      /** One entry per working day on leave: am / pm for a half day, null for the whole day. */
      entries: z.array(z.object({ date: z.string(), leaveId: id, leaveNo: z.string(), leaveType: z.enum(LEAVE_TYPES), half: z.enum(['am', 'pm']).nullable(), status: z.enum(LEAVE_STATUSES) })),
      /** Approved leave days in the month; over the L-MONTHLY limit → flagged. */
      leaveDays: z.number(),
      monthlyFlag: z.boolean(),
    }),
  ),
});
export type LeaveCalendar = z.output<typeof leaveCalendarSchema>;

export const LEAVE_FIELD_LABELS: Readonly<Record<string, Label>> = {
  leaveType: { zh: '请假类型', en: 'Leave type' },
  start: { zh: '开始日期', en: 'Start' },
  end: { zh: '结束日期', en: 'End' },
  startHalfDay: { zh: '首日仅休下午', en: 'First day afternoon only' },
  endHalfDay: { zh: '末日仅休上午', en: 'Last day morning only' },
  proxyId: { zh: '工作代理人', en: 'Work proxy' },
  emergencyCallAt: { zh: '电话告知上级时间', en: 'Superior phoned at' },
};
