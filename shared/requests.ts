// Requests judged by the policy engine (leave, expenses, quotes…) and their approval steps.
import { z } from 'zod';
import { ROLES, type Label } from './domain';
import { decisionSchema } from './policy';
import { id, text } from './validation';

import type { Role } from './domain';

/** Roles that may enter a request on someone else's behalf (内勤 enters forms for anyone). */
export const ON_BEHALF_ROLES: readonly Role[] = ['assistant', 'admin', 'manager', 'director', 'gm'];

export const POLICY_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type PolicyRequestStatus = (typeof POLICY_REQUEST_STATUSES)[number];
export const POLICY_REQUEST_STATUS_LABELS: Record<PolicyRequestStatus, Label> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** waiting: a step after the current one; pending: the current step; skipped: never reached (rejected earlier). */
export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_STATUS_LABELS: Record<StepStatus, Label> = {
  waiting: { zh: '待前序审批', en: 'Waiting' },
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '同意', en: 'Approved' },
  rejected: { zh: '驳回', en: 'Rejected' },
  skipped: { zh: '未到达', en: 'Not reached' },
};

export const requestStepSchema = z.object({
  seq: z.int(),
  role: z.enum(ROLES),
  /** The applicant's direct superior by name (a "direct superior" step), else anyone holding the role. */
  approverId: id.nullable(),
  approverName: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  decidedBy: id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string(),
});
export type RequestStep = z.output<typeof requestStepSchema>;

export const requestSchema = z.object({
  id,
  kind: z.string(),
  applicantId: id,
  applicantName: z.string(),
  enteredById: id,
  enteredByName: z.string(),
  /** The request's fields as submitted (amounts in fen, dates YYYY-MM-DD). */
  fields: z.record(z.string(), z.unknown()),
  note: z.string(),
  /** The engine's judgement at submission, by the parameters in force that day. */
  decision: decisionSchema,
  submittedOn: z.string(),
  status: z.enum(POLICY_REQUEST_STATUSES),
  steps: z.array(requestStepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type PolicyRequest = z.output<typeof requestSchema>;

/** What a form submits: `{ kind, …fields }` as `salesdesk policy check` takes it, plus a note. */
export const requestSubmitSchema = z
  .object({
    request: z.record(z.string(), z.unknown()),
    note: text(500).default(''),
    /** An assistant (内勤) enters requests on someone's behalf. */
    applicantId: id.optional(),
  })
  .strict();

export const requestDecideSchema = z
  .object({
    id,
    version: z.int(),
    decision: z.enum(['approve', 'reject']),
    comment: text(500).default(''),
  })
  .strict()
  .refine((d) => d.decision === 'approve' || d.comment.trim().length > 0, {
    message: '驳回须填写理由',
    params: { en: 'A rejection needs a reason' },
    path: ['comment'],
  });
