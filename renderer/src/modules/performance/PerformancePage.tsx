// 绩效考核 (DOMAIN §9 K-SCORE, K-BONUS): each rep's score of a month — the base less every deduction
// listed under it with its reason (W-LOG, W-FAKE, W-VISITQ, W-POLICY) and the dismissal flag — beside
// the KPI figures: sales, the sales counted toward performance, target, achievement, the tiered
// bonus, visits and their daily averages, logs due, late and missing. The judges record W-FAKE
// (ticking the falsified visits) and W-POLICY deductions; the recorded ones are listed below.
// No policy number lives here: points, tiers and the flag all come from the core.
import { useState } from 'react';
import { localMonth } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { DEDUCTION_RULE_LABELS, type ScoreRow } from '../../../../shared/performance';
import { formatRatio } from '../../../../shared/report';
import type { Role } from '../../../../shared/domain';
import { PERFORMANCE_JUDGE_ROLES } from '../../../../shared/activity';
import { invoke } from '../../api/client';
import { LoadedRows } from '../../app/LoadedRows';
import { useLoaded } from '../../app/useLoaded';
import { useSession } from '../../app/session';
import { useLabel, useLang } from '../../i18n';
import { stamp } from '../activity/Findings';
import { MonthSwitcher } from '../activity/MonthSwitcher';
import '../activity/activity.css';
import '../leave/leave.css';
import { DeductionDialog } from './DeductionDialog';
import { usePerformanceMessages, type PerformanceT } from './messages';
import './performance.css';

const perDay = (n: number | null) => (n === null ? '—' : (Math.round(n * 100) / 100).toFixed(2));

function tierText(tier: ScoreRow['bonusTier'], t: PerformanceT): string {
  return tier === 'none' ? t('tierNone') : tier === 'base' ? t('tierBase') : t('tierAbove');
}

function ScoreCell({ row }: { row: ScoreRow }) {
  const t = usePerformanceMessages();
  const label = useLabel();
  const { lang } = useLang();
  return (
    <div className="score-cell">
      <div className="score-line">
        <span className="score-value" data-testid="score-value">
          {row.score}
        </span>
        <span className="muted small">{t('base', { n: row.base })}</span>
        {row.dismissalFlag && (
          <span className="badge tone-rejected" data-testid="score-dismissal">
            {t('dismissal')}
          </span>
        )}
      </div>
      {row.deductions.length === 0 ? (
        <span className="muted small">{t('noDeductions')}</span>
      ) : (
        <ul className="deduction-list">
          {row.deductions.map((d, i) => (
            <li key={i} data-testid="score-deduction" data-rule={d.ruleId}>
              <span className="deduction-points">{t('points', { n: d.points })}</span>
              <span className="deduction-rule">
                {label(DEDUCTION_RULE_LABELS[d.ruleId])}
                <span className="rule-id">{d.ruleId}</span>
              </span>
              <span className="deduction-reason">
                {d.date && <span className="muted">{d.date} </span>}
                {lang === 'zh' ? d.reason : d.reasonEn}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PerformancePage() {
  const t = usePerformanceMessages();
  const label = useLabel();
  const me = useSession();
  const judge = (PERFORMANCE_JUDGE_ROLES as readonly Role[]).includes(me.role);
  const [month, setMonth] = useState(() => localMonth(new Date()));
  const loaded = useLoaded(async () => {
    const [scores, recorded] = await Promise.all([invoke('performance.month', { month }), invoke('performance.deductions', { month })]);
    return { scores, recorded };
  }, month);
  const data = loaded.data?.scores ?? null;
  const records = loaded.data?.recorded ?? [];
  const { error, reload } = loaded;
  const [recording, setRecording] = useState(false);

  const scopeText = data ? (data.scope === 'all' ? t('scopeAll') : data.scope === 'team' ? t('scopeTeam') : t('scopeOwn')) : '';

  return (
    <div className="page performance-page" data-testid="performance-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <MonthSwitcher month={month} onMonth={setMonth} testId="performance-month" />
        <span className="muted">{scopeText}</span>
        <span className="spacer" />
        {judge && (
          <button type="button" className="primary" onClick={() => setRecording(true)} title={t('recordHint')} disabled={!data || data.rows.length === 0} data-testid="performance-record">
            {t('record')}
          </button>
        )}
      </div>
      <LoadedRows rows={data?.rows ?? null} error={error} failedText={(e) => t('loadFailed', { error: e })} loadingText={t('loading')} emptyText={t('noRows')}>
        {(rows) => (
          <div className="panel panel-table">
            <table className="plain score-table" data-testid="performance-table">
              <thead>
                <tr>
                  <th>{t('colPerson')}</th>
                  <th className="col-score">{t('colScore')}</th>
                  <th>{t('colSales')}</th>
                  <th>{t('colBonus')}</th>
                  <th>{t('colVisits')}</th>
                  <th>{t('colLogs')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.userId} data-testid="performance-row" data-user={row.name}>
                    <td className="nowrap">
                      <strong>{row.name}</strong>
                      <div className="muted small">{row.region}</div>
                    </td>
                    <td className="col-score">
                      <ScoreCell row={row} />
                    </td>
                    <td>
                      <dl className="kpi-list">
                        <div>
                          <dt>{t('sales')}</dt>
                          <dd data-testid="kpi-sales">{formatYuan(row.sales)}</dd>
                        </div>
                        <div>
                          <dt>{t('countedSales')}</dt>
                          <dd data-testid="kpi-counted">{formatYuan(row.countedSales)}</dd>
                        </div>
                        <div>
                          <dt>{t('target')}</dt>
                          <dd>{formatYuan(row.target)}</dd>
                        </div>
                        <div>
                          <dt>{t('achievement')}</dt>
                          <dd data-testid="kpi-achievement">{formatRatio(row.achievement)}</dd>
                        </div>
                      </dl>
                    </td>
                    <td className="nowrap">
                      <div className="bonus-value" data-testid="kpi-bonus">
                        {formatYuan(row.bonus)}
                      </div>
                      <span className={`badge bonus-tier tier-${row.bonusTier}`}>{tierText(row.bonusTier, t)}</span>
                    </td>
                    <td className="nowrap">
                      <dl className="kpi-list">
                        <div>
                          <dt>{t('visitsNew')}</dt>
                          <dd>
                            {row.visits.new} <span className="muted small">{t('perDay', { n: perDay(row.newPerDay) })}</span>
                          </dd>
                        </div>
                        <div>
                          <dt>{t('visitsRevisit')}</dt>
                          <dd>
                            {row.visits.revisit} <span className="muted small">{t('perDay', { n: perDay(row.revisitsPerDay) })}</span>
                          </dd>
                        </div>
                        <div>
                          <dt>{t('visitsPhone')}</dt>
                          <dd>{row.visits.phone}</dd>
                        </div>
                      </dl>
                      <div className="muted small">{t('workingDays', { n: row.workingDays })}</div>
                    </td>
                    <td className="nowrap">
                      <div>{t('logsDue', { n: row.logsDue })}</div>
                      <div className={row.logsLate > 0 ? 'text-warn' : 'muted'}>{t('logsLate', { n: row.logsLate })}</div>
                      <div className={row.logsMissing > 0 ? 'text-danger' : 'muted'}>{t('logsMissing', { n: row.logsMissing })}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadedRows>

      {data && (
        <div className="panel panel-table">
          <h3 className="table-title">{t('deductionsTitle')}</h3>
          {records.length === 0 ? (
            <p className="muted empty-note">{t('noDeductionsRecorded')}</p>
          ) : (
            <table className="plain" data-testid="performance-deductions">
              <thead>
                <tr>
                  <th>{t('colDate')}</th>
                  <th>{t('colPerson')}</th>
                  <th>{t('colRule')}</th>
                  <th className="num">{t('colCases')}</th>
                  <th className="num">{t('colPoints')}</th>
                  <th>{t('colReason')}</th>
                  <th>{t('colRecordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={r.id} data-testid="deduction-record" data-rule={r.ruleId}>
                    <td className="nowrap">{r.date}</td>
                    <td className="nowrap">{r.userName}</td>
                    <td className="nowrap">
                      {label(DEDUCTION_RULE_LABELS[r.ruleId])}
                      <span className="rule-id">{r.ruleId}</span>
                    </td>
                    <td className="num">{r.cases}</td>
                    <td className="num late-points">−{r.points}</td>
                    <td className="deduction-reason-cell">{r.reason}</td>
                    <td className="nowrap">
                      {r.recordedBy}
                      <div className="muted small">{stamp(r.recordedAt)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      {recording && data && (
        <DeductionDialog
          month={month}
          people={data.rows.map((r) => ({ id: r.userId, name: r.name }))}
          onClose={() => setRecording(false)}
          onRecorded={reload}
        />
      )}
    </div>
  );
}
