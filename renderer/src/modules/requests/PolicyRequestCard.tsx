// One request judged by the policy engine, in the approvals inbox (decide it) or in "我提交的"
// (its status, the steps so far, withdraw while pending).
import { useState } from 'react';
import { formatTimestamp } from '../../../../shared/dates';
import { EXPENSE_FIELD_LABELS, EXPENSE_KIND } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import { POLICY_REQUEST_STATUS_LABELS, type PolicyRequest } from '../../../../shared/requests';
import { invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel } from '../../i18n';
import { DecisionForm } from '../approvals/ApprovalCard';
import { useApprovalsMessages } from '../approvals/messages';
import { useKinds } from './kinds';
import { useRequestMessages } from './messages';
import { RequestDetails } from './RequestDetails';

export function PolicyRequestCard(props: { request: PolicyRequest; mode: 'inbox' | 'mine'; onDecided?: () => void; onStale?: () => void; onChanged?: (r: PolicyRequest) => void }) {
  const t = useRequestMessages();
  const ta = useApprovalsMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const kinds = useKinds();
  const [busy, setBusy] = useState(false);
  const { request, mode } = props;
  const kind = kinds?.find((k) => k.kind === request.kind);
  const kindName = kind ? label(kind.label) : request.kind;
  // The figure an approver looks at first: the request's first amount (金额, 交通费合计, 预计费用…).
  const amountField = kind?.fields.find((f) => f.input === 'fen' && typeof request.fields[f.name] === 'number');
  // An expense request's note is its purpose (事由), filed through the expenses module.
  const isExpense = (Object.values(EXPENSE_KIND) as string[]).includes(request.kind);

  async function withdraw() {
    setBusy(true);
    try {
      const saved = await invoke('requests.withdraw', { id: request.id, version: request.version });
      toast('success', t('withdrawn', { id: request.id }));
      props.onChanged?.(saved);
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="panel approval-item" data-testid="approval-item" data-kind="policy" data-request-kind={request.kind} data-id={request.id}>
      <header className="approval-head">
        <span className="badge badge-kind-policy">
          {kindName}
          <span className="mono"> #{request.id}</span>
        </span>
        <span className="approval-customer">{request.applicantName}</span>
        {amountField && (
          <span data-testid="request-amount">
            <span className="muted">{label(amountField.label)}</span> <strong>{formatYuan(request.fields[amountField.name] as number)}</strong>
          </span>
        )}
        <span className="spacer" />
        {mode === 'mine' && <span className={`badge badge-${request.status}`} data-testid="request-status">{label(POLICY_REQUEST_STATUS_LABELS[request.status])}</span>}
      </header>
      <dl className="approval-meta">
        <div>
          <dt>{ta('requestedBy')}</dt>
          <dd>
            {request.applicantName}
            {request.enteredById !== request.applicantId && <span className="muted">（{request.enteredByName} 录入）</span>}
          </dd>
        </div>
        <div>
          <dt>{ta('requestedAt')}</dt>
          <dd>{formatTimestamp(request.createdAt)}</dd>
        </div>
        <div className="approval-reason">
          <dt>{isExpense ? label(EXPENSE_FIELD_LABELS.purpose) : t('note')}</dt>
          <dd className={request.note ? undefined : 'muted'}>{request.note || ta('noReason')}</dd>
        </div>
      </dl>
      <RequestDetails request={request} kind={kind} />
      {mode === 'inbox' && props.onDecided && (
        <DecisionForm
          decide={async (decision, comment) => {
            const saved = await invoke('requests.decide', { id: request.id, version: request.version, decision, comment });
            return decision === 'approve' ? ta('approvedRequest', { kind: kindName, id: saved.id }) : ta('rejectedRequest', { kind: kindName, id: saved.id });
          }}
          onDecided={props.onDecided}
          onStale={props.onStale ?? (() => undefined)}
        />
      )}
      {mode === 'mine' && request.status === 'pending' && (
        <div className="toolbar">
          <span className="spacer" />
          <button type="button" disabled={busy} onClick={() => void withdraw()} data-testid="request-withdraw">
            {t('withdraw')}
          </button>
        </div>
      )}
    </article>
  );
}
