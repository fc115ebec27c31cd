// O-STATEMENT 应收账款明细: one A4 page (or more) per customer for a month — previous balance,
// this month's sales and receipts, the receivable balance, and every entry with a running balance.
import { formatFen } from '../../../shared/money';
import { esc, printDocument } from './html';

export interface StatementLine {
  date: string;
  /** The entry's kind in Chinese (销售, 回款, 冲销 …). */
  kindLabel: string;
  reference: string;
  note: string;
  /** The statement column it counts in: sales (借方) or receipts (贷方); reversals stay in their entry's column. */
  column: 'sales' | 'receipts';
  /** Signed on the receivable: + sale, − receipt. */
  amountFen: number;
  balanceFen: number;
}

export interface StatementPage {
  customerNo: string;
  customerName: string;
  address: string;
  contactPerson: string;
  previousBalanceFen: number;
  salesFen: number;
  receiptsFen: number;
  balanceFen: number;
  lines: StatementLine[];
}

const CSS = `
.summary { margin: 3mm 0; }
.summary td { width: 25%; }
.summary .num { font-size: 11.5pt; font-weight: 600; }
.entries td:nth-child(1) { width: 22mm; white-space: nowrap; }
.entries td:nth-child(2) { width: 20mm; white-space: nowrap; }
.entries td:nth-child(3) { width: 24mm; }
.entries th.wrap { white-space: normal; }
.entries th small { font-weight: 400; }
.entries td:nth-child(5), .entries td:nth-child(6), .entries td:nth-child(7) { width: 25mm; }
.opening td, .closing td { font-weight: 600; background: #f4f4f4; }
.confirm { margin-top: 8mm; display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; }
.confirm div { border-top: 0.6pt solid #000; padding-top: 2mm; }
`;

const signed = (fen: number) => (fen < 0 ? `-${formatFen(-fen)}` : formatFen(fen));

function page(companyName: string, month: string, s: StatementPage, printedAt: string): string {
  const rows = s.lines
    .map(
      (l) => `<tr><td>${esc(l.date)}</td><td>${esc(l.kindLabel)}</td><td>${esc(l.reference)}</td><td>${esc(l.note)}</td>
<td class="num">${l.column === 'sales' ? esc(signed(l.amountFen)) : ''}</td><td class="num">${l.column === 'receipts' ? esc(signed(-l.amountFen)) : ''}</td><td class="num">${esc(signed(l.balanceFen))}</td></tr>`,
    )
    .join('\n');
  const [year, mon] = month.split('-');
  return `<section class="sheet statement" data-customer="${esc(s.customerNo)}">
<div class="company">${esc(companyName)}</div>
<h1>应收账款对账单</h1>
<div class="meta">
  <div class="wide"><b>客户：</b>${esc(s.customerNo)} ${esc(s.customerName)}</div>
  <div><b>期间：</b>${esc(year)} 年 ${esc(Number(mon))} 月</div>
  <div><b>联系人：</b>${esc(s.contactPerson)}</div>
</div>
<table class="summary">
  <tr><th>前月余额</th><th>本月销售额</th><th>本月回款</th><th>应收账款余额</th></tr>
  <tr><td class="num">${esc(signed(s.previousBalanceFen))}</td><td class="num">${esc(formatFen(s.salesFen))}</td><td class="num">${esc(formatFen(s.receiptsFen))}</td><td class="num">${esc(signed(s.balanceFen))}</td></tr>
</table>
<table class="entries">
  <thead><tr><th>日期</th><th>摘要</th><th>单号</th><th>说明</th><th class="num wrap">借方<br><small>应收增加</small></th><th class="num wrap">贷方<br><small>应收减少</small></th><th class="num">余额</th></tr></thead>
  <tbody>
  <tr class="opening"><td>${esc(month)}-01</td><td>上月结转</td><td></td><td></td><td></td><td></td><td class="num">${esc(signed(s.previousBalanceFen))}</td></tr>
${rows}
  <tr class="closing"><td></td><td>本月合计</td><td></td><td></td><td class="num">${esc(formatFen(s.salesFen))}</td><td class="num">${esc(formatFen(s.receiptsFen))}</td><td class="num">${esc(signed(s.balanceFen))}</td></tr>
  </tbody>
</table>
<p class="muted">金额单位：元。请核对上述往来，如有不符请及时告知；无异议请签章回传。</p>
<div class="confirm"><div>${esc(companyName)}（盖章）</div><div>客户确认（盖章）：</div></div>
<div class="footer"><span>${esc(s.customerNo)} · ${esc(month)}</span><span>打印：${esc(printedAt)}</span></div>
</section>`;
}

/** Statements of a month, one customer per page (batch print for all customers of the month). */
export function statementsHtml(companyName: string, month: string, statements: StatementPage[], printedAt: string): string {
  return printDocument(
    `应收账款对账单 ${month}`,
    statements.map((s) => page(companyName, month, s, printedAt)),
    CSS,
  );
}
