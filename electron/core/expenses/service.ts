// DOMAIN §6 expense requests: filed per type through the policy engine's kind for the type (the
// engine blocks what the rules forbid and names the approvers), linked to a customer, an order and
// for trip expenses to their travel registration; approvals are the requests module's. The
// reimbursement (claims.ts) and the expense-to-sales ratio (ratio.ts) build on these rows.
import { and, asc, count, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { daysBetween, localDate } from '../../../shared/dates';
import { ROLE_LABELS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  EXPENSE_FIELD_LABELS,
  EXPENSE_KIND,
  EXPENSE_SEE_ALL_ROLES,
  EXPENSE_STATUS_LABELS,
  EXPENSE_TYPE_LABELS,
  TRIP_TYPES,
  type Expense,
  type ExpenseCreateInput,
  type ExpenseDetail,
  type ExpenseStatus,
  type ExpenseType,
} from '../../../shared/expenses';
import type { GridQuery } from '../../../shared/grid';
import type { Decision, Finding } from '../../../shared/policy';
import type { RequestStep } from '../../../shared/requests';
import { STEP_STATUS_LABELS } from '../../../shared/requests';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import type { Db, Tx } from '../db/connection';
import { orders } from '../orders/schema';
import { describeFields } from '../policy/fields';
import { kindDef } from '../policy/kinds';
import { onRequestDecided, preview, requestById, stepsOf, submitWithin, type RequestDecided } from '../requests/service';
import { policyRequests } from '../requests/schema';
import { users } from '../users/schema';
import { teamOf } from '../users/team';
import { findingsText, trailText } from '../requests/trail';
import { nextDailyNumber } from '../db/numbers';
import { expenseClaims, expenses } from './schema';

// —— who sees what ——

/** Expenses the actor may see: the heads, finance and assistants all; a supervisor his team's; a rep his own. */
export function expenseScope(db: Db | Tx, actor: Actor): SQL | undefined {
  if (EXPENSE_SEE_ALL_ROLES.includes(actor.role)) return undefined;
  const own = or(eq(expenses.applicantId, actor.id), eq(expenses.enteredBy, actor.id));
  if (actor.role === 'supervisor') {
    const team = teamOf(db, actor.id);
    return team.length ? or(own, inArray(expenses.applicantId, team)) : own;
  }
  return own;
}

const fieldError = (field: string, zh: string, en: string) =>
  AppError.field(field, EXPENSE_FIELD_LABELS[field] ?? { zh: field, en: field }, { zh, en });

// —— reading ——

/** Every expense goes to the manager (E-APPROVAL without data): not worth a line in the grid. */
const isRoutine = (f: Finding) => f.ruleId === 'E-APPROVAL' && Object.keys(f.data).length === 0;

const trip = alias(expenses, 'trip');
const claim = alias(expenseClaims, 'claim');

function selectExpenses(db: Db | Tx) {
  return db
    .select({
      e: expenses,
      applicantName: users.displayName,
      region: users.region,
      channel: users.channel,
      customerNo: customers.customerNo,
      customerName: customers.name,
      orderNo: orders.orderNo,
      tripNo: trip.expenseNo,
      claimNo: claim.claimNo,
      decision: policyRequests.decision,
      fields: policyRequests.fields,
    })
    .from(expenses)
    .innerJoin(users, eq(users.id, expenses.applicantId))
    .innerJoin(policyRequests, eq(policyRequests.id, expenses.requestId))
    .leftJoin(customers, eq(customers.id, expenses.customerId))
    .leftJoin(orders, eq(orders.id, expenses.orderId))
    .leftJoin(trip, eq(trip.id, expenses.tripId))
    .leftJoin(claim, eq(claim.id, expenses.claimId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectExpenses>['all']>>[number];


function toExpenses(db: Db | Tx, rows: Selected[]): Expense[] {
  const steps = stepsOf(
    db,
    rows.map((r) => r.e.requestId),
  );
  return rows.map((r) => ({
    id: r.e.id,
    expenseNo: r.e.expenseNo,
    type: r.e.type,
    applicantId: r.e.applicantId,
    applicantName: r.applicantName,
    region: r.region,
    channel: r.channel,
    enteredById: r.e.enteredBy,
    purpose: r.e.purpose,
    customerId: r.e.customerId,
    customerNo: r.customerNo,
    customerName: r.customerName,
    orderId: r.e.orderId,
    orderNo: r.orderNo,
    tripId: r.e.tripId,
    tripNo: r.tripNo,
    expenseDate: r.e.expenseDate,
    appliedOn: r.e.appliedOn,
    amountFen: r.e.amountFen,
    approvedFen: r.e.approvedFen,
    reimbursedFen: r.e.reimbursedFen,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    note: r.e.note,
    status: r.e.status,
    requestId: r.e.requestId,
    claimId: r.e.claimId,
    claimNo: r.claimNo,
    findingsText: findingsText(JSON.parse(r.decision) as Decision, isRoutine),
    trail: trailText(steps.get(r.e.requestId) ?? []),
    createdAt: r.e.createdAt,
  }));
}

/** The grid's columns (filter and sort), over the joined rows. */
export const EXPENSE_COLUMNS: ColumnMap = {
  expenseNo: expenses.expenseNo,
  type: expenses.type,
  applicantId: expenses.applicantId,
  applicantName: users.displayName,
  region: users.region,
  channel: users.channel,
  purpose: expenses.purpose,
  customerId: expenses.customerId,
  customerName: customers.name,
  orderNo: orders.orderNo,
  tripNo: trip.expenseNo,
  expenseDate: expenses.expenseDate,
  month: sql`substr(${expenses.expenseDate}, 1, 7)`,
  appliedOn: expenses.appliedOn,
  amountFen: expenses.amountFen,
  approvedFen: expenses.approvedFen,
  reimbursedFen: expenses.reimbursedFen,
  status: expenses.status,
  claimNo: claim.claimNo,
  createdAt: expenses.createdAt,
};

export function listExpenses(db: Db, actor: Actor, query: GridQuery): { rows: Expense[]; total: number } {
  const where = and(
    expenseScope(db, actor),
    filterSql(EXPENSE_COLUMNS, query.filter, new Set(['createdAt'])),
    quickSearchSql([expenses.expenseNo, expenses.purpose, users.displayName, customers.name, customers.customerNo, orders.orderNo], query.quickSearch),
  );
  const rows = selectExpenses(db)
    .where(where)
    .orderBy(...orderSql(EXPENSE_COLUMNS, query.sort.length ? query.sort : [{ colId: 'expenseNo', sort: 'desc' }], expenses.id))
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(expenses)
      .innerJoin(users, eq(users.id, expenses.applicantId))
      .leftJoin(customers, eq(customers.id, expenses.customerId))
      .leftJoin(orders, eq(orders.id, expenses.orderId))
      .leftJoin(trip, eq(trip.id, expenses.tripId))
      .leftJoin(claim, eq(claim.id, expenses.claimId))
      .where(where)
      .get()?.n ?? 0;
  return { rows: toExpenses(db, rows), total };
}

export function expenseRows(db: Db | Tx, where: SQL | undefined): Expense[] {
  return toExpenses(db, selectExpenses(db).where(where).orderBy(asc(expenses.id)).all());
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `费用申请 #${id} 不存在`, `Expense request #${id} not found`);
}

/** An expense the actor may see (NOT_FOUND otherwise). */
export function expenseById(db: Db | Tx, actor: Actor, id: number): Expense {
  const row = expenseRows(db, and(eq(expenses.id, id), expenseScope(db, actor)))[0];
  if (!row) throw notFound(id);
  return row;
}

export function expenseDetail(db: Db, actor: Actor, id: number): ExpenseDetail {
  const expense = expenseById(db, actor, id);
  const request = requestById(db, expense.requestId);
  const invoices = db.all<{ invoiceNo: string; invoiceDate: string; amountFen: number; claimNo: string }>(sql`
    SELECT i.invoice_no AS invoiceNo, i.invoice_date AS invoiceDate, i.amount_fen AS amountFen, c.claim_no AS claimNo
    FROM expense_invoices i JOIN expense_claim_items ci ON ci.id = i.item_id JOIN expense_claims c ON c.id = ci.claim_id
    WHERE ci.expense_id = ${id} ORDER BY c.id, i.id`);
  return {
    expense,
    decision: request.decision,
    steps: request.steps,
    tripExpenses: expense.type === 'travel' ? expenseRows(db, eq(expenses.tripId, id)) : [],
    invoices,
  };
}

/** The applicant's travel registrations that trip expenses may be filed under (not refused or withdrawn). */
export function tripsOf(db: Db, actor: Actor, applicantId: number | undefined): Expense[] {
  const who = applicantId ?? actor.id;
  return expenseRows(
    db,
    and(eq(expenses.type, 'travel'), eq(expenses.applicantId, who), inArray(expenses.status, ['pending', 'approved']), expenseScope(db, actor)),
  ).reverse();
}

// —— filing ——

interface Links {
  customerId: number | null;
  orderId: number | null;
  trip: { id: number; status: ExpenseStatus; startDate: string; tripDays: number } | null;
}

function linksOf(tx: Db | Tx, actor: Actor, applicantId: number, input: ExpenseCreateInput): Links {
  let customerId = input.customerId;
  if (customerId !== null && !tx.select({ id: customers.id }).from(customers).where(and(eq(customers.id, customerId), customerScope(tx, actor))).get()) {
    throw fieldError('customerId', `客户 #${customerId} 不存在或您无权查看`, `customer #${customerId} does not exist or is not yours to see`);
  }
  if (input.orderId !== null) {
    const order = tx
      .select({ id: orders.id, customerId: orders.customerId, orderNo: orders.orderNo })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(and(eq(orders.id, input.orderId), customerScope(tx, actor)))
      .get();
    if (!order) throw fieldError('orderId', `订单 #${input.orderId} 不存在或您无权查看`, `order #${input.orderId} does not exist or is not yours to see`);
    if (customerId !== null && order.customerId !== customerId) {
      throw fieldError('orderId', `订单 ${order.orderNo} 不是所选客户的订单`, `order ${order.orderNo} is not the chosen customer's`);
    }
    customerId = order.customerId;
  }
  const needsTrip = TRIP_TYPES.includes(input.type);
  if (!needsTrip) {
    if (input.tripId !== null) throw fieldError('tripId', `“${EXPENSE_TYPE_LABELS[input.type].zh}”不属于出差登记`, `a ${EXPENSE_TYPE_LABELS[input.type].en.toLowerCase()} is not filed under a trip`);
    return { customerId, orderId: input.orderId, trip: null };
  }
  if (input.tripId === null) throw fieldError('tripId', '须选择所属的出差登记', 'choose the travel registration it belongs to');
  const row = tx.select().from(expenses).where(eq(expenses.id, input.tripId)).get();
  if (!row || row.type !== 'travel' || row.applicantId !== applicantId) {
    throw fieldError('tripId', `#${input.tripId} 不是申请人的出差登记`, `#${input.tripId} is not the applicant's travel registration`);
  }
  if (row.status === 'rejected' || row.status === 'withdrawn') {
    throw fieldError('tripId', `出差登记 ${row.expenseNo} 已驳回或撤回`, `travel registration ${row.expenseNo} was rejected or withdrawn`);
  }
  if (input.type !== 'travel_advance' && row.status !== 'approved') {
    throw fieldError('tripId', `出差登记 ${row.expenseNo} 尚未批准`, `travel registration ${row.expenseNo} is not approved yet`);
  }
  const fields = JSON.parse(tx.select({ f: policyRequests.fields }).from(policyRequests).where(eq(policyRequests.id, row.requestId)).get()!.f) as {
    startDate: string;
    endDate: string;
  };
  return {
    customerId,
    orderId: input.orderId,
    trip: { id: row.id, status: row.status, startDate: fields.startDate, tripDays: daysBetween(fields.startDate, fields.endDate) + 1 },
  };
}

/** The request the engine judges: the type's kind with the form's fields and what the core knows itself. */
function requestFor(input: ExpenseCreateInput, links: Links): Record<string, unknown> {
  const { travelApproved: _ignored, kind: _kind, ...fields } = input.fields;
  const request: Record<string, unknown> = { ...fields, kind: EXPENSE_KIND[input.type] };
  if (input.type === 'travel_advance') request.travelApproved = links.trip?.status === 'approved';
  return request;
}

/** The travel days a per-diem or lodging request asks for (its package counts a day per night); null for other types. */
function packageDays(type: ExpenseType, fields: Record<string, unknown>): number | null {
  return type === 'per_diem' ? Number(fields.travelDays) : type === 'lodging' ? Number(fields.nights ?? 1) : null;
}

/**
 * A trip's per-diem packages (per-diem days and lodging nights) cannot add up to more days than the
 * trip has: counted over every request filed under it that is not rejected or withdrawn, so the same
 * days cannot be filed twice.
 */
function checkTripDays(db: Db | Tx, type: ExpenseType, fields: Record<string, unknown>, links: Links): void {
  if (!links.trip) return;
  const days = packageDays(type, fields);
  if (days === null) return;
  const filed = expenseRows(
    db,
    and(eq(expenses.tripId, links.trip.id), inArray(expenses.type, ['per_diem', 'lodging']), notInArray(expenses.status, ['rejected', 'withdrawn'])),
  ).reduce((sum, e) => sum + (packageDays(e.type, e.fields) ?? 0), 0);
  const { tripDays } = links.trip;
  if (filed + days <= tripDays) return;
  const [name, zhField, enField, unit] = type === 'per_diem' ? ['travelDays', '出差天数', 'Travel days', '天'] : ['nights', '住宿晚数', 'Nights', '晚'];
  const problem = filed
    ? { zh: `本次 ${days} ${unit}，加上此次出差已申请的 ${filed} 天，超过出差登记的 ${tripDays} 天`, en: `${days} with the ${filed} days already filed for the trip is more than its ${tripDays} days` }
    : { zh: `${days} 超过出差登记的 ${tripDays} 天`, en: `${days} is more than the trip's ${tripDays} days` };
  throw new AppError('VALIDATION', `${zhField}：${problem.zh}`, `${enField}: ${problem.en}`, [
    { field: name, message: `${zhField}：${problem.zh}`, messageEn: `${enField}: ${problem.en}` },
  ]);
}

/** The field holding what an expense asks for; a request of nothing is no request (the kinds allow 0 for checks). */
const AMOUNT_FIELD: Partial<Record<ExpenseType, string>> = {
  entertainment: 'amount',
  travel_advance: 'amount',
  transport: 'transportTotal',
  project: 'amount',
  sample: 'amount',
  other: 'amount',
};

function checkAmount(input: ExpenseCreateInput): void {
  const field = AMOUNT_FIELD[input.type];
  if (field === undefined || input.fields[field] !== 0) return; // anything else is the kind's schema's to judge
  const label = describeFields(kindDef(EXPENSE_KIND[input.type])!.schema).find((f) => f.name === field)!.label;
  throw AppError.field(field, label, { zh: '须大于 0', en: 'must be above 0' });
}

/** The engine's judgement of the form being typed; writes nothing. */
export function previewExpense(db: Db, actor: Actor, input: ExpenseCreateInput, at: Date): Decision {
  checkAmount(input);
  const applicantId = input.applicantId ?? actor.id;
  const links = linksOf(db, actor, applicantId, input);
  const raw = requestFor(input, links);
  checkFiledDays(db, input.type, raw, links, localDate(at));
  return preview(db, actor, raw, input.applicantId, at);
}

/** checkTripDays on the form's fields once they parse (a form that does not is the engine's to refuse, naming the field). */
function checkFiledDays(db: Db | Tx, type: ExpenseType, raw: Record<string, unknown>, links: Links, today: string): void {
  const parsed = kindDef(EXPENSE_KIND[type])!.schema.safeParse({ ...raw, appliedOn: raw.appliedOn ?? today });
  if (parsed.success) checkTripDays(db, type, parsed.data as Record<string, unknown>, links);
}

interface Amounts {
  amountFen: number;
  approvedFen: number;
  expenseDate: string;
}

/** What was asked and what may be reimbursed at most, from the parsed fields and the engine's figures. */
function amountsOf(type: ExpenseType, fields: Record<string, unknown>, computed: Record<string, unknown>, links: Links, today: string): Amounts {
  const n = (key: string) => (typeof fields[key] === 'number' ? (fields[key] as number) : 0);
  const c = (key: string) => (typeof computed[key] === 'number' ? (computed[key] as number) : 0);
  const onTrip = links.trip?.startDate ?? today;
  switch (type) {
    case 'entertainment':
      return { amountFen: n('amount'), approvedFen: n('amount'), expenseDate: String(fields.eventDate) };
    case 'travel':
      return { amountFen: n('estimatedCost'), approvedFen: 0, expenseDate: String(fields.startDate) };
    case 'travel_advance':
      return { amountFen: n('amount'), approvedFen: n('amount'), expenseDate: onTrip };
    case 'transport':
      return { amountFen: n('transportTotal'), approvedFen: c('reimbursableFen'), expenseDate: onTrip };
    case 'lodging':
    case 'per_diem':
      return { amountFen: c('perDiemFen'), approvedFen: c('perDiemFen'), expenseDate: onTrip };
    case 'team':
      return { amountFen: c('costFen'), approvedFen: 0, expenseDate: today };
    case 'project':
    case 'sample':
    case 'other':
      return { amountFen: n('amount'), approvedFen: n('amount'), expenseDate: today };
  }
}

/** The next number of the day: FY20261123-001 (expenses), BX20261123-001 (reimbursements). */
export function nextNumber(tx: Tx, prefix: 'FY' | 'BX', today: string): string {
  return prefix === 'FY' ? nextDailyNumber(tx, 'expenses', 'expense_no', prefix, today) : nextDailyNumber(tx, 'expense_claims', 'claim_no', prefix, today);
}

export function createExpense(db: Db, actor: Actor, input: ExpenseCreateInput, at: Date): Expense {
  const today = localDate(at);
  return db.transaction((tx) => {
    checkAmount(input);
    const applicantId = input.applicantId ?? actor.id;
    const links = linksOf(tx, actor, applicantId, input);
    const raw = requestFor(input, links);
    const def = kindDef(EXPENSE_KIND[input.type])!;
    checkFiledDays(tx, input.type, raw, links, today);
    const request = submitWithin(tx, actor, { request: raw, note: input.purpose, applicantId: input.applicantId }, at);
    const fields = def.schema.parse(request.fields) as Record<string, unknown>;
    const amounts = amountsOf(input.type, fields, request.decision.computed, links, today);
    const stamp = at.toISOString();
    const row = tx
      .insert(expenses)
      .values({
        expenseNo: nextNumber(tx, 'FY', today),
        type: input.type,
        applicantId: request.applicantId,
        enteredBy: actor.id,
        purpose: input.purpose,
        customerId: links.customerId,
        orderId: links.orderId,
        tripId: links.trip?.id ?? null,
        expenseDate: amounts.expenseDate,
        appliedOn: today,
        amountFen: amounts.amountFen,
        approvedFen: amounts.approvedFen,
        note: input.note,
        status: request.status === 'approved' ? 'approved' : 'pending',
        requestId: request.id,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning({ id: expenses.id })
      .get();
    const saved = expenseRows(tx, eq(expenses.id, row.id))[0]!;
    recordAudit(tx, { userId: actor.id, action: 'expenses.create', entity: 'expenses', entityId: row.id, before: null, after: saved, at });
    return saved;
  });
}

// —— the approval's outcome ——

function settleApproval(tx: Tx, event: RequestDecided): void {
  const row = tx.select({ id: expenses.id, status: expenses.status }).from(expenses).where(eq(expenses.requestId, event.requestId)).get();
  if (!row || row.status !== 'pending') return;
  tx.update(expenses).set({ status: event.outcome, updatedAt: event.at.toISOString() }).where(eq(expenses.id, row.id)).run();
}

for (const kind of new Set(Object.values(EXPENSE_KIND))) onRequestDecided(kind, settleApproval);

// —— paying an advance out ——

/** Finance pays an approved travel advance out (借出); a reimbursement of its trip offsets it later. */
export function disburseAdvance(db: Db, actor: Actor, id: number, at: Date): Expense {
  return db.transaction((tx) => {
    const before = expenseById(tx, actor, id);
    if (before.type !== 'travel_advance') throw new AppError('VALIDATION', `${before.expenseNo} 不是借差旅费申请`, `${before.expenseNo} is not a travel advance`);
    if (before.status !== 'approved') {
      throw new AppError('CONFLICT', `借款 ${before.expenseNo} 当前为“${statusZh(before.status)}”，只有已批准的借款可以支付`, `Advance ${before.expenseNo} is ${before.status}; only an approved advance is paid out`);
    }
    tx.update(expenses).set({ status: 'disbursed', reimbursedFen: before.approvedFen, updatedAt: at.toISOString() }).where(eq(expenses.id, id)).run();
    const after = expenseById(tx, actor, id);
    recordAudit(tx, { userId: actor.id, action: 'expenses.disburse', entity: 'expenses', entityId: id, before: { status: before.status }, after: { status: after.status, amountFen: after.reimbursedFen }, at });
    return after;
  });
}

export const statusZh = (status: ExpenseStatus) => EXPENSE_STATUS_LABELS[status].zh;
