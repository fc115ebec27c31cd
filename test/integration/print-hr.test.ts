// Printed forms of DOMAIN §7–8 through the API: the 客户投诉单 (A5 landscape or A4: every P-SLIP
// field, the deadlines with their stored numbers and whether each was met, the handling record —
// on A5 the newest rows that fit with the earlier ones counted — the customer's confirmation, the
// compensation in figures and 大写, signature boxes), the 请假申请表 (A5: the seven types as tick
// boxes, 上午/下午, working days, proxy, emergency phone-in, approval chain; rejected and withdrawn
// refused) and the A4-landscape 考勤表 (people × days, marks, totals, legend, fifteen people a page).
// Each print is one audit row; a refusal writes nothing. Rendered to PDF through Chromium (pages and
// paper size by pdfinfo) and to test-results/print-hr-*.png to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../electron/cli/pdf';
import { officialDayName, workCalendar } from '../../electron/core/policy/calendar';
import { attendanceSheetHtml, attendanceSheetPages, PEOPLE_PER_PAGE } from '../../electron/core/print/attendanceSheet';
import type { ChannelInput, ChannelOutput } from '../../shared/api';
import { formatTimestamp } from '../../shared/dates';
import type { AttendanceMonth } from '../../shared/attendance';
import type { Complaint } from '../../shared/complaints';
import type { Leave } from '../../shared/leave';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';
import { expectPaper, havePdfTools, pdfInfo, pdfText, pdfToPngs } from '../support/pdf';

const COMPANY = '苏州恒达化工有限公司';
const SCRIPT = '<script>alert(1)</script>';
/** Monday 2026-11-23, 09:30 in Shanghai. */
const RECEIVED = '2026-11-23T09:30:00+08:00';
const at = (iso: string) => new Date(iso);
/** How the slip shows a time the core stamped from its clock (the office's wall clock, here the machine's zone). */
const shown = (iso: string) => formatTimestamp(iso);

let template: TeamTemplate;
let t: TeamCore;
let clock = at(RECEIVED);
let complaint: Complaint;
/** A complaint with a long handling record (the A5 slip leaves the earlier rows out). */
let busy: Complaint;
let leave: Leave;
let emergency: Leave;
let withdrawn: Leave;
let rejected: Leave;

const dir = mkdtempSync(join(tmpdir(), 'salesdesk-print-hr-'));

async function act(caller: Caller, c: Complaint, action: ChannelInput<'complaints.act'>['action'], extra: Partial<ChannelInput<'complaints.act'>> = {}): Promise<Complaint> {
  const current = (await caller.call('complaints.get', { id: c.id })).complaint;
  return caller.call('complaints.act', { id: c.id, version: current.version, action, ...extra });
}

async function decide(caller: Caller, l: Leave, decision: 'approve' | 'reject', comment = '') {
  const request = await caller.call('requests.get', { id: l.requestId });
  return caller.call('requests.decide', { id: request.id, version: request.version, decision, comment });
}

beforeAll(async () => {
  template = await teamTemplate();
  t = await teamCore(template, { now: () => clock });
  const { repA, repB, supervisor, assistant, manager } = t.team;
  await t.admin.call('users.update', { id: t.ids.repA, patch: { region: '华东区' } });
  const { customer } = await createCustomer(repA, 'C001', { name: '苏州华工材料有限公司' });

  // A major complaint, slip filed at once; handled after 5 h, answered after 30 h (both on time),
  // resolved with ¥1,200 compensation and confirmed by the customer.
  complaint = await assistant.call('complaints.create', {
    customerId: customer.id,
    workOrderNo: 'GD-2026-118',
    receivedAt: RECEIVED,
    occurredAt: '2026-11-21T14:00:00+08:00',
    summary: `${SCRIPT} 到货环氧树脂包装破损，三桶泄漏`,
    course: '11 月 21 日下午收货时发现第二批环氧树脂 E-44 桶装有三桶破损泄漏，客户当即拍照并电话告知业务员。',
    responsibleId: t.ids.repA,
    severity: 'major',
    fileSlip: true,
  });
  clock = at('2026-11-23T14:30:00+08:00');
  await act(repA, complaint, 'handle', { note: '已电话联系客户采购部，约定明日到厂查看破损批次' });
  clock = at('2026-11-24T15:30:00+08:00');
  await act(repA, complaint, 'respond', { note: '向客户书面答复：补发三桶并承担运费' });
  clock = at('2026-11-25T10:00:00+08:00');
  await act(repA, complaint, 'resolve', { note: '补发完成，仓库装车流程整改', compensationFen: 120_000 });
  clock = at('2026-11-26T10:00:00+08:00');
  complaint = await act(repA, complaint, 'confirm', { confirmedBy: '陈采购', note: '对处理结果满意' });

  // Received the same Monday, never handled: P-HANDLE and P-RESPOND pass; a dozen notes follow.
  clock = at(RECEIVED);
  busy = await assistant.call('complaints.create', { customerId: customer.id, receivedAt: RECEIVED, summary: '送货延误两天' });
  for (let i = 1; i <= 12; i += 1) {
    clock = at(`2026-11-26T${String(8 + (i % 10)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00+08:00`);
    busy = await act(manager, busy, 'note', { note: `第 ${i} 次跟进：已催促物流，客户仍在等待补发` });
  }

  // Leave: a sick leave Tuesday afternoon to Thursday, approved by 孙主管; an emergency one (phoned
  // in at 09:15 on the day, backfilled); one withdrawn; one rejected.
  clock = at('2026-11-23T10:00:00+08:00');
  leave = await repA.call('leave.create', { leaveType: 'sick', start: '2026-12-01', end: '2026-12-03', startHalfDay: true, reason: `${SCRIPT} 感冒发烧，医院开具病假条`, proxyId: t.ids.repB });
  await decide(supervisor, leave, 'approve', '同意，注意交接工作');
  emergency = await repB.call('leave.create', { leaveType: 'personal', start: '2026-11-23', end: '2026-11-23', reason: '家中老人突发急病送医', proxyId: t.ids.repA, emergencyCallAt: '2026-11-23T09:15:00+08:00' });
  withdrawn = await repA.call('leave.create', { leaveType: 'annual', start: '2026-12-14', end: '2026-12-14', reason: '办理私事', proxyId: t.ids.repB });
  const request = await repA.call('requests.get', { id: withdrawn.requestId });
  await repA.call('requests.withdraw', { id: request.id, version: request.version });
  rejected = await repA.call('leave.create', { leaveType: 'personal', start: '2026-12-16', end: '2026-12-16', reason: '办理私事', proxyId: t.ids.repB });
  await decide(supervisor, rejected, 'reject', '月底工作太忙');

  // Attendance in November for 张伟: on time, late twice (a warning, then a fine), one day absent.
  for (const [date, clockIn] of [
    ['2026-11-02', '08:20'],
    ['2026-11-03', '08:40'],
    ['2026-11-04', '08:25'],
    ['2026-11-05', '08:31'],
    ['2026-11-09', '08:10'],
  ] as const) {
    await assistant.call('attendance.record', { userId: t.ids.repA, date, clockIn, clockOut: '17:30' });
  }
  clock = at('2026-12-01T12:00:00+08:00');
}, 120_000);

afterAll(() => {
  t?.cleanup();
  template?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function printsOf(action: string, entity: string, entityId: number | null): Promise<number> {
  const audit = await t.admin.call('audit.list', { startRow: 0, endRow: 500, entity, ...(entityId === null ? {} : { entityId: String(entityId) }) });
  return audit.rows.filter((r) => r.action === action).length;
}

const signBoxes = (html: string) => [...html.matchAll(/data-sign="([^"]+)"/g)].map((m) => m[1]);
/** The page's text without markup (what a reader sees). */
const textOf = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('客户投诉单', () => {
  it('has every P-SLIP field, the deadlines from the stored due times and whether each was met, the record, the confirmation and ¥1,200 in 大写; one audit row', async () => {
    const before = await printsOf('print.complaintForm', 'complaints', complaint.id);
    const printed = await t.team.manager.call('print.complaintForm', { complaintId: complaint.id, paper: 'a5' });
    expect(printed.title).toBe(`客户投诉单 ${complaint.complaintNo}`);
    expect(printed.pages).toBe(1);
    const text = textOf(printed.html);
    for (const field of [
      COMPANY,
      '客户投诉单',
      complaint.complaintNo,
      'C001 苏州华工材料有限公司',
      '发生时间： 2026-11-21 14:00',
      '受理时间： 2026-11-23 09:30',
      '事情经过',
      '第二批环氧树脂 E-44',
      '责任人： 张伟',
      '业务员： 张伟',
      '工单号： GD-2026-118',
      '严重程度： 重大',
      '状态： 客户已确认',
      // The deadlines: numbers from the stored due times, each met.
      '受理后 24 小时内处理',
      '受理后 48 小时内答复客户',
      '投诉单期限（3 个工作日）',
      '期限：2026-11-24 09:30',
      '期限：2026-11-25 09:30',
      '期限：2026-11-26',
      `${shown('2026-11-23T14:30:00+08:00')} 处理， ✓ 按时`,
      `${shown('2026-11-24T15:30:00+08:00')} 答复， ✓ 按时`,
      // The handling record, the customer's confirmation, the compensation.
      '已电话联系客户采购部',
      '整改完成',
      '确认人：陈采购',
      '对处理结果满意',
      '¥1,200.00',
      '人民币壹仟贰佰元整',
    ]) {
      expect(text, field).toContain(field);
    }
    expect(printed.html).not.toContain(SCRIPT);
    expect(printed.html).toContain('&lt;script&gt;');
    // A major complaint: the general manager signs too.
    expect(signBoxes(printed.html)).toEqual(['责任人', '业务员', '销售经理', '客户确认', '总经理']);
    expect(await printsOf('print.complaintForm', 'complaints', complaint.id)).toBe(before + 1);
  });

  it('says when a deadline passed undone; on A5 leaves the earlier handling rows out and counts them, on A4 prints them all', async () => {
    const a5 = textOf((await t.team.manager.call('print.complaintForm', { complaintId: busy.id, paper: 'a5' })).html);
    expect(a5).toContain('✗ 已逾期，尚未处理');
    expect(a5).toContain('✗ 已逾期，尚未答复');
    const omitted = /较早的 (\d+) 条处理记录从略（共 13 条，完整记录请用 A4 打印）/.exec(a5);
    expect(omitted).not.toBeNull();
    const left = Number(omitted![1]);
    expect(left).toBeGreaterThan(0);
    // The newest rows are the ones shown.
    expect(a5).toContain('第 12 次跟进');
    expect(a5).not.toContain('第 1 次跟进：');
    const a4 = await t.team.manager.call('print.complaintForm', { complaintId: busy.id, paper: 'a4' });
    const a4Text = textOf(a4.html);
    expect(a4Text).not.toContain('从略');
    for (let i = 1; i <= 12; i += 1) expect(a4Text).toContain(`第 ${i} 次跟进`);
    // A normal complaint: four signature boxes.
    expect(signBoxes(a4.html)).toEqual(['责任人', '业务员', '销售经理', '客户确认']);
  });

  it('is refused to a colleague who may not see the complaint (NOT_FOUND), writing nothing', async () => {
    const before = t.snapshot();
    const error = await t.team.repB.fail('print.complaintForm', { complaintId: complaint.id, paper: 'a5' });
    expect(error.code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });
});

describe('请假申请表', () => {
  it('ticks the type, marks the half days, states the working days, reason, proxy and the approval by name; one audit row', async () => {
    const before = await printsOf('print.leaveForm', 'leaves', leave.id);
    const printed = await t.team.repA.call('print.leaveForm', { leaveId: leave.id });
    expect(printed).toMatchObject({ title: `请假申请表 ${leave.leaveNo}`, pages: 1 });
    const text = textOf(printed.html);
    for (const field of [COMPANY, '请假申请表', leave.leaveNo, '申请人： 张伟', '销售部 华东区', '申请日期： 2026-11-23', '状态： 已批准', '感冒发烧', '李娜', '孙主管', '同意，注意交接工作']) {
      expect(text, field).toContain(field);
    }
    // All seven types as tick boxes, 病假 ticked.
    expect(text).toMatch(/☑\s*病假/);
    for (const other of ['年假', '事假', '婚假', '产假', '丧假', '其他']) expect(text).toMatch(new RegExp(`☐\\s*${other}`));
    // From Tuesday afternoon (the morning is not ticked) to Thursday's whole day: 2.5 working days.
    expect(text).toMatch(/2026-12-01（星期二）\s*☐\s*上午\s*☑\s*下午\s*起/);
    expect(text).toMatch(/2026-12-03（星期四）\s*☐\s*上午\s*☑\s*下午\s*止/);
    expect(text).toContain('共 2.5 个工作日');
    expect(text).not.toContain('紧急补单');
    expect(printed.html).not.toContain(SCRIPT);
    expect(signBoxes(printed.html)).toEqual(['申请人', '工作代理人', '直接上级', '人事/行政']);
    expect(await printsOf('print.leaveForm', 'leaves', leave.id)).toBe(before + 1);
  });

  it('a pending emergency leave prints with the phone-in time (补单)', async () => {
    const text = textOf((await t.team.repB.call('print.leaveForm', { leaveId: emergency.id })).html);
    expect(text).toContain('状态： 审批中');
    expect(text).toContain('紧急补单');
    expect(text).toContain('已于 2026-11-23 09:15 电话告知直接上级');
  });

  it('a withdrawn or rejected leave is refused, saying why; a colleague who may not see it gets NOT_FOUND; nothing is written', async () => {
    const before = t.snapshot();
    const w = await t.team.repA.fail('print.leaveForm', { leaveId: withdrawn.id });
    expect(w.code).toBe('VALIDATION');
    expect(hasChinese(w.message)).toBe(true);
    expect(w.message).toContain('已撤回');
    expect(w.message).toContain(withdrawn.leaveNo);
    const r = await t.team.repA.fail('print.leaveForm', { leaveId: rejected.id });
    expect(r.message).toContain('已驳回');
    expect((await t.team.repB.fail('print.leaveForm', { leaveId: leave.id })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });
});

describe('考勤表', () => {
  it("the month's grid with each day's mark and the totals, the legend and the signature lines; one audit row", async () => {
    const before = await printsOf('print.attendanceSheet', 'attendance_records', t.ids.repA);
    const printed = await t.team.manager.call('print.attendanceSheet', { month: '2026-11', userId: t.ids.repA });
    expect(printed).toMatchObject({ title: '考勤表 2026-11', pages: 1 });
    const row = /<tr data-user="\d+">([\s\S]*?)<\/tr>/.exec(printed.html)![1]!;
    const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').trim());
    // Name, 30 days, 7 totals.
    expect(cells).toHaveLength(1 + 30 + 7);
    expect(cells[0]).toContain('张伟');
    const day = (n: number) => cells[n]!;
    expect(day(2)).toBe('✓'); // 08:20
    expect(day(3)).toBe('迟'); // 08:40
    expect(day(4)).toBe('✓'); // 08:25 is on time
    expect(day(5)).toBe('迟'); // 08:31
    expect(day(1)).toBe(''); // Sunday
    expect(day(6)).toBe('旷'); // Friday: no clock-in, no leave, no sign card
    const [present, late, fine] = cells.slice(31);
    expect(present).toBe('5'); // a late arrival is a day at work
    expect(late).toBe('2');
    expect(fine).toBe('20.00'); // the first late arrival a warning, the second fined
    const text = textOf(printed.html);
    for (const word of [COMPANY, '考勤表', '2026 年 11 月', '出勤 天数', '迟到 次数', '本年 旷工', '图例', '旷工', '签卡', '制表：', '经理审核：', '严重违纪']) expect(text, word).toContain(word);
    expect(text).toMatch(/本年旷工累计 3 天及以上为严重违纪/);
    expect(await printsOf('print.attendanceSheet', 'attendance_records', t.ids.repA)).toBe(before + 1);
  });

  it("the manager's sheet lists his people; a rep asking for a colleague is refused", async () => {
    const printed = await t.team.manager.call('print.attendanceSheet', { month: '2026-11' });
    expect([...printed.html.matchAll(/<tr data-user=/g)].length).toBeGreaterThan(1);
    const before = t.snapshot();
    const error = await t.team.repB.fail('print.attendanceSheet', { month: '2026-11', userId: t.ids.repA });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(error.code);
    expect(t.snapshot()).toBe(before);
  });

  it('fifteen people a page; fewer when long names wrap', () => {
    expect(PEOPLE_PER_PAGE).toBe(15);
    const people = (n: number, name = (i: number) => `员工${i + 1}`) => sixteen(n, name).sheet.people;
    expect([0, 1, 15, 16, 30, 31].map((n) => attendanceSheetPages(people(n)))).toEqual([1, 1, 1, 2, 2, 3]);
    expect(attendanceSheetPages(people(15, (i) => (i % 5 === 0 ? 'Alexander Montgomery-Smith' : `员工${i + 1}`)))).toBe(2);
  });
});

// —— on paper ——

const SIZES = { a5: [210, 148], a4: [210, 297], 'a4-landscape': [297, 210] } as const;

/** People's November by hand (sixteen: the sheet takes two pages). */
function sixteen(n = 16, name = (i: number) => `员工${i + 1}`): { sheet: AttendanceMonth; html: string; pages: number } {
  const calendar = workCalendar();
  const days = Array.from({ length: 30 }, (_, i) => {
    const date = `2026-11-${String(i + 1).padStart(2, '0')}`;
    return { date, working: calendar.isWorkingDay(date), name: officialDayName(date) };
  });
  const sheet: AttendanceMonth = {
    month: '2026-11',
    people: Array.from({ length: n }, (_, p) => ({
      userId: p + 1,
      userName: name(p),
      region: '华东区',
      days: days.map((d, i) => ({ date: d.date, working: d.working, dayName: d.name, clockIn: null, clockOut: null, state: d.working ? (['present', 'late', 'leave', 'sign_card', 'absent'] as const)[(i + p) % 5]! : 'rest', lateSeq: null, fineFen: 0, leaveNo: null, absentDays: 0, note: '' })),
      workingDays: 21,
      presentDays: 17,
      lateCount: 4,
      fineFen: 6_000,
      leaveDays: 4,
      absentDays: 4,
      signCards: 4,
      yearAbsentDays: 4,
      seriousAbsence: true,
      monthlyLeaveFlag: true,
      findings: [],
    })),
  };
  return { sheet, html: attendanceSheetHtml({ sheet, days, seriousDays: 3, companyName: COMPANY, printedAt: '2026-12-01 12:00', printedBy: '王经理' }), pages: attendanceSheetPages(sheet.people) };
}

describe.skipIf(!havePdfTools)('on paper', () => {
  type Printed = ChannelOutput<'print.complaintForm'>;
  const cases: { name: string; paper: keyof typeof SIZES; print: () => Promise<Printed>; words: string[] }[] = [
    { name: 'complaint-a5', paper: 'a5', print: () => t.team.manager.call('print.complaintForm', { complaintId: complaint.id, paper: 'a5' }), words: ['客户投诉单', '人民币壹仟贰佰元整', '总经理'] },
    { name: 'complaint-a4', paper: 'a4', print: () => t.team.manager.call('print.complaintForm', { complaintId: complaint.id, paper: 'a4' }), words: ['客户投诉单', '人民币壹仟贰佰元整', '总经理'] },
    { name: 'complaint-busy-a5', paper: 'a5', print: () => t.team.manager.call('print.complaintForm', { complaintId: busy.id, paper: 'a5' }), words: ['从略', '第12次跟进', '客户确认'] },
    { name: 'complaint-busy-a4', paper: 'a4', print: () => t.team.manager.call('print.complaintForm', { complaintId: busy.id, paper: 'a4' }), words: ['第1次跟进', '第12次跟进', '客户确认'] },
    { name: 'leave-a5', paper: 'a5', print: () => t.team.repA.call('print.leaveForm', { leaveId: leave.id }), words: ['请假申请表', '病假', '人事/行政'] },
    { name: 'leave-emergency-a5', paper: 'a5', print: () => t.team.repB.call('print.leaveForm', { leaveId: emergency.id }), words: ['紧急补单', '人事/行政'] },
    { name: 'attendance', paper: 'a4-landscape', print: () => t.team.manager.call('print.attendanceSheet', { month: '2026-11' }), words: ['考勤表', '经理审核', '张伟'] },
    { name: 'attendance-16', paper: 'a4-landscape', print: async () => ({ title: '', ...sixteen() }), words: ['员工16', '经理审核'] },
    { name: 'attendance-long-names', paper: 'a4-landscape', print: async () => ({ title: '', ...sixteen(15, (i) => (i % 5 === 0 ? `Alexander Montgomery-Smith ${i}` : `员工${i + 1}`)) }), words: ['员工15', '经理审核'] },
  ];
  it.each(cases)('$name: the pages it says, of the right size, rendered to test-results/print-hr-$name-*.png', async ({ name, paper, print, words }) => {
    const printed = await print();
    const pdf = join(dir, `${name}.pdf`);
    await htmlToPdf(printed.html, pdf);
    pdfToPngs(pdf, `print-hr-${name}`, 80);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(printed.pages);
    if (name.endsWith('a5')) expect(info.pages).toBe(1); // a slip is one A5 sheet
    const [width, height] = SIZES[paper];
    expectPaper(info, width, height);
    const text = pdfText(pdf);
    expect(text).toContain(COMPANY); // real glyphs, extractable, not boxes
    const flat = text.replace(/\s+/g, '');
    for (const word of words) expect(flat, word).toContain(word.replace(/\s+/g, ''));
  }, 60_000);
});
