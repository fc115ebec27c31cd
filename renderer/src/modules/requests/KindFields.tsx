// The form of a request kind's fields, drawn from `policy.kinds` (fen typed as yuan, dates, yes/no,
// choices…): used by the generic 新建申请 drawer and by the expense request form, which hides what
// the core fills in itself. `useBuiltFields` turns what was typed into the values the engine takes.
import { useMemo, type KeyboardEvent } from 'react';
import { ROLE_LABELS, ROLES } from '../../../../shared/domain';
import type { KindField } from '../../../../shared/policy';
import { Field } from '../../app/Field';
import { useLabel } from '../../i18n';
import { useRequestMessages } from './messages';
import { convert, FIXED_FIELDS, type FormValue } from './values';

export function FieldInput(props: {
  field: KindField;
  value: FormValue | undefined;
  onChange: (v: FormValue) => void;
  error?: string;
  disabled?: boolean;
  testId: string;
}) {
  const { field, value, onChange } = props;
  const t = useRequestMessages();
  const label = useLabel();
  const common = { name: field.name, disabled: props.disabled, 'aria-invalid': props.error ? true : undefined, 'data-testid': props.testId } as const;
  switch (field.input) {
    case 'bool':
      return <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'date':
      return <input type="date" {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'timestamp':
      return <input type="datetime-local" {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    case 'choice':
    case 'role': {
      const options = field.input === 'role' ? ROLES.map((r) => ({ value: r, text: label(ROLE_LABELS[r]) })) : (field.options ?? []).map((o) => ({ value: o.value, text: label(o.label) }));
      return (
        <select {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.optional ? t('unset') : '—'}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </select>
      );
    }
    default:
      return (
        <input
          type="text"
          inputMode={field.input === 'text' ? undefined : 'decimal'}
          autoComplete="off"
          {...common}
          className={field.input === 'fen' || field.input === 'int' || field.input === 'number' ? 'num' : undefined}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

export interface BuiltFields {
  /** The typed values as the engine takes them (fen, numbers, ISO dates); blanks left out. */
  values: Record<string, unknown>;
  /** Local problems by field (an amount that is not one…). */
  problems: Record<string, string>;
  /** Every required field is filled and nothing is malformed. */
  complete: boolean;
}

/** The form's values converted field by field; `skip` names fields the caller does not send. */
export function useBuiltFields(fields: readonly KindField[] | undefined, form: Record<string, FormValue>, skip: readonly string[] = []): BuiltFields | null {
  const t = useRequestMessages();
  const skipKey = skip.join('|');
  return useMemo(() => {
    if (!fields) return null;
    const skipped = skipKey.split('|');
    const values: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    let missing = false;
    for (const field of fields) {
      if (skipped.includes(field.name)) continue;
      const converted = convert(field, form[field.name]);
      if (!converted.ok) problems[field.name] = t(converted.problem);
      else if (converted.value === undefined) missing ||= !field.optional;
      else values[field.name] = converted.value;
    }
    return { values, problems, complete: !missing && Object.keys(problems).length === 0 };
  }, [fields, form, t, skipKey]);
}

/** One labelled input per field (hint: yuan, optional, the kind's own hint), as grid cells of the caller's form. */
export function KindFields(props: {
  fields: readonly KindField[];
  form: Record<string, FormValue>;
  onChange: (name: string, value: FormValue) => void;
  errors: Readonly<Record<string, string | undefined>>;
  /** Fields not shown at all (the core fills them in). */
  hidden?: readonly string[];
  /** data-testid of each input: `${testIdPrefix}-${field.name}`. */
  testIdPrefix: string;
  /** Prefix of React keys, so a new kind starts with fresh inputs. */
  keyPrefix: string;
}) {
  const t = useRequestMessages();
  const label = useLabel();
  return (
    <>
      {props.fields
        .filter((field) => !props.hidden?.includes(field.name))
        .map((field) => {
          const error = props.errors[field.name];
          const hint = [field.input === 'fen' ? t('yuanHint') : '', field.optional ? t('optional') : '', field.hint ? label(field.hint) : ''].filter(Boolean).join(' · ');
          return (
            <Field key={`${props.keyPrefix}-${field.name}`} label={label(field.label)} error={error} hint={hint || undefined}>
              <FieldInput
                field={field}
                value={props.form[field.name]}
                error={error}
                disabled={FIXED_FIELDS.includes(field.name)}
                testId={`${props.testIdPrefix}-${field.name}`}
                onChange={(v) => props.onChange(field.name, v)}
              />
            </Field>
          );
        })}
    </>
  );
}

/** The inputs of a form a person can type in, in order. */
function typeable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('input, select, textarea')].filter(
    (el) => !(el as HTMLInputElement).disabled && el.offsetParent !== null && el.getAttribute('type') !== 'hidden',
  );
}

/** Focuses the field after `from` in `root`; false when `from` is the last. */
export function focusNextFrom(root: HTMLElement | null, from: HTMLElement): boolean {
  if (!root) return false;
  const fields = typeable(root);
  const next = fields[fields.indexOf(from) + 1];
  if (!next) return false;
  next.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  return true;
}

/**
 * Keyboard-first forms: Enter in an input or a select moves to the next field (not in a text area,
 * not on a button, not when a lookup has taken the key). Returns whether it moved.
 */
export function moveOnEnter(event: KeyboardEvent<HTMLElement>, root: HTMLElement | null): boolean {
  if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.defaultPrevented || event.nativeEvent.isComposing) return false;
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return false;
  if (!focusNextFrom(root, target)) return false;
  event.preventDefault();
  return true;
}

/** What a form's keys do (formKeyDown). */
export interface FormKeys {
  /** The fields Enter walks through (moveOnEnter). */
  root: HTMLElement | null;
  /** Ctrl+Enter submits, and Ctrl+S too unless `ctrlS` is false. */
  submit?: () => void;
  ctrlS?: boolean;
  /** Esc closes the form. */
  close?: () => void;
  /** The form's own keys, after Esc and submit, before Enter moves on: true when it took the key. */
  own?: (event: KeyboardEvent<HTMLElement>) => boolean;
}

/** A keyboard-first form's onKeyDown: Esc closes, Ctrl+Enter (Ctrl+S) submits, Enter moves to the next field. */
export function formKeyDown(event: KeyboardEvent<HTMLElement>, keys: FormKeys): void {
  if (keys.close && event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    keys.close();
    return;
  }
  if (keys.submit && (event.ctrlKey || event.metaKey) && (event.key === 'Enter' || (keys.ctrlS !== false && event.key.toLowerCase() === 's'))) {
    event.preventDefault();
    keys.submit();
    return;
  }
  if (keys.own?.(event)) return;
  moveOnEnter(event, keys.root);
}
