// 审计日志 (admin, gm): the append-only record of every write, newest first, 50 to a page.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { FIELD_LABELS, type AuditEntry } from '../../../../shared/api';
import { formatTimestamp } from '../../../../shared/dates';
import { REQUEST_STATUSES, REQUEST_STATUS_LABELS, ROLES, ROLE_LABELS, type RequestStatus, type Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useErrorText, useLabel, useNumberFormat } from '../../i18n';
import { useFieldValueText } from '../approvals/values';
import { diffEntries } from './diff';
import { isAuditMessageKey, useAuditMessages } from './messages';

const PAGE_SIZE = 50;
const MAX_DIFF_LINES = 4;
const MAX_VALUE_CHARS = 60;
const AUDIT_ENTITIES = ['customers', 'users', 'customer_change_requests', 'customer_applications', 'company'] as const;

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
const isRequestStatus = (value: string): value is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(value);
const truncate = (text: string) => (text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text);

/** (entity, field, value) → short display text, with domain labels where the field has them. */
function useAuditValueText(): (entity: string, key: string, value: unknown) => string {
  const valueText = useFieldValueText();
  const label = useLabel();
  return useCallback(
    (entity, key, value) => {
      if (typeof value === 'string') {
        if (key === 'role' && isRole(value)) return label(ROLE_LABELS[value]);
        if (key === 'status' && entity !== 'customers' && isRequestStatus(value)) return label(REQUEST_STATUS_LABELS[value]);
      }
      return truncate(valueText(key, value));
    },
    [valueText, label],
  );
}

function DiffSummary({ entry }: { entry: AuditEntry }) {
  const t = useAuditMessages();
  const label = useLabel();
  const valueText = useAuditValueText();
  const entries = diffEntries(entry.before, entry.after);
  if (entries.length === 0) return null;
  const shown = entries.slice(0, MAX_DIFF_LINES);
  return (
    <ul className="diff">
      {shown.map((d) => (
        <li key={d.key}>
          {d.key && <span className="diff-key">{label(FIELD_LABELS[d.key]) || d.key}</span>}
          {!d.created && (
            <>
              <del className="diff-before">{valueText(entry.entity, d.key, d.before)}</del>
              <span className="diff-arrow" aria-hidden="true">→</span>
            </>
          )}
          <ins className="diff-after">{valueText(entry.entity, d.key, d.after)}</ins>
        </li>
      ))}
      {entries.length > shown.length && <li className="muted">{t('more', { n: entries.length - shown.length })}</li>}
    </ul>
  );
}

/** Pretty JSON; a change request's `changes` (stored as JSON text) is shown as the list it is. */
function json(value: unknown): string {
  if (value === null || value === undefined) return '';
  return JSON.stringify(
    value,
    (key, inner: unknown) => {
      if (key === 'changes' && typeof inner === 'string') {
        try {
          return JSON.parse(inner) as unknown;
        } catch {
          return inner;
        }
      }
      return inner;
    },
    2,
  );
}

export function AuditPage() {
  const t = useAuditMessages();
  const errorText = useErrorText();
  const number = useNumberFormat();
  const [entity, setEntity] = useState('');
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ rows: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());

  const load = useCallback(async () => {
    setBusy(true);
    try {
      const startRow = page * PAGE_SIZE;
      setData(await invoke('audit.list', { startRow, endRow: startRow + PAGE_SIZE, entity: entity || undefined }));
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [entity, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const entityText = (code: string) => {
    const key = `entity_${code}`;
    return isAuditMessageKey(key) ? t(key) : code;
  };
  const actionText = (code: string) => {
    const key = `action_${code}`;
    return isAuditMessageKey(key) ? t(key) : code;
  };
  const toggle = (id: number) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const total = data?.total ?? 0;
  const from = page * PAGE_SIZE;
  const to = Math.min(from + PAGE_SIZE, total);
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);

  return (
    <div className="page">
      <div className="toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <label className="inline-field">
          <span>{t('entity')}</span>
          <select
            name="entity"
            value={entity}
            onChange={(e) => {
              setEntity(e.target.value);
              setPage(0);
              setExpanded(new Set());
            }}
            data-testid="audit-entity"
          >
            <option value="">{t('allEntities')}</option>
            {AUDIT_ENTITIES.map((code) => (
              <option key={code} value={code}>
                {entityText(code)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load()} disabled={busy}>
          {t('refresh')}
        </button>
        <span className="spacer" />
        <span className="muted" data-testid="audit-range">
          {data && (total ? t('range', { from: number(from + 1), to: number(to), total: number(total) }) : t('none'))}
        </span>
        <button type="button" onClick={() => setPage((p) => Math.max(0, p - 1))} disabled={busy || page === 0} data-testid="audit-prev">
          {t('prev')}
        </button>
        <button type="button" onClick={() => setPage((p) => Math.min(lastPage, p + 1))} disabled={busy || page >= lastPage} data-testid="audit-next">
          {t('next')}
        </button>
      </div>

      {error !== null && (
        <div className="form-error" role="alert">
          {t('loadFailed', { error: errorText(error) })}{' '}
          <button type="button" className="link" onClick={() => void load()}>
            {t('retry')}
          </button>
        </div>
      )}

      <div className="panel panel-table">
        {data === null ? (
          error === null && <div className="empty-state muted">{t('loading')}</div>
        ) : (
          <table className="plain audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th className="nowrap">{t('colAt')}</th>
                <th className="nowrap">{t('colUser')}</th>
                <th className="nowrap">{t('colAction')}</th>
                <th className="nowrap">{t('colEntity')}</th>
                <th className="audit-changes">{t('colChanges')}</th>
                <th className="nowrap">{t('colDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted empty-row">
                    {t('none')}
                  </td>
                </tr>
              )}
              {data.rows.map((row) => {
                const open = expanded.has(row.id);
                return (
                  <Fragment key={row.id}>
                    <tr data-testid="audit-row" data-action={row.action} className={open ? 'row-open' : undefined}>
                      <td className="nowrap" title={row.at}>{formatTimestamp(row.at)}</td>
                      <td className="nowrap">{row.userName ?? (row.userId ? `#${row.userId}` : <span className="muted">{t('system')}</span>)}</td>
                      <td className="nowrap" title={row.action}>{actionText(row.action)}</td>
                      <td className="nowrap">
                        {entityText(row.entity)}
                        {row.entityId && <span className="muted"> #{row.entityId}</span>}
                      </td>
                      <td className="audit-changes">
                        <DiffSummary entry={row} />
                      </td>
                      <td>
                        <button type="button" className="link" aria-expanded={open} onClick={() => toggle(row.id)} data-testid="audit-expand">
                          {open ? t('hide') : t('show')}
                        </button>
                      </td>
                    </tr>
                    {open && (
                      <tr className="audit-json-row">
                        <td colSpan={6}>
                          <div className="audit-json">
                            <div>
                              <div className="field-label">{t('before')}</div>
                              <pre>{json(row.before) || t('empty')}</pre>
                            </div>
                            <div>
                              <div className="field-label">{t('after')}</div>
                              <pre>{json(row.after) || t('empty')}</pre>
                            </div>
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
