import { integer, sqliteTable, text, uniqueIndex, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CHANNELS, ROLES } from '../../../shared/domain';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-case: sign-in is case-insensitive. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Direct superior (DOMAIN §1): approvals "by the direct superior" go here. */
    managerId: integer('manager_id').references((): AnySQLiteColumn => users.id),
    region: text('region').notNull().default(''),
    channel: text('channel', { enum: CHANNELS }),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** scrypt$N$r$p$salt$hash, see password.ts. */
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username), index('users_manager_idx').on(t.managerId)],
);
