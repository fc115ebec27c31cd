// Field builders for request kinds: each field carries its Chinese/English label and what kind of
// input it is, so one schema gives the validation, the error messages naming the field, the form
// the renderer draws (live preview) and the documentation of `salesdesk policy kinds`.
import { z } from 'zod';
import type { Label } from '../../../shared/domain';
import { ROLES } from '../../../shared/domain';
import type { KindField, KindFieldInput } from '../../../shared/policy';
import { fen as fenSchema, isoDate } from '../../../shared/validation';
import { isoTimestamp } from './time';

interface FieldMeta {
  label: Label;
  input: KindFieldInput;
  options?: { value: string; label: Label }[];
  hint?: Label;
}

const registry = z.registry<FieldMeta>();

/** Labels a fresh copy of the schema: shared building blocks (isoDate, fen) must not carry one field's label. */
function tag<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  const own = schema.clone() as S;
  registry.add(own, meta);
  return own;
}

type Opts = { hint?: Label };

/** Field builders. Wrap in .optional() / .default() freely: the label is found through them. */
export const f = {
  /** Money in integer fen, never negative. */
  fen: (label: Label, o: Opts = {}) => tag(fenSchema, { label, input: 'fen', ...o }),
  /** A calendar date YYYY-MM-DD. */
  date: (label: Label, o: Opts = {}) => tag(isoDate, { label, input: 'date', ...o }),
  /** An ISO 8601 time with offset. */
  timestamp: (label: Label, o: Opts = {}) => tag(isoTimestamp, { label, input: 'timestamp', ...o }),
  /** A whole number ≥ min (0 unless told). */
  int: (label: Label, o: Opts & { min?: number; max?: number } = {}) =>
    tag(z.int().min(o.min ?? 0).max(o.max ?? 1_000_000_000), { label, input: 'int', ...(o.hint ? { hint: o.hint } : {}) }),
  /** A number ≥ 0 with decimals (tons, hours, days with halves). */
  number: (label: Label, o: Opts & { min?: number; max?: number } = {}) =>
    tag(z.number().min(o.min ?? 0).max(o.max ?? 1_000_000_000), { label, input: 'number', ...(o.hint ? { hint: o.hint } : {}) }),
  bool: (label: Label, o: Opts = {}) => tag(z.boolean(), { label, input: 'bool', ...o }),
  /** One of fixed values, each with its label. */
  choice: <const V extends readonly [string, ...string[]]>(label: Label, values: V, labels: Record<V[number], Label>, o: Opts = {}) =>
    tag(z.enum(values), { label, input: 'choice', options: values.map((value) => ({ value, label: labels[value as V[number]] })), ...o }),
  /** A role id (rep, supervisor, manager, director, gm…). */
  role: (label: Label, o: Opts = {}) => tag(z.enum(ROLES), { label, input: 'role', ...o }),
  /** Free text (a name, a reason). */
  text: (label: Label, o: Opts & { max?: number } = {}) =>
    tag(z.string().trim().min(1).max(o.max ?? 200), { label, input: 'text', ...(o.hint ? { hint: o.hint } : {}) }),
};

/** The schema inside .optional() / .nullable() / .default(). */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else return { inner, optional };
  }
}

/** The fields of a kind's object schema, in declaration order, for forms and documentation. */
export function describeFields(schema: z.ZodType): KindField[] {
  const shape = objectShape(schema);
  return Object.entries(shape).map(([name, field]) => {
    const { inner, optional } = unwrap(field);
    const meta = registry.get(inner);
    if (!meta) throw new Error(`policy kind field "${name}" has no label: build it with f.*`);
    return { name, optional, label: meta.label, input: meta.input, ...(meta.options ? { options: meta.options } : {}), ...(meta.hint ? { hint: meta.hint } : {}) };
  });
}

/** The labels of a kind's fields, for validation errors that name the field. */
export function fieldLabels(schema: z.ZodType): Record<string, Label> {
  return Object.fromEntries(describeFields(schema).map((field) => [field.name, field.label]));
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let s: z.ZodType = schema;
  // .superRefine / .check keep the object; .pipe/.transform do not (kinds must not transform).
  if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
  if (!(s instanceof z.ZodObject)) throw new Error('a policy kind schema must be a z.object');
  return s.shape as Record<string, z.ZodType>;
}
