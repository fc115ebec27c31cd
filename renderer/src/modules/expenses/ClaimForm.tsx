// 新建报销单: the applicant's approved expenses that can be claimed (claims.claimable), each picked
// with its invoices (发票号码, 日期, 金额 in yuan) or, for the per-diem package, the travel days; the
// paid-out advances of the picked trips are offset (借款冲抵). The core works out what the rules
// allow per item and what is paid or returned (claims.create); the new 报销单 opens with it.
// Keyboard: Enter moves on (on the last invoice's amount it adds a row), Ctrl+Enter or Ctrl+S
// submits, Esc closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import { NO_INVOICE_TYPES, EXPENSE_TYPE_LABELS, type Claim, type ClaimPreview, type Expense } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { OWNER_ROLES, useSalesDirectory } from '../customers/useSalesDirectory';
import { formKeyDown } from '../requests/KindFields';
import { ON_BEHALF_ROLES } from '../requests/values';
import { blankInvoice, invoiceFen, invoicesTotal, isBlankInvoice, issuesByField, type InvoiceDraft } from './expenseValues';
import { useExpenseMessages, type ExpenseT } from './messages';
import { DrawerFrame } from '../../app/DrawerFrame';

interface ItemDraft {
  picked: boolean;
  invoices: InvoiceDraft[];
  /** Per diem: the travel days claimed. */
  days: string;
}

type Errors = Record<string, string>;
/** How long the form waits after typing before asking the core for the figures. */
const PREVIEW_DELAY_MS = 300;

const rowError = (expenseId: number, rowKey: number, field: keyof Omit<InvoiceDraft, 'key'>) => `${expenseId}:${rowKey}:${field}`;
const itemError = (expenseId: number) => `${expenseId}:item`;

function draftOf(expense: Expense): ItemDraft {
  return { picked: false, invoices: [blankInvoice(expense.expenseDate)], days: String(expense.fields.travelDays ?? '') };
}

/** What the rule asks of this item's invoices, in one line. */
function invoiceHint(expense: Expense, t: ExpenseT): string {
  switch (expense.type) {
    case 'entertainment':
      return t('hintEntertainment', { date: String(expense.fields.eventDate ?? expense.expenseDate) });
    case 'transport':
      return t('hintTransport', { tickets: formatYuan(expense.amountFen), share: formatYuan(expense.approvedFen) });
    case 'lodging':
      return t('hintLodging', { nights: String(expense.fields.nights ?? 1) });
    default:
      return t('hintInvoices', { amount: formatYuan(expense.approvedFen) });
  }
}

export function ClaimForm(props: { onClose(): void; onCreated(claim: Claim): void }) {
  const t = useExpenseMessages();
  const label = useLabel();
  const { lang } = useLang();
  const errorText = useErrorText();
  const me = useSession();
  const directory = useSalesDirectory();
  const rootRef = useRef<HTMLDivElement>(null);
  const [applicantId, setApplicantId] = useState<number | null>(null);
  const [claimable, setClaimable] = useState<{ expenses: Expense[]; advances: Expense[] } | null>(null);
  const [drafts, setDrafts] = useState<Record<number, ItemDraft>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    let alive = true;
    setClaimable(null);
    invoke('claims.claimable', applicantId ? { applicantId } : {})
      .then((c) => {
        if (!alive) return;
        setClaimable(c);
        setDrafts(Object.fromEntries(c.expenses.map((e) => [e.id, draftOf(e)])));
        setErrors({});
      })
      .catch((error: unknown) => alive && setFormError(errorText(error)));
    return () => {
      alive = false;
    };
  }, [applicantId, errorText]);

  // A row just added (or an item just picked): its invoice number takes the keyboard.
  useEffect(() => {
    const selector = focusAfterRender.current;
    if (!selector) return;
    focusAfterRender.current = null;
    rootRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const expenses = claimable?.expenses ?? [];
  const picked = expenses.filter((e) => drafts[e.id]?.picked);
  const pickedTrips = new Set(picked.map((e) => e.tripId).filter((id): id is number => id !== null));
  const offset = (claimable?.advances ?? []).filter((a) => a.tripId !== null && pickedTrips.has(a.tripId));
  const offsetFen = offset.reduce((sum, a) => sum + (a.reimbursedFen ?? 0), 0);
  const invoicesFen = picked.reduce((sum, e) => sum + (NO_INVOICE_TYPES.includes(e.type) ? 0 : invoicesTotal(drafts[e.id]!.invoices)), 0);

  function update(expenseId: number, change: (d: ItemDraft) => ItemDraft) {
    setDrafts((all) => ({ ...all, [expenseId]: change(all[expenseId]!) }));
    setFormError(null);
  }

  function setRow(expenseId: number, rowKey: number, field: keyof Omit<InvoiceDraft, 'key'>, value: string) {
    update(expenseId, (d) => ({ ...d, invoices: d.invoices.map((r) => (r.key === rowKey ? { ...r, [field]: value } : r)) }));
    setErrors(({ [rowError(expenseId, rowKey, field)]: _gone, [itemError(expenseId)]: _item, ...rest }) => rest);
  }

  function addRow(expense: Expense) {
    const row = blankInvoice(expense.expenseDate);
    update(expense.id, (d) => ({ ...d, invoices: [...d.invoices, row] }));
    focusAfterRender.current = `[data-row="${row.key}"] input[name=invoiceNo]`;
  }

  function removeRow(expenseId: number, rowKey: number) {
    update(expenseId, (d) => ({ ...d, invoices: d.invoices.length > 1 ? d.invoices.filter((r) => r.key !== rowKey) : [blankInvoice(d.invoices[0]!.invoiceDate)] }));
  }

  function pick(expense: Expense, on: boolean) {
    update(expense.id, (d) => ({ ...d, picked: on }));
    if (on && !NO_INVOICE_TYPES.includes(expense.type)) focusAfterRender.current = `[data-item="${expense.id}"] input[name=invoiceNo]`;
  }

  /** The input claims.create takes, or the local problems (an amount that is not one, a missing number or date). */
  const built = useMemo(() => {
    const problems: Errors = {};
    const items: ChannelInput<'claims.create'>['items'] = [];
    /** Per item, the row keys in the order they are sent (to place the core's errors). */
    const sentRows: number[][] = [];
    for (const expense of picked) {
      const d = drafts[expense.id]!;
      if (NO_INVOICE_TYPES.includes(expense.type)) {
        const days = Number(d.days);
        if (!d.days.trim() || !Number.isFinite(days)) problems[`${expense.id}:days`] = t('daysInvalid');
        items.push({ expenseId: expense.id, invoices: [], days });
        sentRows.push([]);
        continue;
      }
      const rows = d.invoices.filter((r) => !isBlankInvoice(r));
      for (const r of rows) {
        if (!r.invoiceNo.trim()) problems[rowError(expense.id, r.key, 'invoiceNo')] = t('required');
        if (!r.invoiceDate) problems[rowError(expense.id, r.key, 'invoiceDate')] = t('required');
        if (invoiceFen(r) === null) problems[rowError(expense.id, r.key, 'amount')] = t('amountInvalid');
      }
      if (rows.length === 0 && expense.type !== 'lodging') problems[itemError(expense.id)] = t('invoicesRequired');
      items.push({ expenseId: expense.id, invoices: rows.map((r) => ({ invoiceNo: r.invoiceNo.trim(), invoiceDate: r.invoiceDate, amountFen: invoiceFen(r) ?? 0 })) });
      sentRows.push(rows.map((r) => r.key));
    }
    return { items, problems, sentRows };
  }, [picked, drafts, t]);

  /** The core's field paths (items.0.invoices.1.invoiceDate) → this form's error keys. */
  function placeIssues(error: unknown): Errors {
    const placed: Errors = {};
    for (const [path, message] of Object.entries(issuesByField(error, lang))) {
      const m = /^items\.(\d+)(?:\.(\w+))?(?:\.(\d+))?(?:\.(\w+))?/.exec(path);
      const expense = m ? picked[Number(m[1])] : undefined;
      if (!m || !expense) continue;
      if (m[2] === 'invoices' && m[3] !== undefined && m[4]) {
        const rowKey = built.sentRows[Number(m[1])]?.[Number(m[3])];
        const field = m[4] === 'amountFen' ? 'amount' : m[4];
        if (rowKey !== undefined && (field === 'invoiceNo' || field === 'invoiceDate' || field === 'amount')) placed[rowError(expense.id, rowKey, field)] = message;
        else placed[itemError(expense.id)] = message;
      } else if (m[2] === 'days') placed[`${expense.id}:days`] = message;
      else placed[itemError(expense.id)] = message;
    }
    return placed;
  }

  // Live figures: the core works out what this claim would pay (claims.preview, the same checks as
  // claims.create; writes nothing) once every picked item is complete.
  const previewKey =
    picked.length > 0 && Object.keys(built.problems).length === 0 ? JSON.stringify({ ...(applicantId ? { applicantId } : {}), items: built.items, note: '' }) : null;
  const [preview, setPreview] = useState<ClaimPreview | null>(null);
  const placeRef = useRef(placeIssues);
  placeRef.current = placeIssues;
  useEffect(() => {
    setPreview(null);
    if (!previewKey) return;
    let alive = true;
    const timer = window.setTimeout(() => {
      invoke('claims.preview', JSON.parse(previewKey) as ChannelInput<'claims.preview'>)
        .then((figures) => {
          if (!alive) return;
          setPreview(figures);
          setErrors({});
        })
        .catch((error: unknown) => {
          if (alive) setErrors(placeRef.current(error));
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [previewKey]);
  const previewOf = (expenseId: number) => preview?.items.find((i) => i.expenseId === expenseId);

  async function submit() {
    if (busy) return;
    if (picked.length === 0) {
      setFormError(t('pickSomething'));
      return;
    }
    if (Object.keys(built.problems).length) {
      setErrors(built.problems);
      window.setTimeout(() => rootRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const claim = await invoke('claims.create', { ...(applicantId ? { applicantId } : {}), items: built.items, note: note.trim() });
      props.onCreated(claim);
    } catch (error) {
      const placed = placeIssues(error);
      setErrors(placed);
      // Beside the invoice or the item when the core named one; else above the form.
      setFormError(Object.keys(placed).length ? null : errorText(error));
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    formKeyDown(event, {
      root: rootRef.current?.querySelector<HTMLElement>('.claim-form-body') ?? null,
      submit: () => void submit(),
      close: props.onClose,
      own: nextInvoiceOnEnter,
    });
  }

  // Enter on the last invoice's amount: the next invoice.
  function nextInvoiceOnEnter(event: KeyboardEvent<HTMLElement>): boolean {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.ctrlKey && !event.shiftKey && target instanceof HTMLInputElement && target.name === 'amount') {
      const itemId = Number(target.closest<HTMLElement>('[data-item]')?.dataset.item);
      const rowKey = Number(target.closest<HTMLElement>('[data-row]')?.dataset.row);
      const expense = expenses.find((e) => e.id === itemId);
      const rows = drafts[itemId]?.invoices ?? [];
      if (expense && rows[rows.length - 1]?.key === rowKey && target.value.trim()) {
        event.preventDefault();
        addRow(expense);
        return true;
      }
    }
    return false;
  }

  const onBehalf = ON_BEHALF_ROLES.includes(me.role);
  const others = directory.owners.filter((u) => u.id !== me.id && OWNER_ROLES.includes(u.role));
  const errorOf = (key: string) => errors[key];

  return (
    <DrawerFrame
      className="claim-form"
      testId="claim-form"
      hint={t('claimKeysHint')}
      title={t('claimNewTitle')}
      closeLabel={t('close')}
      onClose={props.onClose}
      rootRef={rootRef}
      onKeyDown={onKeyDown}
    >
      <div className="drawer-body claim-form-body">
        {onBehalf && others.length > 0 && (
          <div className="claim-applicant">
            <Field label={t('applicantFor')} hint={t('applicantForHint')}>
              <select value={applicantId ?? ''} onChange={(e) => setApplicantId(e.target.value ? Number(e.target.value) : null)} data-testid="claim-form-applicant" autoFocus>
                <option value="">{t('self', { name: me.displayName })}</option>
                {others.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
        {formError && (
          <div className="form-error" role="alert" data-testid="claim-form-error">
            {formError}
          </div>
        )}
        {claimable === null && !formError && <div className="muted">{t('loading')}</div>}
        {claimable && expenses.length === 0 && (
          <div className="panel empty-state" data-testid="claim-form-empty">
            <p className="empty-title">{t('claimNothing')}</p>
            <p className="muted">{t('claimNothingHint')}</p>
          </div>
        )}
        {expenses.map((expense) => {
          const d = drafts[expense.id];
          if (!d) return null;
          const perDiem = NO_INVOICE_TYPES.includes(expense.type);
          return (
            <section key={expense.id} className={`panel claim-pick${d.picked ? ' is-picked' : ''}`} data-item={expense.id} data-testid="claim-form-item" data-expense={expense.expenseNo}>
              <label className="claim-pick-head">
                <input type="checkbox" checked={d.picked} onChange={(e) => pick(expense, e.target.checked)} data-testid="claim-form-pick" />
                <span className="mono">{expense.expenseNo}</span>
                <span className="badge expense-type">{label(EXPENSE_TYPE_LABELS[expense.type])}</span>
                <span className="claim-pick-purpose">{expense.purpose}</span>
                {expense.customerName && <span className="muted">{expense.customerName}</span>}
                {expense.tripNo && <span className="muted small">{t('underTrip', { no: expense.tripNo })}</span>}
                <span className="spacer" />
                <span className="claim-pick-approved">
                  {t('approvedUpTo')} <strong className="num">{formatYuan(expense.approvedFen)}</strong>
                </span>
              </label>
              {d.picked && previewOf(expense.id) && (
                <p className="claim-pick-basis small" data-testid="claim-form-item-reimbursable">
                  {t('reimbursable')} <strong className="num">{formatYuan(previewOf(expense.id)!.reimbursableFen)}</strong>
                  <span className="muted"> · {lang === 'zh' ? previewOf(expense.id)!.basis : previewOf(expense.id)!.basisEn}</span>
                </p>
              )}
              {d.picked && (
                <div className="claim-pick-body">
                  {errorOf(itemError(expense.id)) && (
                    <div className="field-error" role="alert" data-testid="claim-item-error">
                      {errorOf(itemError(expense.id))}
                    </div>
                  )}
                  {perDiem ? (
                    <Field label={t('days')} error={errorOf(`${expense.id}:days`)} hint={t('daysHint', { days: String(expense.fields.travelDays ?? '') })}>
                      <input
                        name="days"
                        className="num days-input"
                        inputMode="decimal"
                        value={d.days}
                        aria-invalid={errorOf(`${expense.id}:days`) ? true : undefined}
                        onChange={(e) => {
                          update(expense.id, (x) => ({ ...x, days: e.target.value }));
                          setErrors(({ [`${expense.id}:days`]: _gone, ...rest }) => rest);
                        }}
                        data-testid="claim-days"
                      />
                    </Field>
                  ) : (
                    <>
                      <p className="muted small claim-hint">{invoiceHint(expense, t)}</p>
                      <table className="plain invoice-table">
                        <thead>
                          <tr>
                            <th>{t('invoiceNo')}</th>
                            <th>{t('invoiceDate')}</th>
                            <th className="num">{t('invoiceAmountYuan')}</th>
                            <th aria-label={t('removeInvoice')} />
                          </tr>
                        </thead>
                        <tbody>
                          {d.invoices.map((row) => (
                            <tr key={row.key} data-row={row.key} data-testid="claim-invoice-row">
                              {(['invoiceNo', 'invoiceDate', 'amount'] as const).map((field) => {
                                const error = errorOf(rowError(expense.id, row.key, field));
                                return (
                                  <td key={field} className={field === 'amount' ? 'num' : undefined}>
                                    <input
                                      name={field}
                                      type={field === 'invoiceDate' ? 'date' : 'text'}
                                      className={field === 'amount' ? 'num' : field === 'invoiceNo' ? 'mono' : undefined}
                                      inputMode={field === 'amount' ? 'decimal' : undefined}
                                      maxLength={field === 'invoiceNo' ? 40 : undefined}
                                      autoComplete="off"
                                      value={row[field]}
                                      aria-invalid={error ? true : undefined}
                                      title={error}
                                      onChange={(e) => setRow(expense.id, row.key, field, e.target.value)}
                                      data-testid={`claim-invoice-${field}`}
                                    />
                                    {error && <div className="field-error">{error}</div>}
                                  </td>
                                );
                              })}
                              <td>
                                <button type="button" className="icon-button" tabIndex={-1} onClick={() => removeRow(expense.id, row.key)} title={t('removeInvoice')} aria-label={t('removeInvoice')}>
                                  ×
                                </button>
                              </td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr>
                            <td colSpan={2}>
                              <button type="button" className="link" onClick={() => addRow(expense)} data-testid="claim-invoice-add">
                                + {t('addInvoice')}
                              </button>
                            </td>
                            <td className="num">
                              {t('invoicesSum')} <strong data-testid="claim-item-total">{formatYuan(invoicesTotal(d.invoices))}</strong>
                            </td>
                            <td />
                          </tr>
                        </tfoot>
                      </table>
                    </>
                  )}
                </div>
              )}
            </section>
          );
        })}

        {claimable && claimable.advances.length > 0 && (
          <section className="panel" data-testid="claim-form-advances">
            <h3>{t('advancesTitle')}</h3>
            <ul className="advance-list">
              {claimable.advances.map((a) => {
                const used = a.tripId !== null && pickedTrips.has(a.tripId);
                return (
                  <li key={a.id} className={used ? 'is-used' : 'muted'} data-testid="claim-form-advance" data-used={used}>
                    <span className="mono">{a.expenseNo}</span> {t('underTrip', { no: a.tripNo ?? '' })} <strong className="num">{formatYuan(a.reimbursedFen ?? 0)}</strong>{' '}
                    <span className="small">{used ? t('advanceUsed') : t('advanceNotUsed')}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}

        {expenses.length > 0 && (
          <Field label={t('note')} wide>
            <textarea name="note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="claim-form-note" />
          </Field>
        )}
      </div>
      <div className="drawer-foot claim-form-foot">
        <dl className="claim-form-totals" data-testid="claim-form-totals">
          <div>
            <dt>{t('pickedCount')}</dt>
            <dd>{picked.length}</dd>
          </div>
          <div>
            <dt>{t('invoicesSum')}</dt>
            <dd className="num" data-testid="claim-form-invoices">
              {formatYuan(invoicesFen)}
            </dd>
          </div>
          <div>
            <dt>{t('advanceOffset')}</dt>
            <dd className="num" data-testid="claim-form-offset">
              {offsetFen ? `−${formatYuan(offsetFen)}` : formatYuan(0)}
            </dd>
          </div>
          {preview && (
            <>
              <div>
                <dt>{t('reimbursable')}</dt>
                <dd className="num" data-testid="claim-form-reimbursable">
                  {formatYuan(preview.reimbursableFen)}
                </dd>
              </div>
              <div>
                <dt>{preview.payableFen < 0 ? t('refundLabel') : t('payableLabel')}</dt>
                <dd className="num" data-testid="claim-form-payable">
                  <strong>{formatYuan(Math.abs(preview.payableFen))}</strong>
                </dd>
              </div>
            </>
          )}
        </dl>
        {!preview && <span className="muted small claim-form-note">{t('claimComputedHint')}</span>}
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void submit()} disabled={busy || picked.length === 0} data-testid="claim-form-submit" title="Ctrl+Enter">
          {busy ? t('submitting') : t('claimSubmit')}
        </button>
      </div>
    </DrawerFrame>
  );
}
