// A kind of request the engine judges (leave, entertainment, price…): its input schema (amounts in
// integer fen, dates YYYY-MM-DD, times ISO 8601 with offset), an example for the docs, and how it
// calls the rules. `salesdesk policy check`, the live previews and the binding checks all go
// through evaluateRequest in kinds.ts.
import type { z } from 'zod';
import type { Label } from '../../../shared/domain';
import type { ApproverStep, Finding } from '../../../shared/policy';
import type { WorkCalendar } from './calendar';
import type { CatalogRuleId } from './catalog';
import type { ParamsOf } from './params';

export interface KindContext {
  /** The day the request is judged for (its submission day): parameters in force that day apply. */
  today: string;
  calendar: WorkCalendar;
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
  evaluate(request: z.output<S>, ctx: KindContext): KindOutcome;
}

export function defineKind<S extends z.ZodType>(def: KindDef<S>): KindDef<S> {
  return def;
}
