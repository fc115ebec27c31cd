// The money side of orders to cash (DOMAIN §5 O-SHIP, O-LEDGER, O-STATEMENT, O-RECON; §3 S-BADDEBT)
// in the browser preview. Seeded through the API: an order confirmed, inspected, shipped in two parts
// (delivered two months ago and on the 1st of this month), and a second order shipped but not yet
// delivered. Then in the UI: finance posts a receipt for part of the balance (allocated to the order)
// and reads the running balance; a receipt above the open balance is refused beside the amount until
// 预收款 is ticked; a reversal marks its entry; the statements show previous balance / sales /
// receipts / balance per month, print one customer in its own window and export CSV; finance
// publishes the reconciliation and the rep disputes his row on the day; the rep files a bad-debt
// request; the assistant records a delivery in the shipping register.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import { addMonths, localDate, localMonth } from '../../shared/dates';
import type { OrderDetail } from '../../shared/orders';
import { chromiumPath, RESULTS, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';

const TODAY = localDate(new Date());
const THIS_MONTH = localMonth(new Date());
const LAST_MONTH = addMonths(THIS_MONTH, -1);
const TWO_AGO = addMonths(THIS_MONTH, -2);

/** A clean start for each test, whatever the one before left open. */
async function signInAs(e: E2E, username: string): Promise<void> {
  await e.page.goto(e.server.url);
  await e.page.locator('[data-testid=login-form], [data-testid=signed-in-user]').first().waitFor();
  if (await e.page.getByTestId('signed-in-user').count()) await signOut(e.page);
  await signIn(e.page, username, PASSWORD);
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';

describe.skipIf(!chromiumPath())('ledger: shipping register, receipts, statements and the month end (browser preview)', () => {
  let e: E2E;
  let admin: string | null;
  let rep: string | null;
  let assistant: string | null;
  const ids = { customer: 0, order: 0, order2: 0, orderNo: '', order2No: '' };

  async function move(token: string | null, d: OrderDetail, toStatus: ChannelInput<'orders.transition'>['toStatus'], extra: Partial<ChannelInput<'orders.transition'>> = {}) {
    return (await e.api(token, 'orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...extra })).data;
  }
  async function inspectedOrder(token: string | null, orderDate: string, quantityMilli: number, productId: number): Promise<OrderDetail> {
    const draft = (
      await e.api(token, 'orders.create', {
        customerId: ids.customer,
        orderDate,
        requiredSchedule: '按期交货',
        deliveryDate: addMonths(THIS_MONTH, 1) + '-15',
        deliveryPlace: '苏州工业园区星湖街 88 号',
        packaging: '25kg 编织袋',
        shippingMethod: '汽运',
        lines: [{ productId, quantityMilli }],
      })
    ).data;
    let d = (await e.api(token, 'orders.confirm', { id: draft.order.id, version: draft.order.version })).data;
    expect(d.order.status).toBe('confirmed');
    d = await move(token, d, 'production_requested');
    d = await move(token, d, 'in_production');
    return move(token, d, 'inspected', { inspectionResults: '熔指 2.1 g/10min，密度 0.952，合格' });
  }

  beforeAll(async () => {
    e = await startE2E();
    ({ token: admin } = await e.api(null, 'setup.init', { companyName: '常州瑞丰新材料有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD }));
    const gm = (await e.api(admin, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD })).data;
    const wang = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', managerId: gm.id, password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'li', displayName: '李娜', role: 'rep', managerId: wang.id, region: '华东', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: wang.id, password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'qian', displayName: '钱会计', role: 'finance', managerId: gm.id, password: PASSWORD });
    ({ token: rep } = await e.api(null, 'auth.login', { username: 'li', password: PASSWORD }));
    ({ token: assistant } = await e.api(null, 'auth.login', { username: 'zhou', password: PASSWORD }));
    const { token: manager } = await e.api(null, 'auth.login', { username: 'wang', password: PASSWORD });

    const pe = await e.api(admin, 'products.create', {
      product: { code: 'PE-100', name: '聚乙烯颗粒', spec: 'HDPE 5000S', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
      effectiveFrom: `${addMonths(THIS_MONTH, -3)}-01`,
    });
    const { customer: c } = (await e.api(rep, 'customers.create', { customer: { customerNo: 'C001', name: '苏州恒达化工有限公司', address: '江苏省苏州市工业园区', contactPerson: '张经理' } })).data;
    await e.api(manager, 'customers.update', { id: c.id, version: c.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
    ids.customer = c.id;

    // 5 吨 × ¥10,000.00: 2 吨 delivered two months ago (¥20,000.00), 3 吨 on the 1st of this month (¥30,000.00).
    const d = await inspectedOrder(rep, `${TWO_AGO}-05`, 5_000, pe.data.product.id);
    // Confirmed before the old sale is on the books (S-CREDIT would hold it for the overdue invoice).
    const d2 = await inspectedOrder(rep, TODAY, 1_000, pe.data.product.id);
    ids.order2 = d2.order.id;
    ids.order2No = d2.order.orderNo;
    ids.order = d.order.id;
    ids.orderNo = d.order.orderNo;
    const line = d.lines[0]!.id;
    const first = await e.api(assistant, 'shipments.create', { orderId: d.order.id, shipmentNo: 'CK-0101', shipDate: `${TWO_AGO}-10`, carrier: '顺丰物流', lines: [{ orderLineId: line, quantityMilli: 2_000 }] });
    await e.api(assistant, 'shipments.deliver', { id: first.data.id, deliveredAt: `${TWO_AGO}-12` });
    const second = await e.api(assistant, 'shipments.create', { orderId: d.order.id, shipmentNo: 'CK-0102', shipDate: `${THIS_MONTH}-01`, carrier: '德邦物流', lines: [{ orderLineId: line, quantityMilli: 3_000 }] });
    await e.api(assistant, 'shipments.deliver', { id: second.data.id, deliveredAt: `${THIS_MONTH}-01` });
    expect((await e.api(rep, 'orders.get', { id: d.order.id })).data.order.status).toBe('delivered');

    // A second order on its way: shipped today, not yet signed for (the register's 签收 at the end).
    await e.api(assistant, 'shipments.create', { orderId: d2.order.id, shipmentNo: 'CK-0103', shipDate: TODAY, carrier: '安能物流', lines: [{ orderLineId: d2.lines[0]!.id, quantityMilli: 1_000 }] });

    await e.page.goto(e.server.url);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('finance posts a receipt for part of the balance, is refused beyond it until 预收款 is ticked, and reverses an entry', async () => {
    const { page } = e;
    await signInAs(e, 'qian');
    await page.getByTestId('nav-ledger').click();
    const row = page.locator(`[data-testid=balances-grid] .ag-row[row-id="${ids.customer}"]`);
    await row.waitFor();
    expect(await row.locator('[col-id=balanceFen]').textContent()).toBe('¥50,000.00');
    await e.shot('e2e-ledger-balances');

    await row.locator('[col-id=customerName]').dblclick();
    const drawer = page.getByTestId('ledger-drawer');
    await drawer.waitFor();
    const entries = drawer.getByTestId('ledger-entry');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).getByTestId('entry-running').textContent()).toBe('20,000.00');
    expect(await entries.nth(1).getByTestId('entry-running').textContent()).toBe('50,000.00');
    expect(await text(page, 'ledger-balance')).toBe('¥50,000.00');

    // 登记回款 for part of the balance, allocated to the order.
    await drawer.getByTestId('ledger-post-receipt').click();
    const form = drawer.getByTestId('payment-form');
    await form.waitFor();
    await form.locator('input[name=amount]').fill('12,000');
    await form.locator('input[name=reference]').fill('工行回单 0001');
    // Allocated first to the order still on its way (¥10,000.00): refused beside that order.
    const wrong = form.locator(`[data-testid=allocation-row][data-order-no="${ids.order2No}"]`);
    await wrong.locator('input').fill('12000');
    expect(await form.getByTestId('allocation-sum').textContent()).toContain('未分配 ¥0.00');
    await form.getByTestId('payment-save').click();
    await wrong.locator('.field-error').waitFor();
    expect(await wrong.locator('.field-error').textContent()).toContain(`超过订单 ${ids.order2No} 的未付金额 ¥10,000.00`);
    expect(await entries.count()).toBe(2);
    await wrong.locator('input').fill('');
    await form.locator(`[data-testid=allocation-row][data-order-no="${ids.orderNo}"] input`).fill('12000');
    await form.getByTestId('payment-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('toast-success').filter({ hasText: '回款 ¥12,000.00 已登记' }).first().waitFor();
    await expect.poll(() => entries.count()).toBe(3);
    const receipt = entries.nth(2);
    expect(await receipt.getAttribute('data-kind')).toBe('receipt');
    expect(await receipt.getByTestId('entry-credit').textContent()).toBe('12,000.00');
    expect(await receipt.getByTestId('entry-running').textContent()).toBe('38,000.00');
    await expect.poll(() => text(page, 'ledger-balance')).toBe('¥38,000.00');
    // Paid on the day against the delivery of the 1st: the collection cycle is known now.
    await expect.poll(() => text(page, 'ledger-collection-days')).toMatch(/^\d+(\.\d)? 天$/);
    await e.shot('e2e-ledger-receipt');

    // ¥50,000.00 is more than the ¥38,000.00 still open: refused beside the amount, nothing written.
    await drawer.getByTestId('ledger-post-receipt').click();
    await form.waitFor();
    await form.locator('input[name=amount]').fill('50000');
    await form.locator('input[name=reference]').fill('工行回单 0002');
    // The form says so while typing, before the core refuses it.
    expect(await form.getByTestId('payment-amount-field').locator('.field-hint').textContent()).toContain('¥38,000.00');
    await form.getByTestId('payment-save').click();
    const amountError = form.getByTestId('payment-amount-field').locator('.field-error');
    await amountError.waitFor();
    expect(await amountError.textContent()).toContain('超过客户未结余额 ¥38,000.00');
    expect(await amountError.textContent()).toContain('预收款');
    expect(await form.getByTestId('payment-error').count()).toBe(0);
    expect(await entries.count()).toBe(3);
    await e.shot('e2e-ledger-over-balance');

    // Ticked as a prepayment it is taken: the balance goes negative (paid in advance).
    await form.getByTestId('payment-prepayment').check();
    expect(await amountError.count()).toBe(0);
    await form.getByTestId('payment-save').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.nth(3).getByTestId('entry-running').textContent()).toBe('-12,000.00');
    expect(await entries.nth(3).textContent()).toContain('预收款');
    await expect.poll(() => text(page, 'ledger-balance')).toBe('-¥12,000.00');
    await e.shot('e2e-ledger-prepayment');

    // 冲销 the ¥50,000.00 (entered in error): a new opposite entry; the original shows as reversed.
    await entries.nth(3).getByTestId('entry-reverse').click();
    const dialog = page.getByTestId('reverse-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('reverse-save').click();
    expect(await dialog.locator('.field-error').textContent()).toContain('不能为空');
    await dialog.locator('textarea[name=reason]').fill('银行回单重复，款项未到账');
    await dialog.getByTestId('reverse-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => entries.count()).toBe(5);
    expect(await entries.nth(3).getAttribute('data-reversed')).toBe('yes');
    expect(await entries.nth(3).getByTestId('entry-reversed').textContent()).toBe('已冲销');
    expect(await entries.nth(3).getByTestId('entry-reverse').count()).toBe(0);
    expect(await entries.nth(4).getAttribute('data-kind')).toBe('reversal');
    expect(await entries.nth(4).getByTestId('entry-reverse').count()).toBe(0);
    expect(await entries.nth(4).getByTestId('entry-running').textContent()).toBe('38,000.00');
    await expect.poll(() => text(page, 'ledger-balance')).toBe('¥38,000.00');
    await e.shot('e2e-ledger-reversed');

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[col-id=balanceFen]').textContent()).toBe('¥38,000.00');
  });

  it('the statements show previous balance, sales, receipts and balance per month; print one customer; export CSV; publish the month end', async () => {
    const { page } = e;
    await page.getByTestId('nav-statements').click();
    const month = page.getByTestId('statements-month');
    // Last month by default: only the balance carried from two months ago.
    await expect.poll(() => month.inputValue()).toBe(LAST_MONTH);
    const stmt = page.locator('[data-testid=statement-row][data-customer-no=C001]');
    await stmt.waitFor();
    expect(await stmt.getByTestId('stmt-previous').textContent()).toBe('20,000.00');
    expect(await stmt.getByTestId('stmt-sales').textContent()).toBe('0.00');
    expect(await stmt.getByTestId('stmt-receipts').textContent()).toBe('0.00');
    expect(await stmt.getByTestId('stmt-balance').textContent()).toBe('20,000.00');

    // This month: the second delivery and the receipts (the reversed one nets out).
    await page.getByTestId('month-next').click();
    await expect.poll(() => month.inputValue()).toBe(THIS_MONTH);
    await expect.poll(() => stmt.getByTestId('stmt-sales').textContent()).toBe('30,000.00');
    expect(await stmt.getByTestId('stmt-previous').textContent()).toBe('20,000.00');
    expect(await stmt.getByTestId('stmt-receipts').textContent()).toBe('12,000.00');
    expect(await stmt.getByTestId('stmt-balance').textContent()).toBe('38,000.00');
    expect(await page.getByTestId('badge-provisional').count()).toBe(1); // this month's statements are a preview
    await stmt.getByTestId('statement-toggle').click();
    const lines = page.getByTestId('statement-lines').getByTestId('statement-line');
    await expect.poll(() => lines.count()).toBe(4);
    expect(await lines.nth(3).getAttribute('data-kind')).toBe('reversal');
    await e.shot('e2e-ledger-statements');

    // 打印: the core's A4 statement in its own window.
    const [popup] = await Promise.all([page.waitForEvent('popup'), stmt.getByTestId('statement-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain('应收账款对账单');
    const printed = await popup.evaluate(() => document.body.innerText);
    expect(printed).toContain('苏州恒达化工有限公司');
    expect(printed).toContain('38,000.00');
    await popup.setViewportSize({ width: 900, height: 1100 });
    await popup.screenshot({ path: join(RESULTS, 'e2e-ledger-print.png'), fullPage: true });
    await popup.close();
    // 打印全部: every customer of the month, one page each.
    const [all] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('statements-print-all').click()]);
    await all.waitForLoadState();
    await expect.poll(() => all.evaluate(() => document.querySelectorAll('[data-customer]').length)).toBe(1);
    expect(await all.title()).toBe(`应收账款对账单 ${THIS_MONTH}`);
    await all.close();

    // 导出 CSV: built from the statements on screen, for Excel (BOM, Chinese headers, yuan).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statements-export').click()]);
    expect(download.suggestedFilename()).toBe(`应收账款对账单-${THIS_MONTH}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('客户编号,客户名称,日期,摘要');
    expect(csv).toContain(`C001,苏州恒达化工有限公司,${THIS_MONTH}-01,上月结转,,,,,,20000.00`);
    expect(csv).toContain('C001,苏州恒达化工有限公司,,本月合计,,,,30000.00,12000.00,38000.00');

    // O-RECON two months ago (its publication day has passed whatever today is): publish; the lock
    // waits for the day after, the reps' dispute day.
    await page.getByTestId('month-prev').click();
    await page.getByTestId('month-prev').click();
    await expect.poll(() => month.inputValue()).toBe(TWO_AGO);
    const recon = page.getByTestId('recon-panel');
    await recon.getByTestId('recon-empty').waitFor();
    await recon.getByTestId('recon-publish').click();
    const repRow = recon.locator('[data-testid=recon-row][data-rep=李娜]');
    await repRow.waitFor();
    expect(await repRow.textContent()).toContain('20,000.00');
    expect(await repRow.textContent()).toContain('2 吨');
    expect(await recon.getByTestId('recon-lock').isDisabled()).toBe(true);
    await recon.scrollIntoViewIfNeeded();
    await e.shot('e2e-ledger-recon');
    await signOut(page);
  });

  it('the rep disputes his figures on the day of publication and files a bad-debt request', async () => {
    const { page } = e;
    await signInAs(e, 'li');
    await page.getByTestId('nav-statements').click();
    await page.getByTestId('statements-month').fill(TWO_AGO);
    const recon = page.getByTestId('recon-panel');
    const own = recon.locator('[data-testid=recon-row][data-rep=李娜]');
    await own.waitFor();
    expect(await recon.getByTestId('recon-publish').count()).toBe(0); // finance publishes, not reps
    await own.getByTestId('recon-dispute').click();
    const dialog = page.getByTestId('recon-dispute-dialog');
    await dialog.locator('textarea[name=note]').fill('CK-0101 的 2 吨应计入本人业绩，请核对签收单');
    await dialog.getByTestId('recon-dispute-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => own.textContent()).toContain('请核对签收单');
    expect(await own.getByTestId('recon-dispute').count()).toBe(0);
    await recon.scrollIntoViewIfNeeded();
    await e.shot('e2e-ledger-dispute');

    // S-BADDEBT: a request, not a posting; the ledger is unchanged until it is approved.
    await page.getByTestId('nav-ledger').click();
    const row = page.locator(`[data-testid=balances-grid] .ag-row[row-id="${ids.customer}"]`);
    await row.locator('[col-id=customerName]').dblclick();
    const drawer = page.getByTestId('ledger-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('ledger-post-receipt').count()).toBe(0); // finance and the gm post
    await drawer.getByTestId('ledger-bad-debt').click();
    const badDebt = page.getByTestId('bad-debt-dialog');
    await badDebt.waitFor();
    expect(await badDebt.locator('input[name=amount]').inputValue()).toBe('38,000.00');
    await badDebt.locator('input[name=amount]').fill('40000');
    await badDebt.getByTestId('bad-debt-save').click();
    await badDebt.locator('.field-error').waitFor();
    expect(await badDebt.locator('.field-error').textContent()).toContain('¥38,000.00');
    await badDebt.locator('input[name=amount]').fill('1,500');
    await badDebt.locator('textarea[name=note]').fill('运输途中破损两袋，客户拒付');
    await e.shot('e2e-ledger-bad-debt');
    await badDebt.getByTestId('bad-debt-save').click();
    await badDebt.waitFor({ state: 'detached' });
    await page.getByTestId('toast-success').filter({ hasText: '坏账核销申请' }).first().waitFor();
    expect(await text(page, 'ledger-balance')).toBe('¥38,000.00');
    await page.keyboard.press('Escape');
    await signOut(page);
  });

  it('the assistant records a delivery in the shipping register, which posts the sale', async () => {
    const { page } = e;
    await signInAs(e, 'zhou');
    await page.getByTestId('nav-shipments').click();
    const grid = page.getByTestId('shipments-grid');
    const rows = grid.locator('.ag-row');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByTestId('shipments-undelivered').check();
    await expect.poll(() => rows.count()).toBe(1);
    const pending = rows.first();
    // The grid draws the row before its cells' text (under load, visibly so): wait for the text.
    await expect.poll(() => pending.locator('[col-id=lines]').textContent()).toContain('聚乙烯颗粒（HDPE 5000S） 1 吨');
    await expect.poll(() => pending.locator('[col-id=amountFen]').textContent()).toBe('¥10,000.00');
    await e.shot('e2e-ledger-shipments');

    await pending.getByTestId('shipment-deliver').click();
    const dialog = page.getByTestId('deliver-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('input[name=deliveredAt]').inputValue()).toBe(TODAY);
    await dialog.getByTestId('deliver-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('toast-success').filter({ hasText: 'CK-0103 已签收' }).first().waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('shipments-undelivered').uncheck();
    await expect.poll(() => grid.locator('[data-testid=shipment-delivered]').count()).toBe(3);
    await e.shot('e2e-ledger-delivered');

    // The same register in English: labels switch, nothing clipped.
    await page.locator('.sidebar-footer button.link', { hasText: 'English' }).click();
    await page.locator('h1', { hasText: 'Shipping register' }).waitFor();
    expect(await grid.locator('.ag-header-cell[col-id=deliveredAt]').textContent()).toContain('Delivered');
    await e.shot('e2e-ledger-shipments-en');
    await page.locator('.sidebar-footer button.link', { hasText: '中文' }).click();
    await page.locator('h1', { hasText: '发货登记簿' }).waitFor();

    const { data } = await e.api(assistant, 'ledger.entries', { customerId: ids.customer, startRow: 0, endRow: 100 });
    expect(data.balanceFen).toBe(4_800_000);
    expect(data.rows.at(-1)).toMatchObject({ kind: 'sale', reference: 'CK-0103', entryDate: TODAY, amountFen: 1_000_000 });
  });
});
