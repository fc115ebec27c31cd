// `salesdesk report statement`: a month's receivables statements (O-STATEMENT) from the command
// line, as JSON (amounts in fen) or as CSV for Excel (UTF-8 with BOM, Chinese headers, amounts in
// yuan), or as the printed A4 pages in a PDF. `salesdesk report monthly`: the monthly report
// (K-MONTHLY) as JSON, CSV, Excel or PDF. The database is opened read-only; nothing is written,
// migrated or backed up.
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Statement } from '../../../shared/ledger';
import { statementsCsv } from '../../../shared/statementCsv';
import { formatTimestamp } from '../../../shared/dates';
import { statementsHtml } from '../../core/print/statement';
import { monthlyReportDocument } from '../../core/print/monthlyReport';
import { reportCsv, reportWorkbook } from '../../core/report/export';
import { monthlyReport } from '../../core/report/service';
import { REPORT_DIMENSIONS, type MonthlyReport, type MonthlyReportJson, type ReportDimension } from '../../../shared/report';
import type { Actor } from '../../core/api/context';
import { companyOf } from '../../core/settings/service';
import { htmlToPdf } from '../pdf';
import { customers } from '../../core/customers/schema';
import { statementsFor } from '../../core/ledger/statements';
import { parseCommand, UsageError } from '../args';
import { printHelp, type Command } from '../command';
import { EXIT } from '../output';
import { openReadOnly } from '../readonly';
import { existingDbFile } from './user';

const FORMATS = ['json', 'csv', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const reportGroupHelp = `
salesdesk report — 报表 / reports

  salesdesk report statement   应收账款明细（对账单）/ receivables statements of a month
  salesdesk report monthly     月度销售报表 / the monthly report (K-MONTHLY)

详细说明 / details: salesdesk report statement --help, salesdesk report monthly --help
`;

export const reportStatementCommand: Command = {
  name: 'report statement',
  help: `
salesdesk report statement — 应收账款明细 / receivables statements (O-STATEMENT)

用法 Usage:
  salesdesk report statement --month YYYY-MM [--customer 客户编号] [--db FILE] [--format json|csv|pdf --out FILE]

输出该月每个客户的对账单：前月余额、本月销售额、本月回款、应收账款余额和明细（有前月余额或
本月有分录的客户；--customer 只输出该客户，即使全为零）。只读打开数据库。
Prints the month's statement of every customer with a previous balance or entries in the month
(--customer: that one only, even when all zero). The database is opened read-only.

  --month YYYY-MM     月份 / the month (required)
  --customer NO       客户编号 / one customer, by customer no.
  --format FORMAT     json（默认）：数组，每个客户 {customerNo, customerName, previousBalance,
                      sales, receipts, balance, lines}，金额单位为分 / an array, amounts in fen;
                      csv：Excel 用，UTF-8 带 BOM，中文表头，金额单位为元 / for Excel, in yuan;
                      pdf：A4，每个客户一页，写入 --out 文件（需要 Chromium/Edge）
                      / A4, a page per customer, written to --out (needs Chromium or Edge)
  --out FILE          PDF 的输出文件 / the PDF file to write
  --db FILE           数据库文件（默认：环境变量 SALESDESK_DB，否则程序的用户数据文件夹）
                      database file (default: $SALESDESK_DB, else the app's userData folder)
  -h, --help          显示帮助 / show help

本月回款包括回款、订金/预付款、坏账核销；冲销记入被冲销分录所在的一栏（冲销销售减少本月销售额）。
Receipts are every credit of the month (receipts, deposits, write-offs); a reversal counts in the
column of the entry it reverses (reversing a sale lowers the month's sales).

例 Example:
  salesdesk report statement --month 2026-10 --format csv > 对账单-2026-10.csv
  salesdesk report statement --month 2026-10 --format pdf --out 对账单-2026-10.pdf
`,
  async run(args) {
    const { values } = parseCommand('report statement', args, {
      month: { type: 'string' },
      customer: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) return printHelp(reportStatementCommand);
    const month = values.month;
    if (!month) throw new UsageError('缺少参数：--month YYYY-MM', 'Missing: --month YYYY-MM', 'report statement');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new UsageError(`--month 应为 YYYY-MM（如 2026-10），收到“${month}”`, `--month must be YYYY-MM (e.g. 2026-10), got "${month}"`, 'report statement');
    }
    const format = (values.format ?? 'json').toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一，收到“${values.format}”`, `--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`, 'report statement');
    }
    const out = values.out;
    if ((format as Format) === 'pdf' && !out) {
      throw new UsageError('PDF 须用 --out 指定输出文件，如 --out 对账单-2026-10.pdf', 'A PDF needs --out FILE, e.g. --out statements-2026-10.pdf', 'report statement');
    }
    const file = existingDbFile(values.db);
    const database = openReadOnly(file);
    try {
      let customerId: number | undefined;
      if (values.customer !== undefined) {
        const found = database.db
          .select({ id: customers.id })
          .from(customers)
          .where(sql`${customers.customerNo} = ${values.customer.trim()} COLLATE NOCASE`)
          .get();
        if (!found) throw new AppError('NOT_FOUND', `客户编号 ${values.customer} 不存在`, `No customer with no. ${values.customer}`);
        customerId = found.id;
      }
      const statements = statementsFor(database.db, month, { customerId });
      if ((format as Format) === 'pdf') {
        // The same A4 pages the program prints: one customer per page.
        const html = statementsHtml(companyOf(database.db)?.name ?? '', month, statements, formatTimestamp(new Date().toISOString()));
        await htmlToPdf(html, out!);
        process.stderr.write(`已生成 ${out}（${statements.length} 页） / wrote ${out} (${statements.length} pages)\n`);
        return EXIT.ok;
      }
      process.stdout.write(format === 'csv' ? statementsCsv(month, statements) : `${JSON.stringify(statementsJson(statements), null, 2)}\n`);
      return EXIT.ok;
    } finally {
      database.close();
    }
  },
};

/** The JSON the issue asks for: per customer, amounts in fen, with the lines. */
export function statementsJson(statements: readonly Statement[]) {
  return statements.map((s) => ({
    customerNo: s.customerNo,
    customerName: s.customerName,
    previousBalance: s.previousBalanceFen,
    sales: s.salesFen,
    receipts: s.receiptsFen,
    balance: s.balanceFen,
    lines: s.lines.map((l) => ({
      date: l.date,
      kind: l.kind,
      kindLabel: l.kindLabel,
      reference: l.reference,
      orderNo: l.orderNo,
      note: l.note,
      amount: l.amountFen,
      balance: l.balanceFen,
    })),
  }));
}

// —— report monthly ——

const MONTHLY_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
type MonthlyFormat = (typeof MONTHLY_FORMATS)[number];

/** Who reads the report from the command line: whoever may open the file reads it as the heads do (every rep's figures). */
const CLI_READER: Actor = { id: 0, username: 'cli', displayName: '命令行', role: 'gm', managerId: null };

/** The JSON the issue asks for: { month, by, rows, total }, money in fen, ratios as fractions, null where undefined. */
export function monthlyJson(report: MonthlyReport): MonthlyReportJson {
  return { month: report.month, by: report.by, rows: report.rows, total: report.total };
}

export const reportMonthlyCommand: Command = {
  name: 'report monthly',
  help: `
salesdesk report monthly — 月度销售报表 / the monthly report (K-MONTHLY)

用法 Usage:
  salesdesk report monthly --month YYYY-MM [--by channel|region|rep] [--format json|csv|xlsx|pdf] [--out FILE] [--db FILE]

按渠道、区域或客户经理列出该月的每项数字和合计：销售额、数量、成本、毛利率、环比、同比、目标、
达成率、费用、费效比、回款、回款率、新增客户（C-NEW）、有目标人数、人均销售额、投诉及处理及时率。
只读打开数据库。
Every figure of the month by channel, region or rep, with the company total: sales, quantity, cost,
gross margin, MoM, YoY, target, achievement, expenses, expense ratio, receipts, collection rate, new
customers (C-NEW), reps with a target, sales per rep, complaints and their on-time rate. The
database is opened read-only.

  --month YYYY-MM     月份 / the month (required)
  --by DIMENSION      channel 渠道 / region 区域 / rep 客户经理（默认 default）
  --format FORMAT     json（默认）：{ month, by, rows, total }，金额单位为分，比率为小数（0.125 = 12.5%），
                      无法计算（除以零）为 null / money in fen, ratios as fractions, null where undefined;
                      csv：Excel 用，UTF-8 带 BOM，金额单位为元，比率为百分比，无法计算为“—”，
                      未给 --out 时输出到屏幕 / for Excel, yuan and percentages, "—" where undefined;
                      to stdout without --out;
                      xlsx：Excel 工作簿，写入 --out / an Excel workbook, written to --out;
                      pdf：A4 打印版（含图表），写入 --out（需要 Chromium/Edge）
                      / the printed A4 report with charts, written to --out (needs Chromium or Edge)
  --out FILE          输出文件 / the file to write
  --db FILE           数据库文件（默认：环境变量 SALESDESK_DB，否则程序的用户数据文件夹）
                      database file (default: $SALESDESK_DB, else the app's userData folder)
  -h, --help          显示帮助 / show help

口径 Definitions: 销售额 = 该月签收入账的销售额减去冲销；毛利率 = (销售额 − 成本) / 销售额；
环比 = 本月 / 上月 − 1；同比 = 本月 / 去年同月 − 1；费效比 = 费用 / 销售额；达成率 = 销售额 / 目标；
回款率 = 回款 / 应收（月初余额 + 本月到期的销售额）；人均销售额 = 销售额 / 当月有目标的人数。
Sales: the month's delivered sales less reversals; gross margin = (sales − cost) / sales; MoM = this /
last − 1; YoY = this / same month last year − 1; expense ratio = expenses / sales; achievement =
sales / target; collection rate = receipts / receivable due (the balance at the month's start plus the
month's sales falling due in it); sales per rep = sales / people with a target that month.

例 Examples:
  salesdesk report monthly --month 2026-10 --by region
  salesdesk report monthly --month 2026-10 --format xlsx --out 月度报表-2026-10.xlsx
  salesdesk report monthly --month 2026-10 --by channel --format pdf --out 月度报表-2026-10.pdf
`,
  async run(args) {
    const command = 'report monthly';
    const { values } = parseCommand(command, args, {
      month: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) return printHelp(reportMonthlyCommand);
    const month = values.month;
    if (!month) throw new UsageError('缺少参数：--month YYYY-MM', 'Missing: --month YYYY-MM', command);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new UsageError(`--month 应为 YYYY-MM（如 2026-10），收到“${month}”`, `--month must be YYYY-MM (e.g. 2026-10), got "${month}"`, command);
    }
    const by = (values.by ?? 'rep').toLowerCase();
    if (!(REPORT_DIMENSIONS as readonly string[]).includes(by)) {
      throw new UsageError(`--by 应为 ${REPORT_DIMENSIONS.join('、')} 之一，收到“${values.by}”`, `--by must be one of ${REPORT_DIMENSIONS.join(', ')}, got "${values.by}"`, command);
    }
    const format = (values.format ?? 'json').toLowerCase() as MonthlyFormat;
    if (!(MONTHLY_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format 应为 ${MONTHLY_FORMATS.join('、')} 之一，收到“${values.format}”`, `--format must be one of ${MONTHLY_FORMATS.join(', ')}, got "${values.format}"`, command);
    }
    const out = values.out;
    if ((format === 'xlsx' || format === 'pdf') && !out) {
      throw new UsageError(
        `${format.toUpperCase()} 须用 --out 指定输出文件，如 --out 月度报表-${month}.${format}`,
        `${format.toUpperCase()} needs --out FILE, e.g. --out monthly-${month}.${format}`,
        command,
      );
    }
    const database = openReadOnly(existingDbFile(values.db));
    try {
      const now = new Date();
      const report = monthlyReport(database.db, CLI_READER, { month, by: by as ReportDimension }, now);
      const companyName = companyOf(database.db)?.name ?? '';
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(monthlyJson(report), null, 2)}\n`);
      } else if (format === 'csv') {
        const csv = reportCsv(report);
        if (out) writeFileSync(out, csv, 'utf8');
        else process.stdout.write(csv);
      } else if (format === 'xlsx') {
        writeFileSync(out!, await reportWorkbook(report, companyName));
      } else {
        const { html, pages } = monthlyReportDocument(report, { companyName, printedBy: CLI_READER.displayName, printedAt: formatTimestamp(now.toISOString()) });
        await htmlToPdf(html, out!);
        process.stderr.write(`已生成 ${out}（${pages} 页） / wrote ${out} (${pages} pages)\n`);
        return EXIT.ok;
      }
      if (out) process.stderr.write(`已生成 ${out}（${report.rows.length} 行及合计） / wrote ${out} (${report.rows.length} rows and the total)\n`);
      return EXIT.ok;
    } finally {
      database.close();
    }
  },
};
