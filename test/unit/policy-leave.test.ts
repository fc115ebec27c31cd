// §8 leave rules (L-FORM, L-NOTICE, L-MONTHLY, L-ABSENT) at their boundaries, through the kinds
// `leave` and `absenteeism` and directly.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import { absenteeism, leaveDaysByMonth, leaveMonthly, leaveNotice } from '../../electron/core/policy/rules/leave';
import { findingIds, judge, paramsWith, problem, rejects, TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

type Fields = Record<string, unknown>;
const leave = (fields: Fields, options: Partial<EvaluateOptions> = {}) => judge({ kind: 'leave', proxy: '李娜', ...fields }, options);

describe('leave: working days', () => {
  // applied well ahead so that only the length matters
  const days = (start: string, end: string, extra: Fields = {}) => leave({ appliedOn: '2026-10-12', start, end, ...extra }).computed.workingDays;

  it('counts working days start..end, half days at either end', () => {
    expect(days('2026-12-07', '2026-12-09')).toBe(3); // Mon–Wed
    expect(days('2026-12-07', '2026-12-10', { endHalfDay: true })).toBe(3.5);
    expect(days('2026-12-07', '2026-12-10')).toBe(4);
    expect(days('2026-12-07', '2026-12-15')).toBe(7); // two weeks' Mon–Tue, weekend skipped
    expect(days('2026-12-07', '2026-12-16', { endHalfDay: true })).toBe(7.5);
    expect(days('2026-12-07', '2026-12-16')).toBe(8);
    expect(days('2026-12-07', '2026-12-09', { startHalfDay: true, endHalfDay: true })).toBe(2);
  });
  it('a one-day leave of half a day; both halves of one day are rejected, naming the field', () => {
    expect(days('2026-12-07', '2026-12-07', { startHalfDay: true })).toBe(0.5);
    expect(days('2026-12-07', '2026-12-07', { endHalfDay: true })).toBe(0.5);
    const err = rejects({ kind: 'leave', appliedOn: '2026-10-12', start: '2026-12-07', end: '2026-12-07', startHalfDay: true, endHalfDay: true });
    expect(err.issues[0]?.field).toBe('endHalfDay');
    expect(err.issues[0]?.message).toMatch(/^末日仅休上午：/);
  });
  it('skips the weekend; a half day on a day off takes nothing off', () => {
    expect(days('2026-11-27', '2026-11-30')).toBe(2); // Fri–Mon
    expect(days('2026-11-28', '2026-11-30', { startHalfDay: true })).toBe(1); // Sat (half) – Mon
    expect(days('2026-11-27', '2026-11-29', { endHalfDay: true })).toBe(1); // Fri – Sun (half)
  });
  it('follows 国庆 2026: Oct 1–7 off, the make-up Saturday Oct 10 counts', () => {
    expect(days('2026-09-30', '2026-10-09')).toBe(3); // Sep 30, Oct 8, Oct 9
    expect(days('2026-09-30', '2026-10-10')).toBe(4); // + Sat Oct 10 (调休)
    expect(days('2026-10-08', '2026-10-11')).toBe(3); // Thu, Fri, make-up Sat; Sun off
    const holiday = leave({ appliedOn: '2026-09-01', start: '2026-10-01', end: '2026-10-07' });
    expect(holiday.computed.workingDays).toBe(0);
    expect(holiday.findings.find((x) => x.ruleId === 'L-FORM')?.message).toBe('所选期间没有工作日（均为周末或节假日），无需请假');
  });
  it('by month: a leave across a month end is split', () => {
    const cal = workCalendar();
    expect(leaveDaysByMonth({ start: '2026-11-30', end: '2026-12-03', endHalfDay: true }, cal)).toEqual([
      { month: '2026-11', days: 1 },
      { month: '2026-12', days: 2.5 },
    ]);
    expect(leaveDaysByMonth({ start: '2026-09-30', end: '2026-10-10' }, cal)).toEqual([
      { month: '2026-09', days: 1 },
      { month: '2026-10', days: 3 },
    ]);
  });
  it('a company day off counts as no leave day', () => {
    const calendar = workCalendar(new Map([['2026-12-08', false]]));
    expect(leave({ appliedOn: '2026-10-12', start: '2026-12-07', end: '2026-12-09' }, { calendar }).computed.workingDays).toBe(2);
  });
});

describe('leave: L-NOTICE through the kind', () => {
  const notice = (start: string, end: string, appliedOn: string, extra: Fields = {}) => leave({ appliedOn, start, end, ...extra });
  const noticeFinding = (d: ReturnType<typeof leave>) => d.findings.find((x) => x.ruleId === 'L-NOTICE');

  it('≤ 3 working days: 2 calendar days ahead (1 denied, 2 and 3 allowed)', () => {
    // Mon Dec 7 – Wed Dec 9, 3 working days
    const one = notice('2026-12-07', '2026-12-09', '2026-12-06');
    expect(one.decision).toBe('deny');
    expect(one.approvals).toEqual([]);
    expect(findingIds(one)).toEqual(['L-NOTICE:block']);
    expect(one.computed).toEqual({ workingDays: 3, requiredNoticeDays: 2, noticeDays: 1 });
    expect(noticeFinding(one)?.message).toBe('请假 3 个工作日须至少提前 2 天申请，本次只提前了 1 天。如属急病等紧急情况，请填写首日 10:00 前电话告知上级的时间');

    const two = notice('2026-12-07', '2026-12-09', '2026-12-05');
    expect(two.decision).toBe('needs_approval');
    expect(two.approvals).toEqual(['manager']);
    expect(two.approvalSteps).toEqual([{ role: 'manager', superior: true }]);
    expect(two.findings).toEqual([]);
    expect(two.computed).toEqual({ workingDays: 3, requiredNoticeDays: 2, noticeDays: 2 });
    expect(notice('2026-12-07', '2026-12-09', '2026-12-04').decision).toBe('needs_approval');
  });
  it('3.5 working days is already the second tier: 5 days ahead (4 denied, 5 and 6 allowed)', () => {
    const at = (appliedOn: string) => notice('2026-12-07', '2026-12-10', appliedOn, { endHalfDay: true });
    expect(at('2026-12-03').decision).toBe('deny');
    expect(at('2026-12-03').computed).toEqual({ workingDays: 3.5, requiredNoticeDays: 5, noticeDays: 4 });
    expect(at('2026-12-02').decision).toBe('needs_approval');
    expect(at('2026-12-01').decision).toBe('needs_approval');
    // 3 days with only 2 days' notice is fine, 3.5 is not
    expect(notice('2026-12-07', '2026-12-09', '2026-12-05').decision).toBe('needs_approval');
    expect(at('2026-12-05').decision).toBe('deny');
    // 4 days: the same tier
    expect(notice('2026-12-07', '2026-12-10', '2026-12-03').decision).toBe('deny');
    expect(notice('2026-12-07', '2026-12-10', '2026-12-02').decision).toBe('needs_approval');
  });
  it('7 working days: still 5 days; 7.5 and 8: 15 days (14 denied, 15 and 16 allowed)', () => {
    expect(notice('2026-12-07', '2026-12-15', '2026-12-02').computed.requiredNoticeDays).toBe(5);
    expect(notice('2026-12-07', '2026-12-15', '2026-12-02').decision).toBe('needs_approval');
    expect(notice('2026-12-07', '2026-12-15', '2026-12-03').decision).toBe('deny');
    const half = (appliedOn: string) => notice('2026-12-07', '2026-12-16', appliedOn, { endHalfDay: true });
    expect(half('2026-11-23').computed).toEqual({ workingDays: 7.5, requiredNoticeDays: 15, noticeDays: 14 });
    expect(half('2026-11-23').decision).toBe('deny');
    expect(half('2026-11-22').decision).toBe('needs_approval');
    expect(half('2026-11-21').decision).toBe('needs_approval');
    expect(notice('2026-12-07', '2026-12-16', '2026-11-23').decision).toBe('deny');
    expect(notice('2026-12-07', '2026-12-16', '2026-11-22').decision).toBe('needs_approval');
  });
  it('notice is counted in calendar days, across 国庆 too', () => {
    // 4 working days (Sep 30, Oct 8–10) need 5 days; applied Sep 25 = 5 calendar days ahead
    expect(notice('2026-09-30', '2026-10-10', '2026-09-25').decision).toBe('needs_approval');
    expect(notice('2026-09-30', '2026-10-10', '2026-09-26').decision).toBe('deny');
  });
  it('says when the form came on the first day or after it', () => {
    expect(noticeFinding(notice('2026-11-23', '2026-11-23', '2026-11-23'))?.message).toMatch(/^请假 1 个工作日须至少提前 2 天申请，本次当天才申请/);
    expect(noticeFinding(notice('2026-11-23', '2026-11-23', '2026-11-25'))?.message).toMatch(/本次在假期开始 2 天后才申请/);
  });

  describe('emergency: a call to the superior before 10:00 on the first day', () => {
    // Mon Nov 23, one day, the form backfilled the next day
    const emergency = (call: string) => notice('2026-11-23', '2026-11-23', '2026-11-24', { emergencyCallAt: call });
    it('09:59 → a warning, still approved by the superior', () => {
      const d = emergency('2026-11-23T09:59:00+08:00');
      expect(d.decision).toBe('needs_approval');
      expect(d.approvals).toEqual(['manager']);
      expect(findingIds(d)).toEqual(['L-NOTICE:warn']);
      expect(d.findings[0]?.message).toBe('紧急请假：已于 2026-11-23 09:59 电话告知上级（首日 10:00 前），按规定事后补单，仍须直接上级批准');
      expect(d.computed).toEqual({ workingDays: 1, requiredNoticeDays: 2, noticeDays: -1 });
      expect(emergency('2026-11-23T09:59:59+08:00').decision).toBe('needs_approval');
    });
    it('10:00 and 10:01 → denied', () => {
      for (const call of ['2026-11-23T10:00:00+08:00', '2026-11-23T10:01:00+08:00']) {
        const d = emergency(call);
        expect(d.decision).toBe('deny');
        expect(findingIds(d)).toEqual(['L-NOTICE:block']);
      }
      expect(emergency('2026-11-23T10:01:00+08:00').findings[0]?.message).toBe(
        '请假 1 个工作日须至少提前 2 天申请，本次在假期开始 1 天后才申请；紧急请假须在首日（2026-11-23）10:00 前电话告知上级，本次电话在 2026-11-23 10:01',
      );
    });
    it('a call the day before counts at any hour; a call after the first day does not', () => {
      expect(emergency('2026-11-22T21:30:00+08:00').decision).toBe('needs_approval');
      expect(findingIds(emergency('2026-11-22T21:30:00+08:00'))).toEqual(['L-NOTICE:warn']);
      expect(emergency('2026-11-24T08:00:00+08:00').decision).toBe('deny');
    });
    it('judged on the wall clock of the call’s own offset', () => {
      // 02:30 UTC is 10:30 in Beijing, but written in UTC it reads 02:30
      expect(emergency('2026-11-23T02:30:00Z').decision).toBe('needs_approval');
      expect(emergency('2026-11-23T10:30:00+08:00').decision).toBe('deny');
    });
    it('with enough notice the call changes nothing', () => {
      expect(notice('2026-11-25', '2026-11-25', '2026-11-23', { emergencyCallAt: '2026-11-25T11:00:00+08:00' }).findings).toEqual([]);
    });
  });

  it('the rule directly: tiers by working days, notice in calendar days', () => {
    const params = defaultParams(leaveNotice);
    const judge = (workingDays: number, appliedOn: string, start: string) => leaveNotice.evaluate({ start, workingDays, appliedOn }, ctx, params);
    expect(judge(3, '2026-11-23', '2026-11-25')).toEqual({ findings: [], computed: { requiredNoticeDays: 2, noticeDays: 2 } });
    expect(judge(3.5, '2026-11-23', '2026-11-27').findings[0]?.severity).toBe('block');
    expect(judge(3.5, '2026-11-23', '2026-11-28').findings).toEqual([]);
    expect(judge(0.5, '2026-11-23', '2026-11-24').findings[0]?.message).toMatch(/^请假 0.5 个工作日须至少提前 2 天申请/);
  });
});

describe('leave: L-FORM', () => {
  it('the direct superior always approves; his role comes from the request or the options', () => {
    const base = { appliedOn: '2026-11-23', start: '2026-11-26', end: '2026-11-27' };
    expect(leave(base).approvals).toEqual(['manager']);
    expect(judge({ kind: 'leave', proxy: '李娜', superiorRole: 'supervisor', ...base }).approvals).toEqual(['supervisor']);
    expect(leave(base, { superiorRole: 'director' }).approvalSteps).toEqual([{ role: 'director', superior: true }]);
  });
  it('without a work proxy: a warning, still to the superior', () => {
    const d = judge({ kind: 'leave', appliedOn: '2026-11-23', start: '2026-11-26', end: '2026-11-27' });
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual(['manager']);
    expect(findingIds(d)).toEqual(['L-FORM:warn']);
    expect(d.findings[0]?.message).toBe('须指定工作代理人（请假期间代为处理工作的同事）');
  });
  it('the kind’s example is a valid, clean leave', () => {
    const def = kindDef('leave')!;
    const d = judge({ kind: 'leave', ...(def.example as Fields) });
    expect(d.decision).toBe('needs_approval');
    expect(d.findings).toEqual([]);
    // filed on the Leave page (leave.create computes the days and the month's leave), not as a bare request
    expect(def).toMatchObject({ submittable: false, filedOn: { zh: '请假页面', en: 'the Leave page' } });
    expect(def.rules).toEqual(['L-FORM', 'L-NOTICE', 'L-MONTHLY']);
  });
});

describe('leave: L-MONTHLY (more than 3 working days a month flagged)', () => {
  const month = (start: string, end: string, leaveDaysThisMonth: number | undefined, extra: Fields = {}) =>
    leave({ appliedOn: '2026-10-12', start, end, ...(leaveDaysThisMonth === undefined ? {} : { leaveDaysThisMonth }), ...extra });
  const monthly = (d: ReturnType<typeof leave>) => d.findings.filter((x) => x.ruleId === 'L-MONTHLY');

  it('exactly 3 is fine; 3.5 and 4 are flagged (a warning, not a refusal)', () => {
    expect(monthly(month('2026-12-07', '2026-12-07', 2))).toEqual([]);
    expect(monthly(month('2026-12-07', '2026-12-09', undefined))).toEqual([]);
    expect(monthly(month('2026-12-07', '2026-12-07', 2.5, { startHalfDay: true }))).toEqual([]);
    const over = month('2026-12-07', '2026-12-07', 2.5);
    expect(over.decision).toBe('needs_approval');
    expect(findingIds(over)).toEqual(['L-MONTHLY:warn']);
    expect(over.findings[0]?.message).toBe('2026 年 12 月请假共 3.5 个工作日（此前已请 2.5 天，本次 1 天），超过每月 3 天，将按规定处罚');
    expect(over.findings[0]?.data).toMatchObject({ month: '2026-12', monthLeaveDays: 3.5 });
    expect(monthly(month('2026-12-07', '2026-12-10', 0))[0]?.message).toBe('2026 年 12 月请假共 4 个工作日，超过每月 3 天，将按规定处罚');
    expect(monthly(month('2026-12-07', '2026-12-07', 3))).toHaveLength(1);
  });
  it('a leave across a month end counts in each month', () => {
    // Mon Nov 30 – Thu Dec 3: 1 day in November, 3 in December
    expect(monthly(month('2026-11-30', '2026-12-03', 2))).toEqual([]);
    const nov = monthly(month('2026-11-30', '2026-12-03', 2.5));
    expect(nov.map((x) => x.data.month)).toEqual(['2026-11']);
    const dec = monthly(month('2026-11-30', '2026-12-04', 0));
    expect(dec.map((x) => x.data.month)).toEqual(['2026-12']);
  });
  it('the rule directly', () => {
    const params = defaultParams(leaveMonthly);
    expect(leaveMonthly.evaluate({ byMonth: [{ month: '2026-12', days: 1 }], leaveDaysThisMonth: 2 }, ctx, params).findings).toEqual([]);
    expect(leaveMonthly.evaluate({ byMonth: [{ month: '2026-12', days: 1.5 }], leaveDaysThisMonth: 2 }, ctx, params).findings).toHaveLength(1);
  });
});

describe('leave: parameters', () => {
  it('stored parameters change the outcome, read for the day the leave was applied for', () => {
    const base = { appliedOn: '2026-11-20', start: '2026-11-21', end: '2026-11-23' }; // Sat–Mon, 1 working day, 1 day ahead
    expect(leave(base).decision).toBe('deny');
    const seen: string[] = [];
    const oneDay = paramsWith({ 'L-NOTICE': { tiers: [{ maxDays: 3, noticeDays: 1 }, { maxDays: null, noticeDays: 10 }] } }, seen);
    const d = leave(base, { paramsFor: oneDay });
    expect(d.decision).toBe('needs_approval');
    expect(d.computed.requiredNoticeDays).toBe(1);
    expect(seen).toContain('L-NOTICE@2026-11-20');
    // a later emergency deadline
    const late = { appliedOn: '2026-11-24', start: '2026-11-23', end: '2026-11-23', emergencyCallAt: '2026-11-23T10:30:00+08:00' };
    expect(leave(late).decision).toBe('deny');
    expect(leave(late, { paramsFor: paramsWith({ 'L-NOTICE': { emergencyCallBefore: '11:00' } }) }).decision).toBe('needs_approval');
    // a monthly limit of 5
    const five = { appliedOn: '2026-10-12', start: '2026-12-07', end: '2026-12-10' };
    expect(findingIds(leave(five))).toEqual(['L-MONTHLY:warn']);
    expect(leave(five, { paramsFor: paramsWith({ 'L-MONTHLY': { maxDaysPerMonth: 5 } }) }).findings).toEqual([]);
  });
  it('parameter schemas reject nonsense', () => {
    const notice = leaveNotice.params;
    expect(notice.safeParse({}).success).toBe(true);
    expect(notice.safeParse({ tiers: [{ maxDays: 3, noticeDays: -1 }, { maxDays: null, noticeDays: 15 }] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [{ maxDays: 7, noticeDays: 5 }, { maxDays: 3, noticeDays: 5 }, { maxDays: null, noticeDays: 15 }] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [{ maxDays: 3, noticeDays: 5 }, { maxDays: null, noticeDays: 2 }] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [{ maxDays: 3, noticeDays: 2 }, { maxDays: 7, noticeDays: 5 }] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [{ maxDays: null, noticeDays: 2 }, { maxDays: null, noticeDays: 5 }] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [{ maxDays: null, noticeDays: 400 }] }).success).toBe(false);
    expect(notice.safeParse({ tiers: [{ maxDays: null, noticeDays: 3 }] }).success).toBe(true);
    expect(notice.safeParse({ emergencyCallBefore: '24:00' }).success).toBe(false);
    expect(notice.safeParse({ emergencyCallBefore: '9:30' }).success).toBe(false);
    expect(notice.safeParse({ emergencyCallBefore: '09:30' }).success).toBe(true);
    expect(leaveMonthly.params.safeParse({ maxDaysPerMonth: -1 }).success).toBe(false);
    expect(leaveMonthly.params.safeParse({ maxDaysPerMonth: 32 }).success).toBe(false);
    expect(leaveMonthly.params.safeParse({ maxDaysPerMonth: 2.3 }).success).toBe(false);
    expect(leaveMonthly.params.safeParse({ maxDaysPerMonth: 2.5 }).success).toBe(true);
    expect(absenteeism.params.safeParse({ seriousDays: 0 }).success).toBe(false);
    expect(absenteeism.params.safeParse({ seriousDays: 400 }).success).toBe(false);
  });
  it('defaults are the domain book’s numbers', () => {
    expect(defaultParams(leaveNotice)).toEqual({
      tiers: [
        { maxDays: 3, noticeDays: 2 },
        { maxDays: 7, noticeDays: 5 },
        { maxDays: null, noticeDays: 15 },
      ],
      emergencyCallBefore: '10:00',
    });
    expect(defaultParams(leaveMonthly)).toEqual({ maxDaysPerMonth: 3 });
    expect(defaultParams(absenteeism)).toEqual({ seriousDays: 3 });
  });
});

describe('leave: validation names the field in Chinese', () => {
  const base = { kind: 'leave', appliedOn: '2026-11-23', start: '2026-12-07', end: '2026-12-09' };
  const first = (raw: Fields) => rejects(raw).issues[0]!;
  // Date and time fields: the field and the problem. (Their label comes from fields.ts, whose
  // f.date / f.timestamp tag one shared schema instance, so the last label registered wins.)

  it('end before start', () => {
    const issue = first({ ...base, end: '2026-12-06' });
    expect(issue.field).toBe('end');
    expect(problem(issue)).toBe('：不能早于开始日期（2026-12-07）');
    expect(leave({ ...base, end: '2026-12-07' }).computed.workingDays).toBe(1);
  });
  it('an impossible date, a missing field, a time without offset', () => {
    const date = first({ ...base, start: '2026-02-30' });
    expect(date.field).toBe('start');
    expect(problem(date)).toBe('：不是有效日期');
    const { appliedOn: _a, ...noApplied } = base;
    const missing = first(noApplied);
    expect(missing.field).toBe('appliedOn');
    expect(problem(missing)).toBe('：不能为空');
    const time = first({ ...base, emergencyCallAt: '2026-12-07T09:30:00' });
    expect(time.field).toBe('emergencyCallAt');
    expect(problem(time)).toMatch(/^：须为带时区的 ISO 时间/);
  });
  it('a wrong type, a negative number, an unknown leave type: with the field’s Chinese label', () => {
    expect(first({ ...base, startHalfDay: 'yes' })).toMatchObject({ field: 'startHalfDay', message: '首日仅休下午：类型不正确（应为是/否）' });
    expect(first({ ...base, leaveDaysThisMonth: -1 })).toMatchObject({ field: 'leaveDaysThisMonth', message: '本月已请假工作日数：不能小于 0' });
    expect(first({ ...base, leaveDaysThisMonth: 'two' })).toMatchObject({ field: 'leaveDaysThisMonth', message: '本月已请假工作日数：类型不正确（应为数字）' });
    expect(first({ ...base, leaveType: 'vacation' }).field).toBe('leaveType');
    expect(first({ ...base, leaveType: 'vacation' }).message).toMatch(/^请假类型：不是允许的取值/);
    expect(first({ ...base, proxy: '  ' })).toMatchObject({ field: 'proxy', message: '工作代理人：不能为空' });
    expect(leave({ ...base, leaveType: 'sick' }).decision).toBe('needs_approval');
  });
  it('one form covers at most a year', () => {
    expect(leave({ ...base, end: '2027-12-06' }).decision).toBe('deny'); // far too little notice, but valid
    const issue = first({ ...base, end: '2027-12-08' });
    expect(issue.field).toBe('end');
    expect(problem(issue)).toBe('：一张请假单不能超过一年');
  });
});

describe('absenteeism: L-ABSENT (3 days a year is a serious violation)', () => {
  const check = (daysThisYear: unknown, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'absenteeism', daysThisYear }, options);

  it('0 → nothing; under 3 → a warning; 3 and more → a serious violation', () => {
    expect(check(0)).toMatchObject({ decision: 'allow', findings: [], computed: { seriousViolation: false } });
    for (const n of [0.5, 2, 2.5]) {
      const d = check(n);
      expect(d.decision).toBe('allow');
      expect(findingIds(d)).toEqual(['L-ABSENT:warn']);
      expect(d.computed).toEqual({ seriousViolation: false });
    }
    expect(check(2).findings[0]?.message).toBe('本年度旷工 2 天：警告；累计达到 3 天即属严重违纪');
    for (const n of [3, 3.5, 10]) {
      const d = check(n);
      expect(d.decision).toBe('deny');
      expect(findingIds(d)).toEqual(['L-ABSENT:block']);
      expect(d.computed).toEqual({ seriousViolation: true });
    }
    expect(check(3).findings[0]?.message).toBe('本年度旷工 3 天，达到 3 天，属严重违纪');
  });
  it('a parameter change moves the line', () => {
    expect(check(3, { paramsFor: paramsWith({ 'L-ABSENT': { seriousDays: 5 } }) }).decision).toBe('allow');
    expect(check(5, { paramsFor: paramsWith({ 'L-ABSENT': { seriousDays: 5 } }) }).decision).toBe('deny');
  });
  it('validation and the rule directly', () => {
    expect(rejects({ kind: 'absenteeism', daysThisYear: -1 }).issues[0]).toMatchObject({ field: 'daysThisYear', message: '本年度旷工天数：不能小于 0' });
    expect(rejects({ kind: 'absenteeism' }).issues[0]).toMatchObject({ field: 'daysThisYear', message: '本年度旷工天数：不能为空' });
    expect(rejects({ kind: 'absenteeism', daysThisYear: 367 }).issues[0]).toMatchObject({ field: 'daysThisYear', message: '本年度旷工天数：不能大于 366' });
    expect(rejects({ kind: 'absenteeism', daysThisYear: '3' }).issues[0]?.field).toBe('daysThisYear');
    expect(absenteeism.evaluate({ daysThisYear: 2.5 }, ctx, defaultParams(absenteeism)).findings[0]?.severity).toBe('warn');
    expect(kindDef('absenteeism')?.submittable).toBe(false);
  });
});
