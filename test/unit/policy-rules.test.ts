// Policy rules at their boundaries (just under, at, just over each number of ../shared/DOMAIN.md).
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { combine } from '../../electron/core/policy/engine';
import { defaultParams, finding, role, superior, type RuleContext } from '../../electron/core/policy/rule';
import { expenseApproval, shareOfFen, transportShare, travelAdvance } from '../../electron/core/policy/rules/expenses';
import { leaveNotice } from '../../electron/core/policy/rules/leave';
import { discountOf, quotePrice } from '../../electron/core/policy/rules/pricing';

const ctx: RuleContext = { now: new Date(2026, 10, 23, 9), calendar: workCalendar(), applicant: { id: 2, role: 'rep', managerId: 1 } };

describe('working-day calendar (official holidays, 调休, company overrides)', () => {
  const cal = workCalendar();
  it('knows weekends, the National Day holiday and a make-up Saturday', () => {
    expect(cal.isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // 调休 Saturday
  });
  it('counts and adds working days across the holiday', () => {
    // 国庆 2026: Oct 1–7 off; Thu 8, Fri 9 and the make-up Saturday 10 are working days
    expect(cal.workingDaysBetween('2026-09-28', '2026-10-10')).toBe(6);
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-11-21', 0)).toBe('2026-11-23');
  });
  it('company overrides win over the official calendar', () => {
    const company = workCalendar(new Map([['2026-11-23', false], ['2026-11-22', true]]));
    expect(company.isWorkingDay('2026-11-23')).toBe(false);
    expect(company.isWorkingDay('2026-11-22')).toBe(true);
  });
});

describe('engine', () => {
  it('any block denies; approvals are collected in order without repeats; otherwise allow', () => {
    const approve = finding('A', 'approval', { zh: 'a', en: 'a' }, {}, [superior, role('gm')]);
    expect(combine([finding('X', 'warn', { zh: 'w', en: 'w' })]).decision).toBe('allow');
    expect(combine([approve, finding('B', 'block', { zh: 'b', en: 'b' })]).decision).toBe('deny');
    const d = combine([approve, finding('C', 'approval', { zh: 'c', en: 'c' }, {}, [role('gm'), role('finance')])], [superior]);
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual([superior, role('gm'), role('finance')]);
    expect(combine([], [superior]).decision).toBe('needs_approval');
  });
});

describe('L-NOTICE', () => {
  const params = defaultParams(leaveNotice);
  // applied on Mon 2026-11-23 09:00 local
  const at = new Date(2026, 10, 23, 9, 0);
  const judge = (workingDays: number, start: string, phonedSuperiorAt?: Date) =>
    leaveNotice.evaluate({ start, end: start, workingDays, appliedAt: at, phonedSuperiorAt }, ctx, params).findings;

  it('≤ 3 days: 2 days ahead (1 day ahead blocked, 2 allowed); 3 days is still the first tier', () => {
    expect(judge(1, '2026-11-24')[0]?.severity).toBe('block');
    expect(judge(1, '2026-11-25')).toEqual([]);
    expect(judge(3, '2026-11-25')).toEqual([]);
  });
  it('3.5 – 7 days: 5 days ahead', () => {
    expect(judge(3.5, '2026-11-25')[0]?.severity).toBe('block');
    expect(judge(3.5, '2026-11-27')[0]?.severity).toBe('block');
    expect(judge(3.5, '2026-11-28')).toEqual([]);
    expect(judge(7, '2026-11-28')).toEqual([]);
  });
  it('over 7 days: 15 days ahead', () => {
    expect(judge(7.5, '2026-12-07')[0]?.severity).toBe('block');
    expect(judge(7.5, '2026-12-08')).toEqual([]);
  });
  it('emergency: a call before 10:00 on the first day turns the block into a warning; 10:00 or later does not', () => {
    expect(judge(1, '2026-11-23', new Date(2026, 10, 23, 9, 59))[0]?.severity).toBe('warn');
    expect(judge(1, '2026-11-23', new Date(2026, 10, 23, 10, 0))[0]?.severity).toBe('block');
  });
  it('says in Chinese how much notice was needed', () => {
    expect(judge(1, '2026-11-24')[0]?.message).toBe('请假 1 个工作日须至少提前 2 天申请，现只提前了 1 天');
  });
});

describe('Q-PRICE', () => {
  const params = defaultParams(quotePrice);
  const line = (discount: number) => ({ standardPriceFen: 100_000, unitPriceFen: 100_000 - Math.round(discount * 100_000) });
  const judge = (r: 'rep' | 'supervisor' | 'manager' | 'director' | 'gm', discount: number) =>
    quotePrice.evaluate({ role: r, lines: [line(discount)] }, ctx, params).findings;

  it('the standard price needs nobody; a rep may give no discount at all', () => {
    expect(judge('rep', 0)).toEqual([]);
    expect(judge('rep', 0.0001)[0]?.approvals).toEqual([role('supervisor')]);
  });
  it('manager: 8 % at, 8.01 % over → director', () => {
    expect(judge('manager', 0.0799)).toEqual([]);
    expect(judge('manager', 0.08)).toEqual([]);
    expect(judge('manager', 0.0801)[0]?.approvals).toEqual([role('director')]);
  });
  it('director: 15 % at, over → gm; gm unlimited', () => {
    expect(judge('director', 0.15)).toEqual([]);
    expect(judge('director', 0.1501)[0]?.approvals).toEqual([role('gm')]);
    expect(judge('gm', 0.5)).toEqual([]);
  });
  it('a price above the standard is no discount', () => {
    expect(discountOf({ standardPriceFen: 100, unitPriceFen: 120 })).toBe(0);
  });
});

describe('expenses', () => {
  it('E-APPROVAL: manager always; gm only above 5,000 yuan', () => {
    const params = defaultParams(expenseApproval);
    const steps = (fen: number) => combine(expenseApproval.evaluate({ amountFen: fen }, ctx, params).findings).approvals;
    expect(steps(499_999)).toEqual([superior]);
    expect(steps(500_000)).toEqual([superior]);
    expect(steps(500_001)).toEqual([superior, role('gm')]);
  });
  it('E-ADVANCE: at most 500 yuan, only with an approved travel registration', () => {
    const params = defaultParams(travelAdvance);
    const decide = (fen: number, registered = true) =>
      combine(travelAdvance.evaluate({ amountFen: fen, travelRegistrationApproved: registered }, ctx, params).findings).decision;
    expect(decide(49_999)).toBe('needs_approval');
    expect(decide(50_000)).toBe('needs_approval');
    expect(decide(50_001)).toBe('deny');
    expect(decide(10_000, false)).toBe('deny');
  });
  it('E-TRANSPORT: 60 % capped at 2 % of the deal; 30 % without a deal', () => {
    const params = defaultParams(transportShare);
    const pay = (ticketsFen: number, dealFen: number | null) => transportShare.evaluate({ ticketsFen, dealFen }, ctx, params).computed!.reimbursableFen;
    expect(pay(100_000, 10_000_000)).toBe(60_000); // cap 200,000 not reached
    expect(pay(100_000, 3_000_000)).toBe(60_000); // cap exactly 60,000
    expect(pay(100_000, 2_999_999)).toBe(59_999); // cap just under
    expect(pay(100_000, null)).toBe(30_000);
    expect(pay(5, null)).toBe(1); // 1.5 fen rounds down
  });
  it('shares are exact in fen even for large amounts', () => {
    expect(shareOfFen(999_999_999_999, 0.6)).toBe(599_999_999_999);
    expect(shareOfFen(5, 0.6)).toBe(3);
  });
});
