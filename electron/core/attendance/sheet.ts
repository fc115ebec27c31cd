// DOMAIN §8 the monthly attendance sheet (考勤表) per person: every day's clock times and what the
// day counts as — rest, on leave (approved leaves only), sign card, late (A-LATE, with the month's
// warning and fines), absent (L-ABSENT: a past working day without a clock-in, an approved leave or
// an approved sign card) — with the month's totals, the year's absenteeism and the rules' findings.
// Days before the company began keeping attendance (its first clock record) are "not tracked", so an
// empty database does not make everyone absent. The numbers are the rules' own (their params in force).
import { and, eq, gte, inArray, lte, min } from 'drizzle-orm';
import type { AttendanceDayState, AttendanceMonth, AttendancePersonMonth } from '../../../shared/attendance';
import { localDate } from '../../../shared/dates';
import { LEAVE_TYPE_LABELS } from '../../../shared/leave';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { activePeople, type Person } from '../leave/people';
import { scopedUsers } from './records';
import { leaves } from '../leave/schema';
import { halfOn, leaveDaysIn, monthBounds } from '../leave/service';
import { companyCalendar } from '../policy/context';
import { paramsInForce, type ParamsOf } from '../policy/params';
import { lateness } from '../policy/rules/attendance';
import { absenteeism, leaveMonthly } from '../policy/rules/leave';
import type { RuleContext } from '../policy/rule';
import { calendarDays } from '../policy/service';
import { attendanceRecords, signCards } from './schema';

type Day = AttendancePersonMonth['days'][number];

/**
 * The day each person's attendance began to be kept: his earliest clock record. Before it (and for
 * someone the time clock never saw, e.g. a gm who does not clock in) days are 未记录, not absence.
 */
function trackingStarts(db: Db | Tx, ids: number[]): Map<number, string> {
  const rows = db
    .select({ userId: attendanceRecords.userId, first: min(attendanceRecords.workDate) })
    .from(attendanceRecords)
    .where(inArray(attendanceRecords.userId, ids))
    .groupBy(attendanceRecords.userId)
    .all();
  return new Map(rows.flatMap((r) => (r.first ? [[r.userId, r.first] as const] : [])));
}

/** A-LATE's arrival as the rule reads it: the day's wall clock (the offset does not change the wall-clock time). */
const arrival = (date: string, time: string) => `${date}T${time}:00+08:00`;

export function monthSheet(db: Db | Tx, actor: Actor, input: { month: string; userId?: number }, at: Date): AttendanceMonth {
  // Lateness and fines are personal: a rep sees his own sheet, a supervisor his team's, the keepers everyone's.
  const people = activePeople(db, scopedUsers(db, actor, input.userId));
  return { month: input.month, people: sheetOf(db, people, input.month, at) };
}

/** The sheets of these people for a month (also used by the printed 考勤表). */
export function sheetOf(db: Db | Tx, people: Person[], month: string, at: Date): AttendancePersonMonth[] {
  if (!people.length) return [];
  const today = localDate(at);
  const { first, last } = monthBounds(month);
  const yearStart = `${month.slice(0, 4)}-01-01`;
  const ids = people.map((p) => p.id);
  const calendar = companyCalendar(db);
  const days = calendarDays(db, yearStart, last).map((d) => ({
    date: d.date,
    working: d.working,
    name: (d.override ? d.override.note.trim() || d.officialName : d.officialName) ?? null,
  }));
  const starts = trackingStarts(db, ids);
  const records = db
    .select()
    .from(attendanceRecords)
    .where(and(inArray(attendanceRecords.userId, ids), gte(attendanceRecords.workDate, yearStart), lte(attendanceRecords.workDate, last)))
    .all();
  const approvedLeaves = db
    .select()
    .from(leaves)
    .where(and(inArray(leaves.applicantId, ids), eq(leaves.status, 'approved'), lte(leaves.startDate, last), gte(leaves.endDate, yearStart)))
    .all();
  const cards = db
    .select()
    .from(signCards)
    .where(and(inArray(signCards.userId, ids), eq(signCards.status, 'approved'), gte(signCards.missedOn, yearStart), lte(signCards.missedOn, last)))
    .all();
  const lateParams = new Map<string, ParamsOf<'A-LATE'>>();
  const lateParamsOn = (day: string) => {
    let p = lateParams.get(day);
    if (!p) lateParams.set(day, (p = paramsInForce(db, 'A-LATE', day)));
    return p;
  };
  // The month's findings are judged as of its last day, or today while it runs.
  const judgedOn = last < today ? last : today;
  const ctx: RuleContext = { today: judgedOn, calendar };

  return people.map((person) => {
    const tracked = starts.get(person.id) ?? null;
    const recordOn = new Map(records.filter((r) => r.userId === person.id).map((r) => [r.workDate, r]));
    const cardOn = new Map(cards.filter((c) => c.userId === person.id).map((c) => [c.missedOn, c]));
    const own = approvedLeaves.filter((l) => l.applicantId === person.id);
    const leaveOn = (date: string) => own.find((l) => l.startDate <= date && date <= l.endDate);
    const monthDays: Day[] = [];
    let yearAbsentDays = 0;
    let lateSoFar = 0;
    let lateMonth = '';
    for (const day of days) {
      const d = day.date;
      if (d.slice(0, 7) !== lateMonth) {
        lateMonth = d.slice(0, 7);
        lateSoFar = 0;
      }
      const record = recordOn.get(d);
      const card = cardOn.get(d);
      const leave = leaveOn(d);
      const half = leave ? halfOn({ start: leave.startDate, end: leave.endDate, startHalfDay: leave.startHalfDay, endHalfDay: leave.endHalfDay }, d) : null;
      const clockIn = record?.clockIn ?? null;
      let state: AttendanceDayState;
      let lateSeq: number | null = null;
      let fineFen = 0;
      let absentDays = 0;
      if (!day.working) state = 'rest';
      else if (leave && half === null) state = 'leave';
      else if (d > today) state = leave ? 'half_leave' : 'future';
      else if (card) state = half ? 'half_leave' : 'sign_card';
      else if (leave) state = clockIn || (tracked !== null && d < tracked) ? 'half_leave' : d < today ? 'half_absent' : 'half_leave';
      else if (clockIn) {
        const params = lateParamsOn(d);
        const judged = lateness.evaluate({ lateCountThisMonth: lateSoFar, arrivedAt: arrival(d, clockIn) }, { today: d, calendar }, params);
        if (judged.computed?.late === true) {
          const before = lateness.evaluate({ lateCountThisMonth: lateSoFar }, { today: d, calendar }, params).computed?.fineFen;
          lateSoFar += 1;
          lateSeq = lateSoFar;
          fineFen = Number(judged.computed.fineFen) - Number(before ?? 0);
          state = 'late';
        } else state = 'present';
      } else if (tracked === null || d < tracked) state = 'untracked';
      else if (d === today) state = 'future'; // today is not over: no clock-in yet is not absence yet
      else state = 'absent';
      if (state === 'absent') absentDays = 1;
      if (state === 'half_absent') absentDays = 0.5;
      yearAbsentDays += absentDays;
      if (d < first) continue;
      monthDays.push({
        date: d,
        working: day.working,
        dayName: day.name,
        clockIn,
        clockOut: record?.clockOut ?? null,
        state,
        lateSeq,
        fineFen,
        leaveNo: leave?.leaveNo ?? null,
        absentDays,
        note: record?.note || (leave ? LEAVE_TYPE_LABELS[leave.leaveType].zh : ''),
      });
    }
    const count = (...states: AttendanceDayState[]) => monthDays.filter((x) => states.includes(x.state)).length;
    const lateCount = count('late');
    const leaveDays = leaveDaysIn(
      own.map((l) => ({ start: l.startDate, end: l.endDate, startHalfDay: l.startHalfDay, endHalfDay: l.endHalfDay })),
      month,
      calendar,
    );
    const absentDays = monthDays.reduce((s, x) => s + x.absentDays, 0);
    const late = lateness.evaluate({ lateCountThisMonth: lateCount }, ctx, paramsInForce(db, 'A-LATE', judgedOn));
    const absent = absenteeism.evaluate({ daysThisYear: yearAbsentDays }, ctx, paramsInForce(db, 'L-ABSENT', judgedOn));
    const monthly = leaveMonthly.evaluate({ byMonth: [{ month, days: leaveDays }], leaveDaysThisMonth: 0 }, ctx, paramsInForce(db, 'L-MONTHLY', judgedOn));
    const findings = [...late.findings, ...absent.findings, ...monthly.findings].map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message }));
    return {
      userId: person.id,
      userName: person.name,
      region: person.region,
      days: monthDays,
      workingDays: monthDays.filter((x) => x.working).length,
      presentDays: count('present', 'late', 'sign_card') + monthDays.filter((x) => x.state === 'half_leave' && (x.clockIn || cardOn.has(x.date))).length * 0.5,
      lateCount,
      fineFen: monthDays.reduce((s, x) => s + x.fineFen, 0),
      leaveDays,
      absentDays,
      signCards: cards.filter((c) => c.userId === person.id && c.missedOn >= first).length,
      yearAbsentDays,
      seriousAbsence: absent.computed?.seriousViolation === true,
      monthlyLeaveFlag: monthly.findings.length > 0,
      findings,
    };
  });
}
