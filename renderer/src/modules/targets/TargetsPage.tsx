// 目标分解 (K-TARGET, DOMAIN §9): a year's sales target typed into a spreadsheet-style grid — the
// year and its 12 months (quarters are their sums, read-only), then the breakdowns by region,
// channel, product line and rep, each for the year and, when chosen, by month. The same checkPlan
// the core saves with runs on every keystroke: each place where the parts do not add up is listed
// (Chinese first) and its cells marked, and 保存 stays disabled until none is left. Amounts are
// typed in yuan and sent in fen. Only TARGET_EDITOR_ROLES edit; the others read.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CHANNEL_LABELS } from '../../../../shared/domain';
import { formatTimestamp } from '../../../../shared/dates';
import { formatFen } from '../../../../shared/money';
import {
  BREAKDOWN_DIMENSIONS,
  MONTHS_PER_YEAR,
  quartersOf,
  TARGET_DIMENSION_LABELS,
  TARGET_EDITOR_ROLES,
  TARGET_REP_ROLES,
  type BreakdownDimension,
  type TargetPlan,
} from '../../../../shared/targets';
import { ApiError, invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel } from '../../i18n';
import { useTargetMessages } from './messages';
import {
  blankMonths,
  build,
  channelCandidates,
  check,
  draftOf,
  fenOf,
  splitEvenly,
  sumOf,
  tidy,
  withCandidates,
  type Candidates,
  type Draft,
  type DraftRow,
} from './targetDraft';
import './targets.css';

const MONTHS = Array.from({ length: MONTHS_PER_YEAR }, (_, i) => i + 1);
const QUARTERS = [1, 2, 3, 4];
const NO_CANDIDATES: Candidates = { region: [], channel: [], line: [], rep: [] };

const money = (fen: number | null): string => (fen === null ? '—' : formatFen(fen));

/** Arrow keys and Enter move between the grid's inputs like a spreadsheet. */
function moveInGrid(event: KeyboardEvent<HTMLInputElement>) {
  const input = event.currentTarget;
  const table = input.closest('table');
  if (!table) return;
  const cells = [...table.querySelectorAll<HTMLInputElement>('input.target-input')];
  const row = Number(input.dataset.r);
  const col = input.dataset.col;
  const cols = [...new Set(cells.map((c) => c.dataset.col))];
  let target: HTMLInputElement | undefined;
  if (event.key === 'ArrowDown' || event.key === 'Enter') target = cells.find((c) => Number(c.dataset.r) > row && c.dataset.col === col);
  else if (event.key === 'ArrowUp') target = [...cells].reverse().find((c) => Number(c.dataset.r) < row && c.dataset.col === col);
  else if ((event.key === 'ArrowRight' && input.selectionStart === input.value.length) || (event.key === 'ArrowLeft' && input.selectionStart === 0)) {
    const next = cols[cols.indexOf(col) + (event.key === 'ArrowRight' ? 1 : -1)];
    target = cells.find((c) => Number(c.dataset.r) === row && c.dataset.col === next);
  } else return;
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.select();
}

export function TargetsPage() {
  const me = useSession();
  const t = useTargetMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const canEdit = (TARGET_EDITOR_ROLES as readonly string[]).includes(me.role);

  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [plan, setPlan] = useState<TargetPlan | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [tab, setTab] = useState<BreakdownDimension>('region');
  const [candidates, setCandidates] = useState<Candidates>(NO_CANDIDATES);
  const [newKey, setNewKey] = useState('');
  const candidatesRef = useRef(candidates);
  candidatesRef.current = candidates;

  // The rows an editor may fill: regions of the salespeople, the channels, the product lines on the
  // price list, the reps and supervisors. Readers see only the plan's own rows.
  useEffect(() => {
    if (!canEdit) return;
    let cancelled = false;
    void (async () => {
      const [people, products] = await Promise.all([
        invoke('users.directory', {}).catch(() => []),
        invoke('products.list', { startRow: 0, endRow: 1000 }).catch(() => ({ rows: [], total: 0 })),
      ]);
      if (cancelled) return;
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
      const regions = [...new Set(people.map((u) => u.region.trim()).filter(Boolean))].map((r) => ({ key: r, name: r })).sort(byName);
      const lines = [...new Set(products.rows.map((p) => p.productLine.trim()).filter(Boolean))].map((l) => ({ key: l, name: l })).sort(byName);
      const reps = people
        .filter((u) => (TARGET_REP_ROLES as readonly string[]).includes(u.role))
        .map((u) => ({ key: String(u.id), name: u.displayName }))
        .sort(byName);
      setCandidates({ region: regions, channel: channelCandidates((k) => CHANNEL_LABELS[k].zh), line: lines, rep: reps });
    })();
    return () => {
      cancelled = true;
    };
  }, [canEdit]);

  const load = useCallback(async (which: number) => {
    try {
      const loaded = await invoke('targets.get', { year: which });
      setPlan(loaded);
      setDraft(withCandidates(draftOf(loaded), candidatesRef.current));
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, []);

  useEffect(() => {
    setPlan(null);
    setDraft(null);
    setSaveError(null);
    void load(year);
  }, [year, load]);

  useEffect(() => {
    setDraft((d) => (d ? withCandidates(d, candidates) : d));
  }, [candidates]);

  const built = useMemo(() => (draft ? build(draft) : null), [draft]);
  const checked = useMemo(() => (draft && built ? check(draft, built) : null), [draft, built]);
  const dirty = useMemo(() => {
    if (!plan || !built) return false;
    return JSON.stringify(build(draftOf(plan)).input) !== JSON.stringify(built.input);
  }, [plan, built]);

  const problems = (checked?.mismatches.length ?? 0) + (checked?.incomplete.length ?? 0) + (built?.invalid.size ?? 0);
  const canSave = canEdit && dirty && problems === 0 && !saving;

  async function save() {
    if (!built?.input || !canSave) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await invoke('targets.save', built.input);
      setPlan(saved);
      setDraft(withCandidates(draftOf(saved), candidates));
      toast('success', t('saved', { year: saved.year }));
    } catch (err) {
      if (err instanceof ApiError && err.payload.code === 'CONFLICT') {
        setSaveError(t('conflict', { error: errorText(err) }));
        await load(year);
      } else {
        setSaveError(errorText(err));
      }
    } finally {
      setSaving(false);
    }
  }

  // —— editing ——
  const setTotal = (patch: Partial<Draft['total']>) => setDraft((d) => (d ? { ...d, total: { ...d.total, ...patch } } : d));
  const setRow = (dimension: BreakdownDimension, index: number, patch: Partial<DraftRow>) =>
    setDraft((d) => (d ? { ...d, breakdowns: { ...d.breakdowns, [dimension]: d.breakdowns[dimension].map((r, i) => (i === index ? { ...r, ...patch } : r)) } } : d));
  const setByMonth = (dimension: BreakdownDimension, on: boolean) =>
    setDraft((d) =>
      d
        ? {
            ...d,
            byMonth: { ...d.byMonth, [dimension]: on },
            breakdowns: { ...d.breakdowns, [dimension]: d.breakdowns[dimension].map((r) => ({ ...r, months: on ? (r.months ?? blankMonths()) : null })) },
          }
        : d,
    );
  const splitRows = (dimension: BreakdownDimension) =>
    setDraft((d) =>
      d
        ? { ...d, breakdowns: { ...d.breakdowns, [dimension]: d.breakdowns[dimension].map((r) => (r.months ? { ...r, months: splitEvenly(r.year) ?? r.months } : r)) } }
        : d,
    );
  function addRow() {
    const key = newKey.trim();
    if (!key || !draft || draft.breakdowns[tab].some((r) => r.key === key)) return;
    setDraft({ ...draft, breakdowns: { ...draft.breakdowns, [tab]: [...draft.breakdowns[tab], { key, name: key, year: '', months: draft.byMonth[tab] ? blankMonths() : null }] } });
    setNewKey('');
  }

  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, year])].sort();
  const flagged = checked?.flagged ?? new Set<string>();
  const invalid = built?.invalid ?? new Set<string>();

  function cell(id: string, value: string, onChange: (v: string) => void, r: number, col: string) {
    const cls = ['target-cell', flagged.has(id) ? 'target-flagged' : '', invalid.has(id) ? 'target-invalid' : ''].join(' ');
    if (!canEdit) {
      const fen = fenOf(value);
      return (
        <td key={col} className={cls} data-col={col}>
          {fen === null ? value : money(fen)}
        </td>
      );
    }
    return (
      <td key={col} className={cls} data-col={col}>
        <input
          className="target-input"
          inputMode="decimal"
          size={1}
          value={value}
          data-r={r}
          data-col={col}
          aria-invalid={invalid.has(id) || flagged.has(id)}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => onChange(tidy(e.target.value))}
          onFocus={(e) => e.target.select()}
          onKeyDown={moveInGrid}
        />
      </td>
    );
  }

  function quarterCells(months: readonly string[] | null) {
    const fens = months?.map(fenOf);
    const quarters = fens && fens.every((f) => f !== null) ? quartersOf(fens as number[]) : null;
    return QUARTERS.map((q) => (
      <td key={q} className="target-cell target-quarter" data-col={`q${q}`}>
        {months ? money(quarters ? quarters[q - 1]! : null) : ''}
      </td>
    ));
  }

  function header() {
    return (
      <thead>
        <tr>
          <th className="target-name">{t('colName')}</th>
          <th>{t('colYear')}</th>
          {MONTHS.map((m) => (
            <th key={m}>{t('colMonth', { m })}</th>
          ))}
          {QUARTERS.map((q) => (
            <th key={q} className="target-quarter">
              {t('colQuarter', { q })}
            </th>
          ))}
        </tr>
      </thead>
    );
  }

  function dimensionTable(dimension: BreakdownDimension) {
    if (!draft) return null;
    const rows = draft.breakdowns[dimension];
    const monthly = draft.byMonth[dimension];
    const yearSum = sumOf(rows.map((r) => r.year));
    const monthSums = monthly ? MONTHS.map((m) => sumOf(rows.map((r) => r.months?.[m - 1] ?? ''))) : null;
    const totalYear = fenOf(draft.total.year);
    const totalMonths = draft.total.months.map(fenOf);
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
    const sumCls = (id: string) => ['target-cell', 'target-sum', flagged.has(id) ? 'target-flagged' : ''].join(' ');
    return (
      <table className="target-grid" data-testid={`targets-grid-${dimension}`}>
        {header()}
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td className="target-name muted" colSpan={2 + MONTHS_PER_YEAR + 4}>
                {t('empty')}
              </td>
            </tr>
          )}
          {rows.map((row, index) => (
            <tr key={row.key} data-key={row.key} className={flagged.has(`${dimension}:${index}:year`) ? 'target-row-flagged' : ''}>
              <th className="target-name" scope="row">
                {row.name}
              </th>
              {cell(`${dimension}:${index}:year`, row.year, (v) => setRow(dimension, index, { year: v }), index, 'year')}
              {MONTHS.map((m) =>
                row.months ? (
                  cell(
                    `${dimension}:${index}:m${m}`,
                    row.months[m - 1] ?? '',
                    (v) => setRow(dimension, index, { months: row.months!.map((x, i) => (i === m - 1 ? v : x)) }),
                    index,
                    `m${m}`,
                  )
                ) : (
                  <td key={m} className="target-cell target-off" />
                ),
              )}
              {quarterCells(row.months)}
            </tr>
          ))}
          <tr className="target-sum-row" data-testid={`targets-sum-${dimension}`}>
            <th className="target-name" scope="row">
              {t('sumRow')}
            </th>
            <td className={sumCls(`${dimension}:sum:year`)} data-col="year">
              {money(yearSum)}
            </td>
            {MONTHS.map((m) => (
              <td key={m} className={sumCls(`${dimension}:sum:m${m}`)} data-col={`m${m}`}>
                {monthSums ? money(monthSums[m - 1]!) : ''}
              </td>
            ))}
            {QUARTERS.map((q) => (
              <td key={q} className="target-cell target-sum target-quarter">
                {monthSums && monthSums.every((s) => s !== null) ? money(quartersOf(monthSums as number[])[q - 1]!) : ''}
              </td>
            ))}
          </tr>
          {canEdit && rows.length > 0 && (
            <tr className="target-diff-row" data-testid={`targets-diff-${dimension}`}>
              <th className="target-name" scope="row">
                {t('diffRow')}
              </th>
              <td className="target-cell target-diff" data-col="year">
                {showDiff(diff(yearSum, totalYear))}
              </td>
              {MONTHS.map((m) => (
                <td key={m} className="target-cell target-diff" data-col={`m${m}`}>
                  {monthSums ? showDiff(diff(monthSums[m - 1]!, totalMonths[m - 1]!)) : ''}
                </td>
              ))}
              <td colSpan={4} />
            </tr>
          )}
        </tbody>
      </table>
    );
  }

  const mismatchCount = (dimension: BreakdownDimension) => (checked?.mismatches.filter((m) => m.dimension === dimension).length ?? 0) + (checked?.incomplete.includes(dimension) ? 1 : 0);

  return (
    <div className="page targets-page" data-testid="targets-page">
      <div className="toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <label className="inline-field">
          {t('year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="targets-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {plan && plan.version > 0 && (
          <span className="muted" data-testid="targets-version">
            {t('version', { v: plan.version, who: plan.updatedBy?.name ?? '—', at: plan.updatedAt ? formatTimestamp(plan.updatedAt) : '—' })}
          </span>
        )}
        {plan && plan.version === 0 && <span className="muted">{t('noPlan', { year })}</span>}
        <span className="spacer" />
        {canEdit && dirty && <span className="badge badge-pending">{t('unsaved')}</span>}
        {canEdit && (
          <>
            <button type="button" disabled={!dirty || saving} onClick={() => plan && setDraft(withCandidates(draftOf(plan), candidates))} data-testid="targets-reset">
              {t('reset')}
            </button>
            <button type="button" className="primary" disabled={!canSave} onClick={() => void save()} data-testid="targets-save">
              {saving ? t('saving') : t('save')}
            </button>
          </>
        )}
      </div>
      <p className="muted page-intro">{canEdit ? t('intro') : t('introReadOnly')}</p>
      {plan && plan.repScope !== 'all' && <p className="muted page-intro">{plan.repScope === 'team' ? t('scopeTeam') : t('scopeOwn')}</p>}

      {loadError !== null && (
        <div className="form-error" role="alert">
          {t('loadFailed', { error: errorText(loadError) })}{' '}
          <button type="button" className="link" onClick={() => void load(year)}>
            {t('retry')}
          </button>
        </div>
      )}
      {saveError && (
        <div className="form-error" role="alert" data-testid="targets-save-error">
          {saveError}
        </div>
      )}

      {!draft ? (
        loadError === null && <div className="empty-state muted">{t('loading')}</div>
      ) : (
        <>
          {canEdit && (
            <div className={problems > 0 ? 'form-error target-check' : 'target-check target-ok'} role="status" data-testid="targets-check">
              {problems === 0 ? (
                t('allGood')
              ) : (
                <>
                  <div>{t('mismatchesTitle')}</div>
                  <ul>
                    {invalid.size > 0 && <li data-testid="targets-invalid">{t('invalidCells', { n: invalid.size })}</li>}
                    {checked?.mismatches.map((m, i) => (
                      <li key={i} data-testid="targets-mismatch" data-field={m.field} data-month={m.month}>
                        {m.message}
                        <span className="target-en"> · {m.messageEn}</span>
                      </li>
                    ))}
                    {checked?.incomplete.map((d) => (
                      <li key={d} data-testid="targets-mismatch">
                        {t('incomplete', { dim: label(TARGET_DIMENSION_LABELS[d]) })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}

          <section className="panel target-section">
            <div className="toolbar">
              <h2 className="target-section-title">{label(TARGET_DIMENSION_LABELS.total)}</h2>
              {canEdit && (
                <button type="button" title={t('splitEvenHint')} onClick={() => setTotal({ months: splitEvenly(draft.total.year) ?? draft.total.months })} data-testid="targets-split-total">
                  {t('splitEven')}
                </button>
              )}
            </div>
            <div className="target-scroll">
              <table className="target-grid" data-testid="targets-grid-total">
                {header()}
                <tbody>
                  <tr className={flagged.has('total:year') ? 'target-row-flagged' : ''}>
                    <th className="target-name" scope="row">
                      {t('totalRow')}
                    </th>
                    {cell('total:year', draft.total.year, (v) => setTotal({ year: v }), 0, 'year')}
                    {MONTHS.map((m) =>
                      cell(`total:m${m}`, draft.total.months[m - 1] ?? '', (v) => setTotal({ months: draft.total.months.map((x, i) => (i === m - 1 ? v : x)) }), 0, `m${m}`),
                    )}
                    {quarterCells(draft.total.months)}
                  </tr>
                  {canEdit && (
                    <tr className="target-diff-row" data-testid="targets-diff-total">
                      <th className="target-name" scope="row">
                        {t('diffRow')}
                      </th>
                      <td className="target-cell target-diff" data-col="year">
                        {(() => {
                          const s = sumOf(draft.total.months);
                          const y = fenOf(draft.total.year);
                          return showDiff(s === null || y === null ? null : s - y);
                        })()}
                      </td>
                      <td colSpan={MONTHS_PER_YEAR + 4} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </section>

          <section className="panel target-section">
            <div className="toolbar">
              <div className="tabs" role="tablist">
                {BREAKDOWN_DIMENSIONS.map((d) => (
                  <button
                    key={d}
                    type="button"
                    role="tab"
                    aria-selected={tab === d}
                    className={tab === d ? 'tab active' : 'tab'}
                    onClick={() => {
                      setTab(d);
                      setNewKey('');
                    }}
                    data-testid={`targets-tab-${d}`}
                  >
                    {label(TARGET_DIMENSION_LABELS[d])}
                    {canEdit && mismatchCount(d) > 0 && <span className="target-tab-flag">{mismatchCount(d)}</span>}
                  </button>
                ))}
              </div>
              {canEdit && (
                <>
                  <label className="check">
                    <input type="checkbox" checked={draft.byMonth[tab]} onChange={(e) => setByMonth(tab, e.target.checked)} data-testid="targets-by-month" />
                    <span>{t('byMonth')}</span>
                  </label>
                  {draft.byMonth[tab] && (
                    <button type="button" title={t('splitEvenHint')} onClick={() => splitRows(tab)} data-testid="targets-split-rows">
                      {t('splitEven')}
                    </button>
                  )}
                  {(tab === 'region' || tab === 'line') && (
                    <>
                      <span className="spacer" />
                      <input
                        value={newKey}
                        maxLength={40}
                        placeholder={tab === 'region' ? t('newRegion') : t('newLine')}
                        aria-label={tab === 'region' ? t('newRegion') : t('newLine')}
                        onChange={(e) => setNewKey(e.target.value)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') {
                            e.preventDefault();
                            addRow();
                          }
                        }}
                        data-testid="targets-new-key"
                      />
                      <button type="button" onClick={addRow} disabled={!newKey.trim()} data-testid="targets-add-row">
                        {t('addRow')}
                      </button>
                    </>
                  )}
                </>
              )}
            </div>
            <div className="target-scroll">{dimensionTable(tab)}</div>
          </section>
        </>
      )}
    </div>
  );
}

function showDiff(fen: number | null): string {
  if (fen === null) return '—';
  if (fen === 0) return '0.00';
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}
