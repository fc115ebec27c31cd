// DOMAIN §9 W-LOG 工作日志 and 周总结与计划, with their visits (C-VISIT, W-VISITQ): reading a day's log
// and a week's report, saving one's own (the first save is the submission W-LOG judges; corrections
// keep it), the visits grid and the month's late reports.
//
// Semantics chosen where the domain book leaves room (see also common.ts for who reads what and who
// owes a log):
// - The first save of a log or weekly report is its submission: submitted_at = the office wall
//   clock then, and W-LOG's days late / points at the parameters in force on the log's day (the
//   week's Monday for a weekly report) are stored. Later saves keep both and bump the version.
// - Saving a log replaces the day's visits with the list sent, except visits a manager marked
//   falsified (W-FAKE): those stay untouched and are still shown.
// - A day's log not filed yet is judged as of now (W-LOG with submittedAt = now) once its deadline has
//   passed and only when a log is owed that day (common.ts); likewise a weekly report (owed by
//   anyone who keeps logs, for weeks with a day he owed a log).
// - Version: 0 in the input when nothing is stored yet; the first save stores version 1.
import { and, asc, count, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import {
  ACTIVITY_FIELD_LABELS,
  IN_PERSON_VISIT_KINDS,
  type LateReport,
  type Visit,
  type VisitKind,
  type WeeklyReport,
  type WeeklySave,
  type WorkLog,
  type WorkLogDay,
  type WorkLogSave,
} from '../../../shared/activity';
import { addDays, localDate, localTimestamp, mondayOf } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { GridQuery } from '../../../shared/grid';
import type { Finding } from '../../../shared/policy';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import type { Db, Tx } from '../db/connection';
import type { WorkCalendar } from '../policy/calendar';
import { companyCalendar } from '../policy/context';
import { paramsInForce } from '../policy/params';
import { repVisits } from '../policy/rules/customers';
import { users } from '../users/schema';
import { isLogKeeper, leaveMarks, readableIds, readablePerson, type LogPerson } from './common';
import { activityFigures } from './figures';
import { dueOf, judgeLog, judgeMissing, owesLog, visitCounts } from './judge';
import { visits, weeklyReports, workLogs } from './schema';

const fieldError = (field: string, zh: string, en: string) =>
  AppError.field(field, ACTIVITY_FIELD_LABELS[field] ?? { zh: field, en: field }, { zh, en });

// —— reading a day ——

function selectVisits(db: Db | Tx) {
  return db
    .select({
      v: visits,
      userName: users.displayName,
      customerNo: customers.customerNo,
      customerName: customers.name,
      customerGrade: customers.grade,
    })
    .from(visits)
    .innerJoin(users, eq(users.id, visits.userId))
    .innerJoin(customers, eq(customers.id, visits.customerId));
}
type VisitRow = Awaited<ReturnType<ReturnType<typeof selectVisits>['all']>>[number];

function toVisit(r: VisitRow): Visit {
  return {
    id: r.v.id,
    logId: r.v.logId,
    userId: r.v.userId,
    userName: r.userName,
    visitDate: r.v.visitDate,
    customerId: r.v.customerId,
    customerNo: r.customerNo,
    customerName: r.customerName,
    customerGrade: r.customerGrade,
    kind: r.v.kind,
    outcome: r.v.outcome,
    nextStep: r.v.nextStep,
    falsifiedAt: r.v.falsifiedAt,
    falsifiedNote: r.v.falsifiedNote,
  };
}

function logOf(db: Db | Tx, person: LogPerson, date: string): WorkLog | null {
  const row = db
    .select()
    .from(workLogs)
    .where(and(eq(workLogs.userId, person.id), eq(workLogs.logDate, date)))
    .get();
  if (!row) return null;
  const list = selectVisits(db).where(eq(visits.logId, row.id)).orderBy(asc(visits.id)).all().map(toVisit);
  return {
    id: row.id,
    userId: row.userId,
    userName: person.name,
    logDate: row.logDate,
    summary: row.summary,
    submittedAt: row.submittedAt,
    daysLate: row.daysLate,
    pointsDeducted: row.pointsDeducted,
    visits: list,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

function dayView(db: Db | Tx, actor: Actor, person: LogPerson, date: string, now: Date): WorkLogDay {
  const calendar = companyCalendar(db);
  const log = logOf(db, person, date);
  let dueAt: string;
  let findings: Finding[] = [];
  if (log) {
    const judged = judgeLog(db, calendar, date, log.submittedAt, false);
    dueAt = judged.dueAt;
    findings = judged.findings;
  } else {
    dueAt = dueOf(db, calendar, date, false, now);
    if (owesLog(db, calendar, person, date)) findings = judgeMissing(db, calendar, date, false, now)?.findings ?? [];
  }
  return { userId: person.id, userName: person.name, logDate: date, log, dueAt, findings, canEdit: person.id === actor.id };
}

export function dayOf(db: Db, actor: Actor, input: { date: string; userId?: number }, now: Date): WorkLogDay {
  return dayView(db, actor, readablePerson(db, actor, input.userId), input.date, now);
}

// —— saving one's own log ——

const conflict = (what: { zh: string; en: string }, version: number) =>
  new AppError('CONFLICT', `${what.zh}已被修改（版本 ${version}），请刷新后再保存`, `${what.en} was changed meanwhile (version ${version}); reload and save again`);

export function saveLog(db: Db, actor: Actor, input: WorkLogSave, now: Date): WorkLogDay {
  const today = localDate(now);
  if (input.logDate > today) throw fieldError('logDate', `不能晚于今天（${today}）`, `cannot be after today (${today})`);
  const person = readablePerson(db, actor, actor.id);
  db.transaction((tx) => {
    const before = logOf(tx, person, input.logDate);
    if ((before?.version ?? 0) !== input.version) {
      throw conflict({ zh: `${input.logDate} 的工作日志`, en: `The work log of ${input.logDate}` }, before?.version ?? 0);
    }
    // Every visit's customer must be one the author may see, and not archived.
    const ids = [...new Set(input.visits.map((v) => v.customerId))];
    const found = ids.length
      ? new Map(
          tx
            .select({ id: customers.id, name: customers.name, archivedAt: customers.archivedAt })
            .from(customers)
            .where(and(inArray(customers.id, ids), customerScope(tx, actor)))
            .all()
            .map((c) => [c.id, c]),
        )
      : new Map<number, { id: number; name: string; archivedAt: string | null }>();
    input.visits.forEach((v, i) => {
      const label = { zh: `拜访记录第 ${i + 1} 条：客户`, en: `Visit ${i + 1}: customer` };
      const customer = found.get(v.customerId);
      if (!customer) throw AppError.field(`visits.${i}.customerId`, label, { zh: `客户 #${v.customerId} 不存在或您无权查看`, en: `customer #${v.customerId} does not exist or is not yours to see` });
      if (customer.archivedAt !== null) throw AppError.field(`visits.${i}.customerId`, label, { zh: `客户“${customer.name}”已归档`, en: `customer "${customer.name}" is archived` });
    });

    const stamp = now.toISOString();
    let logId: number;
    if (!before) {
      const submittedAt = localTimestamp(now);
      const judged = judgeLog(tx, companyCalendar(tx), input.logDate, submittedAt, false);
      logId = tx
        .insert(workLogs)
        .values({
          userId: actor.id,
          logDate: input.logDate,
          summary: input.summary,
          submittedAt,
          daysLate: judged.daysLate,
          pointsDeducted: judged.pointsDeducted,
          version: 1,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning({ id: workLogs.id })
        .get().id;
    } else {
      logId = before.id;
      tx.update(workLogs).set({ summary: input.summary, version: before.version + 1, updatedAt: stamp }).where(eq(workLogs.id, logId)).run();
      tx.delete(visits).where(and(eq(visits.logId, logId), isNull(visits.falsifiedAt))).run();
    }
    if (input.visits.length) {
      tx.insert(visits)
        .values(input.visits.map((v) => ({ logId, userId: actor.id, visitDate: input.logDate, customerId: v.customerId, kind: v.kind, outcome: v.outcome, nextStep: v.nextStep })))
        .run();
    }
    recordAudit(tx, {
      userId: actor.id,
      action: before ? 'activity.correctLog' : 'activity.submitLog',
      entity: 'work_logs',
      entityId: logId,
      before: before ?? null,
      after: logOf(tx, person, input.logDate),
      at: now,
    });
  });
  return dayView(db, actor, person, input.logDate, now);
}

// —— the visits grid ——

export const VISIT_COLUMNS: ColumnMap = {
  id: visits.id,
  userId: visits.userId,
  userName: users.displayName,
  visitDate: visits.visitDate,
  month: sql`substr(${visits.visitDate}, 1, 7)`,
  customerId: visits.customerId,
  customerNo: customers.customerNo,
  customerName: customers.name,
  customerGrade: customers.grade,
  kind: visits.kind,
  outcome: visits.outcome,
  nextStep: visits.nextStep,
  /** '1' falsified (W-FAKE), '0' not. */
  falsified: sql`CASE WHEN ${visits.falsifiedAt} IS NULL THEN '0' ELSE '1' END`,
  falsifiedAt: visits.falsifiedAt,
};

export function visitScope(db: Db | Tx, actor: Actor): SQL | undefined {
  const ids = readableIds(db, actor);
  return ids === null ? undefined : inArray(visits.userId, ids);
}

export function visitsPage(db: Db, actor: Actor, query: GridQuery): { rows: Visit[]; total: number } {
  const where = and(
    visitScope(db, actor),
    filterSql(VISIT_COLUMNS, query.filter),
    quickSearchSql([users.displayName, customers.customerNo, customers.name, visits.outcome, visits.nextStep], query.quickSearch),
  );
  const sort = query.sort.length ? query.sort : [{ colId: 'visitDate', sort: 'desc' as const }];
  const rows = selectVisits(db)
    .where(where)
    .orderBy(...orderSql(VISIT_COLUMNS, sort, visits.id))
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(visits)
      .innerJoin(users, eq(users.id, visits.userId))
      .innerJoin(customers, eq(customers.id, visits.customerId))
      .where(where)
      .get()?.n ?? 0;
  return { rows: rows.map(toVisit), total };
}

// —— the weekly report ——

/** Does `person` owe the weekly report of the week starting `monday` (a day of it owed a log)? */
function owesWeekly(db: Db | Tx, calendar: WorkCalendar, person: LogPerson, monday: string): boolean {
  if (!isLogKeeper(person.role)) return false;
  const sunday = addDays(monday, 6);
  const marks = leaveMarks(db, [person.id], monday, sunday).get(person.id);
  for (let d = monday; d <= sunday; d = addDays(d, 1)) {
    if (d >= person.since && calendar.isWorkingDay(d) && marks?.get(d) !== 'full') return true;
  }
  return false;
}

function weekView(db: Db | Tx, actor: Actor, person: LogPerson, weekOf: string, now: Date): WeeklyReport {
  const calendar = companyCalendar(db);
  const monday = mondayOf(weekOf);
  const sunday = addDays(monday, 6);
  const today = localDate(now);
  const row = db
    .select()
    .from(weeklyReports)
    .where(and(eq(weeklyReports.userId, person.id), eq(weeklyReports.weekStart, monday)))
    .get();
  const counts = visitCounts(db, [person.id], monday, sunday).get(person.id) ?? { new: 0, revisit: 0, phone: 0 };
  const daysLogged =
    db
      .select({ n: count() })
      .from(workLogs)
      .where(and(eq(workLogs.userId, person.id), gte(workLogs.logDate, monday), lte(workLogs.logDate, sunday)))
      .get()?.n ?? 0;
  const findings: Finding[] = [];
  let dueAt: string;
  let daysLate = 0;
  let pointsDeducted = 0;
  if (row) {
    const judged = judgeLog(db, calendar, monday, row.submittedAt, true);
    dueAt = judged.dueAt;
    findings.push(...judged.findings);
    daysLate = row.daysLate;
    pointsDeducted = row.pointsDeducted;
  } else {
    dueAt = dueOf(db, calendar, monday, true, now);
    // Missing once due: the numbers as of now (what it would cost if filed now).
    const missing = owesWeekly(db, calendar, person, monday) ? judgeMissing(db, calendar, monday, true, now) : null;
    if (missing) {
      findings.push(...missing.findings);
      daysLate = missing.daysLate;
      pointsDeducted = missing.pointsDeducted;
    }
  }
  // C-VISIT's weekly minimum for a rep, in-person visits only, once the week is over.
  if (isLogKeeper(person.role) && sunday < today) {
    const inPerson = IN_PERSON_VISIT_KINDS.reduce((s, k) => s + counts[k], 0);
    findings.push(...repVisits({ visitsThisWeek: inPerson }, paramsInForce(db, 'C-VISIT', monday)).findings);
  }
  return {
    userId: person.id,
    userName: person.name,
    weekStart: monday,
    weekEnd: sunday,
    id: row?.id ?? null,
    summary: row?.summary ?? '',
    plan: row?.plan ?? '',
    submittedAt: row?.submittedAt ?? null,
    dueAt,
    daysLate,
    pointsDeducted,
    version: row?.version ?? 0,
    visits: counts,
    daysLogged,
    workingDays: calendar.workingDaysBetween(monday, sunday),
    findings,
    canEdit: person.id === actor.id,
  };
}

export function weeklyOf(db: Db, actor: Actor, input: { weekOf: string; userId?: number }, now: Date): WeeklyReport {
  return weekView(db, actor, readablePerson(db, actor, input.userId), input.weekOf, now);
}

export function saveWeekly(db: Db, actor: Actor, input: WeeklySave, now: Date): WeeklyReport {
  const today = localDate(now);
  const monday = mondayOf(input.weekOf);
  if (monday > today) throw fieldError('weekOf', `${monday} 开始的周尚未开始`, `the week starting ${monday} has not begun yet`);
  const person = readablePerson(db, actor, actor.id);
  db.transaction((tx) => {
    const before = tx
      .select()
      .from(weeklyReports)
      .where(and(eq(weeklyReports.userId, actor.id), eq(weeklyReports.weekStart, monday)))
      .get();
    if ((before?.version ?? 0) !== input.version) {
      throw conflict({ zh: `${monday} 所在周的周总结与计划`, en: `The weekly report of the week of ${monday}` }, before?.version ?? 0);
    }
    const stamp = now.toISOString();
    let id: number;
    if (!before) {
      const submittedAt = localTimestamp(now);
      const judged = judgeLog(tx, companyCalendar(tx), monday, submittedAt, true);
      id = tx
        .insert(weeklyReports)
        .values({
          userId: actor.id,
          weekStart: monday,
          summary: input.summary,
          plan: input.plan,
          submittedAt,
          daysLate: judged.daysLate,
          pointsDeducted: judged.pointsDeducted,
          version: 1,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning({ id: weeklyReports.id })
        .get().id;
    } else {
      id = before.id;
      tx.update(weeklyReports).set({ summary: input.summary, plan: input.plan, version: before.version + 1, updatedAt: stamp }).where(eq(weeklyReports.id, id)).run();
    }
    const after = tx.select().from(weeklyReports).where(eq(weeklyReports.id, id)).get();
    recordAudit(tx, {
      userId: actor.id,
      action: before ? 'activity.correctWeekly' : 'activity.submitWeekly',
      entity: 'weekly_reports',
      entityId: id,
      before: before ?? null,
      after,
      at: now,
    });
  });
  return weekView(db, actor, person, input.weekOf, now);
}

// —— late reports ——

export function lateReports(db: Db, actor: Actor, input: { month: string; userId?: number }, now: Date): LateReport[] {
  let ids: number[];
  if (input.userId !== undefined) ids = [readablePerson(db, actor, input.userId).id];
  else {
    const readable = readableIds(db, actor);
    ids = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ['rep', 'supervisor']), readable === null ? undefined : inArray(users.id, readable)))
      .all()
      .map((u) => u.id);
  }
  const figures = activityFigures(db, ids, input.month, now);
  return [...figures.values()]
    .flatMap((f) => f.late)
    .sort((a, b) => a.reportDate.localeCompare(b.reportDate) || a.userId - b.userId || a.kind.localeCompare(b.kind));
}
