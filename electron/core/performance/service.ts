// PLACEHOLDER (contract): K-SCORE / K-BONUS and the recorded deductions; the performance helper implements these.
import type { DeductionRecord, DeductionRecordInput, PerformanceMonth } from '../../../shared/performance';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';

const todo = (): never => {
  throw new Error('not implemented yet');
};

export function monthScores(_db: Db, _actor: Actor, _month: string, _now: Date): PerformanceMonth {
  return todo();
}
export function recordDeduction(_db: Db, _actor: Actor, _input: DeductionRecordInput, _now: Date): DeductionRecord {
  return todo();
}
export function deductionsOf(_db: Db, _actor: Actor, _month: string): DeductionRecord[] {
  return todo();
}
