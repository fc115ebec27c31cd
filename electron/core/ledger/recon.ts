// O-RECON 业务量核对: from day N (O-RECON's parameter, 5) of the next month finance publishes each
// rep's figures of a month; the rep may dispute them on the day of publication; after that day finance
// locks the month, and from then on no ledger entry may be dated in it (see assertMonthOpen).
//
// Publishing again before the lock refreshes the figures (after corrections in answer to a dispute;
// the new publication day opens a new dispute day). Locking refuses figures that changed since they
// were published: what is locked is what the reps saw.
import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { ReconFigures, ReconRow } from '../../../shared/ledger';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { seesAllCustomers } from '../customers/access';
import type { Db, Tx } from '../db/connection';
import { orderLines, orders } from '../orders/schema';
import { workCalendar } from '../policy/calendar';
import { paramsInForce } from '../policy/params';
import { reconciliation } from '../policy/rules/ledger';
import { users } from '../users/schema';
import { isMonthLocked, monthBounds } from './ledger';
import { ledgerEntries, reconciliations, shipmentLines, shipments } from './schema';

type Conn = Db | Tx;

const emptyFigures = (): ReconFigures => ({ salesFen: 0, collectionsFen: 0, writeOffsFen: 0, quantities: [] });

/**
 * Each rep's figures of a month from the ledger: sales (sales and their reversals), collections
 * (receipts and deposits, net of their reversals), write-offs, and the quantities delivered by unit.
 * Every active rep is listed, with zeros when he had nothing.
 */
export function reconFigures(db: Conn, month: string): Map<number, ReconFigures> {
  const { start, next } = monthBounds(month);
  const reversed = alias(ledgerEntries, 'reversed');
  const sums = db
    .select({
      repId: ledgerEntries.repId,
      kind: ledgerEntries.kind,
      reversedKind: reversed.kind,
      total: sql<number>`sum(${ledgerEntries.amountFen})`,
    })
    .from(ledgerEntries)
    .leftJoin(reversed, eq(reversed.id, ledgerEntries.reversesId))
    .where(and(gte(ledgerEntries.entryDate, start), lt(ledgerEntries.entryDate, next), isNotNull(ledgerEntries.repId)))
    .groupBy(ledgerEntries.repId, ledgerEntries.kind, reversed.kind)
    .all();
  const quantities = db
    .select({ repId: orders.repId, unit: orderLines.unit, total: sql<number>`sum(${shipmentLines.quantityMilli})` })
    .from(shipmentLines)
    .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
    .innerJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(gte(shipments.deliveredAt, start), lt(shipments.deliveredAt, next)))
    .groupBy(orders.repId, orderLines.unit)
    .orderBy(asc(orders.repId), asc(orderLines.unit))
    .all();
  const reps = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'rep'), eq(users.active, true)))
    .all();

  const figures = new Map<number, ReconFigures>(reps.map((r) => [r.id, emptyFigures()]));
  const of = (repId: number) => {
    const f = figures.get(repId) ?? emptyFigures();
    figures.set(repId, f);
    return f;
  };
  for (const row of sums) {
    const f = of(row.repId!);
    const total = Number(row.total);
    const basis = row.kind === 'reversal' ? row.reversedKind : row.kind;
    if (basis === 'sale') f.salesFen += total;
    else if (basis === 'bad_debt') f.writeOffsFen -= total;
    else f.collectionsFen -= total;
  }
  for (const row of quantities) of(row.repId).quantities.push({ unit: row.unit, quantityMilli: Number(row.total) });
  return figures;
}

const rep = alias(users, 'recon_rep');
const publisher = alias(users, 'recon_publisher');

function reconRows(db: Conn, month: string, repIds?: readonly number[]): ReconRow[] {
  return db
    .select({
      id: reconciliations.id,
      month: reconciliations.month,
      repId: reconciliations.repId,
      repName: rep.displayName,
      publishedAt: reconciliations.publishedAt,
      publishedByName: publisher.displayName,
      disputedAt: reconciliations.disputedAt,
      disputeNote: reconciliations.disputeNote,
      lockedAt: reconciliations.lockedAt,
      figures: reconciliations.figures,
    })
    .from(reconciliations)
    .innerJoin(rep, eq(rep.id, reconciliations.repId))
    .innerJoin(publisher, eq(publisher.id, reconciliations.publishedBy))
    .where(and(eq(reconciliations.month, month), repIds ? inArray(reconciliations.repId, [...repIds]) : undefined))
    .orderBy(asc(rep.displayName), asc(reconciliations.repId))
    .all()
    .map((row) => ({ ...row, figures: JSON.parse(row.figures) as ReconFigures }));
}

/** O-RECON's first publication day of a month (day N of the next month, N in force on `today`). */
function publishWindow(db: Conn, month: string, today: string) {
  const params = paramsInForce(db, 'O-RECON', today);
  const outcome = reconciliation.evaluate({ month, asOf: today }, { today, calendar: workCalendar() }, params);
  return { publishFrom: String(outcome.computed?.publishFrom), blocks: outcome.findings.filter((f) => f.severity === 'block') };
}

function denied(zh: string, en: string): AppError {
  return new AppError('POLICY_DENIED', `${zh}（O-RECON）`, `${en} (O-RECON)`, [{ field: 'month', message: `月份：${zh}`, messageEn: `Month: ${en}` }]);
}

/** Rows the actor may see: finance and the heads all, a supervisor his team's and his own, others their own. */
function visibleReps(db: Conn, actor: Actor): number[] | undefined {
  if (seesAllCustomers(actor)) return undefined;
  if (actor.role === 'supervisor') {
    return [actor.id, ...db.select({ id: users.id }).from(users).where(eq(users.managerId, actor.id)).all().map((u) => u.id)];
  }
  return [actor.id];
}

export function reconMonth(db: Db, actor: Actor, month: string, at: Date) {
  return {
    month,
    publishFrom: publishWindow(db, month, localDate(at)).publishFrom,
    locked: isMonthLocked(db, month),
    rows: reconRows(db, month, visibleReps(db, actor)),
  };
}

export function publishRecon(db: Db, actor: Actor, month: string, at: Date): ReconRow[] {
  return db.transaction((tx) => {
    const today = localDate(at);
    const window = publishWindow(tx, month, today);
    if (window.blocks.length) {
      throw denied(`${month} 的业务量须在 ${window.publishFrom} 或之后公布`, `the figures of ${month} may be published on ${window.publishFrom} or later`);
    }
    if (isMonthLocked(tx, month)) throw new AppError('CONFLICT', `${month} 已锁定，不能重新公布`, `${month} is locked; it cannot be published again`);
    const existing = new Map(reconRows(tx, month).map((row) => [row.repId, row]));
    const stamp = at.toISOString();
    const figures = reconFigures(tx, month);
    for (const [repId, f] of figures) {
      const json = JSON.stringify(f);
      if (existing.has(repId)) {
        tx.update(reconciliations)
          .set({ figures: json, publishedAt: stamp, publishedBy: actor.id })
          .where(and(eq(reconciliations.month, month), eq(reconciliations.repId, repId)))
          .run();
      } else {
        tx.insert(reconciliations).values({ month, repId, publishedAt: stamp, publishedBy: actor.id, figures: json }).run();
      }
    }
    recordAudit(tx, {
      userId: actor.id,
      action: 'recon.publish',
      entity: 'reconciliations',
      entityId: month,
      before: existing.size ? Object.fromEntries([...existing].map(([id, row]) => [id, row.figures])) : null,
      after: Object.fromEntries(figures),
      at,
    });
    return reconRows(tx, month);
  });
}

/** The rep disputes his own figures, on the day they were published. */
export function disputeRecon(db: Db, actor: Actor, month: string, note: string, at: Date): ReconRow {
  return db.transaction((tx) => {
    const row = reconRows(tx, month, [actor.id])[0];
    if (!row) throw new AppError('NOT_FOUND', `${month} 没有您的已公布业务量`, `No published figures of yours for ${month}`, [{ field: 'month', message: `月份：${month} 没有您的已公布业务量`, messageEn: `Month: no published figures of yours for ${month}` }]);
    if (row.lockedAt) throw new AppError('CONFLICT', `${month} 已锁定，不能再提出异议`, `${month} is locked; it can no longer be disputed`);
    const published = localDate(new Date(row.publishedAt));
    const today = localDate(at);
    if (today !== published) {
      throw denied(`只能在公布当天（${published}）提出异议`, `a dispute is possible only on the day of publication (${published})`);
    }
    const stamp = at.toISOString();
    tx.update(reconciliations).set({ disputedAt: stamp, disputeNote: note }).where(eq(reconciliations.id, row.id)).run();
    recordAudit(tx, {
      userId: actor.id,
      action: 'recon.dispute',
      entity: 'reconciliations',
      entityId: row.id,
      before: { disputedAt: row.disputedAt, disputeNote: row.disputeNote },
      after: { disputedAt: stamp, disputeNote: note },
      at,
    });
    return reconRows(tx, month, [actor.id])[0]!;
  });
}

/** After the dispute day, finance locks the month: its figures are final and its entries closed. */
export function lockRecon(db: Db, actor: Actor, month: string, at: Date): ReconRow[] {
  return db.transaction((tx) => {
    const rows = reconRows(tx, month);
    if (!rows.length) throw new AppError('CONFLICT', `${month} 的业务量尚未公布，不能锁定`, `The figures of ${month} are not published yet`);
    if (rows.some((r) => r.lockedAt)) throw new AppError('CONFLICT', `${month} 已锁定`, `${month} is already locked`);
    const lastPublished = rows.map((r) => localDate(new Date(r.publishedAt))).sort().at(-1)!;
    const today = localDate(at);
    if (today <= lastPublished) {
      throw denied(`公布当天（${lastPublished}）是客户经理的异议日，次日起才能锁定`, `the day of publication (${lastPublished}) is the reps' dispute day; lock from the next day`);
    }
    const current = reconFigures(tx, month);
    const published = new Map(rows.map((r) => [r.repId, JSON.stringify(r.figures)]));
    const changed = [...current].filter(([repId, f]) => published.get(repId) !== JSON.stringify(f)).map(([repId]) => repId);
    if (changed.length) {
      const names = rows.filter((r) => changed.includes(r.repId)).map((r) => r.repName);
      throw new AppError(
        'CONFLICT',
        `公布后 ${month} 的数字有变化${names.length ? `（${names.join('、')}）` : ''}，请重新公布，待异议日过后再锁定`,
        `The figures of ${month} changed since they were published; publish again, then lock after the dispute day`,
      );
    }
    const stamp = at.toISOString();
    tx.update(reconciliations).set({ lockedAt: stamp }).where(eq(reconciliations.month, month)).run();
    recordAudit(tx, { userId: actor.id, action: 'recon.lock', entity: 'reconciliations', entityId: month, before: { lockedAt: null }, after: { lockedAt: stamp }, at });
    return reconRows(tx, month);
  });
}
