// DOMAIN §8 attendance (考勤): daily clock-in records (entered, or imported as CSV from the time
// clock), lateness by A-LATE with the month's fines, sign-card applications (签卡) for a missed
// clock-in by A-CLOCK, absenteeism (L-ABSENT) and the monthly attendance sheet per person.
import { z } from 'zod';
import type { Label, Role } from './domain';
import { decisionSchema } from './policy';
import { requestStepSchema } from './requests';
import { bilingual, id, isoDate, requiredText, text } from './validation';

/** HH:MM as the time clock prints it. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('须为 HH:MM 格式的时间，如 08:25', 'must be a time HH:MM, e.g. 08:25'));

/** Who keeps everyone's attendance (enter, import); others see their own (supervisors their team's). */
export const ATTENDANCE_KEEPER_ROLES: readonly Role[] = ['admin', 'assistant', 'manager', 'director', 'gm'];

export const ATTENDANCE_SOURCES = ['manual', 'import', 'sign_card'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** One person's clock record of one day: upserted (a day has one record). clockOut not before clockIn. */
export const attendanceRecordInputSchema = z
  .object({
    userId: id,
    date: isoDate,
    clockIn: clockTimeSchema.nullable().default(null),
    clockOut: clockTimeSchema.nullable().default(null),
    note: text(200).default(''),
  })
  .strict();
export type AttendanceRecordInput = z.output<typeof attendanceRecordInputSchema>;

export const attendanceRecordSchema = z.object({
  id,
  userId: id,
  userName: z.string(),
  date: z.string(),
  clockIn: z.string().nullable(),
  clockOut: z.string().nullable(),
  source: z.enum(ATTENDANCE_SOURCES),
  note: z.string(),
  updatedAt: z.string(),
});
export type AttendanceRecord = z.output<typeof attendanceRecordSchema>;

/**
 * The time clock's CSV export: a header row, then 工号/用户名 or 姓名, 日期, 上班, 下班 (one row per
 * person and day; times HH:MM or HH:MM:SS; a missing time empty). UTF-8 or GBK decoded by the
 * renderer. `commit: false` only checks and returns the preview; `commit: true` writes all rows
 * in one transaction, or nothing if any row is wrong.
 */
export const attendanceImportInputSchema = z
  .object({
    csv: z.string().min(1).max(5_000_000),
    commit: z.boolean().default(false),
  })
  .strict();

export const attendanceImportResultSchema = z.object({
  rows: z.array(
    z.object({
      line: z.int(),
      userId: id.nullable(),
      userName: z.string(),
      date: z.string(),
      clockIn: z.string().nullable(),
      clockOut: z.string().nullable(),
      /** Replaces an existing record of that person and day. */
      replaces: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
  valid: z.int(),
  errors: z.int(),
  /** Rows written (0 unless commit and no errors). */
  imported: z.int(),
});
export type AttendanceImportResult = z.output<typeof attendanceImportResultSchema>;

// —— sign cards (A-CLOCK) ——

export const SIGN_CARD_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type SignCardStatus = (typeof SIGN_CARD_STATUSES)[number];
export const SIGN_CARD_STATUS_LABELS: Record<SignCardStatus, Label> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** A sign-card application for a missed clock-in; the core fills appliedOn = today. */
export const signCardCreateSchema = z
  .object({
    applicantId: id.optional(),
    missedOn: isoDate,
    /** The time actually arrived (or left), as the applicant states it. */
    clockIn: clockTimeSchema.nullable().default(null),
    clockOut: clockTimeSchema.nullable().default(null),
    reason: requiredText(500),
  })
  .strict();
export type SignCardCreateInput = z.output<typeof signCardCreateSchema>;

export const signCardSchema = z.object({
  id,
  userId: id,
  userName: z.string(),
  missedOn: z.string(),
  appliedOn: z.string(),
  clockIn: z.string().nullable(),
  clockOut: z.string().nullable(),
  reason: z.string(),
  status: z.enum(SIGN_CARD_STATUSES),
  requestId: id,
  findingsText: z.string(),
  trail: z.string(),
  createdAt: z.string(),
});
export type SignCard = z.output<typeof signCardSchema>;

export const signCardDetailSchema = z.object({ signCard: signCardSchema, decision: decisionSchema, steps: z.array(requestStepSchema) });

// —— the monthly sheet ——

export const ATTENDANCE_DAY_STATES = ['present', 'late', 'leave', 'half_leave', 'sign_card', 'absent', 'half_absent', 'rest', 'future', 'untracked'] as const;
export type AttendanceDayState = (typeof ATTENDANCE_DAY_STATES)[number];
export const ATTENDANCE_DAY_STATE_LABELS: Record<AttendanceDayState, Label> = {
  present: { zh: '出勤', en: 'Present' },
  late: { zh: '迟到', en: 'Late' },
  leave: { zh: '请假', en: 'On leave' },
  half_leave: { zh: '半天假', en: 'Half-day leave' },
  sign_card: { zh: '签卡', en: 'Sign card' },
  absent: { zh: '旷工', en: 'Absent' },
  half_absent: { zh: '旷工半天', en: 'Absent half a day' },
  rest: { zh: '休息', en: 'Rest day' },
  future: { zh: '', en: '' },
  untracked: { zh: '未记录', en: 'Not tracked' },
};

export const attendanceDaySchema = z.object({
  date: z.string(),
  working: z.boolean(),
  /** The holiday or make-up day's name (国庆节, 调休上班…), if any. */
  dayName: z.string().nullable(),
  clockIn: z.string().nullable(),
  clockOut: z.string().nullable(),
  state: z.enum(ATTENDANCE_DAY_STATES),
  /** A-LATE: the nth late arrival of the month (1 = warning), and its fine in fen. */
  lateSeq: z.int().nullable(),
  fineFen: z.int(),
  leaveNo: z.string().nullable(),
  /** Absenteeism on this day (0, 0.5 or 1). */
  absentDays: z.number(),
  note: z.string(),
});

export const attendancePersonMonthSchema = z.object({
  userId: id,
  userName: z.string(),
  region: z.string(),
  days: z.array(attendanceDaySchema),
  workingDays: z.int(),
  presentDays: z.number(),
  lateCount: z.int(),
  /** A-LATE: the month's fines. */
  fineFen: z.int(),
  leaveDays: z.number(),
  absentDays: z.number(),
  signCards: z.int(),
  /** L-ABSENT: absenteeism in the calendar year up to this month's end, and whether it is serious. */
  yearAbsentDays: z.number(),
  seriousAbsence: z.boolean(),
  /** L-MONTHLY: leave this month over the limit. */
  monthlyLeaveFlag: z.boolean(),
  /** Engine findings for the month (A-LATE, L-ABSENT, L-MONTHLY), "RULE-ID: message" lines. */
  findings: z.array(z.object({ ruleId: z.string(), severity: z.string(), message: z.string() })),
});
export type AttendancePersonMonth = z.output<typeof attendancePersonMonthSchema>;

export const attendanceMonthInputSchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM')), userId: id.optional() }).strict();
export const attendanceMonthSchema = z.object({ month: z.string(), people: z.array(attendancePersonMonthSchema) });
export type AttendanceMonth = z.output<typeof attendanceMonthSchema>;

export const ATTENDANCE_FIELD_LABELS: Readonly<Record<string, Label>> = {
  userId: { zh: '员工', en: 'Employee' },
  clockIn: { zh: '上班打卡', en: 'Clock-in' },
  clockOut: { zh: '下班打卡', en: 'Clock-out' },
  missedOn: { zh: '漏打卡日期', en: 'Missed clock-in on' },
  csv: { zh: '考勤文件', en: 'Clock file' },
  month: { zh: '月份', en: 'Month' },
};
