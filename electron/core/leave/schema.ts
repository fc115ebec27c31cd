import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEAVE_STATUSES, LEAVE_TYPES } from '../../../shared/leave';
import { policyRequests } from '../requests/schema';
import { users } from '../users/schema';

/**
 * DOMAIN §8 leave (请假申请表). The engine's decision and approval steps live on the policy request;
 * this row is the leave: its days, proxy and where it stands.
 */
export const leaves = sqliteTable(
  'leaves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leaveNo: text('leave_no').notNull(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    leaveType: text('leave_type', { enum: LEAVE_TYPES }).notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    startHalfDay: integer('start_half_day', { mode: 'boolean' }).notNull().default(false),
    endHalfDay: integer('end_half_day', { mode: 'boolean' }).notNull().default(false),
    /** Working days × 2 (halves allowed, kept as an integer). */
    halfDays: integer('half_days').notNull(),
    reason: text('reason').notNull(),
    proxyId: integer('proxy_id')
      .notNull()
      .references(() => users.id),
    emergencyCallAt: text('emergency_call_at'),
    appliedOn: text('applied_on').notNull(),
    status: text('status', { enum: LEAVE_STATUSES }).notNull(),
    monthlyFlag: integer('monthly_flag', { mode: 'boolean' }).notNull().default(false),
    requestId: integer('request_id')
      .notNull()
      .references(() => policyRequests.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('leaves_no_unique').on(t.leaveNo),
    uniqueIndex('leaves_request_unique').on(t.requestId),
    index('leaves_applicant_start_idx').on(t.applicantId, t.startDate),
    index('leaves_dates_idx').on(t.startDate, t.endDate),
  ],
);
