// K-MONTHLY 月报 (DOMAIN §9): every figure of a month, by channel, region or rep, with the total.
//
// Definitions (one place; the printed report's notes and the CLI help say the same):
// - Grouping: by the person the figure belongs to (the rep credited with a sale or receipt, the
//   applicant of an expense, the owner of a customer or complaint), by his id, region or channel
//   (users.region / users.channel), as 费效比 (expenses.ratio) does.
// - sales 销售额: the sales ledger's sale postings dated in the month (deliveries), less reversals of
//   sales dated in it. cost and quantity: of the shipment lines behind those postings (cost at the
//   order line's cost price; quantity in each product's own unit, summed).
// - grossMargin = (sales − cost) / sales; mom = sales / sales of the month before − 1; yoy = sales /
//   sales of the same month a year before − 1.
// - expenses: as 费效比 counts them (approved claimable expenses, at what was paid when reimbursed);
//   expenseRatio = expenses / sales.
// - target: the month's target (K-TARGET, targets.of); achievement = sales / target.
// - receipts 回款: receipts and deposits dated in the month, net of their reversals. receivable due
//   应收: the receivable balance at the start of the month plus the month's sales falling due within
//   it (delivery date + the customer's credit days ≤ the month's last day); collectionRate = receipts
//   / receivable due.
// - newCustomers (C-NEW): customers whose first sale falls in the month and who have an application
//   for the month approved and filed by C-NEW's deadline day.
// - reps: reps with a target above zero that month; perCapitaSales = sales / reps.
// - complaints: received in the month; complaintsOnTimeRate = those whose handle, respond and slip
//   deadlines were all met / those already judged (every step done, or a deadline passed).
// Money in fen; ratios as fractions (0.125 = 12.5 %); null where a ratio is undefined (÷ 0), shown "—".
import { z } from 'zod';
import type { Label, Role } from './domain';
import { bilingual, text } from './validation';

export const REPORT_DIMENSIONS = ['channel', 'region', 'rep'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export const REPORT_DIMENSION_LABELS: Record<ReportDimension, Label> = {
  channel: { zh: '按渠道', en: 'By channel' },
  region: { zh: '按区域', en: 'By region' },
  rep: { zh: '按客户经理', en: 'By rep' },
};

/** Who reads the monthly report (every rep's figures): the heads, supervisors, assistants and finance. */
export const REPORT_ROLES = ['gm', 'director', 'manager', 'supervisor', 'assistant', 'finance'] as const satisfies readonly Role[];

export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM'));

const ratio = z.number().nullable();

/** One row (or the total) of the report: exactly the CLI's JSON fields. */
export const reportFiguresSchema = z.object({
  key: z.string(),
  name: z.string(),
  sales: z.int(),
  cost: z.int(),
  /** In the products' own units (tons by default), thousandths kept: 12.5. */
  quantity: z.number(),
  grossMargin: ratio,
  mom: ratio,
  yoy: ratio,
  expenses: z.int(),
  expenseRatio: ratio,
  target: z.int(),
  achievement: ratio,
  receipts: z.int(),
  collectionRate: ratio,
  newCustomers: z.int(),
  reps: z.int(),
  perCapitaSales: z.int().nullable(),
  complaints: z.int(),
  complaintsOnTimeRate: ratio,
});
export type ReportFigures = z.output<typeof reportFiguresSchema>;

/** What is behind the ratios of a row, for the screen's tooltips and the drill-down (not in the CLI's JSON). */
export const reportBasisSchema = z.object({
  key: z.string(),
  prevSales: z.int(),
  lastYearSales: z.int(),
  receivableDue: z.int(),
  complaintsJudged: z.int(),
  complaintsOnTime: z.int(),
});
export type ReportBasis = z.output<typeof reportBasisSchema>;

/** One month of the trend (the 12 months ending with the report's month), company total. */
export const reportTrendPointSchema = z.object({
  month: z.string(),
  sales: z.int(),
  target: z.int(),
  expenses: z.int(),
  mom: ratio,
  yoy: ratio,
  expenseRatio: ratio,
});
export type ReportTrendPoint = z.output<typeof reportTrendPointSchema>;

export const monthlyReportSchema = z.object({
  month: z.string(),
  by: z.enum(REPORT_DIMENSIONS),
  rows: z.array(reportFiguresSchema),
  total: reportFiguresSchema,
  basis: z.array(reportBasisSchema),
  totalBasis: reportBasisSchema,
  /** The 12 months ending with `month` (oldest first). */
  trend: z.array(reportTrendPointSchema),
  /** Sales and target by region for the month (the region bar chart, whatever `by` is). */
  regions: z.array(z.object({ key: z.string(), name: z.string(), sales: z.int(), target: z.int() })),
  generatedAt: z.string(),
});
export type MonthlyReport = z.output<typeof monthlyReportSchema>;
/** The CLI's JSON: { month, by, rows, total }. */
export type MonthlyReportJson = Pick<MonthlyReport, 'month' | 'by' | 'rows' | 'total'>;

export const monthlyReportInputSchema = z.object({ month: reportMonthSchema, by: z.enum(REPORT_DIMENSIONS).default('rep') }).strict();

/** The figures one can drill into: the orders behind sales (and cost, quantity), or behind receipts. */
export const DRILL_FIGURES = ['sales', 'receipts'] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

export const reportDrillInputSchema = z
  .object({
    month: reportMonthSchema,
    by: z.enum(REPORT_DIMENSIONS),
    /** A row's key; null for the total. */
    key: text(60).nullable(),
    figure: z.enum(DRILL_FIGURES).default('sales'),
  })
  .strict();

export const reportDrillRowSchema = z.object({
  orderId: z.int().nullable(),
  orderNo: z.string(),
  customerNo: z.string(),
  customerName: z.string(),
  repName: z.string(),
  /** The ledger dates in the month (first … last). */
  date: z.string(),
  sales: z.int(),
  cost: z.int(),
  quantity: z.number(),
  receipts: z.int(),
});
export type ReportDrillRow = z.output<typeof reportDrillRowSchema>;
export const reportDrillSchema = z.object({
  rows: z.array(reportDrillRowSchema),
  /** Sums of the rows: equal the figure drilled into. */
  sales: z.int(),
  receipts: z.int(),
});
export type ReportDrill = z.output<typeof reportDrillSchema>;

export const REPORT_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
export const reportExportInputSchema = monthlyReportInputSchema.extend({ format: z.enum(REPORT_EXPORT_FORMATS) }).strict();
/** A file to save: name, MIME type and the bytes as base64. */
export const exportedFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type ExportedFile = z.output<typeof exportedFileSchema>;

/** The columns of the report, in order, with their headers (screen, Excel, CSV and print use them). */
export const REPORT_COLUMNS = [
  { field: 'sales', zh: '销售额', en: 'Sales', kind: 'fen' },
  { field: 'quantity', zh: '数量', en: 'Quantity', kind: 'quantity' },
  { field: 'cost', zh: '成本', en: 'Cost', kind: 'fen' },
  { field: 'grossMargin', zh: '毛利率', en: 'Gross margin', kind: 'ratio' },
  { field: 'mom', zh: '环比', en: 'MoM', kind: 'ratio' },
  { field: 'yoy', zh: '同比', en: 'YoY', kind: 'ratio' },
  { field: 'target', zh: '目标', en: 'Target', kind: 'fen' },
  { field: 'achievement', zh: '达成率', en: 'Achievement', kind: 'ratio' },
  { field: 'expenses', zh: '费用', en: 'Expenses', kind: 'fen' },
  { field: 'expenseRatio', zh: '费效比', en: 'Expense ratio', kind: 'ratio' },
  { field: 'receipts', zh: '回款', en: 'Receipts', kind: 'fen' },
  { field: 'collectionRate', zh: '回款率', en: 'Collection rate', kind: 'ratio' },
  { field: 'newCustomers', zh: '新增客户', en: 'New customers', kind: 'count' },
  { field: 'reps', zh: '有目标人数', en: 'Reps with a target', kind: 'count' },
  { field: 'perCapitaSales', zh: '人均销售额', en: 'Sales per rep', kind: 'fen' },
  { field: 'complaints', zh: '投诉', en: 'Complaints', kind: 'count' },
  { field: 'complaintsOnTimeRate', zh: '投诉处理及时率', en: 'Complaints on time', kind: 'ratio' },
] as const satisfies readonly { field: keyof ReportFigures; zh: string; en: string; kind: 'fen' | 'ratio' | 'count' | 'quantity' }[];

/** A ratio as a percentage with one decimal ("12.5%"), or "—" when undefined. */
export function formatRatio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** a / b, or null when b is 0 (never 0, never Infinity). */
export function ratioOrNull(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
