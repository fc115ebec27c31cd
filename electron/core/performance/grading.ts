// C-GRADE 分级管理 (DOMAIN §2): every month the system proposes upgrades and downgrades of active
// customers from order growth (the last `months` months' sales against the same months a year before)
// and the collection cycle (average days to collect); a manager confirms or rejects each one.
//
// Figures per customer, computed with one grouped query each (20,000 customers stay fast):
// - sales: the ledger's sale postings less their reversals, dated in the period (as the monthly
//   report counts sales), per customer;
// - collectionDays: ledger.collectionDays (receipts allocated to orders, days from delivery);
// - sales12m / grossMargin12m: the 12 months ending with the month; cost from the shipment lines
//   behind those postings at the order line's cost price.
// A decision is stored in grade_decisions with the figures as proposed: a decided customer keeps
// showing its decision that month even when the rule no longer proposes it (its grade changed).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addMonths, lastDayOf } from '../../../shared/dates';
import { GRADE_LABELS, type Grade } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { GradeDecideInput, GradeProposal } from '../../../shared/performance';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import type { Db, Tx } from '../db/connection';
import { collectionDays } from '../ledger/ledger';
import { workCalendar } from '../policy/calendar';
import { paramsInForce } from '../policy/params';
import { gradeReview } from '../policy/rules/customers';
import { users } from '../users/schema';
import { gradeDecisions } from './schema';

type Conn = Db | Tx;

/** The figures behind a proposal, as stored with a decision. */
interface Figures {
  direction: 'up' | 'down';
  recentSales: number;
  priorSales: number;
  growth: number | null;
  collectionDays: number | null;
  sales12m: number;
  grossMargin12m: number | null;
  reason: string;
  reasonEn: string;
}

interface CustomerRow {
  id: number;
  customerNo: string;
  name: string;
  ownerId: number;
  ownerName: string;
  grade: Grade;
}

const CHUNK = 5_000;

/** Sales per customer over the periods C-GRADE looks at, in one grouped query. */
function salesFigures(db: Conn, month: string, months: number) {
  const recentFrom = `${addMonths(month, -(months - 1))}-01`;
  const recentTo = lastDayOf(month);
  const priorFrom = `${addMonths(month, -(months - 1) - 12)}-01`;
  const priorTo = lastDayOf(addMonths(month, -12));
  const yearFrom = `${addMonths(month, -11)}-01`;
  const from = priorFrom < yearFrom ? priorFrom : yearFrom;
  // One pass over the period's sale postings (by date); the cost of a posting is its shipment's lines
  // at the order lines' cost price (a reversal takes it back).
  const rows = db.all<{ customerId: number; recent: number; prior: number; year: number; cost: number }>(sql`
    SELECT l.customer_id AS customerId,
           coalesce(sum(CASE WHEN l.entry_date >= ${recentFrom} AND l.entry_date <= ${recentTo} THEN l.amount_fen END), 0) AS recent,
           coalesce(sum(CASE WHEN l.entry_date >= ${priorFrom} AND l.entry_date <= ${priorTo} THEN l.amount_fen END), 0) AS prior,
           coalesce(sum(CASE WHEN l.entry_date >= ${yearFrom} AND l.entry_date <= ${recentTo} THEN l.amount_fen END), 0) AS year,
           coalesce(sum(CASE WHEN l.entry_date >= ${yearFrom} AND l.entry_date <= ${recentTo} AND l.shipment_id IS NOT NULL
             THEN (CASE WHEN l.kind = 'sale' THEN 1 ELSE -1 END) * (
               SELECT coalesce(sum(round(sl.quantity_milli * ol.cost_price_fen / 1000.0)), 0)
               FROM shipment_lines sl JOIN order_lines ol ON ol.id = sl.order_line_id
               WHERE sl.shipment_id = l.shipment_id)
           END), 0) AS cost
    FROM ledger_entries l
    LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    WHERE (l.kind = 'sale' OR (l.kind = 'reversal' AND r.kind = 'sale'))
      AND l.entry_date >= ${from} AND l.entry_date <= ${recentTo}
    GROUP BY l.customer_id`);
  return new Map(rows.map((r) => [r.customerId, { recent: Number(r.recent), prior: Number(r.prior), year: Number(r.year), cost: Number(r.cost) }]));
}

/**
 * The collection cycle of many customers: only those with a receipt allocated to an order have one
 * (the rest stay null), asked in chunks (SQLite's bound-variable limit).
 */
function cyclesOf(db: Conn, all: readonly number[]): Map<number, number | null> {
  const result = new Map<number, number | null>();
  const paying = new Set(
    db
      .all<{ id: number }>(sql`SELECT DISTINCT l.customer_id AS id FROM receipt_allocations a JOIN ledger_entries l ON l.id = a.receipt_entry_id`)
      .map((r) => r.id),
  );
  const ids = all.filter((id) => paying.has(id));
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const [id, days] of collectionDays(db, ids.slice(i, i + CHUNK))) result.set(id, days);
  }
  return result;
}

/** Active customers in scope (optionally only some), with their owner's name. */
function activeCustomers(db: Conn, actor: Actor, only?: number): CustomerRow[] {
  return db
    .select({ id: customers.id, customerNo: customers.customerNo, name: customers.name, ownerId: customers.ownerId, ownerName: users.displayName, grade: customers.grade })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.status, 'active'), isNull(customers.archivedAt), customerScope(db, actor), only === undefined ? undefined : eq(customers.id, only)))
    .all();
}

/** C-GRADE's proposals of the month for these customers (those the rule proposes a change for). */
function computeProposals(db: Conn, month: string, list: readonly CustomerRow[]): Map<number, Figures & { toGrade: Grade }> {
  const judgedOn = lastDayOf(month);
  const params = paramsInForce(db, 'C-GRADE', judgedOn);
  const sales = salesFigures(db, month, params.months);
  const cycles = cyclesOf(
    db,
    list.map((c) => c.id),
  );
  const ctx = { today: judgedOn, calendar: workCalendar() };
  const result = new Map<number, Figures & { toGrade: Grade }>();
  for (const c of list) {
    const s = sales.get(c.id) ?? { recent: 0, prior: 0, year: 0, cost: 0 };
    const days = cycles.get(c.id) ?? null;
    const outcome = gradeReview.evaluate({ grade: c.grade, recentSales: s.recent, priorSales: s.prior, collectionDays: days }, ctx, params);
    const computed = outcome.computed as { growth: number | null; toGrade: Grade | null; direction: 'up' | 'down' | null };
    if (!computed.toGrade || !computed.direction) continue;
    const finding = outcome.findings[0];
    result.set(c.id, {
      toGrade: computed.toGrade,
      direction: computed.direction,
      recentSales: s.recent,
      priorSales: s.prior,
      growth: computed.growth,
      collectionDays: days,
      sales12m: s.year,
      grossMargin12m: s.year > 0 ? (s.year - s.cost) / s.year : null,
      reason: finding?.message ?? '',
      reasonEn: finding?.messageEn ?? '',
    });
  }
  return result;
}

/** The month's decisions for customers in the actor's scope, keyed by customer id. */
function decisionsOf(db: Conn, actor: Actor, month: string, only?: number) {
  const rows = db
    .select({
      decision: gradeDecisions,
      customerNo: customers.customerNo,
      customerName: customers.name,
      ownerId: customers.ownerId,
      decidedByName: users.displayName,
    })
    .from(gradeDecisions)
    .innerJoin(customers, eq(customers.id, gradeDecisions.customerId))
    .innerJoin(users, eq(users.id, gradeDecisions.decidedBy))
    .where(and(eq(gradeDecisions.month, month), customerScope(db, actor), only === undefined ? undefined : eq(gradeDecisions.customerId, only)))
    .orderBy(asc(gradeDecisions.id))
    .all();
  const owners = new Map(
    rows.length
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, [...new Set(rows.map((r) => r.ownerId))]))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  return new Map(
    rows.map((r): [number, GradeProposal] => {
      const d = r.decision;
      const figures = JSON.parse(d.figuresJson) as Figures;
      return [
        d.customerId,
        {
          month,
          customerId: d.customerId,
          customerNo: r.customerNo,
          customerName: r.customerName,
          ownerId: r.ownerId,
          ownerName: owners.get(r.ownerId) ?? '',
          fromGrade: d.fromGrade,
          toGrade: d.toGrade,
          direction: figures.direction,
          recentSales: figures.recentSales,
          priorSales: figures.priorSales,
          growth: figures.growth,
          collectionDays: figures.collectionDays,
          sales12m: figures.sales12m,
          grossMargin12m: figures.grossMargin12m,
          reason: figures.reason,
          reasonEn: figures.reasonEn,
          status: d.status,
          decidedBy: r.decidedByName,
          decidedAt: d.decidedAt,
          comment: d.comment,
        },
      ];
    }),
  );
}

function proposalOf(month: string, c: CustomerRow, f: Figures & { toGrade: Grade }): GradeProposal {
  return {
    month,
    customerId: c.id,
    customerNo: c.customerNo,
    customerName: c.name,
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    fromGrade: c.grade,
    toGrade: f.toGrade,
    direction: f.direction,
    recentSales: f.recentSales,
    priorSales: f.priorSales,
    growth: f.growth,
    collectionDays: f.collectionDays,
    sales12m: f.sales12m,
    grossMargin12m: f.grossMargin12m,
    reason: f.reason,
    reasonEn: f.reasonEn,
    status: 'proposed',
    decidedBy: null,
    decidedAt: null,
    comment: '',
  };
}

const STATUS_ORDER = { proposed: 0, confirmed: 1, rejected: 1 } as const;
const DIRECTION_ORDER = { down: 0, up: 1 } as const;

/** The month's proposals in the caller's scope, with the decisions already taken. */
export function proposals(db: Db, actor: Actor, month: string, _now: Date): GradeProposal[] {
  const list = activeCustomers(db, actor);
  const computed = computeProposals(db, month, list);
  const decided = decisionsOf(db, actor, month);
  const result: GradeProposal[] = [...decided.values()];
  for (const c of list) {
    const f = computed.get(c.id);
    if (f && !decided.has(c.id)) result.push(proposalOf(month, c, f));
  }
  return result.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] ||
      (a.customerNo < b.customerNo ? -1 : a.customerNo > b.customerNo ? 1 : 0),
  );
}

/** A manager confirms (the customer's grade changes) or rejects the month's proposal for one customer. */
export function decide(db: Db, actor: Actor, input: GradeDecideInput, now: Date): GradeProposal {
  return db.transaction((tx) => {
    const customer = tx.select().from(customers).where(eq(customers.id, input.customerId)).get();
    if (!customer) throw new AppError('NOT_FOUND', `客户 #${input.customerId} 不存在`, `Customer #${input.customerId} not found`);
    const existing = decisionsOf(tx, actor, input.month, input.customerId).get(input.customerId);
    if (existing) {
      const status = existing.status === 'confirmed' ? { zh: '已确认', en: 'confirmed' } : { zh: '未采纳', en: 'rejected' };
      throw new AppError(
        'CONFLICT',
        `客户 ${customer.customerNo} ${input.month} 的分级调整建议已由 ${existing.decidedBy ?? ''} ${status.zh}，不能重复处理`,
        `The ${input.month} grading proposal for customer ${customer.customerNo} was already ${status.en} by ${existing.decidedBy ?? ''}`,
      );
    }
    const row = activeCustomers(tx, actor, input.customerId)[0];
    const proposal = row ? computeProposals(tx, input.month, [row]).get(row.id) : undefined;
    if (!row || !proposal) {
      throw AppError.field(
        'customerId',
        { zh: '客户', en: 'Customer' },
        {
          zh: `客户 ${customer.customerNo} 在 ${input.month} 没有待确认的升降级建议`,
          en: `customer ${customer.customerNo} has no grading proposal for ${input.month}`,
        },
      );
    }
    const stamp = now.toISOString();
    const figures: Figures = {
      direction: proposal.direction,
      recentSales: proposal.recentSales,
      priorSales: proposal.priorSales,
      growth: proposal.growth,
      collectionDays: proposal.collectionDays,
      sales12m: proposal.sales12m,
      grossMargin12m: proposal.grossMargin12m,
      reason: proposal.reason,
      reasonEn: proposal.reasonEn,
    };
    const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
    const decision = tx
      .insert(gradeDecisions)
      .values({
        month: input.month,
        customerId: row.id,
        fromGrade: row.grade,
        toGrade: proposal.toGrade,
        status,
        figuresJson: JSON.stringify(figures),
        comment: input.comment,
        decidedBy: actor.id,
        decidedAt: stamp,
      })
      .returning()
      .get();
    if (status === 'confirmed') {
      tx.update(customers)
        .set({ grade: proposal.toGrade, version: sql`${customers.version} + 1`, updatedAt: stamp })
        .where(eq(customers.id, row.id))
        .run();
    }
    recordAudit(tx, {
      userId: actor.id,
      action: input.decision === 'confirm' ? 'grading.confirm' : 'grading.reject',
      entity: 'customers',
      entityId: row.id,
      before: { grade: row.grade },
      after: {
        grade: status === 'confirmed' ? proposal.toGrade : row.grade,
        proposal: `${GRADE_LABELS[row.grade].zh} → ${GRADE_LABELS[proposal.toGrade].zh}`,
        decision,
      },
      at: now,
    });
    return {
      ...proposalOf(input.month, row, proposal),
      status,
      decidedBy: actor.displayName,
      decidedAt: stamp,
      comment: input.comment,
    };
  });
}
