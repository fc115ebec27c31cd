// Settings → Policies as the administrator works it: every rule with its parameters in force, a
// versioned change effective today, a refused out-of-range value, the leave-notice tiers as a table,
// the working calendar with a company day off; the gm reads it all; a rep does not see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDate } from '../../shared/dates';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';

function card(page: Page, ruleId: string) {
  return page.locator(`[data-testid="rule-card"][data-rule="${ruleId}"]`);
}

/** Narrows the list to one rule with the search box. */
async function findRule(page: Page, ruleId: string) {
  await page.getByTestId('policies-search').fill(ruleId);
  await card(page, ruleId).waitFor();
  await expect.poll(() => page.getByTestId('rule-card').count()).toBe(1);
}

describe.skipIf(!chromiumPath())('policies and the working calendar (browser preview)', () => {
  let e: E2E;
  let adminToken: string | null;
  const today = localDate(new Date());

  beforeAll(async () => {
    e = await startE2E();
    ({ token: adminToken } = await e.api(null, 'setup.init', { companyName: '苏州恒达化工有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD }));
    await e.api(adminToken, 'users.create', { username: 'zhao', displayName: '赵总', role: 'gm', password: PASSWORD });
    await e.api(adminToken, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', password: PASSWORD });
    await e.page.goto(e.server.url);
    await signIn(e.page, 'admin', PASSWORD);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lists every rule of the catalog by section, with ids, names, parameters and units', async () => {
    const { page } = e;
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policies-list').waitFor();
    const { data: catalog } = await e.api(adminToken, 'policy.catalog', {});
    await expect.poll(() => page.getByTestId('rule-card').count()).toBe(catalog.length);
    expect(await page.locator('.rule-section-title').first().textContent()).toBe('§2 客户档案');

    const approval = card(page, 'E-APPROVAL');
    expect(await approval.locator('.rule-badge').textContent()).toBe('E-APPROVAL');
    expect(await approval.locator('.rule-name').textContent()).toBe('费用审批流程');
    expect(await approval.locator('[data-param="gmAboveFen"]').textContent()).toContain('¥5,000.00');
    expect(await approval.getByTestId('rule-version').count()).toBe(0); // the defaults apply
    expect(await card(page, 'E-TRANSPORT').locator('[data-param="withDealShare"]').textContent()).toContain('60%');

    // The leave-notice tiers: a table of rows, the open-ended last tier shown as 不限.
    const tiers = card(page, 'L-NOTICE').locator('table.param-rows');
    await expect.poll(() => tiers.locator('tbody tr').count()).toBe(3);
    expect(await tiers.locator('tbody tr').last().textContent()).toContain('不限');
    await e.shot('policies-list');
    await card(page, 'L-NOTICE').scrollIntoViewIfNeeded();
    await e.shot('policies-leave-tiers');

    await page.getByTestId('policies-search').fill('宴请');
    await expect.poll(() => page.getByTestId('rule-card').count()).toBe(1);
    await card(page, 'E-ENTERTAIN').waitFor();
  });

  it('changes E-APPROVAL from 5,000 to 6,000 yuan effective today; it is in force and in the history', async () => {
    const { page } = e;
    await findRule(page, 'E-APPROVAL');
    await card(page, 'E-APPROVAL').getByTestId('rule-edit').click();
    const drawer = page.getByTestId('policy-drawer');
    await drawer.waitFor();
    const amount = drawer.locator('input[name=gmAboveFen]');
    expect(await amount.inputValue()).toBe('5000');
    expect(await drawer.locator('input[name=effectiveFrom]').inputValue()).toBe(today);
    await amount.fill('6,000');
    await drawer.locator('input[name=note]').fill('总经理办公会决定上调');
    await e.shot('policies-edit-approval');
    await drawer.locator('input[name=note]').press('Enter'); // Enter submits
    await page.getByTestId('toast-success').first().waitFor();
    await drawer.waitFor({ state: 'detached' });

    const approval = card(page, 'E-APPROVAL');
    await expect.poll(() => approval.locator('[data-param="gmAboveFen"] [data-testid="param-value"]').textContent()).toBe('¥6,000.00');
    expect(await approval.getByTestId('param-default').textContent()).toBe('默认值：¥5,000.00');
    expect(await approval.getByTestId('rule-version').textContent()).toContain(`现行版本 ${today} 起生效`);
    expect(await approval.getByTestId('rule-version').textContent()).toContain('总经理办公会决定上调');

    const { data: history } = await e.api(adminToken, 'policy.history', { ruleId: 'E-APPROVAL' });
    expect(history).toMatchObject([{ effectiveFrom: today, params: { gmAboveFen: 600_000 }, note: '总经理办公会决定上调', createdBy: '系统管理员' }]);

    await approval.getByTestId('rule-history').click();
    await drawer.waitFor();
    const rows = drawer.getByTestId('history-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('默认值（制度原文）');
    expect(await rows.first().textContent()).toContain('¥5,000.00');
    expect(await rows.last().textContent()).toContain(today);
    expect(await rows.last().textContent()).toContain('¥6,000.00');
    expect(await rows.last().textContent()).toContain('现行');
    await e.shot('policies-history');
    await page.keyboard.press('Escape'); // Esc closes
    await drawer.waitFor({ state: 'detached' });
  });

  it('refuses a share of 150 % beside the field and saves nothing; the core refuses a past effective date', async () => {
    const { page } = e;
    await findRule(page, 'E-TRANSPORT');
    await card(page, 'E-TRANSPORT').getByTestId('rule-edit').click();
    const drawer = page.getByTestId('policy-drawer');
    await drawer.waitFor();
    expect(await drawer.locator('input[name=withDealShare]').inputValue()).toBe('60');
    await drawer.locator('input[name=withDealShare]').fill('150');
    await page.getByTestId('policy-save').click();
    await drawer.getByTestId('param-input-withDealShare').getByText('签单时公司承担比例：不能大于 100%').waitFor();
    await page.getByTestId('toast-error').first().waitFor();
    await e.shot('policies-share-error');
    expect((await e.api(adminToken, 'policy.history', { ruleId: 'E-TRANSPORT' })).data).toEqual([]);

    // A date before today: the core says why (requests already submitted keep their parameters).
    await drawer.locator('input[name=withDealShare]').fill('70');
    await drawer.locator('input[name=effectiveFrom]').fill('2020-01-01');
    await page.getByTestId('policy-save').click();
    await drawer.getByText(`生效日期：不能早于今天（${today}）`).first().waitFor();
    expect((await e.api(adminToken, 'policy.history', { ruleId: 'E-TRANSPORT' })).data).toEqual([]);
    await e.shot('policies-date-error');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('edits the leave-notice tiers as a table and schedules them for a later date', async () => {
    const { page } = e;
    await findRule(page, 'L-NOTICE');
    await card(page, 'L-NOTICE').getByTestId('rule-edit').click();
    const drawer = page.getByTestId('policy-drawer');
    await drawer.waitFor();
    const rows = drawer.getByTestId('param-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.last().locator('input[name="tiers.2.maxDays"]').inputValue()).toBe(''); // empty = 不限
    await drawer.locator('input[name="tiers.1.noticeDays"]').fill('6');
    await drawer.getByTestId('param-row-add').click();
    await expect.poll(() => rows.count()).toBe(4);
    await e.shot('policies-edit-tiers');
    await rows.last().getByTestId('param-row-remove').click();
    await expect.poll(() => rows.count()).toBe(3);
    // Only the last tier may be open-ended: the core says so beside the cell, nothing is saved.
    await drawer.locator('input[name="tiers.2.maxDays"]').fill('30');
    await page.getByTestId('policy-save').click();
    await rows.nth(2).locator('.field-error').waitFor();
    expect(await rows.nth(2).locator('.field-error').textContent()).toContain('第 3 行');
    await e.shot('policies-tiers-error');
    expect((await e.api(adminToken, 'policy.history', { ruleId: 'L-NOTICE' })).data).toEqual([]);
    await drawer.locator('input[name="tiers.2.maxDays"]').fill('');
    await drawer.locator('input[name=effectiveFrom]').fill('2027-01-01');
    await drawer.locator('input[name=note]').fill('调整中等假期的提前天数');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('toast-success').first().waitFor();
    await drawer.waitFor({ state: 'detached' });

    const scheduled = card(page, 'L-NOTICE').getByTestId('rule-scheduled');
    await expect.poll(() => scheduled.textContent()).toContain('2027-01-01 起：');
    // still in force today: the old tiers
    expect(await card(page, 'L-NOTICE').locator('table.param-rows tbody tr').nth(1).textContent()).toContain('5');
    const { data: catalog } = await e.api(adminToken, 'policy.catalog', {});
    const rule = catalog.find((r) => r.id === 'L-NOTICE');
    expect(rule?.scheduled[0]?.params.tiers).toEqual([
      { maxDays: 3, noticeDays: 2 },
      { maxDays: 7, noticeDays: 6 },
      { maxDays: null, noticeDays: 15 },
    ]);
    await e.shot('policies-scheduled');
  });

  it('makes 2026-12-31 a company day off in the working calendar', async () => {
    const { page } = e;
    await page.getByTestId('policies-tab-calendar').click();
    await page.getByTestId('calendar-grid').waitFor();
    await page.getByTestId('cal-month').fill('2026-10');
    const national = page.getByTestId('cal-day-2026-10-01');
    await expect.poll(() => national.textContent()).toContain('国庆节');
    expect(await national.getAttribute('data-working')).toBe('false');
    expect(await page.getByTestId('official-holidays').textContent()).toContain('国庆节');
    await e.shot('policies-calendar-october');

    await page.getByTestId('cal-month').fill('2026-12');
    const day = page.getByTestId('cal-day-2026-12-31');
    await expect.poll(() => day.getAttribute('data-working')).toBe('true');
    await day.click();
    const dialog = page.getByTestId('calendar-day-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('day-off').isChecked()).toBe(true); // the click toggles
    await dialog.locator('input[name=note]').fill('年终盘点，放假一天');
    await e.shot('policies-calendar-dialog');
    await dialog.locator('input[name=note]').press('Enter');
    await page.getByTestId('toast-success').first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => day.getAttribute('data-override')).toBe('true');
    expect(await day.getAttribute('data-working')).toBe('false');
    const row = page.locator('[data-testid="override-row"][data-date="2026-12-31"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('年终盘点');
    const { data: days } = await e.api(adminToken, 'calendar.days', { from: '2026-12-31', to: '2026-12-31' });
    expect(days[0]).toMatchObject({ working: false, officialWorking: true, override: { working: false, note: '年终盘点，放假一天' } });
    await e.shot('policies-calendar-override');
  });

  it('shows the gm the page without edit buttons, in Chinese and English', async () => {
    const { page } = e;
    await signOut(page);
    await signIn(page, 'zhao', PASSWORD);
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policies-tab-rules').click();
    await page.getByTestId('policies-list').waitFor();
    expect(await page.getByTestId('rule-edit').count()).toBe(0);
    expect(await page.getByTestId('rule-history').count()).toBeGreaterThan(0);
    expect(await card(page, 'E-APPROVAL').locator('[data-param="gmAboveFen"]').textContent()).toContain('¥6,000.00');
    await card(page, 'E-APPROVAL').getByTestId('rule-history').click();
    await page.getByTestId('policy-history').waitFor();
    expect(await page.getByTestId('policy-form').count()).toBe(0);
    await e.shot('policies-gm-history');
    await page.keyboard.press('Escape');

    await page.getByTestId('policies-tab-calendar').click();
    await page.getByTestId('cal-month').fill('2026-12');
    await page.getByTestId('cal-day-2026-12-31').waitFor();
    expect(await page.locator('button.cal-day').count()).toBe(0);
    expect(await page.getByTestId('override-restore').count()).toBe(0);
    await e.shot('policies-gm-calendar');

    await page.getByTestId('policies-tab-rules').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('policies-list').waitFor();
    expect(await page.locator('.rule-section-title').first().textContent()).toBe('§2 Customer files');
    expect(await card(page, 'E-APPROVAL').locator('.rule-name').textContent()).not.toBe('费用审批流程');
    await e.shot('policies-gm-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('gives a rep no link to the policies', async () => {
    const { page } = e;
    await signOut(page);
    await signIn(page, 'li', PASSWORD);
    expect(await page.getByTestId('nav-policies').count()).toBe(0);
  });
});
