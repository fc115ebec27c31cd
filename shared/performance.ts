// K-SCORE 绩效分 and K-BONUS 阶梯奖金 per rep per month (DOMAIN §9), the deductions a manager
// records (W-FAKE falsified log entries, W-POLICY a policy not carried out), and C-GRADE's monthly
// proposal of customer upgrades and downgrades confirmed by a manager (DOMAIN §2).
//
// Score = K-SCORE's base (100) minus: W-LOG (each late or missing daily log / weekly report of the
// month, days late × points), W-FAKE and W-POLICY (recorded in the month), W-VISITQ (the month's
// averages over the working days the rep was not on leave). Never below 0; every deduction listed.
// Sales for the bonus: the month's sales (as the monthly report counts them) less the sales to new
// customers without a C-NEW application approved in time (they do not count toward performance).
import { z } from 'zod';
import { GRADES, type Label } from './domain';
import { findingSchema } from './policy';
import { bilingual, id, isoDate, requiredText } from './validation';

export const DEDUCTION_RULES = ['W-LOG', 'W-FAKE', 'W-VISITQ', 'W-POLICY'] as const;
export type DeductionRule = (typeof DEDUCTION_RULES)[number];
/** Deductions a manager records by hand; the others are computed from the logs and visits. */
export const RECORDED_DEDUCTION_RULES = ['W-FAKE', 'W-POLICY'] as const;
export type RecordedDeductionRule = (typeof RECORDED_DEDUCTION_RULES)[number];

export const DEDUCTION_RULE_LABELS: Record<DeductionRule, Label> = {
  'W-LOG': { zh: '日志/周报迟交', en: 'Late log / weekly report' },
  'W-FAKE': { zh: '虚假日志', en: 'Falsified log entry' },
  'W-VISITQ': { zh: '拜访量不足', en: 'Visit quota short' },
  'W-POLICY': { zh: '制度未执行', en: 'Policy not carried out' },
};

export const deductionSchema = z.object({
  ruleId: z.enum(DEDUCTION_RULES),
  points: z.int(),
  /** The reason as a sentence (the rule's finding, or the manager's words). */
  reason: z.string(),
  reasonEn: z.string(),
  /** The day it concerns (a log's day, a week's Monday, the recorded day); null for the month's quota. */
  date: z.string().nullable(),
  /** A recorded deduction's id (W-FAKE / W-POLICY), to show who recorded it. */
  recordId: id.nullable(),
});
export type Deduction = z.output<typeof deductionSchema>;

export const scoreRowSchema = z.object({
  userId: id,
  name: z.string(),
  region: z.string(),
  month: z.string(),
  base: z.int(),
  deductions: z.array(deductionSchema),
  score: z.int(),
  /** W-FAKE: more than the limit of falsified entries in total (dismissal flagged). */
  dismissalFlag: z.boolean(),
  // KPI figures beside the score
  sales: z.int(),
  /** Sales counted toward performance (C-NEW: new customers without a timely approved application left out). */
  countedSales: z.int(),
  target: z.int(),
  achievement: z.number().nullable(),
  bonus: z.int(),
  bonusTier: z.enum(['none', 'base', 'above']),
  bonusFindings: z.array(findingSchema),
  visits: z.object({ new: z.int(), revisit: z.int(), phone: z.int() }),
  /** Working days of the month the rep was not on leave (up to today for the current month). */
  workingDays: z.int(),
  newPerDay: z.number().nullable(),
  revisitsPerDay: z.number().nullable(),
  logsDue: z.int(),
  logsLate: z.int(),
  logsMissing: z.int(),
});
export type ScoreRow = z.output<typeof scoreRowSchema>;

export const performanceMonthSchema = z.object({
  month: z.string(),
  rows: z.array(scoreRowSchema),
  /** Whose rows the caller sees. */
  scope: z.enum(['all', 'team', 'own']),
});
export type PerformanceMonth = z.output<typeof performanceMonthSchema>;

export const deductionRecordInputSchema = z
  .object({
    userId: id,
    ruleId: z.enum(RECORDED_DEDUCTION_RULES),
    /** The day it concerns (counts in that day's month). */
    date: isoDate,
    reason: requiredText(500),
    /** W-FAKE: the visit entries found falsified (each one case); marked falsified on the visit. */
    visitIds: z.array(id).max(50).default([]),
  })
  .strict();
export type DeductionRecordInput = z.output<typeof deductionRecordInputSchema>;

export const deductionRecordSchema = z.object({
  id,
  userId: id,
  userName: z.string(),
  ruleId: z.enum(RECORDED_DEDUCTION_RULES),
  date: z.string(),
  cases: z.int(),
  points: z.int(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  findings: z.array(findingSchema),
});
export type DeductionRecord = z.output<typeof deductionRecordSchema>;

// —— C-GRADE ——

export const GRADE_DIRECTIONS = ['up', 'down'] as const;
export const GRADE_PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type GradeProposalStatus = (typeof GRADE_PROPOSAL_STATUSES)[number];
export const GRADE_PROPOSAL_STATUS_LABELS: Record<GradeProposalStatus, Label> = {
  proposed: { zh: '待确认', en: 'Proposed' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  rejected: { zh: '未采纳', en: 'Rejected' },
};

export const gradeProposalSchema = z.object({
  month: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  ownerId: id,
  ownerName: z.string(),
  fromGrade: z.enum(GRADES),
  toGrade: z.enum(GRADES),
  direction: z.enum(GRADE_DIRECTIONS),
  /** The figures behind it: sales of the last N months and the same months a year before, growth, collection days, 12 months' sales and margin. */
  recentSales: z.int(),
  priorSales: z.int(),
  growth: z.number().nullable(),
  collectionDays: z.number().nullable(),
  sales12m: z.int(),
  grossMargin12m: z.number().nullable(),
  reason: z.string(),
  reasonEn: z.string(),
  status: z.enum(GRADE_PROPOSAL_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string(),
});
export type GradeProposal = z.output<typeof gradeProposalSchema>;

export const gradeDecideInputSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM')),
    customerId: id,
    decision: z.enum(['confirm', 'reject']),
    comment: z.string().trim().max(500).default(''),
  })
  .strict();
export type GradeDecideInput = z.output<typeof gradeDecideInputSchema>;

export const PERFORMANCE_FIELD_LABELS: Readonly<Record<string, Label>> = {
  userId: { zh: '人员', en: 'Person' },
  ruleId: { zh: '扣分项', en: 'Deduction' },
  date: { zh: '日期', en: 'Date' },
  reason: { zh: '原因', en: 'Reason' },
  visitIds: { zh: '虚假拜访记录', en: 'Falsified visits' },
  customerId: { zh: '客户', en: 'Customer' },
  month: { zh: '月份', en: 'Month' },
};
