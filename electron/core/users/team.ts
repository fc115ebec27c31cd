import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection';
import { users } from './schema';

/** A supervisor's direct reports (the team whose records he sees). */
export function teamOf(db: Db | Tx, supervisorId: number): number[] {
  return db.select({ id: users.id }).from(users).where(eq(users.managerId, supervisorId)).all().map((u) => u.id);
}
