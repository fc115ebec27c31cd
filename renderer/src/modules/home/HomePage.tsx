// 工作台: what needs the signed-in user now, in cards — complaints past a deadline in red (each opens
// its drawer on the complaints page), the management review list of major complaints (P-MAJOR) for
// the heads, the requests waiting for his approval, and who is on leave today. Each card loads on
// its own: a channel that fails (or the caller may not read) leaves its card out, never the page.
import { useEffect, useState, type ReactNode } from 'react';
import type { Complaint } from '../../../../shared/complaints';
import { localDate, localMonth } from '../../../../shared/dates';
import type { Role } from '../../../../shared/domain';
import { LEAVE_STATUS_LABELS, LEAVE_TYPE_LABELS, type LeaveCalendar } from '../../../../shared/leave';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useLabel } from '../../i18n';
import { usePendingApprovalCount } from '../approvals/pending';
import { CountdownText, SeverityBadge } from '../complaints/complaintColumns';
import { useHomeMessages } from './messages';
import './home.css';

/** Who sees the management review list. */
const REVIEW_READERS: readonly Role[] = ['gm', 'director', 'manager'];

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
