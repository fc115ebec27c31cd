// 月度考勤表 (attendance.month): per person a day-by-day strip — 迟 late (with the nth arrival and its
// fine), 假 leave (half a cell for a half day), 签 sign card, 旷 absent, rest days grey — and the
// month's totals: working days, 出勤, 迟到, 罚款 (A-LATE), 请假, 旷工, 签卡, 本年旷工 with the
// 严重违纪 badge (L-ABSENT), the L-MONTHLY flag. Printed as the A4 考勤表.
import { useEffect, useState } from 'react';
import { ATTENDANCE_DAY_STATE_LABELS, type AttendanceMonth, type AttendancePersonMonth } from '../../../../shared/attendance';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useErrorText, useLabel } from '../../i18n';
import { PrintButton } from '../../print/PrintButton';
import { MonthSwitcher } from '../leave/LeaveCalendar';
import { useAttendanceMessages, type AttendanceT } from './messages';

type Day = AttendancePersonMonth['days'][number];
const SEVERITY_ICON: Record<string, string> = { block: '✕', approval: '✓', warn: '!', info: 'i' };

function mark(day: Day, t: AttendanceT): string {
  switch (day.state) {
    case 'late':
      return t('markLate');
    case 'leave':
    case 'half_leave':
      return t('markLeave');
    case 'sign_card':
      return t('markSign');
    case 'absent':
    case 'half_absent':
      return t('markAbsent');
    case 'untracked':
      return t('markUntracked');
    default:
      return '';
  }
}

function DayCell({ day }: { day: Day }) {
  const t = useAttendanceMessages();
  const label = useLabel();
  const title = [
    day.date,
    day.dayName ?? '',
    label(ATTENDANCE_DAY_STATE_LABELS[day.state]),
    day.clockIn || day.clockOut ? `${day.clockIn ?? '—'} ~ ${day.clockOut ?? '—'}` : '',
    day.lateSeq !== null ? t('lateNth', { n: day.lateSeq }) : '',
    day.fineFen > 0 ? t('fine', { amount: formatYuan(day.fineFen) }) : '',
    day.leaveNo ?? '',
    day.note,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <span
      className={`att-day state-${day.state}${day.working ? '' : ' is-rest'}${day.fineFen > 0 ? ' is-fined' : ''}`}
      title={title}
      data-testid="att-day"
      data-date={day.date}
      data-state={day.state}
      data-fine={day.fineFen}
    >
      {mark(day, t)}
    </span>
  );
}

export function MonthSheet(props: { month: string; onMonth(month: string): void }) {
  const t = useAttendanceMessages();
  const errorText = useErrorText();
  const [data, setData] = useState<AttendanceMonth | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const { month } = props;

  useEffect(() => {
    let alive = true;
    setError(null);
    invoke('attendance.month', { month })
      .then((m) => alive && setData(m))
      .catch((e: unknown) => alive && (setData(null), setError(errorText(e))));
    return () => {
      alive = false;
    };
  }, [month, reload, errorText]);

  const sheet = data?.month === month ? data : null;
  const dates = sheet?.people[0]?.days ?? [];
  return (
    <div className="att-panel" data-testid="attendance-sheet">
      <div className="toolbar">
        <MonthSwitcher month={month} onChange={props.onMonth} testId="attendance-month" />
        <span className="att-legend muted small">
          <span className="att-day state-present" /> {t('legendPresent')}
          <span className="att-day state-late">{t('markLate')}</span> {t('legendLate')}
          <span className="att-day state-leave">{t('markLeave')}</span> {t('legendLeave')}
          <span className="att-day state-sign_card">{t('markSign')}</span> {t('legendSign')}
          <span className="att-day state-absent">{t('markAbsent')}</span> {t('legendAbsent')}
          <span className="att-day state-rest is-rest" /> {t('legendRest')}
          <span className="att-day state-untracked">{t('markUntracked')}</span> {t('legendUntracked')}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => setReload((n) => n + 1)} data-testid="attendance-refresh">
          {t('refresh')}
        </button>
        <PrintButton target={{ attendance: { month } }} label={t('printSheet')} testId="attendance-print" unavailable={sheet && sheet.people.length > 0 ? undefined : t('noPeople')} />
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {!sheet && !error && <p className="muted">{t('loading')}</p>}
      {sheet && (
        <div className="panel panel-table att-host">
          <table className="plain att-sheet">
            <thead>
              <tr>
                <th className="att-name">{t('colName')}</th>
                <th className="att-strip-head">
                  <span className="att-strip">
                    {dates.map((d) => (
                      <span key={d.date} className={d.working ? 'att-dom' : 'att-dom is-rest'} title={d.dayName ?? undefined}>
                        {Number(d.date.slice(8))}
                      </span>
                    ))}
                  </span>
                </th>
                <th className="num">{t('colWorking')}</th>
                <th className="num">{t('colPresent')}</th>
                <th className="num">{t('colLate')}</th>
                <th className="num">{t('colFine')}</th>
                <th className="num">{t('colLeave')}</th>
                <th className="num">{t('colAbsent')}</th>
                <th className="num">{t('colSignCards')}</th>
                <th className="num">{t('colYearAbsent')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.people.length === 0 && (
                <tr>
                  <td colSpan={10} className="muted">
                    {t('noPeople')}
                  </td>
                </tr>
              )}
              {sheet.people.map((p) => (
                <tr key={p.userId} data-testid="att-person" data-user={p.userId} data-name={p.userName}>
                  <th className="att-name" title={p.findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n') || undefined}>
                    <span>{p.userName}</span>
                    {p.region && <span className="muted small"> {p.region}</span>}
                    {p.monthlyLeaveFlag && (
                      <span className="badge tone-rejected att-flag" title={t('monthlyHint')} data-testid="att-monthly-flag">
                        L-MONTHLY
                      </span>
                    )}
                  </th>
                  <td className="att-strip-cell">
                    <span className="att-strip">
                      {p.days.map((d) => (
                        <DayCell key={d.date} day={d} />
                      ))}
                    </span>
                  </td>
                  <td className="num">{p.workingDays}</td>
                  <td className="num" data-testid="att-present">
                    {p.presentDays}
                  </td>
                  <td className="num" data-testid="att-late">
                    {p.lateCount || ''}
                  </td>
                  <td className={p.fineFen > 0 ? 'num text-danger' : 'num'} data-testid="att-fine">
                    {p.fineFen > 0 ? formatYuan(p.fineFen) : ''}
                  </td>
                  <td className="num" data-testid="att-leave">
                    {p.leaveDays || ''}
                  </td>
                  <td className={p.absentDays > 0 ? 'num text-danger' : 'num'} data-testid="att-absent">
                    {p.absentDays || ''}
                  </td>
                  <td className="num" data-testid="att-signcards">
                    {p.signCards || ''}
                  </td>
                  <td className="num nowrap" data-testid="att-year-absent">
                    {p.yearAbsentDays || ''}
                    {p.seriousAbsence && (
                      <span className="badge tone-rejected att-flag" title={t('seriousHint')} data-testid="att-serious">
                        {t('serious')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {sheet.people.some((p) => p.findings.length > 0) && (
            <div className="att-findings">
              <h3>{t('findings')}</h3>
              <ul className="findings">
                {sheet.people.flatMap((p) =>
                  p.findings.map((f, i) => (
                    <li key={`${p.userId}-${i}`} className={`finding finding-${f.severity}`} data-testid="att-finding" data-rule={f.ruleId}>
                      <span className="finding-icon" aria-hidden="true">
                        {SEVERITY_ICON[f.severity] ?? 'i'}
                      </span>
                      <span className="rule-id">{f.ruleId}</span>
                      <span className="finding-text">
                        {p.userName}：{f.message}
                      </span>
                    </li>
                  )),
                )}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
