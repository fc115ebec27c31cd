// DOMAIN §8 leave (请假申请表): filed here, judged by the policy engine's `leave` kind (L-FORM,
// L-NOTICE, L-MONTHLY) and approved by the direct superior through the requests module. The core
// computes what people used to write on the paper form: the day it is applied for, the working days
// by the calendar (调休 included) and the leave already taken in the month (L-MONTHLY); it refuses a
// leave that overlaps one the applicant already holds, and a proxy who is the applicant himself.
import { and, count, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { daysBetween, localDate, nextDay } from '../../../shared/dates';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ColumnFilter, GridQuery } from '../../../shared/grid';
import {
  LEAVE_FIELD_LABELS,
  LEAVE_HOLDING_STATUSES,
  type Leave,
  type LeaveCalendar,
  type LeaveCreateInput,
  type LeaveDetail,
  type LeaveStatus,
} from '../../../shared/leave';
import type { Decision } from '../../../shared/policy';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import type { Db, Tx } from '../db/connection';
import { nextDailyNumber } from '../db/numbers';
import { companyCalendar } from '../policy/context';
import type { WorkCalendar } from '../policy/calendar';
import { paramsInForce } from '../policy/params';
import { leaveDaysByMonth, leaveMonthly, type LeaveSpan } from '../policy/rules/leave';
import { calendarDays } from '../policy/service';
import { applicantOf, onRequestDecided, preview, requestById, stepsOf, submitWithin, type Applicant, type RequestDecided } from '../requests/service';
import { policyRequests } from '../requests/schema';
import { findingsText, trailText } from '../requests/trail';
import { users } from '../users/schema';
import { teamOf } from '../users/team';
import { visiblePeople } from './people';
import { leaves } from './schema';

// —— who sees what ——

/** Roles that see every leave (as expenses: the heads, finance and assistants). */
const LEAVE_SEE_ALL_ROLES: readonly Role[] = ['admin', 'gm', 'director', 'manager', 'finance', 'assistant'];

/** Leaves the actor may see: the heads, finance and assistants all; a supervisor his team's and his own; anyone else his own. */
export function leaveScope(db: Db | Tx, actor: Actor): SQL | undefined {
  if (LEAVE_SEE_ALL_ROLES.includes(actor.role)) return undefined;
  const own = or(eq(leaves.applicantId, actor.id), eq(leaves.enteredBy, actor.id));
  if (actor.role === 'supervisor') {
    const team = teamOf(db, actor.id);
    return team.length ? or(own, inArray(leaves.applicantId, team)) : own;
  }
  return own;
}

const fieldError = (field: string, zh: string, en: string) => AppError.field(field, LEAVE_FIELD_LABELS[field] ?? { zh: field, en: field }, { zh, en });

// —— month and half-day arithmetic ——

/** First and last day of a month YYYY-MM. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

/** A leave as half-day slots (morning = even, afternoon = odd), first and last included. */
function slotsOf(span: Required<LeaveSpan>): [number, number] {
  const day = (d: string) => daysBetween('2000-01-01', d) * 2;
  return [day(span.start) + (span.startHalfDay ? 1 : 0), day(span.end) + (span.endHalfDay ? 0 : 1)];
}

/** The half of `date` a leave takes: 'pm' on an afternoon-only first day, 'am' on a morning-only last day, null for the whole day. */
export function halfOn(span: Required<LeaveSpan>, date: string): 'am' | 'pm' | null {
  if (date === span.start && span.startHalfDay) return 'pm';
  if (date === span.end && span.endHalfDay) return 'am';
  return null;
}

/** Working days of these leaves in `month` (halves allowed), by the calendar. */
export function leaveDaysIn(spans: LeaveSpan[], month: string, calendar: WorkCalendar): number {
  return spans.reduce((sum, span) => sum + (leaveDaysByMonth(span, calendar).find((m) => m.month === month)?.days ?? 0), 0);
}

// —— reading ——

const proxy = alias(users, 'proxy');

function selectLeaves(db: Db | Tx) {
  return db
    .select({ l: leaves, applicantName: users.displayName, region: users.region, proxyName: proxy.displayName, decision: policyRequests.decision })
    .from(leaves)
    .innerJoin(users, eq(users.id, leaves.applicantId))
    .innerJoin(proxy, eq(proxy.id, leaves.proxyId))
    .innerJoin(policyRequests, eq(policyRequests.id, leaves.requestId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectLeaves>['all']>>[number];

function toLeaves(db: Db | Tx, rows: Selected[]): Leave[] {
  const steps = stepsOf(
    db,
    rows.map((r) => r.l.requestId),
  );
  return rows.map((r) => ({
    id: r.l.id,
    leaveNo: r.l.leaveNo,
    applicantId: r.l.applicantId,
    applicantName: r.applicantName,
    region: r.region,
    enteredById: r.l.enteredBy,
    leaveType: r.l.leaveType,
    start: r.l.startDate,
    end: r.l.endDate,
    startHalfDay: r.l.startHalfDay,
    endHalfDay: r.l.endHalfDay,
    workingDays: r.l.halfDays / 2,
    reason: r.l.reason,
    proxyId: r.l.proxyId,
    proxyName: r.proxyName,
    emergencyCallAt: r.l.emergencyCallAt,
    appliedOn: r.l.appliedOn,
    status: r.l.status,
    requestId: r.l.requestId,
    monthlyFlag: r.l.monthlyFlag,
    findingsText: findingsText(JSON.parse(r.decision) as Decision),
    trail: trailText(steps.get(r.l.requestId) ?? []),
    createdAt: r.l.createdAt,
  }));
}

/** The grid's columns (filter and sort). `month` is handled apart: any day of the leave in it. */
export const LEAVE_COLUMNS: ColumnMap = {
  leaveNo: leaves.leaveNo,
  applicantId: leaves.applicantId,
  applicantName: users.displayName,
  region: users.region,
  leaveType: leaves.leaveType,
  start: leaves.startDate,
  end: leaves.endDate,
  workingDays: sql`${leaves.halfDays} / 2.0`,
  proxyName: proxy.displayName,
  appliedOn: leaves.appliedOn,
  status: leaves.status,
  monthlyFlag: leaves.monthlyFlag,
  createdAt: leaves.createdAt,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months a `month` filter names (a text condition's value or a set's values); invalid ones are ignored. */
function monthsOf(filter: ColumnFilter | undefined): string[] {
  if (!filter) return [];
  const conditions = 'operator' in filter ? filter.conditions : [filter];
  return conditions
    .flatMap((c) => (c.filterType === 'set' ? c.values : c.filterType === 'text' ? [c.filter ?? ''] : c.filterType === 'date' ? [c.dateFrom?.slice(0, 7) ?? ''] : []))
    .map((m) => m.trim())
    .filter((m) => MONTH.test(m));
}

/** Leaves with a day in one of these months. */
function inMonthsSql(months: string[]): SQL | undefined {
  if (!months.length) return undefined;
  return or(...months.map((m) => and(lte(leaves.startDate, monthBounds(m).last), gte(leaves.endDate, monthBounds(m).first))));
}

export function listLeaves(db: Db, actor: Actor, query: GridQuery): { rows: Leave[]; total: number } {
  const { month, ...filter } = query.filter;
  const where = and(
    leaveScope(db, actor),
    filterSql(LEAVE_COLUMNS, filter, new Set(['createdAt'])),
    inMonthsSql(monthsOf(month)),
    quickSearchSql([leaves.leaveNo, leaves.reason, users.displayName, proxy.displayName], query.quickSearch),
  );
  const rows = selectLeaves(db)
    .where(where)
    .orderBy(...orderSql(LEAVE_COLUMNS, query.sort.length ? query.sort : [{ colId: 'leaveNo', sort: 'desc' }], leaves.id))
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(leaves)
      .innerJoin(users, eq(users.id, leaves.applicantId))
      .innerJoin(proxy, eq(proxy.id, leaves.proxyId))
      .where(where)
      .get()?.n ?? 0;
  return { rows: toLeaves(db, rows), total };
}

export function leaveRows(db: Db | Tx, where: SQL | undefined): Leave[] {
  return toLeaves(db, selectLeaves(db).where(where).orderBy(leaves.startDate, leaves.id).all());
}

/** A leave the actor may see (NOT_FOUND otherwise). */
export function leaveById(db: Db | Tx, actor: Actor, id: number): Leave {
  const row = leaveRows(db, and(eq(leaves.id, id), leaveScope(db, actor)))[0];
  if (!row) throw new AppError('NOT_FOUND', `请假单 #${id} 不存在`, `Leave #${id} not found`);
  return row;
}

export function leaveDetail(db: Db | Tx, actor: Actor, id: number): LeaveDetail {
  const leave = leaveById(db, actor, id);
  const request = requestById(db, leave.requestId);
  return { leave, decision: request.decision, steps: request.steps };
}

// —— filing ——

interface Checked {
  applicant: Applicant;
  request: Record<string, unknown>;
}

/** The applicant's leaves that hold days (pending, approved) touching [from, to]. */
function heldLeaves(db: Db | Tx, applicantId: number, from: string, to: string) {
  return db
    .select({ leaveNo: leaves.leaveNo, start: leaves.startDate, end: leaves.endDate, startHalfDay: leaves.startHalfDay, endHalfDay: leaves.endHalfDay })
    .from(leaves)
    .where(and(eq(leaves.applicantId, applicantId), inArray(leaves.status, [...LEAVE_HOLDING_STATUSES]), lte(leaves.startDate, to), gte(leaves.endDate, from)))
    .all();
}

/**
 * What the form may not get wrong, and the request the engine judges: the applicant, end not before
 * start, one half of a one-day leave, a proxy who is another active employee, no emergency call in
 * the future, no overlap with a leave the applicant holds; the leave already taken in the month.
 */
function checkForm(db: Db | Tx, actor: Actor, input: LeaveCreateInput, at: Date): Checked {
  const applicant = applicantOf(db, actor, input.applicantId);
  if (input.end < input.start) throw fieldError('end', `不能早于开始日期（${input.start}）`, `must not be before the start (${input.start})`);
  if (input.start === input.end && input.startHalfDay && input.endHalfDay) {
    throw fieldError('endHalfDay', '同一天的半天假只能勾选一项（首日仅休下午或末日仅休上午）', 'a one-day half-day leave takes either the afternoon or the morning, not both');
  }
  const proxyRow = db.select({ id: users.id, name: users.displayName, active: users.active }).from(users).where(eq(users.id, input.proxyId)).get();
  if (!proxyRow || !proxyRow.active) throw fieldError('proxyId', `用户 #${input.proxyId} 不存在或已停用`, `user #${input.proxyId} does not exist or is inactive`);
  if (proxyRow.id === applicant.id) throw fieldError('proxyId', '不能是申请人本人，须指定另一位同事', 'cannot be the applicant; name another colleague');
  if (input.emergencyCallAt !== null && Date.parse(input.emergencyCallAt) > at.getTime()) {
    throw fieldError('emergencyCallAt', '不能晚于现在（电话须已经打过）', 'cannot be later than now (the call must have been made)');
  }
  const [from, to] = slotsOf(input);
  const clash = heldLeaves(db, applicant.id, input.start, input.end).find((l) => {
    const [a, b] = slotsOf(l);
    return a <= to && from <= b;
  });
  if (clash) {
    const span = clash.start === clash.end ? clash.start : `${clash.start} 至 ${clash.end}`;
    throw fieldError('start', `与已有的请假单 ${clash.leaveNo}（${span}）时间重叠`, `overlaps leave ${clash.leaveNo} (${clash.start} to ${clash.end})`);
  }
  const month = input.start.slice(0, 7);
  const { first, last } = monthBounds(month);
  const leaveDaysThisMonth = leaveDaysIn(heldLeaves(db, applicant.id, first, last), month, companyCalendar(db));
  const request: Record<string, unknown> = {
    kind: 'leave',
    leaveType: input.leaveType,
    start: input.start,
    end: input.end,
    startHalfDay: input.startHalfDay,
    endHalfDay: input.endHalfDay,
    reason: input.reason,
    proxy: proxyRow.name,
    leaveDaysThisMonth,
    ...(input.emergencyCallAt === null ? {} : { emergencyCallAt: input.emergencyCallAt }),
  };
  return { applicant, request };
}

/** The form's live check: the engine's decision as if filed now; the same errors as create; writes nothing. */
export function previewLeave(db: Db, actor: Actor, input: LeaveCreateInput, at: Date): Decision {
  const { request } = checkForm(db, actor, input, at);
  return preview(db, actor, request, input.applicantId, at);
}

export function createLeave(db: Db, actor: Actor, input: LeaveCreateInput, at: Date): Leave {
  const today = localDate(at);
  return db.transaction((tx) => {
    const { applicant, request: raw } = checkForm(tx, actor, input, at);
    const request = submitWithin(tx, actor, { request: raw, note: input.reason, applicantId: input.applicantId }, at);
    const workingDays = Number(request.decision.computed.workingDays ?? 0);
    const stamp = at.toISOString();
    const row = tx
      .insert(leaves)
      .values({
        leaveNo: nextDailyNumber(tx, 'leaves', 'leave_no', 'QJ', today),
        applicantId: applicant.id,
        enteredBy: actor.id,
        leaveType: input.leaveType,
        startDate: input.start,
        endDate: input.end,
        startHalfDay: input.startHalfDay,
        endHalfDay: input.endHalfDay,
        halfDays: Math.round(workingDays * 2),
        reason: input.reason,
        proxyId: input.proxyId,
        emergencyCallAt: input.emergencyCallAt,
        appliedOn: today,
        status: request.status === 'approved' ? 'approved' : 'pending',
        monthlyFlag: request.decision.findings.some((f) => f.ruleId === 'L-MONTHLY'),
        requestId: request.id,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning({ id: leaves.id })
      .get();
    const saved = leaveRows(tx, eq(leaves.id, row.id))[0]!;
    recordAudit(tx, { userId: actor.id, action: 'leave.create', entity: 'leaves', entityId: row.id, before: null, after: saved, at });
    return saved;
  });
}

// —— the approval's outcome ——

function settleApproval(tx: Tx, event: RequestDecided): void {
  const row = tx.select({ id: leaves.id, status: leaves.status }).from(leaves).where(eq(leaves.requestId, event.requestId)).get();
  if (!row || row.status !== 'pending') return;
  const status: LeaveStatus = event.outcome;
  tx.update(leaves).set({ status, updatedAt: event.at.toISOString() }).where(eq(leaves.id, row.id)).run();
}

onRequestDecided('leave', settleApproval);

// —— the team calendar ——

export function leaveCalendar(db: Db, actor: Actor, month: string): LeaveCalendar {
  const { first, last } = monthBounds(month);
  const days = calendarDays(db, first, last).map((d) => ({
    date: d.date,
    working: d.working,
    name: (d.override ? d.override.note.trim() || d.officialName : d.officialName) ?? null,
  }));
  const working = new Set(days.filter((d) => d.working).map((d) => d.date));
  const people = visiblePeople(db, actor);
  const held = people.length
    ? db
        .select({ l: leaves })
        .from(leaves)
        .where(and(inArray(leaves.applicantId, people.map((p) => p.id)), inArray(leaves.status, [...LEAVE_HOLDING_STATUSES]), lte(leaves.startDate, last), gte(leaves.endDate, first)))
        .orderBy(leaves.startDate, leaves.id)
        .all()
        .map((r) => r.l)
    : [];
  const calendar = companyCalendar(db);
  const params = paramsInForce(db, 'L-MONTHLY', last);
  return {
    month,
    days,
    people: people.map((p) => {
      const own = held.filter((l) => l.applicantId === p.id);
      const entries = own.flatMap((l) => {
        const span = { start: l.startDate, end: l.endDate, startHalfDay: l.startHalfDay, endHalfDay: l.endHalfDay };
        const out: LeaveCalendar['people'][number]['entries'] = [];
        for (let d = l.startDate < first ? first : l.startDate; d <= l.endDate && d <= last; d = nextDay(d)) {
          if (!working.has(d)) continue;
          out.push({ date: d, leaveId: l.id, leaveNo: l.leaveNo, leaveType: l.leaveType, half: halfOn(span, d), status: l.status });
        }
        return out;
      });
      const approved = own.filter((l) => l.status === 'approved').map((l) => ({ start: l.startDate, end: l.endDate, startHalfDay: l.startHalfDay, endHalfDay: l.endHalfDay }));
      const leaveDays = leaveDaysIn(approved, month, calendar);
      const monthly = leaveMonthly.evaluate({ byMonth: [{ month, days: leaveDays }], leaveDaysThisMonth: 0 }, { today: last, calendar }, params);
      return { userId: p.id, name: p.name, entries, leaveDays, monthlyFlag: monthly.findings.length > 0 };
    }),
  };
}
