// Ledger invariants (O-LEDGER, O-STATEMENT) as properties: whatever sequence of sales, receipts,
// deposits, write-offs and reversals lands on customers across months, each customer's balance is the
// sum of its entries, and the monthly statements chain: previousBalance(M + 1) = balance(M) and
// balance = previous + sales − receipts, with sales and receipts as the statement classes them.
// The services run on a real database (the SQL is what is under test); sales and write-offs are
// inserted directly (they need orders and approvals, which are not the point here).
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/core/api/context';
import { customers } from '../../electron/core/customers/schema';
import { balanceOf, listBalances, postPayment, reverseEntry } from '../../electron/core/ledger/ledger';
import { ledgerEntries } from '../../electron/core/ledger/schema';
import { shipmentAmount } from '../../electron/core/ledger/shipping';
import { statementsFor } from '../../electron/core/ledger/statements';
import { addDays } from '../../shared/dates';
import { gridQuerySchema } from '../../shared/grid';
import { PASSWORD, testCore, type TestCore } from '../support/core';

let t: TestCore;
let actor: Actor;
let repId: number;
beforeAll(async () => {
  t = await testCore();
  const me = (await t.admin.call('auth.me', {}))!;
  actor = { id: me.id, username: me.username, displayName: me.displayName, role: me.role, managerId: null };
  repId = (await t.admin.call('users.create', { username: 'rep', displayName: '张伟', role: 'rep', password: PASSWORD })).id;
});
afterAll(() => t?.cleanup());

const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'] as const;
const NOW = new Date('2026-12-31T04:00:00.000Z');

type Op =
  | { type: 'sale' | 'writeOff'; customer: number; date: string; amount: number }
  | { type: 'receipt' | 'deposit'; customer: number; date: string; amount: number }
  | { type: 'reverse'; target: number; days: number };

const date = fc.record({ month: fc.constantFrom(...MONTHS), day: fc.integer({ min: 1, max: 28 }) }).map(({ month, day }) => `${month}-${String(day).padStart(2, '0')}`);
const amount = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 5_000_000_000 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('sale' as const), customer: fc.integer({ min: 0, max: 2 }), date, amount }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('receipt' as const, 'deposit' as const), customer: fc.integer({ min: 0, max: 2 }), date, amount }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('writeOff' as const), customer: fc.integer({ min: 0, max: 2 }), date, amount }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('reverse' as const), target: fc.nat(), days: fc.integer({ min: 0, max: 70 }) }) },
);

/** What the model knows of one entry: its customer, date, amount and statement column. */
interface ModelEntry {
  id: number;
  customerId: number;
  date: string;
  amount: number;
  column: 'sales' | 'receipts';
  reversal: boolean;
  reversed: boolean;
}

let seq = 0;
function newCustomer(): number {
  seq += 1;
  const stamp = NOW.toISOString();
  return t.core.database.db
    .insert(customers)
    .values({ customerNo: `P${seq}`, name: `客户${seq}`, ownerId: repId, createdBy: actor.id, createdAt: stamp, updatedAt: stamp })
    .returning()
    .get().id;
}

function run(ops: Op[]): { ids: number[]; model: ModelEntry[] } {
  const db = t.core.database.db;
  const ids = [newCustomer(), newCustomer(), newCustomer()];
  const model: ModelEntry[] = [];
  for (const o of ops) {
    if (o.type === 'sale' || o.type === 'writeOff') {
      const customerId = ids[o.customer]!;
      const signed = o.type === 'sale' ? o.amount : -o.amount;
      const row = db
        .insert(ledgerEntries)
        .values({ customerId, entryDate: o.date, kind: o.type === 'sale' ? 'sale' : 'bad_debt', amountFen: signed, repId, createdBy: actor.id, createdAt: NOW.toISOString() })
        .returning()
        .get();
      model.push({ id: row.id, customerId, date: o.date, amount: signed, column: o.type === 'sale' ? 'sales' : 'receipts', reversal: false, reversed: false });
    } else if (o.type === 'receipt' || o.type === 'deposit') {
      const customerId = ids[o.customer]!;
      const posted = postPayment(db, actor, o.type, { customerId, date: o.date, amountFen: o.amount, reference: '', note: '', allocations: [], prepayment: true }, NOW);
      model.push({ id: posted.entry.id, customerId, date: o.date, amount: -o.amount, column: 'receipts', reversal: false, reversed: false });
    } else if (o.type === 'reverse') {
      if (!model.length) continue;
      const target = model[o.target % model.length]!;
      const day = addDays(target.date, o.days);
      const attempt = () => reverseEntry(db, actor, { entryId: target.id, reason: '更正', date: day }, NOW);
      if (target.reversal || target.reversed) {
        let code: unknown;
        try {
          attempt();
        } catch (error) {
          code = (error as { code?: unknown }).code;
        }
        expect(code, `reversing #${target.id} again`).toBe('CONFLICT');
        continue;
      }
      const posted = attempt();
      target.reversed = true;
      model.push({ id: posted.entry.id, customerId: target.customerId, date: day, amount: -target.amount, column: target.column, reversal: true, reversed: false });
    }
  }
  return { ids, model };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('ledger invariants', () => {
  it('balance = sum of entries; statements chain month to month; balance = previous + sales − receipts', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const { ids, model } = run(ops);
        const db = t.core.database.db;
        for (const customerId of ids) {
          const mine = model.filter((e) => e.customerId === customerId);
          const stored = db.select({ amountFen: ledgerEntries.amountFen }).from(ledgerEntries).where(eq(ledgerEntries.customerId, customerId)).all();
          expect(balanceOf(db, customerId)).toBe(sum(stored.map((e) => e.amountFen)));
          expect(balanceOf(db, customerId)).toBe(sum(mine.map((e) => e.amount)));

          // the months the entries fall in — a reversal can land up to 70 days after 2026-03-28, in
          // June — plus the month before the first and after the last
          const months = ['2025-10', ...MONTHS, '2026-04', '2026-05', '2026-06', '2026-07'];
          let carried = 0;
          for (const month of months) {
            const statement = statementsFor(db, month, { customerId })[0]!;
            const inMonth = mine.filter((e) => e.date.startsWith(month));
            expect(statement.previousBalanceFen, month).toBe(carried);
            expect(statement.salesFen, month).toBe(sum(inMonth.filter((e) => e.column === 'sales').map((e) => e.amount)));
            expect(statement.receiptsFen, month).toBe(0 - sum(inMonth.filter((e) => e.column === 'receipts').map((e) => e.amount)));
            expect(statement.balanceFen, month).toBe(statement.previousBalanceFen + statement.salesFen - statement.receiptsFen);
            expect(statement.lines.map((l) => l.entryId).sort((a, b) => a - b)).toEqual(inMonth.map((e) => e.id).sort((a, b) => a - b));
            expect(statement.lines.at(-1)?.balanceFen ?? statement.previousBalanceFen, month).toBe(statement.balanceFen);
            carried = statement.balanceFen;
          }
          expect(carried).toBe(balanceOf(db, customerId));
        }
        // the balances grid agrees with the sum, customer by customer
        const query = gridQuerySchema.parse({ endRow: 1000, filter: { customerId: { filterType: 'set', values: ids.map(String) } } });
        const rows = listBalances(db, actor, query).rows;
        for (const row of rows) expect(row.balanceFen).toBe(balanceOf(db, row.customerId));
      }),
      { numRuns: 60 },
    );
  });

  it('a line shipped in any number of parts adds up to its amount exactly, each part its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        (lineAmount, parts) => {
          const ordered = sum(parts);
          let shipped = 0;
          const amounts = parts.map((part) => {
            const amount = shipmentAmount(lineAmount, ordered, shipped, part);
            shipped += part;
            return amount;
          });
          expect(sum(amounts)).toBe(lineAmount);
          for (const [i, part] of parts.entries()) {
            expect(amounts[i]).toBeGreaterThanOrEqual(0);
            // within a fen of the exact share: |amount × ordered − lineAmount × part| ≤ ordered
            const gap = BigInt(amounts[i]!) * BigInt(ordered) - BigInt(lineAmount) * BigInt(part);
            expect((gap < 0n ? -gap : gap) <= BigInt(ordered)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
