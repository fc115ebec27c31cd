// Order to cash in one database, in the UI as the sales office works it (issue 4): the assistant
// (内勤) enters an order with the keyboard only and confirms it, moves it through 已下生产单 → 生产中 →
// 已检验 (测试成绩) in the order drawer, ships part of it, then the rest, and records 签收 of both
// shipments (the order is 已交货, the sales posted); finance posts a receipt for the full amount in
// 销售账 (balance 0.00), reads the month's statement (sales = receipts = the order total) and prints
// it; the assistant prints the 四联单. Both printed forms are saved as PDF from their print windows
// (Chromium headless), their page counts checked with pdfinfo, and rendered to PNG with pdftoppm
// (test-results/order-to-cash-*.png) to be looked at; the UI states are in test-results/e2e-o2c-*.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localMonth } from '../../shared/dates';
import { chromiumPath, RESULTS, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const COMPANY = '苏州恒达化工有限公司';
const CUSTOMER = '无锡新材料科技有限公司';

// 3 吨 × ¥10,050.00 + 150 件 × ¥3.33 = ¥30,150.00 + ¥499.50 = ¥30,649.50.
const TOTAL = '30,649.50';
const TOTAL_CAPITALS = '人民币叁万零陆佰肆拾玖元伍角整';
// Shipped in two parts: 2 吨 and the 150 件 (¥20,599.50), then the last 吨 (¥10,050.00).
const FIRST_SHIPMENT = '20,599.50';

const poppler = spawnSync('pdfinfo', ['-v']).error === undefined && spawnSync('pdftoppm', ['-v']).error === undefined;

function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localDate(d);
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('name') ?? '');
const focusedInputName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');

/** A print window saved as PDF (A4 from the form's own @page), its pages counted and rendered to PNG. */
async function printToPng(popup: Page, name: string, expectedPages: number): Promise<string[]> {
  const pdf = join(RESULTS, `order-to-cash-${name}.pdf`);
  await popup.pdf({ preferCSSPageSize: true, printBackground: true, path: pdf });
  if (!poppler) {
    console.warn('⚠ pdfinfo / pdftoppm not found (apt-get install poppler-utils): the PDF is not rasterised');
    return [];
  }
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), `${name}: pages`).toBe(expectedPages);
  expect(info, `${name}: A4 portrait`).toMatch(/^Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/m);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(RESULTS, `order-to-cash-${name}`)]);
  const pngs = readdirSync(RESULTS)
    .filter((f) => f.startsWith(`order-to-cash-${name}-`) && f.endsWith('.png'))
    .sort();
  expect(pngs).toHaveLength(expectedPages);
  return pngs.map((f) => join(RESULTS, f));
}

describe.skipIf(!chromiumPath())('order to cash: keyboard entry → production → two shipments → 签收 → receipt → statement and 四联单 as PDF (browser preview)', () => {
  let e: E2E;
  const ids = { customer: 0, order: 0, orderNo: '' };
  let assistant: string | null;
  const THIS_MONTH = localMonth(new Date());
  const due = daysFromToday(21);

  beforeAll(async () => {
    e = await startE2E(); // makes test-results/
    // The PDFs and PNGs of an earlier run go first: what is looked at is this run's.
    for (const f of readdirSync(RESULTS, { withFileTypes: true })) {
      if (f.isFile() && f.name.startsWith('order-to-cash-')) rmSync(join(RESULTS, f.name));
    }
    const { token: admin } = await e.api(null, 'setup.init', { companyName: COMPANY, adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const gm = (await e.api(admin, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD })).data;
    const wang = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', managerId: gm.id, password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'li', displayName: '李娜', role: 'rep', managerId: wang.id, region: '华东', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: wang.id, password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'qian', displayName: '钱会计', role: 'finance', managerId: gm.id, password: PASSWORD });
    const { token: rep } = await e.api(null, 'auth.login', { username: 'li', password: PASSWORD });
    const { token: manager } = await e.api(null, 'auth.login', { username: 'wang', password: PASSWORD });
    ({ token: assistant } = await e.api(null, 'auth.login', { username: 'zhou', password: PASSWORD }));

    await e.api(admin, 'products.create', {
      product: { code: 'PE-100', name: '聚乙烯颗粒', spec: 'HDPE 5000S', unit: '吨', standardPriceFen: 1_005_000, costPriceFen: 820_000 },
      effectiveFrom: daysFromToday(-30),
    });
    await e.api(admin, 'products.create', { product: { code: 'BAG-1', name: '编织袋', spec: '50×80cm', unit: '件', standardPriceFen: 333, costPriceFen: 200 }, effectiveFrom: daysFromToday(-30) });
    // The rep's customer; his manager gives it credit.
    const { customer: c } = (
      await e.api(rep, 'customers.create', { customer: { customerNo: 'C101', name: CUSTOMER, address: '江苏省无锡市新吴区长江路 21 号', contactPerson: '赵经理', phone: '0510-85201234' } })
    ).data;
    await e.api(manager, 'customers.update', { id: c.id, version: c.version, patch: { grade: 'core', creditLimitFen: 50_000_000, creditDays: 30 } });
    ids.customer = c.id;

    await e.page.goto(e.server.url);
    await e.page.getByTestId('login-form').waitFor();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the assistant enters the order with the keyboard only and confirms it', async () => {
    const { page } = e;
    await signIn(page, 'zhou', PASSWORD);
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('orders-total').filter({ hasText: '共 0 张订单' }).waitFor();
    // Every pointer press inside the entry form is counted: there must be none.
    await page.evaluate(() => {
      const w = window as unknown as { entryClicks: number };
      w.entryClicks = 0;
      document.addEventListener('pointerdown', (ev) => (ev.target as Element | null)?.closest?.('[data-testid=order-entry]') && (w.entryClicks += 1), true);
    });
    await page.locator('body').click({ position: { x: 700, y: 15 } });

    await page.keyboard.press('Control+n');
    const entry = page.getByTestId('order-entry');
    await entry.waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('order-customer');
    await page.keyboard.type('C101');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('line-code');
    expect(await entry.getByTestId('order-customer').inputValue()).toBe(`C101 ${CUSTOMER}`);

    // Line 1: code, Enter, quantity, Tab to the prefilled price, Enter adds line 2.
    await page.keyboard.type('PE-100');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('line-quantity');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('line-price');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('10050.00');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInputName(page)).toBe('code-2');
    // Line 2 with Enter all the way; Enter on the empty third line leaves the lines.
    await page.keyboard.type('BAG-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInputName(page)).toBe('quantity-2');
    await page.keyboard.type('150');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInputName(page)).toBe('unitPrice-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInputName(page)).toBe('code-3');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInputName(page)).toBe('requiredSchedule');

    const lines = entry.getByTestId('order-line');
    expect(await lines.nth(0).getByTestId('line-amount').textContent()).toBe('30,150.00');
    expect(await lines.nth(1).getByTestId('line-amount').textContent()).toBe('499.50');
    expect(await entry.getByTestId('order-total').textContent()).toBe(`¥${TOTAL}`);

    // The O-FIELDS with Tab; no deposit (the receipt pays it all).
    await page.keyboard.type('三周内交货');
    await page.keyboard.press('Tab');
    await page.keyboard.type(due);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedInputName(page)).toBe('deliveryPlace');
    await page.keyboard.type('无锡市新吴区长江路 21 号 2 号仓库');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25kg 编织袋，每托 40 袋');
    await page.keyboard.press('Tab');
    await page.keyboard.type('汽运');
    await expect.poll(() => entry.getByTestId('order-sum-due').textContent()).toBe(`¥${TOTAL}`);
    await expect.poll(() => entry.getByTestId('order-checks').getByTestId('decision-view').getAttribute('data-decision')).toBe('allow');
    await e.shot('e2e-o2c-entry');

    await page.keyboard.press('Control+Enter');
    await entry.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { entryClicks: number }).entryClicks)).toBe(0);
    await page.getByTestId('toast-success').filter({ hasText: '已确认' }).first().waitFor();
    const drawer = page.getByTestId('order-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('confirmed');
    expect(await drawer.getByTestId('order-detail-total').textContent()).toBe(`¥${TOTAL}`);

    const { data: list } = await e.api(assistant, 'orders.list', { startRow: 0, endRow: 10 });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ status: 'confirmed', totalFen: 3_064_950, depositFen: 0, deliveryDate: due, customerId: ids.customer, lineCount: 2, repName: '李娜' });
    ids.order = list.rows[0]!.id;
    ids.orderNo = list.rows[0]!.orderNo;
    await e.shot('e2e-o2c-confirmed');
  });

  it('in the drawer: 已下生产单 → 生产中 → 已检验, shipped in two parts, both 签收: 已交货 and the sales posted', async () => {
    const { page } = e;
    const drawer = page.getByTestId('order-drawer');
    const status = () => drawer.getByTestId('order-status').first().getAttribute('data-status');
    const next = drawer.getByTestId('order-next-step');

    await expect.poll(() => next.getAttribute('data-to')).toBe('production_requested');
    await drawer.getByTestId('order-step-note').fill('下生产单 P-2401');
    await next.click();
    await expect.poll(status).toBe('production_requested');
    await expect.poll(() => next.getAttribute('data-to')).toBe('in_production');
    await next.click();
    await expect.poll(status).toBe('in_production');
    await expect.poll(() => next.getAttribute('data-to')).toBe('inspected');
    await drawer.getByTestId('order-inspection-input').fill('熔指 2.0 g/10min，密度 0.953，拉伸强度 24 MPa，合格');
    await drawer.getByTestId('order-step-note').fill('质检部 刘工');
    await next.click();
    await expect.poll(status).toBe('inspected');
    expect(await drawer.getByTestId('order-inspection').textContent()).toContain('拉伸强度 24 MPa');

    // 发货 part: 2 of the 3 吨 and all 150 件 (what is left is prefilled).
    await drawer.getByTestId('order-ship').click();
    const qty = drawer.getByTestId('ship-quantity');
    await expect.poll(() => qty.count()).toBe(2);
    expect(await qty.nth(0).inputValue()).toBe('3');
    expect(await qty.nth(1).inputValue()).toBe('150');
    await qty.nth(0).fill('2');
    await drawer.getByTestId('ship-no').fill('CK-2401');
    await drawer.locator('input[name=carrier]').fill('德邦物流');
    await drawer.getByTestId('ship-save').click();
    await page.getByTestId('toast-success').filter({ hasText: '发货 CK-2401 已登记' }).first().waitFor();
    const remaining = drawer.getByTestId('shipping-remaining');
    await expect.poll(() => remaining.allTextContents()).toEqual(['1', '0']);
    expect(await status()).toBe('inspected');
    await drawer.getByTestId('order-shipments').scrollIntoViewIfNeeded();
    await e.shot('e2e-o2c-shipped-partly');

    // 发货 the rest: only the last 吨 is offered.
    await drawer.getByTestId('order-ship').click();
    await expect.poll(() => qty.count()).toBe(1);
    expect(await qty.inputValue()).toBe('1');
    await drawer.getByTestId('ship-no').fill('CK-2402');
    await drawer.locator('input[name=carrier]').fill('德邦物流');
    await drawer.getByTestId('ship-save').click();
    await page.getByTestId('toast-success').filter({ hasText: '发货 CK-2402 已登记' }).first().waitFor();
    await expect.poll(() => remaining.allTextContents()).toEqual(['0', '0']);
    await expect.poll(status).toBe('shipped');

    // 签收 of both shipments, each posting its sale; the last one makes the order 已交货.
    const shipments = drawer.getByTestId('shipment-row');
    await expect.poll(() => shipments.count()).toBe(2);
    expect(await shipments.nth(0).textContent()).toContain(FIRST_SHIPMENT);
    expect(await shipments.nth(1).textContent()).toContain('10,050.00');
    for (const [i, no] of [[0, 'CK-2401'], [1, 'CK-2402']] as const) {
      await shipments.nth(i).getByTestId('shipment-deliver').click();
      await drawer.getByTestId('deliver-confirm').click();
      await page.getByTestId('toast-success').filter({ hasText: `发货 ${no} 已签收，销售已入账` }).first().waitFor();
      await expect.poll(() => shipments.nth(i).textContent()).toContain(`${localDate(new Date())} 签收`);
    }
    await expect.poll(status).toBe('delivered');
    const items = drawer.getByTestId('timeline-item');
    await expect.poll(() => items.evaluateAll((els) => els.map((el) => el.getAttribute('data-to')))).toEqual([
      'draft',
      'confirmed',
      'production_requested',
      'in_production',
      'inspected',
      'shipped',
      'delivered',
    ]);
    expect(await items.nth(2).textContent()).toContain('下生产单 P-2401');
    expect(await items.nth(4).textContent()).toContain('周内勤');
    await drawer.getByTestId('order-shipments').scrollIntoViewIfNeeded();
    await e.shot('e2e-o2c-delivered');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    const gridRow = page.locator(`[data-testid=orders-grid] .ag-row[row-id="${ids.order}"]`);
    await expect.poll(() => gridRow.getByTestId('order-status').textContent()).toBe('已交货');
    await signOut(page);
  });

  it('finance posts the receipt for the full amount (balance 0.00); the statement shows sales = receipts = the total and prints on one A4 page', async () => {
    const { page } = e;
    await signIn(page, 'qian', PASSWORD);
    await page.getByTestId('nav-ledger').click();
    const row = page.locator(`[data-testid=balances-grid] .ag-row[row-id="${ids.customer}"]`);
    await expect.poll(() => row.locator('[col-id=balanceFen]').textContent()).toBe(`¥${TOTAL}`);
    await row.locator('[col-id=customerName]').dblclick();
    const drawer = page.getByTestId('ledger-drawer');
    await drawer.waitFor();
    const entries = drawer.getByTestId('ledger-entry');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).getByTestId('entry-running').textContent()).toBe(FIRST_SHIPMENT);
    expect(await entries.nth(1).getByTestId('entry-running').textContent()).toBe(TOTAL);

    await drawer.getByTestId('ledger-post-receipt').click();
    const form = drawer.getByTestId('payment-form');
    await form.waitFor();
    await form.locator('input[name=amount]').fill(TOTAL);
    await form.locator('input[name=reference]').fill('工行回单 2401');
    const allocation = form.locator(`[data-testid=allocation-row][data-order-no="${ids.orderNo}"] input`);
    await allocation.fill(TOTAL);
    await expect.poll(() => form.getByTestId('allocation-sum').textContent()).toContain('未分配 ¥0.00');
    await form.getByTestId('payment-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('toast-success').filter({ hasText: `回款 ¥${TOTAL} 已登记，余额 ¥0.00` }).first().waitFor();
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.nth(2).getAttribute('data-kind')).toBe('receipt');
    expect(await entries.nth(2).getByTestId('entry-credit').textContent()).toBe(TOTAL);
    expect(await entries.nth(2).getByTestId('entry-running').textContent()).toBe('0.00');
    await expect.poll(() => drawer.getByTestId('ledger-balance').textContent()).toBe('¥0.00');
    await e.shot('e2e-o2c-receipt');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[col-id=balanceFen]').textContent()).toBe('¥0.00');

    // This month's statement: nothing carried, sales = receipts = the order total, balance 0.00.
    await page.getByTestId('nav-statements').click();
    await page.getByTestId('statements-month').fill(THIS_MONTH);
    const stmt = page.locator('[data-testid=statement-row][data-customer-no=C101]');
    await expect.poll(() => stmt.getByTestId('stmt-sales').textContent()).toBe(TOTAL);
    expect(await stmt.getByTestId('stmt-previous').textContent()).toBe('0.00');
    expect(await stmt.getByTestId('stmt-receipts').textContent()).toBe(TOTAL);
    expect(await stmt.getByTestId('stmt-balance').textContent()).toBe('0.00');
    await stmt.getByTestId('statement-toggle').click();
    const stmtLines = page.getByTestId('statement-lines').getByTestId('statement-line');
    await expect.poll(() => stmtLines.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['sale', 'sale', 'receipt']);
    await e.shot('e2e-o2c-statements');

    const [popup] = await Promise.all([page.waitForEvent('popup'), stmt.getByTestId('statement-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain('应收账款对账单');
    const printed = await popup.evaluate(() => document.body.innerText);
    for (const text of [COMPANY, `C101 ${CUSTOMER}`, 'CK-2401', 'CK-2402', '工行回单 2401', TOTAL, FIRST_SHIPMENT]) expect(printed).toContain(text);
    await printToPng(popup, 'statement', 1);
    await popup.close();
    await signOut(page);
  });

  it('the assistant prints the 四联单: four A4 pages, one per copy, the total in capitals', async () => {
    const { page } = e;
    await signIn(page, 'zhou', PASSWORD);
    await page.getByTestId('nav-orders').click();
    await page.locator(`[data-testid=orders-grid] .ag-row[row-id="${ids.order}"] [col-id=orderNo]`).dblclick();
    const drawer = page.getByTestId('order-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('order-status').first().getAttribute('data-status')).toBe('delivered');

    const [popup] = await Promise.all([page.waitForEvent('popup'), drawer.getByTestId('order-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.querySelectorAll('.sheet').length)).toBe(4);
    expect(await popup.evaluate(() => [...document.querySelectorAll('.sheet')].map((s) => s.getAttribute('data-copy')))).toEqual(['存根', '工务科', '常务董事', '财务部']);
    const printed = await popup.evaluate(() => document.body.innerText);
    for (const text of [COMPANY, ids.orderNo, `C101 ${CUSTOMER}`, '赵经理', '0510-85201234', '聚乙烯颗粒', '编织袋', `¥${TOTAL}`, TOTAL_CAPITALS, due, '无锡市新吴区长江路 21 号 2 号仓库', '25kg 编织袋，每托 40 袋', '汽运', '李娜']) {
      expect(printed, text).toContain(text);
    }
    await printToPng(popup, 'order-form', 4);
    await popup.close();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await signOut(page);
  });
});
