// Leave and attendance in the UI (DOMAIN §8, issue 6): on Monday 2026-03-16 (the core's clock) a rep
// fills a leave form for 5 working days starting in 3 days — the live check counts the days, says
// L-NOTICE needs 5 days' notice and 提交 stays disabled; with the dates moved a week on the notice
// is met and he submits; his direct superior approves it on the 审批 page; the leave shows 已批准
// and stands on the team calendar; the A5 leave slip is printed to PDF and PNG. The attendance
// keeper imports the time clock's CSV — a file with a bad row is refused whole (the row's error
// shown, nothing imported), then a good one in GBK — and the monthly sheet shows the late marks and
// the second late arrival's ¥20 fine; the A4 sheet is printed to PNG.
// Screenshots: test-results/e2e-leave-*.png; printed pages: test-results/leave-*.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RESULTS, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const COMPANY = '苏州恒达化工有限公司';
/** The core's clock: Monday 16 March 2026, 09:00 in the office (no holiday near). */
const NOW = new Date('2026-03-16T09:00:00+08:00');
const MONTH = '2026-03';
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined && spawnSync('pdftoppm', ['-v']).error === undefined;

/** A print window saved as PDF from the slip's own @page, its pages counted and rendered to PNG. */
async function printToPng(popup: Page, name: string): Promise<{ pngs: string[]; info: string }> {
  const pdf = join(RESULTS, `leave-${name}.pdf`);
  await popup.pdf({ preferCSSPageSize: true, printBackground: true, path: pdf });
  if (!poppler) {
    console.warn('⚠ pdfinfo / pdftoppm not found (apt-get install poppler-utils): the PDF is not rasterised');
    return { pngs: [], info: '' };
  }
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '90', pdf, join(RESULTS, `leave-${name}`)]);
  const pngs = readdirSync(RESULTS)
    .filter((f) => f.startsWith(`leave-${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(RESULTS, f));
  return { pngs, info };
}

/** Back at the sign-in screen whatever the test before left open (a failed step must not fail the next ones). */
async function signedOut(page: Page): Promise<void> {
  await page.goto(page.url());
  await page.getByTestId('login-form').or(page.getByTestId('signed-in-user')).first().waitFor();
  if (await page.getByTestId('signed-in-user').isVisible()) await signOut(page);
}

/** GBK bytes of the few Chinese characters the good clock file uses (as Chinese Excel saves it). */
const GBK: Record<string, number[]> = {
  姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 日: [0xc8, 0xd5], 期: [0xc6, 0xda], 上: [0xc9, 0xcf], 班: [0xb0, 0xe0], 下: [0xcf, 0xc2],
  李: [0xc0, 0xee], 小: [0xd0, 0xa1], 红: [0xba, 0xec], 张: [0xd5, 0xc5], 伟: [0xce, 0xb0],
};
function gbk(text: string): Buffer {
  return Buffer.from([...text].flatMap((c) => GBK[c] ?? (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (() => { throw new Error(`no GBK bytes for ${c}`); })())));
}

describe.skipIf(!chromiumPath())('leave and attendance: a leave form judged live, approved by the superior, on the team calendar and printed; a clock file imported and the monthly sheet with its fines (browser preview)', () => {
  let e: E2E;
  let rep: string | null;
  const ids = { leave: 0, leaveNo: '' };

  beforeAll(async () => {
    e = await startE2E({ now: () => NOW });
    for (const f of readdirSync(RESULTS, { withFileTypes: true })) {
      if (f.isFile() && (f.name.startsWith('leave-') || f.name.startsWith('e2e-leave-'))) rmSync(join(RESULTS, f.name));
    }
    const { token: admin } = await e.api(null, 'setup.init', { companyName: COMPANY, adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const manager = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', region: '华东', password: PASSWORD })).data;
    const supervisor = (await e.api(admin, 'users.create', { username: 'sun', displayName: '孙主管', role: 'supervisor', managerId: manager.id, region: '华东', password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', managerId: supervisor.id, region: '华东', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'zhang', displayName: '张伟', role: 'rep', managerId: supervisor.id, region: '华东', password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: manager.id, region: '华东', password: PASSWORD });
    ({ token: rep } = await e.api(null, 'auth.login', { username: 'li', password: PASSWORD }));
    await e.page.goto(e.server.url);
    await e.page.getByTestId('login-form').waitFor();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the rep fills a 5-day leave starting in 3 days: L-NOTICE asks for 5 days and 提交 is disabled; a week later it goes through', async () => {
    const { page } = e;
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-leave').click();
    await page.getByTestId('leave-grid').waitFor();
    await page.keyboard.press('Control+n');
    const form = page.getByTestId('leave-form');
    await form.waitFor();
    // Keyboard first: the type is focused; Enter moves on to the start date.
    await expect.poll(() => form.getByTestId('leave-type').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByTestId('leave-type').selectOption('personal');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByTestId('leave-start').evaluate((el) => el === document.activeElement)).toBe(true);
    // Thursday 19th to Wednesday 25th: 19, 20, 23, 24, 25 — five working days, three days ahead.
    await form.getByTestId('leave-start').fill('2026-03-19');
    await form.getByTestId('leave-end').fill('2026-03-25');
    await form.getByTestId('leave-proxy').selectOption({ label: '张伟 · 华东' });
    await form.getByTestId('leave-reason').fill('回老家处理房屋过户');
    const preview = form.getByTestId('leave-preview');
    await expect.poll(() => preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('deny');
    expect(await preview.getByTestId('leave-working-days').textContent()).toBe('5');
    expect(await preview.getByTestId('leave-notice-required').textContent()).toBe('5 天');
    expect(await preview.getByTestId('leave-notice-given').textContent()).toBe('3 天');
    const notice = preview.locator('[data-testid=finding][data-rule="L-NOTICE"][data-severity=block]');
    expect(await notice.textContent()).toContain('须至少提前 5 天申请');
    expect(await form.getByTestId('leave-submit').isDisabled()).toBe(true);
    expect(await form.getByTestId('leave-why').textContent()).toContain('L-NOTICE');
    await e.shot('e2e-leave-form-blocked');

    // The proxy cannot be the applicant: not even offered.
    expect(await form.getByTestId('leave-proxy').locator('option', { hasText: '李小红' }).count()).toBe(0);
    // An end before the start is said beside the field.
    await form.getByTestId('leave-end').fill('2026-03-18');
    await expect.poll(() => form.locator('.field-invalid .field-error').first().textContent()).toBe('结束日期不能早于开始日期');

    // A week later: Monday 23rd to Friday 27th, seven days ahead.
    await form.getByTestId('leave-start').fill('2026-03-23');
    await form.getByTestId('leave-end').fill('2026-03-27');
    await expect.poll(() => preview.getByTestId('decision-view').getAttribute('data-decision')).toBe('needs_approval');
    expect(await preview.getByTestId('leave-working-days').textContent()).toBe('5');
    expect(await preview.getByTestId('leave-notice-given').textContent()).toBe('7 天');
    expect(await preview.locator('[data-testid=finding][data-rule="L-NOTICE"]').count()).toBe(0);
    expect(await preview.getByTestId('approval-chain').textContent()).toContain('直接上级');
    await expect.poll(() => form.getByTestId('leave-submit').isDisabled()).toBe(false);
    await e.shot('e2e-leave-form-ok');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('toast-success').filter({ hasText: '孙主管' }).first().waitFor();
    await form.waitFor({ state: 'detached' });

    const { data: list } = await e.api(rep, 'leave.list', {});
    expect(list.rows).toHaveLength(1);
    ids.leave = list.rows[0]!.id;
    ids.leaveNo = list.rows[0]!.leaveNo;
    expect(list.rows[0]).toMatchObject({ start: '2026-03-23', end: '2026-03-27', workingDays: 5, proxyName: '张伟', status: 'pending', appliedOn: '2026-03-16', monthlyFlag: true });
    const status = page.locator(`[data-testid=leave-grid] .ag-row[row-id="${ids.leave}"] [col-id=status] [data-testid=leave-status]`);
    await expect.poll(() => status.textContent()).toBe('审批中');
    await signOut(page);
  });

  it('his direct superior approves it on the 审批 page; it shows 已批准 and stands on the team calendar', async () => {
    const { page } = e;
    await signedOut(page);
    await signIn(page, 'sun', PASSWORD);
    await page.getByTestId('nav-approvals').click();
    const item = page.getByTestId('approvals-inbox').locator('[data-testid=approval-item][data-request-kind=leave]').first();
    await item.waitFor();
    await item.getByTestId('approval-comment').fill('同意，工作交张伟');
    await item.getByTestId('approve-button').click();
    await page.getByTestId('toast-success').first().waitFor();

    await page.getByTestId('nav-leave').click();
    const status = page.locator(`[data-testid=leave-grid] .ag-row[row-id="${ids.leave}"] [col-id=status] [data-testid=leave-status]`);
    await expect.poll(() => status.textContent()).toBe('已批准');
    // 5 days in March: over the L-MONTHLY limit of 3, flagged.
    expect(await page.locator(`[data-testid=leave-grid] .ag-row[row-id="${ids.leave}"] [data-testid=leave-monthly-flag]`).count()).toBe(1);
    await e.shot('e2e-leave-grid');

    await page.getByTestId('leave-tab-calendar').click();
    await page.getByTestId('leave-calendar-month').fill(MONTH);
    const li = page.locator('[data-testid=calendar-person][data-name=李小红]');
    await expect.poll(() => li.locator('[data-testid=calendar-entry]').count()).toBe(5);
    expect(await li.locator('[data-testid=calendar-entry]').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-date')}:${el.getAttribute('data-status')}`))).toEqual(
      ['23', '24', '25', '26', '27'].map((d) => `2026-03-${d}:approved`),
    );
    expect(await li.getByTestId('calendar-monthly-flag').count()).toBe(1);
    expect(await li.getByTestId('calendar-leave-days').textContent()).toBe('5');
    // Weekends are shaded; the proxy has no leave.
    expect(await page.locator('th.lc-day.is-rest[data-date="2026-03-21"]').count()).toBe(1);
    expect(await page.locator('[data-testid=calendar-person][data-name=张伟] [data-testid=calendar-entry]').count()).toBe(0);
    await e.shot('e2e-leave-calendar');
  });

  it('prints the A5 leave slip from the drawer (PDF rendered to PNG)', async () => {
    const { page } = e;
    await page.locator('[data-testid=calendar-person][data-name=李小红] [data-testid=calendar-entry]').first().click();
    const drawer = page.getByTestId('leave-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('leave-status').textContent()).toBe('已批准');
    expect(await drawer.getByTestId('leave-period').textContent()).toBe('2026-03-23 ~ 2026-03-27');
    const steps = await drawer.getByTestId('request-steps').textContent();
    expect(steps).toContain('孙主管');
    expect(steps).toContain('同意，工作交张伟');
    // Only the applicant withdraws, and only while pending.
    expect(await drawer.getByTestId('leave-withdraw').count()).toBe(0);
    // One paper only: no choice.
    expect(await drawer.getByTestId('leave-print-paper').count()).toBe(0);
    await e.shot('e2e-leave-drawer');
    const [popup] = await Promise.all([page.waitForEvent('popup'), drawer.getByTestId('leave-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain(ids.leaveNo);
    const printed = await popup.evaluate(() => document.body.innerText);
    for (const text of [COMPANY, '请假', '李小红', '事假', '2026-03-23', '2026-03-27', '张伟', '孙主管', '回老家处理房屋过户']) expect(printed, text).toContain(text);
    const { pngs, info } = await printToPng(popup, 'slip-a5');
    await popup.close();
    if (poppler) {
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1);
      const [w, h] = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map(Number) as [number, number];
      expect(w).toBeGreaterThan(h); // A5 landscape
      expect(Math.round(w)).toBe(595);
      expect(pngs).toHaveLength(1);
    }
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await signOut(page);
  });

  it('the keeper imports the clock file: a bad row refuses the whole file; the good file (GBK) goes in', async () => {
    const { page } = e;
    await signedOut(page);
    await signIn(page, 'zhou', PASSWORD);
    await page.getByTestId('nav-attendance').click();
    await page.getByTestId('attendance-tab-import').click();
    const file = page.getByTestId('import-file');

    // A person the company does not have, first: the row's error, 确认导入 disabled, nothing written.
    const bad = ['工号,姓名,日期,上班,下班', 'nobody,王五,2026-03-02,08:20,17:35', 'li,李小红,2026-03-02,08:20,17:35'].join('\r\n');
    await file.setInputFiles({ name: '考勤-错误.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('共 2 行：1 行无误，1 行有错');
    const badRow = page.locator('[data-testid=import-row][data-error=true]');
    expect(await badRow.count()).toBe(1);
    expect(await badRow.getAttribute('data-line')).toBe('2');
    expect(await badRow.getByTestId('import-row-error').textContent()).toContain('nobody');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-file-info').textContent()).toContain('UTF-8');
    await e.shot('e2e-leave-import-bad');
    expect((await e.api(rep, 'attendance.records', { month: MONTH })).data).toHaveLength(0);

    // The good file, as Chinese Excel saves it (GBK): two weeks of both reps; 李小红 late on the 3rd and the 5th.
    const days = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'];
    const late: Record<string, string> = { '03': '08:31', '05': '08:40' };
    const lines = ['姓名,日期,上班,下班'];
    for (const d of days) lines.push(`李小红,2026-03-${d},${late[d] ?? '08:20'},17:35`);
    for (const d of days) lines.push(`张伟,2026-03-${d},08:15,17:40`);
    await file.setInputFiles({ name: 'clock-2026-03.csv', mimeType: 'text/csv', buffer: gbk(lines.join('\r\n')) });
    await expect.poll(() => page.getByTestId('import-file-info').textContent()).toContain('GBK');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('共 20 行：20 行无误，0 行有错');
    expect(await page.locator('[data-testid=import-row]').first().textContent()).toContain('李小红');
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toBe('已导入 20 条打卡记录');
    await e.shot('e2e-leave-import-done');
    expect((await e.api(rep, 'attendance.records', { month: MONTH })).data.length).toBeGreaterThanOrEqual(10);
  });

  it('the monthly sheet shows the late marks and the ¥20 fine of the second late arrival; printed on A4', async () => {
    const { page } = e;
    await page.getByTestId('attendance-tab-sheet').click();
    await page.getByTestId('attendance-month').fill(MONTH);
    const li = page.locator('[data-testid=att-person][data-name=李小红]');
    await li.waitFor();
    await expect.poll(() => li.getByTestId('att-late').textContent()).toBe('2');
    expect(await li.getByTestId('att-fine').textContent()).toBe('¥20.00');
    const day = (date: string) => li.locator(`[data-testid=att-day][data-date="${date}"]`);
    expect(await day('2026-03-03').getAttribute('data-state')).toBe('late');
    expect(await day('2026-03-03').getAttribute('data-fine')).toBe('0'); // the first: a warning
    expect(await day('2026-03-05').getAttribute('data-state')).toBe('late');
    expect(await day('2026-03-05').getAttribute('data-fine')).toBe('2000');
    expect(await day('2026-03-05').textContent()).toBe('迟');
    expect(await day('2026-03-07').getAttribute('data-state')).toBe('rest');
    // Today is not over and the days after it are still to come.
    expect(await day('2026-03-16').getAttribute('data-state')).toBe('future');
    const zhang = page.locator('[data-testid=att-person][data-name=张伟]');
    expect(await zhang.getByTestId('att-late').textContent()).toBe('');
    expect(await zhang.getByTestId('att-fine').textContent()).toBe('');
    await e.shot('e2e-leave-attendance-sheet');

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('attendance-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain('李小红');
    const printed = await popup.evaluate(() => document.body.innerText);
    for (const text of [COMPANY, '考勤', '2026', '李小红', '张伟', '20.00']) expect(printed, text).toContain(text);
    const { pngs, info } = await printToPng(popup, 'attendance-a4');
    await popup.close();
    if (poppler) {
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
      expect(info).toMatch(/\(A4\)/m);
      expect(pngs.length).toBeGreaterThanOrEqual(1);
    }
  });
});
