// One leave form: what was asked (type, the period with its half days, the working days the core
// counted, reason, proxy, an emergency's phone call), the engine's findings at submission, the
// approval steps. The applicant (or whoever entered it) withdraws it while pending; anyone who sees
// it prints the A5 请假申请表.
import { useState, type ReactNode } from 'react';
import { formatTimestamp } from '../../../../shared/dates';
import { ROLE_LABELS } from '../../../../shared/domain';
import { LEAVE_TYPE_LABELS, type Leave } from '../../../../shared/leave';
import { STEP_STATUS_LABELS } from '../../../../shared/requests';
import { invoke } from '../../api/client';
import { useDrawerDetail, useDrawerEscape } from '../../app/drawer';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel } from '../../i18n';
import { PrintButton } from '../../print/PrintButton';
import { DecisionView } from '../requests/DecisionView';
import { endText, LeaveStatusBadge, startText } from './leaveColumns';
import { useEmployees } from './employees';
import { useLeaveMessages } from './messages';
import { DrawerFrame } from '../../app/DrawerFrame';

function Fact(props: { label: string; value: ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className={props.wide ? 'fact fact-wide' : 'fact'}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value === '' || props.value === null ? <span className="muted">—</span> : props.value}</dd>
    </div>
  );
}

export function LeaveDrawer(props: { id: number; onClose(): void; onChanged(leave: Leave): void }) {
  const t = useLeaveMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const employees = useEmployees();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { id, onChanged, onClose } = props;
  const { detail, loadError, load } = useDrawerDetail(id, (leaveId) => invoke('leave.get', { id: leaveId }), () => setConfirming(false));

  // Esc backs out of the confirmation, else closes.
  useDrawerEscape(confirming, () => setConfirming(false), onClose);

  const leave = detail?.leave ?? null;
  const mine = leave !== null && (leave.applicantId === me.id || leave.enteredById === me.id);
  const canWithdraw = leave?.status === 'pending' && mine;

  async function withdraw() {
    if (!leave) return;
    setBusy(true);
    try {
      // The request's current version: withdrawing is refused if someone decided meanwhile.
      const request = await invoke('requests.get', { id: leave.requestId });
      await invoke('requests.withdraw', { id: request.id, version: request.version });
      toast('success', t('withdrawn', { no: leave.leaveNo }));
      setConfirming(false);
      const fresh = await load();
      if (fresh) onChanged(fresh.leave);
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const enteredBy = leave && leave.enteredById !== leave.applicantId ? (employees.find((u) => u.id === leave.enteredById)?.displayName ?? `#${leave.enteredById}`) : null;

  return (
    <DrawerFrame
      className="expense-drawer leave-drawer"
      testId="leave-drawer"
      title={leave ? t('detailTitle', { no: leave.leaveNo }) : t('loading')}
      headExtra={
        <>
          {leave && <span className="badge expense-type">{label(LEAVE_TYPE_LABELS[leave.leaveType])}</span>}
          {leave && <LeaveStatusBadge status={leave.status} />}
          {leave?.monthlyFlag && (
            <span className="badge tone-rejected" title={t('monthlyOver')} data-testid="leave-monthly-flag">
              L-MONTHLY
            </span>
          )}
        </>
      }
      closeLabel={t('close')}
      closeTestId="leave-drawer-close"
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
        {detail && leave && (
          <>
            <section className="panel">
              <dl className="expense-facts">
                <Fact label={t('applicant')} value={enteredBy ? t('enteredBy', { name: leave.applicantName, by: enteredBy }) : leave.applicantName} testId="leave-applicant-text" />
                <Fact label={t('colRegion')} value={leave.region} />
                <Fact label={t('colAppliedOn')} value={leave.appliedOn} />
                <Fact label={t('colProxy')} value={leave.proxyName} testId="leave-proxy-text" />
                <Fact label={t('period')} value={`${startText(leave, t)} ~ ${endText(leave, t)}`} testId="leave-period" />
                <Fact label={t('colDays')} value={<span className="num">{t('days', { n: leave.workingDays })}</span>} testId="leave-days" />
                {leave.emergencyCallAt && <Fact label={t('emergencyCall')} value={formatTimestamp(leave.emergencyCallAt)} />}
                <Fact label={t('reason')} value={leave.reason} wide testId="leave-reason-text" />
              </dl>
            </section>

            <section className="panel">
              <h3>{t('findingsTitle')}</h3>
              <DecisionView decision={detail.decision} />
            </section>

            <section className="panel">
              <h3>{t('stepsTitle')}</h3>
              {detail.steps.length === 0 ? (
                <p className="muted small">{t('noSteps')}</p>
              ) : (
                <ol className="request-steps" data-testid="request-steps">
                  {detail.steps.map((step) => (
                    <li key={step.seq} className={`step step-${step.status}`} data-status={step.status}>
                      <span className="step-who">
                        {step.approverName ?? label(ROLE_LABELS[step.role])}
                        {step.approverName && <span className="muted">（{label(ROLE_LABELS[step.role])}）</span>}
                      </span>
                      <span className={`badge badge-step-${step.status}`}>{label(STEP_STATUS_LABELS[step.status])}</span>
                      {step.decidedAt && (
                        <span className="muted">
                          {step.decidedByName} · {formatTimestamp(step.decidedAt)}
                        </span>
                      )}
                      {step.comment && <span className="step-comment">“{step.comment}”</span>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <p className="muted small">{t('createdAt', { at: formatTimestamp(leave.createdAt) })}</p>
          </>
        )}
      </div>

      {leave && (
        <div className="drawer-foot">
          {confirming ? (
            <>
              <span className="confirm-text">{t('withdrawConfirm', { no: leave.leaveNo })}</span>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
                {t('cancel')}
              </button>
              <button type="button" className="danger" onClick={() => void withdraw()} disabled={busy} data-testid="leave-withdraw-confirm">
                {t('withdraw')}
              </button>
            </>
          ) : (
            <>
              <PrintButton target={{ leaveId: leave.id }} label={t('printLeave')} testId="leave-print" />
              <span className="spacer" />
              {canWithdraw && (
                <button type="button" onClick={() => setConfirming(true)} disabled={busy} data-testid="leave-withdraw">
                  {t('withdraw')}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </DrawerFrame>
  );
}
