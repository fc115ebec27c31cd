// §8 leave rules at their boundaries.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import { leaveNotice } from '../../electron/core/policy/rules/leave';

const ctx: RuleContext = { today: '2026-11-23', calendar: workCalendar() };

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

