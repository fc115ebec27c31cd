// 工作日历: the official holidays and make-up working days (调休) with the company's own changes.
// A month grid (Monday first), the year's official arrangement, and the company's changes of the
// year. Only the admin changes days; the core refuses anyone else.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { addDays, addMonths, formatTimestamp, isoWeekday, localDate, localMonth, mondayOf } from '../../../../shared/dates';
import type { CalendarDay } from '../../../../shared/policy';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLang } from '../../i18n';
import { Dialog } from '../users/Dialog';
import { usePoliciesMessages } from './messages';

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** 0 = Monday … 6 = Sunday. */
const weekdayIndex = (date: string) => isoWeekday(date) - 1;

/** The weeks shown for a month: from the Monday on or before the 1st to the Sunday on or after the last day. */
function gridRange(month: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) };
}

const isHoliday = (d: CalendarDay) => d.officialName !== null && !d.officialWorking;
const isMakeup = (d: CalendarDay) => d.officialName !== null && d.officialWorking;

interface HolidayGroup {
  name: string;
  ranges: { from: string; to: string; days: number }[];
  makeups: string[];
}

/** The year's official holidays as runs of days, with their make-up working days, in date order. */
function officialGroups(days: readonly CalendarDay[]): HolidayGroup[] {
  const groups = new Map<string, HolidayGroup>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, ranges: [], makeups: [] }));
    return g;
  };
  for (const day of days) {
    if (day.officialName === null) continue;
    const g = group(day.officialName);
    if (isMakeup(day)) {
      g.makeups.push(day.date);
      continue;
    }
    const last = g.ranges.at(-1);
    if (last && addDays(last.to, 1) === day.date) {
      last.to = day.date;
      last.days += 1;
    } else g.ranges.push({ from: day.date, to: day.date, days: 1 });
  }
  // By the holiday itself, not by a make-up day worked weeks before it.
  const firstDate = (g: HolidayGroup) => g.ranges[0]?.from ?? g.makeups[0] ?? '';
  return [...groups.values()].sort((a, b) => firstDate(a).localeCompare(firstDate(b)));
}

function useCalendarText() {
  const t = usePoliciesMessages();
  const { lang } = useLang();
  const weekdays = useMemo(() => t('weekdays').split(','), [t]);
  const short = useMemo(() => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }), [lang]);
  return {
    /** 星期四 / Thu. */
    weekday: (date: string) => t('weekdayName', { w: weekdays[weekdayIndex(date)] ?? '' }),
    weekdays,
    shortDate: (date: string) => short.format(new Date(toUtc(date))),
    /** 工作日 / 休息日（国庆节）/ 调休上班（国庆节）. */
    official: (day: CalendarDay) => {
      if (day.officialName === null) return day.officialWorking ? t('officialWorking') : t('officialOff');
      return isMakeup(day) ? t('makeupOf', { name: day.officialName }) : `${t('officialOff')}${t('noteParen', { note: day.officialName })}`;
    },
    status: (working: boolean) => (working ? t('setWorking') : t('setOff')),
  };
}

function DayDialog(props: { day: CalendarDay; onClose(): void; onChanged(): void }) {
  const { day } = props;
  const t = usePoliciesMessages();
  const text = useCalendarText();
  const toast = useToast();
  const errorText = useErrorText();
  const [working, setWorking] = useState(!day.working);
  const [note, setNote] = useState(day.override?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<CalendarDay>, done: (saved: CalendarDay) => string) {
    setBusy(true);
    setError(null);
    try {
      const saved = await action();
      toast('success', done(saved));
      props.onChanged();
    } catch (err) {
      setError(errorText(err));
      toast('error', errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    void run(
      () => invoke('calendar.setOverride', { date: day.date, working, note: note.trim() }),
      (saved) => t('daySaved', { date: saved.date, status: text.status(saved.working) }),
    );
  }

  return (
    <Dialog title={t('dayTitle', { date: day.date, weekday: text.weekday(day.date) })} onClose={props.onClose} testId="calendar-day-dialog">
      <form className="dialog-form" onSubmit={submit} noValidate>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <dl className="day-facts">
          <div>
            <dt>{t('officialLabel')}</dt>
            <dd>{text.official(day)}</dd>
          </div>
          <div>
            <dt>{t('companyLabel')}</dt>
            <dd>
              {day.override ? (
                <>
                  <strong>{text.status(day.override.working)}</strong>
                  {[day.override.note, day.override.updatedBy, formatTimestamp(day.override.updatedAt)].filter(Boolean).map((part) => ` · ${part}`)}
                </>
              ) : (
                <span className="muted">{t('companyNone')}</span>
              )}
            </dd>
          </div>
        </dl>
        <div className="field">
          <span className="field-label">{t('setTo')}</span>
          <div className="radio-row" role="radiogroup">
            <label className="check">
              <input type="radio" name="working" checked={working} onChange={() => setWorking(true)} data-testid="day-working" />
              <span>{t('setWorking')}</span>
            </label>
            <label className="check">
              <input type="radio" name="working" checked={!working} onChange={() => setWorking(false)} data-testid="day-off" />
              <span>{t('setOff')}</span>
            </label>
          </div>
          {working === day.officialWorking && <span className="field-hint">{t('sameAsOfficial')}</span>}
        </div>
        <Field label={t('overrideNote')}>
          <input name="note" value={note} maxLength={100} onChange={(e) => setNote(e.target.value)} placeholder={t('overrideNotePlaceholder')} autoComplete="off" />
        </Field>
        <div className="dialog-actions">
          {day.override && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                void run(
                  () => invoke('calendar.removeOverride', { date: day.date }),
                  (saved) => t('dayRestored', { date: saved.date, status: text.status(saved.working) }),
                )
              }
              data-testid="day-restore"
            >
              {t('removeOverride')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="day-save">
            {t('saveDay')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DayCell(props: { day: CalendarDay; month: string; today: string; canEdit: boolean; onOpen(day: CalendarDay): void }) {
  const { day } = props;
  const t = usePoliciesMessages();
  const classes = [
    'cal-day',
    day.working ? 'is-working' : 'is-off',
    isHoliday(day) && 'is-holiday',
    isMakeup(day) && 'is-makeup',
    day.override && 'is-override',
    !day.date.startsWith(props.month) && 'is-other-month',
    day.date === props.today && 'is-today',
  ]
    .filter(Boolean)
    .join(' ');
  const special = day.officialName !== null || day.override !== null;
  const content = (
    <>
      <span className="cal-top">
        <span className="cal-date">{Number(day.date.slice(8))}</span>
        {special && <span className={day.working ? 'cal-tag cal-tag-work' : 'cal-tag cal-tag-off'}>{day.working ? t('tagWorking') : t('tagOff')}</span>}
      </span>
      {day.officialName && <span className="cal-name">{isMakeup(day) ? t('makeupName') : day.officialName}</span>}
      {day.override && (
        <span className="cal-override" title={day.override.note}>
          {day.override.working ? t('companyWorking') : t('companyOff')}
        </span>
      )}
      {day.override?.note && <span className="cal-note">{day.override.note}</span>}
    </>
  );
  const data = { 'data-testid': `cal-day-${day.date}`, 'data-working': String(day.working), 'data-override': String(day.override !== null) };
  return props.canEdit ? (
    <button type="button" className={classes} onClick={() => props.onOpen(day)} {...data}>
      {content}
    </button>
  ) : (
    <div className={classes} {...data}>
      {content}
    </div>
  );
}

export function CalendarTab({ canEdit }: { canEdit: boolean }) {
  const t = usePoliciesMessages();
  const text = useCalendarText();
  const errorText = useErrorText();
  const toast = useToast();
  const today = localDate(new Date());
  const [month, setMonth] = useState(() => localMonth(new Date()));
  const year = month.slice(0, 4);
  const [grid, setGrid] = useState<CalendarDay[] | null>(null);
  const [yearDays, setYearDays] = useState<CalendarDay[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<CalendarDay | null>(null);
  const [version, setVersion] = useState(0);

  const loadGrid = useCallback(async () => {
    try {
      setGrid(await invoke('calendar.days', gridRange(month)));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [month]);
  const loadYear = useCallback(async () => {
    try {
      setYearDays(await invoke('calendar.days', { from: `${year}-01-01`, to: `${year}-12-31` }));
    } catch (err) {
      setError(err);
    }
  }, [year]);

  useEffect(() => {
    void loadGrid();
  }, [loadGrid, version]);
  useEffect(() => {
    void loadYear();
  }, [loadYear, version]);

  const changed = useCallback(() => {
    setSelected(null);
    setVersion((v) => v + 1);
  }, []);
  const closeDialog = useCallback(() => setSelected(null), []);

  async function restore(day: CalendarDay) {
    try {
      const saved = await invoke('calendar.removeOverride', { date: day.date });
      toast('success', t('dayRestored', { date: saved.date, status: text.status(saved.working) }));
      changed();
    } catch (err) {
      toast('error', errorText(err));
    }
  }

  const overrides = (yearDays ?? []).filter((d) => d.override !== null);
  const groups = useMemo(() => officialGroups(yearDays ?? []), [yearDays]);

  return (
    <div className="calendar-tab">
      <p className="muted page-intro">
        {t('calIntro')}
        {canEdit && ` ${t('calIntroAdmin')}`}
      </p>
      {error !== null && (
        <div className="form-error" role="alert">
          {t('loadFailed', { error: errorText(error) })}{' '}
          <button type="button" className="link" onClick={changed}>
            {t('retry')}
          </button>
        </div>
      )}
      <div className="calendar-layout">
        <div className="panel calendar-panel">
          <div className="toolbar">
            <button type="button" onClick={() => setMonth((m) => addMonths(m, -1))} data-testid="cal-prev">
              {t('prevMonth')}
            </button>
            <input
              type="month"
              value={month}
              onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setMonth(e.target.value)}
              aria-label={t('month')}
              data-testid="cal-month"
            />
            <button type="button" onClick={() => setMonth((m) => addMonths(m, 1))} data-testid="cal-next">
              {t('nextMonth')}
            </button>
            <button type="button" onClick={() => setMonth(localMonth(new Date()))}>
              {t('thisMonth')}
            </button>
            <span className="spacer" />
            <span className="cal-legend">
              <span className="legend-item legend-working">{t('legendWorking')}</span>
              <span className="legend-item legend-off">{t('legendOff')}</span>
              <span className="legend-item legend-holiday">{t('legendHoliday')}</span>
              <span className="legend-item legend-makeup">{t('legendMakeup')}</span>
              <span className="legend-item legend-override">{t('legendOverride')}</span>
            </span>
          </div>
          <div className="cal-grid" data-testid="calendar-grid" data-month={month}>
            {text.weekdays.map((w, i) => (
              <div key={w} className={i >= 5 ? 'cal-head cal-weekend' : 'cal-head'}>
                {w}
              </div>
            ))}
            {grid?.map((day) => <DayCell key={day.date} day={day} month={month} today={today} canEdit={canEdit} onOpen={setSelected} />)}
          </div>
        </div>

        <div className="panel official-panel" data-testid="official-holidays">
          <h2>{t('officialTitle', { year })}</h2>
          {yearDays && groups.length === 0 && <div className="form-notice">{t('officialMissing', { year })}</div>}
          <ul className="official-list">
            {groups.map((g) => (
              <li key={g.name}>
                <div className="official-name">{g.name}</div>
                {g.ranges.map((r) => (
                  <div key={r.from} className="official-range">
                    {r.days === 1 ? t('holidaySingle', { from: text.shortDate(r.from) }) : t('holidayRange', { from: text.shortDate(r.from), to: text.shortDate(r.to), n: r.days })}
                  </div>
                ))}
                {g.makeups.map((d) => (
                  <div key={d} className="official-makeup">
                    {t('makeupLine', { date: text.shortDate(d), weekday: text.weekday(d) })}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="panel panel-table overrides-panel">
        <h2 className="panel-title">{t('overridesTitle', { year })}</h2>
        {yearDays && overrides.length === 0 ? (
          <div className="empty-state muted">{t('overridesNone', { year })}</div>
        ) : (
          <table className="plain" data-testid="calendar-overrides">
            <thead>
              <tr>
                <th className="nowrap">{t('colDate')}</th>
                <th className="nowrap">{t('colWeekday')}</th>
                <th>{t('colOfficial')}</th>
                <th>{t('colCompany')}</th>
                <th>{t('colNote')}</th>
                <th className="nowrap">{t('colBy')}</th>
                <th className="nowrap">{t('colAt')}</th>
                {canEdit && <th className="col-actions">{t('colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {overrides.map((day) => (
                <tr key={day.date} data-testid="override-row" data-date={day.date}>
                  <td className="nowrap">
                    <button type="button" className="link" onClick={() => setMonth(day.date.slice(0, 7))}>
                      {day.date}
                    </button>
                  </td>
                  <td className="nowrap">{text.weekday(day.date)}</td>
                  <td>{text.official(day)}</td>
                  <td>
                    <span className={day.working ? 'badge badge-approved' : 'badge badge-rejected'}>{text.status(day.working)}</span>
                  </td>
                  <td>{day.override?.note || <span className="muted">{t('none')}</span>}</td>
                  <td className="nowrap">{day.override?.updatedBy ?? t('none')}</td>
                  <td className="nowrap">{day.override ? formatTimestamp(day.override.updatedAt) : ''}</td>
                  {canEdit && (
                    <td className="col-actions nowrap">
                      <button type="button" className="link" onClick={() => setSelected(day)}>
                        {t('editDay')}
                      </button>
                      <button type="button" className="link" onClick={() => void restore(day)} data-testid="override-restore">
                        {t('removeOverride')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {selected && canEdit && <DayDialog day={selected} onClose={closeDialog} onChanged={changed} />}
    </div>
  );
}
