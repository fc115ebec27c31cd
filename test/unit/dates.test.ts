// Calendar arithmetic on YYYY-MM-DD / YYYY-MM strings (shared/dates.ts): month ends, leap days, year
// boundaries and ISO weeks (Monday–Sunday), whatever the process's time zone.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeekday, lastDayOf, mondayOf, nextDay, previousMonth } from '../../shared/dates';

describe('addDays / nextDay', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'], // 2026 is not a leap year
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', 40, '2027-01-02'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change in Europe: still one calendar day
    ['2100-02-28', 1, '2100-03-01'], // 2100 is not a leap year
  ] as const)('%s %+d → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('nextDay crosses month ends, 29 February and the year end', () => {
    expect(nextDay('2026-04-30')).toBe('2026-05-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2028-02-29')).toBe('2028-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('isoWeekday / mondayOf', () => {
  it('numbers Monday 1 … Sunday 7', () => {
    // 2026-11-23 is a Monday.
    expect(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(isoWeekday('2028-02-29')).toBe(2);
  });

  it('puts a Sunday in the week that began the Monday before, not the next one', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });

  it('finds the Monday across month and year boundaries', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(mondayOf('2027-01-03')).toBe('2026-12-28'); // a Sunday
    expect(mondayOf('2028-03-01')).toBe('2028-02-28'); // a Wednesday after 29 February
  });
});

describe('addMonths / previousMonth', () => {
  // The monthly report's trend (12 months) and YoY ("same month a year before") cross year boundaries.
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-01', -12, '2025-01'],
    ['2026-01', -23, '2024-02'],
    ['2025-12', 1, '2026-01'],
    ['2026-03', 0, '2026-03'],
    ['2026-12', -11, '2026-01'],
    ['2026-11', 14, '2028-01'],
    ['2000-01', -1, '1999-12'],
  ] as const)('%s %+d → %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('previousMonth steps back over the year end', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
  });
});

describe('lastDayOf', () => {
  it.each([
    ['2026-01', '2026-01-31'],
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2100-02', '2100-02-28'],
    ['2000-02', '2000-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ] as const)('%s → %s', (month, expected) => {
    expect(lastDayOf(month)).toBe(expected);
  });
});
