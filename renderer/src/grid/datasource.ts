// The SQL-paged datasource of the Infinite Row Model: AG Grid asks for a block of rows with its sort
// and filter models; we send them, with the quick search and the archive switch, as one
// `gridQuerySchema` request to a channel and hand back the rows and the total.
import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { ColumnFilter, GridQueryInput } from '../../../shared/grid';

/** Rows per request; the core accepts up to 1000. */
export const CACHE_BLOCK_SIZE = 100;

/**
 * Number filters are typed the way the cell shows the value (yuan, tons) but the database keeps
 * integers (fen, thousandths): the multiplier per column id.
 */
export type FilterScales = Readonly<Record<string, number>>;

export interface GridQueryExtras {
  quickSearch: string;
  includeArchived: boolean;
}

export interface GridRequest {
  startRow: number;
  endRow: number;
  sortModel: readonly SortModelItem[];
  /** AG Grid's filter model (column id → model); checked again by the core's zod schema. */
  filterModel: unknown;
}

export interface Page<TRow> {
  rows: TRow[];
  total: number;
}

type NumberConditionLike = { filterType: 'number'; filter?: unknown; filterTo?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scaled(value: unknown, scale: number): unknown {
  // Yuan → fen: 12.34 × 100 is 1233.9999…, so round to the integer the database holds.
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * scale) : value;
}

function scaleCondition(condition: unknown, scale: number): unknown {
  if (!isRecord(condition) || condition.filterType !== 'number') return condition;
  const number = condition as NumberConditionLike & Record<string, unknown>;
  return { ...number, filter: scaled(number.filter, scale), filterTo: scaled(number.filterTo, scale) };
}

/** One column's filter model with number values converted to the stored unit. */
export function scaleFilter(model: unknown, scale: number | undefined): unknown {
  if (!scale || scale === 1 || !isRecord(model)) return model;
  if (Array.isArray(model.conditions)) {
    return { ...model, conditions: model.conditions.map((c: unknown) => scaleCondition(c, scale)) };
  }
  return scaleCondition(model, scale);
}

/** AG Grid's request → the core's grid query (the core validates every part again). */
export function toGridQuery(request: GridRequest, extras: GridQueryExtras, scales: FilterScales = {}): GridQueryInput {
  const filter: Record<string, ColumnFilter> = {};
  if (isRecord(request.filterModel)) {
    for (const [colId, model] of Object.entries(request.filterModel)) {
      if (model === null || model === undefined) continue;
      filter[colId] = scaleFilter(model, scales[colId]) as ColumnFilter;
    }
  }
  return {
    startRow: request.startRow,
    endRow: request.endRow,
    sort: request.sortModel.slice(0, 5).map((s) => ({ colId: s.colId, sort: s.sort })),
    filter,
    quickSearch: extras.quickSearch.trim().slice(0, 100),
    includeArchived: extras.includeArchived,
  };
}

export interface SqlDatasourceOptions<TRow> {
  /** Calls the channel, e.g. `(q) => invoke('customers.list', q)`. */
  load(query: GridQueryInput): Promise<Page<TRow>>;
  extras: GridQueryExtras;
  scales?: FilterScales;
  /** After each block: the total of matching rows (for "共 n 条"). */
  onLoaded?(total: number): void;
  onError?(error: unknown): void;
}

export function createSqlDatasource<TRow>(options: SqlDatasourceOptions<TRow>): IDatasource {
  return {
    getRows(params: IGetRowsParams<TRow>) {
      const query = toGridQuery(
        { startRow: params.startRow, endRow: params.endRow, sortModel: params.sortModel, filterModel: params.filterModel as unknown },
        options.extras,
        options.scales,
      );
      options
        .load(query)
        .then((page) => {
          params.successCallback(page.rows, page.total);
          options.onLoaded?.(page.total);
        })
        .catch((error: unknown) => {
          params.failCallback();
          options.onError?.(error);
        });
    },
  };
}
