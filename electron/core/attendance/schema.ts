import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ATTENDANCE_SOURCES, SIGN_CARD_STATUSES } from '../../../shared/attendance';
import { policyRequests } from '../requests/schema';
import { users } from '../users/schema';

/** DOMAIN §8 attendance: one clock record per person and day (HH:MM wall clock). */
export const attendanceRecords = sqliteTable(
  'attendance_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    workDate: text('work_date').notNull(),
    clockIn: text('clock_in'),
    clockOut: text('clock_out'),
    source: text('source', { enum: ATTENDANCE_SOURCES }).notNull(),
    note: text('note').notNull().default(''),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('attendance_user_date_unique').on(t.userId, t.workDate), index('attendance_date_idx').on(t.workDate)],
);

/** A-CLOCK sign-card applications (签卡) for a missed clock-in, approved through a policy request. */
export const signCards = sqliteTable(
  'sign_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    missedOn: text('missed_on').notNull(),
    appliedOn: text('applied_on').notNull(),
    clockIn: text('clock_in'),
    clockOut: text('clock_out'),
    reason: text('reason').notNull(),
    status: text('status', { enum: SIGN_CARD_STATUSES }).notNull(),
    requestId: integer('request_id')
      .notNull()
      .references(() => policyRequests.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('sign_cards_request_unique').on(t.requestId), index('sign_cards_user_missed_idx').on(t.userId, t.missedOn)],
);
