// A month's activity figures per person, for K-SCORE (performance/) and the late-report list: the
// month's visits, its working days, and W-LOG's late and missing daily logs and weekly reports.
//
// Semantics chosen where the domain book leaves room:
// - A daily log is owed (logsDue) by a LOG_KEEPER_ROLES person for each working day of the month up
//   to today that is not a whole day of approved leave (a half-day leave still needs a log) and is not
//   before his account was created. A log of such a day filed late is a late report with its stored
//   judgement; one still missing once its deadline (the end of the day) has passed is a missing
//   report judged as of now (W-LOG with submittedAt = now; submittedAt null). Today's log, not due
//   yet, is owed but neither late nor missing. A log kept on a day none was owed costs nothing.
// - Weekly reports: every week whose Monday lies in the month, owed when a day of that week was owed
//   a daily log (a week entirely on leave or before the account existed owes none): filed late →
//   its stored judgement; missing once its deadline has passed → judged as of now.
// - workingDays (W-VISITQ's divisor): working days of the month up to today not on a whole day of
//   approved leave (a half-day leave counts as a working day), for anyone asked about (the account's
//   creation day is not applied here: W-VISITQ's averages are the month's).
// - visits: the month's non-falsified visits by kind, up to today.
import { and, gte, inArray, lte } from 'drizzle-orm';
import type { LateReport } from '../../../shared/activity';
import { addDays, localDate, mondayOf } from '../../../shared/dates';
import type { Db, Tx } from '../db/connection';
import { monthBounds } from '../leave/service';
import { companyCalendar } from '../policy/context';
import { daysFrom, isLogKeeper, leaveMarks, peopleByIds } from './common';
import { judgeLog, judgeMissing, visitCounts } from './judge';
import { weeklyReports, workLogs } from './schema';

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

export function activityFigures(db: Db | Tx, userIds: readonly number[], month: string, now: Date): Map<number, ActivityFigures> {
  const out = new Map<number, ActivityFigures>();
  const people = peopleByIds(db, userIds);
  if (!people.length) return out;
  const ids = people.map((p) => p.id);
  const today = localDate(now);
  const { first, last } = monthBounds(month);
  const upTo = last < today ? last : today;
  const calendar = companyCalendar(db);
  const days = first <= upTo ? daysFrom(first, upTo).filter((d) => calendar.isWorkingDay(d)) : [];
  // Weeks whose Monday lies in the month (their Sunday may be in the next).
  const mondays = daysFrom(first, last).filter((d) => mondayOf(d) === d && d <= today);
  const leaveTo = mondays.length ? addDays(mondays[mondays.length - 1]!, 6) : last;
  const leave = leaveMarks(db, ids, first, leaveTo > last ? leaveTo : last);
  const counts = first <= upTo ? visitCounts(db, ids, first, upTo) : new Map();
  const logs = db
    .select({ userId: workLogs.userId, logDate: workLogs.logDate, submittedAt: workLogs.submittedAt, daysLate: workLogs.daysLate, pointsDeducted: workLogs.pointsDeducted })
    .from(workLogs)
    .where(and(inArray(workLogs.userId, ids), gte(workLogs.logDate, first), lte(workLogs.logDate, last)))
    .all();
  const weeklies = mondays.length
    ? db
        .select({ userId: weeklyReports.userId, weekStart: weeklyReports.weekStart, submittedAt: weeklyReports.submittedAt, daysLate: weeklyReports.daysLate, pointsDeducted: weeklyReports.pointsDeducted })
        .from(weeklyReports)
        .where(and(inArray(weeklyReports.userId, ids), inArray(weeklyReports.weekStart, mondays)))
        .all()
    : [];
  // The same missing report judged as of now is the same for everyone: judge each day once.
  const missingOn = new Map<string, ReturnType<typeof judgeMissing>>();
  const missing = (date: string, weekly: boolean) => {
    const key = `${weekly ? 'w' : 'd'}${date}`;
    if (!missingOn.has(key)) missingOn.set(key, judgeMissing(db, calendar, date, weekly, now));
    return missingOn.get(key)!;
  };

  for (const person of people) {
    const marks = leave.get(person.id);
    const fullLeave = (d: string) => marks?.get(d) === 'full';
    const late: LateReport[] = [];
    let logsDue = 0;
    let logsLate = 0;
    let logsMissing = 0;
    if (isLogKeeper(person.role)) {
      const logOn = new Map(logs.filter((l) => l.userId === person.id).map((l) => [l.logDate, l]));
      for (const d of days) {
        if (fullLeave(d) || d < person.since) continue;
        logsDue += 1;
        const log = logOn.get(d);
        if (log) {
          if (log.daysLate > 0) {
            logsLate += 1;
            late.push({ userId: person.id, userName: person.name, kind: 'daily', reportDate: d, dueAt: judgeLog(db, calendar, d, log.submittedAt, false).dueAt, submittedAt: log.submittedAt, daysLate: log.daysLate, pointsDeducted: log.pointsDeducted });
          }
          continue;
        }
        const judged = missing(d, false);
        if (!judged) continue; // today's log: not due yet
        logsMissing += 1;
        late.push({ userId: person.id, userName: person.name, kind: 'daily', reportDate: d, dueAt: judged.dueAt, submittedAt: null, daysLate: judged.daysLate, pointsDeducted: judged.pointsDeducted });
      }
      const weekOn = new Map(weeklies.filter((w) => w.userId === person.id).map((w) => [w.weekStart, w]));
      for (const monday of mondays) {
        const report = weekOn.get(monday);
        if (report) {
          if (report.daysLate > 0) {
            late.push({ userId: person.id, userName: person.name, kind: 'weekly', reportDate: monday, dueAt: judgeLog(db, calendar, monday, report.submittedAt, true).dueAt, submittedAt: report.submittedAt, daysLate: report.daysLate, pointsDeducted: report.pointsDeducted });
          }
          continue;
        }
        const owed = daysFrom(monday, addDays(monday, 6)).some((d) => d >= person.since && calendar.isWorkingDay(d) && !fullLeave(d));
        if (!owed) continue;
        const judged = missing(monday, true);
        if (!judged) continue;
        late.push({ userId: person.id, userName: person.name, kind: 'weekly', reportDate: monday, dueAt: judged.dueAt, submittedAt: null, daysLate: judged.daysLate, pointsDeducted: judged.pointsDeducted });
      }
    }
    out.set(person.id, {
      visits: counts.get(person.id) ?? { new: 0, revisit: 0, phone: 0 },
      workingDays: days.filter((d) => !fullLeave(d)).length,
      late: late.sort((a, b) => a.reportDate.localeCompare(b.reportDate) || a.kind.localeCompare(b.kind)),
      logsDue,
      logsLate,
      logsMissing,
    });
  }
  return out;
}
