// DOMAIN §8 考勤表, A4 landscape: people × the days of the month (day number and weekday, rest days
// and holidays shaded, make-up working days marked 班), a compact mark per day (✓ present, 迟 late,
// 假/半 leave, 签 sign card, 旷 absent), then each person's totals (出勤, 迟到, 罚款, 请假, 旷工, 签卡,
// 本年旷工 with 严重违纪), a legend and the signature lines. Fifteen people a page.
import type { AttendanceDayState, AttendanceMonth, AttendancePersonMonth } from '../../../shared/attendance';
import { formatFen } from '../../../shared/money';
import { esc, printDocument } from './html';
import { HR_CSS, printFooter, type PrintHead } from './hrParts';

/** A day of the month on the calendar: working or not, and its holiday / make-up name. */
export interface SheetDay {
  date: string;
  working: boolean;
  name: string | null;
}

export interface AttendanceSheetData extends PrintHead {
  sheet: AttendanceMonth;
  /** Every day of the month, from the company calendar (the grid's columns even with nobody on it). */
  days: SheetDay[];
  /** L-ABSENT's serious-violation days in force (the legend states it), null to leave it out. */
  seriousDays: number | null;
}

/** People a page with short names: the grid, the totals, the legend and the signature lines fit A4 landscape. */
export const PEOPLE_PER_PAGE = 15;
/** A person's row (mm), and the rows a page holds: a long name wraps and takes more. */
const ROW_MM = 9.2;
const ROWS_MM = PEOPLE_PER_PAGE * ROW_MM;
/** The name cell: CJK characters a line, and its line height (mm). */
const NAME_LINE = 6;
const NAME_LINE_MM = 3.1;

const MARKS: Record<AttendanceDayState, string> = {
  present: '✓',
  late: '迟',
  leave: '假',
  half_leave: '半',
  sign_card: '签',
  absent: '旷',
  half_absent: '旷½',
  rest: '',
  future: '',
  untracked: '—',
};

const LEGEND: { mark: string; text: string }[] = [
  { mark: '✓', text: '出勤' },
  { mark: '迟', text: '迟到' },
  { mark: '假', text: '请假（全天）' },
  { mark: '半', text: '请假半天' },
  { mark: '签', text: '签卡' },
  { mark: '旷', text: '旷工' },
  { mark: '旷½', text: '旷工半天' },
  { mark: '—', text: '未开始考勤' },
];

const CSS = `
.attendance .meta { display: flex; justify-content: space-between; margin: 1mm 0 1.5mm; }
.attendance table.grid { table-layout: fixed; width: 100%; }
.attendance .grid th, .attendance .grid td { padding: 0.4mm 0.2mm; text-align: center; vertical-align: middle; border-width: 0.4pt; }
.attendance .grid thead th { font-size: 7pt; font-weight: 600; line-height: 1.15; }
.attendance .grid th.name, .attendance .grid td.name { text-align: left; padding-left: 1mm; overflow-wrap: anywhere; line-height: 1.15; }
.attendance .grid col.c-name { width: 19mm; }
.attendance .grid col.c-day { width: auto; }
.attendance .grid col.c-total { width: 9.5mm; }
.attendance .grid col.c-fine { width: 11mm; }
.attendance .grid col.c-year { width: 13mm; }
.attendance .grid tbody td { height: 9.2mm; font-size: 8pt; }
.attendance .grid td.day { font-size: 8pt; }
.attendance .grid td.day.sm { font-size: 6.5pt; letter-spacing: -0.3pt; }
.attendance .grid thead th { background: #fff; }
.attendance .grid thead th.totals-head { background: #eee; }
.attendance .rest, .attendance .grid thead th.rest { background: #dcdcdc; }
.attendance .holiday, .attendance .grid thead th.holiday { background: #a9a9a9; }
.attendance .grid .bad { font-weight: 700; }
.attendance .grid td.total { font-variant-numeric: tabular-nums; }
.attendance .grid td.name small { display: block; font-size: 6.5pt; color: #333; }
.attendance .grid .flag { display: block; font-size: 6pt; font-weight: 700; }
.attendance .grid thead .group th { font-size: 7.5pt; }
.attendance .legend { margin-top: 1.5mm; font-size: 7.5pt; display: flex; flex-wrap: wrap; gap: 0.5mm 4mm; }
.attendance .legend .swatch { display: inline-block; width: 4mm; height: 3mm; border: 0.4pt solid #000; vertical-align: middle; margin-right: 0.8mm; }
.attendance .closing { break-inside: avoid; page-break-inside: avoid; }
.attendance .sign-lines { display: flex; justify-content: flex-end; gap: 18mm; margin-top: 4mm; }
.attendance .sign-lines div { min-width: 52mm; border-bottom: 0.6pt solid #000; padding-bottom: 1mm; }
.attendance .footer { margin-top: 2mm; }
.attendance .empty td { text-align: center; height: 12mm; }
`;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** Days as the totals state them: 21, 2.5, 0. */
const num = (n: number) => String(Math.round(n * 10) / 10);

/** A rest day is shaded; a named holiday (国庆节) darker; a make-up working day (调休) is marked 班. */
function dayClass(d: SheetDay): string {
  if (!d.working) return d.name ? 'holiday' : 'rest';
  return '';
}

function header(days: SheetDay[]): string {
  const numbers = days.map((d) => `<th class="${dayClass(d)}" title="${esc(d.name ?? '')}">${Number(d.date.slice(8, 10))}</th>`).join('');
  const weekdays = days
    .map((d) => {
      const wd = weekdayOf(d.date);
      // A working weekend day is a make-up day (调休上班): 班.
      const mark = d.working && (wd === 0 || wd === 6) ? '班' : d.name && !d.working ? '休' : WEEKDAYS[wd];
      return `<th class="${dayClass(d)}">${esc(mark)}</th>`;
    })
    .join('');
  return `<thead>
<tr><th class="name totals-head" rowspan="2">姓名</th>${numbers}${['出勤<br>天数', '迟到<br>次数', '罚款<br>（元）', '请假<br>天数', '旷工<br>天数', '签卡<br>次数', '本年<br>旷工'].map((h) => `<th class="totals-head" rowspan="2">${h}</th>`).join('')}</tr>
<tr>${weekdays}</tr>
</thead>`;
}

function personRow(p: AttendancePersonMonth, days: SheetDay[]): string {
  const byDate = new Map(p.days.map((d) => [d.date, d]));
  const cells = days
    .map((cal) => {
      const day = byDate.get(cal.date);
      const mark = day ? MARKS[day.state] : '';
      const bad = day && (day.state === 'absent' || day.state === 'half_absent' || day.state === 'late');
      const title = day ? [day.clockIn, day.leaveNo, day.note].filter(Boolean).join(' ') : '';
      const cls = ['day', dayClass(cal), mark.length > 1 ? 'sm' : '', bad ? 'bad' : ''].filter(Boolean).join(' ');
      return `<td class="${cls}" title="${esc(title)}">${esc(mark)}</td>`;
    })
    .join('');
  const leave = `${esc(num(p.leaveDays))}${p.monthlyLeaveFlag ? '<span class="flag">超限</span>' : ''}`;
  const year = `${esc(num(p.yearAbsentDays))}${p.seriousAbsence ? '<span class="flag">严重违纪</span>' : ''}`;
  return `<tr data-user="${p.userId}"><td class="name">${esc(p.userName)}${p.region ? `<small>${esc(p.region)}</small>` : ''}</td>${cells}<td class="total">${esc(num(p.presentDays))}</td><td class="total${p.lateCount ? ' bad' : ''}">${p.lateCount}</td><td class="total">${p.fineFen ? esc(formatFen(p.fineFen)) : '0'}</td><td class="total">${leave}</td><td class="total${p.absentDays ? ' bad' : ''}">${esc(num(p.absentDays))}</td><td class="total">${p.signCards}</td><td class="total${p.seriousAbsence ? ' bad' : ''}">${year}</td></tr>`;
}

function legend(seriousDays: number | null): string {
  const marks = LEGEND.map((l) => `<span><b>${esc(l.mark)}</b> ${esc(l.text)}</span>`).join('');
  return `<div class="legend"><span><b>图例：</b></span>${marks}<span><span class="swatch rest"></span>休息日</span><span><span class="swatch holiday"></span>法定节假日（休）</span><span><b>班</b> 调休上班</span>${seriousDays !== null ? `<span>本年旷工累计 ${esc(num(seriousDays))} 天及以上为严重违纪</span>` : ''}</div>`;
}

function monthTitle(month: string): string {
  return `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;
}

function page(d: AttendanceSheetData, people: AttendancePersonMonth[], index: number, pages: number): string {
  const workingDays = d.days.filter((x) => x.working).length;
  const rows = people.length ? people.map((p) => personRow(p, d.days)).join('\n') : `<tr class="empty"><td colspan="${d.days.length + 8}">本月没有可显示的人员</td></tr>`;
  const last = index === pages - 1;
  return `<section class="sheet hr attendance a4-landscape" data-page="${index + 1}">
<div class="company">${esc(d.companyName)}</div>
<h1>考勤表</h1>
<div class="meta"><span><b>月份：</b>${esc(monthTitle(d.sheet.month))}</span><span><b>本月工作日：</b>${workingDays} 天</span><span><b>人数：</b>${d.sheet.people.length} 人</span><span>第 ${index + 1} 页 / 共 ${pages} 页</span></div>
<table class="grid">
<colgroup><col class="c-name">${d.days.map(() => '<col class="c-day">').join('')}<col class="c-total"><col class="c-total"><col class="c-fine"><col class="c-total"><col class="c-total"><col class="c-total"><col class="c-year"></colgroup>
${header(d.days)}
<tbody>
${rows}
</tbody>
</table>
<div class="closing">
${legend(d.seriousDays)}
${last ? '<div class="sign-lines"><div>制表：</div><div>经理审核：</div></div>' : ''}
${printFooter(`考勤表 ${d.sheet.month}`, d)}
</div>
</section>`;
}

/** Width of a text in CJK characters (Latin letters and digits take about half). */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1;
  return w;
}

/** A person's row height: the grid's row, or more when the name (and region) wrap. */
function rowMm(p: AttendancePersonMonth): number {
  const lines = Math.max(1, Math.ceil(widthOf(p.userName) / NAME_LINE)) + (p.region ? Math.ceil(widthOf(p.region) / (NAME_LINE * 1.2)) * 0.8 : 0);
  return Math.max(ROW_MM, lines * NAME_LINE_MM + 1);
}

/** The people of each page: fifteen with short names, fewer when long names wrap; at least one page. */
export function attendancePages(people: AttendancePersonMonth[]): AttendancePersonMonth[][] {
  const pages: AttendancePersonMonth[][] = [[]];
  let used = 0;
  for (const p of people) {
    const h = rowMm(p);
    if (pages[pages.length - 1]!.length > 0 && used + h > ROWS_MM + 0.01) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(p);
    used += h;
  }
  return pages;
}

/** The pages the sheet takes. */
export function attendanceSheetPages(people: AttendancePersonMonth[]): number {
  return attendancePages(people).length;
}

/** 考勤表 of a month, A4 landscape. */
export function attendanceSheetHtml(d: AttendanceSheetData): string {
  const groups = attendancePages(d.sheet.people);
  const pages = groups.length;
  const sheets = groups.map((people, i) => page(d, people, i, pages));
  return printDocument(`考勤表 ${d.sheet.month}`, sheets, HR_CSS + CSS, 'a4-landscape');
}
