// K-MONTHLY on paper (DOMAIN §9): the printed monthly report, A4 portrait. Every page has the company,
// "月度销售报表 · 2026年10月 · 按…", the period and "第 N 页 / 共 M 页" with who printed it; page 1 the
// totals as KPI boxes and the 12-month chart, page 2 the other three charts (SVG drawn in the core,
// Chinese text), then the rows in two tables a page (the 17 columns do not fit one), 22 lines a page,
// the 合计 row last, and the definitions under the last table or on a page of their own. Checked on
// hand-made reports (page counts at their boundaries, each row on exactly one page, "—" for an
// undefined ratio, markup escaped), through Chromium to PDF (pdfinfo: the pages it says, A4;
// pdftotext: real Chinese text and the totals; nothing overflowing its page or its cell), and once
// through print.monthlyReport on a small department's October (audited; a rep refused, nothing written).
// The pages are also rendered to test-results/print-report-*.png to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForPdf, htmlToPdf } from '../../electron/cli/pdf';
import { chartSvg } from '../../electron/core/print/charts';
import { LINES_PER_PAGE, monthlyReportDocument, nameLines } from '../../electron/core/print/monthlyReport';
import type { ChannelInput } from '../../shared/api';
import { formatTimestamp } from '../../shared/dates';
import type { MonthlyReport, ReportFigures } from '../../shared/report';
import { reportCharts } from '../../shared/reportCharts';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';
import { expectPaper, havePdfTools, pdfInfo, pdfText, pdfToPngs } from '../support/pdf';

const COMPANY = '苏州恒达化工有限公司';
const META = { companyName: COMPANY, printedBy: '王经理', printedAt: '2026-11-02 09:30' };
const MARKUP = '<i>陈</i>&"x"';
const dir = mkdtempSync(join(tmpdir(), 'salesdesk-print-report-'));

// —— on paper: helpers ——

/** What overflows in print layout: a page whose content is taller than the page, a cell or KPI box whose text is wider than it. */
async function overflows(html: string): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumForPdf()!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // The page as wide as A4 less its margins (186 mm), as the printer lays it out.
    const page = await browser.newPage({ viewport: { width: Math.floor((186 * 96) / 25.4), height: 1000 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.evaluate(() => {
      const found: string[] = [];
      document.querySelectorAll<HTMLElement>('.sheet').forEach((sheet, i) => {
        if (sheet.scrollHeight > sheet.clientHeight + 1) found.push(`page ${i + 1}: ${sheet.scrollHeight} > ${sheet.clientHeight}`);
        const body = sheet.querySelector<HTMLElement>('.body')!;
        const foot = sheet.querySelector<HTMLElement>('.foot')!;
        if (body.getBoundingClientRect().top + body.scrollHeight > foot.getBoundingClientRect().top + 1) found.push(`page ${i + 1}: the body runs into the footer`);
      });
      // the text's own box against the element's inner width (a nowrap figure overflowing shows no scrollbar in a cell)
      document.querySelectorAll<HTMLElement>('td, th, .kpi .value, .kpi .sub').forEach((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const style = getComputedStyle(el);
        const inner = el.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
        const text = range.getBoundingClientRect().width;
        if (text > inner + 0.5) found.push(`${el.className || el.tagName}: "${el.textContent}" ${text.toFixed(1)} > ${inner.toFixed(1)}`);
      });
      // a name on more lines than the page budget counted for it
      document.querySelectorAll<HTMLElement>('td.name').forEach((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        const counted = Number(el.dataset.lines);
        if (lines > counted) found.push(`name "${el.textContent}" on ${lines} lines, counted ${counted}`);
      });
      return found;
    });
  } finally {
    await browser.close();
  }
}

/** The document to PDF (checked: its pages, A4, nothing overflowing) and to test-results/print-report-NAME-*.png; the PDF's text. */
async function onPaper(name: string, doc: { html: string; pages: number }): Promise<string> {
  expect(await overflows(doc.html)).toEqual([]);
  const pdf = join(dir, `${name}.pdf`);
  await htmlToPdf(doc.html, pdf);
  const info = pdfInfo(pdf);
  expect(info.pages).toBe(doc.pages);
  expectPaper(info, 210, 297);
  expect(pdfToPngs(pdf, `print-report-${name}`, 60)).toHaveLength(doc.pages);
  return pdfText(pdf, { layout: true });
}

// —— a report by hand ——

/** Row i: sales ¥(i+1) × 12,345.67, every ratio defined except on rows 3, 13, 23 … (all "—"). */
function row(i: number, name: string): ReportFigures {
  const nulls = i % 10 === 3;
  return {
    key: String(100 + i),
    name,
    sales: 1_234_567 * (i + 1),
    cost: 900_000 * (i + 1),
    quantity: 1.25 * (i + 1),
    grossMargin: nulls ? null : 0.271,
    mom: nulls ? null : 0.0134,
    yoy: nulls ? null : -0.05,
    expenses: 50_000 * i,
    expenseRatio: nulls ? null : 0.0412,
    target: nulls ? 0 : 1_500_000 * (i + 1),
    achievement: nulls ? null : 0.823,
    receipts: 1_100_000 * i,
    collectionRate: nulls ? null : 0.912,
    newCustomers: i % 4,
    reps: nulls ? 0 : 1,
    perCapitaSales: nulls ? null : 1_234_567 * (i + 1),
    complaints: i % 3,
    complaintsOnTimeRate: nulls ? null : 1,
  };
}

const TOTAL: ReportFigures = {
  key: '',
  name: '合计',
  sales: 987_654_321, // ¥9,876,543.21
  cost: 700_000_000,
  quantity: 1_234.5,
  grossMargin: 0.2913,
  mom: null, // September sold nothing: "—"
  yoy: 0.1234,
  expenses: 40_000_000,
  expenseRatio: 0.0412,
  target: 1_200_000_000, // ¥12,000,000.00
  achievement: 0.823,
  receipts: 880_000_000, // ¥8,800,000.00
  collectionRate: 0.9012,
  newCustomers: 7,
  reps: 36,
  perCapitaSales: 27_434_842,
  complaints: 5,
  complaintsOnTimeRate: 0.8,
};

/** A report of `names` (default: 客户经理1 … n, row 5 with markup in its name). */
function fixture(n: number, names: (i: number) => string = (i) => (i === 4 ? MARKUP : `客户经理${i + 1}`)): MonthlyReport {
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2025, 10 + i, 1)).toISOString().slice(0, 7));
  return {
    month: '2026-10',
    by: 'rep',
    rows: Array.from({ length: n }, (_, i) => row(i, names(i))),
    total: TOTAL,
    basis: [],
    totalBasis: { key: '', prevSales: 0, lastYearSales: 880_000_000, receivableDue: 976_000_000, complaintsJudged: 5, complaintsOnTime: 4 },
    trend: months.map((month, i) => ({
      month,
      sales: i === 10 ? 0 : 600_000_000 + i * 40_000_000,
      target: 1_000_000_000,
      expenses: 30_000_000 + i * 1_000_000,
      mom: i === 0 || i === 10 || i === 11 ? null : 0.05,
      yoy: i < 3 ? null : 0.1,
      expenseRatio: i === 10 ? null : 0.05,
    })),
    regions: [
      { key: '华东区', name: '华东区', sales: 600_000_000, target: 700_000_000 },
      { key: '华南区', name: '华南区', sales: 387_654_321, target: 500_000_000 },
    ],
    generatedAt: '2026-11-02T09:30:00+08:00',
  };
}

/** The HTML of each page. */
const sheetsOf = (html: string) => html.split('<section class="sheet report"').slice(1);
/** How often `text` occurs in `html`. */
const count = (html: string, text: string) => html.split(text).length - 1;
const nameCell = (name: string) => `<td class="name" data-lines="${nameLines(name)}">${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</td>`;

describe('the document from a report', () => {
  it('forty rows: KPIs, charts, two table pages (22 + 18), the definitions on a fifth page', () => {
    const report = fixture(40);
    const { html, pages } = monthlyReportDocument(report, META);
    expect(LINES_PER_PAGE).toBe(22);
    expect(pages).toBe(5);
    const sheets = sheetsOf(html);
    expect(sheets).toHaveLength(5);
    sheets.forEach((sheet, i) => {
      expect(sheet, `page ${i + 1}`).toContain(`<div class="company">${COMPANY}</div>`);
      expect(sheet).toContain('月度销售报表 · 2026年10月 · 按客户经理');
      expect(sheet).toContain('统计期间：2026-10-01 至 2026-10-31');
      expect(sheet).toContain(`第 ${i + 1} 页 / 共 5 页`);
      expect(sheet).toContain('打印：王经理 2026-11-02 09:30');
    });
    // each row on exactly one page, there in both tables; the 合计 row once per table, on the last
    const pageOf = report.rows.map((r) => {
      const on = sheets.map((s, p) => [p, count(s, nameCell(r.name))] as const).filter(([, n]) => n > 0);
      expect(on.map(([, n]) => n), r.name).toEqual([2]);
      return on[0]![0] + 1;
    });
    expect(pageOf).toEqual([...Array(22).fill(3), ...Array(18).fill(4)]);
    expect(sheets.map((s) => count(s, '<td class="name" data-lines="1">合计</td>'))).toEqual([0, 0, 0, 2, 0]);
    expect(sheets.map((s) => count(s, '指标说明'))).toEqual([0, 0, 0, 0, 1]);
    expect(sheets[3]).toMatch(/客户经理40<\/td>[\s\S]*合计[\s\S]*客户经理40<\/td>[\s\S]*合计/);
  });

  it('page 1: the totals as KPI boxes (yuan, percentages, "—" for none) and the sales chart', () => {
    const sheet = sheetsOf(monthlyReportDocument(fixture(3), META).html)[0]!;
    const kpi = (label: string) => new RegExp(`<div class="label">${label}</div><div class="value">([^<]*)</div><div class="sub">([^<]*)</div>`).exec(sheet)?.slice(1);
    expect(kpi('销售额')).toEqual(['¥9,876,543.21', '数量 1,234.5']);
    expect(kpi('目标达成率')).toEqual(['82.3%', '目标 ¥12,000,000.00']);
    expect(kpi('毛利率')).toEqual(['29.1%', '成本 ¥7,000,000.00']);
    expect(kpi('环比')).toEqual(['—', '上月 ¥0.00']);
    expect(kpi('同比')).toEqual(['12.3%', '上年同月 ¥8,800,000.00']);
    expect(kpi('费效比')).toEqual(['4.1%', '费用 ¥400,000.00']);
    expect(kpi('回款')).toEqual(['¥8,800,000.00', '本月应收 ¥9,760,000.00']);
    expect(kpi('回款率')?.[0]).toBe('90.1%');
    expect(kpi('新增客户')?.[0]).toBe('7 家');
    expect(kpi('人均销售额')).toEqual(['¥274,348.42', '有目标人数 36 人']);
    expect(kpi('投诉')).toEqual(['5 件', '已判定 5 件']);
    expect(kpi('投诉处理及时率')).toEqual(['80.0%', '及时 4 / 已判定 5']);
    expect(count(sheet, '<svg')).toBe(1);
    expect(sheet).toContain('data-chart="salesVsTarget"');
    expect(sheet).toContain('近12个月销售额与目标');
  });

  it('page 2: the other three charts as SVG with their Chinese titles, legends and region names', () => {
    const sheet = sheetsOf(monthlyReportDocument(fixture(3), META).html)[1]!;
    expect(count(sheet, '<svg')).toBe(3);
    for (const text of ['2026年10月各区域销售额与目标', '近12个月销售额环比与同比', '近12个月费用与费效比', '华东区', '华南区', '环比', '同比', '费效比', '增长率（%）', '金额（万元）']) {
      expect(sheet, text).toContain(text);
    }
    // no region this month: a note instead of an empty chart
    const none = sheetsOf(monthlyReportDocument({ ...fixture(3), regions: [] }, META).html)[1]!;
    expect(count(none, '<svg')).toBe(3);
    expect(none).toMatch(/<svg[^]*>本月没有区域数据<\/text>[^]*<\/svg>/);
  });

  it('the tables: the 17 columns in two tables, money in yuan, "—" for an undefined ratio, markup escaped', () => {
    const { html } = monthlyReportDocument(fixture(5), META);
    const tables = [...html.matchAll(/<table class="figures">([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    expect(tables).toHaveLength(2);
    const headers = tables.map((t) => [...t.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]));
    expect(headers).toEqual([
      ['客户经理', '销售额', '数量', '成本', '毛利率', '环比', '同比', '目标', '达成率'],
      ['客户经理', '费用', '费效比', '回款', '回款率', '新增客户', '有目标人数', '人均销售额', '投诉', '投诉处理及时率'],
    ]);
    const cells = (t: string, key: string) => [...new RegExp(`data-key="${key}">([\\s\\S]*?)</tr>`).exec(t)![1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // row 2 (客户经理2): ¥24,691.34 = 2 × 12,345.67
    expect(cells(tables[0]!, '101')).toEqual(['客户经理2', '¥24,691.34', '2.5', '¥18,000.00', '27.1%', '1.3%', '-5.0%', '¥30,000.00', '82.3%']);
    expect(cells(tables[1]!, '101')).toEqual(['客户经理2', '¥500.00', '4.1%', '¥11,000.00', '91.2%', '1', '1', '¥24,691.34', '1', '100.0%']);
    // row 4 (客户经理4) has every ratio undefined: "—", never 0 or NaN
    expect(cells(tables[0]!, '103')).toEqual(['客户经理4', '¥49,382.68', '5', '¥36,000.00', '—', '—', '—', '¥0.00', '—']);
    expect(cells(tables[1]!, '103')).toEqual(['客户经理4', '¥1,500.00', '—', '¥33,000.00', '—', '3', '0', '—', '0', '—']);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    // the name with markup: text, not tags
    expect(html).not.toContain(MARKUP);
    expect(count(html, '&lt;i&gt;陈&lt;/i&gt;&amp;&quot;x&quot;')).toBe(2);
    // the total closes both tables; five rows leave room for the definitions below them
    expect(cells(tables[0]!, '')).toEqual(['合计', '¥9,876,543.21', '1,234.5', '¥7,000,000.00', '29.1%', '—', '12.3%', '¥12,000,000.00', '82.3%']);
    expect(html).toContain('毛利率</dt><dd>（销售额 − 成本）÷ 销售额。');
  });

  it('page counts at the boundaries: 22 lines a page, the definitions below up to 16 lines, a two-line name counts two', () => {
    const pagesOf = (r: MonthlyReport) => monthlyReportDocument(r, META).pages;
    expect(pagesOf(fixture(0))).toBe(3); // the 合计 row alone, the definitions below it
    expect(pagesOf(fixture(16))).toBe(3);
    expect(pagesOf(fixture(17))).toBe(4); // the definitions on their own page
    expect(pagesOf(fixture(22))).toBe(4);
    expect(pagesOf(fixture(23))).toBe(4); // 22 + 1, the definitions below the one
    expect(pagesOf(fixture(44))).toBe(5); // 22 + 22 + definitions
    // a name too long for one line (more than 8 characters) takes two: 21 rows are 22 lines
    const long = (i: number) => (i === 0 ? '华东区域大客户销售一部' : `客户经理${i + 1}`);
    expect(pagesOf(fixture(21, long))).toBe(4);
    expect(pagesOf(fixture(20, long))).toBe(4);
    expect(pagesOf(fixture(22, long))).toBe(4); // 22 lines + 1: the 22nd row starts page 4, definitions below
    const sheets = sheetsOf(monthlyReportDocument(fixture(22, long), META).html);
    expect(count(sheets[2]!, nameCell('客户经理22'))).toBe(0);
    expect(count(sheets[3]!, nameCell('客户经理22'))).toBe(2);
    // Latin words stay whole: "Alexander / Montgomery- / Smith" is three lines
    expect(['张伟', '客户经理40', MARKUP, '华东区域大客户销', '华东区域大客户销售一部', 'Alexander Montgomery-Smith', '<b>粗体</b> & Co'].map(nameLines)).toEqual([1, 1, 1, 1, 2, 3, 2]);
    // an empty month: the 合计 row of zeros, nothing breaks
    const empty = monthlyReportDocument({ ...fixture(0), total: { ...row(3, '合计'), sales: 0 } }, META).html;
    expect(count(empty, '<td class="name" data-lines="1">合计</td>')).toBe(2);
  });

  it('chartSvg draws an option to an SVG of the size asked, with Chinese text in the print fonts', () => {
    const svg = chartSvg(reportCharts(fixture(1))[0]!.option, 700, 400);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/width="700" height="400"/);
    expect(svg).toContain('销售额');
    expect(svg).toContain('11月');
    expect(svg).toContain("font-family:'Noto Sans CJK SC'"); // single quotes: inside a double-quoted style attribute
    expect(svg).not.toMatch(/style="[^"]*"Noto/);
    expect(svg).not.toContain('<animate');
  });
});

// —— through the channel ——

describe('print.monthlyReport', () => {
  let template: TeamTemplate;
  let t: TeamCore;
  let clock = new Date('2026-10-08T10:00:00+08:00');
  const setDay = (day: string) => (clock = new Date(`${day}T10:00:00+08:00`));

  /**
   * October 2026: 张伟 (华东) delivers 6 t of PE at ¥10,000 = ¥60,000.00, 李娜 (华南) 3 t = ¥30,000.00;
   * the company's October target is ¥100,000.00 (achievement 90.0 %), no rep has a target of his own
   * (人均销售额 "—"); September sold nothing (环比 "—").
   */
  beforeAll(async () => {
    template = await teamTemplate();
    t = await teamCore(template, { now: () => clock });
    const { repA, repB, manager, assistant } = t.team;
    await t.admin.call('users.update', { id: repA.id, patch: { region: '华东', channel: 'direct' } });
    await t.admin.call('users.update', { id: repB.id, patch: { region: '华南', channel: 'dealer' } });
    const pe = (await t.admin.call('products.create', { product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 }, effectiveFrom: '2026-01-01' })).product.id;
    const customerOf = async (caller: Caller, no: string) => {
      const { customer } = await createCustomer(caller, no);
      await manager.call('customers.update', { id: customer.id, version: customer.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
      return customer.id;
    };
    let slip = 0;
    const sell = async (caller: Caller, customerId: number, tons: number, day: string) => {
      let d = await caller.call('orders.create', {
        customerId,
        requiredSchedule: '两周内',
        deliveryDate: '2026-12-31',
        deliveryPlace: '苏州工业园区',
        packaging: '25kg 编织袋',
        shippingMethod: '汽运',
        lines: [{ productId: pe, quantityMilli: tons * 1_000 }],
      });
      d = await caller.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = await caller.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
      }
      slip += 1;
      setDay(day);
      const shipment = await assistant.call('shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate: day, carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: tons * 1_000 }] });
      await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: day });
    };
    await sell(repA, await customerOf(repA, 'C001'), 6, '2026-10-12');
    setDay('2026-10-08');
    await sell(repB, await customerOf(repB, 'C002'), 3, '2026-10-15');
    const plan: ChannelInput<'targets.save'> = { year: 2026, version: 0, totalFen: 120_000_000, monthsFen: Array(12).fill(10_000_000) };
    await manager.call('targets.save', plan);
    setDay('2026-11-02');
  });
  afterAll(() => {
    t?.cleanup();
    template?.cleanup();
  });

  it('prints the month by region: the figures of report.monthly, the company, who printed it; one audit row', async () => {
    const { manager, gm } = t.team;
    const shown = await manager.call('report.monthly', { month: '2026-10', by: 'region' });
    expect(shown.rows.map((r) => [r.name, r.sales])).toEqual([
      ['华东', 6_000_000],
      ['华南', 3_000_000],
    ]);
    const printed = await manager.call('print.monthlyReport', { month: '2026-10', by: 'region' });
    expect(printed.title).toBe('月度销售报表 2026-10');
    expect(printed.pages).toBe(3); // KPIs, charts, the two rows with the definitions below
    const sheets = sheetsOf(printed.html);
    expect(sheets).toHaveLength(3);
    for (const [i, sheet] of sheets.entries()) {
      expect(sheet).toContain(COMPANY);
      expect(sheet).toContain('月度销售报表 · 2026年10月 · 按区域');
      expect(sheet).toContain(`第 ${i + 1} 页 / 共 3 页`);
      expect(sheet).toContain(`打印：王经理 ${formatTimestamp(clock.toISOString())}`);
    }
    expect(sheets[0]).toMatch(/销售额<\/div><div class="value">¥90,000.00/);
    expect(sheets[0]).toMatch(/目标达成率<\/div><div class="value">90.0%<\/div><div class="sub">目标 ¥100,000.00/);
    expect(sheets[0]).toMatch(/环比<\/div><div class="value">—/);
    expect(sheets[0]).toMatch(/人均销售额<\/div><div class="value">—/);
    expect(sheets[2]).toMatch(/<td class="name" data-lines="1">华东<\/td><td class="num">¥60,000.00<\/td><td class="num">6<\/td><td class="num">¥48,000.00<\/td><td class="num">20.0%<\/td>/);
    expect(sheets[2]).toMatch(/<td class="name" data-lines="1">华南<\/td><td class="num">¥30,000.00<\/td>/);
    expect(sheets[2]).toMatch(/<td class="name" data-lines="1">合计<\/td><td class="num">¥90,000.00<\/td>/);
    expect(sheets[1]).toContain('华东');
    expect(count(printed.html, '<svg')).toBe(4);

    const audit = await gm.call('audit.list', { entity: 'report' });
    expect(audit.rows.map((r) => [r.action, r.userName])).toEqual([['print.monthlyReport', '王经理']]);
    expect(audit.rows[0]!.after).toMatchObject({ month: '2026-10', by: 'region', pages: 3 });
  });

  it('by rep: the reps by name', async () => {
    const printed = await t.team.director.call('print.monthlyReport', { month: '2026-10', by: 'rep' });
    expect(printed.html).toContain('月度销售报表 · 2026年10月 · 按客户经理');
    expect(printed.html).toMatch(/<td class="name" data-lines="1">张伟<\/td><td class="num">¥60,000.00<\/td>/);
    expect(printed.html).toMatch(/<td class="name" data-lines="1">李娜<\/td><td class="num">¥30,000.00<\/td>/);
  });

  it.skipIf(!havePdfTools)('on paper: three A4 pages with the real figures, rendered to test-results/print-report-channel-*.png', async () => {
    const printed = await t.team.manager.call('print.monthlyReport', { month: '2026-10', by: 'region' });
    const flat = (await onPaper('channel', printed)).replace(/\s+/g, '');
    for (const word of [COMPANY, '月度销售报表·2026年10月·按区域', '¥90,000.00', '¥60,000.00', '¥30,000.00', '¥100,000.00', '90.0%', '华东', '华南', '第3页/共3页']) expect(flat, word).toContain(word);
  }, 90_000);

  it('a rep may not print it; a month that is no month is refused naming the field; neither writes anything', async () => {
    const before = t.snapshot();
    const forbidden = await t.team.repA.fail('print.monthlyReport', { month: '2026-10', by: 'rep' });
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(hasChinese(forbidden.message)).toBe(true);
    const bad = await t.team.manager.fail('print.monthlyReport', { month: '2026-13', by: 'rep' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.field)).toContain('month');
    expect(hasChinese(bad.issues[0]!.message)).toBe(true);
    const badBy = await t.team.manager.fail('print.monthlyReport', { month: '2026-10', by: 'customer' });
    expect(badBy.code).toBe('VALIDATION');
    expect(t.snapshot()).toBe(before);
  });
});

describe.skipIf(!havePdfTools)('on paper', () => {
  const wide = (i: number) => (i === 4 ? MARKUP : i === 7 ? 'Alexander Montgomery-Smith' : `客户经理${i + 1}`);
  const big = (n: number): MonthlyReport => {
    const r = fixture(n, wide);
    // the widest figures a department may reach: ¥123,456,789.01 on a row, billions in the total
    r.rows[0] = { ...r.rows[0]!, sales: 12_345_678_901, target: 99_999_999_999, receipts: 12_345_678_901, perCapitaSales: 12_345_678_901, quantity: 123_456.789 };
    r.total = { ...TOTAL, sales: 123_456_789_012, target: 999_999_999_999, receipts: 123_456_789_012, expenses: 12_345_678_901, cost: 99_999_999_999 };
    return r;
  };
  const cases = [
    { name: '40-rows', report: () => big(40), pages: 5 },
    { name: '5-rows', report: () => fixture(5), pages: 3 },
  ];
  it.each(cases)('$name: the pages it says on A4, Chinese text and totals extractable, nothing overflowing; rendered to test-results/print-report-$name-*.png', async ({ name, report, pages }) => {
    const doc = monthlyReportDocument(report(), META);
    expect(doc.pages).toBe(pages);
    const text = await onPaper(name, doc);
    const flat = text.replace(/\s+/g, '');
    for (const word of [COMPANY, '月度销售报表·2026年10月·按客户经理', `第1页/共${pages}页`, `第${pages}页/共${pages}页`, '近12个月销售额与目标', '华东区', '环比', '指标说明', '合计', '客户经理3']) {
      expect(flat, word).toContain(word);
    }
    const pageTexts = text.split('\f');
    for (let p = 0; p < pages; p++) expect(pageTexts[p]!.replace(/\s+/g, ''), `page ${p + 1}`).toContain(`第${p + 1}页/共${pages}页`);
    expect(flat).toContain(name === '40-rows' ? '¥1,234,567,890.12' : '¥9,876,543.21');
    expect(flat).toContain('<i>陈</i>&"x"');
  }, 90_000);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
