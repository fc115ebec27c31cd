// 发货登记簿 (O-SHIP): the shipping register as an SQL-paged grid (quick search, column filters,
// saved layout) with 签收 — recording the delivery posts the shipment's sale to the ledger. Shipments
// themselves are entered from the order drawer, where what is left to ship is known.
import type { ColDef, GridApi, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatTimestamp, localDate } from '../../../../shared/dates';
import type { Role } from '../../../../shared/domain';
import { SHIPPING_ROLES, type Shipment } from '../../../../shared/ledger';
import { formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { GridTools } from '../../grid/GridTools';
import { createSqlDatasource } from '../../grid/datasource';
import { ServerGrid } from '../../grid/ServerGrid';
import { useErrorText, useLang, useNumberFormat } from '../../i18n';
import { Dialog } from '../users/Dialog';
import { apiFieldErrors, bare, linesSummary } from './ledgerValues';
import { useLedgerMessages, type LedgerT } from './messages';
import './ledger.css';
import { useQuickSearch } from '../../grid/useQuickSearch';

const text = { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 } } as const;
const date = { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 } } as const;

function shipmentColumns(t: LedgerT, canDeliver: boolean, onDeliver: (s: Shipment) => void): ColDef<Shipment>[] {
  return [
    { colId: 'shipmentNo', field: 'shipmentNo', headerName: t('colShipmentNo'), initialWidth: 130, initialPinned: 'left', lockVisible: true, cellClass: 'cell-key', ...text },
    { colId: 'shipDate', field: 'shipDate', headerName: t('colShipDate'), initialWidth: 108, ...date },
    { colId: 'orderNo', field: 'orderNo', headerName: t('colOrderNo'), initialWidth: 145, ...text },
    { colId: 'customerNo', field: 'customerNo', headerName: t('colCustomerNo'), initialWidth: 100, initialHide: true, ...text },
    { colId: 'customerName', field: 'customerName', headerName: t('colCustomerName'), initialWidth: 190, tooltipField: 'customerName', ...text },
    { colId: 'carrier', field: 'carrier', headerName: t('colCarrier'), initialWidth: 100, ...text },
    {
      colId: 'lines',
      headerName: t('colLines'),
      initialFlex: 1,
      minWidth: 180,
      sortable: false,
      valueGetter: (p) => (p.data ? linesSummary(p.data) : ''),
      tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : ''),
    },
    {
      colId: 'amountFen',
      field: 'amountFen',
      headerName: t('colAmount'),
      initialWidth: 120,
      type: 'rightAligned',
      cellClass: ['cell-num', 'ag-right-aligned-cell'], // an own cellClass replaces the type's
      valueFormatter: (p: ValueFormatterParams<Shipment>) => (typeof p.value === 'number' ? formatYuan(p.value) : ''),
      filter: 'agNumberColumnFilter',
      filterParams: { maxNumConditions: 2 },
    },
    {
      colId: 'deliveredAt',
      field: 'deliveredAt',
      headerName: t('colDeliveredAt'),
      initialWidth: 150,
      // The register's one action stays in view however the columns are laid out.
      initialPinned: 'right',
      ...date,
      cellRenderer: (p: ICellRendererParams<Shipment>) => {
        const s = p.data;
        if (!s) return null;
        if (s.deliveredAt) return <span data-testid="shipment-delivered">{s.deliveredAt}</span>;
        return (
          <span className="cell-badges">
            <span className="badge badge-pending">{t('notDelivered')}</span>
            {canDeliver && (
              <button type="button" className="link" onClick={() => onDeliver(s)} data-testid="shipment-deliver">
                {t('deliver')}
              </button>
            )}
          </span>
        );
      },
    },
    { colId: 'note', field: 'note', headerName: t('colNote'), initialWidth: 160, initialHide: true, sortable: false },
    { colId: 'createdByName', field: 'createdByName', headerName: t('colCreatedBy'), initialWidth: 100, initialHide: true, sortable: false },
    {
      colId: 'createdAt',
      field: 'createdAt',
      headerName: `${t('colCreatedBy')} · ${t('colDate')}`,
      initialWidth: 150,
      initialHide: true,
      valueFormatter: (p: ValueFormatterParams<Shipment>) => (typeof p.value === 'string' ? formatTimestamp(p.value) : ''),
      ...date,
    },
  ];
}

function columnGroups(t: LedgerT): ColumnChoiceGroup[] {
  return [
    {
      id: 'shipment',
      label: t('shipTitle'),
      columns: [
        { colId: 'shipmentNo', label: t('colShipmentNo'), locked: true },
        { colId: 'shipDate', label: t('colShipDate') },
        { colId: 'orderNo', label: t('colOrderNo') },
        { colId: 'customerNo', label: t('colCustomerNo') },
        { colId: 'customerName', label: t('colCustomerName') },
        { colId: 'carrier', label: t('colCarrier') },
        { colId: 'lines', label: t('colLines') },
        { colId: 'amountFen', label: t('colAmount') },
        { colId: 'deliveredAt', label: t('colDeliveredAt') },
        { colId: 'note', label: t('colNote') },
        { colId: 'createdByName', label: t('colCreatedBy') },
        { colId: 'createdAt', label: `${t('colCreatedBy')} · ${t('colDate')}` },
      ],
    },
  ];
}

export function ShipmentsPage() {
  const user = useSession();
  const t = useLedgerMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();
  const canDeliver = (SHIPPING_ROLES as readonly Role[]).includes(user.role);

  const [api, setApi] = useState<GridApi<Shipment> | null>(null);
  const [onlyUndelivered, setOnlyUndelivered] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [delivering, setDelivering] = useState<Shipment | null>(null);
  // The search box (debounce, Enter, Esc, Ctrl+F).
  const search = useQuickSearch(null, { ctrlF: delivering === null });
  const { quickSearch } = search;
  const layout = useColumnLayout(layoutStorageKey('shipments', user.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  const datasource = useMemo(
    () =>
      createSqlDatasource<Shipment>({
        // "Undelivered only" is the register's everyday view: a blank delivery date, added to the grid's own filters.
        load: (query) =>
          invoke('shipments.list', onlyUndelivered ? { ...query, filter: { ...query.filter, deliveredAt: { filterType: 'date', type: 'blank' } } } : query),
        extras: { quickSearch, includeArchived: false },
        scales: { amountFen: 100 },
        onLoaded: setTotal,
        onError: (error) => loadErrorRef.current(error),
      }),
    [quickSearch, onlyUndelivered],
  );

  const onDeliver = useCallback((s: Shipment) => setDelivering(s), []);
  const columnDefs = useMemo(() => shipmentColumns(t, canDeliver, onDeliver), [t, canDeliver, onDeliver]);
  const groups = useMemo(() => columnGroups(t), [t]);

  return (
    <div className="page ledger-page">
      <div className="page-head">
        <h1>{t('shipTitle')}</h1>
        <span className="muted" data-testid="shipments-total">
          {total === null ? '' : t('shipTotal', { n: formatNumber(total) })}
        </span>
      </div>
      <p className="muted page-intro">
        {t('shipIntro')}
        {!canDeliver && ` ${t('deliverRolesHint')}`}
      </p>
      <div className="toolbar">
        <input
          {...search.inputProps}
          placeholder={t('shipSearchPlaceholder')}
          aria-label={t('searchLabel')}
          data-testid="shipments-search"
        />
        <label className="check">
          <input type="checkbox" checked={onlyUndelivered} onChange={(event) => setOnlyUndelivered(event.target.checked)} data-testid="shipments-undelivered" />
          {t('onlyUndelivered')}
        </label>
        <span className="spacer" />
        <GridTools
          api={api}
          groups={groups}
          onReset={layout.reset}
        />
      </div>
      <div className="grid-host" data-testid="shipments-grid">
        <ServerGrid<Shipment>
          datasource={datasource}
          layout={layout}
          columnDefs={columnDefs}
          rowClassRules={{ 'row-undelivered': (params) => Boolean(params.data) && params.data?.deliveredAt === null }}
          onApi={setApi}
        />
      </div>
      {delivering && (
        <DeliverDialog
          shipment={delivering}
          onClose={() => setDelivering(null)}
          onDone={(saved) => {
            setDelivering(null);
            toast('success', t('delivered', { no: saved.shipmentNo, amount: formatYuan(saved.amountFen) }));
            api?.getRowNode(String(saved.id))?.setData(saved);
            if (onlyUndelivered) api?.refreshInfiniteCache();
          }}
        />
      )}
    </div>
  );
}

function DeliverDialog(props: { shipment: Shipment; onClose(): void; onDone(saved: Shipment): void }) {
  const { shipment } = props;
  const t = useLedgerMessages();
  const { lang } = useLang();
  const errorText = useErrorText();
  const today = useMemo(() => localDate(new Date()), []);
  const [deliveredAt, setDeliveredAt] = useState(today < shipment.shipDate ? shipment.shipDate : today);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!deliveredAt) {
      setFieldError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      props.onDone(await invoke('shipments.deliver', { id: shipment.id, deliveredAt }));
    } catch (e) {
      const found = apiFieldErrors(e, lang);
      setFieldError(bare(found.deliveredAt));
      setError(found.deliveredAt ? null : errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('deliverTitle', { no: shipment.shipmentNo })} onClose={props.onClose} testId="deliver-dialog">
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-intro">
          {t('deliverIntro', { customer: `${shipment.customerNo} ${shipment.customerName}`, amount: formatYuan(shipment.amountFen) })}
        </p>
        <div className="muted small">{linesSummary(shipment)}</div>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <Field label={`${t('deliveredAt')} *`} error={fieldError} hint={t('deliveredAtHint', { date: shipment.shipDate })}>
          <input type="date" name="deliveredAt" value={deliveredAt} min={shipment.shipDate} max={today} onChange={(e) => setDeliveredAt(e.target.value)} disabled={busy} />
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="deliver-save">
            {t('deliverSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
