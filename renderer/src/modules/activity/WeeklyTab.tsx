// 周报: the weekly summary & plan of a week (Monday–Sunday; any day picks its week) with the week's
// figures from the daily logs (visits by kind, days logged of the working days) and the findings
// (W-LOG late, C-VISIT's rep minimum). Ctrl+S saves with the version loaded.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WeeklyReport } from '../../../../shared/activity';
import { addDays, mondayOf } from '../../../../shared/dates';
import { ApiError, invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText, useLang } from '../../i18n';
import { Findings, stamp } from './Findings';
import { useActivityMessages } from './messages';

export function WeeklyTab({ weekOf, onWeek, userId, today }: { weekOf: string; onWeek(date: string): void; userId: number | null; today: string }) {
  const t = useActivityMessages();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const [week, setWeek] = useState<WeeklyReport | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [plan, setPlan] = useState('');
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const fill = useCallback((w: WeeklyReport) => {
    setWeek(w);
    setSummary(w.summary);
    setPlan(w.plan);
    setErrors({});
    setFormError(null);
  }, []);

  useEffect(() => {
    let alive = true;
    setWeek(null);
    invoke('activity.weekly', userId === null ? { weekOf } : { weekOf, userId })
      .then((w) => {
        if (!alive) return;
        fill(w);
        setLoadError(null);
      })
      .catch((e: unknown) => alive && setLoadError(errorText(e)));
    return () => {
      alive = false;
    };
  }, [weekOf, userId, fill, errorText]);

  async function save() {
    if (!week?.canEdit || saving) return;
    setSaving(true);
    try {
      fill(await invoke('activity.saveWeekly', { weekOf, summary, plan, version: week.version }));
      toast('success', t('weeklySaved'));
    } catch (error) {
      const payload = error instanceof ApiError ? error.payload : null;
      const next: Record<string, string> = {};
      for (const issue of payload?.issues ?? []) next[issue.field] = lang === 'zh' ? issue.message : issue.messageEn;
      setErrors(next);
      setFormError(payload?.code === 'CONFLICT' ? t('conflict') : Object.keys(next).length > 0 && (next.summary || next.plan) ? null : t('saveFailed', { error: errorText(error) }));
    } finally {
      setSaving(false);
    }
  }
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's' || document.querySelector('.overlay')) return;
      event.preventDefault();
      void saveRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const monday = mondayOf(weekOf);
  const editable = week?.canEdit === true;
  const late = week !== null && week.daysLate > 0;

  return (
    <div className="activity-weekly" data-testid="weekly-tab">
      <div className="toolbar">
        <span className="inline-field date-switcher">
          <button type="button" onClick={() => onWeek(addDays(monday, -7))} title={t('prevWeek')} aria-label={t('prevWeek')}>
            ‹
          </button>
          <input type="date" value={weekOf} onChange={(e) => e.target.value && onWeek(e.target.value)} aria-label={t('week')} data-testid="weekly-date" />
          <button type="button" onClick={() => onWeek(addDays(monday, 7))} title={t('nextWeek')} aria-label={t('nextWeek')}>
            ›
          </button>
          <strong className="week-range" data-testid="weekly-range">
            {t('weekRange', { from: week?.weekStart ?? monday, to: week?.weekEnd ?? addDays(monday, 6) })}
          </strong>
          {mondayOf(today) !== monday && (
            <button type="button" className="link" onClick={() => onWeek(today)}>
              {t('thisWeek')}
            </button>
          )}
        </span>
        <span className="spacer" />
        {week && (
          <span className={`log-status${late ? ' is-late' : ''}`} data-testid="weekly-status">
            {week.submittedAt ? t('submittedAt', { at: stamp(week.submittedAt) }) : t('notFiled')}
            <span className="muted small"> · {t('dueAt', { at: stamp(week.dueAt) })}</span>
            {late && <span className="log-late"> · {t('lateBy', { days: week.daysLate, points: week.pointsDeducted })}</span>}
          </span>
        )}
      </div>
      {loadError && <div className="form-error">{t('loadFailed', { error: loadError })}</div>}
      {week && !editable && <div className="form-notice">{t('readOnly', { name: week.userName })}</div>}
      {week && (
        <div className="weekly-layout">
          <div className="panel weekly-form">
            <label className={`field${errors.summary ? ' field-invalid' : ''}`}>
              <span className="field-label">{t('weekSummary')}</span>
              <textarea value={summary} rows={7} maxLength={4000} readOnly={!editable} onChange={(e) => setSummary(e.target.value)} data-testid="weekly-summary" />
              {errors.summary && <span className="field-error" role="alert">{errors.summary}</span>}
            </label>
            <label className={`field${errors.plan ? ' field-invalid' : ''}`}>
              <span className="field-label">{t('weekPlan')}</span>
              <textarea value={plan} rows={7} maxLength={4000} readOnly={!editable} onChange={(e) => setPlan(e.target.value)} data-testid="weekly-plan" />
              {errors.plan && <span className="field-error" role="alert">{errors.plan}</span>}
            </label>
            {formError && <div className="form-error" role="alert">{formError}</div>}
            {editable && (
              <div className="log-foot">
                <span className="spacer" />
                <button type="button" className="primary" onClick={() => void save()} disabled={saving} title={t('saveHint')} data-testid="weekly-save">
                  {saving ? t('saving') : t('saveWeekly')}
                </button>
              </div>
            )}
          </div>
          <div className="panel weekly-aside">
            <h3>{t('figures')}</h3>
            <dl className="activity-figures" data-testid="weekly-figures">
              <div>
                <dt>{t('visitsNew')}</dt>
                <dd data-testid="weekly-new">{week.visits.new}</dd>
              </div>
              <div>
                <dt>{t('visitsRevisit')}</dt>
                <dd data-testid="weekly-revisit">{week.visits.revisit}</dd>
              </div>
              <div>
                <dt>{t('visitsPhone')}</dt>
                <dd data-testid="weekly-phone">{week.visits.phone}</dd>
              </div>
              <div>
                <dt>{t('daysLogged')}</dt>
                <dd data-testid="weekly-days">
                  {week.daysLogged} / {week.workingDays}
                </dd>
              </div>
            </dl>
            <h3>{t('findings')}</h3>
            {week.findings.length === 0 ? <p className="muted small">{t('noFindings')}</p> : <Findings findings={week.findings} testId="weekly-finding" />}
          </div>
        </div>
      )}
    </div>
  );
}
