// 产品与价格: the SQL-paged price list (quick search, column filters, saved layout, in-place edits
// of the text fields) with the product drawer (details, price history, 调价). Keyboard first:
// Ctrl+F searches, Enter edits a cell or opens the product where a cell cannot be edited.
import type { CellDoubleClickedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { PRICE_LIST_ROLES, type Product } from '../../../../shared/products';
import type { Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { ColumnChooser } from '../../grid/ColumnChooser';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { CACHE_BLOCK_SIZE, createSqlDatasource } from '../../grid/datasource';
import { useErrorText, useLabel, useLang, useNumberFormat } from '../../i18n';
import { useProductMessages } from './messages';
import { FILTER_SCALES, productColumnDefs, productColumnGroups } from './productColumns';
import { ProductDrawer, type ProductDrawerTarget } from './ProductDrawer';
import { useProductInlineEdit } from './useProductInlineEdit';
import './products.css';
import { useQuickSearch } from '../../grid/useQuickSearch';

export function ProductsPage() {
  const user = useSession();
  const { lang } = useLang();
  const t = useProductMessages();
  const label = useLabel();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();
  const canEdit = (PRICE_LIST_ROLES as readonly Role[]).includes(user.role);

  const [api, setApi] = useState<GridApi<Product> | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [drawer, setDrawer] = useState<ProductDrawerTarget | null>(null);
  // The search box (debounce, Enter, Esc, Ctrl+F).
  const search = useQuickSearch(api, { ctrlF: drawer === null });
  const { quickSearch, searchRef } = search;
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const layout = useColumnLayout(layoutStorageKey('products', user.id));
  const onCellEditRequest = useProductInlineEdit();

  // Read through a ref inside the datasource, so a language switch does not reload the rows.
  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  const datasource = useMemo(
    () =>
      createSqlDatasource<Product>({
        load: (query) => invoke('products.list', query),
        extras: { quickSearch, includeArchived: showInactive },
        scales: FILTER_SCALES,
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch, showInactive],
  );

  const columnDefs = useMemo(() => productColumnDefs({ t, label, canEdit }), [t, label, canEdit]);
  const columnGroups = useMemo(() => productColumnGroups({ t, label }), [t, label]);

  const openProduct = useCallback((id: number | undefined) => {
    if (id !== undefined) setDrawer({ mode: 'edit', id });
  }, []);

  const onCellDoubleClicked = useCallback(
    (event: CellDoubleClickedEvent<Product>) => {
      if (event.node.data && !event.column.isCellEditable(event.node)) openProduct(event.node.data.id);
    },
    [openProduct],
  );

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<Product> | FullWidthCellKeyDownEvent<Product>) => {
      const key = event.event instanceof KeyboardEvent ? event.event : null;
      if (!key || key.key !== 'Enter' || !('column' in event) || !event.node.data) return;
      if (!event.column.isCellEditable(event.node)) {
        key.preventDefault();
        openProduct(event.node.data.id);
      }
    },
    [openProduct],
  );

  const closeDrawer = useCallback(() => {
    setDrawer(null);
    const cell = api?.getFocusedCell();
    if (api && cell) api.setFocusedCell(cell.rowIndex, cell.column);
    else searchRef.current?.focus();
  }, [api]);

  const refresh = useCallback(() => api?.refreshInfiniteCache(), [api]);
  const replaceRow = useCallback((product: Product) => api?.getRowNode(String(product.id))?.setData(product), [api]);

  return (
    <div className="page products-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted" data-testid="products-total">
          {total === null ? '' : t('total', { n: formatNumber(total) })}
        </span>
        {!canEdit && <span className="muted small">{t('readOnlyHint')}</span>}
      </div>
      <div className="toolbar">
        <input
          {...search.inputProps}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          data-testid="products-search"
        />
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(event) => setShowInactive(event.target.checked)} data-testid="products-inactive-toggle" />
          {t('showInactive')}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => openProduct(focusedId ?? undefined)} disabled={focusedId === null} title={t('detailsHint')} data-testid="products-details">
          {t('details')}
        </button>
        <ColumnChooser api={api} groups={columnGroups} onReset={() => api && layout.reset(api)} />
        <button type="button" onClick={refresh} disabled={!api} data-testid="products-refresh">
          {t('refresh')}
        </button>
        {canEdit && (
          <button type="button" className="primary" onClick={() => setDrawer({ mode: 'create' })} data-testid="products-add">
            {t('add')}
          </button>
        )}
      </div>
      <div className="grid-host" data-testid="products-grid">
        <AgGridReact<Product>
          key={lang}
          theme={gridTheme}
          localeText={gridLocaleText(lang)}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={CACHE_BLOCK_SIZE}
          maxBlocksInCache={50}
          getRowId={(params) => String(params.data.id)}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 60 }}
          maintainColumnOrder
          suppressColumnVirtualisation
          initialState={layout.initialState}
          onStateUpdated={layout.onStateUpdated}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          singleClickEdit={false}
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={500}
          rowClassRules={{ 'row-archived': (params) => params.data?.active === false }}
          onGridReady={(event) => setApi(event.api)}
          onGridPreDestroyed={() => setApi(null)}
          onCellDoubleClicked={onCellDoubleClicked}
          onCellKeyDown={onCellKeyDown}
          onCellFocused={(event) => {
            const row = event.rowIndex === null || event.rowIndex === undefined ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
            setFocusedId(row?.data?.id ?? null);
          }}
        />
      </div>
      {drawer && (
        <ProductDrawer
          target={drawer}
          canEdit={canEdit}
          onClose={closeDrawer}
          onSaved={replaceRow}
          onCreated={() => {
            setDrawer(null);
            refresh();
          }}
          onActiveChanged={refresh}
        />
      )}
    </div>
  );
}
