// The monthly report's charts (K-MONTHLY): one ECharts option per chart, the same for the screen and
// the paper. Twelve months oldest first, money shown in yuan (万元 from 100,000 yuan on), ratios as
// percentages with an undefined ratio a gap (null), never 0; regions by name; Chinese titles and
// legends first; no animation; nothing in the option that JSON cannot carry; the report untouched.
import { describe, expect, it } from 'vitest';
import type { MonthlyReport, ReportFigures, ReportTrendPoint } from '../../shared/report';
import { reportCharts, type ReportChart, type ReportChartId } from '../../shared/reportCharts';

const CJK = /[\u4e00-\u9fff]/;

const figures = (key: string, name: string): ReportFigures => ({
  key,
  name,
  sales: 0,
  cost: 0,
  quantity: 0,
  grossMargin: null,
  mom: null,
  yoy: null,
  expenses: 0,
  expenseRatio: null,
  target: 0,
  achievement: null,
  receipts: 0,
  collectionRate: null,
  newCustomers: 0,
  reps: 0,
  perCapitaSales: null,
  complaints: 0,
  complaintsOnTimeRate: null,
});

/** November 2025 … October 2026. */
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

function report(trend: (month: string, i: number) => Partial<ReportTrendPoint> = () => ({})): MonthlyReport {
  return {
    month: '2026-10',
    by: 'rep',
    rows: [figures('1', '张伟')],
    total: figures('total', '合计'),
    basis: [],
    totalBasis: { key: 'total', prevSales: 0, lastYearSales: 0, receivableDue: 0, complaintsJudged: 0, complaintsOnTime: 0 },
    trend: MONTHS.map((month, i) => ({ month, sales: 0, target: 0, expenses: 0, mom: null, yoy: null, expenseRatio: null, ...trend(month, i) })),
    regions: [
      { key: '华东', name: '华东', sales: 60_000_000, target: 70_000_000 },
      { key: '华南', name: '华南', sales: 40_000_000, target: 35_000_000 },
    ],
    generatedAt: '2026-11-01T09:00:00+08:00',
  };
}

type Series = { type: string; name: string; data: (number | null)[]; yAxisIndex?: number; connectNulls?: boolean };
type Axis = { type: string; name?: string; data?: string[]; axisLabel?: { formatter?: string } };
const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
function parts(chart: ReportChart) {
  const o = chart.option as unknown as { series: Series[]; xAxis: Axis | Axis[]; yAxis: Axis | Axis[]; animation: boolean };
  return { series: o.series, x: asArray(o.xAxis)[0]!, y: asArray(o.yAxis), animation: o.animation };
}
const chartOf = (r: MonthlyReport, id: ReportChartId, lang: 'zh' | 'en' = 'zh') => parts(reportCharts(r, lang).find((c) => c.id === id)!);

describe('reportCharts', () => {
  it('gives the four charts, in order, with Chinese and English titles, no animation', () => {
    const charts = reportCharts(report());
    expect(charts.map((c) => c.id)).toEqual(['salesVsTarget', 'regions', 'growth', 'expenseRatio']);
    for (const c of charts) {
      expect(c.title.zh, c.id).toMatch(CJK);
      expect(c.title.en, c.id).toMatch(/^[A-Z][\x20-\x7e]+$/);
      expect(parts(c).animation, c.id).toBe(false);
    }
    expect(charts.find((c) => c.id === 'regions')!.title.zh).toContain('2026年10月');
  });

  it('sales vs target: twelve months oldest first, sales bars and a target line, in 万元 from 100,000 yuan on', () => {
    // October's sales are ¥1,234,567.89 (123,456,789 fen): the axis counts in 万元, to the yuan.
    const r = report((_, i) => ({ sales: (i + 1) * 10_000_000 + (i === 11 ? 3_456_789 : 0), target: 100_000_000 }));
    const { series, x, y } = chartOf(r, 'salesVsTarget');
    expect(x.data).toHaveLength(12);
    expect(x.data![0]).toBe('11月\n2025年'); // the first month and January carry the year
    expect(x.data![1]).toBe('12月');
    expect(x.data![2]).toBe('1月\n2026年');
    expect(x.data![11]).toBe('10月');
    expect(y[0]!.name).toBe('金额（万元）');
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '销售额'],
      ['line', '目标'],
    ]);
    expect(series[0]!.data).toHaveLength(12);
    expect(series[0]!.data[0]).toBe(10); // 100,000.00 yuan = 10 万元
    expect(series[0]!.data[11]).toBe(123.4568); // 1,234,567.89 yuan
    expect(series[1]!.data).toEqual(Array(12).fill(100));
  });

  it('counts in yuan below 100,000 yuan and in 万元 at it', () => {
    const just = report((_, i) => ({ sales: i === 5 ? 9_999_999 : 0 })); // ¥99,999.99
    expect(chartOf(just, 'salesVsTarget').y[0]!.name).toBe('金额（元）');
    expect(chartOf(just, 'salesVsTarget').series[0]!.data[5]).toBe(99_999.99);
    const at = report((_, i) => ({ target: i === 5 ? 10_000_000 : 0 })); // ¥100,000.00, the target counts too
    expect(chartOf(at, 'salesVsTarget').y[0]!.name).toBe('金额（万元）');
    expect(chartOf(at, 'salesVsTarget').series[1]!.data[5]).toBe(10);
  });

  it('regions: one bar pair per region, by name, the month of the report', () => {
    const { series, x, y } = chartOf(report(), 'regions');
    expect(x.data).toEqual(['华东', '华南']);
    expect(y[0]!.name).toBe('金额（万元）');
    expect(series.map((s) => [s.type, s.name, s.data])).toEqual([
      ['bar', '销售额', [60, 40]],
      ['bar', '目标', [70, 35]],
    ]);
  });

  it('growth: MoM and YoY in percent over the twelve months; an undefined ratio stays a gap, never 0', () => {
    const r = report((_, i) => ({ mom: i === 0 ? null : i === 1 ? 0.125 : i === 2 ? -0.0333 : 0, yoy: i < 4 ? null : 0.2 }));
    const { series, x, y } = chartOf(r, 'growth');
    expect(x.data).toHaveLength(12);
    expect(y[0]!.axisLabel?.formatter).toBe('{value}%');
    const [mom, yoy] = series;
    expect([mom!.type, mom!.name, yoy!.type, yoy!.name]).toEqual(['line', '环比', 'line', '同比']);
    expect(mom!.data.slice(0, 4)).toEqual([null, 12.5, -3.3, 0]);
    expect(yoy!.data).toEqual([null, null, null, null, 20, 20, 20, 20, 20, 20, 20, 20]);
    expect(mom!.connectNulls).toBe(false);
    expect(yoy!.connectNulls).toBe(false);
  });

  it('expense ratio: expense bars (money axis) and the ratio line (percent axis) with its gaps', () => {
    const r = report((_, i) => ({ expenses: 50_000 * (i + 1), expenseRatio: i === 6 ? null : 0.051 }));
    const { series, y } = chartOf(r, 'expenseRatio');
    expect(y.map((a) => a.name)).toEqual(['费用（元）', '费效比（%）']);
    expect(series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', '费用', 0],
      ['line', '费效比', 1],
    ]);
    expect(series[0]!.data[0]).toBe(500);
    expect(series[1]!.data[5]).toBe(5.1);
    expect(series[1]!.data[6]).toBeNull();
  });

  it('a chart with nothing to draw says so instead of showing bare axes', () => {
    const notes = (r: MonthlyReport) =>
      Object.fromEntries(reportCharts(r).map((c) => [c.id, ((c.option.graphic ?? []) as { style: { text: string } }[]).map((g) => g.style.text)]));
    // no sales before: no MoM or YoY anywhere; no expenses and no sales; no regions
    expect(notes({ ...report(), regions: [] })).toEqual({
      salesVsTarget: [],
      regions: ['本月没有区域数据'],
      growth: ['没有可比的月份（上月和上年同月均无销售额）'],
      expenseRatio: ['近12个月没有费用和销售额'],
    });
    // one month with a MoM, one with an expense: drawn, no note
    const one = report((_, i) => (i === 11 ? { mom: 0.1, expenses: 100 } : {}));
    expect(notes(one)).toEqual({ salesVsTarget: [], regions: [], growth: [], expenseRatio: [] });
  });

  it('speaks English when asked', () => {
    const r = report();
    expect(chartOf(r, 'salesVsTarget', 'en').series.map((s) => s.name)).toEqual(['Sales', 'Target']);
    expect(chartOf(r, 'salesVsTarget', 'en').x.data![0]).toBe('Nov\n2025');
    expect(chartOf(r, 'growth', 'en').series.map((s) => s.name)).toEqual(['MoM', 'YoY']);
    expect(chartOf(r, 'regions', 'en').y[0]!.name).toBe('Amount (10k yuan)');
  });

  it('is a pure function: same option twice, JSON-safe, the report not touched', () => {
    const r = report((_, i) => ({ sales: i * 1_000_000, mom: i ? 0.01 * i : null }));
    const frozen = structuredClone(r);
    const once = reportCharts(r);
    expect(JSON.parse(JSON.stringify(once))).toEqual(once); // no functions, no undefined holes
    expect(reportCharts(r)).toEqual(once);
    expect(r).toEqual(frozen);
  });
});
