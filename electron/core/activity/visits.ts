// DOMAIN §2 C-VISIT: the active customers overdue for a visit as of today, for the caller's
// customer scope (a rep his own, a supervisor his team's, the rest everyone's).
//
// Semantics chosen where the domain book leaves room:
// - Only in-person visits (IN_PERSON_VISIT_KINDS: a phone call is logged, not a visit) that were not
//   found falsified (W-FAKE) count, by anyone, up to and including today.
// - Strategic / core: the visits of the 7 days up to and including today (today − 6 … today) against
//   the grade's weekly minimum. Ordinary: the next visit is due `ordinaryEveryDays` after the last
//   one (due that day, overdue the day after); never visited → overdue now.
// - Active customers only: status 'active' and not archived. Parameters in force today.
// - Order: never visited first, then the longest since the last visit; then by customer number.
// Two grouped queries whatever the number of customers (visits_customer_date_idx).
import { and, asc, eq, gte, inArray, isNull, lte, max, sql } from 'drizzle-orm';
import { IN_PERSON_VISIT_KINDS, type OverdueCustomer } from '../../../shared/activity';
import { addDays, localDate } from '../../../shared/dates';
import type { Actor } from '../api/context';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import type { Db } from '../db/connection';
import { companyCalendar } from '../policy/context';
import { paramsInForce } from '../policy/params';
import { visitFrequency } from '../policy/rules/customers';
import { users } from '../users/schema';
import { visits } from './schema';

export function overdueCustomers(db: Db, actor: Actor, input: { ownerId?: number }, now: Date): OverdueCustomer[] {
  const today = localDate(now);
  const weekFrom = addDays(today, -6);
  const params = paramsInForce(db, 'C-VISIT', today);
  const ctx = { today, calendar: companyCalendar(db) };
  const counted = and(isNull(visits.falsifiedAt), inArray(visits.kind, [...IN_PERSON_VISIT_KINDS]), lte(visits.visitDate, today));

  // 1. The last visit of every customer.
  const last = db
    .select({ customerId: visits.customerId, lastOn: max(visits.visitDate).as('last_on') })
    .from(visits)
    .where(counted)
    .groupBy(visits.customerId)
    .as('last_visit');
  const rows = db
    .select({
      id: customers.id,
      customerNo: customers.customerNo,
      name: customers.name,
      grade: customers.grade,
      ownerId: customers.ownerId,
      ownerName: users.displayName,
      lastOn: last.lastOn,
    })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.ownerId))
    .leftJoin(last, eq(last.customerId, customers.id))
    .where(
      and(
        eq(customers.status, 'active'),
        isNull(customers.archivedAt),
        customerScope(db, actor),
        input.ownerId === undefined ? undefined : eq(customers.ownerId, input.ownerId),
      ),
    )
    .orderBy(asc(customers.customerNo))
    .all();

  // 2. The visits of the last 7 days of the customers that had any.
  const recent = new Map(
    db
      .select({ customerId: visits.customerId, n: sql<number>`count(*)` })
      .from(visits)
      .where(and(counted, gte(visits.visitDate, weekFrom)))
      .groupBy(visits.customerId)
      .all()
      .map((r) => [r.customerId, Number(r.n)]),
  );

  const out: OverdueCustomer[] = [];
  for (const c of rows) {
    const lastVisitOn = c.lastOn ?? undefined;
    const weekly = c.grade !== 'ordinary';
    const visitsLast7Days = recent.get(c.id) ?? 0;
    const outcome = visitFrequency.evaluate({ grade: c.grade, asOf: today, ...(weekly ? { visitsLast7Days } : { lastVisitOn }) }, ctx, params);
    if (outcome.computed?.overdue !== true) continue;
    const warning = outcome.findings.find((f) => f.severity === 'warn');
    out.push({
      customerId: c.id,
      customerNo: c.customerNo,
      customerName: c.name,
      grade: c.grade,
      ownerId: c.ownerId,
      ownerName: c.ownerName,
      lastVisitOn: c.lastOn ?? null,
      visitsLast7Days: weekly ? visitsLast7Days : null,
      minPerWeek: weekly ? Number(outcome.computed.minVisitsPerWeek) : null,
      dueOn: weekly ? null : String(outcome.computed.nextVisitDue),
      message: warning?.message ?? '',
      messageEn: warning?.messageEn ?? '',
    });
  }
  // Never visited first, then the longest since the last visit (stable: customer number within).
  return out.sort((a, b) => (a.lastVisitOn === b.lastVisitOn ? 0 : a.lastVisitOn === null ? -1 : b.lastVisitOn === null ? 1 : a.lastVisitOn.localeCompare(b.lastVisitOn)));
}
