import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Company-wide settings as JSON values under stable keys (e.g. "company"). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
