// 登记投诉: the customer (required; searched by number, name or pinyin initials), an order of that
// customer (optional), the work order no., when it was received (default now) and when it happened,
// what the customer complains of and the course of events, the responsible person, severity, source
// (客户来电/来函 or 发现未报) and whether the complaint slip is filed at once. The core computes the
// deadlines; its refusals land beside the field they name.
// Keyboard: Enter moves on, Ctrl+Enter or Ctrl+S submits, Esc closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import { COMPLAINT_SEVERITIES, COMPLAINT_SEVERITY_LABELS, type Complaint, type ComplaintSeverity } from '../../../../shared/complaints';
import type { Customer } from '../../../../shared/customers';
import { formatYuan } from '../../../../shared/money';
import type { Order } from '../../../../shared/orders';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { issuesByField } from '../expenses/expenseValues';
import { searchCustomers, searchOrders } from '../expenses/lookups';
import { LookupInput } from '../orders/LookupInput';
import { focusNextFrom, formKeyDown } from '../requests/KindFields';
import { localInputToIso, nowInputValue, wallTime } from './complaintValues';
import { useComplaintMessages } from './messages';
import { useEmployees } from './useEmployees';
import { DrawerFrame } from '../../app/DrawerFrame';

interface CustomerRef {
  id: number;
  customerNo: string;
  name: string;
}

/** Fields the form shows: the core's errors on them go beside them, the rest above the form. */
const SHOWN = ['customerId', 'orderId', 'workOrderNo', 'receivedAt', 'occurredAt', 'summary', 'course', 'responsibleId', 'severity', 'source', 'fileSlip'];

export function ComplaintForm(props: { onClose(): void; onCreated(complaint: Complaint): void }) {
  const t = useComplaintMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const employees = useEmployees();
  const rootRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);

  const [customer, setCustomer] = useState<CustomerRef | null>(null);
  const [customerText, setCustomerText] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const [orderText, setOrderText] = useState('');
  const [workOrderNo, setWorkOrderNo] = useState('');
  const [receivedAt, setReceivedAt] = useState(() => nowInputValue());
  const [occurredAt, setOccurredAt] = useState('');
  const [summary, setSummary] = useState('');
  const [course, setCourse] = useState('');
  const [responsibleId, setResponsibleId] = useState<number | null>(null);
  const [severity, setSeverity] = useState<ComplaintSeverity>('normal');
  const [source, setSource] = useState<'manual' | 'discovered'>('manual');
  const [fileSlip, setFileSlip] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('input[name=customer]')?.focus();
  }, []);

  const input = useMemo(
    (): ChannelInput<'complaints.create'> => ({
      customerId: customer?.id ?? 0,
      orderId: order?.id ?? null,
      workOrderNo: workOrderNo.trim(),
      ...(receivedAt ? { receivedAt: localInputToIso(receivedAt) ?? receivedAt } : {}),
      occurredAt: occurredAt ? (localInputToIso(occurredAt) ?? occurredAt) : null,
      summary: summary.trim(),
      course: course.trim(),
      responsibleId,
      severity,
      source,
      fileSlip,
    }),
    [customer, order, workOrderNo, receivedAt, occurredAt, summary, course, responsibleId, severity, source, fileSlip],
  );

  function touch(field: string, apply: () => void) {
    apply();
    setFormError(null);
    setErrors(({ [field]: _gone, ...rest }) => rest);
  }

  async function submit() {
    if (busy) return;
    const missing: Record<string, string> = {};
    if (!customer) missing.customerId = t('customerRequired');
    if (!summary.trim()) missing.summary = t('required');
    if (Object.keys(missing).length) {
      setErrors(missing);
      window.setTimeout(() => rootRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const saved = await invoke('complaints.create', input);
      toast('success', t('created', { no: saved.complaintNo, due: wallTime(saved.handleDueAt) }));
      props.onCreated(saved);
    } catch (error) {
      const issues = issuesByField(error, lang);
      setErrors(issues);
      const shown = Object.keys(issues).some((name) => SHOWN.includes(name));
      setFormError(shown ? null : errorText(error));
      setBusy(false);
      window.setTimeout(() => rootRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    formKeyDown(event, { root: formRef.current, submit: () => void submit(), close: props.onClose });
  }

  const customerPicked = customer !== null && customerText === `${customer.customerNo} ${customer.name}`;
  const orderPicked = order !== null && orderText === order.orderNo;
  const next = (name: string) => {
    const el = rootRef.current?.querySelector<HTMLElement>(`input[name=${name}]`) ?? null;
    if (el) focusNextFrom(formRef.current, el);
  };
  const invalid = (name: string) => (errors[name] ? true : undefined);

  return (
    <DrawerFrame
      className="complaint-form"
      testId="complaint-form"
      hint={t('keysHint')}
      title={t('newTitle')}
      closeLabel={t('close')}
      onClose={props.onClose}
      rootRef={rootRef}
      onKeyDown={onKeyDown}
    >
      <div className="drawer-body">
        <div ref={formRef} className="request-form complaint-fields">
          {formError && (
            <div className="form-error field-wide" role="alert" data-testid="complaint-form-error">
              {formError}
            </div>
          )}
          <Field label={`${t('customer')} *`} error={errors.customerId}>
            <LookupInput<Customer>
              name="customer"
              testId="complaint-customer"
              text={customerText}
              picked={customerPicked}
              onTextChange={(text) =>
                touch('customerId', () => {
                  setCustomerText(text);
                  if (customer) setCustomer(null);
                })
              }
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
                touch('customerId', () => {
                  setCustomer({ id: c.id, customerNo: c.customerNo, name: c.name });
                  setCustomerText(`${c.customerNo} ${c.name}`);
                  if (order && order.customerId !== c.id) {
                    setOrder(null);
                    setOrderText('');
                  }
                });
                if (by !== 'tab') window.setTimeout(() => next('customer'));
              }}
              onEnterPicked={() => next('customer')}
              placeholder={t('customerPlaceholder')}
              noneText={t('customerNone')}
              searchingText={t('searching')}
              invalid={Boolean(errors.customerId)}
              ariaLabel={t('customer')}
            />
          </Field>
          <Field label={t('order')} error={errors.orderId} hint={t('optional')}>
            <LookupInput<Order>
              name="order"
              testId="complaint-order"
              text={orderText}
              picked={orderPicked}
              disabled={!customer}
              onTextChange={(text) =>
                touch('orderId', () => {
                  setOrderText(text);
                  if (order) setOrder(null);
                })
              }
              search={(text) => searchOrders(text, customer?.customerNo ?? null)}
              keyOf={(o) => o.id}
              isExact={(o, text) => o.orderNo.toLowerCase() === text.toLowerCase()}
              renderItem={(o) => (
                <span className="lookup-customer lookup-order">
                  <span className="mono">{o.orderNo}</span>
                  <span>{o.customerName}</span>
                  <span className="muted small">
                    {o.orderDate} {formatYuan(o.totalFen)}
                  </span>
                </span>
              )}
              onPick={(o, by) => {
                touch('orderId', () => {
                  setOrder(o);
                  setOrderText(o.orderNo);
                });
                if (by !== 'tab') window.setTimeout(() => next('order'));
              }}
              onEnterPicked={() => next('order')}
              onEnterEmpty={() => next('order')}
              placeholder={t('orderPlaceholder')}
              noneText={t('orderNone')}
              searchingText={t('searching')}
              invalid={Boolean(errors.orderId)}
              ariaLabel={t('order')}
            />
          </Field>
          <Field label={t('workOrderNo')} error={errors.workOrderNo} hint={t('workOrderHint')}>
            <input
              name="workOrderNo"
              value={workOrderNo}
              maxLength={40}
              placeholder={order?.orderNo ?? ''}
              autoComplete="off"
              aria-invalid={invalid('workOrderNo')}
              onChange={(e) => touch('workOrderNo', () => setWorkOrderNo(e.target.value))}
              data-testid="complaint-work-order"
            />
          </Field>
          <Field label={t('receivedAt')} error={errors.receivedAt} hint={t('receivedHint')}>
            <input
              type="datetime-local"
              name="receivedAt"
              value={receivedAt}
              aria-invalid={invalid('receivedAt')}
              onChange={(e) => touch('receivedAt', () => setReceivedAt(e.target.value))}
              data-testid="complaint-received-at"
            />
          </Field>
          <Field label={t('occurredAt')} error={errors.occurredAt}>
            <input
              type="datetime-local"
              name="occurredAt"
              value={occurredAt}
              aria-invalid={invalid('occurredAt')}
              onChange={(e) => touch('occurredAt', () => setOccurredAt(e.target.value))}
              data-testid="complaint-occurred-at"
            />
          </Field>
          <Field label={t('responsible')} error={errors.responsibleId}>
            <select
              name="responsibleId"
              value={responsibleId ?? ''}
              aria-invalid={invalid('responsibleId')}
              onChange={(e) => touch('responsibleId', () => setResponsibleId(e.target.value ? Number(e.target.value) : null))}
              data-testid="complaint-responsible"
            >
              <option value="">{t('nobody')}</option>
              {employees.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </Field>
          <Field label={`${t('summary')} *`} error={errors.summary} wide>
            <input
              name="summary"
              value={summary}
              maxLength={200}
              placeholder={t('summaryPlaceholder')}
              autoComplete="off"
              aria-invalid={invalid('summary')}
              onChange={(e) => touch('summary', () => setSummary(e.target.value))}
              data-testid="complaint-summary"
            />
          </Field>
          <Field label={t('course')} error={errors.course} wide>
            <textarea
              name="course"
              rows={4}
              maxLength={2000}
              value={course}
              placeholder={t('coursePlaceholder')}
              aria-invalid={invalid('course')}
              onChange={(e) => touch('course', () => setCourse(e.target.value))}
              data-testid="complaint-course"
            />
          </Field>
          <Field label={t('severity')} error={errors.severity}>
            <select name="severity" value={severity} onChange={(e) => touch('severity', () => setSeverity(e.target.value as ComplaintSeverity))} data-testid="complaint-severity-input">
              {COMPLAINT_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {label(COMPLAINT_SEVERITY_LABELS[s])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('source')} error={errors.source} hint={source === 'discovered' ? t('sourceHint') : undefined}>
            <select name="source" value={source} onChange={(e) => touch('source', () => setSource(e.target.value as 'manual' | 'discovered'))} data-testid="complaint-source-input">
              <option value="manual">{t('sourceManual')}</option>
              <option value="discovered">{t('sourceDiscovered')}</option>
            </select>
          </Field>
          <label className={`field field-wide${errors.fileSlip ? ' field-invalid' : ''}`}>
            <span className="field-check">
              <input type="checkbox" name="fileSlip" checked={fileSlip} onChange={(e) => touch('fileSlip', () => setFileSlip(e.target.checked))} data-testid="complaint-file-slip" />
              {t('fileSlip')}
            </span>
            {errors.fileSlip ? (
              <span className="field-error" role="alert">
                {errors.fileSlip}
              </span>
            ) : (
              <span className="field-hint">{t('fileSlipHint')}</span>
            )}
          </label>
        </div>
      </div>
      <div className="drawer-foot">
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void submit()} data-testid="complaint-submit" title="Ctrl+Enter">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </DrawerFrame>
  );
}
