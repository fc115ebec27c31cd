// Orders (DOMAIN §5) through the dispatcher: drafts with exact amounts, O-FIELDS before confirmation,
// Q-PRICE and S-CREDIT judged by the engine — an order beyond authority or credit is held by one
// request in the right inbox and confirmed by its approval —, the O-STATUS line with every
// transition kept, amendments of confirmed lines with a reason, reps' visibility, O-DELAY flags and
// the customer's notification, O-SURVEY, the tracking grid, audit rows, and nothing written on errors.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ChannelInput } from '../../shared/api';
import type { OrderDetail } from '../../shared/orders';
import type { PolicyRequest } from '../../shared/requests';
import { markDelivered, markShipped } from '../../electron/core/orders/service';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const TODAY = '2026-11-23'; // a Monday
/** Noon in Shanghai: the local date is the same in UTC and +08:00. */
const setDay = (day: string) => {
  clock = new Date(`${day}T04:00:00.000Z`);
};

interface World {
  team: TeamCore['team'];
  /** 聚乙烯: ¥10,000.00 a ton from 2026-01-01, ¥11,000.00 from 2026-11-01 (cost ¥8,000 / ¥8,500). */
  pe: number;
  /** 包装袋: ¥3.33 a piece, no history change. */
  bag: number;
  /** 李娜's (repB) customer: core grade, credit ¥1,000,000.00, 30 days. */
  c1: number;
  /** 张伟's (repA) customer, same credit. */
  c2: number;
}

async function setup(): Promise<World> {
  setDay(TODAY);
  t = await teamCore(template, { now: () => clock });
  const { manager, repA, repB } = t.team;
  const pe = await t.admin.call('products.create', {
    product: { code: 'PE-100', name: '聚乙烯', spec: '注塑级', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
    effectiveFrom: '2026-01-01',
  });
  await t.admin.call('products.setPrice', { productId: pe.product.id, effectiveFrom: '2026-11-01', standardPriceFen: 1_100_000, costPriceFen: 850_000 });
  const bag = await t.admin.call('products.create', {
    product: { code: 'BAG-1', name: '包装袋', unit: '件', standardPriceFen: 333, costPriceFen: 200 },
    effectiveFrom: '2026-01-01',
  });
  const credit = async (caller: Caller, no: string) => {
    const { customer } = await createCustomer(caller, no);
    await manager.call('customers.update', { id: customer.id, version: customer.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
    return customer.id;
  };
  return { team: t.team, pe: pe.product.id, bag: bag.product.id, c1: await credit(repB, 'C001'), c2: await credit(repA, 'C002') };
}

type CreateInput = ChannelInput<'orders.create'>;

/** Every O-FIELD filled in: one line of 2.5 tons of PE at the standard price. */
function complete(w: World, extra: Partial<CreateInput> = {}): CreateInput {
  return {
    customerId: w.c1,
    requiredSchedule: '两周内交货',
    deliveryDate: '2026-12-07',
    deliveryPlace: '苏州工业园区星湖街 88 号',
    packaging: '25kg 编织袋',
    shippingMethod: '汽运',
    lines: [{ productId: w.pe, quantityMilli: 2_500 }],
    ...extra,
  };
}

const create = (caller: Caller, input: CreateInput) => caller.call('orders.create', input);
const confirm = (caller: Caller, d: OrderDetail, note = '') => caller.call('orders.confirm', { id: d.order.id, version: d.order.version, note });
const get = (caller: Caller, id: number) => caller.call('orders.get', { id });
const move = (caller: Caller, d: OrderDetail, toStatus: ChannelInput<'orders.transition'>['toStatus'], extra: Partial<ChannelInput<'orders.transition'>> = {}) =>
  caller.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...extra });

async function decide(caller: Caller, requestId: number, decision: 'approve' | 'reject', comment = ''): Promise<PolicyRequest> {
  const request = await caller.call('requests.get', { id: requestId });
  return caller.call('requests.decide', { id: requestId, version: request.version, decision, comment });
}

const inboxIds = async (caller: Caller) => (await caller.call('requests.inbox', {})).map((r) => r.id);

async function auditOf(orderId: number): Promise<AuditEntry[]> {
  const page = await t.admin.call('audit.list', { startRow: 0, endRow: 500, entity: 'orders', entityId: String(orderId) });
  return page.rows.sort((a, b) => a.id - b.id);
}

/** Posts a ledger entry directly (the ledger service is another module's). */
function ledger(customerId: number, entryDate: string, kind: 'sale' | 'deposit' | 'receipt', amountFen: number): void {
  t.core.database.sqlite
    .prepare('INSERT INTO ledger_entries (customer_id, entry_date, kind, amount_fen, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(customerId, entryDate, kind, amountFen, t.ids.admin, clock.toISOString());
}

/** The shipping register's two steps, as it calls them inside its own transaction. */
const ship = (orderId: number, by: number) => t.core.database.db.transaction((tx) => markShipped(tx, { id: by }, orderId, clock, '全部发货'));
const deliver = (orderId: number, by: number) => t.core.database.db.transaction((tx) => markDelivered(tx, { id: by }, orderId, clock, '全部交货'));

/** A confirmed order moved along O-STATUS up to `until` (inspected at most; the register ships). */
async function confirmedOrder(w: World, caller: Caller, extra: Partial<CreateInput> = {}): Promise<OrderDetail> {
  const draft = await create(caller, complete(w, extra));
  const confirmed = await confirm(caller, draft);
  expect(confirmed.order.status).toBe('confirmed');
  return confirmed;
}

async function inspectedOrder(w: World, caller: Caller): Promise<OrderDetail> {
  let d = await confirmedOrder(w, caller);
  d = await move(caller, d, 'production_requested');
  d = await move(caller, d, 'in_production');
  return move(caller, d, 'inspected', { inspectionResults: '熔指 2.1，合格' });
}

describe('entering and confirming an order', () => {
  it('a draft: standard price of the order date, exact amounts, a generated number; confirmed at once within authority and credit', async () => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 2_500 }, { productId: w.bag, quantityMilli: 1_500, spec: '50×80cm' }] }));
    expect(draft.order).toMatchObject({
      orderNo: 'SO20261123-001',
      customerNo: 'C001',
      repId: repB.id,
      repName: '李娜',
      orderDate: TODAY,
      status: 'draft',
      approvalState: 'none',
      policyRequestId: null,
      // 2.5 t × ¥11,000.00 + 1.5 × ¥3.33 = ¥27,500.00 + ¥5.00 (4.995 rounds half up)
      totalFen: 2_750_000 + 500,
      lineCount: 2,
      delayRisk: false,
      overdue: false,
      deliveryState: 'none',
      version: 0,
    });
    expect(draft.lines).toEqual([
      expect.objectContaining({ lineNo: 1, productCode: 'PE-100', productName: '聚乙烯', spec: '注塑级', unit: '吨', quantityMilli: 2_500, unitPriceFen: 1_100_000, standardPriceFen: 1_100_000, costPriceFen: 850_000, amountFen: 2_750_000, discountPct: 0 }),
      expect.objectContaining({ lineNo: 2, productCode: 'BAG-1', spec: '50×80cm', unit: '件', unitPriceFen: 333, amountFen: 500 }),
    ]);
    expect(draft.transitions).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'draft', byName: '李娜' })]);
    expect(draft.approval).toBeNull();

    const confirmed = await confirm(repB, draft, '客户电话确认');
    expect(confirmed.order).toMatchObject({ status: 'confirmed', approvalState: 'none', policyRequestId: null, version: 1, deliveryState: 'undelivered' });
    expect(confirmed.transitions.map((s) => [s.fromStatus, s.toStatus, s.byName, s.note])).toEqual([
      [null, 'draft', '李娜', ''],
      ['draft', 'confirmed', '李娜', '客户电话确认'],
    ]);
    expect(t.count('policy_requests')).toBe(0);
    // the next order of the day gets the next number
    expect((await create(repB, complete(w))).order.orderNo).toBe('SO20261123-002');
  });

  it('an older order date takes the price then in force; a typed price and a typed number are kept', async () => {
    const w = await setup();
    const { assistant } = w.team;
    const old = await create(assistant, complete(w, { orderNo: 'FORM-0815', orderDate: '2026-10-15', deliveryDate: '2026-10-30' }));
    expect(old.order.orderNo).toBe('FORM-0815');
    expect(old.lines[0]).toMatchObject({ standardPriceFen: 1_000_000, unitPriceFen: 1_000_000, costPriceFen: 800_000, amountFen: 2_500_000 });
    // 1.234 t × ¥3,333.33 = ¥4,113.329… → ¥4,113.33
    const typed = await create(assistant, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_234, unitPriceFen: 1_200_000 }, { productId: w.bag, quantityMilli: 1_234, unitPriceFen: 333_333 }] }));
    expect(typed.lines.map((l) => l.amountFen)).toEqual([1_480_800, 411_333]);
    expect(typed.order.totalFen).toBe(1_480_800 + 411_333);
    // moving the draft's date re-reads the reference prices, not the quoted ones
    const moved = await assistant.call('orders.update', { id: old.order.id, version: old.order.version, patch: { orderDate: TODAY, deliveryDate: '2026-12-01' } });
    expect(moved.lines[0]).toMatchObject({ standardPriceFen: 1_100_000, unitPriceFen: 1_000_000, costPriceFen: 850_000 });
    expect(moved.lines[0]!.discountPct).toBe(9.1); // 1/11 = 9.0909… % rounded up
    // the number is unique regardless of case
    const before = t.snapshot();
    const error = await assistant.fail('orders.create', complete(w, { orderNo: 'form-0815' }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ field: 'orderNo' })] });
    expect(error.message).toMatch(/^订单号：/);
    expect(t.snapshot()).toBe(before);
  });

  it('O-FIELDS: an empty draft names every missing field in Chinese and stays a draft', async () => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, { customerId: w.c1 });
    const before = t.snapshot();
    const error = await repB.fail('orders.confirm', { id: draft.order.id, version: 0 });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(`订单 ${draft.order.orderNo} 信息不全，不能确认（O-FIELDS）：订单明细、要求进度、交货日期、交货地点、包装、运输方式`);
    expect(error.messageEn).toContain('Delivery date');
    expect(error.issues.map((i) => i.field)).toEqual(['lines', 'requiredSchedule', 'deliveryDate', 'deliveryPlace', 'packaging', 'shippingMethod']);
    expect(error.issues.every((i) => hasChinese(i.message))).toBe(true);
    expect(t.snapshot()).toBe(before);
  });

  const ORDER_FIELDS = [
    ['requiredSchedule', { requiredSchedule: '' }, '要求进度：不能为空'],
    ['deliveryDate', { deliveryDate: null }, '交货日期：不能为空'],
    ['deliveryPlace', { deliveryPlace: '  ' }, '交货地点：不能为空'],
    ['packaging', { packaging: '' }, '包装：不能为空'],
    ['shippingMethod', { shippingMethod: '' }, '运输方式：不能为空'],
    ['lines', { lines: [] }, '订单明细：至少一行'],
  ] as const;
  it.each(ORDER_FIELDS)('O-FIELDS: without %s the order is not confirmed', async (field, over, message) => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w, over as Partial<CreateInput>));
    const before = t.snapshot();
    const error = await repB.fail('orders.confirm', { id: draft.order.id, version: 0 });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ field, message, messageEn: expect.any(String) }]);
    expect(t.snapshot()).toBe(before);
  });

  const LINE_FIELDS = [
    ['lines.0.productName', { productName: '' }, '第 1 行品名：不能为空'],
    ['lines.0.unit', { unit: '' }, '第 1 行单位：不能为空'],
  ] as const;
  it.each(LINE_FIELDS)('O-FIELDS: a line without %s is named with its line number', async (field, over, message) => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000, ...over }] }));
    const error = await repB.fail('orders.confirm', { id: draft.order.id, version: 0 });
    expect(error.issues).toEqual([{ field, message, messageEn: expect.any(String) }]);
  });

  it('O-FIELDS: a line without a price (and so without an amount) is named too', async () => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000 }, { productId: w.pe, quantityMilli: 1_000, unitPriceFen: 0 }] }));
    const error = await repB.fail('orders.confirm', { id: draft.order.id, version: 0 });
    expect(error.issues.map((i) => [i.field, i.message])).toEqual([
      ['lines.1.unitPriceFen', '第 2 行单价：须大于 0'],
      ['lines.1.amountFen', '第 2 行金额：须大于 0'],
    ]);
  });

  it('quantities ≤ 0 are refused wherever lines are entered, and nothing is written', async () => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w));
    const before = t.snapshot();
    for (const quantityMilli of [0, -1_000]) {
      const line = [{ productId: w.pe, quantityMilli }];
      const created = await repB.fail('orders.create', complete(w, { lines: line }));
      expect(created.code).toBe('VALIDATION');
      expect(created.issues[0]).toMatchObject({ field: 'lines.0.quantityMilli', message: '数量：须大于 0' });
      const updated = await repB.fail('orders.update', { id: draft.order.id, version: 0, patch: { lines: line } });
      expect(updated.issues[0]).toMatchObject({ field: 'patch.lines.0.quantityMilli', message: '数量：须大于 0' });
      const amended = await repB.fail('orders.amend', { id: draft.order.id, version: 0, lines: line, reason: '改数量' });
      expect(amended.issues[0]).toMatchObject({ field: 'lines.0.quantityMilli' });
    }
    expect((await repB.fail('orders.create', complete(w, { lines: [{ productId: w.pe, quantityMilli: 1.5 }] }))).code).toBe('VALIDATION');
    // an unknown product, a delivery before the order date
    const unknown = await repB.fail('orders.create', complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000 }, { productId: 999, quantityMilli: 1_000 }] }));
    expect(unknown.issues[0]).toMatchObject({ field: 'lines.1.productId', message: '第 2 行产品：#999 不存在' });
    const early = await repB.fail('orders.create', complete(w, { deliveryDate: '2026-11-20' }));
    expect(early.issues[0]).toMatchObject({ field: 'deliveryDate', message: `交货日期：不能早于订货日期 ${TODAY}` });
    expect(t.snapshot()).toBe(before);
  });
});

describe('Q-PRICE: discounts and who may grant them', () => {
  it('a discount within the role’s authority confirms at once (supervisor 3 %, manager 8 %)', async () => {
    const w = await setup();
    const { supervisor, manager } = w.team;
    // a supervisor may enter orders of his team's customers
    const bySupervisor = await confirmedOrder(w, supervisor, { customerId: w.c2, lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 1_067_000 }] });
    expect(bySupervisor.lines[0]!.discountPct).toBe(3);
    const byManager = await confirmedOrder(w, manager, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 1_012_000 }] });
    expect(byManager.lines[0]!.discountPct).toBe(8);
    expect(t.count('policy_requests')).toBe(0);
  });

  it('beyond authority the order is held, lands in the right inbox, and the approval confirms it', async () => {
    const w = await setup();
    const { repB, supervisor, manager, director } = w.team;
    // 5 % off: beyond a rep (0 %) and a supervisor (3 %): the manager decides
    const draft = await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 2_000, unitPriceFen: 1_045_000 }, { productId: w.bag, quantityMilli: 1_000 }] }));
    const held = await confirm(repB, draft, '老客户让利');
    expect(held.order).toMatchObject({ status: 'draft', approvalState: 'pending', version: 1 });
    expect(held.transitions.map((s) => s.toStatus)).toEqual(['draft']);
    expect(held.approval).toMatchObject({ kind: 'order_confirmation', status: 'pending', applicantName: '李娜', pendingRole: 'manager' });
    expect(held.approval!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['Q-PRICE:approval']);
    expect(held.approval!.findings[0]!.message).toContain('折扣 5%');
    const requestId = held.order.policyRequestId!;
    expect(await inboxIds(manager)).toEqual([requestId]);
    expect(await inboxIds(supervisor)).toEqual([]);
    expect(await inboxIds(director)).toEqual([]);
    const request = await manager.call('requests.get', { id: requestId });
    expect(request.fields).toMatchObject({ orderNo: draft.order.orderNo, customerNo: 'C001', role: 'rep', standardPrice: 1_100_000, unitPrice: 1_045_000, orderAmount: 2_090_000 + 333, appliedOn: TODAY });
    expect(request.note).toBe('老客户让利');

    // while held: no edits, no second confirmation, no cancel
    const before = t.snapshot();
    for (const [channel, input] of [
      ['orders.update', { id: draft.order.id, version: 1, patch: { notes: '改' } }],
      ['orders.confirm', { id: draft.order.id, version: 1 }],
      ['orders.transition', { id: draft.order.id, version: 1, toStatus: 'cancelled', note: '不要了' }],
    ] as const) {
      const error = await repB.fail(channel, input);
      expect(error.code, channel).toBe('CONFLICT');
      expect(error.message).toContain('等待审批');
    }
    expect(t.snapshot()).toBe(before);

    await decide(manager, requestId, 'approve', '同意');
    const confirmed = await get(repB, draft.order.id);
    expect(confirmed.order).toMatchObject({ status: 'confirmed', approvalState: 'approved', policyRequestId: requestId, version: 2 });
    expect(confirmed.approval).toMatchObject({ status: 'approved', pendingRole: null });
    expect(confirmed.transitions.at(-1)).toMatchObject({ fromStatus: 'draft', toStatus: 'confirmed', byUser: manager.id, byName: '王经理' });
    expect(confirmed.transitions.at(-1)!.note).toContain(`申请 #${requestId}`);
    const audit = await auditOf(draft.order.id);
    expect(audit.map((a) => a.action)).toEqual(['orders.create', 'orders.hold', 'orders.approval.approved']);
    expect(audit[2]).toMatchObject({ userId: manager.id, before: { status: 'draft', approvalState: 'pending' }, after: { status: 'confirmed', approvalState: 'approved' } });
  });

  it('2 % off a rep’s order goes to a supervisor (the lowest role able to grant it), not the rep’s manager', async () => {
    const w = await setup();
    const { repB, supervisor, manager } = w.team;
    const held = await confirm(repB, await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 1_078_000 }] })));
    expect(held.approval).toMatchObject({ pendingRole: 'supervisor' });
    expect(await inboxIds(supervisor)).toEqual([held.order.policyRequestId]);
    expect(await inboxIds(manager)).toEqual([]);
    await decide(supervisor, held.order.policyRequestId!, 'approve');
    expect((await get(repB, held.order.id)).order.status).toBe('confirmed');
  });

  it('a rejection keeps the order a draft (rejected); edited within authority it confirms', async () => {
    const w = await setup();
    const { repB, manager } = w.team;
    const held = await confirm(repB, await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 1_045_000 }] })));
    await decide(manager, held.order.policyRequestId!, 'reject', '折扣太大');
    const rejected = await get(repB, held.order.id);
    expect(rejected.order).toMatchObject({ status: 'draft', approvalState: 'rejected' });
    expect(rejected.approval).toMatchObject({ status: 'rejected' });
    expect(rejected.transitions.map((s) => s.toStatus)).toEqual(['draft']);
    expect((await auditOf(held.order.id)).at(-1)).toMatchObject({ action: 'orders.approval.rejected', userId: manager.id });
    // back at the list price: a new proposal, confirmed at once
    const edited = await repB.call('orders.update', { id: held.order.id, version: rejected.order.version, patch: { lines: [{ productId: w.pe, quantityMilli: 1_000 }] } });
    expect(edited.order.approvalState).toBe('none');
    const confirmed = await confirm(repB, edited);
    expect(confirmed.order).toMatchObject({ status: 'confirmed', approvalState: 'none' });
  });

  it('a withdrawn request releases the draft', async () => {
    const w = await setup();
    const { repB } = w.team;
    const held = await confirm(repB, await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 1_045_000 }] })));
    const request = await repB.call('requests.get', { id: held.order.policyRequestId! });
    await repB.call('requests.withdraw', { id: request.id, version: request.version });
    const released = await get(repB, held.order.id);
    expect(released.order).toMatchObject({ status: 'draft', approvalState: 'none' });
    expect(released.approval).toMatchObject({ status: 'withdrawn' });
    // and may now be cancelled
    const cancelled = await move(repB, released, 'cancelled', { note: '客户改单' });
    expect(cancelled.order.status).toBe('cancelled');
  });

  it('the live check prices the lines and shows the findings while typing, writing nothing', async () => {
    const w = await setup();
    const { repB, manager, repA } = w.team;
    const before = t.snapshot();
    const typed = await repB.call('orders.preview', { customerId: w.c1, lines: [{ productId: w.pe, quantityMilli: 1_500, unitPriceFen: 1_045_000 }, { productId: w.bag, quantityMilli: 1_500 }] });
    expect(typed.lines).toEqual([
      { standardPriceFen: 1_100_000, unitPriceFen: 1_045_000, amountFen: 1_567_500, discountPct: 5 },
      { standardPriceFen: 333, unitPriceFen: 333, amountFen: 500, discountPct: 0 },
    ]);
    expect(typed.totalFen).toBe(1_568_000);
    expect(typed.decision).toMatchObject({ decision: 'needs_approval', approvals: ['manager'] });
    expect(typed.decision.findings.map((f) => f.ruleId)).toEqual(['Q-PRICE']);
    // the same lines typed by a manager are within his authority
    expect((await manager.call('orders.preview', { customerId: w.c1, lines: [{ productId: w.pe, quantityMilli: 1_500, unitPriceFen: 1_045_000 }] })).decision.decision).toBe('allow');
    // an older order date: that day's reference price
    expect((await repB.call('orders.preview', { customerId: w.c1, orderDate: '2026-10-15', lines: [{ productId: w.pe, quantityMilli: 1_000 }] })).lines[0]!.standardPriceFen).toBe(1_000_000);
    expect((await repA.fail('orders.preview', { customerId: w.c1, lines: [] })).issues[0]).toMatchObject({ field: 'customerId' });
    expect(t.snapshot()).toBe(before);
  });

  it('people cannot file an order confirmation by hand: only orders.confirm does', async () => {
    const w = await setup();
    const { repB } = w.team;
    const before = t.snapshot();
    const error = await repB.fail('requests.submit', {
      request: { kind: 'order_confirmation', orderNo: 'X', role: 'rep', standardPrice: 1, unitPrice: 1, orderAmount: 1, openBalance: 0, creditLimit: 0, creditDays: 0 },
    });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ field: 'kind' })] });
    expect(t.snapshot()).toBe(before);
    void w;
  });
});

describe('S-CREDIT: the customer’s credit', () => {
  it('up to the limit confirms; one fen over holds the order for a manager', async () => {
    const w = await setup();
    const { repB, manager } = w.team;
    // open balance ¥975,000.00 of a ¥1,000,000.00 limit: ¥25,000.00 of room
    ledger(w.c1, '2026-11-10', 'sale', 97_500_000);
    const atLimit = await confirmedOrder(w, repB, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 2_500_000 }] });
    expect(atLimit.order.approvalState).toBe('none');
    const over = await confirm(repB, await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 2_500_001 }] })));
    expect(over.order).toMatchObject({ status: 'draft', approvalState: 'pending' });
    expect(over.approval!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['S-CREDIT:approval']);
    expect(over.approval!.findings[0]!.data).toMatchObject({ overLimitFen: 1 });
    expect(over.approval!.pendingRole).toBe('manager');
    expect(await inboxIds(manager)).toEqual([over.order.policyRequestId]);
    const request = await manager.call('requests.get', { id: over.order.policyRequestId! });
    expect(request.fields).toMatchObject({ orderAmount: 2_500_001, openBalance: 97_500_000, creditLimit: 100_000_000, creditDays: 30, grade: 'core' });
    await decide(manager, request.id, 'approve');
    expect((await get(repB, over.order.id)).order.status).toBe('confirmed');
  });

  it('an unpaid sale older than the credit days holds the order (receipts settle the oldest sales first)', async () => {
    const w = await setup();
    const { repB } = w.team;
    ledger(w.c1, '2026-10-01', 'sale', 1_000_000); // 53 days old
    ledger(w.c1, '2026-11-20', 'sale', 1_000_000);
    ledger(w.c1, '2026-11-21', 'receipt', -1_000_000); // pays the October sale
    expect((await confirm(repB, await create(repB, complete(w)))).order.status).toBe('confirmed');
    ledger(w.c1, '2026-10-15', 'sale', 500_000); // 39 days old, unpaid
    const held = await confirm(repB, await create(repB, complete(w)));
    expect(held.order.approvalState).toBe('pending');
    expect(held.approval!.findings[0]!.message).toContain('最早一笔未付发票已 39 天，超过账期 30 天');
  });

  it('a prepaid customer without credit confirms within its prepayment; a cash customer without one is held', async () => {
    const w = await setup();
    const { repB } = w.team;
    const { customer: cash } = await createCustomer(repB, 'C003'); // new: cash, no credit (S-DEFAULT)
    const held = await confirm(repB, await create(repB, complete(w, { customerId: cash.id })));
    expect(held.order.approvalState).toBe('pending');
    ledger(cash.id, '2026-11-20', 'deposit', -2_750_000);
    const prepaid = await confirm(repB, await create(repB, complete(w, { customerId: cash.id })));
    expect(prepaid.order).toMatchObject({ status: 'confirmed', approvalState: 'none' });
  });

  it('a discount and an overdraft at once: one request with both findings, one manager step', async () => {
    const w = await setup();
    const { repB, manager } = w.team;
    ledger(w.c1, '2026-11-10', 'sale', 99_000_000);
    const held = await confirm(repB, await create(repB, complete(w, { lines: [{ productId: w.pe, quantityMilli: 1_000, unitPriceFen: 1_045_000 }] })));
    expect(held.approval!.findings.map((f) => f.ruleId)).toEqual(['Q-PRICE', 'S-CREDIT']);
    expect(held.approval!.pendingRole).toBe('manager');
    expect(t.count('policy_requests')).toBe(1);
    await decide(manager, held.order.policyRequestId!, 'approve');
    expect((await get(repB, held.order.id)).order.status).toBe('confirmed');
  });
});

describe('O-STATUS', () => {
  it('moves along the line with every transition kept; inspection needs results; the register ships and delivers', async () => {
    const w = await setup();
    const { repB, assistant, manager } = w.team;
    let d = await confirmedOrder(w, repB);
    d = await move(assistant, d, 'production_requested', { note: '已下生产单' });
    d = await move(assistant, d, 'in_production');
    const before = t.snapshot();
    const noResults = await assistant.fail('orders.transition', { id: d.order.id, version: d.order.version, toStatus: 'inspected' });
    expect(noResults).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ field: 'inspectionResults' })] });
    expect(noResults.message).toBe('测试成绩：改为“已检验”须填写测试成绩');
    expect(t.snapshot()).toBe(before);
    d = await move(assistant, d, 'inspected', { inspectionResults: '熔指 2.1 g/10min，合格' });
    expect(d.order).toMatchObject({ status: 'inspected', inspectionResults: '熔指 2.1 g/10min，合格', inspectedAt: clock.toISOString() });

    // shipped and delivered belong to the shipping register
    const byHand = await assistant.fail('orders.transition', { id: d.order.id, version: d.order.version, toStatus: 'shipped' });
    expect(byHand).toMatchObject({ code: 'VALIDATION', message: '目标状态：发货和交货由发货登记簿登记（O-SHIP）' });
    expect(ship(d.order.id, assistant.id)).toBe(true);
    expect(ship(d.order.id, assistant.id)).toBe(false); // a later partial shipment changes nothing
    expect(deliver(d.order.id, assistant.id)).toBe(true);
    d = await get(repB, d.order.id);
    expect(d.order).toMatchObject({ status: 'delivered', deliveryState: 'delivered' });
    d = await move(manager, d, 'closed', { note: '款已收齐' });
    expect(d.transitions.map((s) => [s.fromStatus, s.toStatus, s.byName, s.note])).toEqual([
      [null, 'draft', '李娜', ''],
      ['draft', 'confirmed', '李娜', ''],
      ['confirmed', 'production_requested', '周内勤', '已下生产单'],
      ['production_requested', 'in_production', '周内勤', ''],
      ['in_production', 'inspected', '周内勤', ''],
      ['inspected', 'shipped', '周内勤', '全部发货'],
      ['shipped', 'delivered', '周内勤', '全部交货'],
      ['delivered', 'closed', '王经理', '款已收齐'],
    ]);
    expect(d.transitions.every((s) => s.at === clock.toISOString())).toBe(true);
    expect((await auditOf(d.order.id)).filter((a) => a.action === 'orders.transition')).toHaveLength(6);
  });

  it('out of order is refused and nothing is written', async () => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w));
    const confirmed = await confirmedOrder(w, repB);
    const before = t.snapshot();
    const skip = await repB.fail('orders.transition', { id: confirmed.order.id, version: confirmed.order.version, toStatus: 'in_production' });
    expect(skip.code).toBe('CONFLICT');
    expect(skip.message).toBe(`订单 ${confirmed.order.orderNo} 当前状态为“已确认”，不能直接改为“生产中”（下一步应为“已下生产单”）`);
    expect((await repB.fail('orders.transition', { id: draft.order.id, version: 0, toStatus: 'production_requested' })).code).toBe('CONFLICT');
    expect((await repB.fail('orders.transition', { id: confirmed.order.id, version: confirmed.order.version, toStatus: 'confirmed' })).code).toBe('VALIDATION');
    expect((await repB.fail('orders.transition', { id: confirmed.order.id, version: confirmed.order.version, toStatus: 'draft' })).code).toBe('VALIDATION');
    const stale = await repB.fail('orders.transition', { id: confirmed.order.id, version: 0, toStatus: 'production_requested' });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('刚被他人修改');
    // the register cannot ship an order that is not inspected
    expect(() => ship(confirmed.order.id, repB.id)).toThrow(/当前状态为“已确认”/);
    expect(t.snapshot()).toBe(before);
  });

  it('cancelled from any state before shipped, with a reason; never after', async () => {
    const w = await setup();
    const { repB, assistant } = w.team;
    const draft = await create(repB, complete(w));
    expect((await move(repB, draft, 'cancelled', { note: '客户取消' })).order.status).toBe('cancelled');
    const inspected = await inspectedOrder(w, assistant);
    const before = t.snapshot();
    const noReason = await assistant.fail('orders.transition', { id: inspected.order.id, version: inspected.order.version, toStatus: 'cancelled' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', message: '说明：取消订单须填写原因' });
    expect(t.snapshot()).toBe(before);
    const cancelled = await move(assistant, inspected, 'cancelled', { note: '客户资金问题' });
    expect(cancelled.transitions.at(-1)).toMatchObject({ fromStatus: 'inspected', toStatus: 'cancelled', note: '客户资金问题' });
    expect(cancelled.order.deliveryState).toBe('none');
    // nothing moves a cancelled order
    expect((await assistant.fail('orders.transition', { id: cancelled.order.id, version: cancelled.order.version, toStatus: 'closed' })).code).toBe('CONFLICT');

    const shipped = await inspectedOrder(w, assistant);
    ship(shipped.order.id, assistant.id);
    const now = await get(assistant, shipped.order.id);
    const snapshot = t.snapshot();
    const late = await assistant.fail('orders.transition', { id: now.order.id, version: now.order.version, toStatus: 'cancelled', note: '太晚了' });
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('发货后不能取消');
    expect(t.snapshot()).toBe(snapshot);
  });
});

describe('amending a confirmed order', () => {
  it('lines change only through an amendment with a reason: audited and judged again', async () => {
    const w = await setup();
    const { repB } = w.team;
    const confirmed = await confirmedOrder(w, repB);
    const before = t.snapshot();
    const edit = await repB.fail('orders.update', { id: confirmed.order.id, version: confirmed.order.version, patch: { lines: [{ productId: w.pe, quantityMilli: 5_000 }] } });
    expect(edit.code).toBe('CONFLICT');
    expect(edit.message).toContain('变更');
    const noReason = await repB.fail('orders.amend', { id: confirmed.order.id, version: confirmed.order.version, lines: [{ productId: w.pe, quantityMilli: 5_000 }], reason: ' ' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ field: 'reason' })] });
    expect(t.snapshot()).toBe(before);

    const amended = await repB.call('orders.amend', { id: confirmed.order.id, version: confirmed.order.version, lines: [{ productId: w.pe, quantityMilli: 5_000 }], reason: '客户追加 2.5 吨' });
    expect(amended.order).toMatchObject({ status: 'confirmed', approvalState: 'none', totalFen: 5_500_000, version: confirmed.order.version + 1 });
    expect(amended.lines.map((l) => l.quantityMilli)).toEqual([5_000]);
    const audit = (await auditOf(confirmed.order.id)).at(-1)!;
    expect(audit).toMatchObject({ action: 'orders.amend', userId: repB.id });
    expect(audit.before).toMatchObject({ lines: [expect.objectContaining({ quantityMilli: 2_500 })], totalFen: 2_750_000 });
    expect(audit.after).toMatchObject({ lines: [expect.objectContaining({ quantityMilli: 5_000 })], totalFen: 5_500_000, reason: '客户追加 2.5 吨' });
  });

  it('an amendment beyond authority holds the order until approved; rejected, it stays held until put right', async () => {
    const w = await setup();
    const { repB, manager } = w.team;
    let d = await confirmedOrder(w, repB);
    const discounted = [{ productId: w.pe, quantityMilli: 2_500, unitPriceFen: 1_045_000 }];
    d = await repB.call('orders.amend', { id: d.order.id, version: d.order.version, lines: discounted, reason: '客户压价' });
    expect(d.order).toMatchObject({ status: 'confirmed', approvalState: 'pending' });
    const first = d.order.policyRequestId!;
    const request = await manager.call('requests.get', { id: first });
    expect(request.note).toBe(`订单 ${d.order.orderNo} 变更：客户压价`);
    const before = t.snapshot();
    expect((await repB.fail('orders.transition', { id: d.order.id, version: d.order.version, toStatus: 'production_requested' })).code).toBe('CONFLICT');
    expect((await repB.fail('orders.amend', { id: d.order.id, version: d.order.version, lines: discounted, reason: '再改' })).code).toBe('CONFLICT');
    expect(t.snapshot()).toBe(before);

    await decide(manager, first, 'reject', '不同意降价');
    d = await get(repB, d.order.id);
    expect(d.order).toMatchObject({ status: 'confirmed', approvalState: 'rejected' });
    expect((await repB.fail('orders.transition', { id: d.order.id, version: d.order.version, toStatus: 'production_requested' })).message).toContain('已被驳回');
    // back to the list price: released
    d = await repB.call('orders.amend', { id: d.order.id, version: d.order.version, lines: [{ productId: w.pe, quantityMilli: 2_500 }], reason: '恢复原价' });
    expect(d.order.approvalState).toBe('none');
    // once more with the discount, approved this time: still confirmed, no extra transition
    d = await repB.call('orders.amend', { id: d.order.id, version: d.order.version, lines: discounted, reason: '经理同意让利' });
    await decide(manager, d.order.policyRequestId!, 'approve');
    d = await get(repB, d.order.id);
    expect(d.order).toMatchObject({ status: 'confirmed', approvalState: 'approved' });
    expect(d.transitions.map((s) => s.toStatus)).toEqual(['draft', 'confirmed']);
    expect((await move(repB, d, 'production_requested')).order.status).toBe('production_requested');
  });

  it('withdrawing an amendment’s request does not release the unapproved lines', async () => {
    const w = await setup();
    const { repB } = w.team;
    let d = await confirmedOrder(w, repB);
    d = await repB.call('orders.amend', { id: d.order.id, version: d.order.version, lines: [{ productId: w.pe, quantityMilli: 2_500, unitPriceFen: 1_045_000 }], reason: '客户压价' });
    const request = await repB.call('requests.get', { id: d.order.policyRequestId! });
    await repB.call('requests.withdraw', { id: request.id, version: request.version });
    d = await get(repB, d.order.id);
    expect(d.order).toMatchObject({ status: 'confirmed', approvalState: 'rejected' });
    expect((await repB.fail('orders.transition', { id: d.order.id, version: d.order.version, toStatus: 'production_requested' })).code).toBe('CONFLICT');
    expect((await auditOf(d.order.id)).at(-1)).toMatchObject({ action: 'orders.approval.withdrawn', userId: repB.id });
  });

  it('a draft is edited, not amended; a shipped order is not amended at all', async () => {
    const w = await setup();
    const { repB, assistant } = w.team;
    const draft = await create(repB, complete(w));
    expect((await repB.fail('orders.amend', { id: draft.order.id, version: 0, lines: [{ productId: w.pe, quantityMilli: 1_000 }], reason: '改' })).code).toBe('CONFLICT');
    const shipped = await inspectedOrder(w, assistant);
    ship(shipped.order.id, assistant.id);
    const now = await get(assistant, shipped.order.id);
    expect((await assistant.fail('orders.amend', { id: now.order.id, version: now.order.version, lines: [{ productId: w.pe, quantityMilli: 1_000 }], reason: '改' })).code).toBe('CONFLICT');
  });
});

describe('who sees which orders', () => {
  it('reps see and touch only their own customers’ orders; supervisors their team’s; assistants and finance all', async () => {
    const w = await setup();
    const { repA, repB, supervisor, assistant, finance, gm } = w.team;
    const ofB = await create(repB, complete(w));
    const ofA = await create(repA, complete(w, { customerId: w.c2 }));
    const ids = async (caller: Caller) => (await caller.call('orders.list', {})).rows.map((r) => r.id).sort();
    expect(await ids(repB)).toEqual([ofB.order.id]);
    expect(await ids(repA)).toEqual([ofA.order.id]);
    expect(await ids(supervisor)).toEqual([ofA.order.id]);
    for (const caller of [assistant, finance, gm]) expect(await ids(caller)).toEqual([ofB.order.id, ofA.order.id].sort());

    const before = t.snapshot();
    const hidden = await repA.fail('orders.get', { id: ofB.order.id });
    expect(hidden.code).toBe('NOT_FOUND');
    expect(hidden.message).toBe(`订单 #${ofB.order.id} 不存在或您无权查看`);
    expect((await repA.fail('orders.update', { id: ofB.order.id, version: 0, patch: { notes: 'x' } })).code).toBe('NOT_FOUND');
    expect((await repA.fail('orders.confirm', { id: ofB.order.id, version: 0 })).code).toBe('NOT_FOUND');
    expect((await supervisor.fail('orders.get', { id: ofB.order.id })).code).toBe('NOT_FOUND');
    const foreign = await repA.fail('orders.create', complete(w));
    expect(foreign).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ field: 'customerId' })] });
    expect(foreign.message).toContain('不存在或您无权查看');
    expect((await finance.fail('orders.create', complete(w))).code).toBe('FORBIDDEN');
    expect(t.snapshot()).toBe(before);
    expect((await supervisor.call('orders.get', { id: ofA.order.id })).order.repName).toBe('张伟');
    expect((await repA.call('orders.byCustomer', {})).map((s) => s.customerNo)).toEqual([]);
  });
});

describe('O-DELAY: delay risk, overdue, and the customer notified', () => {
  it('flagged from 3 days before delivery (not at 4) until inspected; overdue after the date until delivered', async () => {
    const w = await setup();
    const { repB, assistant } = w.team;
    const d = await confirmedOrder(w, repB, { deliveryDate: '2026-11-30' });
    const flags = async (day: string) => {
      setDay(day);
      const row = (await repB.call('orders.list', {})).rows.find((r) => r.id === d.order.id)!;
      const detail = await get(repB, d.order.id);
      expect(detail.order.delayRisk).toBe(row.delayRisk);
      expect(detail.order.overdue).toBe(row.overdue);
      return { delayRisk: row.delayRisk, overdue: row.overdue, finding: detail.delayFinding };
    };
    expect(await flags('2026-11-26')).toEqual({ delayRisk: false, overdue: false, finding: null });
    const three = await flags('2026-11-27');
    expect(three).toMatchObject({ delayRisk: true, overdue: false, finding: { ruleId: 'O-DELAY', severity: 'warn' } });
    expect(three.finding!.message).toBe('延迟风险：距交货日 2026-11-30 仅剩 3 天，订单仍未检验；须记录已通知客户（通知时间、通知人）');
    expect(await flags('2026-11-28')).toMatchObject({ delayRisk: true, overdue: false });
    // the grid filters on the flag
    const risky = await repB.call('orders.list', { filter: { delayRisk: { filterType: 'number', type: 'equals', filter: 1 } } });
    expect(risky.rows.map((r) => r.id)).toEqual([d.order.id]);

    // one click: the customer was notified (when, by whom)
    const current = await get(repB, d.order.id);
    const notified = await repB.call('orders.notifyCustomer', { id: d.order.id, version: current.order.version, note: '电话告知采购王经理' });
    expect(notified.order).toMatchObject({ customerNotifiedAt: clock.toISOString(), customerNotifiedBy: repB.id, customerNotifiedByName: '李娜', delayRisk: true });
    expect(notified.delayFinding).toMatchObject({ severity: 'info' });
    expect(notified.delayFinding!.message).toContain('通知客户（李娜）');
    expect((await auditOf(d.order.id)).at(-1)).toMatchObject({ action: 'orders.notifyCustomer', userId: repB.id });

    // past the date and not delivered: overdue (and still at risk while not inspected)
    expect(await flags('2026-12-01')).toMatchObject({ delayRisk: true, overdue: true });
    let moved = await move(assistant, await get(assistant, d.order.id), 'production_requested');
    moved = await move(assistant, moved, 'in_production');
    moved = await move(assistant, moved, 'inspected', { inspectionResults: '合格' });
    expect(moved.order).toMatchObject({ delayRisk: false, overdue: true });
    expect(moved.delayFinding).toBeNull();
    ship(d.order.id, assistant.id);
    deliver(d.order.id, assistant.id);
    expect(await flags('2026-12-02')).toMatchObject({ delayRisk: false, overdue: false });
  });

  it('the lead time is the O-DELAY parameter in force', async () => {
    const w = await setup();
    const { repB } = w.team;
    const d = await confirmedOrder(w, repB, { deliveryDate: '2026-11-28' });
    expect((await get(repB, d.order.id)).order.delayRisk).toBe(false); // 5 days before
    await t.admin.call('policy.setParams', { ruleId: 'O-DELAY', params: { warnDaysBefore: 5 }, effectiveFrom: TODAY });
    expect((await get(repB, d.order.id)).order.delayRisk).toBe(true);
  });

  it('a draft or a delivered order needs no notice', async () => {
    const w = await setup();
    const { repB } = w.team;
    const draft = await create(repB, complete(w));
    const before = t.snapshot();
    expect((await repB.fail('orders.notifyCustomer', { id: draft.order.id, version: 0 })).code).toBe('CONFLICT');
    expect(t.snapshot()).toBe(before);
  });
});

describe('O-SURVEY after delivery', () => {
  it('a score of 2 opens a complaint; 3 and up do not; one survey per order, only after delivery; audited', async () => {
    const w = await setup();
    const { repB, assistant } = w.team;
    const first = await inspectedOrder(w, assistant);
    const scores = { quality: 5, responseTime: 4, serviceSpeed: 2, attitude: 5, comment: '发货慢' };
    const before = t.snapshot();
    const early = await repB.fail('orders.survey', { id: first.order.id, ...scores });
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain('交货后');
    for (const bad of [0, 6, 2.5]) {
      expect((await repB.fail('orders.survey', { id: first.order.id, ...scores, quality: bad })).issues[0]).toMatchObject({ field: 'quality' });
    }
    expect(t.snapshot()).toBe(before);
    ship(first.order.id, assistant.id);
    deliver(first.order.id, assistant.id);
    const survey = await repB.call('orders.survey', { id: first.order.id, ...scores });
    expect(survey).toMatchObject({ orderId: first.order.id, serviceSpeed: 2, complaintOpened: true, recordedBy: repB.id, recordedByName: '李娜', comment: '发货慢' });
    expect((await get(repB, first.order.id)).survey).toEqual(survey);
    expect((await auditOf(first.order.id)).at(-1)).toMatchObject({ action: 'orders.survey', userId: repB.id });
    const again = t.snapshot();
    expect((await repB.fail('orders.survey', { id: first.order.id, ...scores })).code).toBe('CONFLICT');
    expect(t.snapshot()).toBe(again);

    const second = await inspectedOrder(w, assistant);
    ship(second.order.id, assistant.id);
    deliver(second.order.id, assistant.id);
    const fine = await repB.call('orders.survey', { id: second.order.id, quality: 3, responseTime: 3, serviceSpeed: 3, attitude: 3 });
    expect(fine.complaintOpened).toBe(false);
  });
});

describe('the tracking grid and the per-customer view', () => {
  it('sorts, filters and searches in SQL; delivered / undelivered per customer', async () => {
    const w = await setup();
    const { repA, repB, assistant, gm } = w.team;
    const a = await confirmedOrder(w, repB, { deliveryDate: '2026-12-20' });
    const b = await create(repB, complete(w, { deliveryDate: '2026-12-10' }));
    const c = await inspectedOrder(w, assistant);
    ship(c.order.id, assistant.id);
    deliver(c.order.id, assistant.id);
    const d = await confirmedOrder(w, repA, { customerId: w.c2, deliveryDate: '2026-12-01' });

    const list = (input: ChannelInput<'orders.list'>) => gm.call('orders.list', input);
    const nos = (page: { rows: { orderNo: string }[] }) => page.rows.map((r) => r.orderNo);
    expect((await list({})).total).toBe(4);
    expect(nos(await list({ sort: [{ colId: 'deliveryDate', sort: 'asc' }] }))).toEqual([d, c, b, a].map((o) => o.order.orderNo));
    expect(nos(await list({ filter: { status: { filterType: 'set', values: ['draft'] } } }))).toEqual([b.order.orderNo]);
    expect(nos(await list({ filter: { customerId: { filterType: 'number', type: 'equals', filter: w.c2 } } }))).toEqual([d.order.orderNo]);
    expect((await list({ filter: { repId: { filterType: 'number', type: 'equals', filter: repB.id } } })).total).toBe(3);
    expect(nos(await list({ filter: { deliveryState: { filterType: 'set', values: ['delivered'] } } }))).toEqual([c.order.orderNo]);
    expect((await list({ filter: { deliveryState: { filterType: 'set', values: ['undelivered'] } } })).total).toBe(2);
    expect(nos(await list({ quickSearch: a.order.orderNo }))).toEqual([a.order.orderNo]);
    expect(nos(await list({ quickSearch: '客户C002' }))).toEqual([d.order.orderNo]);
    const page = await list({ startRow: 1, endRow: 3, sort: [{ colId: 'orderNo', sort: 'asc' }] });
    expect(page).toMatchObject({ total: 4 });
    expect(nos(page)).toEqual([b, c].map((o) => o.order.orderNo));
    expect((await gm.fail('orders.list', { sort: [{ colId: 'password', sort: 'asc' }] })).code).toBe('VALIDATION');

    expect(await gm.call('orders.byCustomer', {})).toEqual([
      expect.objectContaining({ customerNo: 'C001', ownerName: '李娜', deliveredCount: 1, deliveredFen: c.order.totalFen, undeliveredCount: 1, undeliveredFen: a.order.totalFen }),
      expect.objectContaining({ customerNo: 'C002', ownerName: '张伟', deliveredCount: 0, deliveredFen: 0, undeliveredCount: 1, undeliveredFen: d.order.totalFen }),
    ]);
    expect((await repB.call('orders.byCustomer', { customerId: w.c2 }))).toEqual([]);
    expect((await repA.call('orders.byCustomer', { customerId: w.c2 })).map((s) => s.undeliveredCount)).toEqual([1]);
  });
});

describe('audit', () => {
  it('every write of an order leaves its row, in the same transaction', async () => {
    const w = await setup();
    const { repB } = w.team;
    let d = await create(repB, complete(w, { deliveryPlace: '' }));
    d = await repB.call('orders.update', { id: d.order.id, version: 0, patch: { deliveryPlace: '苏州', notes: '加急' } });
    d = await confirm(repB, d);
    await move(repB, d, 'production_requested');
    const audit = await auditOf(d.order.id);
    expect(audit.map((a) => [a.action, a.userName])).toEqual([
      ['orders.create', '李娜'],
      ['orders.update', '李娜'],
      ['orders.confirm', '李娜'],
      ['orders.transition', '李娜'],
    ]);
    expect(audit[0]!.after).toMatchObject({ orderNo: d.order.orderNo, lines: [expect.objectContaining({ productName: '聚乙烯', quantityMilli: 2_500 })] });
    expect(audit[1]).toMatchObject({ before: { deliveryPlace: '', notes: '' }, after: { deliveryPlace: '苏州', notes: '加急' } });
  });
});
