// The monthly report's month arithmetic: the trend's 12 months and YoY's "same month a year before"
// cross year boundaries.
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../electron/core/report/service';

describe('addMonths', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-01', -12, '2025-01'],
    ['2026-01', -23, '2024-02'],
    ['2025-12', 1, '2026-01'],
    ['2026-03', 0, '2026-03'],
    ['2026-12', -11, '2026-01'],
    ['2000-01', -1, '1999-12'],
  ] as const)('%s %+d → %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });
});
