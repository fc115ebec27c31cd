// The customer grid's columns, built from CUSTOMER_FIELDS: labels, formatting (¥, 是/否, enum
// labels), filters per kind, and cell editors whose typed input (yuan, tons) becomes stored units.
import type {
  ColDef,
  EditableCallbackParams,
  ICellRendererParams,
  ValueFormatterParams,
  ValueParserParams,
} from 'ag-grid-community';
import type { RefObject } from 'react';
import {
  CUSTOMER_FIELDS,
  FIELD_GROUP_LABELS,
  isChangeControlled,
  type Customer,
  type CustomerFieldMeta,
  type FieldGroup,
} from '../../../../shared/customers';
import type { Label } from '../../../../shared/domain';
import { formatTimestamp } from '../../../../shared/dates';
import { parseQuantity, parseYuanToFen } from '../../../../shared/money';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import type { FilterScales } from '../../grid/datasource';
import { EnumFilter, type EnumFilterOption } from '../../grid/EnumFilter';
import { displayValue, FIELD_META, type DisplayContext, type ParseProblem } from './fieldValues';
import type { CustomerT } from './messages';
import type { SalesDirectory } from './useSalesDirectory';

/** A cell editor's text that is not a valid amount/quantity: reported instead of being sent. */
export class InvalidCellInput {
  constructor(
    readonly problem: ParseProblem,
    readonly text: string,
  ) {}
}

/** The owner column shows and sorts by the name; editing changes ownerId. */
export const OWNER_COL_ID = 'ownerName';
export const APPROVAL_COL_ID = 'approval';
export const UPDATED_COL_ID = 'updatedAt';

export function colIdOf(meta: CustomerFieldMeta): string {
  return meta.kind === 'user' ? OWNER_COL_ID : meta.key;
}

/** The field behind a column id (the owner column edits ownerId). */
export function metaOfColumn(colId: string): CustomerFieldMeta | undefined {
  return colId === OWNER_COL_ID ? FIELD_META.get('ownerId') : FIELD_META.get(colId);
}

/** Number filters are typed in yuan / in the volume unit; the database keeps fen / thousandths. */
export const FILTER_SCALES: FilterScales = Object.fromEntries(
  CUSTOMER_FIELDS.filter((m) => m.kind === 'money' || m.kind === 'quantity').map((m) => [m.key, m.kind === 'money' ? 100 : 1000]),
);

/** Columns customers.exportCsv knows (the approval badges are not data). */
export const EXPORTABLE_COLUMNS: ReadonlySet<string> = new Set([...CUSTOMER_FIELDS.map(colIdOf), UPDATED_COL_ID]);

const WIDTHS: Partial<Record<string, number>> = {
  customerNo: 130,
  name: 230,
  shortName: 110,
  phone: 140,
  address: 220,
  contactPerson: 100,
  creditLimitFen: 130,
  monthlyAgreementDate: 130,
  famousCompany: 100,
  factoryAuditPassed: 110,
};
const KIND_WIDTHS: Record<CustomerFieldMeta['kind'], number> = {
  text: 120,
  longText: 220,
  enum: 100,
  user: 110,
  money: 130,
  quantity: 110,
  int: 100,
  bool: 100,
  date: 130,
};

export interface ColumnOptions {
  t: CustomerT;
  label(label: Label | undefined): string;
  /** May add and edit customers at all (finance may not). */
  canEdit: boolean;
  /** May hand a customer to another owner (not a rep). */
  canChangeOwner: boolean;
  /** Edits of C-CHANGE fields apply at once (manager and above); others get a header hint. */
  isApprover: boolean;
  /** Read when a cell is shown or edited, so the column defs need not change when it loads. */
  directory: RefObject<SalesDirectory>;
}

function enumOptions(meta: CustomerFieldMeta, opts: ColumnOptions): EnumFilterOption[] {
  if (meta.kind === 'bool') {
    return [
      { value: '1', label: opts.t('yes') },
      { value: '0', label: opts.t('no') },
    ];
  }
  return Object.entries(meta.options ?? {}).map(([value, label]) => ({ value, label: opts.label(label) }));
}

function filterOf(meta: CustomerFieldMeta, opts: ColumnOptions): Pick<ColDef<Customer>, 'filter' | 'filterParams'> {
  switch (meta.kind) {
    case 'enum':
    case 'bool':
      return { filter: EnumFilter, filterParams: { options: enumOptions(meta, opts) } };
    case 'money':
    case 'quantity':
    case 'int':
      return { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 2 } };
    case 'date':
      return { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 } };
    default:
      return { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 } };
  }
}

function editorOf(meta: CustomerFieldMeta, opts: ColumnOptions): Partial<ColDef<Customer>> {
  switch (meta.kind) {
    case 'enum': {
      const codes: string[] = Object.keys(meta.options ?? {});
      // leadTemperature may be unset: '' stands for null in the list (turned back in the edit handler).
      const values = meta.key === 'leadTemperature' ? ['', ...codes] : codes;
      return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values } };
    }
    case 'bool':
      return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [true, false] } };
    case 'user':
      return {
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: (params: { data?: Customer }) => {
          const ids = opts.directory.current.owners.map((u) => u.id);
          const own = params.data?.ownerId;
          return { values: own !== undefined && !ids.includes(own) ? [own, ...ids] : ids, valueListMaxHeight: 260 };
        },
      };
    case 'money':
      return {
        cellEditor: 'agTextCellEditor',
        cellEditorParams: { useFormatter: true },
        valueParser: (p: ValueParserParams<Customer>) => parseYuanToFen(String(p.newValue ?? '')) ?? new InvalidCellInput('invalidMoney', String(p.newValue ?? '')),
      };
    case 'quantity':
      return {
        cellEditor: 'agTextCellEditor',
        cellEditorParams: { useFormatter: true },
        valueParser: (p: ValueParserParams<Customer>) => parseQuantity(String(p.newValue ?? '')) ?? new InvalidCellInput('invalidQuantity', String(p.newValue ?? '')),
      };
    case 'int':
      return { cellEditor: 'agNumberCellEditor', cellEditorParams: { min: 0, precision: 0, showStepperButtons: false } };
    case 'date':
      return { cellEditor: 'agDateStringCellEditor' };
    default:
      return { cellEditor: 'agTextCellEditor' };
  }
}

function displayContext(opts: ColumnOptions, data: Customer | undefined): DisplayContext {
  return {
    t: opts.t,
    label: opts.label,
    userName: (id) => (data && data.ownerId === id ? data.ownerName : opts.directory.current.nameOf(id)),
  };
}

function fieldColumn(meta: CustomerFieldMeta, opts: ColumnOptions): ColDef<Customer> {
  const controlledHint = !opts.isApprover && opts.canEdit && isChangeControlled(meta.key);
  const numeric = meta.kind === 'money' || meta.kind === 'quantity' || meta.kind === 'int';
  return {
    colId: colIdOf(meta),
    field: meta.key,
    headerName: opts.label(meta.label),
    headerTooltip: controlledHint ? opts.t('controlledHeader', { label: opts.label(meta.label) }) : undefined,
    headerClass: controlledHint ? 'header-controlled' : undefined,
    initialHide: !meta.defaultVisible,
    initialWidth: WIDTHS[meta.key] ?? KIND_WIDTHS[meta.kind],
    initialPinned: meta.key === 'customerNo' ? 'left' : undefined,
    lockVisible: meta.key === 'customerNo',
    type: numeric ? 'rightAligned' : undefined,
    cellClass: meta.key === 'customerNo' ? 'cell-key' : undefined,
    valueFormatter: (p: ValueFormatterParams<Customer>) => displayValue(meta, p.value, displayContext(opts, p.data)),
    tooltipValueGetter: meta.kind === 'longText' || meta.key === 'name' || meta.key === 'address' ? (p) => (typeof p.value === 'string' ? p.value : '') : undefined,
    editable: (p: EditableCallbackParams<Customer>) =>
      Boolean(p.data) &&
      !p.data!.archived &&
      opts.canEdit &&
      meta.cellEditable &&
      (meta.kind !== 'user' || opts.canChangeOwner),
    ...filterOf(meta, opts),
    ...editorOf(meta, opts),
  };
}

function ApprovalCell(props: ICellRendererParams<Customer> & { t: CustomerT }) {
  const { data, t } = props;
  if (!data) return null;
  return (
    <span className="cell-badges">
      {data.applicationStatus === 'pending' && <span className="badge badge-pending">{t('badgeNewPending')}</span>}
      {data.pendingChanges > 0 && <span className="badge badge-pending">{t('badgeChangesPending', { n: data.pendingChanges })}</span>}
      {data.archived && <span className="badge badge-archived">{t('badgeArchived')}</span>}
    </span>
  );
}

export function customerColumnDefs(opts: ColumnOptions): ColDef<Customer>[] {
  const fields = CUSTOMER_FIELDS.map((meta) => fieldColumn(meta, opts));
  const approval: ColDef<Customer> = {
    colId: APPROVAL_COL_ID,
    headerName: opts.t('colApproval'),
    initialWidth: 210,
    sortable: false,
    filter: false,
    editable: false,
    cellRenderer: ApprovalCell,
    cellRendererParams: { t: opts.t },
  };
  const updated: ColDef<Customer> = {
    colId: UPDATED_COL_ID,
    field: 'updatedAt',
    headerName: opts.t('colUpdatedAt'),
    initialHide: true,
    initialWidth: 150,
    filter: 'agDateColumnFilter',
    editable: false,
    valueFormatter: (p: ValueFormatterParams<Customer>) => (typeof p.value === 'string' ? formatTimestamp(p.value) : ''),
  };
  // The approval badges right after the name, where the eye already is.
  const nameIndex = fields.findIndex((c) => c.colId === 'name');
  return [...fields.slice(0, nameIndex + 1), approval, ...fields.slice(nameIndex + 1), updated];
}

/** The column chooser's groups (FIELD_GROUP_LABELS, then the extra columns). */
export function customerColumnGroups(opts: Pick<ColumnOptions, 't' | 'label'>): ColumnChoiceGroup[] {
  const groups: ColumnChoiceGroup[] = (Object.keys(FIELD_GROUP_LABELS) as FieldGroup[]).map((group) => ({
    id: group,
    label: opts.label(FIELD_GROUP_LABELS[group]),
    columns: CUSTOMER_FIELDS.filter((m) => m.group === group).map((m) => ({
      colId: colIdOf(m),
      label: opts.label(m.label),
      locked: m.key === 'customerNo',
    })),
  }));
  groups.push({
    id: 'other',
    label: opts.t('groupOther'),
    columns: [
      { colId: APPROVAL_COL_ID, label: opts.t('colApproval'), locked: false },
      { colId: UPDATED_COL_ID, label: opts.t('colUpdatedAt'), locked: false },
    ],
  });
  return groups;
}
