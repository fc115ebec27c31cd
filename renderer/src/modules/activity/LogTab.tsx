// 日志: one person's work log of a day — the summary and the visits as a small spreadsheet typed
// with the keyboard (customer looked up by name, number or pinyin initials; kind 1/2/3; Enter moves
// on, Enter after the last cell or Ctrl+Enter adds a row; Ctrl+S saves with the version loaded).
// After saving: when it was submitted and W-LOG's finding if late. Visits a manager found falsified
// (W-FAKE) are struck through with his note and cannot be changed. A field error from the core
// (visits.2.customerId) is shown at its cell; what was typed stays on any error.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ACTIVITY_FIELD_LABELS, VISIT_KIND_LABELS, VISIT_KINDS, type VisitKind, type WorkLogDay } from '../../../../shared/activity';
import type { Customer } from '../../../../shared/customers';
import { addDays, localDate } from '../../../../shared/dates';
import { ApiError, invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { searchCustomers } from '../customers/searchCustomers';
import { LookupInput } from '../orders/LookupInput';
import { focusNextFrom, moveOnEnter } from '../requests/KindFields';
import { Findings, stamp, weekdayText } from './Findings';
import { useActivityMessages } from './messages';
import type { Person } from './people';

export interface CustomerRef {
  id: number;
  customerNo: string;
  name: string;
}

interface Row {
  key: number;
  customerId: number | null;
  customerText: string;
  picked: boolean;
  kind: VisitKind;
  outcome: string;
  nextStep: string;
  falsifiedAt: string | null;
  falsifiedNote: string;
}

let nextKey = 1;
const DEFAULT_KIND: VisitKind = 'revisit';

function blankRow(customer?: CustomerRef): Row {
  return {
    key: nextKey++,
    customerId: customer?.id ?? null,
    customerText: customer ? `${customer.customerNo} ${customer.name}` : '',
    picked: Boolean(customer),
    kind: DEFAULT_KIND,
    outcome: '',
    nextStep: '',
    falsifiedAt: null,
    falsifiedNote: '',
  };
}

function rowsOf(day: WorkLogDay): Row[] {
  return (day.log?.visits ?? []).map((v) => ({
    key: nextKey++,
    customerId: v.customerId,
    customerText: `${v.customerNo} ${v.customerName}`,
    picked: true,
    kind: v.kind,
    outcome: v.outcome,
    nextStep: v.nextStep,
    falsifiedAt: v.falsifiedAt,
    falsifiedNote: v.falsifiedNote,
  }));
}

const isBlank = (r: Row) => r.customerId === null && !r.customerText.trim() && !r.outcome.trim() && !r.nextStep.trim();

export function LogTab(props: {
  date: string;
  onDate(date: string): void;
  /** null: the caller's own log. */
  userId: number | null;
  onUser(id: number | null): void;
  people: readonly Person[];
  /** A customer to add a visit for (from 逾期客户), used once the day has loaded. */
  prefill: CustomerRef | null;
  onPrefillUsed(): void;
}) {
  const { date, userId, prefill, onPrefillUsed } = props;
  const t = useActivityMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const rootRef = useRef<HTMLDivElement>(null);

  const [day, setDay] = useState<WorkLogDay | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const canEdit = day?.canEdit === true;
  // The cell to focus once the rows have rendered (a new row, a prefilled one, a removed one's neighbour).
  const pendingFocus = useRef<string | null>(null);
  const focusAfterRender = (selector: string) => {
    pendingFocus.current = selector;
  };
  useEffect(() => {
    const selector = pendingFocus.current;
    if (!selector) return;
    pendingFocus.current = null;
    rootRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const fill = useCallback((d: WorkLogDay) => {
    setDay(d);
    setSummary(d.log?.summary ?? '');
    setRows(rowsOf(d));
    setDirty(false);
    setErrors({});
    setFormError(null);
    setConflict(false);
  }, []);

  const load = useCallback(async () => {
    try {
      const d = await invoke('activity.day', userId === null ? { date } : { date, userId });
      fill(d);
      setLoadError(null);
      return d;
    } catch (error) {
      setLoadError(errorText(error));
      return null;
    }
  }, [date, userId, fill, errorText]);

  useEffect(() => {
    setDay(null);
    void load();
  }, [load]);

  // A customer from 逾期客户: a new row for him, focused on its kind.
  useEffect(() => {
    if (!prefill || !day || !day.canEdit) return;
    const row = blankRow(prefill);
    setRows((list) => [...list.filter((r) => !isBlank(r)), row]);
    setDirty(true);
    onPrefillUsed();
    focusAfterRender(`[data-row="${row.key}"] select[name=kind]`);
  }, [prefill, day, onPrefillUsed]);

  function change(key: number, patch: Partial<Row>) {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
    setErrors((e) => {
      const next = { ...e };
      for (const field of Object.keys(patch)) delete next[`${key}.${field === 'customerText' || field === 'picked' ? 'customerId' : field}`];
      return next;
    });
  }

  function addRow() {
    if (!canEdit) return;
    const row = blankRow();
    setRows((list) => [...list, row]);
    setDirty(true);
    focusAfterRender(`[data-row="${row.key}"] input[name=customer]`);
  }

  function removeRow(key: number) {
    const index = rows.findIndex((r) => r.key === key);
    setRows((list) => list.filter((r) => r.key !== key));
    setDirty(true);
    // The keyboard goes to the row that took its place (or the one before).
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusAfterRender(neighbour ? `[data-row="${neighbour.key}"] input[name=customer]` : '[data-testid=log-add-row]');
  }

  async function save() {
    if (!day || !canEdit || saving) return;
    // Falsified visits (W-FAKE) stay as the manager marked them: the core keeps them, they are not sent.
    const kept = rows.filter((r) => !isBlank(r) && r.falsifiedAt === null);
    // A customer typed but not picked from the list is said at once, nothing sent.
    const local: Record<string, string> = {};
    for (const r of kept) if (r.customerId === null) local[`${r.key}.customerId`] = r.customerText.trim() ? t('pickCustomer') : t('required');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFormError(null);
      return;
    }
    setSaving(true);
    try {
      const saved = await invoke('activity.saveLog', {
        logDate: date,
        summary,
        version: day.log?.version ?? 0,
        visits: kept.map((r) => ({ customerId: r.customerId!, kind: r.kind, outcome: r.outcome, nextStep: r.nextStep })),
      });
      fill(saved);
      toast('success', t('saved', { date }));
    } catch (error) {
      const payload = error instanceof ApiError ? error.payload : null;
      const fieldErrors: Record<string, string> = {};
      for (const issue of payload?.issues ?? []) {
        const text = lang === 'zh' ? issue.message : issue.messageEn;
        const m = /^visits\.(\d+)\.(\w+)$/.exec(issue.field);
        const row = m ? kept[Number(m[1])] : undefined;
        if (m && row) fieldErrors[`${row.key}.${m[2]}`] = text;
        else if (issue.field === 'summary') fieldErrors.summary = text;
        else fieldErrors[issue.field || '_'] = text;
      }
      setErrors(fieldErrors);
      setConflict(payload?.code === 'CONFLICT');
      const unplaced = Object.entries(fieldErrors).filter(([k]) => k !== 'summary' && !/^\d+\./.test(k));
      setFormError(
        payload?.code === 'CONFLICT'
          ? t('conflict')
          : unplaced.length > 0
            ? unplaced.map(([k, v]) => (ACTIVITY_FIELD_LABELS[k] ? `${label(ACTIVITY_FIELD_LABELS[k])}：${v}` : v)).join('；')
            : Object.keys(fieldErrors).length > 0
              ? errorText(error)
              : t('saveFailed', { error: errorText(error) }),
      );
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S anywhere on the tab (not while a dialog covers the page).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's' || document.querySelector('.overlay')) return;
      event.preventDefault();
      void saveRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      addRow();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const rowEl = target.closest<HTMLElement>('[data-row]');
    const rowKey = rowEl ? Number(rowEl.dataset.row) : null;
    if (target instanceof HTMLSelectElement && target.name === 'kind' && rowKey !== null && /^[1-9]$/.test(event.key)) {
      const kind = VISIT_KINDS[Number(event.key) - 1];
      if (kind) {
        event.preventDefault();
        change(rowKey, { kind });
      }
      return;
    }
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.name === 'nextStep' && rowKey === rows[rows.length - 1]?.key && !event.defaultPrevented) {
      event.preventDefault();
      addRow();
      return;
    }
    moveOnEnter(event, rootRef.current);
  }

  const person = userId === null ? null : props.people.find((p) => p.id === userId);
  const ownName = day?.userName ?? person?.name ?? me.displayName;
  const log = day?.log ?? null;
  const late = log !== null && log.daysLate > 0;
  const today = localDate(new Date());

  return (
    <div className="activity-log" ref={rootRef} onKeyDown={onKeyDown} data-testid="log-tab">
      <div className="toolbar">
        <span className="inline-field date-switcher">
          <button type="button" onClick={() => props.onDate(addDays(date, -1))} title={t('prevDay')} aria-label={t('prevDay')} data-testid="log-prev-day">
            ‹
          </button>
          <input type="date" value={date} max={addDays(today, 0)} onChange={(e) => e.target.value && props.onDate(e.target.value)} aria-label={t('date')} data-testid="log-date" />
          <span className="muted">{weekdayText(date, lang)}</span>
          <button type="button" onClick={() => props.onDate(addDays(date, 1))} disabled={date >= today} title={t('nextDay')} aria-label={t('nextDay')} data-testid="log-next-day">
            ›
          </button>
          {date !== today && (
            <button type="button" className="link" onClick={() => props.onDate(today)}>
              {t('today')}
            </button>
          )}
        </span>
        {props.people.length > 0 && (
          <label className="inline-field">
            {t('person')}
            <select value={userId ?? ''} onChange={(e) => props.onUser(e.target.value ? Number(e.target.value) : null)} data-testid="log-person">
              <option value="">{t('me', { name: me.displayName })}</option>
              {props.people
                .filter((p) => p.id !== me.id)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · {p.region}
                  </option>
                ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        {day && (
          <span className={`log-status${late ? ' is-late' : ''}`} data-testid="log-status">
            {log ? t('submittedAt', { at: stamp(log.submittedAt) }) : t('notFiled')}
            {log && stamp(log.updatedAt) !== stamp(log.submittedAt) && <span className="muted small"> · {t('updatedAt', { at: stamp(log.updatedAt) })}</span>}
            {!log && <span className="muted small"> · {t('dueAt', { at: stamp(day.dueAt) })}</span>}
            {late && <span className="log-late"> · {t('lateBy', { days: log.daysLate, points: log.pointsDeducted })}</span>}
          </span>
        )}
      </div>

      {loadError && <div className="form-error">{t('loadFailed', { error: loadError })}</div>}
      {day && !canEdit && <div className="form-notice" data-testid="log-readonly">{t('readOnly', { name: ownName })}</div>}
      {day && <Findings findings={day.findings} testId="log-finding" />}

      {day && (
        <>
          <div className="panel log-summary">
            <label className={`field${errors.summary ? ' field-invalid' : ''}`}>
              <span className="field-label">{t('summary')}</span>
              <textarea
                name="summary"
                value={summary}
                rows={4}
                maxLength={2000}
                readOnly={!canEdit}
                autoFocus={canEdit}
                placeholder={canEdit ? t('summaryPlaceholder') : ''}
                onChange={(e) => {
                  setSummary(e.target.value);
                  setDirty(true);
                  setErrors(({ summary: _drop, ...rest }) => rest);
                }}
                data-testid="log-summary"
              />
              {errors.summary && <span className="field-error" role="alert">{errors.summary}</span>}
            </label>
          </div>

          <div className="panel panel-table log-visits">
            <div className="section-head log-visits-head">
              <h3>{t('visitsTitle')}</h3>
              <span className="muted small">{rows.length}</span>
              <span className="spacer" />
              {canEdit && <span className="muted small">{t('keysHint')}</span>}
            </div>
            <table className="plain visit-table" data-testid="log-visits">
              <thead>
                <tr>
                  <th className="col-no">{t('colNo')}</th>
                  <th className="col-customer">{t('colCustomer')}</th>
                  <th className="col-kind">{t('colKind')}</th>
                  <th>{t('colOutcome')}</th>
                  <th>{t('colNextStep')}</th>
                  {canEdit && <th className="col-actions" />}
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={canEdit ? 6 : 5} className="empty-row muted">
                      {canEdit ? t('noVisits') : '—'}
                    </td>
                  </tr>
                )}
                {rows.map((row, index) => {
                  const falsified = row.falsifiedAt !== null;
                  const locked = !canEdit || falsified;
                  const err = (field: string) => errors[`${row.key}.${field}`];
                  return (
                    <tr key={row.key} data-row={row.key} className={falsified ? 'is-falsified' : undefined} data-testid="log-visit-row">
                      <td className="col-no muted">{index + 1}</td>
                      <td className="col-customer">
                        {locked ? (
                          <span className="visit-text" data-testid="log-visit-customer">{row.customerText}</span>
                        ) : (
                          <LookupInput<Customer>
                            name="customer"
                            testId="log-visit-customer"
                            text={row.customerText}
                            picked={row.picked}
                            onTextChange={(text) => change(row.key, { customerText: text, picked: false, customerId: null })}
                            search={searchCustomers}
                            keyOf={(c) => c.id}
                            isExact={(c, text) => c.customerNo.toLowerCase() === text.toLowerCase()}
                            renderItem={(c) => (
                              <span className="lookup-customer">
                                <span className="mono">{c.customerNo}</span>
                                <span>{c.name}</span>
                                <span className="muted small">{c.ownerName}</span>
                              </span>
                            )}
                            onPick={(c, by) => {
                              change(row.key, { customerId: c.id, customerText: `${c.customerNo} ${c.name}`, picked: true });
                              if (by !== 'tab') {
                                window.setTimeout(() => {
                                  const input = rootRef.current?.querySelector<HTMLElement>(`[data-row="${row.key}"] input[name=customer]`);
                                  if (input) focusNextFrom(rootRef.current, input);
                                });
                              }
                            }}
                            onEnterPicked={() => {
                              const input = rootRef.current?.querySelector<HTMLElement>(`[data-row="${row.key}"] input[name=customer]`);
                              if (input) focusNextFrom(rootRef.current, input);
                            }}
                            placeholder={t('customerPlaceholder')}
                            noneText={t('customerNone')}
                            searchingText={t('searching')}
                            invalid={Boolean(err('customerId'))}
                            ariaLabel={`${t('colCustomer')} ${index + 1}`}
                          />
                        )}
                        {err('customerId') && <div className="cell-error" role="alert" data-testid="log-cell-error">{err('customerId')}</div>}
                      </td>
                      <td className="col-kind">
                        {locked ? (
                          <span className="visit-text">{label(VISIT_KIND_LABELS[row.kind])}</span>
                        ) : (
                          <select name="kind" value={row.kind} onChange={(e) => change(row.key, { kind: e.target.value as VisitKind })} aria-invalid={err('kind') ? true : undefined} aria-label={`${t('colKind')} ${index + 1}`} data-testid="log-visit-kind">
                            {VISIT_KINDS.map((k, i) => (
                              <option key={k} value={k}>
                                {i + 1} {label(VISIT_KIND_LABELS[k])}
                              </option>
                            ))}
                          </select>
                        )}
                        {err('kind') && <div className="cell-error" role="alert">{err('kind')}</div>}
                      </td>
                      <td>
                        {locked ? (
                          <span className="visit-text" data-testid="log-visit-outcome">{row.outcome}</span>
                        ) : (
                          <input name="outcome" value={row.outcome} maxLength={500} placeholder={t('outcomePlaceholder')} onChange={(e) => change(row.key, { outcome: e.target.value })} aria-invalid={err('outcome') ? true : undefined} aria-label={`${t('colOutcome')} ${index + 1}`} data-testid="log-visit-outcome" />
                        )}
                        {err('outcome') && <div className="cell-error" role="alert" data-testid="log-cell-error">{err('outcome')}</div>}
                        {falsified && (
                          <div className="falsified-note" data-testid="log-falsified-note">
                            <span className="badge tone-rejected">{t('falsified')}</span> {t('falsifiedNote', { note: row.falsifiedNote })}
                          </div>
                        )}
                      </td>
                      <td>
                        {locked ? (
                          <span className="visit-text">{row.nextStep}</span>
                        ) : (
                          <input name="nextStep" value={row.nextStep} maxLength={500} placeholder={t('nextStepPlaceholder')} onChange={(e) => change(row.key, { nextStep: e.target.value })} aria-invalid={err('nextStep') ? true : undefined} aria-label={`${t('colNextStep')} ${index + 1}`} data-testid="log-visit-next" />
                        )}
                        {err('nextStep') && <div className="cell-error" role="alert">{err('nextStep')}</div>}
                      </td>
                      {canEdit && (
                        <td className="col-actions">
                          {!falsified && (
                            <button type="button" className="icon-button small-icon" tabIndex={-1} onClick={() => removeRow(row.key)} title={t('removeRow')} aria-label={t('removeRow')} data-testid="log-remove-row">
                              ×
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          {formError && (
            <div className="form-error" role="alert" data-testid="log-error">
              {formError}
              {conflict && (
                <button type="button" className="link inline-action" onClick={() => void load()}>
                  {t('reload')}
                </button>
              )}
            </div>
          )}

          {canEdit && (
            <div className="log-foot">
              <button type="button" onClick={addRow} title={t('addRowHint')} data-testid="log-add-row">
                + {t('addRow')}
              </button>
              <span className="spacer" />
              {dirty && <span className="muted small" data-testid="log-dirty">{t('unsaved')}</span>}
              <button type="button" className="primary" onClick={() => void save()} disabled={saving} title={t('saveHint')} data-testid="log-save">
                {saving ? t('saving') : t('save')}
              </button>
            </div>
          )}
        </>
      )}
      {!day && !loadError && <p className="muted">{t('loading')}</p>}
    </div>
  );
}
