// 报销单: my reimbursements, those awaiting payment (finance's work list) and, for those who see
// everyone's, all of them; 新建报销单 files one and opens it with the amounts the core worked out.
import { useCallback, useEffect, useState } from 'react';
import { formatTimestamp } from '../../../../shared/dates';
import { EXPENSE_PAYER_ROLES, EXPENSE_SEE_ALL_ROLES, EXPENSE_TYPE_LABELS, type Claim } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel } from '../../i18n';
import { ClaimDrawer, ClaimStatusBadge, PayableText } from './ClaimDrawer';
import { ClaimForm } from './ClaimForm';
import { useExpenseMessages } from './messages';

type View = 'mine' | 'submitted' | 'all';

export function ClaimsPanel() {
  const t = useExpenseMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const payer = EXPENSE_PAYER_ROLES.includes(me.role);
  const seesAll = EXPENSE_SEE_ALL_ROLES.includes(me.role) || me.role === 'supervisor';
  const [view, setView] = useState<View>(payer ? 'submitted' : 'mine');
  const [claims, setClaims] = useState<Claim[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Claim | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await invoke('claims.list', view === 'mine' ? { applicantId: me.id } : view === 'submitted' ? { status: 'submitted' } : {});
      setClaims(list);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [view, me.id, errorText]);

  useEffect(() => {
    setClaims(null);
    void load();
  }, [load]);

  const views: { key: View; text: string }[] = [
    { key: 'mine', text: t('claimsMine') },
    { key: 'submitted', text: t('claimsSubmitted') },
    ...(seesAll ? [{ key: 'all' as const, text: t('claimsAll') }] : []),
  ];

  return (
    <section className="claims-panel" data-testid="claims-panel">
      <div className="toolbar">
        <div className="tabs" role="tablist">
          {views.map((v) => (
            <button
              key={v.key}
              type="button"
              role="tab"
              aria-selected={view === v.key}
              className={view === v.key ? 'tab active' : 'tab'}
              onClick={() => setView(v.key)}
              data-testid={`claims-view-${v.key}`}
            >
              {v.text}
              {view === v.key && claims && <span className="tab-count">{claims.length}</span>}
            </button>
          ))}
        </div>
        <span className="muted small">{payer ? t('claimsPayerHint') : t('claimsHint')}</span>
        <span className="spacer" />
        <button type="button" onClick={() => void load()}>
          {t('refresh')}
        </button>
        <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="claims-new">
          {t('claimNew')}
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {t('loadFailed', { error })}
        </div>
      )}
      {claims === null && !error && <div className="panel empty-state muted">{t('loading')}</div>}
      {claims && claims.length === 0 && (
        <div className="panel empty-state">
          <p className="empty-title">{view === 'submitted' ? t('claimsNoneSubmitted') : t('claimsNone')}</p>
          <p className="muted">{t('claimsNoneHint')}</p>
        </div>
      )}
      {claims && claims.length > 0 && (
        <div className="panel panel-table claims-table-host">
          <table className="plain claims-table" data-testid="claims-table">
            <thead>
              <tr>
                <th>{t('claimNo')}</th>
                <th>{t('applicant')}</th>
                <th>{t('claimItemsTitle')}</th>
                <th className="num">{t('claimedTotal')}</th>
                <th className="num">{t('reimbursable')}</th>
                <th className="num">{t('advanceOffset')}</th>
                <th className="num">{t('payableOrRefund')}</th>
                <th>{t('colStatus')}</th>
                <th>{t('claimSubmittedAt')}</th>
                <th>{t('claimOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((c) => (
                <tr key={c.id} data-testid="claim-row" data-claim={c.claimNo} className="clickable" onClick={() => setOpen(c)}>
                  <td>
                    <button type="button" className="link inline-link mono" onClick={() => setOpen(c)} data-testid="claim-open">
                      {c.claimNo}
                    </button>
                  </td>
                  <td>{c.applicantName}</td>
                  <td className="claim-items-cell">{t('itemsSummary', { n: c.items.length, types: [...new Set(c.items.map((i) => label(EXPENSE_TYPE_LABELS[i.type])))].join('、') })}</td>
                  <td className="num">{formatYuan(c.claimedFen)}</td>
                  <td className="num">{formatYuan(c.reimbursableFen)}</td>
                  <td className="num">{c.advanceFen ? `−${formatYuan(c.advanceFen)}` : '—'}</td>
                  <td className="num">{c.status === 'returned' ? <span className="muted">—</span> : <PayableText fen={c.payableFen} />}</td>
                  <td>
                    <ClaimStatusBadge status={c.status} />
                  </td>
                  <td className="nowrap">{formatTimestamp(c.createdAt)}</td>
                  <td className="muted small">
                    {c.status === 'paid' && c.paidAt ? `${c.paidByName ?? ''} ${formatTimestamp(c.paidAt)}` : c.status === 'returned' ? c.returnedReason : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <ClaimDrawer
          claim={open}
          onClose={() => setOpen(null)}
          onChanged={(saved) => {
            setClaims((list) => (list ? list.map((c) => (c.id === saved.id ? saved : c)) : list));
          }}
        />
      )}
      {creating && (
        <ClaimForm
          onClose={() => setCreating(false)}
          onCreated={(claim) => {
            setCreating(false);
            toast('success', t('claimCreated', { no: claim.claimNo }));
            void load();
            setOpen(claim);
          }}
        />
      )}
    </section>
  );
}
