// Customer complaints in the UI (DOMAIN §7, issue 5/8) with the core's clock injected and moved
// between steps (the browser's clock moved with it, page.clock): a rep files a complaint on the
// 客户投诉 page with the keyboard (bad input first: no customer, a slip without its fields); the
// register counts P-HANDLE down; 25 hours later the manager signs in, finds it in red on 工作台 and
// in the register, escalates it (as major, so it goes on the management review list), files the
// slip, handles it, answers the customer, records the rectification with a compensation; archiving
// before the customer's confirmation is refused (P-CLOSE) with the core's message on screen; the
// confirmation is entered and it is archived; the gm reviews it. A bad O-SURVEY on a delivered order
// opens a complaint that appears in the register. The slip is printed on A5 and A4, saved as PDF
// and rendered to PNG (test-results/complaints-*.png); the screens are test-results/e2e-complaints-*.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RESULTS, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const COMPANY = '常州瑞丰新材料有限公司';
const CUSTOMER = '苏州恒达化工有限公司';
const HOUR = 3_600_000;
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined && spawnSync('pdftoppm', ['-v']).error === undefined;

/** Monday 09:30 on the office's wall clock (whatever the machine's zone). */
const T0 = new Date(2026, 10, 23, 9, 30, 0);

/** A print window saved as PDF from the slip's own @page, rendered to PNG. */
async function printToPng(popup: Page, name: string): Promise<{ pngs: string[]; info: string }> {
  const pdf = join(RESULTS, `complaints-${name}.pdf`);
  await popup.pdf({ preferCSSPageSize: true, printBackground: true, path: pdf });
  if (!poppler) {
    console.warn('⚠ pdfinfo / pdftoppm not found (apt-get install poppler-utils): the PDF is not rasterised');
    return { pngs: [], info: '' };
  }
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '90', pdf, join(RESULTS, `complaints-${name}`)]);
  const pngs = readdirSync(RESULTS)
    .filter((f) => f.startsWith(`complaints-${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(RESULTS, f));
  return { pngs, info };
}

describe.skipIf(!chromiumPath())('complaints: filed by the rep, overdue after 24 h, escalated by the manager, resolved, confirmed and archived (browser preview, clock injected)', () => {
  let e: E2E;
  let clock = T0;
  const ids = { complaint: 0, complaintNo: '', customer: 0, order: 0, orderNo: '' };

  /** Moves the core's clock and the browser's together. */
  async function setClock(at: Date): Promise<void> {
    clock = at;
    await e.page.clock.setFixedTime(at);
  }
  /** A fresh session token (an idle one may have lapsed while the clock moved). */
  async function tokenOf(username: string): Promise<string | null> {
    return (await e.api(null, 'auth.login', { username, password: PASSWORD })).token;
  }
  /** Signs in from the bare address, so the app lands where a fresh start does (工作台). */
  async function freshSignIn(username: string): Promise<void> {
    await e.page.goto(e.server.url);
    await e.page.locator('[data-testid=login-form], [data-testid=signed-in-user]').first().waitFor();
    if (await e.page.getByTestId('signed-in-user').count()) await signOut(e.page);
    await signIn(e.page, username, PASSWORD);
  }
  /** A row's cells (each column lives in one of the pinned or centre containers). */
  const row = (id: number) => e.page.locator(`[data-testid=complaints-grid] .ag-row[row-id="${id}"]`);
  /** The row's centre part (where the customer is), for its classes. */
  const rowClass = (id: number) => e.page.locator(`[data-testid=complaints-grid] .ag-row[row-id="${id}"]:has([col-id=customerName])`).getAttribute('class');

  beforeAll(async () => {
    e = await startE2E({ now: () => clock });
    for (const f of readdirSync(RESULTS, { withFileTypes: true })) {
      if (f.isFile() && f.name.startsWith('complaints-')) rmSync(join(RESULTS, f.name));
    }
    await setClock(T0);
    const { token: admin } = await e.api(null, 'setup.init', { companyName: COMPANY, adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const gm = (await e.api(admin, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD })).data;
    const wang = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', managerId: gm.id, region: '华东', password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'li', displayName: '李娜', role: 'rep', managerId: wang.id, region: '华东', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: wang.id, password: PASSWORD });
    const rep = await tokenOf('li');
    const assistant = await tokenOf('zhou');
    const manager = await tokenOf('wang');
    const { customer: c } = (await e.api(rep, 'customers.create', { customer: { customerNo: 'C001', name: CUSTOMER, address: '江苏省苏州市工业园区星湖街 88 号', contactPerson: '张经理', phone: '0512-62880000' } })).data;
    await e.api(manager, 'customers.update', { id: c.id, version: c.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
    ids.customer = c.id;

    // A delivered order (for the survey at the end, and the complaint's order).
    const pe = await e.api(admin, 'products.create', {
      product: { code: 'PE-100', name: '聚乙烯颗粒', spec: 'HDPE 5000S', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
      effectiveFrom: '2026-01-01',
    });
    const draft = (
      await e.api(rep, 'orders.create', {
        customerId: c.id,
        orderDate: '2026-11-16',
        requiredSchedule: '按期交货',
        deliveryDate: '2026-12-15',
        deliveryPlace: '苏州工业园区星湖街 88 号',
        packaging: '25kg 编织袋',
        shippingMethod: '汽运',
        lines: [{ productId: pe.data.product.id, quantityMilli: 2_000 }],
      })
    ).data;
    let d = (await e.api(rep, 'orders.confirm', { id: draft.order.id, version: draft.order.version })).data;
    for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
      d = (await e.api(rep, 'orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '熔指 2.1，合格' } : {}) })).data;
    }
    const shipment = await e.api(assistant, 'shipments.create', { orderId: d.order.id, shipmentNo: 'CK-0201', shipDate: '2026-11-20', carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: 2_000 }] });
    await e.api(assistant, 'shipments.deliver', { id: shipment.data.id, deliveredAt: '2026-11-21' });
    expect((await e.api(rep, 'orders.get', { id: d.order.id })).data.order.status).toBe('delivered');
    ids.order = d.order.id;
    ids.orderNo = d.order.orderNo;
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the rep lands on 工作台, files a complaint with the keyboard; bad input is refused beside the field with nothing written', async () => {
    const { page } = e;
    await freshSignIn('li');
    await page.getByTestId('home-page').waitFor();
    expect(page.url()).not.toContain('#/customers');
    await expect.poll(() => page.getByTestId('home-overdue').textContent()).toContain('没有逾期的客户投诉');

    await page.getByTestId('nav-complaints').click();
    await page.getByTestId('complaints-grid').waitFor();
    await page.keyboard.press('Control+n');
    const form = page.getByTestId('complaint-form');
    await form.waitFor();
    // No customer: refused on the spot, beside the customer.
    await form.getByTestId('complaint-summary').fill('颗粒有黑点，客户要求退换');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => form.locator('.field-invalid .field-error').first().textContent()).toBe('请选择客户');
    expect(await form.getByTestId('complaint-customer').evaluate((el) => el === document.activeElement)).toBe(true);

    // Keyboard: the customer by its number, Enter picks it and moves on; the order of that customer.
    await page.keyboard.type('C001');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByTestId('complaint-customer').inputValue()).toBe(`C001 ${CUSTOMER}`);
    await expect.poll(() => form.getByTestId('complaint-order').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(ids.orderNo);
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByTestId('complaint-order').inputValue()).toBe(ids.orderNo);
    // Received: now by default (the browser's clock, as the core's).
    expect(await form.getByTestId('complaint-received-at').inputValue()).toBe('2026-11-23T09:30');
    await form.getByTestId('complaint-course').fill('11 月 21 日到货的 2 吨 HDPE 5000S 开包发现黑点，客户质检拒收一批。');
    // The slip at once without its fields: the core names each missing one, beside it.
    await form.getByTestId('complaint-file-slip').check();
    await page.keyboard.press('Control+Enter');
    const errorOf = (testId: string) => form.locator(`.field:has([data-testid=${testId}]) .field-error`);
    await expect.poll(() => errorOf('complaint-occurred-at').textContent()).toContain('填写投诉单时必填');
    expect(await errorOf('complaint-responsible').textContent()).toContain('填写投诉单时必填');
    expect(await errorOf('complaint-course').count()).toBe(0);
    await e.shot('e2e-complaints-form-errors');
    let token = await tokenOf('li');
    expect((await e.api(token, 'complaints.list', {})).data.total).toBe(0);

    // The slip follows later: register it now.
    await form.getByTestId('complaint-file-slip').uncheck();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('toast-success').first().waitFor();
    expect(await page.getByTestId('toast-success').first().textContent()).toContain('2026-11-24 09:30');
    const list = (await e.api(token, 'complaints.list', {})).data;
    expect(list.total).toBe(1);
    const c = list.rows[0]!;
    ids.complaint = c.id;
    ids.complaintNo = c.complaintNo;
    expect(c).toMatchObject({ customerId: ids.customer, orderNo: ids.orderNo, workOrderNo: ids.orderNo, ownerName: '李娜', status: 'received', source: 'manual', severity: 'normal', handleOverdue: false });

    // The new complaint opens: the deadlines count down from now.
    const drawer = page.getByTestId('complaint-drawer');
    await expect.poll(() => drawer.getByTestId('drawer-countdown-handle').textContent()).toBe('剩 1 天');
    expect(await drawer.getByTestId('drawer-countdown-respond').textContent()).toBe('剩 2 天');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => row(ids.complaint).locator('[col-id=handleDueAt]').textContent()).toBe('剩 1 天');
    await signOut(page);
  });

  it('the countdown follows the clock: 20 hours on it says 4 hours left, and it ticks every 30 seconds', async () => {
    const { page } = e;
    await setClock(new Date(T0.getTime() + 20 * HOUR));
    await freshSignIn('li');
    await page.getByTestId('nav-complaints').click();
    const handle = row(ids.complaint).locator('[col-id=handleDueAt] [data-testid=countdown-handle]');
    await expect.poll(() => handle.textContent()).toBe('剩 4 小时');
    expect(await rowClass(ids.complaint)).not.toContain('row-overdue');
    // The browser's clock moves on 75 minutes; the next tick (≤ 30 s) shows it.
    await page.clock.setFixedTime(new Date(T0.getTime() + 21.25 * HOUR));
    await expect.poll(() => handle.textContent(), { timeout: 35_000 }).toBe('剩 2 小时 45 分');
    await e.shot('e2e-complaints-register-countdown');
    await signOut(page);
  });

  it('25 hours after receipt the manager sees it in red on 工作台 and in the register, and escalates it as major', async () => {
    const { page } = e;
    await setClock(new Date(T0.getTime() + 25 * HOUR));
    await freshSignIn('wang');
    const overdue = page.getByTestId('home-overdue');
    await overdue.waitFor();
    expect(await overdue.getAttribute('class')).toContain('home-card-danger');
    const item = overdue.locator(`[data-testid=home-complaint][data-complaint-id="${ids.complaint}"]`);
    expect(await item.textContent()).toContain(ids.complaintNo);
    expect(await item.textContent()).toContain(CUSTOMER);
    await expect.poll(() => item.getByTestId('home-countdown-handle').textContent()).toBe('逾期 1 小时');
    expect(await item.getByTestId('home-countdown-handle').getAttribute('data-state')).toBe('overdue');
    expect(await page.getByTestId('home-review').textContent()).toContain('没有待评审的重大投诉');
    await e.shot('e2e-complaints-home-overdue');

    // The register, overdue only: the row is red.
    await page.getByTestId('nav-complaints').click();
    await page.getByTestId('complaints-overdue').check();
    await expect.poll(() => page.getByTestId('complaints-total').textContent()).toBe('共 1 条');
    await expect.poll(() => rowClass(ids.complaint)).toContain('row-overdue');
    expect(await row(ids.complaint).locator('[col-id=handleDueAt]').textContent()).toBe('逾期 1 小时');
    await e.shot('e2e-complaints-register-overdue');

    // From 工作台 its link opens the complaint's drawer.
    await page.getByTestId('nav-home').click();
    await page.locator(`[data-testid=home-complaint][data-complaint-id="${ids.complaint}"] a`).click();
    const drawer = page.getByTestId('complaint-drawer');
    await drawer.waitFor();
    expect(page.url()).toContain(`#/complaints?id=${ids.complaint}`);
    await expect.poll(() => drawer.locator('.drawer-title').textContent()).toBe(`投诉 ${ids.complaintNo}`);
    expect(await drawer.getByTestId('drawer-countdown-handle').getAttribute('data-state')).toBe('overdue');
    await drawer.getByTestId('complaint-step-escalate').click();
    const step = drawer.getByTestId('complaint-step');
    await step.getByTestId('step-major').check();
    await step.getByTestId('step-note').fill('超过 24 小时未处理，经理接手；整批退换，定为重大投诉');
    await step.getByTestId('step-submit').click();
    await expect.poll(() => drawer.getByTestId('complaint-status').textContent()).toBe('已升级');
    expect(await drawer.getByTestId('complaint-severity').textContent()).toBe('重大');
    expect(await drawer.getByTestId('complaint-escalated-to').textContent()).toContain('王经理');
    expect(await drawer.locator('[data-testid=complaint-action][data-action=escalate]').textContent()).toContain('经理接手');
    // P-MAJOR: on the management review list.
    expect(await drawer.locator('[data-testid=finding][data-rule="P-MAJOR"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('?id=');
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-review').locator('[data-testid=home-complaint]').count()).toBe(1);
  });

  it('the manager files the slip, handles it, answers the customer and records the rectification with a compensation; archiving before the confirmation is refused (P-CLOSE)', async () => {
    const { page } = e;
    await page.getByTestId('nav-complaints').click();
    await row(ids.complaint).locator('[data-testid=complaint-open]').click();
    const drawer = page.getByTestId('complaint-drawer');
    const step = drawer.getByTestId('complaint-step');
    const act = async (name: string, fill?: () => Promise<void>) => {
      await drawer.getByTestId(`complaint-step-${name}`).click();
      await step.waitFor();
      await fill?.();
      await step.getByTestId('step-submit').click();
      await step.waitFor({ state: 'detached' });
    };

    // The slip: every P-SLIP field (the work order no. comes from the order).
    await act('slip', async () => {
      expect(await step.getByTestId('slip-work-order').inputValue()).toBe(ids.orderNo);
      await step.getByTestId('slip-occurred-at').fill('2026-11-22T15:00');
      await step.getByTestId('slip-responsible').selectOption({ label: '李娜' });
    });
    await expect.poll(() => drawer.getByTestId('deadline-slip').getAttribute('data-met')).toBe('met');
    expect(await drawer.getByTestId('complaint-responsible-text').textContent()).toBe('李娜');

    await act('handle', () => step.getByTestId('step-note').fill('已安排质检复检并准备换货'));
    // Handled 25 hours after receipt: late, and the engine says so.
    await expect.poll(() => drawer.getByTestId('deadline-handle').getAttribute('data-met')).toBe('late');
    expect(await drawer.locator('[data-testid=finding][data-rule="P-HANDLE"]').textContent()).toContain('逾期');

    await setClock(new Date(T0.getTime() + 27 * HOUR));
    await act('respond', () => step.getByTestId('step-note').fill('电话答复张经理：三日内整批换货'));
    await expect.poll(() => drawer.getByTestId('deadline-respond').getAttribute('data-met')).toBe('met');

    await act('resolve', async () => {
      await step.getByTestId('step-compensation').fill('1,500');
      await expect.poll(() => step.locator('.field-hint').first().textContent()).toBe('壹仟伍佰元整');
      await step.getByTestId('step-note').fill('已换货 2 吨，补偿运费及误工');
    });
    await expect.poll(() => drawer.getByTestId('complaint-status').textContent()).toBe('已整改');
    expect(await drawer.getByTestId('complaint-compensation').textContent()).toContain('¥1,500.00');
    expect(await drawer.getByTestId('complaint-compensation').textContent()).toContain('壹仟伍佰元整');

    // 归档 before the customer confirmed: the core refuses it and says why.
    await drawer.getByTestId('complaint-step-archive').click();
    await step.getByTestId('step-submit').click();
    const refusal = step.getByTestId('complaint-refusal');
    await refusal.waitFor();
    const said = await refusal.textContent();
    expect(said).toContain('客户尚未确认整改结果，投诉不能归档');
    expect(said).toContain('P-CLOSE');
    await e.shot('e2e-complaints-archive-refused');
    await page.keyboard.press('Escape'); // backs out of the step, the drawer stays
    await step.waitFor({ state: 'detached' });
    expect(await drawer.getByTestId('complaint-status').textContent()).toBe('已整改');
    const token = await tokenOf('wang');
    expect((await e.api(token, 'complaints.get', { id: ids.complaint })).data.complaint.archivedAt).toBeNull();
  });

  it("the customer's confirmation is entered, then it is archived; the gm reviews it from his 工作台", async () => {
    const { page } = e;
    await setClock(new Date(T0.getTime() + 72 * HOUR));
    const drawer = page.getByTestId('complaint-drawer');
    const step = drawer.getByTestId('complaint-step');
    await drawer.getByTestId('complaint-step-confirm').click();
    // Who confirmed is required.
    await step.getByTestId('step-confirmed-by').fill('');
    await step.getByTestId('step-submit').click();
    await expect.poll(() => step.locator('.field-error').first().textContent()).toBe('请填写客户确认人');
    await step.getByTestId('step-confirmed-by').fill('张经理');
    await step.getByTestId('step-note').fill('换货已验收合格，对处理结果满意');
    await step.getByTestId('step-submit').click();
    await expect.poll(() => drawer.getByTestId('complaint-status').textContent()).toBe('客户已确认');
    expect(await drawer.getByTestId('complaint-confirmed-by').textContent()).toContain('张经理');

    await drawer.getByTestId('complaint-step-archive').click();
    await step.getByTestId('step-submit').click();
    await expect.poll(() => drawer.getByTestId('complaint-status').textContent()).toBe('已归档');
    const record = await drawer.getByTestId('complaint-record').textContent();
    for (const text of ['受理', '升级至经理', '填写投诉单', '处理', '答复客户', '整改完成', '客户确认', '归档', '对处理结果满意']) expect(record, text).toContain(text);
    expect(await drawer.getByTestId('complaint-step-archive').count()).toBe(0);
    await e.shot('e2e-complaints-archived');
    await page.keyboard.press('Escape');
    await expect.poll(() => row(ids.complaint).locator('[data-testid=complaint-status]').textContent()).toBe('已归档');
    expect(await rowClass(ids.complaint)).not.toContain('row-overdue');
    await signOut(page);

    await freshSignIn('chen');
    const review = page.getByTestId('home-review');
    await review.locator(`[data-testid=home-complaint][data-complaint-id="${ids.complaint}"] a`).click();
    const gmDrawer = page.getByTestId('complaint-drawer');
    await gmDrawer.getByTestId('complaint-step-review').click();
    await gmDrawer.getByTestId('step-note').fill('质检流程加一道开包抽检');
    await gmDrawer.getByTestId('step-submit').click();
    await expect.poll(() => gmDrawer.locator('[data-testid=complaint-action][data-action=review]').count()).toBe(1);
    expect(await gmDrawer.getByTestId('complaint-step-review').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('prints the complaint slip on A5 and A4, saved as PDF and rendered to PNG', async () => {
    const { page } = e;
    await page.getByTestId('nav-complaints').click();
    await row(ids.complaint).locator('[data-testid=complaint-open]').click();
    const drawer = page.getByTestId('complaint-drawer');
    for (const paper of ['a5', 'a4'] as const) {
      await drawer.getByTestId('complaint-print-paper').selectOption(paper);
      const [popup] = await Promise.all([page.waitForEvent('popup'), drawer.getByTestId('complaint-print').click()]);
      await popup.waitForLoadState();
      await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain(ids.complaintNo);
      const printed = await popup.evaluate(() => document.body.innerText);
      for (const text of [COMPANY, '客户投诉单', CUSTOMER, ids.orderNo, '李娜', '1,500.00', '壹仟伍佰元整', '张经理', '换货已验收合格']) expect(printed, `${paper}: ${text}`).toContain(text);
      const { pngs, info } = await printToPng(popup, `slip-${paper}`);
      await popup.close();
      if (poppler) {
        // One sheet, signature boxes included (soft: the other paper is still printed and rendered).
        expect.soft(info, `${paper}: one page`).toMatch(/Pages:\s+1\b/);
        // A5 landscape 595 × 420 pt; A4 portrait 595 × 842 pt.
        expect(info).toMatch(paper === 'a5' ? /Page size:\s+59[45](\.\d+)? x 4(19|20)(\.\d+)?/ : /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)?/);
        expect(pngs.length).toBeGreaterThan(0);
      }
    }
    await page.keyboard.press('Escape');
    await signOut(page);
  });

  it('a bad satisfaction survey on the delivered order opens a complaint that appears in the register', async () => {
    const { page } = e;
    const rep = await tokenOf('li');
    const survey = (await e.api(rep, 'orders.survey', { id: ids.order, quality: 2, responseTime: 4, serviceSpeed: 4, attitude: 3, comment: '颗粒有杂质' })).data;
    expect(survey.complaintOpened).toBe(true);
    await freshSignIn('wang');
    await page.getByTestId('nav-complaints').click();
    await page.getByTestId('complaints-source').selectOption('survey');
    await expect.poll(() => page.getByTestId('complaints-total').textContent()).toBe('共 1 条');
    const first = page.locator('[data-testid=complaints-grid] .ag-row:has([col-id=customerName])').first();
    expect(await first.locator('[col-id=customerName]').textContent()).toBe(CUSTOMER);
    expect(await first.locator('[col-id=orderNo]').textContent()).toBe(ids.orderNo);
    expect(await first.locator('[col-id=source]').textContent()).toBe('满意度调查');
    await e.shot('e2e-complaints-register-survey');
    await signOut(page);
  });
});
