// 客户档案: the SQL-paged customer grid (quick search, column filters, saved layout, inline edits)
// with the detail / create drawer. Keyboard first: Ctrl+F searches, Enter edits a cell (or opens
// the customer where a cell cannot be edited), double-click on the customer no. opens it too.
import type { CellDoubleClickedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi, SortModelItem } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Customer } from '../../../../shared/customers';
import { CUSTOMER_APPROVER_ROLES, CUSTOMER_EDITOR_ROLES, type Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { GridTools } from '../../grid/GridTools';
import { CACHE_BLOCK_SIZE, createSqlDatasource, toGridQuery } from '../../grid/datasource';
import { refocusGrid, ServerGrid } from '../../grid/ServerGrid';
import { downloadText } from '../../grid/download';
import { useErrorText, useLabel, useNumberFormat } from '../../i18n';
import { CustomerDrawer, type DrawerTarget } from './CustomerDrawer';
import { customerColumnDefs, customerColumnGroups, EXPORTABLE_COLUMNS, FILTER_SCALES } from './customerColumns';
import { useCustomerMessages } from './messages';
import { useInlineEdit } from './useInlineEdit';
import { useSalesDirectory } from './useSalesDirectory';
import { useQuickSearch } from '../../grid/useQuickSearch';

const hasRole = (roles: readonly Role[], role: Role) => roles.includes(role);

/** The grid's sort as the core wants it: sorted columns in their sort order. */
function currentSort(api: GridApi<Customer>): SortModelItem[] {
  return api
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort === 'desc' ? 'desc' : 'asc' }));
}

export function CustomersPage() {
  const user = useSession();
  const t = useCustomerMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();
  const directory = useSalesDirectory();
  const directoryRef = useRef(directory);
  directoryRef.current = directory;

  const canEdit = hasRole(CUSTOMER_EDITOR_ROLES, user.role);
  const isApprover = hasRole(CUSTOMER_APPROVER_ROLES, user.role);
  const canChangeOwner = canEdit && user.role !== 'rep';

  const [api, setApi] = useState<GridApi<Customer> | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  // The search box (debounce, Enter, Esc, Ctrl+F).
  const search = useQuickSearch(api, { ctrlF: drawer === null });
  const { quickSearch, searchRef } = search;
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const layout = useColumnLayout(layoutStorageKey('customers', user.id));
  const onCellEditRequest = useInlineEdit();

  // Messages used inside the datasource are read through a ref, so a language switch does not reload.
  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  const datasource = useMemo(
    () =>
      createSqlDatasource<Customer>({
        load: (query) => invoke('customers.list', query),
        extras: { quickSearch, includeArchived },
        scales: FILTER_SCALES,
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch, includeArchived],
  );

  const columnDefs = useMemo(
    () => customerColumnDefs({ t, label, canEdit, canChangeOwner, isApprover, directory: directoryRef }),
    [t, label, canEdit, canChangeOwner, isApprover],
  );
  const columnGroups = useMemo(() => customerColumnGroups({ t, label }), [t, label]);

  // The owner column shows names from the directory once it has loaded.
  useEffect(() => {
    if (api && !api.isDestroyed()) api.refreshCells({ columns: ['ownerName'], force: true });
  }, [api, directory]);

  const openCustomer = useCallback((id: number | undefined) => {
    if (id !== undefined) setDrawer({ mode: 'edit', id });
  }, []);

  const onCellDoubleClicked = useCallback(
    (event: CellDoubleClickedEvent<Customer>) => {
      // Editable cells edit on double-click, like a spreadsheet; the others open the customer.
      if (event.node.data && !event.column.isCellEditable(event.node)) openCustomer(event.node.data.id);
    },
    [openCustomer],
  );

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<Customer> | FullWidthCellKeyDownEvent<Customer>) => {
      const key = event.event instanceof KeyboardEvent ? event.event : null;
      if (!key || key.key !== 'Enter' || !('column' in event) || !event.node.data) return;
      // Enter edits an editable cell; on the customer no. (and any read-only cell) it opens the customer.
      if (!event.column.isCellEditable(event.node)) {
        key.preventDefault();
        openCustomer(event.node.data.id);
      }
    },
    [openCustomer],
  );

  const closeDrawer = useCallback(() => {
    setDrawer(null);
    // Back to where the user was in the grid.
    if (!refocusGrid(api)) searchRef.current?.focus();
  }, [api]);

  const refresh = useCallback(() => api?.refreshInfiniteCache(), [api]);

  const replaceRow = useCallback(
    (customer: Customer) => {
      api?.getRowNode(String(customer.id))?.setData(customer);
    },
    [api],
  );

  async function exportCsv() {
    if (!api) return;
    setExporting(true);
    try {
      const query = toGridQuery(
        { startRow: 0, endRow: CACHE_BLOCK_SIZE, sortModel: currentSort(api), filterModel: api.getFilterModel() },
        { quickSearch, includeArchived },
        FILTER_SCALES,
      );
      const columns = api
        .getAllDisplayedColumns()
        .map((c) => c.getColId())
        .filter((colId) => EXPORTABLE_COLUMNS.has(colId));
      const result = await invoke('customers.exportCsv', { query, columns });
      downloadText(result.filename, result.csv, 'text/csv;charset=utf-8');
      toast('success', t('exported', { n: formatNumber(result.rows), file: result.filename }));
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="page customers-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted" data-testid="customers-total">
          {total === null ? '' : t('total', { n: formatNumber(total) })}
        </span>
      </div>
      <div className="toolbar">
        <input
          {...search.inputProps}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          data-testid="customers-search"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(event) => setIncludeArchived(event.target.checked)}
            data-testid="customers-archived-toggle"
          />
          {t('showArchived')}
        </label>
        <span className="spacer" />
        <GridTools
          api={api}
          groups={columnGroups}
          onReset={layout.reset}
          details={{ focusedId, open: openCustomer, label: t('details'), hint: t('detailsHint'), testId: 'customers-details' }}
          onRefresh={refresh}
          refreshTestId="customers-refresh"
        />
        <button type="button" onClick={exportCsv} disabled={!api || exporting} data-testid="customers-export">
          {t('exportCsv')}
        </button>
        {canEdit && (
          <button type="button" className="primary" onClick={() => setDrawer({ mode: 'create' })} data-testid="customers-add">
            {t('add')}
          </button>
        )}
      </div>
      <div className="grid-host" data-testid="customers-grid">
        <ServerGrid<Customer>
          datasource={datasource}
          layout={layout}
          columnDefs={columnDefs}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          singleClickEdit={false}
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          rowClassRules={{ 'row-archived': (params) => Boolean(params.data?.archived) }}
          onApi={setApi}
          onCellDoubleClicked={onCellDoubleClicked}
          onCellKeyDown={onCellKeyDown}
          onFocusedRow={(customer) => setFocusedId(customer?.id ?? null)}
        />
      </div>
      {drawer && (
        <CustomerDrawer
          target={drawer}
          directory={directory}
          onClose={closeDrawer}
          onSaved={replaceRow}
          onCreated={() => {
            setDrawer(null);
            refresh();
          }}
          onArchivedChanged={refresh}
        />
      )}
    </div>
  );
}
