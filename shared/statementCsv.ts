// A month's statements as CSV for Excel (UTF-8 with BOM, Chinese headers, plain yuan), laid out like
// `salesdesk report statement --format csv` and the 对账单 page's export (both audited): per customer the balance brought forward, every entry in
// its column (a receipt as money received, a reversal with its own sign) and the month's totals.
import { toCsv } from './csv';
import type { Statement } from './ledger';

/** Fen as plain yuan for a spreadsheet: 123456 → "1234.56", −5 → "-0.05" (no thousands separator). */
function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const STATEMENT_CSV_HEADER = ['客户编号', '客户名称', '日期', '摘要', '凭证号', '订单号', '说明', '本月销售额（元）', '本月回款（元）', '余额（元）'] as const;

export function statementsCsv(month: string, statements: readonly Statement[]): string {
  const rows: string[][] = [];
  for (const s of statements) {
    const who = [s.customerNo, s.customerName];
    rows.push([...who, `${month}-01`, '上月结转', '', '', '', '', '', yuan(s.previousBalanceFen)]);
    for (const l of s.lines) {
      rows.push([
        ...who,
        l.date,
        l.kindLabel,
        l.reference,
        l.orderNo ?? '',
        l.note,
        l.column === 'sales' ? yuan(l.amountFen) : '',
        l.column === 'receipts' ? yuan(-l.amountFen) : '',
        yuan(l.balanceFen),
      ]);
    }
    rows.push([...who, '', '本月合计', '', '', '', yuan(s.salesFen), yuan(s.receiptsFen), yuan(s.balanceFen)]);
  }
  return toCsv(STATEMENT_CSV_HEADER, rows);
}

export const statementsCsvName = (month: string, customerNo?: string) => `应收账款对账单-${month}${customerNo ? `-${customerNo}` : ''}.csv`;
