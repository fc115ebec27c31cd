// A kind's fields between what a person types and what the engine takes: yuan ↔ fen, local
// date-time ↔ ISO 8601 with the office's offset, and how a stored value reads in a list.
import { formatTimestamp } from '../../../../shared/dates';
import { ROLE_LABELS, ROLES, type Label, type Role } from '../../../../shared/domain';
import { formatYuan, parseYuanToFen } from '../../../../shared/money';
import type { KindField } from '../../../../shared/policy';

export { ON_BEHALF_ROLES } from '../../../../shared/requests';

/** What the form holds per field: text for typed inputs, a boolean for checkboxes. */
export type FormValue = string | boolean;

export type Converted = { ok: true; value: unknown } | { ok: false; problem: 'invalidAmount' | 'invalidNumber' | 'invalidInteger' } | { ok: true; value: undefined };

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23T09:30" typed in a datetime-local input → "2026-11-23T09:30:00+08:00" (this computer's offset). */
export function localInputToIso(value: string): string {
  const at = new Date(value);
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

export function convert(field: KindField, raw: FormValue | undefined): Converted {
  if (field.input === 'bool') return { ok: true, value: raw === true };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: true, value: undefined };
  switch (field.input) {
    case 'fen': {
      const fen = parseYuanToFen(text);
      return fen === null ? { ok: false, problem: 'invalidAmount' } : { ok: true, value: fen };
    }
    case 'int': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, problem: 'invalidInteger' };
    }
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: 'invalidNumber' };
    }
    case 'timestamp':
      return { ok: true, value: localInputToIso(text) };
    default:
      return { ok: true, value: text };
  }
}

/**
 * A new form: empty, except what the core fills in anyway — the submission day (appliedOn is
 * always today) and the applicant's own role (a quote is judged by the quoting person's authority).
 */
export function blankForm(fields: KindField[], given: { today: string; role: string }): Record<string, FormValue> {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.input === 'bool' ? false : f.name === 'appliedOn' ? given.today : f.input === 'role' && f.name === 'role' ? given.role : '']),
  );
}

/** Fields the core sets itself: shown, not editable. */
export const FIXED_FIELDS: readonly string[] = ['appliedOn', 'role'];

/** A stored value as a person reads it. */
export function valueText(field: KindField | undefined, value: unknown, label: (l: Label) => string, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.input) {
    case 'fen':
      return typeof value === 'number' ? formatYuan(value) : String(value);
    case 'bool':
      return value === true ? yesNo.yes : yesNo.no;
    case 'timestamp':
      return typeof value === 'string' ? formatTimestamp(value) : String(value);
    case 'role':
      return (ROLES as readonly string[]).includes(String(value)) ? label(ROLE_LABELS[value as (typeof ROLES)[number]]) : String(value);
    case 'choice': {
      const option = field.options?.find((o) => o.value === value);
      return option ? label(option.label) : String(value);
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A computed value of the engine, by the convention of its key (…Fen is money, …Pct a percentage). */
export function computedText(key: string, value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number' && /Fen$/.test(key)) return formatYuan(value);
  if (typeof value === 'number' && /Pct$/.test(key)) return `${value}%`;
  if (typeof value === 'string' && /At$/.test(key)) return formatTimestamp(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
