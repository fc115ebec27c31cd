// 新建费用申请: the type (its policy kind decides the fields), 事由, the customer and order it is
// for, the travel registration a trip expense belongs to, and the kind's fields; an assistant or a
// head may file it for someone (代填申请人). The core judges the form live (expenses.preview: the
// findings and the approval chain beside it); a blocked request cannot be sent, and says why.
// Keyboard: Enter moves on, Ctrl+Enter or Ctrl+S submits, Esc closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import type { Customer } from '../../../../shared/customers';
import { localDate } from '../../../../shared/dates';
import { EXPENSE_KIND, EXPENSE_STATUS_LABELS, EXPENSE_TYPE_LABELS, EXPENSE_TYPES, TRIP_TYPES, type Expense, type ExpenseType } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import type { Order } from '../../../../shared/orders';
import type { Decision } from '../../../../shared/policy';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { OWNER_ROLES, useSalesDirectory } from '../customers/useSalesDirectory';
import { LookupInput } from '../orders/LookupInput';
import { DecisionView } from '../requests/DecisionView';
import { focusNextFrom, formKeyDown, KindFields, useBuiltFields } from '../requests/KindFields';
import { useKinds } from '../requests/kinds';
import { blankForm, ON_BEHALF_ROLES, type FormValue } from '../requests/values';
import { FORM_HIDDEN_FIELDS, issuesByField, tripText } from './expenseValues';
import { searchCustomers, searchOrders } from './lookups';
import { useExpenseMessages } from './messages';
import { DrawerFrame } from '../../app/DrawerFrame';

const PREVIEW_DELAY_MS = 300;

/** Where a new request starts: a type, a trip (from the trip's drawer), an applicant. */
export interface ExpenseFormStart {
  type?: ExpenseType;
  tripId?: number;
  applicantId?: number;
}

interface CustomerRef {
  id: number;
  customerNo: string;
  name: string;
}

/** A trip expense may go under an approved trip; an advance also under one still waiting (E-ADVANCE then blocks it). */
const tripUsable = (type: ExpenseType, trip: Expense) => trip.status === 'approved' || (type === 'travel_advance' && trip.status === 'pending');

export function ExpenseForm(props: { start: ExpenseFormStart; onClose(): void; onSubmitted(expense: Expense): void }) {
  const t = useExpenseMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const kinds = useKinds();
  const directory = useSalesDirectory();
  const rootRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const today = useMemo(() => localDate(new Date()), []);

  const [type, setType] = useState<ExpenseType>(props.start.type ?? 'entertainment');
  const [applicantId, setApplicantId] = useState<number | null>(props.start.applicantId !== undefined && props.start.applicantId !== me.id ? props.start.applicantId : null);
  const [purpose, setPurpose] = useState('');
  const [customer, setCustomer] = useState<CustomerRef | null>(null);
  const [customerText, setCustomerText] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const [orderText, setOrderText] = useState('');
  const [trips, setTrips] = useState<Expense[] | null>(null);
  const [tripId, setTripId] = useState<number | null>(props.start.tripId ?? null);
  const [form, setForm] = useState<Record<string, FormValue>>({});
  const [note, setNote] = useState('');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checking, setChecking] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const kind = kinds?.find((k) => k.kind === EXPENSE_KIND[type]);
  const needsTrip = TRIP_TYPES.includes(type);

  // A new type starts from its blank fields; what the request is about (purpose, customer, order) stays.
  useEffect(() => {
    if (kind) setForm(blankForm(kind.fields, { today, role: me.role }));
    setDecision(null);
    setServerErrors({});
    setFormError(null);
  }, [kind, today, me.role]);

  // The applicant's travel registrations, for trip expenses.
  useEffect(() => {
    if (!needsTrip) return;
    let alive = true;
    setTrips(null);
    invoke('expenses.trips', applicantId ? { applicantId } : {})
      .then((list) => alive && setTrips(list))
      .catch((error: unknown) => alive && (setTrips([]), setFormError(errorText(error))));
    return () => {
      alive = false;
    };
  }, [needsTrip, applicantId, errorText]);

  // Keep the chosen trip if it fits the type; otherwise the newest that does.
  useEffect(() => {
    if (!needsTrip || !trips) return;
    setTripId((current) => {
      const chosen = trips.find((trip) => trip.id === current);
      if (chosen && tripUsable(type, chosen)) return current;
      return trips.find((trip) => tripUsable(type, trip))?.id ?? null;
    });
  }, [needsTrip, trips, type]);

  useEffect(() => {
    const first = props.start.type ? 'textarea[name=purpose], input[name=purpose]' : 'select[name=type]';
    rootRef.current?.querySelector<HTMLElement>(first)?.focus();
  }, [props.start.type]);

  const built = useBuiltFields(kind?.fields, form, FORM_HIDDEN_FIELDS);
  const tripMissing = needsTrip && tripId === null;

  /** What the core takes; the preview sends a stand-in purpose while none is typed (it judges nothing by it). */
  const input = useMemo((): ChannelInput<'expenses.create'> | null => {
    if (!built) return null;
    return {
      type,
      ...(applicantId ? { applicantId } : {}),
      purpose: purpose.trim(),
      customerId: customer?.id ?? null,
      orderId: order?.id ?? null,
      tripId: needsTrip ? tripId : null,
      fields: built.values,
      note: note.trim(),
    };
  }, [built, type, applicantId, purpose, customer, order, needsTrip, tripId, note]);
  const previewKey = built?.complete && !tripMissing && input ? JSON.stringify({ ...input, purpose: '—', note: '' }) : null;

  // Live check: the core judges the request as it would on submission (writes nothing).
  useEffect(() => {
    if (!previewKey) {
      setDecision(null);
      setServerErrors({});
      return;
    }
    let alive = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      invoke('expenses.preview', JSON.parse(previewKey) as ChannelInput<'expenses.preview'>)
        .then((d) => {
          if (!alive) return;
          setDecision(d);
          setServerErrors({});
        })
        .catch((error: unknown) => {
          if (!alive) return;
          setDecision(null);
          const issues = issuesByField(error, lang);
          setServerErrors(issues);
          // An error the form cannot put beside a field still has to be read.
          if (!Object.keys(issues).length) setFormError(errorText(error));
        })
        .finally(() => alive && setChecking(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [previewKey, lang, errorText]);

  const onBehalf = ON_BEHALF_ROLES.includes(me.role);
  const others = directory.owners.filter((u) => u.id !== me.id && OWNER_ROLES.includes(u.role));
  const blocks = decision?.findings.filter((f) => f.severity === 'block') ?? [];
  const why: string | null = !kind
    ? t('loading')
    : !built?.complete
      ? t('whyIncomplete')
      : tripMissing
        ? t('whyTrip')
        : checking || (!decision && !Object.keys(serverErrors).length)
          ? t('checking')
          : !decision
            ? t('whyErrors')
            : decision.decision === 'deny'
              ? t('whyBlocked', { reasons: blocks.map((b) => (lang === 'zh' ? b.message : b.messageEn)).join('；') })
              : !purpose.trim()
                ? t('whyPurpose')
                : null;
  const canSubmit = why === null && !busy;

  function change(touch: () => void) {
    touch();
    setFormError(null);
  }

  async function submit() {
    if (busy) return;
    if (!canSubmit || !input) {
      const missing: Record<string, string> = {};
      if (!purpose.trim()) missing.purpose = t('required');
      if (tripMissing) missing.tripId = t('whyTrip');
      setLocalErrors(missing);
      const firstBad = rootRef.current?.querySelector<HTMLElement>('[aria-invalid=true]');
      firstBad?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const saved = await invoke('expenses.create', input);
      toast('success', saved.status === 'approved' ? t('submittedApproved', { no: saved.expenseNo }) : t('submitted', { no: saved.expenseNo, trail: saved.trail }));
      props.onSubmitted(saved);
    } catch (error) {
      const issues = issuesByField(error, lang);
      setServerErrors(issues);
      // Beside the field when the core named one the form shows; else above the form.
      const beside = ['purpose', 'tripId', 'customerId', 'orderId', ...(onBehalf && others.length > 0 ? ['applicantId'] : [])];
      const shown = Object.keys(issues).some((name) => beside.includes(name) || kind?.fields.some((f) => f.name === name && !FORM_HIDDEN_FIELDS.includes(name)));
      setFormError(shown ? null : errorText(error));
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    formKeyDown(event, { root: formRef.current, submit: () => void submit(), close: props.onClose });
  }

  const errorOf = (name: string) => localErrors[name] ?? serverErrors[name];
  const usableTrips = trips?.filter((trip) => tripUsable(type, trip)) ?? [];
  const customerPicked = customer !== null && customerText === `${customer.customerNo} ${customer.name}`;
  const orderPicked = order !== null && orderText === order.orderNo;
  const next = (el: HTMLElement | null) => el && focusNextFrom(formRef.current, el);

  return (
    <DrawerFrame
      className="request-drawer expense-form"
      testId="expense-form"
      hint={t('keysHint')}
      title={t('newTitle')}
      closeLabel={t('close')}
      onClose={props.onClose}
      rootRef={rootRef}
      onKeyDown={onKeyDown}
    >
      <div className="drawer-body request-body">
        <div ref={formRef} className="request-form">
          {formError && (
            <div className="form-error field-wide" role="alert" data-testid="expense-form-error">
              {formError}
            </div>
          )}
          <Field label={t('type')} hint={kind ? kind.rules.join(' · ') : undefined}>
            <select name="type" value={type} onChange={(e) => change(() => setType(e.target.value as ExpenseType))} data-testid="expense-type">
              {EXPENSE_TYPES.map((v) => (
                <option key={v} value={v}>
                  {label(EXPENSE_TYPE_LABELS[v])}
                </option>
              ))}
            </select>
          </Field>
          {onBehalf && others.length > 0 ? (
            <Field label={t('applicantFor')} error={errorOf('applicantId')} hint={t('applicantForHint')}>
              <select
                name="applicantId"
                value={applicantId ?? ''}
                onChange={(e) => change(() => setApplicantId(e.target.value ? Number(e.target.value) : null))}
                data-testid="expense-applicant"
              >
                <option value="">{t('self', { name: me.displayName })}</option>
                {others.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field label={t('applicant')}>
              <input name="applicantSelf" value={me.displayName} disabled />
            </Field>
          )}
          <Field label={`${t('purpose')} *`} error={errorOf('purpose')} wide>
            <input
              name="purpose"
              value={purpose}
              maxLength={200}
              placeholder={t('purposePlaceholder')}
              autoComplete="off"
              aria-invalid={errorOf('purpose') ? true : undefined}
              onChange={(e) => change(() => (setPurpose(e.target.value), setLocalErrors(({ purpose: _p, ...rest }) => rest)))}
              data-testid="expense-purpose"
            />
          </Field>
          {needsTrip && (
            <Field label={`${t('trip')} *`} error={errorOf('tripId')} hint={trips && usableTrips.length === 0 ? undefined : t('tripHint')} wide>
              {trips && usableTrips.length === 0 ? (
                <div className="trip-none" data-testid="expense-trip-none">
                  <span>{type === 'travel_advance' ? t('noTripAny') : t('noTripApproved')}</span>
                  <button type="button" className="link" onClick={() => setType('travel')}>
                    {t('fileTripFirst')}
                  </button>
                </div>
              ) : (
                <select
                  name="tripId"
                  value={tripId ?? ''}
                  onChange={(e) => change(() => (setTripId(e.target.value ? Number(e.target.value) : null), setLocalErrors(({ tripId: _t, ...rest }) => rest)))}
                  aria-invalid={errorOf('tripId') ? true : undefined}
                  data-testid="expense-trip"
                >
                  {trips === null && <option value="">{t('loading')}</option>}
                  {trips !== null && tripId === null && <option value="">—</option>}
                  {trips?.map((trip) => (
                    <option key={trip.id} value={trip.id} disabled={!tripUsable(type, trip)}>
                      {tripText(trip)}
                      {trip.status !== 'approved' ? `（${label(EXPENSE_STATUS_LABELS[trip.status])}）` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('customer')} error={errorOf('customerId')} hint={t('optional')}>
            <LookupInput<Customer>
              name="customer"
              testId="expense-customer"
              text={customerText}
              picked={customerPicked}
              onTextChange={(text) =>
                change(() => {
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
                change(() => {
                  setCustomer({ id: c.id, customerNo: c.customerNo, name: c.name });
                  setCustomerText(`${c.customerNo} ${c.name}`);
                  if (order && order.customerId !== c.id) {
                    setOrder(null);
                    setOrderText('');
                  }
                });
                if (by !== 'tab') window.setTimeout(() => next(rootRef.current?.querySelector<HTMLElement>('input[name=customer]') ?? null));
              }}
              onEnterPicked={() => next(rootRef.current?.querySelector<HTMLElement>('input[name=customer]') ?? null)}
              onEnterEmpty={() => next(rootRef.current?.querySelector<HTMLElement>('input[name=customer]') ?? null)}
              placeholder={t('customerPlaceholder')}
              noneText={t('customerNone')}
              searchingText={t('searching')}
              invalid={Boolean(errorOf('customerId'))}
              ariaLabel={t('customer')}
            />
          </Field>
          <Field label={t('order')} error={errorOf('orderId')} hint={t('optional')}>
            <LookupInput<Order>
              name="order"
              testId="expense-order"
              text={orderText}
              picked={orderPicked}
              onTextChange={(text) =>
                change(() => {
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
                change(() => {
                  setOrder(o);
                  setOrderText(o.orderNo);
                  if (!customer) {
                    setCustomer({ id: o.customerId, customerNo: o.customerNo, name: o.customerName });
                    setCustomerText(`${o.customerNo} ${o.customerName}`);
                  }
                });
                if (by !== 'tab') window.setTimeout(() => next(rootRef.current?.querySelector<HTMLElement>('input[name=order]') ?? null));
              }}
              onEnterPicked={() => next(rootRef.current?.querySelector<HTMLElement>('input[name=order]') ?? null)}
              onEnterEmpty={() => next(rootRef.current?.querySelector<HTMLElement>('input[name=order]') ?? null)}
              placeholder={t('orderPlaceholder')}
              noneText={t('orderNone')}
              searchingText={t('searching')}
              invalid={Boolean(errorOf('orderId'))}
              ariaLabel={t('order')}
            />
          </Field>
          {kind && (
            <KindFields
              fields={kind.fields}
              form={form}
              onChange={(name, v) => change(() => setForm((f) => ({ ...f, [name]: v })))}
              errors={{ ...serverErrors, ...built?.problems }}
              hidden={FORM_HIDDEN_FIELDS}
              testIdPrefix="expense-field"
              keyPrefix={kind.kind}
            />
          )}
          <Field label={t('note')} wide>
            <textarea name="note" rows={2} maxLength={500} value={note} placeholder={t('notePlaceholder')} onChange={(e) => setNote(e.target.value)} data-testid="expense-note" />
          </Field>
        </div>
        <aside className="request-preview panel" aria-live="polite" data-testid="expense-preview">
          <h3>{t('preview')}</h3>
          <p className="muted small">{t('previewHint')}</p>
          {decision ? <DecisionView decision={decision} /> : <p className="muted">{checking ? t('checking') : t('previewIncomplete')}</p>}
        </aside>
      </div>
      <div className="drawer-foot">
        <span className={`submit-why${decision?.decision === 'deny' ? ' is-blocked' : ''}`} data-testid="expense-why">
          {why ?? (decision?.decision === 'allow' ? t('readyAllow') : t('readyApproval'))}
        </span>
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!canSubmit} onClick={() => void submit()} data-testid="expense-submit" title="Ctrl+Enter">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </DrawerFrame>
  );
}
