// Attendance (DOMAIN §8 A-LATE, A-CLOCK, L-ABSENT) through the channels the Attendance page uses —
// attendance.record / import / records / month / signCard / signCardPreview / signCards — on a
// clock the tests move: the month's lateness warning and fines (08:25 on time, 08:26 late), clock
// times out of order refused, the time clock's CSV previewed and imported all or nothing,
// absenteeism on the monthly sheet (covered by an approved leave or sign card, 2 days a warning,
// 3 serious), sign cards by the end of the next working day (Friday → Monday, over 国庆).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AttendancePersonMonth } from '../../shared/attendance';
import type { ChannelInput } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import { RULES } from '../../electron/core/policy/catalog';
import { defaultParams } from '../../electron/core/policy/rule';
import { hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const TODAY = '2026-12-01'; // a Tuesday: November is over
const at = (day: string) => new Date(`${day}T04:00:00.000Z`);
const setDay = (day: string) => {
  clock = at(day);
};

async function setup(today = TODAY) {
  setDay(today);
  t = await teamCore(template, { now: () => clock });
  return t.team;
}

/** Expects a refusal with `code` naming `field`, Chinese first, and nothing written; returns it. */
async function refused(caller: Caller, channel: string, input: unknown, code: AppErrorPayload['code'], field?: string): Promise<AppErrorPayload> {
  const before = t.snapshot();
  const error = await caller.fail(channel, input);
  expect(error.code, error.message).toBe(code);
  expect(hasChinese(error.message), error.message).toBe(true);
  expect(error.messageEn.length).toBeGreaterThan(0);
  if (field !== undefined) expect(error.issues.map((i) => i.field), error.message).toContain(field);
  expect(t.snapshot()).toBe(before);
  return error;
}

const record = (caller: Caller, userId: number, date: string, clockIn: string | null, clockOut: string | null = '17:30') =>
  caller.call('attendance.record', { userId, date, clockIn, clockOut });

async function sheet(caller: Caller, month: string, userId: number): Promise<AttendancePersonMonth> {
  const result = await caller.call('attendance.month', { month, userId });
  expect(result.people).toHaveLength(1);
  return result.people[0]!;
}
const stateOn = (person: AttendancePersonMonth, date: string) => person.days.find((d) => d.date === date)!.state;

async function approve(caller: Caller, requestId: number) {
  const request = await caller.call('requests.get', { id: requestId });
  return caller.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
}

describe('the rules’ defaults are the domain book’s numbers', () => {
  it('08:25, one warning, 20 yuan; the next working day; 3 days of absenteeism', () => {
    expect(defaultParams(RULES['A-LATE'])).toEqual({ arriveBy: '08:25', warningsFree: 1, fineFen: 2_000 });
    expect(defaultParams(RULES['A-CLOCK'])).toEqual({ deadlineWorkingDays: 1 });
    expect(defaultParams(RULES['L-ABSENT'])).toEqual({ seriousDays: 3 });
  });
});

describe('A-LATE on the monthly sheet: the first late arrival a warning, each further one 20 yuan', () => {
  const LATE_DAYS = ['2026-11-02', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09'];
  it.each([
    [1, [0], 0],
    [2, [0, 2_000], 2_000],
    [5, [0, 2_000, 2_000, 2_000, 2_000], 8_000],
  ] as const)('%i late arrival(s)', async (n, fines, total) => {
    const { assistant, manager } = await setup();
    await record(assistant, t.ids.repA, '2026-11-03', '08:25'); // 08:25 is on time
    for (const day of LATE_DAYS.slice(0, n)) await record(assistant, t.ids.repA, day, '08:26');
    const person = await sheet(manager, '2026-11', t.ids.repA);
    expect(stateOn(person, '2026-11-03')).toBe('present');
    const late = person.days.filter((d) => d.state === 'late');
    expect(late.map((d) => d.date)).toEqual(LATE_DAYS.slice(0, n));
    expect(late.map((d) => d.lateSeq)).toEqual(fines.map((_, i) => i + 1));
    expect(late.map((d) => d.fineFen)).toEqual([...fines]);
    expect(person).toMatchObject({ lateCount: n, fineFen: total });
    const finding = person.findings.find((f) => f.ruleId === 'A-LATE')!;
    expect(finding.message).toContain(`本月迟到 ${n} 次`);
    if (total) expect(finding.message).toContain(`${total / 100}`);
    // a new month starts with a warning again
    await record(assistant, t.ids.repA, '2026-12-01', '08:40');
    const december = await sheet(manager, '2026-12', t.ids.repA);
    expect(december.days.find((d) => d.date === '2026-12-01')).toMatchObject({ state: 'late', lateSeq: 1, fineFen: 0 });
  });

  it('a changed fine applies from its day on (the parameters in force that day)', async () => {
    const { assistant, manager } = await setup();
    await t.admin.call('policy.setParams', { ruleId: 'A-LATE', params: { arriveBy: '08:25', warningsFree: 1, fineFen: 5_000 }, effectiveFrom: TODAY, note: '加重处罚' });
    await record(assistant, t.ids.repA, '2026-11-02', '08:26');
    await record(assistant, t.ids.repA, '2026-11-03', '08:26');
    expect((await sheet(manager, '2026-11', t.ids.repA)).fineFen).toBe(2_000); // November's days: 20 yuan
    await record(assistant, t.ids.repA, '2026-12-01', '08:26');
    setDay('2026-12-02');
    await record(assistant, t.ids.repA, '2026-12-02', '08:26');
    expect((await sheet(manager, '2026-12', t.ids.repA)).fineFen).toBe(5_000);
  });
});

describe('clock records', () => {
  it('kept by the keepers; clock-out before clock-in and a future day are refused, naming the field; upsert with an audit row', async () => {
    const { assistant, repA, supervisor, repB } = await setup();
    const error = await refused(assistant, 'attendance.record', { userId: t.ids.repA, date: '2026-11-30', clockIn: '09:00', clockOut: '08:59' }, 'VALIDATION', 'clockOut');
    expect(error.message).toMatch(/^下班打卡：/);
    await refused(assistant, 'attendance.record', { userId: t.ids.repA, date: '2026-12-02', clockIn: '08:00' }, 'VALIDATION', 'date');
    await refused(assistant, 'attendance.record', { userId: t.ids.repA, date: '2026-11-30', clockIn: '8:00' }, 'VALIDATION', 'clockIn');
    await refused(repA, 'attendance.record', { userId: t.ids.repA, date: '2026-11-30', clockIn: '08:00' }, 'FORBIDDEN');
    const audits = t.count('audit_log');
    const first = await record(assistant, t.ids.repA, '2026-11-30', '08:20', null);
    const fixed = await record(assistant, t.ids.repA, '2026-11-30', '08:20', '17:45');
    expect(fixed).toMatchObject({ id: first.id, clockIn: '08:20', clockOut: '17:45', source: 'manual', userName: '张伟' });
    expect(t.count('attendance_records')).toBe(1);
    expect(t.count('audit_log') - audits).toBe(2);
    await record(assistant, t.ids.repB, '2026-11-30', '08:10');
    // who sees which records
    const seen = async (caller: Caller) => (await caller.call('attendance.records', { month: '2026-11' })).map((r) => r.userName);
    expect(await seen(assistant)).toEqual(['张伟', '李娜']);
    expect(await seen(supervisor)).toEqual(['张伟']);
    expect(await seen(repB)).toEqual(['李娜']);
    await refused(repB, 'attendance.records', { month: '2026-11', userId: t.ids.repA }, 'NOT_FOUND', 'userId');
  });
});

describe('the time clock’s CSV', () => {
  const GOOD = ['考勤记录 2026年11月', '工号,姓名,日期,上班时间,下班时间', 'repa,张伟,2026/11/2,08:20:31,17:31', ',李娜,2026-11-02,08:30,', 'repa,张伟,2026-11-03,,17:30'].join('\r\n');

  it('previewed (nothing written), then imported in one transaction with one audit row; a second import replaces', async () => {
    const { assistant } = await setup();
    const before = t.snapshot();
    const preview = await assistant.call('attendance.import', { csv: `\uFEFF${GOOD}`, commit: false });
    expect(t.snapshot()).toBe(before);
    expect(preview).toMatchObject({ valid: 3, errors: 0, imported: 0 });
    expect(preview.rows.map((r) => [r.line, r.userId, r.userName, r.date, r.clockIn, r.clockOut, r.replaces, r.error])).toEqual([
      [3, t.ids.repA, '张伟', '2026-11-02', '08:20', '17:31', false, null],
      [4, t.ids.repB, '李娜', '2026-11-02', '08:30', null, false, null],
      [5, t.ids.repA, '张伟', '2026-11-03', null, '17:30', false, null],
    ]);
    const audits = t.count('audit_log');
    const done = await assistant.call('attendance.import', { csv: GOOD, commit: true });
    expect(done.imported).toBe(3);
    expect(t.count('attendance_records')).toBe(3);
    expect(t.count('audit_log') - audits).toBe(1);
    const again = await assistant.call('attendance.import', { csv: GOOD.replace('08:20:31', '08:19'), commit: false });
    expect(again.rows.map((r) => r.replaces)).toEqual([true, true, true]);
    await assistant.call('attendance.import', { csv: GOOD.replace('08:20:31', '08:19'), commit: true });
    expect(t.count('attendance_records')).toBe(3);
    expect((await assistant.call('attendance.records', { month: '2026-11', userId: t.ids.repA })).map((r) => [r.date, r.clockIn, r.source])).toEqual([
      ['2026-11-02', '08:19', 'import'],
      ['2026-11-03', null, 'import'],
    ]);
  });

  it('tab-separated English headers are read too', async () => {
    const { assistant } = await setup();
    const csv = ['Username\tDate\tClock In\tClock Out', 'repb\t2026-11-30\t8:05\t18:00'].join('\n');
    const preview = await assistant.call('attendance.import', { csv, commit: false });
    expect(preview.rows.map((r) => [r.userId, r.date, r.clockIn, r.clockOut, r.error])).toEqual([[t.ids.repB, '2026-11-30', '08:05', '18:00', null]]);
  });

  it('one bad row and nothing is written: the error names the lines; the preview shows each row’s problem', async () => {
    const { assistant } = await setup();
    await t.userWith('rep', { username: 'lina2', displayName: '李娜' });
    const bad = [
      GOOD,
      ',王五,2026-11-02,08:30,17:30', // 6: unknown
      'repb,李娜,2026-11-04,18:00,08:00', // 7: out of order
      'repa,张伟,2026/11/2,08:20,17:30', // 8: the same person and day as line 3
      'repa,张伟,2026-12-05,08:20,17:30', // 9: future
      'repa,张伟,2026-11-05,8点,17:30', // 10: not a time
      ',李娜,2026-11-06,08:20,17:30', // 11: two people called 李娜
      'repa,张伟,2026-02-30,08:20,17:30', // 12: no such day
    ].join('\r\n');
    const preview = await assistant.call('attendance.import', { csv: bad.replace(',李娜,2026-11-02', 'repb,李娜,2026-11-02'), commit: false });
    const errors = Object.fromEntries(preview.rows.filter((r) => r.error).map((r) => [r.line, r.error]));
    expect(Object.keys(errors).map(Number)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(errors[6]).toContain('王五');
    expect(errors[7]).toContain('早于');
    expect(errors[8]).toContain('第 3 行');
    expect(errors[9]).toContain('将来');
    expect(errors[10]).toContain('8点');
    expect(errors[11]).toContain('同名');
    expect(errors[12]).toContain('2026-02-30');
    expect(preview).toMatchObject({ valid: 3, errors: 7, imported: 0 });
    const error = await refused(assistant, 'attendance.import', { csv: bad, commit: true }, 'VALIDATION', 'csv');
    expect(error.message).toMatch(/^考勤文件：第 4 行/); // the ambiguous 李娜 of line 4 first
    expect(error.message).toContain('未导入');
    await refused(assistant, 'attendance.import', { csv: '随便什么,内容\n1,2', commit: false }, 'VALIDATION', 'csv');
    await refused(t.team.repA, 'attendance.import', { csv: GOOD, commit: true }, 'FORBIDDEN');
  });
});

describe('absenteeism (L-ABSENT) on the monthly sheet', () => {
  it('no records at all: nobody is absent (not tracked)', async () => {
    const { manager } = await setup();
    const person = await sheet(manager, '2026-11', t.ids.repA);
    expect(person.days.filter((d) => d.working).every((d) => d.state === 'untracked')).toBe(true);
    expect(person).toMatchObject({ absentDays: 0, yearAbsentDays: 0, seriousAbsence: false, findings: [] });
  });

  it('a missing day counts; an approved leave or an approved sign card covers it (a pending one does not); 3 days serious, 2 a warning', async () => {
    const { assistant, manager, supervisor, repA } = await setup();
    for (const day of ['2026-11-23', '2026-11-25', '2026-11-27']) await record(assistant, t.ids.repA, day, '08:20');
    let person = await sheet(manager, '2026-11', t.ids.repA);
    expect(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-28', '2026-11-30'].map((d) => stateOn(person, d))).toEqual([
      'untracked', // before the first clock record
      'rest',
      'rest',
      'present',
      'absent',
      'rest',
      'absent',
    ]);
    expect(person).toMatchObject({ absentDays: 3, yearAbsentDays: 3, seriousAbsence: true, presentDays: 3 });
    expect(person.findings.filter((f) => f.ruleId === 'L-ABSENT').map((f) => f.severity)).toEqual(['block']);

    // a leave for the 26th, backfilled after a call that morning: pending it still counts, approved it covers the day
    const leave = await repA.call('leave.create', { leaveType: 'sick', start: '2026-11-26', end: '2026-11-26', reason: '急病', proxyId: t.ids.repB, emergencyCallAt: '2026-11-26T08:00:00+08:00' });
    expect((await sheet(manager, '2026-11', t.ids.repA)).absentDays).toBe(3);
    await approve(supervisor, leave.requestId);
    person = await sheet(manager, '2026-11', t.ids.repA);
    expect(person.days.find((d) => d.date === '2026-11-26')).toMatchObject({ state: 'leave', leaveNo: leave.leaveNo, absentDays: 0 });
    expect(person).toMatchObject({ absentDays: 2, yearAbsentDays: 2, seriousAbsence: false, leaveDays: 1 });
    expect(person.findings.filter((f) => f.ruleId === 'L-ABSENT').map((f) => f.severity)).toEqual(['warn']);

    // a sign card for Monday the 30th, filed on Tuesday: approved by the manager, the day is covered
    const card = await repA.call('attendance.signCard', { missedOn: '2026-11-30', clockIn: '08:15', clockOut: null, reason: '外出拜访客户' });
    expect(card.status).toBe('pending');
    expect((await sheet(manager, '2026-11', t.ids.repA)).absentDays).toBe(2);
    await approve(manager, card.requestId);
    person = await sheet(manager, '2026-11', t.ids.repA);
    expect(person.days.find((d) => d.date === '2026-11-30')).toMatchObject({ state: 'sign_card', clockIn: '08:15', absentDays: 0 });
    expect(person).toMatchObject({ absentDays: 1, yearAbsentDays: 1, seriousAbsence: false, signCards: 1 });

    // a half-day leave without a clock-in: half a day absent
    const half = await repA.call('leave.create', { leaveType: 'personal', start: '2026-11-24', end: '2026-11-24', endHalfDay: true, reason: '看病', proxyId: t.ids.repB, emergencyCallAt: '2026-11-24T07:50:00+08:00' });
    await approve(supervisor, half.requestId);
    person = await sheet(manager, '2026-11', t.ids.repA);
    expect(person.days.find((d) => d.date === '2026-11-24')).toMatchObject({ state: 'half_absent', absentDays: 0.5 });
    expect(person).toMatchObject({ absentDays: 0.5, yearAbsentDays: 0.5 });
    // December: the year's absenteeism carries over; today is not absent yet, tomorrow is the future
    const december = await sheet(manager, '2026-12', t.ids.repA);
    expect(december.yearAbsentDays).toBe(0.5);
    expect([stateOn(december, '2026-12-01'), stateOn(december, '2026-12-02')]).toEqual(['future', 'future']);
  });
});

describe('whose days are kept, and who sees the sheet', () => {
  it('a person the time clock never saw is not tracked (not absent) while his colleagues are; approved leave shows ahead of time', async () => {
    const { assistant, manager, supervisor, repA } = await setup('2026-11-25');
    await record(assistant, t.ids.repA, '2026-11-23', '08:20');
    const sheetOf = await manager.call('attendance.month', { month: '2026-11' });
    const repB = sheetOf.people.find((p) => p.userId === t.ids.repB)!;
    expect(repB.days.filter((d) => d.working && d.date < '2026-11-25').every((d) => d.state === 'untracked')).toBe(true);
    expect(repB.absentDays).toBe(0);
    // repA was clocked on the 23rd and not on the 24th: absent that day
    expect(stateOn(sheetOf.people.find((p) => p.userId === t.ids.repA)!, '2026-11-24')).toBe('absent');
    // an approved leave next week is on the sheet before it starts; today and later without one stay open
    const leave = await repA.call('leave.create', { leaveType: 'annual', start: '2026-11-30', end: '2026-11-30', reason: '休年假', proxyId: t.ids.repB });
    await approve(supervisor, leave.requestId);
    const person = await sheet(manager, '2026-11', t.ids.repA);
    expect([stateOn(person, '2026-11-25'), stateOn(person, '2026-11-27'), stateOn(person, '2026-11-30')]).toEqual(['future', 'future', 'leave']);
  });

  it("lateness and fines are personal: a rep sees his own sheet only, a supervisor his team's", async () => {
    const { assistant, repA, repB, supervisor } = await setup();
    await record(assistant, t.ids.repA, '2026-11-23', '08:40');
    expect((await repB.call('attendance.month', { month: '2026-11' })).people.map((p) => p.userId)).toEqual([t.ids.repB]);
    await refused(repB, 'attendance.month', { month: '2026-11', userId: t.ids.repA }, 'NOT_FOUND', 'userId');
    expect((await repA.call('attendance.month', { month: '2026-11' })).people.map((p) => p.userId)).toEqual([t.ids.repA]);
    const team = (await supervisor.call('attendance.month', { month: '2026-11' })).people.map((p) => p.userId);
    expect(team).toContain(t.ids.repA);
    expect(team).not.toContain(t.ids.repB);
  });
});

describe('A-CLOCK: a sign card by the end of the next working day, approved by the manager', () => {
  it.each([
    ['the next day', '2026-11-24', '2026-11-25', true],
    ['a day later', '2026-11-24', '2026-11-26', false],
    ['Friday → Monday', '2026-11-27', '2026-11-30', true],
    ['Friday → Tuesday', '2026-11-27', '2026-12-01', false],
    ['over 国庆: 30 Sep → 8 Oct', '2026-09-30', '2026-10-08', true],
    ['over 国庆: 30 Sep → 9 Oct', '2026-09-30', '2026-10-09', false],
  ] as const)('%s', async (_label, missedOn, appliedOn, ok) => {
    const { repA, manager } = await setup(appliedOn);
    const input: ChannelInput<'attendance.signCard'> = { missedOn, clockIn: '08:20', clockOut: null, reason: '忘记打卡' };
    const preview = await repA.call('attendance.signCardPreview', input);
    if (ok) {
      expect(preview.decision).toBe('needs_approval');
      const card = await repA.call('attendance.signCard', input);
      expect(card).toMatchObject({ status: 'pending', appliedOn, missedOn, userName: '张伟' });
      const detail = await manager.call('attendance.signCardGet', { id: card.id });
      expect(detail.steps.map((s) => [s.role, s.approverName, s.status])).toEqual([['manager', '王经理', 'pending']]);
      await approve(manager, card.requestId);
      expect((await repA.call('attendance.signCards', {})).map((c) => c.status)).toEqual(['approved']);
      expect((await repA.call('attendance.records', { month: missedOn.slice(0, 7) })).map((r) => [r.date, r.clockIn, r.source])).toEqual([[missedOn, '08:20', 'sign_card']]);
    } else {
      expect(preview.decision).toBe('deny');
      const error = await refused(repA, 'attendance.signCard', input, 'POLICY_DENIED', 'A-CLOCK');
      expect(error.message).toContain('旷工');
    }
  });

  it('refused for a day that has its clock-in, a second card for the day, no time at all, a future day', async () => {
    const { repA, assistant, repB } = await setup();
    await record(assistant, t.ids.repA, '2026-11-30', '08:20', null);
    await refused(repA, 'attendance.signCard', { missedOn: '2026-11-30', clockIn: '08:10', reason: '忘记打卡' }, 'VALIDATION', 'clockIn');
    // the missed clock-out of that day may be signed for
    const card = await repA.call('attendance.signCard', { missedOn: '2026-11-30', clockOut: '17:40', reason: '忘记打卡' });
    expect(card.clockOut).toBe('17:40');
    await refused(repA, 'attendance.signCard', { missedOn: '2026-11-30', clockOut: '17:50', reason: '再签一次' }, 'VALIDATION', 'missedOn'); // one pending already
    const again = await refused(repA, 'attendance.signCardPreview', { missedOn: '2026-12-01', clockIn: '08:10', clockOut: '08:00', reason: '忘记打卡' }, 'VALIDATION', 'clockOut');
    expect(again.message).toMatch(/^下班打卡：/);
    await refused(repA, 'attendance.signCard', { missedOn: '2026-12-01', reason: '忘记打卡' }, 'VALIDATION', 'clockIn');
    await refused(repA, 'attendance.signCard', { missedOn: '2026-12-02', clockIn: '08:10', reason: '忘记打卡' }, 'VALIDATION', 'missedOn');
    const first = await repA.call('attendance.signCard', { missedOn: '2026-12-01', clockIn: '08:10', reason: '忘记打卡' });
    const dup = await refused(repA, 'attendance.signCard', { missedOn: '2026-12-01', clockIn: '08:12', reason: '忘记打卡' }, 'VALIDATION', 'missedOn');
    expect(dup.message).toContain(`#${first.id}`);
    // a sign card is not a bare request
    await refused(repA, 'requests.submit', { request: { kind: 'sign_card', missedOn: '2026-12-01', appliedOn: TODAY } }, 'VALIDATION', 'kind');
    // others do not see it
    await refused(repB, 'attendance.signCardGet', { id: first.id }, 'NOT_FOUND');
  });
});
