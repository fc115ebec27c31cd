import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from '../users/schema';

/**
 * Append-only (ARCHITECTURE "Data rules"): triggers in migration 0001 refuse UPDATE and DELETE.
 * Every business write adds its row here in the same transaction.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    /** The channel or command that wrote, e.g. "customers.update". */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before_json'),
    after: text('after_json'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);
