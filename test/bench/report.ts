// `npx tsx test/bench/report.ts [--json] [--lines N] [--runs N] [--explain] [--keep FILE]` (also part of `npm run bench`)
//
// K-MONTHLY at scale: five years of sales (60 months ending with this one) with 1,000,000 order
// lines — 250,000 orders of four lines for 2,000 buying customers of the demo team, each shipped
// and delivered once (shipment and its lines), its sale posted to the ledger, most of them paid
// (receipts allocated to the order), a few sales reversed — plus expenses, complaints and a target
// plan for every year. Written in bulk straight into the tables, as the demo writes its history.
// Then times report.monthly (monthlyReport, by rep, region and channel) for last month:
//   cold = a freshly opened read-only connection per run (as `salesdesk report monthly` does);
//   warm = one connection, as in the running app;
// next to the bare aggregate SQL floor: the month's sale postings summed per rep. Target: the
// monthly report in < 500 ms (median). Exit code 1 when missed. --keep FILE: generate into FILE and
// keep it, or reuse it when it exists (profiling without generating again).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { addDays, addMonths, localDate } from '../../shared/dates';
import type { ReportDimension } from '../../shared/report';
import type { Actor } from '../../electron/core/api/context';
import { createCore } from '../../electron/core/index';
import { monthlyReport } from '../../electron/core/report/service';
import { withIndexesRebuilt } from '../../electron/cli/demo/bulk';
import { generateDemo } from '../../electron/cli/demo/generate';
import { SeededRandom } from '../../electron/cli/demo/random';
import { openReadOnly } from '../../electron/cli/readonly';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const explain = argv.includes('--explain');
const keep = argv.includes('--keep') ? argv[argv.indexOf('--keep') + 1] : undefined;
const flag = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const LINES = flag('lines', 1_000_000);
const RUNS = flag('runs', 9);
const BUYERS = 2_000;
const MONTHS = 60;
const SEED = 20_261_123;
const TARGET_MS = 500;
const READER: Actor = { id: 0, username: 'bench', displayName: 'bench', role: 'gm', managerId: null };

const round = (ms: number) => Math.round(ms * 100) / 100;
const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
function log(text: string): void {
  if (!json) process.stdout.write(`${text}\n`);
}

/** The bare aggregate: the month's sale postings (less their reversals) summed per rep. */
const FLOOR = `
  SELECT l.rep_id, sum(l.amount_fen) FROM ledger_entries l LEFT JOIN ledger_entries r ON r.id = l.reverses_id
  WHERE l.entry_date >= ? AND l.entry_date < ? AND (l.kind = 'sale' OR (l.kind = 'reversal' AND r.kind = 'sale'))
  GROUP BY l.rep_id`;

/** Five years of orders to cash, expenses, complaints and targets, written in one transaction. */
function generateHistory(core: Awaited<ReturnType<typeof createCore>>, today: string) {
  const sqlite = core.database.sqlite;
  const random = new SeededRandom(SEED);
  const reps = sqlite.prepare("SELECT id FROM users WHERE role IN ('rep', 'supervisor') AND active = 1 ORDER BY id").all() as { id: number }[];
  const admin = (sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").get() as { id: number }).id;
  const buyers = sqlite.prepare('SELECT id, owner_id AS ownerId FROM customers ORDER BY id LIMIT ?').all(BUYERS) as { id: number; ownerId: number }[];
  sqlite.prepare('UPDATE customers SET credit_days = 30 WHERE id IN (SELECT id FROM customers ORDER BY id LIMIT ?)').run(BUYERS);
  const catalogue = sqlite.prepare('SELECT p.id, p.name, p.unit, pp.standard_price_fen AS price, pp.cost_price_fen AS cost FROM products p JOIN product_prices pp ON pp.product_id = p.id GROUP BY p.id').all() as {
    id: number;
    name: string;
    unit: string;
    price: number;
    cost: number;
  }[];
  const firstMonth = addMonths(today.slice(0, 7), -(MONTHS - 1));
  const first = `${firstMonth}-01`;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
  const orders = Math.round(LINES / 4);
  const stamp = `${today}T02:00:00.000Z`;

  const insertOrder = sqlite.prepare(
    "INSERT INTO orders (order_no, customer_id, rep_id, order_date, delivery_date, status, total_fen, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'delivered', ?, ?, ?, ?)",
  );
  const insertLine = sqlite.prepare(
    'INSERT INTO order_lines (order_id, line_no, product_id, product_name, unit, quantity_milli, unit_price_fen, standard_price_fen, cost_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertShipment = sqlite.prepare('INSERT INTO shipments (shipment_no, order_id, ship_date, delivered_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertShipmentLine = sqlite.prepare('INSERT INTO shipment_lines (shipment_id, order_line_id, quantity_milli, amount_fen) VALUES (?, ?, ?, ?)');
  const insertEntry = sqlite.prepare(
    'INSERT INTO ledger_entries (customer_id, entry_date, kind, amount_fen, order_id, shipment_id, reverses_id, rep_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAllocation = sqlite.prepare('INSERT INTO receipt_allocations (receipt_entry_id, order_id, amount_fen) VALUES (?, ?, ?)');
  const insertRequest = sqlite.prepare(
    "INSERT INTO policy_requests (kind, applicant_id, entered_by, fields_json, decision_json, submitted_on, status, created_at, updated_at) VALUES ('expense', ?, ?, '{}', '{}', ?, 'approved', ?, ?)",
  );
  const insertExpense = sqlite.prepare(
    "INSERT INTO expenses (expense_no, type, applicant_id, entered_by, purpose, expense_date, applied_on, amount_fen, approved_fen, reimbursed_fen, status, request_id, created_at, updated_at) VALUES (?, 'other', ?, ?, '资料费', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertComplaint = sqlite.prepare(
    `INSERT INTO complaints (complaint_no, customer_id, received_at, summary, owner_id, severity, source, status, handled_at, responded_at, slip_filed_at,
       handle_due_at, respond_due_at, slip_due_date, entered_by, created_at, updated_at) VALUES (?, ?, ?, '包装破损', ?, 'normal', 'manual', 'archived', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTarget = sqlite.prepare('INSERT INTO target_cells (year, month, dimension, key, amount_fen, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?)');

  let entries = 0;
  return withIndexesRebuilt(core, ['orders', 'order_lines', 'shipments', 'shipment_lines', 'ledger_entries', 'receipt_allocations'], () =>
    sqlite.transaction(() => {
      for (let n = 0; n < orders; n++) {
        const buyer = buyers[random.int(0, buyers.length - 1)]!;
        const orderDate = addDays(first, Math.floor((n * days) / orders));
        const delivered = addDays(orderDate, random.int(2, 10));
        if (delivered > today) continue;
        const lines = Array.from({ length: 4 }, () => {
          const product = catalogue[random.int(0, catalogue.length - 1)]!;
          const quantityMilli = random.int(1, 20) * 500;
          return { product, quantityMilli, amountFen: Math.round((product.price * quantityMilli) / 1000) };
        });
        const total = lines.reduce((s, l) => s + l.amountFen, 0);
        const orderId = Number(insertOrder.run(`SO-B${n}`, buyer.id, buyer.ownerId, orderDate, delivered, total, buyer.ownerId, stamp, stamp).lastInsertRowid);
        const shipmentId = Number(insertShipment.run(`CK-B${n}`, orderId, delivered, delivered, admin, stamp).lastInsertRowid);
        lines.forEach((l, i) => {
          const lineId = Number(insertLine.run(orderId, i + 1, l.product.id, l.product.name, l.product.unit, l.quantityMilli, l.product.price, l.product.price, l.product.cost, l.amountFen).lastInsertRowid);
          insertShipmentLine.run(shipmentId, lineId, l.quantityMilli, l.amountFen);
        });
        const sale = Number(insertEntry.run(buyer.id, delivered, 'sale', total, orderId, shipmentId, null, buyer.ownerId, admin, stamp).lastInsertRowid);
        entries += 1;
        if (random.int(0, 199) === 0) {
          const on = addDays(delivered, 2);
          if (on <= today) {
            insertEntry.run(buyer.id, on, 'reversal', -total, orderId, shipmentId, sale, buyer.ownerId, admin, stamp);
            entries += 1;
            continue;
          }
        }
        const paid = addDays(delivered, random.int(20, 70));
        if (paid <= today && random.int(0, 9) > 0) {
          const receipt = Number(insertEntry.run(buyer.id, paid, 'receipt', -total, null, null, null, buyer.ownerId, admin, stamp).lastInsertRowid);
          insertAllocation.run(receipt, orderId, total);
          entries += 1;
        }
      }
      // expenses: four a month per person; complaints: about one a day
      let expenseNo = 0;
      for (let m = 0; m < MONTHS; m++) {
        const month = addMonths(firstMonth, m);
        for (const rep of reps) {
          for (let k = 0; k < 4; k++) {
            const day = `${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
            if (day > today) continue;
            const fen = random.int(100, 3_000) * 100;
            const request = Number(insertRequest.run(rep.id, rep.id, day, stamp, stamp).lastInsertRowid);
            const reimbursed = random.int(0, 1) === 1;
            insertExpense.run(`FY-B${++expenseNo}`, rep.id, rep.id, day, day, fen, fen, reimbursed ? fen - 100 : null, reimbursed ? 'reimbursed' : 'approved', request, stamp, stamp);
          }
        }
        for (let k = 0; k < 30; k++) {
          const day = `${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
          if (day > today) continue;
          const buyer = buyers[random.int(0, buyers.length - 1)]!;
          const received = `${day}T02:00:00.000Z`;
          const late = random.int(0, 4) === 0;
          const done = `${day}T${late ? '23' : '05'}:00:00.000Z`;
          insertComplaint.run(`TS-B${m}-${k}`, buyer.id, received, buyer.ownerId, addDays(day, late ? 2 : 0) + 'T05:00:00.000Z', done, `${day}T13:00:00+08:00`, `${addDays(day, 1)}T02:00:00.000Z`, `${addDays(day, 2)}T02:00:00.000Z`, addDays(day, 3), admin, stamp, stamp);
        }
      }
      // a target plan per year: the total by month, and every person's share by month
      const years = new Set(Array.from({ length: MONTHS }, (_, m) => Number(addMonths(firstMonth, m).slice(0, 4))));
      for (const year of years) {
        const perRepMonth = 2_000_000_00;
        insertTarget.run(year, 0, 'total', '', perRepMonth * 12 * reps.length, stamp, admin);
        for (let month = 1; month <= 12; month++) insertTarget.run(year, month, 'total', '', perRepMonth * reps.length, stamp, admin);
        for (const rep of reps) {
          insertTarget.run(year, 0, 'rep', String(rep.id), perRepMonth * 12, stamp, admin);
          for (let month = 1; month <= 12; month++) insertTarget.run(year, month, 'rep', String(rep.id), perRepMonth, stamp, admin);
        }
      }
      return { entries, expenses: expenseNo };
    })(),
  );
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-report-'));
  const file = keep ?? join(dir, 'bench.db');
  try {
    const started = performance.now();
    const reuse = keep !== undefined && existsSync(keep);
    const core = await createCore({ file, logError: (error, channel) => console.error(`[bench] ${channel}`, error) });
    const today = localDate(new Date());
    if (!reuse) {
      await generateDemo(core, { customers: BUYERS, orders: 0, expenses: false, hr: false, activity: false, seed: SEED, asOf: today });
      generateHistory(core, today);
      core.database.sqlite.exec('ANALYZE');
    }
    const counts = core.database.sqlite
      .prepare(
        `SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_lines) AS lines, (SELECT COUNT(*) FROM shipment_lines) AS shipmentLines,
                (SELECT COUNT(*) FROM ledger_entries) AS entries, (SELECT COUNT(*) FROM expenses) AS expenses, (SELECT COUNT(*) FROM complaints) AS complaints,
                (SELECT COUNT(*) FROM users WHERE role IN ('rep', 'supervisor')) AS reps`,
      )
      .get() as Record<string, number>;
    const generateMs = performance.now() - started;
    const fmt = (n: number) => n.toLocaleString('en-US');
    log(`销售台账 月报性能测试 / SalesDesk monthly report benchmark — ${MONTHS} months, ${fmt(counts.orders!)} orders, ${fmt(counts.lines!)} order lines`);
    log(
      `  ${fmt(counts.shipmentLines!)} shipment lines, ${fmt(counts.entries!)} ledger entries, ${fmt(counts.expenses!)} expenses, ${fmt(counts.complaints!)} complaints, ${counts.reps} people with targets; generated in ${(generateMs / 1000).toFixed(1)} s`,
    );
    core.close();

    const month = addMonths(today.slice(0, 7), -1);
    const now = new Date();
    const measurements: { name: string; label: string; medianMs: number; floorMs: number; ratio: number; rows: number; targetMs: number | null; pass: boolean | null }[] = [];
    const bounds = [`${month}-01`, `${addMonths(month, 1)}-01`] as const;

    /** The bare floor, then the report cold (a fresh read-only connection per run) and warm (one connection) by each dimension. */
    const measureAll = (suffix: string, label: string, targetMs: number | null) => {
      const floorDb = new BetterSqlite3(file, { readonly: true });
      const floorStatement = floorDb.prepare(FLOOR);
      const floorMs = median(
        Array.from({ length: RUNS + 2 }, () => {
          const t0 = performance.now();
          floorStatement.all(...bounds);
          return performance.now() - t0;
        }).slice(2),
      );
      if (explain) for (const row of floorDb.prepare(`EXPLAIN QUERY PLAN ${FLOOR}`).all(...bounds) as { detail: string }[]) log(`  floor${suffix}: ${row.detail}`);
      floorDb.close();
      const cold: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const database = openReadOnly(file);
        try {
          rows = monthlyReport(database.db, READER, { month, by: 'rep' }, now).rows.length;
        } finally {
          database.close();
        }
        cold.push(performance.now() - t0);
      }
      measurements.push({ name: `monthlyCold${suffix}`, label: `月报（冷，每次新连接）${month} 按客户经理${label} / monthly report, cold (fresh connection), by rep`, medianMs: median(cold), floorMs, ratio: 0, rows, targetMs, pass: null });
      const database = openReadOnly(file);
      for (const by of ['rep', 'region', 'channel'] as ReportDimension[]) {
        monthlyReport(database.db, READER, { month, by }, now);
        const warm: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          rows = monthlyReport(database.db, READER, { month, by }, now).rows.length;
          warm.push(performance.now() - t0);
        }
        measurements.push({ name: `monthlyWarm_${by}${suffix}`, label: `月报（热）${month} ${by}${label} / monthly report, warm, by ${by}`, medianMs: median(warm), floorMs, ratio: 0, rows, targetMs, pass: null });
      }
      database.close();
    };

    measureAll('', '', TARGET_MS);

    for (const m of measurements) {
      m.medianMs = round(m.medianMs);
      m.floorMs = round(m.floorMs);
      m.ratio = Math.round((m.medianMs / m.floorMs) * 10) / 10;
      m.pass = m.targetMs === null ? null : m.medianMs < m.targetMs;
    }
    const pass = measurements.every((m) => m.pass !== false);
    const machine = { cpus: availableParallelism(), loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 };
    if (json) {
      process.stdout.write(`${JSON.stringify({ months: MONTHS, counts, generateMs: Math.round(generateMs), runs: RUNS, month, measurements, machine, pass }, null, 2)}\n`);
    } else {
      log('');
      for (const m of measurements) {
        log(m.label);
        log(
          `  median ${m.medianMs.toFixed(2)} ms   裸聚合 SQL / bare aggregate SQL (the month's sales per rep) ${m.floorMs.toFixed(2)} ms   ×${m.ratio}   (${m.rows} rows)   ` +
            (m.pass === null ? '（参考 / for information）' : m.pass ? `PASS (< ${m.targetMs} ms)` : `FAIL (target < ${m.targetMs} ms)`),
        );
      }
      log('');
      log(`机器 / machine: ${machine.cpus} CPUs, load average ${machine.loadAverage1m}${machine.loadAverage1m > machine.cpus ? ' — 机器繁忙，数字偏高 / busy machine: figures are inflated' : ''}`);
      log(pass ? '全部达标 / all targets met: PASS' : '未达标 / a target was missed: FAIL');
    }
    return pass ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
