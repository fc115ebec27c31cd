// Versioned policy parameters: the stored version in force on a day, else the domain book's defaults.
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { validationError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { RULES, type CatalogRuleId } from './catalog';
import { policyParams } from './schema';

export type ParamsOf<Id extends CatalogRuleId> = z.output<(typeof RULES)[Id]['params']>;

/** The parameters of a rule in force on `day` (YYYY-MM-DD). */
export function paramsInForce<Id extends CatalogRuleId>(db: Db | Tx, ruleId: Id, day: string): ParamsOf<Id> {
  const schema: z.ZodType = RULES[ruleId].params;
  const row = db
    .select({ params: policyParams.params })
    .from(policyParams)
    .where(and(eq(policyParams.ruleId, ruleId), lte(policyParams.effectiveFrom, day)))
    .orderBy(desc(policyParams.effectiveFrom))
    .get();
  // A stored version is re-validated: defaults fill parameters added to the rule since it was saved.
  return schema.parse(row ? JSON.parse(row.params) : {}) as ParamsOf<Id>;
}

export function paramHistory(db: Db | Tx, ruleId: CatalogRuleId) {
  return db.select().from(policyParams).where(eq(policyParams.ruleId, ruleId)).orderBy(asc(policyParams.effectiveFrom)).all();
}

/** Stores a new version from `effectiveFrom` on (replacing one of the same day), validated by the rule's schema. */
export function setParams(db: Db, actor: Actor, ruleId: CatalogRuleId, params: unknown, effectiveFrom: string, note: string, at: Date) {
  const parsed = RULES[ruleId].params.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, {});
  return db.transaction((tx) => {
    const before = tx
      .select()
      .from(policyParams)
      .where(and(eq(policyParams.ruleId, ruleId), eq(policyParams.effectiveFrom, effectiveFrom)))
      .get();
    const values = { ruleId, effectiveFrom, params: JSON.stringify(parsed.data), note, createdBy: actor.id, createdAt: at.toISOString() };
    const row = tx
      .insert(policyParams)
      .values(values)
      .onConflictDoUpdate({ target: [policyParams.ruleId, policyParams.effectiveFrom], set: values })
      .returning()
      .get();
    recordAudit(tx, { userId: actor.id, action: 'policy.setParams', entity: 'policy_params', entityId: ruleId, before: before ?? null, after: row, at });
    return row;
  });
}
