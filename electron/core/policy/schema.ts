import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../users/schema';

/**
 * Policy parameters, versioned: a row overrides a rule's defaults from `effective_from` on.
 * A request is judged by the row in force on the day it was submitted.
 */
export const policyParams = sqliteTable(
  'policy_params',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ruleId: text('rule_id').notNull(),
    /** First day (YYYY-MM-DD) this version is in force. */
    effectiveFrom: text('effective_from').notNull(),
    params: text('params_json').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('policy_params_rule_day_unique').on(t.ruleId, t.effectiveFrom), index('policy_params_rule_idx').on(t.ruleId)],
);

/** Company-specific working days and days off, overriding the official calendar. */
export const calendarOverrides = sqliteTable('calendar_overrides', {
  date: text('date').primaryKey(),
  working: integer('working', { mode: 'boolean' }).notNull(),
  note: text('note').notNull().default(''),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});
