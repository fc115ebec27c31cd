// A submitted request as approvers and the applicant see it: its fields by their labels, the
// engine's judgement at submission, and the approval steps with who decided and why.
import { formatTimestamp } from '../../../../shared/dates';
import { ROLE_LABELS } from '../../../../shared/domain';
import type { Decision, KindInfo } from '../../../../shared/policy';
import { STEP_STATUS_LABELS, type RequestStep } from '../../../../shared/requests';
import { useLabel } from '../../i18n';
import { DecisionView } from './DecisionView';
import { useRequestMessages } from './messages';
import { valueText } from './values';

/** What is shown of a request: a policy request, or the request behind an expense (expenses.get). */
export interface RequestParts {
  fields: Record<string, unknown>;
  decision: Decision;
  steps: RequestStep[];
}

export function RequestDetails({ request, kind, hidden = [] }: { request: RequestParts; kind: KindInfo | undefined; hidden?: readonly string[] }) {
  const t = useRequestMessages();
  const label = useLabel();
  const yesNo = { yes: t('yes'), no: t('no') };
  const fields = kind?.fields ?? [];
  const names = [...fields.map((f) => f.name).filter((n) => n in request.fields), ...Object.keys(request.fields).filter((n) => !fields.some((f) => f.name === n))].filter(
    (n) => !hidden.includes(n),
  );
  return (
    <div className="request-details">
      <table className="plain request-fields" data-testid="request-fields">
        <tbody>
          {names.map((name) => {
            const field = fields.find((f) => f.name === name);
            return (
              <tr key={name} data-field={name}>
                <th>{field ? label(field.label) : name}</th>
                <td>{valueText(field, request.fields[name], label, yesNo)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('findingsTitle')}</h4>
      <DecisionView decision={request.decision} />
      {request.steps.length > 0 && (
        <>
          <h4>{t('stepsTitle')}</h4>
          <ol className="request-steps" data-testid="request-steps">
            {request.steps.map((step) => (
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
        </>
      )}
    </div>
  );
}
