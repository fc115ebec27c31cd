// Shipping register, sales ledger, statements and the month end through the dispatcher (DOMAIN §3
// S-BADDEBT, §5 O-SHIP, O-LEDGER, O-STATEMENT, O-RECON): partial shipments and never more than
// ordered; a delivery posts the sale; receipts above the open balance only as prepayments; allocations;
// a reversal once; the ledger append-only even to raw SQL; bad debt after approval; locked months;
// who may do what; nothing written on errors; audit rows.
//
// Orders are inserted with drizzle (a small factory below), not through the orders module, so these
// tests depend only on the schema.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import { orderLines, orders, orderTransitions } from '../../electron/core/orders/schema';
import { products } from '../../electron/core/products/schema';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** Noon in Shanghai: the local date is the same in UTC and +08:00. */
const at = (day: string) => new Date(`${day}T04:00:00.000Z`);

async function setup(today = '2026-02-20') {
  clock = at(today);
  t = await teamCore(template, { now: () => clock });
  const customer = (await createCustomer(t.team.repA, 'C001', { name: '苏州恒达化工' })).customer;
  const other = (await createCustomer(t.team.repB, 'C002', { name: '无锡新材料' })).customer;
  return { ...t.team, customer, other };
}

// —— order factory (drizzle, no orders service) ——

let productSeq = 0;
interface LineSpec {
  quantityMilli: number;
  unitPriceFen: number;
  amountFen?: number;
}
function insertOrder(
  customerId: number,
  repId: number,
  lines: LineSpec[],
  extra: { status?: (typeof orders.$inferInsert)['status']; orderDate?: string; approvalState?: (typeof orders.$inferInsert)['approvalState'] } = {},
): { id: number; orderNo: string; lineIds: number[] } {
  const db = t.core.database.db;
  const stamp = new Date().toISOString();
  productSeq += 1;
  const product = db
    .insert(products)
    .values({ code: `P${productSeq}`, name: `产品${productSeq}`, unit: '吨', standardPriceFen: 1_000_000, createdAt: stamp, updatedAt: stamp })
    .returning()
    .get();
  const amounts = lines.map((l) => l.amountFen ?? Math.round((l.quantityMilli * l.unitPriceFen) / 1000));
  const order = db
    .insert(orders)
    .values({
      orderNo: `SO-${productSeq}`,
      customerId,
      repId,
      orderDate: extra.orderDate ?? '2026-01-05',
      status: extra.status ?? 'inspected',
      approvalState: extra.approvalState ?? 'none',
      totalFen: amounts.reduce((a, b) => a + b, 0),
      createdBy: repId,
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returning()
    .get();
  const lineIds = lines.map(
    (line, i) =>
      db
        .insert(orderLines)
        .values({
          orderId: order.id,
          lineNo: i + 1,
          productId: product.id,
          productName: product.name,
          spec: '',
          unit: '吨',
          quantityMilli: line.quantityMilli,
          unitPriceFen: line.unitPriceFen,
          standardPriceFen: line.unitPriceFen,
          amountFen: amounts[i]!,
        })
        .returning()
        .get().id,
  );
  return { id: order.id, orderNo: order.orderNo, lineIds };
}

const orderRow = (id: number) => t.core.database.db.select().from(orders).where(eq(orders.id, id)).get()!;
const transitions = (id: number) =>
  t.core.database.db
    .select({ from: orderTransitions.fromStatus, to: orderTransitions.toStatus })
    .from(orderTransitions)
    .where(eq(orderTransitions.orderId, id))
    .all();
const auditActions = (entity: string, entityId: number | string) =>
  (
    t.core.database.sqlite.prepare('SELECT action FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(entityId)) as {
      action: string;
    }[]
  ).map((r) => r.action);

/** Expects a refusal with `code` (naming `field` when given) and nothing written. */
async function refused(caller: Caller, channel: string, input: unknown, code: AppErrorPayload['code'], field?: string): Promise<AppErrorPayload> {
  const before = t.snapshot();
  const error = await caller.fail(channel, input);
  expect(error.code, `${error.message}`).toBe(code);
  expect(hasChinese(error.message)).toBe(true);
  expect(error.messageEn.length).toBeGreaterThan(0);
  if (field !== undefined) expect(error.issues.map((i) => i.field)).toContain(field);
  expect(t.snapshot()).toBe(before);
  return error;
}

type Shipment = ChannelOutput<'shipments.create'>;
async function ship(caller: Caller, orderId: number, no: string, lines: { orderLineId: number; quantityMilli: number }[], shipDate = '2026-02-01'): Promise<Shipment> {
  return caller.call('shipments.create', { orderId, shipmentNo: no, shipDate, carrier: '德邦物流', lines });
}
const balanceOf = async (caller: Caller, customerId: number) => (await caller.call('ledger.entries', { customerId, startRow: 0, endRow: 1 })).balanceFen;

describe('shipping register (O-SHIP)', () => {
  it('ships partly, then the rest; the last shipment marks the order shipped (transition kept)', async () => {
    const { assistant, customer, repA } = await setup();
    const order = insertOrder(customer.id, repA.id, [
      { quantityMilli: 10_000, unitPriceFen: 850_000 },
      { quantityMilli: 3_000, unitPriceFen: 100_001 },
    ]);
    const first = await ship(assistant, order.id, 'CK-001', [
      { orderLineId: order.lineIds[0]!, quantityMilli: 4_000 },
      { orderLineId: order.lineIds[1]!, quantityMilli: 1_000 },
    ]);
    expect(first).toMatchObject({ shipmentNo: 'CK-001', orderNo: order.orderNo, customerNo: 'C001', deliveredAt: null, saleEntryId: null, carrier: '德邦物流' });
    expect(first.lines.map((l) => [l.lineNo, l.quantityMilli, l.amountFen])).toEqual([
      [1, 4_000, 3_400_000],
      [2, 1_000, 100_001],
    ]);
    expect(orderRow(order.id).status).toBe('inspected');

    const forOrder = await assistant.call('shipments.forOrder', { orderId: order.id });
    expect(forOrder.lines.map((l) => [l.orderedMilli, l.shippedMilli, l.remainingMilli])).toEqual([
      [10_000, 4_000, 6_000],
      [3_000, 1_000, 2_000],
    ]);

    await ship(assistant, order.id, 'CK-002', [{ orderLineId: order.lineIds[1]!, quantityMilli: 1_000 }]);
    const last = await ship(assistant, order.id, 'CK-003', [
      { orderLineId: order.lineIds[0]!, quantityMilli: 6_000 },
      { orderLineId: order.lineIds[1]!, quantityMilli: 1_000 },
    ]);
    // the shipments of a line add up to its amount exactly (300,003 over three shipments of 1 t)
    const all = await assistant.call('shipments.forOrder', { orderId: order.id });
    const line2 = all.shipments.flatMap((s) => s.lines).filter((l) => l.lineNo === 2);
    expect(line2.reduce((sum, l) => sum + l.amountFen, 0)).toBe(300_003);
    expect(last.amountFen).toBe(5_100_000 + 100_001);
    expect(orderRow(order.id).status).toBe('shipped');
    expect(transitions(order.id)).toEqual([{ from: 'inspected', to: 'shipped' }]);
    expect(auditActions('shipments', last.id)).toEqual(['shipments.create']);
    expect(auditActions('orders', order.id)).toEqual(['orders.transition']);
  });

  it('never ships more than ordered minus shipped, names the line, and writes nothing', async () => {
    const { assistant, customer, repA } = await setup();
    const order = insertOrder(customer.id, repA.id, [
      { quantityMilli: 5_000, unitPriceFen: 100_000 },
      { quantityMilli: 2_000, unitPriceFen: 100_000 },
    ]);
    await ship(assistant, order.id, 'CK-1', [{ orderLineId: order.lineIds[1]!, quantityMilli: 1_500 }]);
    const error = await refused(
      assistant,
      'shipments.create',
      {
        orderId: order.id,
        shipmentNo: 'CK-2',
        shipDate: '2026-02-02',
        lines: [
          { orderLineId: order.lineIds[0]!, quantityMilli: 5_000 },
          { orderLineId: order.lineIds[1]!, quantityMilli: 501 },
        ],
      },
      'VALIDATION',
      'lines.1.quantityMilli',
    );
    expect(error.message).toContain('第 2 行');
    expect(error.message).toContain('0.5 吨');
    for (const quantityMilli of [0, -1000]) {
      await refused(
        assistant,
        'shipments.create',
        { orderId: order.id, shipmentNo: 'CK-3', shipDate: '2026-02-02', lines: [{ orderLineId: order.lineIds[0]!, quantityMilli }] },
        'VALIDATION',
        'lines.0.quantityMilli',
      );
    }
    // the same line twice, a line of another order, a number already in the register (any case)
    const stranger = insertOrder(customer.id, repA.id, [{ quantityMilli: 1_000, unitPriceFen: 1 }]);
    const line = (orderLineId: number, quantityMilli = 100) => ({ orderLineId, quantityMilli });
    await refused(assistant, 'shipments.create', { orderId: order.id, shipmentNo: 'CK-3', shipDate: '2026-02-02', lines: [line(order.lineIds[0]!), line(order.lineIds[0]!)] }, 'VALIDATION', 'lines.1.orderLineId');
    await refused(assistant, 'shipments.create', { orderId: order.id, shipmentNo: 'CK-3', shipDate: '2026-02-02', lines: [line(stranger.lineIds[0]!)] }, 'VALIDATION', 'lines.0.orderLineId');
    await refused(assistant, 'shipments.create', { orderId: order.id, shipmentNo: 'ck-1', shipDate: '2026-02-02', lines: [line(order.lineIds[0]!)] }, 'VALIDATION', 'shipmentNo');
    // dates: not before the order, not in the future
    await refused(assistant, 'shipments.create', { orderId: order.id, shipmentNo: 'CK-3', shipDate: '2026-01-01', lines: [line(order.lineIds[0]!)] }, 'VALIDATION', 'shipDate');
    await refused(assistant, 'shipments.create', { orderId: order.id, shipmentNo: 'CK-3', shipDate: '2026-02-21', lines: [line(order.lineIds[0]!)] }, 'VALIDATION', 'shipDate');
  });

  it('ships only inspected orders (O-STATUS: inspected → shipped)', async () => {
    const { assistant, customer, repA } = await setup();
    for (const status of ['draft', 'confirmed', 'in_production', 'cancelled'] as const) {
      const order = insertOrder(customer.id, repA.id, [{ quantityMilli: 1_000, unitPriceFen: 100 }], { status });
      const error = await refused(
        assistant,
        'shipments.create',
        { orderId: order.id, shipmentNo: `X-${status}`, shipDate: '2026-02-02', lines: [{ orderLineId: order.lineIds[0]!, quantityMilli: 1_000 }] },
        'VALIDATION',
        'orderId',
      );
      expect(error.message).toContain('已检验');
    }
    // an amendment waiting for approval holds the order (its lines are not final)
    const held = insertOrder(customer.id, repA.id, [{ quantityMilli: 1_000, unitPriceFen: 100 }], { approvalState: 'pending' });
    const error = await refused(
      assistant,
      'shipments.create',
      { orderId: held.id, shipmentNo: 'X-held', shipDate: '2026-02-02', lines: [{ orderLineId: held.lineIds[0]!, quantityMilli: 1_000 }] },
      'VALIDATION',
      'orderId',
    );
    expect(error.message).toContain('等待审批');
  });

  it('the register is SQL-paged with filters, and a rep sees only his own customers’ shipments', async () => {
    const { assistant, customer, other, repA, repB } = await setup();
    const mine = insertOrder(customer.id, repA.id, [{ quantityMilli: 9_000, unitPriceFen: 1_000 }]);
    const theirs = insertOrder(other.id, repB.id, [{ quantityMilli: 1_000, unitPriceFen: 1_000 }]);
    for (let i = 1; i <= 3; i++) await ship(assistant, mine.id, `A-${i}`, [{ orderLineId: mine.lineIds[0]!, quantityMilli: 1_000 }], `2026-02-0${i}`);
    await ship(assistant, theirs.id, 'B-1', [{ orderLineId: theirs.lineIds[0]!, quantityMilli: 1_000 }]);

    const page = await assistant.call('shipments.list', { startRow: 0, endRow: 2, sort: [{ colId: 'shipDate', sort: 'asc' }] });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.shipmentNo)).toEqual(['A-1', 'B-1']);
    const filtered = await assistant.call('shipments.list', {
      filter: {
        customerId: { filterType: 'number', type: 'equals', filter: customer.id },
        shipDate: { filterType: 'date', type: 'inRange', dateFrom: '2026-02-02', dateTo: '2026-02-03' },
      },
    });
    expect(filtered.rows.map((r) => r.shipmentNo).sort()).toEqual(['A-2', 'A-3']);
    expect((await repA.call('shipments.list', {})).rows.map((r) => r.customerNo)).toEqual(['C001', 'C001', 'C001']);
    expect((await repB.call('shipments.list', {})).rows.map((r) => r.shipmentNo)).toEqual(['B-1']);
    await refused(repB, 'shipments.forOrder', { orderId: mine.id }, 'NOT_FOUND');
  });
});

describe('delivery posts the sale (O-LEDGER)', () => {
  it('posts the shipment’s amount dated the delivery day; the last delivery marks the order delivered', async () => {
    const { assistant, finance, customer, repA } = await setup();
    const order = insertOrder(customer.id, repA.id, [{ quantityMilli: 10_000, unitPriceFen: 850_000 }]);
    const a = await ship(assistant, order.id, 'CK-A', [{ orderLineId: order.lineIds[0]!, quantityMilli: 4_000 }], '2026-01-20');
    const b = await ship(assistant, order.id, 'CK-B', [{ orderLineId: order.lineIds[0]!, quantityMilli: 6_000 }], '2026-02-01');
    expect(orderRow(order.id).status).toBe('shipped');

    const delivered = await assistant.call('shipments.deliver', { id: a.id, deliveredAt: '2026-01-22' });
    expect(delivered.deliveredAt).toBe('2026-01-22');
    expect(delivered.saleEntryId).not.toBeNull();
    expect(orderRow(order.id).status).toBe('shipped');
    const entries = await finance.call('ledger.entries', { customerId: customer.id, startRow: 0, endRow: 10 });
    expect(entries.rows).toHaveLength(1);
    expect(entries.rows[0]).toMatchObject({ kind: 'sale', amountFen: 3_400_000, entryDate: '2026-01-22', orderNo: order.orderNo, shipmentNo: 'CK-A', reference: 'CK-A', repId: repA.id });
    expect(entries.balanceFen).toBe(3_400_000);

    await refused(assistant, 'shipments.deliver', { id: a.id, deliveredAt: '2026-01-23' }, 'CONFLICT');
    await refused(assistant, 'shipments.deliver', { id: b.id, deliveredAt: '2026-01-31' }, 'VALIDATION', 'deliveredAt');
    await refused(assistant, 'shipments.deliver', { id: b.id, deliveredAt: '2026-02-21' }, 'VALIDATION', 'deliveredAt');

    await assistant.call('shipments.deliver', { id: b.id, deliveredAt: '2026-02-03' });
    expect(orderRow(order.id).status).toBe('delivered');
    expect(transitions(order.id)).toEqual([
      { from: 'inspected', to: 'shipped' },
      { from: 'shipped', to: 'delivered' },
    ]);
    expect(await balanceOf(finance, customer.id)).toBe(8_500_000);
    expect(auditActions('shipments', b.id)).toEqual(['shipments.create', 'shipments.deliver']);
    expect(auditActions('orders', order.id)).toEqual(['orders.transition', 'orders.transition']);
    const sale = (await finance.call('ledger.entries', { customerId: customer.id, startRow: 0, endRow: 10 })).rows[1]!;
    expect(auditActions('ledger_entries', sale.id)).toEqual(['ledger.postSale']);
  });
});

describe('receipts, deposits and allocations', () => {
  async function withSale(amountPerTon = 1_000_000, tons = 10) {
    const team = await setup();
    const order = insertOrder(team.customer.id, team.repA.id, [{ quantityMilli: tons * 1000, unitPriceFen: amountPerTon }]);
    const shipment = await ship(team.assistant, order.id, 'S-1', [{ orderLineId: order.lineIds[0]!, quantityMilli: tons * 1000 }], '2026-01-10');
    await team.assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: '2026-01-12' });
    return { ...team, order };
  }

  it('a receipt above the open balance is refused unless marked a prepayment; a deposit needs no mark', async () => {
    const { finance, customer } = await withSale();
    const error = await refused(finance, 'ledger.postReceipt', { customerId: customer.id, date: '2026-02-10', amountFen: 10_000_001 }, 'VALIDATION', 'amountFen');
    expect(error.message).toContain('预收款');
    const paid = await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-10', amountFen: 10_000_000, reference: '工行回单 0012' });
    expect(paid.entry).toMatchObject({ kind: 'receipt', amountFen: -10_000_000, reference: '工行回单 0012', customerNo: 'C001' });
    expect(paid.balanceFen).toBe(0);
    // nothing open now: any receipt is a prepayment, and says so
    await refused(finance, 'ledger.postReceipt', { customerId: customer.id, date: '2026-02-11', amountFen: 1 }, 'VALIDATION', 'amountFen');
    const ahead = await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-11', amountFen: 500_000, prepayment: true });
    expect(ahead.entry.note).toContain('预收款');
    const deposit = await finance.call('ledger.postDeposit', { customerId: customer.id, date: '2026-02-12', amountFen: 200_000 });
    expect(deposit.entry.kind).toBe('deposit');
    expect(deposit.balanceFen).toBe(-700_000);
    // dates: not in the future; amounts: positive
    await refused(finance, 'ledger.postDeposit', { customerId: customer.id, date: '2026-02-21', amountFen: 1 }, 'VALIDATION', 'date');
    await refused(finance, 'ledger.postDeposit', { customerId: customer.id, date: '2026-02-12', amountFen: 0 }, 'VALIDATION', 'amountFen');
    expect(auditActions('ledger_entries', paid.entry.id)).toEqual(['ledger.postReceipt']);
    expect(auditActions('ledger_entries', deposit.entry.id)).toEqual(['ledger.postDeposit']);
  });

  it('allocations: at most each order’s unpaid amount and together at most the receipt; the collection cycle follows', async () => {
    const { finance, customer, other, order, repB } = await withSale();
    const strange = insertOrder(other.id, repB.id, [{ quantityMilli: 1_000, unitPriceFen: 1_000 }]);
    const base = { customerId: customer.id, date: '2026-02-11' };
    await refused(finance, 'ledger.postReceipt', { ...base, amountFen: 1_000, allocations: [{ orderId: order.id, amountFen: 1_001 }] }, 'VALIDATION', 'allocations');
    await refused(finance, 'ledger.postReceipt', { ...base, amountFen: 9_000_000, allocations: [{ orderId: strange.id, amountFen: 1_000 }] }, 'VALIDATION', 'allocations.0.orderId');
    await refused(
      finance,
      'ledger.postReceipt',
      { ...base, amountFen: 9_000_000, allocations: [{ orderId: order.id, amountFen: 1_000 }, { orderId: order.id, amountFen: 1_000 }] },
      'VALIDATION',
      'allocations.1.orderId',
    );
    const first = await finance.call('ledger.postReceipt', { ...base, amountFen: 6_000_000, allocations: [{ orderId: order.id, amountFen: 6_000_000 }] });
    expect(first.allocations).toEqual([{ orderId: order.id, orderNo: order.orderNo, amountFen: 6_000_000 }]);
    expect(auditActions('receipt_allocations', first.entry.id)).toEqual(['ledger.allocate']);
    const error = await refused(
      finance,
      'ledger.postReceipt',
      { ...base, amountFen: 4_000_001, prepayment: true, allocations: [{ orderId: order.id, amountFen: 4_000_001 }] },
      'VALIDATION',
      'allocations.0.amountFen',
    );
    expect(error.message).toContain('¥40,000.00');

    // 6,000,000 paid 30 days after delivery (01-12 → 02-11), 4,000,000 paid 39 days after: 33.6 days weighted
    clock = at('2026-02-25');
    await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-20', amountFen: 4_000_000, allocations: [{ orderId: order.id, amountFen: 4_000_000 }] });
    const balances = await finance.call('ledger.balances', {});
    expect(balances.rows.find((r) => r.customerId === customer.id)).toMatchObject({ balanceFen: 0, collectionDays: 33.6, lastEntryDate: '2026-02-20', ownerName: '张伟' });
  });
});

describe('reversals (corrections are new entries)', () => {
  it('reverses an entry once; a reversal is never reversed; the reversed receipt’s allocations stop counting', async () => {
    const { assistant, finance, customer, repA } = await setup();
    const order = insertOrder(customer.id, repA.id, [{ quantityMilli: 1_000, unitPriceFen: 500_000 }]);
    const shipment = await ship(assistant, order.id, 'R-1', [{ orderLineId: order.lineIds[0]!, quantityMilli: 1_000 }], '2026-02-02');
    await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: '2026-02-03' });
    const receipt = await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-05', amountFen: 500_000, allocations: [{ orderId: order.id, amountFen: 500_000 }] });
    expect(receipt.balanceFen).toBe(0);

    const reversal = await finance.call('ledger.reverse', { entryId: receipt.entry.id, reason: '银行退票' });
    expect(reversal.entry).toMatchObject({ kind: 'reversal', amountFen: 500_000, reversesId: receipt.entry.id, entryDate: '2026-02-20' });
    expect(reversal.entry.note).toContain('银行退票');
    expect(reversal.balanceFen).toBe(500_000);
    expect(auditActions('ledger_entries', reversal.entry.id)).toEqual(['ledger.reverse']);

    const twice = await refused(finance, 'ledger.reverse', { entryId: receipt.entry.id, reason: '再冲一次' }, 'CONFLICT');
    expect(twice.message).toContain('已被冲销');
    expect(twice.message).toContain(`#${reversal.entry.id}`);
    await refused(finance, 'ledger.reverse', { entryId: reversal.entry.id, reason: '冲销冲销' }, 'CONFLICT', 'entryId');
    await refused(finance, 'ledger.reverse', { entryId: 99_999, reason: '不存在' }, 'NOT_FOUND');
    await refused(finance, 'ledger.reverse', { entryId: receipt.entry.id + 0, reason: '' }, 'VALIDATION', 'reason');

    // the money can be allocated to the order again: the reversed receipt no longer counts
    const again = await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-18', amountFen: 500_000, allocations: [{ orderId: order.id, amountFen: 500_000 }] });
    expect(again.balanceFen).toBe(0);
    const entries = await finance.call('ledger.entries', { customerId: customer.id, startRow: 0, endRow: 10 });
    expect(entries.rows.map((r) => [r.kind, r.amountFen, r.runningBalanceFen])).toEqual([
      ['sale', 500_000, 500_000],
      ['receipt', -500_000, 0],
      ['receipt', -500_000, -500_000],
      ['reversal', 500_000, 0],
    ]);
    expect(entries.rows.find((r) => r.id === receipt.entry.id)!.reversedById).toBe(reversal.entry.id);
    // a page in the middle keeps the running balance of everything before it
    const page = await finance.call('ledger.entries', { customerId: customer.id, from: '2026-02-06', startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => r.runningBalanceFen)).toEqual([-500_000, 0]);
    expect(page.total).toBe(2);
  });

  it('a reversal dated before its entry is refused', async () => {
    const { finance, customer } = await setup();
    const deposit = await finance.call('ledger.postDeposit', { customerId: customer.id, date: '2026-02-10', amountFen: 1_000 });
    await refused(finance, 'ledger.reverse', { entryId: deposit.entry.id, reason: '录错', date: '2026-02-09' }, 'VALIDATION', 'date');
  });
});

describe('the ledger is append-only (migration 0005)', () => {
  it('refuses UPDATE and DELETE of entries even through raw SQL', async () => {
    const { finance, customer } = await setup();
    const deposit = await finance.call('ledger.postDeposit', { customerId: customer.id, date: '2026-02-10', amountFen: 1_000 });
    const sqlite = t.core.database.sqlite;
    const before = t.snapshot();
    expect(() => sqlite.prepare('UPDATE ledger_entries SET amount_fen = 0 WHERE id = ?').run(deposit.entry.id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM ledger_entries WHERE id = ?').run(deposit.entry.id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect(t.snapshot()).toBe(before);
    // and there is no channel that deletes or edits an entry
    expect((await finance.fail('ledger.delete', { id: deposit.entry.id })).code).toBe('UNKNOWN_CHANNEL');
  });
});

describe('bad debt (S-BADDEBT): the superior approves, then finance posts', () => {
  async function owing(fen: number) {
    const team = await setup();
    const order = insertOrder(team.customer.id, team.repA.id, [{ quantityMilli: 1_000, unitPriceFen: fen }]);
    const shipment = await ship(team.assistant, order.id, 'BD-1', [{ orderLineId: order.lineIds[0]!, quantityMilli: 1_000 }], '2026-01-05');
    await team.assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: '2026-01-06' });
    return team;
  }
  const writeOffs = () =>
    t.core.database.sqlite.prepare("SELECT * FROM ledger_entries WHERE kind = 'bad_debt'").all() as { id: number; amount_fen: number; entry_date: string; reference: string; note: string; created_by: number }[];

  it('from the rep’s request through both approvals: finance’s approval posts the write-off, once', async () => {
    const { finance, supervisor, customer, repA } = await owing(800_000);
    await refused(repA, 'ledger.requestBadDebt', { customerId: customer.id, amountFen: 800_001 }, 'VALIDATION', 'amountFen');
    await refused(repA, 'ledger.requestBadDebt', { customerId: customer.id, amountFen: 0 }, 'VALIDATION', 'amountFen');
    const request = await repA.call('ledger.requestBadDebt', { customerId: customer.id, amountFen: 300_000, note: '客户破产清算' });
    expect(request).toMatchObject({ kind: 'bad_debt', status: 'pending', fields: { amount: 300_000, customerNo: 'C001' } });
    expect(request.steps.map((s) => [s.role, s.approverName])).toEqual([
      ['supervisor', '孙主管'],
      ['finance', null],
    ]);
    const step1 = await supervisor.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    expect(writeOffs()).toEqual([]);
    expect(await balanceOf(finance, customer.id)).toBe(800_000);

    const approved = await finance.call('requests.decide', { id: step1.id, version: step1.version, decision: 'approve', comment: '核销' });
    expect(approved.status).toBe('approved');
    const [entry, ...more] = writeOffs();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ amount_fen: -300_000, entry_date: '2026-02-20', reference: `坏账申请#${request.id}`, note: '客户破产清算', created_by: finance.id });
    expect(await balanceOf(finance, customer.id)).toBe(500_000);
    expect(auditActions('ledger_entries', entry!.id)).toEqual(['ledger.postBadDebt']);

    // the statement counts the write-off among the month's credits, and its line says so
    const statement = (await finance.call('statements.month', { month: '2026-02', customerId: customer.id })).statements[0]!;
    expect(statement).toMatchObject({ previousBalanceFen: 800_000, salesFen: 0, receiptsFen: 300_000, balanceFen: 500_000 });
    expect(statement.lines.map((l) => [l.kindLabel, l.column])).toEqual([['坏账核销', 'receipts']]);
  });

  it('a rejected request posts nothing; an approval that can no longer be posted is refused whole', async () => {
    const { finance, supervisor, customer, repA } = await owing(800_000);
    const rejected = await repA.call('ledger.requestBadDebt', { customerId: customer.id, amountFen: 100_000 });
    await supervisor.call('requests.decide', { id: rejected.id, version: rejected.version, decision: 'reject', comment: '再催收' });
    const request = await repA.call('ledger.requestBadDebt', { customerId: customer.id, amountFen: 800_000 });
    const step1 = await supervisor.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    // the customer pays part while the request waits: the full write-off no longer fits
    await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-19', amountFen: 100_000 });
    const error = await refused(finance, 'requests.decide', { id: step1.id, version: step1.version, decision: 'approve', comment: '' }, 'CONFLICT');
    expect(error.message).toContain('请驳回');
    expect((await finance.call('requests.get', { id: request.id })).status).toBe('pending');
    await finance.call('requests.decide', { id: step1.id, version: step1.version, decision: 'reject', comment: '已部分回款' });
    expect(writeOffs()).toEqual([]);
  });
});

describe('statements (O-STATEMENT)', () => {
  it('previous balance, sales, receipts, balance and lines; reversals count in their entry’s column; months chain', async () => {
    const { assistant, finance, customer, other, repA, repB } = await setup('2026-03-20');
    const order = insertOrder(customer.id, repA.id, [{ quantityMilli: 2_000, unitPriceFen: 1_000_000 }]);
    const s1 = await ship(assistant, order.id, 'J-1', [{ orderLineId: order.lineIds[0]!, quantityMilli: 1_000 }], '2026-01-10');
    const s2 = await ship(assistant, order.id, 'J-2', [{ orderLineId: order.lineIds[0]!, quantityMilli: 1_000 }], '2026-01-10');
    await assistant.call('shipments.deliver', { id: s1.id, deliveredAt: '2026-01-11' });
    await assistant.call('shipments.deliver', { id: s2.id, deliveredAt: '2026-02-02' });
    const receipt = await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-15', amountFen: 700_000, reference: 'HK-1' });
    const january = (await finance.call('ledger.entries', { customerId: customer.id, startRow: 0, endRow: 1 })).rows[0]!;
    // in March: the January sale is reversed (a return), and the February receipt (a bounced transfer)
    await finance.call('ledger.reverse', { entryId: january.id, reason: '退货' });
    await finance.call('ledger.reverse', { entryId: receipt.entry.id, reason: '退票' });
    const otherOrder = insertOrder(other.id, repB.id, [{ quantityMilli: 1_000, unitPriceFen: 50_000 }]);
    const s3 = await ship(assistant, otherOrder.id, 'K-1', [{ orderLineId: otherOrder.lineIds[0]!, quantityMilli: 1_000 }], '2026-02-01');
    await assistant.call('shipments.deliver', { id: s3.id, deliveredAt: '2026-02-01' });

    const month = async (m: string) => (await finance.call('statements.month', { month: m })).statements;
    const jan = await month('2026-01');
    const feb = await month('2026-02');
    const mar = await month('2026-03');
    expect(jan.map((s) => s.customerNo)).toEqual(['C001']);
    expect(feb.map((s) => s.customerNo)).toEqual(['C001', 'C002']);
    expect(mar.map((s) => s.customerNo)).toEqual(['C001', 'C002']); // C002 carries a balance without entries
    const c1 = (list: typeof jan) => list.find((s) => s.customerNo === 'C001')!;
    expect(c1(jan)).toMatchObject({ previousBalanceFen: 0, salesFen: 1_000_000, receiptsFen: 0, balanceFen: 1_000_000 });
    expect(c1(feb)).toMatchObject({ previousBalanceFen: 1_000_000, salesFen: 1_000_000, receiptsFen: 700_000, balanceFen: 1_300_000 });
    expect(c1(mar)).toMatchObject({ previousBalanceFen: 1_300_000, salesFen: -1_000_000, receiptsFen: -700_000, balanceFen: 1_000_000 });
    expect(c1(mar).lines.map((l) => [l.kind, l.column, l.amountFen, l.balanceFen])).toEqual([
      ['reversal', 'sales', -1_000_000, 300_000],
      ['reversal', 'receipts', 700_000, 1_000_000],
    ]);
    expect(c1(feb).lines.map((l) => [l.date, l.kindLabel, l.reference, l.orderNo])).toEqual([
      ['2026-02-02', '销售', 'J-2', order.orderNo],
      ['2026-02-15', '回款', 'HK-1', null],
    ]);
    // continuity, and the last balance is the ledger's balance
    for (const [a, b] of [
      [jan, feb],
      [feb, mar],
    ] as const) {
      for (const s of b) expect(s.previousBalanceFen).toBe(a.find((x) => x.customerId === s.customerId)?.balanceFen ?? 0);
    }
    expect(c1(mar).balanceFen).toBe(await balanceOf(finance, customer.id));

    // O-STATEMENT: February's statements are issued on 03-05; March's are still a preview
    const feb2 = await finance.call('statements.month', { month: '2026-02' });
    expect(feb2).toMatchObject({ issueDate: '2026-03-05', provisional: false, locked: false });
    expect(await finance.call('statements.month', { month: '2026-03' })).toMatchObject({ issueDate: '2026-04-05', provisional: true });
    // one customer, even with nothing in the month; a rep sees his own customers only
    expect((await finance.call('statements.month', { month: '2025-12', customerId: customer.id })).statements).toEqual([
      expect.objectContaining({ customerNo: 'C001', previousBalanceFen: 0, salesFen: 0, receiptsFen: 0, balanceFen: 0, lines: [] }),
    ]);
    expect((await repB.call('statements.month', { month: '2026-02' })).statements.map((s) => s.customerNo)).toEqual(['C002']);
    await refused(repB, 'statements.month', { month: '2026-02', customerId: customer.id }, 'NOT_FOUND');
    await refused(finance, 'statements.month', { month: '2026-13' }, 'VALIDATION', 'month');
  });
});

describe('month end (O-RECON): publish from day 5, dispute on the day, then lock', () => {
  it('publishes, takes the rep’s dispute that day only, locks after it, and then refuses entries dated in the month', async () => {
    const { assistant, finance, customer, repA, repB } = await setup('2026-02-04');
    const order = insertOrder(customer.id, repA.id, [{ quantityMilli: 3_000, unitPriceFen: 100_000 }]);
    const s1 = await ship(assistant, order.id, 'M-1', [{ orderLineId: order.lineIds[0]!, quantityMilli: 2_000 }], '2026-01-20');
    const s2 = await ship(assistant, order.id, 'M-2', [{ orderLineId: order.lineIds[0]!, quantityMilli: 1_000 }], '2026-01-20');
    await assistant.call('shipments.deliver', { id: s1.id, deliveredAt: '2026-01-21' });
    await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-01-25', amountFen: 150_000 });

    const early = await refused(finance, 'recon.publish', { month: '2026-01' }, 'POLICY_DENIED', 'month');
    expect(early.message).toContain('2026-02-05');
    expect(early.message).toContain('O-RECON');

    clock = at('2026-02-05');
    const published = await finance.call('recon.publish', { month: '2026-01' });
    const rowOf = (rows: typeof published, id: number) => rows.find((r) => r.repId === id)!;
    expect(rowOf(published, repA.id).figures).toEqual({ salesFen: 200_000, collectionsFen: 150_000, writeOffsFen: 0, quantities: [{ unit: '吨', quantityMilli: 2_000 }] });
    expect(rowOf(published, repB.id).figures).toEqual({ salesFen: 0, collectionsFen: 0, writeOffsFen: 0, quantities: [] });
    expect(auditActions('reconciliations', '2026-01')).toEqual(['recon.publish']);
    // a rep sees his own row; the lock must wait for the dispute day to pass
    expect((await repA.call('recon.month', { month: '2026-01' })).rows.map((r) => r.repId)).toEqual([repA.id]);
    await refused(finance, 'recon.lock', { month: '2026-01' }, 'POLICY_DENIED', 'month');
    const disputed = await repA.call('recon.dispute', { month: '2026-01', note: 'M-2 也在一月交货' });
    expect(disputed.disputeNote).toBe('M-2 也在一月交货');
    await refused(t.team.finance, 'recon.dispute', { month: '2026-01', note: 'x' }, 'FORBIDDEN');

    // finance corrects (the second delivery was in January), so the lock refuses the stale figures
    await assistant.call('shipments.deliver', { id: s2.id, deliveredAt: '2026-01-22' });
    clock = at('2026-02-06');
    await refused(repA, 'recon.dispute', { month: '2026-01', note: '还有异议' }, 'POLICY_DENIED', 'month');
    await refused(finance, 'recon.lock', { month: '2026-01' }, 'CONFLICT');
    const again = await finance.call('recon.publish', { month: '2026-01' });
    expect(rowOf(again, repA.id).figures.salesFen).toBe(300_000);
    expect(rowOf(again, repA.id).disputedAt).not.toBeNull(); // the dispute stays on record
    clock = at('2026-02-07');
    const locked = await finance.call('recon.lock', { month: '2026-01' });
    expect(locked.every((r) => r.lockedAt !== null)).toBe(true);
    await refused(finance, 'recon.lock', { month: '2026-01' }, 'CONFLICT');
    await refused(finance, 'recon.publish', { month: '2026-01' }, 'CONFLICT');
    await refused(repA, 'recon.dispute', { month: '2026-01', note: '晚了' }, 'CONFLICT');
    expect((await finance.call('statements.month', { month: '2026-01' })).locked).toBe(true);

    // locked: no new entry may be dated in January, whatever posts it
    const error = await refused(finance, 'ledger.postReceipt', { customerId: customer.id, date: '2026-01-31', amountFen: 1_000 }, 'VALIDATION', 'date');
    expect(error.message).toContain('入账日期');
    const receipt = (await finance.call('ledger.entries', { customerId: customer.id, startRow: 0, endRow: 10 })).rows.find((r) => r.kind === 'receipt')!;
    await refused(finance, 'ledger.reverse', { entryId: receipt.id, reason: '改期', date: '2026-01-31' }, 'VALIDATION', 'date');
    const s3order = insertOrder(customer.id, repA.id, [{ quantityMilli: 1_000, unitPriceFen: 1_000 }]);
    const s3 = await ship(assistant, s3order.id, 'M-3', [{ orderLineId: s3order.lineIds[0]!, quantityMilli: 1_000 }], '2026-01-30');
    await refused(assistant, 'shipments.deliver', { id: s3.id, deliveredAt: '2026-01-31' }, 'VALIDATION', 'deliveredAt');
    // February stays open; the correction of a January entry is dated in it
    await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-01', amountFen: 1_000 });
    await finance.call('ledger.reverse', { entryId: receipt.id, reason: '退票' });
  });
});

describe('who may do what (DOMAIN §1)', () => {
  it('finance posts, assistants ship, reps read their own customers', async () => {
    const { assistant, finance, repA, repB, admin, customer, other } = await setupWithAdmin();
    const base = { customerId: customer.id, date: '2026-02-10', amountFen: 1_000, prepayment: true };
    for (const caller of [repA, assistant, admin]) await refused(caller, 'ledger.postReceipt', base, 'FORBIDDEN');
    for (const caller of [repA, finance]) {
      await refused(caller, 'shipments.create', { orderId: 1, shipmentNo: 'X', shipDate: '2026-02-01', lines: [{ orderLineId: 1, quantityMilli: 1 }] }, 'FORBIDDEN');
    }
    await finance.call('ledger.postReceipt', base);
    await finance.call('ledger.postReceipt', { ...base, customerId: other.id });
    expect((await repA.call('ledger.balances', {})).rows.map((r) => r.customerNo)).toEqual(['C001']);
    expect((await finance.call('ledger.balances', {})).rows.map((r) => r.customerNo)).toEqual(['C001', 'C002']);
    await refused(repB, 'ledger.entries', { customerId: customer.id }, 'NOT_FOUND');
    await refused(repB, 'ledger.requestBadDebt', { customerId: customer.id, amountFen: 1 }, 'NOT_FOUND');
    expect((await repA.call('ledger.entries', { customerId: customer.id })).rows).toHaveLength(1);
  });

  async function setupWithAdmin() {
    const team = await setup();
    return { ...team, admin: t.admin };
  }
});
