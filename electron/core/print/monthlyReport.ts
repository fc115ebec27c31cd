// K-MONTHLY on paper: the printed monthly report, A4 portrait. Every sheet is one page laid out
// explicitly (fixed heights, a fixed number of table lines a page), so nothing is cut at a page break:
//   1. the totals as KPI boxes and the 12-month sales-vs-target chart;
//   2. the other three charts (regions, MoM / YoY, expense ratio);
//   3… the rows: the 17 columns do not fit A4 portrait in one table, so each page has two tables over
//      the same rows (sales … achievement; expenses … complaints on time), the 合计 row at the end;
//   then the definitions (on the last table page when there is room, else a page of their own).
// Every page has the company header, the report's title and period, and "第 N 页 / 共 M 页" with who
// printed it and when. The charts are SVG drawn in the core (charts.ts) from shared/reportCharts.ts.
import { formatYuan } from '../../../shared/money';
import { formatRatio, REPORT_COLUMNS, REPORT_DIMENSION_LABELS, type MonthlyReport, type ReportDimension, type ReportFigures } from '../../../shared/report';
import { reportCharts, type ReportChart } from '../../../shared/reportCharts';
import { chartSvg } from './charts';
import { esc, printDocument } from './html';

export interface MonthlyReportMeta {
  companyName: string;
  printedBy: string;
  /** "2026-11-01 09:30" */
  printedAt: string;
}

/** The definitions of the figures (shared/report.ts's header), printed with the report. */
export const REPORT_NOTES: readonly { term: string; text: string }[] = [
  { term: '分组', text: '按数据所属的人归组：销售和回款归记账的客户经理，费用归申请人，客户和投诉归负责人；按其本人、所在区域或渠道（用户资料中的区域 / 渠道）汇总，与费效比的口径相同。' },
  { term: '销售额', text: '本月记入销售台账的销售（发货签收）金额，减去本月所冲销的销售。成本、数量取自这些销售对应的发货明细（成本按订单行的成本价；数量按各产品自身单位合计）。' },
  { term: '毛利率', text: '（销售额 − 成本）÷ 销售额。' },
  { term: '环比 / 同比', text: '环比 = 本月销售额 ÷ 上月销售额 − 1；同比 = 本月销售额 ÷ 上年同月销售额 − 1。' },
  { term: '费用 / 费效比', text: '按费效比口径：已批准的可报销费用（已报销的按实付金额）；费效比 = 费用 ÷ 销售额。' },
  { term: '目标 / 达成率', text: '本月的销售目标（K-TARGET）；达成率 = 销售额 ÷ 目标。' },
  { term: '回款 / 回款率', text: '本月的回款和订金（预收款），扣除其冲销。本月应收 = 月初应收余额 + 本月销售中在本月内到期的部分（发货日期 + 客户账期 ≤ 月末）；回款率 = 回款 ÷ 本月应收。' },
  { term: '新增客户', text: '首笔销售在本月、且本月的新客户申请在 C-NEW 规定的截止日前提交并获批准的客户（C-NEW）。' },
  { term: '有目标人数 / 人均销售额', text: '本月目标大于零的客户经理人数；人均销售额 = 销售额 ÷ 有目标人数。' },
  { term: '投诉 / 投诉处理及时率', text: '本月受理的投诉；及时率 = 处理、答复、出具处理单三项期限均按时完成的件数 ÷ 已可判定的件数（各步骤均已完成，或已有期限逾期）。' },
  { term: '单位', text: '金额单位为元；比率以百分数表示；分母为零、比率无意义时显示“—”。' },
];

// —— layout (mm): the A4 page less its margins (print/html.ts: 12 mm, 14 mm at the foot) is 186 × 271 ——
const PAGE_MM = 268;
const CONTENT_WIDTH_MM = 186;
const PX_PER_MM = 96 / 25.4;
const MAIN_CHART_MM = 150;
const SMALL_CHART_MM = 71;
/** Table lines a page: each of the page's two tables shows the same rows; a long name takes two lines. */
export const LINES_PER_PAGE = 22;
/** The definitions fit under the tables when the last page's rows take at most this many lines. */
const NOTES_FIT_LINES = 16;
/** The name column holds this many CJK characters a line (Latin letters count about half). */
const NAME_CHARS_PER_LINE = 8;
/** A Latin letter or digit, in CJK characters. */
const LATIN_WIDTH = 0.55;

const NAME_HEADERS: Record<ReportDimension, string> = { channel: '渠道', region: '区域', rep: '客户经理' };

type Column = (typeof REPORT_COLUMNS)[number];
const FIRST_FIELDS = ['sales', 'quantity', 'cost', 'grossMargin', 'mom', 'yoy', 'target', 'achievement'] as const;
const SECOND_FIELDS = ['expenses', 'expenseRatio', 'receipts', 'collectionRate', 'newCustomers', 'reps', 'perCapitaSales', 'complaints', 'complaintsOnTimeRate'] as const;
const columnsOf = (fields: readonly string[]): Column[] => fields.map((f) => REPORT_COLUMNS.find((c) => c.field === f)!);
const FIRST = columnsOf(FIRST_FIELDS);
const SECOND = columnsOf(SECOND_FIELDS);

const CSS = `
.report.sheet { display: flex; flex-direction: column; font-size: 9pt; }
@media print { .report.sheet { height: ${PAGE_MM}mm; } }
@media screen { .report.sheet { height: 297mm; } }
.report .head { border-bottom: 0.8pt solid #000; padding-bottom: 1.2mm; margin-bottom: 3mm; text-align: center; }
.report .head .company { font-size: 11pt; margin: 0; }
.report .head .title { font-size: 15pt; font-weight: 700; letter-spacing: 1pt; margin: 0.6mm 0; }
.report .head .period { font-size: 8.5pt; color: #333; }
.report .body { flex: 1 1 auto; }
.report .foot { flex: none; border-top: 0.6pt solid #000; padding-top: 1mm; font-size: 8pt; color: #333; display: flex; justify-content: space-between; }
.report h2 { font-size: 10.5pt; margin: 0 0 1.2mm; }
.report .kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin-bottom: 4mm; }
.report .kpi { border: 0.6pt solid #000; padding: 1.4mm 2mm; height: 19mm; display: flex; flex-direction: column; justify-content: space-between; }
.report .kpi .label { font-size: 8pt; color: #333; }
.report .kpi .value { font-size: 12.5pt; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report .kpi .sub { font-size: 7.5pt; color: #333; white-space: nowrap; overflow-wrap: normal; }
.report .chart { width: ${CONTENT_WIDTH_MM}mm; margin-bottom: 3mm; break-inside: avoid; }
.report .chart .svg svg { display: block; width: 100%; height: 100%; }
.report table.figures { table-layout: fixed; width: 100%; margin-bottom: 3mm; font-size: 7.5pt; }
.report table.figures th, .report table.figures td { padding: 0.5mm 1mm; line-height: 1.25; vertical-align: middle; border-width: 0.4pt; }
.report table.figures thead th { font-size: 7pt; white-space: normal; text-align: center; height: 7mm; }
.report table.figures td { height: 4.4mm; }
.report table.figures td.name { overflow-wrap: anywhere; }
.report table.figures col.name { width: 24mm; }
.report table.figures col.fen { width: 28mm; }
.report table.figures col.quantity { width: 18mm; }
.report table.figures tr.total td { font-weight: 700; background: #f2f2f2; border-top: 0.8pt solid #000; }
.report .caption { font-size: 8.5pt; font-weight: 600; margin: 0 0 1mm; }
.report .notes { font-size: 8pt; line-height: 1.45; }
.report .notes dl { margin: 0; display: grid; grid-template-columns: 36mm 1fr; gap: 0.8mm 2mm; }
.report .notes dt { font-weight: 600; }
.report .notes dd { margin: 0; }
.report .notes.below { margin-top: 2mm; border-top: 0.4pt solid #888; padding-top: 2mm; }
`;

/** "2026-10" → "2026年10月". */
function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

function period(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-01 至 ${month}-${String(lastDay).padStart(2, '0')}`;
}

/** A row's quantity: up to three decimals, thousands separated (12,500.5). */
function quantity(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A figure as the report prints it: money in yuan, ratios as percentages ("—" when undefined). */
function cell(row: ReportFigures, column: Column): string {
  const value = row[column.field];
  switch (column.kind) {
    case 'fen':
      return value === null ? '—' : formatYuan(value as number);
    case 'ratio':
      return formatRatio(value as number | null);
    case 'quantity':
      return quantity(value as number);
    case 'count':
      return String(value);
  }
}

/**
 * Lines the name takes in its column, as the browser wraps it: CJK characters break anywhere and count
 * 1, Latin words (to a space or after a hyphen) stay whole unless longer than a line and count about
 * half a character a letter.
 */
export function nameLines(name: string): number {
  const tokens = name.match(/[\u0000-\u00ff]+?(?:[ -]|(?=[^\u0000-\u00ff])|$)|[^\u0000-\u00ff]/g) ?? [];
  let lines = 1;
  let used = 0;
  for (const token of tokens) {
    const width = token.trimEnd().length * LATIN_WIDTH + (/[^\u0000-\u00ff]/.test(token) ? 1 - LATIN_WIDTH : 0);
    const trailing = token.length - token.trimEnd().length;
    if (used > 0 && used + width > NAME_CHARS_PER_LINE) {
      lines += 1;
      used = 0;
    }
    used += width;
    while (used > NAME_CHARS_PER_LINE) {
      // a word longer than a line breaks anywhere (overflow-wrap: anywhere)
      lines += 1;
      used -= NAME_CHARS_PER_LINE;
    }
    used += trailing * LATIN_WIDTH;
  }
  return lines;
}

/** The rows in pages of at most LINES_PER_PAGE lines (at least one page, for the 合计 row). */
export function tablePages(rows: readonly ReportFigures[]): ReportFigures[][] {
  const pages: ReportFigures[][] = [[]];
  let used = 0;
  for (const row of rows) {
    const lines = Math.min(nameLines(row.name), LINES_PER_PAGE);
    if (used + lines > LINES_PER_PAGE) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(row);
    used += lines;
  }
  return pages;
}

const linesOf = (rows: readonly ReportFigures[]) => rows.reduce((n, r) => n + nameLines(r.name), 0);

function kpis(report: MonthlyReport): string {
  const t = report.total;
  const b = report.totalBasis;
  const box = (label: string, value: string, sub = '') =>
    `<div class="kpi"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div><div class="sub">${esc(sub)}</div></div>`;
  return `<div class="kpis">
${box('销售额', formatYuan(t.sales), `数量 ${quantity(t.quantity)}`)}
${box('目标达成率', formatRatio(t.achievement), `目标 ${formatYuan(t.target)}`)}
${box('毛利率', formatRatio(t.grossMargin), `成本 ${formatYuan(t.cost)}`)}
${box('环比', formatRatio(t.mom), `上月 ${formatYuan(b.prevSales)}`)}
${box('同比', formatRatio(t.yoy), `上年同月 ${formatYuan(b.lastYearSales)}`)}
${box('费效比', formatRatio(t.expenseRatio), `费用 ${formatYuan(t.expenses)}`)}
${box('回款', formatYuan(t.receipts), `本月应收 ${formatYuan(b.receivableDue)}`)}
${box('回款率', formatRatio(t.collectionRate), '回款 ÷ 本月应收')}
${box('新增客户', `${t.newCustomers} 家`, '首笔销售在本月（C-NEW）')}
${box('人均销售额', t.perCapitaSales === null ? '—' : formatYuan(t.perCapitaSales), `有目标人数 ${t.reps} 人`)}
${box('投诉', `${t.complaints} 件`, `已判定 ${b.complaintsJudged} 件`)}
${box('投诉处理及时率', formatRatio(t.complaintsOnTimeRate), `及时 ${b.complaintsOnTime} / 已判定 ${b.complaintsJudged}`)}
</div>`;
}

function chartBlock(chart: ReportChart, heightMm: number): string {
  const width = Math.round(CONTENT_WIDTH_MM * PX_PER_MM);
  const height = Math.round(heightMm * PX_PER_MM);
  return `<div class="chart" data-chart="${chart.id}"><div class="caption">${esc(chart.title.zh)}</div><div class="svg" style="height:${heightMm}mm">${chartSvg(chart.option, width, height)}</div></div>`;
}

function table(caption: string, by: ReportDimension, columns: Column[], rows: readonly ReportFigures[], total: ReportFigures | null): string {
  const cols = `<colgroup><col class="name">${columns.map((c) => `<col class="${c.kind}">`).join('')}</colgroup>`;
  const head = `<thead><tr><th>${esc(NAME_HEADERS[by])}</th>${columns.map((c) => `<th>${esc(c.zh)}</th>`).join('')}</tr></thead>`;
  const line = (r: ReportFigures, cls: string) =>
    `<tr class="${cls}" data-key="${esc(r.key)}"><td class="name" data-lines="${nameLines(r.name)}">${esc(r.name)}</td>${columns.map((c) => `<td class="num">${esc(cell(r, c))}</td>`).join('')}</tr>`;
  const body = rows.map((r) => line(r, 'row')).join('\n') + (total ? `\n${line({ ...total, name: '合计' }, 'total')}` : '');
  return `<div class="caption">${esc(caption)}</div><table class="figures">${cols}${head}<tbody>${body}</tbody></table>`;
}

function notes(below: boolean): string {
  const items = REPORT_NOTES.map((n) => `<dt>${esc(n.term)}</dt><dd>${esc(n.text)}</dd>`).join('');
  return `<div class="notes${below ? ' below' : ''}"><h2>指标说明</h2><dl>${items}</dl></div>`;
}

/** The printed monthly report: the HTML of its A4 pages and how many there are. */
export function monthlyReportDocument(report: MonthlyReport, meta: MonthlyReportMeta): { html: string; pages: number } {
  const charts = reportCharts(report, 'zh');
  const chart = (id: ReportChart['id']) => charts.find((c) => c.id === id)!;
  const by = REPORT_DIMENSION_LABELS[report.by].zh;

  const bodies: string[] = [];
  bodies.push(`<h2>本月汇总</h2>${kpis(report)}${chartBlock(chart('salesVsTarget'), MAIN_CHART_MM)}`);
  bodies.push(
    [
      chartBlock(chart('regions'), SMALL_CHART_MM),
      chartBlock(chart('growth'), SMALL_CHART_MM),
      chartBlock(chart('expenseRatio'), SMALL_CHART_MM),
    ].join('\n'),
  );
  const groups = tablePages(report.rows);
  const notesBelow = linesOf(groups[groups.length - 1]!) <= NOTES_FIT_LINES;
  groups.forEach((rows, i) => {
    const last = i === groups.length - 1;
    const total = last ? report.total : null;
    const part = groups.length > 1 ? `（${i + 1}/${groups.length}）` : '';
    bodies.push(
      [
        table(`${NAME_HEADERS[report.by]}明细 · 销售与目标${part}`, report.by, FIRST, rows, total),
        table(`${NAME_HEADERS[report.by]}明细 · 费用、回款、客户与投诉${part}`, report.by, SECOND, rows, total),
        last && notesBelow ? notes(true) : '',
      ].join('\n'),
    );
  });
  if (!notesBelow) bodies.push(notes(false));

  const pages = bodies.length;
  const title = `月度销售报表 · ${monthTitle(report.month)} · ${by}`;
  const sheets = bodies.map(
    (body, i) => `<section class="sheet report" data-page="${i + 1}">
<div class="head"><div class="company">${esc(meta.companyName)}</div><div class="title">${esc(title)}</div><div class="period">统计期间：${esc(period(report.month))}</div></div>
<div class="body">
${body}
</div>
<div class="foot"><span>第 ${i + 1} 页 / 共 ${pages} 页</span><span>打印：${esc(meta.printedBy)} ${esc(meta.printedAt)}</span></div>
</section>`,
  );
  return { html: printDocument(`月度销售报表 ${report.month}`, sheets, CSS, 'a4'), pages };
}
