// PLACEHOLDER (contract): the ECharts options of the monthly report's charts, pure functions of the
// report, used by the screen (renderer/src/modules/report) and the printed report (SVG rendered in
// the core) alike. The print helper implements them.
import type { EChartsOption } from 'echarts';
import type { Label } from './domain';
import type { MonthlyReport } from './report';

export type ReportChartId = 'salesVsTarget' | 'regions' | 'growth' | 'expenseRatio';

export interface ReportChart {
  id: ReportChartId;
  title: Label;
  option: EChartsOption;
}

/** The four charts: sales vs target by month (12 months), sales and target by region, MoM / YoY lines, the expense ratio. */
export function reportCharts(_report: MonthlyReport, _lang: 'zh' | 'en' = 'zh'): ReportChart[] {
  return [];
}
