// One customer's sales ledger in a drawer: the balance and the collection cycle, every entry in ledger
// order with the running balance (the latest page first in view, earlier ones on demand), which
// entries are reversed and by which, and the postings: 登记回款 / 登记订金 and 冲销 for finance and the
// gm (LEDGER_ROLES), 申请坏账核销 for anyone who sees the customer (the request goes to approvals).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import { formatTimestamp } from '../../../../shared/dates';
import type { Role } from '../../../../shared/domain';
import { LEDGER_KIND_LABELS, LEDGER_ROLES, type BalanceRow } from '../../../../shared/ledger';
import { formatFen, formatYuan } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorText, useLabel } from '../../i18n';
import { BadDebtDialog, ReverseDialog } from './LedgerDialogs';
import { useLedgerMessages } from './messages';
import { PaymentForm } from './PaymentForm';

type Entries = ChannelOutput<'ledger.entries'>;
export type EntryRow = Entries['rows'][number];

/** Entries fetched at a time; the newest page is shown first, earlier pages on demand. */
const PAGE = 200;

export function CustomerLedgerDrawer(props: { customer: BalanceRow; onClose(): void; onChanged(): void }) {
  const { customer } = props;
  const user = useSession();
  const t = useLedgerMessages();
  const label = useLabel();
  const errorText = useErrorText();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const canPost = (LEDGER_ROLES as readonly Role[]).includes(user.role);

  const [balance, setBalance] = useState<number | null>(null);
  const [collectionDays, setCollectionDays] = useState<number | null>(customer.collectionDays);
  const [rows, setRows] = useState<EntryRow[]>([]);
  const [start, setStart] = useState(0);
  const [total, setTotal] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [paying, setPaying] = useState<'receipt' | 'deposit' | null>(null);
  const [reversing, setReversing] = useState<EntryRow | null>(null);
  const [badDebt, setBadDebt] = useState(false);

  const load = useCallback(async () => {
    try {
      const head = await invoke('ledger.entries', { customerId: customer.customerId, startRow: 0, endRow: PAGE });
      const from = Math.max(0, head.total - PAGE);
      const page = from === 0 ? head : await invoke('ledger.entries', { customerId: customer.customerId, startRow: from, endRow: head.total });
      setRows(page.rows);
      setStart(from);
      setTotal(page.total);
      setBalance(page.balanceFen);
      setLoadError(null);
      setLoaded(true);
      // The collection cycle moves with allocated receipts: read the customer's balance row again.
      const row = await invoke('ledger.balances', { startRow: 0, endRow: 1, filter: { customerId: { filterType: 'number', type: 'equals', filter: customer.customerId } } });
      setCollectionDays(row.rows[0]?.collectionDays ?? null);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }, [customer.customerId, errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  // The latest entries are at the bottom: keep them in view after loading or posting.
  useEffect(() => {
    const box = tableRef.current;
    if (box && loaded) box.scrollTop = box.scrollHeight;
  }, [loaded, total]);

  async function loadEarlier() {
    const from = Math.max(0, start - PAGE);
    try {
      const page = await invoke('ledger.entries', { customerId: customer.customerId, startRow: from, endRow: start });
      setRows((current) => [...page.rows, ...current]);
      setStart(from);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }

  function changed() {
    void load();
    props.onChanged();
  }

  const dialogOpen = reversing !== null || badDebt;
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || dialogOpen) return; // a dialog on top closes itself first
    event.preventDefault();
    if (paying) setPaying(null);
    else props.onClose();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const openBalance = Math.max(0, balance ?? 0);
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && !dialogOpen && !paying && props.onClose()}>
      <div ref={rootRef} className="drawer ledger-drawer" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="ledger-drawer">
        <div className="drawer-head">
          <h2 id={titleId} className="drawer-title">
            <span className="mono">{customer.customerNo}</span> {customer.customerName}
          </h2>
          <span className="muted small">{customer.ownerName}</span>
          <span className="spacer" />
          <button type="button" className="icon-button" onClick={props.onClose} title={t('close')} aria-label={t('close')} data-testid="ledger-drawer-close">
            ×
          </button>
        </div>

        <div className="drawer-body">
          {loadError && (
            <div className="form-error" role="alert">
              {loadError}
            </div>
          )}
          <section className="panel ledger-summary">
            <dl className="ledger-figures">
              <div>
                <dt>{t('balanceSummary')}</dt>
                <dd className={`ledger-figure${(balance ?? 0) < 0 ? ' is-advance' : ''}`} data-testid="ledger-balance">
                  {balance === null ? '…' : formatYuan(balance)}
                </dd>
                <dd className="muted small">{balance === null ? '' : balance < 0 ? t('balanceAdvance') : t('balanceOwes')}</dd>
              </div>
              <div>
                <dt>{t('collectionSummary')}</dt>
                <dd className="ledger-figure" data-testid="ledger-collection-days">
                  {collectionDays === null ? t('none') : t('days', { n: collectionDays })}
                </dd>
                {collectionDays === null && <dd className="muted small">{t('collectionNone')}</dd>}
              </div>
            </dl>
            <div className="ledger-actions">
              {canPost && (
                <>
                  <button type="button" className="primary" onClick={() => setPaying('receipt')} disabled={!loaded || paying !== null} data-testid="ledger-post-receipt">
                    {t('postReceipt')}
                  </button>
                  <button type="button" onClick={() => setPaying('deposit')} disabled={!loaded || paying !== null} data-testid="ledger-post-deposit">
                    {t('postDeposit')}
                  </button>
                </>
              )}
              <button type="button" onClick={() => setBadDebt(true)} disabled={!loaded || openBalance <= 0} title={openBalance <= 0 ? t('badDebtNothing') : undefined} data-testid="ledger-bad-debt">
                {t('requestBadDebt')}
              </button>
              {!canPost && <span className="muted small">{t('postRolesHint')}</span>}
            </div>
          </section>

          {paying && balance !== null && (
            <PaymentForm
              kind={paying}
              customer={customer}
              balanceFen={balance}
              onCancel={() => setPaying(null)}
              onPosted={() => {
                setPaying(null);
                changed();
              }}
            />
          )}

          <section className="panel panel-table ledger-entries" data-testid="ledger-entries">
            <div className="section-head ledger-entries-head">
              <h3>{t('entriesTitle')}</h3>
              <span className="muted small">{t('entriesCount', { n: total })}</span>
            </div>
            <div ref={tableRef} className="ledger-entries-scroll">
              {start > 0 && (
                <button type="button" className="link ledger-earlier" onClick={() => void loadEarlier()} data-testid="ledger-earlier">
                  {t('earlierEntries', { n: Math.min(PAGE, start) })}
                </button>
              )}
              <table className="plain ledger-table">
                <thead>
                  <tr>
                    <th className="nowrap">{t('colDate')}</th>
                    <th>{t('colKind')}</th>
                    <th>{t('colReference')}</th>
                    <th className="nowrap">{t('colOrder')}</th>
                    <th>{t('colNote')}</th>
                    <th className="num">{t('colDebit')}</th>
                    <th className="num">{t('colCredit')}</th>
                    <th className="num">{t('colRunning')}</th>
                    <th className="nowrap">{t('colBy')}</th>
                    {canPost && <th className="col-actions">{t('colActions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {loaded && rows.length === 0 && (
                    <tr>
                      <td colSpan={canPost ? 10 : 9} className="empty-row muted">
                        {t('noEntries')}
                      </td>
                    </tr>
                  )}
                  {rows.map((row) => {
                    const reversed = row.reversedById !== null;
                    const reverses = row.reversesId !== null ? byId.get(row.reversesId) : undefined;
                    return (
                      <tr
                        key={row.id}
                        className={`${reversed ? 'row-reversed' : ''}${row.kind === 'reversal' ? ' row-reversal' : ''}`}
                        data-testid="ledger-entry"
                        data-entry-id={row.id}
                        data-kind={row.kind}
                        data-reversed={reversed ? 'yes' : 'no'}
                      >
                        <td className="nowrap">{row.entryDate}</td>
                        <td className="nowrap">
                          <span className={`badge ledger-kind ledger-kind-${row.kind}`}>{label(LEDGER_KIND_LABELS[row.kind])}</span>
                          {reversed && (
                            <span className="badge badge-archived ledger-reversed" title={t('reversedBy', { id: row.reversedById ?? '' })} data-testid="entry-reversed">
                              {t('reversedBadge')}
                            </span>
                          )}
                          {row.reversesId !== null && (
                            <div className="muted small" title={reverses ? `${reverses.entryDate} ${label(LEDGER_KIND_LABELS[reverses.kind])}` : undefined}>
                              {t('reversalOf', { id: row.reversesId })}
                            </div>
                          )}
                          <div className="muted small mono">#{row.id}</div>
                        </td>
                        <td className="ledger-ref">{row.reference || row.shipmentNo || ''}</td>
                        <td className="nowrap">{row.orderNo ?? ''}</td>
                        <td className="ledger-note">{row.note}</td>
                        <td className="num nowrap" data-testid="entry-debit">
                          {row.amountFen > 0 ? formatFen(row.amountFen) : ''}
                        </td>
                        <td className="num nowrap" data-testid="entry-credit">
                          {row.amountFen < 0 ? formatFen(-row.amountFen) : ''}
                        </td>
                        <td className={`num nowrap ledger-running${row.runningBalanceFen < 0 ? ' is-advance' : ''}`} data-testid="entry-running">
                          {formatFen(row.runningBalanceFen)}
                        </td>
                        <td className="nowrap small" title={formatTimestamp(row.createdAt)}>
                          {row.createdByName}
                        </td>
                        {canPost && (
                          <td className="col-actions nowrap">
                            {row.kind !== 'reversal' && !reversed && (
                              <button type="button" className="link" onClick={() => setReversing(row)} data-testid="entry-reverse">
                                {t('reverse')}
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>

      {reversing && (
        <ReverseDialog
          entry={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            changed();
          }}
        />
      )}
      {badDebt && balance !== null && (
        <BadDebtDialog
          customer={customer}
          openBalanceFen={openBalance}
          onClose={() => setBadDebt(false)}
          onDone={() => {
            setBadDebt(false);
          }}
        />
      )}
    </div>
  );
}
