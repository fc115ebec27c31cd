// Orders (DOMAIN §5): entry of drafts with their lines, confirmation under O-FIELDS judged by the
// policy engine (Q-PRICE on the largest discount, S-CREDIT on the customer's credit) — an order that
// needs approval is held by one `order_confirmation` request and confirmed when it is approved —,
// the O-STATUS line with every transition kept, amendments of confirmed lines with a reason, the
// O-DELAY risk and the customer's notification, the O-SURVEY after delivery, and the tracking grid.
//
// Visibility follows the customer: whoever may see a customer file sees its orders (reps their own
// customers', supervisors their team's, the rest all), for reading and for writing.
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { addDays, daysBetween, localDate } from '../../../shared/dates';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type { GridQuery } from '../../../shared/grid';
import {
  CANCELLABLE_STATUSES,
  DELIVERED_STATUSES,
  NEXT_ORDER_STATUS,
  NOT_INSPECTED_STATUSES,
  ORDER_FIELD_LABELS,
  ORDER_STATUS_LABELS,
  UNDELIVERED_STATUSES,
  type CustomerOrdersSummary,
  type Order,
  type OrderCreateInput,
  type OrderDetail,
  type OrderLine,
  type OrderLineInput,
  type OrderPreview,
  type OrderPatch,
  type OrderStatus,
  type OrderSurvey,
} from '../../../shared/orders';
import type { Finding } from '../../../shared/policy';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import { openFromSurvey } from '../complaints/service';
import type { Db, Tx } from '../db/connection';
import { ledgerEntries, shipments } from '../ledger/schema';
import { engineOptions } from '../policy/context';
import { evaluateRequest } from '../policy/kinds';
import { paramsInForce } from '../policy/params';
import { discountBp } from '../policy/rules/pricing';
import { products } from '../products/schema';
import { priceOn } from '../products/service';
import { onRequestDecided, preview, requestById, submitWithin, type RequestDecided } from '../requests/service';
import { users } from '../users/schema';
import { orderLines, orders, orderSurveys, orderTransitions } from './schema';

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;

/** The request kind that holds an order for approval (electron/core/policy/rules/orders.ts). */
export const ORDER_APPROVAL_KIND = 'order_confirmation';

const label = (key: string) => ORDER_FIELD_LABELS[key]!;

// —— small helpers ——

/** Amount of a line in fen: quantity (thousandths) × unit price, rounded half up to the fen; exact. */
export function lineAmountFen(quantityMilli: number, unitPriceFen: number): number {
  const product = BigInt(quantityMilli) * BigInt(unitPriceFen);
  return Number((product + 500n) / 1000n);
}

/** A stored instant written in the office's own offset ("…+08:00"), as rules read timestamps. */
function localTimestamp(iso: string): string {
  const at = new Date(iso);
  const offset = -at.getTimezoneOffset();
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function inList(column: SQL | typeof orders.status, values: readonly string[]): SQL {
  return sql`${column} IN (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

// —— reading: the grid and the detail ——

const rep = alias(users, 'rep');
const notifier = alias(users, 'notifier');

/** What O-DELAY and "overdue" mean today: the parameter in force (warnDaysBefore) and the day. */
interface DelayToday {
  today: string;
  /** Orders due on or before this day are within the warning period (delivery − warnDaysBefore ≤ today). */
  flagUntil: string;
}

function delayToday(db: Db | Tx, today: string): DelayToday {
  const { warnDaysBefore } = paramsInForce(db, 'O-DELAY', today);
  return { today, flagUntil: addDays(today, warnDaysBefore) };
}

function computedColumns(d: DelayToday) {
  return {
    delayRisk: sql<number>`(CASE WHEN ${inList(orders.status, NOT_INSPECTED_STATUSES)} AND ${orders.deliveryDate} IS NOT NULL AND ${orders.deliveryDate} <= ${d.flagUntil} THEN 1 ELSE 0 END)`,
    overdue: sql<number>`(CASE WHEN ${inList(orders.status, UNDELIVERED_STATUSES)} AND ${orders.deliveryDate} IS NOT NULL AND ${orders.deliveryDate} < ${d.today} THEN 1 ELSE 0 END)`,
    deliveryState: sql<string>`(CASE WHEN ${inList(orders.status, DELIVERED_STATUSES)} THEN 'delivered' WHEN ${inList(orders.status, UNDELIVERED_STATUSES)} THEN 'undelivered' ELSE 'none' END)`,
  };
}

const lineCount = sql<number>`(SELECT COUNT(*) FROM order_lines l WHERE l.order_id = ${orders.id})`;

function orderColumns(d: DelayToday) {
  return {
    id: orders.id,
    orderNo: orders.orderNo,
    customerId: orders.customerId,
    customerNo: customers.customerNo,
    customerName: customers.name,
    repId: orders.repId,
    repName: rep.displayName,
    orderDate: orders.orderDate,
    requiredSchedule: orders.requiredSchedule,
    deliveryDate: orders.deliveryDate,
    deliveryPlace: orders.deliveryPlace,
    packaging: orders.packaging,
    shippingMethod: orders.shippingMethod,
    status: orders.status,
    approvalState: orders.approvalState,
    policyRequestId: orders.policyRequestId,
    depositFen: orders.depositFen,
    totalFen: orders.totalFen,
    lineCount,
    inspectedAt: orders.inspectedAt,
    inspectionResults: orders.inspectionResults,
    customerNotifiedAt: orders.customerNotifiedAt,
    customerNotifiedBy: orders.customerNotifiedBy,
    customerNotifiedByName: notifier.displayName,
    notes: orders.notes,
    ...computedColumns(d),
    version: orders.version,
    createdBy: orders.createdBy,
    createdAt: orders.createdAt,
    updatedAt: orders.updatedAt,
  };
}

/** Sortable / filterable columns of the tracking grid (the whitelist for gridSql). */
function queryColumns(d: DelayToday): ColumnMap {
  return {
    id: orders.id,
    orderNo: orders.orderNo,
    customerId: orders.customerId,
    customerNo: customers.customerNo,
    customerName: customers.name,
    repId: orders.repId,
    repName: rep.displayName,
    orderDate: orders.orderDate,
    requiredSchedule: orders.requiredSchedule,
    deliveryDate: orders.deliveryDate,
    deliveryPlace: orders.deliveryPlace,
    packaging: orders.packaging,
    shippingMethod: orders.shippingMethod,
    status: orders.status,
    approvalState: orders.approvalState,
    depositFen: orders.depositFen,
    totalFen: orders.totalFen,
    inspectedAt: orders.inspectedAt,
    inspectionResults: orders.inspectionResults,
    customerNotifiedAt: orders.customerNotifiedAt,
    notes: orders.notes,
    ...computedColumns(d),
    createdAt: orders.createdAt,
    updatedAt: orders.updatedAt,
  };
}

const TIMESTAMP_COLUMNS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'inspectedAt', 'customerNotifiedAt']);
const QUICK_SEARCH_COLUMNS = [orders.orderNo, customers.customerNo, customers.name, customers.shortName];

type SelectedRow = Omit<Order, 'delayRisk' | 'overdue' | 'lineCount' | 'customerNotifiedByName'> & {
  delayRisk: unknown;
  overdue: unknown;
  lineCount: unknown;
  customerNotifiedByName: string | null;
};

function toOrder(row: SelectedRow): Order {
  return { ...row, delayRisk: Number(row.delayRisk) === 1, overdue: Number(row.overdue) === 1, lineCount: Number(row.lineCount) } as Order;
}

function baseSelect(db: Db | Tx, d: DelayToday) {
  return db
    .select(orderColumns(d))
    .from(orders)
    .innerJoin(customers, eq(orders.customerId, customers.id))
    .innerJoin(rep, eq(orders.repId, rep.id))
    .leftJoin(notifier, eq(orders.customerNotifiedBy, notifier.id));
}

function whereFor(db: Db | Tx, actor: Actor, d: DelayToday, query: Pick<GridQuery, 'filter' | 'quickSearch'>): SQL | undefined {
  return and(customerScope(db, actor), filterSql(queryColumns(d), query.filter, TIMESTAMP_COLUMNS), quickSearchSql(QUICK_SEARCH_COLUMNS, query.quickSearch));
}

export function listOrders(db: Db, actor: Actor, query: GridQuery, today: string): { rows: Order[]; total: number } {
  const d = delayToday(db, today);
  const where = whereFor(db, actor, d, query);
  const order = orderSql(queryColumns(d), query.sort.length ? query.sort : [{ colId: 'orderNo', sort: 'desc' }], orders.id);
  const idsFrom = () =>
    db
      .select({ id: orders.id })
      .from(orders)
      .innerJoin(customers, eq(orders.customerId, customers.id))
      .innerJoin(rep, eq(orders.repId, rep.id))
      .leftJoin(notifier, eq(orders.customerNotifiedBy, notifier.id));
  // Only the page's rows are read in full (their joins and line counts); the sort runs over ids.
  const pageOf = (pageIds: number[]) => {
    const byId = new Map((pageIds.length ? baseSelect(db, d).where(inArray(orders.id, pageIds)).all() : []).map((row) => [row.id, row as SelectedRow]));
    return pageIds.map((id) => toOrder(byId.get(id)!));
  };

  if (query.quickSearch) {
    // As the customer grid: a LIKE '%…%' search scans every row anyway, so one pass collects the
    // matching ids in order and gives the total too.
    const ids = idsFrom()
      .where(where)
      .orderBy(...order)
      .all()
      .map((row) => row.id);
    return { rows: pageOf(ids.slice(query.startRow, query.endRow)), total: ids.length };
  }
  const pageIds = idsFrom()
    .where(where)
    .orderBy(...order)
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all()
    .map((row) => row.id);
  const total =
    db
      .select({ n: count() })
      .from(orders)
      .innerJoin(customers, eq(orders.customerId, customers.id))
      .innerJoin(rep, eq(orders.repId, rep.id))
      .where(where)
      .get()?.n ?? 0;
  return { rows: pageOf(pageIds), total };
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `订单 #${id} 不存在或您无权查看`, `Order #${id} does not exist or is not yours to see`);
}

/** One order the actor may see, else NOT_FOUND (a rep cannot probe other reps' orders). */
export function getOrder(db: Db | Tx, actor: Actor, id: number, today: string): Order {
  const row = baseSelect(db, delayToday(db, today))
    .where(and(eq(orders.id, id), customerScope(db, actor)))
    .get();
  if (!row) throw notFound(id);
  return toOrder(row as SelectedRow);
}

function linesOf(db: Db | Tx, orderId: number): OrderLine[] {
  return db
    .select({ line: orderLines, productCode: products.code })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNo))
    .all()
    .map(({ line, productCode }) => ({
      id: line.id,
      lineNo: line.lineNo,
      productId: line.productId,
      productCode,
      productName: line.productName,
      spec: line.spec,
      unit: line.unit,
      quantityMilli: line.quantityMilli,
      unitPriceFen: line.unitPriceFen,
      standardPriceFen: line.standardPriceFen,
      costPriceFen: line.costPriceFen,
      amountFen: line.amountFen,
      discountPct: discountBp({ standardPriceFen: line.standardPriceFen, unitPriceFen: line.unitPriceFen }) / 100,
    }));
}

function transitionsOf(db: Db | Tx, orderId: number) {
  return db
    .select({
      id: orderTransitions.id,
      fromStatus: orderTransitions.fromStatus,
      toStatus: orderTransitions.toStatus,
      byUser: orderTransitions.byUser,
      byName: users.displayName,
      at: orderTransitions.at,
      note: orderTransitions.note,
    })
    .from(orderTransitions)
    .innerJoin(users, eq(users.id, orderTransitions.byUser))
    .where(eq(orderTransitions.orderId, orderId))
    .orderBy(asc(orderTransitions.id))
    .all();
}

function surveyOf(db: Db | Tx, orderId: number): OrderSurvey | null {
  const row = db
    .select({ survey: orderSurveys, recordedByName: users.displayName })
    .from(orderSurveys)
    .innerJoin(users, eq(users.id, orderSurveys.recordedBy))
    .where(eq(orderSurveys.orderId, orderId))
    .get();
  return row ? { ...row.survey, recordedByName: row.recordedByName } : null;
}

function approvalOf(db: Db | Tx, requestId: number | null): OrderDetail['approval'] {
  if (requestId === null) return null;
  const request = requestById(db, requestId);
  const step = request.status === 'pending' ? request.steps.find((s) => s.status === 'pending') : undefined;
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    submittedOn: request.submittedOn,
    applicantName: request.applicantName,
    pendingRole: step?.role ?? null,
    pendingApproverName: step?.approverName ?? null,
    findings: request.decision.findings,
  };
}

/** The O-DELAY finding for today, by the rule itself (same parameter as the grid's flag). */
function delayFindingOf(db: Db | Tx, order: Order, today: string): Finding | null {
  if (!order.delayRisk || !order.deliveryDate) return null;
  const notifiedAt = order.customerNotifiedAt ? localTimestamp(order.customerNotifiedAt) : undefined;
  const decision = evaluateRequest(
    {
      kind: 'order_delay',
      deliveryDate: order.deliveryDate,
      asOf: today,
      inspected: false,
      // A notification "after" today can only come from a clock set back; the rule refuses those.
      ...(notifiedAt && notifiedAt.slice(0, 10) <= today ? { customerNotifiedAt: notifiedAt } : {}),
      ...(order.customerNotifiedByName ? { notifiedBy: order.customerNotifiedByName.slice(0, 40) } : {}),
    },
    engineOptions(db, today),
  );
  return decision.findings.find((f) => f.ruleId === 'O-DELAY') ?? null;
}

export function orderDetail(db: Db | Tx, actor: Actor, id: number, today: string): OrderDetail {
  const order = getOrder(db, actor, id, today);
  return {
    order,
    lines: linesOf(db, id),
    transitions: transitionsOf(db, id),
    approval: approvalOf(db, order.policyRequestId),
    delayFinding: delayFindingOf(db, order, today),
    survey: surveyOf(db, id),
  };
}

/** Delivered / undelivered orders per customer the actor may see (customers with orders only). */
export function ordersByCustomer(db: Db, actor: Actor, customerId: number | undefined, today: string): CustomerOrdersSummary[] {
  const d = delayToday(db, today);
  const c = computedColumns(d);
  const delivered = inList(orders.status, DELIVERED_STATUSES);
  const undelivered = inList(orders.status, UNDELIVERED_STATUSES);
  const owner = alias(users, 'owner');
  return db
    .select({
      customerId: customers.id,
      customerNo: customers.customerNo,
      customerName: customers.name,
      ownerName: owner.displayName,
      deliveredCount: sql<number>`SUM(CASE WHEN ${delivered} THEN 1 ELSE 0 END)`.mapWith(Number),
      deliveredFen: sql<number>`SUM(CASE WHEN ${delivered} THEN ${orders.totalFen} ELSE 0 END)`.mapWith(Number),
      undeliveredCount: sql<number>`SUM(CASE WHEN ${undelivered} THEN 1 ELSE 0 END)`.mapWith(Number),
      undeliveredFen: sql<number>`SUM(CASE WHEN ${undelivered} THEN ${orders.totalFen} ELSE 0 END)`.mapWith(Number),
      overdueCount: sql<number>`SUM(${c.overdue})`.mapWith(Number),
      delayRiskCount: sql<number>`SUM(${c.delayRisk})`.mapWith(Number),
    })
    .from(orders)
    .innerJoin(customers, eq(orders.customerId, customers.id))
    .innerJoin(owner, eq(customers.ownerId, owner.id))
    .where(and(customerScope(db, actor), customerId === undefined ? undefined : eq(orders.customerId, customerId), sql`(${delivered} OR ${undelivered})`))
    .groupBy(customers.id)
    .orderBy(asc(customers.customerNo))
    .all();
}

// —— writes: shared checks ——

function staleError(): AppError {
  return new AppError('CONFLICT', '此订单刚被他人修改过，请刷新后再操作', 'Someone else changed this order just now; refresh and try again');
}

/** The order row for a write: visible to the actor (else NOT_FOUND) and at the version the caller saw. */
function rowForWrite(tx: Tx, actor: Actor, id: number, version: number | null): OrderRow {
  const row = tx
    .select({ order: orders })
    .from(orders)
    .innerJoin(customers, eq(orders.customerId, customers.id))
    .where(and(eq(orders.id, id), customerScope(tx, actor)))
    .get()?.order;
  if (!row) throw notFound(id);
  if (version !== null && row.version !== version) throw staleError();
  return row;
}

function statusLabel(status: OrderStatus): string {
  return `${ORDER_STATUS_LABELS[status].zh}`;
}

function wrongStatus(row: OrderRow, zh: string, en: string): AppError {
  return new AppError('CONFLICT', `订单 ${row.orderNo} 当前状态为“${statusLabel(row.status)}”，${zh}`, `Order ${row.orderNo} is ${ORDER_STATUS_LABELS[row.status].en.toLowerCase()}: ${en}`);
}

function heldError(row: OrderRow): AppError {
  return new AppError(
    'CONFLICT',
    `订单 ${row.orderNo} 正在等待审批（申请 #${row.policyRequestId}），审批完成前不能修改；如需修改请先撤回申请`,
    `Order ${row.orderNo} is waiting for approval (request #${row.policyRequestId}); withdraw the request to change it`,
  );
}

/** The customer an order is for: one the actor may see and that is not archived. */
function customerForOrder(tx: Tx, actor: Actor, customerId: number, field: string) {
  const row = tx
    .select({ id: customers.id, customerNo: customers.customerNo, ownerId: customers.ownerId, archivedAt: customers.archivedAt })
    .from(customers)
    .where(and(eq(customers.id, customerId), customerScope(tx, actor)))
    .get();
  const problem = !row
    ? { zh: `客户 #${customerId} 不存在或您无权查看`, en: `customer #${customerId} does not exist or is not yours` }
    : row.archivedAt
      ? { zh: `客户 ${row.customerNo} 已归档，不能下单`, en: `customer ${row.customerNo} is archived` }
      : null;
  if (problem) throw AppError.field(field, { zh: '客户', en: 'Customer' }, problem);
  return row!;
}

function assertOrderNoFree(tx: Tx, orderNo: string, exceptId?: number): void {
  const existing = tx
    .select({ id: orders.id })
    .from(orders)
    .where(sql`${orders.orderNo} = ${orderNo} COLLATE NOCASE`)
    .get();
  if (existing && existing.id !== exceptId) {
    throw AppError.field('orderNo', label('orderNo'), { zh: `“${orderNo}”已被其他订单使用`, en: `"${orderNo}" is already used by another order` });
  }
}

/** SO + the day of entry + a three-digit (or longer) sequence of that day: SO20261123-001. */
function nextOrderNo(tx: Tx, at: Date): string {
  const prefix = `SO${localDate(at).replaceAll('-', '')}-`;
  const rows = tx
    .select({ orderNo: orders.orderNo })
    .from(orders)
    .where(sql`${orders.orderNo} LIKE ${`${prefix}%`}`)
    .all();
  const max = rows.reduce((m, r) => {
    const n = Number(r.orderNo.slice(prefix.length));
    return Number.isSafeInteger(n) && n > m ? n : m;
  }, 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

function assertDates(orderDate: string, deliveryDate: string | null): void {
  if (deliveryDate !== null && deliveryDate < orderDate) {
    throw AppError.field('deliveryDate', label('deliveryDate'), { zh: `不能早于订货日期 ${orderDate}`, en: `cannot be before the order date ${orderDate}` });
  }
}

type NewLine = Omit<LineRow, 'id' | 'orderId'>;

/** Lines as entered → lines to store: the product's name/spec/unit, prices on the order date, exact amounts. */
function priceLines(tx: Db | Tx, input: readonly OrderLineInput[], orderDate: string, path: string): NewLine[] {
  return input.map((line, index) => {
    const product = tx
      .select({ name: products.name, spec: products.spec, unit: products.unit, active: products.active })
      .from(products)
      .where(eq(products.id, line.productId))
      .get();
    if (!product || !product.active) {
      const problem = product ? { zh: '已停用，不能再下单', en: 'is inactive' } : { zh: `#${line.productId} 不存在`, en: `#${line.productId} does not exist` };
      throw lineError(`${path}.${index}.productId`, index, 'productId', problem);
    }
    const price = priceOn(tx, line.productId, orderDate);
    const standardPriceFen = price?.standardPriceFen ?? 0;
    const unitPriceFen = line.unitPriceFen ?? standardPriceFen;
    const amountFen = lineAmountFen(line.quantityMilli, unitPriceFen);
    if (amountFen > 1_000_000_000_000) {
      throw lineError(`${path}.${index}.quantityMilli`, index, 'quantityMilli', { zh: '数量乘单价的金额过大', en: 'quantity × unit price is too large' });
    }
    return {
      lineNo: index + 1,
      productId: line.productId,
      productName: line.productName ?? product.name,
      spec: line.spec ?? product.spec,
      unit: line.unit ?? product.unit,
      quantityMilli: line.quantityMilli,
      unitPriceFen,
      standardPriceFen,
      costPriceFen: price?.costPriceFen ?? 0,
      amountFen,
    };
  });
}

function lineError(field: string, index: number, key: string, problem: { zh: string; en: string }): AppError {
  const l = label(key);
  return AppError.field(field, { zh: `第 ${index + 1} 行${l.zh}`, en: `${l.en} (line ${index + 1})` }, problem);
}

const totalOf = (lines: readonly { amountFen: number }[]) => lines.reduce((sum, l) => sum + l.amountFen, 0);

function storedLines(tx: Tx, orderId: number): LineRow[] {
  return tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo)).all();
}

function replaceLines(tx: Tx, orderId: number, lines: readonly NewLine[]): void {
  tx.delete(orderLines).where(eq(orderLines.orderId, orderId)).run();
  for (const line of lines) tx.insert(orderLines).values({ ...line, orderId }).run();
}

/** Lines for the audit log: what a person reads on the form. */
const auditLines = (lines: readonly NewLine[]) =>
  lines.map((l) => ({ productId: l.productId, productName: l.productName, spec: l.spec, unit: l.unit, quantityMilli: l.quantityMilli, unitPriceFen: l.unitPriceFen, amountFen: l.amountFen }));

function recordTransition(tx: Tx, orderId: number, from: OrderStatus | null, to: OrderStatus, by: number, at: Date, note: string): void {
  tx.insert(orderTransitions).values({ orderId, fromStatus: from, toStatus: to, byUser: by, at: at.toISOString(), note }).run();
}

// —— create and update drafts ——

export function createOrder(db: Db, actor: Actor, input: OrderCreateInput, at: Date): OrderDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    const customer = customerForOrder(tx, actor, input.customerId, 'customerId');
    const orderDate = input.orderDate ?? today;
    assertDates(orderDate, input.deliveryDate);
    if (input.orderNo !== undefined) assertOrderNoFree(tx, input.orderNo);
    const orderNo = input.orderNo ?? nextOrderNo(tx, at);
    const lines = priceLines(tx, input.lines, orderDate, 'lines');
    const stamp = at.toISOString();
    const row = tx
      .insert(orders)
      .values({
        orderNo,
        customerId: customer.id,
        // The owner rep when the order is entered: his performance (schema note).
        repId: customer.ownerId,
        orderDate,
        requiredSchedule: input.requiredSchedule,
        deliveryDate: input.deliveryDate,
        deliveryPlace: input.deliveryPlace,
        packaging: input.packaging,
        shippingMethod: input.shippingMethod,
        depositFen: input.depositFen,
        totalFen: totalOf(lines),
        notes: input.notes,
        status: 'draft',
        approvalState: 'none',
        version: 0,
        createdBy: actor.id,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning()
      .get();
    replaceLines(tx, row.id, lines);
    recordTransition(tx, row.id, null, 'draft', actor.id, at, '');
    recordAudit(tx, { userId: actor.id, action: 'orders.create', entity: 'orders', entityId: row.id, after: { ...row, lines: auditLines(lines) }, at });
    return orderDetail(tx, actor, row.id, today);
  });
}

const PATCH_FIELDS = ['orderDate', 'requiredSchedule', 'deliveryDate', 'deliveryPlace', 'packaging', 'shippingMethod', 'depositFen', 'notes', 'orderNo', 'customerId'] as const;

export function updateOrder(db: Db, actor: Actor, id: number, version: number, patch: OrderPatch, at: Date): OrderDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    const current = rowForWrite(tx, actor, id, version);
    if (current.status !== 'draft') {
      throw wrongStatus(current, '只有草稿可以直接修改；已确认订单的明细须通过“变更”并填写理由', 'only a draft can be edited; change a confirmed order’s lines through an amendment with a reason');
    }
    if (current.approvalState === 'pending') throw heldError(current);

    const values: Partial<OrderRow> = {};
    const before: Record<string, unknown> = {};
    for (const key of PATCH_FIELDS) {
      const value = patch[key];
      if (value === undefined || value === current[key]) continue;
      before[key] = current[key];
      (values as Record<string, unknown>)[key] = value;
    }
    if (values.customerId !== undefined) values.repId = customerForOrder(tx, actor, values.customerId, 'patch.customerId').ownerId;
    if (values.orderNo !== undefined) assertOrderNoFree(tx, values.orderNo, id);
    const orderDate = values.orderDate ?? current.orderDate;
    assertDates(orderDate, values.deliveryDate !== undefined ? values.deliveryDate : current.deliveryDate);

    const oldLines = storedLines(tx, id);
    let lines: NewLine[] | null = null;
    if (patch.lines) {
      lines = priceLines(tx, patch.lines, orderDate, 'patch.lines');
    } else if (values.orderDate !== undefined && oldLines.length) {
      // Another order date: the reference and cost prices are those of the new day; quoted prices stay.
      lines = oldLines.map(({ id: _id, orderId: _orderId, ...line }) => {
        const price = priceOn(tx, line.productId, orderDate);
        return { ...line, standardPriceFen: price?.standardPriceFen ?? 0, costPriceFen: price?.costPriceFen ?? 0 };
      });
    }
    if (lines) {
      replaceLines(tx, id, lines);
      values.totalFen = totalOf(lines);
    }
    if (!Object.keys(values).length && !lines) return orderDetail(tx, actor, id, today);
    // A rejected draft that is edited is a new proposal: nothing judged yet.
    if (current.approvalState === 'rejected') values.approvalState = 'none';
    tx.update(orders)
      .set({ ...values, version: current.version + 1, updatedAt: at.toISOString() })
      .where(eq(orders.id, id))
      .run();
    const after = Object.fromEntries(Object.keys(before).map((k) => [k, (values as Record<string, unknown>)[k]]));
    if (patch.lines) {
      before.lines = auditLines(oldLines);
      after.lines = auditLines(lines!);
    }
    recordAudit(tx, { userId: actor.id, action: 'orders.update', entity: 'orders', entityId: id, before, after, at });
    return orderDetail(tx, actor, id, today);
  });
}

// —— O-FIELDS and the engine's judgement ——

/** O-FIELDS of the lines: name, quantity, unit, price and amount on every line. */
function lineIssues(lines: readonly NewLine[], path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  lines.forEach((line, index) => {
    const missing = (key: string, zh = '不能为空', en = 'is required') => {
      const l = label(key);
      issues.push({ field: `${path}.${index}.${key}`, message: `第 ${index + 1} 行${l.zh}：${zh}`, messageEn: `${l.en} (line ${index + 1}): ${en}` });
    };
    if (!line.productName.trim()) missing('productName');
    if (line.quantityMilli <= 0) missing('quantityMilli', '须大于 0', 'must be above 0');
    if (!line.unit.trim()) missing('unit');
    if (line.unitPriceFen <= 0) missing('unitPriceFen', '须大于 0', 'must be above 0');
    if (line.amountFen <= 0) missing('amountFen', '须大于 0', 'must be above 0');
  });
  return issues;
}

/** O-FIELDS: everything an order needs to be confirmed, each missing field named. */
function confirmIssues(row: OrderRow, lines: readonly NewLine[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const missing = (key: string) => {
    const l = label(key);
    issues.push({ field: key, message: `${l.zh}：不能为空`, messageEn: `${l.en}: is required` });
  };
  if (!row.orderDate) missing('orderDate');
  if (!lines.length) {
    issues.push({ field: 'lines', message: '订单明细：至少一行', messageEn: 'Order lines: at least one line is needed' });
  }
  issues.push(...lineIssues(lines, 'lines'));
  if (!row.requiredSchedule.trim()) missing('requiredSchedule');
  if (!row.deliveryDate) missing('deliveryDate');
  if (!row.deliveryPlace.trim()) missing('deliveryPlace');
  if (!row.packaging.trim()) missing('packaging');
  if (!row.shippingMethod.trim()) missing('shippingMethod');
  return issues;
}

function incomplete(row: OrderRow, issues: FieldIssue[]): AppError {
  const names = issues.map((i) => i.message.slice(0, i.message.indexOf('：')));
  const namesEn = issues.map((i) => i.messageEn.slice(0, i.messageEn.indexOf(':')));
  return new AppError(
    'VALIDATION',
    `订单 ${row.orderNo} 信息不全，不能确认（O-FIELDS）：${names.join('、')}`,
    `Order ${row.orderNo} is incomplete and cannot be confirmed (O-FIELDS): ${namesEn.join(', ')}`,
    issues,
  );
}

/**
 * The customer's open balance from the sales ledger (the sum of its signed entries) and the age of
 * its oldest unpaid sale. Approximation, documented: receipts, deposits, write-offs and reversals
 * (every negative entry) settle the oldest debits first (FIFO); the oldest debit left uncovered is
 * "the oldest unpaid invoice", aged from its entry date (the delivery), not from an invoice due date.
 */
export function customerCredit(db: Db | Tx, customerId: number, today: string): { balanceFen: number; oldestUnpaidDays: number | undefined } {
  const entries = db
    .select({ entryDate: ledgerEntries.entryDate, amountFen: ledgerEntries.amountFen })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customerId))
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id))
    .all();
  const balanceFen = entries.reduce((sum, e) => sum + e.amountFen, 0);
  let credits = entries.reduce((sum, e) => (e.amountFen < 0 ? sum - e.amountFen : sum), 0);
  let oldestUnpaidDays: number | undefined;
  for (const entry of entries) {
    if (entry.amountFen <= 0) continue;
    if (credits >= entry.amountFen) {
      credits -= entry.amountFen;
      continue;
    }
    oldestUnpaidDays = Math.max(0, daysBetween(entry.entryDate, today));
    break;
  }
  return { balanceFen, oldestUnpaidDays };
}

/** The `order_confirmation` request for this order as the actor would confirm it today. */
function confirmationRequest(tx: Db | Tx, actor: Actor, row: Pick<OrderRow, 'orderNo' | 'customerId'>, lines: readonly NewLine[], today: string): Record<string, unknown> {
  const customer = tx
    .select({ customerNo: customers.customerNo, creditLimitFen: customers.creditLimitFen, creditDays: customers.creditDays, grade: customers.grade })
    .from(customers)
    .where(eq(customers.id, row.customerId))
    .get()!;
  // Q-PRICE looks at the largest discount: the line that gives it represents the order.
  const widest = lines.reduce((best, line) => (discountBp(line) > discountBp(best) ? line : best), lines[0]!);
  const credit = customerCredit(tx, row.customerId, today);
  const totalFen = totalOf(lines);
  return {
    kind: ORDER_APPROVAL_KIND,
    orderNo: row.orderNo,
    customerNo: customer.customerNo,
    role: actor.role,
    standardPrice: widest.standardPriceFen,
    unitPrice: widest.unitPriceFen,
    orderAmount: totalFen,
    openBalance: Math.max(0, credit.balanceFen),
    ...(credit.balanceFen < 0 ? { prepaidBalance: -credit.balanceFen } : {}),
    creditLimit: customer.creditLimitFen,
    creditDays: customer.creditDays,
    ...(credit.oldestUnpaidDays !== undefined ? { oldestOverdueDays: Math.min(credit.oldestUnpaidDays, 36_600) } : {}),
    grade: customer.grade,
    appliedOn: today,
  };
}

function deniedError(findings: readonly Finding[]): AppError {
  const blocks = findings.filter((f) => f.severity === 'block');
  return new AppError(
    'POLICY_DENIED',
    `不符合制度，不能确认：${blocks.map((b) => `${b.message}（${b.ruleId}）`).join('；')}`,
    `Refused by policy: ${blocks.map((b) => `${b.messageEn} (${b.ruleId})`).join('; ')}`,
    blocks.map((b) => ({ field: b.ruleId, message: b.message, messageEn: b.messageEn })),
  );
}

/**
 * Judges the order (Q-PRICE, S-CREDIT) for the actor; files one `order_confirmation` request when it
 * needs approval. Returns the request id, or null when the order may go ahead now.
 */
function judgeOrder(tx: Tx, actor: Actor, row: OrderRow, lines: readonly NewLine[], at: Date, note: string): number | null {
  const today = localDate(at);
  const request = confirmationRequest(tx, actor, row, lines, today);
  const decision = preview(tx, actor, request, undefined, at);
  if (decision.decision === 'deny') throw deniedError(decision.findings);
  if (decision.decision === 'allow') return null;
  const filed = submitWithin(tx, actor, { request, note: note || `订单 ${row.orderNo} 确认 / confirming order ${row.orderNo}` }, at);
  return filed.id;
}

/**
 * What the engine would say if these lines were confirmed now for this customer (the order-entry
 * form's live Q-PRICE / S-CREDIT findings), with the lines priced as they would be stored. Writes nothing.
 */
export function previewOrder(
  db: Db,
  actor: Actor,
  input: { customerId: number; orderDate?: string | undefined; orderNo?: string | undefined; lines: OrderLineInput[] },
  at: Date,
): OrderPreview {
  const today = localDate(at);
  const customer = db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, input.customerId), customerScope(db, actor)))
    .get();
  if (!customer) {
    throw AppError.field('customerId', { zh: '客户', en: 'Customer' }, { zh: `客户 #${input.customerId} 不存在或您无权查看`, en: `customer #${input.customerId} does not exist or is not yours` });
  }
  const lines = priceLines(db, input.lines, input.orderDate ?? today, 'lines');
  const request = confirmationRequest(db, actor, { orderNo: input.orderNo ?? '（新订单）', customerId: customer.id }, lines, today);
  return {
    lines: lines.map((l) => ({
      standardPriceFen: l.standardPriceFen,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      discountPct: discountBp(l) / 100,
    })),
    totalFen: totalOf(lines),
    decision: preview(db, actor, request, undefined, at),
  };
}

// —— confirm, amend ——

export function confirmOrder(db: Db, actor: Actor, id: number, version: number, note: string, at: Date): OrderDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    const row = rowForWrite(tx, actor, id, version);
    if (row.status !== 'draft') throw wrongStatus(row, '只有草稿可以确认', 'only a draft can be confirmed');
    if (row.approvalState === 'pending') throw heldError(row);
    const lines = storedLines(tx, id);
    const issues = confirmIssues(row, lines);
    if (issues.length) throw incomplete(row, issues);
    const requestId = judgeOrder(tx, actor, row, lines, at, note);
    const stamp = at.toISOString();
    if (requestId === null) {
      tx.update(orders)
        .set({ status: 'confirmed', approvalState: 'none', version: row.version + 1, updatedAt: stamp })
        .where(eq(orders.id, id))
        .run();
      recordTransition(tx, id, 'draft', 'confirmed', actor.id, at, note);
      recordAudit(tx, { userId: actor.id, action: 'orders.confirm', entity: 'orders', entityId: id, before: { status: 'draft' }, after: { status: 'confirmed' }, at });
    } else {
      // Held: still a draft, waiting for the request's approval (the hook below confirms it).
      tx.update(orders)
        .set({ approvalState: 'pending', policyRequestId: requestId, version: row.version + 1, updatedAt: stamp })
        .where(eq(orders.id, id))
        .run();
      recordAudit(tx, {
        userId: actor.id,
        action: 'orders.hold',
        entity: 'orders',
        entityId: id,
        before: { status: 'draft', approvalState: row.approvalState, policyRequestId: row.policyRequestId },
        after: { status: 'draft', approvalState: 'pending', policyRequestId: requestId },
        at,
      });
    }
    return orderDetail(tx, actor, id, today);
  });
}

/** Whether the shipping register holds a shipment of the order (a partial one leaves it inspected). */
function hasShipments(tx: Tx, orderId: number): boolean {
  return (tx.select({ n: count() }).from(shipments).where(eq(shipments.orderId, orderId)).get()?.n ?? 0) > 0;
}

/** Statuses whose lines may be amended: confirmed, before anything is shipped. */
const AMENDABLE: readonly OrderStatus[] = ['confirmed', 'production_requested', 'in_production', 'inspected'];

/**
 * A confirmed order's lines change only here, with a reason: audited (old and new lines) and judged
 * again. Within authority the new lines stand; otherwise they stand but the order is held (approval
 * pending: no further transitions) until the new `order_confirmation` request is approved; rejected,
 * it stays held until amended within authority or cancelled.
 */
export function amendOrder(db: Db, actor: Actor, id: number, version: number, input: { lines: OrderLineInput[]; reason: string }, at: Date): OrderDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    const row = rowForWrite(tx, actor, id, version);
    if (row.status === 'draft') throw wrongStatus(row, '草稿请直接修改', 'edit a draft directly');
    if (!AMENDABLE.includes(row.status)) throw wrongStatus(row, '发货后（或已取消）不能再变更明细', 'lines cannot change once shipped or cancelled');
    if (row.approvalState === 'pending') throw heldError(row);
    if (hasShipments(tx, id)) throw wrongStatus(row, '已有发货记录，不能再变更明细', 'it has shipments, so its lines cannot change');
    const oldLines = storedLines(tx, id);
    const lines = priceLines(tx, input.lines, row.orderDate, 'lines');
    const issues = lineIssues(lines, 'lines');
    if (issues.length) throw incomplete(row, issues);
    const requestId = judgeOrder(tx, actor, row, lines, at, `订单 ${row.orderNo} 变更：${input.reason}`);
    replaceLines(tx, id, lines);
    const approvalState = requestId !== null ? 'pending' : row.approvalState === 'rejected' ? 'none' : row.approvalState;
    tx.update(orders)
      .set({
        totalFen: totalOf(lines),
        approvalState,
        ...(requestId !== null ? { policyRequestId: requestId } : {}),
        version: row.version + 1,
        updatedAt: at.toISOString(),
      })
      .where(eq(orders.id, id))
      .run();
    recordAudit(tx, {
      userId: actor.id,
      action: 'orders.amend',
      entity: 'orders',
      entityId: id,
      before: { lines: auditLines(oldLines), totalFen: row.totalFen, approvalState: row.approvalState },
      after: { lines: auditLines(lines), totalFen: totalOf(lines), approvalState, policyRequestId: requestId ?? row.policyRequestId, reason: input.reason },
      at,
    });
    return orderDetail(tx, actor, id, today);
  });
}

// —— the approval hook: a decided `order_confirmation` request settles its order ——

function settleApproval(tx: Tx, event: RequestDecided): void {
  const row = tx.select().from(orders).where(eq(orders.policyRequestId, event.requestId)).get();
  // A request no order waits for any more (superseded) changes nothing.
  if (!row || row.approvalState !== 'pending') return;
  const stamp = event.at.toISOString();
  // Withdrawn: a draft is simply not submitted any more; an amended confirmed order keeps lines
  // nobody approved, so it stays held as if rejected until amended within authority or cancelled.
  const state = event.outcome === 'approved' ? 'approved' : event.outcome === 'rejected' || row.status !== 'draft' ? 'rejected' : 'none';
  const confirm = event.outcome === 'approved' && row.status === 'draft';
  tx.update(orders)
    .set({ approvalState: state, ...(confirm ? { status: 'confirmed' as const } : {}), version: row.version + 1, updatedAt: stamp })
    .where(eq(orders.id, row.id))
    .run();
  if (confirm) recordTransition(tx, row.id, 'draft', 'confirmed', event.actor.id, event.at, `审批通过（申请 #${event.requestId}）/ approved (request #${event.requestId})`);
  recordAudit(tx, {
    userId: event.actor.id,
    action: `orders.approval.${event.outcome}`,
    entity: 'orders',
    entityId: row.id,
    before: { status: row.status, approvalState: row.approvalState },
    after: { status: confirm ? 'confirmed' : row.status, approvalState: state, policyRequestId: event.requestId },
    at: event.at,
  });
}

onRequestDecided(ORDER_APPROVAL_KIND, settleApproval);

// —— O-STATUS ——

/** Statuses orders.transition moves to; shipped and delivered come from the shipping register. */
const BY_HAND: readonly OrderStatus[] = ['production_requested', 'in_production', 'inspected', 'closed', 'cancelled'];

function moveTo(tx: Tx, actor: Actor, row: OrderRow, to: OrderStatus, at: Date, note: string, extra: Partial<OrderRow> = {}): void {
  tx.update(orders)
    .set({ ...extra, status: to, version: row.version + 1, updatedAt: at.toISOString() })
    .where(eq(orders.id, row.id))
    .run();
  recordTransition(tx, row.id, row.status, to, actor.id, at, note);
  recordAudit(tx, {
    userId: actor.id,
    action: 'orders.transition',
    entity: 'orders',
    entityId: row.id,
    before: { status: row.status },
    after: { status: to, note, ...extra },
    at,
  });
}

/** Why the order may not move from its status to `to` (null when it may). */
function transitionProblem(row: OrderRow, to: OrderStatus): AppError | null {
  if (to === 'cancelled') {
    if (!(CANCELLABLE_STATUSES as readonly string[]).includes(row.status)) return wrongStatus(row, '发货后不能取消', 'it cannot be cancelled once shipped');
    if (row.approvalState === 'pending') return heldError(row);
    return null;
  }
  if (NEXT_ORDER_STATUS[row.status] !== to) {
    const next = NEXT_ORDER_STATUS[row.status];
    return wrongStatus(
      row,
      `不能直接改为“${statusLabel(to)}”${next ? `（下一步应为“${statusLabel(next)}”）` : ''}`,
      `it cannot become ${ORDER_STATUS_LABELS[to].en.toLowerCase()}${next ? ` (next is ${ORDER_STATUS_LABELS[next].en.toLowerCase()})` : ''}`,
    );
  }
  if (row.approvalState === 'pending' || row.approvalState === 'rejected') {
    return new AppError(
      'CONFLICT',
      `订单 ${row.orderNo} 的变更${row.approvalState === 'pending' ? '正在等待审批' : '已被驳回'}（申请 #${row.policyRequestId}），不能继续流转`,
      `Order ${row.orderNo}'s amendment is ${row.approvalState === 'pending' ? 'waiting for approval' : 'rejected'} (request #${row.policyRequestId}); it cannot move on`,
    );
  }
  return null;
}

export function transitionOrder(
  db: Db,
  actor: Actor,
  input: { id: number; version: number; toStatus: OrderStatus; note: string; inspectionResults?: string | undefined },
  at: Date,
): OrderDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    const row = rowForWrite(tx, actor, input.id, input.version);
    const to = input.toStatus;
    if (!BY_HAND.includes(to)) {
      const problem =
        to === 'confirmed'
          ? { zh: '确认订单请用“确认”（检查必填项和审批）', en: 'confirm an order with orders.confirm (fields and approvals are checked)' }
          : to === 'draft'
            ? { zh: '订单不能退回草稿', en: 'an order cannot go back to draft' }
            : { zh: '发货和交货由发货登记簿登记（O-SHIP）', en: 'shipped and delivered are set by the shipping register (O-SHIP)' };
      throw AppError.field('toStatus', label('toStatus'), problem);
    }
    if (input.inspectionResults !== undefined && to !== 'inspected') {
      throw AppError.field('inspectionResults', label('inspectionResults'), { zh: '只在改为“已检验”时填写', en: 'only when the order becomes inspected' });
    }
    const problem = transitionProblem(row, to);
    if (problem) throw problem;
    if (to === 'inspected' && !input.inspectionResults?.trim()) {
      throw AppError.field('inspectionResults', label('inspectionResults'), { zh: '改为“已检验”须填写测试成绩', en: 'is required to mark the order inspected' });
    }
    if (to === 'cancelled' && hasShipments(tx, row.id)) throw wrongStatus(row, '已有发货记录，不能取消', 'part of it has shipped, so it cannot be cancelled');
    if (to === 'cancelled' && !input.note.trim()) {
      throw AppError.field('note', { zh: '说明', en: 'Note' }, { zh: '取消订单须填写原因', en: 'a cancellation needs a reason' });
    }
    const extra: Partial<OrderRow> = to === 'inspected' ? { inspectedAt: at.toISOString(), inspectionResults: input.inspectionResults!.trim() } : {};
    moveTo(tx, actor, row, to, at, input.note, extra);
    return orderDetail(tx, actor, input.id, today);
  });
}

/**
 * For the shipping register (O-SHIP), inside its own transaction: the order's first shipment marks it
 * shipped. Only an inspected order may ship (CONFLICT otherwise, which rolls the shipment back); an
 * order already shipped (a later partial shipment) is left as it is. Returns whether it moved.
 * `actor` is whoever registers the shipment; no visibility check (the register decides who ships).
 */
export function markShipped(tx: Tx, actor: Pick<Actor, 'id'>, orderId: number, at: Date, note = ''): boolean {
  return mark(tx, actor, orderId, 'shipped', at, note);
}

/**
 * For the shipping register, inside its transaction: the customer took delivery. Only a shipped order
 * may be delivered; one already delivered (or closed) is left as it is. Returns whether it moved.
 */
export function markDelivered(tx: Tx, actor: Pick<Actor, 'id'>, orderId: number, at: Date, note = ''): boolean {
  return mark(tx, actor, orderId, 'delivered', at, note);
}

function mark(tx: Tx, actor: Pick<Actor, 'id'>, orderId: number, to: 'shipped' | 'delivered', at: Date, note: string): boolean {
  const row = tx.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!row) throw new AppError('NOT_FOUND', `订单 #${orderId} 不存在`, `Order #${orderId} not found`);
  const done: readonly OrderStatus[] = to === 'shipped' ? ['shipped', 'delivered', 'closed'] : ['delivered', 'closed'];
  if (done.includes(row.status)) return false;
  const problem = transitionProblem(row, to);
  if (problem) throw problem;
  moveTo(tx, actor as Actor, row, to, at, note);
  return true;
}

// —— O-DELAY: the customer was told ——

export function notifyCustomer(db: Db, actor: Actor, id: number, version: number, note: string, at: Date): OrderDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    const row = rowForWrite(tx, actor, id, version);
    if (!(UNDELIVERED_STATUSES as readonly string[]).includes(row.status)) {
      throw wrongStatus(row, '只有已确认且未交货的订单需要记录通知客户', 'only a confirmed, undelivered order needs a delay notice');
    }
    const stamp = at.toISOString();
    tx.update(orders)
      .set({ customerNotifiedAt: stamp, customerNotifiedBy: actor.id, version: row.version + 1, updatedAt: stamp })
      .where(eq(orders.id, id))
      .run();
    recordAudit(tx, {
      userId: actor.id,
      action: 'orders.notifyCustomer',
      entity: 'orders',
      entityId: id,
      before: { customerNotifiedAt: row.customerNotifiedAt, customerNotifiedBy: row.customerNotifiedBy },
      after: { customerNotifiedAt: stamp, customerNotifiedBy: actor.id, note },
      at,
    });
    return orderDetail(tx, actor, id, today);
  });
}

// —— O-SURVEY ——

export function recordSurvey(
  db: Db,
  actor: Actor,
  input: { id: number; quality: number; responseTime: number; serviceSpeed: number; attitude: number; comment: string },
  at: Date,
): OrderSurvey {
  return db.transaction((tx) => {
    const row = rowForWrite(tx, actor, input.id, null);
    if (!(DELIVERED_STATUSES as readonly string[]).includes(row.status)) throw wrongStatus(row, '交货后才能做满意度调查', 'a survey comes after delivery');
    if (surveyOf(tx, input.id)) {
      throw new AppError('CONFLICT', `订单 ${row.orderNo} 已做过满意度调查`, `Order ${row.orderNo} already has a survey`);
    }
    const scores = [input.quality, input.responseTime, input.serviceSpeed, input.attitude];
    // O-SURVEY: any score ≤ 2 opens a complaint in the register (received now, with its deadlines), in this transaction.
    const complaintOpened = scores.some((s) => s <= 2);
    const survey = tx
      .insert(orderSurveys)
      .values({
        orderId: input.id,
        quality: input.quality,
        responseTime: input.responseTime,
        serviceSpeed: input.serviceSpeed,
        attitude: input.attitude,
        comment: input.comment,
        complaintOpened,
        recordedBy: actor.id,
        recordedAt: at.toISOString(),
      })
      .returning()
      .get();
    recordAudit(tx, { userId: actor.id, action: 'orders.survey', entity: 'orders', entityId: input.id, after: survey, at });
    if (complaintOpened) {
      const { quality, responseTime, serviceSpeed, attitude } = input;
      openFromSurvey(tx, actor, { orderId: input.id, scores: { quality, responseTime, serviceSpeed, attitude }, comment: input.comment }, at);
    }
    return surveyOf(tx, input.id)!;
  });
}
