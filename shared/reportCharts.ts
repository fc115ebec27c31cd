// The ECharts options of the monthly report's charts (K-MONTHLY), pure functions of the report: the
// screen (renderer/src/modules/report, echarts in the browser) and the printed report (SVG rendered
// in the core, electron/core/print/charts.ts) draw the same charts from them.
//
// - No DOM, no clock, no randomness: the same report gives the same option. Animation is off (paper
//   and tests want the final picture); the screen may switch it on.
// - No font family: the caller sets it (the printed one uses the CJK font stack PRINT_FONTS).
// - No title in the option: each chart's title is `title` (Chinese first), shown by the caller.
// - Money in the report is fen; the charts show yuan, in 万元 when the largest amount is large.
// - Ratios are percentages; an undefined ratio (null, shown "—" in the tables) stays null in the
//   series, a gap in the line, never 0.
// Only types come from 'echarts' here, so the renderer bundle does not pull echarts twice.
import type { EChartsOption } from 'echarts';
import type { Label } from './domain';
import type { MonthlyReport } from './report';

export type ReportChartId = 'salesVsTarget' | 'regions' | 'growth' | 'expenseRatio';

export interface ReportChart {
  id: ReportChartId;
  title: Label;
  option: EChartsOption;
}

type Lang = 'zh' | 'en';

/** Series colours: distinct in colour, and in shape (bars, solid and dashed lines) on a grey printer. */
const COLORS = {
  sales: '#2f6fba',
  target: '#d9822b',
  expenses: '#9aa5b1',
  mom: '#2f6fba',
  yoy: '#c0392b',
  ratio: '#27855b',
} as const;

/** From this amount (yuan) on, the money axis counts in 万元 / 10k yuan. */
const WAN_FROM_YUAN = 100_000;

interface MoneyUnit {
  /** Fen in one unit of the axis. */
  fen: number;
  /** Decimals that keep the yuan. */
  digits: number;
  label: Label;
}
const YUAN: MoneyUnit = { fen: 100, digits: 2, label: { zh: '元', en: 'yuan' } };
const WAN: MoneyUnit = { fen: 1_000_000, digits: 4, label: { zh: '万元', en: '10k yuan' } };

/** The axis unit for these amounts (fen): 万元 when the largest is 100,000 yuan or more. */
export function moneyUnit(amountsFen: readonly number[]): MoneyUnit {
  const max = amountsFen.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  return max / 100 >= WAN_FROM_YUAN ? WAN : YUAN;
}

/** Fen in the unit, to the yuan: 123_456_789 fen in 万元 → 123.4568. */
function inUnit(fen: number, unit: MoneyUnit): number {
  const scale = 10 ** unit.digits;
  return Math.round((fen / unit.fen) * scale) / scale;
}

/** A ratio (0.125) as a percentage to one decimal (12.5); null stays null (a gap). */
export function percentOrNull(ratio: number | null): number | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  return Math.round(ratio * 1000) / 10;
}

/** "2026-10" → "10月" (January and the first month also "2026年1月"), or "Oct" / "Jan 2026". */
export function monthLabel(month: string, lang: Lang, withYear: boolean): string {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  if (lang === 'en') {
    const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] ?? month;
    return withYear ? `${name}\n${year}` : name;
  }
  return withYear ? `${m}月\n${year}年` : `${m}月`;
}

function months(report: MonthlyReport, lang: Lang): string[] {
  return report.trend.map((p, i) => monthLabel(p.month, lang, i === 0 || p.month.endsWith('-01')));
}

const pick = (l: Label, lang: Lang) => l[lang];

const BASE: EChartsOption = {
  animation: false,
  backgroundColor: 'transparent',
  tooltip: { trigger: 'axis' },
  legend: { top: 0, itemGap: 16 },
  grid: { left: 8, right: 12, top: 36, bottom: 4, containLabel: true },
};

/** A note in the middle of a chart with nothing to draw (the axes alone would look like a fault). */
function nothing(lang: Lang, note: Label): Pick<EChartsOption, 'graphic'> {
  return { graphic: [{ type: 'text', left: 'center', top: 'middle', silent: true, style: { text: pick(note, lang), fill: '#666', fontSize: 13 } }] };
}

/** "金额（万元）" / "Amount (10k yuan)". */
const axisName = (name: string, unit: string, lang: Lang) => (lang === 'zh' ? `${name}（${unit}）` : `${name} (${unit})`);

function moneyAxis(unit: MoneyUnit, lang: Lang, name: Label): NonNullable<EChartsOption['yAxis']> {
  return {
    type: 'value',
    name: axisName(pick(name, lang), pick(unit.label, lang), lang),
    nameTextStyle: { align: 'left' },
    // whole yuan (no "0.2 元" steps on an empty axis); 万元 may step by less than one
    ...(unit === YUAN ? { minInterval: 1 } : {}),
    splitLine: { lineStyle: { type: 'dashed', color: '#ccc' } },
  };
}

const percentAxis = (lang: Lang, name: Label, position: 'left' | 'right' = 'left'): NonNullable<EChartsOption['yAxis']> => ({
  type: 'value',
  name: axisName(pick(name, lang), '%', lang),
  position,
  nameTextStyle: { align: position === 'left' ? 'left' : 'right' },
  axisLabel: { formatter: '{value}%' },
  splitLine: position === 'left' ? { lineStyle: { type: 'dashed', color: '#ccc' } } : { show: false },
});

const LABELS = {
  sales: { zh: '销售额', en: 'Sales' },
  target: { zh: '目标', en: 'Target' },
  amount: { zh: '金额', en: 'Amount' },
  expenses: { zh: '费用', en: 'Expenses' },
  mom: { zh: '环比', en: 'MoM' },
  yoy: { zh: '同比', en: 'YoY' },
  growth: { zh: '增长率', en: 'Growth' },
  ratio: { zh: '费效比', en: 'Expense ratio' },
} satisfies Record<string, Label>;

function salesVsTarget(report: MonthlyReport, lang: Lang): ReportChart {
  const unit = moneyUnit(report.trend.flatMap((p) => [p.sales, p.target]));
  return {
    id: 'salesVsTarget',
    title: { zh: '近12个月销售额与目标', en: 'Sales and target, last 12 months' },
    option: {
      ...BASE,
      color: [COLORS.sales, COLORS.target],
      xAxis: { type: 'category', data: months(report, lang), axisTick: { alignWithLabel: true } },
      yAxis: moneyAxis(unit, lang, LABELS.amount),
      series: [
        { type: 'bar', name: pick(LABELS.sales, lang), data: report.trend.map((p) => inUnit(p.sales, unit)), barMaxWidth: 28 },
        {
          type: 'line',
          name: pick(LABELS.target, lang),
          data: report.trend.map((p) => inUnit(p.target, unit)),
          symbol: 'circle',
          symbolSize: 5,
          lineStyle: { type: 'dashed', width: 2 },
        },
      ],
    },
  };
}

function regions(report: MonthlyReport, lang: Lang): ReportChart {
  const unit = moneyUnit(report.regions.flatMap((r) => [r.sales, r.target]));
  return {
    id: 'regions',
    title: { zh: `${monthTitle(report.month, 'zh')}各区域销售额与目标`, en: `Sales and target by region, ${monthTitle(report.month, 'en')}` },
    option: {
      ...BASE,
      color: [COLORS.sales, COLORS.target],
      xAxis: { type: 'category', data: report.regions.map((r) => r.name), axisLabel: { interval: 0, hideOverlap: false } },
      yAxis: moneyAxis(unit, lang, LABELS.amount),
      ...(report.regions.length ? {} : nothing(lang, { zh: '本月没有区域数据', en: 'No regions this month' })),
      series: [
        { type: 'bar', name: pick(LABELS.sales, lang), data: report.regions.map((r) => inUnit(r.sales, unit)), barMaxWidth: 36 },
        { type: 'bar', name: pick(LABELS.target, lang), data: report.regions.map((r) => inUnit(r.target, unit)), barMaxWidth: 36 },
      ],
    },
  };
}

function growth(report: MonthlyReport, lang: Lang): ReportChart {
  return {
    id: 'growth',
    title: { zh: '近12个月销售额环比与同比', en: 'Sales MoM and YoY, last 12 months' },
    option: {
      ...BASE,
      color: [COLORS.mom, COLORS.yoy],
      xAxis: { type: 'category', data: months(report, lang), axisTick: { alignWithLabel: true } },
      yAxis: percentAxis(lang, LABELS.growth),
      ...(report.trend.some((p) => p.mom !== null || p.yoy !== null)
        ? {}
        : nothing(lang, { zh: '没有可比的月份（上月和上年同月均无销售额）', en: 'Nothing to compare: no sales in the month before or a year before' })),
      series: [
        { type: 'line', name: pick(LABELS.mom, lang), data: report.trend.map((p) => percentOrNull(p.mom)), connectNulls: false, symbol: 'circle', symbolSize: 5 },
        {
          type: 'line',
          name: pick(LABELS.yoy, lang),
          data: report.trend.map((p) => percentOrNull(p.yoy)),
          connectNulls: false,
          symbol: 'rect',
          symbolSize: 5,
          lineStyle: { type: 'dashed' },
        },
      ],
    },
  };
}

function expenseRatio(report: MonthlyReport, lang: Lang): ReportChart {
  const unit = moneyUnit(report.trend.map((p) => p.expenses));
  return {
    id: 'expenseRatio',
    title: { zh: '近12个月费用与费效比', en: 'Expenses and expense ratio, last 12 months' },
    option: {
      ...BASE,
      grid: { ...(BASE.grid as object), right: 8 },
      color: [COLORS.expenses, COLORS.ratio],
      xAxis: { type: 'category', data: months(report, lang), axisTick: { alignWithLabel: true } },
      yAxis: [moneyAxis(unit, lang, LABELS.expenses), percentAxis(lang, LABELS.ratio, 'right')] as EChartsOption['yAxis'],
      ...(report.trend.some((p) => p.expenses !== 0 || p.expenseRatio !== null) ? {} : nothing(lang, { zh: '近12个月没有费用和销售额', en: 'No expenses or sales in the last 12 months' })),
      series: [
        { type: 'bar', name: pick(LABELS.expenses, lang), data: report.trend.map((p) => inUnit(p.expenses, unit)), yAxisIndex: 0, barMaxWidth: 24 },
        {
          type: 'line',
          name: pick(LABELS.ratio, lang),
          data: report.trend.map((p) => percentOrNull(p.expenseRatio)),
          yAxisIndex: 1,
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 5,
          lineStyle: { width: 2 },
        },
      ],
    },
  };
}

/** "2026-10" → "2026年10月" / "Oct 2026". */
function monthTitle(month: string, lang: Lang): string {
  return lang === 'en' ? monthLabel(month, 'en', true).replace('\n', ' ') : `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The four charts: sales vs target by month (12 months), sales and target by region, MoM / YoY lines, the expense ratio. */
export function reportCharts(report: MonthlyReport, lang: Lang = 'zh'): ReportChart[] {
  return [salesVsTarget(report, lang), regions(report, lang), growth(report, lang), expenseRatio(report, lang)];
}
