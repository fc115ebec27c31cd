import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../shared/domain';
import { POLICY_REQUEST_STATUSES, STEP_STATUSES } from '../../../shared/requests';
import { users } from '../users/schema';

/**
 * Requests judged by the policy engine (leave, expenses, quotes…). The fields and the engine's
 * decision are kept as submitted: later parameter changes never re-judge them.
 */
export const policyRequests = sqliteTable(
  'policy_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    /** Who typed it in (an assistant may enter requests on someone's behalf). */
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    fields: text('fields_json').notNull(),
    note: text('note').notNull().default(''),
    decision: text('decision_json').notNull(),
    /** The day whose parameter versions judged it (YYYY-MM-DD). */
    submittedOn: text('submitted_on').notNull(),
    status: text('status', { enum: POLICY_REQUEST_STATUSES }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('policy_requests_applicant_idx').on(t.applicantId), index('policy_requests_status_idx').on(t.status)],
);

/** The approval steps of a request, in order; exactly one is 'pending' while the request is. */
export const policyRequestSteps = sqliteTable(
  'policy_request_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => policyRequests.id),
    seq: integer('seq').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The applicant's direct superior for a "direct superior" step; null = anyone holding the role. */
    approverId: integer('approver_id').references(() => users.id),
    status: text('status', { enum: STEP_STATUSES }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('policy_request_steps_request_idx').on(t.requestId), index('policy_request_steps_pending_idx').on(t.status, t.role, t.approverId)],
);
