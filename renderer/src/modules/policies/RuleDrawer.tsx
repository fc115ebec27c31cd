// A rule in a right-side drawer: the form for a new version of its parameters (admin) and the
// history of its versions (admin, gm). A version applies from its effective date (today or later);
// requests already submitted keep the parameters of their day — the core enforces both.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatTimestamp, localDate } from '../../../../shared/dates';
import type { ParamVersion, RuleInfo } from '../../../../shared/policy';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { usePoliciesMessages } from './messages';
import { paramFields, sameValue, type Column, type ParamField, type ScalarShape } from './paramSchema';
import { coreFieldErrors, emptyRow, toInput, useParamParser, useParamText, type CellInput, type FieldErrors, type FormValues, type RowInput } from './paramValues';

export type DrawerMode = 'edit' | 'history';

/** One input for a scalar value in its unit, with the unit word after it. */
function ScalarInput(props: {
  name: string;
  unit: Column['unit'];
  shape: ScalarShape;
  value: CellInput;
  onChange(value: CellInput): void;
  invalid: boolean;
  ariaLabel?: string;
  checkLabel?: string;
}) {
  const t = usePoliciesMessages();
  const text = useParamText();
  const { shape } = props;
  if (shape.kind === 'boolean') {
    return (
      <label className="check">
        <input type="checkbox" name={props.name} checked={props.value === true} onChange={(e) => props.onChange(e.target.checked)} aria-label={props.ariaLabel} />
        {props.checkLabel && <span>{props.checkLabel}</span>}
      </label>
    );
  }
  const value = typeof props.value === 'string' ? props.value : '';
  if (shape.kind === 'string' && shape.options) {
    return (
      <select name={props.name} value={value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.ariaLabel} aria-invalid={props.invalid}>
        {shape.nullable && <option value="">{t('none')}</option>}
        {shape.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  const suffix = text.suffix(props.unit, shape);
  const isNumber = shape.kind === 'number';
  return (
    <span className="input-unit">
      <input
        name={props.name}
        value={value}
        onChange={(e) => props.onChange(e.target.value)}
        className={isNumber ? 'input-number' : undefined}
        inputMode={isNumber ? 'decimal' : undefined}
        placeholder={isNumber && shape.nullable ? t('unlimited') : props.unit === 'time' || (shape.kind === 'string' && shape.pattern?.includes(':')) ? '10:00' : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-label={props.ariaLabel}
        aria-invalid={props.invalid}
      />
      {suffix && <span className="unit">{suffix}</span>}
    </span>
  );
}

function hintOf(parts: (string | null | undefined)[]): string | undefined {
  const shown = parts.filter((p): p is string => Boolean(p));
  return shown.length ? shown.join(' · ') : undefined;
}

/** A table parameter (rows of the same fields), with rows to add and remove. */
function TableInput(props: { field: ParamField; rows: RowInput[]; errors: FieldErrors; onChange(rows: RowInput[]): void }) {
  const t = usePoliciesMessages();
  const label = useLabel();
  const text = useParamText();
  const { field, rows } = props;
  if (field.shape.kind !== 'table') return null;
  const { columns, maxItems, minItems } = field.shape;
  const setCell = (i: number, key: string, value: CellInput) => props.onChange(rows.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  const tableError = props.errors[field.key];
  return (
    <fieldset className={`field field-wide param-table-input${tableError ? ' field-invalid' : ''}`} data-testid={`param-input-${field.key}`}>
      <legend className="field-label">{label(field.label)}</legend>
      <table className="plain param-rows-edit">
        <thead>
          <tr>
            <th className="row-no">{t('rowNo')}</th>
            {columns.map((c) => (
              <th key={c.key}>
                {label(c.label)}
                {c.shape.kind === 'number' && c.shape.nullable && <span className="muted small"> · {t('nullHint')}</span>}
              </th>
            ))}
            <th className="col-actions" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-testid="param-row">
              <td className="row-no muted">{i + 1}</td>
              {columns.map((c) => {
                const path = `${field.key}.${i}.${c.key}`;
                const error = props.errors[path];
                return (
                  <td key={c.key} className={error ? 'field-invalid' : undefined}>
                    <ScalarInput
                      name={path}
                      unit={c.unit}
                      shape={c.shape}
                      value={row[c.key] ?? ''}
                      onChange={(v) => setCell(i, c.key, v)}
                      invalid={Boolean(error)}
                      ariaLabel={`${label(c.label)} ${i + 1}`}
                    />
                    {error && (
                      <span className="field-error" role="alert">
                        {error}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="col-actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => props.onChange(rows.filter((_, j) => j !== i))}
                  disabled={minItems !== undefined && rows.length <= minItems}
                  data-testid="param-row-remove"
                >
                  {t('removeRow')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="param-table-foot">
        <button type="button" onClick={() => props.onChange([...rows, emptyRow(field)])} disabled={maxItems !== undefined && rows.length >= maxItems} data-testid="param-row-add">
          {t('addRow')}
        </button>
        {tableError ? (
          <span className="field-error" role="alert">
            {tableError}
          </span>
        ) : (
          <span className="field-hint">{hintOf(columns.map((c) => (c.shape.kind === 'number' ? text.range(c.unit, c.shape) && `${label(c.label)} ${text.range(c.unit, c.shape)}` : null)))}</span>
        )}
      </div>
    </fieldset>
  );
}

function ParamsForm(props: { rule: RuleInfo; fields: ParamField[]; onClose(): void; onSaved(version: ParamVersion): void }) {
  const { rule, fields } = props;
  const t = usePoliciesMessages();
  const label = useLabel();
  const { lang } = useLang();
  const text = useParamText();
  const parse = useParamParser();
  const toast = useToast();
  const errorText = useErrorText();
  const today = useMemo(() => localDate(new Date()), []);
  const [values, setValues] = useState<FormValues>(() => Object.fromEntries(fields.map((f) => [f.key, toInput(f, rule.params[f.key])])));
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** "按请假工作日数的提前天数 第 3 行 maxDays" for "tiers.2.maxDays". */
  const pathLabel = (path: string): string | null => {
    const [key, row, column] = path.split('.');
    const field = fields.find((f) => f.key === key);
    if (!field) return null;
    if (row === undefined) return label(field.label);
    const col = field.shape.kind === 'table' ? field.shape.columns.find((c) => c.key === column) : undefined;
    return `${label(field.label)} ${t('errRow', { n: Number(row) + 1 })}${col ? ` ${label(col.label)}` : ''}`;
  };

  const setValue = (key: string, value: FormValues[string]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A corrected field loses its message (and the messages of its rows).
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => path !== key && !path.startsWith(`${key}.`))));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setGeneral(null);
    const parsed = parse(fields, values);
    const messages = Object.values(parsed.errors);
    if (messages.length > 0) {
      setErrors(parsed.errors);
      toast('error', t('invalid', { errors: messages.join(t('listSep')) }));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const version = await invoke('policy.setParams', { ruleId: rule.id, params: parsed.params, effectiveFrom, note: note.trim() });
      toast('success', version.effectiveFrom === today ? t('savedToday', { id: rule.id }) : t('saved', { id: rule.id, date: version.effectiveFrom }));
      props.onSaved(version);
    } catch (error) {
      const byField = coreFieldErrors(error, lang, pathLabel);
      const known = new Set([...fields.map((f) => f.key), 'effectiveFrom', 'note']);
      const shown = Object.fromEntries(Object.entries(byField).filter(([path]) => known.has(path.split('.')[0] ?? '')));
      setErrors(shown);
      const rest = Object.entries(byField).filter(([path]) => !(path in shown));
      if (Object.keys(shown).length === 0 || rest.length > 0) setGeneral(rest.length ? rest.map(([, m]) => m).join(t('listSep')) : errorText(error));
      const messages = Object.values(byField);
      toast('error', messages.length ? messages.join(t('listSep')) : errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const scalars = fields.filter((f) => f.shape.kind !== 'table');
  const tables = fields.filter((f) => f.shape.kind === 'table');

  return (
    <form className="drawer-form" onSubmit={submit} noValidate data-testid="policy-form">
      <div className="drawer-body">
        <p className="rule-desc">{label(rule.description)}</p>
        {general && (
          <div className="form-error" role="alert">
            {general}
          </div>
        )}
        {rule.scheduled.length > 0 && <div className="form-notice">{t('scheduledNotice', { dates: rule.scheduled.map((v) => v.effectiveFrom).join('、') })}</div>}
        <div className="form-grid form-grid-2">
          {scalars.map((field) => {
            const { shape } = field;
            const value = values[field.key];
            const isDefault = sameValue(rule.params[field.key], rule.defaults[field.key]);
            const hint = hintOf([
              shape.kind !== 'json' && shape.kind !== 'table' ? text.range(field.unit, shape) : t('jsonHint'),
              shape.kind === 'number' && shape.nullable ? t('nullHint') : null,
              field.unit === 'time' || (shape.kind === 'string' && shape.pattern?.includes(':')) ? t('timeHint') : null,
              isDefault ? null : t('defaultIs', { value: text.line(field, rule.defaults[field.key]) }),
            ]);
            if (shape.kind === 'json') {
              return (
                <Field key={field.key} label={label(field.label)} error={errors[field.key]} hint={hint} wide>
                  <textarea name={field.key} value={typeof value === 'string' ? value : ''} onChange={(e) => setValue(field.key, e.target.value)} className="mono" />
                </Field>
              );
            }
            if (shape.kind === 'table') return null;
            if (shape.kind === 'boolean') {
              return (
                <div key={field.key} className={`field${errors[field.key] ? ' field-invalid' : ''}`} data-testid={`param-input-${field.key}`}>
                  <span className="field-label">&nbsp;</span>
                  <ScalarInput name={field.key} unit={field.unit} shape={shape} value={value === true} onChange={(v) => setValue(field.key, v)} invalid={Boolean(errors[field.key])} checkLabel={label(field.label)} />
                  {errors[field.key] ? (
                    <span className="field-error" role="alert">
                      {errors[field.key]}
                    </span>
                  ) : (
                    hint && <span className="field-hint">{hint}</span>
                  )}
                </div>
              );
            }
            return (
              <div key={field.key} data-testid={`param-input-${field.key}`} className="param-field">
                <Field label={label(field.label)} error={errors[field.key]} hint={hint}>
                  <ScalarInput name={field.key} unit={field.unit} shape={shape} value={typeof value === 'string' ? value : ''} onChange={(v) => setValue(field.key, v)} invalid={Boolean(errors[field.key])} />
                </Field>
              </div>
            );
          })}
          {tables.map((field) => (
            <TableInput key={field.key} field={field} rows={Array.isArray(values[field.key]) ? (values[field.key] as RowInput[]) : []} errors={errors} onChange={(rows) => setValue(field.key, rows)} />
          ))}
        </div>
        <div className="form-grid form-grid-2 version-fields">
          <Field label={t('effectiveFrom')} error={errors.effectiveFrom} hint={t('effectiveHint', { today })}>
            <input type="date" name="effectiveFrom" min={today} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} required />
          </Field>
          <Field label={t('note')} error={errors.note}>
            <input name="note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder={t('notePlaceholder')} autoComplete="off" />
          </Field>
        </div>
        <h3 className="drawer-section-title">{t('historyTitle')}</h3>
        <ParamHistory rule={rule} fields={fields} />
      </div>
      <div className="drawer-foot">
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="policy-save">
          {busy ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}

/** The rule's versions, oldest first, after a first line with the policy's defaults. */
export function ParamHistory(props: { rule: RuleInfo; fields: ParamField[] }) {
  const { rule, fields } = props;
  const t = usePoliciesMessages();
  const label = useLabel();
  const text = useParamText();
  const errorText = useErrorText();
  const [versions, setVersions] = useState<ParamVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const today = localDate(new Date());

  const load = useCallback(async () => {
    try {
      setVersions(await invoke('policy.history', { ruleId: rule.id }));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [rule.id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error !== null) {
    return (
      <div className="form-error" role="alert">
        {t('loadFailed', { error: errorText(error) })}{' '}
        <button type="button" className="link" onClick={() => void load()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (versions === null) return <div className="muted">{t('historyLoading')}</div>;

  const current = versions.filter((v) => v.effectiveFrom <= today).at(-1) ?? null;
  // Stored versions hold the parameters of their time; ones added to the rule since take their default.
  const rows = [
    { key: 'defaults', version: null, params: rule.defaults },
    ...versions.map((v) => ({ key: v.effectiveFrom, version: v, params: { ...rule.defaults, ...v.params } })),
  ];

  return (
    <div className="panel panel-table">
      <table className="plain history param-history" data-testid="policy-history">
        <thead>
          <tr>
            <th className="nowrap">{t('colEffective')}</th>
            <th>{t('colParams')}</th>
            <th>{t('colNote')}</th>
            <th className="nowrap">{t('colBy')}</th>
            <th className="nowrap">{t('colAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const previous = rows[i - 1]?.params;
            const status = row.version === null ? (current === null ? 'current' : 'past') : row.version === current ? 'current' : row.version.effectiveFrom > today ? 'scheduled' : 'past';
            return (
              <tr key={row.key} data-testid="history-row" className={status === 'past' ? 'row-inactive' : undefined}>
                <td className="nowrap">
                  <div>{row.version ? row.version.effectiveFrom : t('defaultsRow')}</div>
                  {status === 'current' && <span className="badge badge-approved">{t('badgeCurrent')}</span>}
                  {status === 'scheduled' && <span className="badge badge-pending">{t('badgeScheduled')}</span>}
                  {status === 'past' && <span className="badge badge-archived">{t('badgePast')}</span>}
                </td>
                <td>
                  <ul className="history-params">
                    {fields.map((f) => {
                      const changed = previous !== undefined && !sameValue(previous[f.key], row.params[f.key]);
                      return (
                        <li key={f.key} className={changed ? 'history-changed' : undefined}>
                          <span className="diff-key">{label(f.label)}</span>
                          {text.line(f, row.params[f.key])}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td className="history-note">{row.version?.note || <span className="muted">{t('none')}</span>}</td>
                <td className="nowrap">{row.version?.createdBy ?? <span className="muted">{t('none')}</span>}</td>
                <td className="nowrap">{row.version ? formatTimestamp(row.version.createdAt) : <span className="muted">{t('none')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {versions.length === 0 && <div className="muted history-empty">{t('noHistory')}</div>}
    </div>
  );
}

export function RuleDrawer(props: { rule: RuleInfo; mode: DrawerMode; onClose(): void; onSaved(version: ParamVersion): void }) {
  const { rule, mode, onClose } = props;
  const t = usePoliciesMessages();
  const label = useLabel();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const fields = useMemo(() => paramFields(rule), [rule]);

  useEffect(() => {
    const first = root.current?.querySelector<HTMLElement>('.drawer-body input:not([type=checkbox]), .drawer-body select, .drawer-body textarea');
    (first ?? root.current?.querySelector<HTMLElement>('[data-testid="policy-drawer-close"]'))?.focus();
  }, []);

  // On the window, not the drawer: while saving, the disabled button drops the focus to the page.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    // A click beside the history closes it; beside a half-typed form it does not.
    <div className="overlay" onMouseDown={(e) => mode === 'history' && e.target === e.currentTarget && onClose()}>
      <div ref={root} className="drawer policy-drawer" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="policy-drawer">
        <div className="drawer-head">
          <span className="rule-badge mono">{rule.id}</span>
          <h2 id={titleId} className="drawer-title">
            {label(rule.name)} · {mode === 'edit' ? t('editTitle') : t('historyTitle')}
          </h2>
          <span className="spacer" />
          <button type="button" className="icon-button" onClick={onClose} title={t('close')} aria-label={t('close')} data-testid="policy-drawer-close">
            ×
          </button>
        </div>
        {mode === 'edit' ? (
          <ParamsForm rule={rule} fields={fields} onClose={onClose} onSaved={props.onSaved} />
        ) : (
          <div className="drawer-body">
            <p className="rule-desc">{label(rule.description)}</p>
            <ParamHistory rule={rule} fields={fields} />
          </div>
        )}
      </div>
    </div>
  );
}
