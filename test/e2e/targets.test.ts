// 目标分解 in the UI (K-TARGET, DOMAIN §9, issue 6/8 item 1): the sales manager types the year's
// target, splits it evenly into the 12 months (rounded to the fen, adding up exactly), breaks it
// down by channel one yuan short — the live check names the mismatch in Chinese, marks the sum and
// keeps 保存 disabled — fixes it and saves; a reload shows the saved figures; a rep reads the plan
// without a single input. Screenshots: test-results/e2e-targets-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const YEAR = new Date().getFullYear();

const totalCell = (page: Page, col: string) => page.locator(`[data-testid=targets-grid-total] td[data-col=${col}] input`);
const channelCell = (page: Page, key: string, col: string) => page.locator(`[data-testid=targets-grid-channel] tr[data-key=${key}] td[data-col=${col}] input`);

async function type(page: Page, cell: ReturnType<typeof totalCell>, text: string) {
  await cell.click();
  await cell.fill(text);
  await cell.press('Tab'); // leaves the cell: the amount is tidied ("1,000,000.05")
}

describe.skipIf(!chromiumPath())('targets: a manager enters, splits and breaks down the year; the parts must add up to save; a rep reads it (browser preview)', () => {
  let e: E2E;
  let manager: string | null;

  beforeAll(async () => {
    e = await startE2E();
    const { token: admin } = await e.api(null, 'setup.init', { companyName: '苏州恒达化工有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const boss = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', region: '华东', password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', managerId: boss.id, region: '华南', password: PASSWORD });
    await e.api(admin, 'products.create', {
      product: { code: 'PE-100', name: '聚乙烯颗粒', spec: 'HDPE 5000S', unit: '吨', productLine: '聚烯烃', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
      effectiveFrom: `${YEAR}-01-01`,
    });
    ({ token: manager } = await e.api(null, 'auth.login', { username: 'wang', password: PASSWORD }));
  }, 60_000);

  afterAll(async () => {
    await e?.close();
  });

  it('the manager types ¥1,000,000.05, splits it into months that add up to the fen, and a channel breakdown one yuan short cannot be saved until fixed', async () => {
    const { page } = e;
    await page.goto(e.server.url);
    await signIn(page, 'wang', PASSWORD);
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('targets-page').waitFor();
    expect(await page.getByTestId('targets-year').inputValue()).toBe(String(YEAR));
    // the rows offered: regions of the people, the product line on the price list, the reps
    await page.getByTestId('targets-tab-region').click();
    await page.locator('[data-testid=targets-grid-region] tr[data-key=华南]').waitFor();
    await page.getByTestId('targets-tab-line').click();
    await page.locator('[data-testid=targets-grid-line] tr[data-key=聚烯烃]').waitFor();
    await page.getByTestId('targets-tab-rep').click();
    expect(await page.locator('[data-testid=targets-grid-rep] tbody tr[data-key] th').allTextContents()).toEqual(['李小红']);

    await type(page, totalCell(page, 'year'), '1000000.05');
    expect(await totalCell(page, 'year').inputValue()).toBe('1,000,000.05');
    // the months are still empty: the check says so and 保存 stays disabled
    await expect.poll(() => page.getByTestId('targets-mismatch').first().textContent()).toContain('12 个月目标合计 ¥0.00，与全年目标 ¥1,000,000.05 不符');
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(true);

    await page.getByTestId('targets-split-total').click();
    const months = await Promise.all(Array.from({ length: 12 }, (_, i) => totalCell(page, `m${i + 1}`).inputValue()));
    expect(months).toEqual([...Array(9).fill('83,333.34'), ...Array(3).fill('83,333.33')]);
    expect(await page.locator('[data-testid=targets-grid-total] td[data-col=q1]').textContent()).toBe('250,000.02');
    expect(await page.locator('[data-testid=targets-grid-total] td[data-col=q4]').textContent()).toBe('249,999.99');
    await expect.poll(() => page.getByTestId('targets-check').textContent()).toBe('各项合计相符');

    // by channel: 直销 600,000.00 + 代理商 399,999.05 — one yuan short of the total
    await page.getByTestId('targets-tab-channel').click();
    await type(page, channelCell(page, 'direct', 'year'), '600000');
    await type(page, channelCell(page, 'dealer', 'year'), '399999.05');
    await expect.poll(() => page.getByTestId('targets-mismatch').allTextContents()).toEqual([
      expect.stringContaining(`按渠道分解 ${YEAR}年全年：合计 ¥999,999.05，与总目标 ¥1,000,000.05 不符`),
    ]);
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=targets-sum-channel] td[data-col=year]').getAttribute('class')).toContain('target-flagged');
    expect(await page.locator('[data-testid=targets-diff-channel] td[data-col=year]').textContent()).toBe('-1.00');
    expect(await page.getByTestId('targets-tab-channel').textContent()).toContain('1');
    await e.shot('e2e-targets-1-mismatch');

    await type(page, channelCell(page, 'dealer', 'year'), '400000.05');
    await expect.poll(() => page.getByTestId('targets-check').textContent()).toBe('各项合计相符');
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(false);
    await page.getByTestId('targets-save').click();
    await page.getByTestId('toast-success').first().waitFor();
    expect(await page.getByTestId('toast-success').first().textContent()).toContain(`${YEAR}年目标已保存`);
    await expect.poll(() => page.getByTestId('targets-version').textContent()).toContain('版本 1，王经理');
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(true); // nothing left unsaved
    await e.shot('e2e-targets-2-saved');

    // what the core holds
    const plan = (await e.api(manager, 'targets.get', { year: YEAR })).data;
    expect(plan.totalFen).toBe(100_000_005);
    expect(plan.monthsFen).toEqual([...Array(9).fill(8_333_334), ...Array(3).fill(8_333_333)]);
    expect(plan.breakdowns.channel.map((r) => [r.key, r.yearFen, r.monthsFen])).toEqual([
      ['direct', 60_000_000, null],
      ['dealer', 40_000_005, null],
    ]);
    expect(plan.breakdowns.region).toEqual([]); // rows left empty are no part of the plan

    // a reload shows the saved figures
    await page.reload();
    await page.getByTestId('targets-page').waitFor();
    await expect.poll(() => totalCell(page, 'year').inputValue()).toBe('1,000,000.05');
    expect(await totalCell(page, 'm12').inputValue()).toBe('83,333.33');
    await page.getByTestId('targets-tab-channel').click();
    expect(await channelCell(page, 'dealer', 'year').inputValue()).toBe('400,000.05');
    expect(await channelCell(page, 'direct', 'year').inputValue()).toBe('600,000.00');
  }, 90_000);

  it('a save over a version someone else saved meanwhile is refused: the page says so and reloads the latest', async () => {
    const { page } = e;
    await type(page, channelCell(page, 'direct', 'year'), '500000');
    await type(page, channelCell(page, 'dealer', 'year'), '500000.05');
    // meanwhile, through the core, the plan is saved again (version 2)
    const plan = (await e.api(manager, 'targets.get', { year: YEAR })).data;
    await e.api(manager, 'targets.save', {
      year: YEAR,
      version: plan.version,
      totalFen: plan.totalFen,
      monthsFen: plan.monthsFen,
      breakdowns: { region: [], channel: [{ key: 'direct', yearFen: 100_000_005, monthsFen: null }], line: [], rep: [] },
    });
    await page.getByTestId('targets-save').click();
    await expect.poll(() => page.getByTestId('targets-save-error').textContent()).toContain('已重新加载最新版本');
    await expect.poll(() => channelCell(page, 'direct', 'year').inputValue()).toBe('1,000,000.05');
    expect(await channelCell(page, 'dealer', 'year').inputValue()).toBe('');
    expect(await page.getByTestId('targets-version').textContent()).toContain('版本 2');
    await signOut(page);
  }, 60_000);

  it('a rep reads the plan: no inputs, no 保存', async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('targets-page').waitFor();
    await expect.poll(() => page.locator('[data-testid=targets-grid-total] td[data-col=year]').textContent()).toBe('1,000,000.05');
    expect(await page.locator('[data-testid=targets-grid-total] td[data-col=m1]').textContent()).toBe('83,333.34');
    expect(await page.locator('.targets-page input.target-input').count()).toBe(0);
    expect(await page.getByTestId('targets-save').count()).toBe(0);
    expect(await page.getByTestId('targets-split-total').count()).toBe(0);
    await page.getByTestId('targets-tab-channel').click();
    expect(await page.locator('[data-testid=targets-grid-channel] tr[data-key=direct] td[data-col=year]').textContent()).toBe('1,000,000.05');
    await e.shot('e2e-targets-3-rep');
    await signOut(page);
  }, 60_000);

  it('a breakdown split by month is checked month by month: the months that do not add up and a row whose months miss its year are marked', async () => {
    const { page } = e;
    await signIn(page, 'wang', PASSWORD);
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('targets-tab-region').click();
    // a region nobody is in yet, typed in
    await page.getByTestId('targets-new-key').fill('华北');
    await page.getByTestId('targets-new-key').press('Enter');
    const region = (key: string, col: string) => page.locator(`[data-testid=targets-grid-region] tr[data-key=${key}] td[data-col=${col}] input`);
    await region('华北', 'year').waitFor();
    await page.getByTestId('targets-by-month').check();
    await type(page, region('华东', 'year'), '600000.05');
    await type(page, region('华南', 'year'), '400000');
    await page.getByTestId('targets-split-rows').click();
    // each row's year split evenly, its rounding fen on the first months
    expect(await region('华东', 'm5').inputValue()).toBe('50,000.01');
    expect(await region('华东', 'm6').inputValue()).toBe('50,000.00');
    expect(await region('华南', 'm4').inputValue()).toBe('33,333.34');
    expect(await region('华南', 'm5').inputValue()).toBe('33,333.33');
    // the total has ¥83,333.34 in months 1–9: months 1–4 get a fen too many, months 6–9 a fen too few
    await expect.poll(() => page.getByTestId('targets-mismatch').allTextContents()).toEqual([
      ...[1, 2, 3, 4].map((m) => expect.stringContaining(`按区域分解 ${YEAR}年${m}月：合计 ¥83,333.35，与总目标 ¥83,333.34 不符`)),
      ...[6, 7, 8, 9].map((m) => expect.stringContaining(`按区域分解 ${YEAR}年${m}月：合计 ¥83,333.33，与总目标 ¥83,333.34 不符`)),
    ]);
    const flaggedSums = () => page.locator('[data-testid=targets-sum-region] td.target-flagged').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-col')));
    expect(await flaggedSums()).toEqual(['m1', 'm2', 'm3', 'm4', 'm6', 'm7', 'm8', 'm9']);
    // 华北's months add up to more than its (empty) year: its row is named and marked
    await type(page, region('华北', 'm10'), '0.01');
    await expect.poll(() => page.getByTestId('targets-mismatch').allTextContents()).toContain(
      `按区域「华北」 ${YEAR}年全年：各月合计 ¥0.01，与其全年目标 ¥0.00 不符 · by region "华北", the year ${YEAR}: its months add up to ¥0.01, not its yearly target ¥0.00`,
    );
    expect(await page.locator('[data-testid=targets-grid-region] tr[data-key=华北] td[data-col=year]').getAttribute('class')).toContain('target-flagged');
    // an amount that is no amount is marked too
    await type(page, region('华东', 'm2'), '5万');
    await expect.poll(() => page.getByTestId('targets-invalid').textContent()).toContain('有 1 个金额格式不正确');
    expect(await page.locator('[data-testid=targets-grid-region] tr[data-key=华东] td[data-col=m2]').getAttribute('class')).toContain('target-invalid');
    // no sum over it is reported (February, 华东's own months): the cell itself is what is wrong
    const fields = await page.getByTestId('targets-mismatch').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-field')}@${li.getAttribute('data-month')}`));
    expect(fields).not.toContain('breakdowns.region@2');
    expect(fields).not.toContain('breakdowns.region.0.monthsFen@0');
    expect(fields).toContain('breakdowns.region@1');
    expect(await page.getByTestId('targets-tab-region').textContent()).toMatch(/按区域\d+/);
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(true);
    await e.shot('e2e-targets-4-by-month');
    // 撤销修改: back to the saved plan, nothing to save
    await page.getByTestId('targets-reset').click();
    await expect.poll(() => page.getByTestId('targets-check').textContent()).toBe('各项合计相符');
    expect(await page.getByTestId('targets-by-month').isChecked()).toBe(false);
    expect(await page.getByTestId('targets-save').isDisabled()).toBe(true);
  }, 60_000);
});
