// 签卡申请 (DOMAIN §8 A-CLOCK): a missed clock-in is applied for by the end of the next working day and
// approved by the manager. The form is judged live (attendance.signCardPreview: the deadline and
// whether it has passed, the approver); beside it the month's sign cards with their status.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import { SIGN_CARD_STATUS_LABELS, type SignCard } from '../../../../shared/attendance';
import type { Decision } from '../../../../shared/policy';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { issuesByField } from '../expenses/expenseValues';
import { useEmployees } from '../leave/employees';
import { MonthSwitcher } from '../leave/LeaveCalendar';
import { DecisionView } from '../requests/DecisionView';
import { formKeyDown } from '../requests/KindFields';
import { ON_BEHALF_ROLES } from '../requests/values';
import { useAttendanceMessages } from './messages';
import { normalizeTime } from './RecordsPanel';

const PREVIEW_DELAY_MS = 300;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const TONE = { pending: 'pending', approved: 'approved', rejected: 'rejected', withdrawn: 'muted' } as const;

export function SignCardsPanel(props: { month: string; onMonth(month: string): void }) {
  const t = useAttendanceMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const employees = useEmployees();
  const formRef = useRef<HTMLDivElement>(null);
  const { month } = props;

  const [cards, setCards] = useState<SignCard[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [applicantId, setApplicantId] = useState<number | null>(null);
  const [missedOn, setMissedOn] = useState('');
  const [clockIn, setClockIn] = useState('');
  const [clockOut, setClockOut] = useState('');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checking, setChecking] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadList = useCallback(() => {
    let alive = true;
    invoke('attendance.signCards', { month })
      .then((list) => alive && (setCards(list), setListError(null)))
      .catch((e: unknown) => alive && (setCards(null), setListError(errorText(e))));
    return () => {
      alive = false;
    };
  }, [month, errorText]);
  useEffect(() => loadList(), [loadList]);

  const inText = normalizeTime(clockIn);
  const outText = normalizeTime(clockOut);
  const local: Record<string, string> = {};
  if (inText && !TIME_RE.test(inText)) local.clockIn = t('badTime');
  if (outText && !TIME_RE.test(outText)) local.clockOut = t('badTime');
  const localKey = Object.keys(local).join();

  const input = useMemo(
    (): ChannelInput<'attendance.signCard'> | null =>
      missedOn ? { ...(applicantId !== null ? { applicantId } : {}), missedOn, clockIn: inText && TIME_RE.test(inText) ? inText : null, clockOut: outText && TIME_RE.test(outText) ? outText : null, reason: reason.trim() } : null,
    [applicantId, missedOn, inText, outText, reason],
  );
  const previewKey = input && !localKey ? JSON.stringify({ ...input, reason: '—' }) : null;

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
      invoke('attendance.signCardPreview', JSON.parse(previewKey) as ChannelInput<'attendance.signCardPreview'>)
        .then((d) => alive && (setDecision(d), setServerErrors({}), setFormError(null)))
        .catch((error: unknown) => {
          if (!alive) return;
          setDecision(null);
          const issues = issuesByField(error, lang);
          setServerErrors(issues);
          if (!Object.keys(issues).length) setFormError(errorText(error));
        })
        .finally(() => alive && setChecking(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [previewKey, lang, errorText]);

  const blocks = decision?.findings.filter((f) => f.severity === 'block') ?? [];
  const why = !missedOn
    ? t('whyIncomplete')
    : localKey || Object.keys(serverErrors).length
      ? t('whyErrors')
      : checking || !decision
        ? t('checking')
        : decision.decision === 'deny'
          ? t('whyBlocked', { reasons: blocks.map((b) => `${b.ruleId} ${lang === 'zh' ? b.message : b.messageEn}`).join('；') })
          : !reason.trim()
            ? t('whyIncomplete')
            : null;

  async function submit() {
    if (busy) return;
    if (why !== null || !input) {
      const req: Record<string, string> = {};
      if (!missedOn) req.missedOn = t('required');
      if (!reason.trim()) req.reason = t('required');
      setMissing(req);
      return;
    }
    setBusy(true);
    try {
      const saved = await invoke('attendance.signCard', input);
      toast('success', t('submittedSignCard', { trail: saved.trail }));
      setMissedOn('');
      setClockIn('');
      setClockOut('');
      setReason('');
      setMissing({});
      loadList();
    } catch (error) {
      const issues = issuesByField(error, lang);
      setServerErrors(issues);
      if (!Object.keys(issues).length) setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    formKeyDown(event, { root: formRef.current, submit: () => void submit(), ctrlS: false });
  }

  const errorOf = (name: string) => missing[name] ?? local[name] ?? serverErrors[name];
  const onBehalf = ON_BEHALF_ROLES.includes(me.role);

  return (
    <div className="att-panel" data-testid="attendance-signcards">
      <div className="panel att-signcard" onKeyDown={onKeyDown}>
        <div className="section-head">
          <h3>{t('signCardTitle')}</h3>
          <span className="muted small">{t('keysHint')}</span>
        </div>
        <p className="muted small">{t('signCardHint')}</p>
        <div className="att-signcard-body">
          <div ref={formRef} className="request-form" data-testid="signcard-form">
            {formError && (
              <div className="form-error field-wide" role="alert">
                {formError}
              </div>
            )}
            {onBehalf ? (
              <Field label={t('applicantFor')} error={errorOf('applicantId')}>
                <select name="applicantId" value={applicantId ?? ''} onChange={(e) => setApplicantId(e.target.value ? Number(e.target.value) : null)} data-testid="signcard-applicant">
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
                <input value={me.displayName} disabled />
              </Field>
            )}
            <Field label={`${t('missedOn')} *`} error={errorOf('missedOn')}>
              <input type="date" name="missedOn" value={missedOn} aria-invalid={errorOf('missedOn') ? true : undefined} onChange={(e) => (setMissedOn(e.target.value), setMissing({}))} data-testid="signcard-date" />
            </Field>
            <Field label={t('clockIn')} error={errorOf('clockIn')} hint={t('timeHint')}>
              <input name="clockIn" className="time-input" value={clockIn} placeholder="08:20" maxLength={5} autoComplete="off" aria-invalid={errorOf('clockIn') ? true : undefined} onChange={(e) => setClockIn(e.target.value)} data-testid="signcard-in" />
            </Field>
            <Field label={t('clockOut')} error={errorOf('clockOut')} hint={t('timeHint')}>
              <input name="clockOut" className="time-input" value={clockOut} placeholder="17:30" maxLength={5} autoComplete="off" aria-invalid={errorOf('clockOut') ? true : undefined} onChange={(e) => setClockOut(e.target.value)} data-testid="signcard-out" />
            </Field>
            <Field label={`${t('reason')} *`} error={errorOf('reason')} wide>
              <input name="reason" value={reason} maxLength={500} placeholder={t('reasonPlaceholder')} autoComplete="off" aria-invalid={errorOf('reason') ? true : undefined} onChange={(e) => setReason(e.target.value)} data-testid="signcard-reason" />
            </Field>
          </div>
          <aside className="request-preview" aria-live="polite" data-testid="signcard-preview">
            <h3>{t('preview')}</h3>
            {decision ? <DecisionView decision={decision} /> : <p className="muted">{checking ? t('checking') : t('previewIncomplete')}</p>}
          </aside>
        </div>
        <div className="att-signcard-foot">
          <span className={`submit-why${decision?.decision === 'deny' ? ' is-blocked' : ''}`} data-testid="signcard-why">
            {why ?? ''}
          </span>
          <span className="spacer" />
          <button type="button" className="primary" disabled={why !== null || busy} onClick={() => void submit()} data-testid="signcard-submit" title="Ctrl+Enter">
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      </div>

      <div className="toolbar">
        <h3 className="att-list-title">{t('signCardsList')}</h3>
        <MonthSwitcher month={month} onChange={props.onMonth} testId="signcards-month" />
      </div>
      {listError && (
        <div className="form-error" role="alert">
          {listError}
        </div>
      )}
      <div className="panel panel-table att-host">
        <table className="plain">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th>{t('missedOn')}</th>
              <th>{t('colApplied')}</th>
              <th>{t('colIn')}</th>
              <th>{t('colOut')}</th>
              <th>{t('colReason')}</th>
              <th>{t('colStatus')}</th>
              <th>{t('colTrail')}</th>
              <th>{t('findings')}</th>
            </tr>
          </thead>
          <tbody>
            {cards?.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  {t('noSignCards')}
                </td>
              </tr>
            )}
            {cards?.map((c) => (
              <tr key={c.id} data-testid="signcard-row" data-status={c.status}>
                <td className="nowrap">{c.userName}</td>
                <td className="nowrap">{c.missedOn}</td>
                <td className="nowrap">{c.appliedOn}</td>
                <td className="mono">{c.clockIn ?? '—'}</td>
                <td className="mono">{c.clockOut ?? '—'}</td>
                <td>{c.reason}</td>
                <td>
                  <span className={`badge tone-${TONE[c.status]}`}>{label(SIGN_CARD_STATUS_LABELS[c.status])}</span>
                </td>
                <td className="small">{c.trail}</td>
                <td className="small pre-line">{c.findingsText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
