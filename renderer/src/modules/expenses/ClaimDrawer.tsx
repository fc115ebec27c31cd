// One reimbursement (报销单): per item what was claimed, what the rules allow and why (the core's
// basis text), the advances of its trips offset, and what is paid to the employee or returned by
// him. Finance (or the gm) pays it or returns it with a reason; anyone who sees it prints the slip.
import { useEffect, useState, type ReactNode } from 'react';
import { formatTimestamp } from '../../../../shared/dates';
import { CLAIM_STATUS_LABELS, EXPENSE_PAYER_ROLES, EXPENSE_TYPE_LABELS, type Claim } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useDrawerEscape } from '../../app/drawer';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { useExpenseMessages } from './messages';
import { PrintButton } from '../../print/PrintButton';
import { DrawerFrame } from '../../app/DrawerFrame';

export function ClaimStatusBadge({ status }: { status: Claim['status'] }) {
  const label = useLabel();
  const tone = status === 'paid' ? 'paid' : status === 'returned' ? 'rejected' : 'pending';
  return (
    <span className={`badge expense-status tone-${tone}`} data-testid="claim-status" data-status={status}>
      {label(CLAIM_STATUS_LABELS[status])}
    </span>
  );
}

/** 应付 ¥x (paid to the employee) or 应退 ¥x (the employee returns the rest of his advance). */
export function PayableText({ fen }: { fen: number }) {
  const t = useExpenseMessages();
  return (
    <span className={fen < 0 ? 'payable is-refund' : 'payable'} data-testid="claim-payable" data-fen={fen}>
      {fen < 0 ? t('refundAmount', { amount: formatYuan(-fen) }) : t('payableAmount', { amount: formatYuan(fen) })}
    </span>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ClaimDrawer(props: { claim: Claim; onClose(): void; onChanged(claim: Claim): void }) {
  const t = useExpenseMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const [claim, setClaim] = useState(props.claim);
  const [mode, setMode] = useState<'pay' | 'return' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { onClose } = props;

  useEffect(() => setClaim(props.claim), [props.claim]);

  // Esc backs out of a confirmation (付款…), else closes.
  useDrawerEscape(Boolean(mode), () => setMode(null), onClose);

  const canDecide = claim.status === 'submitted' && EXPENSE_PAYER_ROLES.includes(me.role);

  async function act(perform: () => Promise<Claim>, done: (c: Claim) => string) {
    setBusy(true);
    try {
      const saved = await perform();
      setClaim(saved);
      setMode(null);
      toast('success', done(saved));
      props.onChanged(saved);
    } catch (error) {
      toast('error', errorText(error));
      // Paid or returned by someone else meanwhile: show what it is now.
      invoke('claims.get', { id: claim.id })
        .then((fresh) => {
          setClaim(fresh);
          props.onChanged(fresh);
        })
        .catch(() => undefined);
    } finally {
      setBusy(false);
    }
  }

  function pay() {
    void act(() => invoke('claims.pay', { id: claim.id, version: claim.version }), (c) => t('claimPaid', { no: c.claimNo }));
  }

  function giveBack() {
    if (!reason.trim()) {
      setReasonError(t('returnReasonRequired'));
      return;
    }
    void act(() => invoke('claims.return', { id: claim.id, version: claim.version, reason: reason.trim() }), (c) => t('claimReturned', { no: c.claimNo }));
  }

  return (
    <DrawerFrame
      className="claim-drawer"
      testId="claim-drawer"
      title={t('claimTitle', { no: claim.claimNo })}
      headExtra={
        <>
          <ClaimStatusBadge status={claim.status} />
        </>
      }
      closeLabel={t('close')}
      closeTestId="claim-drawer-close"
      closeAutoFocus
      onClose={onClose}
    >
      <div className="drawer-body">
        <section className="panel">
          <dl className="expense-facts">
            <Fact label={t('applicant')}>{claim.applicantName}</Fact>
            <Fact label={t('colRegion')}>{claim.region || '—'}</Fact>
            <Fact label={t('claimSubmittedAt')}>{formatTimestamp(claim.createdAt)}</Fact>
            {claim.paidAt && <Fact label={t('claimPaidAt')}>{`${formatTimestamp(claim.paidAt)} ${claim.paidByName ?? ''}`}</Fact>}
            {claim.returnedReason && (
              <Fact label={t('returnReason')}>
                <span className="text-danger">{claim.returnedReason}</span>
              </Fact>
            )}
            {claim.note && <Fact label={t('note')}>{claim.note}</Fact>}
          </dl>
        </section>

        <section className="panel panel-table" data-testid="claim-items">
          <h3 className="table-title">{t('claimItemsTitle')}</h3>
          <table className="plain claim-items">
            <thead>
              <tr>
                <th>{t('colNo')}</th>
                <th>{t('colType')}</th>
                <th>{t('colPurpose')}</th>
                <th>{t('invoicesTitle')}</th>
                <th className="num">{t('colApprovedShort')}</th>
                <th className="num">{t('claimedTotal')}</th>
                <th className="num">{t('reimbursable')}</th>
              </tr>
            </thead>
            <tbody>
              {claim.items.map((item) => (
                <tr key={item.expenseId} data-testid="claim-item" data-expense={item.expenseNo}>
                  <td className="mono nowrap">{item.expenseNo}</td>
                  <td className="nowrap">{label(EXPENSE_TYPE_LABELS[item.type])}</td>
                  <td>
                    {item.purpose}
                    {item.customerName && <div className="muted small">{item.customerName}</div>}
                    <div className="basis" data-testid="claim-item-basis">
                      {lang === 'zh' ? item.basis : item.basisEn}
                    </div>
                  </td>
                  <td>
                    {item.invoices.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="invoice-list">
                        {item.invoices.map((inv) => (
                          <li key={inv.invoiceNo}>
                            <span className="mono">{inv.invoiceNo}</span> <span className="muted">{inv.invoiceDate}</span> <span className="num">{formatYuan(inv.amountFen)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">{formatYuan(item.approvedFen)}</td>
                  <td className="num">{formatYuan(item.claimedFen)}</td>
                  <td className="num strong" data-testid="claim-item-reimbursable">
                    {formatYuan(item.reimbursableFen)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={5}>{t('totals')}</td>
                <td className="num">{formatYuan(claim.claimedFen)}</td>
                <td className="num strong" data-testid="claim-reimbursable">
                  {formatYuan(claim.reimbursableFen)}
                </td>
              </tr>
            </tfoot>
          </table>
        </section>

        <section className="panel claim-summary" data-testid="claim-summary">
          <dl className="claim-figures">
            <div>
              <dt>{t('reimbursable')}</dt>
              <dd className="figure">{formatYuan(claim.reimbursableFen)}</dd>
            </div>
            <div>
              <dt>{t('advanceOffset')}</dt>
              <dd className="figure" data-testid="claim-advance">
                {claim.advanceFen ? `−${formatYuan(claim.advanceFen)}` : formatYuan(0)}
              </dd>
              {claim.advances.length > 0 && <dd className="muted small">{claim.advances.map((a) => `${a.expenseNo} ${formatYuan(a.amountFen)}`).join('；')}</dd>}
            </div>
            <div>
              <dt>{claim.payableFen < 0 ? t('refundLabel') : t('payableLabel')}</dt>
              <dd className="figure">
                <PayableText fen={claim.payableFen} />
              </dd>
            </div>
          </dl>
        </section>
      </div>
      <div className="drawer-foot">
        {mode === 'return' ? (
          <div className="return-row">
            <label className={`field return-reason${reasonError ? ' field-invalid' : ''}`}>
              <span className="field-label">{t('returnReason')} *</span>
              <input
                value={reason}
                maxLength={500}
                autoFocus
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(null);
                }}
                onKeyDown={(e) => e.key === 'Enter' && giveBack()}
                data-testid="claim-return-reason"
              />
              {reasonError && <span className="field-error">{reasonError}</span>}
            </label>
            <button type="button" onClick={() => setMode(null)} disabled={busy}>
              {t('cancel')}
            </button>
            <button type="button" className="danger" onClick={giveBack} disabled={busy} data-testid="claim-return-confirm">
              {t('returnClaim')}
            </button>
          </div>
        ) : mode === 'pay' ? (
          <>
            <span className="confirm-text">{t('payConfirm', { no: claim.claimNo, payable: claim.payableFen < 0 ? t('refundAmount', { amount: formatYuan(-claim.payableFen) }) : t('payableAmount', { amount: formatYuan(claim.payableFen) }) })}</span>
            <span className="spacer" />
            <button type="button" onClick={() => setMode(null)} disabled={busy}>
              {t('cancel')}
            </button>
            <button type="button" className="primary" onClick={pay} disabled={busy} data-testid="claim-pay-confirm">
              {t('payDone')}
            </button>
          </>
        ) : (
          <>
            <PrintButton target={{ claimId: claim.id }} label={t('printClaim')} testId="claim-print" unavailable={claim.status === 'returned' ? t('printReturned') : undefined} />
            <span className="spacer" />
            {canDecide && (
              <>
                <button type="button" onClick={() => setMode('return')} data-testid="claim-return">
                  {t('returnClaim')}
                </button>
                <button type="button" className="primary" onClick={() => setMode('pay')} data-testid="claim-pay">
                  {t('pay')}
                </button>
              </>
            )}
          </>
        )}
      </div>
    </DrawerFrame>
  );
}
