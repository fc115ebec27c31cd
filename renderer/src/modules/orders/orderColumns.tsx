// The tracking grid's columns: O-STATUS badges with a set filter in Chinese, the approval state,
// the O-DELAY flag with its one-click "customer notified", money in yuan, dates; which columns the
// core may sort and filter (electron/core/orders/service.ts queryColumns) decides `sortable`.
import type { ColDef, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import type { CustomFilterProps } from 'ag-grid-react';
import { useGridFilter } from 'ag-grid-react';
import { useCallback, useId } from 'react';
import { formatTimestamp } from '../../../../shared/dates';
import type { Label } from '../../../../shared/domain';
import { formatYuan } from '../../../../shared/money';
import { ORDER_APPROVAL_STATE_LABELS, ORDER_APPROVAL_STATES, ORDER_STATUS_LABELS, ORDER_STATUSES, type Order } from '../../../../shared/orders';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import type { FilterScales } from '../../grid/datasource';
import { EnumFilter } from '../../grid/EnumFilter';
import { useLabel } from '../../i18n';
import { useOrderMessages, type OrderT } from './messages';

export const FILTER_SCALES: FilterScales = { totalFen: 100, depositFen: 100 };

export function StatusBadge({ status }: { status: Order['status'] }) {
  const label = useLabel();
  return (
    <span className={`badge order-status order-status-${status}`} data-testid="order-status" data-status={status}>
      {label(ORDER_STATUS_LABELS[status])}
    </span>
  );
}

/** Community AG Grid's number filter is clumsy for a yes/no flag: 全部 / 是 / 否 as number equals 1 / 0 (what the core expects). */
interface FlagModel {
  filterType: 'number';
  type: 'equals';
  filter: number;
}
export function FlagFilter({ model, onModelChange }: CustomFilterProps<unknown, unknown, FlagModel>) {
  const t = useOrderMessages();
  const name = useId();
  const doesFilterPass = useCallback(() => true, []);
  useGridFilter({ doesFilterPass });
  const current = model ? String(model.filter) : '';
  const options: [string, string][] = [
    ['', t('flagAll')],
    ['1', t('yes')],
    ['0', t('no')],
  ];
  return (
    <div className="enum-filter" data-testid="flag-filter">
      <ul className="enum-filter-list">
        {options.map(([value, text]) => (
          <li key={value}>
            <input
              id={`${name}-${value || 'all'}`}
              type="radio"
              name={name}
              checked={current === value}
              onChange={() => onModelChange(value === '' ? null : { filterType: 'number', type: 'equals', filter: Number(value) })}
            />
            <label htmlFor={`${name}-${value || 'all'}`}>{text}</label>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface OrderColumnOptions {
  t: OrderT;
  label(label: Label | undefined): string;
  canEdit: boolean;
  /** Read through a ref by the cell, so the column defs stay the same. */
  onNotify(order: Order): void;
}

function StatusCell(props: ICellRendererParams<Order>) {
  return props.data ? <StatusBadge status={props.data.status} /> : null;
}

function ApprovalCell(props: ICellRendererParams<Order> & { t: OrderT; label: OrderColumnOptions['label'] }) {
  const { data, t, label } = props;
  if (!data) return null;
  return (
    <span className="cell-badges">
      {data.approvalState === 'pending' && (
        <span className="badge badge-pending" data-testid="order-held">
          {t('heldBadge')}
        </span>
      )}
      {data.approvalState === 'rejected' && <span className="badge badge-rejected">{label(ORDER_APPROVAL_STATE_LABELS.rejected)}</span>}
      {data.approvalState === 'approved' && <span className="badge badge-approved">{label(ORDER_APPROVAL_STATE_LABELS.approved)}</span>}
      {data.overdue && (
        <span className="badge order-overdue-badge" data-testid="order-overdue">
          {t('overdueBadge')}
        </span>
      )}
    </span>
  );
}

function DelayCell(props: ICellRendererParams<Order> & { t: OrderT; canEdit: boolean; onNotify: OrderColumnOptions['onNotify'] }) {
  const { data, t, canEdit, onNotify } = props;
  if (!data) return null;
  const notified = data.customerNotifiedAt ? t('notifiedBy', { name: data.customerNotifiedByName ?? '', at: formatTimestamp(data.customerNotifiedAt).slice(5) }) : null;
  if (!data.delayRisk) return notified ? <span className="muted small">{notified}</span> : null;
  return (
    <span className="delay-cell" data-testid="order-delay">
      <span className="delay-flag">{t('delayFlag')}</span>
      {notified ? (
        <span className="muted small" data-testid="order-notified">
          {notified}
        </span>
      ) : canEdit ? (
        <button
          type="button"
          className="link notify-button"
          title={t('notifyHint')}
          data-testid="order-notify"
          onClick={(event) => {
            event.stopPropagation();
            onNotify(data);
          }}
        >
          {t('notifyButton')}
        </button>
      ) : null}
    </span>
  );
}

const money = (p: ValueFormatterParams<Order>) => (typeof p.value === 'number' ? formatYuan(p.value) : '');
const stamp = (p: ValueFormatterParams<Order>) => (typeof p.value === 'string' ? formatTimestamp(p.value) : '');
const text = (width: number) => ({ filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 }, initialWidth: width });
const date = { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 }, initialWidth: 116 };
const number = { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 2 }, type: 'rightAligned', initialWidth: 130 };

export function orderColumnDefs(opts: OrderColumnOptions): ColDef<Order>[] {
  const { t, label } = opts;
  return [
    { colId: 'orderNo', field: 'orderNo', headerName: t('colOrderNo'), initialPinned: 'left', lockVisible: true, cellClass: 'cell-key', ...text(150) },
    {
      colId: 'status',
      field: 'status',
      headerName: t('colStatus'),
      initialWidth: 108,
      cellRenderer: StatusCell,
      filter: EnumFilter,
      filterParams: { options: ORDER_STATUSES.map((s) => ({ value: s, label: label(ORDER_STATUS_LABELS[s]) })) },
    },
    {
      colId: 'approvalState',
      field: 'approvalState',
      headerName: t('colApproval'),
      initialWidth: 130,
      cellRenderer: ApprovalCell,
      cellRendererParams: { t, label },
      filter: EnumFilter,
      filterParams: { options: ORDER_APPROVAL_STATES.map((s) => ({ value: s, label: label(ORDER_APPROVAL_STATE_LABELS[s]) })) },
    },
    {
      colId: 'delayRisk',
      field: 'delayRisk',
      headerName: t('colDelay'),
      initialWidth: 210,
      cellRenderer: DelayCell,
      cellRendererParams: { t, canEdit: opts.canEdit, onNotify: opts.onNotify },
      filter: FlagFilter,
    },
    { colId: 'customerNo', field: 'customerNo', headerName: t('colCustomerNo'), ...text(110) },
    { colId: 'customerName', field: 'customerName', headerName: t('colCustomerName'), tooltipField: 'customerName', ...text(200) },
    { colId: 'repName', field: 'repName', headerName: t('colRep'), ...text(96) },
    { colId: 'orderDate', field: 'orderDate', headerName: t('colOrderDate'), ...date },
    { colId: 'deliveryDate', field: 'deliveryDate', headerName: t('colDeliveryDate'), ...date, cellClassRules: { 'cell-overdue': (p) => Boolean(p.data?.overdue) } },
    { colId: 'totalFen', field: 'totalFen', headerName: t('colTotal'), valueFormatter: money, ...number },
    { colId: 'depositFen', field: 'depositFen', headerName: t('colDeposit'), valueFormatter: money, ...number, initialWidth: 110 },
    { colId: 'lineCount', field: 'lineCount', headerName: t('colLines'), sortable: false, filter: false, type: 'rightAligned', initialWidth: 70, initialHide: true },
    { colId: 'requiredSchedule', field: 'requiredSchedule', headerName: t('colSchedule'), tooltipField: 'requiredSchedule', ...text(140), initialHide: true },
    { colId: 'deliveryPlace', field: 'deliveryPlace', headerName: t('colPlace'), tooltipField: 'deliveryPlace', ...text(180) },
    { colId: 'packaging', field: 'packaging', headerName: t('colPackaging'), ...text(110), initialHide: true },
    { colId: 'shippingMethod', field: 'shippingMethod', headerName: t('colShipping'), ...text(100), initialHide: true },
    { colId: 'inspectionResults', field: 'inspectionResults', headerName: t('colInspection'), tooltipField: 'inspectionResults', ...text(160) },
    { colId: 'inspectedAt', field: 'inspectedAt', headerName: t('colInspectedAt'), valueFormatter: stamp, ...date, initialWidth: 140, initialHide: true },
    { colId: 'customerNotifiedAt', field: 'customerNotifiedAt', headerName: t('colNotifiedAt'), valueFormatter: stamp, ...date, initialWidth: 140, initialHide: true },
    {
      colId: 'overdue',
      field: 'overdue',
      headerName: t('colOverdue'),
      initialWidth: 80,
      initialHide: true,
      valueFormatter: (p) => (p.value ? t('yes') : ''),
      filter: FlagFilter,
    },
    {
      colId: 'deliveryState',
      field: 'deliveryState',
      headerName: t('colDeliveryState'),
      initialWidth: 100,
      initialHide: true,
      valueFormatter: (p) => (p.value === 'delivered' ? t('deliveryDelivered') : p.value === 'undelivered' ? t('deliveryUndelivered') : ''),
      filter: EnumFilter,
      filterParams: {
        options: [
          { value: 'undelivered', label: t('deliveryUndelivered') },
          { value: 'delivered', label: t('deliveryDelivered') },
          { value: 'none', label: `${label(ORDER_STATUS_LABELS.draft)} / ${label(ORDER_STATUS_LABELS.cancelled)}` },
        ],
      },
    },
    { colId: 'notes', field: 'notes', headerName: t('colNotes'), tooltipField: 'notes', ...text(180), initialHide: true },
    { colId: 'createdAt', field: 'createdAt', headerName: t('colCreatedAt'), valueFormatter: stamp, ...date, initialWidth: 140, initialHide: true },
    { colId: 'updatedAt', field: 'updatedAt', headerName: t('colUpdatedAt'), valueFormatter: stamp, ...date, initialWidth: 140, initialHide: true },
  ];
}

export function orderColumnGroups(t: OrderT): ColumnChoiceGroup[] {
  const c = (colId: string, key: Parameters<OrderT>[0], locked = false) => ({ colId, label: t(key), locked });
  return [
    {
      id: 'main',
      label: t('groupMain'),
      columns: [
        c('orderNo', 'colOrderNo', true),
        c('status', 'colStatus'),
        c('approvalState', 'colApproval'),
        c('customerNo', 'colCustomerNo'),
        c('customerName', 'colCustomerName'),
        c('repName', 'colRep'),
        c('orderDate', 'colOrderDate'),
        c('totalFen', 'colTotal'),
        c('depositFen', 'colDeposit'),
        c('lineCount', 'colLines'),
      ],
    },
    {
      id: 'delivery',
      label: t('groupDelivery'),
      columns: [
        c('deliveryDate', 'colDeliveryDate'),
        c('requiredSchedule', 'colSchedule'),
        c('deliveryPlace', 'colPlace'),
        c('packaging', 'colPackaging'),
        c('shippingMethod', 'colShipping'),
        c('deliveryState', 'colDeliveryState'),
      ],
    },
    {
      id: 'tracking',
      label: t('groupTracking'),
      columns: [
        c('delayRisk', 'colDelay'),
        c('overdue', 'colOverdue'),
        c('customerNotifiedAt', 'colNotifiedAt'),
        c('inspectionResults', 'colInspection'),
        c('inspectedAt', 'colInspectedAt'),
      ],
    },
    { id: 'other', label: t('groupOther'), columns: [c('notes', 'colNotes'), c('createdAt', 'colCreatedAt'), c('updatedAt', 'colUpdatedAt')] },
  ];
}
