// The ledger drawer's two dialogs: 冲销 (a reversing entry with a reason, once per entry) and
// 申请坏账核销 (S-BADDEBT: a request to the superior, then finance; nothing is posted until approved).
import { useMemo, useState, type ChangeEvent, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { localDate } from '../../../../shared/dates';
import { LEDGER_KIND_LABELS, type BalanceRow } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { Dialog } from '../users/Dialog';
import type { EntryRow } from './CustomerLedgerDrawer';
import { amountText, apiFieldErrors, bare, parseAmount, type FieldErrors } from './ledgerValues';
import { useLedgerMessages } from './messages';

/** An input's onChange: keep the text, drop the field's error. */
function typed(set: (value: string) => void, setErrors: Dispatch<SetStateAction<FieldErrors>>, key: string) {
  return (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    set(event.target.value);
    setErrors((errors) => (errors[key] ? { ...errors, [key]: undefined } : errors));
  };
}

export function ReverseDialog(props: { entry: EntryRow; onClose(): void; onDone(): void }) {
  const { entry } = props;
  const t = useLedgerMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const today = useMemo(() => localDate(new Date()), []);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setErrors({ reason: t('required') });
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const posting = await invoke('ledger.reverse', { entryId: entry.id, reason: reason.trim(), ...(date ? { date } : {}) });
      toast('success', t('reversed', { id: entry.id, balance: formatYuan(posting.balanceFen) }));
      props.onDone();
    } catch (error) {
      const found = apiFieldErrors(error, lang);
      const dateError = found.date;
      setErrors({ reason: bare(found.reason), date: bare(dateError) });
      setFormError(found.reason || dateError ? null : errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const amount = formatYuan(entry.amountFen);
  return (
    <Dialog title={t('reverseTitle', { id: entry.id })} onClose={props.onClose} testId="reverse-dialog">
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-intro">{t('reverseIntro', { kind: label(LEDGER_KIND_LABELS[entry.kind]), amount, date: entry.entryDate })}</p>
        {formError && (
          <div className="form-error" role="alert" data-testid="reverse-error">
            {formError}
          </div>
        )}
        <Field label={`${t('reverseReason')} *`} error={errors.reason}>
          <textarea name="reason" value={reason} onChange={typed(setReason, setErrors, 'reason')} placeholder={t('reverseReasonPlaceholder')} maxLength={500} disabled={busy} />
        </Field>
        <Field label={t('reverseDate')} error={errors.date} hint={t('reverseDateHint')}>
          <input type="date" name="date" value={date} min={entry.entryDate} max={today} onChange={typed(setDate, setErrors, 'date')} disabled={busy} />
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary danger-primary" disabled={busy} data-testid="reverse-save">
            {t('reverseSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function BadDebtDialog(props: { customer: BalanceRow; openBalanceFen: number; onClose(): void; onDone(): void }) {
  const { customer, openBalanceFen } = props;
  const t = useLedgerMessages();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const [amount, setAmount] = useState(amountText(openBalanceFen));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseAmount(amount);
    if (parsed.kind !== 'ok') {
      setErrors({ amountFen: parsed.kind === 'empty' ? t('required') : t('invalidMoney') });
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const request = await invoke('ledger.requestBadDebt', { customerId: customer.customerId, amountFen: parsed.fen, note: note.trim() });
      toast('success', t('badDebtSent', { id: request.id }));
      props.onDone();
    } catch (error) {
      const found = apiFieldErrors(error, lang);
      setErrors({ amountFen: bare(found.amountFen), note: bare(found.note) });
      setFormError(found.amountFen || found.note ? null : errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('badDebtTitle', { customer: `${customer.customerNo} ${customer.customerName}` })} onClose={props.onClose} testId="bad-debt-dialog">
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-intro">{t('badDebtIntro', { balance: formatYuan(openBalanceFen) })}</p>
        {formError && (
          <div className="form-error" role="alert" data-testid="bad-debt-error">
            {formError}
          </div>
        )}
        <Field label={`${t('badDebtAmount')} *`} error={errors.amountFen}>
          <input name="amount" className="input-number" inputMode="decimal" value={amount} onChange={typed(setAmount, setErrors, 'amountFen')} disabled={busy} autoComplete="off" />
        </Field>
        <Field label={t('badDebtNote')} error={errors.note}>
          <textarea name="note" value={note} onChange={typed(setNote, setErrors, 'note')} placeholder={t('badDebtNotePlaceholder')} maxLength={500} disabled={busy} />
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="bad-debt-save">
            {t('badDebtSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
