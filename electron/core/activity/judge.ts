// W-LOG's judgement of a daily log or weekly report (on its submission, or as of now while it is
// missing) and the week's / month's visit counts, shared by the services and the month's figures.
import { and, count, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { VisitKind } from '../../../shared/activity';
import { localDate, localTimestamp, mondayOf } from '../../../shared/dates';
import type { Finding } from '../../../shared/policy';
import type { Db, Tx } from '../db/connection';
import type { WorkCalendar } from '../policy/calendar';
import { paramsInForce, type ParamsOf } from '../policy/params';
import { workLog, workLogDue } from '../policy/rules/activity';
import { isLogKeeper, leaveMarks, type LogPerson } from './common';
import { visits } from './schema';

// —— W-LOG judgement ——

export interface LogJudgement {
  dueAt: string;
  daysLate: number;
  pointsDeducted: number;
  findings: Finding[];
}

/** W-LOG on a daily log (or weekly report, `weekly`) submitted at `submittedAt` (ISO with offset). */
export function judgeLog(
  db: Db | Tx,
  calendar: WorkCalendar,
  reportDate: string,
  submittedAt: string,
  weekly: boolean,
  paramsOn: (day: string) => ParamsOf<'W-LOG'> = (day) => paramsInForce(db, 'W-LOG', day),
): LogJudgement {
  // The parameters in force on the day covered (a weekly report: its week's Monday).
  const params = paramsOn(weekly ? mondayOf(reportDate) : reportDate);
  const outcome = workLog.evaluate({ reportDate, submittedAt, weekly }, { today: localDate(new Date(submittedAt)), calendar }, params);
  return {
    dueAt: String(outcome.computed?.dueAt),
    daysLate: Number(outcome.computed?.daysLate ?? 0),
    pointsDeducted: Number(outcome.computed?.pointsDeducted ?? 0),
    findings: outcome.findings,
  };
}

/** The deadline alone (shown while nothing is due yet). */
export function dueOf(db: Db | Tx, calendar: WorkCalendar, reportDate: string, weekly: boolean, now: Date): string {
  const params = paramsInForce(db, 'W-LOG', weekly ? mondayOf(reportDate) : reportDate);
  return workLogDue({ reportDate, submittedAt: localTimestamp(now), weekly }, calendar, params).at;
}

/**
 * A report still missing once its deadline has passed, judged as of now: W-LOG's numbers with
 * submittedAt = now, worded as "not submitted yet" (the rule's text says when it was submitted).
 * null while the deadline has not passed.
 */
export function judgeMissing(db: Db | Tx, calendar: WorkCalendar, reportDate: string, weekly: boolean, now: Date): LogJudgement | null {
  const nowTs = localTimestamp(now);
  const judged = judgeLog(db, calendar, reportDate, nowTs, weekly);
  if (judged.daysLate === 0) return null;
  const what = weekly
    ? { zh: `周总结与计划（${reportDate} 所在周）`, en: `The weekly summary & plan (week of ${reportDate})` }
    : { zh: `工作日志（${reportDate}）`, en: `The work log of ${reportDate}` };
  // The deadline as the rule words it ("2026-11-18 24:00" for a daily log).
  const deadline = workLogDue({ reportDate, submittedAt: nowTs, weekly }, calendar, paramsInForce(db, 'W-LOG', weekly ? mondayOf(reportDate) : reportDate));
  const due = `${deadline.day} ${deadline.time}`;
  const at = nowTs.slice(0, 16).replace('T', ' ');
  judged.findings = judged.findings.map((f) => ({
    ...f,
    message: `${what.zh}应于 ${due} 前提交，截至 ${at} 仍未提交，已迟 ${judged.daysLate} 天，扣 ${judged.pointsDeducted} 分`,
    messageEn: `${what.en} was due by ${due} and is still missing at ${at}: ${judged.daysLate} day(s) late, ${judged.pointsDeducted} points`,
    data: { ...f.data, missing: true },
  }));
  return judged;
}

/** Does `person` owe a daily log on `date` (common.ts)? */
export function owesLog(db: Db | Tx, calendar: WorkCalendar, person: LogPerson, date: string): boolean {
  if (!isLogKeeper(person.role) || date < person.since || !calendar.isWorkingDay(date)) return false;
  return leaveMarks(db, [person.id], date, date).get(person.id)?.get(date) !== 'full';
}

/** Non-falsified visits by kind of some people between two days (both included). */
export function visitCounts(db: Db | Tx, ids: readonly number[], from: string, to: string): Map<number, Record<VisitKind, number>> {
  const out = new Map<number, Record<VisitKind, number>>();
  if (!ids.length) return out;
  const rows = db
    .select({ userId: visits.userId, kind: visits.kind, n: count() })
    .from(visits)
    .where(and(inArray(visits.userId, [...ids]), gte(visits.visitDate, from), lte(visits.visitDate, to), isNull(visits.falsifiedAt)))
    .groupBy(visits.userId, visits.kind)
    .all();
  for (const r of rows) {
    const counts = out.get(r.userId) ?? { new: 0, revisit: 0, phone: 0 };
    counts[r.kind] = r.n;
    out.set(r.userId, counts);
  }
  return out;
}

