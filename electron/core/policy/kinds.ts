// The request kinds of every rule family, and the one entry point that judges a request.
import { z } from 'zod';
import { AppError, validationError } from '../../../shared/errors';
import { ROLES, type Role } from '../../../shared/domain';
import type { Decision } from '../../../shared/policy';
import { isoDate } from '../../../shared/validation';
import { workCalendar, type WorkCalendar } from './calendar';
import { RULES, type CatalogRuleId } from './catalog';
import { combine } from './engine';
import { fieldLabels } from './fields';
import type { KindContext, KindDef } from './kind';
import type { ParamsOf } from './params';
import { kinds as activityKinds } from './rules/activity';
import { kinds as attendanceKinds } from './rules/attendance';
import { kinds as complaintKinds } from './rules/complaints';
import { kinds as customerKinds } from './rules/customers';
import { kinds as expenseKinds } from './rules/expenses';
import { kinds as leaveKinds } from './rules/leave';
import { kinds as ledgerKinds } from './rules/ledger';
import { kinds as orderKinds } from './rules/orders';
import { kinds as pricingKinds } from './rules/pricing';
import { kinds as settlementKinds } from './rules/settlement';

export const KINDS: readonly KindDef[] = [
  ...customerKinds,
  ...settlementKinds,
  ...pricingKinds,
  ...orderKinds,
  ...ledgerKinds,
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
  /** Today (YYYY-MM-DD): the submission day unless the request names its own (see KindDef.submittedOn). */
  today: string;
  /** The role of the applicant's direct superior ("the direct superior" steps); a manager by default. */
  superiorRole?: Role;
  calendar?: WorkCalendar;
  /** Stored parameters in force on `today`; defaults (the domain book's numbers) when omitted. */
  paramsFor?: <Id extends CatalogRuleId>(ruleId: Id, day: string) => ParamsOf<Id>;
}

const defaultsFor = <Id extends CatalogRuleId>(ruleId: Id): ParamsOf<Id> => (RULES[ruleId].params as z.ZodType).parse({}) as ParamsOf<Id>;

const HEAD_LABELS = { kind: { zh: '申请类型', en: 'Kind' }, superiorRole: { zh: '直接上级角色', en: 'Superior role' } };

/** Fields every kind accepts besides its own. */
const head = z.object({
  kind: z.string().min(1).max(40),
  /** Inline stand-in for the applicant's direct superior when no database says who it is. */
  superiorRole: z.enum(ROLES).optional(),
});

/** Judges one request `{ kind, …fields }`: a validation error names the field; otherwise the decision. */
export function evaluateRequest(raw: unknown, options: EvaluateOptions): Decision {
  const top = head.safeParse(raw, { reportInput: true });
  if (!top.success) throw validationError(top.error, HEAD_LABELS);
  const def = kindDef(top.data.kind);
  if (!def) {
    const known = KINDS.map((k) => k.kind).join(', ');
    throw new AppError('VALIDATION', `申请类型：未知的类型“${top.data.kind}”（可用：${known}）`, `Kind: unknown kind "${top.data.kind}" (known: ${known})`, [
      { field: 'kind', message: `申请类型：未知的类型“${top.data.kind}”`, messageEn: `Kind: unknown kind "${top.data.kind}"` },
    ]);
  }
  const { kind: _kind, superiorRole: _superiorRole, ...fields } = raw as Record<string, unknown>;
  const parsed = def.schema.safeParse(fields, { reportInput: true });
  if (!parsed.success) throw validationError(parsed.error, fieldLabels(def.schema));
  isoDate.parse(options.today);
  const day = def.submittedOn?.(parsed.data) ?? options.today;
  const ctx: KindContext = {
    today: day,
    calendar: options.calendar ?? workCalendar(),
    params: (ruleId) => (options.paramsFor ? options.paramsFor(ruleId, day) : defaultsFor(ruleId)),
  };
  const outcome = def.evaluate(parsed.data, ctx);
  return combine(outcome.findings, outcome.baseApprovals ?? [], outcome.computed, top.data.superiorRole ?? options.superiorRole ?? 'manager');
}
