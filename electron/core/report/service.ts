// PLACEHOLDER (contract): K-MONTHLY; the report helper implements these.
import type { ChannelOutput } from '../../../shared/api';
import type { MonthlyReport, ReportDimension, ReportDrill, DrillFigure } from '../../../shared/report';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';

const todo = (): never => {
  throw new Error('not implemented yet');
};

export function monthlyReport(_db: Db, _actor: Actor, _input: { month: string; by: ReportDimension }, _now: Date): MonthlyReport {
  return todo();
}
export function drill(_db: Db, _actor: Actor, _input: { month: string; by: ReportDimension; key: string | null; figure: DrillFigure }): ReportDrill {
  return todo();
}
export function monthToDate(_db: Db, _actor: Actor, _now: Date): ChannelOutput<'report.monthToDate'> {
  return todo();
}
