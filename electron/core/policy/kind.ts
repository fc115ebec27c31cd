// A kind of request the engine judges (leave, entertainment, price…): its input schema (amounts in
// integer fen, dates YYYY-MM-DD, times ISO 8601 with offset), an example for the docs, and how it
// calls the rules. `salesdesk policy check`, the live previews and the binding checks all go
// through evaluateRequest in kinds.ts.
import type { z } from 'zod';
import type { Label } from '../../../shared/domain';
import type { ApproverStep, Finding } from '../../../shared/policy';
import type { RuleContext } from './rule';
import type { CatalogRuleId } from './catalog';
import type { ParamsOf } from './params';

export interface KindContext extends RuleContext {
  /** The parameters in force on `today` (the submission day). */
  params<Id extends CatalogRuleId>(ruleId: Id): ParamsOf<Id>;
}

export interface KindOutcome {
  findings: Finding[];
  computed: Record<string, unknown>;
  /** Approvals the kind always needs (every expense, every leave), before any a finding adds. */
  baseApprovals?: ApproverStep[];
}

export interface KindDef<S extends z.ZodType = z.ZodType> {
  kind: string;
  label: Label;
  /** The rule ids this kind consults (shown in `salesdesk policy kinds`). */
  rules: readonly string[];
  schema: S;
  example: z.input<S>;
  /** A request people file and approvers decide (leave, expenses, quotes), not only a check (lateness, complaint deadlines). */
  submittable: boolean;
  /** Where people file a kind that is not submitted as a bare request (e.g. expenses: the Expenses page, which links them). */
  filedOn?: Label;
  /** The day the request was submitted, when the request says (e.g. its appliedOn): parameters in force that day judge it. */
  submittedOn?(request: z.output<S>): string | undefined;
  evaluate(request: z.output<S>, ctx: KindContext): KindOutcome;
}

export function defineKind<S extends z.ZodType>(def: KindDef<S>): KindDef<S> {
  return def;
}
