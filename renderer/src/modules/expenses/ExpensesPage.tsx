// 费用报销 (DOMAIN §6): the expense requests as an SQL-paged grid (quick search, month, applicant,
// type and status as sets, the customer, saved column layout) with the request drawer and
// 新建费用申请; and 报销单 — reimbursements, filing one, finance paying or returning it.
// Keyboard first: Ctrl+F searches, Ctrl+N files a new request, Enter on a row opens it.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { addMonths, localMonth } from '../../../../shared/dates';
import { EXPENSE_SEE_ALL_ROLES, type Expense, type ExpenseType } from '../../../../shared/expenses';
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
import { useSalesDirectory } from '../customers/useSalesDirectory';
import { ClaimsPanel } from './ClaimsPanel';
import { expenseColumnDefs, expenseColumnGroups, FILTER_SCALES } from './expenseColumns';
import { ExpenseDrawer } from './ExpenseDrawer';
import { ExpenseForm, type ExpenseFormStart } from './ExpenseForm';
import { useExpenseMessages } from './messages';
import './expenses.css';

type Tab = 'requests' | 'claims';

export function ExpensesPage() {
  const user = useSession();
  const t = useExpenseMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();
  const directory = useSalesDirectory();
  // Reps see only their own; a supervisor his team's; the rest everyone's (the core decides).
  const seesOthers = EXPENSE_SEE_ALL_ROLES.includes(user.role) || user.role === 'supervisor';

  const [tab, setTab] = useState<Tab>('requests');
  const [api, setApi] = useState<GridApi<Expense> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [month, setMonth] = useState('');
  const [applicantId, setApplicantId] = useState<number | null>(null);
  const [filtersActive, setFiltersActive] = useState(false);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState<ExpenseFormStart | null>(null);
  const overlayOpen = openId !== null || creating !== null;
  const search = useQuickSearch(api, { ctrlF: false });
  const { quickSearch, searchRef } = search;
  const layout = useColumnLayout(layoutStorageKey('expenses', user.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  // Ctrl+F: our search; Ctrl+N: a new request (not while a drawer or dialog is open, the claims' included).
  usePageKeys({
    blocked: overlayOpen,
    onFind: () => {
      setTab('requests');
      window.setTimeout(() => {
        searchRef.current?.focus();
        searchRef.current?.select();
      });
    },
    onNew: () => setCreating({}),
  });

  const datasource = useMemo(
    () =>
      createSqlDatasource<Expense>({
        // The month and the applicant above the grid join the columns' own filters.
        load: (query) => {
          const extra: Record<string, ColumnFilter> = {};
          if (month) extra.month = { filterType: 'text', type: 'equals', filter: month };
          if (applicantId !== null) extra.applicantId = { filterType: 'number', type: 'equals', filter: applicantId };
          return invoke('expenses.list', { ...query, filter: { ...query.filter, ...extra } });
        },
        extras: { quickSearch, includeArchived: false },
        scales: FILTER_SCALES,
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch, month, applicantId],
  );

  const open = useCallback((id: number) => setOpenId(id), []);
  const columnDefs = useMemo(() => expenseColumnDefs({ t, label, onOpen: open }), [t, label, open]);
  const columnGroups = useMemo(() => expenseColumnGroups(t), [t]);
  const refresh = useCallback(() => api?.refreshInfiniteCache(), [api]);
  const replaceRow = useCallback((expense: Expense) => api?.getRowNode(String(expense.id))?.setData(expense), [api]);

  const closeDrawer = useCallback(() => {
    setOpenId(null);
    refocusGrid(api);
  }, [api]);

  // The month picker: this month and the two years before it (the core filters any YYYY-MM).
  const months = useMemo(() => {
    const now = localMonth(new Date());
    return Array.from({ length: 25 }, (_, i) => addMonths(now, -i));
  }, []);

  const anyFilter = filtersActive || month !== '' || applicantId !== null;
  function clearFilters() {
    setMonth('');
    setApplicantId(null);
    search.clear();
    void api?.setFilterModel(null);
  }

  return (
    <div className="page expenses-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'requests'} className={tab === 'requests' ? 'tab active' : 'tab'} onClick={() => setTab('requests')} data-testid="expenses-tab-requests">
            {t('tabRequests')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'claims'} className={tab === 'claims' ? 'tab active' : 'tab'} onClick={() => setTab('claims')} data-testid="expenses-tab-claims">
            {t('tabClaims')}
          </button>
        </div>
        {tab === 'requests' && (
          <span className="muted" data-testid="expenses-total">
            {total === null ? '' : t('total', { n: formatNumber(total) })}
          </span>
        )}
      </div>

      {tab === 'requests' ? (
        <>
          <div className="toolbar">
            <input {...search.inputProps} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} data-testid="expenses-search" />
            <label className="inline-field">
              {t('month')}
              <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="expenses-month">
                <option value="">{t('allMonths')}</option>
                {months.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>
            {seesOthers && (
              <label className="inline-field">
                {t('applicant')}
                <select value={applicantId ?? ''} onChange={(e) => setApplicantId(e.target.value ? Number(e.target.value) : null)} data-testid="expenses-applicant">
                  <option value="">{t('everyone')}</option>
                  {directory.owners.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.displayName}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {anyFilter && (
              <button type="button" className="link" onClick={clearFilters} data-testid="expenses-clear-filters">
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
              refreshTestId="expenses-refresh"
            />
            <button type="button" className="primary" onClick={() => setCreating({})} title={t('newHint')} data-testid="expenses-new">
              {t('newRequest')}
            </button>
          </div>
          <div className="grid-host" data-testid="expenses-grid">
            <ServerGrid<Expense>
              datasource={datasource}
              layout={layout}
              columnDefs={columnDefs}
              rowClassRules={{ 'row-muted': (params) => params.data?.status === 'withdrawn' || params.data?.status === 'rejected' }}
              onApi={setApi}
              onFiltersActive={setFiltersActive}
              onOpenRow={(expense) => setOpenId(expense.id)}
              onFocusedRow={(expense) => setFocusedId(expense?.id ?? null)}
            />
          </div>
        </>
      ) : (
        <ClaimsPanel />
      )}

      {openId !== null && (
        <ExpenseDrawer
          id={openId}
          onClose={closeDrawer}
          onChanged={replaceRow}
          onOpen={setOpenId}
          onFileUnderTrip={(trip, type: ExpenseType) => {
            setOpenId(null);
            setCreating({ type, tripId: trip.id, applicantId: trip.applicantId });
          }}
        />
      )}
      {creating && (
        <ExpenseForm
          start={creating}
          onClose={() => setCreating(null)}
          onSubmitted={() => {
            setCreating(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
