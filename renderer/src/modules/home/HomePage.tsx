// 工作台: what needs the signed-in user now, in cards — complaints past a deadline in red (each opens
// its drawer on the complaints page), the management review list of major complaints (P-MAJOR) for
// the heads, the requests waiting for his approval, who is on leave today, the month's sales so far
// against its target (K-MONTHLY month to date: the company's, the team's or his own) and the orders
// at risk of late delivery (O-DELAY). Each card loads on its own: a channel that fails (or the
// caller may not read) leaves its card out, never the page.
import { useEffect, useState, type ReactNode } from 'react';
import type { Complaint } from '../../../../shared/complaints';
import { localDate, localMonth } from '../../../../shared/dates';
import type { Role } from '../../../../shared/domain';
import { LEAVE_STATUS_LABELS, LEAVE_TYPE_LABELS, type LeaveCalendar } from '../../../../shared/leave';
import { formatYuan } from '../../../../shared/money';
import { formatRatio, REPORT_ROLES } from '../../../../shared/report';
import type { ChannelOutput } from '../../../../shared/api';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useLabel } from '../../i18n';
import { usePendingApprovalCount } from '../approvals/pending';
import { CountdownText, SeverityBadge } from '../complaints/complaintColumns';
import { useHomeMessages, type HomeT } from './messages';
import './home.css';

/** Who sees the management review list. */
const REVIEW_READERS: readonly Role[] = ['gm', 'director', 'manager'];
/** Who may open the monthly report (REPORT_ROLES). */
const REPORT_READERS: readonly Role[] = REPORT_ROLES;

/** At most this many orders at risk of late delivery are listed; the count says how many there are. */
const DELAY_LIST_SIZE = 8;

/** The month's sales so far against its target, with a marker where the working days have got to. */
function MonthToDate({ mtd, t }: { mtd: ChannelOutput<'report.monthToDate'>; t: HomeT }) {
  const done = mtd.achievement === null ? 0 : Math.max(0, Math.min(1, mtd.achievement));
  const elapsed = mtd.workingDays > 0 ? Math.min(1, mtd.daysElapsed / mtd.workingDays) : null;
  const behind = mtd.achievement !== null && elapsed !== null && mtd.achievement < elapsed;
  const scope = mtd.scope === 'company' ? t('mtdScopeCompany') : mtd.scope === 'team' ? t('mtdScopeTeam') : t('mtdScopeOwn');
  return (
    <>
      <div className="home-mtd-figures">
        <span className="home-mtd-sales" data-testid="home-mtd-sales">
          {formatYuan(mtd.sales)}
        </span>
        <span className="muted">
          {' / '}
          <span data-testid="home-mtd-target">{mtd.target > 0 ? formatYuan(mtd.target) : t('mtdNoTarget')}</span>
        </span>
        <span className="spacer" />
        <span className={`home-mtd-rate${behind ? ' home-mtd-behind' : ''}`} data-testid="home-mtd-achievement">
          {formatRatio(mtd.achievement)}
        </span>
      </div>
      <div
        className="home-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(done * 100)}
        aria-label={t('mtdTitle')}
        data-testid="home-mtd-progress"
      >
        <div className={`home-progress-bar${behind ? ' home-progress-behind' : ''}`} style={{ width: `${done * 100}%` }} />
        {elapsed !== null && <div className="home-progress-pace" style={{ left: `${elapsed * 100}%` }} title={t('mtdPace')} />}
      </div>
      <div className="home-mtd-foot muted small">
        <span data-testid="home-mtd-days">{t('mtdDays', { n: mtd.daysElapsed, m: mtd.workingDays })}</span>
        <span className="spacer" />
        <span data-testid="home-mtd-scope">{t('mtdScope', { scope, month: mtd.month, asOf: mtd.asOf })}</span>
      </div>
    </>
  );
}

/** A channel's answer, or null while loading; 'failed' hides the card. */
function useLoad<T>(load: (() => Promise<T>) | null): T | null | 'failed' {
  const [state, setState] = useState<T | null | 'failed'>(null);
  useEffect(() => {
    if (!load) {
      setState('failed');
      return;
    }
    let alive = true;
    load()
      .then((data) => alive && setState(data))
      .catch(() => alive && setState('failed'));
    return () => {
      alive = false;
    };
    // Loaded once per visit to the page.
  }, []);
  return state;
}

function Card(props: { title: ReactNode; tone?: 'danger' | 'ok'; testId: string; count?: ReactNode; children: ReactNode; more?: ReactNode }) {
  return (
    <section className={`panel home-card${props.tone ? ` home-card-${props.tone}` : ''}`} data-testid={props.testId}>
      <header className="home-card-head">
        <h2>{props.title}</h2>
        {props.count !== undefined && <span className="home-card-count">{props.count}</span>}
        <span className="spacer" />
        {props.more}
      </header>
      {props.children}
    </section>
  );
}

function ComplaintLink({ c, children }: { c: Complaint; children?: ReactNode }) {
  return (
    <li className="home-item" data-testid="home-complaint" data-complaint-id={c.id}>
      <a href={`#/complaints?id=${c.id}`} className="home-item-link">
        <span className="mono">{c.complaintNo}</span>
        <span className="home-item-main">{c.customerName}</span>
        <SeverityBadge severity={c.severity} />
      </a>
      <div className="home-item-sub">
        <span className="home-item-summary">{c.summary}</span>
        {children}
      </div>
    </li>
  );
}

export function HomePage() {
  const me = useSession();
  const t = useHomeMessages();
  const label = useLabel();
  // The administrator keeps to users and settings: no complaints or leave (as routes.tsx).
  const inSales = me.role !== 'admin';
  const seesComplaints = inSales;
  const seesReview = seesComplaints && REVIEW_READERS.includes(me.role);
  const today = localDate(new Date());

  const overdue = useLoad(seesComplaints ? () => invoke('complaints.overdue', {}) : null);
  const review = useLoad(seesReview ? () => invoke('complaints.reviewList', {}) : null);
  const leave = useLoad<LeaveCalendar>(inSales ? () => invoke('leave.calendar', { month: localMonth(new Date()) }) : null);
  const pending = usePendingApprovalCount(me.role);
  const mtd = useLoad(inSales ? () => invoke('report.monthToDate', {}) : null);
  // O-DELAY: confirmed, not inspected, the delivery date near or past — the soonest first.
  const delays = useLoad(
    inSales
      ? () =>
          invoke('orders.list', {
            startRow: 0,
            endRow: DELAY_LIST_SIZE,
            sort: [{ colId: 'deliveryDate', sort: 'asc' }],
            filter: { delayRisk: { filterType: 'number', type: 'equals', filter: 1 } },
          })
      : null,
  );

  const onLeave =
    leave && leave !== 'failed'
      ? leave.people.flatMap((p) => p.entries.filter((e) => e.date === today && e.status !== 'rejected' && e.status !== 'withdrawn').map((e) => ({ name: p.name, entry: e })))
      : [];

  return (
    <div className="page home-page" data-testid="home-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted">{t('hello', { name: me.displayName, date: today })}</span>
      </div>
      <div className="home-cards">
        {overdue && overdue !== 'failed' && (
          <Card
            title={t('overdueTitle')}
            tone={overdue.length ? 'danger' : 'ok'}
            testId="home-overdue"
            count={overdue.length ? t('overdueCount', { n: overdue.length }) : undefined}
            more={
              <a href="#/complaints" className="small">
                {t('allComplaints')}
              </a>
            }
          >
            {overdue.length === 0 ? (
              <p className="muted">{t('overdueNone')}</p>
            ) : (
              <ul className="home-list">
                {overdue.map((c) => (
                  <ComplaintLink key={c.id} c={c}>
                    {c.handleOverdue && (
                      <span className="home-overdue-tag">
                        {t('overdueHandle')} <CountdownText complaint={c} which="handle" testId="home-countdown-handle" />
                      </span>
                    )}
                    {c.respondOverdue && (
                      <span className="home-overdue-tag">
                        {t('overdueRespond')} <CountdownText complaint={c} which="respond" testId="home-countdown-respond" />
                      </span>
                    )}
                    {c.slipOverdue && <span className="home-overdue-tag">{t('overdueSlip')}</span>}
                  </ComplaintLink>
                ))}
              </ul>
            )}
          </Card>
        )}

        {review && review !== 'failed' && (
          <Card title={t('reviewTitle')} testId="home-review" count={review.length || undefined}>
            {review.length === 0 ? (
              <p className="muted">{t('reviewNone')}</p>
            ) : (
              <ul className="home-list">
                {review.map((c) => (
                  <ComplaintLink key={c.id} c={c}>
                    {c.reviewedAt && <span className="muted small">{t('reviewed')}</span>}
                  </ComplaintLink>
                ))}
              </ul>
            )}
          </Card>
        )}

        {(
          <Card title={t('approvalsTitle')} testId="home-approvals" count={pending || undefined} more={pending > 0 ? <a href="#/approvals">{t('approvalsOpen')}</a> : undefined}>
            {pending === 0 ? (
              <p className="muted">{t('approvalsNone')}</p>
            ) : (
              <a href="#/approvals" className="home-big-link" data-testid="home-approvals-link">
                {t('approvalsCount', { n: pending })}
              </a>
            )}
          </Card>
        )}

        {mtd && mtd !== 'failed' && (
          <Card title={t('mtdTitle')} testId="home-mtd" more={REPORT_READERS.includes(me.role) ? <a href="#/report" className="small">{t('mtdReport')}</a> : undefined}>
            <MonthToDate mtd={mtd} t={t} />
          </Card>
        )}

        {delays && delays !== 'failed' && (
          <Card
            title={t('delayTitle')}
            tone={delays.total > 0 ? 'danger' : 'ok'}
            testId="home-delay"
            count={delays.total || undefined}
            more={
              <a href="#/orders" className="small">
                {t('allOrders')}
              </a>
            }
          >
            {delays.rows.length === 0 ? (
              <p className="muted">{t('delayNone')}</p>
            ) : (
              <ul className="home-list">
                {delays.rows.map((o) => (
                  <li key={o.id} className="home-item" data-testid="home-delay-order" data-order-no={o.orderNo}>
                    <a href={`#/orders?id=${o.id}`} className="home-item-link">
                      <span className="mono">{o.orderNo}</span>
                      <span className="home-item-main" title={o.customerName}>
                        {o.customerName}
                      </span>
                    </a>
                    <div className="home-item-sub">
                      <span className="home-delay-date">{t('delayDate', { date: o.deliveryDate ?? '—' })}</span>
                      <span>{o.repName}</span>
                      {o.overdue && <span className="home-overdue-tag">{t('delayOverdue')}</span>}
                      {o.customerNotifiedAt ? <span className="muted">{t('delayNotified')}</span> : <span className="home-overdue-tag">{t('delayNotNotified')}</span>}
                    </div>
                  </li>
                ))}
                {delays.total > delays.rows.length && <li className="muted small">{t('delayMore', { n: delays.total - delays.rows.length })}</li>}
              </ul>
            )}
          </Card>
        )}

        {leave && leave !== 'failed' && (
          <Card title={t('leaveTitle')} testId="home-leave" count={onLeave.length || undefined}>
            {onLeave.length === 0 ? (
              <p className="muted">{t('leaveNone')}</p>
            ) : (
              <ul className="home-list">
                {onLeave.map(({ name, entry }) => (
                  <li key={`${entry.leaveId}-${name}`} className="home-item home-leave-item">
                    <span className="home-item-main">{name}</span>
                    <span>{label(LEAVE_TYPE_LABELS[entry.leaveType])}</span>
                    {entry.half && <span className="muted">{entry.half === 'am' ? t('halfAm') : t('halfPm')}</span>}
                    {entry.status !== 'approved' && <span className="muted small">{label(LEAVE_STATUS_LABELS[entry.status])}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
