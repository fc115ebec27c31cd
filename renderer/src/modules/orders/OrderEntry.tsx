// 新建订单 / 修改草稿: keyboard-first order entry for an assistant. The customer is typed (number,
// name or pinyin initials) and picked with Enter; lines are typed product code → Enter → quantity →
// unit price (the standard price, editable) → Enter adds the next line; amounts and totals are the
// core's exact arithmetic, live. The O-FIELDS, deposit and notes follow. Q-PRICE and S-CREDIT are
// judged live by the engine (policy.preview) beside the form. Ctrl+S saves the draft, Ctrl+Enter
// saves and confirms; the core's O-FIELDS errors land beside their fields.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import type { Customer } from '../../../../shared/customers';
import { localDate } from '../../../../shared/dates';
import { GRADE_LABELS, ROLE_LABELS } from '../../../../shared/domain';
import { formatFen, formatQuantity, formatYuan, parseYuanToFen } from '../../../../shared/money';
import type { OrderDetail } from '../../../../shared/orders';
import type { Decision } from '../../../../shared/policy';
import type { Product } from '../../../../shared/products';
import { ApiError, invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { DecisionView } from '../requests/DecisionView';
import { LookupInput } from './LookupInput';
import { useOrderMessages, type OrderMessageKey } from './messages';
import { blankLine, discountBp, formatBp, isBlankLine, lineFromStored, parseDateInput, parseLine, totalsOf, type LineDraft } from './orderValues';
import { searchCustomers } from '../customers/searchCustomers';
import { DrawerFrame } from '../../app/DrawerFrame';

const PREVIEW_DELAY_MS = 300;

type Cell = 'code' | 'quantity' | 'unitPrice';
const ORDER_FIELDS = ['requiredSchedule', 'deliveryDate', 'deliveryPlace', 'packaging', 'shippingMethod'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];

interface HeadForm {
  orderNo: string;
  orderDate: string;
  requiredSchedule: string;
  deliveryDate: string;
  deliveryPlace: string;
  packaging: string;
  shippingMethod: string;
  deposit: string;
  notes: string;
}

function headOf(detail: OrderDetail | null, today: string): HeadForm {
  const o = detail?.order;
  return {
    orderNo: o?.orderNo ?? '',
    orderDate: o?.orderDate ?? today,
    requiredSchedule: o?.requiredSchedule ?? '',
    deliveryDate: o?.deliveryDate ?? '',
    deliveryPlace: o?.deliveryPlace ?? '',
    packaging: o?.packaging ?? '',
    shippingMethod: o?.shippingMethod ?? '',
    deposit: o && o.depositFen ? formatFen(o.depositFen).replaceAll(',', '') : '',
    notes: o?.notes ?? '',
  };
}

/** Error key of a line's cell. */
const cellKey = (line: LineDraft, cell: Cell) => `line:${line.key}:${cell}`;
const CELL_OF_FIELD: Record<string, Cell> = { productId: 'code', productName: 'code', spec: 'code', unit: 'code', quantityMilli: 'quantity', unitPriceFen: 'unitPrice', amountFen: 'unitPrice' };

export function OrderEntry(props: {
  /** The draft to edit; null for a new order. */
  draft: OrderDetail | null;
  onClose(): void;
  /** After a save (the grid refreshes). */
  onSaved(detail: OrderDetail): void;
  /** After confirmation (confirmed now or held for approval). */
  onConfirmed(detail: OrderDetail): void;
}) {
  const user = useSession();
  const t = useOrderMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const titleId = useId();
  const today = localDate(new Date());

  const [detail, setDetail] = useState<OrderDetail | null>(props.draft);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [customerText, setCustomerText] = useState(props.draft ? `${props.draft.order.customerNo} ${props.draft.order.customerName}` : '');
  const [head, setHead] = useState<HeadForm>(() => headOf(props.draft, today));
  const [lines, setLines] = useState<LineDraft[]>(() => (props.draft?.lines.length ? [...props.draft.lines.map(lineFromStored), blankLine()] : [blankLine()]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [balanceFen, setBalanceFen] = useState<number | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  const customerRef = useRef<HTMLInputElement>(null);
  const cellRefs = useRef(new Map<string, HTMLInputElement>());
  const fieldRefs = useRef(new Map<string, HTMLInputElement>());
  /** The cell to focus after the next render; `keepTyping`: the caret at the end instead of selecting (a carried-over quantity). */
  const [pendingFocus, setPendingFocus] = useState<{ key: number; cell: Cell; keepTyping?: boolean } | null>(null);

  // The draft's customer, for its credit terms.
  useEffect(() => {
    if (!props.draft) return;
    let alive = true;
    invoke('customers.get', { id: props.draft.order.customerId })
      .then((r) => alive && setCustomer(r.customer))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [props.draft]);

  // The customer's ledger balance (S-CREDIT's open balance); none posted yet is zero.
  useEffect(() => {
    setBalanceFen(null);
    if (!customer) return;
    let alive = true;
    invoke('ledger.balances', { startRow: 0, endRow: 1, filter: { customerId: { filterType: 'number', type: 'equals', filter: customer.id } } })
      .then((page) => alive && setBalanceFen(page.rows[0]?.balanceFen ?? 0))
      .catch(() => alive && setBalanceFen(0));
    return () => {
      alive = false;
    };
  }, [customer]);

  useEffect(() => {
    if (!pendingFocus) return;
    const el = cellRefs.current.get(`${pendingFocus.key}:${pendingFocus.cell}`);
    el?.focus();
    if (el && pendingFocus.keepTyping) el.setSelectionRange(el.value.length, el.value.length);
    setPendingFocus(null);
  }, [pendingFocus, lines]);

  const totals = useMemo(() => totalsOf(lines), [lines]);
  const depositFen = head.deposit.trim() ? parseYuanToFen(head.deposit) : 0;

  // Live Q-PRICE / S-CREDIT: the core prices the complete lines and judges the order as if this user
  // confirmed it now (orders.preview, which writes nothing).
  const previewInput = useMemo(() => {
    if (!customer) return null;
    const priced = lines.flatMap((line) => {
      const parsed = parseLine(line);
      if (line.productId === null || parsed.quantityMilli === null || parsed.quantityMilli <= 0 || parsed.unitPriceFen === null) return [];
      return [{ productId: line.productId, quantityMilli: parsed.quantityMilli, unitPriceFen: parsed.unitPriceFen }];
    });
    if (!priced.length) return null;
    const orderDate = parseDateInput(head.orderDate, today);
    const orderNo = head.orderNo.trim();
    return {
      customerId: customer.id,
      ...(orderDate && orderDate !== 'invalid' ? { orderDate } : {}),
      ...(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(orderNo) ? { orderNo } : {}),
      lines: priced,
    };
  }, [customer, lines, head.orderDate, head.orderNo, today]);
  const previewKey = previewInput ? JSON.stringify(previewInput) : '';
  useEffect(() => {
    if (!previewInput) {
      setDecision(null);
      setChecking(false);
      return;
    }
    let alive = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      invoke('orders.preview', previewInput)
        .then((p) => alive && setDecision(p.decision))
        .catch(() => alive && setDecision(null))
        .finally(() => alive && setChecking(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
    // previewKey stands for the input's content.
  }, [previewKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const searchProducts = useCallback((text: string) => invoke('products.lookup', { text, limit: 8 }), []);

  function touch() {
    setDirty(true);
    setFormError(null);
  }

  function clearError(key: string) {
    setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  }

  function setHeadValue(key: keyof HeadForm, value: string) {
    setHead((h) => ({ ...h, [key]: value }));
    clearError(key === 'deposit' ? 'depositFen' : key);
    touch();
  }

  function updateLine(key: number, change: Partial<LineDraft>) {
    setLines((list) => list.map((l) => (l.key === key ? { ...l, ...change } : l)));
    touch();
  }

  /** Typed on after Enter before the pick landed: that was the quantity. */
  function carriedQuantity(typedAfter = ''): string {
    return /^[\d.,]+$/.test(typedAfter.trim()) ? typedAfter.trim() : '';
  }

  function pickProduct(line: LineDraft, product: Product, typedAfter = '') {
    const quantity = carriedQuantity(typedAfter) || line.quantity;
    updateLine(line.key, {
      quantity,
      productId: product.id,
      code: product.code,
      productName: product.name,
      spec: product.spec,
      unit: product.unit,
      standardPriceFen: product.standardPriceFen,
      // A new product: its standard price; the same product again keeps a price already typed.
      unitPrice: line.productId === product.id && line.unitPrice ? line.unitPrice : formatFen(product.standardPriceFen).replaceAll(',', ''),
    });
    clearError(cellKey(line, 'code'));
    clearError('lines');
  }

  /**
   * Focus now when the cell is there (so the next key lands in it, not in the cell just left), else
   * after the render that adds it. `carry`: text typed on before the move, written into the cell.
   */
  function focusCell(key: number, cell: Cell, carry = '') {
    const el = cellRefs.current.get(`${key}:${cell}`);
    if (!el) {
      setPendingFocus({ key, cell, keepTyping: carry !== '' });
      return;
    }
    if (carry) el.value = carry;
    el.focus();
    if (carry) el.setSelectionRange(el.value.length, el.value.length);
  }

  function nextLineFrom(index: number) {
    const next = lines[index + 1];
    if (next) focusCell(next.key, 'code');
    else {
      const added = blankLine();
      setLines((list) => [...list, added]);
      focusCell(added.key, 'code');
    }
  }

  function removeLine(index: number) {
    const remaining = lines.filter((_, i) => i !== index);
    // Removing the last line leaves an empty one to go on typing in.
    const next = index < remaining.length ? remaining : [...remaining, blankLine()];
    setLines(next);
    touch();
    focusCell(next[index]!.key, 'code');
  }

  function onCellKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number, cell: Cell) {
    const line = lines[index]!;
    if ((event.ctrlKey || event.metaKey) && (event.key === 'Delete' || event.key === 'Backspace')) {
      event.preventDefault();
      removeLine(index);
      return;
    }
    if (event.key === 'ArrowDown' && cell !== 'code' && lines[index + 1]) {
      event.preventDefault();
      focusCell(lines[index + 1]!.key, cell);
      return;
    }
    if (event.key === 'ArrowUp' && cell !== 'code' && index > 0) {
      event.preventDefault();
      focusCell(lines[index - 1]!.key, cell);
      return;
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    if (cell === 'quantity') {
      event.preventDefault();
      focusCell(line.key, 'unitPrice');
    } else if (cell === 'unitPrice') {
      event.preventDefault();
      nextLineFrom(index);
    }
  }

  function leaveLines() {
    fieldRefs.current.get('requiredSchedule')?.focus();
  }

  /** The lines to send (blank ones left out), with local problems named per cell. */
  function collectLines(): { input: NonNullable<ChannelInput<'orders.create'>['lines']>; keys: number[]; problems: Record<string, string> } {
    const input: NonNullable<ChannelInput<'orders.create'>['lines']> = [];
    const keys: number[] = [];
    const problems: Record<string, string> = {};
    for (const line of lines) {
      if (isBlankLine(line)) continue;
      const parsed = parseLine(line);
      for (const [cell, problem] of Object.entries(parsed.problems)) problems[cellKey(line, cell as Cell)] = t(problem);
      if (line.productId === null) {
        problems[cellKey(line, 'code')] ??= t('pickProduct');
        continue;
      }
      if (parsed.quantityMilli === null || parsed.quantityMilli <= 0) {
        problems[cellKey(line, 'quantity')] ??= t('quantityPositive');
        continue;
      }
      input.push({
        productId: line.productId,
        quantityMilli: parsed.quantityMilli,
        ...(parsed.unitPriceFen !== null ? { unitPriceFen: parsed.unitPriceFen } : {}),
      });
      keys.push(line.key);
    }
    return { input, keys, problems };
  }

  /** The core's issues → messages beside the fields and the line cells. */
  function apiErrors(error: unknown, lineKeys: readonly number[]): Record<string, string> {
    if (!(error instanceof ApiError)) return {};
    const found: Record<string, string> = {};
    for (const issue of error.payload.issues) {
      const path = issue.field.replace(/^patch\./, '');
      const message = lang === 'zh' ? issue.message : issue.messageEn;
      const m = /^lines\.(\d+)\.(\w+)$/.exec(path);
      if (m) {
        const key = lineKeys[Number(m[1])];
        const line = lines.find((l) => l.key === key);
        if (line) found[cellKey(line, CELL_OF_FIELD[m[2]!] ?? 'code')] = message;
        else found.lines = message;
      } else {
        found[path.split('.')[0]!] = message;
      }
    }
    return found;
  }

  /** Saves the draft (create or update); null when something is wrong (shown). */
  async function saveDraft(): Promise<{ detail: OrderDetail; keys: number[] } | null> {
    const found: Record<string, string> = {};
    if (!customer) found.customerId = t('customerPick');
    const collected = collectLines();
    Object.assign(found, collected.problems);
    if (depositFen === null || depositFen < 0) found.depositFen = t('invalidPrice');
    if (Object.keys(found).length) {
      setErrors(found);
      setFormError(customer ? t('fixErrors') : t('nothingToSave'));
      if (!customer) customerRef.current?.focus();
      return null;
    }
    const orderDate = parseDateInput(head.orderDate, today);
    const deliveryDate = parseDateInput(head.deliveryDate, today);
    if (orderDate === 'invalid') found.orderDate = t('invalidDate');
    if (deliveryDate === 'invalid') found.deliveryDate = t('invalidDate');
    if (Object.keys(found).length) {
      setErrors(found);
      setFormError(t('fixErrors'));
      return null;
    }
    const fields = {
      orderDate: orderDate === 'invalid' || orderDate === null ? today : orderDate,
      requiredSchedule: head.requiredSchedule.trim(),
      deliveryDate: deliveryDate === 'invalid' ? null : deliveryDate,
      deliveryPlace: head.deliveryPlace.trim(),
      packaging: head.packaging.trim(),
      shippingMethod: head.shippingMethod.trim(),
      depositFen: depositFen ?? 0,
      notes: head.notes.trim(),
    };
    const orderNo = head.orderNo.trim();
    try {
      const saved = detail
        ? await invoke('orders.update', {
            id: detail.order.id,
            version: detail.order.version,
            patch: { customerId: customer!.id, ...(orderNo && orderNo !== detail.order.orderNo ? { orderNo } : {}), ...fields, lines: collected.input },
          })
        : await invoke('orders.create', { customerId: customer!.id, ...(orderNo ? { orderNo } : {}), ...fields, lines: collected.input });
      setDetail(saved);
      setHead((h) => ({ ...h, orderNo: saved.order.orderNo }));
      setErrors({});
      setDirty(false);
      props.onSaved(saved);
      return { detail: saved, keys: collected.keys };
    } catch (error) {
      setErrors(apiErrors(error, collected.keys));
      setFormError(errorText(error));
      return null;
    }
  }

  async function save() {
    if (busy) return;
    setBusy(true);
    try {
      const saved = await saveDraft();
      if (saved) toast('success', t('saved', { no: saved.detail.order.orderNo }));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (busy) return;
    setBusy(true);
    try {
      const saved = await saveDraft();
      if (!saved) return;
      try {
        const done = await invoke('orders.confirm', { id: saved.detail.order.id, version: saved.detail.order.version });
        if (done.order.approvalState === 'pending') {
          const who = done.approval?.pendingApproverName ?? (done.approval?.pendingRole ? label(ROLE_LABELS[done.approval.pendingRole]) : '');
          toast('info', t('submittedForApproval', { no: done.order.orderNo, who }));
        } else {
          toast('success', t('confirmed', { no: done.order.orderNo }));
        }
        props.onConfirmed(done);
      } catch (error) {
        setErrors(apiErrors(error, saved.keys));
        const incomplete = error instanceof ApiError && error.payload.code === 'VALIDATION';
        setFormError(incomplete ? `${t('incompleteConfirm')}${errorText(error)}` : errorText(error));
        // A stale version after a failed confirmation: reload what is saved.
        if (error instanceof ApiError && error.payload.code === 'CONFLICT') {
          const fresh = await invoke('orders.get', { id: saved.detail.order.id }).catch(() => null);
          if (fresh) setDetail(fresh);
        }
        if (incomplete) {
          const first = ORDER_FIELDS.find((f) => error.payload.issues.some((i) => i.field.endsWith(f)));
          if (first) fieldRefs.current.get(first)?.focus();
        }
      }
    } finally {
      setBusy(false);
    }
  }

  /** A typed date ("12-07", "+14") written out as YYYY-MM-DD when the field is left. */
  function normalizeDate(key: 'orderDate' | 'deliveryDate') {
    const parsed = parseDateInput(head[key], today);
    if (typeof parsed === 'string' && parsed !== 'invalid' && parsed !== head[key]) setHead((h) => ({ ...h, [key]: parsed }));
  }

  function dateHint(text: string): string | undefined {
    const parsed = parseDateInput(text, today);
    if (parsed === null) return undefined;
    if (parsed === 'invalid') return t('invalidDate');
    return parsed === text.trim() ? undefined : `= ${parsed}`;
  }

  function requestClose() {
    if (dirty) setConfirmDiscard(true);
    else props.onClose();
  }

  // On the window, not the drawer: after a section closes, focus may be on the page body.
  const keyHandler = useRef<(event: globalThis.KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  keyHandler.current = onDrawerKeyDown;
  function onDrawerKeyDown(event: globalThis.KeyboardEvent) {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (confirmDiscard) setConfirmDiscard(false);
      else requestClose();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void confirm();
    }
  }

  const fieldRef = (key: string) => (el: HTMLInputElement | null) => {
    if (el) fieldRefs.current.set(key, el);
    else fieldRefs.current.delete(key);
  };
  const cellRef = (line: LineDraft, cell: Cell) => (el: HTMLInputElement | null) => {
    const key = `${line.key}:${cell}`;
    if (el) cellRefs.current.set(key, el);
    else cellRefs.current.delete(key);
  };

  const balanceDue = totals.amountFen - (depositFen ?? 0);
  const title = detail ? t('editTitle', { no: detail.order.orderNo }) : t('newTitle');
  const required = (key: OrderField | 'customer') => `${t(key as OrderMessageKey)} *`;

  return (
    <DrawerFrame
      className="order-entry"
      testId="order-entry"
      hint={t('oFieldsHint')}
      title={title}
      closeLabel={t('close')}
      closeTestId="order-entry-close"
      onClose={requestClose}
      titleId={titleId}
    >
      <div className="drawer-body order-entry-body">
        <div className="order-entry-main">
          {formError && (
            <div className="form-error" role="alert" data-testid="order-entry-error">
              {formError}
            </div>
          )}
          <section className="panel form-section">
            <div className="order-head-grid">
              <Field label={required('customer')} error={errors.customerId} wide>
                <LookupInput<Customer>
                  inputRef={customerRef}
                  name="customer"
                  testId="order-customer"
                  text={customerText}
                  picked={customer !== null && customerText === `${customer.customerNo} ${customer.name}`}
                  onTextChange={(text) => {
                    setCustomerText(text);
                    if (customer) setCustomer(null);
                    clearError('customerId');
                    touch();
                  }}
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
                  onPick={(c, by, typedAfter) => {
                    setCustomer(c);
                    setCustomerText(`${c.customerNo} ${c.name}`);
                    clearError('customerId');
                    if (by === 'tab') return;
                    // Typed on before the pick landed: the start of the first product code.
                    const first = lines[0]!;
                    const carry = typedAfter && first.productId === null ? first.code + typedAfter : '';
                    if (carry) updateLine(first.key, { code: carry });
                    focusCell(first.key, 'code', carry);
                  }}
                  onEnterPicked={() => focusCell(lines[0]!.key, 'code')}
                  placeholder={t('customerPlaceholder')}
                  noneText={t('customerNone')}
                  searchingText={t('customerSearching')}
                  invalid={Boolean(errors.customerId)}
                  autoFocus={!props.draft}
                  ariaLabel={t('customer')}
                />
              </Field>
              <Field label={t('orderDate')} error={errors.orderDate} hint={dateHint(head.orderDate)}>
                <input
                  name="orderDate"
                  value={head.orderDate}
                  placeholder={t('datePlaceholder')}
                  onChange={(e) => setHeadValue('orderDate', e.target.value)}
                  onBlur={() => normalizeDate('orderDate')}
                  aria-invalid={errors.orderDate ? true : undefined}
                  autoComplete="off"
                />
              </Field>
              <Field label={t('orderNo')} error={errors.orderNo}>
                <input name="orderNo" value={head.orderNo} placeholder={t('orderNoPlaceholder')} maxLength={32} onChange={(e) => setHeadValue('orderNo', e.target.value)} autoComplete="off" />
              </Field>
            </div>
          </section>

          <section className="panel form-section order-lines-panel" data-testid="order-lines">
            <div className="order-lines-head">
              <h3>{t('lines')} *</h3>
              <span className="muted small">{t('linesHint')}</span>
            </div>
            {errors.lines && (
              <div className="field-error" role="alert">
                {errors.lines}
              </div>
            )}
            <table className="order-lines-table">
              <thead>
                <tr>
                  <th className="col-no">{t('lineNo')}</th>
                  <th className="col-code">{t('productCode')}</th>
                  <th>{t('productName')}</th>
                  <th className="col-unit">{t('unit')}</th>
                  <th className="col-num">{t('quantity')}</th>
                  <th className="col-num">{t('unitPrice')}</th>
                  <th className="col-num">{t('standardPrice')}</th>
                  <th className="col-num col-discount">{t('discount')}</th>
                  <th className="col-num col-amount">{t('amount')}</th>
                  <th className="col-remove" aria-label={t('removeLine')} />
                </tr>
              </thead>
              <tbody>
                {lines.map((line, index) => {
                  const parsed = parseLine(line);
                  const bp = line.productId !== null && parsed.unitPriceFen !== null ? discountBp(line.standardPriceFen, parsed.unitPriceFen) : 0;
                  const err = (cell: Cell) => errors[cellKey(line, cell)] || (cell !== 'code' && parsed.problems[cell] ? t(parsed.problems[cell]!) : '');
                  return (
                    <tr key={line.key} data-testid="order-line" data-line={index + 1}>
                      <td className="col-no muted">{index + 1}</td>
                      <td className="col-code">
                        <LookupInput<Product>
                          inputRef={cellRef(line, 'code')}
                          name={`code-${index + 1}`}
                          testId="line-code"
                          text={line.code}
                          picked={line.productId !== null}
                          onTextChange={(text) => updateLine(line.key, { code: text, productId: null, productName: '', spec: '', unit: '', standardPriceFen: 0 })}
                          search={searchProducts}
                          keyOf={(p) => p.id}
                          isExact={(p, text) => p.code.toLowerCase() === text.toLowerCase()}
                          renderItem={(p) => (
                            <span className="lookup-product">
                              <span className="mono">{p.code}</span>
                              <span>
                                {p.name}
                                {p.spec && <span className="muted"> {p.spec}</span>}
                              </span>
                              <span className="muted small">
                                {formatYuan(p.standardPriceFen)}/{p.unit}
                              </span>
                            </span>
                          )}
                          onPick={(p, by, typedAfter) => {
                            pickProduct(line, p, typedAfter);
                            if (by !== 'tab') focusCell(line.key, 'quantity', carriedQuantity(typedAfter));
                          }}
                          onEnterPicked={() => focusCell(line.key, 'quantity')}
                          onEnterEmpty={index === lines.length - 1 ? leaveLines : () => focusCell(lines[index + 1]!.key, 'code')}
                          onKeyDown={(e) => onCellKeyDown(e, index, 'code')}
                          placeholder={index === 0 ? t('productPlaceholder') : ''}
                          noneText={t('productNone')}
                          searchingText={t('customerSearching')}
                          invalid={Boolean(err('code'))}
                          ariaLabel={`${t('productCode')} ${index + 1}`}
                        />
                        {err('code') && <div className="cell-error">{err('code')}</div>}
                      </td>
                      <td className="col-name">
                        <div className="line-name" title={line.productName}>
                          {line.productName}
                        </div>
                        {line.spec && (
                          <div className="line-spec muted small" title={line.spec}>
                            {line.spec}
                          </div>
                        )}
                      </td>
                      <td className="col-unit">{line.unit}</td>
                      <td className="col-num">
                        <input
                          ref={cellRef(line, 'quantity')}
                          name={`quantity-${index + 1}`}
                          className="input-number"
                          inputMode="decimal"
                          value={line.quantity}
                          onChange={(e) => updateLine(line.key, { quantity: e.target.value })}
                          onKeyDown={(e) => onCellKeyDown(e, index, 'quantity')}
                          onFocus={(e) => e.target.select()}
                          aria-label={`${t('quantity')} ${index + 1}`}
                          aria-invalid={err('quantity') ? true : undefined}
                          data-testid="line-quantity"
                          autoComplete="off"
                        />
                        {err('quantity') && <div className="cell-error">{err('quantity')}</div>}
                      </td>
                      <td className="col-num">
                        <input
                          ref={cellRef(line, 'unitPrice')}
                          name={`unitPrice-${index + 1}`}
                          className="input-number"
                          inputMode="decimal"
                          value={line.unitPrice}
                          onChange={(e) => updateLine(line.key, { unitPrice: e.target.value })}
                          onKeyDown={(e) => onCellKeyDown(e, index, 'unitPrice')}
                          onFocus={(e) => e.target.select()}
                          aria-label={`${t('unitPrice')} ${index + 1}`}
                          aria-invalid={err('unitPrice') ? true : undefined}
                          data-testid="line-price"
                          autoComplete="off"
                        />
                        {err('unitPrice') && <div className="cell-error">{err('unitPrice')}</div>}
                      </td>
                      <td className="col-num muted">{line.productId !== null ? formatFen(line.standardPriceFen) : ''}</td>
                      <td className={`col-num col-discount${bp > 0 ? ' discounted' : ''}`} data-testid="line-discount">
                        {bp > 0 ? formatBp(bp) : ''}
                      </td>
                      <td className="col-num col-amount" data-testid="line-amount">
                        {parsed.amountFen !== null && line.productId !== null ? formatFen(parsed.amountFen) : ''}
                      </td>
                      <td className="col-remove">
                        {!isBlankLine(line) && (
                          <button type="button" className="icon-button small-icon" tabIndex={-1} title={t('removeLine')} aria-label={t('removeLine')} onClick={() => removeLine(index)}>
                            ×
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <td colSpan={3} className="muted">
                    {t('linesCount', { n: totals.complete })}
                  </td>
                  <td className="col-num">{sumQuantities(lines)}</td>
                  <td colSpan={3} className="col-num">
                    {t('totalLabel')}
                  </td>
                  <td className="col-num col-amount order-total" data-testid="order-total">
                    {formatYuan(totals.amountFen)}
                  </td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </section>

          <section className="panel form-section">
            <div className="order-fields-grid">
              <Field label={required('requiredSchedule')} error={errors.requiredSchedule}>
                <input ref={fieldRef('requiredSchedule')} name="requiredSchedule" maxLength={200} value={head.requiredSchedule} onChange={(e) => setHeadValue('requiredSchedule', e.target.value)} aria-invalid={errors.requiredSchedule ? true : undefined} autoComplete="off" />
              </Field>
              <Field label={required('deliveryDate')} error={errors.deliveryDate} hint={dateHint(head.deliveryDate)}>
                <input
                  ref={fieldRef('deliveryDate')}
                  name="deliveryDate"
                  value={head.deliveryDate}
                  placeholder={t('datePlaceholder')}
                  onChange={(e) => setHeadValue('deliveryDate', e.target.value)}
                  onBlur={() => normalizeDate('deliveryDate')}
                  aria-invalid={errors.deliveryDate ? true : undefined}
                  autoComplete="off"
                />
              </Field>
              <Field label={required('deliveryPlace')} error={errors.deliveryPlace}>
                <input ref={fieldRef('deliveryPlace')} name="deliveryPlace" maxLength={200} value={head.deliveryPlace} onChange={(e) => setHeadValue('deliveryPlace', e.target.value)} aria-invalid={errors.deliveryPlace ? true : undefined} autoComplete="off" />
              </Field>
              <Field label={required('packaging')} error={errors.packaging}>
                <input ref={fieldRef('packaging')} name="packaging" maxLength={100} value={head.packaging} onChange={(e) => setHeadValue('packaging', e.target.value)} aria-invalid={errors.packaging ? true : undefined} autoComplete="off" />
              </Field>
              <Field label={required('shippingMethod')} error={errors.shippingMethod}>
                <input ref={fieldRef('shippingMethod')} name="shippingMethod" maxLength={100} value={head.shippingMethod} onChange={(e) => setHeadValue('shippingMethod', e.target.value)} aria-invalid={errors.shippingMethod ? true : undefined} autoComplete="off" />
              </Field>
              <Field label={t('deposit')} error={errors.depositFen}>
                <input name="deposit" className="input-number" inputMode="decimal" value={head.deposit} onChange={(e) => setHeadValue('deposit', e.target.value)} aria-invalid={errors.depositFen ? true : undefined} autoComplete="off" />
              </Field>
              <Field label={t('notes')} error={errors.notes} wide>
                <textarea name="notes" rows={2} maxLength={2000} value={head.notes} onChange={(e) => setHeadValue('notes', e.target.value)} />
              </Field>
            </div>
            <dl className="order-sums">
              <div>
                <dt>{t('totalAmount')}</dt>
                <dd data-testid="order-sum-total">{formatYuan(totals.amountFen)}</dd>
              </div>
              <div>
                <dt>{t('depositAmount')}</dt>
                <dd>{formatYuan(depositFen ?? 0)}</dd>
              </div>
              <div>
                <dt>{t('balanceDue')}</dt>
                <dd data-testid="order-sum-due">{formatYuan(balanceDue)}</dd>
              </div>
            </dl>
          </section>
        </div>

        <aside className="order-entry-aside panel" aria-live="polite" data-testid="order-checks">
          <h3>{t('checks')}</h3>
          <p className="muted small">{t('checksHint')}</p>
          {customer && (
            <dl className="order-credit">
              <div>
                <dt>{t('grade')}</dt>
                <dd>{label(GRADE_LABELS[customer.grade])}</dd>
              </div>
              <div>
                <dt>{t('creditLimit')}</dt>
                <dd>{formatYuan(customer.creditLimitFen)}</dd>
              </div>
              <div>
                <dt>{t('creditDays')}</dt>
                <dd>{t('creditDaysValue', { n: customer.creditDays })}</dd>
              </div>
              <div>
                <dt>{t('openBalance')}</dt>
                <dd data-testid="order-balance">{balanceFen === null ? '…' : formatYuan(balanceFen)}</dd>
              </div>
            </dl>
          )}
          {decision ? <DecisionView decision={decision} compact /> : <p className="muted">{checking ? t('checksChecking') : t('checksIncomplete')}</p>}
        </aside>
      </div>

      <div className="drawer-foot">
        <span className="muted small foot-total">
          {t('totalLabel')} <strong>{formatYuan(totals.amountFen)}</strong>
        </span>
        <span className="spacer" />
        <button type="button" onClick={requestClose}>
          {t('cancel')}
        </button>
        <button type="button" onClick={() => void save()} disabled={busy} title={t('saveDraftHint')} data-testid="order-save">
          {t('saveDraft')}
        </button>
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy} title={t('confirmHint')} data-testid="order-confirm">
          {t('confirmOrder')}
        </button>
      </div>

      {confirmDiscard && (
        <div className="overlay center nested" onMouseDown={(e) => e.stopPropagation()}>
          <div className="dialog" role="alertdialog" aria-labelledby={`${titleId}-discard`} data-testid="order-discard-dialog">
            <h2 id={`${titleId}-discard`}>{t('discardTitle')}</h2>
            <p>{t('discardBody')}</p>
            <div className="toolbar">
              <span className="spacer" />
              <button type="button" onClick={() => setConfirmDiscard(false)} autoFocus>
                {t('keepEditing')}
              </button>
              <button type="button" className="danger" onClick={props.onClose} data-testid="order-discard">
                {t('discard')}
              </button>
            </div>
          </div>
        </div>
      )}
    </DrawerFrame>
  );
}

/** The lines' quantities added up when they share one unit ("12.5 吨"), else nothing. */
function sumQuantities(lines: readonly LineDraft[]): string {
  const filled = lines.filter((l) => l.productId !== null);
  const units = new Set(filled.map((l) => l.unit));
  if (filled.length < 2 || units.size !== 1) return '';
  let sum = 0;
  for (const line of filled) {
    const q = parseLine(line).quantityMilli;
    if (q === null) return '';
    sum += q;
  }
  return `${formatQuantity(sum)} ${[...units][0]}`;
}
