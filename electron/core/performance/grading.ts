// PLACEHOLDER (contract): C-GRADE monthly proposals; the performance helper implements these.
import type { GradeDecideInput, GradeProposal } from '../../../shared/performance';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';

export function proposals(_db: Db, _actor: Actor, _month: string, _now: Date): GradeProposal[] {
  throw new Error('not implemented yet');
}
export function decide(_db: Db, _actor: Actor, _input: GradeDecideInput, _now: Date): GradeProposal {
  throw new Error('not implemented yet');
}
