// The tools at the right of a register's toolbar, the same on every SQL-paged grid: 详情 (opens the
// focused row, as Enter does), the column chooser, and 刷新 (reloads the rows from the database).
import type { GridApi } from 'ag-grid-community';
import { ColumnChooser, type ColumnChoiceGroup } from './ColumnChooser';
import { useGridMessages } from './messages';

export interface GridDetails {
  /** The focused row's id; the button is disabled while no row has focus. */
  focusedId: number | null;
  open(id: number): void;
  label: string;
  hint: string;
  testId?: string;
}

export function GridTools<T>(props: {
  api: GridApi<T> | null;
  groups: readonly ColumnChoiceGroup[];
  /** The column layout's reset (useColumnLayout). */
  onReset(api: GridApi<T>): void;
  details?: GridDetails;
  /** Reloads the rows; the grid's cache by default. */
  onRefresh?: () => void;
  refreshTestId?: string;
}) {
  const { api, details } = props;
  const t = useGridMessages();
  return (
    <>
      {details && (
        <button type="button" onClick={() => details.focusedId !== null && details.open(details.focusedId)} disabled={details.focusedId === null} title={details.hint} data-testid={details.testId}>
          {details.label}
        </button>
      )}
      <ColumnChooser api={api} groups={props.groups} onReset={() => api && props.onReset(api)} />
      <button type="button" onClick={props.onRefresh ?? (() => api?.refreshInfiniteCache())} disabled={!api} data-testid={props.refreshTestId}>
        {t('refresh')}
      </button>
    </>
  );
}
