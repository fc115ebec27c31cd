// O-SHIP 发送登记簿: shipments (出货传票) of inspected orders, partial or whole, never more than
// ordered; a delivery posts the shipment's sale to the ledger (O-LEDGER). The order follows O-STATUS
// through the orders module (markShipped / markDelivered, in this transaction): inspected → shipped
// when every line is fully shipped, shipped → delivered when every shipment is delivered.
//
// Why shipping starts at 已检验 (inspected): O-STATUS puts inspection (with its test results) right
// before shipping, and goods leave only with their results; a confirmed order still in production has
// nothing to ship. An order stays 已检验 while partly shipped (O-STATUS has no "partly shipped").
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../../shared/errors';
import type { GridQuery } from '../../../shared/grid';
import type { OrderShipping, Shipment, ShipmentCreateInput } from '../../../shared/ledger';
import { formatQuantity } from '../../../shared/money';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../shared/orders';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import type { Db, Tx } from '../db/connection';
import { orderLines, orders } from '../orders/schema';
import { markDelivered, markShipped } from '../orders/service';
import { users } from '../users/schema';
import { appendEntry, assertMonthOpen, assertNotFuture, fieldError } from './ledger';
import { shipmentLines, shipments } from './schema';

type Conn = Db | Tx;

/** Statuses from which goods may leave: inspected (and shipped, for what a manual transition left unshipped). */
const SHIPPABLE: readonly OrderStatus[] = ['inspected', 'shipped'];

/**
 * The amount of `part` of a line of `whole` quantity worth `amount` fen, rounded half away from zero
 * (BigInt: amount × quantity may pass 2^53).
 */
function prorate(amount: number, part: number, whole: number): number {
  if (whole <= 0) return 0;
  const negative = amount < 0;
  const n = BigInt(Math.abs(amount)) * BigInt(part);
  const d = BigInt(whole);
  const rounded = Number((2n * n + d) / (2n * d));
  return negative ? -rounded : rounded;
}

/**
 * A shipment's share of a line's amount: the cumulative amount after it less the cumulative amount
 * before it, so that the shipments of a fully shipped line add up to the line's amount exactly.
 */
export function shipmentAmount(lineAmountFen: number, orderedMilli: number, shippedBeforeMilli: number, quantityMilli: number): number {
  return prorate(lineAmountFen, shippedBeforeMilli + quantityMilli, orderedMilli) - prorate(lineAmountFen, shippedBeforeMilli, orderedMilli);
}

function orderForShipping(tx: Conn, actor: Actor, orderId: number) {
  const row = tx
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      status: orders.status,
      orderDate: orders.orderDate,
      customerId: orders.customerId,
      customerNo: customers.customerNo,
      customerName: customers.name,
      repId: orders.repId,
      approvalState: orders.approvalState,
      policyRequestId: orders.policyRequestId,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.id, orderId), customerScope(tx, actor)))
    .get();
  if (!row) {
    throw new AppError('NOT_FOUND', `订单 #${orderId} 不存在或您无权查看`, `Order #${orderId} does not exist or is not yours to see`, [
      { field: 'orderId', message: `订单：#${orderId} 不存在或您无权查看`, messageEn: `Order: #${orderId} does not exist or is not yours to see` },
    ]);
  }
  return row;
}

/** Each line of the order with what has been shipped of it so far. */
function linesWithShipped(tx: Conn, orderId: number) {
  const shipped = sql<number>`(SELECT coalesce(sum(sl.quantity_milli), 0) FROM shipment_lines sl WHERE sl.order_line_id = "order_lines"."id")`;
  const shippedAmount = sql<number>`(SELECT coalesce(sum(sl.amount_fen), 0) FROM shipment_lines sl WHERE sl.order_line_id = "order_lines"."id")`;
  return tx
    .select({
      id: orderLines.id,
      lineNo: orderLines.lineNo,
      productName: orderLines.productName,
      spec: orderLines.spec,
      unit: orderLines.unit,
      unitPriceFen: orderLines.unitPriceFen,
      quantityMilli: orderLines.quantityMilli,
      amountFen: orderLines.amountFen,
      shippedMilli: shipped,
      shippedAmountFen: shippedAmount,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNo), asc(orderLines.id))
    .all()
    .map((line) => ({ ...line, shippedMilli: Number(line.shippedMilli), shippedAmountFen: Number(line.shippedAmountFen) }));
}

export function createShipment(db: Db, actor: Actor, input: ShipmentCreateInput, at: Date): Shipment {
  return db.transaction((tx) => {
    const order = orderForShipping(tx, actor, input.orderId);
    if (!SHIPPABLE.includes(order.status)) {
      throw fieldError(
        'orderId',
        `订单 ${order.orderNo} 的状态是“${ORDER_STATUS_LABELS[order.status].zh}”，检验合格（已检验）后才能发货`,
        `order ${order.orderNo} is ${ORDER_STATUS_LABELS[order.status].en.toLowerCase()}; it ships once inspected`,
      );
    }
    if (order.approvalState === 'pending') {
      throw fieldError(
        'orderId',
        `订单 ${order.orderNo} 的变更正在等待审批（申请 #${order.policyRequestId}），审批后才能发货`,
        `order ${order.orderNo} has an amendment waiting for approval (request #${order.policyRequestId}); it ships once approved`,
      );
    }
    assertNotFuture(input.shipDate, at, 'shipDate');
    if (input.shipDate < order.orderDate) {
      throw fieldError('shipDate', `不能早于订单日期 ${order.orderDate}`, `cannot be before the order date ${order.orderDate}`);
    }
    const taken = tx
      .select({ id: shipments.id, orderId: shipments.orderId })
      .from(shipments)
      .where(sql`${shipments.shipmentNo} = ${input.shipmentNo} COLLATE NOCASE`)
      .get();
    if (taken) throw fieldError('shipmentNo', `“${input.shipmentNo}”已登记过（发货 #${taken.id}）`, `"${input.shipmentNo}" is already in the register (shipment #${taken.id})`);

    const lines = linesWithShipped(tx, order.id);
    const byId = new Map(lines.map((line) => [line.id, line]));
    const seen = new Set<number>();
    const planned = input.lines.map((wanted, i) => {
      const line = byId.get(wanted.orderLineId);
      if (!line) throw fieldError(`lines.${i}.orderLineId`, `明细 #${wanted.orderLineId} 不属于订单 ${order.orderNo}`, `line #${wanted.orderLineId} is not a line of order ${order.orderNo}`);
      if (seen.has(line.id)) throw fieldError(`lines.${i}.orderLineId`, `第 ${line.lineNo} 行重复出现`, `line ${line.lineNo} appears twice`);
      seen.add(line.id);
      const remaining = line.quantityMilli - line.shippedMilli;
      if (wanted.quantityMilli > remaining) {
        const q = (milli: number) => `${formatQuantity(milli)} ${line.unit}`;
        throw fieldError(
          `lines.${i}.quantityMilli`,
          `第 ${line.lineNo} 行（${line.productName}）发货 ${q(wanted.quantityMilli)} 超过未发数量 ${q(Math.max(0, remaining))}（订购 ${q(line.quantityMilli)}，已发 ${q(line.shippedMilli)}）`,
          `line ${line.lineNo} (${line.productName}): ${q(wanted.quantityMilli)} is more than the ${q(Math.max(0, remaining))} left to ship (ordered ${q(line.quantityMilli)}, shipped ${q(line.shippedMilli)})`,
        );
      }
      return { line, quantityMilli: wanted.quantityMilli, amountFen: shipmentAmount(line.amountFen, line.quantityMilli, line.shippedMilli, wanted.quantityMilli) };
    });

    const stamp = at.toISOString();
    const shipment = tx
      .insert(shipments)
      .values({ shipmentNo: input.shipmentNo, orderId: order.id, shipDate: input.shipDate, carrier: input.carrier, note: input.note, createdBy: actor.id, createdAt: stamp })
      .returning()
      .get();
    for (const p of planned) {
      tx.insert(shipmentLines).values({ shipmentId: shipment.id, orderLineId: p.line.id, quantityMilli: p.quantityMilli, amountFen: p.amountFen }).run();
    }
    recordAudit(tx, {
      userId: actor.id,
      action: 'shipments.create',
      entity: 'shipments',
      entityId: shipment.id,
      after: { ...shipment, lines: planned.map((p) => ({ orderLineId: p.line.id, quantityMilli: p.quantityMilli, amountFen: p.amountFen })) },
      at,
    });

    const shippedNow = new Map(planned.map((p) => [p.line.id, p.quantityMilli]));
    const complete = lines.every((line) => line.shippedMilli + (shippedNow.get(line.id) ?? 0) >= line.quantityMilli);
    if (complete) markShipped(tx, actor, order.id, at, `全部发货（出货传票 ${input.shipmentNo}）`);
    return shipmentRows(tx, eq(shipments.id, shipment.id))[0]!;
  });
}

/**
 * The customer took delivery: the shipment's amount posts as a sale dated the delivery day, credited
 * to the order's rep. When every shipment of a fully shipped order is delivered, the order is 已交货.
 */
export function deliverShipment(db: Db, actor: Actor, input: { id: number; deliveredAt: string }, at: Date): Shipment {
  return db.transaction((tx) => {
    const shipment = tx
      .select()
      .from(shipments)
      .where(eq(shipments.id, input.id))
      .get();
    if (!shipment) throw new AppError('NOT_FOUND', `发货 #${input.id} 不存在`, `Shipment #${input.id} not found`);
    const order = orderForShipping(tx, actor, shipment.orderId);
    if (shipment.deliveredAt !== null) {
      throw new AppError('CONFLICT', `出货传票 ${shipment.shipmentNo} 已于 ${shipment.deliveredAt} 交货，销售已入账`, `Shipment ${shipment.shipmentNo} was delivered on ${shipment.deliveredAt}; its sale is posted`);
    }
    if (input.deliveredAt < shipment.shipDate) {
      throw fieldError('deliveredAt', `不能早于发货日期 ${shipment.shipDate}`, `cannot be before the ship date ${shipment.shipDate}`);
    }
    assertNotFuture(input.deliveredAt, at, 'deliveredAt');
    assertMonthOpen(tx, input.deliveredAt, 'deliveredAt');

    tx.update(shipments).set({ deliveredAt: input.deliveredAt }).where(eq(shipments.id, shipment.id)).run();
    recordAudit(tx, {
      userId: actor.id,
      action: 'shipments.deliver',
      entity: 'shipments',
      entityId: shipment.id,
      before: { deliveredAt: null },
      after: { deliveredAt: input.deliveredAt },
      at,
    });
    const amount = tx
      .select({ total: sql<number>`coalesce(sum(${shipmentLines.amountFen}), 0)` })
      .from(shipmentLines)
      .where(eq(shipmentLines.shipmentId, shipment.id))
      .get();
    appendEntry(
      tx,
      actor,
      {
        customerId: order.customerId,
        entryDate: input.deliveredAt,
        kind: 'sale',
        amountFen: Number(amount?.total ?? 0),
        orderId: order.id,
        shipmentId: shipment.id,
        repId: order.repId,
        reference: shipment.shipmentNo,
        note: `订单 ${order.orderNo} 交货`,
      },
      'ledger.postSale',
      at,
    );

    if (order.status === 'shipped') {
      const undelivered = tx
        .select({ n: count() })
        .from(shipments)
        .where(and(eq(shipments.orderId, order.id), isNull(shipments.deliveredAt)))
        .get()?.n;
      if (!undelivered) markDelivered(tx, actor, order.id, at, `全部交货（出货传票 ${shipment.shipmentNo}）`);
    }
    return shipmentRows(tx, eq(shipments.id, shipment.id))[0]!;
  });
}

// —— reading the register ——

const creator = alias(users, 'shipment_creator');
const amountSql = sql<number>`(SELECT coalesce(sum(sl.amount_fen), 0) FROM shipment_lines sl WHERE sl.shipment_id = "shipments"."id")`;
const saleSql = sql<number | null>`(SELECT e.id FROM ledger_entries e WHERE e.shipment_id = "shipments"."id" AND e.kind = 'sale' ORDER BY e.id LIMIT 1)`;

const shipmentColumns = {
  id: shipments.id,
  shipmentNo: shipments.shipmentNo,
  orderId: shipments.orderId,
  orderNo: orders.orderNo,
  customerId: orders.customerId,
  customerNo: customers.customerNo,
  customerName: customers.name,
  shipDate: shipments.shipDate,
  carrier: shipments.carrier,
  deliveredAt: shipments.deliveredAt,
  note: shipments.note,
  amountFen: amountSql,
  saleEntryId: saleSql,
  createdByName: creator.displayName,
  createdAt: shipments.createdAt,
};

/** Sortable / filterable columns of the register (the whitelist for gridSql). */
const SHIPMENT_QUERY_COLUMNS: ColumnMap = {
  id: shipments.id,
  shipmentNo: shipments.shipmentNo,
  orderId: shipments.orderId,
  orderNo: orders.orderNo,
  customerId: orders.customerId,
  customerNo: customers.customerNo,
  customerName: customers.name,
  shipDate: shipments.shipDate,
  carrier: shipments.carrier,
  deliveredAt: shipments.deliveredAt,
  amountFen: amountSql,
  createdAt: shipments.createdAt,
};

function registerFrom(db: Conn) {
  return db
    .select(shipmentColumns)
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(creator, eq(creator.id, shipments.createdBy));
}

function withLines(db: Conn, rows: Omit<Shipment, 'lines'>[]): Shipment[] {
  if (!rows.length) return [];
  const lines = db
    .select({
      shipmentId: shipmentLines.shipmentId,
      id: shipmentLines.id,
      orderLineId: shipmentLines.orderLineId,
      lineNo: orderLines.lineNo,
      productName: orderLines.productName,
      spec: orderLines.spec,
      unit: orderLines.unit,
      quantityMilli: shipmentLines.quantityMilli,
      amountFen: shipmentLines.amountFen,
    })
    .from(shipmentLines)
    .innerJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
    .where(
      inArray(
        shipmentLines.shipmentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderLines.lineNo), asc(shipmentLines.id))
    .all();
  const byShipment = new Map<number, Shipment['lines']>();
  for (const { shipmentId, ...line } of lines) {
    const list = byShipment.get(shipmentId) ?? [];
    list.push(line);
    byShipment.set(shipmentId, list);
  }
  return rows.map((row) => ({ ...row, amountFen: Number(row.amountFen), lines: byShipment.get(row.id) ?? [] }));
}

function shipmentRows(db: Conn, where: ReturnType<typeof and>): Shipment[] {
  return withLines(db, registerFrom(db).where(where).orderBy(asc(shipments.id)).all());
}

/** The register, SQL-paged; filter by shipDate, customerId, orderId… through the grid's filter model. */
export function listShipments(db: Db, actor: Actor, query: GridQuery): { rows: Shipment[]; total: number } {
  const where = and(
    customerScope(db, actor),
    filterSql(SHIPMENT_QUERY_COLUMNS, query.filter, new Set(['createdAt'])),
    quickSearchSql([shipments.shipmentNo, orders.orderNo, customers.customerNo, customers.name, shipments.carrier], query.quickSearch),
  );
  const rows = registerFrom(db)
    .where(where)
    .orderBy(...orderSql(SHIPMENT_QUERY_COLUMNS, query.sort.length ? query.sort : [{ colId: 'shipDate', sort: 'desc' }], shipments.id))
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(where)
      .get()?.n ?? 0;
  return { rows: withLines(db, rows), total };
}

/** An order's lines with what is shipped and left, and its shipments: the shipment form's start. */
export function orderShipping(db: Db, actor: Actor, orderId: number): OrderShipping {
  const order = orderForShipping(db, actor, orderId);
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    customerId: order.customerId,
    customerNo: order.customerNo,
    customerName: order.customerName,
    status: order.status,
    lines: linesWithShipped(db, order.id).map((line) => ({
      orderLineId: line.id,
      lineNo: line.lineNo,
      productName: line.productName,
      spec: line.spec,
      unit: line.unit,
      unitPriceFen: line.unitPriceFen,
      orderedMilli: line.quantityMilli,
      shippedMilli: line.shippedMilli,
      remainingMilli: Math.max(0, line.quantityMilli - line.shippedMilli),
    })),
    shipments: shipmentRows(db, eq(shipments.orderId, order.id)),
  };
}
