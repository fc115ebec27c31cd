// 客户投诉 (DOMAIN §7): the complaint register as an SQL-paged grid with live countdowns of the
// three deadlines (P-HANDLE, P-RESPOND, P-SLIP), overdue rows in red; filters by status, severity,
// source, overdue and month, and a quick search; the complaint's drawer and 登记投诉.
// "#/complaints?id=12" (the home page's links) opens that complaint.
// Keyboard first: Ctrl+F searches, Ctrl+N registers a complaint, Enter on a row opens it.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  COMPLAINT_SEVERITIES,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  OPEN_COMPLAINT_STATUSES,
  type Complaint,
} from '../../../../shared/complaints';
import { addMonths, localMonth } from '../../../../shared/dates';
import type { ColumnFilter } from '../../../../shared/grid';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { GridTools } from '../../grid/GridTools';
import { createSqlDatasource } from '../../grid/datasource';
import { refocusGrid, ServerGrid } from '../../grid/ServerGrid';
import { usePageKeys } from '../../grid/usePageKeys';
import { useQuickSearch } from '../../grid/useQuickSearch';
import { useErrorText, useLabel, useNumberFormat } from '../../i18n';
import { complaintColumnDefs, complaintColumnGroups, FILTER_SCALES } from './complaintColumns';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintForm } from './ComplaintForm';
import { isOverdue } from './complaintValues';
import { useHashId } from '../../app/hashId';
import { useComplaintMessages } from './messages';
import './complaints.css';

/** '' all, 'open' every status but archived, or one status. */
type StatusChoice = '' | 'open' | Complaint['status'];

export function ComplaintsPage() {
  const user = useSession();
  const t = useComplaintMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();

  const [api, setApi] = useState<GridApi<Complaint> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [status, setStatus] = useState<StatusChoice>('');
  const [severity, setSeverity] = useState('');
  const [source, setSource] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [month, setMonth] = useState('');
  const [filtersActive, setFiltersActive] = useState(false);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [openId, setOpenId, clearOpenId] = useHashId('complaints');
  const [creating, setCreating] = useState(false);
  const overlayOpen = openId !== null || creating;
  const search = useQuickSearch(api, { ctrlF: false });
  const { quickSearch, searchRef } = search;
  const layout = useColumnLayout(layoutStorageKey('complaints', user.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  usePageKeys({
    blocked: overlayOpen,
    onFind: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    onNew: () => setCreating(true),
  });

  const datasource = useMemo(
    () =>
      createSqlDatasource<Complaint>({
        load: (query) => {
          const extra: Record<string, ColumnFilter> = {};
          if (status === 'open') extra.status = { filterType: 'set', values: [...OPEN_COMPLAINT_STATUSES] };
          else if (status) extra.status = { filterType: 'set', values: [status] };
          if (severity) extra.severity = { filterType: 'set', values: [severity] };
          if (source) extra.source = { filterType: 'set', values: [source] };
          if (overdueOnly) extra.overdue = { filterType: 'text', type: 'equals', filter: '1' };
          if (month) extra.month = { filterType: 'text', type: 'equals', filter: month };
          return invoke('complaints.list', { ...query, filter: { ...query.filter, ...extra } });
        },
        extras: { quickSearch, includeArchived: false },
        scales: FILTER_SCALES,
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch, status, severity, source, overdueOnly, month],
  );

  const open = useCallback((id: number) => setOpenId(id), []);
  const columnDefs = useMemo(() => complaintColumnDefs({ t, label, onOpen: open }), [t, label, open]);
  const columnGroups = useMemo(() => complaintColumnGroups(t), [t]);
  const refresh = useCallback(() => api?.refreshInfiniteCache(), [api]);
  const replaceRow = useCallback((complaint: Complaint) => api?.getRowNode(String(complaint.id))?.setData(complaint), [api]);

  const closeDrawer = useCallback(() => {
    clearOpenId();
    refocusGrid(api);
  }, [api, clearOpenId]);

  const months = useMemo(() => {
    const now = localMonth(new Date());
    return Array.from({ length: 25 }, (_, i) => addMonths(now, -i));
  }, []);

  const anyFilter = filtersActive || status !== '' || severity !== '' || source !== '' || overdueOnly || month !== '';
  function clearFilters() {
    setStatus('');
    setSeverity('');
    setSource('');
    setOverdueOnly(false);
    setMonth('');
    search.clear();
    void api?.setFilterModel(null);
  }

  return (
    <div className="page complaints-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted" data-testid="complaints-total">
          {total === null ? '' : t('total', { n: formatNumber(total) })}
        </span>
      </div>
      <div className="toolbar">
        <input {...search.inputProps} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} data-testid="complaints-search" />
        <label className="inline-field">
          {t('status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusChoice)} data-testid="complaints-status">
            <option value="">{t('allStatuses')}</option>
            <option value="open">{t('openStatuses')}</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(COMPLAINT_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('severity')}
          <select value={severity} onChange={(e) => setSeverity(e.target.value)} data-testid="complaints-severity">
            <option value="">{t('allSeverities')}</option>
            {COMPLAINT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {label(COMPLAINT_SEVERITY_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('source')}
          <select value={source} onChange={(e) => setSource(e.target.value)} data-testid="complaints-source">
            <option value="">{t('allSources')}</option>
            {COMPLAINT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {label(COMPLAINT_SOURCE_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('month')}
          <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="complaints-month">
            <option value="">{t('allMonths')}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="complaints-overdue" />
          {t('overdueOnly')}
        </label>
        {anyFilter && (
          <button type="button" className="link" onClick={clearFilters} data-testid="complaints-clear-filters">
            ✕ {t('clearFilters')}
          </button>
        )}
        <span className="spacer" />
        <GridTools
          api={api}
          groups={columnGroups}
          onReset={layout.reset}
          details={{ focusedId, open: setOpenId, label: t('details'), hint: t('detailsHint') }}
          onRefresh={refresh}
          refreshTestId="complaints-refresh"
        />
        <button type="button" className="primary" onClick={() => setCreating(true)} title={t('newHint')} data-testid="complaints-new">
          {t('newComplaint')}
        </button>
      </div>
      <div className="grid-host" data-testid="complaints-grid">
        <ServerGrid<Complaint>
          datasource={datasource}
          layout={layout}
          columnDefs={columnDefs}
          rowClassRules={{
            'row-overdue': (params) => (params.data ? params.data.status !== 'archived' && isOverdue(params.data) : false),
            'row-muted': (params) => params.data?.status === 'archived',
          }}
          onApi={setApi}
          onFiltersActive={setFiltersActive}
          onOpenRow={(complaint) => setOpenId(complaint.id)}
          onFocusedRow={(complaint) => setFocusedId(complaint?.id ?? null)}
        />
      </div>

      {openId !== null && <ComplaintDrawer id={openId} onClose={closeDrawer} onChanged={replaceRow} />}
      {creating && (
        <ComplaintForm
          onClose={() => setCreating(false)}
          onCreated={(complaint) => {
            setCreating(false);
            refresh();
            setOpenId(complaint.id);
          }}
        />
      )}
    </div>
  );
}
