// The request kinds of every rule family, and the one entry point that judges a request.
import { z } from 'zod';
import { AppError, validationError } from '../../../shared/errors';
import type { Decision } from '../../../shared/policy';
import { isoDate } from '../../../shared/validation';
import { workCalendar, type WorkCalendar } from './calendar';
import { RULES, type CatalogRuleId } from './catalog';
import { combine } from './engine';
import type { KindContext, KindDef } from './kind';
import type { ParamsOf } from './params';
import { kinds as activityKinds } from './rules/activity';
import { kinds as attendanceKinds } from './rules/attendance';
import { kinds as complaintKinds } from './rules/complaints';
import { kinds as customerKinds } from './rules/customers';
import { kinds as expenseKinds } from './rules/expenses';
import { kinds as leaveKinds } from './rules/leave';
import { kinds as orderKinds } from './rules/orders';
import { kinds as pricingKinds } from './rules/pricing';
import { kinds as settlementKinds } from './rules/settlement';

export const KINDS: readonly KindDef[] = [
  ...customerKinds,
  ...settlementKinds,
  ...pricingKinds,
  ...orderKinds,
  ...expenseKinds,
  ...complaintKinds,
  ...leaveKinds,
  ...attendanceKinds,
  ...activityKinds,
];

export function kindDef(kind: string): KindDef | undefined {
  return KINDS.find((k) => k.kind === kind);
}

export interface EvaluateOptions {
  /** The submission day (YYYY-MM-DD): selects the parameter versions in force. */
  today: string;
  calendar?: WorkCalendar;
  /** Stored parameters in force on `today`; defaults (the domain book's numbers) when omitted. */
  paramsFor?: <Id extends CatalogRuleId>(ruleId: Id, day: string) => ParamsOf<Id>;
}

const defaultsFor = <Id extends CatalogRuleId>(ruleId: Id): ParamsOf<Id> => (RULES[ruleId].params as z.ZodType).parse({}) as ParamsOf<Id>;

const KIND_LABELS = { kind: { zh: '申请类型', en: 'Kind' } };

/** Judges one request `{ kind, …fields }`: a validation error names the field; otherwise the decision. */
export function evaluateRequest(raw: unknown, options: EvaluateOptions): Decision {
  const head = z.object({ kind: z.string().min(1).max(40) }).safeParse(raw);
  if (!head.success) throw validationError(head.error, KIND_LABELS);
  const def = kindDef(head.data.kind);
  if (!def) {
    const known = KINDS.map((k) => k.kind).join(', ');
    throw new AppError('VALIDATION', `申请类型：未知的类型“${head.data.kind}”（可用：${known}）`, `Kind: unknown kind "${head.data.kind}" (known: ${known})`, [
      { field: 'kind', message: `申请类型：未知的类型“${head.data.kind}”`, messageEn: `Kind: unknown kind "${head.data.kind}"` },
    ]);
  }
  const { kind: _kind, ...fields } = raw as Record<string, unknown>;
  const parsed = def.schema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw validationError(parsed.error, {});
  isoDate.parse(options.today);
  const ctx: KindContext = {
    today: options.today,
    calendar: options.calendar ?? workCalendar(),
    params: (ruleId) => (options.paramsFor ? options.paramsFor(ruleId, options.today) : defaultsFor(ruleId)),
  };
  const outcome = def.evaluate(parsed.data, ctx);
  return combine(outcome.findings, outcome.baseApprovals ?? [], outcome.computed);
}
