// The SQL-paged grid every register page shows: AG Grid's infinite row model over a datasource from
// createSqlDatasource, in the app's theme and language, with the user's saved column layout. A page
// passes its columns, its datasource and layout, and what it does with the grid (onApi, the focused
// row, opening a row); every other AG Grid prop (rowClassRules, the inline-editing props…) passes through.
import type { CellKeyDownEvent, FullWidthCellKeyDownEvent, GetRowIdFunc, GridApi, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useLang } from '../i18n';
import { gridLocaleText, gridTheme } from './agGrid';
import type { useColumnLayout } from './columnLayout';
import { CACHE_BLOCK_SIZE } from './datasource';

type Wired = 'rowModelType' | 'datasource' | 'initialState' | 'onStateUpdated' | 'onGridReady' | 'onGridPreDestroyed' | 'onCellFocused' | 'getRowId';

type RowIdProp<T> = T extends { id: number | string } ? { getRowId?: GetRowIdFunc<T> } : { getRowId: GetRowIdFunc<T> };

export type ServerGridProps<T> = Omit<AgGridReactProps<T>, Wired> &
  RowIdProp<T> & {
    datasource: IDatasource;
    /** The saved column layout (useColumnLayout): restored on mount, saved as the user changes it. */
    layout: Pick<ReturnType<typeof useColumnLayout>, 'initialState' | 'onStateUpdated'>;
    /** The grid's api once it is ready, null when it goes away (a language switch remounts it). */
    onApi: (api: GridApi<T> | null) => void;
    /** The row of the focused cell (null when no row has focus), for a toolbar's "details" button. */
    onFocusedRow?: (row: T | null) => void;
    /** Whether the columns' own filters hold anything, for a "clear filters" link. */
    onFiltersActive?: (active: boolean) => void;
    /** Opens a row: on double-click and on Enter in a cell (a page's own onCellKeyDown / onRowDoubleClicked replace these). */
    onOpenRow?: (row: T) => void;
  };

/** The default row id: the row's `id` (a page whose rows have none passes getRowId). */
function rowIdOf(data: unknown): string {
  return String((data as { id: number | string }).id);
}

export function ServerGrid<T>({ datasource, layout, onApi, onFocusedRow, onFiltersActive, onOpenRow, getRowId, ...rest }: ServerGridProps<T>) {
  const { lang } = useLang();
  return (
    <AgGridReact<T>
      // A new language remounts the grid, so its own texts (menus, "loading") follow.
      key={lang}
      theme={gridTheme}
      localeText={gridLocaleText(lang)}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={CACHE_BLOCK_SIZE}
      maxBlocksInCache={50}
      getRowId={getRowId ?? ((params) => rowIdOf(params.data))}
      defaultColDef={{ sortable: true, resizable: true, minWidth: 60 }}
      maintainColumnOrder
      // About 30 columns at most: render them all, so Tab walks every cell and nothing pops in while scrolling sideways.
      suppressColumnVirtualisation
      initialState={layout.initialState}
      onStateUpdated={layout.onStateUpdated}
      tooltipShowDelay={500}
      onFilterChanged={onFiltersActive && ((event) => onFiltersActive(Object.keys(event.api.getFilterModel() ?? {}).length > 0))}
      onRowDoubleClicked={onOpenRow && ((event: RowDoubleClickedEvent<T>) => event.data && onOpenRow(event.data))}
      onCellKeyDown={
        onOpenRow &&
        ((event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>) => {
          const key = event.event instanceof KeyboardEvent ? event.event : null;
          if (!key || key.key !== 'Enter' || !event.node.data) return;
          key.preventDefault();
          onOpenRow(event.node.data);
        })
      }
      {...rest}
      onGridReady={(event) => onApi(event.api)}
      onGridPreDestroyed={() => onApi(null)}
      onCellFocused={
        onFocusedRow &&
        ((event) => {
          const row = event.rowIndex === null || event.rowIndex === undefined ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
          onFocusedRow(row?.data ?? null);
        })
      }
    />
  );
}

/** Puts the keyboard back on the grid's focused cell (after a drawer over it closes); false when no cell had focus. */
export function refocusGrid(api: GridApi | null): boolean {
  const cell = api?.getFocusedCell();
  if (!api || !cell) return false;
  api.setFocusedCell(cell.rowIndex, cell.column);
  return true;
}
