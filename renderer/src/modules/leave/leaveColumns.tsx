// The leave grid's columns: the number opens the form; type and status as set filters in the active
// language; start and end with their half-day marks (上午/下午); the approval trail, the engine's
// findings and the L-MONTHLY flag as text the core keeps per row.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { Label } from '../../../../shared/domain';
import { LEAVE_STATUS_LABELS, LEAVE_STATUSES, LEAVE_TYPE_LABELS, LEAVE_TYPES, type Leave, type LeaveStatus } from '../../../../shared/leave';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import { EnumFilter } from '../../grid/EnumFilter';
import { useLabel } from '../../i18n';
import type { LeaveT } from './messages';

const STATUS_TONE: Record<LeaveStatus, 'pending' | 'approved' | 'rejected' | 'muted'> = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'muted',
};

export function LeaveStatusBadge({ status }: { status: LeaveStatus }) {
  const label = useLabel();
  return (
    <span className={`badge expense-status tone-${STATUS_TONE[status]}`} data-testid="leave-status" data-status={status}>
      {label(LEAVE_STATUS_LABELS[status])}
    </span>
  );
}

function StatusCell(props: ICellRendererParams<Leave>) {
  return props.data ? <LeaveStatusBadge status={props.data.status} /> : null;
}

function NumberCell(props: ICellRendererParams<Leave> & { onOpen(id: number): void }) {
  const { data, onOpen } = props;
  if (!data) return null;
  return (
    <button type="button" className="link cell-link" tabIndex={-1} onClick={() => onOpen(data.id)} data-testid="leave-open">
      {data.leaveNo}
    </button>
  );
}

function MonthlyCell(props: ICellRendererParams<Leave> & { text: string; hint: string }) {
  return props.data?.monthlyFlag ? (
    <span className="badge tone-rejected" title={props.hint} data-testid="leave-monthly-flag">
      {props.text}
    </span>
  ) : null;
}

/** "2026-11-23 下午" for a half-day first day, "2026-11-25 上午" for a half-day last day. */
export function startText(leave: Pick<Leave, 'start' | 'startHalfDay'>, t: LeaveT): string {
  return leave.startHalfDay ? `${leave.start} ${t('pm')}` : leave.start;
}
export function endText(leave: Pick<Leave, 'end' | 'endHalfDay'>, t: LeaveT): string {
  return leave.endHalfDay ? `${leave.end} ${t('am')}` : leave.end;
}

const text = (width: number) => ({ filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 }, initialWidth: width });
const date = { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 }, initialWidth: 120 };
const readOnly = { sortable: false, filter: false } as const;

export function leaveColumnDefs(opts: { t: LeaveT; label(label: Label | undefined): string; onOpen(id: number): void }): ColDef<Leave>[] {
  const { t, label } = opts;
  return [
    {
      colId: 'leaveNo',
      field: 'leaveNo',
      headerName: t('colNo'),
      initialPinned: 'left',
      lockVisible: true,
      cellClass: 'cell-key',
      cellRenderer: NumberCell,
      cellRendererParams: { onOpen: opts.onOpen },
      ...text(142),
    },
    { colId: 'applicantName', field: 'applicantName', headerName: t('colApplicant'), ...text(88) },
    {
      colId: 'leaveType',
      field: 'leaveType',
      headerName: t('colType'),
      initialWidth: 96,
      valueFormatter: (p) => (p.data ? label(LEAVE_TYPE_LABELS[p.data.leaveType]) : ''),
      filter: EnumFilter,
      filterParams: { options: LEAVE_TYPES.map((v) => ({ value: v, label: label(LEAVE_TYPE_LABELS[v]) })) },
    },
    { colId: 'start', field: 'start', headerName: t('colStart'), valueFormatter: (p) => (p.data ? startText(p.data, t) : ''), ...date },
    { colId: 'end', field: 'end', headerName: t('colEnd'), valueFormatter: (p) => (p.data ? endText(p.data, t) : ''), ...date },
    {
      colId: 'workingDays',
      field: 'workingDays',
      headerName: t('colDays'),
      type: 'rightAligned',
      cellClass: ['cell-num', 'ag-right-aligned-cell'],
      filter: 'agNumberColumnFilter',
      filterParams: { maxNumConditions: 2 },
      initialWidth: 90,
    },
    {
      colId: 'monthlyFlag',
      field: 'monthlyFlag',
      headerName: t('colMonthly'),
      headerTooltip: t('colMonthlyHint'),
      initialWidth: 84,
      cellRenderer: MonthlyCell,
      cellRendererParams: { text: t('monthlyFlag'), hint: t('colMonthlyHint') },
      ...readOnly,
    },
    { colId: 'reason', field: 'reason', headerName: t('colReason'), tooltipField: 'reason', initialWidth: 170, ...readOnly },
    { colId: 'proxyName', field: 'proxyName', headerName: t('colProxy'), ...text(96) },
    { colId: 'appliedOn', field: 'appliedOn', headerName: t('colAppliedOn'), ...date, initialWidth: 108 },
    {
      colId: 'status',
      field: 'status',
      headerName: t('colStatus'),
      initialWidth: 96,
      initialPinned: 'right',
      cellRenderer: StatusCell,
      filter: EnumFilter,
      filterParams: { options: LEAVE_STATUSES.map((s) => ({ value: s, label: label(LEAVE_STATUS_LABELS[s]) })) },
    },
    { colId: 'trail', field: 'trail', headerName: t('colTrail'), tooltipField: 'trail', initialWidth: 240, ...readOnly },
    { colId: 'findingsText', field: 'findingsText', headerName: t('colFindings'), tooltipField: 'findingsText', initialWidth: 320, ...readOnly },
    { colId: 'region', field: 'region', headerName: t('colRegion'), ...text(72), initialHide: true },
  ];
}

export function leaveColumnGroups(t: LeaveT): ColumnChoiceGroup[] {
  const c = (colId: string, key: Parameters<LeaveT>[0], locked = false) => ({ colId, label: t(key), locked });
  return [
    {
      id: 'main',
      label: t('groupMain'),
      columns: [
        c('leaveNo', 'colNo', true),
        c('applicantName', 'colApplicant'),
        c('region', 'colRegion'),
        c('leaveType', 'colType'),
        c('start', 'colStart'),
        c('end', 'colEnd'),
        c('workingDays', 'colDays'),
        c('monthlyFlag', 'colMonthly'),
        c('reason', 'colReason'),
        c('proxyName', 'colProxy'),
        c('appliedOn', 'colAppliedOn'),
        c('status', 'colStatus'),
      ],
    },
    { id: 'approval', label: t('groupApproval'), columns: [c('trail', 'colTrail'), c('findingsText', 'colFindings')] },
  ];
}
