// Working days: the official Chinese holiday calendar with its make-up working days (调休), from the
// chinese-days package, plus company overrides (make-up days are often announced late).
// The default import: under plain Node (the CLI) the package is CommonJS and has no named exports.
import chineseDays from 'chinese-days';
import { nextDay } from '../../../shared/dates';

const officialIsWorkday = (date: string): boolean => chineseDays.isWorkday(date);

/** The official calendar's note on a day (holiday or make-up working day), e.g. "国庆节"; null on ordinary days. */
export function officialDayName(date: string): string | null {
  const detail = chineseDays.getDayDetail(date);
  const [, zh] = detail.name.split(',');
  return zh ?? null;
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** Working days from `from` to `to`, both included. */
  workingDaysBetween(from: string, to: string): number;
  /** The date `n` working days after `date` (n ≥ 0; n = 0 gives the first working day on or after it). */
  addWorkingDays(date: string, n: number): string;
  /** The n-th working day strictly after `date` (n ≥ 1): "within 3 working days of receipt" ends on workingDayAfter(receipt, 3). */
  workingDayAfter(date: string, n: number): string;
}

/** `overrides`: company-specific days, true = working day, false = day off. */
export function workCalendar(overrides: ReadonlyMap<string, boolean> = new Map()): WorkCalendar {
  const isWorkingDay = (date: string) => overrides.get(date) ?? officialIsWorkday(date);
  return {
    isWorkingDay,
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = from; d <= to; d = nextDay(d)) if (isWorkingDay(d)) count += 1;
      return count;
    },
    addWorkingDays(date, n) {
      let d = date;
      while (!isWorkingDay(d)) d = nextDay(d);
      for (let left = n; left > 0; ) {
        d = nextDay(d);
        if (isWorkingDay(d)) left -= 1;
      }
      return d;
    },
    workingDayAfter(date, n) {
      let d = date;
      for (let left = n; left > 0; ) {
        d = nextDay(d);
        if (isWorkingDay(d)) left -= 1;
      }
      return d;
    },
  };
}
