// One rule of the catalog: id, name, description, the parameters in force (marked where they differ
// from the policy's defaults), the version in force and versions scheduled for later.
import type { ParamVersion, RuleInfo } from '../../../../shared/policy';
import { useLabel } from '../../i18n';
import { usePoliciesMessages } from './messages';
import { changedKeys, paramFields, sameValue, type ParamField } from './paramSchema';
import { useParamText } from './paramValues';

/** A parameter's value: a small table for rows (leave-notice tiers…), else one line. */
export function ParamValue({ field, value }: { field: ParamField; value: unknown }) {
  const label = useLabel();
  const text = useParamText();
  const { shape } = field;
  if (shape.kind === 'table' && Array.isArray(value)) {
    return (
      <table className="param-rows">
        <thead>
          <tr>
            {shape.columns.map((c) => (
              <th key={c.key}>{label(c.label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {value.map((row, i) => (
            <tr key={i}>
              {shape.columns.map((c) => (
                <td key={c.key}>{text.scalar(typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[c.key] : undefined, c.unit, c.shape)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <span className="param-value">{text.line(field, value)}</span>;
}

/** "签单时公司承担比例 70%；…" of a version's parameters that differ from `current`. */
export function useVersionSummary(): (fields: readonly ParamField[], version: ParamVersion, current: Record<string, unknown>) => string {
  const t = usePoliciesMessages();
  const label = useLabel();
  const text = useParamText();
  return (fields, version, current) => {
    const changed = fields.filter((f) => f.key in version.params && !sameValue(version.params[f.key], current[f.key]));
    if (changed.length === 0) return t('noChange');
    return changed.map((f) => `${label(f.label)} ${text.line(f, version.params[f.key])}`).join(t('listSep'));
  };
}

export function RuleCard(props: { rule: RuleInfo; canEdit: boolean; canSeeHistory: boolean; onEdit(): void; onHistory(): void }) {
  const { rule } = props;
  const t = usePoliciesMessages();
  const label = useLabel();
  const text = useParamText();
  const summary = useVersionSummary();
  const fields = paramFields(rule);
  const changed = new Set(changedKeys(rule));
  const hasParams = fields.length > 0;

  return (
    <article className="panel rule-card" data-testid="rule-card" data-rule={rule.id}>
      <header className="rule-head">
        <span className="rule-badge mono">{rule.id}</span>
        <h3 className="rule-name">{label(rule.name)}</h3>
        {changed.size > 0 && <span className="badge badge-pending">{t('changedBadge')}</span>}
        {rule.scheduled.length > 0 && <span className="badge">{t('scheduledBadge')}</span>}
        <span className="spacer" />
        {hasParams && props.canSeeHistory && (
          <button type="button" className="link" onClick={props.onHistory} data-testid="rule-history">
            {t('history')}
          </button>
        )}
        {hasParams && props.canEdit && (
          <button type="button" onClick={props.onEdit} data-testid="rule-edit">
            {t('edit')}
          </button>
        )}
      </header>
      <div className="rule-body">
        <p className="rule-desc">{label(rule.description)}</p>
        <div className="rule-params">
          {hasParams ? (
            <table className="param-table" data-testid="rule-params">
              <tbody>
                {fields.map((field) => {
                  const isChanged = changed.has(field.key);
                  return (
                    <tr key={field.key} data-param={field.key} className={isChanged ? 'param-changed' : undefined}>
                      <th>{label(field.label)}</th>
                      <td>
                        <div className={field.shape.kind === 'table' ? 'param-cell param-cell-block' : 'param-cell'}>
                          <span className="param-current" data-testid="param-value">
                            <ParamValue field={field} value={rule.params[field.key]} />
                          </span>
                          {isChanged && (
                            <span className="param-default" data-testid="param-default">
                              {t('defaultIs', { value: text.line(field, rule.defaults[field.key]) })}
                            </span>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted rule-noparams">{t('noParams')}</p>
          )}
          {rule.inForce && (
            <div className="rule-version muted" data-testid="rule-version">
              {t('inForceSince', { date: rule.inForce.effectiveFrom })}
              {rule.inForce.createdBy && ` · ${t('inForceBy', { name: rule.inForce.createdBy })}`}
              {rule.inForce.note && ` · ${rule.inForce.note}`}
            </div>
          )}
          {rule.scheduled.map((version) => (
            <div key={version.effectiveFrom} className="rule-scheduled" data-testid="rule-scheduled">
              <strong>{t('scheduledLine', { date: version.effectiveFrom })}</strong>
              {summary(fields, version, rule.params)}
              {version.note && <span className="muted">{t('noteParen', { note: version.note })}</span>}
            </div>
          ))}
        </div>
      </div>
    </article>
  );
}
