// 新建请假 (DOMAIN §8 L-FORM): type, start and end with the half-day marks, the reason, the work proxy
// (another employee), an emergency's phone call to the superior, and for an assistant or a head the
// applicant it is filed for. The core judges the form live (leave.preview): the working days it
// counts by the calendar, the notice required and given (L-NOTICE), the month's leave (L-MONTHLY)
// and the approver; a blocked leave cannot be sent, and the footer says why.
// Keyboard: Enter moves on, Ctrl+Enter or Ctrl+S submits, Esc closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import { localDate } from '../../../../shared/dates';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES, type Leave, type LeaveType } from '../../../../shared/leave';
import type { Decision } from '../../../../shared/policy';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { issuesByField } from '../expenses/expenseValues';
import { DecisionView } from '../requests/DecisionView';
import { formKeyDown } from '../requests/KindFields';
import { localInputToIso, ON_BEHALF_ROLES } from '../requests/values';
import { useEmployees } from './employees';
import { useLeaveMessages } from './messages';
import { DrawerFrame } from '../../app/DrawerFrame';

const PREVIEW_DELAY_MS = 300;

/** Problems the form sees before asking the core (the core says the same on its own). */
function localProblems(v: { start: string; end: string; startHalfDay: boolean; endHalfDay: boolean; proxyId: number | null; applicantId: number }, t: ReturnType<typeof useLeaveMessages>): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.start && v.end && v.end < v.start) out.end = t('endBeforeStart');
  if (v.start && v.start === v.end && v.startHalfDay && v.endHalfDay) out.endHalfDay = t('oneDayBothHalves');
  if (v.proxyId !== null && v.proxyId === v.applicantId) out.proxyId = t('proxySelf');
  return out;
}

export function LeaveForm(props: { onClose(): void; onSubmitted(leave: Leave): void }) {
  const t = useLeaveMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const employees = useEmployees();
  const rootRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const today = useMemo(() => localDate(new Date()), []);

  const [applicantId, setApplicantId] = useState<number | null>(null);
  const [leaveType, setLeaveType] = useState<LeaveType>('personal');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [startHalfDay, setStartHalfDay] = useState(false);
  const [endHalfDay, setEndHalfDay] = useState(false);
  const [reason, setReason] = useState('');
  const [proxyId, setProxyId] = useState<number | null>(null);
  const [emergency, setEmergency] = useState(false);
  const [callAt, setCallAt] = useState('');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checking, setChecking] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('select[name=leaveType]')?.focus();
  }, []);

  const onBehalf = ON_BEHALF_ROLES.includes(me.role);
  const applicant = applicantId ?? me.id;
  const proxies = employees.filter((u) => u.id !== applicant);
  const local = localProblems({ start, end, startHalfDay, endHalfDay, proxyId, applicantId: applicant }, t);
  const complete = Boolean(start && end && proxyId !== null && (!emergency || callAt));

  /** What the core takes; the preview sends a stand-in reason while none is typed (it judges nothing by it). */
  const input = useMemo(
    (): ChannelInput<'leave.create'> | null =>
      start && end && proxyId !== null
        ? {
            ...(applicantId !== null ? { applicantId } : {}),
            leaveType,
            start,
            end,
            startHalfDay,
            endHalfDay,
            reason: reason.trim(),
            proxyId,
            emergencyCallAt: emergency && callAt ? localInputToIso(callAt) : null,
          }
        : null,
    [applicantId, leaveType, start, end, startHalfDay, endHalfDay, reason, proxyId, emergency, callAt],
  );
  const previewKey = complete && input && Object.keys(local).length === 0 ? JSON.stringify({ ...input, reason: '—' }) : null;

  // Live check: the core judges the leave as it would on submission (writes nothing).
  useEffect(() => {
    if (!previewKey) {
      setDecision(null);
      setServerErrors({});
      setChecking(false);
      return;
    }
    let alive = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      invoke('leave.preview', JSON.parse(previewKey) as ChannelInput<'leave.preview'>)
        .then((d) => {
          if (!alive) return;
          setDecision(d);
          setServerErrors({});
          setFormError(null);
        })
        .catch((error: unknown) => {
          if (!alive) return;
          setDecision(null);
          const issues = issuesByField(error, lang);
          setServerErrors(issues);
          if (!Object.keys(issues).some((k) => SHOWN.includes(k))) setFormError(errorText(error));
        })
        .finally(() => alive && setChecking(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [previewKey, lang, errorText]);

  const blocks = decision?.findings.filter((f) => f.severity === 'block') ?? [];
  const hasErrors = Object.keys(local).length > 0 || Object.keys(serverErrors).length > 0;
  const why: string | null = !complete
    ? t('whyIncomplete')
    : hasErrors && !checking
      ? t('whyErrors')
      : checking || !decision
        ? t('checking')
        : decision.decision === 'deny'
          ? t('whyBlocked', { reasons: blocks.map((b) => `${b.ruleId} ${lang === 'zh' ? b.message : b.messageEn}`).join('；') })
          : !reason.trim()
            ? t('whyReason')
            : null;
  const canSubmit = why === null && !busy;

  function change(touch: () => void) {
    touch();
    setFormError(null);
  }
  const clearMissing = (name: string) => setMissing(({ [name]: _gone, ...rest }) => rest);

  async function submit() {
    if (busy) return;
    if (!canSubmit || !input) {
      const required: Record<string, string> = {};
      if (!start) required.start = t('required');
      if (!end) required.end = t('required');
      if (proxyId === null) required.proxyId = t('required');
      if (!reason.trim()) required.reason = t('required');
      if (emergency && !callAt) required.emergencyCallAt = t('required');
      setMissing(required);
      window.setTimeout(() => rootRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const saved = await invoke('leave.create', input);
      toast('success', t('submitted', { no: saved.leaveNo, trail: saved.trail }));
      props.onSubmitted(saved);
    } catch (error) {
      const issues = issuesByField(error, lang);
      setServerErrors(issues);
      setFormError(Object.keys(issues).some((k) => SHOWN.includes(k)) ? null : errorText(error));
      setBusy(false);
    }
  }

  // Enter on a checkbox ticks nothing: it moves on like any other field.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    formKeyDown(event, { root: formRef.current, submit: () => void submit(), close: props.onClose });
  }

  const errorOf = (name: string) => missing[name] ?? local[name] ?? serverErrors[name];
  const invalid = (name: string) => (errorOf(name) ? true : undefined);
  const computed = decision?.computed ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const workingDays = num(computed.workingDays);
  const required = num(computed.requiredNoticeDays);
  const given = num(computed.noticeDays);
  const noticeShort = required !== null && given !== null && given < required;

  return (
    <DrawerFrame
      className="request-drawer leave-form"
      testId="leave-form"
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
            <div className="form-error field-wide" role="alert" data-testid="leave-form-error">
              {formError}
            </div>
          )}
          <Field label={t('leaveType')} hint="L-FORM · L-NOTICE · L-MONTHLY">
            <select name="leaveType" value={leaveType} onChange={(e) => change(() => setLeaveType(e.target.value as LeaveType))} data-testid="leave-type">
              {LEAVE_TYPES.map((v) => (
                <option key={v} value={v}>
                  {label(LEAVE_TYPE_LABELS[v])}
                </option>
              ))}
            </select>
          </Field>
          {onBehalf ? (
            <Field label={t('applicantFor')} error={errorOf('applicantId')} hint={t('applicantForHint')}>
              <select
                name="applicantId"
                value={applicantId ?? ''}
                onChange={(e) => change(() => setApplicantId(e.target.value ? Number(e.target.value) : null))}
                aria-invalid={invalid('applicantId')}
                data-testid="leave-applicant"
              >
                <option value="">{t('self', { name: me.displayName })}</option>
                {employees
                  .filter((u) => u.id !== me.id)
                  .map((u) => (
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
          <Field label={`${t('start')} *`} error={errorOf('start')}>
            <input
              type="date"
              name="start"
              value={start}
              aria-invalid={invalid('start')}
              onChange={(e) =>
                change(() => {
                  const next = e.target.value;
                  setStart(next);
                  clearMissing('start');
                  // A one-day leave is the usual case: the end follows until it is set apart.
                  if (!end || end < next) setEnd(next);
                })
              }
              data-testid="leave-start"
            />
          </Field>
          <Field label={`${t('end')} *`} error={errorOf('end')}>
            <input type="date" name="end" value={end} min={start || undefined} aria-invalid={invalid('end')} onChange={(e) => change(() => (setEnd(e.target.value), clearMissing('end')))} data-testid="leave-end" />
          </Field>
          <Field label={t('startHalf')} error={errorOf('startHalfDay')}>
            <span className="check-line">
              <input type="checkbox" name="startHalfDay" checked={startHalfDay} onChange={(e) => change(() => setStartHalfDay(e.target.checked))} data-testid="leave-start-half" />
              <span className="muted small">{start ? `${start} ${t('pm')}` : ''}</span>
            </span>
          </Field>
          <Field label={t('endHalf')} error={errorOf('endHalfDay')}>
            <span className="check-line">
              <input type="checkbox" name="endHalfDay" checked={endHalfDay} aria-invalid={invalid('endHalfDay')} onChange={(e) => change(() => setEndHalfDay(e.target.checked))} data-testid="leave-end-half" />
              <span className="muted small">{end ? `${end} ${t('am')}` : ''}</span>
            </span>
          </Field>
          <Field label={`${t('proxy')} *`} error={errorOf('proxyId')} hint={t('proxyHint')}>
            <select
              name="proxyId"
              value={proxyId ?? ''}
              aria-invalid={invalid('proxyId')}
              onChange={(e) => change(() => (setProxyId(e.target.value ? Number(e.target.value) : null), clearMissing('proxyId')))}
              data-testid="leave-proxy"
            >
              <option value="">{t('proxyPick')}</option>
              {proxies.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                  {u.region ? ` · ${u.region}` : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('emergency')} hint={t('emergencyHint')}>
            <span className="check-line">
              <input type="checkbox" name="emergency" checked={emergency} onChange={(e) => change(() => setEmergency(e.target.checked))} data-testid="leave-emergency" />
            </span>
          </Field>
          {emergency && (
            <Field label={`${t('emergencyAt')} *`} error={errorOf('emergencyCallAt')}>
              <input
                type="datetime-local"
                name="emergencyCallAt"
                value={callAt}
                max={`${today}T23:59`}
                aria-invalid={invalid('emergencyCallAt')}
                onChange={(e) => change(() => (setCallAt(e.target.value), clearMissing('emergencyCallAt')))}
                data-testid="leave-emergency-at"
              />
            </Field>
          )}
          <Field label={`${t('reason')} *`} error={errorOf('reason')} wide>
            <input
              name="reason"
              value={reason}
              maxLength={500}
              placeholder={t('reasonPlaceholder')}
              autoComplete="off"
              aria-invalid={invalid('reason')}
              onChange={(e) => change(() => (setReason(e.target.value), clearMissing('reason')))}
              data-testid="leave-reason"
            />
          </Field>
        </div>
        <aside className="request-preview panel" aria-live="polite" data-testid="leave-preview">
          <h3>{t('preview')}</h3>
          <p className="muted small">{t('previewHint')}</p>
          {decision && (
            <dl className="leave-figures" data-testid="leave-figures">
              <div>
                <dt>{t('workingDays')}</dt>
                <dd data-testid="leave-working-days">{workingDays ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('noticeNeeded')}</dt>
                <dd data-testid="leave-notice-required">{required === null ? '—' : t('daysUnit', { n: required })}</dd>
              </div>
              <div className={noticeShort ? 'is-short' : undefined}>
                <dt>{t('noticeGiven')}</dt>
                <dd data-testid="leave-notice-given">{given === null ? '—' : t('daysUnit', { n: given })}</dd>
              </div>
            </dl>
          )}
          {decision ? <DecisionView decision={decision} compact /> : <p className="muted">{checking ? t('checking') : t('previewIncomplete')}</p>}
        </aside>
      </div>
      <div className="drawer-foot">
        <span className={`submit-why${decision?.decision === 'deny' ? ' is-blocked' : ''}`} data-testid="leave-why">
          {why ?? (decision?.decision === 'allow' ? t('readyAllow') : t('readyApproval'))}
        </span>
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!canSubmit} onClick={() => void submit()} data-testid="leave-submit" title="Ctrl+Enter">
          {busy ? t('submitting') : t('submit')}
        </button>
      </div>
    </DrawerFrame>
  );
}

/** Fields the form shows beside their input (others go above the form). */
const SHOWN = ['applicantId', 'leaveType', 'start', 'end', 'startHalfDay', 'endHalfDay', 'reason', 'proxyId', 'emergencyCallAt'];
