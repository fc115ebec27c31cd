// A product in a right-side drawer: its fields (checked with the channel's zod schema, saving only
// what changed, with the version), the prices in force and the next scheduled change, the price
// history, and 调价 — a new price with its effective date and a note. Create mode is the same form
// with the first prices. Amounts are typed and shown in yuan; the core keeps fen.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api as contract, type ChannelOutput } from '../../../../shared/api';
import { formatTimestamp, localDate } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { PRICE_STATUS_LABELS, PRODUCT_FIELD_LABELS, PRODUCT_UNITS, type Product } from '../../../../shared/products';
import { ApiError, invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { useProductMessages, type ProductT } from './messages';
import {
  apiFieldErrors,
  check,
  marginText,
  parseYuanInput,
  TEXT_FIELDS,
  textValuesOf,
  yuanText,
  type FieldErrors,
  type TextField,
  type TextValues,
} from './productForm';
import { DrawerFrame } from '../../app/DrawerFrame';

export type ProductDrawerTarget = { mode: 'create' } | { mode: 'edit'; id: number };
type Detail = ChannelOutput<'products.get'>;

interface PriceForm {
  effectiveFrom: string;
  standard: string;
  cost: string;
  note: string;
}

const REQUIRED: readonly TextField[] = ['code', 'name', 'unit'];

export function ProductDrawer(props: {
  target: ProductDrawerTarget;
  /** May maintain the price list (the core checks again). */
  canEdit: boolean;
  onClose(): void;
  /** The product as saved (the grid replaces its row). */
  onSaved(product: Product): void;
  onCreated(product: Product): void;
  onActiveChanged(product: Product): void;
}) {
  const { target, canEdit } = props;
  const t = useProductMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const titleId = useId();
  const unitListId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const today = useMemo(() => localDate(new Date()), []);

  const creating = target.mode === 'create';
  const editId = target.mode === 'edit' ? target.id : null;

  const [detail, setDetail] = useState<Detail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [initial, setInitial] = useState<TextValues>(() => textValuesOf(null));
  const [form, setForm] = useState<TextValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  // first prices (create) and 调价 (edit) share one shape
  const [price, setPrice] = useState<PriceForm>({ effectiveFrom: today, standard: '', cost: '', note: '' });
  const [pricing, setPricing] = useState(false);
  const [priceErrors, setPriceErrors] = useState<FieldErrors>({});
  const [priceError, setPriceError] = useState<string | null>(null);

  const product = detail?.product ?? null;
  const readOnly = !canEdit;

  const load = useCallback(
    async (id: number) => {
      try {
        const next = await invoke('products.get', { id });
        const values = textValuesOf(next.product);
        setDetail(next);
        setInitial(values);
        setForm(values);
        setErrors({});
        setFormError(null);
        setStale(false);
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
    if (editId !== null) void load(editId);
  }, [editId, load]);

  const ready = creating || detail !== null;
  useEffect(() => {
    if (!ready) return;
    const first = rootRef.current?.querySelector<HTMLElement>('.drawer-body input:not([disabled])');
    (first ?? rootRef.current?.querySelector<HTMLElement>('[data-testid="product-drawer-close"]'))?.focus();
  }, [ready]);

  const changed = TEXT_FIELDS.filter((key) => form[key] !== initial[key]);
  const dirty = changed.length > 0 || (creating && (price.standard !== '' || price.cost !== '' || price.note !== '')) || (pricing && price.note !== '');

  function setValue(key: TextField, value: string) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  }

  function setPriceValue(key: keyof PriceForm, value: string) {
    setPrice((p) => ({ ...p, [key]: value }));
    const errorKey = key === 'standard' ? 'standardPriceFen' : key === 'cost' ? 'costPriceFen' : key;
    setPriceErrors((e) => (e[errorKey] ? { ...e, [errorKey]: undefined } : e));
    setErrors((e) => (e[errorKey] ? { ...e, [errorKey]: undefined } : e));
  }

  function requestClose() {
    if (dirty && !readOnly) setConfirmDiscard(true);
    else props.onClose();
  }

  /** The typed amounts in fen; unparseable ones reported under their field. */
  function amounts(): { values: { standardPriceFen?: number; costPriceFen?: number }; errors: FieldErrors } {
    const values: { standardPriceFen?: number; costPriceFen?: number } = {};
    const found: FieldErrors = {};
    for (const [key, text] of [
      ['standardPriceFen', price.standard],
      ['costPriceFen', price.cost],
    ] as const) {
      const fen = parseYuanInput(text);
      if (fen === null) found[key] = t('fieldProblem', { label: label(PRODUCT_FIELD_LABELS[key]), problem: t('invalidMoney') });
      else if (fen !== undefined) values[key] = fen;
    }
    return { values, errors: found };
  }

  function fail(found: FieldErrors, message?: string) {
    setErrors(found);
    setFormError(message ?? t('fixErrors'));
  }

  async function saveNew() {
    const money = amounts();
    const input = {
      product: { ...form, ...money.values },
      ...(price.effectiveFrom ? { effectiveFrom: price.effectiveFrom } : {}),
      note: price.note,
    };
    const checked = check(contract['products.create'].input, input, lang);
    const found = { ...(checked.ok ? {} : checked.errors), ...money.errors };
    if (!checked.ok || Object.keys(money.errors).length) return fail(found);
    setBusy(true);
    try {
      const result = await invoke('products.create', checked.value);
      toast('success', t('created', { code: result.product.code }));
      props.onCreated(result.product);
    } catch (error) {
      setErrors(apiFieldErrors(error, lang));
      setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function saveChanges(current: Product) {
    const patch = Object.fromEntries(changed.map((key) => [key, form[key]]));
    const checked = check(contract['products.update'].input, { id: current.id, version: current.version, product: patch }, lang);
    if (!checked.ok) return fail(checked.errors);
    if (TEXT_FIELDS.every((key) => checked.value.product[key] === undefined || checked.value.product[key] === current[key])) {
      setInitial(form);
      toast('info', t('noChanges'));
      return;
    }
    setBusy(true);
    try {
      const saved = await invoke('products.update', checked.value);
      props.onSaved(saved);
      toast('success', t('saved'));
      await load(current.id);
    } catch (error) {
      setErrors(apiFieldErrors(error, lang));
      setFormError(errorText(error));
      setStale(error instanceof ApiError && error.payload.code === 'CONFLICT');
    } finally {
      setBusy(false);
    }
  }

  function save() {
    if (busy || readOnly) return;
    setFormError(null);
    if (creating) void saveNew();
    else if (product) void saveChanges(product);
  }

  function openPricing(current: Product) {
    setPrice({ effectiveFrom: today, standard: yuanText(current.standardPriceFen), cost: yuanText(current.costPriceFen), note: '' });
    setPriceErrors({});
    setPriceError(null);
    setPricing(true);
  }

  async function submitPrice(event: FormEvent) {
    event.preventDefault();
    if (!product || busy) return;
    const money = amounts();
    const checked = check(
      contract['products.setPrice'].input,
      { productId: product.id, effectiveFrom: price.effectiveFrom, ...money.values, note: price.note },
      lang,
    );
    const found = { ...(checked.ok ? {} : checked.errors), ...money.errors };
    if (!checked.ok || Object.keys(money.errors).length) {
      setPriceErrors(found);
      setPriceError(t('fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const result = await invoke('products.setPrice', checked.value);
      setDetail(result);
      props.onSaved(result.product);
      toast('success', t(checked.value.effectiveFrom > today ? 'priceScheduled' : 'priceSaved', { date: checked.value.effectiveFrom }));
      setPricing(false);
      setPrice((p) => ({ ...p, note: '' }));
      refocusPricing.current = true;
    } catch (error) {
      setPriceErrors(apiFieldErrors(error, lang));
      setPriceError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function setActive(active: boolean) {
    if (!product) return;
    setBusy(true);
    try {
      const next = await invoke('products.setActive', { id: product.id, active });
      toast('success', t(active ? 'activated' : 'deactivated', { code: next.code }));
      props.onActiveChanged(next);
      await load(product.id);
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  // On the window, not the drawer: while saving, a disabled button drops the focus to the page.
  function onKeyDown(event: globalThis.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (confirmDiscard) setConfirmDiscard(false);
      else if (pricing) setPricing(false);
      else requestClose();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!pricing) save();
    }
  }

  // After a price is saved, keyboard users continue from the 调价 button (once it is enabled again).
  const refocusPricing = useRef(false);
  useEffect(() => {
    if (pricing || busy || !refocusPricing.current) return;
    refocusPricing.current = false;
    rootRef.current?.querySelector<HTMLElement>('[data-testid="product-change-price"]')?.focus();
  }, [pricing, busy]);

  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  function textInput(key: TextField) {
    const disabled = readOnly || busy;
    return (
      <input
        name={key}
        value={form[key]}
        onChange={(e) => setValue(key, e.target.value)}
        disabled={disabled}
        aria-invalid={errors[key] ? true : undefined}
        autoComplete="off"
        list={key === 'unit' ? unitListId : undefined}
        maxLength={key === 'unit' ? 8 : key === 'code' ? 32 : 100}
      />
    );
  }

  function priceFields(errs: FieldErrors, firstPrices: boolean) {
    return (
      <>
        <Field label={`${label(PRODUCT_FIELD_LABELS.standardPriceFen)} *`} error={errs.standardPriceFen} hint={t('unitYuan')}>
          <input name="standardPrice" className="input-number" inputMode="decimal" value={price.standard} onChange={(e) => setPriceValue('standard', e.target.value)} disabled={busy} aria-invalid={errs.standardPriceFen ? true : undefined} />
        </Field>
        <Field label={`${label(PRODUCT_FIELD_LABELS.costPriceFen)} *`} error={errs.costPriceFen} hint={t('unitYuan')}>
          <input name="costPrice" className="input-number" inputMode="decimal" value={price.cost} onChange={(e) => setPriceValue('cost', e.target.value)} disabled={busy} aria-invalid={errs.costPriceFen ? true : undefined} />
        </Field>
        <Field label={`${t('effectiveFrom')} *`} error={errs.effectiveFrom} hint={firstPrices ? t('firstEffectiveHint') : undefined}>
          <input name="effectiveFrom" type="date" value={price.effectiveFrom} max={firstPrices ? today : undefined} onChange={(e) => setPriceValue('effectiveFrom', e.target.value)} disabled={busy} aria-invalid={errs.effectiveFrom ? true : undefined} />
        </Field>
        <Field label={t('note')} error={errs.note} wide>
          <input name="note" value={price.note} onChange={(e) => setPriceValue('note', e.target.value)} placeholder={t('notePlaceholder')} maxLength={200} disabled={busy} />
        </Field>
      </>
    );
  }

  const title = creating ? t('newTitle') : product ? `${product.code} ${product.name}` : t('detailTitle');

  return (
    <DrawerFrame
      className="product-drawer"
      testId="product-drawer"
      title={title}
      headExtra={
        <>
          {product && !product.active && <span className="badge badge-archived">{t('inactive')}</span>}
        </>
      }
      closeLabel={t('close')}
      closeTestId="product-drawer-close"
      onClose={requestClose}
      rootRef={rootRef}
      titleId={titleId}
    >

      <div className="drawer-body">
        {loadError && <div className="form-error" role="alert">{loadError}</div>}
        {!ready && !loadError && <div className="muted">{t('loading')}</div>}
        {ready && (
          <>
            {readOnly && <div className="form-notice">{t('readOnlyNotice')}</div>}
            {product && !product.active && <div className="form-notice">{t('inactiveNotice')}</div>}
            {formError && (
              <div className="form-error" role="alert" data-testid="product-form-error">
                {formError}
                {stale && product && (
                  <button type="button" className="link inline-action" onClick={() => void load(product.id)}>
                    {t('refresh')}
                  </button>
                )}
              </div>
            )}
            <section className="panel form-section">
              <h3>{t('groupBasic')}</h3>
              <div className="form-grid">
                {TEXT_FIELDS.map((key) => (
                  <Field
                    key={key}
                    label={`${label(PRODUCT_FIELD_LABELS[key])}${REQUIRED.includes(key) && !readOnly ? ' *' : ''}`}
                    error={errors[key]}
                    hint={key === 'unit' && !readOnly ? t('unitHint') : undefined}
                  >
                    {textInput(key)}
                  </Field>
                ))}
              </div>
              <datalist id={unitListId}>
                {PRODUCT_UNITS.map((unit) => (
                  <option key={unit} value={unit} />
                ))}
              </datalist>
            </section>

            {creating && (
              <section className="panel form-section" data-testid="product-first-prices">
                <h3>{t('firstPrices')}</h3>
                <div className="form-grid">{priceFields(errors, true)}</div>
              </section>
            )}

            {product && detail && (
              <section className="panel form-section" data-testid="product-prices">
                <div className="section-head">
                  <h3>{t('pricesInForce')}</h3>
                  <span className="spacer" />
                  {canEdit && !pricing && (
                    <button type="button" onClick={() => openPricing(product)} disabled={busy} data-testid="product-change-price">
                      {t('changePrice')}
                    </button>
                  )}
                </div>
                <PricesInForce detail={detail} t={t} />
                {pricing && (
                  <form className="price-change" onSubmit={(e) => void submitPrice(e)} data-testid="product-price-form" noValidate>
                    <h4>{t('changePriceTitle')}</h4>
                    {priceError && (
                      <div className="form-error" role="alert" data-testid="product-price-error">
                        {priceError}
                      </div>
                    )}
                    <div className="form-grid">{priceFields(priceErrors, false)}</div>
                    <div className="field-hint">{t('changePriceHint')}</div>
                    <div className="toolbar">
                      <span className="spacer" />
                      <button type="button" onClick={() => setPricing(false)} disabled={busy}>
                        {t('cancel')}
                      </button>
                      <button type="submit" className="primary" disabled={busy} data-testid="product-price-submit">
                        {t('submitPrice')}
                      </button>
                    </div>
                  </form>
                )}
              </section>
            )}

            {product && detail && <PriceHistory detail={detail} t={t} />}

            {product && (
              <div className="muted small">{t('timestamps', { created: formatTimestamp(product.createdAt), updated: formatTimestamp(product.updatedAt) })}</div>
            )}
          </>
        )}
      </div>

      <div className="drawer-foot">
        {product && canEdit && (
          <button type="button" className={product.active ? 'danger' : undefined} onClick={() => void setActive(!product.active)} disabled={busy} data-testid="product-active">
            {product.active ? t('deactivate') : t('activate')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={requestClose}>
          {readOnly ? t('close') : t('cancel')}
        </button>
        {!readOnly && ready && (
          <button type="button" className="primary" onClick={save} disabled={busy} title={t('saveShortcut')} data-testid="product-save">
            {creating ? t('create') : t('save')}
          </button>
        )}
      </div>

      {confirmDiscard && (
        <div className="overlay center nested" onMouseDown={(e) => e.stopPropagation()}>
          <div className="dialog" role="alertdialog" aria-labelledby={`${titleId}-discard`} data-testid="product-discard-dialog">
            <h2 id={`${titleId}-discard`}>{t('discardTitle')}</h2>
            <p>{t('discardBody')}</p>
            <div className="toolbar">
              <span className="spacer" />
              <button type="button" onClick={() => setConfirmDiscard(false)} autoFocus>
                {t('keepEditing')}
              </button>
              <button type="button" className="danger" onClick={props.onClose} data-testid="product-discard">
                {t('discard')}
              </button>
            </div>
          </div>
        </div>
      )}
    </DrawerFrame>
  );
}

function PricesInForce({ detail, t }: { detail: Detail; t: ProductT }) {
  const current = detail.prices.find((p) => p.status === 'current');
  const next = detail.product.nextPriceFrom;
  return (
    <div className="prices-in-force" data-testid="product-prices-in-force">
      {current ? (
        <dl className="price-figures">
          <div>
            <dt>{t('colStandard')}</dt>
            <dd className="price-figure">{formatYuan(detail.product.standardPriceFen)}</dd>
          </div>
          <div>
            <dt>{t('colCost')}</dt>
            <dd className="price-figure">{formatYuan(detail.product.costPriceFen)}</dd>
          </div>
          <div>
            <dt>{t('margin')}</dt>
            <dd className="price-figure">{marginText(detail.product.standardPriceFen, detail.product.costPriceFen)}</dd>
          </div>
          <div>
            <dt>{t('colEffective')}</dt>
            <dd>{t('inForceSince', { date: current.effectiveFrom })}</dd>
          </div>
        </dl>
      ) : (
        <div className="muted">{t('noPrice')}</div>
      )}
      {next && detail.product.nextStandardPriceFen !== null && detail.product.nextCostPriceFen !== null && (
        <div className="form-notice price-next" data-testid="product-next-price">
          {t('scheduledLine', { date: next, standard: formatYuan(detail.product.nextStandardPriceFen), cost: formatYuan(detail.product.nextCostPriceFen) })}
        </div>
      )}
    </div>
  );
}

function PriceHistory({ detail, t }: { detail: Detail; t: ProductT }) {
  const label = useLabel();
  return (
    <section className="panel form-section" data-testid="product-price-history">
      <h3>{t('history')}</h3>
      {detail.prices.length === 0 ? (
        <div className="muted">{t('noHistory')}</div>
      ) : (
        <table className="plain history price-history">
          <thead>
            <tr>
              <th className="nowrap">{t('colEffective')}</th>
              <th className="num">{t('colStandard')}</th>
              <th className="num">{t('colCost')}</th>
              <th className="num">{t('colMargin')}</th>
              <th>{t('colNote')}</th>
              <th className="nowrap">{t('colBy')}</th>
              <th className="nowrap">{t('colAt')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.prices.map((row) => (
              <tr key={row.id} data-testid="price-row" data-status={row.status} className={row.status === 'past' ? 'row-inactive' : undefined}>
                <td className="nowrap">
                  <div>{row.effectiveFrom}</div>
                  <span className={`badge ${row.status === 'current' ? 'badge-approved' : row.status === 'scheduled' ? 'badge-pending' : 'badge-archived'}`}>
                    {label(PRICE_STATUS_LABELS[row.status])}
                  </span>
                </td>
                <td className="num nowrap">{formatYuan(row.standardPriceFen)}</td>
                <td className="num nowrap">{formatYuan(row.costPriceFen)}</td>
                <td className="num nowrap">{marginText(row.standardPriceFen, row.costPriceFen)}</td>
                <td className="history-note">{row.note || <span className="muted">{t('none')}</span>}</td>
                <td className="nowrap">{row.createdByName}</td>
                <td className="nowrap">{formatTimestamp(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
