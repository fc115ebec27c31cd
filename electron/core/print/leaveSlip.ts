// DOMAIN §8 请假申请表 (L-FORM), A5 landscape: the applicant and department, the seven leave types as
// tick boxes, start and end with 上午/下午, the working days the calendar gives, the reason, the work
// proxy, the day applied, the emergency phone-in (补单) if any, the rules' findings, the approval
// chain step by step, and blank signature boxes.
import { ROLE_LABELS } from '../../../shared/domain';
import { LEAVE_STATUS_LABELS, LEAVE_TYPE_LABELS, LEAVE_TYPES, type LeaveDetail } from '../../../shared/leave';
import { STEP_STATUS_LABELS, type RequestStep } from '../../../shared/requests';
import { esc, printDocument } from './html';
import { HR_CSS, printFooter, signBoxes, when, type PrintHead } from './hrParts';

export interface LeaveSlipData extends PrintHead {
  detail: LeaveDetail;
}

const CSS = `
.leave .meta { grid-template-columns: repeat(5, auto); justify-content: space-between; gap: 1mm 3mm; }
.leave .form col.c-label { width: 20mm; }
.leave .types span { display: inline-block; margin-right: 3.5mm; white-space: nowrap; }
.leave .tick { font-size: 1.1em; }
.leave .period .day { white-space: nowrap; }
.leave .period .half { white-space: nowrap; margin: 0 1.5mm; }
.leave .period .days { font-weight: 600; white-space: nowrap; }
.leave .chain td:nth-child(1) { text-align: center; }
.leave .chain th:nth-child(1) { width: 5%; }
.leave .chain th:nth-child(2) { width: 14%; }
.leave .chain th:nth-child(3) { width: 14%; }
.leave .chain th:nth-child(4) { width: 10%; }
.leave .chain th:nth-child(5) { width: 20%; }
.leave .findings { font-size: 0.9em; }
/* Room to sign: the slip is short. */
.a5.leave .sign-box { height: 16mm; }
/* A long reason (up to 500 characters) in a denser type, so the slip stays one A5 sheet. */
.leave .reason.dense { font-size: 7.5pt; line-height: 1.25; }
`;

/** Characters of reason above which it is set smaller (about four lines of the normal type). */
const DENSE_REASON = 180;

const tick = (on: boolean) => `<span class="tick">${on ? '☑' : '☐'}</span>`;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''}`;

/** "2026-11-30（星期一）☑上午 ☐下午": which half of the day the leave starts or ends with. */
function dayWithHalf(date: string, morning: boolean, afternoon: boolean): string {
  return `<span class="day">${esc(date)}（${weekday(date)}）</span><span class="half">${tick(morning)}上午 ${tick(afternoon)}下午</span>`;
}

/** Working days as the form states them: 3, 2.5, 0.5. */
const days = (n: number) => String(Math.round(n * 10) / 10);

function chainTable(steps: RequestStep[]): string {
  const rows = steps.length
    ? steps
        .map(
          (s, i) =>
            `<tr><td>${i + 1}</td><td>${esc(ROLE_LABELS[s.role].zh)}</td><td>${esc(s.decidedByName ?? s.approverName ?? '')}</td><td>${esc(STEP_STATUS_LABELS[s.status].zh)}</td><td>${esc(when(s.decidedAt))}</td><td>${esc(s.comment)}</td></tr>`,
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

function leaveSheet(d: LeaveSlipData): string {
  const { leave: l, steps } = d.detail;
  const types = LEAVE_TYPES.map((t) => `<span>${tick(t === l.leaveType)}${esc(LEAVE_TYPE_LABELS[t].zh)}</span>`).join('');
  // startHalfDay: the first day is the afternoon only; endHalfDay: the last day is the morning only.
  const sameDay = l.start === l.end;
  const period = sameDay
    ? `${dayWithHalf(l.start, !l.startHalfDay, !l.endHalfDay)}`
    : `自 ${dayWithHalf(l.start, !l.startHalfDay, l.startHalfDay)} 起　至 ${dayWithHalf(l.end, l.endHalfDay, !l.endHalfDay)} 止`;
  const rows = [
    `<tr><th>请假类型</th><td class="types">${types}</td></tr>`,
    `<tr><th>请假时间</th><td class="period">${period}　共 <span class="days">${esc(days(l.workingDays))} 个工作日</span></td></tr>`,
    `<tr><th>请假事由</th><td class="reason${[...l.reason].length > DENSE_REASON ? ' dense' : ''}">${esc(l.reason)}</td></tr>`,
    `<tr><th>工作代理人</th><td>${esc(l.proxyName)}（请假期间代理其工作，须签字确认）</td></tr>`,
    l.emergencyCallAt ? `<tr><th>紧急补单</th><td>突发情况：已于 ${esc(when(l.emergencyCallAt))} 电话告知直接上级，本表为事后补填</td></tr>` : '',
    l.findingsText ? `<tr><th>制度提示</th><td class="findings">${esc(l.findingsText)}</td></tr>` : '',
  ].filter(Boolean);
  return `<section class="sheet hr leave a5" data-no="${esc(l.leaveNo)}">
<div class="company">${esc(d.companyName)}</div>
<h1>请假申请表</h1>
<div class="meta">
  <div><b>编号：</b>${esc(l.leaveNo)}</div>
  <div><b>申请人：</b>${esc(l.applicantName)}</div>
  <div><b>部门：</b>${esc(l.region ? `销售部 ${l.region}` : '销售部')}</div>
  <div><b>申请日期：</b>${esc(l.appliedOn)}</div>
  <div><b>状态：</b>${esc(LEAVE_STATUS_LABELS[l.status].zh)}${l.monthlyFlag ? '（本月请假超限）' : ''}</div>
</div>
<table class="form">
<colgroup><col class="c-label"><col></colgroup>
${rows.join('\n')}
</table>
${chainTable(steps)}
<div class="sign-off">
${signBoxes(['申请人', '工作代理人', '直接上级', '人事/行政'])}
${printFooter(l.leaveNo, d)}
</div>
</section>`;
}

/** 请假申请表 of one leave, A5 landscape. */
export function leaveSlipHtml(d: LeaveSlipData): string {
  return printDocument(`请假申请表 ${d.detail.leave.leaveNo}`, [leaveSheet(d)], HR_CSS + CSS, 'a5');
}
