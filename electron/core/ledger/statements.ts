// O-STATEMENT 应收账款明细: per customer per month — previous balance (前月余额), this month's sales
// (本月销售额), this month's receipts (本月回款) and the receivable balance (应收账款), with the lines.
//
// How entries are classed (the statement has two movement columns, and balance = previous + sales −
// receipts must hold to the fen):
//   sale                          → sales, as posted (+)
//   deposit, receipt, bad_debt    → receipts, sign flipped (a receipt of −¥100 shows as ¥100 received);
//                                   a write-off is a credit that clears the receivable like money
//                                   received, so it is in the receipts column, and its line says 坏账核销
//   reversal                      → the column of the entry it reverses, with its own sign: reversing a
//                                   sale lowers this month's sales (it may go negative — 红字冲销 — when
//                                   the sale was in an earlier month); reversing a receipt lowers receipts
// So sales = Σ amounts in the sales column, receipts = −Σ amounts in the receipts column, and the
// balance is the previous balance plus every amount of the month: the sum of all entries to date.
// Continuity follows: previousBalance(M) = Σ entries dated before M = balance(M − 1).
//
// A month lists the customers with a previous balance or entries in it; a customer asked for by id is
// listed even when it has neither (all zero).
import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { localDate } from '../../../shared/dates';
import { LEDGER_KIND_LABELS, type LedgerKind, type Statement } from '../../../shared/ledger';
import type { Actor } from '../api/context';
import { customerScope } from '../customers/access';
import { customers } from '../customers/schema';
import { getCustomer } from '../customers/service';
import type { Db, Tx } from '../db/connection';
import { orders } from '../orders/schema';
import { paramsInForce } from '../policy/params';
import { statementDay } from '../policy/rules/ledger';
import { workCalendar } from '../policy/calendar';
import { isMonthLocked, monthBounds } from './ledger';
import { ledgerEntries } from './schema';

type Conn = Db | Tx;

/** The statement column of an entry (see the header). */
export function statementColumn(kind: LedgerKind, reversedKind: LedgerKind | null, amountFen: number): 'sales' | 'receipts' {
  const basis = kind === 'reversal' ? reversedKind : kind;
  if (basis === 'sale') return 'sales';
  if (basis === null || basis === 'reversal') return amountFen > 0 ? 'sales' : 'receipts';
  return 'receipts';
}

export interface StatementOptions {
  /** One customer only (listed even with nothing to show). */
  customerId?: number | undefined;
  /** Restricts the customers (SQL on the customers table), e.g. a rep's own. */
  scope?: SQL | undefined;
}

/** The statements of `month` (YYYY-MM), one per customer, ordered by customer number. */
export function statementsFor(db: Conn, month: string, options: StatementOptions = {}): Statement[] {
  const { start, next } = monthBounds(month);
  const customerFilter = and(options.customerId !== undefined ? eq(customers.id, options.customerId) : undefined, options.scope);

  const previous = new Map(
    db
      .select({ customerId: ledgerEntries.customerId, total: sql<number>`sum(${ledgerEntries.amountFen})` })
      .from(ledgerEntries)
      .innerJoin(customers, eq(customers.id, ledgerEntries.customerId))
      .where(and(lt(ledgerEntries.entryDate, start), customerFilter))
      .groupBy(ledgerEntries.customerId)
      .all()
      .map((r) => [r.customerId, Number(r.total)] as const),
  );

  const reversed = alias(ledgerEntries, 'reversed');
  const entries = db
    .select({
      id: ledgerEntries.id,
      customerId: ledgerEntries.customerId,
      entryDate: ledgerEntries.entryDate,
      kind: ledgerEntries.kind,
      amountFen: ledgerEntries.amountFen,
      reference: ledgerEntries.reference,
      note: ledgerEntries.note,
      orderNo: orders.orderNo,
      reversedKind: reversed.kind,
    })
    .from(ledgerEntries)
    .innerJoin(customers, eq(customers.id, ledgerEntries.customerId))
    .leftJoin(orders, eq(orders.id, ledgerEntries.orderId))
    .leftJoin(reversed, eq(reversed.id, ledgerEntries.reversesId))
    .where(and(gte(ledgerEntries.entryDate, start), lt(ledgerEntries.entryDate, next), customerFilter))
    .orderBy(asc(ledgerEntries.customerId), asc(ledgerEntries.entryDate), asc(ledgerEntries.id))
    .all();

  const byCustomer = new Map<number, typeof entries>();
  for (const entry of entries) {
    const list = byCustomer.get(entry.customerId) ?? [];
    list.push(entry);
    byCustomer.set(entry.customerId, list);
  }
  const ids = new Set<number>([...byCustomer.keys(), ...[...previous].filter(([, total]) => total !== 0).map(([id]) => id)]);
  if (options.customerId !== undefined) ids.add(options.customerId);
  if (!ids.size) return [];

  // Customers of the statements (one pass over the customer table, restricted like the entries).
  const people = db
    .select({ id: customers.id, customerNo: customers.customerNo, name: customers.name, address: customers.address, contactPerson: customers.contactPerson })
    .from(customers)
    .where(customerFilter)
    .orderBy(asc(customers.customerNo), asc(customers.id))
    .all()
    .filter((c) => ids.has(c.id));

  return people.map((customer) => {
    const previousBalanceFen = previous.get(customer.id) ?? 0;
    let balanceFen = previousBalanceFen;
    let salesFen = 0;
    let receiptsFen = 0;
    const lines = (byCustomer.get(customer.id) ?? []).map((entry) => {
      const column = statementColumn(entry.kind, entry.reversedKind, entry.amountFen);
      if (column === 'sales') salesFen += entry.amountFen;
      else receiptsFen -= entry.amountFen;
      balanceFen += entry.amountFen;
      return {
        entryId: entry.id,
        date: entry.entryDate,
        kind: entry.kind,
        kindLabel: LEDGER_KIND_LABELS[entry.kind].zh,
        column,
        reference: entry.reference,
        note: entry.note,
        orderNo: entry.orderNo,
        amountFen: entry.amountFen,
        balanceFen,
      };
    });
    return {
      customerId: customer.id,
      customerNo: customer.customerNo,
      customerName: customer.name,
      address: customer.address,
      contactPerson: customer.contactPerson,
      previousBalanceFen,
      salesFen,
      receiptsFen,
      balanceFen,
      lines,
    };
  });
}

/** O-STATEMENT's issue date of a month (day N of the next month, N in force on `today`). */
export function statementIssue(db: Conn, month: string, today: string): { issueDate: string; provisional: boolean } {
  const params = paramsInForce(db, 'O-STATEMENT', today);
  const outcome = statementDay.evaluate({ month, asOf: today }, { today, calendar: workCalendar() }, params);
  return { issueDate: String(outcome.computed?.issueDate), provisional: outcome.computed?.provisional === true };
}

/** The `statements.month` channel: the actor's customers only (a rep his own). */
export function statementMonth(db: Db, actor: Actor, month: string, customerId: number | undefined, at: Date) {
  if (customerId !== undefined) getCustomer(db, actor, customerId); // NOT_FOUND when not his to see
  const today = localDate(at);
  return {
    month,
    ...statementIssue(db, month, today),
    locked: isMonthLocked(db, month),
    statements: statementsFor(db, month, { customerId, scope: customerScope(db, actor) }),
  };
}
