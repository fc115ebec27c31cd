// 考勤 (DOMAIN §8): the monthly sheet of everyone the caller sees (A-LATE fines, absenteeism,
// leave, sign cards; printed on A4), the clock records (the keeper enters or corrects a day), the
// time clock's CSV import (keepers), and sign-card applications (A-CLOCK). One month is chosen
// across the tabs.
import { useState } from 'react';
import { ATTENDANCE_KEEPER_ROLES } from '../../../../shared/attendance';
import { localMonth } from '../../../../shared/dates';
import { useSession } from '../../app/session';
import '../expenses/expenses.css';
import '../leave/leave.css';
import './attendance.css';
import { ImportPanel } from './ImportPanel';
import { useAttendanceMessages } from './messages';
import { MonthSheet } from './MonthSheet';
import { RecordsPanel } from './RecordsPanel';
import { SignCardsPanel } from './SignCardsPanel';

type Tab = 'sheet' | 'records' | 'import' | 'signCards';

export function AttendancePage() {
  const t = useAttendanceMessages();
  const me = useSession();
  const keeper = ATTENDANCE_KEEPER_ROLES.includes(me.role);
  const [tab, setTab] = useState<Tab>('sheet');
  const [month, setMonth] = useState(() => localMonth(new Date()));
  const tabs: { id: Tab; label: string }[] = [
    { id: 'sheet', label: t('tabSheet') },
    { id: 'records', label: t('tabRecords') },
    ...(keeper ? [{ id: 'import' as const, label: t('tabImport') }] : []),
    { id: 'signCards', label: t('tabSignCards') },
  ];

  return (
    <div className="page attendance-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="tabs" role="tablist">
          {tabs.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} className={tab === x.id ? 'tab active' : 'tab'} onClick={() => setTab(x.id)} data-testid={`attendance-tab-${x.id}`}>
              {x.label}
            </button>
          ))}
        </div>
      </div>
      {tab === 'sheet' && <MonthSheet month={month} onMonth={setMonth} />}
      {tab === 'records' && <RecordsPanel month={month} onMonth={setMonth} />}
      {tab === 'import' && keeper && <ImportPanel onImported={() => undefined} />}
      {tab === 'signCards' && <SignCardsPanel month={month} onMonth={setMonth} />}
    </div>
  );
}
