// Leave (DOMAIN §8 L-FORM, L-NOTICE, L-MONTHLY) through the channels the Leave page uses —
// leave.preview / create / list / get / calendar — as the people of a small sales department, on a
// clock the tests move. L-NOTICE at each tier's boundary, the working days by the holiday calendar
// (weekends, 国庆, 调休 make-up days, half days), emergencies phoned in before 10:00, L-MONTHLY with the
// leave already taken computed by the core; bad input refused (Chinese first, naming the field,
// nothing written); approval by the direct superior; who sees what; the team calendar.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import type { Leave } from '../../shared/leave';
import { RULES } from '../../electron/core/policy/catalog';
import { defaultParams } from '../../electron/core/policy/rule';
import { hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';
import { findingIds } from '../support/policy';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const TODAY = '2026-11-23'; // a Monday
/** Noon in Shanghai: the local date is the same in UTC and +08:00. */
const at = (day: string) => new Date(`${day}T04:00:00.000Z`);
const setDay = (day: string) => {
  clock = at(day);
};

async function setup(today = TODAY) {
  setDay(today);
  t = await teamCore(template, { now: () => clock });
  return t.team;
}

type Input = ChannelInput<'leave.create'>;
const form = (input: Partial<Input> & Pick<Input, 'start' | 'end'>): Input => ({ leaveType: 'personal', reason: '家中有事', proxyId: t.ids.repB, ...input });
const file = (caller: Caller, input: Partial<Input> & Pick<Input, 'start' | 'end'>) => caller.call('leave.create', form(input));
const check = (caller: Caller, input: Partial<Input> & Pick<Input, 'start' | 'end'>) => caller.call('leave.preview', form(input));
const detail = (caller: Caller, leave: { id: number }) => caller.call('leave.get', { id: leave.id });

async function decide(caller: Caller, leave: Leave, decision: 'approve' | 'reject') {
  const request = await caller.call('requests.get', { id: leave.requestId });
  return caller.call('requests.decide', { id: request.id, version: request.version, decision, comment: decision === 'reject' ? '工作太忙' : '' });
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

const notice = (d: { findings: { ruleId: string; severity: string }[] }) => d.findings.filter((f) => f.ruleId === 'L-NOTICE').map((f) => f.severity);

describe('the rules’ defaults are the domain book’s numbers', () => {
  it('≤3 days 2 ahead, ≤7 days 5 ahead, else 15; a call before 10:00; more than 3 days a month flagged', () => {
    expect(defaultParams(RULES['L-NOTICE'])).toEqual({
      tiers: [
        { maxDays: 3, noticeDays: 2 },
        { maxDays: 7, noticeDays: 5 },
        { maxDays: null, noticeDays: 15 },
      ],
      emergencyCallBefore: '10:00',
    });
    expect(defaultParams(RULES['L-MONTHLY']).maxDaysPerMonth).toBe(3);
  });
});

describe('L-NOTICE at each tier’s boundary (leave.preview and leave.create)', () => {
  // The leave starts on Monday 7 December; the clock moves to the day it is applied for.
  it.each([
    ['1 day, 2 days ahead', '2026-12-07', false, '2026-12-05', true],
    ['1 day, 1 day ahead', '2026-12-07', false, '2026-12-06', false],
    ['exactly 3 days, 2 days ahead', '2026-12-09', false, '2026-12-05', true],
    ['exactly 3 days, 1 day ahead', '2026-12-09', false, '2026-12-06', false],
    ['3.5 days, 4 days ahead', '2026-12-10', true, '2026-12-03', false],
    ['3.5 days, 5 days ahead', '2026-12-10', true, '2026-12-02', true],
    ['4 days, 4 days ahead', '2026-12-10', false, '2026-12-03', false],
    ['4 days, 5 days ahead', '2026-12-10', false, '2026-12-02', true],
    ['exactly 7 days, 4 days ahead', '2026-12-15', false, '2026-12-03', false],
    ['exactly 7 days, 5 days ahead', '2026-12-15', false, '2026-12-02', true],
    ['7.5 days, 14 days ahead', '2026-12-16', true, '2026-11-23', false],
    ['7.5 days, 15 days ahead', '2026-12-16', true, '2026-11-22', true],
    ['8 days, 14 days ahead', '2026-12-16', false, '2026-11-23', false],
    ['8 days, 15 days ahead', '2026-12-16', false, '2026-11-22', true],
  ] as const)('%s', async (_label, end, endHalfDay, appliedOn, ok) => {
    const { repA } = await setup(appliedOn);
    const input = { start: '2026-12-07', end, endHalfDay };
    const preview = await check(repA, input);
    if (ok) {
      expect(preview.decision).toBe('needs_approval');
      expect(notice(preview)).toEqual([]);
      const leave = await file(repA, input);
      expect(leave).toMatchObject({ status: 'pending', appliedOn, leaveNo: `QJ${appliedOn.replaceAll('-', '')}-001` });
      expect(leave.findingsText).not.toContain('L-NOTICE');
    } else {
      expect(preview.decision).toBe('deny');
      expect(notice(preview)).toEqual(['block']);
      const error = await refused(repA, 'leave.create', form(input), 'POLICY_DENIED', 'L-NOTICE');
      expect(error.message).toContain('提前');
    }
  });

  it('the working days of each tier boundary: 1, 3, 3.5, 4, 7, 7.5, 8', async () => {
    const { repA } = await setup('2026-11-01');
    const days = async (end: string, endHalfDay = false) => (await check(repA, { start: '2026-12-07', end, endHalfDay })).computed.workingDays;
    expect([await days('2026-12-07'), await days('2026-12-09'), await days('2026-12-10', true), await days('2026-12-10'), await days('2026-12-15'), await days('2026-12-16', true), await days('2026-12-16')]).toEqual([
      1, 3, 3.5, 4, 7, 7.5, 8,
    ]);
  });

  it('an emergency phoned in before 10:00 on the first day may be backfilled (a warning, still approved); at 10:00 it is refused', async () => {
    const { repA, supervisor } = await setup();
    const inTime = await file(repA, { start: TODAY, end: TODAY, leaveType: 'sick', emergencyCallAt: '2026-11-23T09:59:00+08:00' });
    expect(inTime.status).toBe('pending');
    expect(inTime.findingsText).toContain('L-NOTICE');
    expect(findingIds((await detail(repA, inTime)).decision)).toContain('L-NOTICE:warn');
    expect((await detail(supervisor, inTime)).steps.map((s) => [s.approverName, s.status])).toEqual([['孙主管', 'pending']]);
    // backfilled days later for a leave that has passed: allowed with the call
    const backfilled = await file(repA, { start: '2026-11-20', end: '2026-11-20', leaveType: 'sick', emergencyCallAt: '2026-11-20T08:30:00+08:00' });
    expect(backfilled.status).toBe('pending');
    // phoned at 10:00: too late
    const late = await refused(repA, 'leave.create', form({ start: '2026-11-24', end: '2026-11-24', emergencyCallAt: '2026-11-24T10:00:00+08:00' }), 'VALIDATION', 'emergencyCallAt');
    expect(late.message).toContain('电话告知上级时间'); // a call still to come is no call
    clock = new Date('2026-11-24T03:00:00.000Z'); // 11:00 in Shanghai
    const error = await refused(repA, 'leave.create', form({ start: '2026-11-24', end: '2026-11-24', emergencyCallAt: '2026-11-24T10:00:00+08:00' }), 'POLICY_DENIED', 'L-NOTICE');
    expect(error.message).toContain('10:00');
    expect(notice(await check(repA, { start: '2026-11-24', end: '2026-11-24', emergencyCallAt: '2026-11-24T09:59:00+08:00' }))).toEqual(['warn']);
  });
});

describe('working days by the calendar', () => {
  it('a weekend, 国庆 and its 调休 make-up Saturday, half days', async () => {
    const { repA } = await setup('2026-09-01');
    const days = async (start: string, end: string, extra: Partial<Input> = {}) => (await check(repA, { start, end, ...extra })).computed.workingDays;
    expect(await days('2026-11-27', '2026-11-30')).toBe(2); // Friday to Monday
    expect(await days('2026-10-01', '2026-10-07')).toBe(0); // National Day holiday
    expect(await days('2026-09-30', '2026-10-09')).toBe(3); // 30 Sep, 8 and 9 Oct
    expect(await days('2026-09-30', '2026-10-10')).toBe(4); // Saturday 10 Oct is a make-up working day
    expect(await days('2026-11-27', '2026-11-30', { startHalfDay: true })).toBe(1.5);
    expect(await days('2026-11-27', '2026-11-30', { startHalfDay: true, endHalfDay: true })).toBe(1);
    expect(await days('2026-11-27', '2026-11-27', { endHalfDay: true })).toBe(0.5);
    // a half day on a day off takes nothing off
    expect(await days('2026-11-28', '2026-11-30', { startHalfDay: true })).toBe(1);
    // stored as filed, the National Day leave keeps its 3 days
    const leave = await file(repA, { start: '2026-09-30', end: '2026-10-09' });
    expect(leave.workingDays).toBe(3);
  });
});

describe('L-MONTHLY: the leave already taken in the month is the core’s own sum', () => {
  it('3 days in a month are not flagged; half a day more is; pending and approved count, rejected and withdrawn do not', async () => {
    const { repA, supervisor } = await setup();
    const first = await file(repA, { start: '2026-12-07', end: '2026-12-08' }); // 2 days
    expect(first.monthlyFlag).toBe(false);
    const second = await file(repA, { start: '2026-12-09', end: '2026-12-09' }); // 3 in December
    expect(second.monthlyFlag).toBe(false);
    expect(second.findingsText).not.toContain('L-MONTHLY');
    const preview = await check(repA, { start: '2026-12-14', end: '2026-12-14', endHalfDay: true }); // 3.5
    expect(findingIds(preview)).toContain('L-MONTHLY:warn');
    expect(preview.findings.find((f) => f.ruleId === 'L-MONTHLY')?.data).toMatchObject({ month: '2026-12', monthLeaveDays: 3.5 });
    // the second one rejected: 2 + 0.5, not flagged
    await decide(supervisor, second, 'reject');
    expect((await detail(repA, second)).leave.status).toBe('rejected');
    const third = await file(repA, { start: '2026-12-14', end: '2026-12-14', endHalfDay: true });
    expect(third.monthlyFlag).toBe(false);
    // approved ones count too: 2 + 0.5 + 1 = 3.5
    await decide(supervisor, first, 'approve');
    const fourth = await file(repA, { start: '2026-12-15', end: '2026-12-15' });
    expect(fourth.monthlyFlag).toBe(true);
    expect(fourth.findingsText).toContain('L-MONTHLY');
  });

  it('a leave across a month end counts in each month apart', async () => {
    const { repA } = await setup();
    // Monday 30 Nov to Thursday 3 Dec: 4 working days, 1 in November and 3 in December: not flagged
    const split = await file(repA, { start: '2026-11-30', end: '2026-12-03' });
    expect(split.workingDays).toBe(4);
    expect(split.monthlyFlag).toBe(false);
    // the same 4 days in one month are flagged
    expect(findingIds(await check(t.team.repB, { start: '2026-12-14', end: '2026-12-17', proxyId: t.ids.repA }))).toContain('L-MONTHLY:warn');
    // December already holds 3 of the split leave's days: one more is flagged, November's day does not count
    const more = await check(repA, { start: '2026-12-14', end: '2026-12-14' });
    expect(more.findings.find((f) => f.ruleId === 'L-MONTHLY')?.data).toMatchObject({ month: '2026-12', monthLeaveDays: 4 });
    const november = await check(repA, { start: '2026-11-26', end: '2026-11-27', emergencyCallAt: null });
    expect(findingIds(november)).not.toContain('L-MONTHLY:warn'); // 1 + 2 = 3 in November
  });
});

describe('bad input is refused, naming the field, and nothing is written', () => {
  it('the proxy is the applicant; the end before the start; both halves of one day; an unknown proxy', async () => {
    const { repA } = await setup();
    for (const channel of ['leave.create', 'leave.preview']) {
      const self = await refused(repA, channel, form({ start: '2026-12-07', end: '2026-12-07', proxyId: t.ids.repA }), 'VALIDATION', 'proxyId');
      expect(self.message).toMatch(/^工作代理人：/);
      const backwards = await refused(repA, channel, form({ start: '2026-12-08', end: '2026-12-07' }), 'VALIDATION', 'end');
      expect(backwards.message).toMatch(/^结束日期：/);
      await refused(repA, channel, form({ start: '2026-12-07', end: '2026-12-07', startHalfDay: true, endHalfDay: true }), 'VALIDATION', 'endHalfDay');
      await refused(repA, channel, form({ start: '2026-12-07', end: '2026-12-07', proxyId: 9_999 }), 'VALIDATION', 'proxyId');
    }
  });

  it('an overlap with a pending or approved leave is refused, naming it; halves of one day do not overlap; a withdrawn leave frees its days', async () => {
    const { repA } = await setup();
    const morning = await file(repA, { start: '2026-12-07', end: '2026-12-08', endHalfDay: true }); // ends with the morning of the 8th
    const afternoon = await file(repA, { start: '2026-12-08', end: '2026-12-09', startHalfDay: true }); // starts with the afternoon of the 8th
    expect([morning.workingDays, afternoon.workingDays]).toEqual([1.5, 1.5]);
    for (const channel of ['leave.create', 'leave.preview']) {
      const error = await refused(repA, channel, form({ start: '2026-12-08', end: '2026-12-08', endHalfDay: true }), 'VALIDATION', 'start');
      expect(error.message).toContain(morning.leaveNo);
      expect(error.message).toContain('2026-12-07 至 2026-12-08');
    }
    const later = await refused(repA, 'leave.create', form({ start: '2026-12-09', end: '2026-12-10' }), 'VALIDATION', 'start');
    expect(later.message).toContain(afternoon.leaveNo);
    // another person may take the same days
    expect((await file(t.team.repB, { start: '2026-12-08', end: '2026-12-08', proxyId: t.ids.repA })).status).toBe('pending');
    // withdrawn: the days are free again
    const request = await repA.call('requests.get', { id: afternoon.requestId });
    await repA.call('requests.withdraw', { id: request.id, version: request.version });
    expect((await detail(repA, afternoon)).leave.status).toBe('withdrawn');
    expect((await file(repA, { start: '2026-12-09', end: '2026-12-10' })).status).toBe('pending');
  });

  it('a rep cannot file for someone else; an assistant can, the applicant’s superior approves', async () => {
    const { repB, assistant, supervisor } = await setup();
    await refused(repB, 'leave.create', form({ start: '2026-12-07', end: '2026-12-07', applicantId: t.ids.repA }), 'FORBIDDEN');
    const leave = await file(assistant, { start: '2026-12-07', end: '2026-12-07', applicantId: t.ids.repA });
    expect(leave).toMatchObject({ applicantId: t.ids.repA, applicantName: '张伟', enteredById: t.ids.assistant, proxyName: '李娜' });
    expect((await detail(supervisor, leave)).steps.map((s) => [s.role, s.approverName])).toEqual([['supervisor', '孙主管']]);
  });
});

describe('approval by the direct superior', () => {
  it('repA → 孙主管; approved, the leave says so with the trail; repB → 王经理; one audit row each', async () => {
    const { repA, repB, supervisor, manager } = await setup();
    const audits = t.count('audit_log');
    const leave = await file(repA, { start: '2026-12-07', end: '2026-12-08', reason: '回老家' });
    expect(t.count('audit_log') - audits).toBe(2); // the request and the leave
    expect(leave).toMatchObject({ leaveNo: 'QJ20261123-001', workingDays: 2, proxyName: '李娜', status: 'pending', appliedOn: TODAY, region: '' });
    expect((await supervisor.call('requests.inbox', {})).map((r) => r.id)).toEqual([leave.requestId]);
    await decide(supervisor, leave, 'approve');
    const approved = (await detail(repA, leave)).leave;
    expect(approved.status).toBe('approved');
    expect(approved.trail).toBe('销售主管 孙主管 同意 2026-11-23');
    const other = await file(repB, { start: '2026-12-07', end: '2026-12-07', proxyId: t.ids.repA });
    expect(other.leaveNo).toBe('QJ20261123-002');
    expect((await detail(manager, other)).steps.map((s) => s.approverName)).toEqual(['王经理']);
  });
});

describe('the head of the company', () => {
  it("the only gm's own leave has nobody above him: filed, it stands approved; with a second gm, that gm approves it", async () => {
    const { gm, manager } = await setup();
    const own = await file(gm, { start: '2026-12-07', end: '2026-12-08', reason: '外出考察', proxyId: t.ids.director });
    expect(own.status).toBe('approved');
    expect((await detail(gm, own)).steps).toEqual([]);
    expect(await manager.call('requests.inbox', {})).toEqual([]);

    const deputy = await t.userWith('gm', { username: 'deputy', displayName: '副总' });
    const second = await file(gm, { start: '2026-12-14', end: '2026-12-14', reason: '外出考察', proxyId: t.ids.director });
    expect(second.status).toBe('pending');
    expect((await detail(gm, second)).steps.map((s) => [s.role, s.status])).toEqual([['gm', 'pending']]);
    expect((await deputy.call('requests.inbox', {})).map((r) => r.id)).toEqual([second.requestId]);
    expect(await gm.call('requests.inbox', {})).toEqual([]);
  });
});

describe('who sees what; the grid', () => {
  it('a rep his own, the supervisor his team’s, the heads all; filters by month, status, applicant, type; quick search', async () => {
    const { repA, repB, supervisor, manager, finance } = await setup();
    const a1 = await file(repA, { start: '2026-11-30', end: '2026-12-01' });
    const a2 = await file(repA, { start: '2027-01-11', end: '2027-01-11', leaveType: 'annual' });
    const b1 = await file(repB, { start: '2026-12-07', end: '2026-12-07', proxyId: t.ids.repA });
    await decide(supervisor, a1, 'approve');
    const ids = async (caller: Caller, query: ChannelInput<'leave.list'> = {}) => (await caller.call('leave.list', query)).rows.map((r) => r.id).sort();
    expect(await ids(repA)).toEqual([a1.id, a2.id]);
    expect(await ids(repB)).toEqual([b1.id]);
    expect(await ids(supervisor)).toEqual([a1.id, a2.id]);
    expect(await ids(manager)).toEqual([a1.id, a2.id, b1.id]);
    expect(await ids(finance)).toEqual([a1.id, a2.id, b1.id]);
    await refused(repB, 'leave.get', { id: a1.id }, 'NOT_FOUND');
    const month = (m: string) => ({ filter: { month: { filterType: 'text' as const, type: 'equals' as const, filter: m } } });
    expect(await ids(manager, month('2026-11'))).toEqual([a1.id]); // 30 Nov to 1 Dec touches November
    expect(await ids(manager, month('2026-12'))).toEqual([a1.id, b1.id]);
    expect(await ids(manager, month('2027-01'))).toEqual([a2.id]);
    expect(await ids(manager, { filter: { status: { filterType: 'set', values: ['approved'] } } })).toEqual([a1.id]);
    expect(await ids(manager, { filter: { applicantId: { filterType: 'number', type: 'equals', filter: t.ids.repB } } })).toEqual([b1.id]);
    expect(await ids(manager, { filter: { leaveType: { filterType: 'set', values: ['annual'] } } })).toEqual([a2.id]);
    expect(await ids(manager, { quickSearch: a2.leaveNo })).toEqual([a2.id]);
    expect(await ids(manager, { quickSearch: '李娜' })).toEqual([a1.id, a2.id, b1.id]); // the proxy's name too
    const page = await manager.call('leave.list', { startRow: 0, endRow: 2, sort: [{ colId: 'start', sort: 'asc' }] });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.id)).toEqual([a1.id, b1.id]);
  });
});

describe('the team calendar', () => {
  it('working days with holiday names; the people the caller sees; half days; approved days and the monthly flag', async () => {
    const { repA, repB, supervisor, manager, gm } = await setup('2026-09-01');
    const cal = await repA.call('leave.calendar', { month: '2026-10' });
    expect(cal.days).toHaveLength(31);
    expect(cal.days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', working: false, name: '国庆节' });
    expect(cal.days.find((d) => d.date === '2026-10-10')).toMatchObject({ working: true, name: '国庆节' }); // 调休 make-up Saturday
    expect(cal.days.find((d) => d.date === '2026-10-12')).toEqual({ date: '2026-10-12', working: true, name: null });

    const morning = await file(repA, { start: '2026-10-09', end: '2026-10-12', endHalfDay: true }); // Fri, Sat (make-up), Mon morning
    const afternoon = await file(repA, { start: '2026-10-12', end: '2026-10-13', startHalfDay: true }); // Mon afternoon, Tue
    await file(repB, { start: '2026-10-14', end: '2026-10-14', proxyId: t.ids.repA });
    const names = async (caller: Caller) => (await caller.call('leave.calendar', { month: '2026-10' })).people.map((p) => p.name);
    expect(await names(repA)).toEqual(['孙主管', '张伟']); // his superior and himself (no colleague under 孙主管)
    expect(await names(repB)).toEqual(['王经理', '孙主管', '李娜', '周内勤']); // the manager's reports and the manager
    expect(await names(supervisor)).toEqual(['孙主管', '张伟']);
    expect(await names(gm)).toEqual(['赵总', '钱总监', '王经理', '孙主管', '张伟', '李娜', '周内勤', '吴会计']);

    const zhang = () => manager.call('leave.calendar', { month: '2026-10' }).then((c) => c.people.find((p) => p.name === '张伟')!);
    let row = await zhang();
    expect(row.entries.map((e) => [e.date, e.half, e.status, e.leaveNo])).toEqual([
      ['2026-10-09', null, 'pending', morning.leaveNo],
      ['2026-10-10', null, 'pending', morning.leaveNo],
      ['2026-10-12', 'am', 'pending', morning.leaveNo],
      ['2026-10-12', 'pm', 'pending', afternoon.leaveNo],
      ['2026-10-13', null, 'pending', afternoon.leaveNo],
    ]);
    expect(row).toMatchObject({ leaveDays: 0, monthlyFlag: false }); // pending days are shown, not counted
    await decide(supervisor, morning, 'approve');
    await decide(supervisor, afternoon, 'approve');
    row = await zhang();
    expect(row).toMatchObject({ leaveDays: 4, monthlyFlag: true });
    expect(row.entries.every((e) => e.status === 'approved')).toBe(true);
  });

  it('3 approved days are not flagged; a leave across the month end shows its days in each month', async () => {
    const { repA, supervisor, manager } = await setup();
    const leave = await file(repA, { start: '2026-11-30', end: '2026-12-03' });
    await decide(supervisor, leave, 'approve');
    const row = async (month: string) => (await manager.call('leave.calendar', { month })).people.find((p) => p.userId === t.ids.repA)!;
    expect(await row('2026-11')).toMatchObject({ leaveDays: 1, monthlyFlag: false });
    expect((await row('2026-11')).entries.map((e) => e.date)).toEqual(['2026-11-30']);
    expect(await row('2026-12')).toMatchObject({ leaveDays: 3, monthlyFlag: false });
    expect((await row('2026-12')).entries.map((e) => e.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });
});
