import { describe, expect, it } from 'vitest';
import { addHours, atOrBefore, isoTimestamp, wallClock } from '../../electron/core/policy/time';
import { daysBetween } from '../../shared/dates';

describe('request timestamps', () => {
  it('reads the wall clock in the timestamp’s own offset', () => {
    expect(wallClock('2026-11-23T09:59:00+08:00')).toEqual({ date: '2026-11-23', time: '09:59' });
    expect(wallClock('2026-11-22T20:00:00Z')).toEqual({ date: '2026-11-22', time: '20:00' });
    expect(wallClock('2026-11-23T01:30:00-05:00')).toEqual({ date: '2026-11-23', time: '01:30' });
  });
  it('adds hours keeping the offset, across midnight', () => {
    expect(addHours('2026-11-23T18:00:00+08:00', 24)).toBe('2026-11-24T18:00:00+08:00');
    expect(addHours('2026-11-23T18:00:00+08:00', 8)).toBe('2026-11-24T02:00:00+08:00');
    expect(addHours('2026-11-23T18:00:00Z', 48)).toBe('2026-11-25T18:00:00Z');
  });
  it('compares instants and counts calendar days', () => {
    expect(atOrBefore('2026-11-23T10:00:00+08:00', '2026-11-23T02:00:00Z')).toBe(true);
    expect(atOrBefore('2026-11-23T10:00:01+08:00', '2026-11-23T02:00:00Z')).toBe(false);
    expect(daysBetween('2026-11-23', '2026-11-25')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-23')).toBe(-2);
  });
  it('accepts only timestamps with an offset that exist', () => {
    expect(isoTimestamp.safeParse('2026-11-23T09:30:00+08:00').success).toBe(true);
    expect(isoTimestamp.safeParse('2026-11-23T09:30:00').success).toBe(false);
    expect(isoTimestamp.safeParse('2026-02-30T09:30:00+08:00').success).toBe(false);
    expect(isoTimestamp.safeParse('yesterday').success).toBe(false);
  });
});
