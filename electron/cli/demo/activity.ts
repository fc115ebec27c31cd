// Demo work logs (DOMAIN §9 W-LOG, §2 C-VISIT): the last three months of the reps' and supervisors'
// daily logs with their visits, and their weekly summaries & plans, written in bulk in one
// transaction with one audit row ('demo.activity'), after the leave the HR demo filed.
//
// Each log keeper logs every working day of the company calendar up to the day before the as-of
// day, except the days he was away on leave (approved or still pending; a half-day leave is a
// shorter day with fewer visits). 4–8 entries a day, to his own customers (a supervisor sometimes
// to his team's), strategic and core customers more often, new-customer visits to prospects when
// he has some. About two thirds of the people meet W-VISITQ's daily averages and C-VISIT's weekly
// minimum; the others fall a little short (the numbers come from the rules' parameters in force).
// Most logs are filed the same evening; a few the next morning or days later (W-LOG judges them
// late, with the rule itself, stored as the service would) and a few never. Weekly reports mostly
// before Monday 10:00, a few late, a very few missing.
import { and, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import { addDays, localTimestamp } from '../../../shared/dates';
import type { VisitKind } from '../../../shared/activity';
import type { User } from '../../../shared/users';
import { judgeLog } from '../../core/activity/judge';
import { visits, weeklyReports, workLogs } from '../../core/activity/schema';
import { recordAudit } from '../../core/audit/audit';
import { customers } from '../../core/customers/schema';
import type { Core } from '../../core/index';
import { leaves } from '../../core/leave/schema';
import { halfOn } from '../../core/leave/service';
import { companyCalendar } from '../../core/policy/context';
import { paramsInForce, type ParamsOf } from '../../core/policy/params';
import { users as usersTable } from '../../core/users/schema';
import { bulkInsert } from './bulk';
import { SeededRandom } from './random';

export interface ActivityDemoResult {
  logs: number;
  visits: number;
  weeklyReports: number;
  lateLogs: number;
  missingLogs: number;
}

const MINUTE = 60_000;
/** A wall-clock time of a day in the office's zone (the process's), as an instant (like hr.ts). */
const officeAt = (date: string, minutes: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
};

const OUTCOMES: Record<VisitKind, readonly string[]> = {
  new: ['初次拜访，介绍公司产品线', '递交样品和报价单', '了解客户现用供应商和采购周期', '与采购负责人建立联系', '参观客户车间，了解用量'],
  revisit: ['跟进上次报价，客户在比价', '确认下月订单数量', '催收上月货款', '处理客户对包装的意见', '客户试用反馈良好', '商谈年度框架协议'],
  phone: ['电话确认交货时间', '电话跟进样品测试结果', '电话沟通付款安排', '电话回复技术咨询'],
};
const NEXT_STEPS = ['下周再次拜访', '三天内发正式报价', '安排技术人员上门', '等待客户内部审批', '月底前回访', ''];
const GRADE_WEIGHT = { strategic: 5, core: 3, ordinary: 1 } as const;

interface Pooled {
  id: number;
  grade: keyof typeof GRADE_WEIGHT;
  prospect: boolean;
}

export function generateActivity(core: Core, users: readonly User[], options: { seed: number; asOf: string; adminId: number }): ActivityDemoResult {
  const db = core.database.db;
  const random = new SeededRandom(options.seed);
  const calendar = companyCalendar(db);
  const result: ActivityDemoResult = { logs: 0, visits: 0, weeklyReports: 0, lateLogs: 0, missingLogs: 0 };
  const now = officeAt(options.asOf, 17 * 60);
  const start = addDays(options.asOf, -91);
  const keepers = users.filter((u) => u.active && (u.role === 'rep' || u.role === 'supervisor')).sort((a, b) => a.id - b.id);
  if (!keepers.length) return result;
  const ids = keepers.map((u) => u.id);

  // Customers each keeper may log: his own (not archived, not lost); a supervisor also his team's.
  const pool = new Map<number, Pooled[]>();
  for (const c of db
    .select({ id: customers.id, ownerId: customers.ownerId, grade: customers.grade, status: customers.status })
    .from(customers)
    .where(and(inArray(customers.ownerId, ids), ne(customers.status, 'lost'), isNull(customers.archivedAt)))
    .orderBy(customers.id)
    .all()) {
    const list = pool.get(c.ownerId) ?? [];
    list.push({ id: c.id, grade: c.grade, prospect: c.status === 'prospect' });
    pool.set(c.ownerId, list);
  }
  const teamPool = (u: User) => (u.role === 'supervisor' ? keepers.filter((k) => k.managerId === u.id).flatMap((k) => pool.get(k.id) ?? []) : []);

  // Away: whole days of approved or pending leave (a pending form's days were taken off too).
  const away = new Map<number, Map<string, 'full' | 'half'>>();
  for (const l of db
    .select({ userId: leaves.applicantId, start: leaves.startDate, end: leaves.endDate, startHalfDay: leaves.startHalfDay, endHalfDay: leaves.endHalfDay })
    .from(leaves)
    .where(and(inArray(leaves.applicantId, ids), inArray(leaves.status, ['approved', 'pending']), lte(leaves.startDate, options.asOf), gte(leaves.endDate, start)))
    .all()) {
    const marks = away.get(l.userId) ?? new Map<string, 'full' | 'half'>();
    away.set(l.userId, marks);
    for (let d = l.start; d <= l.end; d = addDays(d, 1)) marks.set(d, marks.has(d) || halfOn(l, d) === null ? 'full' : 'half');
  }

  /** Up to `n` of `list`, drawn without repetition (all of it when shorter). */
  const sample = <T>(list: readonly T[], n: number): T[] => {
    if (list.length <= n) return [...list];
    const copy = [...list];
    for (let i = 0; i < n; i++) {
      const j = random.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };

  // A second demo run into the same file keeps the logs and reports already there.
  const logged = new Set(
    db.select({ userId: workLogs.userId, logDate: workLogs.logDate }).from(workLogs).where(and(inArray(workLogs.userId, ids), gte(workLogs.logDate, start))).all().map((l) => `${l.userId} ${l.logDate}`),
  );
  const reported = new Set(
    db.select({ userId: weeklyReports.userId, weekStart: weeklyReports.weekStart }).from(weeklyReports).where(and(inArray(weeklyReports.userId, ids), gte(weeklyReports.weekStart, start))).all().map((w) => `${w.userId} ${w.weekStart}`),
  );

  const quota = paramsInForce(db, 'W-VISITQ', options.asOf);
  const logParams = new Map<string, ParamsOf<'W-LOG'>>();
  const paramsOn = (day: string) => {
    let p = logParams.get(day);
    if (!p) logParams.set(day, (p = paramsInForce(db, 'W-LOG', day)));
    return p;
  };
  const insertLog = bulkInsert(core, workLogs, ['userId', 'logDate', 'summary', 'submittedAt', 'daysLate', 'pointsDeducted', 'version', 'createdAt', 'updatedAt'] as const);
  const insertVisit = bulkInsert(core, visits, ['logId', 'userId', 'visitDate', 'customerId', 'kind', 'outcome', 'nextStep'] as const);
  const insertWeekly = bulkInsert(core, weeklyReports, ['userId', 'weekStart', 'summary', 'plan', 'submittedAt', 'daysLate', 'pointsDeducted', 'version', 'createdAt', 'updatedAt'] as const);
  const days: string[] = [];
  for (let d = start; d < options.asOf; d = addDays(d, 1)) days.push(d);

  db.transaction((tx) => {
    // The team worked here before the demo's year of history: their accounts date from before it
    // (W-LOG owes no log before an account existed).
    const since = new Date(officeAt(addDays(options.asOf, -400), 9 * 60)).toISOString();
    const teamIds = users.filter((u) => u.role !== 'admin').map((u) => u.id);
    if (teamIds.length) tx.update(usersTable).set({ createdAt: since }).where(and(inArray(usersTable.id, teamIds), gte(usersTable.createdAt, since))).run();

    keepers.forEach((person, index) => {
      // The customers he works with: a sample of his book (with a million customers a rep does not
      // visit them all), split into the prospects new-customer visits go to and the rest.
      const own = sample(pool.get(person.id) ?? [], 160);
      const team = sample(teamPool(person), 80);
      const prospectsOf = new Map([own, team].map((list) => [list, list.filter((c) => c.prospect)]));
      const marks = away.get(person.id);
      // Every third person falls a little short of W-VISITQ's averages (and of C-VISIT's weekly minimum).
      const short = index % 3 === 1;
      for (const date of days) {
        if (!calendar.isWorkingDay(date) || marks?.get(date) === 'full' || logged.has(`${person.id} ${date}`)) continue;
        const roll = random.next();
        const filedAt =
          roll < 0.025
            ? null // never filed
            : roll < 0.06
              ? officeAt(addDays(date, 1), 8 * 60 + random.int(30, 240)) // the next morning: 1 day late
              : roll < 0.07
                ? officeAt(addDays(date, random.int(2, 3)), 9 * 60 + random.int(0, 480)) // days later
                : officeAt(date, 17 * 60 + 30 + random.int(0, 300)); // the same evening
        if (filedAt === null || filedAt > now) {
          result.missingLogs += 1;
          continue;
        }
        const half = marks?.get(date) === 'half';
        let fresh = short ? quota.minNewPerDay - 1 + random.int(0, 1) : quota.minNewPerDay + random.int(0, 1);
        let back = short ? quota.minRevisitsPerDay - 1 + random.int(0, 1) : quota.minRevisitsPerDay + random.int(0, 1);
        if (half) {
          fresh = Math.ceil(fresh / 2);
          back = Math.ceil(back / 2);
        }
        const phone = Math.min(Math.max(random.int(0, short ? 2 : 1), 4 - fresh - back), Math.max(0, 8 - fresh - back));
        const kinds: VisitKind[] = [...Array<VisitKind>(fresh).fill('new'), ...Array<VisitKind>(back).fill('revisit'), ...Array<VisitKind>(phone).fill('phone')];
        const chosen = new Set<number>();
        const entries: { customerId: number; kind: VisitKind }[] = [];
        for (const kind of kinds) {
          const from = team.length && random.chance(0.15) ? team : own.length ? own : team;
          if (!from.length) break;
          const prospects = kind === 'new' ? (prospectsOf.get(from) ?? []) : [];
          const candidates = prospects.length ? prospects : from;
          let pick = random.weighted(candidates, (c) => GRADE_WEIGHT[c.grade]);
          for (let tries = 0; chosen.has(pick.id) && tries < 4; tries++) pick = random.weighted(candidates, (c) => GRADE_WEIGHT[c.grade]);
          chosen.add(pick.id);
          entries.push({ customerId: pick.id, kind });
        }
        const submitted = new Date(filedAt);
        const submittedAt = localTimestamp(submitted);
        const judged = judgeLog(tx, calendar, date, submittedAt, false, paramsOn);
        const inPerson = entries.filter((e) => e.kind !== 'phone').length;
        const logId = insertLog({
          userId: person.id,
          logDate: date,
          summary: `今日拜访客户 ${inPerson} 家${entries.length > inPerson ? `，电话沟通 ${entries.length - inPerson} 家` : ''}${half ? '（半天假）' : ''}。`,
          submittedAt,
          daysLate: judged.daysLate,
          pointsDeducted: judged.pointsDeducted,
          version: 1,
          createdAt: submitted.toISOString(),
          updatedAt: submitted.toISOString(),
        });
        result.logs += 1;
        if (judged.daysLate > 0) result.lateLogs += 1;
        for (const e of entries) {
          insertVisit({ logId, userId: person.id, visitDate: date, customerId: e.customerId, kind: e.kind, outcome: random.pick(OUTCOMES[e.kind]), nextStep: random.pick(NEXT_STEPS) });
          result.visits += 1;
        }
      }

      // Weekly reports: the weeks that began in the three months and are due by now.
      for (const monday of days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)) {
        const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
        if (reported.has(`${person.id} ${monday}`) || !week.some((d) => calendar.isWorkingDay(d) && marks?.get(d) !== 'full')) continue;
        const due = judgeLog(tx, calendar, monday, localTimestamp(new Date(now)), true, paramsOn).dueAt;
        const dueDay = due.slice(0, 10);
        const roll = random.next();
        if (roll < 0.03) continue;
        const filedAt = roll < 0.1 ? Date.parse(due) + random.int(5, 26 * 60) * MINUTE : officeAt(dueDay, 8 * 60 + random.int(0, 115));
        if (filedAt > now) continue;
        const submitted = new Date(filedAt);
        const submittedAt = localTimestamp(submitted);
        const judged = judgeLog(tx, calendar, monday, submittedAt, true, paramsOn);
        insertWeekly({
          userId: person.id,
          weekStart: monday,
          summary: random.pick(['本周重点跟进报价客户，完成回款催收。', '本周拜访以老客户回访为主，新开发客户两家。', '本周处理客户投诉一起，跟进样品测试。']),
          plan: random.pick(['下周拜访重点客户，推进年度协议。', '下周跟进新客户样品测试结果，安排报价。', '下周完成月度回款目标，拜访逾期客户。']),
          submittedAt,
          daysLate: judged.daysLate,
          pointsDeducted: judged.pointsDeducted,
          version: 1,
          createdAt: submitted.toISOString(),
          updatedAt: submitted.toISOString(),
        });
        result.weeklyReports += 1;
      }
    });
    recordAudit(tx, { userId: options.adminId, action: 'demo.activity', entity: 'work_logs', after: { seed: options.seed, asOf: options.asOf, ...result }, at: new Date(now) });
  });
  return result;
}
