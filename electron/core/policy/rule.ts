// A rule of ../shared/DOMAIN.md as code: a pure function of (request, context, params) → findings.
// Its parameters have a zod schema whose defaults are the domain book's numbers; the stored,
// versioned values override them.
import type { z } from 'zod';
import type { Label, Role } from '../../../shared/domain';
import type { ApproverStep, Finding, Severity } from '../../../shared/policy';
import type { WorkCalendar } from './calendar';

/** What a rule may know besides the request and its parameters: the day it is judged and the calendar. */
export interface RuleContext {
  /** The submission day (YYYY-MM-DD). */
  today: string;
  calendar: WorkCalendar;
}

export interface RuleOutcome {
  findings: Finding[];
  computed?: Record<string, unknown>;
}

export interface RuleDef<Request, Params extends z.ZodType> {
  id: string;
  name: Label;
  description: Label;
  params: Params;
  evaluate(request: Request, ctx: RuleContext, params: z.output<Params>): RuleOutcome;
}

export function defineRule<Request, Params extends z.ZodType>(def: RuleDef<Request, Params>): RuleDef<Request, Params> {
  return def;
}

/** The domain book's defaults of a rule: its params schema parsed from nothing. */
export function defaultParams<P extends z.ZodType>(rule: { params: P }): z.output<P> {
  return rule.params.parse({});
}

export function finding(
  ruleId: string,
  severity: Severity,
  message: Label,
  data: Record<string, unknown> = {},
  approvals: ApproverStep[] = [],
): Finding {
  return { ruleId, severity, message: message.zh, messageEn: message.en, approvals, data };
}

export const superior: ApproverStep = { kind: 'superior' };
export const role = (r: Role): ApproverStep => ({ kind: 'role', role: r });
