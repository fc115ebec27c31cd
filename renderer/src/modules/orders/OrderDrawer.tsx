// One order in a right-side drawer: head and O-FIELDS, lines and totals, the approval holding it,
// the O-DELAY flag with "customer notified", inspection results, the next O-STATUS step (with a
// note; 测试成绩 to mark it inspected), cancelling with a reason, the shipping register's shipments
// of the order (发货 with what is left prefilled, 签收), the O-SURVEY after delivery, every
// transition (who, when, note) and the four-copy order form.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatTimestamp, localDate } from '../../../../shared/dates';
import { ROLE_LABELS, type Role } from '../../../../shared/domain';
import { SHIPPING_ROLES, type OrderShipping } from '../../../../shared/ledger';
import { formatFen, formatQuantity, formatYuan, parseQuantity } from '../../../../shared/money';
import {
  CANCELLABLE_STATUSES,
  NEXT_ORDER_STATUS,
  ORDER_EDITOR_ROLES,
  ORDER_STATUS_LABELS,
  type Order,
  type OrderDetail,
  type OrderStatus,
} from '../../../../shared/orders';
import type { Decision } from '../../../../shared/policy';
import { ApiError, invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { openPrintWindow } from '../../print/openPrint';
import { DecisionView } from '../requests/DecisionView';
import { useOrderMessages, type OrderT } from './messages';
import { StatusBadge } from './orderColumns';
import { formatBp } from './orderValues';
import { DrawerFrame } from '../../app/DrawerFrame';

/** Statuses orders.transition moves to by hand (shipped and delivered come from the shipping register). */
const BY_HAND: readonly OrderStatus[] = ['production_requested', 'in_production', 'inspected', 'closed'];
const SHIPPABLE: readonly OrderStatus[] = ['inspected', 'shipped'];
const SURVEY_KEYS = ['quality', 'responseTime', 'serviceSpeed', 'attitude'] as const;
type SurveyKey = (typeof SURVEY_KEYS)[number];

const has = (roles: readonly Role[], role: Role) => roles.includes(role);

export function OrderDrawer(props: {
  id: number;
  onClose(): void;
  /** The order as it is now (the grid replaces its row). */
  onChanged(order: Order): void;
  onEditDraft(detail: OrderDetail): void;
}) {
  const user = useSession();
  const t = useOrderMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const canEdit = has(ORDER_EDITOR_ROLES, user.role);
  const canShip = has(SHIPPING_ROLES, user.role);

  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [shipping, setShipping] = useState<OrderShipping | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [inspection, setInspection] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');

  const load = useCallback(
    async (id: number) => {
      try {
        const [next, ship] = await Promise.all([invoke('orders.get', { id }), invoke('shipments.forOrder', { orderId: id }).catch(() => null)]);
        setDetail(next);
        setShipping(ship);
        setLoadError(null);
        return next;
      } catch (error) {
        setLoadError(errorText(error));
        return null;
      }
    },
    [errorText],
  );

  useEffect(() => {
    void load(props.id);
  }, [props.id, load]);

  /** After a write: the new detail shown, the grid row replaced, the shipping view reloaded. */
  async function applied(next: OrderDetail | null, message?: string) {
    if (next) {
      setDetail(next);
      props.onChanged(next.order);
    }
    const fresh = await load(props.id);
    if (fresh) props.onChanged(fresh.order);
    if (message) toast('success', message);
    setActionError(null);
    setFieldErrors({});
  }

  async function act(run: () => Promise<OrderDetail | null>, message: (d: OrderDetail | null) => string | undefined) {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    try {
      const next = await run();
      await applied(next, message(next));
      return true;
    } catch (error) {
      setActionError(errorText(error));
      if (error instanceof ApiError) {
        setFieldErrors(Object.fromEntries(error.payload.issues.map((i) => [i.field.split('.').pop()!, lang === 'zh' ? i.message : i.messageEn])));
        if (error.payload.code === 'CONFLICT') await load(props.id);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  const order = detail?.order ?? null;
  const held = order?.approvalState === 'pending';
  const next = order ? NEXT_ORDER_STATUS[order.status] : undefined;
  const byHand = next !== undefined && BY_HAND.includes(next) && order?.status !== 'draft';

  async function moveOn() {
    if (!order || !next) return;
    if (next === 'inspected' && !inspection.trim()) {
      setFieldErrors({ inspectionResults: t('inspectionRequired') });
      return;
    }
    const ok = await act(
      () =>
        invoke('orders.transition', {
          id: order.id,
          version: order.version,
          toStatus: next,
          note: note.trim(),
          ...(next === 'inspected' ? { inspectionResults: inspection.trim() } : {}),
        }),
      (d) => t('moved', { no: d?.order.orderNo ?? '', status: label(ORDER_STATUS_LABELS[next]) }),
    );
    if (ok) {
      setNote('');
      setInspection('');
    }
  }

  async function cancelOrder() {
    if (!order) return;
    if (!cancelReason.trim()) {
      setFieldErrors({ cancelReason: t('cancelReasonRequired') });
      return;
    }
    const ok = await act(
      () => invoke('orders.transition', { id: order.id, version: order.version, toStatus: 'cancelled', note: cancelReason.trim() }),
      (d) => t('cancelled', { no: d?.order.orderNo ?? '' }),
    );
    if (ok) {
      setCancelling(false);
      setCancelReason('');
    }
  }

  async function confirmDraft() {
    if (!order) return;
    await act(
      () => invoke('orders.confirm', { id: order.id, version: order.version }),
      (d) => {
        if (!d) return undefined;
        if (d.order.approvalState === 'pending') {
          return t('submittedForApproval', { no: d.order.orderNo, who: approverOf(d, label) });
        }
        return t('confirmed', { no: d.order.orderNo });
      },
    );
  }

  async function notify() {
    if (!order) return;
    await act(() => invoke('orders.notifyCustomer', { id: order.id, version: order.version, note: '' }), (d) => t('notifiedDone', { no: d?.order.orderNo ?? '' }));
  }

  async function print() {
    if (!order) return;
    try {
      const printed = await invoke('print.orderForm', { orderId: order.id });
      if (!openPrintWindow(printed.html, printed.title)) toast('error', t('printBlocked'));
    } catch (error) {
      toast('error', errorText(error));
    }
  }

  // On the window, not the drawer: after a section closes, focus may be on the page body.
  const keyHandler = useRef<(event: globalThis.KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  keyHandler.current = onKeyDown;
  function onKeyDown(event: globalThis.KeyboardEvent) {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (cancelling) setCancelling(false);
      else props.onClose();
    }
  }

  const printable = order !== null && order.status !== 'draft' && order.status !== 'cancelled';
  const cancellable = canEdit && order !== null && (CANCELLABLE_STATUSES as readonly string[]).includes(order.status) && !held;

  return (
    <DrawerFrame
      className="order-drawer"
      testId="order-drawer"
      title={order ? t('detailTitle', { no: order.orderNo }) : t('loading')}
      headExtra={
        <>
          {order && <StatusBadge status={order.status} />}
          {held && <span className="badge badge-pending">{t('heldBadge')}</span>}
          {order?.delayRisk && <span className="badge delay-badge">{t('delayFlag')}</span>}
          {order?.overdue && <span className="badge order-overdue-badge">{t('overdueBadge')}</span>}
        </>
      }
      closeLabel={t('close')}
      closeTestId="order-drawer-close"
      closeAutoFocus
      onClose={props.onClose}
    >

      <div className="drawer-body">
        {loadError && <div className="form-error" role="alert">{loadError}</div>}
        {!detail && !loadError && <div className="muted">{t('loading')}</div>}
        {detail && order && (
          <>
            {!canEdit && <div className="form-notice">{t('readOnly')}</div>}
            <ApprovalBanner detail={detail} t={t} />
            {actionError && (
              <div className="form-error" role="alert" data-testid="order-action-error">
                {actionError}
              </div>
            )}

            {detail.delayFinding && (
              <section className={`panel delay-panel${order.customerNotifiedAt ? ' delay-notified' : ''}`} data-testid="order-delay-panel">
                <h3>{t('delayTitle')}</h3>
                <p className="delay-text">{lang === 'zh' ? detail.delayFinding.message : detail.delayFinding.messageEn}</p>
                {order.customerNotifiedAt ? (
                  <p className="muted small" data-testid="order-notified">
                    {t('notifiedBy', { name: order.customerNotifiedByName ?? '', at: formatTimestamp(order.customerNotifiedAt) })}
                  </p>
                ) : (
                  canEdit && (
                    <button type="button" className="primary" onClick={() => void notify()} disabled={busy} title={t('notifyHint')} data-testid="order-drawer-notify">
                      {t('notifyButton')}
                    </button>
                  )
                )}
              </section>
            )}

            <section className="panel form-section">
              <h3>{t('facts')}</h3>
              <dl className="order-facts">
                <Fact label={t('customer')} value={`${order.customerNo} ${order.customerName}`} />
                <Fact label={t('rep')} value={order.repName} />
                <Fact label={t('orderDate')} value={order.orderDate} />
                <Fact label={t('deliveryDate')} value={order.deliveryDate ?? ''} className={order.overdue ? 'text-overdue' : undefined} />
                <Fact label={t('requiredSchedule')} value={order.requiredSchedule} />
                <Fact label={t('deliveryPlace')} value={order.deliveryPlace} />
                <Fact label={t('packaging')} value={order.packaging} />
                <Fact label={t('shippingMethod')} value={order.shippingMethod} />
                <Fact label={t('notes')} value={order.notes} wide />
              </dl>
            </section>

            {canEdit && order.status !== 'cancelled' && order.status !== 'closed' && !held && (
              <section className="panel form-section order-actions" data-testid="order-actions">
                <h3>{t('nextStep')}</h3>
                {order.status === 'draft' && (
                  <div className="toolbar">
                    <button type="button" onClick={() => props.onEditDraft(detail)} disabled={busy} data-testid="order-edit">
                      {t('editDraft')}
                    </button>
                    <button type="button" className="primary" onClick={() => void confirmDraft()} disabled={busy} data-testid="order-drawer-confirm">
                      {t('confirmDraft')}
                    </button>
                  </div>
                )}
                {byHand && next && order.approvalState !== 'rejected' && (
                  <div className="step-form">
                    {next === 'inspected' && (
                      <Field label={`${t('inspectionResults')} *`} error={fieldErrors.inspectionResults} wide>
                        <textarea name="inspectionResults" rows={2} maxLength={2000} value={inspection} onChange={(e) => setInspection(e.target.value)} data-testid="order-inspection-input" />
                      </Field>
                    )}
                    <div className="step-row">
                      <Field label={t('stepNote')} error={fieldErrors.note}>
                        <input name="stepNote" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="order-step-note" autoComplete="off" />
                      </Field>
                      <button type="button" className="primary" onClick={() => void moveOn()} disabled={busy} data-testid="order-next-step" data-to={next}>
                        {t('moveTo', { status: label(ORDER_STATUS_LABELS[next]) })}
                      </button>
                    </div>
                  </div>
                )}
                {(order.status === 'inspected' || order.status === 'shipped') && <p className="muted small">{t('shipHint')}</p>}
                {cancellable && !cancelling && (
                  <div className="toolbar">
                    <span className="spacer" />
                    <button type="button" className="danger" onClick={() => setCancelling(true)} disabled={busy} data-testid="order-cancel">
                      {t('cancelOrder')}
                    </button>
                  </div>
                )}
                {cancelling && (
                  <div className="step-row cancel-row">
                    <Field label={`${t('cancelReason')} *`} error={fieldErrors.cancelReason ?? fieldErrors.note}>
                      <input name="cancelReason" maxLength={500} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} autoFocus data-testid="order-cancel-reason" autoComplete="off" />
                    </Field>
                    <button type="button" onClick={() => setCancelling(false)}>
                      {t('cancel')}
                    </button>
                    <button type="button" className="danger" onClick={() => void cancelOrder()} disabled={busy} data-testid="order-cancel-confirm">
                      {t('cancelConfirm')}
                    </button>
                  </div>
                )}
              </section>
            )}

            <section className="panel form-section" data-testid="order-detail-lines">
              <h3>{t('lines')}</h3>
              <table className="plain order-detail-lines">
                <thead>
                  <tr>
                    <th>{t('lineNo')}</th>
                    <th>{t('productCode')}</th>
                    <th>{t('productName')}</th>
                    <th>{t('unit')}</th>
                    <th className="num">{t('quantity')}</th>
                    <th className="num">{t('unitPrice')}</th>
                    <th className="num">{t('standardPrice')}</th>
                    <th className="num">{t('discount')}</th>
                    <th className="num">{t('amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.lines.map((line) => (
                    <tr key={line.id}>
                      <td className="muted">{line.lineNo}</td>
                      <td className="mono">{line.productCode}</td>
                      <td>
                        {line.productName}
                        {line.spec && <span className="muted"> {line.spec}</span>}
                      </td>
                      <td>{line.unit}</td>
                      <td className="num">{formatQuantity(line.quantityMilli)}</td>
                      <td className="num">{formatFen(line.unitPriceFen)}</td>
                      <td className="num muted">{formatFen(line.standardPriceFen)}</td>
                      <td className={`num${line.discountPct > 0 ? ' discounted' : ''}`}>{line.discountPct > 0 ? formatBp(line.discountPct * 100) : ''}</td>
                      <td className="num">{formatFen(line.amountFen)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={8} className="num">
                      {t('totalAmount')}
                    </td>
                    <td className="num order-total" data-testid="order-detail-total">
                      {formatYuan(order.totalFen)}
                    </td>
                  </tr>
                  <tr>
                    <td colSpan={8} className="num muted">
                      {t('depositAmount')}
                    </td>
                    <td className="num">{formatYuan(order.depositFen)}</td>
                  </tr>
                  <tr>
                    <td colSpan={8} className="num muted">
                      {t('balanceDue')}
                    </td>
                    <td className="num">{formatYuan(order.totalFen - order.depositFen)}</td>
                  </tr>
                </tfoot>
              </table>
            </section>

            <section className="panel form-section" data-testid="order-inspection">
              <h3>{t('inspection')}</h3>
              {order.inspectedAt ? (
                <dl className="order-facts">
                  <Fact label={t('inspectionResults')} value={order.inspectionResults} wide />
                  <Fact label={t('inspectedAt')} value={formatTimestamp(order.inspectedAt)} />
                </dl>
              ) : (
                <p className="muted">{t('notInspected')}</p>
              )}
            </section>

            {shipping && (shipping.shipments.length > 0 || SHIPPABLE.includes(order.status)) && (
              <Shipments shipping={shipping} order={order} canShip={canShip} t={t} onDone={(message) => void applied(null, message)} />
            )}

            {(order.status === 'delivered' || order.status === 'closed') && <Survey detail={detail} canEdit={canEdit} t={t} onSaved={(message) => void applied(null, message)} />}

            <section className="panel form-section" data-testid="order-timeline">
              <h3>{t('timeline')}</h3>
              <ol className="timeline">
                {detail.transitions.map((tr) => (
                  <li key={tr.id} className="timeline-item" data-testid="timeline-item" data-to={tr.toStatus}>
                    <span className="timeline-dot" aria-hidden="true" />
                    <div className="timeline-main">
                      <div>
                        {tr.fromStatus === null ? (
                          <strong>{t('timelineCreated')}</strong>
                        ) : (
                          <>
                            <span className="muted">{label(ORDER_STATUS_LABELS[tr.fromStatus])}</span>
                            <span className="muted"> → </span>
                            <strong>{label(ORDER_STATUS_LABELS[tr.toStatus])}</strong>
                          </>
                        )}
                      </div>
                      {tr.note && <div className="timeline-note">{tr.note}</div>}
                    </div>
                    <div className="timeline-meta">
                      <span>{tr.byName}</span>
                      <span className="muted small">{formatTimestamp(tr.at)}</span>
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </div>

      <div className="drawer-foot">
        {printable && (
          <button type="button" onClick={() => void print()} data-testid="order-print">
            {t('print')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </DrawerFrame>
  );
}

function approverOf(detail: OrderDetail, label: (l: { zh: string; en: string } | undefined) => string): string {
  const approval = detail.approval;
  if (!approval) return '';
  return approval.pendingApproverName ?? (approval.pendingRole ? label(ROLE_LABELS[approval.pendingRole]) : '');
}

function ApprovalBanner({ detail, t }: { detail: OrderDetail; t: OrderT }) {
  const label = useLabel();
  const { order, approval } = detail;
  if (!approval || order.approvalState === 'none') return null;
  const decision: Decision = {
    decision: order.approvalState === 'rejected' ? 'deny' : 'needs_approval',
    approvals: [],
    approvalSteps: [],
    findings: approval.findings,
    computed: {},
  };
  if (order.approvalState === 'pending') {
    return (
      <section className="panel held-banner" data-testid="order-held-banner">
        <strong>{t('heldBanner', { who: approverOf(detail, label) })}</strong>
        <p className="muted small">{t('heldBannerHint', { id: approval.id })}</p>
        {approval.findings.length > 0 && <DecisionView decision={decision} compact />}
      </section>
    );
  }
  if (order.approvalState === 'rejected') {
    return (
      <section className="panel rejected-banner" data-testid="order-rejected-banner">
        <strong>{t('rejectedBanner', { id: approval.id })}</strong>
        {approval.findings.length > 0 && <DecisionView decision={decision} compact />}
      </section>
    );
  }
  return <p className="muted small">{t('approvedNote', { id: approval.id })}</p>;
}

function Fact({ label, value, wide, className }: { label: string; value: string; wide?: boolean; className?: string }) {
  return (
    <div className={wide ? 'fact fact-wide' : 'fact'}>
      <dt>{label}</dt>
      <dd className={className}>{value || '—'}</dd>
    </div>
  );
}

/** The shipping register for this order: what is left per line, its shipments with 签收, and 发货. */
function Shipments(props: { shipping: OrderShipping; order: Order; canShip: boolean; t: OrderT; onDone(message: string): void }) {
  const { shipping, order, canShip, t } = props;
  const toast = useToast();
  const errorText = useErrorText();
  const today = localDate(new Date());
  const left = shipping.lines.filter((l) => l.remainingMilli > 0);
  const [shipOpen, setShipOpen] = useState(false);
  const [shipmentNo, setShipmentNo] = useState('');
  const [shipDate, setShipDate] = useState(today);
  const [carrier, setCarrier] = useState('');
  const [shipNote, setShipNote] = useState('');
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [delivering, setDelivering] = useState<number | null>(null);
  const [deliveredAt, setDeliveredAt] = useState(today);
  const [busy, setBusy] = useState(false);

  function openShip() {
    // What is left of each line, never more.
    setQuantities(Object.fromEntries(left.map((l) => [l.orderLineId, formatQuantity(l.remainingMilli).replaceAll(',', '')])));
    setErrors({});
    setShipOpen(true);
  }

  async function ship() {
    const found: Record<string, string> = {};
    if (!shipmentNo.trim()) found.shipmentNo = t('shipRequired');
    const lines: { orderLineId: number; quantityMilli: number }[] = [];
    for (const line of left) {
      const typed = (quantities[line.orderLineId] ?? '').trim();
      if (!typed) continue;
      const q = parseQuantity(typed);
      if (q === null) found[`q${line.orderLineId}`] = t('invalidQuantity');
      else if (q > line.remainingMilli) found[`q${line.orderLineId}`] = t('shipTooMuch', { n: formatQuantity(line.remainingMilli) });
      else if (q > 0) lines.push({ orderLineId: line.orderLineId, quantityMilli: q });
    }
    if (!lines.length && !Object.keys(found).some((k) => k.startsWith('q'))) found.lines = t('shipNothing');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const saved = await invoke('shipments.create', { orderId: order.id, shipmentNo: shipmentNo.trim(), shipDate, carrier: carrier.trim(), lines, note: shipNote.trim() });
      setShipOpen(false);
      setShipmentNo('');
      setCarrier('');
      setShipNote('');
      props.onDone(t('shipmentSaved', { no: saved.shipmentNo }));
    } catch (error) {
      toast('error', errorText(error));
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.payload.issues.map((i) => [i.field.split('.').pop()!, i.message])));
    } finally {
      setBusy(false);
    }
  }

  async function deliver(id: number, no: string) {
    setBusy(true);
    try {
      await invoke('shipments.deliver', { id, deliveredAt });
      setDelivering(null);
      props.onDone(t('delivered', { no }));
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel form-section order-shipments" data-testid="order-shipments">
      <h3>{t('shipments')}</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>{t('lineNo')}</th>
            <th>{t('productName')}</th>
            <th>{t('unit')}</th>
            <th className="num">{t('ordered')}</th>
            <th className="num">{t('shipped')}</th>
            <th className="num">{t('remaining')}</th>
            {shipOpen && <th className="num">{t('shipQuantity')}</th>}
          </tr>
        </thead>
        <tbody>
          {shipping.lines.map((line) => (
            <tr key={line.orderLineId} data-testid="shipping-line">
              <td className="muted">{line.lineNo}</td>
              <td>
                {line.productName}
                {line.spec && <span className="muted"> {line.spec}</span>}
              </td>
              <td>{line.unit}</td>
              <td className="num">{formatQuantity(line.orderedMilli)}</td>
              <td className="num">{formatQuantity(line.shippedMilli)}</td>
              <td className="num" data-testid="shipping-remaining">
                {formatQuantity(line.remainingMilli)}
              </td>
              {shipOpen && (
                <td className="num">
                  {line.remainingMilli > 0 && (
                    <>
                      <input
                        className="input-number ship-qty"
                        name={`ship-${line.lineNo}`}
                        inputMode="decimal"
                        value={quantities[line.orderLineId] ?? ''}
                        onChange={(e) => setQuantities((q) => ({ ...q, [line.orderLineId]: e.target.value }))}
                        aria-invalid={errors[`q${line.orderLineId}`] ? true : undefined}
                        data-testid="ship-quantity"
                      />
                      {errors[`q${line.orderLineId}`] && <div className="cell-error">{errors[`q${line.orderLineId}`]}</div>}
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {shipping.shipments.length === 0 ? (
        <p className="muted">{t('shipmentsNone')}</p>
      ) : (
        <table className="plain shipments-table">
          <thead>
            <tr>
              <th>{t('shipmentNo')}</th>
              <th>{t('shipDate')}</th>
              <th>{t('carrier')}</th>
              <th>{t('lines')}</th>
              <th className="num">{t('amountShort')}</th>
              <th>{t('deliver')}</th>
            </tr>
          </thead>
          <tbody>
            {shipping.shipments.map((s) => (
              <tr key={s.id} data-testid="shipment-row">
                <td className="mono">{s.shipmentNo}</td>
                <td>{s.shipDate}</td>
                <td>{s.carrier || '—'}</td>
                <td>
                  {s.lines.map((l) => (
                    <div key={l.id} className="small">
                      {l.productName} {formatQuantity(l.quantityMilli)} {l.unit}
                    </div>
                  ))}
                </td>
                <td className="num">{formatYuan(s.amountFen)}</td>
                <td>
                  {s.deliveredAt ? (
                    <span className="badge badge-approved">{t('deliveredOn', { date: s.deliveredAt })}</span>
                  ) : delivering === s.id ? (
                    <span className="deliver-row">
                      <input type="date" value={deliveredAt} onChange={(e) => setDeliveredAt(e.target.value)} aria-label={t('deliveredAt')} />
                      <button type="button" className="primary" onClick={() => void deliver(s.id, s.shipmentNo)} disabled={busy} data-testid="deliver-confirm">
                        {t('deliverSave')}
                      </button>
                    </span>
                  ) : canShip ? (
                    <button type="button" onClick={() => setDelivering(s.id)} data-testid="shipment-deliver">
                      {t('deliver')}
                    </button>
                  ) : (
                    <span className="muted">{t('notDelivered')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canShip && left.length > 0 && !shipOpen && order.approvalState !== 'pending' && (
        <div className="toolbar">
          {SHIPPABLE.includes(order.status) ? (
            <button type="button" className="primary" onClick={openShip} data-testid="order-ship">
              {t('shipNew')}
            </button>
          ) : (
            <span className="muted small">{t('shipOnlyInspected')}</span>
          )}
        </div>
      )}
      {shipOpen && (
        <div className="ship-form" data-testid="ship-form">
          {errors.lines && <div className="field-error">{errors.lines}</div>}
          <div className="order-fields-grid">
            <Field label={`${t('shipmentNo')} *`} error={errors.shipmentNo}>
              <input name="shipmentNo" maxLength={40} value={shipmentNo} onChange={(e) => setShipmentNo(e.target.value)} autoFocus data-testid="ship-no" autoComplete="off" />
            </Field>
            <Field label={`${t('shipDate')} *`} error={errors.shipDate}>
              <input type="date" name="shipDate" value={shipDate} onChange={(e) => setShipDate(e.target.value)} />
            </Field>
            <Field label={t('carrier')} error={errors.carrier}>
              <input name="carrier" maxLength={100} value={carrier} onChange={(e) => setCarrier(e.target.value)} autoComplete="off" />
            </Field>
            <Field label={t('shipNote')} wide>
              <input name="shipNote" maxLength={500} value={shipNote} onChange={(e) => setShipNote(e.target.value)} autoComplete="off" />
            </Field>
          </div>
          <div className="toolbar">
            <span className="spacer" />
            <button type="button" onClick={() => setShipOpen(false)}>
              {t('cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void ship()} disabled={busy} data-testid="ship-save">
              {t('shipSave')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** O-SURVEY: four scores 1–5 after delivery; any ≤ 2 opens a complaint (the core records it). */
function Survey(props: { detail: OrderDetail; canEdit: boolean; t: OrderT; onSaved(message: string): void }) {
  const { detail, canEdit, t } = props;
  const toast = useToast();
  const errorText = useErrorText();
  const [scores, setScores] = useState<Record<SurveyKey, string>>({ quality: '', responseTime: '', serviceSpeed: '', attitude: '' });
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const survey = detail.survey;

  if (survey) {
    return (
      <section className="panel form-section" data-testid="order-survey">
        <h3>{t('survey')}</h3>
        <dl className="order-facts">
          {SURVEY_KEYS.map((key) => (
            <div key={key} className="fact">
              <dt>{t(key)}</dt>
              <dd className={survey[key] <= 2 ? 'score-low' : undefined} data-testid={`survey-${key}`}>
                {survey[key]} / 5
              </dd>
            </div>
          ))}
          {survey.comment && (
            <div className="fact fact-wide">
              <dt>{t('surveyComment')}</dt>
              <dd>{survey.comment}</dd>
            </div>
          )}
        </dl>
        {survey.complaintOpened && (
          <div className="form-notice" data-testid="survey-complaint">
            {t('surveyComplaint')}
          </div>
        )}
        <p className="muted small">{t('surveyRecorded', { name: survey.recordedByName, at: formatTimestamp(survey.recordedAt) })}</p>
      </section>
    );
  }
  if (!canEdit) return null;

  async function save() {
    if (SURVEY_KEYS.some((k) => !scores[k])) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const saved = await invoke('orders.survey', {
        id: detail.order.id,
        quality: Number(scores.quality),
        responseTime: Number(scores.responseTime),
        serviceSpeed: Number(scores.serviceSpeed),
        attitude: Number(scores.attitude),
        comment: comment.trim(),
      });
      props.onSaved(saved.complaintOpened ? `${t('surveySaved')}；${t('surveyComplaint')}` : t('surveySaved'));
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const low = SURVEY_KEYS.some((k) => scores[k] !== '' && Number(scores[k]) <= 2);
  return (
    <section className="panel form-section" data-testid="order-survey">
      <h3>{t('survey')}</h3>
      <p className="muted small">{t('surveyHint')}</p>
      <div className="survey-grid">
        {SURVEY_KEYS.map((key) => (
          <Field key={key} label={`${t(key)} *`} error={missing && !scores[key] ? t('pickScore') : undefined}>
            <select name={key} value={scores[key]} onChange={(e) => setScores((s) => ({ ...s, [key]: e.target.value }))} data-testid={`survey-${key}`}>
              <option value="">{t('pickScore')}</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
        ))}
        <Field label={t('surveyComment')} wide>
          <input name="surveyComment" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} autoComplete="off" />
        </Field>
      </div>
      {low && <div className="form-notice">{t('scoreLow')}</div>}
      <div className="toolbar">
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void save()} disabled={busy} data-testid="survey-save">
          {t('surveySave')}
        </button>
      </div>
    </section>
  );
}
