// DOMAIN §9 W-LOG / §2 C-VISIT: the rep's daily work log (工作日志) with its visits, the weekly
// summary & plan (周总结与计划), the customers overdue for a visit and the late reports.
//
// A daily log covers one day of one person; it is "submitted" when first saved (submittedAt, the
// W-LOG deadline is judged on it; later corrections keep it). A weekly report covers one week
// (Monday–Sunday, weekStart = its Monday). Visits belong to the log of their day.
import { z } from 'zod';
import type { Label, Role } from './domain';
import { findingSchema } from './policy';
import { bilingual, id, isoDate, requiredText, text } from './validation';

export const VISIT_KINDS = ['new', 'revisit', 'phone'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, Label> = {
  new: { zh: '新客户拜访', en: 'New customer' },
  revisit: { zh: '回访', en: 'Revisit' },
  phone: { zh: '电话', en: 'Phone' },
};
/** Kinds that count as a visit for C-VISIT and W-VISITQ (a phone call is logged, not a visit). */
export const IN_PERSON_VISIT_KINDS: readonly VisitKind[] = ['new', 'revisit'];

/** Roles whose people keep a daily log and are judged on it (W-LOG, W-VISITQ, K-SCORE). */
export const LOG_KEEPER_ROLES = ['rep', 'supervisor'] as const satisfies readonly Role[];
/** Roles that read everyone's logs, visits and scores (a supervisor reads his team's; a rep his own). */
export const ACTIVITY_ALL_ROLES = ['gm', 'director', 'manager', 'assistant'] as const satisfies readonly Role[];
/** Roles that record W-FAKE / W-POLICY deductions and confirm C-GRADE proposals. */
export const PERFORMANCE_JUDGE_ROLES = ['gm', 'director', 'manager'] as const satisfies readonly Role[];

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/;
export const activityMonthSchema = z.string().regex(monthRe, bilingual('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM'));

export const visitInputSchema = z
  .object({
    customerId: id,
    kind: z.enum(VISIT_KINDS),
    /** 结果: what came of it. */
    outcome: requiredText(500),
    /** 下一步: what happens next. */
    nextStep: text(500).default(''),
  })
  .strict();
export type VisitInput = z.output<typeof visitInputSchema>;

/** Saves the caller's own log of a day: the summary and the whole list of the day's visits (replaced). */
export const workLogSaveSchema = z
  .object({
    logDate: isoDate,
    summary: text(2000).default(''),
    visits: z.array(visitInputSchema).max(60).default([]),
    /** The version loaded (0 when there is no log for the day yet). */
    version: z.int().min(0),
  })
  .strict();
export type WorkLogSave = z.output<typeof workLogSaveSchema>;

export const visitSchema = z.object({
  id,
  logId: id,
  userId: id,
  userName: z.string(),
  visitDate: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  customerGrade: z.string(),
  kind: z.enum(VISIT_KINDS),
  outcome: z.string(),
  nextStep: z.string(),
  /** W-FAKE: found falsified by a manager (when, by whom, why); null when not. */
  falsifiedAt: z.string().nullable(),
  falsifiedNote: z.string(),
});
export type Visit = z.output<typeof visitSchema>;

export const workLogSchema = z.object({
  id,
  userId: id,
  userName: z.string(),
  logDate: z.string(),
  summary: z.string(),
  submittedAt: z.string(),
  /** W-LOG at submission: days late and the points it costs (0 when on time). */
  daysLate: z.int(),
  pointsDeducted: z.int(),
  visits: z.array(visitSchema),
  version: z.int(),
  updatedAt: z.string(),
});
export type WorkLog = z.output<typeof workLogSchema>;

/** One person's day: the log (null while none is filed) and what W-LOG says about it now. */
export const workLogDaySchema = z.object({
  userId: id,
  userName: z.string(),
  logDate: z.string(),
  log: workLogSchema.nullable(),
  /** When it is (or was) due, and the finding if it is late. */
  dueAt: z.string(),
  findings: z.array(findingSchema),
  /** The caller may save it (his own log). */
  canEdit: z.boolean(),
});
export type WorkLogDay = z.output<typeof workLogDaySchema>;

export const weeklySaveSchema = z
  .object({
    /** Any day of the week covered; stored as its Monday. */
    weekOf: isoDate,
    summary: requiredText(4000),
    plan: requiredText(4000),
    version: z.int().min(0),
  })
  .strict();
export type WeeklySave = z.output<typeof weeklySaveSchema>;

export const weeklyReportSchema = z.object({
  userId: id,
  userName: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  /** null while not submitted. */
  id: id.nullable(),
  summary: z.string(),
  plan: z.string(),
  submittedAt: z.string().nullable(),
  dueAt: z.string(),
  daysLate: z.int(),
  pointsDeducted: z.int(),
  version: z.int(),
  /** Figures of the week from the logs: visits by kind, the days with a log, C-VISIT's rep minimum. */
  visits: z.object({ new: z.int(), revisit: z.int(), phone: z.int() }),
  daysLogged: z.int(),
  workingDays: z.int(),
  findings: z.array(findingSchema),
  canEdit: z.boolean(),
});
export type WeeklyReport = z.output<typeof weeklyReportSchema>;

/** C-VISIT: an active customer overdue for a visit as of a day. */
export const overdueCustomerSchema = z.object({
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  grade: z.string(),
  ownerId: id,
  ownerName: z.string(),
  lastVisitOn: z.string().nullable(),
  /** Strategic / core: in-person visits in the 7 days up to asOf, and the minimum. */
  visitsLast7Days: z.int().nullable(),
  minPerWeek: z.int().nullable(),
  /** Ordinary: when the next visit was due. */
  dueOn: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type OverdueCustomer = z.output<typeof overdueCustomerSchema>;

/** A late (or still missing) daily log or weekly report (W-LOG) in a month. */
export const lateReportSchema = z.object({
  userId: id,
  userName: z.string(),
  kind: z.enum(['daily', 'weekly']),
  /** The day covered (daily) or the week's Monday (weekly). */
  reportDate: z.string(),
  dueAt: z.string(),
  /** null: not submitted yet (judged as of now). */
  submittedAt: z.string().nullable(),
  daysLate: z.int(),
  pointsDeducted: z.int(),
});
export type LateReport = z.output<typeof lateReportSchema>;

export const ACTIVITY_FIELD_LABELS: Readonly<Record<string, Label>> = {
  logDate: { zh: '日志日期', en: 'Log date' },
  summary: { zh: '工作总结', en: 'Summary' },
  plan: { zh: '下周计划', en: 'Plan' },
  visits: { zh: '拜访记录', en: 'Visits' },
  customerId: { zh: '客户', en: 'Customer' },
  kind: { zh: '拜访类型', en: 'Kind' },
  outcome: { zh: '拜访结果', en: 'Outcome' },
  nextStep: { zh: '下一步', en: 'Next step' },
  weekOf: { zh: '周', en: 'Week' },
  userId: { zh: '人员', en: 'Person' },
};
