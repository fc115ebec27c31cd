// Expenses in the UI as the sales office works them (DOMAIN §6, issue 4/8): a rep files a travel
// registration (出差登记) on the 费用报销 page; his manager approves it on the 审批 page; he asks for an
// advance (借差旅费) under the trip, which the manager, finance and the gm approve in turn; finance
// pays it out from the request's drawer; after the trip the rep files transport (with a deal signed,
// E-TRANSPORT's 60 % share) and lodging under it from the trip's drawer; the manager approves both;
// the rep makes one reimbursement (报销单) with the invoices, the advance offset, and finance pays
// it. The reimbursement slip is printed (A5 landscape) and saved as PDF, then rendered to PNG
// (test-results/expenses-*.png) to be looked at; the UI states are in test-results/e2e-expenses-*.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/dates';
import { chromiumPath, RESULTS, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const COMPANY = '苏州恒达化工有限公司';
const CUSTOMER = '苏州华工材料有限公司';
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined && spawnSync('pdftoppm', ['-v']).error === undefined;

function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localDate(d);
}

// The trip: a week ago, three days. Invoices are dated on the trip.
const TRIP_FROM = daysFromToday(-7);
const TRIP_TO = daysFromToday(-5);

const statusIn = (page: Page, expenseId: number) => page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${expenseId}"] [col-id=status] [data-testid=expense-status]`);

/** The approver signs in, approves the waiting request of this kind on the 审批 page with a comment, signs out. */
async function approveInInbox(page: Page, username: string, kind: string, comment: string): Promise<void> {
  await signIn(page, username, PASSWORD);
  await page.getByTestId('nav-approvals').click();
  const item = page.getByTestId('approvals-inbox').locator(`[data-testid=approval-item][data-request-kind=${kind}]`).first();
  await item.waitFor();
  await item.getByTestId('approval-comment').fill(comment);
  await item.getByTestId('approve-button').click();
  await page.getByTestId('toast-success').first().waitFor();
  await item.waitFor({ state: 'detached' }).catch(() => undefined);
  await signOut(page);
}

/** A print window saved as PDF from the slip's own @page, its pages counted and rendered to PNG. */
async function printToPng(popup: Page, name: string): Promise<{ pngs: string[]; info: string }> {
  const pdf = join(RESULTS, `expenses-${name}.pdf`);
  await popup.pdf({ preferCSSPageSize: true, printBackground: true, path: pdf });
  if (!poppler) {
    console.warn('⚠ pdfinfo / pdftoppm not found (apt-get install poppler-utils): the PDF is not rasterised');
    return { pngs: [], info: '' };
  }
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '90', pdf, join(RESULTS, `expenses-${name}`)]);
  const pngs = readdirSync(RESULTS)
    .filter((f) => f.startsWith(`expenses-${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(RESULTS, f));
  return { pngs, info };
}

describe.skipIf(!chromiumPath())('expenses: trip → advance (three approvals, paid out) → transport and lodging → one reimbursement paid by finance (browser preview)', () => {
  let e: E2E;
  let rep: string | null;
  const ids = { trip: 0, advance: 0, transport: 0, lodging: 0, claim: 0, claimNo: '' };

  beforeAll(async () => {
    e = await startE2E(); // makes test-results/
    for (const f of readdirSync(RESULTS, { withFileTypes: true })) {
      if (f.isFile() && f.name.startsWith('expenses-')) rmSync(join(RESULTS, f.name));
    }
    const { token: admin } = await e.api(null, 'setup.init', { companyName: COMPANY, adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const manager = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', region: '华东', password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'tang', displayName: '唐会计', role: 'finance', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', managerId: manager.id, region: '华东', password: PASSWORD });
    ({ token: rep } = await e.api(null, 'auth.login', { username: 'li', password: PASSWORD }));
    await e.api(rep, 'customers.create', { customer: { customerNo: 'C201', name: CUSTOMER, address: '江苏省苏州市工业园区星湖街 88 号', contactPerson: '周工', phone: '0512-62880000' } });
    await e.page.goto(e.server.url);
    await e.page.getByTestId('login-form').waitFor();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the rep files a travel registration with the keyboard; the check shows the manager approves it; the manager does', async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await page.getByTestId('expenses-grid').waitFor();
    await page.keyboard.press('Control+n');
    const form = page.getByTestId('expense-form');
    await form.waitFor();
    // Keyboard only: the type is focused; Enter moves on field by field.
    await form.getByTestId('expense-type').selectOption('travel');
    await page.keyboard.press('Enter');
    await page.keyboard.type('苏州客户拜访');
    await page.keyboard.press('Enter'); // → customer lookup
    await page.keyboard.type('C201');
    await page.keyboard.press('Enter'); // picks C201, moves to the order
    await expect.poll(() => form.getByTestId('expense-customer').inputValue()).toBe(`C201 ${CUSTOMER}`);
    await page.keyboard.press('Enter'); // no order → destination
    await page.keyboard.type('苏州');
    await form.getByTestId('expense-field-startDate').fill(TRIP_FROM);
    await form.getByTestId('expense-field-endDate').fill(TRIP_TO);
    await form.getByTestId('expense-field-customersToVisit').fill('苏州华工材料（续签年度合同）');
    await form.getByTestId('expense-field-estimatedCost').fill('1,800');
    const preview = form.getByTestId('expense-preview');
    await expect.poll(() => preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('needs_approval');
    expect(await preview.getByTestId('approval-chain').textContent()).toContain('销售经理');
    await expect.poll(() => preview.locator('[data-key=tripDays] dd').textContent()).toBe('3');
    await e.shot('e2e-expenses-trip-form');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('toast-success').filter({ hasText: '王经理' }).first().waitFor();
    await form.waitFor({ state: 'detached' });

    const { data: list } = await e.api(rep, 'expenses.list', { filter: { type: { filterType: 'set', values: ['travel'] } } });
    expect(list.rows).toHaveLength(1);
    ids.trip = list.rows[0]!.id;
    expect(list.rows[0]).toMatchObject({ customerName: CUSTOMER, amountFen: 180_000, status: 'pending', expenseDate: TRIP_FROM });
    await expect.poll(() => statusIn(page, ids.trip).textContent()).toBe('审批中');
    await signOut(page);

    await approveInInbox(page, 'wang', 'travel_registration', '同意出差');
    expect((await e.api(rep, 'expenses.get', { id: ids.trip })).data.expense.status).toBe('approved');
  });

  it('an advance under the trip goes to the manager, finance and the gm in turn, each in the 审批 page; finance pays it out', async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await page.getByTestId('expenses-new').click();
    const form = page.getByTestId('expense-form');
    await form.getByTestId('expense-type').selectOption('travel_advance');
    // The approved trip is chosen already; travelApproved is the core's to decide, not on the form.
    await expect.poll(() => form.getByTestId('expense-trip').inputValue()).toBe(String(ids.trip));
    expect(await form.getByTestId('expense-field-travelApproved').count()).toBe(0);
    await form.getByTestId('expense-purpose').fill('苏州出差借款');
    // Over the ¥500 cap: blocked, and says so.
    await form.getByTestId('expense-field-amount').fill('600');
    const preview = form.getByTestId('expense-preview');
    await expect.poll(() => preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('deny');
    expect(await preview.locator('[data-testid=finding][data-rule="E-ADVANCE"][data-severity=block]').textContent()).toContain('¥500.00');
    expect(await form.getByTestId('expense-submit').isDisabled()).toBe(true);
    await form.getByTestId('expense-field-amount').fill('500');
    await expect.poll(() => preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('needs_approval');
    const chain = await preview.getByTestId('approval-chain').textContent();
    expect(chain).toMatch(/销售经理.*财务.*总经理/);
    await form.getByTestId('expense-submit').click();
    await form.waitFor({ state: 'detached' });
    const { data: list } = await e.api(rep, 'expenses.list', { filter: { type: { filterType: 'set', values: ['travel_advance'] } } });
    ids.advance = list.rows[0]!.id;
    expect(list.rows[0]).toMatchObject({ tripId: ids.trip, amountFen: 50_000, status: 'pending' });
    await signOut(page);

    await approveInInbox(page, 'wang', 'travel_advance', '同意');
    await approveInInbox(page, 'tang', 'travel_advance', '财务同意借支');
    await approveInInbox(page, 'chen', 'travel_advance', '');

    // Finance pays it out from the request's drawer.
    await signIn(page, 'tang', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await expect.poll(() => statusIn(page, ids.advance).textContent()).toBe('已批准');
    await page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${ids.advance}"] [data-testid=expense-open]`).click();
    const drawer = page.getByTestId('expense-drawer');
    await drawer.waitFor();
    const steps = await drawer.getByTestId('request-steps').textContent();
    for (const text of ['王经理', '唐会计', '陈总', '财务同意借支']) expect(steps).toContain(text);
    await drawer.getByTestId('expense-disburse').click();
    await drawer.getByTestId('expense-disburse-confirm').click();
    await expect.poll(() => drawer.getByTestId('expense-status').textContent()).toBe('已借出');
    expect(await drawer.getByTestId('expense-reimbursed').textContent()).toBe('¥500.00');
    await e.shot('e2e-expenses-advance-paid');
    await page.keyboard.press('Escape');
    await expect.poll(() => statusIn(page, ids.advance).textContent()).toBe('已借出');
    await signOut(page);
  });

  it("after the trip the rep files transport and lodging from the trip's drawer; the manager approves both", async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${ids.trip}"] [data-testid=expense-open]`).click();
    const trip = page.getByTestId('expense-drawer');
    await expect.poll(() => trip.getByTestId('trip-expense-row').count()).toBe(1); // the advance
    await trip.getByTestId('expense-file-transport').click();

    const form = page.getByTestId('expense-form');
    await form.waitFor();
    expect(await form.getByTestId('expense-type').inputValue()).toBe('transport');
    await expect.poll(() => form.getByTestId('expense-trip').inputValue()).toBe(String(ids.trip));
    await form.getByTestId('expense-purpose').fill('苏州往返高铁');
    await form.getByTestId('expense-customer').fill('C201');
    await form.getByTestId('expense-customer').press('Enter');
    await expect.poll(() => form.getByTestId('expense-customer').inputValue()).toBe(`C201 ${CUSTOMER}`);
    await form.getByTestId('expense-field-transportTotal').fill('1200');
    await form.getByTestId('expense-field-dealSigned').check();
    await form.getByTestId('expense-field-dealAmount').fill('50000');
    // 60 % of ¥1,200 = ¥720 < 2 % of ¥50,000 = ¥1,000: the company pays ¥720.
    const preview = form.getByTestId('expense-preview');
    await expect.poll(() => preview.locator('[data-key=reimbursableFen] dd').textContent()).toBe('¥720.00');
    expect(await preview.locator('[data-key=employeeFen] dd').textContent()).toBe('¥480.00');
    await e.shot('e2e-expenses-transport-form');
    await form.getByTestId('expense-submit').click();
    await form.waitFor({ state: 'detached' });

    // Lodging the same way (once the grid has the transport); two nights with hotel invoices → the
    // per-diem package of ¥150 a day.
    await expect.poll(() => page.locator('[data-testid=expenses-grid] [data-testid=expense-open]').count()).toBe(3);
    await page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${ids.trip}"] [data-testid=expense-open]`).click();
    await expect.poll(() => trip.getByTestId('trip-expense-row').count()).toBe(2);
    await trip.getByTestId('expense-file-lodging').click();
    await form.waitFor();
    await form.getByTestId('expense-purpose').fill('苏州住宿');
    await form.getByTestId('expense-field-travelHoursOneWay').fill('5');
    await form.getByTestId('expense-field-hasInvoice').check();
    await form.getByTestId('expense-field-nights').fill('2');
    await expect.poll(() => preview.locator('[data-key=perDiemFen] dd').textContent()).toBe('¥300.00');
    await form.getByTestId('expense-submit').click();
    await form.waitFor({ state: 'detached' });

    const { data: list } = await e.api(rep, 'expenses.list', { filter: { type: { filterType: 'set', values: ['transport', 'lodging'] } } });
    for (const row of list.rows) {
      if (row.type === 'transport') ids.transport = row.id;
      else ids.lodging = row.id;
    }
    expect(list.rows.find((r) => r.id === ids.transport)).toMatchObject({ approvedFen: 72_000, amountFen: 120_000, customerName: CUSTOMER, tripId: ids.trip });
    expect(list.rows.find((r) => r.id === ids.lodging)).toMatchObject({ approvedFen: 30_000, tripId: ids.trip });
    await e.shot('e2e-expenses-grid');
    await signOut(page);

    await approveInInbox(page, 'wang', 'transport', '');
    await approveInInbox(page, 'wang', 'lodging', '');
  });

  it('the rep makes one reimbursement with the invoices; the advance is offset; the core says what is paid', async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await page.getByTestId('expenses-tab-claims').click();
    await page.getByTestId('claims-panel').waitFor();
    await page.getByTestId('claims-new').click();
    const form = page.getByTestId('claim-form');
    await form.waitFor();
    const item = (id: number) => form.locator(`[data-testid=claim-form-item][data-item="${id}"]`);
    await item(ids.transport).waitFor();
    expect(await form.getByTestId('claim-form-item').count()).toBe(2);
    // Not offset until an expense of its trip is picked.
    expect(await form.getByTestId('claim-form-advance').getAttribute('data-used')).toBe('false');

    // Transport: two tickets, typed with Enter moving on (Enter on the last amount adds a row).
    await item(ids.transport).getByTestId('claim-form-pick').check();
    const no = item(ids.transport).getByTestId('claim-invoice-invoiceNo');
    await expect.poll(() => no.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('T001');
    await page.keyboard.press('Enter');
    await item(ids.transport).getByTestId('claim-invoice-invoiceDate').first().fill(TRIP_FROM);
    await item(ids.transport).getByTestId('claim-invoice-amount').first().fill('600');
    await item(ids.transport).getByTestId('claim-invoice-amount').first().press('Enter');
    await expect.poll(() => no.count()).toBe(2);
    await expect.poll(() => no.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('T002');
    await item(ids.transport).getByTestId('claim-invoice-invoiceDate').nth(1).fill(TRIP_TO);
    await item(ids.transport).getByTestId('claim-invoice-amount').nth(1).fill('600');
    expect(await item(ids.transport).getByTestId('claim-item-total').textContent()).toBe('¥1,200.00');

    // Lodging: one hotel invoice (one night): a night without one is no travel day (E-LODGING).
    await item(ids.lodging).getByTestId('claim-form-pick').check();
    await item(ids.lodging).getByTestId('claim-invoice-invoiceNo').fill('H001');
    await item(ids.lodging).getByTestId('claim-invoice-invoiceDate').fill(TRIP_FROM);
    await item(ids.lodging).getByTestId('claim-invoice-amount').fill('380');
    expect(await form.getByTestId('claim-form-invoices').textContent()).toBe('¥1,580.00');
    expect(await form.getByTestId('claim-form-advance').getAttribute('data-used')).toBe('true');
    expect(await form.getByTestId('claim-form-offset').textContent()).toBe('−¥500.00');
    // The core's live figures (claims.preview): E-TRANSPORT's ¥720 and two nights' per diem less the advance.
    await expect.poll(() => form.getByTestId('claim-form-reimbursable').textContent()).toBe('¥870.00');
    expect(await form.getByTestId('claim-form-payable').textContent()).toBe('¥370.00');
    expect(await item(ids.transport).getByTestId('claim-form-item-reimbursable').textContent()).toContain('¥720.00');
    expect(await item(ids.lodging).getByTestId('claim-form-item-reimbursable').textContent()).toContain('¥150.00');
    await e.shot('e2e-expenses-claim-form');

    await page.keyboard.press('Control+Enter');
    const drawer = page.getByTestId('claim-drawer');
    await drawer.waitFor();
    // ¥720 (E-TRANSPORT) + ¥150 (one night, E-PERDIEM) = ¥870; the ¥500 advance offset: ¥370 to pay.
    expect(await drawer.getByTestId('claim-reimbursable').textContent()).toBe('¥870.00');
    expect(await drawer.getByTestId('claim-advance').textContent()).toBe('−¥500.00');
    expect(await drawer.getByTestId('claim-summary').getByTestId('claim-payable').textContent()).toBe('应付 ¥370.00');
    const basis = await drawer.getByTestId('claim-item-basis').allTextContents();
    expect(basis.join('\n')).toContain('E-TRANSPORT');
    expect(basis.join('\n')).toContain('E-LODGING');
    expect(await drawer.getByTestId('claim-status').textContent()).toBe('待付款');
    // The applicant cannot pay himself.
    expect(await drawer.getByTestId('claim-pay').count()).toBe(0);
    await e.shot('e2e-expenses-claim');
    const { data: claims } = await e.api(rep, 'claims.list', {});
    ids.claim = claims[0]!.id;
    ids.claimNo = claims[0]!.claimNo;
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator(`[data-testid=claim-row][data-claim="${ids.claimNo}"]`).count()).toBe(1);
    await signOut(page);
  });

  it('finance pays it from the 待付款 list: the expenses are reimbursed and the advance settled', async () => {
    const { page } = e;
    await signIn(page, 'tang', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await page.getByTestId('expenses-tab-claims').click();
    // Finance starts on what awaits payment.
    const row = page.locator(`[data-testid=claim-row][data-claim="${ids.claimNo}"]`);
    await row.waitFor();
    expect(await page.getByTestId('claims-view-submitted').getAttribute('aria-selected')).toBe('true');
    await e.shot('e2e-expenses-claims-list');
    await row.getByTestId('claim-open').click();
    const drawer = page.getByTestId('claim-drawer');
    await drawer.getByTestId('claim-pay').click();
    await drawer.getByTestId('claim-pay-confirm').click();
    await expect.poll(() => drawer.getByTestId('claim-status').textContent()).toBe('已付款');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    const get = async (id: number) => (await e.api(rep, 'expenses.get', { id })).data.expense;
    expect(await get(ids.advance)).toMatchObject({ status: 'settled' });
    expect(await get(ids.transport)).toMatchObject({ status: 'reimbursed', reimbursedFen: 72_000 });
    expect(await get(ids.lodging)).toMatchObject({ status: 'reimbursed', reimbursedFen: 15_000 });
    await page.getByTestId('expenses-tab-requests').click();
    await expect.poll(() => statusIn(page, ids.lodging).textContent()).toBe('已报销');
    await expect.poll(() => statusIn(page, ids.advance).textContent()).toBe('已冲销');
    await e.shot('e2e-expenses-grid-paid');
    // The amounts, the approval trail and the policy notes further right.
    await page.locator('[data-testid=expenses-grid] .ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = 900));
    await page.waitForTimeout(300);
    await e.shot('e2e-expenses-grid-paid-right');
  });

  it('prints the reimbursement slip (A5 landscape) and saves it as PDF, rendered to PNG', async () => {
    const { page } = e;
    await page.getByTestId('expenses-tab-claims').click();
    await page.getByTestId('claims-view-all').click();
    await page.locator(`[data-testid=claim-row][data-claim="${ids.claimNo}"] [data-testid=claim-open]`).click();
    const drawer = page.getByTestId('claim-drawer');
    expect(await drawer.getByTestId('claim-print-paper').inputValue()).toBe('a5');
    const [popup] = await Promise.all([page.waitForEvent('popup'), drawer.getByTestId('claim-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain(ids.claimNo);
    const printed = await popup.evaluate(() => document.body.innerText);
    // The slip's own wording is the print template's; these facts must be on it.
    for (const text of [COMPANY, '报销单', '李小红', CUSTOMER, '870.00', '500.00', '370.00']) expect(printed, text).toContain(text);
    const { pngs, info } = await printToPng(popup, 'claim-a5');
    await popup.close();
    if (poppler) {
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1);
      const [w, h] = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map(Number) as [number, number];
      expect(w).toBeGreaterThan(h); // landscape
      expect(Math.round(w)).toBe(595); // 210 mm
      expect(pngs).toHaveLength(1);
    }
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it("prints the advance's 费用申请单 on A4 from its drawer", async () => {
    const { page } = e;
    await page.getByTestId('expenses-tab-requests').click();
    await page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${ids.advance}"] [data-testid=expense-open]`).click();
    const drawer = page.getByTestId('expense-drawer');
    await drawer.getByTestId('expense-print-paper').selectOption('a4');
    const [popup] = await Promise.all([page.waitForEvent('popup'), drawer.getByTestId('expense-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain('费用申请单');
    const printed = await popup.evaluate(() => document.body.innerText);
    for (const text of [COMPANY, '李小红', '借差旅费', '500.00', '王经理', '唐会计', '陈总']) expect(printed, text).toContain(text);
    const { pngs, info } = await printToPng(popup, 'advance-a4');
    await popup.close();
    if (poppler) {
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1);
      expect(info).toMatch(/^Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/m);
      expect(pngs).toHaveLength(1);
    }
    // Its trip opens in the same drawer.
    await drawer.getByTestId('expense-open-trip').click();
    await expect.poll(() => drawer.getByTestId('trip-expense-row').count()).toBe(3);
  });
});
