// 团队请假日历 (leave.calendar): a month as people × days. Weekends and holidays are shaded with their
// names (调休 make-up days count as working days); approved leave is a solid block, pending leave
// striped and lighter; a half day fills half the cell (上午 the left half, 下午 the right); people
// over the L-MONTHLY limit are flagged. A click on a block opens that leave.
import { Fragment, useEffect, useState } from 'react';
import { addMonths, localMonth } from '../../../../shared/dates';
import { LEAVE_STATUS_LABELS, LEAVE_TYPE_LABELS, type LeaveCalendar as Calendar } from '../../../../shared/leave';
import { invoke } from '../../api/client';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { useLeaveMessages } from './messages';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const WEEKDAYS = { zh: ['日', '一', '二', '三', '四', '五', '六'], en: ['S', 'M', 'T', 'W', 'T', 'F', 'S'] } as const;

export function MonthSwitcher(props: { month: string; onChange(month: string): void; testId: string }) {
  const t = useLeaveMessages();
  const { month, onChange } = props;
  return (
    <span className="month-switcher">
      <button type="button" onClick={() => MONTH_RE.test(month) && onChange(addMonths(month, -1))} title={t('prevMonth')} aria-label={t('prevMonth')} data-testid={`${props.testId}-prev`}>
        ‹
      </button>
      <input type="month" value={month} onChange={(e) => MONTH_RE.test(e.target.value) && onChange(e.target.value)} aria-label={t('month')} data-testid={props.testId} />
      <button type="button" onClick={() => MONTH_RE.test(month) && onChange(addMonths(month, 1))} title={t('nextMonth')} aria-label={t('nextMonth')} data-testid={`${props.testId}-next`}>
        ›
      </button>
      <button type="button" className="link" onClick={() => onChange(localMonth(new Date()))}>
        {t('thisMonth')}
      </button>
    </span>
  );
}

export function LeaveCalendar(props: { month: string; onMonth(month: string): void; onOpen(id: number): void; reloadKey: number }) {
  const t = useLeaveMessages();
  const label = useLabel();
  const { lang } = useLang();
  const errorText = useErrorText();
  const [data, setData] = useState<Calendar | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { month } = props;

  useEffect(() => {
    let alive = true;
    setError(null);
    invoke('leave.calendar', { month })
      .then((c) => alive && setData(c))
      .catch((e: unknown) => alive && (setData(null), setError(errorText(e))));
    return () => {
      alive = false;
    };
  }, [month, props.reloadKey, errorText]);

  const days = data?.month === month ? data.days : [];
  return (
    <div className="leave-calendar-panel" data-testid="leave-calendar">
      <div className="toolbar">
        <MonthSwitcher month={month} onChange={props.onMonth} testId="leave-calendar-month" />
        <span className="spacer" />
        <span className="calendar-legend muted small">
          <span className="lc-legend-item">
            <span className="leave-block status-approved" /> {t('legendApproved')}
          </span>
          <span className="lc-legend-item">
            <span className="leave-block status-pending" /> {t('legendPending')}
          </span>
          <span className="lc-legend-item">
            <span className="lc-legend-cell">
              <span className="leave-block status-approved half-am" />
            </span>{' '}
            {t('legendHalf')}
          </span>
          <span className="lc-legend-item">
            <span className="lc-legend-cell is-rest" /> {t('legendRest')}
          </span>
        </span>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {data && data.month === month && (
        <div className="panel panel-table calendar-host">
          <table className="leave-calendar">
            <thead>
              <tr>
                <th className="lc-person">{t('person')}</th>
                {days.map((d) => {
                  const day = new Date(`${d.date}T00:00:00Z`);
                  return (
                    <th key={d.date} className={d.working ? 'lc-day' : 'lc-day is-rest'} title={d.name ?? undefined} data-date={d.date}>
                      <span className="lc-dom">{day.getUTCDate()}</span>
                      <span className="lc-dow">{WEEKDAYS[lang][day.getUTCDay()]}</span>
                      {d.name && <span className="lc-name">{d.name}</span>}
                    </th>
                  );
                })}
                <th className="lc-total">{t('leaveDays')}</th>
              </tr>
            </thead>
            <tbody>
              {data.people.length === 0 && (
                <tr>
                  <td colSpan={days.length + 2} className="muted">
                    {t('noPeople')}
                  </td>
                </tr>
              )}
              {data.people.map((p) => {
                const byDate = new Map<string, typeof p.entries>();
                for (const e of p.entries) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
                return (
                  <tr key={p.userId} data-testid="calendar-person" data-user={p.userId} data-name={p.name} className={p.monthlyFlag ? 'is-flagged' : undefined}>
                    <th className="lc-person">
                      {p.name}
                      {p.monthlyFlag && (
                        <span className="badge tone-rejected lc-flag" title={t('monthlyOver')} data-testid="calendar-monthly-flag">
                          L-MONTHLY
                        </span>
                      )}
                    </th>
                    {days.map((d) => {
                      const entries = byDate.get(d.date) ?? [];
                      return (
                        <td key={d.date} className={d.working ? 'lc-cell' : 'lc-cell is-rest'} title={d.name ?? undefined}>
                          {entries.map((e) => (
                            <Fragment key={`${e.leaveId}-${e.half ?? 'day'}`}>
                              <button
                                type="button"
                                className={`leave-block status-${e.status}${e.half ? ` half-${e.half}` : ''}`}
                                title={`${e.leaveNo} ${label(LEAVE_TYPE_LABELS[e.leaveType])} ${label(LEAVE_STATUS_LABELS[e.status])}${e.half ? ` · ${e.half === 'am' ? t('am') : t('pm')}` : ''}`}
                                onClick={() => props.onOpen(e.leaveId)}
                                data-testid="calendar-entry"
                                data-date={e.date}
                                data-status={e.status}
                                data-half={e.half ?? ''}
                                data-leave={e.leaveNo}
                              >
                                {e.half ? '' : label(LEAVE_TYPE_LABELS[e.leaveType]).slice(0, 1)}
                              </button>
                            </Fragment>
                          ))}
                        </td>
                      );
                    })}
                    <td className={p.monthlyFlag ? 'lc-total num text-danger' : 'lc-total num'} data-testid="calendar-leave-days">
                      {p.leaveDays > 0 ? p.leaveDays : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!data && !error && <p className="muted">{t('loading')}</p>}
    </div>
  );
}
