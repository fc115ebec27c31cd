// 逾期客户 (C-VISIT): the active customers due for a visit as of today in the caller's scope, most
// overdue first — strategic and core customers by their visits of the last 7 days against the
// minimum, ordinary ones by the day the next visit was due. A log keeper clicks a customer to add a
// visit to him in today's log; the others open the customers page.
import { GRADE_LABELS, type Grade } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { LoadedRows } from '../../app/LoadedRows';
import { useLoaded } from '../../app/useLoaded';
import { useLabel, useLang } from '../../i18n';
import type { CustomerRef } from './LogTab';
import { useActivityMessages } from './messages';

export function OverdueTab({ onVisit }: { onVisit: ((customer: CustomerRef) => void) | null }) {
  const t = useActivityMessages();
  const label = useLabel();
  const { lang } = useLang();
  const { data: rows, error } = useLoaded(() => invoke('activity.overdueCustomers', {}), '');

  return (
    <div className="activity-overdue" data-testid="overdue-tab">
      <p className="muted page-intro">{t('overdueIntro')}</p>
      <LoadedRows rows={rows} error={error} failedText={(e) => t('loadFailed', { error: e })} loadingText={t('loading')} emptyText={t('overdueNone')} emptyTestId="overdue-empty">
        {(rows) => (
          <div className="panel panel-table">
            <table className="plain overdue-table" data-testid="overdue-table">
              <thead>
                <tr>
                  <th>{t('colCustomerNo')}</th>
                  <th>{t('colCustomerName')}</th>
                  <th>{t('colGrade')}</th>
                  <th>{t('colOwner')}</th>
                  <th>{t('colLastVisit')}</th>
                  <th className="num">{t('colWeekVisits')}</th>
                  <th>{t('colDueOn')}</th>
                  <th>{t('colMessage')}</th>
                  <th className="col-actions" />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const ref = { id: r.customerId, customerNo: r.customerNo, name: r.customerName };
                  return (
                    <tr key={r.customerId} className="is-overdue" data-testid="overdue-row" data-customer={r.customerNo}>
                      <td className="mono nowrap">{r.customerNo}</td>
                      <td>
                        {onVisit ? (
                          <button type="button" className="link" onClick={() => onVisit(ref)} title={t('visitNowHint')} data-testid="overdue-open">
                            {r.customerName}
                          </button>
                        ) : (
                          <a href="#/customers" title={t('openCustomer')}>
                            {r.customerName}
                          </a>
                        )}
                      </td>
                      <td className="nowrap">{label(GRADE_LABELS[r.grade as Grade]) || r.grade}</td>
                      <td className="nowrap">{r.ownerName}</td>
                      <td className="nowrap">{r.lastVisitOn ?? <span className="muted">{t('never')}</span>}</td>
                      <td className="num nowrap">{r.visitsLast7Days === null ? '—' : `${r.visitsLast7Days} / ${r.minPerWeek ?? '—'}`}</td>
                      <td className="nowrap">{r.dueOn ?? '—'}</td>
                      <td className="overdue-message">{lang === 'zh' ? r.message : r.messageEn}</td>
                      <td className="col-actions nowrap">
                        {onVisit && (
                          <button type="button" onClick={() => onVisit(ref)} title={t('visitNowHint')} data-testid="overdue-visit">
                            {t('visitNow')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </LoadedRows>
    </div>
  );
}
