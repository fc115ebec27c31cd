// What the policy engine says about a request (../shared/ARCHITECTURE.md "Policy engine").
import { z } from 'zod';
import { ROLES } from './domain';

export const SEVERITIES = ['block', 'approval', 'warn', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One approval step: the applicant's direct superior, or anyone holding a role. */
export const approverStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('superior') }),
  z.object({ kind: z.literal('role'), role: z.enum(ROLES) }),
]);
export type ApproverStep = z.output<typeof approverStepSchema>;

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  messageEn: z.string(),
  /** For severity 'approval': the steps this finding asks for, in order. */
  approvals: z.array(approverStepSchema),
  data: z.record(z.string(), z.unknown()),
});
export type Finding = z.output<typeof findingSchema>;

export const DECISIONS = ['allow', 'needs_approval', 'deny'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** A resolved approval step: the role that approves, and whether it is the applicant's own superior. */
export const approvalStepSchema = z.object({ role: z.enum(ROLES), superior: z.boolean() });
export type ApprovalStep = z.output<typeof approvalStepSchema>;

export const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  /** The roles that approve, in order (the direct superior shown as his role). */
  approvals: z.array(z.enum(ROLES)),
  /** The same steps with whether each one is the applicant's direct superior (routing needs it). */
  approvalSteps: z.array(approvalStepSchema),
  findings: z.array(findingSchema),
  computed: z.record(z.string(), z.unknown()),
});
export type Decision = z.output<typeof decisionSchema>;

/** How a request kind's field is entered (the form the renderer draws for it). */
export const KIND_FIELD_INPUTS = ['fen', 'date', 'timestamp', 'int', 'number', 'bool', 'choice', 'role', 'text'] as const;
export type KindFieldInput = (typeof KIND_FIELD_INPUTS)[number];

const labelSchema = z.object({ zh: z.string(), en: z.string() });

export const kindFieldSchema = z.object({
  name: z.string(),
  optional: z.boolean(),
  label: labelSchema,
  input: z.enum(KIND_FIELD_INPUTS),
  options: z.array(z.object({ value: z.string(), label: labelSchema })).optional(),
  hint: labelSchema.optional(),
});
export type KindField = z.output<typeof kindFieldSchema>;

/** How a rule parameter is shown and entered: fen as yuan, shares as percentages, the rest as is. */
export const PARAM_UNITS = ['fen', 'share', 'days', 'workingDays', 'hours', 'tons', 'count', 'points', 'time', 'day', 'text'] as const;
export type ParamUnit = (typeof PARAM_UNITS)[number];

export const paramInfoSchema = z.object({ label: labelSchema, unit: z.enum(PARAM_UNITS) });
export type ParamInfo = z.output<typeof paramInfoSchema>;

/** A stored version of a rule's parameters. */
export const paramVersionSchema = z.object({
  ruleId: z.string(),
  effectiveFrom: z.string(),
  params: z.record(z.string(), z.unknown()),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ParamVersion = z.output<typeof paramVersionSchema>;

/** A rule of the catalog as Settings → Policies shows it. */
export const ruleInfoSchema = z.object({
  id: z.string(),
  /** DOMAIN.md section (2 customers … 9 activity). */
  section: z.int(),
  name: labelSchema,
  description: labelSchema,
  /** Parameters in force today, and the domain book's defaults. */
  params: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  /** JSON Schema of the parameters (for the editing form). */
  paramsSchema: z.record(z.string(), z.unknown()),
  paramInfo: z.record(z.string(), paramInfoSchema),
  /** The version in force today, null while the defaults apply; and versions scheduled after today. */
  inForce: paramVersionSchema.nullable(),
  scheduled: z.array(paramVersionSchema),
});
export type RuleInfo = z.output<typeof ruleInfoSchema>;

export const kindInfoSchema = z.object({
  kind: z.string(),
  label: labelSchema,
  rules: z.array(z.string()),
  submittable: z.boolean(),
  fields: z.array(kindFieldSchema),
  example: z.record(z.string(), z.unknown()),
});
export type KindInfo = z.output<typeof kindInfoSchema>;

/** A day of the working calendar: the official status and a company override, if any. */
export const calendarDaySchema = z.object({
  date: z.string(),
  working: z.boolean(),
  officialWorking: z.boolean(),
  /** Holiday or make-up day name from the official calendar (国庆节…), null on ordinary days. */
  officialName: z.string().nullable(),
  override: z.object({ working: z.boolean(), note: z.string(), updatedBy: z.string().nullable(), updatedAt: z.string() }).nullable(),
});
export type CalendarDay = z.output<typeof calendarDaySchema>;

/** Names of the values the engine computes (by key, shared by the kinds), for forms and lists. */
export const COMPUTED_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  month: { zh: '业务月份', en: 'Month' },
  deadline: { zh: '截止日期', en: 'Deadline' },
  countsForMonth: { zh: '计入当月业绩', en: 'Counts for the month' },
  fields: { zh: '变更字段', en: 'Fields' },
  overdue: { zh: '拜访逾期', en: 'Visit overdue' },
  nextVisitDue: { zh: '下次拜访期限', en: 'Next visit due' },
  daysSinceLastVisit: { zh: '距上次拜访天数', en: 'Days since the last visit' },
  shortBy: { zh: '差额', en: 'Short by' },
  minVisitsPerWeek: { zh: '每周最少拜访', en: 'Minimum visits a week' },
  qualifies: { zh: '符合月结条件', en: 'Qualifies' },
  jointLiability: { zh: '业务员连带责任', en: 'Rep jointly liable' },
  agreementDueBy: { zh: '协议最迟签订', en: 'Agreement due by' },
  newBalanceFen: { zh: '下单后欠款', en: 'Balance after the order' },
  overLimitFen: { zh: '超出额度', en: 'Over the limit' },
  overdueBeyondDays: { zh: '超出账期天数', en: 'Days beyond credit days' },
  gradeCreditDays: { zh: '按等级账期', en: 'Credit days of the grade' },
  discountPct: { zh: '折扣', en: 'Discount' },
  maxDiscount: { zh: '最大折扣', en: 'Largest discount' },
  delayRisk: { zh: '交货延迟风险', en: 'Delay risk' },
  flagFrom: { zh: '预警起始日', en: 'Flagged from' },
  daysToDelivery: { zh: '距交货天数', en: 'Days to delivery' },
  capFen: { zh: '标准上限', en: 'Cap' },
  overCapFen: { zh: '超出标准', en: 'Over the cap' },
  lateFilingDeadline: { zh: '补单期限', en: 'Backfill by' },
  reimbursableFen: { zh: '公司承担', en: 'Company pays' },
  employeeFen: { zh: '个人承担', en: 'Employee pays' },
  lodgingAllowed: { zh: '可报住宿', en: 'Lodging allowed' },
  countsAsTravelDay: { zh: '计为出差日', en: 'Counts as a travel day' },
  perDiemFen: { zh: '出差包干', en: 'Per diem' },
  perDiemPerDayFen: { zh: '每日包干标准', en: 'Per diem a day' },
  fileBy: { zh: '最迟报销日', en: 'File by' },
  tripDays: { zh: '出差天数', en: 'Trip days' },
  costFen: { zh: '人员与销售费用', en: 'Staff and sales cost' },
  sharePct: { zh: '占预计新增收入', en: 'Share of projected revenue' },
  handleDueAt: { zh: '处理期限', en: 'Handle by' },
  respondDueAt: { zh: '答复期限', en: 'Respond by' },
  slipDueDate: { zh: '投诉单期限', en: 'Slip due' },
  fineFen: { zh: '罚款', en: 'Fine' },
  workingDays: { zh: '请假工作日', en: 'Working days' },
  requiredNoticeDays: { zh: '须提前天数', en: 'Notice required (days)' },
  noticeDays: { zh: '实际提前天数', en: 'Notice given (days)' },
  seriousViolation: { zh: '严重违纪', en: 'Serious violation' },
  late: { zh: '迟到', en: 'Late' },
  lateCount: { zh: '本月迟到次数', en: 'Late arrivals this month' },
  absenteeism: { zh: '计为旷工', en: 'Counts as absenteeism' },
  dueAt: { zh: '截止时间', en: 'Due at' },
  daysLate: { zh: '迟交天数', en: 'Days late' },
  pointsDeducted: { zh: '扣分', en: 'Points deducted' },
  totalCases: { zh: '累计件数', en: 'Cases in total' },
  dismissal: { zh: '提示辞退', en: 'Dismissal flagged' },
  newPerDay: { zh: '日均新客户拜访', en: 'New visits a day' },
  revisitsPerDay: { zh: '日均回访', en: 'Revisits a day' },
  achievementPct: { zh: '达成率', en: 'Achievement' },
  tier: { zh: '奖金档', en: 'Tier' },
  bonusFen: { zh: '奖金', en: 'Bonus' },
};
