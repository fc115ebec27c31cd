// K-SCORE 绩效分 and K-BONUS 阶梯奖金 per person per month (DOMAIN §9), and the W-FAKE / W-POLICY
// deductions a manager records.
//
// A month's row: K-SCORE's base less every deduction, each listed with its reason — W-LOG (each late
// or missing daily log / weekly report, the points as judged), W-FAKE and W-POLICY recorded and dated
// in the month (their stored points), W-VISITQ once when the month's averages over the working days
// fall short (none when there was no working day) — never below 0. Beside it the KPI figures: sales
// (as the monthly report counts them), the sales counted toward performance (C-NEW: less the sales to
// new customers without a timely approved application), the month's target, achievement and the
// tiered bonus on the counted sales. Parameters: those in force at the month's end (today while the
// month runs); a recorded deduction keeps the points of the parameters in force on its day.
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { LOG_KEEPER_ROLES, PERFORMANCE_JUDGE_ROLES, type LateReport } from '../../../shared/activity';
import { lastDayOf, localDate, localTimestamp } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { Finding } from '../../../shared/policy';
import {
  DEDUCTION_RULE_LABELS,
  PERFORMANCE_FIELD_LABELS,
  type Deduction,
  type DeductionRecord,
  type DeductionRecordInput,
  type PerformanceMonth,
  type ScoreRow,
} from '../../../shared/performance';
import { activityFigures } from '../activity/figures';
import { visits } from '../activity/schema';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { workCalendar } from '../policy/calendar';
import { paramsInForce } from '../policy/params';
import { bonus, fakeLog, monthlyScore, policyBreach, visitQuota } from '../policy/rules/activity';
import { salesByRep, uncountedNewCustomerSales } from '../report/figures';
import { targetsOf } from '../targets/service';
import { teamOf } from '../users/team';
import { users } from '../users/schema';
import { judgedOn } from './months';
import { performanceDeductions } from './schema';

type Conn = Db | Tx;
type Scope = PerformanceMonth['scope'];

const ALL_SCOPE_ROLES: readonly string[] = [...PERFORMANCE_JUDGE_ROLES, 'assistant', 'finance'];
const KEEPER_ROLES: readonly string[] = LOG_KEEPER_ROLES;

function fieldError(field: string, zh: string, en: string): AppError {
  return AppError.field(field, PERFORMANCE_FIELD_LABELS[field] ?? { zh: field, en: field }, { zh, en });
}

/** Whose scores the actor sees: everyone, himself and his team (a supervisor), or himself (a rep). */
function scopeOf(db: Conn, actor: Actor): { scope: Scope; ids: Set<number> | null } {
  if (ALL_SCOPE_ROLES.includes(actor.role)) return { scope: 'all', ids: null };
  if (actor.role === 'supervisor') return { scope: 'team', ids: new Set([actor.id, ...teamOf(db, actor.id)]) };
  if (actor.role === 'rep') return { scope: 'own', ids: new Set([actor.id]) };
  throw new AppError('FORBIDDEN', '系统管理员不参与绩效考核，无权查看绩效', 'The administrator has no access to performance scores');
}

/** Active people who keep a log (reps, supervisors) in the scope, sorted by name. */
function peopleOf(db: Conn, ids: Set<number> | null) {
  const rows = db
    .select({ id: users.id, name: users.displayName, region: users.region })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...LOG_KEEPER_ROLES]), ids === null ? undefined : inArray(users.id, [...ids])))
    .all();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
}

const ctxOf = (day: string) => ({ today: day, calendar: workCalendar() });

/** A late or missing log / weekly report as a listed deduction. */
function lateDeduction(r: LateReport): Deduction {
  const what =
    r.kind === 'weekly'
      ? { zh: `周总结与计划（${r.reportDate} 起的一周）`, en: `The weekly summary & plan of the week of ${r.reportDate}` }
      : { zh: `工作日志（${r.reportDate}）`, en: `The work log of ${r.reportDate}` };
  const how =
    r.submittedAt === null
      ? { zh: `未提交，已逾期 ${r.daysLate} 天`, en: `is missing, ${r.daysLate} day(s) overdue` }
      : { zh: `迟交 ${r.daysLate} 天`, en: `was ${r.daysLate} day(s) late` };
  return {
    ruleId: 'W-LOG',
    points: r.pointsDeducted,
    reason: `${what.zh}${how.zh}，扣 ${r.pointsDeducted} 分`,
    reasonEn: `${what.en} ${how.en}: ${r.pointsDeducted} points`,
    date: r.reportDate,
    recordId: null,
  };
}

type DeductionRow = typeof performanceDeductions.$inferSelect;

function recordedDeduction(d: DeductionRow): Deduction {
  const findings = JSON.parse(d.findingsJson) as Finding[];
  const label = DEDUCTION_RULE_LABELS[d.ruleId];
  const head = findings[0] ? { zh: findings[0].message, en: findings[0].messageEn } : { zh: `${label.zh}，扣 ${d.points} 分`, en: `${label.en}: ${d.points} points` };
  return {
    ruleId: d.ruleId,
    points: d.points,
    reason: `${head.zh}：${d.reason}`,
    reasonEn: `${head.en}: ${d.reason}`,
    date: d.date,
    recordId: d.id,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function monthScores(db: Db, actor: Actor, month: string, now: Date): PerformanceMonth {
  const { scope, ids } = scopeOf(db, actor);
  const people = peopleOf(db, ids);
  if (people.length === 0) return { month, rows: [], scope };
  const userIds = people.map((p) => p.id);
  const day = judgedOn(month, localDate(now));
  const last = lastDayOf(month);
  const ctx = ctxOf(day);
  const base = paramsInForce(db, 'K-SCORE', day).base;
  const quotaParams = paramsInForce(db, 'W-VISITQ', day);
  const fakeParams = paramsInForce(db, 'W-FAKE', day);
  const bonusParams = paramsInForce(db, 'K-BONUS', day);

  const figures = activityFigures(db, userIds, month, now);
  const recorded = db
    .select()
    .from(performanceDeductions)
    .where(and(inArray(performanceDeductions.userId, userIds), gte(performanceDeductions.date, `${month}-01`), lte(performanceDeductions.date, last)))
    .orderBy(performanceDeductions.date, performanceDeductions.id)
    .all();
  const fakeTotals = new Map(
    db
      .select({ userId: performanceDeductions.userId, cases: sql<number>`sum(${performanceDeductions.cases})` })
      .from(performanceDeductions)
      .where(and(inArray(performanceDeductions.userId, userIds), eq(performanceDeductions.ruleId, 'W-FAKE'), lte(performanceDeductions.date, last)))
      .groupBy(performanceDeductions.userId)
      .all()
      .map((r) => [r.userId, Number(r.cases)]),
  );
  const sales = salesByRep(db, month);
  const uncounted = uncountedNewCustomerSales(db, month);
  const [year, monthNo] = month.split('-').map(Number) as [number, number];
  const targets = new Map(targetsOf(db, actor, year, monthNo).rep.rows.map((r) => [r.key, r.amountFen]));

  const rows = people.map((person): ScoreRow => {
    const f = figures.get(person.id) ?? { visits: { new: 0, revisit: 0, phone: 0 }, workingDays: 0, late: [], logsDue: 0, logsLate: 0, logsMissing: 0 };
    const deductions: Deduction[] = f.late.map(lateDeduction);
    for (const d of recorded) if (d.userId === person.id) deductions.push(recordedDeduction(d));
    let newPerDay: number | null = null;
    let revisitsPerDay: number | null = null;
    if (f.workingDays > 0) {
      newPerDay = round2(f.visits.new / f.workingDays);
      revisitsPerDay = round2(f.visits.revisit / f.workingDays);
      const quota = visitQuota.evaluate({ newVisits: f.visits.new, revisits: f.visits.revisit, workingDays: f.workingDays }, ctx, quotaParams);
      const points = Number(quota.computed?.pointsDeducted ?? 0);
      const finding = quota.findings[0];
      if (points > 0 && finding) {
        deductions.push({ ruleId: 'W-VISITQ', points, reason: finding.message, reasonEn: finding.messageEn, date: null, recordId: null });
      }
    }
    const total = deductions.reduce((s, d) => s + d.points, 0);
    const score = Number(monthlyScore.evaluate({ deductions: total }, ctx, { base }).computed?.score ?? base);

    const soldFen = sales.get(person.id) ?? 0;
    const countedSales = soldFen - (uncounted.get(person.id) ?? 0);
    const target = targets.get(String(person.id)) ?? 0;
    const tiered = bonus.evaluate({ salesFen: countedSales, targetFen: target }, ctx, bonusParams);
    const computed = tiered.computed as { tier: ScoreRow['bonusTier']; bonusFen: number };
    return {
      userId: person.id,
      name: person.name,
      region: person.region,
      month,
      base,
      deductions,
      score,
      dismissalFlag: (fakeTotals.get(person.id) ?? 0) > fakeParams.dismissalAbove,
      sales: soldFen,
      countedSales,
      target,
      achievement: target > 0 ? countedSales / target : null,
      bonus: computed.bonusFen,
      bonusTier: computed.tier,
      bonusFindings: tiered.findings,
      visits: f.visits,
      workingDays: f.workingDays,
      newPerDay,
      revisitsPerDay,
      logsDue: f.logsDue,
      logsLate: f.logsLate,
      logsMissing: f.logsMissing,
    };
  });
  return { month, rows, scope };
}

// —— recorded deductions (W-FAKE, W-POLICY) ——

/** Recorded deductions with the names of the person and of who recorded them. */
function toRecords(db: Conn, rows: readonly DeductionRow[]): DeductionRecord[] {
  if (!rows.length) return [];
  const names = new Map(
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.flatMap((r) => [r.userId, r.recordedBy]))]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    userName: names.get(row.userId) ?? '',
    ruleId: row.ruleId,
    date: row.date,
    cases: row.cases,
    points: row.points,
    reason: row.reason,
    recordedBy: names.get(row.recordedBy) ?? '',
    recordedAt: row.recordedAt,
    findings: JSON.parse(row.findingsJson) as Finding[],
  }));
}

/** Records a W-FAKE (the falsified visits marked) or W-POLICY deduction at the parameters in force on its day. */
export function recordDeduction(db: Db, actor: Actor, input: DeductionRecordInput, now: Date): DeductionRecord {
  return db.transaction((tx) => {
    const person = tx.select().from(users).where(eq(users.id, input.userId)).get();
    if (!person || !person.active || !KEEPER_ROLES.includes(person.role)) {
      throw fieldError('userId', `#${input.userId} 不是在职的客户经理或主管，不能记绩效扣分`, `#${input.userId} is not an active rep or supervisor`);
    }
    const today = localDate(now);
    if (input.date > today) throw fieldError('date', `不能晚于今天 ${today}`, `cannot be after today ${today}`);

    let cases: number;
    let points: number;
    let findings: Finding[];
    const ctx = ctxOf(input.date);
    const visitIds = [...new Set(input.visitIds)];
    if (input.ruleId === 'W-FAKE') {
      if (visitIds.length === 0) throw fieldError('visitIds', '请选择查实为虚假的拜访记录（至少一条）', 'choose at least one visit found falsified');
      const found = tx
        .select({ id: visits.id, userId: visits.userId, falsifiedAt: visits.falsifiedAt })
        .from(visits)
        .where(inArray(visits.id, visitIds))
        .all();
      const byId = new Map(found.map((v) => [v.id, v]));
      const notHis = visitIds.filter((v) => byId.get(v)?.userId !== input.userId);
      if (notHis.length) {
        throw fieldError('visitIds', `拜访记录 #${notHis.join('、#')} 不是 ${person.displayName} 的拜访记录`, `visit(s) #${notHis.join(', #')} are not ${person.displayName}'s`);
      }
      const already = visitIds.filter((v) => byId.get(v)?.falsifiedAt != null);
      if (already.length) {
        throw fieldError('visitIds', `拜访记录 #${already.join('、#')} 已被认定为虚假，不能重复扣分`, `visit(s) #${already.join(', #')} are already marked falsified`);
      }
      cases = visitIds.length;
      const previousCases = Number(
        tx
          .select({ n: sql<number>`coalesce(sum(${performanceDeductions.cases}), 0)` })
          .from(performanceDeductions)
          .where(and(eq(performanceDeductions.userId, input.userId), eq(performanceDeductions.ruleId, 'W-FAKE')))
          .get()?.n ?? 0,
      );
      const outcome = fakeLog.evaluate({ cases, previousCases }, ctx, paramsInForce(tx, 'W-FAKE', input.date));
      points = Number(outcome.computed?.pointsDeducted ?? 0);
      findings = outcome.findings;
    } else {
      if (visitIds.length) throw fieldError('visitIds', '制度未执行的扣分不关联拜访记录，请清空', 'a policy deduction takes no visits');
      cases = 1;
      const outcome = policyBreach.evaluate({ cases }, ctx, paramsInForce(tx, 'W-POLICY', input.date));
      points = Number(outcome.computed?.pointsDeducted ?? 0);
      findings = outcome.findings;
    }

    const row = tx
      .insert(performanceDeductions)
      .values({
        userId: input.userId,
        ruleId: input.ruleId,
        date: input.date,
        cases,
        points,
        reason: input.reason,
        findingsJson: JSON.stringify(findings),
        recordedBy: actor.id,
        recordedAt: now.toISOString(),
      })
      .returning()
      .get();
    if (input.ruleId === 'W-FAKE') {
      tx.update(visits)
        .set({ falsifiedAt: localTimestamp(now), falsifiedBy: actor.id, falsifiedNote: input.reason })
        .where(inArray(visits.id, visitIds))
        .run();
    }
    recordAudit(tx, {
      userId: actor.id,
      action: 'performance.recordDeduction',
      entity: 'performance_deductions',
      entityId: row.id,
      before: null,
      after: { ...row, visitIds },
      at: now,
    });
    return toRecords(tx, [row])[0]!;
  });
}

/** The deductions recorded in a month for the people in the caller's scope, newest first. */
export function deductionsOf(db: Db, actor: Actor, month: string): DeductionRecord[] {
  const { ids } = scopeOf(db, actor);
  const rows = db
    .select()
    .from(performanceDeductions)
    .where(
      and(
        gte(performanceDeductions.date, `${month}-01`),
        lte(performanceDeductions.date, lastDayOf(month)),
        ids === null ? undefined : inArray(performanceDeductions.userId, [...ids]),
      ),
    )
    .orderBy(desc(performanceDeductions.date), desc(performanceDeductions.id))
    .all();
  return toRecords(db, rows);
}
