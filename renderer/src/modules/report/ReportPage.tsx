// 月度报表 (K-MONTHLY, DOMAIN §9): a closed month's figures (the month before by default; the current
// month too) by channel, region or rep — KPI cards of the total, the table of every REPORT_COLUMNS
// figure per group with the 合计 row (sortable; the basis of 环比, 同比 and 回款率 in tooltips), the
// orders behind a 销售额 or 回款 figure in a drawer, the four charts (reportCharts, drawn with
// ECharts), 打印 (the core's A4 report) and Excel / CSV export (the core's file, downloaded).
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { Label } from '../../../../shared/domain';
import { formatTimestamp, localMonth, previousMonth } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import {
  formatRatio,
  REPORT_COLUMNS,
  REPORT_DIMENSION_LABELS,
  REPORT_DIMENSIONS,
  reportMonthSchema,
  type DrillFigure,
  type MonthlyReport,
  type ReportBasis,
  type ReportDimension,
  type ReportExportFormat,
  type ReportFigures,
} from '../../../../shared/report';
import { reportCharts, type ReportChartId } from '../../../../shared/reportCharts';
import { invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { PrintButton } from '../../print/PrintButton';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { useReportMessages, type ReportT } from './messages';
import { ReportChartView } from './ReportChartView';
import { downloadFile, formatCell, sortRows, type ReportColumn, type ReportField } from './reportFormat';
import './report.css';

const TOTAL_KEY = '__total';
const CHART_IDS: readonly ReportChartId[] = ['salesVsTarget', 'regions', 'growth', 'expenseRatio'];
/** Titles of the chart slots until (or if) reportCharts gives its own. */
const CHART_TITLES: Record<ReportChartId, Label> = {
  salesVsTarget: { zh: '销售额与目标（近 12 个月）', en: 'Sales vs target (12 months)' },
  regions: { zh: '各区域销售额与目标', en: 'Sales and target by region' },
  growth: { zh: '环比与同比', en: 'MoM and YoY' },
  expenseRatio: { zh: '费效比', en: 'Expense ratio' },
};

/** Whether a chart has anything to draw for the report (else it shows 本月无数据). */
function chartHasData(id: ReportChartId, report: MonthlyReport): boolean {
  switch (id) {
    case 'salesVsTarget':
      return report.trend.some((p) => p.sales !== 0 || p.target !== 0);
    case 'regions':
      return report.regions.some((r) => r.sales !== 0 || r.target !== 0);
    case 'growth':
      return report.trend.some((p) => p.mom !== null || p.yoy !== null);
    case 'expenseRatio':
      // As the printed chart: a 0.0% ratio on sales is a figure; no expenses and no sales is none.
      return report.trend.some((p) => p.expenses !== 0 || p.expenseRatio !== null);
  }
}

function basisTip(t: ReportT, field: ReportField, basis: ReportBasis | undefined): string | undefined {
  if (!basis) return undefined;
  if (field === 'mom') return t('tipMom', { prev: formatYuan(basis.prevSales) });
  if (field === 'yoy') return t('tipYoy', { prev: formatYuan(basis.lastYearSales) });
  if (field === 'collectionRate') return t('tipCollection', { due: formatYuan(basis.receivableDue) });
  return undefined;
}

function Kpi(props: { id: string; title: string; value: ReactNode; sub?: ReactNode; tone?: 'good' | 'bad'; onClick?: () => void; tip?: string }) {
  return (
    <div className={`report-kpi${props.tone ? ` report-kpi-${props.tone}` : ''}`} data-testid={`report-kpi-${props.id}`} title={props.tip}>
      <div className="report-kpi-title">{props.title}</div>
      <div className="report-kpi-value" data-testid={`report-kpi-${props.id}-value`}>
        {props.onClick ? (
          <button type="button" className="link report-drill-link" onClick={props.onClick}>
            {props.value}
          </button>
        ) : (
          props.value
        )}
      </div>
      {props.sub !== undefined && <div className="report-kpi-sub muted">{props.sub}</div>}
    </div>
  );
}

/**
 * A long header wraps onto two even lines (投诉处理 / 及时率) so the 17 columns fit a window; a short
 * one (数量, 环比) never breaks. English wraps at spaces.
 */
function headerWidth(text: string, lang: 'zh' | 'en'): CSSProperties | undefined {
  if (lang === 'en') return { whiteSpace: 'normal', maxWidth: 'calc(7em + 12px)' };
  if (text.length < 5) return undefined;
  // As wide as half the text, whatever the figures below it (有目标人数 over single digits).
  const width = `calc(${Math.ceil(text.length / 2)}em + 12px)`;
  return { whiteSpace: 'normal', maxWidth: width, minWidth: width };
}

const growthTone = (v: number | null): 'good' | 'bad' | undefined => (v === null || v === 0 ? undefined : v > 0 ? 'good' : 'bad');

export function ReportPage() {
  const t = useReportMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();

  const thisMonth = localMonth(new Date());
  const [month, setMonth] = useState(() => previousMonth(thisMonth));
  const [monthText, setMonthText] = useState(month);
  const [by, setBy] = useState<ReportDimension>('channel');
  const [report, setReport] = useState<MonthlyReport | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [sort, setSort] = useState<{ field: ReportField | 'name'; dir: 'asc' | 'desc' } | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [exporting, setExporting] = useState<ReportExportFormat | null>(null);
  const [chartErrors, setChartErrors] = useState<Partial<Record<ReportChartId, true>>>({});
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    invoke('report.monthly', { month, by })
      .then((r) => {
        if (!alive) return;
        setReport(r);
        setLoadError(null);
        setChartErrors({});
      })
      .catch((err: unknown) => alive && setLoadError(err))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [month, by, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const monthValid = reportMonthSchema.safeParse(monthText).success;
  function commitMonth(text: string) {
    setMonthText(text);
    if (reportMonthSchema.safeParse(text).success && text !== month) setMonth(text);
  }
  function onMonthKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = event.currentTarget.value;
    if (!reportMonthSchema.safeParse(text).success) return;
    if (text !== month) setMonth(text);
    else reload();
  }

  async function exportAs(format: ReportExportFormat) {
    setExporting(format);
    try {
      const file = await invoke('report.export', { month, by, format });
      downloadFile(file);
      toast('success', t('exported', { file: file.fileName }));
    } catch (err) {
      toast('error', t('exportFailed', { error: errorText(err) }));
    } finally {
      setExporting(null);
    }
  }

  const charts = useMemo(() => {
    if (!report) return [];
    let built: ReturnType<typeof reportCharts> = [];
    try {
      built = reportCharts(report, lang);
    } catch {
      built = [];
    }
    return CHART_IDS.map((id) => ({ id, chart: built.find((c) => c.id === id) ?? null, hasData: chartHasData(id, report) }));
  }, [report, lang]);

  const basisOf = useMemo(() => new Map((report?.basis ?? []).map((b) => [b.key, b])), [report]);
  const rows = useMemo(() => (report ? (sort ? sortRows(report.rows, sort.field, sort.dir) : report.rows) : []), [report, sort]);
  const shown = report && !loadError ? report : null;
  const stale = shown !== null && (shown.month !== month || shown.by !== by);

  function toggleSort(field: ReportField | 'name') {
    setSort((s) => (s?.field === field ? (s.dir === 'desc' ? { field, dir: 'asc' } : null) : { field, dir: field === 'name' ? 'asc' : 'desc' }));
  }
  const sortMark = (field: ReportField | 'name') => (sort?.field === field ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');
  const ariaSort = (field: ReportField | 'name') => (sort?.field === field ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');

  const openDrill = (figures: ReportFigures, key: string | null, figure: DrillFigure) =>
    shown && setDrill({ month: shown.month, by: shown.by, key, name: key === null ? t('totalRow') : figures.name, figure });

  function cell(column: ReportColumn, figures: ReportFigures, key: string | null) {
    const text = formatCell(column, figures);
    const tip = basisTip(t, column.field, key === null ? shown?.totalBasis : basisOf.get(key));
    const drillable = (column.field === 'sales' || column.field === 'receipts') && figures[column.field] !== 0;
    return (
      <td key={column.field} className={`num${column.field === 'sales' ? ' report-col-sales' : ''}`} data-field={column.field} title={tip}>
        {drillable ? (
          <button type="button" className="link report-drill-link" title={t('tipDrill')} onClick={() => openDrill(figures, key, column.field as DrillFigure)}>
            {text}
          </button>
        ) : (
          text
        )}
      </td>
    );
  }

  const total = shown?.total;
  const totalBasis = shown?.totalBasis;
  const months = [...new Set([thisMonth, month])];

  return (
    <div className="page report-page" data-testid="report-page" data-loaded={shown && !loading ? `${shown.month}:${shown.by}` : ''}>
      <div className="toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <label className="inline-field">
          {t('month')}
          <input
            type="month"
            value={monthText}
            max={months.sort().at(-1)}
            onChange={(e) => commitMonth(e.target.value)}
            onKeyDown={onMonthKey}
            aria-invalid={!monthValid}
            title={monthValid ? undefined : t('badMonth')}
            data-testid="report-month"
          />
        </label>
        <label className="inline-field">
          {t('dimension')}
          <select value={by} onChange={(e) => setBy(e.target.value as ReportDimension)} data-testid="report-by">
            {REPORT_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {label(REPORT_DIMENSION_LABELS[d])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reload} disabled={loading} data-testid="report-reload">
          {t('reload')}
        </button>
        {loading && <span className="muted small" data-testid="report-loading">{t('loading')}</span>}
        <span className="spacer" />
        <PrintButton testId="report-print" papers={['a4']} print={() => invoke('print.monthlyReport', { month, by })} />
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={exporting !== null} data-testid="report-export-xlsx">
          {exporting === 'xlsx' ? t('exporting') : t('exportXlsx')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')} disabled={exporting !== null} data-testid="report-export-csv">
          {exporting === 'csv' ? t('exporting') : t('exportCsv')}
        </button>
      </div>
      <p className="muted page-intro">
        {t('intro')}
        {shown && <span className="report-generated"> {t('generatedAt', { at: formatTimestamp(shown.generatedAt) })}</span>}
      </p>

      {loadError !== null && (
        <div className="form-error" role="alert" data-testid="report-error">
          {t('loadFailed', { error: errorText(loadError) })}{' '}
          <button type="button" className="link" onClick={reload}>
            {t('retry')}
          </button>
        </div>
      )}
      {!shown && loading && loadError === null && <div className="empty-state muted">{t('loading')}</div>}

      {shown && total && totalBasis && (
        <div className={`report-body${stale ? ' report-stale' : ''}`}>
          <div className="report-kpis" data-testid="report-kpis">
            <Kpi id="sales" title={t('kpiSales')} value={formatYuan(total.sales)} onClick={total.sales !== 0 ? () => openDrill(total, null, 'sales') : undefined} tip={t('tipDrill')} />
            <Kpi
              id="achievement"
              title={t('kpiTarget')}
              value={formatRatio(total.achievement)}
              sub={t('kpiTargetSub', { target: formatYuan(total.target) })}
              tone={total.achievement === null ? undefined : total.achievement >= 1 ? 'good' : 'bad'}
            />
            <Kpi id="grossMargin" title={t('kpiMargin')} value={formatRatio(total.grossMargin)} sub={t('kpiMarginSub', { cost: formatYuan(total.cost) })} />
            <Kpi id="mom" title={t('kpiMom')} value={formatRatio(total.mom)} sub={t('kpiMomSub', { prev: formatYuan(totalBasis.prevSales) })} tone={growthTone(total.mom)} />
            <Kpi id="yoy" title={t('kpiYoy')} value={formatRatio(total.yoy)} sub={t('kpiYoySub', { prev: formatYuan(totalBasis.lastYearSales) })} tone={growthTone(total.yoy)} />
            <Kpi id="expenseRatio" title={t('kpiExpenseRatio')} value={formatRatio(total.expenseRatio)} sub={t('kpiExpenseRatioSub', { expenses: formatYuan(total.expenses) })} />
            <Kpi
              id="receipts"
              title={t('kpiReceipts')}
              value={formatYuan(total.receipts)}
              sub={t('kpiReceiptsSub', { due: formatYuan(totalBasis.receivableDue), rate: formatRatio(total.collectionRate) })}
              onClick={total.receipts !== 0 ? () => openDrill(total, null, 'receipts') : undefined}
              tip={t('tipDrill')}
            />
            <Kpi id="newCustomers" title={t('kpiNewCustomers')} value={t('kpiCount', { n: total.newCustomers })} />
            <Kpi
              id="perCapitaSales"
              title={t('kpiPerCapita')}
              value={total.perCapitaSales === null ? '—' : formatYuan(total.perCapitaSales)}
              sub={t('kpiPerCapitaSub', { n: total.reps })}
            />
            <Kpi
              id="complaints"
              title={t('kpiComplaints')}
              value={t('kpiComplaintCount', { n: total.complaints })}
              sub={t('kpiComplaintsSub', { rate: formatRatio(total.complaintsOnTimeRate), judged: totalBasis.complaintsJudged, onTime: totalBasis.complaintsOnTime })}
            />
          </div>

          <section className="panel report-table-panel">
            <div className="report-table-scroll">
              <table className="report-table" data-testid="report-table" data-by={shown.by}>
                <thead>
                  <tr>
                    <th className="report-name" aria-sort={ariaSort('name')} scope="col">
                      <button type="button" className="report-sort" onClick={() => toggleSort('name')} title={t('sortHint')}>
                        {label(REPORT_DIMENSION_LABELS[shown.by])}
                        {sortMark('name')}
                      </button>
                    </th>
                    {REPORT_COLUMNS.map((c) => (
                      <th key={c.field} className="num" aria-sort={ariaSort(c.field)} scope="col" data-field={c.field}>
                        <button type="button" className="report-sort" style={headerWidth(label(c), lang)} onClick={() => toggleSort(c.field)} title={t('sortHint')}>
                          {label(c)}
                          {sortMark(c.field)}
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 && (
                    <tr>
                      <td className="report-name muted" colSpan={REPORT_COLUMNS.length + 1}>
                        {t('noRows')}
                      </td>
                    </tr>
                  )}
                  {rows.map((r) => (
                    <tr key={r.key} data-testid="report-row" data-key={r.key}>
                      <th className="report-name" scope="row">
                        {r.name}
                      </th>
                      {REPORT_COLUMNS.map((c) => cell(c, r, r.key))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="report-total" data-testid="report-total" data-key={TOTAL_KEY}>
                    <th className="report-name" scope="row">
                      {t('totalRow')}
                    </th>
                    {REPORT_COLUMNS.map((c) => cell(c, total, null))}
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>

          <div className="report-charts" data-testid="report-charts">
            {charts.map(({ id, chart, hasData }) => (
              <section key={id} className="panel report-chart" data-testid={`report-chart-${id}`}>
                <h2 className="report-chart-title">{label(chart?.title ?? CHART_TITLES[id])}</h2>
                {!hasData ? (
                  <div className="report-chart-empty muted" data-testid={`report-chart-${id}-empty`}>
                    {t('chartEmpty')}
                  </div>
                ) : chart && !chartErrors[id] ? (
                  <ReportChartView option={chart.option} testId={`report-chart-${id}-canvas`} onError={() => setChartErrors((e) => ({ ...e, [id]: true }))} />
                ) : (
                  <div className="report-chart-empty muted">{chartErrors[id] ? t('chartFailed') : t('loading')}</div>
                )}
              </section>
            ))}
          </div>
        </div>
      )}

      {drill && <DrillDrawer target={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}
