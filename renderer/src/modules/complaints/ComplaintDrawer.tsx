// One complaint: what was received, the three deadlines (P-HANDLE, P-RESPOND, P-SLIP) with their
// countdown or whether they were met, the engine's findings now, the handling record, and the steps
// the core allows the caller (detail.allowed): 填写投诉单, 处理, 升级至经理, 答复客户, 整改完成 (with any
// compensation), 客户确认, 归档, 管理层评审, 备注 — each with a note. 归档 stays offered while the
// complaint is open so the rule can be read: the core refuses it before the customer's confirmation
// (P-CLOSE) and its message is shown here. Prints the 客户投诉单 on A5 or A4.
import { useState, type ReactNode } from 'react';
import { chineseAmount } from '../../../../shared/chineseAmount';
import { COMPLAINT_ACTION_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, type Complaint, type ComplaintDetail } from '../../../../shared/complaints';
import { formatTimestamp } from '../../../../shared/dates';
import { formatYuan, parseYuanToFen } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useDrawerDetail, useDrawerEscape } from '../../app/drawer';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { PrintButton } from '../../print/PrintButton';
import { issuesByField } from '../expenses/expenseValues';
import { ComplaintStatusBadge, CountdownText, SeverityBadge } from './complaintColumns';
import { DEADLINE_KEYS, DEADLINE_RULE, dueInstant, doneAt, localInputToIso, wallTime, type DeadlineKey } from './complaintValues';
import { useComplaintMessages } from './messages';
import { useEmployees } from './useEmployees';
import { DrawerFrame } from '../../app/DrawerFrame';

type Step = ComplaintDetail['allowed'][number];
/** The order the buttons stand in. */
const STEP_ORDER: readonly Step[] = ['slip', 'handle', 'escalate', 'respond', 'resolve', 'confirm', 'archive', 'review', 'note'];

function Fact(props: { label: string; value: ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className={props.wide ? 'fact fact-wide' : 'fact'}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value === '' || props.value === null ? <span className="muted">—</span> : props.value}</dd>
    </div>
  );
}

/** A timestamp as "YYYY-MM-DDTHH:mm" for a datetime-local input. */
const toInput = (iso: string | null) => (iso ? iso.slice(0, 16) : '');

export function ComplaintDrawer(props: { id: number; onClose(): void; onChanged(complaint: Complaint): void }) {
  const t = useComplaintMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const employees = useEmployees();
  const { id, onChanged, onClose } = props;
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // the step's inputs
  const [note, setNote] = useState('');
  const [compensation, setCompensation] = useState('');
  const [confirmedBy, setConfirmedBy] = useState('');
  const [major, setMajor] = useState(false);
  const [slip, setSlip] = useState({ occurredAt: '', course: '', responsibleId: '', workOrderNo: '' });

  const { detail, loadError, load } = useDrawerDetail(
    id,
    (complaintId) => invoke('complaints.get', { id: complaintId }),
    () => {
      setStep(null);
      setRefusal(null);
    },
  );

  // Esc backs out of a step, else closes.
  useDrawerEscape(Boolean(step), () => setStep(null), onClose);

  const complaint = detail?.complaint ?? null;

  function begin(next: Step) {
    if (!complaint) return;
    setStep(next);
    setRefusal(null);
    setErrors({});
    setNote('');
    setCompensation(complaint.compensationFen > 0 ? (complaint.compensationFen / 100).toFixed(2) : '');
    setConfirmedBy(complaint.confirmedBy);
    setMajor(complaint.severity === 'major');
    setSlip({
      occurredAt: toInput(complaint.occurredAt),
      course: complaint.course,
      responsibleId: complaint.responsibleId === null ? '' : String(complaint.responsibleId),
      workOrderNo: complaint.workOrderNo || complaint.orderNo || '',
    });
    window.setTimeout(() => document.querySelector<HTMLElement>('[data-testid=complaint-step] [data-autofocus]')?.focus());
  }

  async function perform(run: () => Promise<Complaint>, done: string) {
    setBusy(true);
    setRefusal(null);
    try {
      const saved = await run();
      toast('success', done);
      setStep(null);
      onChanged(saved);
      await load();
    } catch (error) {
      const issues = issuesByField(error, lang);
      setErrors(issues);
      // Beside the field when the step shows it; the rest (P-CLOSE, a wrong status) above the buttons.
      const shown = Object.keys(issues).some((k) => ['note', 'compensationFen', 'confirmedBy', 'occurredAt', 'course', 'responsibleId', 'workOrderNo'].includes(k));
      if (!shown) setRefusal(t('refused', { error: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  function submitStep() {
    if (!complaint || !step || busy) return;
    const actionLabel = label(COMPLAINT_ACTION_LABELS[step]);
    if (step === 'slip') {
      const occurredAt = localInputToIso(slip.occurredAt);
      void perform(
        () =>
          invoke('complaints.fileSlip', {
            id: complaint.id,
            version: complaint.version,
            occurredAt: occurredAt ?? '',
            course: slip.course.trim(),
            responsibleId: slip.responsibleId ? Number(slip.responsibleId) : 0,
            workOrderNo: slip.workOrderNo.trim(),
          }),
        t('slipSaved'),
      );
      return;
    }
    let compensationFen: number | undefined;
    if (step === 'resolve' && compensation.trim() !== '') {
      const fen = parseYuanToFen(compensation);
      if (fen === null || fen < 0) {
        setErrors({ compensationFen: t('compensationBad') });
        return;
      }
      compensationFen = fen;
    }
    if (step === 'confirm' && !confirmedBy.trim()) {
      setErrors({ confirmedBy: t('confirmedByRequired') });
      return;
    }
    void perform(
      () =>
        invoke('complaints.act', {
          id: complaint.id,
          version: complaint.version,
          action: step,
          note: note.trim(),
          ...(compensationFen !== undefined ? { compensationFen } : {}),
          ...(step === 'confirm' ? { confirmedBy: confirmedBy.trim() } : {}),
          ...((step === 'escalate' || step === 'review') && major !== (complaint.severity === 'major') ? { severity: major ? ('major' as const) : ('normal' as const) } : {}),
        }),
      t('done', { action: actionLabel }),
    );
  }

  // The steps offered: the core's, and 归档 while the complaint is open and the caller handles it (P-CLOSE then speaks).
  const allowed = new Set<Step>(detail?.allowed ?? []);
  if (complaint && complaint.status !== 'archived' && allowed.has('slip')) allowed.add('archive');
  const steps = STEP_ORDER.filter((s) => allowed.has(s));

  const deadlineRow = (key: DeadlineKey) => {
    if (!complaint) return null;
    const done = doneAt(complaint, key);
    const due = key === 'slip' ? complaint.slipDueDate : wallTime(key === 'handle' ? complaint.handleDueAt : complaint.respondDueAt);
    const late = done !== null && Date.parse(done) > dueInstant(complaint, key);
    const title = key === 'handle' ? t('colHandle') : key === 'respond' ? t('colRespond') : t('colSlip');
    return (
      <tr key={key} data-testid={`deadline-${key}`} data-met={done === null ? 'open' : late ? 'late' : 'met'}>
        <td>
          <span className="rule-id">{DEADLINE_RULE[key]}</span> {title}
        </td>
        <td className="nowrap">{due}</td>
        <td className="nowrap">{done ? wallTime(done) : ''}</td>
        <td className="nowrap">
          {done === null ? <CountdownText complaint={complaint} which={key} testId={`drawer-countdown-${key}`} /> : <span className={late ? 'countdown countdown-late' : 'countdown countdown-done'}>{late ? t('late') : t('met')}</span>}
        </td>
      </tr>
    );
  };

  return (
    <DrawerFrame
      className="complaint-drawer"
      testId="complaint-drawer"
      title={complaint ? t('detailTitle', { no: complaint.complaintNo }) : t('loading')}
      headExtra={
        <>
          {complaint && <SeverityBadge severity={complaint.severity} />}
          {complaint && <ComplaintStatusBadge status={complaint.status} />}
        </>
      }
      closeLabel={t('close')}
      closeTestId="complaint-drawer-close"
      closeAutoFocus
      onClose={onClose}
    >

      <div className="drawer-body">
        {loadError && (
          <div className="form-error" role="alert">
            {loadError}
          </div>
        )}
        {!detail && !loadError && <div className="muted">{t('loading')}</div>}
        {detail && complaint && (
          <>
            <section className="panel">
              <dl className="complaint-facts">
                <Fact label={t('customer')} value={`${complaint.customerNo} ${complaint.customerName}`} testId="complaint-customer-text" />
                <Fact label={t('order')} value={complaint.orderNo ?? ''} />
                <Fact label={t('workOrderNo')} value={complaint.workOrderNo} />
                <Fact label={t('colSource')} value={label(COMPLAINT_SOURCE_LABELS[complaint.source])} testId="complaint-source-text" />
                <Fact label={t('receivedAt')} value={wallTime(complaint.receivedAt)} />
                <Fact label={t('occurredAt')} value={wallTime(complaint.occurredAt)} />
                <Fact label={t('owner')} value={complaint.ownerName ?? ''} />
                <Fact label={t('responsible')} value={complaint.responsibleName ?? ''} testId="complaint-responsible-text" />
                <Fact label={t('summary')} value={complaint.summary} wide testId="complaint-summary-text" />
                <Fact label={t('course')} value={complaint.course} wide />
                {complaint.escalatedAt && <Fact label={t('escalatedTo')} value={`${complaint.escalatedToName ?? ''}（${wallTime(complaint.escalatedAt)}）`} testId="complaint-escalated-to" />}
                {complaint.reviewedAt && <Fact label={t('reviewedBy')} value={`${complaint.reviewedByName ?? ''}（${wallTime(complaint.reviewedAt)}）`} />}
                {complaint.compensationFen > 0 && (
                  <Fact
                    label={t('compensation')}
                    value={
                      <span>
                        <span className="num">{formatYuan(complaint.compensationFen)}</span> <span className="muted small">{chineseAmount(complaint.compensationFen)}</span>
                      </span>
                    }
                    testId="complaint-compensation"
                  />
                )}
                {complaint.confirmedAt && <Fact label={t('confirmedBy')} value={`${complaint.confirmedBy}（${wallTime(complaint.confirmedAt)}）`} testId="complaint-confirmed-by" />}
              </dl>
            </section>

            <section className="panel panel-table" data-testid="complaint-deadlines">
              <h3 className="table-title">{t('deadlines')}</h3>
              <table className="plain">
                <thead>
                  <tr>
                    <th>{t('deadline')}</th>
                    <th>{t('dueCol')}</th>
                    <th>{t('doneCol')}</th>
                    <th>{t('stateCol')}</th>
                  </tr>
                </thead>
                <tbody>{DEADLINE_KEYS.map(deadlineRow)}</tbody>
              </table>
            </section>

            <section className="panel" data-testid="complaint-findings">
              <h3>{t('findings')}</h3>
              {detail.decision.findings.length === 0 ? (
                <p className="muted small">{t('noFindings')}</p>
              ) : (
                // The findings alone: a complaint is not approved, the rules only say what was late and who must look.
                <ul className="findings">
                  {detail.decision.findings.map((f, i) => (
                    <li key={i} className={`finding finding-${f.severity}`} data-testid="finding" data-rule={f.ruleId} data-severity={f.severity}>
                      <span className="finding-icon" aria-hidden="true">
                        {f.severity === 'block' ? '✕' : '!'}
                      </span>
                      <span className="rule-id">{f.ruleId}</span>
                      <span className="finding-text">{lang === 'zh' ? f.message : f.messageEn}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section className="panel" data-testid="complaint-record">
              <h3>{t('record')}</h3>
              {detail.actions.length === 0 ? (
                <p className="muted small">{t('recordEmpty')}</p>
              ) : (
                <ol className="complaint-timeline">
                  {detail.actions.map((a, i) => (
                    <li key={i} data-testid="complaint-action" data-action={a.action}>
                      <span className="timeline-at">{wallTime(a.at)}</span>
                      <span className="timeline-what">
                        <strong>{label(COMPLAINT_ACTION_LABELS[a.action])}</strong> · {a.byName}
                        {a.fromStatus !== a.toStatus && (
                          <span className="muted small">
                            {' '}
                            {a.fromStatus ? `${label(COMPLAINT_STATUS_LABELS[a.fromStatus])} → ` : ''}
                            {label(COMPLAINT_STATUS_LABELS[a.toStatus])}
                          </span>
                        )}
                      </span>
                      {a.note && <span className="timeline-note">{a.note}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <p className="muted small">
              {t('createdAt', { at: formatTimestamp(complaint.createdAt) })} · {t('enteredBy')} {complaint.enteredByName}
            </p>
          </>
        )}
      </div>

      {complaint && step && (
        <div
          className="drawer-subform complaint-step"
          data-testid="complaint-step"
          data-step={step}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              submitStep();
            }
          }}
        >
          <h3>{label(COMPLAINT_ACTION_LABELS[step])}</h3>
          {step === 'archive' && <p className="muted small">{t('archiveRule')}</p>}
          {step === 'slip' ? (
            <div className="form-grid">
              <p className="muted small field-wide">{t('slipHint')}</p>
              <Field label={`${t('occurredAt')} *`} error={errors.occurredAt}>
                <input type="datetime-local" data-autofocus value={slip.occurredAt} onChange={(e) => setSlip((s) => ({ ...s, occurredAt: e.target.value }))} data-testid="slip-occurred-at" />
              </Field>
              <Field label={`${t('responsible')} *`} error={errors.responsibleId}>
                <select value={slip.responsibleId} onChange={(e) => setSlip((s) => ({ ...s, responsibleId: e.target.value }))} data-testid="slip-responsible">
                  <option value="">{t('nobody')}</option>
                  {employees.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.displayName}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={`${t('workOrderNo')} *`} error={errors.workOrderNo}>
                <input value={slip.workOrderNo} maxLength={40} onChange={(e) => setSlip((s) => ({ ...s, workOrderNo: e.target.value }))} data-testid="slip-work-order" />
              </Field>
              <Field label={`${t('course')} *`} error={errors.course} wide>
                <textarea rows={3} maxLength={2000} value={slip.course} onChange={(e) => setSlip((s) => ({ ...s, course: e.target.value }))} data-testid="slip-course" />
              </Field>
            </div>
          ) : (
            <div className="form-grid">
              {step === 'resolve' && (
                <Field label={t('compensationYuan')} error={errors.compensationFen} hint={parseYuanToFen(compensation) ? chineseAmount(parseYuanToFen(compensation) ?? 0) : t('optional')}>
                  <input data-autofocus inputMode="decimal" className="input-number" value={compensation} onChange={(e) => (setCompensation(e.target.value), setErrors({}))} data-testid="step-compensation" />
                </Field>
              )}
              {step === 'confirm' && (
                <Field label={`${t('confirmedBy')} *`} error={errors.confirmedBy}>
                  <input data-autofocus maxLength={50} value={confirmedBy} onChange={(e) => (setConfirmedBy(e.target.value), setErrors({}))} data-testid="step-confirmed-by" />
                </Field>
              )}
              {(step === 'escalate' || step === 'review') && (
                <label className="field-check">
                  <input type="checkbox" checked={major} onChange={(e) => setMajor(e.target.checked)} data-testid="step-major" />
                  {t('markMajor')}
                </label>
              )}
              <Field label={step === 'confirm' ? t('customerWords') : t('note')} error={errors.note} wide>
                <textarea
                  rows={2}
                  maxLength={1000}
                  value={note}
                  {...(step === 'resolve' || step === 'confirm' ? {} : { 'data-autofocus': true })}
                  placeholder={step === 'confirm' ? t('customerWordsPlaceholder') : t('notePlaceholder')}
                  onChange={(e) => (setNote(e.target.value), setErrors({}))}
                  data-testid="step-note"
                />
              </Field>
            </div>
          )}
          {refusal && (
            <div className="form-error" role="alert" data-testid="complaint-refusal">
              {refusal}
            </div>
          )}
          <div className="step-buttons">
            <span className="muted small">Ctrl+Enter · Esc</span>
            <span className="spacer" />
            <button type="button" onClick={() => setStep(null)} disabled={busy}>
              {t('cancel')}
            </button>
            <button type="button" className="primary" onClick={submitStep} disabled={busy} data-testid="step-submit">
              {step === 'slip' ? t('saveSlip') : t('doAction', { action: label(COMPLAINT_ACTION_LABELS[step]) })}
            </button>
          </div>
        </div>
      )}

      {complaint && (
        <div className="drawer-foot complaint-foot">
          <PrintButton target={{ complaintId: complaint.id }} label={t('print')} testId="complaint-print" />
          <span className="spacer" />
          {steps.map((s) => (
            <button
              key={s}
              type="button"
              className={step === s ? 'primary' : undefined}
              aria-pressed={step === s}
              onClick={() => begin(s)}
              disabled={busy}
              title={s === 'archive' ? t('archiveRule') : undefined}
              data-testid={`complaint-step-${s}`}
            >
              {label(COMPLAINT_ACTION_LABELS[s])}
            </button>
          ))}
        </div>
      )}
    </DrawerFrame>
  );
}
