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

export const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  approvals: z.array(approverStepSchema),
  findings: z.array(findingSchema),
  computed: z.record(z.string(), z.unknown()),
});
export type Decision = z.output<typeof decisionSchema>;
