// 产品与价格: the SQL-paged price list (quick search, column filters, saved layout, in-place edits
// of the text fields) with the product drawer (details, price history, 调价). Keyboard first:
// Ctrl+F searches, Enter edits a cell or opens the product where a cell cannot be edited.
import type { CellDoubleClickedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { PRICE_LIST_ROLES, type Product } from '../../../../shared/products';
import type { Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { GridTools } from '../../grid/GridTools';
import { createSqlDatasource } from '../../grid/datasource';
import { refocusGrid, ServerGrid } from '../../grid/ServerGrid';
import { useErrorText, useLabel, useNumberFormat } from '../../i18n';
import { useProductMessages } from './messages';
import { FILTER_SCALES, productColumnDefs, productColumnGroups } from './productColumns';
import { ProductDrawer, type ProductDrawerTarget } from './ProductDrawer';
import { useProductInlineEdit } from './useProductInlineEdit';
import './products.css';
import { useQuickSearch } from '../../grid/useQuickSearch';

export function ProductsPage() {
  const user = useSession();
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
    if (!refocusGrid(api)) searchRef.current?.focus();
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
        <GridTools
          api={api}
          groups={columnGroups}
          onReset={layout.reset}
          details={{ focusedId, open: openProduct, label: t('details'), hint: t('detailsHint'), testId: 'products-details' }}
          onRefresh={refresh}
          refreshTestId="products-refresh"
        />
        {canEdit && (
          <button type="button" className="primary" onClick={() => setDrawer({ mode: 'create' })} data-testid="products-add">
            {t('add')}
          </button>
        )}
      </div>
      <div className="grid-host" data-testid="products-grid">
        <ServerGrid<Product>
          datasource={datasource}
          layout={layout}
          columnDefs={columnDefs}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          singleClickEdit={false}
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          rowClassRules={{ 'row-archived': (params) => params.data?.active === false }}
          onApi={setApi}
          onCellDoubleClicked={onCellDoubleClicked}
          onCellKeyDown={onCellKeyDown}
          onFocusedRow={(product) => setFocusedId(product?.id ?? null)}
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
