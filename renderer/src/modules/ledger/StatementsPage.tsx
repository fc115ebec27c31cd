// 应收账款对账单 (O-STATEMENT): a month's statements per customer — previous balance, sales, receipts
// and the receivable, with the lines on demand — printed one customer per A4 page by the core
// (all of them, or one), exported as CSV for Excel, and the month's reconciliation (O-RECON) below.
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import { addMonths, localMonth } from '../../../../shared/dates';
import type { Statement } from '../../../../shared/ledger';
import { formatFen } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { downloadText } from '../../grid/download';
import { useErrorText } from '../../i18n';
import { openPrintWindow } from '../../print/openPrint';
import { useLedgerMessages, type LedgerT } from './messages';
import { ReconPanel } from './ReconPanel';
import './ledger.css';

type StatementMonth = ChannelOutput<'statements.month'>;

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function StatementsPage() {
  const t = useLedgerMessages();
  const toast = useToast();
  const errorText = useErrorText();
  // O-STATEMENT is about the month just closed: last month unless one is picked.
  const [month, setMonth] = useState(() => addMonths(localMonth(new Date()), -1));
  const [data, setData] = useState<StatementMonth | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [printing, setPrinting] = useState(false);

  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    if (!MONTH_RE.test(month)) return;
    let cancelled = false; // a month picked meanwhile wins over a late answer
    invoke('statements.month', { month })
      .then((next) => {
        if (cancelled) return;
        setData(next);
        setLoadError(null);
      })
      .catch((error: unknown) => !cancelled && setLoadError(errorText(error)));
    return () => {
      cancelled = true;
    };
  }, [month, reloads, errorText]);

  useEffect(() => setExpanded(new Set()), [month]);

  async function print(customer?: Statement) {
    setPrinting(true);
    try {
      const printed = await invoke('print.statements', customer ? { month, customerId: customer.customerId } : { month });
      if (!openPrintWindow(printed.html, printed.title)) toast('error', t('printBlocked'));
    } catch (error) {
      toast('error', errorText(error));
    } finally {
      setPrinting(false);
    }
  }

  async function exportCsv() {
    try {
      // Made and logged by the core: customer data leaving the program is audited.
      const file = await invoke('statements.exportCsv', { month });
      downloadText(file.filename, file.csv, 'text/csv;charset=utf-8');
      toast('success', t('exported', { n: file.customers }));
    } catch (error) {
      toast('error', errorText(error));
    }
  }

  function toggle(customerId: number) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(customerId)) next.delete(customerId);
      else next.add(customerId);
      return next;
    });
  }

  const statements = data?.month === month ? data.statements : null;
  const totals = useMemo(
    () =>
      (statements ?? []).reduce(
        (sum, s) => ({
          previous: sum.previous + s.previousBalanceFen,
          sales: sum.sales + s.salesFen,
          receipts: sum.receipts + s.receiptsFen,
          balance: sum.balance + s.balanceFen,
        }),
        { previous: 0, sales: 0, receipts: 0, balance: 0 },
      ),
    [statements],
  );

  return (
    <div className="page ledger-page statements-page">
      <div className="page-head">
        <h1>{t('stmtTitle')}</h1>
        {statements && <span className="muted">{t('stmtCount', { n: statements.length })}</span>}
      </div>
      {data && <p className="muted page-intro">{t('stmtIntro', { month: data.month, date: data.issueDate })}</p>}
      <div className="toolbar">
        <div className="month-picker">
          <button type="button" onClick={() => MONTH_RE.test(month) && setMonth(addMonths(month, -1))} title={t('prevMonth')} aria-label={t('prevMonth')} data-testid="month-prev">
            ‹
          </button>
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} aria-label={t('month')} data-testid="statements-month" />
          <button type="button" onClick={() => MONTH_RE.test(month) && setMonth(addMonths(month, 1))} title={t('nextMonth')} aria-label={t('nextMonth')} data-testid="month-next">
            ›
          </button>
        </div>
        {data && data.month === month && (
          <span className="cell-badges" data-testid="statements-state">
            {data.provisional ? (
              <span className="badge badge-pending" data-testid="badge-provisional">
                {t('provisional', { date: data.issueDate })}
              </span>
            ) : (
              <span className="badge badge-approved" data-testid="badge-issued">
                {t('issued', { date: data.issueDate })}
              </span>
            )}
            {data.locked ? (
              <span className="badge badge-locked" data-testid="badge-locked">
                🔒 {t('locked')}
              </span>
            ) : (
              <span className="badge badge-archived">{t('open')}</span>
            )}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={load}>
          {t('refresh')}
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={!statements?.length} data-testid="statements-export">
          {t('exportCsv')}
        </button>
        <button type="button" className="primary" onClick={() => void print()} disabled={!statements?.length || printing} data-testid="statements-print-all">
          {t('printAll')}
        </button>
      </div>

      {loadError && (
        <div className="form-error" role="alert">
          {loadError}
        </div>
      )}
      <section className="panel panel-table statements-panel" data-testid="statements-table">
        <table className="plain statements-table">
          <thead>
            <tr>
              <th className="col-toggle" />
              <th className="nowrap">{t('colCustomerNo')}</th>
              <th>{t('colCustomerName')}</th>
              <th className="num">{t('colPrevious')}</th>
              <th className="num">{t('colSales')}</th>
              <th className="num">{t('colReceipts')}</th>
              <th className="num">{t('colReceivable')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {statements === null && !loadError && (
              <tr>
                <td colSpan={8} className="empty-row muted">
                  {t('loading')}
                </td>
              </tr>
            )}
            {statements?.length === 0 && (
              <tr>
                <td colSpan={8} className="empty-row muted" data-testid="statements-empty">
                  {t('noStatements', { month })}
                </td>
              </tr>
            )}
            {statements?.map((s) => {
              const open = expanded.has(s.customerId);
              return (
                <Fragment key={s.customerId}>
                  <tr className={open ? 'row-open' : undefined} data-testid="statement-row" data-customer-no={s.customerNo}>
                    <td className="col-toggle">
                      <button type="button" className="link" onClick={() => toggle(s.customerId)} aria-expanded={open} data-testid="statement-toggle">
                        {open ? '▾' : '▸'} {open ? t('hideLines') : t('showLines')}
                      </button>
                    </td>
                    <td className="nowrap mono">{s.customerNo}</td>
                    <td>{s.customerName}</td>
                    <td className="num nowrap" data-testid="stmt-previous">
                      {formatFen(s.previousBalanceFen)}
                    </td>
                    <td className="num nowrap" data-testid="stmt-sales">
                      {formatFen(s.salesFen)}
                    </td>
                    <td className="num nowrap" data-testid="stmt-receipts">
                      {formatFen(s.receiptsFen)}
                    </td>
                    <td className={`num nowrap stmt-balance${s.balanceFen < 0 ? ' is-advance' : ''}`} data-testid="stmt-balance">
                      {formatFen(s.balanceFen)}
                    </td>
                    <td className="col-actions">
                      <button type="button" className="link" onClick={() => void print(s)} disabled={printing} data-testid="statement-print">
                        {t('printOne')}
                      </button>
                    </td>
                  </tr>
                  {open && (
                    <tr className="statement-lines-row">
                      <td />
                      <td colSpan={7}>
                        <StatementLines statement={s} month={month} t={t} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
          {statements && statements.length > 1 && (
            <tfoot>
              <tr className="statements-totals" data-testid="statements-totals">
                <td />
                <td colSpan={2}>{t('totals')}</td>
                <td className="num nowrap">{formatFen(totals.previous)}</td>
                <td className="num nowrap">{formatFen(totals.sales)}</td>
                <td className="num nowrap">{formatFen(totals.receipts)}</td>
                <td className="num nowrap">{formatFen(totals.balance)}</td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      </section>

      {MONTH_RE.test(month) && <ReconPanel month={month} onLocked={load} />}
    </div>
  );
}

function StatementLines({ statement: s, month, t }: { statement: Statement; month: string; t: LedgerT }) {
  return (
    <table className="plain statement-lines" data-testid="statement-lines">
      <thead>
        <tr>
          <th className="nowrap">{t('colDate')}</th>
          <th className="nowrap">{t('colKind')}</th>
          <th>{t('colReference')}</th>
          <th className="nowrap">{t('colOrder')}</th>
          <th>{t('colNote')}</th>
          <th className="num">{t('colSales')}</th>
          <th className="num">{t('colReceipts')}</th>
          <th className="num">{t('colRunning')}</th>
        </tr>
      </thead>
      <tbody>
        <tr className="stmt-opening">
          <td className="nowrap">{`${month}-01`}</td>
          <td colSpan={6}>{t('openingLine')}</td>
          <td className="num nowrap">{formatFen(s.previousBalanceFen)}</td>
        </tr>
        {s.lines.length === 0 && (
          <tr>
            <td colSpan={8} className="muted">
              {t('noLines')}
            </td>
          </tr>
        )}
        {s.lines.map((l) => (
          <tr key={l.entryId} data-testid="statement-line" data-kind={l.kind}>
            <td className="nowrap">{l.date}</td>
            <td className="nowrap">{l.kindLabel}</td>
            <td>{l.reference}</td>
            <td className="nowrap">{l.orderNo ?? ''}</td>
            <td className="ledger-note">{l.note}</td>
            <td className="num nowrap">{l.column === 'sales' ? formatFen(l.amountFen) : ''}</td>
            <td className="num nowrap">{l.column === 'receipts' ? formatFen(-l.amountFen) : ''}</td>
            <td className="num nowrap">{formatFen(l.balanceFen)}</td>
          </tr>
        ))}
        <tr className="stmt-closing">
          <td />
          <td colSpan={4}>{t('closingLine')}</td>
          <td className="num nowrap">{formatFen(s.salesFen)}</td>
          <td className="num nowrap">{formatFen(s.receiptsFen)}</td>
          <td className="num nowrap">{formatFen(s.balanceFen)}</td>
        </tr>
      </tbody>
    </table>
  );
}
