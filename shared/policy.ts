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
