// K-TARGET 目标分解 (DOMAIN §9): a year's target plan, saved whole and read back per role.
//
// Who sees what: the heads and the back office (TARGET_ALL_ROLES: admin, gm, director, manager,
// assistant, finance — finance pays K-BONUS on achievement) see every rep's target; a supervisor
// sees his own and his team's rep rows; a rep only his own. Everyone signed in sees the totals and
// the region, channel and product-line breakdowns: they are the department's targets, not anyone's
// personal figures. Only the heads (TARGET_EDITOR_ROLES: gm, director, manager) save a plan.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { CHANNELS } from '../../../shared/domain';
import { AppError, type FieldIssue } from '../../../shared/errors';
import {
  apportion,
  BREAKDOWN_DIMENSIONS,
  channelName,
  checkPlan,
  MONTHS_PER_YEAR,
  monthlyIncomplete,
  quartersOf,
  TARGET_ALL_ROLES,
  TARGET_DIMENSION_LABELS,
  TARGET_REP_ROLES,
  type BreakdownDimension,
  type BreakdownRow,
  type PeriodTargets,
  type TargetPlan,
  type TargetPlanInput,
} from '../../../shared/targets';
import type { Actor } from '../api/context';
import { recordAudit } from '../audit/audit';
import type { Db, Tx } from '../db/connection';
import { users } from '../users/schema';
import { teamOf } from '../users/team';
import { targetCells } from './schema';

type Cell = typeof targetCells.$inferSelect;
type RepScope = TargetPlan['repScope'];

const EMPTY_MONTHS = (): number[] => Array.from({ length: MONTHS_PER_YEAR }, () => 0);

/** The rep ids whose rows the actor may see; null: all of them. */
function visibleReps(db: Db | Tx, actor: Actor): { scope: RepScope; ids: Set<string> | null } {
  if ((TARGET_ALL_ROLES as readonly string[]).includes(actor.role)) return { scope: 'all', ids: null };
  if (actor.role === 'supervisor') return { scope: 'team', ids: new Set([actor.id, ...teamOf(db, actor.id)].map(String)) };
  return { scope: 'own', ids: new Set([String(actor.id)]) };
}

function cellsOf(db: Db | Tx, year: number, month?: number): Cell[] {
  const where = month === undefined ? eq(targetCells.year, year) : and(eq(targetCells.year, year), inArray(targetCells.month, [0, month]));
  return db.select().from(targetCells).where(where).orderBy(asc(targetCells.id)).all();
}

function repNames(db: Db | Tx, keys: readonly string[]): Map<string, string> {
  const ids = keys.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)).all().map((u) => [String(u.id), u.name]));
}

function nameOf(dimension: BreakdownDimension, key: string, reps: Map<string, string>): string {
  if (dimension === 'channel') return channelName(key);
  if (dimension === 'rep') return reps.get(key) ?? key;
  return key;
}

/** The whole plan as stored (every rep row); scope is applied by the caller. */
function planOf(db: Db | Tx, year: number): Omit<TargetPlan, 'repScope'> {
  const cells = cellsOf(db, year);
  const reps = repNames(db, cells.filter((c) => c.dimension === 'rep').map((c) => c.key));
  const monthsFen = EMPTY_MONTHS();
  let totalFen = 0;
  const rows: Record<BreakdownDimension, Map<string, BreakdownRow>> = { region: new Map(), channel: new Map(), line: new Map(), rep: new Map() };
  let latest: Cell | null = null;
  for (const cell of cells) {
    if (!latest || cell.version > latest.version) latest = cell;
    if (cell.dimension === 'total') {
      if (cell.month === 0) totalFen = cell.amountFen;
      else monthsFen[cell.month - 1] = cell.amountFen;
      continue;
    }
    const byKey = rows[cell.dimension];
    let row = byKey.get(cell.key);
    if (!row) {
      row = { key: cell.key, name: nameOf(cell.dimension, cell.key, reps), yearFen: 0, monthsFen: null };
      byKey.set(cell.key, row);
    }
    if (cell.month === 0) row.yearFen = cell.amountFen;
    else (row.monthsFen ??= EMPTY_MONTHS())[cell.month - 1] = cell.amountFen;
  }
  const updater = latest ? db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, latest.updatedBy)).get() : undefined;
  return {
    year,
    version: latest?.version ?? 0,
    updatedAt: latest?.updatedAt ?? null,
    updatedBy: updater ?? null,
    totalFen,
    monthsFen,
    quartersFen: quartersOf(monthsFen),
    breakdowns: {
      region: [...rows.region.values()],
      channel: [...rows.channel.values()],
      line: [...rows.line.values()],
      rep: [...rows.rep.values()],
    },
  };
}

export function getPlan(db: Db, actor: Actor, year: number): TargetPlan {
  const plan = planOf(db, year);
  const { scope, ids } = visibleReps(db, actor);
  const rep = ids === null ? plan.breakdowns.rep : plan.breakdowns.rep.filter((r) => ids.has(r.key));
  return { ...plan, breakdowns: { ...plan.breakdowns, rep }, repScope: scope };
}

// —— saving ——

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', issues[0]!.message, issues[0]!.messageEn, issues);
}

/**
 * Keys that are not what their dimension keys: unknown channels, duplicates, people who are not
 * active reps or supervisors (unless the stored plan of the year already has them: a rep who left
 * in June keeps his first half's target when the plan is saved again).
 */
function keyIssues(tx: Tx, input: TargetPlanInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const kept = new Set(
    tx.select({ key: targetCells.key }).from(targetCells).where(and(eq(targetCells.year, input.year), eq(targetCells.dimension, 'rep'), eq(targetCells.month, 0))).all().map((c) => c.key),
  );
  const repKeys = input.breakdowns.rep.map((r) => r.key);
  const repIds = repKeys.filter((k) => /^[1-9]\d{0,9}$/.test(k)).map(Number);
  const reps = new Map(
    repIds.length === 0
      ? []
      : tx.select({ id: users.id, role: users.role, active: users.active }).from(users).where(inArray(users.id, repIds)).all().map((u) => [String(u.id), u]),
  );
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const dim = TARGET_DIMENSION_LABELS[dimension];
    const seen = new Set<string>();
    input.breakdowns[dimension].forEach((row, index) => {
      const field = `breakdowns.${dimension}.${index}.key`;
      const issue = (zh: string, en: string) => issues.push({ field, message: `${dim.zh}分解第 ${index + 1} 行「${row.key}」：${zh}`, messageEn: `Breakdown ${dim.en.toLowerCase()}, row ${index + 1} "${row.key}": ${en}` });
      if (seen.has(row.key)) issue('重复', 'appears twice');
      seen.add(row.key);
      if (dimension === 'channel' && !(CHANNELS as readonly string[]).includes(row.key)) {
        issue(`不是渠道（应为 ${CHANNELS.join(' / ')}）`, `is not a channel (one of ${CHANNELS.join(' / ')})`);
      }
      if (dimension === 'rep') {
        const user = reps.get(row.key);
        // someone who has left or changed role keeps the target the stored plan already gave him
        const current = user !== undefined && (TARGET_REP_ROLES as readonly string[]).includes(user.role) && user.active;
        if (!user || (!current && !kept.has(row.key))) {
          issue('不是在职的客户经理或销售主管', 'is not an active sales rep or supervisor');
        }
      }
    });
  }
  return issues;
}

/**
 * Saves a year's whole plan in one transaction with one audit row, replacing the stored one. The
 * parts must add up (checkPlan); the keys must be real; the version must be the stored plan's (a
 * plan saved meanwhile by someone else is a conflict). Refused: nothing is written.
 */
export function savePlan(db: Db, actor: Actor, input: TargetPlanInput, at: Date): TargetPlan {
  return db.transaction((tx) => {
    const incomplete = monthlyIncomplete(input).map((dimension): FieldIssue => {
      const dim = TARGET_DIMENSION_LABELS[dimension];
      return {
        field: `breakdowns.${dimension}`,
        message: `${dim.zh}分解：须每一项都分到各月，或都只填全年`,
        messageEn: `Breakdown ${dim.en.toLowerCase()}: split every part by month, or none`,
      };
    });
    const names = repNames(tx, input.breakdowns.rep.map((r) => r.key));
    const issues = [...keyIssues(tx, input), ...incomplete, ...checkPlan(input, (dimension, key) => nameOf(dimension, key, names)).map(({ field, message, messageEn }) => ({ field, message, messageEn }))];
    if (issues.length > 0) throw invalid(issues);

    const before = planOf(tx, input.year);
    if (before.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        `${input.year}年的目标已被${before.updatedBy?.name ?? '他人'}修改（版本 ${before.version}），请刷新后再保存`,
        `The ${input.year} targets were changed by ${before.updatedBy?.name ?? 'someone else'} (version ${before.version}); reload and save again`,
      );
    }
    const version = before.version + 1;
    const stamp = at.toISOString();
    const base = { year: input.year, version, updatedAt: stamp, updatedBy: actor.id };
    const values: (typeof targetCells.$inferInsert)[] = [
      { ...base, month: 0, dimension: 'total', key: '', amountFen: input.totalFen },
      ...input.monthsFen.map((amountFen, m) => ({ ...base, month: m + 1, dimension: 'total' as const, key: '', amountFen })),
    ];
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      for (const row of input.breakdowns[dimension]) {
        values.push({ ...base, month: 0, dimension, key: row.key, amountFen: row.yearFen });
        row.monthsFen?.forEach((amountFen, m) => values.push({ ...base, month: m + 1, dimension, key: row.key, amountFen }));
      }
    }
    tx.delete(targetCells).where(eq(targetCells.year, input.year)).run();
    for (let i = 0; i < values.length; i += 500) tx.insert(targetCells).values(values.slice(i, i + 500)).run();
    const after = planOf(tx, input.year);
    recordAudit(tx, {
      userId: actor.id,
      action: 'targets.save',
      entity: 'target_plans',
      entityId: input.year,
      before: before.version === 0 ? null : before,
      after,
      at,
    });
    return { ...after, repScope: visibleReps(tx, actor).scope };
  });
}

// —— a period's targets (the monthly report, the dashboard, K-BONUS) ——

/**
 * The target of a month (or of the year without a month) per rep, region, channel and product line.
 * A dimension split by month gives its stored month; one broken down for the year only shares the
 * month's total among its parts in the proportion of their years (derived).
 */
export function targetsOf(db: Db, actor: Actor, year: number, month?: number): PeriodTargets {
  const cells = cellsOf(db, year, month);
  const period = month ?? 0;
  const total = cells.find((c) => c.dimension === 'total' && c.month === period);
  const reps = repNames(db, cells.filter((c) => c.dimension === 'rep').map((c) => c.key));
  const { ids } = visibleReps(db, actor);
  const result = {
    year,
    month: month ?? null,
    totalFen: total?.amountFen ?? null,
  } as PeriodTargets;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const own = cells.filter((c) => c.dimension === dimension);
    const stored = own.filter((c) => c.month === period);
    let rows: PeriodTargets['rep']['rows'];
    let derived = false;
    if (stored.length > 0) {
      rows = stored.map((c) => ({ key: c.key, name: nameOf(dimension, c.key, reps), amountFen: c.amountFen }));
    } else {
      const years = own.filter((c) => c.month === 0);
      derived = years.length > 0;
      const shares = apportion(total?.amountFen ?? 0, years.map((c) => c.amountFen));
      rows = years.map((c, i) => ({ key: c.key, name: nameOf(dimension, c.key, reps), amountFen: shares[i]! }));
    }
    if (dimension === 'rep' && ids !== null) rows = rows.filter((r) => ids.has(r.key));
    result[dimension] = { rows, derived };
  }
  return result;
}
