// The customer file as a form in a right-side drawer: every field by group, checked with the shared
// zod schema, saving only what changed (C-CHANGE fields go to a manager with a reason), plus the
// customer's change requests and C-NEW applications, archive and "file an application".
// Create mode is the same form, empty, with S-DEFAULT's limits (cash/prepaid, no credit).
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import {
  CUSTOMER_FIELDS,
  FIELD_GROUP_LABELS,
  isChangeControlled,
  type Customer,
  type CustomerField,
  type CustomerFieldMeta,
  type FieldGroup,
} from '../../../../shared/customers';
import { formatTimestamp } from '../../../../shared/dates';
import {
  CUSTOMER_APPROVER_ROLES,
  CUSTOMER_EDITOR_ROLES,
  REQUEST_STATUS_LABELS,
  type Role,
} from '../../../../shared/domain';
import { ApiError, invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { blankFormValues, displayValue, FIELD_META, formValuesOf, parseInput, type DisplayContext, type FormInput, type FormValues } from './fieldValues';
import { useCustomerMessages, type CustomerT } from './messages';
import type { SalesDirectory } from './useSalesDirectory';
import { apiFieldErrors, checkCreate, checkPatch, type FieldErrors } from './validation';
import { DrawerFrame } from '../../app/DrawerFrame';

export type DrawerTarget = { mode: 'create' } | { mode: 'edit'; id: number };
type Detail = ChannelOutput<'customers.get'>;

/** S-DEFAULT: a new customer settles in cash or prepaid and gets no credit. */
const NEW_CUSTOMER_SETTLEMENTS = ['cash', 'prepaid'] as const;
const NEW_CUSTOMER_LOCKED: readonly CustomerField[] = ['creditLimitFen', 'creditDays'];

const GROUPS = Object.keys(FIELD_GROUP_LABELS) as FieldGroup[];

function sameStored(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === '') && (b === null || b === ''));
}

export function CustomerDrawer(props: {
  target: DrawerTarget;
  directory: SalesDirectory;
  onClose(): void;
  /** The customer as saved (the grid replaces its row: new version). */
  onSaved(customer: Customer): void;
  onCreated(customer: Customer): void;
  onArchivedChanged(customer: Customer): void;
}) {
  const { target, directory } = props;
  const user = useSession();
  const t = useCustomerMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  const creating = target.mode === 'create';
  const editId = target.mode === 'edit' ? target.id : null;
  const role: Role = user.role;
  const canEdit = (CUSTOMER_EDITOR_ROLES as readonly Role[]).includes(role);
  const isApprover = (CUSTOMER_APPROVER_ROLES as readonly Role[]).includes(role);
  const ownsOnlySelf = role === 'rep';
  const presetOwner = role === 'rep' || role === 'supervisor' ? user.id : null;

  const [detail, setDetail] = useState<Detail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [initial, setInitial] = useState<FormValues>(() => blankFormValues(presetOwner));
  const [form, setForm] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [applying, setApplying] = useState(false);
  const [applyReason, setApplyReason] = useState('');

  const customer = detail?.customer ?? null;
  const readOnly = !canEdit || (customer?.archived ?? false);

  const load = useCallback(
    async (id: number) => {
      try {
        const next = await invoke('customers.get', { id });
        const values = formValuesOf(next.customer);
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

  // Focus the first field once the form is there.
  const ready = creating || detail !== null;
  useEffect(() => {
    if (!ready) return;
    const first = rootRef.current?.querySelector<HTMLElement>('.drawer-body input:not([disabled]), .drawer-body select:not([disabled]), .drawer-body textarea:not([disabled])');
    (first ?? rootRef.current?.querySelector<HTMLElement>('[data-testid="customer-drawer-close"]'))?.focus();
  }, [ready]);

  const changed = useMemo(() => CUSTOMER_FIELDS.filter((meta) => form[meta.key] !== initial[meta.key]), [form, initial]);
  const controlledChanged = !creating && !isApprover && changed.some((meta) => isChangeControlled(meta.key));
  const dirty = changed.length > 0 || reason.trim() !== '';

  const ctx: DisplayContext = useMemo(
    () => ({
      t,
      label,
      userName: (id) => (customer && customer.ownerId === id ? customer.ownerName : directory.nameOf(id)),
    }),
    [t, label, customer, directory],
  );

  function setValue(key: CustomerField, value: FormInput) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  }

  function requestClose() {
    if (dirty && !readOnly) setConfirmDiscard(true);
    else props.onClose();
  }

  /** Typed inputs → API values; unit errors (yuan, tons, days) reported per field. */
  function collect(metas: readonly CustomerFieldMeta[]): { values: Record<string, unknown>; errors: FieldErrors } {
    const values: Record<string, unknown> = {};
    const found: FieldErrors = {};
    for (const meta of metas) {
      const parsed = parseInput(meta.kind, form[meta.key]);
      if (parsed.ok) values[meta.key] = parsed.value;
      else found[meta.key] = t('fieldProblem', { label: label(meta.label), problem: t(parsed.problem) });
    }
    return { values, errors: found };
  }

  function fail(found: FieldErrors, message?: string) {
    setErrors(found);
    setFormError(message ?? t('fixErrors'));
  }

  async function saveChanges(current: Customer) {
    const { values, errors: unitErrors } = collect(changed);
    if (Object.keys(unitErrors).length) return fail(unitErrors);
    const patch = Object.fromEntries(Object.entries(values).filter(([key, value]) => !sameStored(value, current[key as CustomerField])));
    if (Object.keys(patch).length === 0) {
      setInitial(form);
      toast('info', t('noChanges'));
      return;
    }
    const checked = checkPatch(patch, lang);
    if (!checked.ok) return fail(checked.errors);
    setBusy(true);
    try {
      const result = await invoke('customers.update', { id: current.id, version: current.version, patch: checked.value, reason: reason.trim() });
      props.onSaved(result.customer);
      const request = result.changeRequest;
      if (request && request.status === 'pending') {
        const fields = request.changes.map((c) => label(FIELD_META.get(c.field)?.label) || c.field).join('、');
        toast('info', t('changeSubmitted', { fields, id: request.id }));
      } else {
        toast('success', t('saved'));
      }
      setReason('');
      await load(current.id);
    } catch (error) {
      setErrors(apiFieldErrors(error, lang));
      setFormError(errorText(error));
      setStale(error instanceof ApiError && error.payload.code === 'CONFLICT');
    } finally {
      setBusy(false);
    }
  }

  async function saveNew() {
    const metas = CUSTOMER_FIELDS.filter((meta) => !NEW_CUSTOMER_LOCKED.includes(meta.key));
    const { values, errors: unitErrors } = collect(metas);
    if (values.ownerId === null) {
      if (presetOwner === null) unitErrors.ownerId = t('fieldProblem', { label: label(FIELD_META.get('ownerId')?.label), problem: t('ownerRequired') });
      delete values.ownerId;
    }
    const checked = checkCreate(values, lang);
    const found = { ...(checked.ok ? {} : checked.errors), ...unitErrors };
    if (!checked.ok || Object.keys(unitErrors).length) return fail(found);
    setBusy(true);
    try {
      const result = await invoke('customers.create', { customer: checked.value, reason: reason.trim() });
      toast('success', t('created'));
      props.onCreated(result.customer);
    } catch (error) {
      setErrors(apiFieldErrors(error, lang));
      setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function save() {
    if (busy || readOnly) return;
    setFormError(null);
    if (creating) void saveNew();
    else if (customer) void saveChanges(customer);
  }

  async function setArchived(archived: boolean) {
    if (!customer) return;
    setBusy(true);
    try {
      const next = await invoke('customers.setArchived', { id: customer.id, archived });
      toast('success', t(archived ? 'archivedDone' : 'unarchivedDone', { no: next.customerNo }));
      props.onArchivedChanged(next);
      await load(customer.id);
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!customer) return;
    setBusy(true);
    try {
      const application = await invoke('customers.apply', { customerId: customer.id, reason: applyReason.trim() });
      toast('success', t('applied', { id: application.id }));
      setApplying(false);
      setApplyReason('');
      const next = await load(customer.id);
      if (next) props.onSaved(next.customer);
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (confirmDiscard) setConfirmDiscard(false);
      else if (applying) setApplying(false);
      else requestClose();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    }
  }

  const canApply =
    !creating && canEdit && customer !== null && !customer.archived && !(detail?.applications ?? []).some((a) => a.status === 'pending' || a.status === 'approved');

  function renderInput(meta: CustomerFieldMeta) {
    const key = meta.key;
    const lockedAtCreation = creating && NEW_CUSTOMER_LOCKED.includes(key);
    const disabled =
      readOnly ||
      busy ||
      lockedAtCreation ||
      (key === 'ownerId' && ownsOnlySelf) ||
      (key === 'customerNo' && !creating && role === 'rep');
    const value = form[key];
    const common = { name: key, disabled, 'aria-invalid': errors[key] ? true : undefined } as const;
    switch (meta.kind) {
      case 'longText':
        return <textarea {...common} rows={3} value={String(value)} onChange={(e) => setValue(key, e.target.value)} />;
      case 'bool':
        return (
          <span className="field-check">
            <input {...common} type="checkbox" checked={value === true} onChange={(e) => setValue(key, e.target.checked)} />
            {value === true ? t('yes') : t('no')}
          </span>
        );
      case 'enum': {
        let codes = Object.keys(meta.options ?? {});
        if (creating && key === 'settlementType') codes = [...NEW_CUSTOMER_SETTLEMENTS];
        return (
          <select {...common} value={String(value)} onChange={(e) => setValue(key, e.target.value)}>
            {key === 'leadTemperature' && <option value="">{t('unset')}</option>}
            {codes.map((code) => (
              <option key={code} value={code}>
                {label(meta.options?.[code]) || code}
              </option>
            ))}
          </select>
        );
      }
      case 'user': {
        const owners = directory.owners;
        const current = customer && !owners.some((u) => u.id === customer.ownerId) ? [{ id: customer.ownerId, displayName: customer.ownerName }] : [];
        const self = presetOwner !== null && !owners.some((u) => u.id === presetOwner) && !customer ? [{ id: user.id, displayName: user.displayName }] : [];
        return (
          <select {...common} value={String(value)} onChange={(e) => setValue(key, e.target.value)}>
            {value === '' && <option value="">{t('chooseOwner')}</option>}
            {[...current, ...self, ...owners].map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.displayName}
              </option>
            ))}
          </select>
        );
      }
      case 'date':
        return <input {...common} type="date" value={String(value)} onChange={(e) => setValue(key, e.target.value)} />;
      case 'money':
      case 'quantity':
      case 'int':
        return (
          <input
            {...common}
            inputMode={meta.kind === 'int' ? 'numeric' : 'decimal'}
            className="input-number"
            value={String(value)}
            onChange={(e) => setValue(key, e.target.value)}
          />
        );
      default:
        return <input {...common} value={String(value)} onChange={(e) => setValue(key, e.target.value)} autoComplete="off" />;
    }
  }

  function hintOf(meta: CustomerFieldMeta): string | undefined {
    if (creating && NEW_CUSTOMER_LOCKED.includes(meta.key)) return t('newCreditHint');
    if (creating && meta.key === 'settlementType') return t('newSettlementHint');
    if (!creating && !isApprover && canEdit && isChangeControlled(meta.key)) return t('controlledHint');
    if (meta.kind === 'money') return t('unitYuan');
    if (meta.kind === 'quantity') return String(form.volumeUnit || '');
    return undefined;
  }

  const title = creating ? t('newTitle') : customer ? `${customer.customerNo} ${customer.name}` : t('detailTitle');

  return (
    <DrawerFrame
      className="customer-drawer"
      testId="customer-drawer"
      title={title}
      headExtra={
        <>
          {customer?.archived && <span className="badge badge-archived">{t('badgeArchived')}</span>}
          {customer?.applicationStatus === 'pending' && <span className="badge badge-pending">{t('badgeNewPending')}</span>}
          {customer && customer.pendingChanges > 0 && (
            <span className="badge badge-pending">{t('badgeChangesPending', { n: customer.pendingChanges })}</span>
          )}
        </>
      }
      closeLabel={t('close')}
      closeTestId="customer-drawer-close"
      onClose={requestClose}
      rootRef={rootRef}
      onKeyDown={onKeyDown}
      titleId={titleId}
    >

      <div className="drawer-body">
        {loadError && <div className="form-error" role="alert">{loadError}</div>}
        {!ready && !loadError && <div className="muted">{t('loading')}</div>}
        {ready && (
          <>
            {!canEdit && <div className="form-notice">{t('readOnlyNotice')}</div>}
            {canEdit && customer?.archived && <div className="form-notice">{t('archivedNotice')}</div>}
            {customer && customer.pendingChanges > 0 && !customer.archived && <div className="form-notice">{t('pendingNotice')}</div>}
            {formError && (
              <div className="form-error" role="alert" data-testid="customer-form-error">
                {formError}
                {stale && customer && (
                  <button type="button" className="link inline-action" onClick={() => void load(customer.id)}>
                    {t('refresh')}
                  </button>
                )}
              </div>
            )}
            {GROUPS.map((group) => (
              <section key={group} className="panel form-section">
                <h3>{label(FIELD_GROUP_LABELS[group])}</h3>
                <div className="form-grid">
                  {CUSTOMER_FIELDS.filter((meta) => meta.group === group).map((meta) => {
                    const required = meta.key === 'customerNo' || meta.key === 'name';
                    return (
                      <Field
                        key={meta.key}
                        label={`${label(meta.label)}${required && !readOnly ? ' *' : ''}`}
                        error={errors[meta.key]}
                        hint={hintOf(meta)}
                        wide={meta.kind === 'longText'}
                      >
                        {renderInput(meta)}
                      </Field>
                    );
                  })}
                </div>
              </section>
            ))}
            {customer && detail && <History detail={detail} ctx={ctx} t={t} />}
            {customer && (
              <div className="muted small">
                {t('timestamps', { created: formatTimestamp(customer.createdAt), updated: formatTimestamp(customer.updatedAt) })}
              </div>
            )}
          </>
        )}
      </div>

      {ready && !readOnly && (controlledChanged || creating) && (
        <div className="drawer-subform" data-testid="customer-reason">
          <Field label={creating ? t('createReason') : t('reason')} hint={creating ? undefined : t('reasonHint')} error={errors.reason} wide>
            <textarea name="reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} disabled={busy} />
          </Field>
        </div>
      )}

      {applying && (
        <div className="drawer-subform">
          <Field label={t('applyReason')} wide>
            <textarea name="applyReason" rows={2} maxLength={500} value={applyReason} onChange={(e) => setApplyReason(e.target.value)} autoFocus />
          </Field>
          <div className="toolbar">
            <span className="spacer" />
            <button type="button" onClick={() => setApplying(false)}>
              {t('cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void apply()} disabled={busy} data-testid="customer-apply-submit">
              {t('applySubmit')}
            </button>
          </div>
        </div>
      )}

      <div className="drawer-foot">
        {customer && canEdit && (
          <button type="button" className={customer.archived ? undefined : 'danger'} onClick={() => void setArchived(!customer.archived)} disabled={busy} data-testid="customer-archive">
            {customer.archived ? t('unarchive') : t('archive')}
          </button>
        )}
        {canApply && !applying && (
          <button type="button" onClick={() => setApplying(true)} disabled={busy} data-testid="customer-apply">
            {t('apply')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={requestClose}>
          {readOnly ? t('close') : t('cancel')}
        </button>
        {!readOnly && ready && (
          <button type="button" className="primary" onClick={save} disabled={busy} title={t('saveShortcut')} data-testid="customer-save">
            {creating ? t('create') : t('save')}
          </button>
        )}
      </div>

      {confirmDiscard && (
        <div className="overlay center nested" onMouseDown={(e) => e.stopPropagation()}>
          <div className="dialog" role="alertdialog" aria-labelledby={`${titleId}-discard`} data-testid="customer-discard-dialog">
            <h2 id={`${titleId}-discard`}>{t('discardTitle')}</h2>
            <p>{t('discardBody', { n: changed.length || 1 })}</p>
            <div className="toolbar">
              <span className="spacer" />
              <button type="button" onClick={() => setConfirmDiscard(false)} autoFocus>
                {t('keepEditing')}
              </button>
              <button type="button" className="danger" onClick={props.onClose} data-testid="customer-discard">
                {t('discard')}
              </button>
            </div>
          </div>
        </div>
      )}
    </DrawerFrame>
  );
}

function StatusBadge({ status }: { status: keyof typeof REQUEST_STATUS_LABELS }) {
  const label = useLabel();
  return <span className={`badge badge-${status}`}>{label(REQUEST_STATUS_LABELS[status])}</span>;
}

function History({ detail, ctx, t }: { detail: Detail; ctx: DisplayContext; t: CustomerT }) {
  const label = useLabel();
  const shown = (field: string, value: unknown) => {
    const meta = FIELD_META.get(field);
    const text = meta ? displayValue(meta, value, ctx) : String(value ?? '');
    return text === '' ? t('empty') : text;
  };
  return (
    <>
      <section className="panel form-section" data-testid="customer-change-requests">
        <h3>{t('changeRequests')}</h3>
        {detail.changeRequests.length === 0 ? (
          <div className="muted">{t('noChangeRequests')}</div>
        ) : (
          <table className="plain history">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('change')}</th>
                <th>{t('status')}</th>
                <th>{t('requestedBy')}</th>
                <th>{t('decidedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.changeRequests.map((request) => (
                <tr key={request.id}>
                  <td>{request.id}</td>
                  <td>
                    {request.changes.map((change) => (
                      <div key={change.field} className="change-line">
                        <span className="change-field">{label(FIELD_META.get(change.field)?.label) || change.field}</span>
                        <span className="change-before">{shown(change.field, change.before)}</span>
                        <span className="change-arrow"> → </span>
                        <span className="change-after">{shown(change.field, change.after)}</span>
                      </div>
                    ))}
                    {request.reason && (
                      <div className="muted small">{t('reasonLine', { reason: request.reason })}</div>
                    )}
                  </td>
                  <td>
                    <StatusBadge status={request.status} />
                  </td>
                  <td>
                    {request.requestedByName}
                    <div className="muted small">{formatTimestamp(request.requestedAt)}</div>
                  </td>
                  <td>
                    {request.decidedByName ?? '—'}
                    {request.decidedAt && <div className="muted small">{formatTimestamp(request.decidedAt)}</div>}
                    {request.comment && <div className="small">{request.comment}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel form-section" data-testid="customer-applications">
        <h3>{t('applications')}</h3>
        {detail.applications.length === 0 ? (
          <div className="muted">{t('noApplications')}</div>
        ) : (
          <table className="plain history">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('month')}</th>
                <th>{t('status')}</th>
                <th>{t('requestedBy')}</th>
                <th>{t('decidedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.applications.map((application) => (
                <tr key={application.id}>
                  <td>{application.id}</td>
                  <td>
                    {application.month}
                    {application.reason && (
                      <div className="muted small">{t('reasonLine', { reason: application.reason })}</div>
                    )}
                  </td>
                  <td>
                    <StatusBadge status={application.status} />
                  </td>
                  <td>
                    {application.appliedByName}
                    <div className="muted small">{formatTimestamp(application.appliedAt)}</div>
                  </td>
                  <td>
                    {application.decidedByName ?? '—'}
                    {application.decidedAt && <div className="muted small">{formatTimestamp(application.decidedAt)}</div>}
                    {application.comment && <div className="small">{application.comment}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
