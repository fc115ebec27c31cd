// PLACEHOLDER (contract): a month's activity figures per person, for K-SCORE (performance/) — the
// activity helper implements it.
import type { LateReport } from '../../../shared/activity';
import type { Db, Tx } from '../db/connection';

export interface ActivityFigures {
  /** In-person and phone visits of the month (falsified entries not counted). */
  visits: { new: number; revisit: number; phone: number };
  /** Working days of the month the person was not on approved leave (up to `now` for the current month). */
  workingDays: number;
  /** W-LOG: every late or (as of now) missing daily log and weekly report of the month. */
  late: LateReport[];
  /** Daily logs due in the month (working days not on leave, up to now), late ones, missing ones. */
  logsDue: number;
  logsLate: number;
  logsMissing: number;
}

export function activityFigures(_db: Db | Tx, _userIds: readonly number[], _month: string, _now: Date): Map<number, ActivityFigures> {
  throw new Error('not implemented yet');
}
