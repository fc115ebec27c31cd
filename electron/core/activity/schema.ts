import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { VISIT_KINDS } from '../../../shared/activity';
import { customers } from '../customers/schema';
import { users } from '../users/schema';

/**
 * W-LOG 工作日志: one person's log of one day. submitted_at is the first save (the W-LOG deadline is
 * judged on it; corrections keep it); days_late / points_deducted are W-LOG's judgement then, at the
 * parameters in force that day.
 */
export const workLogs = sqliteTable(
  'work_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    logDate: text('log_date').notNull(),
    summary: text('summary').notNull().default(''),
    submittedAt: text('submitted_at').notNull(),
    daysLate: integer('days_late').notNull().default(0),
    pointsDeducted: integer('points_deducted').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('work_logs_user_date_unique').on(t.userId, t.logDate), index('work_logs_date_idx').on(t.logDate)],
);

/** A visit (or phone call) entered in a day's log (C-VISIT, W-VISITQ). W-FAKE marks one falsified. */
export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    logId: integer('log_id')
      .notNull()
      .references(() => workLogs.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    visitDate: text('visit_date').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: VISIT_KINDS }).notNull(),
    outcome: text('outcome').notNull(),
    nextStep: text('next_step').notNull().default(''),
    falsifiedAt: text('falsified_at'),
    falsifiedBy: integer('falsified_by').references(() => users.id),
    falsifiedNote: text('falsified_note').notNull().default(''),
  },
  (t) => [
    index('visits_log_idx').on(t.logId),
    index('visits_user_date_idx').on(t.userId, t.visitDate),
    // C-VISIT: the last visit and the visits of the last 7 days per customer.
    index('visits_customer_date_idx').on(t.customerId, t.visitDate),
  ],
);

/** W-LOG 周总结与计划: one person's report of one week (week_start = its Monday). */
export const weeklyReports = sqliteTable(
  'weekly_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    weekStart: text('week_start').notNull(),
    summary: text('summary').notNull(),
    plan: text('plan').notNull(),
    submittedAt: text('submitted_at').notNull(),
    daysLate: integer('days_late').notNull().default(0),
    pointsDeducted: integer('points_deducted').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('weekly_reports_user_week_unique').on(t.userId, t.weekStart)],
);
