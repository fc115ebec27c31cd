// O-LEDGER 销售账: the customer's receivable as an append-only list of signed entries (+ sale;
// − deposit, receipt, write-off; a reversal carries the opposite of the entry it cancels). A balance
// is never stored: it is the sum of the entries, so "balance = sum of entries" holds by construction.
// Deposits and receipts (finance), reversals (once per entry, guarded by the unique index on
// reverses_id), bad-debt write-offs after S-BADDEBT approval, allocations of receipts to orders and
// the collection cycle they give. Every write: one transaction with its audit row.
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { daysBetween, localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { GridQuery } from '../../../shared/grid';
import { LEDGER_FIELD_LABELS, LEDGER_KIND_LABELS, type BalanceRow, type LedgerEntry, type LedgerKind, type PaymentInput, type Posting } from '../../../shared/ledger';
import { formatYuan } from '../../../shared/money';
import type { PolicyRequest } from '../../../shared/requests';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import { getCustomer } from '../customers/service';
import type { Db, Tx } from '../db/connection';
import { orderLines, orders } from '../orders/schema';
import { nextMonth } from '../policy/rules/ledger';
import { policyRequests } from '../requests/schema';
import { onRequestDecided, submit } from '../requests/service';
import { users } from '../users/schema';
import { ledgerEntries, receiptAllocations, reconciliations, shipments } from './schema';

type Conn = Db | Tx;
type EntryRow = typeof ledgerEntries.$inferSelect;

const label = (field: string) => LEDGER_FIELD_LABELS[field] ?? { zh: field, en: field };
const leaf = (path: string) => path.split('.').at(-1)!;

/** A VALIDATION error naming the input field (a dotted path such as "allocations.1.amountFen"). */
export function fieldError(path: string, zh: string, en: string): AppError {
  return AppError.field(path, label(leaf(path)), { zh, en });
}

// —— dates and locked months ——

/** An entry is a fact: it cannot be dated after today. */
export function assertNotFuture(date: string, at: Date, field: string): void {
  const today = localDate(at);
  if (date > today) throw fieldError(field, `不能晚于今天（${today}）`, `cannot be after today (${today})`);
}

/** O-RECON: a month whose figures are locked. */
export function isMonthLocked(db: Conn, month: string): boolean {
  return (
    db
      .select({ id: reconciliations.id })
      .from(reconciliations)
      .where(and(eq(reconciliations.month, month), isNotNull(reconciliations.lockedAt)))
      .limit(1)
      .get() !== undefined
  );
}

/** Locked months refuse new entries dated in them (a correction goes into an open month). */
export function assertMonthOpen(db: Conn, date: string, field: string): void {
  const month = date.slice(0, 7);
  if (isMonthLocked(db, month)) {
    throw fieldError(
      field,
      `入账日期 ${date} 所在的 ${month} 月已核对锁定（O-RECON），不能再记入该月；更正请记在未锁定的月份`,
      `entry date ${date} falls in ${month}, which is reconciled and locked (O-RECON); post the correction in an open month`,
    );
  }
}

// —— reading entries ——

const reversal = alias(ledgerEntries, 'reversal');
const creator = alias(users, 'creator');

const entryColumns = {
  id: ledgerEntries.id,
  customerId: ledgerEntries.customerId,
  customerNo: customers.customerNo,
  customerName: customers.name,
  entryDate: ledgerEntries.entryDate,
  kind: ledgerEntries.kind,
  amountFen: ledgerEntries.amountFen,
  orderId: ledgerEntries.orderId,
  orderNo: orders.orderNo,
  shipmentId: ledgerEntries.shipmentId,
  shipmentNo: shipments.shipmentNo,
  reversesId: ledgerEntries.reversesId,
  reversedById: reversal.id,
  repId: ledgerEntries.repId,
  reference: ledgerEntries.reference,
  note: ledgerEntries.note,
  createdByName: creator.displayName,
  createdAt: ledgerEntries.createdAt,
};

function entryQuery<T extends Record<string, SQL.Aliased<number>>>(db: Conn, extra: T) {
  return db
    .select({ ...entryColumns, ...extra })
    .from(ledgerEntries)
    .innerJoin(customers, eq(customers.id, ledgerEntries.customerId))
    .innerJoin(creator, eq(creator.id, ledgerEntries.createdBy))
    .leftJoin(orders, eq(orders.id, ledgerEntries.orderId))
    .leftJoin(shipments, eq(shipments.id, ledgerEntries.shipmentId))
    .leftJoin(reversal, eq(reversal.reversesId, ledgerEntries.id));
}

export function entryById(db: Conn, id: number): LedgerEntry {
  const row = entryQuery(db, {}).where(eq(ledgerEntries.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `分录 #${id} 不存在`, `Ledger entry #${id} not found`);
  return row as LedgerEntry;
}

/** The customer's balance: the sum of all its entries (positive: it owes us; negative: paid in advance). */
export function balanceOf(db: Conn, customerId: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${ledgerEntries.amountFen}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customerId))
    .get();
  return Number(row?.total ?? 0);
}

/**
 * One customer's entries in ledger order (entry date, then posting order) with the running balance
 * over all of them, paged in SQL; `from`/`to` narrow the page without changing the running balance.
 */
export function customerEntries(db: Db, actor: Actor, input: { customerId: number; from?: string | undefined; to?: string | undefined; startRow: number; endRow: number }) {
  const customer = getCustomer(db, actor, input.customerId);
  const running = db
    .select({
      id: ledgerEntries.id,
      runningBalanceFen: sql<number>`sum(${ledgerEntries.amountFen}) over (order by ${ledgerEntries.entryDate}, ${ledgerEntries.id})`.as('running_balance_fen'),
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customer.id))
    .as('running');
  const where = and(
    eq(ledgerEntries.customerId, customer.id),
    input.from ? gte(ledgerEntries.entryDate, input.from) : undefined,
    input.to ? lte(ledgerEntries.entryDate, input.to) : undefined,
  );
  const rows = entryQuery(db, { runningBalanceFen: running.runningBalanceFen })
    .innerJoin(running, eq(running.id, ledgerEntries.id))
    .where(where)
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id))
    .limit(input.endRow - input.startRow)
    .offset(input.startRow)
    .all();
  const total = db.select({ n: count() }).from(ledgerEntries).where(where).get()?.n ?? 0;
  return {
    customerId: customer.id,
    customerNo: customer.customerNo,
    customerName: customer.name,
    balanceFen: balanceOf(db, customer.id),
    rows: rows.map((row) => ({ ...(row as LedgerEntry), runningBalanceFen: Number(row.runningBalanceFen) })),
    total,
  };
}

// —— collection cycle ——

/**
 * Collection cycle (回款周期, C-GRADE's "average days to collect") per customer: over receipts and
 * deposits allocated to orders and not reversed, the days from the order's last delivery on or before
 * the payment day to the payment, averaged weighted by the amount allocated (one decimal). Money paid
 * before anything was delivered (a prepayment) has no cycle and is left out. Null: nothing to measure.
 */
export function collectionDays(db: Conn, customerIds: readonly number[]): Map<number, number | null> {
  const result = new Map<number, number | null>(customerIds.map((id) => [id, null]));
  if (!customerIds.length) return result;
  const delivered = sql<string | null>`(
    SELECT max(s.delivered_at) FROM shipments s
    WHERE s.order_id = "receipt_allocations"."order_id" AND s.delivered_at IS NOT NULL AND s.delivered_at <= "ledger_entries"."entry_date")`;
  const rows = db
    .select({ customerId: ledgerEntries.customerId, paidOn: ledgerEntries.entryDate, amountFen: receiptAllocations.amountFen, deliveredOn: delivered })
    .from(receiptAllocations)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, receiptAllocations.receiptEntryId))
    .leftJoin(reversal, eq(reversal.reversesId, ledgerEntries.id))
    .where(and(inArray(ledgerEntries.customerId, [...customerIds]), isNull(reversal.id)))
    .all();
  const sums = new Map<number, { weighted: number; amount: number }>();
  for (const row of rows) {
    if (!row.deliveredOn) continue;
    const sum = sums.get(row.customerId) ?? { weighted: 0, amount: 0 };
    sum.weighted += daysBetween(row.deliveredOn, row.paidOn) * row.amountFen;
    sum.amount += row.amountFen;
    sums.set(row.customerId, sum);
  }
  for (const [id, sum] of sums) if (sum.amount > 0) result.set(id, Math.round((sum.weighted / sum.amount) * 10) / 10);
  return result;
}

// —— balances (a grid of customers with ledger entries) ——

const owner = alias(users, 'owner');
const balanceSql = sql<number>`(SELECT coalesce(sum(e.amount_fen), 0) FROM ledger_entries e WHERE e.customer_id = "customers"."id")`;
const lastEntrySql = sql<string | null>`(SELECT max(e.entry_date) FROM ledger_entries e WHERE e.customer_id = "customers"."id")`;
const hasEntries = sql`EXISTS (SELECT 1 FROM ledger_entries e WHERE e.customer_id = "customers"."id")`;

const BALANCE_COLUMNS: ColumnMap = {
  customerId: customers.id,
  customerNo: customers.customerNo,
  customerName: customers.name,
  ownerId: customers.ownerId,
  ownerName: owner.displayName,
  balanceFen: balanceSql,
  lastEntryDate: lastEntrySql,
};

/** Balances per customer (only customers with entries), SQL-paged, sorted and filtered like every grid. */
export function listBalances(db: Db, actor: Actor, query: GridQuery): { rows: BalanceRow[]; total: number } {
  const where = and(
    hasEntries,
    customerScope(db, actor),
    filterSql(BALANCE_COLUMNS, query.filter),
    quickSearchSql([customers.customerNo, customers.name, customers.shortName, owner.displayName], query.quickSearch),
  );
  const rows = db
    .select({
      customerId: customers.id,
      customerNo: customers.customerNo,
      customerName: customers.name,
      ownerId: customers.ownerId,
      ownerName: owner.displayName,
      balanceFen: balanceSql,
      lastEntryDate: lastEntrySql,
    })
    .from(customers)
    .innerJoin(owner, eq(owner.id, customers.ownerId))
    .where(where)
    .orderBy(...orderSql(BALANCE_COLUMNS, query.sort.length ? query.sort : [{ colId: 'customerNo', sort: 'asc' }], customers.id))
    .limit(query.endRow - query.startRow)
    .offset(query.startRow)
    .all();
  const total = db.select({ n: count() }).from(customers).innerJoin(owner, eq(owner.id, customers.ownerId)).where(where).get()?.n ?? 0;
  const cycles = collectionDays(
    db,
    rows.map((r) => r.customerId),
  );
  return {
    rows: rows.map((r) => ({ ...r, balanceFen: Number(r.balanceFen), collectionDays: cycles.get(r.customerId) ?? null })),
    total,
  };
}

// —— posting ——

interface NewEntry {
  customerId: number;
  entryDate: string;
  kind: LedgerKind;
  amountFen: number;
  orderId?: number | null;
  shipmentId?: number | null;
  reversesId?: number | null;
  repId: number | null;
  reference?: string;
  note?: string;
}

/** The SQLite error behind a driver error (drizzle may wrap it). */
function sqliteCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return undefined;
}

/** Appends one entry, with its audit row; the caller has checked the date (not future, month open). */
export function appendEntry(tx: Tx, actor: Actor, entry: NewEntry, action: string, at: Date): EntryRow {
  let row: EntryRow;
  try {
    row = tx
      .insert(ledgerEntries)
      .values({ ...entry, createdBy: actor.id, createdAt: at.toISOString() })
      .returning()
      .get();
  } catch (error) {
    if (entry.reversesId && sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') {
      const existing = tx.select({ id: ledgerEntries.id, entryDate: ledgerEntries.entryDate }).from(ledgerEntries).where(eq(ledgerEntries.reversesId, entry.reversesId)).get();
      throw new AppError(
        'CONFLICT',
        `分录 #${entry.reversesId} 已被冲销${existing ? `（冲销分录 #${existing.id}，${existing.entryDate}）` : ''}，不能再次冲销`,
        `Entry #${entry.reversesId} is already reversed${existing ? ` (by #${existing.id} on ${existing.entryDate})` : ''}; it cannot be reversed twice`,
      );
    }
    throw error;
  }
  recordAudit(tx, { userId: actor.id, action, entity: 'ledger_entries', entityId: row.id, before: null, after: row, at });
  return row;
}

function postingOf(db: Conn, entryId: number): Posting {
  const entry = entryById(db, entryId);
  const allocations = db
    .select({ orderId: receiptAllocations.orderId, orderNo: orders.orderNo, amountFen: receiptAllocations.amountFen })
    .from(receiptAllocations)
    .innerJoin(orders, eq(orders.id, receiptAllocations.orderId))
    .where(eq(receiptAllocations.receiptEntryId, entryId))
    .orderBy(asc(receiptAllocations.id))
    .all();
  return { entry, allocations, balanceFen: balanceOf(db, entry.customerId) };
}

/** What the customer has paid against an order so far: allocations of receipts and deposits not reversed. */
export function allocatedTo(db: Conn, orderId: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${receiptAllocations.amountFen}), 0)` })
    .from(receiptAllocations)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, receiptAllocations.receiptEntryId))
    .leftJoin(reversal, eq(reversal.reversesId, ledgerEntries.id))
    .where(and(eq(receiptAllocations.orderId, orderId), isNull(reversal.id)))
    .get();
  return Number(row?.total ?? 0);
}

/** An order's amount (the sum of its lines) less what is allocated to it. */
export function unpaidOf(db: Conn, orderId: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${orderLines.amountFen}), 0)` })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .get();
  return Number(row?.total ?? 0) - allocatedTo(db, orderId);
}

function checkAllocations(tx: Tx, customerId: number, amountFen: number, allocations: PaymentInput['allocations']): void {
  const seen = new Set<number>();
  let sum = 0;
  allocations.forEach((allocation, i) => {
    const at = `allocations.${i}`;
    if (seen.has(allocation.orderId)) throw fieldError(`${at}.orderId`, '同一订单只能分配一次', 'an order may appear only once');
    seen.add(allocation.orderId);
    const order = tx
      .select({ id: orders.id, orderNo: orders.orderNo, customerId: orders.customerId, status: orders.status })
      .from(orders)
      .where(eq(orders.id, allocation.orderId))
      .get();
    if (!order || order.customerId !== customerId) {
      throw fieldError(`${at}.orderId`, `订单 #${allocation.orderId} 不是该客户的订单`, `order #${allocation.orderId} is not this customer's`);
    }
    if (order.status === 'draft' || order.status === 'cancelled') {
      throw fieldError(`${at}.orderId`, `订单 ${order.orderNo} 是草稿或已取消，不能收款`, `order ${order.orderNo} is a draft or cancelled`);
    }
    const unpaid = unpaidOf(tx, order.id);
    if (allocation.amountFen > unpaid) {
      throw fieldError(
        `${at}.amountFen`,
        `超过订单 ${order.orderNo} 的未付金额 ${formatYuan(Math.max(0, unpaid))}`,
        `exceeds the unpaid amount of order ${order.orderNo}, ${formatYuan(Math.max(0, unpaid))}`,
      );
    }
    sum += allocation.amountFen;
  });
  if (sum > amountFen) {
    throw fieldError('allocations', `分配合计 ${formatYuan(sum)} 超过收款金额 ${formatYuan(amountFen)}`, `allocated ${formatYuan(sum)}, more than the amount received ${formatYuan(amountFen)}`);
  }
}

/**
 * A deposit (订金/预付款) or a receipt (回款). A receipt larger than the open balance is refused unless
 * it is marked a prepayment; a deposit is money paid ahead by definition, so it needs no mark.
 * The entry is credited to the customer's owner rep of the day (C-HANDOVER keeps him responsible).
 */
export function postPayment(db: Db, actor: Actor, kind: 'deposit' | 'receipt', input: PaymentInput, at: Date): Posting {
  return db.transaction((tx) => {
    const customer = getCustomer(tx, actor, input.customerId);
    assertNotFuture(input.date, at, 'date');
    assertMonthOpen(tx, input.date, 'date');
    if (kind === 'receipt' && !input.prepayment) {
      const balance = balanceOf(tx, customer.id);
      if (input.amountFen > balance) {
        throw fieldError(
          'amountFen',
          `${formatYuan(input.amountFen)} 超过客户未结余额 ${formatYuan(Math.max(0, balance))}；如确为预收款，请勾选“预收款”`,
          `${formatYuan(input.amountFen)} exceeds the open balance ${formatYuan(Math.max(0, balance))}; mark it as a prepayment if it is one`,
        );
      }
    }
    checkAllocations(tx, customer.id, input.amountFen, input.allocations);
    const entry = appendEntry(
      tx,
      actor,
      {
        customerId: customer.id,
        entryDate: input.date,
        kind,
        amountFen: -input.amountFen,
        repId: customer.ownerId,
        reference: input.reference,
        note: input.prepayment && kind === 'receipt' ? (input.note ? `预收款；${input.note}` : '预收款') : input.note,
      },
      kind === 'deposit' ? 'ledger.postDeposit' : 'ledger.postReceipt',
      at,
    );
    for (const allocation of input.allocations) {
      tx.insert(receiptAllocations).values({ receiptEntryId: entry.id, orderId: allocation.orderId, amountFen: allocation.amountFen }).run();
    }
    if (input.allocations.length) {
      recordAudit(tx, { userId: actor.id, action: 'ledger.allocate', entity: 'receipt_allocations', entityId: entry.id, after: input.allocations, at });
    }
    return postingOf(tx, entry.id);
  });
}

/**
 * A reversing entry (冲销) for a mistaken one: the opposite amount, linked by reverses_id. An entry is
 * reversed at most once (the unique index says so even under a race); a reversal is never reversed —
 * post the right entry again instead. Allocations of a reversed receipt stop counting.
 */
export function reverseEntry(db: Db, actor: Actor, input: { entryId: number; reason: string; date?: string | undefined }, at: Date): Posting {
  return db.transaction((tx) => {
    const original = tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, input.entryId)).get();
    if (!original) throw new AppError('NOT_FOUND', `分录 #${input.entryId} 不存在`, `Ledger entry #${input.entryId} not found`);
    getCustomer(tx, actor, original.customerId);
    if (original.kind === 'reversal') {
      throw new AppError(
        'CONFLICT',
        `分录 #${original.id} 本身是冲销分录，不能再冲销；如冲销有误，请重新登记正确的分录`,
        `Entry #${original.id} is itself a reversal and cannot be reversed; post the correct entry again instead`,
        [{ field: 'entryId', message: `分录：#${original.id} 是冲销分录`, messageEn: `Entry: #${original.id} is a reversal` }],
      );
    }
    const date = input.date ?? localDate(at);
    const field = input.date ? 'date' : 'entryId';
    assertNotFuture(date, at, field);
    if (date < original.entryDate) {
      throw fieldError(field, `冲销日期 ${date} 不能早于原分录日期 ${original.entryDate}`, `the reversal date ${date} cannot be before the entry's date ${original.entryDate}`);
    }
    assertMonthOpen(tx, date, field);
    const entry = appendEntry(
      tx,
      actor,
      {
        customerId: original.customerId,
        entryDate: date,
        kind: 'reversal',
        amountFen: -original.amountFen,
        orderId: original.orderId,
        shipmentId: original.shipmentId,
        reversesId: original.id,
        repId: original.repId,
        reference: original.reference,
        note: `冲销 #${original.id}（${LEDGER_KIND_LABELS[original.kind].zh}）：${input.reason}`,
      },
      'ledger.reverse',
      at,
    );
    return postingOf(tx, entry.id);
  });
}

// —— bad debt (S-BADDEBT): the superior approves, then finance posts ——
//
// The write-off is a policy request of kind `bad_debt` (approvals: the applicant's direct superior,
// then finance). Finance's approval is the posting: when the request is finally approved, the hook
// below appends the write-off inside the approval's own transaction, so an approval that cannot be
// posted (the customer has paid meanwhile, the customer no. is gone) is refused as a whole, and an
// approved request always has its entry.

/** The reference that ties a write-off to its request (and keeps it from being posted twice). */
export const badDebtReference = (requestId: number) => `坏账申请#${requestId}`;

/**
 * Files a bad-debt write-off as a policy request of kind `bad_debt`. Nothing reaches the ledger until
 * the request is finally approved.
 */
export function requestBadDebt(db: Db, actor: Actor, input: { customerId: number; amountFen: number; note: string }, at: Date): PolicyRequest {
  const customer = getCustomer(db, actor, input.customerId);
  const balance = balanceOf(db, customer.id);
  if (input.amountFen > balance) {
    throw fieldError('amountFen', `核销金额不能超过客户未结余额 ${formatYuan(Math.max(0, balance))}`, `cannot exceed the open balance ${formatYuan(Math.max(0, balance))}`);
  }
  return submit(db, actor, { request: { kind: 'bad_debt', amount: input.amountFen, customerNo: customer.customerNo }, note: input.note }, at);
}

function cannotPost(requestId: number, zh: string, en: string): AppError {
  return new AppError('CONFLICT', `坏账核销申请 #${requestId} 不能批准入账：${zh}；请驳回，由申请人重新申请`, `Bad-debt request #${requestId} cannot be approved and posted: ${en}; reject it and have it filed again`);
}

/** Appends the write-off of an approved `bad_debt` request, dated the day of approval, by the approver. */
export function postApprovedBadDebt(tx: Tx, actor: Actor, requestId: number, at: Date): EntryRow {
  const request = tx.select().from(policyRequests).where(eq(policyRequests.id, requestId)).get();
  if (!request || request.kind !== 'bad_debt' || request.status !== 'approved') {
    throw new AppError('CONFLICT', `坏账核销申请 #${requestId} 未批准，不能入账`, `Bad-debt request #${requestId} is not approved; nothing to post`);
  }
  const posted = tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.kind, 'bad_debt'), eq(ledgerEntries.reference, badDebtReference(requestId))))
    .get();
  if (posted) throw new AppError('CONFLICT', `坏账核销申请 #${requestId} 已入账（分录 #${posted.id}）`, `Bad-debt request #${requestId} is already posted (entry #${posted.id})`);
  const fields = JSON.parse(request.fields) as { amount?: unknown; customerNo?: unknown };
  if (typeof fields.customerNo !== 'string' || !fields.customerNo) throw cannotPost(requestId, '申请未注明客户编号', 'the request names no customer');
  const customer = tx
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(sql`${customers.customerNo} = ${fields.customerNo} COLLATE NOCASE`)
    .get();
  if (!customer) throw cannotPost(requestId, `客户编号 ${fields.customerNo} 不存在`, `customer no. ${fields.customerNo} does not exist`);
  const amount = Number(fields.amount);
  const balance = balanceOf(tx, customer.id);
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > balance) {
    throw cannotPost(
      requestId,
      `核销金额 ${formatYuan(amount)} 超过客户当前未结余额 ${formatYuan(Math.max(0, balance))}`,
      `the write-off ${formatYuan(amount)} exceeds the current open balance ${formatYuan(Math.max(0, balance))}`,
    );
  }
  const today = localDate(at);
  if (isMonthLocked(tx, today.slice(0, 7))) throw cannotPost(requestId, `${today.slice(0, 7)} 已核对锁定（O-RECON）`, `${today.slice(0, 7)} is locked (O-RECON)`);
  return appendEntry(
    tx,
    actor,
    {
      customerId: customer.id,
      entryDate: today,
      kind: 'bad_debt',
      amountFen: -amount,
      repId: customer.ownerId,
      reference: badDebtReference(requestId),
      note: request.note,
    },
    'ledger.postBadDebt',
    at,
  );
}

onRequestDecided('bad_debt', (tx, event) => {
  if (event.outcome === 'approved') postApprovedBadDebt(tx, event.actor, event.requestId, event.at);
});

/** A month's (YYYY-MM) bounds: its first day and the first day of the next month. */
export function monthBounds(month: string): { start: string; next: string } {
  return { start: `${month}-01`, next: `${nextMonth(month)}-01` };
}
