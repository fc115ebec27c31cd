// The price-list grid's columns, from PRODUCT_COLUMNS: labels, ¥ formatting, filters per kind,
// text cells editable in place for those who maintain the list (prices change only with a date).
import type { ColDef, EditableCallbackParams, ValueFormatterParams } from 'ag-grid-community';
import { formatTimestamp } from '../../../../shared/dates';
import type { Label } from '../../../../shared/domain';
import { formatYuan } from '../../../../shared/money';
import { PRODUCT_COLUMNS, type Product, type ProductColumnMeta } from '../../../../shared/products';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import type { FilterScales } from '../../grid/datasource';
import { EnumFilter } from '../../grid/EnumFilter';
import type { ProductT } from './messages';

/** Number filters are typed in yuan; the database keeps fen. */
export const FILTER_SCALES: FilterScales = Object.fromEntries(PRODUCT_COLUMNS.filter((m) => m.kind === 'money').map((m) => [m.key, 100]));

export const META_BY_COLUMN: ReadonlyMap<string, ProductColumnMeta> = new Map(PRODUCT_COLUMNS.map((m) => [m.key, m]));

const WIDTHS: Partial<Record<keyof Product, number>> = {
  code: 130,
  name: 200,
  spec: 180,
  unit: 80,
  productLine: 130,
  standardPriceFen: 130,
  costPriceFen: 130,
  nextPriceFrom: 200,
  nextStandardPriceFen: 130,
  nextCostPriceFen: 130,
  active: 90,
  updatedAt: 150,
};

export interface ColumnOptions {
  t: ProductT;
  label(label: Label | undefined): string;
  /** May maintain the price list (PRICE_LIST_ROLES). */
  canEdit: boolean;
}

function display(meta: ProductColumnMeta, p: ValueFormatterParams<Product>, opts: ColumnOptions): string {
  const value: unknown = p.value;
  if (value === null || value === undefined) return '';
  switch (meta.kind) {
    case 'money':
      return typeof value === 'number' ? formatYuan(value) : String(value);
    case 'bool':
      return value ? opts.t('yes') : opts.t('no');
    case 'timestamp':
      return typeof value === 'string' ? formatTimestamp(value) : String(value);
    case 'date':
      // The next change's date with its new standard price, where the eye looks for it.
      return meta.key === 'nextPriceFrom' && p.data?.nextStandardPriceFen !== null && p.data?.nextStandardPriceFen !== undefined
        ? `${String(value)} → ${formatYuan(p.data.nextStandardPriceFen)}`
        : String(value);
    default:
      return String(value);
  }
}

function filterOf(meta: ProductColumnMeta, opts: ColumnOptions): Pick<ColDef<Product>, 'filter' | 'filterParams'> {
  switch (meta.kind) {
    case 'bool':
      return {
        filter: EnumFilter,
        filterParams: {
          options: [
            { value: '1', label: opts.t('yes') },
            { value: '0', label: opts.t('no') },
          ],
        },
      };
    case 'money':
      return { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 2 } };
    case 'date':
    case 'timestamp':
      return { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 } };
    default:
      return { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 } };
  }
}

function column(meta: ProductColumnMeta, opts: ColumnOptions): ColDef<Product> {
  const isCode = meta.key === 'code';
  const isPrice = meta.key === 'standardPriceFen' || meta.key === 'costPriceFen';
  return {
    colId: meta.key,
    field: meta.key,
    headerName: opts.label(meta.label),
    headerTooltip: isPrice && opts.canEdit ? opts.t('priceCellHint') : undefined,
    initialHide: !meta.defaultVisible,
    initialWidth: WIDTHS[meta.key] ?? 120,
    initialPinned: isCode ? 'left' : undefined,
    lockVisible: isCode,
    type: meta.kind === 'money' ? 'rightAligned' : undefined,
    cellClass: isCode ? 'cell-key' : undefined,
    valueFormatter: (p: ValueFormatterParams<Product>) => display(meta, p, opts),
    tooltipValueGetter: meta.key === 'name' || meta.key === 'spec' ? (p) => (typeof p.value === 'string' ? p.value : '') : undefined,
    editable: (p: EditableCallbackParams<Product>) => Boolean(p.data) && opts.canEdit && meta.cellEditable,
    cellEditor: 'agTextCellEditor',
    ...filterOf(meta, opts),
  };
}

export function productColumnDefs(opts: ColumnOptions): ColDef<Product>[] {
  return PRODUCT_COLUMNS.map((meta) => column(meta, opts));
}

/** The column chooser's groups. */
export function productColumnGroups(opts: Pick<ColumnOptions, 't' | 'label'>): ColumnChoiceGroup[] {
  const group = (id: string, label: string, keys: readonly (keyof Product)[]): ColumnChoiceGroup => ({
    id,
    label,
    columns: keys.map((key) => ({ colId: key, label: opts.label(META_BY_COLUMN.get(key)?.label), locked: key === 'code' })),
  });
  return [
    group('basic', opts.t('groupBasic'), ['code', 'name', 'spec', 'unit', 'productLine']),
    group('prices', opts.t('groupPrices'), ['standardPriceFen', 'costPriceFen', 'nextPriceFrom', 'nextStandardPriceFen', 'nextCostPriceFen']),
    group('other', opts.t('groupOther'), ['active', 'updatedAt']),
  ];
}
