// `npm run bench:orders [-- --json] [-- --orders N] [-- --buyers N] [-- --runs N] [-- --explain]`
//
// Generates a year of demo orders to cash in a temp database — 250,000 orders with 1,000,000 order
// lines (exactly four lines an order on average) for 2,000 buying customers, with their transitions,
// approvals, shipments and sales ledger — then times, next to the same query written by hand in
// plain SQL on better-sqlite3:
//   (a) the order tracking grid page through the real dispatcher as a signed-in sales manager
//       (orders.list → listOrders with a GridQuery: sorted by delivery date, filtered by a status
//       set and a delivery-date range, 100 rows) — target p95 < 50 ms;
//   (b) a month's receivables statements for the 2,000 customers (statementsFor, O-STATEMENT) —
//       target p95 < 1 s.
// For information, without a target: the grid over delivered and closed orders of the last quarter,
// and the statements through the statements.month channel (zod-validated output).
// Warm: one connection, as in the running app. Exit code 1 when a target is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ChannelInput } from '../../shared/api';
import { addDays, localDate, previousMonth } from '../../shared/dates';
import { UNDELIVERED_STATUSES } from '../../shared/orders';
import { SessionStore } from '../../electron/core/api/sessions';
import { createCore } from '../../electron/core/index';
import { statementsFor } from '../../electron/core/ledger/statements';
import { DEMO_TEAM_PASSWORD, generateDemo } from '../../electron/cli/demo/generate';
import { invoke } from '../../electron/cli/session';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const explain = argv.includes('--explain');
const flag = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const ORDERS = flag('orders', 250_000);
const BUYERS = flag('buyers', 2_000);
/**
 * The customer files: 2,000 buyers among 20,000 files (a department's files include prospects,
 * dormant and lost customers; buyers are drawn from the established active ones, key accounts first).
 */
const CUSTOMERS = Math.max(5_000, BUYERS * 10);
const RUNS = flag('runs', 30);
const STATEMENT_RUNS = Math.max(3, Math.round(RUNS / 3));
const SEED = 20_261_123;
const MANAGER = 'manager1';
const FINANCE = 'finance';

type GridQuery = ChannelInput<'orders.list'>;

interface Measurement {
  name: string;
  label: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  floorP50Ms: number | null;
  /** Application p50 ÷ hand-written SQL p50. */
  ratio: number | null;
  targetMs: number | null;
  pass: boolean | null;
  /** Rows on the page, or statements produced. */
  rows: number;
  /** Matching orders, or statement lines. */
  total: number;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function log(text: string): void {
  if (!json) process.stdout.write(`${text}\n`);
}

function measure(run: () => number, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) run();
  return Array.from({ length: runs }, () => run());
}

async function measureAsync(run: () => Promise<number>, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run());
  return samples;
}

function result(name: string, label: string, samples: number[], floor: number[] | null, targetMs: number | null, rows: number, total: number): Measurement {
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const floorP50 = floor ? percentile(floor, 50) : null;
  return {
    name,
    label,
    runs: samples.length,
    p50Ms: round(p50),
    p95Ms: round(p95),
    floorP50Ms: floorP50 === null ? null : round(floorP50),
    ratio: floorP50 ? Math.round((p50 / floorP50) * 100) / 100 : null,
    targetMs,
    pass: targetMs === null ? null : p95 < targetMs,
    rows,
    total,
  };
}

// —— the hand-written SQL: what each query asks for, the way one would write it for a report ——

const GRID_FLOOR = `
  SELECT o.*, c.customer_no, c.name AS customer_name, r.display_name AS rep_name, n.display_name AS notified_by_name,
         (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  JOIN users r ON r.id = o.rep_id
  LEFT JOIN users n ON n.id = o.customer_notified_by
  WHERE o.status IN (SELECT value FROM json_each(?)) AND o.delivery_date BETWEEN ? AND ?
  ORDER BY o.delivery_date, o.id
  LIMIT 100`;
const GRID_FLOOR_COUNT = `SELECT COUNT(*) AS n FROM orders o WHERE o.status IN (SELECT value FROM json_each(?)) AND o.delivery_date BETWEEN ? AND ?`;

const STATEMENT_FLOOR = {
  previous: 'SELECT customer_id, SUM(amount_fen) AS total FROM ledger_entries WHERE entry_date < ? GROUP BY customer_id',
  entries: `
    SELECT e.id, e.customer_id, e.entry_date, e.kind, e.amount_fen, e.reference, e.note, o.order_no, r.kind AS reversed_kind
    FROM ledger_entries e
    LEFT JOIN orders o ON o.id = e.order_id
    LEFT JOIN ledger_entries r ON r.id = e.reverses_id
    WHERE e.entry_date >= ? AND e.entry_date < ?
    ORDER BY e.customer_id, e.entry_date, e.id`,
  customers: 'SELECT id, customer_no, name, address, contact_person FROM customers ORDER BY customer_no, id',
};

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-orders-'));
  const file = join(dir, 'bench.db');
  const sessions = new SessionStore();
  try {
    // 1. Demo data: customers, the team, the catalogue, a year of orders to cash.
    const core = await createCore({ file, sessions, logError: (error, channel) => console.error(`[bench] ${channel}`, error) });
    const today = localDate(new Date());
    const demo = await generateDemo(core, { customers: CUSTOMERS, orders: ORDERS, buyers: BUYERS, seed: SEED, asOf: today });
    const counts = core.database.sqlite
      .prepare(
        `SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_lines) AS lines, (SELECT COUNT(*) FROM order_transitions) AS transitions,
                (SELECT COUNT(*) FROM shipments) AS shipments, (SELECT COUNT(*) FROM shipment_lines) AS shipmentLines, (SELECT COUNT(*) FROM ledger_entries) AS entries,
                (SELECT COUNT(*) FROM policy_requests) AS requests`,
      )
      .get() as Record<string, number>;
    const fmt = (n: number) => n.toLocaleString('en-US');
    log(`销售台账 订单性能测试 / SalesDesk orders benchmark — ${fmt(counts.orders!)} orders, ${fmt(counts.lines!)} order lines, ${fmt(BUYERS)} buying customers`);
    log(
      `生成演示数据 / demo data: ${(demo.timings.totalMs / 1000).toFixed(1)} s total — orders ${(demo.timings.ordersMs / 1000).toFixed(1)} s ` +
        `(plan ${(demo.timings.ordersPlanMs / 1000).toFixed(1)} s, bulk write ${(demo.timings.ordersWriteMs / 1000).toFixed(1)} s), customers ${demo.timings.customersMs} ms, team ${demo.timings.teamMs} ms`,
    );
    log(
      `  ${fmt(counts.transitions!)} transitions, ${fmt(counts.requests!)} approval requests, ${fmt(counts.shipments!)} shipments (${fmt(counts.shipmentLines!)} lines), ${fmt(counts.entries!)} ledger entries`,
    );

    // 2. A sales manager and finance sign in for real.
    const manager = (await invoke(core, null, 'auth.login', { username: MANAGER, password: DEMO_TEAM_PASSWORD })).sessionToken!;
    const finance = (await invoke(core, null, 'auth.login', { username: FINANCE, password: DEMO_TEAM_PASSWORD })).sessionToken!;
    const floorDb = new BetterSqlite3(file, { readonly: true });
    const measurements: Measurement[] = [];

    // (a) The tracking grid: open orders due from a month ago to a month ahead, by delivery date.
    const from = addDays(today, -30);
    const to = addDays(today, 30);
    const statuses: string[] = [...UNDELIVERED_STATUSES];
    const query: GridQuery = {
      startRow: 0,
      endRow: 100,
      sort: [{ colId: 'deliveryDate', sort: 'asc' }],
      filter: {
        status: { filterType: 'set', values: statuses },
        deliveryDate: { filterType: 'date', type: 'inRange', dateFrom: from, dateTo: to },
      },
    };
    let page = { rows: 0, total: 0 };
    const grid = await measureAsync(async () => {
      const started = performance.now();
      const { data } = await invoke(core, manager, 'orders.list', query);
      const ms = performance.now() - started;
      page = { rows: data.rows.length, total: data.total };
      return ms;
    }, RUNS);
    const floorPage = floorDb.prepare(GRID_FLOOR);
    const floorCount = floorDb.prepare(GRID_FLOOR_COUNT);
    const statusJson = JSON.stringify(statuses);
    const gridFloor = measure(() => {
      const started = performance.now();
      floorPage.all(statusJson, from, to);
      floorCount.get(statusJson, from, to);
      return performance.now() - started;
    }, RUNS);
    measurements.push(
      result('ordersGrid', `订单跟踪表：未交货 + 交货日期 ${from}…${to}，按交货日期排序，100 行 / orders grid: undelivered, delivery date range, sorted by delivery date`, grid, gridFloor, 50, page.rows, page.total),
    );

    // For information (no target): the same grid over the bulk of the history, delivered and closed
    // orders of the last quarter — four times the rows to join, count and sort.
    const deliveredQuery: GridQuery = {
      ...query,
      filter: {
        status: { filterType: 'set', values: ['delivered', 'closed'] },
        deliveryDate: { filterType: 'date', type: 'inRange', dateFrom: addDays(today, -90), dateTo: today },
      },
    };
    const deliveredJson = JSON.stringify(['delivered', 'closed']);
    let deliveredPage = { rows: 0, total: 0 };
    const delivered = await measureAsync(async () => {
      const started = performance.now();
      const { data } = await invoke(core, manager, 'orders.list', deliveredQuery);
      const ms = performance.now() - started;
      deliveredPage = { rows: data.rows.length, total: data.total };
      return ms;
    }, RUNS);
    const deliveredFloor = measure(() => {
      const started = performance.now();
      floorPage.all(deliveredJson, addDays(today, -90), today);
      floorCount.get(deliveredJson, addDays(today, -90), today);
      return performance.now() - started;
    }, RUNS);
    measurements.push(
      result('ordersGridDelivered', `（参考）订单跟踪表：已交货/已结案 + 近 90 天交货，按交货日期排序，100 行 / (for information) delivered or closed in the last 90 days`, delivered, deliveredFloor, null, deliveredPage.rows, deliveredPage.total),
    );

    // (b) A month's statements for every customer with a balance or entries (the 2,000 buyers).
    const month = previousMonth(today.slice(0, 7)); // the last complete month: the statements finance prints now
    let statementCount = { rows: 0, total: 0 };
    const statements = measure(() => {
      const started = performance.now();
      const list = statementsFor(core.database.db, month);
      const ms = performance.now() - started;
      statementCount = { rows: list.length, total: list.reduce((n, s) => n + s.lines.length, 0) };
      return ms;
    }, STATEMENT_RUNS, 1);
    const start = `${month}-01`;
    const next = `${addDays(`${month}-28`, 7).slice(0, 7)}-01`;
    const previous = floorDb.prepare(STATEMENT_FLOOR.previous);
    const entries = floorDb.prepare(STATEMENT_FLOOR.entries);
    const people = floorDb.prepare(STATEMENT_FLOOR.customers);
    const statementsFloor = measure(() => {
      const started = performance.now();
      previous.all(start);
      entries.all(start, next);
      people.all();
      return performance.now() - started;
    }, STATEMENT_RUNS, 1);
    measurements.push(
      result('statements', `对账单：${month} 全部客户（statementsFor）/ a month's statements, every customer`, statements, statementsFloor, 1000, statementCount.rows, statementCount.total),
    );
    // The same month through the channel finance prints from (zod-validated output): for information.
    const channel = await measureAsync(async () => {
      const started = performance.now();
      await invoke(core, finance, 'statements.month', { month });
      return performance.now() - started;
    }, STATEMENT_RUNS, 1);
    measurements.push(result('statementsChannel', `（参考）对账单：${month} 经 statements.month 接口（财务）/ (for information) the same through statements.month`, channel, statementsFloor, null, statementCount.rows, statementCount.total));

    if (explain) {
      log('');
      log('查询计划 / EXPLAIN QUERY PLAN (hand-written grid page):');
      for (const row of floorDb.prepare(`EXPLAIN QUERY PLAN ${GRID_FLOOR}`).all(statusJson, from, to) as { detail: string }[]) log(`  ${row.detail}`);
      log('查询计划 / EXPLAIN QUERY PLAN (previous balances):');
      for (const row of floorDb.prepare(`EXPLAIN QUERY PLAN ${STATEMENT_FLOOR.previous}`).all(start) as { detail: string }[]) log(`  ${row.detail}`);
    }
    floorDb.close();
    core.close();

    const pass = measurements.every((m) => m.pass !== false);
    const machine = { cpus: availableParallelism(), loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 };
    const busy = machine.loadAverage1m > machine.cpus;
    if (json) {
      process.stdout.write(
        `${JSON.stringify(
          {
            orders: counts.orders,
            orderLines: counts.lines,
            buyers: BUYERS,
            customers: CUSTOMERS,
            runs: RUNS,
            generate: {
              totalMs: demo.timings.totalMs,
              ordersMs: demo.timings.ordersMs,
              planMs: demo.timings.ordersPlanMs,
              writeMs: demo.timings.ordersWriteMs,
              customersMs: demo.timings.customersMs,
            },
            rows: counts,
            measurements,
            machine,
            pass,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      log('');
      for (const m of measurements) {
        const verdict = m.pass === null ? '' : m.pass ? `PASS (< ${m.targetMs} ms)` : `FAIL (target < ${m.targetMs} ms)`;
        const size = m.name.startsWith('statements') ? `${fmt(m.rows)} statements, ${fmt(m.total)} lines` : `${fmt(m.total)} matching`;
        log(m.label);
        log(
          `  p50 ${m.p50Ms.toFixed(2)} ms   p95 ${m.p95Ms.toFixed(2)} ms` +
            (m.floorP50Ms === null ? '' : `   裸 SQL / bare SQL p50 ${m.floorP50Ms.toFixed(2)} ms   ×${m.ratio}`) +
            `   (${size})   ${verdict}`,
        );
      }
      log('');
      log(`机器 / machine: ${machine.cpus} CPUs, load average ${machine.loadAverage1m}${busy ? ' — 机器繁忙，数字偏高 / busy machine: figures are inflated' : ''}`);
      log(pass ? '全部达标 / all targets met: PASS' : '未达标 / a target was missed: FAIL');
    }
    return pass ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
