// One C-NEW application or C-CHANGE request: who asked for what and why, the before → after of
// each field, and (in the inbox) the decision with its comment.
import { useRef, useState } from 'react';
import { REQUEST_STATUS_LABELS } from '../../../../shared/domain';
import { formatTimestamp } from '../../../../shared/dates';
import { ApiError, invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel } from '../../i18n';
import { summaryOf, type ApprovalItem, type CustomerItem } from './items';
import { useApprovalsMessages } from './messages';
import { customerFieldMeta, useFieldValueText } from './values';

const isEmptyValue = (value: unknown) => value === null || value === undefined || value === '';

function ChangeTable({ item }: { item: Extract<ApprovalItem, { kind: 'change' }> }) {
  const t = useApprovalsMessages();
  const label = useLabel();
  const valueText = useFieldValueText();
  return (
    <table className="plain change-table">
      <thead>
        <tr>
          <th>{t('colField')}</th>
          <th>{t('colBefore')}</th>
          <th className="arrow-col" aria-hidden="true" />
          <th>{t('colAfter')}</th>
        </tr>
      </thead>
      <tbody>
        {item.request.changes.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <td className="change-field">{label(customerFieldMeta(change.field)?.label) || change.field}</td>
              <td className={`change-before${isEmptyValue(change.before) ? ' muted' : ''}`}>{valueText(change.field, change.before)}</td>
              <td className="arrow-col" aria-hidden="true">→</td>
              <td className={`change-after${isEmptyValue(change.after) ? ' muted' : ''}`}>{valueText(change.field, change.after)}</td>
            </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Approve / reject with a comment (a rejection needs one). `decide` performs the call and returns
 * the success message; CONFLICT or NOT_FOUND means the list is out of date.
 */
export function DecisionForm({ decide: perform, onDecided, onStale }: { decide: (decision: 'approve' | 'reject', comment: string) => Promise<string>; onDecided: () => void; onStale: () => void }) {
  const t = useApprovalsMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const [comment, setComment] = useState('');
  const [needComment, setNeedComment] = useState(false);
  const [busy, setBusy] = useState(false);
  const commentBox = useRef<HTMLTextAreaElement>(null);

  async function decide(decision: 'approve' | 'reject') {
    if (decision === 'reject' && !comment.trim()) {
      setNeedComment(true);
      commentBox.current?.focus();
      // Keep the message under the box in view, not just the box.
      requestAnimationFrame(() => commentBox.current?.closest('.decision')?.scrollIntoView({ block: 'nearest' }));
      return;
    }
    setBusy(true);
    try {
      toast('success', await perform(decision, comment));
      onDecided();
    } catch (err) {
      toast('error', errorText(err));
      setBusy(false);
      // Decided by someone else meanwhile, or gone: the list is out of date.
      if (err instanceof ApiError && (err.payload.code === 'CONFLICT' || err.payload.code === 'NOT_FOUND')) onStale();
    }
  }

  return (
    <div className="decision">
      <label className={`field decision-comment${needComment ? ' field-invalid' : ''}`}>
        <span className="field-label">{t('comment')}</span>
        <textarea
          ref={commentBox}
          name="comment"
          rows={2}
          maxLength={500}
          value={comment}
          placeholder={t('commentPlaceholder')}
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setNeedComment(false);
          }}
          data-testid="approval-comment"
        />
        {needComment && <span className="field-error" role="alert">{t('commentRequired')}</span>}
      </label>
      <div className="decision-buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')} data-testid="approve-button">
          {busy ? t('deciding') : t('approve')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void decide('reject')} data-testid="reject-button">
          {t('reject')}
        </button>
      </div>
    </div>
  );
}

export function ApprovalCard(props: { item: CustomerItem; mode: 'inbox' | 'mine'; onDecided?: (item: ApprovalItem) => void; onStale?: () => void }) {
  const t = useApprovalsMessages();
  const label = useLabel();
  const { item, mode } = props;
  const s = summaryOf(item);
  return (
    <article className="panel approval-item" data-testid="approval-item" data-kind={item.kind} data-id={s.id}>
      <header className="approval-head">
        <span className={`badge ${item.kind === 'change' ? 'badge-kind-change' : 'badge-kind-application'}`}>
          {item.kind === 'change' ? t('kindChange') : t('kindApplication')}
          <span className="rule-id">{item.kind === 'change' ? 'C-CHANGE' : 'C-NEW'}</span>
        </span>
        <span className="approval-customer">
          <span className="mono">{s.customerNo}</span> {s.customerName}
        </span>
        <span className="spacer" />
        {mode === 'mine' && <span className={`badge badge-${s.status}`}>{label(REQUEST_STATUS_LABELS[s.status])}</span>}
      </header>
      <dl className="approval-meta">
        <div>
          <dt>{t('requestedBy')}</dt>
          <dd>{s.requesterName}</dd>
        </div>
        <div>
          <dt>{t('requestedAt')}</dt>
          <dd>{formatTimestamp(s.at)}</dd>
        </div>
        {item.kind === 'application' && (
          <div>
            <dt>{t('month')}</dt>
            <dd>{item.application.month}</dd>
          </div>
        )}
        <div className="approval-reason">
          <dt>{t('reason')}</dt>
          <dd className={s.reason ? undefined : 'muted'}>{s.reason || t('noReason')}</dd>
        </div>
      </dl>
      {item.kind === 'change' && <ChangeTable item={item} />}
      {mode === 'inbox' && props.onDecided && (
        <DecisionForm
          decide={async (decision, comment) => {
            const input = { id: s.id, decision, comment };
            if (item.kind === 'change') await invoke('approvals.decideChange', input);
            else await invoke('approvals.decideApplication', input);
            const key =
              item.kind === 'change'
                ? decision === 'approve' ? 'approvedChange' : 'rejectedChange'
                : decision === 'approve' ? 'approvedApplication' : 'rejectedApplication';
            return t(key, { customer: s.customerName });
          }}
          onDecided={() => props.onDecided?.(item)}
          onStale={props.onStale ?? (() => undefined)}
        />
      )}
      {mode === 'mine' && (
        <div className="approval-outcome">
          {s.status === 'pending' ? (
            <span className="muted">{t('waiting')}</span>
          ) : (
            <dl className="approval-meta">
              <div>
                <dt>{t('decidedBy')}</dt>
                <dd data-testid="approval-decider">{s.decidedByName ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('decidedAt')}</dt>
                <dd>{s.decidedAt ? formatTimestamp(s.decidedAt) : '—'}</dd>
              </div>
              <div className="approval-reason">
                <dt>{t('comment')}</dt>
                <dd className={s.comment ? undefined : 'muted'}>{s.comment || t('empty')}</dd>
              </div>
            </dl>
          )}
        </div>
      )}
    </article>
  );
}
