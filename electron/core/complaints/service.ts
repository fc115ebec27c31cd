// DOMAIN §7 customer complaints (客户投诉): the register with the deadlines the policy engine computes
// at receipt (P-HANDLE, P-RESPOND, P-SLIP, by the parameters in force on the day of receipt) and
// stores, the complaint slip (投诉单), the handling record (one complaint_actions row per step),
// P-CLOSE (archived only after the customer confirms), P-MAJOR (the management review list) and
// P-UNREPORTED (fines for complaints found without a slip). O-SURVEY opens one through openFromSurvey.
// Every write is one transaction with its audit row; bad input is refused naming the field.
import { and, asc, count, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  COMPLAINT_ACTION_LABELS,
  COMPLAINT_FIELD_LABELS,
  COMPLAINT_REVIEW_ROLES,
  COMPLAINT_SEE_ALL_ROLES,
  COMPLAINT_STATUS_LABELS,
  type Complaint,
  type ComplaintActInput,
  type ComplaintAction,
  type ComplaintCreateInput,
  type ComplaintDetail,
  type ComplaintSeverity,
  type ComplaintSlipInput,
  type ComplaintStatus,
  type UnreportedRow,
} from '../../../shared/complaints';
import { localDate, localTimestamp } from '../../../shared/dates';
import type { Label } from '../../../shared/domain';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type { ColumnFilter, GridQuery } from '../../../shared/grid';
import type { Decision } from '../../../shared/policy';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import type { Db, Tx } from '../db/connection';
import { nextDailyNumber } from '../db/numbers';
import { orders } from '../orders/schema';
import { engineOptions } from '../policy/context';
import { evaluateRequest } from '../policy/kinds';
import { addHours } from '../policy/time';
import { users } from '../users/schema';
import { teamOf } from '../users/team';
import { complaintActions, complaints } from './schema';

type Step = ComplaintDetail['allowed'][number];

const OWN_LABELS: Readonly<Record<string, Label>> = { customerId: { zh: '客户', en: 'Customer' }, note: { zh: '说明', en: 'Note' } };
const labelOf = (field: string): Label => OWN_LABELS[field] ?? COMPLAINT_FIELD_LABELS[field] ?? { zh: field, en: field };
const issueOf = (field: string, zh: string, en: string): FieldIssue => {
  const label = labelOf(field);
  return { field, message: `${label.zh}：${zh}`, messageEn: `${label.en}: ${en}` };
};
const fieldError = (field: string, zh: string, en: string) => AppError.field(field, labelOf(field), { zh, en });
const statusZh = (status: ComplaintStatus) => COMPLAINT_STATUS_LABELS[status].zh;
const statusEn = (status: ComplaintStatus) => COMPLAINT_STATUS_LABELS[status].en.toLowerCase();

// —— who sees what ——

/**
 * Complaints the actor may see: the heads, assistants, finance and the administrator all; a rep
 * those of the customers he owns (now or at receipt) and those he is responsible for or was
 * escalated to; a supervisor the same for himself and his team.
 */
export function complaintScope(db: Db | Tx, actor: Actor): SQL | undefined {
  if (COMPLAINT_SEE_ALL_ROLES.includes(actor.role)) return undefined;
  const people = actor.role === 'supervisor' ? [actor.id, ...teamOf(db, actor.id)] : [actor.id];
  return or(
    inArray(customers.ownerId, people),
    inArray(complaints.ownerId, people),
    eq(complaints.responsibleId, actor.id),
    eq(complaints.escalatedTo, actor.id),
  );
}

// —— reading ——

const owner = alias(users, 'owner');
const responsible = alias(users, 'responsible');
const escalatedTo = alias(users, 'escalated_to_user');
const reviewer = alias(users, 'reviewer');
const enteredBy = alias(users, 'entered_by_user');

/** The overdue flags at `now` (open complaints only; exactly at a deadline is on time). */
function overdueColumns(now: Date) {
  const instant = now.toISOString();
  const today = localDate(now);
  const open = sql`${complaints.status} <> 'archived'`;
  const handle = sql`(${open} AND ${complaints.handledAt} IS NULL AND julianday(${complaints.handleDueAt}) < julianday(${instant}))`;
  const respond = sql`(${open} AND ${complaints.respondedAt} IS NULL AND julianday(${complaints.respondDueAt}) < julianday(${instant}))`;
  const slip = sql`(${open} AND ${complaints.slipFiledAt} IS NULL AND ${complaints.slipDueDate} < ${today})`;
  return { handle, respond, slip, any: sql`(${handle} OR ${respond} OR ${slip})` };
}

function selectComplaints(db: Db | Tx, now: Date) {
  const o = overdueColumns(now);
  return db
    .select({
      c: complaints,
      customerNo: customers.customerNo,
      customerName: customers.name,
      ownerName: owner.displayName,
      orderNo: orders.orderNo,
      responsibleName: responsible.displayName,
      escalatedToName: escalatedTo.displayName,
      reviewedByName: reviewer.displayName,
      enteredByName: enteredBy.displayName,
      handleOverdue: sql<number>`(CASE WHEN ${o.handle} THEN 1 ELSE 0 END)`.mapWith(Number),
      respondOverdue: sql<number>`(CASE WHEN ${o.respond} THEN 1 ELSE 0 END)`.mapWith(Number),
      slipOverdue: sql<number>`(CASE WHEN ${o.slip} THEN 1 ELSE 0 END)`.mapWith(Number),
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .innerJoin(enteredBy, eq(enteredBy.id, complaints.enteredBy))
    .leftJoin(owner, eq(owner.id, complaints.ownerId))
    .leftJoin(orders, eq(orders.id, complaints.orderId))
    .leftJoin(responsible, eq(responsible.id, complaints.responsibleId))
    .leftJoin(escalatedTo, eq(escalatedTo.id, complaints.escalatedTo))
    .leftJoin(reviewer, eq(reviewer.id, complaints.reviewedBy));
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectComplaints>['all']>>[number];

function toComplaint(r: Selected): Complaint {
  const c = r.c;
  return {
    id: c.id,
    complaintNo: c.complaintNo,
    customerId: c.customerId,
    customerNo: r.customerNo,
    customerName: r.customerName,
    ownerId: c.ownerId,
    ownerName: r.ownerName,
    orderId: c.orderId,
    orderNo: r.orderNo,
    workOrderNo: c.workOrderNo,
    receivedAt: c.receivedAt,
    occurredAt: c.occurredAt,
    summary: c.summary,
    course: c.course,
    responsibleId: c.responsibleId,
    responsibleName: r.responsibleName,
    severity: c.severity,
    source: c.source,
    status: c.status,
    handledAt: c.handledAt,
    respondedAt: c.respondedAt,
    slipFiledAt: c.slipFiledAt,
    resolvedAt: c.resolvedAt,
    confirmedAt: c.confirmedAt,
    confirmedBy: c.confirmedBy,
    archivedAt: c.archivedAt,
    escalatedAt: c.escalatedAt,
    escalatedToId: c.escalatedTo,
    escalatedToName: r.escalatedToName,
    reviewedAt: c.reviewedAt,
    reviewedByName: r.reviewedByName,
    compensationFen: c.compensationFen,
    handleDueAt: c.handleDueAt,
    respondDueAt: c.respondDueAt,
    slipDueDate: c.slipDueDate,
    handleOverdue: r.handleOverdue === 1,
    respondOverdue: r.respondOverdue === 1,
    slipOverdue: r.slipOverdue === 1,
    enteredById: c.enteredBy,
    enteredByName: r.enteredByName,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

export function complaintRows(db: Db | Tx, where: SQL | undefined, now: Date): Complaint[] {
  return selectComplaints(db, now).where(where).orderBy(asc(complaints.receivedAt), asc(complaints.id)).all().map(toComplaint);
}

/** The register's columns (filter and sort). `overdue` is read apart (see overdueFilter). */
const COMPLAINT_COLUMNS: ColumnMap = {
  id: complaints.id,
  complaintNo: complaints.complaintNo,
  customerId: complaints.customerId,
  customerNo: customers.customerNo,
  customerName: customers.name,
  ownerId: complaints.ownerId,
  ownerName: owner.displayName,
  orderNo: orders.orderNo,
  workOrderNo: complaints.workOrderNo,
  receivedAt: complaints.receivedAt,
  month: sql`substr(${complaints.receivedAt}, 1, 7)`,
  occurredAt: complaints.occurredAt,
  summary: complaints.summary,
  responsibleId: complaints.responsibleId,
  responsibleName: responsible.displayName,
  severity: complaints.severity,
  source: complaints.source,
  status: complaints.status,
  handleDueAt: complaints.handleDueAt,
  respondDueAt: complaints.respondDueAt,
  slipDueDate: complaints.slipDueDate,
  handledAt: complaints.handledAt,
  respondedAt: complaints.respondedAt,
  slipFiledAt: complaints.slipFiledAt,
  escalatedToName: escalatedTo.displayName,
  compensationFen: complaints.compensationFen,
  createdAt: complaints.createdAt,
};

/** The value a flag filter asks for: '1'/1 (overdue), '0'/0 (not), or nothing. */
function flagWanted(model: ColumnFilter): boolean | null {
  const values: string[] = [];
  const collect = (c: ColumnFilter) => {
    if ('operator' in c) c.conditions.forEach(collect);
    else if (c.filterType === 'set') values.push(...c.values);
    else if (c.filterType === 'text' && c.type === 'equals') values.push(String(c.filter ?? ''));
    else if (c.filterType === 'number' && c.type === 'equals' && c.filter !== null && c.filter !== undefined) values.push(String(c.filter));
  };
  collect(model);
  const yes = values.includes('1') || values.includes('true');
  const no = values.includes('0') || values.includes('false');
  return yes === no ? null : yes;
}

/** overdue = '1': any of the three flags; '0': none. */
function overdueFilter(filter: GridQuery['filter'], now: Date): { rest: GridQuery['filter']; where: SQL | undefined } {
  const { overdue: model, ...rest } = filter;
  if (!model) return { rest, where: undefined };
  const wanted = flagWanted(model);
  if (wanted === null) return { rest, where: undefined };
  const any = overdueColumns(now).any;
  return { rest, where: wanted ? any : sql`NOT ${any}` };
}

export function listComplaints(db: Db, actor: Actor, query: GridQuery, now: Date): { rows: Complaint[]; total: number } {
  const { rest, where: overdue } = overdueFilter(query.filter, now);
  const where = and(
    complaintScope(db, actor),
    filterSql(COMPLAINT_COLUMNS, rest, new Set(['createdAt'])),
    overdue,
    quickSearchSql([complaints.complaintNo, customers.customerNo, customers.name, complaints.summary, complaints.workOrderNo], query.quickSearch),
  );
  const rows = selectComplaints(db, now)
    .where(where)
    .orderBy(...orderSql(COMPLAINT_COLUMNS, query.sort.length ? query.sort : [{ colId: 'receivedAt', sort: 'desc' }, { colId: 'id', sort: 'desc' }], complaints.id))
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all()
    .map(toComplaint);
  const total =
    db
      .select({ n: count() })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .leftJoin(owner, eq(owner.id, complaints.ownerId))
      .leftJoin(orders, eq(orders.id, complaints.orderId))
      .leftJoin(responsible, eq(responsible.id, complaints.responsibleId))
      .leftJoin(escalatedTo, eq(escalatedTo.id, complaints.escalatedTo))
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `投诉 #${id} 不存在`, `Complaint #${id} not found`);
}

/** A complaint the actor may see (NOT_FOUND otherwise). */
export function complaintById(db: Db | Tx, actor: Actor, id: number, now: Date): Complaint {
  const row = complaintRows(db, and(eq(complaints.id, id), complaintScope(db, actor)), now)[0];
  if (!row) throw notFound(id);
  return row;
}

/** The complaint as the engine's `complaint` kind sees it (its stored times). */
function asRequest(c: Complaint, extra: { archived?: boolean; customerConfirmed?: boolean } = {}): Record<string, unknown> {
  const request: Record<string, unknown> = { kind: 'complaint', receivedAt: c.receivedAt, severity: c.severity };
  if (c.handledAt !== null) request.handledAt = c.handledAt;
  if (c.respondedAt !== null) request.respondedAt = c.respondedAt;
  if (c.slipFiledAt !== null) request.slipFiledAt = c.slipFiledAt;
  request.archived = extra.archived ?? c.status === 'archived';
  request.customerConfirmed = extra.customerConfirmed ?? c.confirmedAt !== null;
  return request;
}

/** The engine's judgement (by the parameters in force on the day of receipt: the kind's submittedOn). */
function judgeComplaint(db: Db | Tx, request: Record<string, unknown>, now: Date): Decision {
  return evaluateRequest(request, engineOptions(db, localDate(now)));
}

export function complaintDetail(db: Db | Tx, actor: Actor, id: number, now: Date): ComplaintDetail {
  const complaint = complaintById(db, actor, id, now);
  const byUser = alias(users, 'by_user');
  const actions = db
    .select({
      at: complaintActions.at,
      action: complaintActions.action,
      byId: complaintActions.byId,
      byName: byUser.displayName,
      fromStatus: complaintActions.fromStatus,
      toStatus: complaintActions.toStatus,
      note: complaintActions.note,
    })
    .from(complaintActions)
    .innerJoin(byUser, eq(byUser.id, complaintActions.byId))
    .where(eq(complaintActions.complaintId, id))
    .orderBy(asc(complaintActions.id))
    .all();
  return { complaint, actions, decision: judgeComplaint(db, asRequest(complaint), now), allowed: allowedSteps(db, actor, complaint) };
}

/** Open complaints past a deadline that the actor sees, most overdue first. */
export function overdueComplaints(db: Db, actor: Actor, now: Date): Complaint[] {
  const rows = complaintRows(db, and(complaintScope(db, actor), overdueColumns(now).any), now);
  const missedSince = (c: Complaint) =>
    Math.min(
      c.handleOverdue ? Date.parse(c.handleDueAt) : Infinity,
      c.respondOverdue ? Date.parse(c.respondDueAt) : Infinity,
      // A slip is late from the start of the day after its due date (the office's local day).
      c.slipOverdue ? new Date(`${c.slipDueDate}T00:00:00`).getTime() + 86_400_000 : Infinity,
    );
  return rows.map((c) => ({ c, since: missedSince(c) })).sort((a, b) => a.since - b.since || a.c.id - b.c.id).map((x) => x.c);
}

/** P-MAJOR: major complaints not yet reviewed (oldest first), then reviewed ones not yet archived. */
export function reviewList(db: Db, actor: Actor, now: Date): Complaint[] {
  const scope = complaintScope(db, actor);
  const major = eq(complaints.severity, 'major');
  return [
    ...complaintRows(db, and(scope, major, isNull(complaints.reviewedAt)), now),
    ...complaintRows(db, and(scope, major, isNotNull(complaints.reviewedAt), ne(complaints.status, 'archived')), now),
  ];
}

/** P-UNREPORTED: complaints found without a slip (source 'discovered') received in [from, to], per owner rep, with the fines in force on each day of receipt. */
export function unreportedFines(db: Db, actor: Actor, period: { from: string; to: string }): UnreportedRow[] {
  const day = sql<string>`substr(${complaints.receivedAt}, 1, 10)`;
  const groups = db
    .select({ userId: complaints.ownerId, userName: owner.displayName, day, cases: count() })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .innerJoin(owner, eq(owner.id, complaints.ownerId))
    .where(and(complaintScope(db, actor), eq(complaints.source, 'discovered'), sql`${day} BETWEEN ${period.from} AND ${period.to}`))
    .groupBy(complaints.ownerId, day)
    .all();
  const rows = new Map<number, UnreportedRow>();
  for (const g of groups) {
    if (g.userId === null) continue;
    const decision = evaluateRequest({ kind: 'unreported_complaint', cases: g.cases }, engineOptions(db, g.day));
    const fineFen = Number(decision.computed.fineFen ?? 0);
    const row = rows.get(g.userId) ?? { userId: g.userId, userName: g.userName, cases: 0, fineFen: 0 };
    row.cases += g.cases;
    row.fineFen += fineFen;
    rows.set(g.userId, row);
  }
  return [...rows.values()].sort((a, b) => b.fineFen - a.fineFen || b.cases - a.cases || a.userId - b.userId);
}

// —— who may act ——

const HEAD_ROLES = ['manager', 'director', 'gm'] as const;

/** May take the handling steps: the owner rep, the responsible person, the manager it was escalated to, the owner's superior, the heads and assistants (on behalf). */
function mayHandle(db: Db | Tx, actor: Actor, c: Complaint): boolean {
  if ((HEAD_ROLES as readonly string[]).includes(actor.role) || actor.role === 'assistant') return true;
  if (actor.role === 'finance' || actor.role === 'admin') return false;
  if (c.ownerId === actor.id || c.responsibleId === actor.id || c.escalatedToId === actor.id) return true;
  const customerOwner = db.select({ ownerId: customers.ownerId }).from(customers).where(eq(customers.id, c.customerId)).get()?.ownerId ?? null;
  if (customerOwner === actor.id) return true;
  const superiors = [c.ownerId, customerOwner]
    .filter((x): x is number => x !== null)
    .map((uid) => db.select({ managerId: users.managerId }).from(users).where(eq(users.id, uid)).get()?.managerId ?? null);
  return superiors.includes(actor.id);
}

/** The statuses each step may be taken from. */
const FROM: Record<Exclude<ComplaintAction, 'receive' | 'slip' | 'review' | 'note'>, readonly ComplaintStatus[]> = {
  handle: ['received', 'escalated'],
  escalate: ['received', 'handling'],
  respond: ['received', 'handling', 'escalated'],
  resolve: ['responded'],
  confirm: ['resolved'],
  archive: ['confirmed'],
};

function allowedSteps(db: Db | Tx, actor: Actor, c: Complaint): Step[] {
  const steps: Step[] = [];
  const handles = mayHandle(db, actor, c);
  if (handles && c.status !== 'archived') steps.push('slip');
  if (handles) for (const [step, from] of Object.entries(FROM) as [keyof typeof FROM, readonly ComplaintStatus[]][]) if (from.includes(c.status)) steps.push(step);
  if (c.severity === 'major' && c.reviewedAt === null && COMPLAINT_REVIEW_ROLES.includes(actor.role)) steps.push('review');
  steps.push('note');
  return steps;
}

// —— writing ——

function userActive(tx: Db | Tx, id: number): { id: number; displayName: string } | null {
  return tx.select({ id: users.id, displayName: users.displayName }).from(users).where(and(eq(users.id, id), eq(users.active, true))).get() ?? null;
}

function checkResponsible(tx: Db | Tx, id: number | null): void {
  if (id !== null && !userActive(tx, id)) throw fieldError('responsibleId', `员工 #${id} 不存在或已停用`, `employee #${id} does not exist or is inactive`);
}

function checkOccurred(occurredAt: string | null, receivedAt: string): void {
  if (occurredAt !== null && Date.parse(occurredAt) > Date.parse(receivedAt)) {
    throw fieldError('occurredAt', '不能晚于受理时间', 'cannot be after the complaint was received');
  }
}

/** The deadlines by the rules in force on the day of receipt. */
function deadlines(tx: Db | Tx, receivedAt: string, severity: ComplaintSeverity, now: Date) {
  const decision = judgeComplaint(tx, { kind: 'complaint', receivedAt, severity }, now);
  const c = decision.computed;
  return { handleDueAt: String(c.handleDueAt), respondDueAt: String(c.respondDueAt), slipDueDate: String(c.slipDueDate) };
}

interface NewComplaint {
  customerId: number;
  ownerId: number | null;
  orderId: number | null;
  workOrderNo: string;
  receivedAt: string;
  occurredAt: string | null;
  summary: string;
  course: string;
  responsibleId: number | null;
  severity: ComplaintSeverity;
  source: Complaint['source'];
  fileSlip: boolean;
}

/** Inserts a checked complaint with its 'receive' (and 'slip') rows and the audit row, inside `tx`. */
function insertComplaint(tx: Tx, actor: Actor, input: NewComplaint, now: Date): Complaint {
  const stamp = localTimestamp(now);
  const due = deadlines(tx, input.receivedAt, input.severity, now);
  const row = tx
    .insert(complaints)
    .values({
      complaintNo: nextDailyNumber(tx, 'complaints', 'complaint_no', 'TS', localDate(now)),
      customerId: input.customerId,
      orderId: input.orderId,
      workOrderNo: input.workOrderNo,
      receivedAt: input.receivedAt,
      occurredAt: input.occurredAt,
      summary: input.summary,
      course: input.course,
      responsibleId: input.responsibleId,
      ownerId: input.ownerId,
      severity: input.severity,
      source: input.source,
      status: 'received',
      slipFiledAt: input.fileSlip ? stamp : null,
      ...due,
      enteredBy: actor.id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning({ id: complaints.id })
    .get();
  tx.insert(complaintActions).values({ complaintId: row.id, at: stamp, action: 'receive', byId: actor.id, fromStatus: null, toStatus: 'received', note: input.summary }).run();
  if (input.fileSlip) tx.insert(complaintActions).values({ complaintId: row.id, at: stamp, action: 'slip', byId: actor.id, fromStatus: 'received', toStatus: 'received', note: '' }).run();
  const saved = complaintRows(tx, eq(complaints.id, row.id), now)[0]!;
  recordAudit(tx, { userId: actor.id, action: 'complaints.create', entity: 'complaints', entityId: row.id, before: null, after: saved, at: now });
  return saved;
}

/** `fileSlip`: every P-SLIP field must be given (the issues name each missing one). */
function checkSlipFields(input: { occurredAt: string | null; course: string; responsibleId: number | null; workOrderNo: string }): void {
  const missing: FieldIssue[] = [];
  const need = '填写投诉单时必填', needEn = 'is required to file the slip';
  if (input.occurredAt === null) missing.push(issueOf('occurredAt', need, needEn));
  if (input.course.trim() === '') missing.push(issueOf('course', need, needEn));
  if (input.responsibleId === null) missing.push(issueOf('responsibleId', need, needEn));
  if (input.workOrderNo.trim() === '') missing.push(issueOf('workOrderNo', need, needEn));
  if (missing.length) throw new AppError('VALIDATION', missing.map((i) => i.message).join('；'), missing.map((i) => i.messageEn).join('; '), missing);
}

/** A time as stored: ISO 8601 with its own offset, to the second. */
const normalized = (iso: string) => addHours(iso, 0);

export function createComplaint(db: Db, actor: Actor, input: ComplaintCreateInput, now: Date): Complaint {
  if (actor.role === 'admin') throw new AppError('FORBIDDEN', '系统管理员不受理投诉', 'The administrator does not receive complaints');
  return db.transaction((tx) => {
    const customer = tx
      .select({ id: customers.id, ownerId: customers.ownerId })
      .from(customers)
      .where(and(eq(customers.id, input.customerId), customerScope(tx, actor)))
      .get();
    if (!customer) throw fieldError('customerId', `客户 #${input.customerId} 不存在或您无权查看`, `customer #${input.customerId} does not exist or is not yours to see`);
    let workOrderNo = input.workOrderNo;
    if (input.orderId !== null) {
      const order = tx.select({ customerId: orders.customerId, orderNo: orders.orderNo }).from(orders).where(eq(orders.id, input.orderId)).get();
      if (!order) throw fieldError('orderId', `订单 #${input.orderId} 不存在`, `order #${input.orderId} does not exist`);
      if (order.customerId !== customer.id) throw fieldError('orderId', `订单 ${order.orderNo} 不是该客户的订单`, `order ${order.orderNo} is not this customer's`);
      if (workOrderNo === '') workOrderNo = order.orderNo;
    }
    const receivedAt = input.receivedAt === undefined ? localTimestamp(now) : normalized(input.receivedAt);
    if (Date.parse(receivedAt) > now.getTime()) throw fieldError('receivedAt', `不能晚于现在（${localTimestamp(now)}）`, `cannot be in the future (now ${localTimestamp(now)})`);
    const occurredAt = input.occurredAt === null ? null : normalized(input.occurredAt);
    checkOccurred(occurredAt, receivedAt);
    checkResponsible(tx, input.responsibleId);
    if (input.fileSlip) checkSlipFields({ occurredAt, course: input.course, responsibleId: input.responsibleId, workOrderNo });
    return insertComplaint(
      tx,
      actor,
      {
        customerId: customer.id,
        ownerId: customer.ownerId,
        orderId: input.orderId,
        workOrderNo,
        receivedAt,
        occurredAt,
        summary: input.summary,
        course: input.course,
        responsibleId: input.responsibleId,
        severity: input.severity,
        source: input.source,
        fileSlip: input.fileSlip,
      },
      now,
    );
  });
}

const SURVEY_SCORE_LABELS: Record<string, string> = { quality: '产品质量', responseTime: '响应时间', serviceSpeed: '服务速度', attitude: '服务态度' };

/**
 * O-SURVEY: a survey score ≤ 2 opens a complaint, inside the survey's transaction. Received at the
 * survey's time; the customer's owner rep is first responsible like any other complaint.
 */
export function openFromSurvey(
  tx: Tx,
  actor: Actor,
  survey: { orderId: number; scores: Record<string, number>; comment: string },
  at: Date,
): Complaint {
  const order = tx
    .select({ orderNo: orders.orderNo, customerId: orders.customerId, ownerId: customers.ownerId })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, survey.orderId))
    .get();
  if (!order) throw new AppError('NOT_FOUND', `订单 #${survey.orderId} 不存在`, `Order #${survey.orderId} not found`);
  const low = Object.entries(survey.scores)
    .filter(([, score]) => score <= 2)
    .map(([name, score]) => `${SURVEY_SCORE_LABELS[name] ?? name} ${score} 分`);
  const comment = survey.comment.trim();
  const summary = `满意度调查低分：${low.join('，')}${comment ? `；客户意见：${comment}` : ''}`;
  return insertComplaint(
    tx,
    actor,
    {
      customerId: order.customerId,
      ownerId: order.ownerId,
      orderId: survey.orderId,
      workOrderNo: order.orderNo,
      receivedAt: localTimestamp(at),
      occurredAt: null,
      summary: summary.length > 200 ? `${summary.slice(0, 199)}…` : summary,
      course: '',
      responsibleId: null,
      severity: 'normal',
      source: 'survey',
      fileSlip: false,
    },
    at,
  );
}

/** The complaint for a write: visible, at the version the caller saw. */
function forWrite(tx: Tx, actor: Actor, id: number, version: number, now: Date): Complaint {
  const c = complaintById(tx, actor, id, now);
  if (c.version !== version) {
    throw new AppError('CONFLICT', `投诉 ${c.complaintNo} 已被他人修改，请刷新后再试`, `Complaint ${c.complaintNo} was changed by someone else; refresh and try again`);
  }
  return c;
}

function forbidden(c: Complaint, step: Step): AppError {
  const label = step === 'slip' ? { zh: '填写投诉单', en: 'file the slip' } : { zh: COMPLAINT_ACTION_LABELS[step].zh, en: COMPLAINT_ACTION_LABELS[step].en.toLowerCase() };
  return new AppError('FORBIDDEN', `您不能对投诉 ${c.complaintNo} 执行“${label.zh}”`, `You may not ${label.en} on complaint ${c.complaintNo}`);
}

function wrongStatus(c: Complaint, step: Step, zh: string, en: string): AppError {
  const label = COMPLAINT_ACTION_LABELS[step === 'slip' ? 'slip' : step];
  return new AppError(
    'CONFLICT',
    `投诉 ${c.complaintNo} 当前为“${statusZh(c.status)}”，不能${label.zh}：${zh}`,
    `Complaint ${c.complaintNo} is ${statusEn(c.status)}: cannot ${label.en.toLowerCase()}; ${en}`,
  );
}

function writeStep(tx: Tx, actor: Actor, before: Complaint, action: ComplaintAction, set: Partial<typeof complaints.$inferInsert>, note: string, now: Date): Complaint {
  const toStatus = set.status ?? before.status;
  tx.update(complaints)
    .set({ ...set, updatedAt: now.toISOString(), version: before.version + 1 })
    .where(eq(complaints.id, before.id))
    .run();
  tx.insert(complaintActions)
    .values({ complaintId: before.id, at: localTimestamp(now), action, byId: actor.id, fromStatus: before.status, toStatus, note })
    .run();
  const after = complaintRows(tx, eq(complaints.id, before.id), now)[0]!;
  const changed = Object.fromEntries(Object.keys(set).map((k) => [k, (before as unknown as Record<string, unknown>)[k === 'escalatedTo' ? 'escalatedToId' : k]]));
  recordAudit(tx, { userId: actor.id, action: `complaints.${action}`, entity: 'complaints', entityId: before.id, before: changed, after: { ...set, note }, at: now });
  return after;
}

export function fileSlip(db: Db, actor: Actor, input: ComplaintSlipInput, now: Date): Complaint {
  return db.transaction((tx) => {
    const c = forWrite(tx, actor, input.id, input.version, now);
    if (!mayHandle(tx, actor, c)) throw forbidden(c, 'slip');
    if (c.status === 'archived') throw wrongStatus(c, 'slip', '已归档的投诉不能再修改', 'an archived complaint is not changed');
    const occurredAt = normalized(input.occurredAt);
    checkOccurred(occurredAt, c.receivedAt);
    checkResponsible(tx, input.responsibleId);
    // Refiling corrects the fields; the slip counts as filed when it was first filed (P-SLIP).
    const set = {
      occurredAt,
      course: input.course,
      responsibleId: input.responsibleId,
      workOrderNo: input.workOrderNo,
      slipFiledAt: c.slipFiledAt ?? localTimestamp(now),
    };
    return writeStep(tx, actor, c, 'slip', set, c.slipFiledAt === null ? '' : '更正投诉单', now);
  });
}

/** The manager a complaint escalates to: the first active manager up the owner's line, else any active manager. */
function managerFor(tx: Tx, ownerId: number | null): number | null {
  const seen = new Set<number>();
  let next = ownerId === null ? null : (tx.select({ managerId: users.managerId }).from(users).where(eq(users.id, ownerId)).get()?.managerId ?? null);
  while (next !== null && !seen.has(next)) {
    seen.add(next);
    const u = tx.select({ id: users.id, role: users.role, active: users.active, managerId: users.managerId }).from(users).where(eq(users.id, next)).get();
    if (!u) break;
    if (u.role === 'manager' && u.active) return u.id;
    next = u.managerId;
  }
  return tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'manager'), eq(users.active, true))).orderBy(asc(users.id)).get()?.id ?? null;
}

/** P-CLOSE through the engine: archiving before the customer's confirmation is refused by the rule. */
function closeDenied(tx: Tx, c: Complaint, now: Date): AppError | null {
  const decision = judgeComplaint(tx, asRequest(c, { archived: true, customerConfirmed: c.confirmedAt !== null }), now);
  const blocks = decision.findings.filter((f) => f.severity === 'block');
  if (!blocks.length) return null;
  return new AppError(
    'POLICY_DENIED',
    `不能归档：${blocks.map((b) => `${b.message}（${b.ruleId}）`).join('；')}；当前为“${statusZh(c.status)}”`,
    `Cannot archive: ${blocks.map((b) => `${b.messageEn} (${b.ruleId})`).join('; ')}; it is ${statusEn(c.status)}`,
    blocks.map((b) => ({ field: b.ruleId, message: b.message, messageEn: b.messageEn })),
  );
}

export function actOnComplaint(db: Db, actor: Actor, input: ComplaintActInput, now: Date): Complaint {
  return db.transaction((tx) => {
    const c = forWrite(tx, actor, input.id, input.version, now);
    const stamp = localTimestamp(now);
    const action = input.action;
    if (action === 'note') {
      if (input.note === '') throw fieldError('note', '不能为空', 'is required');
      return writeStep(tx, actor, c, 'note', {}, input.note, now);
    }
    if (action === 'review') {
      if (!COMPLAINT_REVIEW_ROLES.includes(actor.role)) throw new AppError('FORBIDDEN', '只有总经理、总监可以评审重大投诉（P-MAJOR）', 'Only the gm or a director reviews major complaints (P-MAJOR)');
      if (c.severity !== 'major') throw new AppError('CONFLICT', `投诉 ${c.complaintNo} 不是重大投诉，不在管理层评审清单上（P-MAJOR）`, `Complaint ${c.complaintNo} is not major: it is not on the review list (P-MAJOR)`);
      if (c.reviewedAt !== null) throw new AppError('CONFLICT', `投诉 ${c.complaintNo} 已于 ${c.reviewedAt.slice(0, 16).replace('T', ' ')} 评审`, `Complaint ${c.complaintNo} was already reviewed`);
      return writeStep(tx, actor, c, 'review', { reviewedAt: stamp, reviewedBy: actor.id, ...(input.severity ? { severity: input.severity } : {}) }, input.note, now);
    }
    if (!mayHandle(tx, actor, c)) throw forbidden(c, action);
    if (action === 'archive') {
      if (c.status === 'archived') throw wrongStatus(c, 'archive', '已归档', 'it is archived already');
      const denied = closeDenied(tx, c, now);
      if (denied) throw denied;
    }
    if (!FROM[action].includes(c.status)) {
      const from = FROM[action];
      throw wrongStatus(c, action, `须在“${from.map(statusZh).join('”或“')}”时进行`, `only when ${from.map(statusEn).join(' or ')}`);
    }
    switch (action) {
      case 'handle':
        return writeStep(tx, actor, c, 'handle', { status: 'handling', handledAt: stamp }, input.note, now);
      case 'escalate': {
        const to = managerFor(tx, c.ownerId);
        if (to === null) throw new AppError('CONFLICT', '没有在职的销售经理可以接手此投诉', 'There is no active manager to take the complaint over');
        return writeStep(tx, actor, c, 'escalate', { status: 'escalated', escalatedAt: stamp, escalatedTo: to, ...(input.severity ? { severity: input.severity } : {}) }, input.note, now);
      }
      case 'respond':
        return writeStep(tx, actor, c, 'respond', { status: 'responded', respondedAt: stamp, ...(c.handledAt === null ? { handledAt: stamp } : {}) }, input.note, now);
      case 'resolve':
        return writeStep(tx, actor, c, 'resolve', { status: 'resolved', resolvedAt: stamp, compensationFen: input.compensationFen ?? c.compensationFen }, input.note, now);
      case 'confirm': {
        const by = (input.confirmedBy ?? '').trim();
        if (by === '') throw fieldError('confirmedBy', '客户确认时必填', 'is required when the customer confirms');
        return writeStep(tx, actor, c, 'confirm', { status: 'confirmed', confirmedAt: stamp, confirmedBy: by }, input.note, now);
      }
      case 'archive':
        return writeStep(tx, actor, c, 'archive', { status: 'archived', archivedAt: stamp }, input.note, now);
    }
  });
}
