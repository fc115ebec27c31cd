// Printing through the API: the four-copy order form of a confirmed order (O-FORM) and a month's
// statements (O-STATEMENT), each print audited; drafts do not print; a rep prints only his own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, teamCore, teamTemplate, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let orderId: number;
let draftId: number;
let customerId: number;

beforeAll(async () => {
  template = await teamTemplate();
  t = await teamCore(template, { now: () => new Date('2026-11-23T04:00:00.000Z') });
  const { repB, manager } = t.team;
  const pe = await t.admin.call('products.create', {
    product: { code: 'PE-100', name: '聚乙烯', spec: '注塑级', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
    effectiveFrom: '2026-01-01',
  });
  const { customer } = await createCustomer(repB, 'C001', { contactPerson: '周建国', phone: '0512-66881234' });
  customerId = customer.id;
  await manager.call('customers.update', { id: customer.id, version: customer.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
  const fields = {
    customerId: customer.id,
    requiredSchedule: '两周内交货',
    deliveryDate: '2026-12-07',
    deliveryPlace: '苏州工业园区星湖街 88 号',
    packaging: '25kg 编织袋',
    shippingMethod: '汽运',
    lines: [{ productId: pe.product.id, quantityMilli: 2_500 }],
  };
  const order = await repB.call('orders.create', fields);
  const confirmed = await repB.call('orders.confirm', { id: order.order.id, version: order.order.version, note: '' });
  expect(confirmed.order.status).toBe('confirmed');
  orderId = order.order.id;
  draftId = (await repB.call('orders.create', fields)).order.id;
});
afterAll(() => {
  t?.cleanup();
  template?.cleanup();
});

describe('print.orderForm (O-FORM)', () => {
  it('gives the four labelled copies of a confirmed order with its lines, 大写金额 and the printer', async () => {
    const printed = await t.team.assistant.call('print.orderForm', { orderId });
    expect(printed.pages).toBe(4);
    expect([...printed.html.matchAll(/data-copy="([^"]+)"/g)].map((m) => m[1])).toEqual(['存根', '工务科', '常务董事', '财务部']);
    expect(printed.html).toContain('聚乙烯');
    expect(printed.html.match(/人民币贰万伍仟元整/g)).toHaveLength(4); // 2.5 t × ¥10,000.00
    expect(printed.html).toContain('周建国');
    expect(printed.html).toContain('周内勤');
    const audit = await t.admin.call('audit.list', { startRow: 0, endRow: 50, entity: 'orders', entityId: String(orderId) });
    expect(audit.rows.some((r) => r.action === 'print.orderForm' && r.userName === '周内勤')).toBe(true);
  });
  it('refuses a draft, and a rep who may not see the customer', async () => {
    const before = t.snapshot();
    expect((await t.team.repB.fail('print.orderForm', { orderId: draftId })).message).toContain('尚未确认');
    expect((await t.team.repA.fail('print.orderForm', { orderId })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });
});

describe('print.statements (O-STATEMENT)', () => {
  it('prints a page per customer the actor may see, audited', async () => {
    const printed = await t.team.finance.call('print.statements', { month: '2026-11', customerId });
    expect(printed.pages).toBe(1);
    expect(printed.html).toContain('应收账款对账单');
    expect(printed.html).toContain('C001');
    const audit = await t.admin.call('audit.list', { startRow: 0, endRow: 50, entity: 'customers' });
    expect(audit.rows.some((r) => r.action === 'print.statements')).toBe(true);
    expect((await t.team.repA.fail('print.statements', { month: '2026-11', customerId })).code).toBe('NOT_FOUND');
  });
  it('exports the month as CSV for Excel (BOM, Chinese headers), audited', async () => {
    const file = await t.team.finance.call('statements.exportCsv', { month: '2026-11', customerId });
    expect(file.filename).toBe('应收账款对账单-2026-11-C001.csv');
    expect(file.csv.startsWith('\uFEFF客户编号,客户名称')).toBe(true);
    const audit = await t.admin.call('audit.list', { startRow: 0, endRow: 50, entity: 'customers' });
    expect(audit.rows.some((r) => r.action === 'statements.exportCsv' && r.userName === '吴会计')).toBe(true);
  });
});
