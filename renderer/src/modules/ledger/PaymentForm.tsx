// 登记回款 / 登记订金 inside the customer's ledger drawer: date, amount in yuan, reference, note,
// optional allocations to the customer's orders and — for a receipt — the explicit 预收款 mark the core
// needs to take more than the open balance. Amounts are parsed to integer fen (shared/money); the
// core's errors are shown beside the field they name (amount, date, each allocation).
import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { localDate } from '../../../../shared/dates';
import type { BalanceRow } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { ORDER_STATUS_LABELS, type Order, type OrderStatus } from '../../../../shared/orders';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { apiFieldErrors, bare, parseAmount, type FieldErrors } from './ledgerValues';
import { useLedgerMessages } from './messages';

/** Orders money can be allocated to (the core refuses drafts and cancelled ones). */
const PAYABLE: readonly OrderStatus[] = ['confirmed', 'production_requested', 'in_production', 'inspected', 'shipped', 'delivered', 'closed'];

const allocKey = (orderId: number) => `alloc-${orderId}`;

export function PaymentForm(props: {
  kind: 'receipt' | 'deposit';
  customer: BalanceRow;
  /** The customer's balance now (the sum of its entries). */
  balanceFen: number;
  onCancel(): void;
  onPosted(): void;
}) {
  const { kind, customer } = props;
  const t = useLedgerMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const titleId = useId();
  const today = useMemo(() => localDate(new Date()), []);
  const openBalance = Math.max(0, props.balanceFen);

  const [date, setDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [prepayment, setPrepayment] = useState(false);
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [allocations, setAllocations] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    invoke('orders.list', {
      startRow: 0,
      endRow: 100,
      sort: [{ colId: 'orderDate', sort: 'desc' }],
      filter: {
        customerId: { filterType: 'number', type: 'equals', filter: customer.customerId },
        status: { filterType: 'set', values: [...PAYABLE] },
      },
    })
      .then((page) => !cancelled && setOrders(page.rows))
      .catch(() => !cancelled && setOrders([]));
    return () => {
      cancelled = true;
    };
  }, [customer.customerId]);

  const parsedAmount = parseAmount(amount);
  const amountFen = parsedAmount.kind === 'ok' ? parsedAmount.fen : null;
  const allocatedFen = Object.values(allocations).reduce((sum, text) => {
    const a = parseAmount(text);
    return a.kind === 'ok' ? sum + a.fen : sum;
  }, 0);
  const over = kind === 'receipt' && !prepayment && amountFen !== null && amountFen > openBalance;

  function clearError(key: string) {
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  }
  /** An input's onChange: keep the text, drop the field's error. */
  const typed = (set: (value: string) => void, key: string) => (event: ChangeEvent<HTMLInputElement>) => {
    set(event.target.value);
    clearError(key);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (!date) found.date = t('required');
    if (parsedAmount.kind === 'empty') found.amountFen = t('required');
    else if (parsedAmount.kind === 'invalid') found.amountFen = t('invalidMoney');
    const wanted: { orderId: number; amountFen: number }[] = [];
    for (const [orderId, text] of Object.entries(allocations)) {
      const a = parseAmount(text);
      if (a.kind === 'invalid') found[allocKey(Number(orderId))] = t('invalidMoney');
      else if (a.kind === 'ok') wanted.push({ orderId: Number(orderId), amountFen: a.fen });
    }
    if (amountFen !== null && allocatedFen > amountFen) found.allocations = t('allocatedOver', { sum: formatYuan(allocatedFen), amount: formatYuan(amountFen) });
    if (Object.keys(found).length || amountFen === null) {
      setErrors(found);
      setFormError(t('fixErrors'));
      return;
    }

    setBusy(true);
    setFormError(null);
    setErrors({});
    const input = {
      customerId: customer.customerId,
      date,
      amountFen,
      reference: reference.trim(),
      note: note.trim(),
      allocations: wanted,
      prepayment: kind === 'receipt' && prepayment,
    };
    try {
      const posting = await invoke(kind === 'receipt' ? 'ledger.postReceipt' : 'ledger.postDeposit', input);
      toast('success', t(kind === 'receipt' ? 'receiptPosted' : 'depositPosted', { amount: formatYuan(amountFen), balance: formatYuan(posting.balanceFen) }));
      props.onPosted();
    } catch (error) {
      // Field paths from the core: amountFen, date, reference, allocations, allocations.<i>.amountFen|orderId.
      const fromCore = apiFieldErrors(error, lang);
      const mapped: FieldErrors = {};
      for (const [path, message] of Object.entries(fromCore)) {
        const m = /^allocations\.(\d+)\./.exec(path);
        const allocation = m ? wanted[Number(m[1])] : undefined;
        mapped[allocation ? allocKey(allocation.orderId) : path] ??= bare(message);
      }
      setErrors(mapped);
      const shown = ['amountFen', 'date', 'reference', 'note', 'allocations', ...wanted.map((w) => allocKey(w.orderId))].some((k) => mapped[k]);
      setFormError(shown ? null : errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const customerText = `${customer.customerNo} ${customer.customerName}`;
  return (
    <form className="panel payment-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId} data-testid="payment-form" data-kind={kind}>
      <h3 id={titleId}>{t(kind === 'receipt' ? 'receiptTitle' : 'depositTitle', { customer: customerText })}</h3>
      {kind === 'deposit' && <p className="muted small payment-intro">{t('depositIntro')}</p>}
      {formError && (
        <div className="form-error" role="alert" data-testid="payment-error">
          {formError}
        </div>
      )}
      <div className="form-grid payment-grid">
        <Field label={`${t('payDate')} *`} error={errors.date} hint={t('payDateHint')}>
          <input type="date" name="date" value={date} max={today} onChange={typed(setDate, 'date')} disabled={busy} aria-invalid={errors.date ? true : undefined} />
        </Field>
        <div className={over && !errors.amountFen ? 'amount-over' : undefined} data-testid="payment-amount-field">
          <Field label={`${t('payAmount')} *`} error={errors.amountFen} hint={over ? t('prepaymentOver', { balance: formatYuan(openBalance) }) : undefined}>
            <input
              name="amount"
              className="input-number"
              inputMode="decimal"
              value={amount}
              onChange={typed(setAmount, 'amountFen')}
              disabled={busy}
              autoFocus
              autoComplete="off"
              aria-invalid={errors.amountFen ? true : undefined}
            />
          </Field>
        </div>
        <Field label={t('payReference')} error={errors.reference} hint={t('payReferenceHint')}>
          <input name="reference" value={reference} onChange={typed(setReference, 'reference')} maxLength={60} disabled={busy} autoComplete="off" />
        </Field>
        <Field label={t('payNote')} error={errors.note}>
          <input name="note" value={note} onChange={typed(setNote, 'note')} maxLength={500} disabled={busy} autoComplete="off" />
        </Field>
      </div>

      {kind === 'receipt' && (
        <div className={`prepayment-box${prepayment ? ' is-checked' : ''}`}>
          <label className="check">
            <input
              type="checkbox"
              name="prepayment"
              checked={prepayment}
              onChange={(e) => {
                setPrepayment(e.target.checked);
                clearError('amountFen');
              }}
              disabled={busy}
              data-testid="payment-prepayment"
            />
            <b>{t('prepayment')}</b>
          </label>
          <span className="small">{t('prepaymentHint', { balance: formatYuan(openBalance) })}</span>
        </div>
      )}

      <fieldset className="allocations">
        <legend>{t('allocations')}</legend>
        <div className="muted small">{t('allocationsHint')}</div>
        {errors.allocations && (
          <div className="field-error" role="alert">
            {errors.allocations}
          </div>
        )}
        {orders === null ? (
          <div className="muted small">{t('loading')}</div>
        ) : orders.length === 0 ? (
          <div className="muted small">{t('allocationsNone')}</div>
        ) : (
          <table className="plain allocation-table">
            <thead>
              <tr>
                <th>{t('colOrderNo')}</th>
                <th>{t('colOrderDate')}</th>
                <th>{t('colOrderStatus')}</th>
                <th className="num">{t('colOrderTotal')}</th>
                <th className="num">{t('colAllocate')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => {
                const key = allocKey(order.id);
                return (
                  <tr key={order.id} data-testid="allocation-row" data-order-no={order.orderNo}>
                    <td className="nowrap">{order.orderNo}</td>
                    <td className="nowrap">{order.orderDate}</td>
                    <td className="nowrap">{label(ORDER_STATUS_LABELS[order.status])}</td>
                    <td className="num nowrap">{formatYuan(order.totalFen)}</td>
                    <td className={`num allocation-input${errors[key] ? ' field-invalid' : ''}`}>
                      <input
                        name={`allocate-${order.orderNo}`}
                        className="input-number"
                        inputMode="decimal"
                        value={allocations[order.id] ?? ''}
                        onChange={(e) => {
                          const value = e.target.value;
                          setAllocations((a) => ({ ...a, [order.id]: value }));
                          clearError(key);
                          clearError('allocations');
                        }}
                        disabled={busy}
                        autoComplete="off"
                        aria-label={`${t('colAllocate')} ${order.orderNo}`}
                        aria-invalid={errors[key] ? true : undefined}
                      />
                      {errors[key] && (
                        <div className="field-error" role="alert">
                          {errors[key]}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {allocatedFen > 0 && amountFen !== null && (
          <div className={`small ${allocatedFen > amountFen ? 'field-error' : 'muted'}`} data-testid="allocation-sum">
            {allocatedFen > amountFen
              ? t('allocatedOver', { sum: formatYuan(allocatedFen), amount: formatYuan(amountFen) })
              : t('allocatedSum', { sum: formatYuan(allocatedFen), rest: formatYuan(amountFen - allocatedFen) })}
          </div>
        )}
      </fieldset>

      <div className="toolbar">
        <span className="spacer" />
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="payment-save">
          {t('savePayment')}
        </button>
      </div>
    </form>
  );
}
