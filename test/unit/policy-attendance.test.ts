// §8 attendance rules (A-LATE, A-CLOCK) at their boundaries, through the kinds `lateness` and
// `sign_card` and directly.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import { lateness, signCard } from '../../electron/core/policy/rules/attendance';
import { findingIds, judge, paramsWith, problem, rejects, TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

type Fields = Record<string, unknown>;

describe('lateness: A-LATE (first late arrival a warning, each further one 20 yuan)', () => {
  const late = (fields: Fields, options: Partial<EvaluateOptions> = {}) => judge({ kind: 'lateness', ...fields }, options);

  it('0 → nothing; 1 → a warning; 2 and 3 → fined 20 yuan for each after the first', () => {
    expect(late({ lateCountThisMonth: 0 })).toMatchObject({ decision: 'allow', findings: [], computed: { lateCount: 0, fineFen: 0 } });
    const one = late({ lateCountThisMonth: 1 });
    expect(one.decision).toBe('allow');
    expect(findingIds(one)).toEqual(['A-LATE:warn']);
    expect(one.computed).toEqual({ lateCount: 1, fineFen: 0 });
    expect(one.findings[0]?.message).toBe('本月迟到 1 次：警告（每月前 1 次警告，之后每次罚款 ¥20.00）');
    const two = late({ lateCountThisMonth: 2 });
    expect(findingIds(two)).toEqual(['A-LATE:warn']);
    expect(two.computed).toEqual({ lateCount: 2, fineFen: 2_000 });
    expect(two.findings[0]?.message).toBe('本月迟到 2 次：前 1 次警告，其余 1 次每次罚款 ¥20.00，共罚款 ¥20.00');
    expect(late({ lateCountThisMonth: 3 }).computed.fineFen).toBe(4_000);
    expect(late({ lateCountThisMonth: 31 }).computed.fineFen).toBe(60_000);
  });
  it('one arrival: 08:25 is on time, 08:26 late (judged to the minute on its own wall clock); a late one adds to the count', () => {
    const at = (time: string, lateCountThisMonth = 0) => late({ lateCountThisMonth, arrivedAt: `2026-11-23T${time}+08:00` });
    expect(at('08:24:00').computed).toEqual({ late: false, lateCount: 0, fineFen: 0 });
    expect(at('08:25:00').computed).toEqual({ late: false, lateCount: 0, fineFen: 0 });
    expect(at('08:25:59').computed.late).toBe(false);
    expect(findingIds(at('08:25:00'))).toEqual(['A-LATE:info']);
    expect(at('08:25:00').findings[0]?.message).toBe('2026-11-23 08:25 到岗，未迟到');
    const firstLate = at('08:26:00');
    expect(firstLate.computed).toEqual({ late: true, lateCount: 1, fineFen: 0 });
    expect(findingIds(firstLate)).toEqual(['A-LATE:info', 'A-LATE:warn']);
    expect(firstLate.findings[0]?.message).toBe('2026-11-23 08:26 到岗，晚于 08:25，计迟到一次');
    expect(at('08:26:00', 1).computed).toEqual({ late: true, lateCount: 2, fineFen: 2_000 });
    expect(at('08:25:00', 1).computed).toEqual({ late: false, lateCount: 1, fineFen: 0 });
    // the wall clock of the timestamp's own offset: 00:26 UTC is 08:26 in Beijing but reads 00:26
    expect(late({ lateCountThisMonth: 0, arrivedAt: '2026-11-23T00:26:00Z' }).computed.late).toBe(false);
  });
  it('parameters change the outcome (read for the day of the arrival)', () => {
    const seen: string[] = [];
    const fine50 = paramsWith({ 'A-LATE': { fineFen: 5_000 } }, seen);
    expect(late({ lateCountThisMonth: 2, arrivedAt: '2026-11-20T08:00:00+08:00' }, { paramsFor: fine50 }).computed.fineFen).toBe(5_000);
    expect(seen).toEqual(['A-LATE@2026-11-20']);
    const twoFree = paramsWith({ 'A-LATE': { warningsFree: 2 } });
    expect(late({ lateCountThisMonth: 2 }, { paramsFor: twoFree }).computed.fineFen).toBe(0);
    expect(late({ lateCountThisMonth: 3 }, { paramsFor: twoFree }).computed.fineFen).toBe(2_000);
    const noWarnings = paramsWith({ 'A-LATE': { warningsFree: 0 } });
    expect(late({ lateCountThisMonth: 1 }, { paramsFor: noWarnings }).findings[0]?.message).toBe('本月迟到 1 次：每次罚款 ¥20.00，共罚款 ¥20.00');
    const by0830 = paramsWith({ 'A-LATE': { arriveBy: '08:30' } });
    expect(late({ lateCountThisMonth: 0, arrivedAt: '2026-11-23T08:28:00+08:00' }, { paramsFor: by0830 }).computed.late).toBe(false);
  });
  it('parameter schemas reject nonsense; defaults are the book’s', () => {
    expect(defaultParams(lateness)).toEqual({ arriveBy: '08:25', warningsFree: 1, fineFen: 2_000 });
    for (const bad of [{ fineFen: -1 }, { fineFen: 20.5 }, { fineFen: 200_000 }, { warningsFree: 32 }, { warningsFree: -1 }, { arriveBy: '8:25' }, { arriveBy: '08:60' }]) {
      expect(lateness.params.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('validation names the field', () => {
    expect(rejects({ kind: 'lateness', lateCountThisMonth: 1.5 }).issues[0]).toMatchObject({ field: 'lateCountThisMonth' });
    expect(rejects({ kind: 'lateness', lateCountThisMonth: 1.5 }).issues[0]?.message).toMatch(/^本月迟到次数：/);
    expect(rejects({ kind: 'lateness', lateCountThisMonth: -1 }).issues[0]).toMatchObject({ field: 'lateCountThisMonth', message: '本月迟到次数：不能小于 0' });
    expect(rejects({ kind: 'lateness', lateCountThisMonth: '2' }).issues[0]).toMatchObject({ field: 'lateCountThisMonth', message: '本月迟到次数：类型不正确（应为数字）' });
    expect(rejects({ kind: 'lateness' }).issues[0]).toMatchObject({ field: 'lateCountThisMonth', message: '本月迟到次数：不能为空' });
    const time = rejects({ kind: 'lateness', lateCountThisMonth: 0, arrivedAt: '2026-11-23T08:26:00' }).issues[0]!;
    expect(time.field).toBe('arrivedAt');
    expect(problem(time)).toMatch(/^：须为带时区的 ISO 时间/);
    expect(kindDef('lateness')?.submittable).toBe(false);
  });
});

describe('sign_card: A-CLOCK (by the end of the next working day, approved by the manager)', () => {
  const sign = (missedOn: string, appliedOn: string, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'sign_card', missedOn, appliedOn }, options);

  it('the same day and the next working day → the manager approves; a day later → absenteeism', () => {
    for (const appliedOn of ['2026-11-23', '2026-11-24']) {
      const d = sign('2026-11-23', appliedOn);
      expect(d.decision).toBe('needs_approval');
      expect(d.approvals).toEqual(['manager']);
      expect(d.approvalSteps).toEqual([{ role: 'manager', superior: false }]);
      expect(findingIds(d)).toEqual(['A-CLOCK:approval']);
      expect(d.computed).toEqual({ deadline: '2026-11-24', absenteeism: false });
    }
    const late = sign('2026-11-23', '2026-11-25');
    expect(late.decision).toBe('deny');
    expect(late.approvals).toEqual([]);
    expect(findingIds(late)).toEqual(['A-CLOCK:block']);
    expect(late.computed).toEqual({ deadline: '2026-11-24', absenteeism: true });
    expect(late.findings[0]?.message).toBe('签卡须在漏打卡后第 1 个工作日（2026-11-24）结束前申请，本次 2026-11-25 申请已逾期，2026-11-23 按旷工计');
  });
  it('a Friday’s missed clock-in: by the following Monday', () => {
    expect(sign('2026-11-20', '2026-11-21').decision).toBe('needs_approval');
    expect(sign('2026-11-20', '2026-11-23').decision).toBe('needs_approval');
    expect(sign('2026-11-20', '2026-11-23').computed.deadline).toBe('2026-11-23');
    expect(sign('2026-11-20', '2026-11-24').decision).toBe('deny');
  });
  it('before 国庆: by the first working day after the holiday; the make-up Saturday counts', () => {
    expect(sign('2026-09-30', '2026-10-08').decision).toBe('needs_approval');
    expect(sign('2026-09-30', '2026-10-08').computed.deadline).toBe('2026-10-08');
    expect(sign('2026-09-30', '2026-10-09').decision).toBe('deny');
    // Fri Oct 9 → Sat Oct 10 (调休 working day)
    expect(sign('2026-10-09', '2026-10-10').decision).toBe('needs_approval');
    expect(sign('2026-10-09', '2026-10-12').decision).toBe('deny');
  });
  it('the manager approves whoever the direct superior is', () => {
    expect(sign('2026-11-23', '2026-11-24', { superiorRole: 'supervisor' }).approvals).toEqual(['manager']);
  });
  it('a missed clock-in on a day off is flagged', () => {
    const d = sign('2026-11-22', '2026-11-23');
    expect(findingIds(d)).toEqual(['A-CLOCK:warn', 'A-CLOCK:approval']);
    expect(d.findings[0]?.message).toBe('2026-11-22 不是工作日，通常无需签卡');
  });
  it('company days off and parameters move the deadline', () => {
    const calendar = workCalendar(new Map([['2026-11-24', false]]));
    expect(sign('2026-11-23', '2026-11-25', { calendar }).decision).toBe('needs_approval');
    const seen: string[] = [];
    const two = paramsWith({ 'A-CLOCK': { deadlineWorkingDays: 2 } }, seen);
    expect(sign('2026-11-23', '2026-11-25', { paramsFor: two }).decision).toBe('needs_approval');
    expect(sign('2026-11-23', '2026-11-26', { paramsFor: two }).decision).toBe('deny');
    expect(seen).toContain('A-CLOCK@2026-11-25');
    expect(defaultParams(signCard)).toEqual({ deadlineWorkingDays: 1 });
    for (const bad of [-1, 11, 1.5, '1']) expect(signCard.params.safeParse({ deadlineWorkingDays: bad }).success).toBe(false);
  });
  it('the rule directly', () => {
    const out = signCard.evaluate({ missedOn: '2026-11-20', appliedOn: '2026-11-23' }, ctx, defaultParams(signCard));
    expect(out.findings.map((x) => x.approvals)).toEqual([[{ kind: 'role', role: 'manager' }]]);
  });
  it('validation names the field', () => {
    const before = rejects({ kind: 'sign_card', missedOn: '2026-11-23', appliedOn: '2026-11-22' }).issues[0]!;
    expect(before.field).toBe('appliedOn');
    expect(problem(before)).toBe('：不能早于漏打卡日期（2026-11-23）');
    const impossible = rejects({ kind: 'sign_card', missedOn: '2026-02-30', appliedOn: '2026-03-02' }).issues[0]!;
    expect(impossible.field).toBe('missedOn');
    expect(problem(impossible)).toBe('：不是有效日期');
    expect(rejects({ kind: 'sign_card', appliedOn: '2026-11-23' }).issues[0]?.field).toBe('missedOn');
    expect(rejects({ kind: 'sign_card', missedOn: 20261123, appliedOn: '2026-11-23' }).issues[0]?.field).toBe('missedOn');
    // filed on the Attendance page (attendance.signCard checks the day's clock record), not as a bare request
    expect(kindDef('sign_card')).toMatchObject({ submittable: false, filedOn: { zh: '考勤页面', en: 'the Attendance page' } });
  });
});
