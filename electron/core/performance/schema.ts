import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { GRADES } from '../../../shared/domain';
import { GRADE_PROPOSAL_STATUSES, RECORDED_DEDUCTION_RULES } from '../../../shared/performance';
import { customers } from '../customers/schema';
import { users } from '../users/schema';

/**
 * W-FAKE / W-POLICY deductions recorded by a manager, with the points at the parameters in force on
 * their day (and W-FAKE's case count and the engine's findings, as JSON).
 */
export const performanceDeductions = sqliteTable(
  'performance_deductions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    ruleId: text('rule_id', { enum: RECORDED_DEDUCTION_RULES }).notNull(),
    date: text('date').notNull(),
    cases: integer('cases').notNull().default(1),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    findingsJson: text('findings_json').notNull().default('[]'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('performance_deductions_user_date_idx').on(t.userId, t.date)],
);

/** C-GRADE: a manager's decision on a month's proposal for a customer (the figures as proposed, JSON). */
export const gradeDecisions = sqliteTable(
  'grade_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    month: text('month').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    fromGrade: text('from_grade', { enum: GRADES }).notNull(),
    toGrade: text('to_grade', { enum: GRADES }).notNull(),
    status: text('status', { enum: GRADE_PROPOSAL_STATUSES }).notNull(),
    figuresJson: text('figures_json').notNull(),
    comment: text('comment').notNull().default(''),
    decidedBy: integer('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('grade_decisions_month_customer_unique').on(t.month, t.customerId)],
);
