// Whose leave a person sees on the team calendar (who is away): the heads, assistants, finance and
// the administrator everyone (but the administrator, who takes no leave); a supervisor his team and
// himself; anyone else the colleagues with the same direct superior, that superior and himself.
// Attendance (lateness, fines) is narrower: attendance/records.ts attendanceScope.
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { users } from '../users/schema';

/** Roles that see everyone's leave calendar and attendance sheet. */
export const SEE_EVERYONE_ROLES: readonly Role[] = ['gm', 'director', 'manager', 'assistant', 'admin', 'finance'];

export interface Person {
  id: number;
  name: string;
  region: string;
}

/** The active people the actor sees on the calendar and the sheet, in id order. */
export function visiblePeople(db: Db | Tx, actor: Actor): Person[] {
  const active = eq(users.active, true);
  let who;
  if (SEE_EVERYONE_ROLES.includes(actor.role)) who = ne(users.role, 'admin');
  else if (actor.role === 'supervisor') who = or(eq(users.id, actor.id), eq(users.managerId, actor.id));
  else if (actor.managerId !== null) who = or(eq(users.id, actor.id), eq(users.managerId, actor.managerId), eq(users.id, actor.managerId));
  else who = eq(users.id, actor.id);
  return db
    .select({ id: users.id, name: users.displayName, region: users.region })
    .from(users)
    .where(and(active, who))
    .orderBy(asc(users.id))
    .all();
}

/** Active people (not the administrator) by id, or all of them (null), in id order. */
export function activePeople(db: Db | Tx, ids: readonly number[] | null): Person[] {
  return db
    .select({ id: users.id, name: users.displayName, region: users.region })
    .from(users)
    .where(and(eq(users.active, true), ne(users.role, 'admin'), ids === null ? undefined : inArray(users.id, [...ids])))
    .orderBy(asc(users.id))
    .all();
}

/** The one person asked for (NOT_FOUND, naming the field, when the actor may not see him), or everyone visible. */
export function peopleFor(db: Db | Tx, actor: Actor, userId: number | undefined): Person[] {
  const people = visiblePeople(db, actor);
  if (userId === undefined) return people;
  const one = people.filter((p) => p.id === userId);
  if (!one.length) {
    const message = `员工：用户 #${userId} 不存在或您无权查看`;
    const messageEn = `Employee: user #${userId} does not exist or is not yours to see`;
    throw new AppError('NOT_FOUND', message, messageEn, [{ field: 'userId', message, messageEn }]);
  }
  return one;
}
