// 业务量核对 (O-RECON) for a month: each rep's published sales, collections, write-offs and delivered
// quantities. Finance (and the gm) publish from day N of the next month and lock after the dispute
// day; a salesperson disputes his own row on the day of publication. The core decides; the buttons
// only show what it would allow today, with the reason when they are off.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import { formatTimestamp, localDate } from '../../../../shared/dates';
import type { Role } from '../../../../shared/domain';
import { LEDGER_ROLES, RECON_DISPUTE_ROLES, type ReconRow } from '../../../../shared/ledger';
import { formatFen, formatQuantity } from '../../../../shared/money';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useSession } from '../../app/session';
import { useToast } from '../../app/toast';
import { useErrorText } from '../../i18n';
import { Dialog } from '../users/Dialog';
import { useLedgerMessages } from './messages';

type ReconMonth = ChannelOutput<'recon.month'>;

const dayOf = (iso: string) => localDate(new Date(iso));

export function ReconPanel(props: { month: string; onLocked(): void }) {
  const { month } = props;
  const user = useSession();
  const t = useLedgerMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const canManage = (LEDGER_ROLES as readonly Role[]).includes(user.role);
  const mayDispute = (RECON_DISPUTE_ROLES as readonly Role[]).includes(user.role);
  const today = useMemo(() => localDate(new Date()), []);

  const [data, setData] = useState<ReconMonth | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmLock, setConfirmLock] = useState(false);
  const [disputing, setDisputing] = useState<ReconRow | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    invoke('recon.month', { month })
      .then((next) => {
        if (cancelled) return;
        setData(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
    };
  }, [month, reloads, errorText]);

  const current = data?.month === month ? data : null;
  const rows = current?.rows ?? [];
  const lastPublished = rows.length ? rows.map((r) => dayOf(r.publishedAt)).sort().at(-1)! : null;
  const locked = current?.locked ?? false;
  const mayPublish = canManage && current !== null && !locked && today >= current.publishFrom;
  const mayLock = canManage && !locked && lastPublished !== null && today > lastPublished;

  async function run(action: 'publish' | 'lock') {
    setBusy(true);
    setError(null);
    try {
      await invoke(action === 'publish' ? 'recon.publish' : 'recon.lock', { month });
      toast('success', t(action === 'publish' ? 'published' : 'lockedDone', { month }));
      reload();
      if (action === 'lock') props.onLocked();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      setConfirmLock(false);
    }
  }

  const publishTitle = !canManage ? undefined : locked ? t('locked') : current && today < current.publishFrom ? t('reconPublishFrom', { date: current.publishFrom }) : undefined;
  const lockTitle = !canManage || locked ? undefined : lastPublished === null ? t('reconNotPublished', { month }) : today <= lastPublished ? t('disputeOnly') : undefined;

  return (
    <section className="panel recon-panel" data-testid="recon-panel">
      <div className="section-head">
        <h2>{t('reconTitle')}</h2>
        {locked && <span className="badge badge-locked">🔒 {t('locked')}</span>}
        <span className="spacer" />
        {canManage && (
          <>
            <button type="button" onClick={() => void run('publish')} disabled={busy || !mayPublish} title={publishTitle} data-testid="recon-publish">
              {rows.length ? t('republish') : t('publish')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirmLock(true)} disabled={busy || !mayLock} title={lockTitle} data-testid="recon-lock">
              {t('lock')}
            </button>
          </>
        )}
      </div>
      {current && <p className="muted small recon-intro">{t('reconIntro', { date: current.publishFrom })}</p>}
      {error && (
        <div className="form-error" role="alert" data-testid="recon-error">
          {error}
        </div>
      )}
      {current && rows.length === 0 ? (
        <div className="muted" data-testid="recon-empty">
          {t('reconNotPublished', { month })}
          {canManage && !locked && today < current.publishFrom && ` · ${t('reconPublishFrom', { date: current.publishFrom })}`}
        </div>
      ) : (
        rows.length > 0 && (
          <table className="plain recon-table">
            <thead>
              <tr>
                <th>{t('colRep')}</th>
                <th className="num">{t('colRepSales')}</th>
                <th className="num">{t('colCollections')}</th>
                <th className="num">{t('colWriteOffs')}</th>
                <th>{t('colQuantities')}</th>
                <th>{t('colPublished')}</th>
                <th>{t('colDispute')}</th>
                <th>{t('colLocked')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const own = row.repId === user.id;
                const canDisputeRow = mayDispute && own && !row.lockedAt && !row.disputedAt && today === dayOf(row.publishedAt);
                return (
                  <tr key={row.id} data-testid="recon-row" data-rep={row.repName}>
                    <td className="nowrap">{row.repName}</td>
                    <td className="num nowrap">{formatFen(row.figures.salesFen)}</td>
                    <td className="num nowrap">{formatFen(row.figures.collectionsFen)}</td>
                    <td className="num nowrap">{formatFen(row.figures.writeOffsFen)}</td>
                    <td className="nowrap">{row.figures.quantities.map((q) => `${formatQuantity(q.quantityMilli)} ${q.unit}`).join('；') || t('none')}</td>
                    <td className="nowrap small">
                      {formatTimestamp(row.publishedAt)}
                      <div className="muted">{row.publishedByName}</div>
                    </td>
                    <td className="recon-dispute">
                      {row.disputedAt ? (
                        <>
                          <span className="badge badge-pending">{formatTimestamp(row.disputedAt)}</span>
                          <div className="history-note">{row.disputeNote}</div>
                        </>
                      ) : canDisputeRow ? (
                        <button type="button" className="link" onClick={() => setDisputing(row)} data-testid="recon-dispute">
                          {t('dispute')}
                        </button>
                      ) : (
                        <span className="muted">{t('none')}</span>
                      )}
                    </td>
                    <td className="nowrap small">{row.lockedAt ? formatTimestamp(row.lockedAt) : <span className="muted">{t('none')}</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )
      )}

      {confirmLock && (
        <Dialog title={t('lock')} onClose={() => setConfirmLock(false)} testId="recon-lock-dialog">
          <p className="dialog-intro">{t('lockConfirm', { month })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirmLock(false)} disabled={busy} autoFocus>
              {t('cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void run('lock')} disabled={busy} data-testid="recon-lock-confirm">
              {t('lock')}
            </button>
          </div>
        </Dialog>
      )}
      {disputing && (
        <DisputeDialog
          month={month}
          publishedOn={dayOf(disputing.publishedAt)}
          onClose={() => setDisputing(null)}
          onDone={() => {
            setDisputing(null);
            toast('success', t('disputed'));
            reload();
          }}
        />
      )}
    </section>
  );
}

function DisputeDialog(props: { month: string; publishedOn: string; onClose(): void; onDone(): void }) {
  const t = useLedgerMessages();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!note.trim()) {
      setFieldError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await invoke('recon.dispute', { month: props.month, note: note.trim() });
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('disputeTitle', { month: props.month })} onClose={props.onClose} testId="recon-dispute-dialog">
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-intro">{t('disputeIntro', { date: props.publishedOn })}</p>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <Field label={`${t('disputeNote')} *`} error={fieldError}>
          <textarea
            name="note"
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setFieldError(undefined);
            }}
            placeholder={t('disputeNotePlaceholder')}
            maxLength={500}
            disabled={busy}
          />
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="recon-dispute-save">
            {t('disputeSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
