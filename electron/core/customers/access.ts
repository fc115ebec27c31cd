// Who sees which customer files (DOMAIN §1): reps their own, supervisors their team's, the rest all.
import { eq, inArray, or, type SQL } from 'drizzle-orm';
import { ALL_CUSTOMERS_ROLES, CUSTOMER_APPROVER_ROLES } from '../../../shared/domain';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { teamOf } from '../users/team';
import { users } from '../users/schema';
import { customers } from './schema';

export function seesAllCustomers(actor: Actor): boolean {
  return (ALL_CUSTOMERS_ROLES as readonly string[]).includes(actor.role);
}

/** May approve C-NEW / C-CHANGE (a manager or above). */
export function approvesCustomerRequests(actor: Actor): boolean {
  return (CUSTOMER_APPROVER_ROLES as readonly string[]).includes(actor.role);
}


/** SQL restricting customers to those the actor may see; undefined when the actor sees all. */
export function customerScope(db: Db | Tx, actor: Actor): SQL | undefined {
  if (seesAllCustomers(actor)) return undefined;
  if (actor.role === 'supervisor') {
    const team = teamOf(db, actor.id);
    return team.length ? or(eq(customers.ownerId, actor.id), inArray(customers.ownerId, team)) : eq(customers.ownerId, actor.id);
  }
  return eq(customers.ownerId, actor.id);
}

/** Owners the actor may give a customer to: a rep only himself, a supervisor himself or his team. */
export function mayAssignOwner(db: Db | Tx, actor: Actor, ownerId: number): boolean {
  if (seesAllCustomers(actor)) return true;
  if (ownerId === actor.id) return true;
  return actor.role === 'supervisor' && teamOf(db, actor.id).includes(ownerId);
}
