// 请假 (DOMAIN §8): the leave forms as an SQL-paged grid (quick search, type and status as sets,
// saved column layout) with the leave's drawer and 新建请假; and the team's leave calendar of a month.
// Keyboard first: Ctrl+F searches, Ctrl+N files a new leave, Enter on a row opens it.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { addMonths, localMonth } from '../../../../shared/dates';
import type { Leave } from '../../../../shared/leave';
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
import '../expenses/expenses.css';
import { LeaveCalendar } from './LeaveCalendar';
import { leaveColumnDefs, leaveColumnGroups } from './leaveColumns';
import { LeaveDrawer } from './LeaveDrawer';
import { LeaveForm } from './LeaveForm';
import { useLeaveMessages } from './messages';
import './leave.css';

type Tab = 'list' | 'calendar';

export function LeavePage() {
  const user = useSession();
  const t = useLeaveMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();

  const [tab, setTab] = useState<Tab>('list');
  const [api, setApi] = useState<GridApi<Leave> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [filtersActive, setFiltersActive] = useState(false);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [month, setMonth] = useState('');
  const [calendarMonth, setCalendarMonth] = useState(() => localMonth(new Date()));
  const [reloadKey, setReloadKey] = useState(0);
  const overlayOpen = openId !== null || creating;
  const search = useQuickSearch(api, { ctrlF: false });
  const { quickSearch, searchRef } = search;
  const layout = useColumnLayout(layoutStorageKey('leave', user.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  usePageKeys({
    blocked: overlayOpen,
    onFind: () => {
      setTab('list');
      window.setTimeout(() => {
        searchRef.current?.focus();
        searchRef.current?.select();
      });
    },
    onNew: () => setCreating(true),
  });

  const datasource = useMemo(
    () =>
      createSqlDatasource<Leave>({
        // The month above the grid joins the columns' own filters (leaves with a day in it).
        load: (query) => invoke('leave.list', month ? { ...query, filter: { ...query.filter, month: { filterType: 'text', type: 'equals', filter: month } } } : query),
        extras: { quickSearch, includeArchived: false },
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch, month],
  );

  const open = useCallback((id: number) => setOpenId(id), []);
  const columnDefs = useMemo(() => leaveColumnDefs({ t, label, onOpen: open }), [t, label, open]);
  const columnGroups = useMemo(() => leaveColumnGroups(t), [t]);
  const refresh = useCallback(() => {
    api?.refreshInfiniteCache();
    setReloadKey((k) => k + 1);
  }, [api]);
  const replaceRow = useCallback(
    (leave: Leave) => {
      api?.getRowNode(String(leave.id))?.setData(leave);
      setReloadKey((k) => k + 1);
    },
    [api],
  );

  const closeDrawer = useCallback(() => {
    setOpenId(null);
    refocusGrid(api);
  }, [api]);

  // The month picker: a few months ahead (leave is applied for ahead) and two years back.
  const months = useMemo(() => {
    const now = localMonth(new Date());
    return Array.from({ length: 28 }, (_, i) => addMonths(now, 3 - i));
  }, []);

  function clearFilters() {
    setMonth('');
    search.clear();
    void api?.setFilterModel(null);
  }

  return (
    <div className="page expenses-page leave-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'list'} className={tab === 'list' ? 'tab active' : 'tab'} onClick={() => setTab('list')} data-testid="leave-tab-list">
            {t('tabList')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'calendar'} className={tab === 'calendar' ? 'tab active' : 'tab'} onClick={() => setTab('calendar')} data-testid="leave-tab-calendar">
            {t('tabCalendar')}
          </button>
        </div>
        {tab === 'list' && (
          <span className="muted" data-testid="leave-total">
            {total === null ? '' : t('total', { n: formatNumber(total) })}
          </span>
        )}
        <span className="spacer" />
        {tab === 'calendar' && (
          <button type="button" className="primary" onClick={() => setCreating(true)} title={t('newHint')} data-testid="leave-new-calendar">
            {t('newLeave')}
          </button>
        )}
      </div>

      {tab === 'list' ? (
        <>
          <div className="toolbar">
            <input {...search.inputProps} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} data-testid="leave-search" />
            <label className="inline-field">
              {t('month')}
              <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="leave-month">
                <option value="">{t('allMonths')}</option>
                {months.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>
            {(filtersActive || quickSearch !== '' || month !== '') && (
              <button type="button" className="link" onClick={clearFilters} data-testid="leave-clear-filters">
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
              refreshTestId="leave-refresh"
            />
            <button type="button" className="primary" onClick={() => setCreating(true)} title={t('newHint')} data-testid="leave-new">
              {t('newLeave')}
            </button>
          </div>
          <div className="grid-host" data-testid="leave-grid">
            <ServerGrid<Leave>
              datasource={datasource}
              layout={layout}
              columnDefs={columnDefs}
              rowClassRules={{ 'row-muted': (params) => params.data?.status === 'withdrawn' || params.data?.status === 'rejected' }}
              onApi={setApi}
              onFiltersActive={setFiltersActive}
              onOpenRow={(leave) => setOpenId(leave.id)}
              onFocusedRow={(leave) => setFocusedId(leave?.id ?? null)}
            />
          </div>
        </>
      ) : (
        <LeaveCalendar month={calendarMonth} onMonth={setCalendarMonth} onOpen={setOpenId} reloadKey={reloadKey} />
      )}

      {openId !== null && <LeaveDrawer id={openId} onClose={closeDrawer} onChanged={replaceRow} />}
      {creating && (
        <LeaveForm
          onClose={() => setCreating(false)}
          onSubmitted={() => {
            setCreating(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
