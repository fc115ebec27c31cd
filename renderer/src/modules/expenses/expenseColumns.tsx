// The expense grid's columns: type and status as set filters in the active language, money in
// yuan (number filters typed in yuan, scaled to fen), the approval trail and the engine's findings
// as text. Columns the core cannot sort or filter (electron/core/expenses/service.ts
// EXPENSE_COLUMNS) say so.
import type { ColDef, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import type { Label } from '../../../../shared/domain';
import { EXPENSE_STATUS_LABELS, EXPENSE_STATUSES, EXPENSE_TYPE_LABELS, EXPENSE_TYPES, type Expense } from '../../../../shared/expenses';
import { formatYuan } from '../../../../shared/money';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import type { FilterScales } from '../../grid/datasource';
import { EnumFilter } from '../../grid/EnumFilter';
import { useLabel } from '../../i18n';
import { STATUS_TONE } from './expenseValues';
import type { ExpenseT } from './messages';

export const FILTER_SCALES: FilterScales = { amountFen: 100, approvedFen: 100, reimbursedFen: 100 };

export function ExpenseStatusBadge({ status }: { status: Expense['status'] }) {
  const label = useLabel();
  return (
    <span className={`badge expense-status tone-${STATUS_TONE[status]}`} data-testid="expense-status" data-status={status}>
      {label(EXPENSE_STATUS_LABELS[status])}
    </span>
  );
}

function StatusCell(props: ICellRendererParams<Expense>) {
  return props.data ? <ExpenseStatusBadge status={props.data.status} /> : null;
}

/** The number opens the request (a link, so one click does it; Enter and double-click too). */
function NumberCell(props: ICellRendererParams<Expense> & { onOpen(id: number): void }) {
  const { data, onOpen } = props;
  if (!data) return null;
  return (
    <button type="button" className="link cell-link" tabIndex={-1} onClick={() => onOpen(data.id)} data-testid="expense-open">
      {data.expenseNo}
    </button>
  );
}

const money = (p: ValueFormatterParams<Expense>) => (typeof p.value === 'number' ? formatYuan(p.value) : '');
const text = (width: number) => ({ filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 }, initialWidth: width });
const date = { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 }, initialWidth: 108 };
const number = {
  filter: 'agNumberColumnFilter',
  filterParams: { maxNumConditions: 2 },
  type: 'rightAligned',
  cellClass: ['cell-num', 'ag-right-aligned-cell'],
  valueFormatter: money,
  initialWidth: 112,
};
/** Texts the core keeps per row but cannot sort or filter. */
const readOnly = { sortable: false, filter: false } as const;

export function expenseColumnDefs(opts: { t: ExpenseT; label(label: Label | undefined): string; onOpen(id: number): void }): ColDef<Expense>[] {
  const { t, label } = opts;
  return [
    {
      colId: 'expenseNo',
      field: 'expenseNo',
      headerName: t('colNo'),
      initialPinned: 'left',
      lockVisible: true,
      cellClass: 'cell-key',
      cellRenderer: NumberCell,
      cellRendererParams: { onOpen: opts.onOpen },
      ...text(142),
    },
    { colId: 'expenseDate', field: 'expenseDate', headerName: t('colDate'), ...date },
    {
      colId: 'type',
      field: 'type',
      headerName: t('colType'),
      initialWidth: 112,
      valueFormatter: (p) => (p.value ? label(EXPENSE_TYPE_LABELS[p.data!.type]) : ''),
      filter: EnumFilter,
      filterParams: { options: EXPENSE_TYPES.map((v) => ({ value: v, label: label(EXPENSE_TYPE_LABELS[v]) })) },
    },
    { colId: 'applicantName', field: 'applicantName', headerName: t('colApplicant'), ...text(88) },
    { colId: 'purpose', field: 'purpose', headerName: t('colPurpose'), tooltipField: 'purpose', ...text(180) },
    { colId: 'customerName', field: 'customerName', headerName: t('colCustomer'), tooltipField: 'customerName', ...text(170) },
    { colId: 'amountFen', field: 'amountFen', headerName: t('colAmount'), ...number },
    { colId: 'approvedFen', field: 'approvedFen', headerName: t('colApproved'), headerTooltip: t('colApprovedHint'), ...number, initialWidth: 126 },
    { colId: 'reimbursedFen', field: 'reimbursedFen', headerName: t('colReimbursed'), ...number, initialWidth: 104 },
    {
      colId: 'status',
      field: 'status',
      headerName: t('colStatus'),
      initialWidth: 100,
      // The state of a request stays in view however far the row scrolls; the money comes
      // right after who and what, so a 1,400 px window shows it without scrolling.
      initialPinned: 'right',
      cellRenderer: StatusCell,
      filter: EnumFilter,
      filterParams: { options: EXPENSE_STATUSES.map((s) => ({ value: s, label: label(EXPENSE_STATUS_LABELS[s]) })) },
    },
    { colId: 'tripNo', field: 'tripNo', headerName: t('colTrip'), ...text(142) },
    { colId: 'orderNo', field: 'orderNo', headerName: t('colOrder'), ...text(140) },
    { colId: 'region', field: 'region', headerName: t('colRegion'), ...text(72) },
    { colId: 'claimNo', field: 'claimNo', headerName: t('colClaim'), ...text(142) },
    { colId: 'trail', field: 'trail', headerName: t('colTrail'), tooltipField: 'trail', initialWidth: 300, ...readOnly },
    { colId: 'findingsText', field: 'findingsText', headerName: t('colFindings'), tooltipField: 'findingsText', initialWidth: 320, ...readOnly },
    { colId: 'appliedOn', field: 'appliedOn', headerName: t('colAppliedOn'), ...date, initialHide: true },
    { colId: 'note', field: 'note', headerName: t('colNote'), tooltipField: 'note', initialWidth: 160, initialHide: true, ...readOnly },
  ];
}

export function expenseColumnGroups(t: ExpenseT): ColumnChoiceGroup[] {
  const c = (colId: string, key: Parameters<ExpenseT>[0], locked = false) => ({ colId, label: t(key), locked });
  return [
    {
      id: 'main',
      label: t('groupMain'),
      columns: [
        c('expenseNo', 'colNo', true),
        c('type', 'colType'),
        c('applicantName', 'colApplicant'),
        c('region', 'colRegion'),
        c('purpose', 'colPurpose'),
        c('expenseDate', 'colDate'),
        c('appliedOn', 'colAppliedOn'),
        c('status', 'colStatus'),
        c('note', 'colNote'),
      ],
    },
    { id: 'links', label: t('groupLinks'), columns: [c('customerName', 'colCustomer'), c('orderNo', 'colOrder'), c('tripNo', 'colTrip'), c('claimNo', 'colClaim')] },
    { id: 'money', label: t('groupMoney'), columns: [c('amountFen', 'colAmount'), c('approvedFen', 'colApproved'), c('reimbursedFen', 'colReimbursed')] },
    { id: 'approval', label: t('groupApproval'), columns: [c('trail', 'colTrail'), c('findingsText', 'colFindings')] },
  ];
}
