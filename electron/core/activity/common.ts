// Shared by the work-log services, C-VISIT and the month's figures: who may read whose logs, the
// days a person owes a daily log (W-LOG) and the days of a range.
//
// Semantics chosen where the domain book leaves room:
// - Reading: a person's logs, weekly reports and visits are readable by himself, by his direct
//   superior (teamOf: the people whose manager he is) and by ACTIVITY_ALL_ROLES; nobody else
//   (FORBIDDEN). Saving: only one's own (any role may keep a log; finance / admin read only theirs).
// - A daily log is owed by a LOG_KEEPER_ROLES person for every working day of the company calendar
//   that is not a whole day of approved leave (a half-day leave still needs a log) and is not before
//   the local day his account was created.
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { ACTIVITY_ALL_ROLES, LOG_KEEPER_ROLES } from '../../../shared/activity';
import { addDays, localDate } from '../../../shared/dates';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { leaves } from '../leave/schema';
import { halfOn } from '../leave/service';
import { users } from '../users/schema';
import { teamOf } from '../users/team';

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const isLogKeeper = (role: Role) => (LOG_KEEPER_ROLES as readonly Role[]).includes(role);
export const readsAllActivity = (actor: Actor) => (ACTIVITY_ALL_ROLES as readonly Role[]).includes(actor.role);

export interface LogPerson {
  id: number;
  name: string;
  role: Role;
  /** The local day the account was created: no log is owed before it. */
  since: string;
}

export function peopleByIds(db: Db | Tx, ids: readonly number[]): LogPerson[] {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.displayName, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .orderBy(users.id)
    .all()
    .map((u) => ({ id: u.id, name: u.name, role: u.role, since: localDate(new Date(u.createdAt)) }));
}

/** The ids whose activity the actor reads; null: everyone's. */
export function readableIds(db: Db | Tx, actor: Actor): number[] | null {
  if (readsAllActivity(actor)) return null;
  return [actor.id, ...teamOf(db, actor.id)];
}

/** The person whose logs are asked for (the actor when none): NOT_FOUND / FORBIDDEN otherwise. */
export function readablePerson(db: Db | Tx, actor: Actor, userId: number | undefined): LogPerson {
  const id = userId ?? actor.id;
  const person = peopleByIds(db, [id])[0];
  const readable = readableIds(db, actor);
  if (readable !== null && !readable.includes(id)) {
    throw new AppError('FORBIDDEN', '无权查看该人员的工作日志、周报和拜访记录', "You may not read this person's work logs, weekly reports or visits");
  }
  if (!person) {
    const message = `人员：用户 #${id} 不存在`;
    const messageEn = `Person: user #${id} does not exist`;
    throw new AppError('NOT_FOUND', message, messageEn, [{ field: 'userId', message, messageEn }]);
  }
  return person;
}

/** Approved leave per person and day between two days: 'full' (whole day) or 'half'. */
export function leaveMarks(db: Db | Tx, ids: readonly number[], from: string, to: string): Map<number, Map<string, 'full' | 'half'>> {
  const out = new Map<number, Map<string, 'full' | 'half'>>();
  if (!ids.length) return out;
  const rows = db
    .select({ userId: leaves.applicantId, start: leaves.startDate, end: leaves.endDate, startHalfDay: leaves.startHalfDay, endHalfDay: leaves.endHalfDay })
    .from(leaves)
    .where(and(inArray(leaves.applicantId, [...ids]), eq(leaves.status, 'approved'), lte(leaves.startDate, to), gte(leaves.endDate, from)))
    .all();
  for (const r of rows) {
    const marks = out.get(r.userId) ?? new Map<string, 'full' | 'half'>();
    out.set(r.userId, marks);
    const span = { start: r.start, end: r.end, startHalfDay: r.startHalfDay, endHalfDay: r.endHalfDay };
    for (let d = r.start > from ? r.start : from; d <= r.end && d <= to; d = addDays(d, 1)) {
      const mark = halfOn(span, d) === null ? 'full' : 'half';
      // Two approved leaves on one day (a morning and an afternoon) make a whole day.
      marks.set(d, marks.has(d) ? 'full' : mark);
    }
  }
  return out;
}
