// Test support for the policy unit tests: judging a request on a fixed day, expecting a validation
// error, parameters with one rule's changed, and findings in short form.
import { expect } from 'vitest';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Decision } from '../../shared/policy';
import { RULES, type CatalogRuleId } from '../../electron/core/policy/catalog';
import { evaluateRequest, type EvaluateOptions } from '../../electron/core/policy/kinds';

/** The day the policy tests judge on unless told otherwise (a Monday). */
export const TODAY = '2026-11-23';

/** Judges a request `{ kind, …fields }` on TODAY; `options` may change the day or anything else. */
export function judge(request: Record<string, unknown>, options: Partial<EvaluateOptions> = {}): Decision {
  return evaluateRequest(request, { today: TODAY, ...options });
}

/** Expects `judge(request, options)` to throw a VALIDATION AppError and returns it. */
export function rejects(request: Record<string, unknown>, options: Partial<EvaluateOptions> = {}): AppError {
  try {
    judge(request, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return error as AppError;
  }
  throw new Error(`expected ${JSON.stringify(request)} to be rejected with a validation error`);
}

/** Parameter overrides by rule; a rule left out keeps the domain book's defaults. */
export type ParamOverrides = Partial<Record<CatalogRuleId, Record<string, unknown>>>;

/**
 * A `paramsFor` giving each rule its overrides (through the rule's own schema) and the defaults
 * otherwise. `over` may depend on the day asked for (versioned parameters); every question is
 * recorded in `seen` as "RULE@day".
 */
export function paramsWith(
  over: ParamOverrides | ((day: string) => ParamOverrides),
  seen: string[] = [],
): NonNullable<EvaluateOptions['paramsFor']> {
  return ((id: CatalogRuleId, day: string) => {
    seen.push(`${id}@${day}`);
    const overrides = typeof over === 'function' ? over(day) : over;
    return (RULES[id].params as z.ZodType).parse(overrides[id] ?? {});
  }) as NonNullable<EvaluateOptions['paramsFor']>;
}

/** "RULE:severity" of every finding, in order. */
export function findingIds(decision: { findings: readonly { ruleId: string; severity: string }[] }): string[] {
  return decision.findings.map((finding) => `${finding.ruleId}:${finding.severity}`);
}

/** The problem after the field's label in a field issue's message ("：不能为空"). */
export function problem(issue: { message: string }): string {
  return issue.message.slice(issue.message.indexOf('：'));
}
