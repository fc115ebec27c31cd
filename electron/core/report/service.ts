// K-MONTHLY 月报 (DOMAIN §9): every figure of a month by channel, region or rep, with the company's
// total, the basis of its ratios, the 12-month trend and the region bars; the orders behind a figure
// (drill); the home screen's month to date. The definitions are the header of shared/report.ts.
//
// Every figure is first summed per person (the rep credited with a sale or receipt, the applicant of
// an expense, the owner of a customer or complaint), then the people are grouped by the dimension
// (their id, users.region or users.channel, as 费效比 does). The total is the company's: money summed
// over everyone, its ratios computed from those sums, its target the plan's month total.
import { sql } from 'drizzle-orm';
import type { ChannelOutput } from '../../../shared/api';
import { addMonths, lastDayOf, localDate, localMonth } from '../../../shared/dates';
import {
  ratioOrNull,
  type DrillFigure,
  type MonthlyReport,
  type ReportBasis,
  type ReportDimension,
  type ReportDrill,
  type ReportDrillRow,
  type ReportFigures,
  type ReportTrendPoint,
} from '../../../shared/report';
import type { PeriodTargets } from '../../../shared/targets';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';
import { EXPENSE_COUNTED, EXPENSE_FEN, nameOf } from '../expenses/ratio';
import { monthBounds } from '../ledger/ledger';
import { companyCalendar } from '../policy/context';
import { getPlan, targetsOf } from '../targets/service';
import { teamOf } from '../users/team';
import { newCustomersOf, RECEIPT_ENTRY, SALE_ENTRY, saleAmounts, salesByRep } from './figures';

// —— people and groups ——

interface Person {
  id: number;
  name: string;
  region: string;
  channel: string;
}

function peopleOf(db: Db): Map<number, Person> {
  const rows = db.all<Person>(sql`SELECT id, display_name AS name, region, coalesce(channel, '') AS channel FROM users`);
  return new Map(rows.map((p) => [p.id, p]));
}

function keyOf(by: ReportDimension, person: Person): string {
  if (by === 'rep') return String(person.id);
  return by === 'region' ? person.region : person.channel;
}

/** A month's targets as every reader of the report sees them (all reps' rows, whoever asks). */
function monthTargets(db: Db, actor: Actor, month: string): PeriodTargets {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return targetsOf(db, { ...actor, role: 'gm' }, year, m);
}

// —— the figures per person ——

/** Sums of one person (or of a group); money in fen, quantity in thousandths. */
interface Sums {
  sales: number;
  cost: number;
  quantityMilli: number;
  prevSales: number;
  lastYearSales: number;
  expenses: number;
  receipts: number;
  receivableDue: number;
  newCustomers: number;
  complaints: number;
  complaintsJudged: number;
  complaintsOnTime: number;
}

const zeroSums = (): Sums => ({
  sales: 0,
  cost: 0,
  quantityMilli: 0,
  prevSales: 0,
  lastYearSales: 0,
  expenses: 0,
  receipts: 0,
  receivableDue: 0,
  newCustomers: 0,
  complaints: 0,
  complaintsJudged: 0,
  complaintsOnTime: 0,
});

function addSums(into: Sums, from: Sums): void {
  for (const field of Object.keys(into) as (keyof Sums)[]) into[field] += from[field];
}

/** Sales per month (company total) and per person per month over `from`…`to` (months, both included). */
function salesByMonth(db: Db, from: string, to: string): { byMonth: Map<string, number>; byPerson: Map<string, Map<number | null, number>> } {
  const rows = db.all<{ repId: number | null; month: string; fen: number }>(sql`
    SELECT s.rep_id AS repId, substr(s.entry_date, 1, 7) AS month, sum(s.amount_fen) AS fen
    FROM ${saleAmounts(monthBounds(from).start, monthBounds(to).next)} s
    GROUP BY 1, 2`);
  const byMonth = new Map<string, number>();
  const byPerson = new Map<string, Map<number | null, number>>();
  for (const row of rows) {
    const fen = Number(row.fen);
    byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + fen);
    let people = byPerson.get(row.month);
    if (!people) byPerson.set(row.month, (people = new Map()));
    people.set(row.repId, (people.get(row.repId) ?? 0) + fen);
  }
  return { byMonth, byPerson };
}

/** Expenses as 费效比 counts them, per month and per applicant, over `from`…`to` (months, both included). */
function expensesByMonth(db: Db, from: string, to: string): Map<string, Map<number, number>> {
  const rows = db.all<{ month: string; id: number; fen: number }>(sql`
    SELECT substr(e.expense_date, 1, 7) AS month, e.applicant_id AS id, sum(${EXPENSE_FEN}) AS fen
    FROM expenses e
    WHERE ${EXPENSE_COUNTED} AND e.expense_date >= ${monthBounds(from).start} AND e.expense_date < ${monthBounds(to).next}
    GROUP BY 1, 2`);
  const result = new Map<string, Map<number, number>>();
  for (const row of rows) {
    let people = result.get(row.month);
    if (!people) result.set(row.month, (people = new Map()));
    people.set(row.id, Number(row.fen));
  }
  return result;
}

/** Whether a complaint's handle, respond and slip deadlines were met, judged at `now`. */
interface ComplaintRow {
  ownerId: number | null;
  handledAt: string | null;
  handleDueAt: string;
  respondedAt: string | null;
  respondDueAt: string;
  slipFiledAt: string | null;
  slipDueDate: string;
}

/**
 * A complaint is judged when its outcome is known: every step done (on time when each was done by
 * its deadline), or a deadline missed (a step done late, or not done and its deadline passed).
 */
export function judgeComplaint(c: ComplaintRow, now: Date): { judged: boolean; onTime: boolean } {
  const instant = now.getTime();
  const today = localDate(now);
  const steps = [
    { done: c.handledAt !== null, late: c.handledAt !== null ? Date.parse(c.handledAt) > Date.parse(c.handleDueAt) : instant > Date.parse(c.handleDueAt) },
    { done: c.respondedAt !== null, late: c.respondedAt !== null ? Date.parse(c.respondedAt) > Date.parse(c.respondDueAt) : instant > Date.parse(c.respondDueAt) },
    // the slip's deadline is a day; a timestamp in the office's offset starts with its local date
    { done: c.slipFiledAt !== null, late: c.slipFiledAt !== null ? c.slipFiledAt.slice(0, 10) > c.slipDueDate : today > c.slipDueDate },
  ];
  const missed = steps.some((s) => s.late);
  const allDone = steps.every((s) => s.done);
  return { judged: allDone || missed, onTime: allDone && !missed };
}

/** Every figure of the month summed per person id (null: entries credited to nobody). */
function sumsPerPerson(db: Db, month: string, sales: ReturnType<typeof salesByMonth>, expenses: Map<number, number>, now: Date): Map<number | null, Sums> {
  const { start, next } = monthBounds(month);
  const result = new Map<number | null, Sums>();
  const of = (id: number | null) => {
    let sums = result.get(id);
    if (!sums) result.set(id, (sums = zeroSums()));
    return sums;
  };
  for (const [id, fen] of sales.byPerson.get(month) ?? []) of(id).sales += fen;
  for (const [id, fen] of sales.byPerson.get(addMonths(month, -1)) ?? []) of(id).prevSales += fen;
  for (const [id, fen] of sales.byPerson.get(addMonths(month, -12)) ?? []) of(id).lastYearSales += fen;

  // cost and quantity of the shipment lines behind the month's sale postings (a reversal takes them back)
  const goods = db.all<{ repId: number | null; cost: number; quantity: number }>(sql`
    SELECT l.rep_id AS repId,
           sum(CASE WHEN l.kind = 'sale' THEN 1 ELSE -1 END * CAST(round(sl.quantity_milli * ol.cost_price_fen / 1000.0) AS INTEGER)) AS cost,
           sum(CASE WHEN l.kind = 'sale' THEN 1 ELSE -1 END * sl.quantity_milli) AS quantity
    FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    JOIN shipment_lines sl ON sl.shipment_id = l.shipment_id
    JOIN order_lines ol ON ol.id = sl.order_line_id
    WHERE l.entry_date >= ${start} AND l.entry_date < ${next} AND ${SALE_ENTRY}
    GROUP BY 1`);
  for (const g of goods) {
    of(g.repId).cost += Number(g.cost);
    of(g.repId).quantityMilli += Number(g.quantity);
  }

  // receipts and deposits net of their reversals (credits are negative on the receivable)
  const received = db.all<{ repId: number | null; fen: number }>(sql`
    SELECT l.rep_id AS repId, sum(l.amount_fen) AS fen
    FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    WHERE l.entry_date >= ${start} AND l.entry_date < ${next} AND ${RECEIPT_ENTRY}
    GROUP BY 1`);
  for (const row of received) of(row.repId).receipts -= Number(row.fen);

  // receivable due: the balance at the month's start, plus the month's sales falling due within it
  // (a reversal follows the sale it cancels: in the opening balance, or due within the month)
  const opening = db.all<{ repId: number | null; fen: number }>(sql`
    SELECT rep_id AS repId, sum(amount_fen) AS fen FROM ledger_entries WHERE entry_date < ${start} GROUP BY 1`);
  for (const row of opening) of(row.repId).receivableDue += Number(row.fen);
  const falling = db.all<{ repId: number | null; fen: number }>(sql`
    SELECT l.rep_id AS repId, sum(l.amount_fen) AS fen
    FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    JOIN customers c ON c.id = l.customer_id
    WHERE l.entry_date >= ${start} AND l.entry_date < ${next} AND ${SALE_ENTRY}
      AND (r.entry_date < ${start} OR date(coalesce(r.entry_date, l.entry_date), '+' || c.credit_days || ' days') < ${next})
    GROUP BY 1`);
  for (const row of falling) of(row.repId).receivableDue += Number(row.fen);

  for (const [id, fen] of expenses) if (fen) of(id).expenses += fen;

  for (const customer of newCustomersOf(db, month)) if (customer.counted) of(customer.ownerId).newCustomers += 1;

  const received_ = db.all<ComplaintRow>(sql`
    SELECT owner_id AS ownerId, handled_at AS handledAt, handle_due_at AS handleDueAt, responded_at AS respondedAt,
           respond_due_at AS respondDueAt, slip_filed_at AS slipFiledAt, slip_due_date AS slipDueDate
    FROM complaints WHERE received_at >= ${start} AND received_at < ${next}`);
  for (const c of received_) {
    const sums = of(c.ownerId);
    const { judged, onTime } = judgeComplaint(c, now);
    sums.complaints += 1;
    if (judged) sums.complaintsJudged += 1;
    if (onTime) sums.complaintsOnTime += 1;
  }
  return result;
}

// —— rows ——

function figuresOf(key: string, name: string, s: Sums, target: number, reps: number): ReportFigures {
  return {
    key,
    name,
    sales: s.sales,
    cost: s.cost,
    quantity: s.quantityMilli / 1000,
    grossMargin: ratioOrNull(s.sales - s.cost, s.sales),
    mom: s.prevSales === 0 ? null : s.sales / s.prevSales - 1,
    yoy: s.lastYearSales === 0 ? null : s.sales / s.lastYearSales - 1,
    expenses: s.expenses,
    expenseRatio: ratioOrNull(s.expenses, s.sales),
    target,
    achievement: ratioOrNull(s.sales, target),
    receipts: s.receipts,
    collectionRate: ratioOrNull(s.receipts, s.receivableDue),
    newCustomers: s.newCustomers,
    reps,
    perCapitaSales: reps === 0 ? null : Math.round(s.sales / reps),
    complaints: s.complaints,
    complaintsOnTimeRate: ratioOrNull(s.complaintsOnTime, s.complaintsJudged),
  };
}

const basisOf = (key: string, s: Sums): ReportBasis => ({
  key,
  prevSales: s.prevSales,
  lastYearSales: s.lastYearSales,
  receivableDue: s.receivableDue,
  complaintsJudged: s.complaintsJudged,
  complaintsOnTime: s.complaintsOnTime,
});

/** Any figure other than zero (a ratio of −100 % counts) — or a target. */
function hasFigures(f: ReportFigures): boolean {
  return Object.entries(f).some(([field, value]) => field !== 'key' && field !== 'name' && typeof value === 'number' && value !== 0);
}

interface Grouped {
  rows: ReportFigures[];
  basis: ReportBasis[];
}

function groupBy(by: ReportDimension, perPerson: Map<number | null, Sums>, people: Map<number, Person>, targets: PeriodTargets): Grouped {
  const groups = new Map<string, { name: string; sums: Sums; target: number; reps: number }>();
  const group = (key: string, personName = '') => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: nameOf(by, key, personName), sums: zeroSums(), target: 0, reps: 0 }));
    return g;
  };
  for (const [id, sums] of perPerson) {
    const person = id === null ? undefined : people.get(id);
    if (person) addSums(group(keyOf(by, person), person.name).sums, sums);
  }
  for (const row of targets[by].rows) {
    const person = by === 'rep' ? people.get(Number(row.key)) : undefined;
    group(row.key, person?.name ?? row.name).target += row.amountFen;
  }
  for (const row of targets.rep.rows) {
    const person = people.get(Number(row.key));
    if (person && row.amountFen > 0) group(keyOf(by, person), person.name).reps += 1;
  }
  const rows: ReportFigures[] = [];
  const basis: ReportBasis[] = [];
  for (const [key, g] of groups) {
    const figures = figuresOf(key, g.name, g.sums, g.target, g.reps);
    if (!hasFigures(figures)) continue;
    rows.push(figures);
    basis.push(basisOf(key, g.sums));
  }
  const order = rows.map((r, i) => i).sort((a, b) => rows[b]!.sales - rows[a]!.sales || rows[a]!.name.localeCompare(rows[b]!.name, 'zh-CN'));
  return { rows: order.map((i) => rows[i]!), basis: order.map((i) => basis[i]!) };
}

// —— the report ——

export function monthlyReport(db: Db, actor: Actor, input: { month: string; by: ReportDimension }, now: Date): MonthlyReport {
  const { month, by } = input;
  const first = addMonths(month, -23); // the oldest trend point's year-before month
  const sales = salesByMonth(db, first, month);
  const expenses = expensesByMonth(db, addMonths(month, -11), month);
  const perPerson = sumsPerPerson(db, month, sales, expenses.get(month) ?? new Map(), now);
  const people = peopleOf(db);
  const targets = monthTargets(db, actor, month);
  const { rows, basis } = groupBy(by, perPerson, people, targets);

  const all = zeroSums();
  for (const sums of perPerson.values()) addSums(all, sums);
  const repsWithTarget = targets.rep.rows.filter((r) => r.amountFen > 0).length;
  const total = figuresOf('', '合计', all, targets.totalFen ?? 0, repsWithTarget);

  // the trend's targets: the plans' month totals (one plan read per year, not a targetsOf per month)
  const plans = new Map<number, number[]>();
  const planMonths = (year: number) => {
    let months = plans.get(year);
    if (!months) plans.set(year, (months = getPlan(db, { ...actor, role: 'gm' }, year).monthsFen));
    return months;
  };
  const trend: ReportTrendPoint[] = [];
  for (let i = 11; i >= 0; i--) {
    const m = addMonths(month, -i);
    const s = sales.byMonth.get(m) ?? 0;
    const prev = sales.byMonth.get(addMonths(m, -1)) ?? 0;
    const lastYear = sales.byMonth.get(addMonths(m, -12)) ?? 0;
    const spent = [...(expenses.get(m)?.values() ?? [])].reduce((sum, fen) => sum + fen, 0);
    trend.push({
      month: m,
      sales: s,
      target: m === month ? (targets.totalFen ?? 0) : planMonths(Number(m.slice(0, 4)))[Number(m.slice(5, 7)) - 1]!,
      expenses: spent,
      mom: prev === 0 ? null : s / prev - 1,
      yoy: lastYear === 0 ? null : s / lastYear - 1,
      expenseRatio: ratioOrNull(spent, s),
    });
  }

  const regions = (by === 'region' ? rows : groupBy('region', perPerson, people, targets).rows).map((r) => ({ key: r.key, name: r.name, sales: r.sales, target: r.target }));
  return { month, by, rows, total, basis, totalBasis: basisOf('', all), trend, regions, generatedAt: now.toISOString() };
}

// —— drill ——

/** The person ids of a row (null key: everyone, including entries credited to nobody). */
function membersOf(db: Db, by: ReportDimension, key: string | null): Set<number> | null {
  if (key === null) return null;
  return new Set([...peopleOf(db).values()].filter((p) => keyOf(by, p) === key).map((p) => p.id));
}

interface DrillEntry {
  id: number;
  kind: string;
  reversesId: number | null;
  repId: number | null;
  repName: string | null;
  customerId: number;
  customerNo: string;
  customerName: string;
  orderId: number | null;
  orderNo: string | null;
  date: string;
  fen: number;
  cost: number;
  quantity: number;
}

export function drill(db: Db, _actor: Actor, input: { month: string; by: ReportDimension; key: string | null; figure: DrillFigure }): ReportDrill {
  const { start, next } = monthBounds(input.month);
  const members = membersOf(db, input.by, input.key);
  const sign = sql`CASE WHEN l.kind = 'sale' THEN 1 ELSE -1 END`;
  const goods =
    input.figure === 'sales'
      ? sql`(SELECT coalesce(sum(CAST(round(sl.quantity_milli * ol.cost_price_fen / 1000.0) AS INTEGER)), 0) FROM shipment_lines sl JOIN order_lines ol ON ol.id = sl.order_line_id WHERE sl.shipment_id = l.shipment_id) * ${sign} AS cost,
            (SELECT coalesce(sum(sl.quantity_milli), 0) FROM shipment_lines sl WHERE sl.shipment_id = l.shipment_id) * ${sign} AS quantity`
      : sql`0 AS cost, 0 AS quantity`;
  const entries = db.all<DrillEntry>(sql`
    SELECT l.id, l.kind, l.reverses_id AS reversesId, l.rep_id AS repId, u.display_name AS repName,
           l.customer_id AS customerId, c.customer_no AS customerNo, c.name AS customerName,
           l.order_id AS orderId, o.order_no AS orderNo, l.entry_date AS date, l.amount_fen AS fen, ${goods}
    FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
    JOIN customers c ON c.id = l.customer_id
    LEFT JOIN users u ON u.id = l.rep_id
    LEFT JOIN orders o ON o.id = l.order_id
    WHERE l.entry_date >= ${start} AND l.entry_date < ${next} AND ${input.figure === 'sales' ? SALE_ENTRY : RECEIPT_ENTRY}
    ORDER BY l.entry_date, l.id`).filter((e) => members === null || (e.repId !== null && members.has(e.repId)));

  const rows = new Map<string, ReportDrillRow & { last: string }>();
  const add = (groupKey: string, e: DrillEntry, orderId: number | null, orderNo: string, figures: { sales?: number; cost?: number; quantityMilli?: number; receipts?: number }) => {
    let row = rows.get(groupKey);
    if (!row) {
      row = { orderId, orderNo, customerNo: e.customerNo, customerName: e.customerName, repName: e.repName ?? '', date: e.date, last: e.date, sales: 0, cost: 0, quantity: 0, receipts: 0 };
      rows.set(groupKey, row);
    }
    row.last = e.date > row.last ? e.date : row.last;
    row.sales += figures.sales ?? 0;
    row.cost += figures.cost ?? 0;
    row.quantity += figures.quantityMilli ?? 0; // thousandths until the end
    row.receipts += figures.receipts ?? 0;
  };

  if (input.figure === 'sales') {
    for (const e of entries) add(`o${e.orderId ?? `c${e.customerId}`}`, e, e.orderId, e.orderNo ?? '', { sales: Number(e.fen), cost: Number(e.cost), quantityMilli: Number(e.quantity) });
  } else {
    // a receipt's allocations to orders (a reversal takes back those of the entry it reverses)
    const sources = [...new Set(entries.map((e) => (e.kind === 'reversal' ? e.reversesId! : e.id)))];
    const allocations = new Map<number, { orderId: number; orderNo: string; fen: number }[]>();
    for (let i = 0; i < sources.length; i += 500) {
      const ids = sql.join(
        sources.slice(i, i + 500).map((id) => sql`${id}`),
        sql`, `,
      );
      for (const a of db.all<{ entryId: number; orderId: number; orderNo: string; fen: number }>(sql`
        SELECT a.receipt_entry_id AS entryId, a.order_id AS orderId, o.order_no AS orderNo, a.amount_fen AS fen
        FROM receipt_allocations a JOIN orders o ON o.id = a.order_id WHERE a.receipt_entry_id IN (${ids}) ORDER BY a.id`)) {
        const list = allocations.get(a.entryId) ?? [];
        list.push({ orderId: a.orderId, orderNo: a.orderNo, fen: Number(a.fen) });
        allocations.set(a.entryId, list);
      }
    }
    for (const e of entries) {
      const received = -Number(e.fen);
      const direction = e.kind === 'reversal' ? -1 : 1;
      let allocated = 0;
      for (const a of allocations.get(e.kind === 'reversal' ? e.reversesId! : e.id) ?? []) {
        add(`o${a.orderId}`, e, a.orderId, a.orderNo, { receipts: direction * a.fen });
        allocated += direction * a.fen;
      }
      if (received !== allocated) add(`c${e.customerId}`, e, null, '', { receipts: received - allocated });
    }
  }
  const list: ReportDrillRow[] = [...rows.values()]
    .map(({ last, ...row }) => ({ ...row, date: last === row.date ? row.date : `${row.date} … ${last}`, quantity: row.quantity / 1000 }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.orderNo.localeCompare(b.orderNo) || a.customerNo.localeCompare(b.customerNo));
  return { rows: list, sales: list.reduce((s, r) => s + r.sales, 0), receipts: list.reduce((s, r) => s + r.receipts, 0) };
}

// —— month to date (the home screen) ——

export function monthToDate(db: Db, actor: Actor, now: Date): ChannelOutput<'report.monthToDate'> {
  const month = localMonth(now);
  const today = localDate(now);
  const { start } = monthBounds(month);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const byRep = salesByRep(db, month);
  const calendar = companyCalendar(db);
  const days = { daysElapsed: calendar.workingDaysBetween(start, today), workingDays: calendar.workingDaysBetween(start, lastDayOf(month)) };
  let scope: 'company' | 'team' | 'own';
  let sales = 0;
  let target = 0;
  if (actor.role === 'rep' || actor.role === 'supervisor') {
    const ids = new Set(actor.role === 'rep' ? [actor.id] : [actor.id, ...teamOf(db, actor.id)]);
    scope = actor.role === 'rep' ? 'own' : 'team';
    for (const id of ids) sales += byRep.get(id) ?? 0;
    // targetsOf shows a rep his own row and a supervisor his and his team's
    for (const row of targetsOf(db, actor, year, m).rep.rows) if (ids.has(Number(row.key))) target += row.amountFen;
  } else {
    scope = 'company';
    sales = db.all<{ fen: number | null }>(sql`SELECT sum(s.amount_fen) AS fen FROM ${saleAmounts(start, monthBounds(month).next)} s WHERE s.entry_date <= ${today}`)[0]?.fen ?? 0;
    target = targetsOf(db, actor, year, m).totalFen ?? 0;
  }
  return { month, asOf: today, scope, sales: Number(sales), target, achievement: ratioOrNull(sales, target), ...days };
}
