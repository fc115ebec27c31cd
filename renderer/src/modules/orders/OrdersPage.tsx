// 订单跟踪: the SQL-paged tracking grid (quick search, column filters — status as a set in Chinese —,
// saved column layout), O-DELAY flags with one-click "customer notified", overdue rows coloured,
// approval state; the delivered / undelivered view per customer; the order drawer and order entry.
// Keyboard first: Ctrl+F searches, Ctrl+N enters a new order, Enter on a row opens the order.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../../../shared/domain';
import { formatYuan } from '../../../../shared/money';
import { ORDER_EDITOR_ROLES, type CustomerOrdersSummary, type Order, type OrderDetail } from '../../../../shared/orders';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { GridTools } from '../../grid/GridTools';
import { createSqlDatasource } from '../../grid/datasource';
import { refocusGrid, ServerGrid } from '../../grid/ServerGrid';
import { useErrorText, useLabel, useNumberFormat } from '../../i18n';
import { useOrderMessages } from './messages';
import { FILTER_SCALES, orderColumnDefs, orderColumnGroups } from './orderColumns';
import { OrderDrawer } from './OrderDrawer';
import { useHashId } from '../../app/hashId';
import { OrderEntry } from './OrderEntry';
import './orders.css';
import { useQuickSearch } from '../../grid/useQuickSearch';

type Tab = 'grid' | 'byCustomer';
type EntryTarget = { draft: OrderDetail | null };

export function OrdersPage() {
  const user = useSession();
  const t = useOrderMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();
  const canEdit = (ORDER_EDITOR_ROLES as readonly Role[]).includes(user.role);

  const [tab, setTab] = useState<Tab>('grid');
  const [api, setApi] = useState<GridApi<Order> | null>(null);
  // The search box (debounce, Enter, Esc, Ctrl+F: Ctrl+F is handled below with Ctrl+N).
  const search = useQuickSearch(api, { ctrlF: false });
  const { quickSearch, searchRef } = search;
  const [total, setTotal] = useState<number | null>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  // "#/orders?id=N" (the home page's delay-risk orders, the report's drill-down) opens that order.
  const [openId, setOpenId, clearOpenId] = useHashId('orders');
  const [entry, setEntry] = useState<EntryTarget | null>(null);
  const [filtersActive, setFiltersActive] = useState(false);
  const layout = useColumnLayout(layoutStorageKey('orders', user.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  const overlayOpen = entry !== null || openId !== null;
  // Ctrl+F: our search; Ctrl+N: a new order (not while a drawer is open).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (overlayOpen || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f') {
        event.preventDefault();
        setTab('grid');
        window.setTimeout(() => {
          searchRef.current?.focus();
          searchRef.current?.select();
        });
      } else if (key === 'n' && canEdit) {
        event.preventDefault();
        setEntry({ draft: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [overlayOpen, canEdit]);

  const datasource = useMemo(
    () =>
      createSqlDatasource<Order>({
        load: (query) => invoke('orders.list', query),
        extras: { quickSearch, includeArchived: false },
        scales: FILTER_SCALES,
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch],
  );

  const replaceRow = useCallback(
    (order: Order) => {
      api?.getRowNode(String(order.id))?.setData(order);
    },
    [api],
  );
  const replaceRowRef = useRef(replaceRow);
  replaceRowRef.current = replaceRow;

  // One click: "the customer was notified" (O-DELAY), now and by the signed-in user.
  const notifyRef = useRef<(order: Order) => void>(() => undefined);
  notifyRef.current = (order: Order) => {
    invoke('orders.notifyCustomer', { id: order.id, version: order.version, note: '' })
      .then((detail) => {
        replaceRowRef.current(detail.order);
        toast('success', t('notifiedDone', { no: detail.order.orderNo }));
      })
      .catch((error: unknown) => toast('error', errorText(error)));
  };

  const columnDefs = useMemo(() => orderColumnDefs({ t, label, canEdit, onNotify: (order) => notifyRef.current(order) }), [t, label, canEdit]);
  const columnGroups = useMemo(() => orderColumnGroups(t), [t]);

  const refresh = useCallback(() => api?.refreshInfiniteCache(), [api]);

  const closeDrawer = useCallback(() => {
    clearOpenId();
    refocusGrid(api);
  }, [api, clearOpenId]);

  /** From the per-customer view: that customer's delivered or undelivered orders in the grid. */
  function showCustomerOrders(row: CustomerOrdersSummary, state: 'delivered' | 'undelivered' | 'overdue' | 'delay') {
    setTab('grid');
    search.clear();
    const filter: Record<string, unknown> = { customerNo: { filterType: 'text', type: 'equals', filter: row.customerNo } };
    if (state === 'delivered' || state === 'undelivered') filter.deliveryState = { filterType: 'set', values: [state] };
    if (state === 'overdue') filter.overdue = { filterType: 'number', type: 'equals', filter: 1 };
    if (state === 'delay') filter.delayRisk = { filterType: 'number', type: 'equals', filter: 1 };
    // The grid is mounted again when the tab switches back: apply once it is ready.
    pendingFilter.current = filter;
    if (api && !api.isDestroyed()) applyPendingFilter(api);
  }
  const pendingFilter = useRef<Record<string, unknown> | null>(null);
  function applyPendingFilter(gridApi: GridApi<Order>) {
    const filter = pendingFilter.current;
    if (!filter) return;
    pendingFilter.current = null;
    if (filter.deliveryState) gridApi.setColumnsVisible(['deliveryState'], true);
    if (filter.overdue) gridApi.setColumnsVisible(['overdue'], true);
    void gridApi.setFilterModel(filter);
  }

  return (
    <div className="page orders-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'grid'} className={tab === 'grid' ? 'tab active' : 'tab'} onClick={() => setTab('grid')} data-testid="orders-tab-grid">
            {t('tabGrid')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'byCustomer'}
            className={tab === 'byCustomer' ? 'tab active' : 'tab'}
            onClick={() => setTab('byCustomer')}
            data-testid="orders-tab-by-customer"
          >
            {t('tabByCustomer')}
          </button>
        </div>
        {tab === 'grid' && (
          <span className="muted" data-testid="orders-total">
            {total === null ? '' : t('total', { n: formatNumber(total) })}
          </span>
        )}
      </div>

      {tab === 'grid' ? (
        <>
          <div className="toolbar">
            <input
              {...search.inputProps}
              placeholder={t('searchPlaceholder')}
              aria-label={t('searchLabel')}
              data-testid="orders-search"
            />
            {filtersActive && (
              <button type="button" className="link" onClick={() => api?.setFilterModel(null)} data-testid="orders-clear-filters">
                ✕ {t('clearFilters')}
              </button>
            )}
            <span className="spacer" />
            <GridTools
              api={api}
              groups={columnGroups}
              onReset={layout.reset}
              details={{ focusedId, open: setOpenId, label: t('details'), hint: t('detailsHint'), testId: 'orders-details' }}
              onRefresh={refresh}
              refreshTestId="orders-refresh"
            />
            {canEdit && (
              <button type="button" className="primary" onClick={() => setEntry({ draft: null })} title={t('addHint')} data-testid="orders-add">
                {t('add')}
              </button>
            )}
          </div>
          <div className="grid-host" data-testid="orders-grid">
            <ServerGrid<Order>
              datasource={datasource}
              layout={layout}
              columnDefs={columnDefs}
              rowClassRules={{
                'row-overdue': (params) => Boolean(params.data?.overdue),
                'row-delay': (params) => Boolean(params.data?.delayRisk) && !params.data?.overdue,
                'row-cancelled': (params) => params.data?.status === 'cancelled',
              }}
              onApi={(gridApi) => {
                setApi(gridApi);
                if (gridApi) applyPendingFilter(gridApi);
              }}
              onFiltersActive={setFiltersActive}
              onOpenRow={(order) => setOpenId(order.id)}
              onFocusedRow={(order) => setFocusedId(order?.id ?? null)}
            />
          </div>
        </>
      ) : (
        <ByCustomer onShow={showCustomerOrders} />
      )}

      {openId !== null && (
        <OrderDrawer
          id={openId}
          onClose={closeDrawer}
          onChanged={replaceRow}
          onEditDraft={(detail) => {
            setOpenId(null);
            setEntry({ draft: detail });
          }}
        />
      )}
      {entry && (
        <OrderEntry
          draft={entry.draft}
          onClose={() => {
            setEntry(null);
            refresh();
          }}
          onSaved={() => refresh()}
          onConfirmed={(detail) => {
            setEntry(null);
            refresh();
            setOpenId(detail.order.id);
          }}
        />
      )}
    </div>
  );
}

/** O-STATUS "listed as delivered / undelivered per customer". */
function ByCustomer({ onShow }: { onShow(row: CustomerOrdersSummary, state: 'delivered' | 'undelivered' | 'overdue' | 'delay'): void }) {
  const t = useOrderMessages();
  const errorText = useErrorText();
  const [rows, setRows] = useState<CustomerOrdersSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    invoke('orders.byCustomer', {})
      .then((r) => alive && setRows(r))
      .catch((e: unknown) => alive && setError(errorText(e)));
    return () => {
      alive = false;
    };
  }, [errorText]);

  const count = (row: CustomerOrdersSummary, state: 'delivered' | 'undelivered', n: number, fen: number) =>
    n > 0 ? (
      <button type="button" className="link" onClick={() => onShow(row, state)} data-testid={`by-customer-${state}`}>
        {t('countAmount', { n, amount: formatYuan(fen) })}
      </button>
    ) : (
      <span className="muted">0</span>
    );

  return (
    <div className="panel panel-table by-customer" data-testid="orders-by-customer">
      <p className="muted small by-customer-intro">{t('byCustomerIntro')}</p>
      {error && <div className="form-error">{error}</div>}
      {rows && rows.length === 0 && <div className="empty-state muted">{t('byCustomerEmpty')}</div>}
      {rows && rows.length > 0 && (
        <table className="plain">
          <thead>
            <tr>
              <th>{t('colCustomerNo')}</th>
              <th>{t('colCustomerName')}</th>
              <th>{t('colRep')}</th>
              <th className="num">{t('colUndelivered')}</th>
              <th className="num">{t('colDelivered')}</th>
              <th className="num">{t('colOverdueCount')}</th>
              <th className="num">{t('colDelayCount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.customerId} data-testid="by-customer-row" data-customer={row.customerNo} className={row.overdueCount > 0 ? 'row-overdue' : undefined}>
                <td className="mono">{row.customerNo}</td>
                <td>{row.customerName}</td>
                <td>{row.ownerName}</td>
                <td className="num">{count(row, 'undelivered', row.undeliveredCount, row.undeliveredFen)}</td>
                <td className="num">{count(row, 'delivered', row.deliveredCount, row.deliveredFen)}</td>
                <td className="num">
                  {row.overdueCount > 0 ? (
                    <button type="button" className="link text-overdue" onClick={() => onShow(row, 'overdue')}>
                      {row.overdueCount}
                    </button>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
                <td className="num">
                  {row.delayRiskCount > 0 ? (
                    <button type="button" className="link delay-flag" onClick={() => onShow(row, 'delay')}>
                      ⚠ {row.delayRiskCount}
                    </button>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
