// 记录扣分: a judge records a W-FAKE (ticking the person's visits of the month found falsified, each
// one case) or a W-POLICY deduction with its day and reason. The core answers with the points at the
// parameters in force on that day and its findings (the dismissal flag among them), shown here; the
// page reloads the scores behind the dialog.
import { useEffect, useRef, useState } from 'react';
import { VISIT_KIND_LABELS, type Visit } from '../../../../shared/activity';
import { localDate } from '../../../../shared/dates';
import { DEDUCTION_RULE_LABELS, PERFORMANCE_FIELD_LABELS, RECORDED_DEDUCTION_RULES, type DeductionRecord, type RecordedDeductionRule } from '../../../../shared/performance';
import { ApiError, invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { Findings } from '../activity/Findings';
import { formKeyDown } from '../requests/KindFields';
import { Dialog } from '../users/Dialog';
import { monthEnd } from '../ledger/ledgerValues';
import { usePerformanceMessages } from './messages';

export function DeductionDialog(props: { month: string; people: readonly { id: number; name: string }[]; onClose(): void; onRecorded(record: DeductionRecord): void }) {
  const { month } = props;
  const t = usePerformanceMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  const rootRef = useRef<HTMLDivElement>(null);
  const today = localDate(new Date());
  const lastDay = monthEnd(month);
  const [userId, setUserId] = useState<number | null>(null);
  const [ruleId, setRuleId] = useState<RecordedDeductionRule>('W-FAKE');
  const [date, setDate] = useState(today.startsWith(month) ? today : lastDay);
  const [reason, setReason] = useState('');
  const [visits, setVisits] = useState<Visit[] | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<DeductionRecord | null>(null);

  useEffect(() => {
    setPicked(new Set());
    if (userId === null || ruleId !== 'W-FAKE') {
      setVisits(null);
      return;
    }
    let alive = true;
    invoke('activity.visits', {
      startRow: 0,
      endRow: 500,
      sort: [{ colId: 'visitDate', sort: 'asc' }],
      filter: { userId: { filterType: 'number', type: 'equals', filter: userId }, month: { filterType: 'text', type: 'equals', filter: month } },
    })
      .then((page) => alive && setVisits(page.rows))
      .catch((e: unknown) => alive && setFormError(errorText(e)));
    return () => {
      alive = false;
    };
  }, [userId, ruleId, month, errorText]);

  async function submit() {
    if (saving || result) return;
    const local: Record<string, string> = {};
    if (userId === null) local.userId = t('required');
    if (!reason.trim()) local.reason = t('required');
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const record = await invoke('performance.recordDeduction', { userId: userId!, ruleId, date, reason, visitIds: ruleId === 'W-FAKE' ? [...picked] : [] });
      setResult(record);
      setErrors({});
      toast('success', t('recorded', { name: record.userName, rule: label(DEDUCTION_RULE_LABELS[record.ruleId]), points: record.points }));
      props.onRecorded(record);
    } catch (error) {
      const payload = error instanceof ApiError ? error.payload : null;
      const next: Record<string, string> = {};
      for (const issue of payload?.issues ?? []) next[issue.field.split('.')[0] ?? issue.field] = lang === 'zh' ? issue.message : issue.messageEn;
      setErrors(next);
      const unplaced = Object.entries(next).filter(([k]) => !['userId', 'ruleId', 'date', 'reason', 'visitIds'].includes(k));
      setFormError(
        Object.keys(next).length === 0
          ? t('failed', { error: errorText(error) })
          : unplaced.length
            ? unplaced.map(([k, v]) => `${PERFORMANCE_FIELD_LABELS[k] ? label(PERFORMANCE_FIELD_LABELS[k]) + '：' : ''}${v}`).join('；')
            : null,
      );
    } finally {
      setSaving(false);
    }
  }

  const person = props.people.find((p) => p.id === userId);
  return (
    <Dialog title={t('dialogTitle')} onClose={props.onClose} testId="deduction-dialog" wide>
      <div
        className="dialog-form"
        ref={rootRef}
        onKeyDown={(event) => formKeyDown(event, { root: rootRef.current, submit: () => void submit() })}
      >
        <div className="form-grid form-grid-2">
          <Field label={t('person')} error={errors.userId}>
            <select value={userId ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : null)} disabled={result !== null} data-testid="deduction-person">
              <option value="">{t('pick')}</option>
              {props.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('rule')} error={errors.ruleId}>
            <select value={ruleId} onChange={(e) => setRuleId(e.target.value as RecordedDeductionRule)} disabled={result !== null} data-testid="deduction-rule">
              {RECORDED_DEDUCTION_RULES.map((r) => (
                <option key={r} value={r}>
                  {r} {label(DEDUCTION_RULE_LABELS[r])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('date')} error={errors.date}>
            <input type="date" value={date} min={`${month}-01`} max={lastDay} onChange={(e) => setDate(e.target.value)} disabled={result !== null} data-testid="deduction-date" />
          </Field>
          <Field label={t('reason')} error={errors.reason} wide>
            <textarea value={reason} rows={2} maxLength={500} placeholder={ruleId === 'W-FAKE' ? t('reasonFake') : t('reasonPolicy')} onChange={(e) => setReason(e.target.value)} disabled={result !== null} data-testid="deduction-reason" />
          </Field>
        </div>

        {ruleId === 'W-FAKE' && (
          <div className={`deduction-visits${errors.visitIds ? ' field-invalid' : ''}`} data-testid="deduction-visits">
            <div className="field-label">{t('visits')}</div>
            {userId === null ? (
              <p className="muted small">{t('pickPersonFirst')}</p>
            ) : visits === null ? (
              <p className="muted small">{t('loading')}</p>
            ) : visits.length === 0 ? (
              <p className="muted small">{t('visitsNone')}</p>
            ) : (
              <>
                <p className="muted small">{t('visitsHint', { name: person?.name ?? '', month })}</p>
                <ul className="visit-picks">
                  {visits.map((v) => {
                    const done = v.falsifiedAt !== null;
                    return (
                      <li key={v.id} className={done ? 'is-falsified' : undefined}>
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={picked.has(v.id) || done}
                            disabled={done || result !== null}
                            onChange={() =>
                              setPicked((s) => {
                                const next = new Set(s);
                                if (next.has(v.id)) next.delete(v.id);
                                else next.add(v.id);
                                return next;
                              })
                            }
                            data-testid="deduction-visit"
                            data-visit={v.id}
                          />
                          <span className="nowrap">{v.visitDate}</span>
                          <span className="nowrap">{v.customerName}</span>
                          <span className="badge">{label(VISIT_KIND_LABELS[v.kind])}</span>
                          <span className="visit-pick-outcome">{v.outcome}</span>
                          {done && <span className="badge tone-rejected">{t('alreadyFalsified')}</span>}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            {errors.visitIds && (
              <span className="field-error" role="alert">
                {errors.visitIds}
              </span>
            )}
          </div>
        )}

        {formError && (
          <div className="form-error" role="alert">
            {formError}
          </div>
        )}
        {result && (
          <div className="deduction-result" data-testid="deduction-result">
            <strong>{t('result', { points: result.points, cases: result.cases })}</strong>
            <Findings findings={result.findings} testId="deduction-finding" />
          </div>
        )}

        <div className="dialog-actions">
          <button type="button" onClick={props.onClose} data-testid="deduction-close">
            {result ? t('close') : t('cancel')}
          </button>
          {!result && (
            <button type="button" className="primary" onClick={() => void submit()} disabled={saving} data-testid="deduction-submit">
              {saving ? t('submitting') : t('submit')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
