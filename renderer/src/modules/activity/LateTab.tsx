// 迟交记录 (W-LOG): the daily logs and weekly reports of a month submitted late or still missing,
// in the caller's scope: who, which, the day covered, the deadline, when submitted, days late, points.
import { invoke } from '../../api/client';
import { LoadedRows } from '../../app/LoadedRows';
import { useLoaded } from '../../app/useLoaded';
import { stamp } from './Findings';
import { MonthSwitcher } from './MonthSwitcher';
import { useActivityMessages } from './messages';

export function LateTab({ month, onMonth, userId }: { month: string; onMonth(month: string): void; userId: number | null }) {
  const t = useActivityMessages();
  const { data: rows, error } = useLoaded(
    () => invoke('activity.lateReports', userId === null ? { month } : { month, userId }),
    `${month}:${userId ?? ''}`,
  );

  return (
    <div className="activity-late" data-testid="late-tab">
      <div className="toolbar">
        <MonthSwitcher month={month} onMonth={onMonth} testId="late-month" />
        <span className="muted page-intro">{t('lateIntro')}</span>
      </div>
      <LoadedRows rows={rows} error={error} failedText={(e) => t('loadFailed', { error: e })} loadingText={t('loading')} emptyText={t('lateNone')} emptyTestId="late-empty">
        {(rows) => (
          <div className="panel panel-table">
            <table className="plain" data-testid="late-table">
              <thead>
                <tr>
                  <th>{t('colPerson')}</th>
                  <th>{t('colKindReport')}</th>
                  <th>{t('colReportDate')}</th>
                  <th>{t('colDue')}</th>
                  <th>{t('colSubmitted')}</th>
                  <th className="num">{t('colDaysLate')}</th>
                  <th className="num">{t('colPoints')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.userId}-${r.kind}-${r.reportDate}`} className={r.submittedAt === null ? 'is-missing' : undefined} data-testid="late-row" data-kind={r.kind}>
                    <td className="nowrap">{r.userName}</td>
                    <td className="nowrap">{r.kind === 'daily' ? t('daily') : t('weekly')}</td>
                    <td className="nowrap">{r.reportDate}</td>
                    <td className="nowrap">{stamp(r.dueAt)}</td>
                    <td className="nowrap">{r.submittedAt === null ? <span className="text-danger">{t('notSubmitted')}</span> : stamp(r.submittedAt)}</td>
                    <td className="num">{r.daysLate}</td>
                    <td className="num late-points">−{r.pointsDeducted}</td>
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
