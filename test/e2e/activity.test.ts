// Work logs, performance and customer grading in the UI (DOMAIN §9 W-LOG, W-FAKE, K-SCORE; §2
// C-VISIT, C-GRADE), on Tuesday 2026-03-17 10:00 (the core's clock and the browser's): the rep 张伟
// files today's log with two visits entirely by keyboard and sees it saved; yesterday's log filed now
// is a day late and shows W-LOG's finding; the overdue customers list a core customer never visited,
// and a click on it opens today's log with a visit row for it; the weekly report is saved. The
// manager sees the visits in 拜访记录, records a W-FAKE on one of them on 绩效考核 and sees the score
// drop by the points the core answered with the reason listed, and the visit struck through in the
// rep's log; on 客户分级 he confirms the upgrade C-GRADE proposes for a customer whose sales of the
// three months to February doubled on a year before.
// Screenshots: test-results/e2e-activity-*.png.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RESULTS, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const COMPANY = '苏州恒达化工有限公司';
/** Tuesday 17 March 2026, 10:00 on the office's wall clock (whatever the machine's zone). */
const NOW = new Date(2026, 2, 17, 10, 0, 0);
/** 10:00 of a day YYYY-MM-DD on the office's wall clock. */
const tenOn = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 10, 0, 0);
};
const TODAY = '2026-03-17';
const YESTERDAY = '2026-03-16';
/** ¥100.00 a ton: an amount in fen is amount / 10 thousandths of a ton. */
const PRICE_FEN = 10_000;

describe.skipIf(!chromiumPath())('work logs, performance and grading: a log typed by keyboard, a late one, overdue customers, a W-FAKE recorded and the score dropping, a C-GRADE upgrade confirmed (browser preview)', () => {
  let e: E2E;
  let clock = NOW;
  const ids = { repA: 0, hengda: 0, huafeng: 0, yongxin: 0 };

  async function tokenOf(username: string): Promise<string> {
    const { token } = await e.api(null, 'auth.login', { username, password: PASSWORD });
    return token!;
  }
  async function freshSignIn(page: Page, username: string): Promise<void> {
    await page.goto(e.server.url);
    await page.locator('[data-testid=login-form], [data-testid=signed-in-user]').first().waitFor();
    if (await page.getByTestId('signed-in-user').count()) await signOut(page);
    await signIn(page, username, PASSWORD);
  }
  const focused = (page: Page, testId: string, nth = 0) => page.getByTestId(testId).nth(nth).evaluate((el) => el === document.activeElement);

  beforeAll(async () => {
    e = await startE2E({ now: () => clock });
    for (const f of readdirSync(RESULTS, { withFileTypes: true })) {
      if (f.isFile() && f.name.startsWith('e2e-activity-')) rmSync(join(RESULTS, f.name));
    }
    await e.page.clock.setFixedTime(NOW);
    clock = new Date(2026, 2, 16, 8, 0, 0);
    const { token: admin } = await e.api(null, 'setup.init', { companyName: COMPANY, adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const manager = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', region: '华东', password: PASSWORD })).data;
    const supervisor = (await e.api(admin, 'users.create', { username: 'sun', displayName: '孙主管', role: 'supervisor', managerId: manager.id, region: '华东', password: PASSWORD })).data;
    ids.repA = (await e.api(admin, 'users.create', { username: 'zhang', displayName: '张伟', role: 'rep', managerId: supervisor.id, region: '华东', password: PASSWORD })).data.id;
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: manager.id, region: '华东', password: PASSWORD });
    const product = (await e.api(admin, 'products.create', { product: { code: 'PE-100', name: '聚乙烯颗粒', unit: '吨', standardPriceFen: PRICE_FEN, costPriceFen: 8_000 }, effectiveFrom: '2024-01-01' })).data.product.id;

    const rep = await tokenOf('zhang');
    const boss = await tokenOf('wang');
    const customer = async (customerNo: string, name: string, grade: 'ordinary' | 'core') => {
      const { customer: c } = (await e.api(rep, 'customers.create', { customer: { customerNo, name, address: '江苏省苏州市工业园区星湖街 88 号', contactPerson: '周工', phone: '0512-62880000' } })).data;
      await e.api(boss, 'customers.update', { id: c.id, version: c.version, patch: { grade, status: 'active', creditLimitFen: 1_000_000_000, creditDays: 30 } });
      return c.id;
    };
    ids.hengda = await customer('C001', '恒达化工', 'ordinary');
    ids.huafeng = await customer('C002', '华丰塑业', 'ordinary');
    ids.yongxin = await customer('C003', '永信包装', 'core');

    // C-GRADE: 恒达化工 bought ¥1,000 in January 2025 and ¥2,000 in January 2026 (the clock moved there).
    let slip = 0;
    const sell = async (day: string, amountFen: number) => {
      clock = tenOn(day);
      const owner = await tokenOf('zhang');
      const assistant = await tokenOf('zhou');
      let d = (await e.api(owner, 'orders.create', { customerId: ids.hengda, requiredSchedule: '两周内', deliveryDate: day, deliveryPlace: '苏州工业园区', packaging: '25kg 编织袋', shippingMethod: '汽运', lines: [{ productId: product, quantityMilli: amountFen / 10 }] })).data;
      d = (await e.api(owner, 'orders.confirm', { id: d.order.id, version: d.order.version, note: '' })).data;
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = (await e.api(owner, 'orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) })).data;
      }
      slip += 1;
      const shipment = (await e.api(assistant, 'shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate: day, carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: amountFen / 10 }] })).data;
      await e.api(assistant, 'shipments.deliver', { id: shipment.id, deliveredAt: day });
    };
    // The recent one first: sold first, the year-old one would stand overdue and hold the second for credit.
    await sell('2026-01-12', 200_000);
    await sell('2025-01-10', 100_000);
    clock = NOW;
  });
  afterAll(async () => {
    await e?.close();
  });

  it("张伟 files today's log with two visits entirely by keyboard and sees it saved on time", async () => {
    const { page } = e;
    await freshSignIn(page, 'zhang');
    await page.getByTestId('nav-activity').click();
    const tab = page.getByTestId('log-tab');
    await expect.poll(() => tab.getByTestId('log-status').textContent()).toContain('尚未提交');
    expect(await tab.getByTestId('log-date').inputValue()).toBe(TODAY);
    // The summary has the keyboard.
    await expect.poll(() => focused(page, 'log-summary')).toBe(true);
    await page.keyboard.type('上午拜访恒达化工，下午电话联系华丰塑业。');
    // Ctrl+Enter adds a visit row with the customer focused; Enter picks the match and moves on.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => focused(page, 'log-visit-customer', 0)).toBe(true);
    await page.keyboard.type('恒达');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page, 'log-visit-kind', 0)).toBe(true);
    expect(await tab.getByTestId('log-visit-customer').first().inputValue()).toBe('C001 恒达化工');
    await page.keyboard.press('2'); // 回访
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page, 'log-visit-outcome', 0)).toBe(true);
    await page.keyboard.type('确认二季度 PE 用量约 40 吨');
    await page.keyboard.press('Enter');
    await page.keyboard.type('下周报价');
    // Enter after the last cell opens the next row.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page, 'log-visit-customer', 1)).toBe(true);
    await page.keyboard.type('C002');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page, 'log-visit-kind', 1)).toBe(true);
    await page.keyboard.press('3'); // 电话
    await page.keyboard.press('Enter');
    await page.keyboard.type('询问付款进度，答应月底前付清');
    await e.shot('e2e-activity-log-typed');
    await page.keyboard.press('Control+s');
    await page.getByTestId('toast-success').filter({ hasText: TODAY }).first().waitFor();
    await expect.poll(() => tab.getByTestId('log-status').textContent()).toContain('已提交 于 2026-03-17 10:00');
    expect(await tab.getByTestId('log-finding').count()).toBe(0);
    expect(await tab.getByTestId('log-visit-row').count()).toBe(2);

    const { data: day } = await e.api(await tokenOf('zhang'), 'activity.day', { date: TODAY });
    expect(day.log?.summary).toBe('上午拜访恒达化工，下午电话联系华丰塑业。');
    expect(day.log?.visits.map((v) => [v.customerNo, v.kind, v.outcome, v.nextStep])).toEqual([
      ['C001', 'revisit', '确认二季度 PE 用量约 40 吨', '下周报价'],
      ['C002', 'phone', '询问付款进度，答应月底前付清', ''],
    ]);
    await e.shot('e2e-activity-log-saved');
  });

  it("yesterday's log filed this morning is a day late: W-LOG's finding is shown; an outcome left empty is said at its cell first", async () => {
    const { page } = e;
    const tab = page.getByTestId('log-tab');
    await tab.getByTestId('log-prev-day').click();
    await expect.poll(() => tab.getByTestId('log-date').inputValue()).toBe(YESTERDAY);
    await expect.poll(() => tab.getByTestId('log-status').textContent()).toContain('尚未提交');
    await tab.getByTestId('log-summary').fill('整理客户资料，走访恒达化工。');
    await tab.getByTestId('log-add-row').click();
    await expect.poll(() => focused(page, 'log-visit-customer', 0)).toBe(true);
    await page.keyboard.type('恒达');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page, 'log-visit-kind', 0)).toBe(true);
    // No outcome: the core refuses, the error stands at the cell, nothing typed is lost.
    await page.keyboard.press('Control+s');
    await expect.poll(() => tab.getByTestId('log-cell-error').first().textContent()).toMatch(/[\u3400-\u9fff]/);
    expect(await tab.getByTestId('log-summary').inputValue()).toBe('整理客户资料，走访恒达化工。');
    expect(await tab.getByTestId('log-visit-customer').first().inputValue()).toBe('C001 恒达化工');
    await e.shot('e2e-activity-log-error');
    await tab.getByTestId('log-visit-outcome').first().fill('送样 2 袋');
    await page.keyboard.press('Control+s');
    await expect.poll(() => tab.getByTestId('log-status').textContent()).toContain('已提交 于 2026-03-17 10:00');
    expect(await tab.getByTestId('log-status').getAttribute('class')).toContain('is-late');
    const finding = tab.locator('[data-testid=log-finding][data-rule="W-LOG"]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/[\u3400-\u9fff]/);
    const { data: day } = await e.api(await tokenOf('zhang'), 'activity.day', { date: YESTERDAY });
    expect(day.log?.daysLate).toBe(1);
    expect(await tab.getByTestId('log-status').textContent()).toContain(`迟交 1 天，扣 ${day.log!.pointsDeducted} 分`);
    await e.shot('e2e-activity-log-late');
  });

  it('逾期客户 lists the core customer never visited; a click opens today’s log with a visit row for it; 周报 and 迟交记录', async () => {
    const { page } = e;
    await page.getByTestId('activity-tab-overdue').click();
    const row = page.locator('[data-testid=overdue-row][data-customer=C003]');
    await row.waitFor();
    expect(await row.textContent()).toContain('永信包装');
    expect(await row.textContent()).toContain('从未拜访');
    expect(await page.locator('[data-testid=overdue-row][data-customer=C001]').count()).toBe(0);
    await e.shot('e2e-activity-overdue');
    await row.getByTestId('overdue-visit').click();
    const tab = page.getByTestId('log-tab');
    await expect.poll(() => tab.getByTestId('log-date').inputValue()).toBe(TODAY);
    await expect.poll(() => tab.getByTestId('log-visit-row').count()).toBe(3);
    expect(await tab.getByTestId('log-visit-customer').nth(2).inputValue()).toBe('C003 永信包装');
    await expect.poll(() => focused(page, 'log-visit-kind', 2)).toBe(true);

    await page.getByTestId('activity-tab-weekly').click();
    const weekly = page.getByTestId('weekly-tab');
    await expect.poll(() => weekly.getByTestId('weekly-range').textContent()).toBe('2026-03-16（周一）— 2026-03-22（周日）');
    await expect.poll(() => weekly.getByTestId('weekly-revisit').textContent()).toBe('2');
    expect(await weekly.getByTestId('weekly-phone').textContent()).toBe('1');
    await weekly.getByTestId('weekly-summary').fill('本周走访恒达化工两次，华丰塑业电话跟进回款。');
    await weekly.getByTestId('weekly-plan').fill('下周给恒达化工报价，拜访永信包装。');
    await page.keyboard.press('Control+s');
    await expect.poll(() => weekly.getByTestId('weekly-status').textContent()).toContain('已提交 于 2026-03-17 10:00');
    await e.shot('e2e-activity-weekly');

    await page.getByTestId('activity-tab-late').click();
    const late = page.locator('[data-testid=late-row][data-kind=daily]');
    await late.first().waitFor();
    expect(await late.first().textContent()).toContain(YESTERDAY);
    await e.shot('e2e-activity-late');
  });

  it('the manager sees the visits, records a W-FAKE on one on 绩效考核, and the score drops with the reason listed', async () => {
    const { page } = e;
    await freshSignIn(page, 'wang');
    await page.getByTestId('nav-activity').click();
    await page.getByTestId('activity-tab-visits').click();
    await expect.poll(() => page.getByTestId('visits-total').textContent()).toBe('共 3 条');
    await page.getByTestId('visits-kind').selectOption('phone');
    await expect.poll(() => page.getByTestId('visits-total').textContent()).toBe('共 1 条');
    await page.getByTestId('visits-kind').selectOption('');
    await expect.poll(() => page.getByTestId('visits-total').textContent()).toBe('共 3 条');
    await e.shot('e2e-activity-visits');

    await page.getByTestId('nav-performance').click();
    const row = page.locator('[data-testid=performance-row][data-user=张伟]');
    await row.waitFor();
    const before = Number(await row.getByTestId('score-value').textContent());
    expect(await row.locator('[data-testid=score-deduction][data-rule="W-LOG"]').count()).toBe(1);
    await page.getByTestId('performance-record').click();
    const dialog = page.getByTestId('deduction-dialog');
    await dialog.getByTestId('deduction-person').selectOption({ label: '张伟' });
    await dialog.getByTestId('deduction-rule').selectOption('W-FAKE');
    await dialog.getByTestId('deduction-reason').fill('客户称 3 月 17 日未见业务员到访');
    const visit = dialog.locator('[data-testid=deduction-visit]');
    await expect.poll(() => visit.count()).toBe(3);
    await e.shot('e2e-activity-deduction-dialog');
    // The revisit to 恒达化工 today (the second of the list: yesterday's comes first).
    const { data: visits } = await e.api(await tokenOf('wang'), 'activity.visits', { filter: { userId: { filterType: 'number', type: 'equals', filter: ids.repA } }, sort: [{ colId: 'visitDate', sort: 'asc' }] });
    const target = visits.rows.find((v) => v.visitDate === TODAY && v.kind === 'revisit')!;
    await dialog.locator(`[data-testid=deduction-visit][data-visit="${target.id}"]`).check();
    await dialog.getByTestId('deduction-submit').click();
    await dialog.getByTestId('deduction-result').waitFor();
    const { data: records } = await e.api(await tokenOf('wang'), 'performance.deductions', { month: '2026-03' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ruleId: 'W-FAKE', cases: 1, userName: '张伟' });
    expect(await dialog.getByTestId('deduction-result').textContent()).toContain(`扣 ${records[0]!.points} 分`);
    await e.shot('e2e-activity-deduction-done');
    await dialog.getByTestId('deduction-close').click();

    await expect.poll(async () => Number(await row.getByTestId('score-value').textContent())).toBe(Math.max(0, before - records[0]!.points));
    const fake = row.locator('[data-testid=score-deduction][data-rule="W-FAKE"]');
    await fake.waitFor();
    expect(await fake.textContent()).toContain('虚假日志');
    expect(await page.locator('[data-testid=deduction-record][data-rule="W-FAKE"]').textContent()).toContain('客户称 3 月 17 日未见业务员到访');
    await e.shot('e2e-activity-performance');

    // The visit is struck through in 张伟's log of the day, with the note; not editable.
    await page.getByTestId('nav-activity').click();
    await page.getByTestId('log-person').selectOption({ label: '张伟 · 华东' });
    const tab = page.getByTestId('log-tab');
    await tab.getByTestId('log-readonly').waitFor();
    const struck = tab.locator('[data-testid=log-visit-row].is-falsified');
    await expect.poll(() => struck.count()).toBe(1);
    expect(await struck.getByTestId('log-falsified-note').textContent()).toContain('客户称 3 月 17 日未见业务员到访');
    await e.shot('e2e-activity-log-falsified');
  });

  it('客户分级: the manager confirms the upgrade proposed for 恒达化工 (sales of Dec–Feb doubled on a year before)', async () => {
    const { page } = e;
    await page.getByTestId('nav-grading').click();
    await page.getByTestId('grading-month').fill('2026-02');
    const row = page.locator('[data-testid=grading-row][data-customer=C001]');
    await row.waitFor();
    expect(await row.textContent()).toContain('普通级 ↑ 核心级');
    expect(await row.textContent()).toContain('¥2,000.00');
    expect(await row.textContent()).toContain('¥1,000.00');
    expect(await row.textContent()).toContain('100.0%');
    await e.shot('e2e-activity-grading');
    await row.getByTestId('grading-comment').fill('同意升级');
    await row.getByTestId('grading-confirm').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('confirmed');
    expect(await row.getByTestId('grading-status').textContent()).toBe('已确认');
    expect(await row.textContent()).toContain('王经理');
    const { data: c } = await e.api(await tokenOf('wang'), 'customers.get', { id: ids.hengda });
    expect(c.customer.grade).toBe('core');
    await e.shot('e2e-activity-grading-confirmed');
  });
});
