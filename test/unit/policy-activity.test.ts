// §9 activity and performance rules (W-LOG, W-FAKE, W-VISITQ, K-BONUS) at their boundaries,
// through the kinds `work_log`, `fake_log`, `visit_quota` and `bonus` and directly.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { kindDef, KINDS, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import { bonus, fakeLog, visitQuota, workLog } from '../../electron/core/policy/rules/activity';
import { findingIds, judge, paramsWith, problem, rejects, TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

type Fields = Record<string, unknown>;

describe('work_log: W-LOG (5 points a day late)', () => {
  const log = (reportDate: string, submittedAt: string, weekly?: boolean, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'work_log', reportDate, submittedAt, ...(weekly === undefined ? {} : { weekly }) }, options);

  it('a daily log is due by the end of its day; each started 24 hours later is a day', () => {
    const at = (submittedAt: string) => log('2026-11-23', submittedAt).computed;
    expect(at('2026-11-23T18:00:00+08:00')).toEqual({ dueAt: '2026-11-24T00:00:00+08:00', daysLate: 0, pointsDeducted: 0 });
    expect(at('2026-11-23T23:59:59+08:00').daysLate).toBe(0);
    expect(at('2026-11-24T00:00:00+08:00').daysLate).toBe(0);
    expect(at('2026-11-24T00:00:01+08:00')).toEqual({ dueAt: '2026-11-24T00:00:00+08:00', daysLate: 1, pointsDeducted: 5 });
    expect(at('2026-11-25T00:00:00+08:00')).toMatchObject({ daysLate: 1, pointsDeducted: 5 });
    expect(at('2026-11-25T00:00:01+08:00')).toMatchObject({ daysLate: 2, pointsDeducted: 10 });
    // weekends count: Friday's log on Monday morning is 3 days late
    expect(log('2026-11-20', '2026-11-23T09:00:00+08:00').computed).toMatchObject({ daysLate: 3, pointsDeducted: 15 });
    const late = log('2026-11-23', '2026-11-24T08:30:00+08:00');
    expect(late.decision).toBe('allow');
    expect(findingIds(late)).toEqual(['W-LOG:warn']);
    expect(late.findings[0]?.message).toBe('工作日志（2026-11-23）应于 2026-11-23 24:00 前提交，实际 2026-11-24 08:30 提交，迟交 1 天，扣 5 分');
    expect(log('2026-11-23', '2026-11-23T20:00:00+08:00').findings).toEqual([]);
  });
  it('a weekly summary is due on Monday 10:00 of the next week: 10:00 on time, 10:01 a day late', () => {
    const at = (time: string, reportDate = '2026-11-18') => log(reportDate, `2026-11-23T${time}+08:00`, true).computed;
    expect(at('09:59:00')).toEqual({ dueAt: '2026-11-23T10:00:00+08:00', daysLate: 0, pointsDeducted: 0 });
    expect(at('10:00:00').daysLate).toBe(0);
    expect(at('10:01:00')).toEqual({ dueAt: '2026-11-23T10:00:00+08:00', daysLate: 1, pointsDeducted: 5 });
    // any day of the week Mon 16 – Sun 22 names the same week
    expect(at('10:01:00', '2026-11-16').dueAt).toBe('2026-11-23T10:00:00+08:00');
    expect(at('10:01:00', '2026-11-22').dueAt).toBe('2026-11-23T10:00:00+08:00');
    expect(at('10:01:00', '2026-11-23').dueAt).toBe('2026-11-30T10:00:00+08:00');
    expect(log('2026-11-18', '2026-11-24T10:00:00+08:00', true).computed.daysLate).toBe(1);
    expect(log('2026-11-18', '2026-11-24T10:00:01+08:00', true).computed.daysLate).toBe(2);
    expect(log('2026-11-18', '2026-11-23T10:01:00+08:00', true).findings[0]?.message).toBe(
      '周总结与计划（2026-11-18 所在周）应于 2026-11-23（周一）10:00 前提交，实际 2026-11-23 10:01 提交，迟交 1 天，扣 5 分',
    );
  });
  it('when that Monday is a holiday (国庆), the first working day after it at 10:00', () => {
    // the week of Sep 28 – Oct 4; Mon Oct 5 is 国庆 → Thu Oct 8
    expect(log('2026-09-30', '2026-10-08T09:00:00+08:00', true).computed).toEqual({ dueAt: '2026-10-08T10:00:00+08:00', daysLate: 0, pointsDeducted: 0 });
    expect(log('2026-09-30', '2026-10-08T10:01:00+08:00', true).computed.daysLate).toBe(1);
    // a company day off on a Monday moves it too
    const calendar = workCalendar(new Map([['2026-11-23', false]]));
    expect(log('2026-11-18', '2026-11-23T12:00:00+08:00', true, { calendar }).computed).toMatchObject({ dueAt: '2026-11-24T10:00:00+08:00', daysLate: 0 });
  });
  it('deadlines follow the wall clock of the submission’s offset', () => {
    expect(log('2026-11-23', '2026-11-23T20:00:00Z').computed).toEqual({ dueAt: '2026-11-24T00:00:00Z', daysLate: 0, pointsDeducted: 0 });
    expect(log('2026-11-18', '2026-11-23T02:30:00Z', true).computed).toEqual({ dueAt: '2026-11-23T10:00:00Z', daysLate: 0, pointsDeducted: 0 });
  });
  it('parameters change the outcome (read for the day of the submission); schemas reject nonsense', () => {
    const seen: string[] = [];
    const tenPoints = paramsWith({ 'W-LOG': { pointsPerLateDay: 10 } }, seen);
    expect(log('2026-11-23', '2026-11-25T08:00:00+08:00', false, { paramsFor: tenPoints }).computed.pointsDeducted).toBe(20);
    expect(seen).toEqual(['W-LOG@2026-11-25']);
    const noon = paramsWith({ 'W-LOG': { weeklyDueTime: '12:00' } });
    expect(log('2026-11-18', '2026-11-23T11:00:00+08:00', true, { paramsFor: noon }).computed.daysLate).toBe(0);
    const tuesday = paramsWith({ 'W-LOG': { weeklyDueWeekday: 2 } });
    expect(log('2026-11-18', '2026-11-24T09:00:00+08:00', true, { paramsFor: tuesday }).computed).toMatchObject({ dueAt: '2026-11-24T10:00:00+08:00', daysLate: 0 });
    expect(defaultParams(workLog)).toEqual({ weeklyDueWeekday: 1, weeklyDueTime: '10:00', pointsPerLateDay: 5 });
    for (const bad of [{ weeklyDueWeekday: 0 }, { weeklyDueWeekday: 8 }, { weeklyDueTime: '10:0' }, { weeklyDueTime: '24:00' }, { pointsPerLateDay: -5 }, { pointsPerLateDay: 2.5 }, { pointsPerLateDay: 101 }]) {
      expect(workLog.params.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('validation names the field', () => {
    const noOffset = rejects({ kind: 'work_log', reportDate: '2026-11-23', submittedAt: '2026-11-23T18:00:00' }).issues[0]!;
    expect(noOffset.field).toBe('submittedAt');
    expect(problem(noOffset)).toMatch(/^：须为带时区的 ISO 时间/);
    const impossible = rejects({ kind: 'work_log', reportDate: '2026-02-30', submittedAt: '2026-03-01T18:00:00+08:00' }).issues[0]!;
    expect(impossible.field).toBe('reportDate');
    expect(problem(impossible)).toBe('：不是有效日期');
    expect(rejects({ kind: 'work_log', reportDate: '2026-11-23' }).issues[0]?.field).toBe('submittedAt');
    expect(rejects({ kind: 'work_log', reportDate: '2026-11-23', submittedAt: '2026-11-23T18:00:00+08:00', weekly: 'yes' }).issues[0]).toMatchObject({
      field: 'weekly',
      message: '周总结与计划：类型不正确（应为是/否）',
    });
  });
});

describe('fake_log: W-FAKE (5 points each; more than 5 flags dismissal)', () => {
  const fake = (fields: Fields, options: Partial<EvaluateOptions> = {}) => judge({ kind: 'fake_log', ...fields }, options);

  it('points per case; 5 in total is not yet dismissal, 6 is', () => {
    expect(fake({ cases: 0 })).toMatchObject({ decision: 'allow', findings: [], computed: { pointsDeducted: 0, totalCases: 0, dismissal: false } });
    const one = fake({ cases: 1 });
    expect(one.decision).toBe('allow');
    expect(findingIds(one)).toEqual(['W-FAKE:warn']);
    expect(one.computed).toEqual({ pointsDeducted: 5, totalCases: 1, dismissal: false });
    expect(one.findings[0]?.message).toBe('查实虚假日志 1 条，扣 5 分');
    expect(fake({ cases: 5 }).computed).toEqual({ pointsDeducted: 25, totalCases: 5, dismissal: false });
    const six = fake({ cases: 6 });
    expect(six.decision).toBe('allow');
    expect(findingIds(six)).toEqual(['W-FAKE:warn']);
    expect(six.computed).toEqual({ pointsDeducted: 30, totalCases: 6, dismissal: true });
    expect(six.findings[0]?.message).toBe('查实虚假日志 6 条，扣 30 分；累计 6 条，超过 5 条，提请辞退');
  });
  it('earlier cases count towards dismissal, not towards this deduction', () => {
    expect(fake({ cases: 1, previousCases: 4 }).computed).toEqual({ pointsDeducted: 5, totalCases: 5, dismissal: false });
    expect(fake({ cases: 1, previousCases: 5 }).computed).toEqual({ pointsDeducted: 5, totalCases: 6, dismissal: true });
    expect(findingIds(fake({ cases: 0, previousCases: 6 }))).toEqual(['W-FAKE:warn']);
  });
  it('parameters, schemas, validation', () => {
    expect(fake({ cases: 2 }, { paramsFor: paramsWith({ 'W-FAKE': { pointsPerCase: 10 } }) }).computed.pointsDeducted).toBe(20);
    expect(fake({ cases: 6 }, { paramsFor: paramsWith({ 'W-FAKE': { dismissalAbove: 10 } }) }).computed.dismissal).toBe(false);
    expect(defaultParams(fakeLog)).toEqual({ pointsPerCase: 5, dismissalAbove: 5 });
    expect(fakeLog.params.safeParse({ pointsPerCase: -1 }).success).toBe(false);
    expect(fakeLog.params.safeParse({ dismissalAbove: 0.5 }).success).toBe(false);
    expect(rejects({ kind: 'fake_log', cases: -1 }).issues[0]).toMatchObject({ field: 'cases', message: '虚假日志条数：不能小于 0' });
    expect(rejects({ kind: 'fake_log', cases: 1, previousCases: -1 }).issues[0]).toMatchObject({ field: 'previousCases', message: '此前已查实条数：不能小于 0' });
    expect(rejects({ kind: 'fake_log' }).issues[0]).toMatchObject({ field: 'cases', message: '虚假日志条数：不能为空' });
    expect(rejects({ kind: 'fake_log', cases: 1.5 }).issues[0]?.field).toBe('cases');
  });
});

describe('visit_quota: W-VISITQ (2 new visits and 3 revisits per working day on average, else 10 points)', () => {
  const quota = (newVisits: number, revisits: number, workingDays: number, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'visit_quota', newVisits, revisits, workingDays }, options);

  it('new visits: 39 of 40 short, 40 and 41 fine (20 working days)', () => {
    const short = quota(39, 60, 20);
    expect(short.decision).toBe('allow');
    expect(findingIds(short)).toEqual(['W-VISITQ:warn']);
    expect(short.computed).toEqual({ newPerDay: 1.95, revisitsPerDay: 3, pointsDeducted: 10 });
    expect(short.findings[0]?.message).toBe('本月 20 个工作日，新客户拜访 39 次（应至少 40 次），未达每个工作日平均新客户 2 次、回访 3 次，扣 10 分');
    expect(quota(40, 60, 20)).toMatchObject({ findings: [], computed: { newPerDay: 2, revisitsPerDay: 3, pointsDeducted: 0 } });
    expect(quota(41, 60, 20).computed.pointsDeducted).toBe(0);
  });
  it('revisits: 59 of 60 short, 60 fine; both short still costs 10 once', () => {
    expect(quota(40, 59, 20).computed.pointsDeducted).toBe(10);
    expect(quota(40, 61, 20).computed.pointsDeducted).toBe(0);
    const both = quota(10, 10, 20);
    expect(both.findings).toHaveLength(1);
    expect(both.computed.pointsDeducted).toBe(10);
    expect(both.findings[0]?.message).toMatch(/新客户拜访 10 次（应至少 40 次），回访 10 次（应至少 60 次）/);
  });
  it('exact for any number of working days (no floating averages)', () => {
    expect(quota(41, 63, 21).computed.pointsDeducted).toBe(10);
    expect(quota(42, 63, 21).computed.pointsDeducted).toBe(0);
    expect(quota(42, 62, 21).computed.pointsDeducted).toBe(10);
    expect(quota(2, 3, 1).computed.pointsDeducted).toBe(0);
  });
  it('parameters, schemas, validation', () => {
    expect(quota(39, 60, 20, { paramsFor: paramsWith({ 'W-VISITQ': { points: 15 } }) }).computed.pointsDeducted).toBe(15);
    expect(quota(40, 60, 20, { paramsFor: paramsWith({ 'W-VISITQ': { minNewPerDay: 3 } }) }).computed.pointsDeducted).toBe(10);
    expect(quota(39, 60, 20, { paramsFor: paramsWith({ 'W-VISITQ': { minNewPerDay: 1 } }) }).computed.pointsDeducted).toBe(0);
    expect(defaultParams(visitQuota)).toEqual({ minNewPerDay: 2, minRevisitsPerDay: 3, points: 10 });
    for (const bad of [{ minNewPerDay: -1 }, { minRevisitsPerDay: 1.5 }, { points: 101 }]) expect(visitQuota.params.safeParse(bad).success).toBe(false);
    expect(rejects({ kind: 'visit_quota', newVisits: 40, revisits: 60, workingDays: 0 }).issues[0]).toMatchObject({ field: 'workingDays', message: '本月工作日数：不能小于 1' });
    expect(rejects({ kind: 'visit_quota', newVisits: -1, revisits: 60, workingDays: 20 }).issues[0]).toMatchObject({ field: 'newVisits', message: '新客户拜访次数：不能小于 0' });
    expect(rejects({ kind: 'visit_quota', newVisits: 40, revisits: '60', workingDays: 20 }).issues[0]).toMatchObject({ field: 'revisits', message: '回访次数：类型不正确（应为数字）' });
    expect(rejects({ kind: 'visit_quota', newVisits: 40, revisits: 60 }).issues[0]).toMatchObject({ field: 'workingDays', message: '本月工作日数：不能为空' });
  });
});

describe('bonus: K-BONUS (< 80 % none; 80–100 % 1 % of sales; above 100 % 1.5 % to the target, 3 % above it)', () => {
  const pay = (sales: number, target: number, options: Partial<EvaluateOptions> = {}) => judge({ kind: 'bonus', sales, target }, options);
  const T = 1_000_000; // a target of 10,000 yuan

  it('79.99 / 80 / 80.01 %', () => {
    expect(pay(799_900, T).computed).toEqual({ achievementPct: 79.99, tier: 'none', bonusFen: 0 });
    expect(pay(800_000, T).computed).toEqual({ achievementPct: 80, tier: 'base', bonusFen: 8_000 });
    expect(pay(800_100, T).computed).toEqual({ achievementPct: 80.01, tier: 'base', bonusFen: 8_001 });
  });
  it('99.99 / 100 / 100.01 %', () => {
    expect(pay(999_900, T).computed).toEqual({ achievementPct: 99.99, tier: 'base', bonusFen: 9_999 });
    expect(pay(1_000_000, T).computed).toEqual({ achievementPct: 100, tier: 'base', bonusFen: 10_000 });
    // 1.5 % of 10,000 yuan + 3 % of the 1 yuan above it
    expect(pay(1_000_100, T).computed).toEqual({ achievementPct: 100.01, tier: 'above', bonusFen: 15_003 });
    expect(pay(1_200_000, T).computed).toEqual({ achievementPct: 120, tier: 'above', bonusFen: 21_000 });
  });
  it('a check, never a refusal; says how it was computed', () => {
    const d = pay(1_200_000, T);
    expect(d.decision).toBe('allow');
    expect(findingIds(d)).toEqual(['K-BONUS:info']);
    expect(d.findings[0]?.message).toBe('目标达成率 120%（销售额 ¥12,000.00 / 目标 ¥10,000.00），目标以内按 1.5%、超出目标的 ¥2,000.00 按 3% 计，奖金 ¥210.00');
    expect(pay(900_000, T).findings[0]?.message).toBe('目标达成率 90%（销售额 ¥9,000.00 / 目标 ¥10,000.00），按销售额的 1% 计，奖金 ¥90.00');
    expect(pay(700_000, T).findings[0]?.message).toBe('目标达成率 70%（销售额 ¥7,000.00 / 目标 ¥10,000.00），低于 80%，无阶梯奖金');
  });
  it('rounded down to the fen, exact for odd targets and large amounts', () => {
    expect(pay(800_050, T).computed.bonusFen).toBe(8_000); // 8,000.5
    expect(pay(1_000_033, T).computed.bonusFen).toBe(15_000); // 15,000.99
    // 266,667 / 333,333 = 80.0001 %: the tier; 266,666 = 79.9999 %: none
    expect(pay(266_667, 333_333).computed).toEqual({ achievementPct: 80, tier: 'base', bonusFen: 2_666 });
    expect(pay(266_666, 333_333).computed).toEqual({ achievementPct: 79.99, tier: 'none', bonusFen: 0 });
    expect(pay(999_999_999_999, 500_000_000_000).computed).toEqual({ achievementPct: 199.99, tier: 'above', bonusFen: 22_499_999_999 });
  });
  it('a target of 0: achievement undefined (null, never Infinity), no tiered bonus', () => {
    for (const sales of [0, 500_000]) {
      const d = pay(sales, 0);
      expect(d.computed).toEqual({ achievementPct: null, tier: 'none', bonusFen: 0 });
      expect(findingIds(d)).toEqual(['K-BONUS:warn']);
      expect(d.findings[0]?.message).toBe('未设定销售目标（目标为 0），达成率无法计算，不计阶梯奖金');
    }
    expect(pay(0, T).computed).toEqual({ achievementPct: 0, tier: 'none', bonusFen: 0 });
  });
  it('parameters, schemas, validation', () => {
    expect(pay(850_000, T, { paramsFor: paramsWith({ 'K-BONUS': { minAchievement: 0.9 } }) }).computed.bonusFen).toBe(0);
    expect(pay(1_200_000, T, { paramsFor: paramsWith({ 'K-BONUS': { excessRate: 0.05 } }) }).computed.bonusFen).toBe(25_000);
    expect(defaultParams(bonus)).toEqual({ minAchievement: 0.8, baseRate: 0.01, targetRate: 0.015, excessRate: 0.03 });
    for (const bad of [{ baseRate: -0.01 }, { excessRate: 1.5 }, { minAchievement: 2 }, { targetRate: '1.5%' }]) expect(bonus.params.safeParse(bad).success).toBe(false);
    const negative = rejects({ kind: 'bonus', sales: -1, target: T }).issues[0]!;
    expect(negative.field).toBe('sales');
    expect(problem(negative)).toBe('：不能小于 0');
    expect(rejects({ kind: 'bonus', sales: 1.5, target: T }).issues[0]?.field).toBe('sales');
    expect(rejects({ kind: 'bonus', sales: 100 }).issues[0]?.field).toBe('target');
    expect(bonus.evaluate({ salesFen: 800_000, targetFen: T }, ctx, defaultParams(bonus)).computed).toEqual({ achievementPct: 80, tier: 'base', bonusFen: 8_000 });
  });
});

describe('the kinds of this family', () => {
  it('exist, are checks rather than submissions, and their examples are valid', () => {
    for (const kind of ['work_log', 'fake_log', 'visit_quota', 'bonus']) {
      const def = kindDef(kind)!;
      expect(def.submittable, kind).toBe(false);
      expect(() => judge({ kind, ...(def.example as Fields) }), kind).not.toThrow();
    }
    // every kind of §8–§9 is known by name, each once
    const names = KINDS.map((k) => k.kind);
    for (const kind of ['leave', 'absenteeism', 'lateness', 'sign_card', 'work_log', 'fake_log', 'visit_quota', 'bonus']) expect(names.filter((n) => n === kind)).toHaveLength(1);
  });
});
