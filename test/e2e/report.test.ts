// 月度报表 in the UI (K-MONTHLY, DOMAIN §9, issue 7): last month's sales (two orders delivered by two
// reps of two channels and regions), its target and a receipt; the manager opens 月度报表 (last month
// by default), picks the month, reads the KPI cards and the table (equal to report.monthly's numbers
// and to the figures worked out by hand), switches to 按区域, drills into a region's 销售额 (the
// orders' sum equals the figure), sees the four charts drawn, exports Excel (the file re-read with
// exceljs holds the same sales) and prints; 工作台 shows 本月销售 and 交货风险订单. The month before has a
// sale (环比) and the month an approved expense (费效比), so all four charts have something to draw.
// Screenshots: test-results/e2e-report-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localMonth } from '../../shared/dates';
import { formatFen, formatYuan } from '../../shared/money';
import { formatRatio } from '../../shared/report';
import { chromiumPath, RESULTS, signIn, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';
const COMPANY = '苏州恒达化工有限公司';

function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
/** The report's month: last month (a closed month, the page's default). */
const MONTH = monthBefore(localMonth(new Date()));
const YEAR = Number(MONTH.slice(0, 4));
const MONTH_INDEX = Number(MONTH.slice(5, 7)) - 1;
const PREVIOUS = monthBefore(MONTH);
const day = (d: number, month = MONTH) => `${month}-${String(d).padStart(2, '0')}`;
function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localDate(d);
}
/** Twelve months of `perMonth` fen. */
const months = (perMonth: number) => Array.from({ length: 12 }, () => perMonth);

// By hand: 李娜 (华东, 直销) delivers 3 吨 × ¥10,000 = ¥30,000; 赵强 (华南, 代理商) 2 吨 = ¥20,000.
// Sales ¥50,000.00, cost 5 吨 × ¥8,000 = ¥40,000.00 (毛利率 20.0%); the month's target ¥100,000.00
// (达成率 50.0%); 回款 ¥12,345.67 from 李娜's customer.
const SALES = 5_000_000;
const SALES_EAST = 3_000_000;
const TARGET = 10_000_000;
const RECEIPT = 1_234_567;
/** What O-FIELDS wants on an order before it is confirmed. */
const ORDER_FIELDS = { requiredSchedule: '两周内', deliveryPlace: '客户仓库', packaging: '25kg 编织袋', shippingMethod: '汽运' };

describe.skipIf(!chromiumPath())('monthly report: figures, 按区域, drill-down, charts, Excel export and print; the home page (browser preview)', () => {
  let e: E2E;
  let manager: string | null;
  let clock: Date | null = null;

  beforeAll(async () => {
    e = await startE2E({ now: () => clock ?? new Date() });
    clock = new Date(`${day(2)}T09:00:00+08:00`);
    const { token: admin } = await e.api(null, 'setup.init', { companyName: COMPANY, adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD });
    const gm = (await e.api(admin, 'users.create', { username: 'chen', displayName: '陈总', role: 'gm', password: PASSWORD })).data;
    const wang = (await e.api(admin, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', managerId: gm.id, region: '华东', password: PASSWORD })).data;
    const li = (await e.api(admin, 'users.create', { username: 'li', displayName: '李娜', role: 'rep', managerId: wang.id, region: '华东', channel: 'direct', password: PASSWORD })).data;
    const zhao = (await e.api(admin, 'users.create', { username: 'zhao', displayName: '赵强', role: 'rep', managerId: wang.id, region: '华南', channel: 'dealer', password: PASSWORD })).data;
    await e.api(admin, 'users.create', { username: 'zhou', displayName: '周内勤', role: 'assistant', managerId: wang.id, password: PASSWORD });
    await e.api(admin, 'users.create', { username: 'qian', displayName: '钱会计', role: 'finance', managerId: gm.id, password: PASSWORD });
    const login = async (username: string) => (await e.api(null, 'auth.login', { username, password: PASSWORD })).token;
    manager = await login('wang');
    const repLi = await login('li');
    const repZhao = await login('zhao');
    const assistant = await login('zhou');
    const finance = await login('qian');

    const pe = (
      await e.api(admin, 'products.create', {
        product: { code: 'PE-100', name: '聚乙烯颗粒', spec: 'HDPE 5000S', unit: '吨', productLine: '聚烯烃', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
        effectiveFrom: `${YEAR - 1}-01-01`,
      })
    ).data.product.id;
    const customerOf = async (rep: string | null, customerNo: string, name: string) => {
      const { customer } = (await e.api(rep, 'customers.create', { customer: { customerNo, name, address: '江苏省苏州市工业园区星湖街 1 号', contactPerson: '刘经理', phone: '0512-66881234' } })).data;
      await e.api(manager, 'customers.update', { id: customer.id, version: customer.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
      return customer.id;
    };
    const east = await customerOf(repLi, 'C101', '无锡新材料科技有限公司');
    const south = await customerOf(repZhao, 'C201', '广州南方塑胶有限公司');

    // The year's target: ¥100,000.00 a month, 60 / 40 by channel, region and rep.
    const part = (key: string, perMonth: number) => ({ key, yearFen: perMonth * 12, monthsFen: months(perMonth) });
    await e.api(manager, 'targets.save', {
      year: YEAR,
      version: 0,
      totalFen: TARGET * 12,
      monthsFen: months(TARGET),
      breakdowns: {
        region: [part('华东', 6_000_000), part('华南', 4_000_000)],
        channel: [part('direct', 6_000_000), part('dealer', 4_000_000)],
        line: [],
        rep: [part(String(li.id), 6_000_000), part(String(zhao.id), 4_000_000)],
      },
    });

    /** An order of `tons` of PE, confirmed, made and inspected, shipped and delivered in the month. */
    let slip = 0;
    const sell = async (rep: string | null, customerId: number, tons: number, shipDay: number, deliverDay: number, month = MONTH) => {
      clock = new Date(`${day(2, month)}T10:00:00+08:00`);
      let d = (await e.api(rep, 'orders.create', { customerId, ...ORDER_FIELDS, deliveryDate: day(25, month), lines: [{ productId: pe, quantityMilli: tons * 1_000 }] })).data;
      d = (await e.api(rep, 'orders.confirm', { id: d.order.id, version: d.order.version, note: '' })).data;
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = (await e.api(rep, 'orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) })).data;
      }
      clock = new Date(`${day(deliverDay, month)}T16:00:00+08:00`);
      slip += 1;
      const shipment = (
        await e.api(assistant, 'shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate: day(shipDay, month), carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: tons * 1_000 }] })
      ).data;
      await e.api(assistant, 'shipments.deliver', { id: shipment.id, deliveredAt: day(deliverDay, month) });
    };
    // The month before: 1 吨 (¥10,000.00), for 环比 (and its chart).
    await sell(repLi, east, 1, 5, 6, PREVIOUS);
    await sell(repLi, east, 3, 8, 10);
    await sell(repZhao, south, 2, 12, 14);
    clock = new Date(`${day(20)}T11:00:00+08:00`);
    await e.api(finance, 'ledger.postReceipt', { customerId: east, date: day(20), amountFen: RECEIPT, reference: 'HD-0001' });
    // An expense of 赵强's approved by his manager (费效比 and its chart).
    const expense = (await e.api(repZhao, 'expenses.create', { type: 'other', purpose: '样品资料费', fields: { amount: 50_000 } })).data;
    const request = (await e.api(manager, 'requests.get', { id: expense.requestId })).data;
    await e.api(manager, 'requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });

    // Today: an order due tomorrow, confirmed but not yet made — at risk of late delivery (O-DELAY);
    // for a customer with nothing overdue (S-CREDIT would hold the order for approval).
    clock = null;
    const fresh = await customerOf(repLi, 'C102', '杭州临安化工有限公司');
    const late = (await e.api(repLi, 'orders.create', { customerId: fresh, ...ORDER_FIELDS, deliveryDate: daysFromToday(1), lines: [{ productId: pe, quantityMilli: 1_000 }] })).data;
    await e.api(repLi, 'orders.confirm', { id: late.order.id, version: late.order.version, note: '' });
  }, 120_000);

  afterAll(async () => {
    await e?.close();
  });

  const loaded = (by: string) => e.page.locator(`[data-testid=report-page][data-loaded="${MONTH}:${by}"]`).waitFor();
  const text = async (testId: string) => ((await e.page.getByTestId(testId).textContent()) ?? '').trim();

  it('the manager opens 月度报表 on last month: the KPI cards and the table are report.monthly’s figures, as worked out by hand', async () => {
    const { page } = e;
    await page.goto(e.server.url);
    await signIn(page, 'wang', PASSWORD);
    await page.getByTestId('nav-report').click();
    await page.getByTestId('report-page').waitFor();
    expect(await page.getByTestId('report-month').inputValue()).toBe(MONTH);
    await loaded('channel');

    // Another month, then back to the month (typed, Enter loads it).
    await page.getByTestId('report-month').fill(localMonth(new Date()));
    await page.locator(`[data-testid=report-page][data-loaded="${localMonth(new Date())}:channel"]`).waitFor();
    await page.getByTestId('report-month').fill(MONTH);
    await page.getByTestId('report-month').press('Enter');
    await loaded('channel');

    const report = (await e.api(manager, 'report.monthly', { month: MONTH, by: 'channel' })).data;
    expect(report.total.sales).toBe(SALES);
    expect(report.total.target).toBe(TARGET);
    expect(report.total.receipts).toBe(RECEIPT);

    expect(await text('report-kpi-sales-value')).toBe(formatYuan(SALES));
    expect(await text('report-kpi-achievement-value')).toBe('50.0%');
    expect(await text('report-kpi-achievement-value')).toBe(formatRatio(report.total.achievement));
    expect(await text('report-kpi-grossMargin-value')).toBe('20.0%');
    expect(await text('report-kpi-receipts-value')).toBe(formatYuan(RECEIPT));
    // 环比: ¥50,000.00 against last month's ¥10,000.00.
    expect(await text('report-kpi-mom-value')).toBe('400.0%');
    expect(await text('report-kpi-mom-value')).toBe(formatRatio(report.total.mom));
    expect(await text('report-kpi-yoy-value')).toBe('—');
    expect(await text('report-kpi-expenseRatio-value')).toBe(formatRatio(report.total.expenseRatio));

    // One row per channel and the 合计 row; every figure as the core has it.
    const rowKeys = await page.locator('[data-testid=report-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(rowKeys.sort()).toEqual(report.rows.map((r) => r.key).sort());
    for (const row of report.rows) {
      const cell = (field: string) => page.locator(`[data-testid=report-row][data-key="${row.key}"] td[data-field=${field}]`).textContent();
      expect(await cell('sales')).toBe(formatFen(row.sales));
      expect(await cell('achievement')).toBe(formatRatio(row.achievement));
      expect(await cell('receipts')).toBe(formatFen(row.receipts));
    }
    const direct = page.locator('[data-testid=report-row][data-key=direct] td[data-field=sales]');
    expect(await direct.textContent()).toBe('30,000.00');
    expect(await page.locator('[data-testid=report-total] td[data-field=sales]').textContent()).toBe('50,000.00');
    expect(await page.locator('[data-testid=report-total] td[data-field=collectionRate]').getAttribute('title')).toBe(
      `本月应收 ${formatYuan(report.totalBasis.receivableDue)}`,
    );
    await e.shot('e2e-report-1-channel');
  }, 60_000);

  it('按区域: the rows are the regions; a region’s 销售额 drills into its orders, whose sum is the figure; Esc closes', async () => {
    const { page } = e;
    await page.getByTestId('report-by').selectOption('region');
    await loaded('region');
    const report = (await e.api(manager, 'report.monthly', { month: MONTH, by: 'region' })).data;
    const eastRow = report.rows.find((r) => r.name === '华东')!;
    expect(eastRow.sales).toBe(SALES_EAST);
    const cell = page.locator(`[data-testid=report-row][data-key="${eastRow.key}"] td[data-field=sales]`);
    expect(await cell.textContent()).toBe('30,000.00');

    await cell.getByRole('button').click();
    const drawer = page.getByTestId('report-drill');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('report-drill-row').count()).toBe(1);
    expect(await drawer.getByTestId('report-drill-sum').textContent()).toBe('30,000.00');
    expect(await drawer.getByTestId('report-drill-row').first().textContent()).toContain('无锡新材料科技有限公司');
    await e.shot('e2e-report-2-drill');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The total's 销售额 too: both orders, ¥50,000.00.
    await page.getByTestId('report-kpi-sales-value').getByRole('button').click();
    await expect.poll(() => drawer.getByTestId('report-drill-row').count()).toBe(2);
    expect(await drawer.getByTestId('report-drill-sum').textContent()).toBe('50,000.00');
    await page.getByTestId('report-drill-close').click();
    await drawer.waitFor({ state: 'detached' });
  }, 60_000);

  it('the four charts are drawn on canvases with something on them; a month without data says 本月无数据', async () => {
    const { page } = e;
    for (const id of ['salesVsTarget', 'regions', 'growth', 'expenseRatio']) {
      const chart = page.getByTestId(`report-chart-${id}`);
      await chart.waitFor();
      expect(await chart.locator('h2').textContent()).not.toBe('');
      expect(await chart.getByTestId(`report-chart-${id}-empty`).count(), id).toBe(0);
      const canvas = chart.locator('canvas').first();
      await canvas.waitFor();
      const drawn = await canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0) return { width: c.width, height: c.height, inked: 0 };
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked += 1;
        return { width: c.width, height: c.height, inked };
      });
      expect(drawn.width, id).toBeGreaterThan(100);
      expect(drawn.height, id).toBeGreaterThan(100);
      expect(drawn.inked, id).toBeGreaterThan(500);
    }
    await page.getByTestId('report-charts').scrollIntoViewIfNeeded();
    await e.shot('e2e-report-3-charts');

    // Two years back: nothing at all — every chart says so instead of an empty frame.
    const empty = `${YEAR - 2}-${MONTH.slice(5)}`;
    await page.getByTestId('report-month').fill(empty);
    await page.locator(`[data-testid=report-page][data-loaded="${empty}:region"]`).waitFor();
    for (const id of ['salesVsTarget', 'regions', 'growth', 'expenseRatio']) {
      expect(await page.getByTestId(`report-chart-${id}-empty`).textContent(), id).toBe('本月无数据');
    }
    expect(await text('report-kpi-sales-value')).toBe('¥0.00');
    expect(await text('report-kpi-achievement-value')).toBe('—');
    await page.getByTestId('report-month').fill(MONTH);
    await loaded('region');
  }, 60_000);

  it('导出 Excel downloads a workbook holding the same sales; 打印 opens the printed report', async () => {
    const { page } = e;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = join(RESULTS, 'e2e-report-export.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    // Every cell of every sheet: the total's sales is there, in yuan (50000) or as written (50,000.00).
    const values: unknown[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    expect(values.some((v) => v === SALES / 100 || v === formatFen(SALES) || v === formatYuan(SALES))).toBe(true);
    expect(values).toContain('合计');

    // CSV: the same figures as text; its 合计 line carries the sales in yuan.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = join(RESULTS, 'e2e-report-export.csv');
    await csv.saveAs(csvPath);
    const totalLine = readFileSync(csvPath, 'utf8').split(/\r?\n/).find((l) => l.startsWith('合计'));
    expect(totalLine).toContain('50000.00');

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('report-print').click()]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain(COMPANY);
    expect(await popup.evaluate(() => document.body.innerText)).toContain('50,000.00');
    await popup.close();
  }, 60_000);

  it('工作台 shows 本月销售 against the target and the order at risk of late delivery', async () => {
    const { page } = e;
    await page.getByTestId('nav-home').click();
    const mtd = page.getByTestId('home-mtd');
    await mtd.waitFor();
    const figures = (await e.api(manager, 'report.monthToDate', {})).data;
    expect(await text('home-mtd-sales')).toBe(formatYuan(figures.sales));
    expect(await text('home-mtd-target')).toBe(formatYuan(TARGET));
    expect(await text('home-mtd-achievement')).toBe(formatRatio(figures.achievement));
    expect(await text('home-mtd-days')).toBe(`已过 ${figures.daysElapsed} / ${figures.workingDays} 个工作日`);
    const delay = page.getByTestId('home-delay');
    await expect.poll(() => delay.getByTestId('home-delay-order').count()).toBe(1);
    expect(await delay.getByTestId('home-delay-order').textContent()).toContain(`交期 ${daysFromToday(1)}`);
    expect(await delay.getByTestId('home-delay-order').textContent()).toContain('杭州临安化工有限公司');
    await e.shot('e2e-report-4-home');
  }, 60_000);
});
