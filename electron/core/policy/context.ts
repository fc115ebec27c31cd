// The engine's context from the database: the company's calendar overrides and the stored
// parameter versions. Without a database, evaluateRequest uses the official calendar and defaults.
import type { Db, Tx } from '../db/connection';
import { workCalendar, type WorkCalendar } from './calendar';
import type { EvaluateOptions } from './kinds';
import { paramsInForce } from './params';
import { calendarOverrides } from './schema';

export function companyCalendar(db: Db | Tx): WorkCalendar {
  const rows = db.select({ date: calendarOverrides.date, working: calendarOverrides.working }).from(calendarOverrides).all();
  return workCalendar(new Map(rows.map((r) => [r.date, r.working])));
}

/** evaluateRequest options reading the calendar and parameters of this database. */
export function engineOptions(db: Db | Tx, today: string): EvaluateOptions {
  return { today, calendar: companyCalendar(db), paramsFor: (ruleId, day) => paramsInForce(db, ruleId, day) };
}
