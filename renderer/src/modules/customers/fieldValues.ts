// One customer field's value in its three shapes: stored (fen, thousandths, codes, booleans), typed
// by a person (form inputs, cell editors) and shown (¥1,234.50, 战略级, 是/否). The grid, the
// detail form and the change-request history all go through here.
import {
  CUSTOMER_DEFAULTS,
  CUSTOMER_FIELDS,
  type Customer,
  type CustomerField,
  type CustomerFieldMeta,
  type FieldKind,
} from '../../../../shared/customers';
import type { Label } from '../../../../shared/domain';
import { formatFen, formatQuantity, formatYuan, parseQuantity, parseYuanToFen } from '../../../../shared/money';
import type { CustomerT } from './messages';

export const FIELD_META: ReadonlyMap<string, CustomerFieldMeta> = new Map(CUSTOMER_FIELDS.map((meta) => [meta.key, meta]));

/** What a form input holds: text for everything but the yes/no checkboxes. */
export type FormInput = string | boolean;
export type FormValues = Record<CustomerField, FormInput>;

export type ParseProblem = 'invalidMoney' | 'invalidQuantity' | 'invalidInt';
export type Parsed = { ok: true; value: unknown } | { ok: false; problem: ParseProblem };

const ok = (value: unknown): Parsed => ({ ok: true, value });

/**
 * Typed input → the value the API expects. Range and format checks are left to the shared zod
 * schema; this only converts units (yuan → fen, tons → thousandths) and empty → null.
 */
export function parseInput(kind: FieldKind, input: FormInput | null | undefined): Parsed {
  if (kind === 'bool') return ok(input === true || input === 'true');
  const text = input === null || input === undefined || typeof input === 'boolean' ? '' : input;
  switch (kind) {
    case 'text':
    case 'longText':
      return ok(text);
    case 'enum':
    case 'date':
      return ok(text.trim() === '' ? null : text.trim());
    case 'user':
      return ok(/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
    case 'money': {
      const fen = parseYuanToFen(text);
      return fen === null ? { ok: false, problem: 'invalidMoney' } : ok(fen);
    }
    case 'quantity': {
      const milli = parseQuantity(text);
      return milli === null ? { ok: false, problem: 'invalidQuantity' } : ok(milli);
    }
    case 'int':
      return /^\s*\d{1,9}\s*$/.test(text) ? ok(Number(text)) : { ok: false, problem: 'invalidInt' };
  }
}

/** Stored value → what the form input starts with. */
export function toFormInput(kind: FieldKind, value: unknown): FormInput {
  if (kind === 'bool') return value === true;
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'money':
      return formatFen(Number(value));
    case 'quantity':
      return formatQuantity(Number(value));
    default:
      return String(value);
  }
}

export function formValuesOf(customer: Customer): FormValues {
  const values = {} as FormValues;
  for (const meta of CUSTOMER_FIELDS) values[meta.key] = toFormInput(meta.kind, customer[meta.key]);
  return values;
}

/** A new customer's form: the shared defaults (S-DEFAULT: cash, no credit), the owner preset when given. */
export function blankFormValues(ownerId: number | null): FormValues {
  const values = {} as FormValues;
  for (const meta of CUSTOMER_FIELDS) {
    const preset: unknown = meta.key in CUSTOMER_DEFAULTS ? CUSTOMER_DEFAULTS[meta.key as keyof typeof CUSTOMER_DEFAULTS] : undefined;
    values[meta.key] = toFormInput(meta.kind, meta.key === 'ownerId' ? ownerId : preset);
  }
  return values;
}

export interface DisplayContext {
  t: CustomerT;
  label(label: Label | undefined): string;
  /** Owner rep names by user id (the directory); the row's ownerName is used when it is the row's own owner. */
  userName(id: number): string | undefined;
}

/** Stored value → the text a person reads (grid cells, change history). */
export function displayValue(meta: CustomerFieldMeta, value: unknown, ctx: DisplayContext): string {
  if (value === null || value === undefined || value === '') {
    return meta.kind === 'enum' ? ctx.t('unset') : '';
  }
  switch (meta.kind) {
    case 'money':
      return typeof value === 'number' ? formatYuan(value) : String(value);
    case 'quantity':
      return typeof value === 'number' ? formatQuantity(value) : String(value);
    case 'bool':
      return value ? ctx.t('yes') : ctx.t('no');
    case 'enum':
      return ctx.label(meta.options?.[String(value)]) || String(value);
    case 'user':
      return ctx.userName(Number(value)) ?? `#${String(value)}`;
    default:
      return String(value);
  }
}
