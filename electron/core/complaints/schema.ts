import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COMPLAINT_ACTIONS, COMPLAINT_SEVERITIES, COMPLAINT_SOURCES, COMPLAINT_STATUSES } from '../../../shared/complaints';
import { customers } from '../customers/schema';
import { orders } from '../orders/schema';
import { users } from '../users/schema';

/**
 * DOMAIN §7 complaints (客户投诉). Timestamps are ISO 8601 in the office's offset (the rules judge
 * the wall clock). The deadlines are the engine's, computed at receipt and kept.
 */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintNo: text('complaint_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    orderId: integer('order_id').references(() => orders.id),
    workOrderNo: text('work_order_no').notNull().default(''),
    receivedAt: text('received_at').notNull(),
    occurredAt: text('occurred_at'),
    summary: text('summary').notNull(),
    course: text('course').notNull().default(''),
    responsibleId: integer('responsible_id').references(() => users.id),
    /** The customer's owner rep at receipt: first responsible (P-HANDLE). */
    ownerId: integer('owner_id').references(() => users.id),
    severity: text('severity', { enum: COMPLAINT_SEVERITIES }).notNull(),
    source: text('source', { enum: COMPLAINT_SOURCES }).notNull(),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
    handledAt: text('handled_at'),
    respondedAt: text('responded_at'),
    slipFiledAt: text('slip_filed_at'),
    resolvedAt: text('resolved_at'),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by').notNull().default(''),
    archivedAt: text('archived_at'),
    escalatedAt: text('escalated_at'),
    escalatedTo: integer('escalated_to').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    compensationFen: integer('compensation_fen').notNull().default(0),
    handleDueAt: text('handle_due_at').notNull(),
    respondDueAt: text('respond_due_at').notNull(),
    slipDueDate: text('slip_due_date').notNull(),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('complaints_no_unique').on(t.complaintNo),
    index('complaints_customer_idx').on(t.customerId),
    index('complaints_owner_idx').on(t.ownerId),
    index('complaints_status_idx').on(t.status),
    index('complaints_received_idx').on(t.receivedAt),
    index('complaints_order_idx').on(t.orderId),
  ],
);

/** The handling record of a complaint: one row per step, append-only. */
export const complaintActions = sqliteTable(
  'complaint_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: text('at').notNull(),
    action: text('action', { enum: COMPLAINT_ACTIONS }).notNull(),
    byId: integer('by_id')
      .notNull()
      .references(() => users.id),
    fromStatus: text('from_status', { enum: COMPLAINT_STATUSES }),
    toStatus: text('to_status', { enum: COMPLAINT_STATUSES }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('complaint_actions_complaint_idx').on(t.complaintId)],
);
