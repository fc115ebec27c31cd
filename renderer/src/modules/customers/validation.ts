// Field errors for the grid and the form, from the same zod schema the core uses and from the
// core's own answer, in the active language.
import type { z } from 'zod';
import { FIELD_LABELS } from '../../../../shared/api';
import { customerCreateSchema, customerPatchSchema, type CustomerPatch } from '../../../../shared/customers';
import { validationError, type FieldIssue } from '../../../../shared/errors';
import { ApiError } from '../../api/client';
import type { Lang } from '../../i18n';

export type FieldErrors = Partial<Record<string, string>>;

function issueText(issue: FieldIssue, lang: Lang): string {
  return lang === 'zh' ? issue.message : issue.messageEn;
}

/** The field key an issue is about: "patch.phone" → "phone", "customer.name" → "name". */
export function issueField(path: string): string {
  const parts = path.split('.');
  return (parts[0] === 'patch' || parts[0] === 'customer' ? parts[1] : parts[0]) ?? path;
}

export function zodFieldErrors(error: z.ZodError, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of validationError(error, FIELD_LABELS).issues) {
    const field = issueField(issue.field);
    errors[field] ??= issueText(issue, lang);
  }
  return errors;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; message: string };

function firstMessage(errors: FieldErrors): string {
  return Object.values(errors).find((m): m is string => Boolean(m)) ?? '';
}

/** A change of some fields, checked like the core checks `customers.update`. */
export function checkPatch(patch: Record<string, unknown>, lang: Lang): Checked<CustomerPatch> {
  const parsed = customerPatchSchema.safeParse(patch);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = zodFieldErrors(parsed.error, lang);
  return { ok: false, errors, message: firstMessage(errors) };
}

/** A new customer, checked like the core checks `customers.create`. */
export function checkCreate(values: Record<string, unknown>, lang: Lang): Checked<z.output<typeof customerCreateSchema>> {
  const parsed = customerCreateSchema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = zodFieldErrors(parsed.error, lang);
  return { ok: false, errors, message: firstMessage(errors) };
}

/** The per-field messages of an error the core returned (empty when it named no field). */
export function apiFieldErrors(error: unknown, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.payload.issues) {
    if (!issue.field) continue;
    errors[issueField(issue.field)] ??= issueText(issue, lang);
  }
  return errors;
}
