// The month K-SCORE and C-GRADE judge (month arithmetic itself is in shared/dates.ts).
import { lastDayOf } from '../../../shared/dates';

/** The day the month's rules are judged at: its last day, or today while the month is running. */
export function judgedOn(month: string, today: string): string {
  const last = lastDayOf(month);
  return today.slice(0, 7) === month ? today : last;
}
