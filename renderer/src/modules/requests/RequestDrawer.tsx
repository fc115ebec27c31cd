// 新建申请: pick a kind, fill its fields; the engine's findings show live beside the form (the
// same judgement the core applies on submission); a blocked request cannot be submitted.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { localDate } from '../../../../shared/dates';
import { ROLE_LABELS } from '../../../../shared/domain';
import type { Decision, KindInfo } from '../../../../shared/policy';
import type { PolicyRequest } from '../../../../shared/requests';
import { ApiError, invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { OWNER_ROLES, useSalesDirectory } from '../customers/useSalesDirectory';
import { DecisionView } from './DecisionView';
import { KindFields, useBuiltFields } from './KindFields';
import { useKinds } from './kinds';
import { useRequestMessages } from './messages';
import { blankForm, ON_BEHALF_ROLES, type FormValue } from './values';
import { DrawerFrame } from '../../app/DrawerFrame';

const PREVIEW_DELAY_MS = 250;

export function RequestDrawer(props: { initialKind?: string; onClose: () => void; onSubmitted: (request: PolicyRequest) => void }) {
  const t = useRequestMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const kinds = useKinds();
  const directory = useSalesDirectory();
  const rootRef = useRef<HTMLDivElement>(null);
  const submittable = useMemo(() => (kinds ?? []).filter((k) => k.submittable), [kinds]);
  const [kindName, setKindName] = useState(props.initialKind ?? '');
  const kind: KindInfo | undefined = submittable.find((k) => k.kind === kindName) ?? submittable[0];
  const [form, setForm] = useState<Record<string, FormValue>>({});
  const [note, setNote] = useState('');
  const [applicantId, setApplicantId] = useState<number | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checking, setChecking] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const applicantRole = (applicantId ? directory.owners.find((u) => u.id === applicantId)?.role : undefined) ?? me.role;
  // A new kind starts from a blank form (today and the applicant's role filled in).
  useEffect(() => {
    if (kind) setForm(blankForm(kind.fields, { today: localDate(new Date()), role: me.role }));
    setDecision(null);
    setServerErrors({});
  }, [kind, me.role]);
  // Entering for someone else: the quote is judged by his role, the rest of the form stays.
  useEffect(() => {
    setForm((f) => ('role' in f ? { ...f, role: applicantRole } : f));
  }, [applicantRole]);

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [kinds]);

  // The request as the engine takes it, or the local problems (unparsable amounts, missing fields).
  const fields = useBuiltFields(kind?.fields, form);
  const built = useMemo(
    () => (kind && fields ? { request: { kind: kind.kind, ...fields.values }, problems: fields.problems, complete: fields.complete } : null),
    [kind, fields],
  );

  // Live preview: the core judges the request as it would on submission (writes nothing).
  useEffect(() => {
    if (!built?.complete) {
      setDecision(null);
      setServerErrors({});
      return;
    }
    let alive = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      invoke('policy.preview', { request: built.request, ...(applicantId ? { applicantId } : {}) })
        .then((d) => {
          if (!alive) return;
          setDecision(d);
          setServerErrors({});
        })
        .catch((error: unknown) => {
          if (!alive) return;
          setDecision(null);
          if (error instanceof ApiError && error.payload.code === 'VALIDATION') {
            setServerErrors(Object.fromEntries(error.payload.issues.map((i) => [i.field.split('.')[0]!, lang === 'zh' ? i.message : i.messageEn])));
          }
        })
        .finally(() => alive && setChecking(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [built, applicantId, lang]);

  async function submit() {
    if (!built?.complete || !decision || decision.decision === 'deny' || busy) return;
    setBusy(true);
    try {
      const saved = await invoke('requests.submit', { request: built.request, note, ...(applicantId ? { applicantId } : {}) });
      const pending = saved.steps.find((s) => s.status === 'pending');
      toast(
        'success',
        pending ? t('submitted', { id: saved.id, who: pending.approverName ?? label(ROLE_LABELS[pending.role]) }) : t('submittedApproved', { id: saved.id }),
      );
      props.onSubmitted(saved);
    } catch (error) {
      toast('error', errorText(error));
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') props.onClose();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  }

  const canSubmit = !!built?.complete && !!decision && decision.decision !== 'deny' && !busy && !checking;
  const others = directory.owners.filter((u) => u.id !== me.id && OWNER_ROLES.includes(u.role));

  return (
    <DrawerFrame
      className="request-drawer"
      testId="request-drawer"
      title={t('newTitle')}
      closeLabel={t('close')}
      onClose={props.onClose}
      rootRef={rootRef}
      onKeyDown={onKeyDown}
    >
      <div className="drawer-body request-body">
        <div className="request-form">
          <Field label={t('kind')}>
            <select value={kind?.kind ?? ''} onChange={(e) => setKindName(e.target.value)} data-testid="request-kind">
              {submittable.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {label(k.label)}
                </option>
              ))}
            </select>
          </Field>
          {ON_BEHALF_ROLES.includes(me.role) && others.length > 0 && (
            <Field label={t('applicant')}>
              <select value={applicantId ?? ''} onChange={(e) => setApplicantId(e.target.value ? Number(e.target.value) : null)} data-testid="request-applicant">
                <option value="">{me.displayName}</option>
                {others.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {kind && (
            <KindFields
              fields={kind.fields}
              form={form}
              onChange={(name, v) => setForm((f) => ({ ...f, [name]: v }))}
              errors={{ ...serverErrors, ...built?.problems }}
              testIdPrefix="request-field"
              keyPrefix={kind.kind}
            />
          )}
          <Field label={t('note')} wide>
            <textarea name="note" rows={3} maxLength={500} value={note} placeholder={t('notePlaceholder')} onChange={(e) => setNote(e.target.value)} data-testid="request-note" />
          </Field>
        </div>
        <aside className="request-preview panel" aria-live="polite" data-testid="request-preview">
          <h3>{t('preview')}</h3>
          <p className="muted small">{t('previewHint')}</p>
          {decision ? <DecisionView decision={decision} /> : <p className="muted">{checking ? t('previewChecking') : t('previewIncomplete')}</p>}
        </aside>
      </div>
      <div className="drawer-foot">
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!canSubmit} onClick={() => void submit()} data-testid="request-submit" title="Ctrl+Enter">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </DrawerFrame>
  );
}
