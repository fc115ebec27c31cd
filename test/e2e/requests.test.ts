// A rep's over-cap entertainment request (E-ENTERTAIN) as people work it: the finding shows live
// while he types it on the 费用报销 page (expense kinds are filed there, with a purpose and a customer,
// no longer through the generic 新建申请 drawer), he submits it, it lands in his manager's inbox (and
// nobody else's), the manager approves it with a comment, and the rep sees the outcome. A request the
// rules block cannot be sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/dates';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';

function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localDate(d);
}

describe.skipIf(!chromiumPath())('requests judged by the policy engine (browser preview)', () => {
  let e: E2E;
  let adminToken: string | null;

  beforeAll(async () => {
    e = await startE2E();
    ({ token: adminToken } = await e.api(null, 'setup.init', { companyName: '苏州恒达化工有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD }));
    const manager = (await e.api(adminToken, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: PASSWORD })).data;
    await e.api(adminToken, 'users.create', { username: 'zhao', displayName: '赵经理', role: 'manager', password: PASSWORD });
    await e.api(adminToken, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD });
    await e.api(adminToken, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', managerId: manager.id, region: '华东', password: PASSWORD });
    await e.page.goto(e.server.url);
  });
  afterAll(async () => {
    await e?.close();
  });

  it("shows the over-cap finding live; the rep submits; his manager approves; the rep sees it approved", async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    // The generic drawer no longer offers expense kinds: they are filed on the expenses page.
    await page.getByTestId('nav-approvals').click();
    await page.getByTestId('request-new').click();
    const generic = page.getByTestId('request-drawer');
    await generic.waitFor();
    expect(await generic.getByTestId('request-kind').locator('option[value=entertainment]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await generic.waitFor({ state: 'detached' });

    await page.getByTestId('nav-expenses').click();
    await page.getByTestId('expenses-new').click();
    const form = page.getByTestId('expense-form');
    await form.waitFor();
    await form.getByTestId('expense-type').selectOption('entertainment');
    await form.getByTestId('expense-purpose').fill('宴请苏州恒达采购部，商谈明年框架协议');
    await form.getByTestId('expense-field-amount').fill('800');
    await form.getByTestId('expense-field-guests').fill('5');
    await form.getByTestId('expense-field-eventDate').fill(daysFromToday(2));
    // the submission day is the core's to fill in: not on the form
    expect(await form.getByTestId('expense-field-appliedOn').count()).toBe(0);

    // Live: 5 guests × ¥100 = ¥500 cap, ¥800 asked → the manager must approve the excess.
    const preview = form.getByTestId('expense-preview');
    const finding = preview.locator('[data-testid=finding][data-rule="E-ENTERTAIN"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('approval');
    expect(await finding.textContent()).toContain('¥500.00');
    expect(await preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('needs_approval');
    expect(await preview.getByTestId('approval-chain').textContent()).toContain('销售经理');
    await expect.poll(() => preview.locator('[data-key=capFen] dd').textContent()).toBe('¥500.00');
    await e.shot('e2e-request-entertainment-preview');

    // Within the cap the finding goes away while he types.
    await form.getByTestId('expense-field-amount').fill('500');
    await expect.poll(() => preview.locator('[data-testid=finding][data-rule="E-ENTERTAIN"]').count()).toBe(0);
    await form.getByTestId('expense-field-amount').fill('800');
    await finding.waitFor();

    await expect.poll(() => form.getByTestId('expense-submit').isEnabled()).toBe(true);
    await form.getByTestId('expense-submit').click();
    await page.getByTestId('toast-success').filter({ hasText: '王经理' }).first().waitFor();
    await form.waitFor({ state: 'detached' });
    const firstStatus = page.locator('[data-testid=expenses-grid] .ag-row [col-id=status] [data-testid=expense-status]').first();
    await expect.poll(() => firstStatus.textContent()).toBe('审批中');
    await e.shot('e2e-request-submitted');
    // Not printable while waiting: the button says why instead of failing.
    await page.getByTestId('expenses-grid').getByTestId('expense-open').first().click();
    const pending = page.getByTestId('expense-drawer');
    expect(await pending.getByTestId('expense-print').isDisabled()).toBe(true);
    expect(await pending.getByTestId('expense-print').getAttribute('title')).toBe('批准后才能打印费用申请单');
    expect(await pending.getByTestId('expense-withdraw').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await pending.waitFor({ state: 'detached' });
    await signOut(page);

    // Another manager's inbox does not have it.
    await signIn(page, 'zhao', PASSWORD);
    await page.getByTestId('nav-approvals').click();
    await page.getByTestId('approvals-inbox').locator('.empty-state').waitFor();
    expect(await page.getByTestId('approvals-inbox').locator('[data-kind=policy]').count()).toBe(0);
    await signOut(page);

    // His manager's does, with the finding and the badge.
    await signIn(page, 'wang', PASSWORD);
    await expect.poll(() => page.getByTestId('approvals-pending-count').textContent()).toBe('1');
    await page.getByTestId('nav-approvals').click();
    const item = page.getByTestId('approvals-inbox').locator('[data-testid=approval-item][data-kind=policy]');
    await item.waitFor();
    expect(await item.textContent()).toContain('李小红');
    expect(await item.textContent()).toContain('¥800.00');
    expect(await item.textContent()).toContain('宴请苏州恒达采购部');
    expect(await item.getByTestId('request-amount').textContent()).toContain('¥800.00');
    expect(await item.locator('[data-testid=finding][data-rule="E-ENTERTAIN"]').count()).toBe(1);
    await e.shot('e2e-request-inbox');
    await item.getByTestId('approval-comment').fill('同意，注意控制标准');
    await item.getByTestId('approve-button').click();
    await item.waitFor({ state: 'detached' });
    await signOut(page);

    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-expenses').click();
    await expect.poll(() => firstStatus.textContent()).toBe('已批准');
    await page.getByTestId('expenses-grid').getByTestId('expense-open').first().click();
    const drawer = page.getByTestId('expense-drawer');
    expect(await drawer.getByTestId('expense-status').textContent()).toBe('已批准');
    expect(await drawer.getByTestId('request-steps').textContent()).toContain('同意，注意控制标准');
    await e.shot('e2e-request-approved');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    const { data: requests } = await e.api(adminToken, 'requests.mine', {});
    expect(requests).toHaveLength(0); // the admin filed nothing; the request is the rep's
  });

  it('a request the rules block shows why and cannot be submitted; nothing is saved', async () => {
    const { page } = e;
    await page.getByTestId('expenses-new').click();
    const form = page.getByTestId('expense-form');
    await form.getByTestId('expense-type').selectOption('entertainment');
    await form.getByTestId('expense-purpose').fill('宴请无锡客户');
    await form.getByTestId('expense-field-amount').fill('300');
    await form.getByTestId('expense-field-guests').fill('3');
    await form.getByTestId('expense-field-eventDate').fill(daysFromToday(-10));
    const preview = form.getByTestId('expense-preview');
    await expect.poll(() => preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('deny');
    expect(await preview.locator('[data-testid=finding][data-severity=block]').count()).toBeGreaterThan(0);
    expect(await form.getByTestId('expense-submit').isDisabled()).toBe(true);
    // the reason beside the disabled button
    expect(await form.getByTestId('expense-why').textContent()).toContain('宴请须事前申请');
    // Ctrl+Enter does not send it either
    await form.getByTestId('expense-field-guests').press('Control+Enter');
    await e.shot('e2e-request-denied');

    // A typo in the amount is named beside the field.
    await form.getByTestId('expense-field-amount').fill('3OO');
    await form.getByText('请输入金额').first().waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    const { data: all } = await e.api(adminToken, 'audit.list', { startRow: 0, endRow: 100, entity: 'policy_requests' });
    expect(all.rows.filter((r) => r.action === 'requests.submit')).toHaveLength(1);
  });

  it('the rep withdraws a request while it waits; it leaves his manager\'s inbox', async () => {
    const { page } = e;
    await page.getByTestId('expenses-new').click();
    const form = page.getByTestId('expense-form');
    await form.getByTestId('expense-type').selectOption('sample');
    await form.getByTestId('expense-purpose').fill('样品快递费');
    await form.getByTestId('expense-field-amount').fill('120');
    await expect.poll(() => form.getByTestId('expense-submit').isEnabled()).toBe(true);
    await form.getByTestId('expense-purpose').press('Control+Enter');
    await form.waitFor({ state: 'detached' });
    const { data: list } = await e.api(adminToken, 'expenses.list', { filter: { type: { filterType: 'set', values: ['sample'] } } });
    const id = list.rows[0]!.id;
    await page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${id}"] [data-testid=expense-open]`).click();
    const drawer = page.getByTestId('expense-drawer');
    await drawer.getByTestId('expense-withdraw').click();
    await drawer.getByTestId('expense-withdraw-confirm').click();
    await expect.poll(() => drawer.getByTestId('expense-status').textContent()).toBe('已撤回');
    expect(await drawer.getByTestId('expense-withdraw').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator(`[data-testid=expenses-grid] .ag-row[row-id="${id}"] [col-id=status] [data-testid=expense-status]`).textContent())
      .toBe('已撤回');
    await signOut(page);
    await signIn(page, 'wang', PASSWORD);
    await page.getByTestId('nav-approvals').click();
    await page.getByTestId('approvals-inbox').locator('.empty-state').waitFor();
  });
});
