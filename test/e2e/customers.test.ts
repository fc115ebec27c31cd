// The customer files as a user works them: a rep adds a customer in the grid, edits cells,
// filters and searches; a settlement-type change waits for the manager, who approves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';

function cell(page: Page, customerId: number, colId: string) {
  return page.locator(`.ag-row[row-id="${customerId}"] [col-id="${colId}"]`);
}

/** Narrows the grid to one customer with the quick search (rows outside the viewport are not rendered). */
async function showOnly(page: Page, text: string) {
  await page.getByTestId('customers-search').fill(text);
  await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 1 个/);
}

async function customerByNo(e: E2E, token: string | null, customerNo: string) {
  const { data } = await e.api(token, 'customers.list', { startRow: 0, endRow: 10, filter: { customerNo: { filterType: 'text', type: 'equals', filter: customerNo } } });
  return data.rows[0];
}

describe.skipIf(!chromiumPath())('customer files (browser preview)', () => {
  let e: E2E;
  let adminToken: string | null;
  let managerId: number;

  beforeAll(async () => {
    e = await startE2E();
    ({ token: adminToken } = await e.api(null, 'setup.init', { companyName: '苏州恒达化工有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD }));
    managerId = (await e.api(adminToken, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: PASSWORD })).data.id;
    await e.api(adminToken, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', managerId, region: '华东', password: PASSWORD });
    let { token: repToken } = await e.api(null, 'auth.login', { username: 'li', password: PASSWORD });
    const cities = ['苏州', '无锡', '常州', '南京', '杭州', '宁波'];
    for (let i = 1; i <= 24; i++) {
      ({ token: repToken } = await e.api(repToken, 'customers.create', {
        customer: { customerNo: `C${String(i).padStart(3, '0')}`, name: `${cities[i % cities.length]}测试${i}号有限公司`, region: i % 2 ? '华东' : '华南', industry: '化工' },
      }));
    }
    await e.page.goto(e.server.url);
    await signIn(e.page, 'li', PASSWORD);
    // The app lands on 工作台; the customer files are one click away.
    await e.page.getByTestId('home-page').waitFor();
    await e.page.getByTestId('nav-customers').click();
    await e.page.getByTestId('customers-grid').locator('.ag-row').first().waitFor();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows the rep his customers in the grid with Chinese labels and the count', async () => {
    const { page } = e;
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 24 个/);
    expect(await page.locator('.ag-header-cell-text', { hasText: '客户名称' }).count()).toBe(1);
    expect(await page.getByTestId('customers-grid').textContent()).toContain('潜在');
    await e.shot('e2e-customers-grid');
  });

  it('adds a customer through the form; a bad phone is refused naming the field, nothing is saved', async () => {
    const { page } = e;
    await page.getByTestId('customers-add').click();
    const drawer = page.getByTestId('customer-drawer');
    await drawer.waitFor();
    await drawer.locator('[name=customerNo]').fill('C9001');
    await drawer.locator('[name=name]').fill('无锡新材料科技有限公司');
    await drawer.locator('[name=contactPerson]').fill('周建国');
    await drawer.locator('[name=phone]').fill('0510-8888 abc');
    await page.getByTestId('customer-save').click();
    await drawer.getByText('电话：只能包含数字').first().waitFor();
    await e.shot('e2e-customer-create-error');
    expect(await customerByNo(e, adminToken, 'C9001')).toBeUndefined();

    await drawer.locator('[name=phone]').fill('0510-88886666');
    await page.getByTestId('customer-save').click();
    await page.getByTestId('toast-success').first().waitFor();
    await drawer.waitFor({ state: 'detached' });
    const saved = await customerByNo(e, adminToken, 'C9001');
    expect(saved).toMatchObject({ name: '无锡新材料科技有限公司', ownerName: '李小红', settlementType: 'cash', applicationStatus: 'pending' });
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 25 个/);
    await e.shot('e2e-customer-added');
  });

  it('edits a cell with the keyboard: Enter edits, Enter commits; Esc cancels', async () => {
    const { page } = e;
    const customer = (await customerByNo(e, adminToken, 'C9001'))!;
    await showOnly(page, 'C9001');
    const industry = cell(page, customer.id, 'industry');
    await industry.click();
    await page.keyboard.press('Enter');
    await industry.locator('input').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('新材料');
    await e.shot('e2e-customer-cell-editing');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await customerByNo(e, adminToken, 'C9001'))?.industry).toBe('新材料');
    // the grid shows the saved customer once the answer arrives
    await expect.poll(() => industry.textContent()).toBe('新材料');

    await industry.click();
    await page.keyboard.press('Enter');
    await industry.locator('input').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('不要保存');
    await page.keyboard.press('Escape');
    await expect.poll(() => industry.locator('input').count()).toBe(0);
    await expect.poll(() => industry.textContent()).toBe('新材料');
    expect((await customerByNo(e, adminToken, 'C9001'))?.industry).toBe('新材料');
    await page.getByTestId('customers-search').fill('');
  });

  it('filters by a column and by quick search (Ctrl+F)', async () => {
    const { page } = e;
    await page.getByTestId('customers-search').fill('');
    await page.locator('.ag-header-cell[col-id="region"] .ag-header-cell-filter-button').click();
    const filterInput = page.locator('.ag-filter .ag-filter-from input').first();
    await filterInput.fill('华南');
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 12 个/);
    await e.shot('e2e-customers-filter');
    await filterInput.fill('');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 25 个/);

    await page.locator('body').click({ position: { x: 600, y: 20 } });
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('customers-search');
    await page.keyboard.type('无锡新材料');
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 1 个/);
    expect(await page.locator('.ag-row [col-id="name"]').count()).toBe(1);
    await e.shot('e2e-customers-search');
    await page.getByTestId('customers-search').fill('');
    await expect.poll(() => page.getByTestId('customers-total').textContent()).toMatch(/共 25 个/);
  });

  it("a rep's settlement-type change waits for the manager, who approves it", async () => {
    const { page } = e;
    const customer = (await customerByNo(e, adminToken, 'C9001'))!;
    await showOnly(page, 'C9001');
    const settlement = cell(page, customer.id, 'settlementType');
    expect(await settlement.textContent()).toBe('现结');
    await settlement.click();
    await page.keyboard.press('Enter');
    await page.locator('.ag-select-list, .ag-cell-inline-editing').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('已提交经理审批').first().waitFor();
    await e.shot('e2e-customer-change-requested');
    // the grid keeps showing the value in force; the change waits
    expect(await settlement.textContent()).toBe('现结');
    const pending = (await customerByNo(e, adminToken, 'C9001'))!;
    expect(pending).toMatchObject({ settlementType: 'cash', pendingChanges: 1 });

    await signOut(page);
    await signIn(page, 'wang', PASSWORD);
    await page.getByTestId('nav-approvals').click();
    const item = page.getByTestId('approvals-inbox').locator('[data-testid=approval-item][data-kind=change]');
    await item.waitFor();
    expect(await item.textContent()).toContain('结算方式');
    expect(await item.textContent()).toContain('预付');
    await e.shot('e2e-approvals-inbox');
    await item.getByTestId('approval-comment').fill('同意，客户已付预付款');
    await item.getByTestId('approve-button').click();
    await item.waitFor({ state: 'detached' });
    await e.shot('e2e-approvals-done');

    const approved = (await customerByNo(e, adminToken, 'C9001'))!;
    expect(approved).toMatchObject({ settlementType: 'prepaid', pendingChanges: 0 });
    await page.getByTestId('nav-customers').click();
    await showOnly(page, 'C9001');
    await expect.poll(() => cell(page, customer.id, 'settlementType').textContent()).toBe('预付');
    await e.shot('e2e-customers-after-approval');

    const { data: audit } = await e.api(adminToken, 'audit.list', { entity: 'customer_change_requests' });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['customers.requestChange', 'approvals.approveChange']));
  });
});
