// The complaint register's columns: the number opens the complaint; severity, status and source in
// the active language; the three deadlines as live countdowns ("剩 5 小时 12 分" / "逾期 3 小时" in
// red / "已处理"). Status, severity and source are filtered above the grid, the rest per column.
import type { ColDef, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import type { Label } from '../../../../shared/domain';
import { COMPLAINT_SEVERITY_LABELS, COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, type Complaint } from '../../../../shared/complaints';
import { formatYuan } from '../../../../shared/money';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import type { FilterScales } from '../../grid/datasource';
import { useLabel } from '../../i18n';
import { countdown, STATUS_TONE, useNow, wallTime, type DeadlineKey } from './complaintValues';
import { useComplaintMessages, type ComplaintT } from './messages';

export const FILTER_SCALES: FilterScales = { compensationFen: 100 };

export function ComplaintStatusBadge({ status }: { status: Complaint['status'] }) {
  const label = useLabel();
  return (
    <span className={`badge complaint-status tone-${STATUS_TONE[status]}`} data-testid="complaint-status" data-status={status}>
      {label(COMPLAINT_STATUS_LABELS[status])}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Complaint['severity'] }) {
  const label = useLabel();
  return (
    <span className={`badge complaint-severity severity-${severity}`} data-testid="complaint-severity" data-severity={severity}>
      {label(COMPLAINT_SEVERITY_LABELS[severity])}
    </span>
  );
}

/** One deadline's live countdown (ticks with the shared clock). */
export function CountdownText({ complaint, which, testId }: { complaint: Complaint; which: DeadlineKey; testId?: string }) {
  const t = useComplaintMessages();
  const now = useNow();
  const c = countdown(complaint, which, now, t);
  return (
    <span className={`countdown countdown-${c.state}`} data-testid={testId ?? `countdown-${which}`} data-state={c.state}>
      {c.text}
    </span>
  );
}

function StatusCell(props: ICellRendererParams<Complaint>) {
  return props.data ? <ComplaintStatusBadge status={props.data.status} /> : null;
}
function SeverityCell(props: ICellRendererParams<Complaint>) {
  return props.data ? <SeverityBadge severity={props.data.severity} /> : null;
}
function CountdownCell(props: ICellRendererParams<Complaint> & { which: DeadlineKey }) {
  return props.data ? <CountdownText complaint={props.data} which={props.which} /> : null;
}

function NumberCell(props: ICellRendererParams<Complaint> & { onOpen(id: number): void }) {
  const { data, onOpen } = props;
  if (!data) return null;
  return (
    <button type="button" className="link cell-link" tabIndex={-1} onClick={() => onOpen(data.id)} data-testid="complaint-open">
      {data.complaintNo}
    </button>
  );
}

const text = (width: number) => ({ filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 }, initialWidth: width });
const time = (p: ValueFormatterParams<Complaint>) => (typeof p.value === 'string' ? wallTime(p.value) : '');
/** Kept per row but neither sorted nor filtered by the column (the toolbar filters these). */
const noFilter = { filter: false } as const;
const readOnly = { sortable: false, filter: false } as const;

export function complaintColumnDefs(opts: { t: ComplaintT; label(label: Label | undefined): string; onOpen(id: number): void }): ColDef<Complaint>[] {
  const { t, label } = opts;
  const deadline = (which: DeadlineKey, colId: string, header: string, hint: string): ColDef<Complaint> => ({
    colId,
    field: colId as keyof Complaint,
    headerName: header,
    headerTooltip: hint,
    initialWidth: 118,
    cellRenderer: CountdownCell,
    cellRendererParams: { which },
    ...noFilter,
  });
  return [
    {
      colId: 'complaintNo',
      field: 'complaintNo',
      headerName: t('colNo'),
      initialPinned: 'left',
      lockVisible: true,
      cellClass: 'cell-key',
      cellRenderer: NumberCell,
      cellRendererParams: { onOpen: opts.onOpen },
      ...text(142),
    },
    // What, whose and how much time is left come first, so a 1,400 px window shows the countdowns.
    { colId: 'customerName', field: 'customerName', headerName: t('colCustomer'), tooltipField: 'customerName', ...text(150) },
    { colId: 'orderNo', field: 'orderNo', headerName: t('colOrder'), ...text(140) },
    { colId: 'receivedAt', field: 'receivedAt', headerName: t('colReceived'), valueFormatter: time, initialWidth: 128, ...noFilter },
    { colId: 'summary', field: 'summary', headerName: t('colSummary'), tooltipField: 'summary', ...text(156) },
    deadline('handle', 'handleDueAt', t('colHandle'), t('colHandleHint')),
    deadline('respond', 'respondDueAt', t('colRespond'), t('colRespondHint')),
    deadline('slip', 'slipDueDate', t('colSlip'), t('colSlipHint')),
    { colId: 'severity', field: 'severity', headerName: t('colSeverity'), initialWidth: 92, cellRenderer: SeverityCell, ...noFilter },
    { colId: 'ownerName', field: 'ownerName', headerName: t('colOwner'), ...text(84) },
    { colId: 'responsibleName', field: 'responsibleName', headerName: t('colResponsible'), ...text(84) },
    { colId: 'occurredAt', field: 'occurredAt', headerName: t('colOccurred'), valueFormatter: time, initialWidth: 128, ...noFilter },
    { colId: 'course', field: 'course', headerName: t('colCourse'), tooltipField: 'course', initialWidth: 220, ...readOnly },
    { colId: 'workOrderNo', field: 'workOrderNo', headerName: t('colWorkOrder'), ...text(120), initialHide: true },
    {
      colId: 'status',
      field: 'status',
      headerName: t('colStatus'),
      initialWidth: 104,
      initialPinned: 'right',
      cellRenderer: StatusCell,
      ...noFilter,
    },
    {
      colId: 'source',
      field: 'source',
      headerName: t('colSource'),
      initialWidth: 118,
      valueFormatter: (p) => (p.data ? label(COMPLAINT_SOURCE_LABELS[p.data.source]) : ''),
      ...noFilter,
    },
    {
      colId: 'compensationFen',
      field: 'compensationFen',
      headerName: t('colCompensation'),
      type: 'rightAligned',
      cellClass: ['cell-num', 'ag-right-aligned-cell'],
      valueFormatter: (p) => (typeof p.value === 'number' && p.value > 0 ? formatYuan(p.value) : ''),
      initialWidth: 108,
      initialHide: true,
      ...noFilter,
    },
    { colId: 'enteredByName', field: 'enteredByName', headerName: t('colEnteredBy'), initialWidth: 84, initialHide: true, ...readOnly },
  ];
}

export function complaintColumnGroups(t: ComplaintT): ColumnChoiceGroup[] {
  const c = (colId: string, key: Parameters<ComplaintT>[0], locked = false) => ({ colId, label: t(key), locked });
  return [
    {
      id: 'main',
      label: t('groupMain'),
      columns: [
        c('complaintNo', 'colNo', true),
        c('receivedAt', 'colReceived'),
        c('occurredAt', 'colOccurred'),
        c('summary', 'colSummary'),
        c('course', 'colCourse'),
        c('severity', 'colSeverity'),
        c('status', 'colStatus'),
        c('source', 'colSource'),
        c('compensationFen', 'colCompensation'),
      ],
    },
    {
      id: 'people',
      label: t('groupPeople'),
      columns: [c('customerName', 'colCustomer'), c('orderNo', 'colOrder'), c('workOrderNo', 'colWorkOrder'), c('ownerName', 'colOwner'), c('responsibleName', 'colResponsible'), c('enteredByName', 'colEnteredBy')],
    },
    { id: 'deadlines', label: t('groupDeadlines'), columns: [c('handleDueAt', 'colHandle'), c('respondDueAt', 'colRespond'), c('slipDueDate', 'colSlip')] },
  ];
}
