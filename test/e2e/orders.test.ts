// Orders as the sales office works them (DOMAIN §4–§5): an assistant enters an order with the keyboard
// only (customer no. → Enter, product code → Enter, quantity, Tab, … the O-FIELDS, Ctrl+Enter) and it
// is confirmed; a rep picks a customer by pinyin initials, misses the O-FIELDS (named beside each
// field), gives a discount beyond his authority — Q-PRICE shows live — and the order is held for his
// manager; the tracking grid shows statuses, filters by status, flags O-DELAY with a one-click
// "customer notified" and colours overdue orders; the per-customer delivered / undelivered view;
// the order drawer moves an order along O-STATUS (测试成绩 required), ships part of it, and keeps
// every transition (who, when, note); the survey flags a complaint.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import { localDate } from '../../shared/dates';
import type { OrderDetail } from '../../shared/orders';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';

function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localDate(d);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('name') ?? '');
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');
/** A clean start for each test, whatever the one before left open. */
async function signInAs(e: E2E, username: string): Promise<void> {
  await e.page.goto(e.server.url);
  await e.page.locator('[data-testid=login-form], [data-testid=signed-in-user]').first().waitFor();
  if (await e.page.getByTestId('signed-in-user').count()) await signOut(e.page);
  await signIn(e.page, username, PASSWORD);
}
const row = (page: Page, orderId: number) => page.locator(`[data-testid=orders-grid] .ag-row[row-id="${orderId}"]`);

describe.skipIf(!chromiumPath())('orders: entry, tracking grid and the order drawer (browser preview)', () => {
  let e: E2E;
  let admin: string | null;
  let rep: string | null;
  let assistant: string | null;
  let manager: string | null;
  const ids = { pe: 0, bag: 0, c1: 0, c2: 0, c3: 0 };
  const seeded: Record<'delay' | 'overdue' | 'delivered' | 'draft' | 'cancelled', OrderDetail> = {} as never;

  type CreateInput = ChannelInput<'orders.create'>;
  const complete = (extra: Partial<CreateInput>): CreateInput => ({
    customerId: ids.c1,
    requiredSchedule: '按期交货',
    deliveryDate: daysFromToday(20),
    deliveryPlace: '苏州工业园区星湖街 88 号',
    packaging: '25kg 编织袋',
    shippingMethod: '汽运',
    lines: [{ productId: ids.pe, quantityMilli: 2_000 }],
    ...extra,
  });
  async function confirmed(token: string | null, input: CreateInput): Promise<OrderDetail> {
    const draft = (await e.api(token, 'orders.create', input)).data;
    return (await e.api(token, 'orders.confirm', { id: draft.order.id, version: draft.order.version })).data;
  }
  async function move(token: string | null, d: OrderDetail, toStatus: ChannelInput<'orders.transition'>['toStatus'], extra: Partial<ChannelInput<'orders.transition'>> = {}) {
    return (await e.api(token, 'orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...extra })).data;
  }

  beforeAll(async () => {
    e = await startE2E();
    ({ token: admin } = await e.api(null, 'setup.init', { companyName: '苏州恒达化工有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD }));
    const gm = (await e.api(admin, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD })).data;
    const wang = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', managerId: gm.id, password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'li', displayName: '李娜', role: 'rep', managerId: wang.id, region: '华东', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: wang.id, password: PASSWORD });
    ({ token: rep } = await e.api(null, 'auth.login', { username: 'li', password: PASSWORD }));
    ({ token: assistant } = await e.api(null, 'auth.login', { username: 'zhou', password: PASSWORD }));
    ({ token: manager } = await e.api(null, 'auth.login', { username: 'wang', password: PASSWORD }));

    const pe = await e.api(admin, 'products.create', { product: { code: 'PE-100', name: '聚乙烯颗粒', spec: 'HDPE 5000S', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 }, effectiveFrom: daysFromToday(-60) });
    await e.api(admin, 'products.setPrice', { productId: pe.data.product.id, effectiveFrom: daysFromToday(-30), standardPriceFen: 1_100_000, costPriceFen: 850_000 });
    const bag = await e.api(admin, 'products.create', { product: { code: 'BAG-1', name: '编织袋', spec: '50×80cm', unit: '件', standardPriceFen: 333, costPriceFen: 200 } });
    ids.pe = pe.data.product.id;
    ids.bag = bag.data.product.id;
    const customer = async (customerNo: string, name: string, creditLimitFen: number) => {
      const { customer: c } = (await e.api(rep, 'customers.create', { customer: { customerNo, name, address: '江苏省苏州市' } })).data;
      const updated = await e.api(manager, 'customers.update', { id: c.id, version: c.version, patch: { grade: 'core', creditLimitFen, creditDays: 30 } });
      return updated.data.customer.id;
    };
    ids.c1 = await customer('C001', '苏州恒达化工有限公司', 100_000_000);
    ids.c2 = await customer('C002', '无锡新材料科技有限公司', 50_000_000);
    ids.c3 = await customer('C003', '上海宏远贸易有限公司', 50_000_000);

    // The tracking grid's cases: a delay risk, an overdue order, one delivered, a draft, a cancelled one.
    let d = await confirmed(rep, complete({ customerId: ids.c2, deliveryDate: daysFromToday(2), requiredSchedule: '加急' }));
    d = await move(rep, d, 'production_requested');
    seeded.delay = await move(rep, d, 'in_production', { note: '二号线排产' });
    seeded.overdue = await confirmed(rep, complete({ customerId: ids.c3, orderDate: daysFromToday(-20), deliveryDate: daysFromToday(-2) }));
    d = await confirmed(rep, complete({ customerId: ids.c2, orderDate: daysFromToday(-15), deliveryDate: daysFromToday(-3), lines: [{ productId: ids.pe, quantityMilli: 1_000 }] }));
    d = await move(rep, d, 'production_requested', { note: '下生产单 P-118' });
    d = await move(rep, d, 'in_production');
    d = await move(rep, d, 'inspected', { inspectionResults: '熔指 2.1 g/10min，密度 0.952，合格' });
    const shipment = await e.api(assistant, 'shipments.create', { orderId: d.order.id, shipmentNo: 'CK-0001', shipDate: daysFromToday(-4), carrier: '顺丰物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: 1_000 }] });
    await e.api(assistant, 'shipments.deliver', { id: shipment.data.id, deliveredAt: daysFromToday(-3) });
    seeded.delivered = (await e.api(rep, 'orders.get', { id: d.order.id })).data;
    seeded.draft = (await e.api(rep, 'orders.create', { customerId: ids.c3, lines: [{ productId: ids.bag, quantityMilli: 500_000 }] })).data;
    d = await confirmed(rep, complete({ customerId: ids.c3 }));
    seeded.cancelled = await move(rep, d, 'cancelled', { note: '客户取消采购计划' });
    expect(seeded.delivered.order.status).toBe('delivered');

    await e.page.goto(e.server.url);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an assistant enters an order with the keyboard only and confirms it', async () => {
    const { page } = e;
    await signInAs(e, 'zhou');
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('orders-grid').locator('.ag-row').first().waitFor();
    await page.locator('body').click({ position: { x: 700, y: 15 } });

    await page.keyboard.press('Control+n');
    const entry = page.getByTestId('order-entry');
    await entry.waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('order-customer');

    // Customer by number, Enter picks it and moves to the first line.
    await page.keyboard.type('C001');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('line-code');
    expect(await entry.getByTestId('order-customer').inputValue()).toBe('C001 苏州恒达化工有限公司');

    // Line 1: product code, Enter → quantity; Tab → the unit price, prefilled with the standard price.
    await page.keyboard.type('pe-100');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('line-quantity');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('line-price');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('11000.00');
    // Enter on the last cell adds a line.
    await page.keyboard.press('Enter');
    await expect.poll(() => entry.getByTestId('order-line').count()).toBe(2);
    await expect.poll(() => focusedName(page)).toBe('code-2');

    // Line 2 by Enter all the way; the live amount is exact (10 × ¥3.33).
    // Typed straight on, as a fast typist does: what follows Enter is the quantity wherever it landed.
    await page.keyboard.type('BAG-1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('10');
    await expect.poll(() => focusedName(page)).toBe('quantity-2');
    await expect.poll(() => entry.getByTestId('line-quantity').nth(1).inputValue()).toBe('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('unitPrice-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('code-3');
    // A line added by mistake goes with Ctrl+Delete; Enter on the empty line leaves the lines.
    await page.keyboard.type('PE-100');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('quantity-3');
    await page.keyboard.press('Control+Delete');
    await expect.poll(() => focusedName(page)).toBe('code-3');
    expect(await entry.getByTestId('order-line').nth(2).getByTestId('line-code').inputValue()).toBe('');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('requiredSchedule');

    const lines = entry.getByTestId('order-line');
    expect(await lines.nth(0).getByTestId('line-amount').textContent()).toBe('27,500.00');
    expect(await lines.nth(1).getByTestId('line-amount').textContent()).toBe('33.30');
    expect(await entry.getByTestId('order-total').textContent()).toBe('¥27,533.30');

    // The O-FIELDS with Tab, a deposit, then Ctrl+Enter confirms.
    await page.keyboard.type('两周内交货');
    await page.keyboard.press('Tab');
    const due = daysFromToday(14);
    await page.keyboard.type(due);
    expect(await entry.locator('input[name=deliveryDate]').inputValue()).toBe(due);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('deliveryPlace');
    await page.keyboard.type('苏州工业园区星湖街 88 号 3 号仓库');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25kg 编织袋，每托 40 袋');
    await page.keyboard.press('Tab');
    await page.keyboard.type('汽运');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5000');
    await expect.poll(() => entry.getByTestId('order-sum-due').textContent()).toBe('¥22,533.30');
    // Within authority and credit: the live check says so.
    await expect.poll(() => entry.getByTestId('order-checks').getByTestId('decision-view').getAttribute('data-decision')).toBe('allow');
    await e.shot('e2e-orders-entry-keyboard');

    await page.keyboard.press('Control+Enter');
    await entry.waitFor({ state: 'detached' });
    await page.getByTestId('toast-success').filter({ hasText: '已确认' }).first().waitFor();
    const drawer = page.getByTestId('order-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('confirmed');
    expect(await drawer.getByTestId('order-detail-total').textContent()).toBe('¥27,533.30');
    const timeline = drawer.getByTestId('timeline-item');
    await expect.poll(() => timeline.count()).toBe(2);
    expect(await timeline.nth(1).textContent()).toContain('周内勤');
    await e.shot('e2e-orders-confirmed');
    // 打印四联单: the core's A4 form in its own window, four labelled copies.
    const [popup] = await Promise.all([page.context().waitForEvent('page'), drawer.getByTestId('order-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain('财务部');
    const printed = await popup.evaluate(() => document.body.innerText);
    for (const copy of ['存根', '工务科', '常务董事']) expect(printed).toContain(copy);
    await popup.close();

    // As stored: the amounts and the deposit the form showed.
    const { data: page1 } = await e.api(admin, 'orders.list', { startRow: 0, endRow: 50, filter: { customerNo: { filterType: 'text', type: 'equals', filter: 'C001' } } });
    const mine = page1.rows.find((o) => o.createdBy !== undefined && o.totalFen === 2_753_330)!;
    expect(mine).toMatchObject({ status: 'confirmed', depositFen: 500_000, deliveryDate: due, shippingMethod: '汽运', lineCount: 2 });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await signOut(page);
  });

  it('a rep picks the customer by pinyin initials; missing O-FIELDS are named; a discount beyond his authority shows Q-PRICE live and holds the order for his manager', async () => {
    const { page } = e;
    await signInAs(e, 'li');
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('orders-add').click();
    const entry = page.getByTestId('order-entry');
    await entry.waitFor();

    await page.keyboard.type('szhd');
    const option = entry.getByTestId('order-customer-list').locator('[role=option]');
    await option.first().waitFor();
    expect(await option.first().textContent()).toContain('苏州恒达化工有限公司');
    await page.keyboard.press('Enter');
    await expect.poll(() => entry.getByTestId('order-customer').inputValue()).toBe('C001 苏州恒达化工有限公司');
    await expect.poll(() => focusedTestId(page)).toBe('line-code');
    await page.keyboard.type('PE-100');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('line-quantity');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    // ¥10,450.00 a ton is 5 % below ¥11,000.00: a rep may give 0 %.
    await page.keyboard.type('10450');
    const checks = entry.getByTestId('order-checks');
    const finding = checks.locator('[data-testid=finding][data-rule="Q-PRICE"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('approval');
    expect(await finding.textContent()).toContain('5%');
    expect(await checks.getByTestId('decision-view').getAttribute('data-decision')).toBe('needs_approval');
    expect(await checks.getByTestId('approval-chain').textContent()).toContain('销售经理');
    expect(await entry.getByTestId('line-discount').first().textContent()).toBe('5%');
    expect(await entry.getByTestId('order-total').textContent()).toBe('¥31,350.00');

    // Confirming without the O-FIELDS: saved as a draft, each missing field named beside it.
    await page.keyboard.press('Control+Enter');
    await entry.getByTestId('order-entry-error').waitFor();
    expect(await entry.getByTestId('order-entry-error').textContent()).toContain('O-FIELDS');
    for (const name of ['requiredSchedule', 'deliveryDate', 'deliveryPlace', 'packaging', 'shippingMethod']) {
      const field = entry.locator(`label.field:has([name=${name}])`);
      expect(await field.locator('.field-error').textContent(), name).toContain('不能为空');
    }
    await e.shot('e2e-orders-ofields-missing');

    await entry.locator('[name=requiredSchedule]').fill('月底前');
    await entry.locator('[name=deliveryDate]').fill(daysFromToday(25));
    await entry.locator('[name=deliveryPlace]').fill('苏州市吴中区');
    await entry.locator('[name=packaging]').fill('吨袋');
    await entry.locator('[name=shippingMethod]').fill('客户自提');
    await finding.waitFor();
    await e.shot('e2e-orders-qprice-live');
    await entry.getByTestId('order-confirm').click();
    await entry.waitFor({ state: 'detached' });
    await page.getByTestId('toast-info').filter({ hasText: '已提交审批' }).first().waitFor();
    const drawer = page.getByTestId('order-drawer');
    const banner = drawer.getByTestId('order-held-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/已提交审批，待 (王经理|销售经理) 批准/);
    expect(await banner.locator('[data-testid=finding][data-rule="Q-PRICE"]').count()).toBe(1);
    expect(await drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('draft');
    await e.shot('e2e-orders-held');
    await page.keyboard.press('Escape');

    // The grid says 待审批; the manager's inbox has the request.
    const { data: list } = await e.api(rep, 'orders.list', { startRow: 0, endRow: 50, filter: { approvalState: { filterType: 'set', values: ['pending'] } } });
    expect(list.rows).toHaveLength(1);
    const held = list.rows[0]!;
    await row(page, held.id).getByTestId('order-held').waitFor();
    await signOut(page);

    // The manager approves it in his inbox; the order is confirmed by the approval.
    await signInAs(e, 'wang');
    await page.getByTestId('nav-approvals').click();
    const item = page.getByTestId('approvals-inbox').locator(`[data-testid=approval-item][data-kind=policy][data-id="${held.policyRequestId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-request-kind')).toBe('order_confirmation');
    expect(await item.textContent()).toContain(held.orderNo);
    await item.getByTestId('approve-button').scrollIntoViewIfNeeded();
    await e.shot('e2e-orders-approval-inbox');
    await item.getByTestId('approval-comment').fill('老客户，同意 5% 优惠');
    await item.getByTestId('approve-button').click();
    await item.waitFor({ state: 'detached' });
    const after = (await e.api(rep, 'orders.get', { id: held.id })).data;
    expect(after.order).toMatchObject({ status: 'confirmed', approvalState: 'approved' });
    expect(after.transitions.at(-1)).toMatchObject({ toStatus: 'confirmed', byName: '王经理' });
    await signOut(page);
  });

  it('the tracking grid: statuses, filter by status, delay flag with one-click notify, overdue colour, per-customer view', async () => {
    const { page } = e;
    await signInAs(e, 'zhou');
    await page.getByTestId('nav-orders').click();
    const grid = page.getByTestId('orders-grid');
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 7 张订单');
    await row(page, seeded.delivered.order.id).waitFor();
    expect(await row(page, seeded.delivered.order.id).getByTestId('order-status').textContent()).toBe('已交货');
    expect(await row(page, seeded.cancelled.order.id).getByTestId('order-status').textContent()).toBe('已取消');
    expect(await row(page, seeded.draft.order.id).getByTestId('order-status').textContent()).toBe('草稿');
    expect(await row(page, seeded.delay.order.id).getByTestId('order-status').textContent()).toBe('生产中');

    // Overdue: coloured, and flagged; the delay risk row shows the flag with its button.
    expect(await row(page, seeded.overdue.order.id).first().getAttribute('class')).toContain('row-overdue');
    expect(await row(page, seeded.overdue.order.id).getByTestId('order-overdue').count()).toBeGreaterThan(0);
    const delayCell = row(page, seeded.delay.order.id).locator('[col-id=delayRisk]');
    expect(await delayCell.textContent()).toContain('⚠ 延期风险');
    expect(await row(page, seeded.delivered.order.id).locator('[col-id=delayRisk]').textContent()).toBe('');
    await e.shot('e2e-orders-grid');

    await delayCell.getByTestId('order-notify').click();
    await page.getByTestId('toast-success').filter({ hasText: '已通知客户' }).first().waitFor();
    await expect.poll(() => delayCell.getByTestId('order-notified').textContent()).toContain('已通知 周内勤');
    const notified = (await e.api(admin, 'orders.get', { id: seeded.delay.order.id })).data;
    expect(notified.order.customerNotifiedByName).toBe('周内勤');
    expect(notified.delayFinding?.severity).toBe('info');

    // Filter by status (the set filter lists the Chinese labels).
    await grid.locator('.ag-header-cell[col-id="status"] .ag-header-cell-filter-button').click();
    const filter = page.getByTestId('enum-filter');
    expect(await filter.textContent()).toContain('已下生产单');
    await filter.getByRole('button', { name: '清空' }).click();
    await filter.getByLabel('生产中').check();
    await filter.getByLabel('已交货').check();
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 2 张订单');
    await e.shot('e2e-orders-filter-status');
    await filter.getByRole('button', { name: '全选' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 7 张订单');

    // Quick search (Ctrl+F).
    await page.locator('body').click({ position: { x: 700, y: 15 } });
    await page.keyboard.press('Control+f');
    await expect.poll(() => focusedTestId(page)).toBe('orders-search');
    await page.keyboard.type('无锡');
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 2 张订单');
    await page.getByTestId('orders-search').fill('');
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 7 张订单');

    // Delivered / undelivered per customer; a count opens those orders in the grid.
    await page.getByTestId('orders-tab-by-customer').click();
    const c2 = page.locator('[data-testid=by-customer-row][data-customer=C002]');
    await c2.waitFor();
    expect(await c2.getByTestId('by-customer-delivered').textContent()).toBe('1 张 · ¥11,000.00');
    expect(await c2.getByTestId('by-customer-undelivered').textContent()).toBe('1 张 · ¥22,000.00');
    expect(await page.locator('[data-testid=by-customer-row][data-customer=C003]').getAttribute('class')).toContain('row-overdue');
    await e.shot('e2e-orders-by-customer');
    await c2.getByTestId('by-customer-undelivered').click();
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 1 张订单');
    await row(page, seeded.delay.order.id).waitFor();
    await page.getByTestId('orders-clear-filters').click();
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toBe('共 7 张订单');
  });

  it('the order drawer: next O-STATUS step (测试成绩 required), a partial shipment, the transitions timeline, the survey', async () => {
    const { page } = e;
    await signInAs(e, 'zhou');
    await page.getByTestId('nav-orders').click();
    // Open with the keyboard: focus the order no. cell and press Enter.
    await row(page, seeded.delay.order.id).locator('[col-id=orderNo]').click();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('order-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('order-delay-panel').textContent()).toContain('已通知 周内勤');

    const next = drawer.getByTestId('order-next-step');
    expect(await next.getAttribute('data-to')).toBe('inspected');
    await next.click();
    await drawer.getByText('改为“已检验”须填写测试成绩').waitFor();
    await drawer.getByTestId('order-inspection-input').fill('拉伸强度 24 MPa，熔指 2.0，合格');
    await drawer.getByTestId('order-step-note').fill('质检部 刘工');
    await next.click();
    await expect.poll(() => drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('inspected');
    expect(await drawer.getByTestId('order-inspection').textContent()).toContain('拉伸强度 24 MPa');

    // Ship part: what is left is prefilled, never more.
    await drawer.getByTestId('order-ship').click();
    const qty = drawer.getByTestId('ship-quantity');
    expect(await qty.inputValue()).toBe('2');
    await qty.fill('3');
    await drawer.getByTestId('ship-no').fill('CK-0002');
    await drawer.getByTestId('ship-save').click();
    await drawer.getByText('不能超过未发数量 2').waitFor();
    await qty.fill('1.5');
    await drawer.getByTestId('ship-save').click();
    await page.getByTestId('toast-success').filter({ hasText: 'CK-0002' }).first().waitFor();
    await expect.poll(() => drawer.getByTestId('shipping-remaining').textContent()).toBe('0.5');
    expect(await drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('inspected');
    // 签收 of the partial shipment posts its sale; the order waits for the rest.
    await drawer.getByTestId('shipment-deliver').click();
    await drawer.getByTestId('deliver-confirm').click();
    await page.getByTestId('toast-success').filter({ hasText: '已签收' }).first().waitFor();
    await expect.poll(() => drawer.getByTestId('shipment-row').first().textContent()).toContain('签收');
    await drawer.getByTestId('order-shipments').scrollIntoViewIfNeeded();
    await e.shot('e2e-orders-shipments');
    const ledger = (await e.api(admin, 'ledger.balances', { startRow: 0, endRow: 10, filter: { customerId: { filterType: 'number', type: 'equals', filter: ids.c2 } } })).data;
    expect(ledger.rows[0]?.balanceFen).toBe(1_100_000 + 1_650_000); // CK-0001 (1 t) and CK-0002 (1.5 t) at ¥11,000.00
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // Cancelling needs a reason.
    await row(page, seeded.draft.order.id).locator('[col-id=orderNo]').dblclick();
    await drawer.waitFor();
    await drawer.getByTestId('order-cancel').click();
    await drawer.getByTestId('order-cancel-confirm').click();
    await drawer.getByText('请填写取消原因').waitFor();
    await drawer.getByTestId('order-cancel-reason').fill('客户改用其他规格');
    await drawer.getByTestId('order-cancel-confirm').click();
    await expect.poll(() => drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('cancelled');
    expect(await drawer.getByTestId('timeline-item').last().textContent()).toContain('客户改用其他规格');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The delivered order: every transition with who and when, the inspection, the survey.
    await row(page, seeded.delivered.order.id).locator('[col-id=orderNo]').dblclick();
    await drawer.waitFor();
    const items = drawer.getByTestId('timeline-item');
    await expect.poll(() => items.count()).toBe(7);
    expect(await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-to')))).toEqual([
      'draft',
      'confirmed',
      'production_requested',
      'in_production',
      'inspected',
      'shipped',
      'delivered',
    ]);
    expect(await items.nth(2).textContent()).toContain('下生产单 P-118');
    expect(await items.nth(2).textContent()).toContain('李娜');
    expect(await items.nth(5).textContent()).toContain('周内勤');
    expect(await drawer.getByTestId('order-inspection').textContent()).toContain('熔指 2.1 g/10min');
    expect(await drawer.getByTestId('shipment-row').first().textContent()).toContain('CK-0001');
    await drawer.getByTestId('survey-quality').selectOption('5');
    await drawer.getByTestId('survey-responseTime').selectOption('4');
    await drawer.getByTestId('survey-serviceSpeed').selectOption('2');
    await drawer.getByTestId('survey-attitude').selectOption('5');
    await drawer.getByTestId('survey-save').click();
    await drawer.getByTestId('survey-complaint').waitFor();
    await drawer.getByTestId('order-timeline').scrollIntoViewIfNeeded();
    await e.shot('e2e-orders-timeline');
    await drawer.getByTestId('order-detail-lines').scrollIntoViewIfNeeded();
    await e.shot('e2e-orders-detail');
    await page.keyboard.press('Escape');
  });
  it('reads in English too (the grid and the entry form)', async () => {
    const { page } = e;
    await signInAs(e, 'zhou');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('nav-orders').click();
    await expect.poll(() => page.getByTestId('orders-total').textContent()).toMatch(/^\d+ orders$/);
    expect(await row(page, seeded.overdue.order.id).getByTestId('order-status').textContent()).toBe('Confirmed');
    await page.getByTestId('orders-add').click();
    const entry = page.getByTestId('order-entry');
    await entry.waitFor();
    await page.keyboard.type('C002');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('line-code');
    await page.keyboard.type('PE-100');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1');
    await expect.poll(() => entry.getByTestId('order-total').textContent()).toBe('¥11,000.00');
    await entry.getByTestId('order-checks').getByTestId('decision-view').waitFor();
    await e.shot('e2e-orders-entry-english');
    await page.keyboard.press('Escape');
    await page.getByTestId('order-discard').click();
    await page.getByRole('button', { name: '中文' }).click();
  });
});
