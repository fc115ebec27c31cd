// DOMAIN §7 客户投诉单: every P-SLIP field (customer, time of occurrence, course of events,
// responsible person, work order no.), the deadlines P-HANDLE / P-RESPOND / P-SLIP with their
// numbers as stored at receipt and whether each was met, the handling record, the customer's
// confirmation, the compensation in figures and Chinese capitals, and blank signature boxes.
// A5 landscape (the usual slip: the newest handling rows that fit, the earlier ones counted) or A4.
import { chineseAmount } from '../../../shared/chineseAmount';
import { COMPLAINT_ACTION_LABELS, COMPLAINT_SEVERITY_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintActionRow, type ComplaintDetail } from '../../../shared/complaints';
import { localDate } from '../../../shared/dates';
import { formatFen } from '../../../shared/money';
import { esc, printDocument, type Paper } from './html';
import { HR_CSS, printFooter, signBoxes, when, type PrintHead } from './hrParts';

export interface ComplaintSlipData extends PrintHead {
  detail: ComplaintDetail;
  /** P-SLIP's working days, counted on the company calendar from receipt to the stored slip due date. */
  slipWorkingDays: number;
  /** The core's clock (ISO): what is not done yet is overdue or still open at this moment. */
  now: string;
}

const CSS = `
.complaint .meta { grid-template-columns: repeat(4, auto); justify-content: space-between; gap: 1mm 3mm; }
.complaint .form col.c-label { width: 18mm; }
.complaint .deadlines td { font-size: 0.95em; }
.complaint .deadlines .rule { font-weight: 600; }
.complaint .record col.c-at { width: 29mm; }
.complaint .record col.c-action { width: 22mm; }
.complaint .record col.c-by { width: 19mm; }
.complaint .record td:first-child { white-space: nowrap; }
.complaint .record .omitted td { color: #333; font-style: italic; text-align: center; }
.complaint .money .capital { letter-spacing: 0.5pt; }
.complaint .money col.c-label { width: 18mm; }
.complaint .money col.c-figure { width: 30mm; }
.a4.complaint .record col.c-at { width: 32mm; }
`;

/** On A5 the slip is one sheet: the course and each handling note are held to a few lines. */
const A5 = {
  /** Characters (CJK = 1) a line holds in the course cell and in the handling record's note column. */
  courseLine: 42,
  noteLine: 30,
  courseLines: 4,
  noteLines: 2,
  /** The summary's line, and the confirmation's (who, when and the customer's words). */
  summaryLine: 48,
  opinionLines: 2,
  /** Height in mm left for the course and the handling record, beside the fixed parts. */
  budgetMm: 42,
  lineMm: 4.1,
  rowMm: 2,
};
/** A4: the heights of its parts, to count the pages of a long record (the fixed parts: the head and deadlines, the confirmation to the footer). */
const A4 = { courseLine: 50, noteLine: 29, lineMm: 4.9, rowMm: 2.8, fixedMm: 145, pageMm: 271 };

/** Width of a text in CJK characters (Latin letters and digits take about half). */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return w;
}
const linesOf = (text: string, perLine: number) => Math.max(1, text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(widthOf(part) / perLine)), 0));

/** The text held to `lines` lines, ending "…" when cut (`tail`: room kept for what follows it). */
function clip(text: string, perLine: number, lines: number, tail = 0): { text: string; cut: boolean } {
  if (linesOf(text, perLine) <= lines) return { text, cut: false };
  const room = perLine * lines - 2 - tail;
  let w = 0;
  let out = '';
  for (const ch of text.replace(/\n/g, ' ')) {
    w += widthOf(ch);
    if (w > room) break;
    out += ch;
  }
  return { text: `${out}…`, cut: true };
}

/** The confirmation's words before the customer's own (确认人：…　时间：…　意见：), in CJK widths. */
const CONFIRM_HEAD = 32;
const confirmLines = (opinion: string, perLine: number) => Math.max(1, Math.ceil((CONFIRM_HEAD + widthOf(opinion)) / perLine));

const courseCutNote = (course: string) => `（共 ${[...course].length} 字，全文请用 A4 打印）`;

/** Hours between two stored timestamps, as the slip states them (24, 48, 0.5). */
function hoursBetween(from: string, to: string): string {
  const h = Math.round((Date.parse(to) - Date.parse(from)) / 360_000) / 10;
  return String(h);
}

/** Whether a step was done by its deadline: done on time / late, or not yet (overdue or open). */
function outcome(doneAt: string | null, onTime: (done: string) => boolean, overdue: boolean, doneWord: string): string {
  if (doneAt) return onTime(doneAt) ? `${when(doneAt)} ${doneWord}，<b class="ok">✓ 按时</b>` : `${when(doneAt)} ${doneWord}，<b class="late">✗ 逾期</b>`;
  return overdue ? `<b class="late">✗ 已逾期，尚未${doneWord}</b>` : '尚未到期';
}

function recordRow(a: ComplaintActionRow, note: string): string {
  return `<tr><td>${esc(when(a.at))}</td><td>${esc(COMPLAINT_ACTION_LABELS[a.action].zh)}</td><td>${esc(a.byName)}</td><td>${esc(note)}</td></tr>`;
}

interface Layout {
  course: string;
  courseCut: boolean;
  /** The customer's words at confirmation (held to two lines on A5). */
  opinion: string;
  rows: { action: ComplaintActionRow; note: string }[];
  omitted: number;
  pages: number;
}

/** What goes on the paper: on A5 the newest handling rows that fit; on A4 everything, and its pages. */
function layout(d: ComplaintSlipData, paper: Paper): Layout {
  const { complaint: c, actions } = d.detail;
  const opinion = [...actions].reverse().find((a) => a.action === 'confirm')?.note ?? '';
  if (paper === 'a4') {
    const courseMm = linesOf(c.course || '—', A4.courseLine) * A4.lineMm + A4.rowMm;
    const recordMm = actions.reduce((s, a) => s + linesOf(a.note || '—', A4.noteLine) * A4.lineMm + A4.rowMm, 0);
    const extraMm = (linesOf(c.summary, A4.courseLine) - 1 + confirmLines(opinion, A4.courseLine) - 1) * A4.lineMm;
    const pages = Math.max(1, Math.ceil((A4.fixedMm + courseMm + recordMm + extraMm) / A4.pageMm));
    return { course: c.course, courseCut: false, opinion, rows: actions.map((action) => ({ action, note: action.note })), omitted: 0, pages };
  }
  const held = clip(opinion, A5.courseLine, A5.opinionLines, CONFIRM_HEAD).text;
  // The budget counts one line each for the summary, the opinion and the deadlines' outcome; more
  // takes from the course first (down to one line), then from the record.
  const extraLines = Math.max(0, linesOf(c.summary, A5.summaryLine) - 1) + (confirmLines(held, A5.courseLine) - 1) + (c.escalatedAt ? 1 : 0);
  const courseLines = Math.max(1, A5.courseLines - extraLines);
  const course = clip(c.course, A5.courseLine, courseLines, widthOf(courseCutNote(c.course)));
  let left = A5.budgetMm - linesOf(course.text || '—', A5.courseLine) * A5.lineMm - A5.rowMm - extraLines * A5.lineMm;
  const rows: Layout['rows'] = [];
  for (let i = actions.length - 1; i >= 0; i -= 1) {
    const action = actions[i]!;
    const note = clip(action.note, A5.noteLine, A5.noteLines).text;
    const height = linesOf(note || '—', A5.noteLine) * A5.lineMm + A5.rowMm;
    // The row saying how many earlier rows were left out needs its own line.
    const reserve = i > 0 ? A5.lineMm + A5.rowMm : 0;
    if (height + reserve > left) break;
    left -= height;
    rows.unshift({ action, note });
  }
  return { course: course.text, courseCut: course.cut, opinion: held, rows, omitted: actions.length - rows.length, pages: 1 };
}

function complaintSheet(d: ComplaintSlipData, paper: Paper, l: Layout): string {
  const { complaint: c, actions } = d.detail;
  const customer = `${c.customerNo} ${c.customerName}`;
  const handleHours = hoursBetween(c.receivedAt, c.handleDueAt);
  const respondHours = hoursBetween(c.receivedAt, c.respondDueAt);
  const slipFiledOn = c.slipFiledAt ? localDate(new Date(c.slipFiledAt)) : null;
  const deadlines = `<table class="deadlines section">
  <thead><tr><th>受理后 ${esc(handleHours)} 小时内处理</th><th>受理后 ${esc(respondHours)} 小时内答复客户</th><th>投诉单期限（${esc(d.slipWorkingDays)} 个工作日）</th></tr></thead>
  <tbody><tr>
    <td>期限：${esc(when(c.handleDueAt))}<br>${outcome(c.handledAt, (done) => Date.parse(done) <= Date.parse(c.handleDueAt), c.handleOverdue, '处理')}${c.escalatedAt ? `<br>升级：${esc(when(c.escalatedAt))} 至 ${esc(c.escalatedToName ?? '销售经理')}` : ''}</td>
    <td>期限：${esc(when(c.respondDueAt))}<br>${outcome(c.respondedAt, (done) => Date.parse(done) <= Date.parse(c.respondDueAt), c.respondOverdue, '答复')}</td>
    <td>期限：${esc(c.slipDueDate)}<br>${outcome(c.slipFiledAt, () => slipFiledOn !== null && slipFiledOn <= c.slipDueDate, c.slipOverdue, '填写')}</td>
  </tr></tbody>
</table>`;
  const rows = [
    l.omitted > 0 ? `<tr class="omitted"><td colspan="4">较早的 ${l.omitted} 条处理记录从略（共 ${actions.length} 条，完整记录请用 A4 打印）</td></tr>` : '',
    ...l.rows.map((r) => recordRow(r.action, r.note)),
    actions.length === 0 ? '<tr><td colspan="4">暂无处理记录</td></tr>' : '',
  ].filter(Boolean);
  const record = `<div class="section">
<div class="section-title">处理记录</div>
<table class="record">
  <colgroup><col class="c-at"><col class="c-action"><col class="c-by"><col></colgroup>
  <thead><tr><th>日期时间</th><th>处理事项</th><th>经办人</th><th>处理意见 / 说明</th></tr></thead>
  <tbody>
${rows.join('\n')}
  </tbody>
</table>
</div>`;
  const money = `<table class="form money section">
<colgroup><col class="c-label"><col class="c-figure"><col></colgroup>
<tr><th>客户确认</th><td colspan="2">确认人：${esc(c.confirmedBy || '　　　　')}　　时间：${esc(when(c.confirmedAt) || '　　　　')}　　意见：${esc(l.opinion)}</td></tr>
<tr><th>赔偿金额</th><td class="num">¥${esc(formatFen(c.compensationFen))}</td><td class="capital">人民币${esc(chineseAmount(c.compensationFen))}</td></tr>
</table>`;
  const signers = ['责任人', '业务员', '销售经理', '客户确认', ...(c.severity === 'major' ? ['总经理'] : [])];
  const course = l.courseCut ? `${esc(l.course)}${esc(courseCutNote(c.course))}` : esc(l.course || '');
  return `<section class="sheet hr complaint ${paper}" data-no="${esc(c.complaintNo)}">
<div class="company">${esc(d.companyName)}</div>
<h1>客户投诉单</h1>
<div class="meta">
  <div><b>投诉单号：</b>${esc(c.complaintNo)}</div>
  <div><b>状态：</b>${esc(COMPLAINT_STATUS_LABELS[c.status].zh)}</div>
  <div><b>严重程度：</b>${esc(COMPLAINT_SEVERITY_LABELS[c.severity].zh)}</div>
  <div><b>来源：</b>${esc(COMPLAINT_SOURCE_LABELS[c.source].zh)}</div>
  <div class="wide"><b>客户名称：</b>${esc(customer)}</div>
  <div><b>订单号：</b>${esc(c.orderNo ?? '—')}</div>
  <div><b>工单号：</b>${esc(c.workOrderNo || '—')}</div>
  <div><b>受理时间：</b>${esc(when(c.receivedAt))}</div>
  <div><b>发生时间：</b>${esc(when(c.occurredAt) || '—')}</div>
  <div><b>责任人：</b>${esc(c.responsibleName ?? '—')}</div>
  <div><b>业务员：</b>${esc(c.ownerName ?? '—')}</div>
</div>
<table class="form">
<colgroup><col class="c-label"><col></colgroup>
<tr><th>投诉内容</th><td>${esc(c.summary)}</td></tr>
<tr><th>事情经过</th><td>${course}</td></tr>
</table>
${deadlines}
${record}
${money}
<div class="sign-off">
${signBoxes(signers)}
${printFooter(c.complaintNo, d, `登记：${c.enteredByName}`)}
</div>
</section>`;
}

/** The pages the slip takes: 1 on A5; on A4 more for a very long course or handling record. */
export function complaintSlipPages(d: ComplaintSlipData, paper: Paper): number {
  return layout(d, paper).pages;
}

/** 客户投诉单 of one complaint. */
export function complaintSlipHtml(d: ComplaintSlipData, paper: Paper): string {
  const no = d.detail.complaint.complaintNo;
  return printDocument(`客户投诉单 ${no}`, [complaintSheet(d, paper, layout(d, paper))], HR_CSS + CSS, paper);
}
