// One expense request: what was asked (its fields by their labels), the engine's findings at
// submission, the approval steps with names, dates and comments, the invoices it was reimbursed
// with, and for a travel registration the expenses filed under it. The applicant withdraws it while
// pending; finance pays an approved advance out; anyone who sees it prints the 费用申请单.
import { useState, type ReactNode } from 'react';
import { formatTimestamp } from '../../../../shared/dates';
import { EXPENSE_KIND, EXPENSE_PAYER_ROLES, EXPENSE_TYPE_LABELS, PRINTABLE_EXPENSE_STATUSES, TRIP_TYPES, type Expense, type ExpenseStatus, type ExpenseType } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useDrawerDetail, useDrawerEscape } from '../../app/drawer';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel } from '../../i18n';
import { useSalesDirectory } from '../customers/useSalesDirectory';
import { useKinds } from '../requests/kinds';
import { RequestDetails } from '../requests/RequestDetails';
import { ON_BEHALF_ROLES } from '../requests/values';
import { ExpenseStatusBadge } from './expenseColumns';
import { useExpenseMessages } from './messages';
import { PrintButton } from '../../print/PrintButton';
import { DrawerFrame } from '../../app/DrawerFrame';

function Fact(props: { label: string; value: ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className={props.wide ? 'fact fact-wide' : 'fact'}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value === '' || props.value === null ? <span className="muted">—</span> : props.value}</dd>
    </div>
  );
}

type Confirming = 'withdraw' | 'disburse' | null;

/** The core prints the 费用申请单 of an approved request only (electron/core/print/handlers.ts). */

export function ExpenseDrawer(props: {
  id: number;
  onClose(): void;
  onChanged(expense: Expense): void;
  /** Opens another request (the trip, or an expense under it) in this drawer. */
  onOpen(id: number): void;
  /** 在此出差下登记: a new trip expense under this travel registration. */
  onFileUnderTrip(trip: Expense, type: ExpenseType): void;
}) {
  const t = useExpenseMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const kinds = useKinds();
  const directory = useSalesDirectory();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const { id, onChanged, onClose } = props;
  const { detail, loadError, load } = useDrawerDetail(id, (expenseId) => invoke('expenses.get', { id: expenseId }), () => setConfirming(null));

  // Esc backs out of a confirmation, else closes.
  useDrawerEscape(Boolean(confirming), () => setConfirming(null), onClose);

  async function act(perform: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await perform();
      toast('success', done);
      setConfirming(null);
      const fresh = await load();
      if (fresh) onChanged(fresh.expense);
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const expense = detail?.expense ?? null;
  const kind = expense ? kinds?.find((k) => k.kind === EXPENSE_KIND[expense.type]) : undefined;
  const mine = expense !== null && (expense.applicantId === me.id || expense.enteredById === me.id);
  const canWithdraw = expense?.status === 'pending' && mine;
  const canDisburse = expense?.type === 'travel_advance' && expense.status === 'approved' && EXPENSE_PAYER_ROLES.includes(me.role);
  const canFileUnder = expense?.type === 'travel' && (expense.status === 'approved' || expense.status === 'pending') && (mine || ON_BEHALF_ROLES.includes(me.role));
  const enteredBy = expense && expense.enteredById !== expense.applicantId ? directory.nameOf(expense.enteredById) : undefined;

  function withdraw() {
    if (!expense) return;
    void act(async () => {
      const request = await invoke('requests.get', { id: expense.requestId });
      await invoke('requests.withdraw', { id: request.id, version: request.version });
    }, t('withdrawn', { no: expense.expenseNo }));
  }

  function disburse() {
    if (!expense) return;
    void act(() => invoke('expenses.disburse', { id: expense.id }), t('disbursed', { no: expense.expenseNo, amount: formatYuan(expense.approvedFen), name: expense.applicantName }));
  }

  return (
    <DrawerFrame
      className="expense-drawer"
      testId="expense-drawer"
      title={expense ? t('detailTitle', { no: expense.expenseNo }) : t('loading')}
      headExtra={
        <>
          {expense && <span className="badge expense-type">{label(EXPENSE_TYPE_LABELS[expense.type])}</span>}
          {expense && <ExpenseStatusBadge status={expense.status} />}
        </>
      }
      closeLabel={t('close')}
      closeTestId="expense-drawer-close"
      closeAutoFocus
      onClose={onClose}
    >

      <div className="drawer-body">
        {loadError && (
          <div className="form-error" role="alert">
            {loadError}
          </div>
        )}
        {!detail && !loadError && <div className="muted">{t('loading')}</div>}
        {detail && expense && (
          <>
            <section className="panel">
              <dl className="expense-facts">
                <Fact label={t('applicant')} value={enteredBy ? t('enteredBy', { name: expense.applicantName, by: enteredBy }) : expense.applicantName} />
                <Fact label={t('colRegion')} value={expense.region} />
                <Fact label={t('colDate')} value={expense.expenseDate} />
                <Fact label={t('colAppliedOn')} value={expense.appliedOn} />
                <Fact label={t('purpose')} value={expense.purpose} wide testId="expense-purpose-text" />
                <Fact label={t('customer')} value={expense.customerName ? `${expense.customerNo ?? ''} ${expense.customerName}` : ''} />
                <Fact label={t('order')} value={expense.orderNo ?? ''} />
                <Fact
                  label={t('trip')}
                  value={
                    expense.tripId !== null ? (
                      <button type="button" className="link inline-link" onClick={() => props.onOpen(expense.tripId!)} data-testid="expense-open-trip">
                        {expense.tripNo}
                      </button>
                    ) : (
                      ''
                    )
                  }
                />
                <Fact label={t('colClaim')} value={expense.claimNo ?? ''} />
                <Fact label={t('colAmount')} value={<span className="num">{formatYuan(expense.amountFen)}</span>} testId="expense-amount" />
                <Fact label={t('colApproved')} value={<span className="num">{formatYuan(expense.approvedFen)}</span>} testId="expense-approved" />
                <Fact
                  label={expense.type === 'travel_advance' ? t('paidOut') : t('colReimbursed')}
                  value={expense.reimbursedFen === null ? '' : <span className="num">{formatYuan(expense.reimbursedFen)}</span>}
                  testId="expense-reimbursed"
                />
                {expense.note && <Fact label={t('note')} value={expense.note} wide />}
              </dl>
            </section>

            <section className="panel">
              <h3>{t('requestTitle')}</h3>
              <RequestDetails request={{ fields: expense.fields, decision: detail.decision, steps: detail.steps }} kind={kind} />
            </section>

            {detail.invoices.length > 0 && (
              <section className="panel panel-table" data-testid="expense-invoices">
                <h3 className="table-title">{t('invoicesTitle')}</h3>
                <table className="plain">
                  <thead>
                    <tr>
                      <th>{t('invoiceNo')}</th>
                      <th>{t('invoiceDate')}</th>
                      <th className="num">{t('invoiceAmount')}</th>
                      <th>{t('colClaim')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.invoices.map((inv) => (
                      <tr key={`${inv.claimNo}-${inv.invoiceNo}`}>
                        <td className="mono">{inv.invoiceNo}</td>
                        <td>{inv.invoiceDate}</td>
                        <td className="num">{formatYuan(inv.amountFen)}</td>
                        <td className="mono">{inv.claimNo}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}

            {expense.type === 'travel' && (
              <section className="panel panel-table" data-testid="expense-trip-expenses">
                <div className="table-title section-head">
                  <h3>{t('tripExpensesTitle')}</h3>
                  <span className="spacer" />
                  {canFileUnder && (
                    <span className="file-under">
                      {TRIP_TYPES.map((type) => (
                        <button key={type} type="button" onClick={() => props.onFileUnderTrip(expense, type)} data-testid={`expense-file-${type}`}>
                          + {label(EXPENSE_TYPE_LABELS[type])}
                        </button>
                      ))}
                    </span>
                  )}
                </div>
                {detail.tripExpenses.length === 0 ? (
                  <p className="muted small empty-note">{t('tripExpensesNone')}</p>
                ) : (
                  <table className="plain">
                    <thead>
                      <tr>
                        <th>{t('colNo')}</th>
                        <th>{t('colType')}</th>
                        <th>{t('colPurpose')}</th>
                        <th className="num">{t('colAmount')}</th>
                        <th className="num">{t('colApproved')}</th>
                        <th>{t('colStatus')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {detail.tripExpenses.map((e) => (
                        <tr key={e.id} data-testid="trip-expense-row">
                          <td className="nowrap">
                            <button type="button" className="link inline-link mono" onClick={() => props.onOpen(e.id)}>
                              {e.expenseNo}
                            </button>
                          </td>
                          <td className="nowrap">{label(EXPENSE_TYPE_LABELS[e.type])}</td>
                          <td>{e.purpose}</td>
                          <td className="num">{formatYuan(e.amountFen)}</td>
                          <td className="num">{formatYuan(e.approvedFen)}</td>
                          <td>
                            <ExpenseStatusBadge status={e.status} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            )}
            <p className="muted small">{t('createdAt', { at: formatTimestamp(expense.createdAt) })}</p>
          </>
        )}
      </div>

      {expense && (
        <div className="drawer-foot">
          {confirming === 'withdraw' && (
            <>
              <span className="confirm-text">{t('withdrawConfirm', { no: expense.expenseNo })}</span>
              <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
                {t('cancel')}
              </button>
              <button type="button" className="danger" onClick={withdraw} disabled={busy} data-testid="expense-withdraw-confirm">
                {t('withdraw')}
              </button>
            </>
          )}
          {confirming === 'disburse' && (
            <>
              <span className="confirm-text">{t('disburseConfirm', { amount: formatYuan(expense.approvedFen), name: expense.applicantName })}</span>
              <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
                {t('cancel')}
              </button>
              <button type="button" className="primary" onClick={disburse} disabled={busy} data-testid="expense-disburse-confirm">
                {t('disburseDone')}
              </button>
            </>
          )}
          {confirming === null && (
            <>
              <PrintButton target={{ expenseId: expense.id }} label={t('printExpense')} testId="expense-print" unavailable={PRINTABLE_EXPENSE_STATUSES.includes(expense.status) ? undefined : t('printAfterApproval')} />
              <span className="spacer" />
              {canWithdraw && (
                <button type="button" onClick={() => setConfirming('withdraw')} disabled={busy} data-testid="expense-withdraw">
                  {t('withdraw')}
                </button>
              )}
              {canDisburse && (
                <button type="button" className="primary" onClick={() => setConfirming('disburse')} disabled={busy} data-testid="expense-disburse">
                  {t('disburse')}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </DrawerFrame>
  );
}
