// W-LOG 工作日志 / 周总结与计划 and C-VISIT 拜访频次 (DOMAIN §9, §2) through the activity.* channels,
// as the people of a small sales department on an injected clock: the deadlines at their exact
// boundaries (the daily log by 24:00 of its day, the weekly report by Monday 10:00 of the next week,
// moved to the first working day after a holiday Monday), corrections keeping the first submission's
// lateness, missing logs judged as of now, leave days owing no log; customers overdue for a visit by
// grade; a rep's weekly minimum; bad input writing nothing; who reads whose logs; the visits grid.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import type { Leave } from '../../shared/leave';
import { activityFigures } from '../../electron/core/activity/figures';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** An instant on the office's wall clock (the process's zone), "HH:MM:SS". */
function at(date: string, time = '12:00:00', plusMs = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  return new Date(new Date(y, m - 1, d, h, mi, s).getTime() + plusMs);
}
const DAY = 86_400_000;

async function setup(now = at('2026-11-23', '12:00:00')) {
  clock = now;
  t = await teamCore(template, { now: () => clock });
  // The team has been with the company long before the months judged here.
  run("UPDATE users SET created_at = '2025-01-01T00:00:00.000Z'");
  return t.team;
}
const run = (sql: string, ...params: unknown[]) => t.core.database.sqlite.prepare(sql).run(...params);

type LogInput = ChannelInput<'activity.saveLog'>;
type VisitIn = NonNullable<LogInput['visits']>[number];
const visit = (customerId: number, kind: VisitIn['kind'] = 'revisit', outcome = '了解采购计划'): VisitIn => ({ customerId, kind, outcome, nextStep: '' });

/** Saves `caller`'s log of `date` at the instant `when`. */
async function saveLog(caller: Caller, date: string, when: Date, visits: VisitIn[] = [], version = 0) {
  clock = when;
  return caller.call('activity.saveLog', { logDate: date, summary: '拜访客户，跟进报价', visits, version });
}
async function saveWeekly(caller: Caller, weekOf: string, when: Date, version = 0) {
  clock = when;
  return caller.call('activity.saveWeekly', { weekOf, summary: '本周拜访 20 家客户', plan: '下周跟进报价', version });
}

/** An active customer of `owner` with a grade. */
async function customer(owner: Caller, no: string, grade: 'strategic' | 'core' | 'ordinary' = 'ordinary') {
  const created = await createCustomer(owner, no);
  run("UPDATE customers SET status = 'active', grade = ? WHERE id = ?", grade, created.customer.id);
  return created.customer.id;
}

async function refused(caller: Caller, channel: string, input: unknown, code: AppErrorPayload['code'], field?: string) {
  const before = t.snapshot();
  const error = await caller.fail(channel, input);
  expect(error.code, error.message).toBe(code);
  expect(hasChinese(error.message), error.message).toBe(true);
  expect(error.messageEn).toMatch(/[a-z]/);
  if (field !== undefined) expect(error.issues.map((i) => i.field), error.message).toContain(field);
  expect(t.snapshot()).toBe(before);
  return error;
}

describe('W-LOG: the daily log is due by 24:00 of its day', () => {
  it('23:59 and 00:00 the next day exactly are on time; 00:00:01 is 1 day late (5 points); 24 hours and 1 second 2 days (10 points)', async () => {
    const { repA } = await setup();
    const onTime = await saveLog(repA, '2026-11-16', at('2026-11-16', '23:59:00'));
    expect(onTime.log).toMatchObject({ daysLate: 0, pointsDeducted: 0, version: 1 });
    expect(onTime.findings).toEqual([]);
    expect(onTime.dueAt.startsWith('2026-11-17T00:00:00')).toBe(true);

    // The deadline is 24:00, i.e. the instant 00:00:00 starting the next day: submitted then, 0 ms late.
    const atMidnight = await saveLog(repA, '2026-11-17', at('2026-11-18', '00:00:00'));
    expect(atMidnight.log).toMatchObject({ daysLate: 0, pointsDeducted: 0 });
    expect(atMidnight.findings).toEqual([]);

    const oneSecond = await saveLog(repA, '2026-11-18', at('2026-11-19', '00:00:01'));
    expect(oneSecond.log).toMatchObject({ daysLate: 1, pointsDeducted: 5 });
    expect(oneSecond.findings.map((f) => f.ruleId)).toEqual(['W-LOG']);
    expect(oneSecond.findings[0]!.message).toContain('迟交 1 天，扣 5 分');

    const dayAndSecond = await saveLog(repA, '2026-11-19', at('2026-11-20', '00:00:00', DAY + 1000));
    expect(dayAndSecond.log).toMatchObject({ daysLate: 2, pointsDeducted: 10 });
    expect(dayAndSecond.log!.submittedAt.startsWith('2026-11-21T00:00:01')).toBe(true);
  });

  it('a corrected log keeps its first submission and its lateness; the visits are replaced except the falsified ones', async () => {
    const { repA } = await setup();
    const c1 = await customer(repA, 'C001');
    const c2 = await customer(repA, 'C002');
    const first = await saveLog(repA, '2026-11-18', at('2026-11-19', '09:00:00'), [visit(c1), visit(c2, 'phone')]);
    expect(first.log).toMatchObject({ daysLate: 1, pointsDeducted: 5, version: 1 });
    // A manager found the phone call made up (W-FAKE marks it).
    run("UPDATE visits SET falsified_at = '2026-11-19T05:00:00.000Z', falsified_note = '客户否认' WHERE kind = 'phone'");
    const audits = t.count('audit_log');
    const corrected = await saveLog(repA, '2026-11-18', at('2026-11-25', '09:00:00'), [visit(c1, 'new', '签了试用协议')], 1);
    expect(corrected.log).toMatchObject({ daysLate: 1, pointsDeducted: 5, version: 2, submittedAt: first.log!.submittedAt });
    expect(corrected.log!.visits.map((v) => [v.customerId, v.kind, v.outcome, v.falsifiedAt !== null])).toEqual([
      [c2, 'phone', '了解采购计划', true],
      [c1, 'new', '签了试用协议', false],
    ]);
    expect(t.count('audit_log')).toBe(audits + 1);
    const audit = t.core.database.sqlite.prepare('SELECT entity, entity_id AS entityId, action FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audit).toEqual({ entity: 'work_logs', entityId: String(corrected.log!.id), action: 'activity.correctLog' });
  });

  it('a missing log is judged as of now once its deadline has passed; today’s is not late yet', async () => {
    const { repA, supervisor } = await setup(at('2026-11-20', '10:00:00'));
    // 2026-11-18's log was due 2026-11-19 00:00; at 2026-11-20 10:00 that is 34 hours: 2 days, 10 points.
    const missing = await supervisor.call('activity.day', { date: '2026-11-18', userId: repA.id });
    expect(missing.log).toBeNull();
    expect(missing.canEdit).toBe(false);
    expect(missing.findings.map((f) => [f.ruleId, f.data.daysLate, f.data.pointsDeducted])).toEqual([['W-LOG', 2, 10]]);
    expect(missing.findings[0]!.message).toMatch(/^工作日志（2026-11-18）应于 2026-11-18 24:00 前提交，截至 2026-11-20 10:00 仍未提交，已迟 2 天，扣 10 分/);
    const today = await repA.call('activity.day', { date: '2026-11-20' });
    expect(today.findings).toEqual([]);
    expect(today.canEdit).toBe(true);
    // A Saturday owes no log.
    expect((await repA.call('activity.day', { date: '2026-11-14' })).findings).toEqual([]);
  });
});

describe('W-LOG: the weekly report is due Monday 10:00 of the next week', () => {
  it('09:59 and 10:00 are on time, 10:01 one day late', async () => {
    const { repA, repB, supervisor } = await setup();
    const before = await repA.call('activity.weekly', { weekOf: '2026-11-12' });
    expect(before).toMatchObject({ weekStart: '2026-11-09', weekEnd: '2026-11-15', id: null, submittedAt: null, version: 0 });
    expect(before.dueAt.startsWith('2026-11-16T10:00:00')).toBe(true);
    expect((await saveWeekly(repA, '2026-11-12', at('2026-11-16', '09:59:00'))).daysLate).toBe(0);
    expect((await saveWeekly(repB, '2026-11-09', at('2026-11-16', '10:00:00'))).daysLate).toBe(0);
    const late = await saveWeekly(supervisor, '2026-11-15', at('2026-11-16', '10:01:00'));
    expect(late).toMatchObject({ daysLate: 1, pointsDeducted: 5, version: 1 });
    expect(late.findings.filter((f) => f.ruleId === 'W-LOG').map((f) => f.message)[0]).toContain('迟交 1 天');
  });

  it('when that Monday is a holiday (2026-10-05, 国庆) it is due at 10:00 on the first working day after (10-08)', async () => {
    const { repA, repB } = await setup(at('2026-10-05', '11:00:00'));
    const week = await repA.call('activity.weekly', { weekOf: '2026-09-30' });
    expect(week.weekStart).toBe('2026-09-28');
    expect(week.dueAt.startsWith('2026-10-08T10:00:00')).toBe(true);
    expect(week.findings.filter((f) => f.ruleId === 'W-LOG')).toEqual([]);
    expect((await saveWeekly(repA, '2026-09-30', at('2026-10-08', '10:00:00'))).daysLate).toBe(0);
    expect((await saveWeekly(repB, '2026-09-28', at('2026-10-08', '10:01:00'))).daysLate).toBe(1);
  });

  it('a corrected weekly report keeps its lateness; the week may not start after today', async () => {
    const { repA } = await setup();
    const first = await saveWeekly(repA, '2026-11-02', at('2026-11-10', '10:00:00'));
    expect(first).toMatchObject({ daysLate: 1, pointsDeducted: 5 });
    const again = await saveWeekly(repA, '2026-11-02', at('2026-11-20', '10:00:00'), 1);
    expect(again).toMatchObject({ daysLate: 1, pointsDeducted: 5, version: 2, submittedAt: first.submittedAt });
    clock = at('2026-11-23', '12:00:00');
    await refused(repA, 'activity.saveWeekly', { weekOf: '2026-11-30', summary: 'x', plan: 'y', version: 0 }, 'VALIDATION', 'weekOf');
    await refused(repA, 'activity.saveWeekly', { weekOf: '2026-11-04', summary: 'x', plan: 'y', version: 1 }, 'CONFLICT');
  });
});

describe('W-LOG: the month’s late and missing reports', () => {
  it('lists late logs with their stored judgement and missing ones judged as of now; approved full-day leave owes no log, half a day does', async () => {
    const { repA, supervisor } = await setup(at('2026-11-10', '09:00:00'));
    // Leave filed in time and approved by repA's superior: all of 11-18, the morning of 11-19.
    const approve = async (leave: Leave) => {
      const request = await supervisor.call('requests.get', { id: leave.requestId });
      await supervisor.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    };
    const form = { leaveType: 'personal', reason: '家中有事', proxyId: t.ids.repB } as const;
    await approve(await repA.call('leave.create', { ...form, start: '2026-11-18', end: '2026-11-18' }));
    await approve(await repA.call('leave.create', { ...form, start: '2026-11-19', end: '2026-11-19', endHalfDay: true }));

    // Logs: on time every day of 11-02 … 11-13 but 11-05 (filed two days late) and 11-06 (never).
    for (const day of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']) await saveLog(repA, day, at(day, '18:00:00'));
    await saveLog(repA, '2026-11-05', at('2026-11-07', '09:00:00'));
    await saveWeekly(repA, '2026-11-02', at('2026-11-09', '09:00:00'));

    clock = at('2026-11-20', '10:00:00');
    const reports = await supervisor.call('activity.lateReports', { month: '2026-11', userId: repA.id });
    const brief = reports.map((r) => [r.kind, r.reportDate, r.submittedAt === null ? 'missing' : 'late', r.daysLate, r.pointsDeducted]);
    expect(brief).toEqual([
      ['daily', '2026-11-05', 'late', 2, 10],
      // 11-06's log was due 11-07 00:00: 13 days 10 hours ago → 14 days.
      ['daily', '2026-11-06', 'missing', 14, 70],
      // The week of 11-09 was due 11-16 10:00: exactly 4 days ago → 4 days.
      ['weekly', '2026-11-09', 'missing', 4, 20],
      ['daily', '2026-11-16', 'missing', 4, 20],
      ['daily', '2026-11-17', 'missing', 3, 15],
      // 11-18: a whole day of leave, nothing owed. 11-19: half a day, a log is owed.
      ['daily', '2026-11-19', 'missing', 1, 5],
    ]);
    // The month's figures for K-SCORE: 15 working days up to today (11-20), 11-18 on leave; the half
    // day counts as a working day. Today's log is owed but not due yet.
    const figures = activityFigures(t.core.database.db, [repA.id], '2026-11', clock).get(repA.id)!;
    expect(figures).toMatchObject({ workingDays: 14, logsDue: 14, logsLate: 1, logsMissing: 4, visits: { new: 0, revisit: 0, phone: 0 } });
    expect(figures.late).toEqual(reports);
    expect((await repA.call('activity.day', { date: '2026-11-18' })).findings).toEqual([]);
    expect((await repA.call('activity.day', { date: '2026-11-19' })).findings.map((f) => f.ruleId)).toEqual(['W-LOG']);
    // A rep reads his own; the other rep's list is not his to read.
    expect(await repA.call('activity.lateReports', { month: '2026-11' })).toEqual(reports);
    await refused(t.team.repB, 'activity.lateReports', { month: '2026-11', userId: repA.id }, 'FORBIDDEN');
  });
});

describe('C-VISIT: customers overdue for a visit', () => {
  it('strategic needs 2 in-person visits in the last 7 days; ordinary one every 15 days; never visited first; phone calls and falsified visits do not count', async () => {
    const { repA, repB, manager, supervisor } = await setup();
    const today = '2026-11-23';
    const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
    const s1 = await customer(repA, 'S1', 'strategic'); // 1 visit → overdue
    const s2 = await customer(repA, 'S2', 'strategic'); // 2 visits → fine
    const s3 = await customer(repA, 'S3', 'core'); // 8 days ago + 2 days ago → 1 counts → overdue
    const s4 = await customer(repA, 'S4', 'strategic'); // 1 visit + 2 phone calls → overdue
    const o15 = await customer(repA, 'O15'); // 15 days ago: due today, not overdue
    const o16 = await customer(repA, 'O16'); // 16 days ago: overdue since yesterday
    const oNever = await customer(repA, 'ONEVER'); // never visited
    const oFake = await customer(repA, 'OFAKE'); // 3 days ago falsified, 20 days ago real
    const prospect = (await createCustomer(repA, 'P1')).customer.id; // not active: not listed
    const archived = await customer(repA, 'ARCH');
    const b1 = await customer(repB, 'B1');
    const plan: Record<number, [number, VisitIn['kind']][]> = {
      [s1]: [[1, 'revisit']],
      [s2]: [[1, 'revisit'], [6, 'new']],
      [s3]: [[8, 'revisit'], [2, 'revisit']],
      [s4]: [[3, 'revisit'], [0, 'phone'], [1, 'phone']],
      [o15]: [[15, 'revisit']],
      [o16]: [[16, 'revisit']],
      [oFake]: [[20, 'revisit'], [3, 'revisit']],
      [prospect]: [[30, 'new']],
    };
    const byDay = new Map<string, VisitIn[]>();
    for (const [id, list] of Object.entries(plan)) for (const [n, kind] of list) byDay.set(daysAgo(n), [...(byDay.get(daysAgo(n)) ?? []), visit(Number(id), kind)]);
    for (const [day, list] of byDay) await saveLog(repA, day, at(day, '18:00:00'), list);
    await saveLog(repB, daysAgo(1), at(daysAgo(1), '18:00:00'), [visit(b1)]);
    run("UPDATE visits SET falsified_at = '2026-11-22T01:00:00.000Z' WHERE customer_id = ? AND visit_date = ?", oFake, daysAgo(3));
    run("UPDATE customers SET archived_at = '2026-11-01T00:00:00.000Z' WHERE id = ?", archived);
    clock = at(today, '09:00:00');

    const list = await repA.call('activity.overdueCustomers', {});
    expect(list.map((c) => [c.customerNo, c.lastVisitOn, c.visitsLast7Days, c.minPerWeek, c.dueOn])).toEqual([
      ['ONEVER', null, null, null, today],
      ['OFAKE', daysAgo(20), null, null, daysAgo(5)],
      ['O16', daysAgo(16), null, null, daysAgo(1)],
      ['S4', daysAgo(3), 1, 2, null],
      ['S3', daysAgo(2), 1, 2, null],
      ['S1', daysAgo(1), 1, 2, null],
    ]);
    expect(list.every((c) => c.ownerName === '张伟' && hasChinese(c.message) && c.messageEn.length > 0)).toBe(true);
    expect(list.find((c) => c.customerNo === 'S1')!.message).toContain('只拜访了 1 次');
    // Scope: repB sees only his own (B1 visited yesterday: fine); the manager and the supervisor see repA's.
    expect(await repB.call('activity.overdueCustomers', {})).toEqual([]);
    expect((await manager.call('activity.overdueCustomers', {})).map((c) => c.customerNo)).toEqual(list.map((c) => c.customerNo));
    expect((await supervisor.call('activity.overdueCustomers', { ownerId: repA.id })).length).toBe(6);
    expect(await manager.call('activity.overdueCustomers', { ownerId: repB.id })).toEqual([]);

    // The next day O15 becomes overdue too; S2's visit of 6 days ago drops out of the window.
    clock = at('2026-11-24', '09:00:00');
    const tomorrow = (await repA.call('activity.overdueCustomers', {})).map((c) => c.customerNo);
    expect(tomorrow).toContain('O15');
    expect(tomorrow).toContain('S2');
  });

  it('a rep needs 20 in-person visits a week: 19 fall 1 short, 20 do not; phone calls and falsified visits are not counted', async () => {
    const { repA, repB, manager } = await setup();
    const a = [await customer(repA, 'A1'), await customer(repA, 'A2')];
    const b = [await customer(repB, 'B1'), await customer(repB, 'B2')];
    const days = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12'];
    // repA: 5 + 5 + 5 + 4 = 19 visits (3 + 3 + 3 + 2 = 11 new, 8 revisits) and 3 phone calls.
    const counts = [5, 5, 5, 4];
    for (const [i, day] of days.entries()) {
      const list = Array.from({ length: counts[i]! }, (_, k) => visit(a[k % 2]!, k % 2 === 0 ? 'new' : 'revisit'));
      if (i < 3) list.push(visit(a[0]!, 'phone'));
      await saveLog(repA, day, at(day, '18:00:00'), list);
    }
    // repB: 21 visits, one of them found falsified → 20.
    for (const [i, day] of days.entries()) {
      const n = i === 0 ? 6 : 5;
      await saveLog(repB, day, at(day, '18:00:00'), Array.from({ length: n }, (_, k) => visit(b[k % 2]!, 'revisit')));
    }
    run('UPDATE visits SET falsified_at = ? WHERE id = (SELECT MIN(id) FROM visits WHERE user_id = ?)', '2026-11-20T01:00:00.000Z', repB.id);

    clock = at('2026-11-23', '12:00:00');
    const weekA = await manager.call('activity.weekly', { weekOf: '2026-11-11', userId: repA.id });
    expect(weekA).toMatchObject({ visits: { new: 11, revisit: 8, phone: 3 }, daysLogged: 4, workingDays: 5 });
    const visitFinding = weekA.findings.filter((f) => f.ruleId === 'C-VISIT');
    expect(visitFinding.map((f) => f.data.shortBy)).toEqual([1]);
    expect(visitFinding[0]!.message).toContain('本周只有 19 次');
    const weekB = await manager.call('activity.weekly', { weekOf: '2026-11-11', userId: repB.id });
    expect(weekB.visits).toEqual({ new: 0, revisit: 20, phone: 0 });
    expect(weekB.findings.filter((f) => f.ruleId === 'C-VISIT')).toEqual([]);
    // The running week is not judged on the minimum yet.
    const running = await repA.call('activity.weekly', { weekOf: '2026-11-23' });
    expect(running.findings.filter((f) => f.ruleId === 'C-VISIT')).toEqual([]);
  });
});

describe('bad input writes nothing', () => {
  it('refuses a future day, another rep’s customer, an archived customer and a stale version', async () => {
    const { repA, repB } = await setup(at('2026-11-23', '12:00:00'));
    const own = await customer(repA, 'A1');
    const theirs = await customer(repB, 'B1');
    const archived = await customer(repA, 'A2');
    run("UPDATE customers SET archived_at = '2026-11-01T00:00:00.000Z' WHERE id = ?", archived);
    const input = (extra: Partial<LogInput>) => ({ logDate: '2026-11-23', summary: '', visits: [visit(own)], version: 0, ...extra });
    const future = await refused(repA, 'activity.saveLog', input({ logDate: '2026-11-24' }), 'VALIDATION', 'logDate');
    expect(future.message).toContain('2026-11-23');
    const other = await refused(repA, 'activity.saveLog', input({ visits: [visit(own), visit(theirs)] }), 'VALIDATION', 'visits.1.customerId');
    expect(other.issues[0]!.message).toContain('第 2 条');
    await refused(repA, 'activity.saveLog', input({ visits: [visit(archived)] }), 'VALIDATION', 'visits.0.customerId');
    await refused(repA, 'activity.saveLog', input({ version: 1 }), 'CONFLICT');
    await saveLog(repA, '2026-11-23', at('2026-11-23', '12:00:00'), [visit(own)]);
    await refused(repA, 'activity.saveLog', input({ version: 0 }), 'CONFLICT');
    await refused(repA, 'activity.saveLog', input({ version: 2 }), 'CONFLICT');
  });
});

describe('who reads whose logs', () => {
  it('a rep reads only his own; his supervisor reads his; the manager reads everyone’s; finance only its own', async () => {
    const { repA, repB, supervisor, manager, finance, gm } = await setup();
    const a = await customer(repA, 'A1');
    const b = await customer(repB, 'B1');
    await saveLog(repA, '2026-11-20', at('2026-11-20', '18:00:00'), [visit(a)]);
    await saveLog(repB, '2026-11-20', at('2026-11-20', '18:00:00'), [visit(b)]);
    clock = at('2026-11-23', '12:00:00');
    await refused(repA, 'activity.day', { date: '2026-11-20', userId: repB.id }, 'FORBIDDEN');
    await refused(repA, 'activity.weekly', { weekOf: '2026-11-20', userId: repB.id }, 'FORBIDDEN');
    expect((await supervisor.call('activity.day', { date: '2026-11-20', userId: repA.id })).log!.visits.map((v) => v.customerId)).toEqual([a]);
    await refused(supervisor, 'activity.day', { date: '2026-11-20', userId: repB.id }, 'FORBIDDEN');
    expect((await manager.call('activity.day', { date: '2026-11-20', userId: repB.id })).log!.userName).toBe('李娜');
    expect((await gm.call('activity.day', { date: '2026-11-20', userId: repA.id })).log!.userName).toBe('张伟');
    await refused(finance, 'activity.day', { date: '2026-11-20', userId: repA.id }, 'FORBIDDEN');
    expect((await finance.call('activity.day', { date: '2026-11-20' })).log).toBeNull();

    const grid = (caller: Caller) => caller.call('activity.visits', { startRow: 0, endRow: 100 }).then((p) => p.rows.map((r) => r.userName).sort());
    expect(await grid(repA)).toEqual(['张伟']);
    expect(await grid(supervisor)).toEqual(['张伟']);
    expect(await grid(manager)).toEqual(['张伟', '李娜'].sort());
    expect(await grid(finance)).toEqual([]);
  });
});

describe('the visits grid', () => {
  it('filters by person, customer, kind, month and falsified, newest first by default', async () => {
    const { repA, repB, manager } = await setup();
    const a1 = await customer(repA, 'A1', 'core');
    const a2 = await customer(repA, 'A2');
    const b1 = await customer(repB, 'B1');
    await saveLog(repA, '2026-10-30', at('2026-10-30', '18:00:00'), [visit(a1, 'new'), visit(a2, 'phone')]);
    await saveLog(repA, '2026-11-02', at('2026-11-02', '18:00:00'), [visit(a1, 'revisit'), visit(a2, 'revisit')]);
    await saveLog(repB, '2026-11-03', at('2026-11-03', '18:00:00'), [visit(b1, 'new')]);
    run("UPDATE visits SET falsified_at = '2026-11-05T01:00:00.000Z', falsified_note = '未见面' WHERE customer_id = ? AND kind = 'revisit'", a2);
    clock = at('2026-11-23', '12:00:00');
    type Query = ChannelInput<'activity.visits'>;
    const rows = async (filter: NonNullable<Query['filter']>, sort: Query['sort'] = []) =>
      (await manager.call('activity.visits', { startRow: 0, endRow: 100, filter, sort })).rows.map((r) => `${r.visitDate} ${r.customerNo} ${r.kind}`);

    expect(await rows({})).toEqual(['2026-11-03 B1 new', '2026-11-02 A1 revisit', '2026-11-02 A2 revisit', '2026-10-30 A1 new', '2026-10-30 A2 phone']);
    expect(await rows({ userId: { filterType: 'number', type: 'equals', filter: repB.id } })).toEqual(['2026-11-03 B1 new']);
    expect(await rows({ customerId: { filterType: 'number', type: 'equals', filter: a2 } })).toEqual(['2026-11-02 A2 revisit', '2026-10-30 A2 phone']);
    expect(await rows({ kind: { filterType: 'set', values: ['new', 'phone'] } })).toEqual(['2026-11-03 B1 new', '2026-10-30 A1 new', '2026-10-30 A2 phone']);
    expect(await rows({ month: { filterType: 'text', type: 'equals', filter: '2026-10' } })).toEqual(['2026-10-30 A1 new', '2026-10-30 A2 phone']);
    expect(await rows({ falsified: { filterType: 'set', values: ['1'] } })).toEqual(['2026-11-02 A2 revisit']);
    expect(await rows({}, [{ colId: 'visitDate', sort: 'asc' }])).toEqual(['2026-10-30 A1 new', '2026-10-30 A2 phone', '2026-11-02 A1 revisit', '2026-11-02 A2 revisit', '2026-11-03 B1 new']);
    const page = await manager.call('activity.visits', { startRow: 0, endRow: 2, filter: {} });
    expect(page.total).toBe(5);
    expect(page.rows.length).toBe(2);
    const falsified = (await manager.call('activity.visits', { startRow: 0, endRow: 10, filter: { falsified: { filterType: 'set', values: ['1'] } } })).rows[0]!;
    expect(falsified).toMatchObject({ customerGrade: 'ordinary', userName: '张伟', falsifiedNote: '未见面' });
    await refused(manager, 'activity.visits', { startRow: 0, endRow: 10, filter: { passwordHash: { filterType: 'text', type: 'equals', filter: 'x' } } }, 'VALIDATION');
  });
});
