// What the policy engine says about a request: the decision, each finding with its rule id,
// the approval chain in order, and what it computed (caps, deadlines, shares).
import { ROLE_LABELS } from '../../../../shared/domain';
import { COMPUTED_LABELS, type Decision } from '../../../../shared/policy';
import { useLabel, useLang } from '../../i18n';
import { useRequestMessages } from './messages';
import { computedText } from './values';


const SEVERITY_ICON = { block: '✕', approval: '✓', warn: '!', info: 'i' } as const;

export function DecisionView({ decision, compact = false }: { decision: Decision; compact?: boolean }) {
  const t = useRequestMessages();
  const label = useLabel();
  const { lang } = useLang();
  const yesNo = { yes: t('yes'), no: t('no') };
  const headline = decision.decision === 'allow' ? t('decisionAllow') : decision.decision === 'deny' ? t('decisionDeny') : t('decisionNeedsApproval');
  const computed = Object.entries(decision.computed).filter(([, v]) => v !== undefined);
  return (
    <div className={`decision-view decision-${decision.decision}`} data-testid="decision-view" data-decision={decision.decision}>
      <div className="decision-headline">
        <strong>{headline}</strong>
        {decision.approvals.length > 0 && (
          <span className="approval-chain" data-testid="approval-chain">
            {decision.approvalSteps.map((step, i) => (
              <span key={i} className="chain-step">
                {i > 0 && <span aria-hidden="true"> → </span>}
                {label(ROLE_LABELS[step.role])}
                {step.superior && <span className="muted">（{t('directSuperior')}）</span>}
              </span>
            ))}
          </span>
        )}
      </div>
      {decision.findings.length > 0 && (
        <ul className="findings">
          {decision.findings.map((f, i) => (
            <li key={i} className={`finding finding-${f.severity}`} data-testid="finding" data-rule={f.ruleId} data-severity={f.severity}>
              <span className="finding-icon" aria-hidden="true">
                {SEVERITY_ICON[f.severity]}
              </span>
              <span className="rule-id">{f.ruleId}</span>
              <span className="finding-text">{lang === 'zh' ? f.message : f.messageEn}</span>
            </li>
          ))}
        </ul>
      )}
      {!compact && computed.length > 0 && (
        <dl className="computed">
          {computed.map(([key, value]) => (
            <div key={key} data-key={key}>
              <dt>{COMPUTED_LABELS[key] ? label(COMPUTED_LABELS[key]) : key}</dt>
              <dd>{computedText(key, value, yesNo)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
