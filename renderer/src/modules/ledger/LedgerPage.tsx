// 销售账 (O-LEDGER): balances per customer as an SQL-paged grid (balance = the sum of the customer's
// entries; the collection cycle in days) → the customer's entries with the running balance in a
// drawer, where finance posts receipts and deposits, reverses entries, and anyone who sees the
// customer may request a bad-debt write-off (S-BADDEBT).
import type { ColDef, GridApi, ValueFormatterParams } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { BalanceRow } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { createSqlDatasource } from '../../grid/datasource';
import { refocusGrid, ServerGrid } from '../../grid/ServerGrid';
import { useErrorText, useNumberFormat } from '../../i18n';
import { CustomerLedgerDrawer } from './CustomerLedgerDrawer';
import { useLedgerMessages, type LedgerT } from './messages';
import './ledger.css';
import { useQuickSearch } from '../../grid/useQuickSearch';

const text = { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 } } as const;

function balanceColumns(t: LedgerT): ColDef<BalanceRow>[] {
  return [
    { colId: 'customerNo', field: 'customerNo', headerName: t('colCustomerNo'), initialWidth: 120, initialPinned: 'left', cellClass: 'cell-key', ...text },
    { colId: 'customerName', field: 'customerName', headerName: t('colCustomerName'), initialWidth: 260, tooltipField: 'customerName', ...text },
    { colId: 'ownerName', field: 'ownerName', headerName: t('colOwner'), initialWidth: 120, ...text },
    {
      colId: 'balanceFen',
      field: 'balanceFen',
      headerName: t('colBalance'),
      initialWidth: 150,
      type: 'rightAligned',
      valueFormatter: (p: ValueFormatterParams<BalanceRow>) => (typeof p.value === 'number' ? formatYuan(p.value) : ''),
      cellClassRules: { 'cell-num': () => true, 'cell-advance': (p) => typeof p.value === 'number' && p.value < 0, 'cell-owes': (p) => typeof p.value === 'number' && p.value > 0 },
      filter: 'agNumberColumnFilter',
      filterParams: { maxNumConditions: 2 },
    },
    {
      colId: 'collectionDays',
      field: 'collectionDays',
      headerName: t('colCollectionDays'),
      headerTooltip: t('collectionSummary'),
      initialWidth: 130,
      type: 'rightAligned',
      cellClass: ['cell-num', 'ag-right-aligned-cell'], // an own cellClass replaces the type's
      sortable: false,
      valueFormatter: (p: ValueFormatterParams<BalanceRow>) => (typeof p.value === 'number' ? t('days', { n: p.value }) : t('none')),
    },
    { colId: 'lastEntryDate', field: 'lastEntryDate', headerName: t('colLastEntry'), initialWidth: 120, filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 } },
  ];
}

export function LedgerPage() {
  const user = useSession();
  const t = useLedgerMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();

  const [api, setApi] = useState<GridApi<BalanceRow> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [focused, setFocused] = useState<BalanceRow | null>(null);
  const [open, setOpen] = useState<BalanceRow | null>(null);
  // The search box (debounce, Enter, Esc, Ctrl+F).
  const search = useQuickSearch(api, { ctrlF: open === null });
  const { quickSearch } = search;
  const layout = useColumnLayout(layoutStorageKey('ledger-balances', user.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  const datasource = useMemo(
    () =>
      createSqlDatasource<BalanceRow>({
        load: (query) => invoke('ledger.balances', query),
        extras: { quickSearch, includeArchived: false },
        scales: { balanceFen: 100 },
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch],
  );
  const columnDefs = useMemo(() => balanceColumns(t), [t]);

  const closeDrawer = useCallback(() => {
    setOpen(null);
    refocusGrid(api);
  }, [api]);

  return (
    <div className="page ledger-page">
      <div className="page-head">
        <h1>{t('ledgerTitle')}</h1>
        <span className="muted" data-testid="balances-total">
          {total === null ? '' : t('ledgerTotal', { n: formatNumber(total) })}
        </span>
      </div>
      <p className="muted page-intro">{t('ledgerIntro')}</p>
      <div className="toolbar">
        <input
          {...search.inputProps}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          data-testid="balances-search"
        />
        <span className="spacer" />
        <button type="button" onClick={() => focused && setOpen(focused)} disabled={!focused} title={t('openCustomerHint')} data-testid="balances-open">
          {t('openCustomer')}
        </button>
        <button type="button" onClick={() => api?.refreshInfiniteCache()} disabled={!api}>
          {t('refresh')}
        </button>
      </div>
      <div className="grid-host" data-testid="balances-grid">
        <ServerGrid<BalanceRow>
          datasource={datasource}
          layout={layout}
          columnDefs={columnDefs}
          getRowId={(params) => String(params.data.customerId)}
          // Six columns: the grid's usual column virtualisation is kept here.
          suppressColumnVirtualisation={false}
          onApi={setApi}
          onOpenRow={setOpen}
          onFocusedRow={setFocused}
        />
      </div>
      {open && <CustomerLedgerDrawer customer={open} onClose={closeDrawer} onChanged={() => api?.refreshInfiniteCache()} />}
    </div>
  );
}
