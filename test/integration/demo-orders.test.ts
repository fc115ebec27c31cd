// The demo's products and order history (salesdesk demo --orders N): deterministic per seed, every
// O-STATUS present, the invariants the services keep (totals, shipped ≤ ordered, the ledger, every
// transition, the approvals), valid per the contract when read back through the dispatcher, and
// statements that chain month to month. The generator runs with `verify`: every confirmation's
// shortcut is checked against the policy engine itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousMonth } from '../../shared/dates';
import { ORDER_STATUSES } from '../../shared/orders';
import { generateDemo } from '../../electron/cli/demo/generate';
import { nowOf } from '../../electron/cli/demo/orders';
import { statementsFor } from '../../electron/core/ledger/statements';
import { activityFigures } from '../../electron/core/activity/figures';
import { judgeLog } from '../../electron/core/activity/judge';
import { halfOn } from '../../electron/core/leave/service';
import { companyCalendar } from '../../electron/core/policy/context';
import { paramsInForce } from '../../electron/core/policy/params';
import { testCore, type TestCore } from '../support/core';

const AS_OF = '2026-11-23';
const ORDERS = 360;
/** The application's clock: the demo's today, late afternoon. */
const now = () => new Date(nowOf(AS_OF) - 3_600_000);

async function demo(seed: number, orders = ORDERS): Promise<TestCore> {
  const t = await testCore({ setup: false, now });
  await generateDemo(t.core, { customers: 600, orders, seed, asOf: AS_OF, verify: true });
  return t;
}

let t: TestCore;
const all = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => t.core.database.sqlite.prepare(sql).all(...params) as T[];
const one = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => t.core.database.sqlite.prepare(sql).get(...params) as T;
const userId = (username: string) => one<{ id: number }>('SELECT id FROM users WHERE username = ?', username).id;
const as = (username: string) => t.callerFor(userId(username));

beforeAll(async () => {
  t = await demo(11);
});
afterAll(() => t?.cleanup());

const HISTORY_TABLES = [
  'products',
  'product_prices',
  'orders',
  'order_lines',
  'order_transitions',
  'order_surveys',
  'policy_requests',
  'policy_request_steps',
  'shipments',
  'shipment_lines',
  'ledger_entries',
  'receipt_allocations',
  'expenses',
  'expense_claims',
  'expense_claim_items',
  'expense_invoices',
  'complaints',
  'complaint_actions',
  'leaves',
  'attendance_records',
  'sign_cards',
  'work_logs',
  'visits',
  'weekly_reports',
];

describe('demo orders: determinism', () => {
  // A second whole demo (a year of orders, expenses, complaints, leave and the clock): minutes on a busy 2-core machine.
  it('gives identical products, orders, approvals, shipments, ledger, expenses and HR records for the same seed', { timeout: 180_000 }, async () => {
    const again = await demo(11);
    try {
      for (const table of HISTORY_TABLES) {
        const rows = (x: TestCore) => x.core.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
        expect(rows(again), table).toEqual(rows(t));
      }
    } finally {
      again.cleanup();
    }
  });

  it('gives another history for another seed', async () => {
    const other = await demo(12, 60);
    try {
      const totals = (x: TestCore) => x.core.database.sqlite.prepare('SELECT total_fen FROM orders ORDER BY id LIMIT 50').all();
      expect(totals(other)).not.toEqual(totals(t));
      expect(other.count('orders')).toBe(60);
    } finally {
      other.cleanup();
    }
  });
});

describe('demo orders: what is there', () => {
  it('has the catalogue with units 吨/桶/箱/件, product lines and price changes', () => {
    const units = all<{ unit: string }>('SELECT DISTINCT unit FROM products').map((r) => r.unit);
    expect(new Set(units)).toEqual(new Set(['吨', '桶', '箱', '件']));
    expect(one<{ n: number }>('SELECT COUNT(DISTINCT product_line) AS n FROM products').n).toBeGreaterThanOrEqual(6);
    const changed = one<{ n: number }>('SELECT COUNT(*) AS n FROM (SELECT product_id FROM product_prices GROUP BY product_id HAVING COUNT(*) > 1)').n;
    expect(changed).toBeGreaterThan(3);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM product_prices WHERE effective_from > ?", AS_OF).n).toBeGreaterThan(0); // scheduled
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM products WHERE active = 0').n).toBe(1);
    // Products went through their service: one audit row each, and one per price change.
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'products.create'").n).toBe(t.count('products'));
  });

  it('has every O-STATUS, a partial shipment, orders held for approval and a rejected one', () => {
    const statuses = all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM orders GROUP BY status');
    expect(statuses.map((s) => s.status).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(t.count('orders')).toBe(ORDERS);
    // Partly shipped: inspected, with shipments (O-STATUS has no "partly shipped").
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM orders o WHERE status = 'inspected' AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)").n).toBeGreaterThan(0);
    // Shipped fully in more than one shipment.
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM orders o WHERE status IN ('shipped','delivered','closed') AND (SELECT COUNT(*) FROM shipments s WHERE s.order_id = o.id) > 1").n).toBeGreaterThan(0);
    const held = all<{ id: number; request: string; step: string }>(
      `SELECT o.id, r.status AS request, (SELECT group_concat(status) FROM policy_request_steps WHERE request_id = r.id) AS step
       FROM orders o JOIN policy_requests r ON r.id = o.policy_request_id WHERE o.approval_state = 'pending'`,
    );
    expect(held.length).toBeGreaterThanOrEqual(2);
    for (const h of held) {
      expect(h.request).toBe('pending');
      expect(h.step).toMatch(/pending/);
    }
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE approval_state = 'approved' AND status <> 'draft'").n).toBeGreaterThan(10);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM policy_requests WHERE kind = 'order_confirmation' AND status = 'rejected'").n).toBeGreaterThan(0);
    // Inspection results on every order past inspection; carriers and slip numbers on shipments.
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE inspected_at IS NOT NULL AND inspection_results = ''").n).toBe(0);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE status IN ('inspected','shipped','delivered','closed') AND inspected_at IS NULL").n).toBe(0);
    for (const s of all<{ shipment_no: string; carrier: string }>('SELECT shipment_no, carrier FROM shipments')) {
      expect(s.shipment_no).toMatch(/^CH\d{8}-\d{3}$/);
      expect(s.carrier).not.toBe('');
    }
    // Surveys, a complaint among them; customers told of a delay.
    expect(t.count('order_surveys')).toBeGreaterThan(10);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM orders WHERE customer_notified_at IS NOT NULL').n).toBeGreaterThan(0);
  });

  it('has deposits, receipts allocated to orders, a prepayment, a reversal, overdue customers and a pending bad-debt request', () => {
    const kinds = all<{ kind: string }>('SELECT DISTINCT kind FROM ledger_entries').map((r) => r.kind);
    expect(new Set(kinds)).toEqual(new Set(['sale', 'deposit', 'receipt', 'reversal']));
    expect(t.count('receipt_allocations')).toBeGreaterThan(50);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM ledger_entries WHERE kind = 'receipt' AND note LIKE '预收款%'").n).toBeGreaterThan(0);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM (SELECT customer_id FROM ledger_entries GROUP BY customer_id HAVING SUM(amount_fen) < 0)').n).toBeGreaterThan(0);
    const badDebt = one<{ status: string; fields_json: string }>("SELECT status, fields_json FROM policy_requests WHERE kind = 'bad_debt'");
    expect(badDebt.status).toBe('pending');
    expect(
      one<{ n: number }>(
        "SELECT COUNT(*) AS n FROM audit_log a JOIN policy_requests r ON r.id = CAST(a.entity_id AS INTEGER) WHERE a.action = 'requests.submit' AND r.kind = 'bad_debt'",
      ).n,
    ).toBe(1);
    // Overdue: a customer whose oldest unpaid sale is older than its credit days (+ 30).
    const overdue = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM customers c WHERE (SELECT SUM(amount_fen) FROM ledger_entries e WHERE e.customer_id = c.id) > 0
         AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.customer_id = c.id AND e.kind = 'sale' AND julianday(?) - julianday(e.entry_date) > c.credit_days + 30)`,
      AS_OF,
    ).n;
    expect(overdue).toBeGreaterThan(0);
    // One batch audit row for the bulk history.
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'demo.generate' AND entity = 'orders'").n).toBe(1);
  });
});

describe('demo orders: the invariants the services keep', () => {
  it('references only rows that exist (foreign keys) and passes the integrity check', () => {
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    expect(one<{ integrity_check: string }>('PRAGMA integrity_check').integrity_check).toBe('ok');
  });

  it('order totals are the sum of their lines; lines are priced on the order date', () => {
    expect(all('SELECT o.id FROM orders o WHERE o.total_fen <> (SELECT SUM(amount_fen) FROM order_lines l WHERE l.order_id = o.id)')).toEqual([]);
    expect(all('SELECT id FROM order_lines WHERE amount_fen <> (quantity_milli * unit_price_fen + 500) / 1000 OR quantity_milli <= 0 OR unit_price_fen <= 0')).toEqual([]);
    const wrongReference = all(
      `SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.standard_price_fen <> (SELECT p.standard_price_fen FROM product_prices p WHERE p.product_id = l.product_id AND p.effective_from <= o.order_date ORDER BY p.effective_from DESC LIMIT 1)`,
    );
    expect(wrongReference).toEqual([]);
    expect(all("SELECT id FROM orders WHERE delivery_date < order_date OR required_schedule = '' OR delivery_place = '' OR packaging = '' OR shipping_method = ''")).toEqual([]);
  });

  it('ships never more than ordered; fully shipped orders ship every line; shipment shares add up', () => {
    const lines = all<{ id: number; ordered: number; shipped: number; amount: number; shippedAmount: number; status: string }>(
      `SELECT l.id, l.quantity_milli AS ordered, COALESCE(SUM(sl.quantity_milli), 0) AS shipped, l.amount_fen AS amount,
              COALESCE(SUM(sl.amount_fen), 0) AS shippedAmount, o.status
       FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN shipment_lines sl ON sl.order_line_id = l.id GROUP BY l.id`,
    );
    for (const l of lines) {
      expect(l.shipped).toBeLessThanOrEqual(l.ordered);
      if (['shipped', 'delivered', 'closed'].includes(l.status)) {
        expect(l.shipped).toBe(l.ordered);
        expect(l.shippedAmount).toBe(l.amount);
      }
      if (!['inspected', 'shipped', 'delivered', 'closed'].includes(l.status)) expect(l.shipped).toBe(0);
    }
    // Ship date on or after the order date, delivery on or after shipping; delivered orders have every shipment delivered.
    expect(all('SELECT s.id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.ship_date < o.order_date OR s.delivered_at < s.ship_date')).toEqual([]);
    expect(all("SELECT s.id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.status IN ('delivered','closed') AND s.delivered_at IS NULL")).toEqual([]);
    expect(all("SELECT id FROM shipments WHERE delivered_at > ?", AS_OF)).toEqual([]);
  });

  it('every delivered shipment posted exactly one sale of its amount, dated the delivery, for the order’s rep', () => {
    const rows = all<{ id: number; sales: number; amount: number; posted: number; date: string; deliveredAt: string; rep: number; orderRep: number }>(
      `SELECT s.id, COUNT(e.id) AS sales, (SELECT SUM(amount_fen) FROM shipment_lines WHERE shipment_id = s.id) AS amount,
              SUM(e.amount_fen) AS posted, MAX(e.entry_date) AS date, s.delivered_at AS deliveredAt, MAX(e.rep_id) AS rep, o.rep_id AS orderRep
       FROM shipments s JOIN orders o ON o.id = s.order_id LEFT JOIN ledger_entries e ON e.shipment_id = s.id AND e.kind = 'sale'
       GROUP BY s.id`,
    );
    for (const r of rows) {
      if (r.deliveredAt === null) expect(r.sales).toBe(0);
      else expect([r.sales, r.posted, r.date, r.rep]).toEqual([1, r.amount, r.deliveredAt, r.orderRep]);
    }
  });

  it('keeps the ledger: receipts within the open balance unless a prepayment, allocations within the order, reversals once', () => {
    const entries = all<{ id: number; customer_id: number; kind: string; amount_fen: number; note: string; reverses_id: number | null; entry_date: string }>(
      'SELECT * FROM ledger_entries ORDER BY customer_id, entry_date, id',
    );
    const balance = new Map<number, number>();
    for (const e of entries) {
      const before = balance.get(e.customer_id) ?? 0;
      if (e.kind === 'receipt' && !e.note.startsWith('预收款')) expect(-e.amount_fen, `receipt #${e.id}`).toBeLessThanOrEqual(before);
      if (e.kind === 'receipt' && e.note.startsWith('预收款')) expect(-e.amount_fen).toBeGreaterThan(before);
      balance.set(e.customer_id, before + e.amount_fen);
    }
    for (const e of entries.filter((x) => x.kind === 'reversal')) {
      const original = entries.find((x) => x.id === e.reverses_id)!;
      expect(original.customer_id).toBe(e.customer_id);
      expect(e.amount_fen).toBe(-original.amount_fen);
      expect(original.kind).not.toBe('reversal');
      expect(e.entry_date >= original.entry_date).toBe(true);
    }
    expect(all('SELECT e.id FROM ledger_entries e WHERE e.entry_date > ? OR e.created_at > ?', AS_OF, new Date(nowOf(AS_OF)).toISOString())).toEqual([]);
    // Allocations: within the receipt, within the order, never to a draft or a cancelled order, not for reversed receipts.
    expect(all('SELECT e.id FROM ledger_entries e JOIN receipt_allocations a ON a.receipt_entry_id = e.id GROUP BY e.id HAVING SUM(a.amount_fen) > -e.amount_fen')).toEqual([]);
    expect(all('SELECT o.id FROM orders o JOIN receipt_allocations a ON a.order_id = o.id GROUP BY o.id HAVING SUM(a.amount_fen) > o.total_fen')).toEqual([]);
    expect(all("SELECT a.id FROM receipt_allocations a JOIN orders o ON o.id = a.order_id WHERE o.status IN ('draft','cancelled')")).toEqual([]);
    expect(all("SELECT a.id FROM receipt_allocations a JOIN ledger_entries e ON e.id = a.receipt_entry_id WHERE e.kind NOT IN ('receipt','deposit') OR a.order_id NOT IN (SELECT id FROM orders WHERE customer_id = e.customer_id)")).toEqual([]);
    // Closed orders are paid in full.
    expect(all("SELECT o.id FROM orders o WHERE o.status = 'closed' AND (SELECT COALESCE(SUM(a.amount_fen), 0) FROM receipt_allocations a WHERE a.order_id = o.id) < o.total_fen")).toEqual([]);
  });

  it('keeps every transition: a chain from draft to the status, the version counts the changes, approvals match', () => {
    const orders = all<{ id: number; status: string; version: number; approval_state: string; policy_request_id: number | null; customer_notified_at: string | null; updated_at: string; created_at: string }>('SELECT * FROM orders');
    const transitions = all<{ order_id: number; from_status: string | null; to_status: string; at: string; note: string }>('SELECT * FROM order_transitions ORDER BY id');
    const byOrder = new Map<number, typeof transitions>();
    for (const tr of transitions) byOrder.set(tr.order_id, [...(byOrder.get(tr.order_id) ?? []), tr]);
    const requests = new Map(all<{ id: number; status: string; version: number }>("SELECT id, status, version FROM policy_requests WHERE kind = 'order_confirmation'").map((r) => [r.id, r]));
    for (const o of orders) {
      const chain = byOrder.get(o.id)!;
      expect(chain[0]).toMatchObject({ from_status: null, to_status: 'draft' });
      for (let i = 1; i < chain.length; i++) {
        expect(chain[i]!.from_status).toBe(chain[i - 1]!.to_status);
        expect(chain[i]!.at >= chain[i - 1]!.at).toBe(true);
      }
      expect(chain.at(-1)!.to_status).toBe(o.status);
      const request = o.policy_request_id === null ? undefined : requests.get(o.policy_request_id);
      const approvalWrites = o.approval_state === 'none' ? 0 : o.approval_state === 'pending' ? 1 : 2; // hold (+ decision)
      const confirmedByApproval = o.approval_state === 'approved' ? 1 : 0; // the approval confirms: one write, not two
      expect(o.version, `order ${o.id}`).toBe(chain.length - 1 + approvalWrites - confirmedByApproval + (o.customer_notified_at ? 1 : 0));
      expect(o.updated_at >= chain.at(-1)!.at).toBe(true);
      if (o.approval_state === 'none') expect(o.policy_request_id).toBeNull();
      else expect(request?.status).toBe(o.approval_state);
      if (o.approval_state === 'approved') expect(chain[1]!.note).toBe(`审批通过（申请 #${o.policy_request_id}）/ approved (request #${o.policy_request_id})`);
      if (o.status === 'cancelled') expect(chain.at(-1)!.note).not.toBe('');
    }
    // Every request's steps: decided in order, the version counts the decisions.
    const steps = all<{ request_id: number; seq: number; status: string; decided_at: string | null }>('SELECT * FROM policy_request_steps ORDER BY request_id, seq');
    for (const [id, request] of requests) {
      const mine = steps.filter((s) => s.request_id === id);
      expect(request.version).toBe(1 + mine.filter((s) => s.decided_at !== null).length);
      expect(mine.filter((s) => s.status === 'pending').length).toBe(request.status === 'pending' ? 1 : 0);
    }
  });
});

describe('demo orders through the API', () => {
  it('reads back every order, shipment, balance and product through the list channels (output validated)', async () => {
    const manager = as('manager1');
    const ordersSeen = [];
    for (let start = 0; ; start += 1000) {
      const page = await manager.call('orders.list', { startRow: start, endRow: start + 1000 });
      ordersSeen.push(...page.rows);
      if (ordersSeen.length >= page.total) break;
    }
    expect(ordersSeen).toHaveLength(ORDERS);
    expect(ordersSeen.some((o) => o.delayRisk)).toBe(true);
    expect(ordersSeen.some((o) => o.overdue)).toBe(true);

    // The benchmark's page: sorted by delivery date, filtered by a status set and a date range, 100 rows.
    const page = await manager.call('orders.list', {
      startRow: 0,
      endRow: 100,
      sort: [{ colId: 'deliveryDate', sort: 'asc' }],
      filter: {
        status: { filterType: 'set', values: ['confirmed', 'production_requested', 'in_production', 'inspected', 'shipped'] },
        deliveryDate: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-01', dateTo: '2026-12-31' },
      },
    });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.map((o) => o.deliveryDate)).toEqual([...page.rows.map((o) => o.deliveryDate)].sort());

    const shipments = await manager.call('shipments.list', { startRow: 0, endRow: 1000 });
    expect(shipments.total).toBe(t.count('shipments'));
    const finance = as('finance');
    const balances = await finance.call('ledger.balances', { startRow: 0, endRow: 1000 });
    const sums = new Map(all<{ c: number; b: number }>('SELECT customer_id AS c, SUM(amount_fen) AS b FROM ledger_entries GROUP BY customer_id').map((r) => [r.c, r.b]));
    expect(balances.total).toBe(sums.size);
    for (const row of balances.rows) expect(row.balanceFen).toBe(sums.get(row.customerId));
    expect(balances.rows.some((r) => r.collectionDays !== null)).toBe(true);
    const customer = balances.rows.find((r) => r.balanceFen > 0)!;
    const entries = await finance.call('ledger.entries', { customerId: customer.customerId, startRow: 0, endRow: 1000 });
    expect(entries.rows.at(-1)!.runningBalanceFen).toBe(customer.balanceFen);

    const productsPage = await manager.call('products.list', { startRow: 0, endRow: 100, includeArchived: true });
    expect(productsPage.total).toBe(t.count('products'));
    const order = ordersSeen.find((o) => o.status === 'closed')!;
    const detail = await manager.call('orders.get', { id: order.id });
    expect(detail.transitions.map((x) => x.toStatus).at(-1)).toBe('closed');
    expect(await manager.call('orders.byCustomer', {})).not.toHaveLength(0);
  });

  it('shows held orders and the write-off in the approvers’ inboxes; approving a held order confirms it', async () => {
    const held = one<{ id: number; request: number }>("SELECT id, policy_request_id AS request FROM orders WHERE approval_state = 'pending' ORDER BY id LIMIT 1");
    const step = one<{ role: string; approver_id: number | null }>("SELECT role, approver_id FROM policy_request_steps WHERE request_id = ? AND status = 'pending'", held.request);
    const deciderName = step.approver_id !== null ? one<{ username: string }>('SELECT username FROM users WHERE id = ?', step.approver_id).username : one<{ username: string }>('SELECT username FROM users WHERE role = ? AND active = 1 ORDER BY id', step.role).username;
    const approver = as(deciderName);
    const inbox = await approver.call('requests.inbox', {});
    const request = inbox.find((r) => r.id === held.request)!;
    expect(request.kind).toBe('order_confirmation');
    let decided = await approver.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '同意' });
    // A second step (e.g. a manager after a supervisor) is decided by its own approver.
    while (decided.status === 'pending') {
      const next = decided.steps.find((s) => s.status === 'pending')!;
      const who = next.approverId !== null ? one<{ username: string }>('SELECT username FROM users WHERE id = ?', next.approverId).username : one<{ username: string }>('SELECT username FROM users WHERE role = ? AND active = 1 ORDER BY id', next.role).username;
      decided = await as(who).call('requests.decide', { id: decided.id, version: decided.version, decision: 'approve', comment: '同意' });
    }
    expect(decided.status).toBe('approved');
    const detail = await as('manager1').call('orders.get', { id: held.id });
    expect(detail.order).toMatchObject({ status: 'confirmed', approvalState: 'approved' });

    // The write-off waits for the rep's superior (by name), then finance.
    const badDebt = one<{ id: number; applicant: number }>("SELECT id, applicant_id AS applicant FROM policy_requests WHERE kind = 'bad_debt'");
    const badDebtStep = one<{ approver_id: number; role: string }>("SELECT approver_id, role FROM policy_request_steps WHERE request_id = ? AND status = 'pending'", badDebt.id);
    expect(badDebtStep.approver_id).toBe(one<{ manager_id: number }>('SELECT manager_id FROM users WHERE id = ?', badDebt.applicant).manager_id);
    expect((await t.callerFor(badDebtStep.approver_id).call('requests.inbox', {})).map((r) => r.id)).toContain(badDebt.id);
  });

  it('ships the rest of a partly shipped order through the register: it becomes shipped, then delivered with its sale', async () => {
    const partial = one<{ id: number }>("SELECT o.id FROM orders o WHERE status = 'inspected' AND approval_state <> 'pending' AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) LIMIT 1");
    const assistant = as('assistant1');
    const shipping = await assistant.call('shipments.forOrder', { orderId: partial.id });
    const rest = shipping.lines.filter((l) => l.remainingMilli > 0).map((l) => ({ orderLineId: l.orderLineId, quantityMilli: l.remainingMilli }));
    expect(rest.length).toBeGreaterThan(0);
    const shipment = await assistant.call('shipments.create', { orderId: partial.id, shipmentNo: 'CH-TEST-001', shipDate: AS_OF, carrier: '德邦物流', lines: rest });
    expect((await assistant.call('orders.get', { id: partial.id })).order.status).toBe('shipped');
    for (const s of shipping.shipments.filter((x) => x.deliveredAt === null)) await assistant.call('shipments.deliver', { id: s.id, deliveredAt: AS_OF });
    const delivered = await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: AS_OF });
    expect(delivered.saleEntryId).not.toBeNull();
    expect((await assistant.call('orders.get', { id: partial.id })).order.status).toBe('delivered');
  });
});

describe('demo orders: statements', () => {
  it('chain month to month over the year, and add up within each month', async () => {
    const months: string[] = [];
    for (let m = 0; m < 13; m++) {
      const d = new Date(Date.UTC(2025, 10 + m, 1));
      months.push(d.toISOString().slice(0, 7));
    }
    let previous = new Map<number, number>();
    let customersWithStatements = 0;
    for (const month of months) {
      const statements = statementsFor(t.core.database.db, month);
      const current = new Map<number, number>();
      for (const s of statements) {
        expect(s.previousBalanceFen, `${s.customerNo} ${month}`).toBe(previous.get(s.customerId) ?? 0);
        expect(s.balanceFen).toBe(s.previousBalanceFen + s.salesFen - s.receiptsFen);
        current.set(s.customerId, s.balanceFen);
      }
      for (const [id, balance] of previous) if (balance !== 0) expect(current.has(id), `customer #${id} in ${month}`).toBe(true);
      previous = current;
      customersWithStatements = Math.max(customersWithStatements, statements.length);
    }
    expect(customersWithStatements).toBeGreaterThan(20);

    // The same month through the API (finance sees every customer), output validated.
    const month = await as('finance').call('statements.month', { month: '2026-10' });
    expect(month.statements.length).toBe(statementsFor(t.core.database.db, '2026-10').length);
    const previousMonth = await as('finance').call('statements.month', { month: '2026-09' });
    const closing = new Map(previousMonth.statements.map((s) => [s.customerId, s.balanceFen]));
    for (const s of month.statements) expect(s.previousBalanceFen).toBe(closing.get(s.customerId) ?? 0);
  });
});

describe('demo expenses: a year of requests, approvals and reimbursements through the services', () => {
  it('has every claimable type reimbursed, trips, advances paid out and settled, rejections and claims', () => {
    const byTypeStatus = new Set(all<{ k: string }>("SELECT type || '/' || status AS k FROM expenses").map((r) => r.k));
    for (const k of ['entertainment/reimbursed', 'transport/reimbursed', 'lodging/reimbursed', 'sample/reimbursed', 'travel/approved', 'travel_advance/settled']) {
      expect(byTypeStatus, k).toContain(k);
    }
    expect([...byTypeStatus].some((k) => k.endsWith('/rejected'))).toBe(true);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM expense_claims WHERE status = 'paid'").n).toBeGreaterThan(100);
  });

  it('keeps the reimbursement invariants: paid claims pay their items, advances offset, invoices once', () => {
    // A reimbursed expense is on a paid claim, at what the claim item allowed, never above what was approved.
    const wrong = all(
      `SELECT e.expense_no FROM expenses e JOIN expense_claim_items i ON i.expense_id = e.id JOIN expense_claims c ON c.id = i.claim_id
       WHERE e.status = 'reimbursed' AND (c.status <> 'paid' OR e.reimbursed_fen <> i.reimbursable_fen OR i.reimbursable_fen > e.approved_fen OR e.claim_id <> c.id)`,
    );
    expect(wrong).toEqual([]);
    // Each claim: totals are the sums of its items; payable = reimbursable − the advances it settled.
    const claims = all<{ id: number; claimed: number; reimbursable: number; advance: number; payable: number; items: number; itemsClaimed: number; settled: number | null }>(
      `SELECT c.id, c.claimed_fen AS claimed, c.reimbursable_fen AS reimbursable, c.advance_fen AS advance, c.payable_fen AS payable,
              (SELECT SUM(reimbursable_fen) FROM expense_claim_items WHERE claim_id = c.id) AS items,
              (SELECT SUM(claimed_fen) FROM expense_claim_items WHERE claim_id = c.id) AS itemsClaimed,
              (SELECT SUM(reimbursed_fen) FROM expenses WHERE type = 'travel_advance' AND claim_id = c.id) AS settled
       FROM expense_claims c`,
    );
    for (const c of claims) {
      expect(c.items, `claim #${c.id}`).toBe(c.reimbursable);
      expect(c.itemsClaimed).toBe(c.claimed);
      expect(c.advance).toBe(c.settled ?? 0);
      expect(c.payable).toBe(c.reimbursable - c.advance);
    }
    expect(claims.some((c) => c.advance > 0)).toBe(true);
    // An advance is settled only by a paid claim of its own trip.
    expect(
      all(
        `SELECT a.expense_no FROM expenses a LEFT JOIN expense_claims c ON c.id = a.claim_id
         WHERE a.type = 'travel_advance' AND a.status = 'settled' AND (c.status IS NOT 'paid'
           OR NOT EXISTS (SELECT 1 FROM expense_claim_items i JOIN expenses e ON e.id = i.expense_id WHERE i.claim_id = c.id AND e.trip_id = a.trip_id))`,
      ),
    ).toEqual([]);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM (SELECT invoice_no FROM expense_invoices GROUP BY invoice_no HAVING COUNT(*) > 1)').n).toBe(0);
    // The request and the expense agree.
    expect(
      all(`SELECT e.expense_no FROM expenses e JOIN policy_requests r ON r.id = e.request_id
           WHERE (r.status = 'approved') <> (e.status NOT IN ('pending', 'rejected', 'withdrawn')) OR (r.status IN ('pending', 'rejected', 'withdrawn') AND r.status <> e.status)`),
    ).toEqual([]);
  });

  it('reads back through expenses.list and claims.list as finance (output validated)', async () => {
    const finance = as('finance');
    const page = await finance.call('expenses.list', { startRow: 0, endRow: 100, sort: [], filter: {}, quickSearch: '' });
    expect(page.total).toBe(t.count('expenses'));
    expect(page.rows[0]!.trail).not.toBe('');
    const paid = await finance.call('claims.list', { status: 'paid' });
    expect(paid.length).toBe(one<{ n: number }>("SELECT COUNT(*) AS n FROM expense_claims WHERE status = 'paid'").n);
  });
});

describe('demo complaints, leave and attendance: through their services', () => {
  it('opens a complaint for every low satisfaction survey of the last half year, with its order', () => {
    const missing = all(
      `SELECT s.order_id FROM order_surveys s
        WHERE s.complaint_opened = 1 AND s.recorded_at >= date(?, '-182 days')
          AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.order_id = s.order_id AND c.source = 'survey')`,
      AS_OF,
    );
    expect(missing).toEqual([]);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM complaints WHERE source = 'survey'").n).toBeGreaterThan(0);
  });

  it('archives a complaint only after the customer confirmed it (P-CLOSE), and leaves recent ones open', () => {
    expect(all("SELECT complaint_no FROM complaints WHERE status = 'archived' AND confirmed_at IS NULL")).toEqual([]);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM complaints WHERE status = 'archived'").n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM complaints WHERE status <> 'archived'").n).toBeGreaterThan(0);
    // Every complaint has its handling record from receipt on.
    expect(all("SELECT c.complaint_no FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM complaint_actions a WHERE a.complaint_id = c.id AND a.action = 'receive')")).toEqual([]);
  });

  it("never overlaps one person's leave, and the clock has no record on a whole day of approved leave", () => {
    const overlapping = all(
      `SELECT a.leave_no, b.leave_no FROM leaves a JOIN leaves b ON a.applicant_id = b.applicant_id AND a.id < b.id
        WHERE a.status IN ('pending', 'approved') AND b.status IN ('pending', 'approved')
          AND a.start_date <= b.end_date AND b.start_date <= a.end_date
          AND NOT (a.end_date = b.start_date AND a.end_half_day = 1 AND b.start_half_day = 1)`,
    );
    expect(overlapping).toEqual([]);
    const clockedOnLeave = all(
      `SELECT r.user_id, r.work_date FROM attendance_records r JOIN leaves l ON l.applicant_id = r.user_id AND l.status = 'approved'
        WHERE r.work_date BETWEEN l.start_date AND l.end_date AND NOT (r.work_date = l.end_date AND l.end_half_day = 1)`,
    );
    expect(clockedOnLeave).toEqual([]);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM leaves WHERE status = 'approved'").n).toBeGreaterThan(0);
  });

  it("reads the month's attendance sheet back through the dispatcher, with late arrivals fined after the first", async () => {
    const sheet = await as('manager1').call('attendance.month', { month: AS_OF.slice(0, 7) });
    expect(sheet.people.length).toBeGreaterThan(5);
    for (const person of sheet.people) {
      const late = person.days.filter((d) => d.lateSeq !== null);
      expect(person.lateCount).toBe(late.length);
      // A-LATE: the first late arrival of the month is a warning, each later one a fine.
      expect(late.filter((d) => d.lateSeq === 1).every((d) => d.fineFen === 0)).toBe(true);
      expect(person.fineFen).toBe(late.reduce((sum, d) => sum + d.fineFen, 0));
    }
    expect(sheet.people.some((p) => p.lateCount > 0)).toBe(true);
  });
});

describe('demo work logs, visits and weekly reports', () => {
  it('has three months of logs with 4–8 entries each, to customers their author may see (his own, a supervisor also his team’s), none archived', () => {
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM work_logs').n).toBeGreaterThan(300);
    const sizes = all<{ n: number }>('SELECT COUNT(v.id) AS n FROM work_logs l LEFT JOIN visits v ON v.log_id = l.id GROUP BY l.id');
    expect(sizes.every((s) => s.n >= 4 && s.n <= 8), JSON.stringify(sizes.filter((s) => s.n < 4 || s.n > 8))).toBe(true);
    const unseen = all(
      `SELECT v.id FROM visits v JOIN users u ON u.id = v.user_id JOIN customers c ON c.id = v.customer_id JOIN users o ON o.id = c.owner_id
        WHERE c.archived_at IS NOT NULL OR NOT (c.owner_id = v.user_id OR (u.role = 'supervisor' AND o.manager_id = u.id))`,
    );
    expect(unseen).toEqual([]);
    // A visit belongs to its author's log of its day.
    expect(all('SELECT v.id FROM visits v JOIN work_logs l ON l.id = v.log_id WHERE l.user_id <> v.user_id OR l.log_date <> v.visit_date')).toEqual([]);
    expect(all("SELECT u.username FROM work_logs l JOIN users u ON u.id = l.user_id WHERE u.role NOT IN ('rep', 'supervisor')")).toEqual([]);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM work_logs WHERE log_date >= ?", AS_OF).n).toBe(0);
  });

  it('has no log on a whole day of approved leave, and none on a day off', () => {
    const calendar = companyCalendar(t.core.database.db);
    const logs = all<{ userId: number; logDate: string }>('SELECT user_id AS userId, log_date AS logDate FROM work_logs');
    expect(logs.filter((l) => !calendar.isWorkingDay(l.logDate))).toEqual([]);
    const approved = all<{ applicantId: number; start: string; end: string; startHalfDay: number; endHalfDay: number }>(
      "SELECT applicant_id AS applicantId, start_date AS start, end_date AS end, start_half_day AS startHalfDay, end_half_day AS endHalfDay FROM leaves WHERE status = 'approved'",
    );
    const onLeave = logs.filter((l) =>
      approved.some((a) => a.applicantId === l.userId && a.start <= l.logDate && l.logDate <= a.end && halfOn({ start: a.start, end: a.end, startHalfDay: a.startHalfDay === 1, endHalfDay: a.endHalfDay === 1 }, l.logDate) === null),
    );
    expect(onLeave).toEqual([]);
  });

  it('stores W-LOG’s own judgement of every log and weekly report; a few are late, a few missing, weekly reports mostly on time', async () => {
    const db = t.core.database.db;
    const calendar = companyCalendar(db);
    const logs = all<{ logDate: string; submittedAt: string; daysLate: number; pointsDeducted: number }>('SELECT log_date AS logDate, submitted_at AS submittedAt, days_late AS daysLate, points_deducted AS pointsDeducted FROM work_logs');
    const misjudged = logs.filter((l) => {
      const judged = judgeLog(db, calendar, l.logDate, l.submittedAt, false);
      return judged.daysLate !== l.daysLate || judged.pointsDeducted !== l.pointsDeducted;
    });
    expect(misjudged).toEqual([]);
    const weeks = all<{ weekStart: string; submittedAt: string; daysLate: number }>('SELECT week_start AS weekStart, submitted_at AS submittedAt, days_late AS daysLate FROM weekly_reports');
    expect(weeks.filter((w) => judgeLog(db, calendar, w.weekStart, w.submittedAt, true).daysLate !== w.daysLate)).toEqual([]);
    const lateLogs = logs.filter((l) => l.daysLate > 0).length;
    expect(lateLogs).toBeGreaterThan(0);
    expect(lateLogs / logs.length).toBeLessThan(0.1);
    const lateWeeks = weeks.filter((w) => w.daysLate > 0).length;
    expect(lateWeeks).toBeGreaterThan(0);
    expect(lateWeeks / weeks.length).toBeLessThan(0.2);
    // The last full month's late list (manager1 reads everyone's) has late and missing daily logs.
    const month = previousMonth(AS_OF.slice(0, 7));
    const late = await as('manager1').call('activity.lateReports', { month });
    expect(late.some((r) => r.kind === 'daily' && r.submittedAt === null)).toBe(true);
    expect(late.some((r) => r.kind === 'daily' && r.submittedAt !== null)).toBe(true);
  });

  it('has reps meeting W-VISITQ’s daily averages and reps falling short, by the month’s figures', () => {
    const db = t.core.database.db;
    const month = previousMonth(AS_OF.slice(0, 7));
    const reps = all<{ id: number }>("SELECT id FROM users WHERE role = 'rep'").map((r) => r.id);
    const quota = paramsInForce(db, 'W-VISITQ', `${month}-01`);
    const figures = [...activityFigures(db, reps, month, now()).values()];
    const meets = figures.filter((f) => f.visits.new >= quota.minNewPerDay * f.workingDays && f.visits.revisit >= quota.minRevisitsPerDay * f.workingDays);
    expect(meets.length).toBeGreaterThan(0);
    expect(meets.length).toBeLessThan(figures.length);
  });

  it("counts a week's visits in its weekly report as the logs have them (through activity.weekly)", async () => {
    const manager = as('manager1');
    const reports = all<{ userId: number; weekStart: string }>('SELECT user_id AS userId, week_start AS weekStart FROM weekly_reports ORDER BY week_start DESC, user_id LIMIT 40');
    expect(reports.length).toBe(40);
    for (const r of reports) {
      const week = await manager.call('activity.weekly', { weekOf: r.weekStart, userId: r.userId });
      const counts = all<{ kind: string; n: number }>(
        "SELECT kind, COUNT(*) AS n FROM visits WHERE user_id = ? AND visit_date BETWEEN ? AND date(?, '+6 days') AND falsified_at IS NULL GROUP BY kind",
        r.userId, r.weekStart, r.weekStart,
      );
      expect(week.visits).toEqual({ new: 0, revisit: 0, phone: 0, ...Object.fromEntries(counts.map((c) => [c.kind, c.n])) });
      const logged = one<{ n: number }>("SELECT COUNT(*) AS n FROM work_logs WHERE user_id = ? AND log_date BETWEEN ? AND date(?, '+6 days')", r.userId, r.weekStart, r.weekStart).n;
      expect(week.daysLogged).toBe(logged);
      expect(week.id).not.toBeNull();
    }
  });
});
