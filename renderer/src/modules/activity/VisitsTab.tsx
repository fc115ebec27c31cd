// 拜访记录: every visit the caller may see as an SQL-paged grid (activity.visits) — filtered by
// person, customer, kind and month above it, quick search, the saved column layout; falsified
// visits (W-FAKE) struck through with the manager's note.
import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { VISIT_KIND_LABELS, VISIT_KINDS, type Visit, type VisitKind } from '../../../../shared/activity';
import type { Customer } from '../../../../shared/customers';
import { addMonths, localMonth } from '../../../../shared/dates';
import { GRADE_LABELS, type Grade, type Label } from '../../../../shared/domain';
import type { ColumnFilter } from '../../../../shared/grid';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import type { ColumnChoiceGroup } from '../../grid/ColumnChooser';
import { layoutStorageKey, useColumnLayout } from '../../grid/columnLayout';
import { createSqlDatasource } from '../../grid/datasource';
import { EnumFilter } from '../../grid/EnumFilter';
import { GridTools } from '../../grid/GridTools';
import { ServerGrid } from '../../grid/ServerGrid';
import { usePageKeys } from '../../grid/usePageKeys';
import { useQuickSearch } from '../../grid/useQuickSearch';
import { useErrorText, useLabel, useNumberFormat } from '../../i18n';
import { searchCustomers } from '../customers/searchCustomers';
import { LookupInput } from '../orders/LookupInput';
import type { CustomerRef } from './LogTab';
import { useActivityMessages, type ActivityT } from './messages';
import type { Person } from './people';

function FalsifiedCell(props: ICellRendererParams<Visit> & { text: string }) {
  const v = props.data;
  if (!v?.falsifiedAt) return null;
  return (
    <span className="badge tone-rejected" title={v.falsifiedNote} data-testid="visit-falsified">
      {props.text}
    </span>
  );
}

const text = (width: number) => ({ filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2, debounceMs: 300 }, initialWidth: width });

function visitColumns(t: ActivityT, label: (l: Label | undefined) => string): ColDef<Visit>[] {
  return [
    { colId: 'visitDate', field: 'visitDate', headerName: t('colDate'), initialWidth: 112, initialPinned: 'left', initialSort: 'desc', filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 2 } },
    { colId: 'userName', field: 'userName', headerName: t('colPerson'), ...text(88) },
    { colId: 'customerNo', field: 'customerNo', headerName: t('colCustomerNo'), cellClass: 'mono', ...text(110) },
    { colId: 'customerName', field: 'customerName', headerName: t('colCustomerName'), tooltipField: 'customerName', ...text(190) },
    {
      colId: 'customerGrade',
      field: 'customerGrade',
      headerName: t('colGrade'),
      initialWidth: 84,
      sortable: false,
      filter: false,
      valueFormatter: (p) => (p.value ? label(GRADE_LABELS[p.value as Grade]) || String(p.value) : ''),
    },
    {
      colId: 'kind',
      field: 'kind',
      headerName: t('colKind'),
      initialWidth: 104,
      valueFormatter: (p) => (p.data ? label(VISIT_KIND_LABELS[p.data.kind]) : ''),
      filter: EnumFilter,
      filterParams: { options: VISIT_KINDS.map((k) => ({ value: k, label: label(VISIT_KIND_LABELS[k]) })) },
    },
    { colId: 'outcome', field: 'outcome', headerName: t('colOutcome'), tooltipField: 'outcome', initialWidth: 300, sortable: false, filter: false },
    { colId: 'nextStep', field: 'nextStep', headerName: t('colNextStep'), tooltipField: 'nextStep', initialWidth: 220, sortable: false, filter: false },
    { colId: 'falsified', field: 'falsifiedAt', headerName: t('colFalsified'), initialWidth: 80, sortable: false, filter: false, cellRenderer: FalsifiedCell, cellRendererParams: { text: t('falsified') } },
  ];
}

function visitGroups(t: ActivityT): ColumnChoiceGroup[] {
  const c = (colId: string, key: Parameters<ActivityT>[0], locked = false) => ({ colId, label: t(key), locked });
  return [
    {
      id: 'main',
      label: t('groupMain'),
      columns: [c('visitDate', 'colDate', true), c('userName', 'colPerson'), c('customerNo', 'colCustomerNo'), c('customerName', 'colCustomerName'), c('customerGrade', 'colGrade'), c('kind', 'colKind'), c('outcome', 'colOutcome'), c('nextStep', 'colNextStep'), c('falsified', 'colFalsified')],
    },
  ];
}

export function VisitsTab({ people }: { people: readonly Person[] }) {
  const t = useActivityMessages();
  const label = useLabel();
  const me = useSession();
  const toast = useToast();
  const errorText = useErrorText();
  const formatNumber = useNumberFormat();
  const [api, setApi] = useState<GridApi<Visit> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [filtersActive, setFiltersActive] = useState(false);
  const [userId, setUserId] = useState<number | null>(null);
  const [kind, setKind] = useState<VisitKind | ''>('');
  const [month, setMonth] = useState(() => localMonth(new Date()));
  const [customer, setCustomer] = useState<CustomerRef | null>(null);
  const [customerText, setCustomerText] = useState('');
  const search = useQuickSearch(api, { ctrlF: false });
  const { quickSearch, searchRef } = search;
  const layout = useColumnLayout(layoutStorageKey('visits', me.id));

  const loadErrorRef = useRef((error: unknown) => toast('error', t('loadFailed', { error: errorText(error) })));
  loadErrorRef.current = (error: unknown) => toast('error', t('loadFailed', { error: errorText(error) }));

  usePageKeys({
    blocked: false,
    onFind: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    onNew: () => undefined,
  });

  const datasource = useMemo(() => {
    const extra: Record<string, ColumnFilter> = {};
    if (userId !== null) extra.userId = { filterType: 'number', type: 'equals', filter: userId };
    if (customer) extra.customerId = { filterType: 'number', type: 'equals', filter: customer.id };
    if (kind) extra.kind = { filterType: 'set', values: [kind] };
    if (month) extra.month = { filterType: 'text', type: 'equals', filter: month };
    return createSqlDatasource<Visit>({
      load: (query) => invoke('activity.visits', { ...query, filter: { ...query.filter, ...extra } }),
      extras: { quickSearch, includeArchived: false },
      onLoaded: setTotal,
      onError: (error) => loadErrorRef.current(error),
    });
  }, [quickSearch, userId, customer, kind, month]);

  const columnDefs = useMemo(() => visitColumns(t, label), [t, label]);
  const groups = useMemo(() => visitGroups(t), [t]);
  const months = useMemo(() => {
    const now = localMonth(new Date());
    return Array.from({ length: 24 }, (_, i) => addMonths(now, -i));
  }, []);

  function clearFilters() {
    setUserId(null);
    setKind('');
    setMonth('');
    setCustomer(null);
    setCustomerText('');
    search.clear();
    void api?.setFilterModel(null);
  }
  const anyFilter = filtersActive || quickSearch !== '' || userId !== null || kind !== '' || month !== '' || customer !== null;

  return (
    <>
      <div className="toolbar">
        <input {...search.inputProps} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} data-testid="visits-search" />
        {people.length > 0 && (
          <label className="inline-field">
            {t('person')}
            <select value={userId ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : null)} data-testid="visits-person">
              <option value="">{t('allPeople')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline-field visits-customer">
          {t('customer')}
          <LookupInput<Customer>
            name="visits-customer"
            testId="visits-customer"
            text={customerText}
            picked={customer !== null}
            onTextChange={(value) => {
              setCustomerText(value);
              if (!value.trim()) setCustomer(null);
              else if (customer) setCustomer(null);
            }}
            search={searchCustomers}
            keyOf={(c) => c.id}
            isExact={(c, value) => c.customerNo.toLowerCase() === value.toLowerCase()}
            renderItem={(c) => (
              <span className="lookup-customer">
                <span className="mono">{c.customerNo}</span>
                <span>{c.name}</span>
                <span className="muted small">{c.ownerName}</span>
              </span>
            )}
            onPick={(c) => {
              setCustomer({ id: c.id, customerNo: c.customerNo, name: c.name });
              setCustomerText(`${c.customerNo} ${c.name}`);
            }}
            placeholder={t('anyCustomer')}
            noneText={t('customerNone')}
            searchingText={t('searching')}
          />
        </label>
        <label className="inline-field">
          {t('kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as VisitKind | '')} data-testid="visits-kind">
            <option value="">{t('allKinds')}</option>
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(VISIT_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('month')}
          <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="visits-month">
            <option value="">{t('allMonths')}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {anyFilter && (
          <button type="button" className="link" onClick={clearFilters} data-testid="visits-clear-filters">
            ✕ {t('clearFilters')}
          </button>
        )}
        <span className="spacer" />
        <span className="muted" data-testid="visits-total">
          {total === null ? '' : t('total', { n: formatNumber(total) })}
        </span>
        <GridTools api={api} groups={groups} onReset={layout.reset} refreshTestId="visits-refresh" />
      </div>
      <div className="grid-host" data-testid="visits-grid">
        <ServerGrid<Visit>
          datasource={datasource}
          layout={layout}
          columnDefs={columnDefs}
          rowClassRules={{ 'row-falsified': (params) => Boolean(params.data?.falsifiedAt) }}
          onApi={setApi}
          onFiltersActive={setFiltersActive}
        />
      </div>
    </>
  );
}
