// K-MONTHLY: the monthly report as an Excel workbook (.xlsx) or a CSV file, with the same numbers as
// the screen and the CLI's JSON. Excel gets numbers (money in yuan as #,##0.00, ratios as 0.0 %,
// "—" where a ratio is undefined); CSV is for Excel users in China (UTF-8 with BOM, yuan with two
// decimals, ratios as "12.5%"). Every export is audited ('report.export').
import { toCsv } from '../../../shared/csv';
import {
  formatRatio,
  REPORT_COLUMNS,
  REPORT_DIMENSION_LABELS,
  type ExportedFile,
  type MonthlyReport,
  type ReportDimension,
  type ReportExportFormat,
  type ReportFigures,
} from '../../../shared/report';
import type { Actor } from '../api/context';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/connection';
import { companyOf } from '../settings/service';
import { monthlyReport } from './service';

/** The key column's header per dimension. */
export const REPORT_KEY_HEADERS: Record<ReportDimension, string> = { channel: '渠道', region: '区域', rep: '客户经理' };

export const reportTitle = (month: string, by: ReportDimension) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `月度销售报表 ${y}年${m}月 · ${REPORT_DIMENSION_LABELS[by].zh}`;
};

export const reportFileName = (month: string, by: ReportDimension, format: ReportExportFormat) => `月度报表-${month}-${REPORT_DIMENSION_LABELS[by].zh}.${format}`;

/** Fen as yuan with two decimals, no thousands separator: 123456 → "1234.56", −5 → "-0.05". */
function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const quantityText = (q: number) => String(Math.round(q * 1000) / 1000);

/** The report as CSV: the key column, the report's columns, one row per group and the 合计 row. */
export function reportCsv(report: Pick<MonthlyReport, 'by' | 'rows' | 'total'>): string {
  const header = [REPORT_KEY_HEADERS[report.by], ...REPORT_COLUMNS.map((c) => c.zh)];
  const line = (f: ReportFigures) => [
    f.name,
    ...REPORT_COLUMNS.map((c) => {
      const value = f[c.field] as number | null;
      if (c.kind === 'ratio') return formatRatio(value);
      if (value === null) return '—';
      if (c.kind === 'fen') return yuanText(value);
      if (c.kind === 'quantity') return quantityText(value);
      return String(value);
    }),
  ];
  return toCsv(header, [...report.rows.map(line), line(report.total)]);
}

const NUM_FMT = { fen: '#,##0.00', ratio: '0.0%', count: '0', quantity: '#,##0.000' } as const;

/** The report as an Excel workbook. */
export async function reportWorkbook(report: Pick<MonthlyReport, 'month' | 'by' | 'rows' | 'total'>, companyName: string): Promise<Buffer> {
  // Loaded on use: the core opens for every CLI command and at start-up; few of them export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SalesDesk 销售台账';
  const sheet = workbook.addWorksheet(`${report.month} ${REPORT_DIMENSION_LABELS[report.by].zh}`, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  const width = REPORT_COLUMNS.length + 1;
  sheet.addRow([`${companyName ? `${companyName} ` : ''}${reportTitle(report.month, report.by)}`]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow([REPORT_KEY_HEADERS[report.by], ...REPORT_COLUMNS.map((c) => c.zh)]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const add = (f: ReportFigures, bold: boolean) => {
    const row = sheet.addRow([
      f.name,
      ...REPORT_COLUMNS.map((c) => {
        const value = f[c.field] as number | null;
        if (value === null) return '—';
        return c.kind === 'fen' ? value / 100 : value;
      }),
    ]);
    REPORT_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 2);
      if (typeof cell.value === 'number') cell.numFmt = NUM_FMT[c.kind];
      else cell.alignment = { horizontal: 'right' };
    });
    if (bold) row.font = { bold: true };
  };
  for (const f of report.rows) add(f, false);
  add(report.total, true);
  sheet.getColumn(1).width = 16;
  REPORT_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 2).width = c.kind === 'fen' ? 16 : c.kind === 'ratio' ? 11 : 10;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportReport(db: Db, actor: Actor, input: { month: string; by: ReportDimension; format: ReportExportFormat }, now: Date): Promise<ExportedFile> {
  const report = monthlyReport(db, actor, input, now);
  const fileName = reportFileName(input.month, input.by, input.format);
  const file: ExportedFile =
    input.format === 'csv'
      ? { fileName, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(reportCsv(report), 'utf8').toString('base64') }
      : {
          fileName,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: (await reportWorkbook(report, companyOf(db)?.name ?? '')).toString('base64'),
        };
  recordAudit(db, { userId: actor.id, action: 'report.export', entity: 'report', entityId: input.month, after: { month: input.month, by: input.by, format: input.format, rows: report.rows.length }, at: now });
  return file;
}
