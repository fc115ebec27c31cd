// PLACEHOLDER (contract): C-VISIT overdue customers; the activity helper implements it.
import type { OverdueCustomer } from '../../../shared/activity';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';

export function overdueCustomers(_db: Db, _actor: Actor, _input: { ownerId?: number }, _now: Date): OverdueCustomer[] {
  throw new Error('not implemented yet');
}
