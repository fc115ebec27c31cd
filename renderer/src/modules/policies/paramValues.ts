// Parameter values as people read and type them: fen as yuan (¥5,000.00), shares as percentages
// (60%), the rest as numbers with their unit word; and back from what was typed to the stored value.
// Range checks here only spare a round trip; the core validates every version again.
import { useCallback, useMemo } from 'react';
import { formatYuan, parseYuanToFen } from '../../../../shared/money';
import type { ParamUnit } from '../../../../shared/policy';
import { ApiError } from '../../api/client';
import { useLabel, useLang } from '../../i18n';
import { usePoliciesMessages } from './messages';
import type { NumberShape, ParamField, ScalarShape } from './paramSchema';

export type CellInput = string | boolean;
export type RowInput = Record<string, CellInput>;
export type FieldInput = string | boolean | RowInput[];
export type FormValues = Record<string, FieldInput>;
/** Messages by path: "gmAboveFen", "tiers", "tiers.2.noticeDays". */
export type FieldErrors = Record<string, string>;

/** Shares are stored as fractions (0.6) and typed as percentages (60); round away float noise. */
const shareToPercent = (share: number) => Number((share * 100).toFixed(6));
const percentToShare = (percent: number) => Number((percent / 100).toFixed(8));

/** Digits and signs typed with a Chinese input method (full width) → ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function numberToInput(value: unknown, unit: ParamUnit | null): string {
  if (typeof value !== 'number') return '';
  if (unit === 'fen') return value % 100 === 0 ? String(value / 100) : (value / 100).toFixed(2);
  if (unit === 'share') return String(shareToPercent(value));
  return String(value);
}

function scalarToInput(value: unknown, unit: ParamUnit | null, shape: ScalarShape): CellInput {
  if (shape.kind === 'boolean') return value === true;
  if (shape.kind === 'number') return numberToInput(value, unit);
  return typeof value === 'string' ? value : '';
}

/** The form's starting value of a parameter (the value in force). */
export function toInput(field: ParamField, value: unknown): FieldInput {
  const { shape } = field;
  if (shape.kind === 'table') {
    const rows = Array.isArray(value) ? value : [];
    return rows.map((row) => Object.fromEntries(shape.columns.map((c) => [c.key, scalarToInput(isRecord(row) ? row[c.key] : undefined, c.unit, c.shape)])));
  }
  if (shape.kind === 'json') return JSON.stringify(value ?? null);
  return scalarToInput(value, field.unit, shape);
}

/** An empty row for a table parameter. */
export function emptyRow(field: ParamField): RowInput {
  if (field.shape.kind !== 'table') return {};
  return Object.fromEntries(field.shape.columns.map((c) => [c.key, c.shape.kind === 'boolean' ? false : '']));
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

export interface ParamText {
  /** One value in its unit: ¥5,000.00, 60%, 3 个工作日, 不限. */
  scalar(value: unknown, unit: ParamUnit | null, shape?: ScalarShape): string;
  /** A whole parameter as one line (tables as "列 值，列 值；…"), for history and scheduled versions. */
  line(field: ParamField, value: unknown): string;
  /** The word after an input box: 元, %, 天… */
  suffix(unit: ParamUnit | null, shape: ScalarShape): string | null;
  /** "范围：0%–100%" style hint of a number's bounds, or null. */
  range(unit: ParamUnit | null, shape: ScalarShape): string | null;
}

export function useParamText(): ParamText {
  const t = usePoliciesMessages();
  const label = useLabel();
  const { lang } = useLang();
  const number = useMemo(() => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 }), [lang]);

  const numberText = useCallback(
    (value: number, unit: ParamUnit | null): string => {
      const n = number.format(value);
      switch (unit) {
        case 'fen':
          return formatYuan(value);
        case 'share':
          return `${number.format(shareToPercent(value))}%`;
        case 'days':
          return t('unitDays', { n });
        case 'workingDays':
          return t('unitWorkingDays', { n });
        case 'hours':
          return t('unitHours', { n });
        case 'tons':
          return t('unitTons', { n });
        case 'count':
          return t('unitCount', { n });
        case 'points':
          return t('unitPoints', { n });
        case 'day':
          return t('unitDay', { n });
        default:
          return n;
      }
    },
    [number, t],
  );

  return useMemo(() => {
    const scalar = (value: unknown, unit: ParamUnit | null, shape?: ScalarShape): string => {
      if (value === null || value === undefined) return shape?.kind === 'number' || (!shape && value === null) ? t('unlimited') : t('none');
      if (typeof value === 'boolean') return value ? t('yes') : t('no');
      if (typeof value === 'number') return numberText(value, unit);
      if (typeof value === 'string') return value;
      return JSON.stringify(value);
    };
    const line = (field: ParamField, value: unknown): string => {
      const { shape } = field;
      if (shape.kind === 'table' && Array.isArray(value)) {
        const sep = lang === 'zh' ? '，' : ', ';
        return value
          .map((row) => shape.columns.map((c) => `${label(c.label)} ${scalar(isRecord(row) ? row[c.key] : undefined, c.unit, c.shape)}`).join(sep))
          .join(lang === 'zh' ? '；' : '; ');
      }
      if (shape.kind === 'table' || shape.kind === 'json') return JSON.stringify(value);
      return scalar(value, field.unit, shape);
    };
    const suffix = (unit: ParamUnit | null, shape: ScalarShape): string | null => {
      if (shape.kind !== 'number') return null;
      switch (unit) {
        case 'fen':
          return t('suffixFen');
        case 'share':
          return t('suffixShare');
        case 'days':
          return t('suffixDays');
        case 'workingDays':
          return t('suffixWorkingDays');
        case 'hours':
          return t('suffixHours');
        case 'tons':
          return t('suffixTons');
        case 'count':
          return t('suffixCount');
        case 'points':
          return t('suffixPoints');
        case 'day':
          return t('suffixDay');
        default:
          return null;
      }
    };
    const range = (unit: ParamUnit | null, shape: ScalarShape): string | null => {
      if (shape.kind !== 'number') return null;
      const parts: string[] = [];
      if (shape.min !== undefined) parts.push(t(shape.exclusiveMin ? 'rangeAbove' : 'rangeFrom', { min: numberText(shape.min, unit) }));
      if (shape.max !== undefined) parts.push(t(shape.exclusiveMax ? 'rangeBelow' : 'rangeTo', { max: numberText(shape.max, unit) }));
      return parts.length ? t('rangeHint', { range: parts.join(lang === 'zh' ? '，' : ', ') }) : null;
    };
    return { scalar, line, suffix, range };
  }, [t, label, lang, numberText]);
}

/** Turns the form into the params to send, or the messages of what is wrong (by path). */
export type ParseParams = (fields: readonly ParamField[], values: FormValues) => { params: Record<string, unknown>; errors: FieldErrors };

export function useParamParser(): ParseParams {
  const t = usePoliciesMessages();
  const label = useLabel();
  const text = useParamText();

  return useCallback(
    (fields, values) => {
      const errors: FieldErrors = {};

      const parseNumber = (raw: string, unit: ParamUnit | null, shape: NumberShape, name: string): Parsed => {
        const typed = halfWidth(raw).trim();
        if (typed === '') return shape.nullable ? { ok: true, value: null } : { ok: false, message: t('errRequired', { label: name }) };
        let value: number;
        if (unit === 'fen') {
          const fen = parseYuanToFen(typed);
          if (fen === null) return { ok: false, message: t('errYuan', { label: name }) };
          value = fen;
        } else {
          const cleaned = typed.replace(/[,\s]/g, '').replace(/%$/, '');
          if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, message: t('errNumber', { label: name }) };
          value = unit === 'share' ? percentToShare(Number(cleaned)) : Number(cleaned);
          if (shape.integer && !Number.isInteger(value)) return { ok: false, message: t('errInteger', { label: name }) };
        }
        if (shape.min !== undefined && (shape.exclusiveMin ? value <= shape.min : value < shape.min)) {
          return { ok: false, message: t(shape.exclusiveMin ? 'errAbove' : 'errMin', { label: name, min: text.scalar(shape.min, unit) }) };
        }
        if (shape.max !== undefined && (shape.exclusiveMax ? value >= shape.max : value > shape.max)) {
          return { ok: false, message: t(shape.exclusiveMax ? 'errBelow' : 'errMax', { label: name, max: text.scalar(shape.max, unit) }) };
        }
        return { ok: true, value };
      };

      const parseScalar = (input: CellInput | undefined, unit: ParamUnit | null, shape: ScalarShape, name: string): Parsed => {
        if (shape.kind === 'boolean') return { ok: true, value: input === true };
        const raw = typeof input === 'string' ? input : '';
        if (shape.kind === 'number') return parseNumber(raw, unit, shape, name);
        const typed = halfWidth(raw).trim();
        if (typed === '' && shape.nullable) return { ok: true, value: null };
        if (typed === '' && (shape.pattern || (shape.minLength ?? 0) > 0)) return { ok: false, message: t('errRequired', { label: name }) };
        if (shape.pattern && !new RegExp(shape.pattern, 'u').test(typed)) {
          const isTime = unit === 'time' || shape.pattern.includes(':');
          return { ok: false, message: t(isTime ? 'errTime' : 'errPattern', { label: name }) };
        }
        return { ok: true, value: typed };
      };

      const params: Record<string, unknown> = {};
      for (const field of fields) {
        const name = label(field.label);
        const input = values[field.key];
        const { shape } = field;
        if (shape.kind === 'table') {
          const rows = Array.isArray(input) ? input : [];
          if (shape.minItems !== undefined && rows.length < shape.minItems) errors[field.key] = t('errMinRows', { label: name, n: shape.minItems });
          if (shape.maxItems !== undefined && rows.length > shape.maxItems) errors[field.key] = t('errMaxRows', { label: name, n: shape.maxItems });
          params[field.key] = rows.map((row, i) => {
            const out: Record<string, unknown> = {};
            for (const column of shape.columns) {
              const cellName = `${name} ${t('errRow', { n: i + 1 })} ${label(column.label)}`;
              const parsed = parseScalar(row[column.key], column.unit, column.shape, cellName);
              if (parsed.ok) out[column.key] = parsed.value;
              else errors[`${field.key}.${i}.${column.key}`] = parsed.message;
            }
            return out;
          });
        } else if (shape.kind === 'json') {
          try {
            params[field.key] = JSON.parse(typeof input === 'string' ? input : 'null') as unknown;
          } catch {
            errors[field.key] = t('errJson', { label: name });
          }
        } else {
          const parsed = parseScalar(typeof input === 'boolean' || typeof input === 'string' ? input : undefined, field.unit, shape, name);
          if (parsed.ok) params[field.key] = parsed.value;
          else errors[field.key] = parsed.message;
        }
      }
      return { params, errors };
    },
    [t, label, text],
  );
}

/**
 * The core's validation issues by path (relative to the params, maybe prefixed "params."). A message
 * about a table cell may name it by its raw path ("tiers.2.maxDays：…"); `labelOf` gives the words.
 */
export function coreFieldErrors(error: unknown, lang: 'zh' | 'en', labelOf: (path: string) => string | null): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.payload.issues) {
    const path = issue.field.replace(/^params\./, '');
    let message = lang === 'zh' ? issue.message : issue.messageEn;
    const label = labelOf(path);
    for (const raw of [issue.field, path]) {
      for (const sep of ['：', ': ']) {
        if (label && message.startsWith(`${raw}${sep}`)) message = `${label}${sep}${message.slice(raw.length + sep.length)}`;
      }
    }
    errors[path] = message;
  }
  return errors;
}
