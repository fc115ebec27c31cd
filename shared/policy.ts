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
