import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { TARGET_DIMENSIONS } from '../../../shared/targets';
import { users } from '../users/schema';

/**
 * K-TARGET (DOMAIN §9): one cell of a year's target plan. month 0 is the whole year, 1–12 the
 * months (quarters are sums, never stored). dimension 'total' has key ''; the breakdowns key a
 * region, a channel code, a product line or a rep's user id (as text). A plan is saved whole: every
 * cell of the year carries the plan's version and who saved it when.
 */
export const targetCells = sqliteTable(
  'target_cells',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    dimension: text('dimension', { enum: TARGET_DIMENSIONS }).notNull(),
    key: text('key').notNull().default(''),
    amountFen: integer('amount_fen').notNull(),
    version: integer('version').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('target_cells_cell_unique').on(t.year, t.month, t.dimension, t.key),
    index('target_cells_period_idx').on(t.year, t.month),
  ],
);
