// The engine's combination of findings and the working-day calendar.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { combine } from '../../electron/core/policy/engine';
import { finding, role, superior } from '../../electron/core/policy/rule';

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
    // strictly after: Friday → Wed; Saturday → Wed (Mon, Tue, Wed); over 国庆 → the make-up Saturday
    expect(cal.workingDayAfter('2026-11-20', 3)).toBe('2026-11-25');
    expect(cal.workingDayAfter('2026-11-21', 3)).toBe('2026-11-25');
    expect(cal.workingDayAfter('2026-09-30', 3)).toBe('2026-10-10');
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
    expect(d.approvals).toEqual(['manager', 'gm', 'finance']);
    expect(d.approvalSteps).toEqual([
      { role: 'manager', superior: true },
      { role: 'gm', superior: false },
      { role: 'finance', superior: false },
    ]);
    // a supervisor as direct superior, then a manager the rule asks for
    const s = combine([finding('D', 'approval', { zh: 'd', en: 'd' }, {}, [role('manager')])], [superior], {}, 'supervisor');
    expect(s.approvals).toEqual(['supervisor', 'manager']);
    // the superior who is a manager answers the manager step too
    const m = combine([finding('D', 'approval', { zh: 'd', en: 'd' }, {}, [role('manager')])], [superior], {}, 'manager');
    expect(m.approvalSteps).toEqual([{ role: 'manager', superior: true }]);
    expect(combine([], [superior]).decision).toBe('needs_approval');
  });
});

