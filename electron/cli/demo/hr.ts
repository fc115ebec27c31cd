// Demo complaints, leave and attendance (DOMAIN §7–8), through their services in time order, as the
// office would have entered them: the last three months of the time clock imported by the assistant
// every Friday (a few late arrivals, a few missed clock-ins mended by sign cards), the team's leave
// applied for with due notice and approved by each one's superior (now and then a sudden illness
// phoned in before 10:00 and backfilled), and half a year of complaints — the low satisfaction
// surveys' and the customers' own calls — handled, answered, resolved, confirmed and archived, the
// last days' still open (one past its 24 hours, for the manager's red list).
import { eq, ne } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { LeaveType } from '../../../shared/leave';
import type { User } from '../../../shared/users';
import type { Actor } from '../../core/api/context';
import { importCsv } from '../../core/attendance/records';
import { createSignCard } from '../../core/attendance/signCards';
import { actOnComplaint, createComplaint, fileSlip, openFromSurvey } from '../../core/complaints/service';
import { complaints } from '../../core/complaints/schema';
import type { Core } from '../../core/index';
import { createLeave } from '../../core/leave/service';
import { orderSurveys, orders } from '../../core/orders/schema';
import { workCalendar } from '../../core/policy/calendar';
import { decide, requestById } from '../../core/requests/service';
import type { Complaint } from '../../../shared/complaints';
import { SeededRandom } from './random';
import { Timeline } from './timeline';

export interface HrDemoResult {
  complaints: number;
  openComplaints: number;
  leaves: number;
  attendanceDays: number;
  signCards: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** A wall-clock time of a day in the office's zone (the process's), as an instant. */
const officeAt = (date: string, minutes: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
};

const COMPLAINTS = [
  { summary: '到货包装破损，部分桶体渗漏', course: '客户收货时发现 3 桶外包装破损，其中 1 桶渗漏，已拍照留存。' },
  { summary: '交货比约定晚了四天，影响客户排产', course: '物流中转延误，未提前通知客户，客户产线停工半天。' },
  { summary: '产品批次颜色与样品不一致', course: '客户来料检验发现本批次色差超出约定范围，暂停使用。' },
  { summary: '发票开具信息有误，客户无法抵扣', course: '发票抬头税号填写错误，客户财务退回要求重开。' },
  { summary: '业务员多次未回电话', course: '客户反映询价后两天内三次致电业务员均未接通，也未回复。' },
  { summary: '送货数量少于送货单', course: '客户点收时少 2 箱，送货单与实物不符。' },
];
const RESPONSES = ['已向客户致歉并说明原因，约定补发/更换', '已与客户技术人员沟通，安排上门查看', '已重开发票并快递寄出', '已调整配送路线，今后提前通知'];

export function generateHr(
  core: Core,
  users: readonly User[],
  customersOf: (ownerId: number) => readonly { id: number; name: string }[],
  options: { seed: number; asOf: string },
): HrDemoResult {
  const db = core.database.db;
  const random = new SeededRandom(options.seed);
  const calendar = workCalendar();
  const actor = (u: User): Actor => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, managerId: u.managerId });
  const active = users.filter((u) => u.active && u.role !== 'admin');
  const byId = new Map(active.map((u) => [u.id, u]));
  // The head of the company (no superior) does not use the time clock, and files no leave forms.
  const staff = active.filter((u) => u.managerId !== null);
  const keeper = active.find((u) => u.role === 'assistant') ?? active.find((u) => u.role === 'manager');
  const gm = active.find((u) => u.role === 'gm');
  const result: HrDemoResult = { complaints: 0, openComplaints: 0, leaves: 0, attendanceDays: 0, signCards: 0 };
  if (!keeper || active.length < 2) return result;

  const end = dayMs(options.asOf);
  const now = officeAt(options.asOf, 17 * 60);
  const timeline = new Timeline(now);
  const at = (ms: number, run: () => void) => timeline.at(ms, run);
  /** Refusals the rules make (e.g. an overlapping leave the random plan drew) are skipped, as a person would. */
  const attempt = <T>(run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      if (error instanceof AppError && error.code !== 'INTERNAL') return null;
      throw error;
    }
  };
  /** Every pending step of a request approved by whoever holds it, a few hours apart. */
  const approve = (requestId: number, from: number) => {
    let when = from;
    const step = () => {
      const request = requestById(db, requestId);
      if (request.status !== 'pending') return;
      const pending = request.steps.find((s) => s.status === 'pending');
      if (!pending) return;
      const approver = pending.approverId !== null ? byId.get(pending.approverId) : active.find((u) => u.role === pending.role && u.id !== request.applicantId);
      if (!approver) return;
      decide(db, actor(approver), { id: requestId, version: request.version, decision: 'approve', comment: '' }, new Date(when));
      when += random.int(1, 6) * HOUR;
      at(when, step);
    };
    at(when, step);
  };

  // —— leave: the last three months and the weeks ahead ——
  const leaveDays = new Map<number, Map<string, 'day' | 'am' | 'pm'>>();
  const workingDaysFrom = (date: string, n: number) => {
    const days: string[] = [];
    for (let d = dayMs(date); days.length < n; d += DAY) if (calendar.isWorkingDay(dateOf(d))) days.push(dateOf(d));
    return days;
  };
  for (const person of staff) {
    const colleagues = active.filter((u) => u.id !== person.id && (u.managerId === person.managerId || u.id === person.managerId));
    const proxies = colleagues.length ? colleagues : active.filter((u) => u.id !== person.id);
    for (let from = end - 90 * DAY + random.int(0, 30) * DAY; from < end + 20 * DAY; from += random.int(35, 60) * DAY) {
      const sudden = random.chance(0.2);
      const length = sudden ? 1 : random.chance(0.8) ? random.int(1, 3) : random.int(4, 5);
      const days = workingDaysFrom(dateOf(from), length);
      const start = days[0]!;
      const last = days[days.length - 1]!;
      const endHalfDay = !sudden && random.chance(0.25);
      const type: LeaveType = sudden ? 'sick' : random.pick(['annual', 'personal', 'personal', 'annual', 'other'] as const);
      const notice = length <= 3 ? random.int(2, 6) : random.int(5, 9);
      const filedAt = sudden ? officeAt(start, 14 * 60) : officeAt(dateOf(dayMs(start) - notice * DAY), 9 * 60 + random.int(0, 300));
      at(filedAt, () => {
        const leave = attempt(() =>
          createLeave(
            db,
            actor(person),
            {
              leaveType: type,
              start,
              end: last,
              startHalfDay: false,
              endHalfDay,
              reason: sudden ? '突发急病，上午已电话告知上级' : type === 'annual' ? '休年假' : random.pick(['家中有事', '陪家人看病', '办理个人事务']),
              proxyId: random.pick(proxies).id,
              emergencyCallAt: sudden ? new Date(officeAt(start, 8 * 60 + random.int(10, 55))).toISOString() : null,
            },
            new Date(filedAt),
          ),
        );
        if (!leave) return;
        result.leaves += 1;
        const marks = leaveDays.get(person.id) ?? new Map<string, 'day' | 'am' | 'pm'>();
        for (const d of days) marks.set(d, d === last && endHalfDay ? 'am' : 'day');
        leaveDays.set(person.id, marks);
        // The last days' forms mostly still wait for the superior.
        if (filedAt < now - 3 * DAY || random.chance(0.4)) approve(leave.requestId, filedAt + random.int(1, 20) * HOUR);
      });
    }
  }

  // —— attendance: the time clock's CSV imported every Friday evening (and on the as-of day) ——
  // Each import writes the week as the clock saw it: leave days empty, a morning off clocked in
  // after lunch, a few late arrivals, now and then a missed clock-in mended by a sign card.
  const weeks: { importDay: string; days: string[] }[] = [];
  let days: string[] = [];
  for (let d = end - 91 * DAY; d <= end; d += DAY) {
    const date = dateOf(d);
    if (calendar.isWorkingDay(date)) days.push(date);
    if (new Date(d).getUTCDay() === 5 || d === end) {
      if (days.length) weeks.push({ importDay: date, days });
      days = [];
    }
  }
  const signCard = (person: User, date: string) => {
    const next = workingDaysFrom(dateOf(dayMs(date) + DAY), 1)[0]!;
    const filed = officeAt(next, 9 * 60 + random.int(0, 240));
    at(filed, () => {
      const card = attempt(() =>
        createSignCard(db, actor(person), { missedOn: date, clockIn: hhmm(8 * 60 + random.int(5, 24)), clockOut: null, reason: random.pick(['外出拜访客户，未能打卡', '打卡机故障', '忘记打卡']) }, new Date(filed)),
      );
      if (!card) return;
      result.signCards += 1;
      approve(card.requestId, filed + random.int(1, 5) * HOUR);
    });
  };
  for (const { importDay, days: weekDays } of weeks) {
    const importedAt = officeAt(importDay, 18 * 60 + 30);
    at(importedAt, () => {
      const rows: string[] = [];
      for (const date of weekDays) {
        for (const person of staff) {
          const mark = leaveDays.get(person.id)?.get(date);
          if (mark === 'day') continue;
          const out = hhmm(17 * 60 + 30 + random.int(0, 89));
          const who = `${person.username},${person.displayName},${date}`;
          if (mark === 'am') {
            rows.push(`${who},${hhmm(12 * 60 + 50 + random.int(0, 20))},${out}`);
          } else if (random.chance(0.012)) {
            rows.push(`${who},,${out}`);
            if (random.chance(0.8)) signCard(person, date);
          } else {
            const late = random.chance(0.04);
            rows.push(`${who},${hhmm(late ? 8 * 60 + random.int(26, 55) : 7 * 60 + random.int(40, 84))},${out}`);
          }
        }
      }
      const imported = importCsv(db, actor(keeper), { csv: ['工号,姓名,日期,上班,下班', ...rows].join('\r\n'), commit: true }, new Date(importedAt));
      result.attendanceDays += imported.imported;
    });
  }

  // —— complaints: the surveys' and the customers' own, over half a year ——
  const owners = active.filter((u) => (u.role === 'rep' || u.role === 'supervisor') && customersOf(u.id).length > 0);
  const handleThrough = (opened: Complaint, received: number, handler: User, open: boolean) => {
    let c = opened;
    let t = received;
    const act = (action: 'handle' | 'respond' | 'resolve' | 'confirm' | 'archive' | 'review', who: User, extra: { note?: string; compensationFen?: number; confirmedBy?: string } = {}) => {
      const done = attempt(() => actOnComplaint(db, actor(who), { id: c.id, version: c.version, action, note: extra.note ?? '', ...extra }, new Date(t)));
      if (done) c = done;
      return done !== null;
    };
    // Mostly within 24 hours; now and then late (the manager's red list caught it).
    t += (random.chance(0.85) ? random.int(2, 20) : random.int(26, 40)) * HOUR;
    if (t > now) return;
    at(t, () => {
      act('handle', handler, { note: '已联系客户了解情况，提出处理方案' });
      if (!c.slipFiledAt && handler) {
        const slip = attempt(() =>
          fileSlip(db, actor(handler), { id: c.id, version: c.version, occurredAt: c.occurredAt ?? c.receivedAt, course: c.course || c.summary, responsibleId: handler.id, workOrderNo: c.workOrderNo || c.complaintNo }, new Date(t)),
        );
        if (slip) c = slip;
      }
      t += random.int(3, 20) * HOUR;
      if (open && random.chance(0.5)) return;
      act('respond', handler, { note: random.pick(RESPONSES) });
      t += random.int(2, 7) * DAY;
      if (t > now || open) return;
      act('resolve', handler, { note: '整改完成', compensationFen: random.chance(0.3) ? random.int(5, 80) * 10_000 : 0 });
      t += random.int(1, 4) * DAY;
      if (t > now) return;
      act('confirm', handler, { confirmedBy: '采购 周经理', note: '客户确认整改结果满意' });
      if (c.severity === 'major' && gm) act('review', gm, { note: '已复核，要求物流环节加强检查' });
      t += random.int(1, 5) * DAY;
      if (t > now) return;
      act('archive', handler);
    });
  };
  // The low-scored surveys the orders demo recorded open their complaints now, on the survey's day.
  const lowSurveys = db
    .select({ orderId: orderSurveys.orderId, quality: orderSurveys.quality, responseTime: orderSurveys.responseTime, serviceSpeed: orderSurveys.serviceSpeed, attitude: orderSurveys.attitude, comment: orderSurveys.comment, recordedAt: orderSurveys.recordedAt, recordedBy: orderSurveys.recordedBy, repId: orders.repId })
    .from(orderSurveys)
    .innerJoin(orders, eq(orders.id, orderSurveys.orderId))
    .where(eq(orderSurveys.complaintOpened, true))
    .all();
  for (const s of lowSurveys) {
    const received = Date.parse(s.recordedAt);
    if (received < end - 183 * DAY) continue;
    const recorder = byId.get(s.recordedBy) ?? keeper;
    at(received, () => {
      const opened = db.transaction((tx) =>
        openFromSurvey(tx, actor(recorder), { orderId: s.orderId, scores: { quality: s.quality, responseTime: s.responseTime, serviceSpeed: s.serviceSpeed, attitude: s.attitude }, comment: s.comment }, new Date(received)),
      );
      result.complaints += 1;
      const handler = (opened.ownerId !== null ? byId.get(opened.ownerId) : undefined) ?? byId.get(s.repId ?? -1) ?? keeper;
      handleThrough(opened, received, handler, received > now - 5 * DAY);
    });
  }
  for (let month = end - 180 * DAY; month < end; month += 30 * DAY) {
    for (let n = random.int(1, 3); n > 0; n--) {
      if (!owners.length) break;
      const owner = random.pick(owners);
      const customer = random.pick(customersOf(owner.id));
      const received = officeAt(dateOf(month + random.int(0, 29) * DAY), 9 * 60 + random.int(0, 480));
      if (received > now) continue;
      const text = random.pick(COMPLAINTS);
      const major = random.chance(0.1);
      at(received, () => {
        const opened = attempt(() =>
          createComplaint(
            db,
            actor(random.chance(0.5) ? keeper : owner),
            {
              customerId: customer.id,
              orderId: null,
              workOrderNo: '',
              receivedAt: undefined,
              occurredAt: new Date(received - random.int(2, 48) * HOUR).toISOString(),
              summary: text.summary,
              course: text.course,
              responsibleId: owner.id,
              severity: major ? 'major' : 'normal',
              source: random.chance(0.08) ? 'discovered' : 'manual',
              fileSlip: false,
            },
            new Date(received),
          ),
        );
        if (!opened) return;
        result.complaints += 1;
        handleThrough(opened, received, owner, received > now - 5 * DAY);
      });
    }
  }
  // One complaint received the day before yesterday and not yet handled: past P-HANDLE's 24 hours.
  if (owners.length) {
    const owner = owners[0]!;
    const customer = customersOf(owner.id)[0]!;
    const received = now - 2 * DAY;
    at(received, () => {
      const opened = attempt(() =>
        createComplaint(
          db,
          actor(keeper),
          { customerId: customer.id, orderId: null, workOrderNo: '', occurredAt: null, summary: COMPLAINTS[0]!.summary, course: '', responsibleId: null, severity: 'normal', source: 'manual', fileSlip: false },
          new Date(received),
        ),
      );
      if (opened) result.complaints += 1;
    });
  }

  timeline.run();
  result.openComplaints = db.select({ id: complaints.id }).from(complaints).where(ne(complaints.status, 'archived')).all().length;
  return result;
}
