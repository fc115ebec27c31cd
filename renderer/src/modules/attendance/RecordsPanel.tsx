// 打卡记录 (attendance.records): a month's clock records, of one person or everyone the caller sees;
// the attendance keeper enters or corrects one person's day (attendance.record, upserted: a day has
// one record) — clock-in and clock-out typed HH:MM, Enter moving on, the core's errors beside the
// field. A row's 更正 fills the form with it.
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ATTENDANCE_KEEPER_ROLES, type AttendanceRecord } from '../../../../shared/attendance';
import { formatTimestamp, localDate } from '../../../../shared/dates';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLang } from '../../i18n';
import { issuesByField } from '../expenses/expenseValues';
import { useEmployees } from '../leave/employees';
import { MonthSwitcher } from '../leave/LeaveCalendar';
import { formKeyDown } from '../requests/KindFields';
import { useAttendanceMessages } from './messages';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "825" or "8:25" → "08:25" (as people type on the number pad); anything else unchanged. */
export function normalizeTime(text: string): string {
  const s = text.trim().replace('：', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s);
  if (!m) return s;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

export function RecordsPanel(props: { month: string; onMonth(month: string): void }) {
  const t = useAttendanceMessages();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const me = useSession();
  const employees = useEmployees();
  const keeper = ATTENDANCE_KEEPER_ROLES.includes(me.role);
  const formRef = useRef<HTMLFormElement>(null);
  const { month } = props;

  const [filterUser, setFilterUser] = useState<number | null>(keeper ? null : me.id);
  const [records, setRecords] = useState<AttendanceRecord[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [userId, setUserId] = useState<number | null>(null);
  const [date, setDate] = useState(() => localDate(new Date()));
  const [clockIn, setClockIn] = useState('');
  const [clockOut, setClockOut] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    let alive = true;
    invoke('attendance.records', { month, ...(filterUser !== null ? { userId: filterUser } : {}) })
      .then((list) => alive && (setRecords(list), setLoadError(null)))
      .catch((e: unknown) => alive && (setRecords(null), setLoadError(errorText(e))));
    return () => {
      alive = false;
    };
  }, [month, filterUser, errorText]);
  useEffect(() => load(), [load]);

  function edit(record: AttendanceRecord) {
    setUserId(record.userId);
    setDate(record.date);
    setClockIn(record.clockIn ?? '');
    setClockOut(record.clockOut ?? '');
    setNote(record.note);
    setErrors({});
    setFormError(null);
    window.setTimeout(() => formRef.current?.querySelector<HTMLInputElement>('input[name=clockIn]')?.focus());
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const inText = normalizeTime(clockIn);
    const outText = normalizeTime(clockOut);
    const local: Record<string, string> = {};
    if (userId === null) local.userId = t('required');
    if (!date) local.date = t('required');
    if (inText && !TIME_RE.test(inText)) local.clockIn = t('badTime');
    if (outText && !TIME_RE.test(outText)) local.clockOut = t('badTime');
    if (!local.clockIn && !local.clockOut && inText && outText && outText < inText) local.clockOut = t('outBeforeIn');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length || userId === null) return;
    setBusy(true);
    try {
      const saved = await invoke('attendance.record', { userId, date, clockIn: inText || null, clockOut: outText || null, note: note.trim() });
      toast('success', t('saved', { name: saved.userName, date: saved.date }));
      setClockIn(saved.clockIn ?? '');
      setClockOut(saved.clockOut ?? '');
      load();
    } catch (error) {
      const issues = issuesByField(error, lang);
      setErrors(issues);
      if (!Object.keys(issues).some((k) => ['userId', 'date', 'clockIn', 'clockOut', 'note'].includes(k))) setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // Enter in the note submits the form; in any other field it moves on.
    formKeyDown(event, { root: formRef.current, own: (e) => e.key === 'Enter' && (e.target as HTMLElement).getAttribute('name') === 'note' });
  }

  const sourceText = (s: AttendanceRecord['source']) => (s === 'manual' ? t('sourceManual') : s === 'import' ? t('sourceImport') : t('sourceSignCard'));

  return (
    <div className="att-panel" data-testid="attendance-records">
      <div className="toolbar">
        <MonthSwitcher month={month} onChange={props.onMonth} testId="records-month" />
        {keeper && (
          <label className="inline-field">
            {t('person')}
            <select value={filterUser ?? ''} onChange={(e) => setFilterUser(e.target.value ? Number(e.target.value) : null)} data-testid="records-person">
              <option value="">{t('everyone')}</option>
              {employees.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted small">{t('recordsHint')}</span>
      </div>
      {keeper && (
        <form ref={formRef} className="panel att-edit" onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} data-testid="record-form">
          <h3>{t('editTitle')}</h3>
          {formError && (
            <div className="form-error" role="alert" data-testid="record-form-error">
              {formError}
            </div>
          )}
          <div className="att-edit-fields">
            <Field label={`${t('employee')} *`} error={errors.userId}>
              <select name="userId" value={userId ?? ''} aria-invalid={errors.userId ? true : undefined} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : null)} data-testid="record-user">
                <option value="">{t('pickEmployee')}</option>
                {employees.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={`${t('date')} *`} error={errors.date}>
              <input type="date" name="date" value={date} aria-invalid={errors.date ? true : undefined} onChange={(e) => setDate(e.target.value)} data-testid="record-date" />
            </Field>
            <Field label={t('clockIn')} error={errors.clockIn} hint={t('timeHint')}>
              <input
                name="clockIn"
                className="time-input"
                value={clockIn}
                placeholder="08:25"
                maxLength={5}
                autoComplete="off"
                aria-invalid={errors.clockIn ? true : undefined}
                onChange={(e) => setClockIn(e.target.value)}
                onBlur={() => setClockIn((v) => normalizeTime(v))}
                data-testid="record-in"
              />
            </Field>
            <Field label={t('clockOut')} error={errors.clockOut} hint={t('timeHint')}>
              <input
                name="clockOut"
                className="time-input"
                value={clockOut}
                placeholder="17:30"
                maxLength={5}
                autoComplete="off"
                aria-invalid={errors.clockOut ? true : undefined}
                onChange={(e) => setClockOut(e.target.value)}
                onBlur={() => setClockOut((v) => normalizeTime(v))}
                data-testid="record-out"
              />
            </Field>
            <Field label={t('note')} error={errors.note}>
              <input name="note" value={note} maxLength={200} autoComplete="off" onChange={(e) => setNote(e.target.value)} data-testid="record-note" />
            </Field>
            <div className="att-edit-actions">
              <button type="submit" className="primary" disabled={busy} data-testid="record-save">
                {busy ? t('saving') : t('save')}
              </button>
            </div>
          </div>
        </form>
      )}
      {loadError && (
        <div className="form-error" role="alert">
          {loadError}
        </div>
      )}
      <div className="panel panel-table att-host">
        <table className="plain">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th>{t('colDate')}</th>
              <th>{t('colIn')}</th>
              <th>{t('colOut')}</th>
              <th>{t('colSource')}</th>
              <th>{t('colNote')}</th>
              <th>{t('colUpdated')}</th>
              {keeper && <th />}
            </tr>
          </thead>
          <tbody>
            {records === null && !loadError && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('loading')}
                </td>
              </tr>
            )}
            {records?.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('noRecords')}
                </td>
              </tr>
            )}
            {records?.map((r) => (
              <tr key={r.id} data-testid="record-row" data-user={r.userId} data-date={r.date}>
                <td>{r.userName}</td>
                <td className="nowrap">{r.date}</td>
                <td className="mono">{r.clockIn ?? '—'}</td>
                <td className="mono">{r.clockOut ?? '—'}</td>
                <td>{sourceText(r.source)}</td>
                <td>{r.note}</td>
                <td className="muted small nowrap">{formatTimestamp(r.updatedAt)}</td>
                {keeper && (
                  <td>
                    <button type="button" className="link" onClick={() => edit(r)} data-testid="record-edit">
                      {t('editRow')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
