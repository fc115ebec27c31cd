// DOMAIN §6 printed slips: 费用申请单 (one expense request with its approval chain) and 费用报销单 /
// 差旅费报销单 (a reimbursement: items with invoices, what the rules allow, the advance offset and
// what is paid or returned), each amount also in Chinese capitals, with blank signature boxes for
// the paper copy that goes to finance. A5 landscape (the usual slip) or A4.
import { chineseAmount } from '../../../shared/chineseAmount';
import { localDate } from '../../../shared/dates';
import { ROLE_LABELS } from '../../../shared/domain';
import { formatFen } from '../../../shared/money';
import { STEP_STATUS_LABELS, type RequestStep } from '../../../shared/requests';
import { esc, printDocument, type Paper } from './html';

interface SlipHead {
  companyName: string;
  applicantName: string;
  /** 销售部, with the applicant's region when set (销售部 华东区). */
  department: string;
  statusLabel: string;
  /** When and by whom it was printed (the footer). */
  printedAt: string;
  printedBy: string;
}

export interface ExpenseFormData extends SlipHead {
  expenseNo: string;
  appliedOn: string;
  expenseDate: string;
  typeLabel: string;
  purpose: string;
  /** "C001 苏州华工" or null. */
  customer: string | null;
  orderNo: string | null;
  /** The travel registration a trip expense belongs to: "FY… 苏州 2026-11-16 至 2026-11-18". */
  trip: string | null;
  /** The request's own fields in words (客人人数 4, 宴请日期 2026-11-20 …). */
  details: { label: string; value: string }[];
  /** The label of what was asked (申请金额, 预计费用, 借款金额 …). */
  amountLabel: string;
  amountFen: number;
  /** The most that may be reimbursed, when it differs from what was asked (E-TRANSPORT's share…). */
  approvedFen: number | null;
  /** Paid out (an advance) or reimbursed, once it was. */
  paid: { label: string; amountFen: number } | null;
  /** The engine's warnings at submission ("E-ENTERTAIN：…"), '' when none. */
  findings: string;
  note: string;
  steps: RequestStep[];
}

export interface ClaimFormItem {
  expenseNo: string;
  typeLabel: string;
  purpose: string;
  customerName: string | null;
  orderNo: string | null;
  invoiceCount: number;
  invoicesFen: number;
  reimbursableFen: number;
  basis: string;
}

export interface ClaimFormData extends SlipHead {
  claimNo: string;
  /** The day it was filed. */
  claimDate: string;
  /** The travel registrations of its trip items ("FY… 苏州 2026-11-16 至 2026-11-18"); none: a 费用报销单. */
  trips: string[];
  items: ClaimFormItem[];
  reimbursableFen: number;
  /** Paid-out advances of its trips offset against it (their requests are in `chains`). */
  advanceFen: number;
  /** reimbursable − advance; negative: the employee returns the difference. */
  payableFen: number;
  /** Each item's (and advance's) approval trail, compact: "FY… 交通费：销售经理 王经理 同意 2026-11-23". */
  chains: { expenseNo: string; typeLabel: string; trail: string }[];
  payment: { byName: string; at: string } | null;
  note: string;
}

const CSS = `
/* Fixed tables: long text wraps inside its column instead of widening the table off the page. */
.slip table { table-layout: fixed; }
.slip td { overflow-wrap: anywhere; }
.slip h1 { letter-spacing: 4pt; }
.slip .meta { grid-template-columns: 1.1fr 1fr 1fr 1fr; }
.slip .section { margin-top: 2mm; }
.slip .section-title { font-weight: 600; margin: 0 0 0.8mm; }
.slip .capital { letter-spacing: 0.5pt; }
.slip .footer span:last-child { text-align: right; }

/* label | figure | capitals */
.slip .form th { text-align: left; }
.slip .form col.c-label { width: 20mm; }
.slip .form col.c-figure { width: 30mm; }

.slip .chain td:nth-child(1) { text-align: center; }
.slip .chain th:nth-child(1) { width: 4%; }
.slip .chain th:nth-child(2) { width: 12%; }
.slip .chain th:nth-child(3) { width: 13%; }
.slip .chain th:nth-child(4) { width: 10%; }
.slip .chain th:nth-child(5) { width: 13%; }
.slip .chain td:nth-child(5) { white-space: nowrap; }

.slip .items col.c-seq { width: 3%; }
.slip .items col.c-type { width: 13.5%; }
.slip .items col.c-customer { width: 12%; }
.slip .items col.c-invoices { width: 12%; }
.slip .items col.c-reimbursed { width: 35%; }
.slip .items .seq { text-align: center; }
.slip .items small { color: #333; font-size: 0.85em; }
.slip .items small.no { white-space: nowrap; font-size: 0.8em; }
.slip .items .basis { font-size: 0.85em; color: #222; }
/* The amount floats right and the basis wraps beside it: one line less per item. */
.slip .items td.reimbursed .num { float: right; margin-left: 1.5mm; }
.slip .items .total td { font-weight: 600; background: #f4f4f4; }

/* Two amounts a row; the capitals take what the labels and figures leave. */
.slip table.totals { table-layout: auto; }
.slip .totals .capital { letter-spacing: 0; width: 50%; }
.slip .totals td.num, .slip .totals .payable td { font-weight: 600; }

.slip .trails th { width: 10%; text-align: left; }
.slip .trails td { font-size: 0.9em; }
.slip .trails .sep { padding: 0 1mm; }

/* The signature boxes and the footer stay together (a very long claim moves them to page 2 as one). */
.slip .sign-off { break-inside: avoid; page-break-inside: avoid; }
.slip .sign-boxes { display: grid; gap: 2.5mm; margin-top: 2.5mm; }
.slip .sign-box { border: 0.6pt solid #000; display: flex; flex-direction: column; justify-content: space-between; padding: 1mm 1.5mm; }
.slip .sign-box .label { font-weight: 600; }
.slip .sign-box .date { text-align: right; font-size: 0.85em; color: #333; }

/* A5: Noto Sans CJK's own line height (≈1.45) is generous; half a sheet needs the room. */
.a5.slip { line-height: 1.28; }
.a5 h1 { font-size: 13pt; margin-bottom: 0.5mm; }
.a5 .section { margin-top: 1.5mm; }
.a5 .sign-boxes { margin-top: 2mm; }
.a5 .sign-box { height: 11mm; }
/* A4: the same columns (the sheet is as wide), with room to sign. */
.a4.slip { font-size: 9pt; }
.a4 .section { margin-top: 4mm; }
.a4 .sign-boxes { margin-top: 6mm; }
.a4 .sign-box { height: 24mm; }
`;

/** Label, figure, capitals (text rows span the last two). */
const FORM_COLS = '<colgroup><col class="c-label"><col class="c-figure"><col></colgroup>';

const yuan = (fen: number) => `¥${formatFen(fen)}`;
const capital = (fen: number) => `人民币${chineseAmount(fen)}`;

/** Who decided the step, else who it waits for by name ('' when anyone holding the role may). */
function approverOf(step: RequestStep): string {
  return step.decidedByName ?? step.approverName ?? '';
}

function chainTable(steps: RequestStep[]): string {
  const rows = steps.length
    ? steps
        .map(
          (s, i) => `<tr><td>${i + 1}</td><td>${esc(ROLE_LABELS[s.role].zh)}</td><td>${esc(approverOf(s))}</td><td>${esc(STEP_STATUS_LABELS[s.status].zh)}</td><td>${esc(s.decidedAt ? localDate(new Date(s.decidedAt)) : '')}</td><td>${esc(s.comment)}</td></tr>`,
        )
        .join('\n')
    : `<tr><td></td><td colspan="5">按制度无需审批</td></tr>`;
  return `<div class="section">
<div class="section-title">审批记录</div>
<table class="chain">
  <thead><tr><th>序</th><th>审批环节</th><th>审批人</th><th>意见</th><th>日期</th><th>批注</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
</div>`;
}

function signBoxes(labels: string[]): string {
  const boxes = labels
    .map((l) => `<div class="sign-box" data-sign="${esc(l)}"><div class="label">${esc(l)}：</div><div class="date">年　　月　　日</div></div>`)
    .join('');
  return `<div class="sign-boxes" style="grid-template-columns: repeat(${labels.length}, 1fr)">${boxes}</div>`;
}

function footer(no: string, d: SlipHead): string {
  return `<div class="footer"><span>${esc(no)}</span><span>打印：${esc(d.printedBy)} ${esc(d.printedAt)}</span></div>`;
}

/** An amount: its label, the figure, and the same in capitals (`extra` is markup made here). */
function moneyCells(label: string, fen: number, extra = ''): string {
  return `<th>${esc(label)}</th><td class="num">${esc(yuan(fen))}</td><td class="capital">${esc(capital(fen))}${extra}</td>`;
}
const moneyRow = (label: string, fen: number, extra = '') => `<tr>${moneyCells(label, fen, extra)}</tr>`;

function expenseSheet(d: ExpenseFormData, paper: Paper): string {
  const details = d.details.map((x) => `${esc(x.label)}：${esc(x.value)}`).join('；　');
  const rows = [
    `<tr><th>事由</th><td colspan="2">${esc(d.purpose)}</td></tr>`,
    details ? `<tr><th>申请内容</th><td colspan="2">${details}</td></tr>` : '',
    moneyRow(d.amountLabel, d.amountFen),
    d.approvedFen !== null ? moneyRow('核准金额', d.approvedFen, '<small class="muted">（报销上限）</small>') : '',
    d.paid ? moneyRow(d.paid.label, d.paid.amountFen) : '',
    d.findings ? `<tr><th>制度提示</th><td colspan="2">${esc(d.findings)}</td></tr>` : '',
    d.note ? `<tr><th>备注</th><td colspan="2">${esc(d.note)}</td></tr>` : '',
  ].filter(Boolean);
  return `<section class="sheet slip expense-form ${paper}" data-no="${esc(d.expenseNo)}">
<div class="company">${esc(d.companyName)}</div>
<h1>费用申请单</h1>
<div class="meta">
  <div><b>编号：</b>${esc(d.expenseNo)}</div>
  <div><b>申请日期：</b>${esc(d.appliedOn)}</div>
  <div><b>费用日期：</b>${esc(d.expenseDate)}</div>
  <div><b>状态：</b>${esc(d.statusLabel)}</div>
  <div><b>申请人：</b>${esc(d.applicantName)}</div>
  <div><b>部门：</b>${esc(d.department)}</div>
  <div><b>费用类型：</b>${esc(d.typeLabel)}</div>
  <div><b>订单：</b>${esc(d.orderNo ?? '—')}</div>
  <div class="wide"><b>客户：</b>${esc(d.customer ?? '—')}</div>
  ${d.trip ? `<div class="wide"><b>出差登记：</b>${esc(d.trip)}</div>` : ''}
</div>
<table class="form">
${FORM_COLS}
${rows.join('\n')}
</table>
${chainTable(d.steps)}
<div class="sign-off">
${signBoxes(['申请人', '部门经理', '财务审核', '总经理'])}
${footer(d.expenseNo, d)}
</div>
</section>`;
}

/** 费用申请单 of one expense request. */
export function expenseFormHtml(d: ExpenseFormData, paper: Paper): string {
  return printDocument(`费用申请单 ${d.expenseNo}`, [expenseSheet(d, paper)], CSS, paper);
}

/** The title: a claim with items of a trip is a 差旅费报销单. */
export function claimTitle(d: Pick<ClaimFormData, 'trips'>): string {
  return d.trips.length ? '差旅费报销单' : '费用报销单';
}

function claimSheet(d: ClaimFormData, paper: Paper): string {
  const items = d.items
    .map(
      (it, i) => `<tr>
  <td class="seq">${i + 1}</td>
  <td>${esc(it.typeLabel)}<br><small class="no">${esc(it.expenseNo)}</small></td>
  <td>${esc(it.purpose)}</td>
  <td>${esc(it.customerName ?? '—')}${it.orderNo ? `<br><small>${esc(it.orderNo)}</small>` : ''}</td>
  <td class="num">${it.invoiceCount ? `${it.invoiceCount} 张<br>${esc(formatFen(it.invoicesFen))}` : '—'}</td>
  <td class="reimbursed"><div class="num">${esc(formatFen(it.reimbursableFen))}</div><div class="basis">${esc(it.basis)}</div></td>
</tr>`,
    )
    .join('\n');
  const invoiceCount = d.items.reduce((s, it) => s + it.invoiceCount, 0);
  const invoicesFen = d.items.reduce((s, it) => s + it.invoicesFen, 0);
  const returns = d.payableFen < 0;
  const payLabel = returns ? '应退金额' : '应付金额';
  const payNote = returns ? '<small class="muted">（由报销人退还）</small>' : '';
  // Compact, one paragraph: items approved by the same people on the same days share one entry
  // (第 1、2 项 by their row), the offset advances by number, then finance's payment.
  const byTrail = new Map<string, { items: number[]; others: string[] }>();
  for (const c of d.chains) {
    const trail = c.trail || '按制度无需审批';
    const entry = byTrail.get(trail) ?? { items: [], others: [] };
    const row = d.items.findIndex((it) => it.expenseNo === c.expenseNo);
    if (row >= 0) entry.items.push(row + 1);
    else entry.others.push(`${c.typeLabel} ${c.expenseNo}`);
    byTrail.set(trail, entry);
  }
  const trails = [
    ...[...byTrail].map(([trail, { items, others }]) => {
      const who = [items.length ? `第 ${items.join('、')} 项` : '', ...others].filter(Boolean).join('、');
      return `<b>${esc(who)}</b>：${esc(trail)}`;
    }),
    `<b>财务付款</b>：${d.payment ? `${esc(d.payment.byName)} ${esc(d.payment.at)}` : '待付款'}`,
  ].join('<span class="sep">；</span>');
  const title = claimTitle(d);
  return `<section class="sheet slip claim-form ${paper}" data-no="${esc(d.claimNo)}">
<div class="company">${esc(d.companyName)}</div>
<h1>${esc(title)}</h1>
<div class="meta">
  <div><b>编号：</b>${esc(d.claimNo)}</div>
  <div><b>填报日期：</b>${esc(d.claimDate)}</div>
  <div><b>状态：</b>${esc(d.statusLabel)}</div>
  <div><b>附发票：</b>${invoiceCount} 张</div>
  <div><b>报销人：</b>${esc(d.applicantName)}</div>
  <div><b>部门：</b>${esc(d.department)}</div>
  ${d.trips.length ? `<div class="wide"><b>出差登记：</b>${esc(d.trips.join('；'))}</div>` : ''}
</div>
<table class="items">
  <colgroup><col class="c-seq"><col class="c-type"><col><col class="c-customer"><col class="c-invoices"><col class="c-reimbursed"></colgroup>
  <thead><tr><th>序</th><th>费用类型</th><th>事由</th><th>客户</th><th class="num">发票</th><th class="num">可报销金额（核定依据）</th></tr></thead>
  <tbody>
${items}
  <tr class="total"><td></td><td colspan="3">合计（发票 ${invoiceCount} 张）</td><td class="num">${esc(formatFen(invoicesFen))}</td><td class="num">${esc(formatFen(d.reimbursableFen))}</td></tr>
  </tbody>
</table>
<table class="form totals section">
<tr>${moneyCells('报销合计', d.reimbursableFen)}${moneyCells('借款冲抵', d.advanceFen)}</tr>
<tr class="payable">${moneyCells(payLabel, Math.abs(d.payableFen), payNote)}<th>备注</th><td colspan="2">${esc(d.note)}</td></tr>
</table>
<table class="trails section"><tr><th>审批记录</th><td>
${trails}
</td></tr></table>
<div class="sign-off">
${signBoxes(['申请人', '部门经理', '财务审核', '总经理', '领款人'])}
${footer(d.claimNo, d)}
</div>
</section>`;
}

/** 费用报销单 (差旅费报销单 when it has trip items) of one reimbursement. */
export function claimFormHtml(d: ClaimFormData, paper: Paper): string {
  return printDocument(`${claimTitle(d)} ${d.claimNo}`, [claimSheet(d, paper)], CSS, paper);
}
