// Settings → Policies and the working calendar: the rule catalog with the parameters in force,
// versioned parameter changes (from today on: requests already submitted keep their version), and
// the company's calendar overrides. Every write is one transaction with its audit row.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { localDate, nextDay } from '../../../shared/dates';
import { AppError, validationError } from '../../../shared/errors';
import type { CalendarDay, KindInfo, ParamVersion, RuleInfo } from '../../../shared/policy';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { users } from '../users/schema';
import { officialDayName, workCalendar } from './calendar';
import { isCatalogRuleId, RULES, type CatalogRuleId } from './catalog';
import { describeFields } from './fields';
import { KINDS } from './kinds';
import { paramInfoOf, paramLabelsOf } from './paramInfo';
import { paramsInForce, setParams } from './params';
import { calendarOverrides, policyParams } from './schema';

/** DOMAIN.md section of a rule id, by its prefix. */
const SECTION_OF_PREFIX: Record<string, number> = { C: 2, S: 3, Q: 4, O: 5, E: 6, P: 7, L: 8, A: 8, W: 9, K: 9 };

function ruleOrThrow(ruleId: string): CatalogRuleId {
  if (!isCatalogRuleId(ruleId)) {
    throw new AppError('NOT_FOUND', `规则 ${ruleId} 不存在`, `Rule ${ruleId} not found`, [
      { field: 'ruleId', message: `规则：${ruleId} 不存在`, messageEn: `Rule: ${ruleId} not found` },
    ]);
  }
  return ruleId;
}

type VersionRow = typeof policyParams.$inferSelect & { createdByName: string | null };

function versionOf(row: VersionRow): ParamVersion {
  return {
    ruleId: row.ruleId,
    effectiveFrom: row.effectiveFrom,
    params: JSON.parse(row.params) as Record<string, unknown>,
    note: row.note,
    createdBy: row.createdByName,
    createdAt: row.createdAt,
  };
}

function versionRows(db: Db | Tx, ruleId: string): VersionRow[] {
  return db
    .select({
      id: policyParams.id,
      ruleId: policyParams.ruleId,
      effectiveFrom: policyParams.effectiveFrom,
      params: policyParams.params,
      note: policyParams.note,
      createdBy: policyParams.createdBy,
      createdAt: policyParams.createdAt,
      createdByName: users.displayName,
    })
    .from(policyParams)
    .leftJoin(users, eq(users.id, policyParams.createdBy))
    .where(eq(policyParams.ruleId, ruleId))
    .orderBy(asc(policyParams.effectiveFrom))
    .all();
}

export function catalog(db: Db, today: string): RuleInfo[] {
  return (Object.keys(RULES) as CatalogRuleId[]).map((id) => {
    const rule = RULES[id];
    const schema: z.ZodType = rule.params;
    const versions = versionRows(db, id);
    const inForce = versions.filter((v) => v.effectiveFrom <= today).at(-1) ?? null;
    return {
      id,
      section: SECTION_OF_PREFIX[id.charAt(0)] ?? 0,
      name: rule.name,
      description: rule.description,
      params: paramsInForce(db, id, today) as Record<string, unknown>,
      defaults: schema.parse({}) as Record<string, unknown>,
      paramsSchema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
      paramInfo: paramInfoOf(id),
      inForce: inForce ? versionOf(inForce) : null,
      scheduled: versions.filter((v) => v.effectiveFrom > today).map(versionOf),
    };
  });
}

export function history(db: Db, ruleId: string): ParamVersion[] {
  return versionRows(db, ruleOrThrow(ruleId)).map(versionOf);
}

export function changeParams(db: Db, actor: Actor, input: { ruleId: string; params: Record<string, unknown>; effectiveFrom: string; note: string }, at: Date): ParamVersion {
  const ruleId = ruleOrThrow(input.ruleId);
  const today = localDate(at);
  if (input.effectiveFrom < today) {
    throw new AppError('VALIDATION', `生效日期：不能早于今天（${today}）；已提交的申请按提交时的参数判断`, `Effective from: cannot be before today (${today}); submitted requests keep the parameters of their day`, [
      { field: 'effectiveFrom', message: `生效日期：不能早于今天（${today}）`, messageEn: `Effective from: cannot be before today (${today})` },
    ]);
  }
  // A misspelt parameter would otherwise be dropped silently and its default stored in its place.
  const known = Object.keys(paramInfoOf(ruleId));
  const unknown = Object.keys(input.params).filter((key) => !known.includes(key));
  if (unknown.length) {
    const issues = unknown.map((key) => ({
      field: key,
      message: `${key}：规则 ${ruleId} 没有这个参数（可用：${known.join('、')}）`,
      messageEn: `${key}: rule ${ruleId} has no such parameter (known: ${known.join(', ')})`,
    }));
    throw new AppError('VALIDATION', issues[0]!.message, issues[0]!.messageEn, issues);
  }
  const schema: z.ZodType = RULES[ruleId].params;
  const parsed = schema.safeParse(input.params, { reportInput: true });
  if (!parsed.success) throw validationError(parsed.error, paramLabelsOf(ruleId));
  setParams(db, actor, ruleId, parsed.data, input.effectiveFrom, input.note, at);
  return versionOf(versionRows(db, ruleId).find((v) => v.effectiveFrom === input.effectiveFrom)!);
}

export function kindInfos(): KindInfo[] {
  return KINDS.map((k) => ({
    kind: k.kind,
    label: k.label,
    rules: [...k.rules],
    submittable: k.submittable,
    fields: describeFields(k.schema),
    example: { kind: k.kind, ...(k.example as Record<string, unknown>) },
  }));
}

// —— the working calendar ——

export function calendarDays(db: Db | Tx, from: string, to: string): CalendarDay[] {
  const overrides = new Map(
    db
      .select({ date: calendarOverrides.date, working: calendarOverrides.working, note: calendarOverrides.note, updatedAt: calendarOverrides.updatedAt, updatedBy: users.displayName })
      .from(calendarOverrides)
      .leftJoin(users, eq(users.id, calendarOverrides.updatedBy))
      .where(and(gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)))
      .all()
      .map((o) => [o.date, o]),
  );
  const official = workCalendar();
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = nextDay(d)) {
    const o = overrides.get(d);
    const officialWorking = official.isWorkingDay(d);
    days.push({
      date: d,
      working: o ? o.working : officialWorking,
      officialWorking,
      officialName: officialDayName(d),
      override: o ? { working: o.working, note: o.note, updatedBy: o.updatedBy, updatedAt: o.updatedAt } : null,
    });
  }
  return days;
}

export function setOverride(db: Db, actor: Actor, input: { date: string; working: boolean; note: string }, at: Date): CalendarDay {
  return db.transaction((tx) => {
    const before = tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, input.date)).get() ?? null;
    const values = { date: input.date, working: input.working, note: input.note, updatedBy: actor.id, updatedAt: at.toISOString() };
    tx.insert(calendarOverrides).values(values).onConflictDoUpdate({ target: calendarOverrides.date, set: values }).run();
    recordAudit(tx, { userId: actor.id, action: 'calendar.setOverride', entity: 'calendar_overrides', entityId: input.date, before, after: values, at });
    return calendarDays(tx, input.date, input.date)[0]!;
  });
}

export function removeOverride(db: Db, actor: Actor, date: string, at: Date): CalendarDay {
  return db.transaction((tx) => {
    const before = tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date)).get();
    if (!before) {
      throw new AppError('NOT_FOUND', `${date} 没有公司调整`, `${date} has no company override`, [
        { field: 'date', message: `日期：${date} 没有公司调整`, messageEn: `Date: ${date} has no company override` },
      ]);
    }
    tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).run();
    recordAudit(tx, { userId: actor.id, action: 'calendar.removeOverride', entity: 'calendar_overrides', entityId: date, before, after: null, at });
    return calendarDays(tx, date, date)[0]!;
  });
}

