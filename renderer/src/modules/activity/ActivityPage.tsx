// 工作日志 (DOMAIN §9 W-LOG, §2 C-VISIT): a person's daily log with its visits, the visits register,
// the customers overdue for a visit, the weekly summary & plan, and the late reports of a month.
// Reps and supervisors keep their own; the heads and assistants read everyone's, a supervisor his
// team's (read-only). 日志 and 周报 save with Ctrl+S.
import { useCallback, useState } from 'react';
import { localDate, localMonth } from '../../../../shared/dates';
import { useSession } from '../../app/session';
import '../expenses/expenses.css';
import '../leave/leave.css';
import '../orders/orders.css';
import { LateTab } from './LateTab';
import { LogTab, type CustomerRef } from './LogTab';
import { useActivityMessages } from './messages';
import { OverdueTab } from './OverdueTab';
import { keepsLog, usePeople } from './people';
import { VisitsTab } from './VisitsTab';
import { WeeklyTab } from './WeeklyTab';
import './activity.css';

type Tab = 'log' | 'visits' | 'overdue' | 'weekly' | 'late';
const TABS: readonly { id: Tab; key: 'tabLog' | 'tabVisits' | 'tabOverdue' | 'tabWeekly' | 'tabLate' }[] = [
  { id: 'log', key: 'tabLog' },
  { id: 'visits', key: 'tabVisits' },
  { id: 'overdue', key: 'tabOverdue' },
  { id: 'weekly', key: 'tabWeekly' },
  { id: 'late', key: 'tabLate' },
];

export function ActivityPage() {
  const t = useActivityMessages();
  const me = useSession();
  const people = usePeople();
  const today = localDate(new Date());
  const ownLog = keepsLog(me.role);
  const [tab, setTab] = useState<Tab>('log');
  const [date, setDate] = useState(today);
  const [weekOf, setWeekOf] = useState(today);
  const [month, setMonth] = useState(() => localMonth(new Date()));
  // Whose log: null is the caller's own (a head who keeps none starts on the first person he may read).
  const [userId, setUserId] = useState<number | null>(null);
  const [prefill, setPrefill] = useState<CustomerRef | null>(null);
  const shownUser = ownLog ? userId : (userId ?? people.find((p) => p.id !== me.id)?.id ?? null);

  const visit = useCallback(
    (customer: CustomerRef) => {
      setUserId(null);
      setDate(today);
      setPrefill(customer);
      setTab('log');
    },
    [today],
  );
  const prefillUsed = useCallback(() => setPrefill(null), []);

  return (
    <div className="page activity-page" data-testid="activity-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="tabs" role="tablist">
          {TABS.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'tab active' : 'tab'} onClick={() => setTab(x.id)} data-testid={`activity-tab-${x.id}`}>
              {t(x.key)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {people.length > 0 && (tab === 'weekly' || tab === 'late') && (
          <label className="inline-field">
            {t('person')}
            <select value={(tab === 'late' ? userId : shownUser) ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : null)} data-testid="activity-person">
              {tab === 'late' ? <option value="">{t('allPeople')}</option> : ownLog ? <option value="">{t('me', { name: me.displayName })}</option> : null}
              {people
                .filter((p) => p.id !== me.id)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · {p.region}
                  </option>
                ))}
            </select>
          </label>
        )}
      </div>
      {tab === 'log' && (ownLog || shownUser !== null) && <LogTab date={date} onDate={setDate} userId={shownUser} onUser={setUserId} people={people} prefill={prefill} onPrefillUsed={prefillUsed} />}
      {tab === 'log' && !ownLog && shownUser === null && <p className="muted">{t('loading')}</p>}
      {tab === 'visits' && <VisitsTab people={people} />}
      {tab === 'overdue' && <OverdueTab onVisit={ownLog ? visit : null} />}
      {tab === 'weekly' && (ownLog || shownUser !== null) && <WeeklyTab weekOf={weekOf} onWeek={setWeekOf} userId={shownUser} today={today} />}
      {tab === 'late' && <LateTab month={month} onMonth={setMonth} userId={userId} />}
    </div>
  );
}
