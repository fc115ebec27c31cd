// 客户分级 (DOMAIN §2 C-GRADE): the month's proposed upgrades and downgrades, each with the figures
// behind it (recent sales against the same months a year before, growth, days to collect, 12
// months' sales and gross margin) and the rule's reason; a judge confirms (the grade changes) or
// rejects one with an optional comment, and the row updates in place with who decided and when.
import { useState } from 'react';
import { localMonth } from '../../../../shared/dates';
import { GRADE_LABELS, type Role } from '../../../../shared/domain';
import { formatYuan } from '../../../../shared/money';
import { GRADE_PROPOSAL_STATUS_LABELS, type GradeProposal } from '../../../../shared/performance';
import { formatRatio } from '../../../../shared/report';
import { PERFORMANCE_JUDGE_ROLES } from '../../../../shared/activity';
import { invoke } from '../../api/client';
import { LoadedRows } from '../../app/LoadedRows';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useLoaded } from '../../app/useLoaded';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { stamp } from '../activity/Findings';
import { MonthSwitcher } from '../activity/MonthSwitcher';
import '../activity/activity.css';
import '../leave/leave.css';
import { usePerformanceMessages } from './messages';
import './performance.css';

const STATUS_TONE = { proposed: 'pending', confirmed: 'approved', rejected: 'muted' } as const;

export function GradingPage() {
  const t = usePerformanceMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const judge = (PERFORMANCE_JUDGE_ROLES as readonly Role[]).includes(me.role);
  const [month, setMonth] = useState(() => localMonth(new Date()));
  const { data: rows, error, setData: setRows } = useLoaded(() => invoke('grading.proposals', { month }), month);
  const [comments, setComments] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);

  async function decide(p: GradeProposal, decision: 'confirm' | 'reject') {
    setBusy(p.customerId);
    try {
      const updated = await invoke('grading.decide', { month, customerId: p.customerId, decision, comment: comments[p.customerId] ?? '' });
      setRows((list) => list?.map((r) => (r.customerId === updated.customerId ? updated : r)) ?? null);
      toast('success', t('decidedOk', { name: updated.customerName, status: label(GRADE_PROPOSAL_STATUS_LABELS[updated.status]) }));
    } catch (e) {
      toast('error', t('decideFailed', { error: errorText(e) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page grading-page" data-testid="grading-page">
      <div className="page-head">
        <h1>{t('gradingTitle')}</h1>
        <MonthSwitcher month={month} onMonth={setMonth} testId="grading-month" />
      </div>
      <p className="muted page-intro">{t('gradingIntro')}</p>
      <LoadedRows rows={rows} error={error} failedText={(e) => t('loadFailed', { error: e })} loadingText={t('loading')} emptyText={t('gradingNone')} emptyTestId="grading-empty">
        {(rows) => (
          <div className="panel panel-table">
            <table className="plain grading-table" data-testid="grading-table">
              <thead>
                <tr>
                  <th>{t('colCustomer')}</th>
                  <th>{t('colOwner')}</th>
                  <th>{t('colGrade')}</th>
                  <th className="num">{t('colRecent')}</th>
                  <th className="num">{t('colPrior')}</th>
                  <th className="num">{t('colGrowth')}</th>
                  <th className="num">{t('colCollection')}</th>
                  <th className="num">{t('colSales12m')}</th>
                  <th className="num">{t('colMargin')}</th>
                  <th>{t('colReason')}</th>
                  <th>{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.customerId} data-testid="grading-row" data-customer={p.customerNo} data-status={p.status}>
                    <td>
                      <span className="mono muted">{p.customerNo}</span>
                      <div className="grading-customer">{p.customerName}</div>
                    </td>
                    <td className="nowrap">{p.ownerName}</td>
                    <td className="nowrap">
                      {label(GRADE_LABELS[p.fromGrade])}
                      <span className={`grade-arrow dir-${p.direction}`} title={p.direction === 'up' ? t('up') : t('down')}>
                        {p.direction === 'up' ? ' ↑ ' : ' ↓ '}
                      </span>
                      <strong>{label(GRADE_LABELS[p.toGrade])}</strong>
                    </td>
                    <td className="num nowrap">{formatYuan(p.recentSales)}</td>
                    <td className="num nowrap">{formatYuan(p.priorSales)}</td>
                    <td className={`num nowrap${p.growth !== null && p.growth < 0 ? ' text-danger' : ''}`}>{formatRatio(p.growth)}</td>
                    <td className="num nowrap">{p.collectionDays === null ? '—' : t('days', { n: Math.round(p.collectionDays * 10) / 10 })}</td>
                    <td className="num nowrap">{formatYuan(p.sales12m)}</td>
                    <td className="num nowrap">{formatRatio(p.grossMargin12m)}</td>
                    <td className="grading-reason">{lang === 'zh' ? p.reason : p.reasonEn}</td>
                    <td className="grading-status">
                      <span className={`badge expense-status tone-${STATUS_TONE[p.status]}`} data-testid="grading-status">
                        {label(GRADE_PROPOSAL_STATUS_LABELS[p.status])}
                      </span>
                      {p.status !== 'proposed' && (
                        <div className="muted small">
                          {t('decided', { by: p.decidedBy ?? '', at: p.decidedAt ? stamp(p.decidedAt) : '' })}
                          {p.comment && <div>{p.comment}</div>}
                        </div>
                      )}
                      {p.status === 'proposed' && judge && (
                        <div className="grading-decide">
                          <input value={comments[p.customerId] ?? ''} maxLength={500} placeholder={t('commentPlaceholder')} onChange={(e) => setComments((c) => ({ ...c, [p.customerId]: e.target.value }))} data-testid="grading-comment" />
                          <div className="grading-buttons">
                            <button type="button" className="primary" disabled={busy === p.customerId} onClick={() => void decide(p, 'confirm')} data-testid="grading-confirm">
                              {t('confirm')}
                            </button>
                            <button type="button" disabled={busy === p.customerId} onClick={() => void decide(p, 'reject')} data-testid="grading-reject">
                              {t('reject')}
                            </button>
                          </div>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadedRows>
    </div>
  );
}
