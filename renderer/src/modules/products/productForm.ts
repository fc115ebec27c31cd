// Product form values: typed text ↔ API values (yuan ↔ fen), checked with the same zod schemas the
// core uses, and the core's field errors mapped back onto the inputs, in the active language.
import type { z } from 'zod';
import { FIELD_LABELS } from '../../../../shared/api';
import { validationError, type FieldIssue } from '../../../../shared/errors';
import { formatFen, parseYuanToFen } from '../../../../shared/money';
import type { Product } from '../../../../shared/products';
import { ApiError } from '../../api/client';
import type { Lang } from '../../i18n';

export type FieldErrors = Partial<Record<string, string>>;

export const TEXT_FIELDS = ['code', 'name', 'spec', 'unit', 'productLine'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type TextValues = Record<TextField, string>;

export function textValuesOf(product: Product | null): TextValues {
  return {
    code: product?.code ?? '',
    name: product?.name ?? '',
    spec: product?.spec ?? '',
    unit: product?.unit ?? '吨',
    productLine: product?.productLine ?? '',
  };
}

/** fen → the text an amount input starts with ("9,800.00"). */
export const yuanText = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen));

/** Typed yuan → fen; `undefined` for an empty input (the schema then says 不能为空), null when not an amount. */
export function parseYuanInput(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  return parseYuanToFen(text);
}

/** K-MONTHLY's gross margin (sales − cost) / sales; undefined (no price) shows as "—". */
export function marginText(standardFen: number, costFen: number): string {
  if (standardFen === 0) return '—';
  return `${(((standardFen - costFen) / standardFen) * 100).toFixed(1)}%`;
}

/** The input an issue is about: "product.name" → "name", "effectiveFrom" → "effectiveFrom". */
export function issueField(path: string): string {
  const parts = path.split('.');
  return (parts[0] === 'product' && parts.length > 1 ? parts[1] : parts[0]) ?? path;
}

const issueText = (issue: FieldIssue, lang: Lang) => (lang === 'zh' ? issue.message : issue.messageEn);

export function zodFieldErrors(error: z.ZodError, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of validationError(error, FIELD_LABELS).issues) errors[issueField(issue.field)] ??= issueText(issue, lang);
  return errors;
}

/** The per-field messages of an error the core returned (empty when it named no field). */
export function apiFieldErrors(error: unknown, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.payload.issues) {
    if (issue.field) errors[issueField(issue.field)] ??= issueText(issue, lang);
  }
  return errors;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; message: string };

/** Parses with a shared schema into either the value or per-field messages. */
export function check<S extends z.ZodType>(schema: S, value: unknown, lang: Lang): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = zodFieldErrors(parsed.error, lang);
  return { ok: false, errors, message: Object.values(errors).find((m): m is string => Boolean(m)) ?? '' };
}
