// PLACEHOLDER (contract): the activity helper implements these.
import type { LateReport, WeeklyReport, WeeklySave, WorkLogDay, WorkLogSave, Visit } from '../../../shared/activity';
import type { GridQuery } from '../../../shared/grid';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';

const todo = (): never => {
  throw new Error('not implemented yet');
};

export function dayOf(_db: Db, _actor: Actor, _input: { date: string; userId?: number }, _now: Date): WorkLogDay {
  return todo();
}
export function saveLog(_db: Db, _actor: Actor, _input: WorkLogSave, _now: Date): WorkLogDay {
  return todo();
}
export function visitsPage(_db: Db, _actor: Actor, _query: GridQuery): { rows: Visit[]; total: number } {
  return todo();
}
export function weeklyOf(_db: Db, _actor: Actor, _input: { weekOf: string; userId?: number }, _now: Date): WeeklyReport {
  return todo();
}
export function saveWeekly(_db: Db, _actor: Actor, _input: WeeklySave, _now: Date): WeeklyReport {
  return todo();
}
export function lateReports(_db: Db, _actor: Actor, _input: { month: string; userId?: number }, _now: Date): LateReport[] {
  return todo();
}
