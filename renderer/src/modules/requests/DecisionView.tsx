// What the policy engine says about a request: the decision, each finding with its rule id,
// the approval chain in order, and what it computed (caps, deadlines, shares).
import { ROLE_LABELS, type Label } from '../../../../shared/domain';
import type { Decision } from '../../../../shared/policy';
import { useLabel, useLang } from '../../i18n';
import { useRequestMessages } from './messages';
import { computedText } from './values';

/** Names of the engine's computed values (by key, shared by the kinds). */
const COMPUTED_LABELS: Record<string, Label> = {
  capFen: { zh: '标准上限', en: 'Cap' },
  reimbursableFen: { zh: '公司承担', en: 'Company pays' },
  employeeFen: { zh: '个人承担', en: 'Employee pays' },
  workingDays: { zh: '请假工作日', en: 'Working days' },
  requiredNoticeDays: { zh: '须提前天数', en: 'Notice required (days)' },
  noticeDays: { zh: '实际提前天数', en: 'Notice given (days)' },
  fineFen: { zh: '罚款', en: 'Fine' },
  discountPct: { zh: '折扣', en: 'Discount' },
  handleDueAt: { zh: '处理期限', en: 'Handle by' },
  respondDueAt: { zh: '答复期限', en: 'Respond by' },
  slipDueDate: { zh: '投诉单期限', en: 'Slip due' },
  countsForMonth: { zh: '计入当月业绩', en: 'Counts for the month' },
  perDiemFen: { zh: '出差包干', en: 'Per diem' },
  newBalanceFen: { zh: '下单后欠款', en: 'Balance after order' },
  overLimitFen: { zh: '超出额度', en: 'Over the limit' },
  bonusFen: { zh: '奖金', en: 'Bonus' },
  achievementPct: { zh: '达成率', en: 'Achievement' },
  pointsDeducted: { zh: '扣分', en: 'Points deducted' },
  fileBy: { zh: '最迟报销日', en: 'File by' },
  costFen: { zh: '人员与销售费用', en: 'Staff and sales cost' },
  sharePct: { zh: '占预计新增收入', en: 'Share of projected revenue' },
  qualifies: { zh: '符合月结条件', en: 'Qualifies' },
  jointLiability: { zh: '业务员连带责任', en: 'Rep jointly liable' },
  lodgingAllowed: { zh: '可报住宿', en: 'Lodging allowed' },
  countsAsTravelDay: { zh: '计为出差日', en: 'Counts as a travel day' },
  seriousViolation: { zh: '严重违纪', en: 'Serious violation' },
  delayRisk: { zh: '交货延迟风险', en: 'Delay risk' },
  deadline: { zh: '截止日期', en: 'Deadline' },
};

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
