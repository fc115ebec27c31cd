// K-MONTHLY 月报 (DOMAIN §9) through report.monthly / report.drill / report.export / report.monthToDate
// and `salesdesk report monthly`, on a small dataset built through the channels the forms use
// (customers, orders confirmed → shipped → delivered, a reversal, receipts and a deposit, expenses
// approved, C-NEW applications, complaints, a target plan for two years). Every figure of every row
// and of the total is checked against arithmetic written out here; the Excel file is read back and
// compared with the JSON; the CSV is parsed; the CLI's JSON has exactly the fields.
import { sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS, reportFiguresSchema, type MonthlyReport, type ReportFigures } from '../../shared/report';
import { chromiumForPdf } from '../../electron/cli/pdf';
import { saleAmounts, salesByRep, uncountedNewCustomerSales } from '../../electron/core/report/figures';
import { judgeComplaint } from '../../electron/core/report/service';
import { createCustomer, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
/** Noon in Shanghai (04:00 UTC): the local date is the same either way. */
const setDay = (day: string) => {
  clock = new Date(`${day}T04:00:00.000Z`);
};

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'salesdesk.mjs');

interface World {
  team: TeamCore['team'];
  repC: Caller & { id: number };
  pe: number;
  c: Record<'c1' | 'c2' | 'c3' | 'c4', number>;
  orders: Record<'dec' | 'janC1' | 'janC3' | 'janC2' | 'mistaken', { id: number; no: string }>;
}
let w: World;

/**
 * The dataset (fen). PE ¥10,000.00/t at cost ¥8,000.00/t; PP ¥5,000.00/t at cost ¥4,500.00/t.
 * People: 张伟 (repA, 华东, direct, under 孙主管), 李娜 (repB, 华南, dealer), 陈新 (repC, 华东, dealer, no
 * target), 孙主管 (supervisor, 华东, direct: a target and an expense, no sales).
 * Customers: C1 张伟's (30 credit days), C2 李娜's (21 credit days), C3 张伟's, new in January 2026
 * (cash, application approved on time), C4 陈新's, new in January 2026 (30 credit days, application
 * still pending).
 *  2025-01-15  C1 delivered 5 t PE        5,000,000   (January 2025: YoY's base for 张伟), paid 2025-02-10
 *  2025-12-10  C1 delivered 8 t PE        8,000,000   (order "dec")
 *  2025-12-20  C2 delivered 4 t PE        4,000,000
 *  2025-12     张伟's expense 50.00            5,000
 *  2026-01-06  C3 deposit 500,000 allocated to C3's order
 *  2026-01-08  C1 delivered 6 of 10 t PE  6,000,000   due 02-07: not within January
 *  2026-01-10  C2 delivered 3 t PE        3,000,000   due 01-31 (21 days): within January, just
 *  2026-01-11  C2 delivered 1 t PE        1,000,000   due 02-01: just over; reversed on 01-14
 *  2026-01-12  C3 delivered 2 t PP        1,000,000   cash: due at once
 *  2026-01-15  C1 receipt 5,000,000 allocated to order "dec"
 *  2026-01-20  C4 delivered 1 t PE        1,000,000   due 02-19
 *  2026-01-26  C2 receipt 3,000,000 (not allocated); 01-27 C2 receipt 100,000, reversed 01-28
 *  2026-01     expenses approved: 张伟 300.00, 李娜 200.00, 孙主管 100.00
 *  complaints: C1 01-20 all on time; C2 01-21 handled and answered 01-23 (late); C4 01-31 still open
 *  targets: 2025 ¥80,000.00 a month (no breakdown); 2026 ¥100,000.00 a month: 张伟 50,000.00, 李娜
 *  30,000.00, 孙主管 20,000.00; 华东 70,000.00, 华南 30,000.00; direct 70,000.00, dealer 30,000.00.
 * The report is read on 2026-01-31 at noon.
 */
async function dataset(): Promise<World> {
  setDay('2025-01-05');
  t = await teamCore(template, { now: () => clock });
  const team = t.team;
  const { repA, repB, supervisor, manager, finance, assistant, gm } = team;
  await t.admin.call('users.update', { id: repA.id, patch: { region: '华东', channel: 'direct' } });
  await t.admin.call('users.update', { id: repB.id, patch: { region: '华南', channel: 'dealer' } });
  await t.admin.call('users.update', { id: supervisor.id, patch: { region: '华东', channel: 'direct' } });
  const repC = await t.userWith('rep', { displayName: '陈新', region: '华东', channel: 'dealer', managerId: manager.id });

  const product = async (code: string, name: string, standardPriceFen: number, costPriceFen: number) =>
    (await t.admin.call('products.create', { product: { code, name, unit: '吨', standardPriceFen, costPriceFen }, effectiveFrom: '2024-01-01' })).product.id;
  const pe = await product('PE-100', '聚乙烯', 1_000_000, 800_000);
  const pp = await product('PP-200', '聚丙烯', 500_000, 450_000);

  const customer = async (caller: Caller, no: string, creditDays: number) => {
    const { customer: created, application } = await createCustomer(caller, no, { name: `客户${no}` });
    await manager.call('customers.update', { id: created.id, version: created.version, patch: { creditLimitFen: 100_000_000, creditDays } });
    return { id: created.id, application };
  };
  const inspected = async (caller: Caller, customerId: number, productId: number, tons: number) => {
    let d = await caller.call('orders.create', {
      customerId,
      requiredSchedule: '两周内',
      deliveryDate: '2027-12-31',
      deliveryPlace: '苏州工业园区',
      packaging: '25kg 编织袋',
      shippingMethod: '汽运',
      lines: [{ productId, quantityMilli: tons * 1_000 }],
    });
    d = await caller.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
    for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
      d = await caller.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
    }
    return d;
  };
  let slip = 0;
  const deliver = async (d: Awaited<ReturnType<typeof inspected>>, tons: number, day: string) => {
    setDay(day);
    slip += 1;
    const shipment = await assistant.call('shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate: day, carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: tons * 1_000 }] });
    await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: day });
  };
  /** Files an expense of `fen` and has everyone whose inbox it reaches approve it. */
  const expense = async (caller: Caller, fen: number) => {
    const filed = await caller.call('expenses.create', { type: 'other', purpose: '资料费', fields: { amount: fen } });
    for (let round = 0; round < 5; round++) {
      const request = await caller.call('requests.get', { id: filed.requestId });
      if (request.status === 'approved') return;
      for (const approver of [supervisor, manager, t.team.director, gm, finance]) {
        if ((await approver.call('requests.inbox', {})).some((r) => r.id === request.id)) {
          await approver.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
          break;
        }
      }
    }
    expect((await caller.call('requests.get', { id: filed.requestId })).status).toBe('approved');
  };

  // January 2025
  const c1 = (await customer(repA, 'C1', 30)).id;
  const jan25 = await inspected(repA, c1, pe, 5);
  await deliver(jan25, 5, '2025-01-15');
  setDay('2025-02-10'); // paid in full, so C1 has nothing overdue when it orders again
  await finance.call('ledger.postReceipt', { customerId: c1, date: '2025-02-10', amountFen: 5_000_000, allocations: [{ orderId: jan25.order.id, amountFen: 5_000_000 }] });
  await gm.call('targets.save', { year: 2025, version: 0, totalFen: 96_000_000, monthsFen: Array(12).fill(8_000_000) });

  // December 2025
  setDay('2025-12-01');
  const c2 = (await customer(repB, 'C2', 21)).id;
  const dec = await inspected(repA, c1, pe, 8);
  const decB = await inspected(repB, c2, pe, 4);
  await deliver(dec, 8, '2025-12-10');
  await deliver(decB, 4, '2025-12-20');
  await expense(repA, 5_000);

  // January 2026
  setDay('2026-01-05');
  const m = (n: number) => Array(12).fill(n) as number[];
  await gm.call('targets.save', {
    year: 2026,
    version: 0,
    totalFen: 120_000_000,
    monthsFen: m(10_000_000),
    breakdowns: {
      region: [
        { key: '华东', yearFen: 84_000_000, monthsFen: m(7_000_000) },
        { key: '华南', yearFen: 36_000_000, monthsFen: m(3_000_000) },
      ],
      channel: [
        { key: 'direct', yearFen: 84_000_000, monthsFen: m(7_000_000) },
        { key: 'dealer', yearFen: 36_000_000, monthsFen: m(3_000_000) },
      ],
      line: [],
      rep: [
        { key: String(repA.id), yearFen: 60_000_000, monthsFen: m(5_000_000) },
        { key: String(repB.id), yearFen: 36_000_000, monthsFen: m(3_000_000) },
        { key: String(supervisor.id), yearFen: 24_000_000, monthsFen: m(2_000_000) },
      ],
    },
  });
  const c3 = await customer(repA, 'C3', 0);
  setDay('2026-01-06');
  await manager.call('approvals.decideApplication', { id: c3.application.id, decision: 'approve', comment: '同意' });
  const janC1 = await inspected(repA, c1, pe, 10);
  const janC3 = await inspected(repA, c3.id, pp, 2);
  const janC2 = await inspected(repB, c2, pe, 3);
  const mistaken = await inspected(repB, c2, pe, 1);
  await finance.call('ledger.postDeposit', { customerId: c3.id, date: '2026-01-06', amountFen: 500_000, allocations: [{ orderId: janC3.order.id, amountFen: 500_000 }] });
  await deliver(janC1, 6, '2026-01-08');
  await deliver(janC2, 3, '2026-01-10');
  await deliver(mistaken, 1, '2026-01-11');
  await deliver(janC3, 2, '2026-01-12');
  setDay('2026-01-14');
  const wrong = (await finance.call('ledger.entries', { customerId: c2, startRow: 0, endRow: 20 })).rows.find((e) => e.kind === 'sale' && e.entryDate === '2026-01-11')!;
  await finance.call('ledger.reverse', { entryId: wrong.id, reason: '签收登记错误', date: '2026-01-14' });
  setDay('2026-01-15');
  await finance.call('ledger.postReceipt', { customerId: c1, date: '2026-01-15', amountFen: 5_000_000, allocations: [{ orderId: dec.order.id, amountFen: 5_000_000 }] });
  await expense(repA, 30_000);
  await expense(repB, 20_000);
  await expense(supervisor, 10_000);
  setDay('2026-01-10');
  const c4 = (await customer(repC, 'C4', 30)).id; // its application stays pending
  const janC4 = await inspected(repC, c4, pe, 1);
  await deliver(janC4, 1, '2026-01-20');

  // complaints (received at 10:00 UTC+8 = 02:00 UTC; deadlines 24 h / 48 h / 3 working days)
  setDay('2026-01-20');
  const k1 = await repA.call('complaints.create', {
    customerId: c1,
    summary: '包装破损',
    receivedAt: '2026-01-20T02:00:00.000Z',
    fileSlip: true,
    occurredAt: '2026-01-19T02:00:00.000Z',
    course: '到货时外包装破损',
    responsibleId: repA.id,
    workOrderNo: 'GD-1',
  });
  const handled = await repA.call('complaints.act', { id: k1.id, version: k1.version, action: 'handle', note: '补发' });
  await repA.call('complaints.act', { id: handled.id, version: handled.version, action: 'respond', note: '已电话答复' });
  setDay('2026-01-21');
  const k2 = await repB.call('complaints.create', { customerId: c2, summary: '送货延迟', receivedAt: '2026-01-21T02:00:00.000Z' });
  setDay('2026-01-23'); // 04:00 UTC: 50 hours after receipt, past both deadlines
  let k2now = await repB.call('complaints.act', { id: k2.id, version: k2.version, action: 'handle', note: '协调物流' });
  k2now = await repB.call('complaints.act', { id: k2now.id, version: k2now.version, action: 'respond', note: '已答复' });
  await repB.call('complaints.fileSlip', { id: k2now.id, version: k2now.version, occurredAt: '2026-01-20T02:00:00.000Z', course: '物流延误', responsibleId: repB.id, workOrderNo: 'GD-2' });
  setDay('2026-01-26');
  await finance.call('ledger.postReceipt', { customerId: c2, date: '2026-01-26', amountFen: 3_000_000 });
  setDay('2026-01-27');
  const small = await finance.call('ledger.postReceipt', { customerId: c2, date: '2026-01-27', amountFen: 100_000 });
  setDay('2026-01-28');
  await finance.call('ledger.reverse', { entryId: small.entry.id, reason: '重复登记', date: '2026-01-28' });
  setDay('2026-01-31');
  await repC.call('complaints.create', { customerId: c4, summary: '质量问题', receivedAt: '2026-01-31T02:00:00.000Z' });

  const o = (d: { order: { id: number; orderNo: string } }) => ({ id: d.order.id, no: d.order.orderNo });
  return { team, repC, pe, c: { c1, c2, c3: c3.id, c4 }, orders: { dec: o(dec), janC1: o(janC1), janC3: o(janC3), janC2: o(janC2), mistaken: o(mistaken) } };
}

beforeAll(async () => {
  template = await teamTemplate();
  w = await dataset();
  setDay('2026-01-31');
}, 120_000);
afterAll(() => {
  t?.cleanup();
  template?.cleanup();
});

const report = (by: 'rep' | 'region' | 'channel', month = '2026-01') => w.team.gm.call('report.monthly', { month, by });

// —— the figures, by hand ——

const A = () => String(w.team.repA.id);
const B = () => String(w.team.repB.id);
const C = () => String(w.repC.id);
const S = () => String(w.team.supervisor.id);

/** 张伟: 6 t PE (6,000,000, cost 4,800,000) + 2 t PP (1,000,000, cost 900,000). */
const repARow = (): ReportFigures => ({
  key: A(),
  name: '张伟',
  sales: 6_000_000 + 1_000_000,
  cost: 4_800_000 + 900_000,
  quantity: 6 + 2,
  grossMargin: (7_000_000 - 5_700_000) / 7_000_000,
  mom: 7_000_000 / 8_000_000 - 1, // December 2025: 8 t
  yoy: 7_000_000 / 5_000_000 - 1, // January 2025: 5 t
  expenses: 30_000,
  expenseRatio: 30_000 / 7_000_000,
  target: 5_000_000,
  achievement: 7_000_000 / 5_000_000,
  receipts: 5_000_000 + 500_000, // the receipt on C1 and C3's deposit
  collectionRate: 5_500_000 / (8_000_000 + 1_000_000), // opening balance (December's sale) + C3's cash sale (C1's is due in February)
  newCustomers: 1, // C3
  reps: 1,
  perCapitaSales: 7_000_000,
  complaints: 1,
  complaintsOnTimeRate: 1 / 1,
});
/** 李娜: 3 t + 1 t − the 1 t reversed. */
const repBRow = (): ReportFigures => ({
  key: B(),
  name: '李娜',
  sales: 3_000_000 + 1_000_000 - 1_000_000,
  cost: 2_400_000 + 800_000 - 800_000,
  quantity: 3 + 1 - 1,
  grossMargin: (3_000_000 - 2_400_000) / 3_000_000,
  mom: 3_000_000 / 4_000_000 - 1,
  yoy: null, // nothing in January 2025
  expenses: 20_000,
  expenseRatio: 20_000 / 3_000_000,
  target: 3_000_000,
  achievement: 3_000_000 / 3_000_000,
  receipts: 3_000_000 + 100_000 - 100_000,
  collectionRate: 3_000_000 / (4_000_000 + 3_000_000), // opening + the 01-10 sale due 01-31; the 01-11 one (and its reversal) due 02-01
  newCustomers: 0,
  reps: 1,
  perCapitaSales: 3_000_000,
  complaints: 1,
  complaintsOnTimeRate: 0 / 1,
});
/** 陈新: a new customer without an approved application, no target, nothing before January. */
const repCRow = (): ReportFigures => ({
  key: C(),
  name: '陈新',
  sales: 1_000_000,
  cost: 800_000,
  quantity: 1,
  grossMargin: (1_000_000 - 800_000) / 1_000_000,
  mom: null,
  yoy: null,
  expenses: 0,
  expenseRatio: 0 / 1_000_000,
  target: 0,
  achievement: null,
  receipts: 0,
  collectionRate: null, // nothing due (C4's sale is due 02-19)
  newCustomers: 0,
  reps: 0,
  perCapitaSales: null,
  complaints: 1,
  complaintsOnTimeRate: null, // the open one is not judged yet
});
/** 孙主管: a target and an expense, no sales. */
const supervisorRow = (): ReportFigures => ({
  key: S(),
  name: '孙主管',
  sales: 0,
  cost: 0,
  quantity: 0,
  grossMargin: null,
  mom: null,
  yoy: null,
  expenses: 10_000,
  expenseRatio: null,
  target: 2_000_000,
  achievement: 0 / 2_000_000,
  receipts: 0,
  collectionRate: null,
  newCustomers: 0,
  reps: 1,
  perCapitaSales: 0,
  complaints: 0,
  complaintsOnTimeRate: null,
});
const totalRow = (): ReportFigures => ({
  key: '',
  name: '合计',
  sales: 7_000_000 + 3_000_000 + 1_000_000,
  cost: 5_700_000 + 2_400_000 + 800_000,
  quantity: 8 + 3 + 1,
  grossMargin: (11_000_000 - 8_900_000) / 11_000_000,
  mom: 11_000_000 / 12_000_000 - 1,
  yoy: 11_000_000 / 5_000_000 - 1,
  expenses: 30_000 + 20_000 + 10_000,
  expenseRatio: 60_000 / 11_000_000,
  target: 10_000_000, // the plan's January total
  achievement: 11_000_000 / 10_000_000,
  receipts: 5_500_000 + 3_000_000,
  collectionRate: 8_500_000 / (9_000_000 + 7_000_000),
  newCustomers: 1,
  reps: 3,
  perCapitaSales: Math.round(11_000_000 / 3), // 3,666,667
  complaints: 3,
  complaintsOnTimeRate: 1 / 2,
});

describe('report.monthly: every figure of January 2026 computed by hand', () => {
  it('by rep: four rows sorted by sales, the company total, the basis of the ratios', async () => {
    const r = await report('rep');
    expect(r.month).toBe('2026-01');
    expect(r.by).toBe('rep');
    expect(r.rows).toEqual([repARow(), repBRow(), repCRow(), supervisorRow()]);
    expect(r.total).toEqual(totalRow());
    expect(r.basis).toEqual([
      { key: A(), prevSales: 8_000_000, lastYearSales: 5_000_000, receivableDue: 9_000_000, complaintsJudged: 1, complaintsOnTime: 1 },
      { key: B(), prevSales: 4_000_000, lastYearSales: 0, receivableDue: 7_000_000, complaintsJudged: 1, complaintsOnTime: 0 },
      { key: C(), prevSales: 0, lastYearSales: 0, receivableDue: 0, complaintsJudged: 0, complaintsOnTime: 0 },
      { key: S(), prevSales: 0, lastYearSales: 0, receivableDue: 0, complaintsJudged: 0, complaintsOnTime: 0 },
    ]);
    expect(r.totalBasis).toEqual({ key: '', prevSales: 12_000_000, lastYearSales: 5_000_000, receivableDue: 16_000_000, complaintsJudged: 2, complaintsOnTime: 1 });
    expect(r.generatedAt).toBe('2026-01-31T04:00:00.000Z');
    for (const row of [...r.rows, r.total]) expect(Object.keys(row).sort()).toEqual(Object.keys(reportFiguresSchema.shape).sort());
  });

  it('by region: 华东 = 张伟 + 陈新 + 孙主管 against the region target, 华南 = 李娜', async () => {
    const r = await report('region');
    expect(r.rows).toEqual([
      {
        key: '华东',
        name: '华东',
        sales: 7_000_000 + 1_000_000,
        cost: 5_700_000 + 800_000,
        quantity: 9,
        grossMargin: (8_000_000 - 6_500_000) / 8_000_000,
        mom: 8_000_000 / 8_000_000 - 1, // 0: December was 8,000,000 too
        yoy: 8_000_000 / 5_000_000 - 1,
        expenses: 30_000 + 10_000,
        expenseRatio: 40_000 / 8_000_000,
        target: 7_000_000,
        achievement: 8_000_000 / 7_000_000,
        receipts: 5_500_000,
        collectionRate: 5_500_000 / 9_000_000,
        newCustomers: 1,
        reps: 2,
        perCapitaSales: 4_000_000,
        complaints: 2,
        complaintsOnTimeRate: 1 / 1,
      },
      { ...repBRow(), key: '华南', name: '华南' },
    ]);
    expect(r.total).toEqual(totalRow());
    expect(r.regions).toEqual([
      { key: '华东', name: '华东', sales: 8_000_000, target: 7_000_000 },
      { key: '华南', name: '华南', sales: 3_000_000, target: 3_000_000 },
    ]);
  });

  it('by channel: direct = 张伟 + 孙主管, dealer = 李娜 + 陈新', async () => {
    const r = await report('channel');
    expect(r.rows).toEqual([
      {
        ...repARow(),
        key: 'direct',
        name: '直销',
        expenses: 40_000,
        expenseRatio: 40_000 / 7_000_000,
        target: 7_000_000,
        achievement: 7_000_000 / 7_000_000,
        reps: 2,
        perCapitaSales: 3_500_000,
      },
      {
        key: 'dealer',
        name: '代理商',
        sales: 4_000_000,
        cost: 3_200_000,
        quantity: 4,
        grossMargin: (4_000_000 - 3_200_000) / 4_000_000,
        mom: 4_000_000 / 4_000_000 - 1,
        yoy: null,
        expenses: 20_000,
        expenseRatio: 20_000 / 4_000_000,
        target: 3_000_000,
        achievement: 4_000_000 / 3_000_000,
        receipts: 3_000_000,
        collectionRate: 3_000_000 / 7_000_000,
        newCustomers: 0,
        reps: 1,
        perCapitaSales: 4_000_000,
        complaints: 2,
        complaintsOnTimeRate: 0 / 1,
      },
    ]);
    expect(r.total).toEqual(totalRow());
    // the region bars whatever the dimension
    expect(r.regions.map((x) => [x.key, x.sales, x.target])).toEqual([
      ['华东', 8_000_000, 7_000_000],
      ['华南', 3_000_000, 3_000_000],
    ]);
  });

  it('the trend: 12 months to January 2026, targets of both years, MoM and YoY across the year boundary', async () => {
    const r = await report('rep');
    const quiet = (month: string) => ({ month, sales: 0, target: 8_000_000, expenses: 0, mom: null, yoy: null, expenseRatio: null });
    expect(r.trend).toEqual([
      { ...quiet('2025-02'), mom: 0 / 5_000_000 - 1 }, // January 2025 sold 5,000,000
      ...['03', '04', '05', '06', '07', '08', '09', '10', '11'].map((mm) => quiet(`2025-${mm}`)),
      { month: '2025-12', sales: 12_000_000, target: 8_000_000, expenses: 5_000, mom: null, yoy: null, expenseRatio: 5_000 / 12_000_000 },
      { month: '2026-01', sales: 11_000_000, target: 10_000_000, expenses: 60_000, mom: 11_000_000 / 12_000_000 - 1, yoy: 11_000_000 / 5_000_000 - 1, expenseRatio: 60_000 / 11_000_000 },
    ]);
  });

  it('December 2025: MoM null (nothing in November), YoY null; a month without data has no rows and only null ratios', async () => {
    const dec = await report('rep', '2025-12');
    expect(dec.rows.map((r) => [r.name, r.sales, r.mom, r.yoy, r.target, r.achievement])).toEqual([
      ['张伟', 8_000_000, null, null, 0, null],
      ['李娜', 4_000_000, null, null, 0, null],
    ]);
    expect(dec.total).toMatchObject({ sales: 12_000_000, target: 8_000_000, achievement: 12_000_000 / 8_000_000, expenses: 5_000, reps: 0, perCapitaSales: null });
    const empty = await report('region', '2024-06');
    expect(empty.rows).toEqual([]);
    expect(empty.total).toMatchObject({ sales: 0, grossMargin: null, mom: null, yoy: null, expenseRatio: null, achievement: null, collectionRate: null, perCapitaSales: null, complaintsOnTimeRate: null });
  });

  it('K-SCORE / K-BONUS helpers: sales per rep, and C-NEW sales that do not count (陈新’s C4 has no approved application)', () => {
    const db = t.core.database.db;
    expect(salesByRep(db, '2026-01')).toEqual(
      new Map([
        [w.team.repA.id, 7_000_000],
        [w.team.repB.id, 3_000_000],
        [w.repC.id, 1_000_000],
      ]),
    );
    expect(uncountedNewCustomerSales(db, '2026-01')).toEqual(new Map([[w.repC.id, 1_000_000]]));
    expect(uncountedNewCustomerSales(db, '2025-12')).toEqual(new Map([[w.team.repB.id, 4_000_000]])); // C2's application is still pending
  });
});

describe('the sales of a range of months are read from ledger_kind_date_rep_amount_idx', () => {
  it('the query plan of the sales per rep uses the index for both the postings and the reversals', () => {
    const { start, next } = { start: '2026-01-01', next: '2026-02-01' };
    const plan = t.core.database.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT s.rep_id, sum(s.amount_fen) FROM ${saleAmounts(start, next)} s GROUP BY s.rep_id`);
    const uses = plan.filter((row) => row.detail.includes('ledger_kind_date_rep_amount_idx'));
    expect(uses.length).toBeGreaterThanOrEqual(2);
    expect(salesByRep(t.core.database.db, '2026-01').get(w.team.repB.id)).toBe(repBRow().sales);
  });
});

describe('report.drill: the orders behind a figure add up to it', () => {
  it('sales of 李娜: the order and the reversed one (net zero); of the total: every order', async () => {
    const { finance, gm } = w.team;
    const b = await finance.call('report.drill', { month: '2026-01', by: 'rep', key: B(), figure: 'sales' });
    expect(b.rows).toEqual([
      { orderId: w.orders.janC2.id, orderNo: w.orders.janC2.no, customerNo: 'C2', customerName: '客户C2', repName: '李娜', date: '2026-01-10', sales: 3_000_000, cost: 2_400_000, quantity: 3, receipts: 0 },
      { orderId: w.orders.mistaken.id, orderNo: w.orders.mistaken.no, customerNo: 'C2', customerName: '客户C2', repName: '李娜', date: '2026-01-11 … 2026-01-14', sales: 0, cost: 0, quantity: 0, receipts: 0 },
    ]);
    expect(b.sales).toBe(repBRow().sales);
    const all = await gm.call('report.drill', { month: '2026-01', by: 'rep', key: null, figure: 'sales' });
    expect(all.rows).toHaveLength(5);
    expect(all.sales).toBe(totalRow().sales);
    expect(all.rows.reduce((s, r) => s + r.cost, 0)).toBe(totalRow().cost);
    expect(all.rows.reduce((s, r) => s + r.quantity, 0)).toBe(totalRow().quantity);
    const east = await gm.call('report.drill', { month: '2026-01', by: 'region', key: '华东', figure: 'sales' });
    expect(east.sales).toBe(8_000_000);
  });

  it('receipts: per order when allocated, else per customer; a reversed receipt nets out', async () => {
    const { gm } = w.team;
    const a = await gm.call('report.drill', { month: '2026-01', by: 'rep', key: A(), figure: 'receipts' });
    expect(a.rows.map((r) => [r.orderNo, r.customerNo, r.date, r.receipts])).toEqual([
      [w.orders.janC3.no, 'C3', '2026-01-06', 500_000],
      [w.orders.dec.no, 'C1', '2026-01-15', 5_000_000],
    ]);
    expect(a.receipts).toBe(repARow().receipts);
    const b = await gm.call('report.drill', { month: '2026-01', by: 'channel', key: 'dealer', figure: 'receipts' });
    expect(b.rows.map((r) => [r.orderId, r.orderNo, r.customerNo, r.date, r.receipts])).toEqual([[null, '', 'C2', '2026-01-26 … 2026-01-28', 3_000_000]]);
    const all = await gm.call('report.drill', { month: '2026-01', by: 'rep', key: null, figure: 'receipts' });
    expect(all.receipts).toBe(totalRow().receipts);
  });
});

describe('report.export: Excel and CSV with the numbers of the JSON', () => {
  it('the xlsx read back: title, headers, one row per report row and 合计; money in yuan, ratios as numbers, — where undefined', async () => {
    const json = await report('rep');
    const file = await w.team.finance.call('report.export', { month: '2026-01', by: 'rep', format: 'xlsx' });
    expect(file.fileName).toBe('月度报表-2026-01-按客户经理.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe('苏州恒达化工有限公司 月度销售报表 2026年1月 · 按客户经理');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['客户经理', ...REPORT_COLUMNS.map((c) => c.zh)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const expected = [...json.rows, json.total];
    expect(sheet.rowCount).toBe(2 + expected.length);
    expected.forEach((figures, i) => {
      const row = sheet.getRow(3 + i);
      expect(row.getCell(1).value).toBe(figures.name);
      REPORT_COLUMNS.forEach((c, j) => {
        const cell = row.getCell(j + 2);
        const value = figures[c.field] as number | null;
        if (value === null) expect(cell.value, c.field).toBe('—');
        else {
          expect(cell.value, c.field).toBeCloseTo(c.kind === 'fen' ? value / 100 : value, 10);
          expect(cell.numFmt).toBe(c.kind === 'fen' ? '#,##0.00' : c.kind === 'ratio' ? '0.0%' : c.kind === 'count' ? '0' : '#,##0.000');
        }
      });
    });
    expect(row3Sales(sheet)).toBe(70_000);
    expect(t.count('audit_log')).toBeGreaterThan(0);
  });

  it('the CSV: BOM, Chinese headers, yuan with two decimals, percentages, — where undefined; audited', async () => {
    const before = auditCount('report.export');
    const file = await w.team.gm.call('report.export', { month: '2026-01', by: 'region', format: 'csv' });
    expect(file.fileName).toBe('月度报表-2026-01-按区域.csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['区域', ...REPORT_COLUMNS.map((c) => c.zh)]);
    const col = (name: string) => lines[0]!.indexOf(name);
    expect(lines.map((l) => l[0])).toEqual(['区域', '华东', '华南', '合计']);
    expect(lines[1]![col('销售额')]).toBe('80000.00');
    expect(lines[1]![col('数量')]).toBe('9');
    expect(lines[1]![col('毛利率')]).toBe('18.8%'); // 1,500,000 / 8,000,000 = 18.75 %
    expect(lines[1]![col('达成率')]).toBe('114.3%'); // 8 / 7
    expect(lines[2]![col('同比')]).toBe('—');
    expect(lines[2]![col('费效比')]).toBe('0.7%'); // 20,000 / 3,000,000
    expect(lines[3]![col('人均销售额')]).toBe('36666.67');
    expect(lines[3]![col('投诉处理及时率')]).toBe('50.0%');
    expect(auditCount('report.export')).toBe(before + 1);
  });
});

function row3Sales(sheet: ExcelJS.Worksheet) {
  return sheet.getRow(3).getCell(2).value;
}
const auditCount = (action: string) => (t.core.database.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

describe('access and the month to date', () => {
  it('a rep may not read the report, drill or export; the heads, supervisors, assistants and finance may', async () => {
    const { repA, supervisor, assistant, finance, director } = w.team;
    for (const [channel, input] of [
      ['report.monthly', { month: '2026-01', by: 'rep' }],
      ['report.drill', { month: '2026-01', by: 'rep', key: null }],
      ['report.export', { month: '2026-01', by: 'rep', format: 'csv' }],
    ] as const) {
      expect((await repA.fail(channel, input)).code).toBe('FORBIDDEN');
    }
    for (const caller of [supervisor, assistant, finance, director]) {
      // a supervisor reads every rep's figures, with every rep's target
      expect((await caller.call('report.monthly', { month: '2026-01', by: 'rep' })).rows).toEqual([repARow(), repBRow(), repCRow(), supervisorRow()]);
    }
  });

  it('monthToDate: a rep his own, a supervisor his team, the others the company; working days of the company calendar', async () => {
    const { repA, repB, supervisor, gm, finance } = w.team;
    // January 2026: 22 weekdays, less New Year's Day and 2 January, plus Sunday 4 January (调休) = 21
    const days = { month: '2026-01', asOf: '2026-01-31', daysElapsed: 21, workingDays: 21 };
    expect(await repA.call('report.monthToDate', {})).toEqual({ ...days, scope: 'own', sales: 7_000_000, target: 5_000_000, achievement: 7_000_000 / 5_000_000 });
    expect(await repB.call('report.monthToDate', {})).toEqual({ ...days, scope: 'own', sales: 3_000_000, target: 3_000_000, achievement: 1 });
    expect(await w.repC.call('report.monthToDate', {})).toEqual({ ...days, scope: 'own', sales: 1_000_000, target: 0, achievement: null });
    expect(await supervisor.call('report.monthToDate', {})).toEqual({ ...days, scope: 'team', sales: 0 + 7_000_000, target: 2_000_000 + 5_000_000, achievement: 1 });
    for (const caller of [gm, finance]) {
      expect(await caller.call('report.monthToDate', {})).toEqual({ ...days, scope: 'company', sales: 11_000_000, target: 10_000_000, achievement: 1.1 });
    }
    setDay('2026-01-15'); // Thursday: 4 January, 5–9, 12–15
    try {
      expect(await gm.call('report.monthToDate', {})).toMatchObject({ asOf: '2026-01-15', daysElapsed: 1 + 5 + 4, workingDays: 21 });
    } finally {
      setDay('2026-01-31');
    }
  });
});

describe('complaints on time: judged when every step is done or a deadline is missed', () => {
  const c = { ownerId: 1, handleDueAt: '2026-01-02T02:00:00.000Z', respondDueAt: '2026-01-03T02:00:00.000Z', slipDueDate: '2026-01-06' };
  const at = (iso: string) => new Date(iso);
  it.each([
    ['all done by the deadlines', { handledAt: '2026-01-02T02:00:00.000Z', respondedAt: '2026-01-03T02:00:00.000Z', slipFiledAt: '2026-01-06T18:00:00+08:00' }, '2026-01-10T00:00:00Z', { judged: true, onTime: true }],
    ['handled a second late', { handledAt: '2026-01-02T02:00:01.000Z', respondedAt: '2026-01-02T03:00:00.000Z', slipFiledAt: '2026-01-02T10:00:00+08:00' }, '2026-01-10T00:00:00Z', { judged: true, onTime: false }],
    ['the slip a day late', { handledAt: '2026-01-01T02:00:00.000Z', respondedAt: '2026-01-01T03:00:00.000Z', slipFiledAt: '2026-01-07T09:00:00+08:00' }, '2026-01-10T00:00:00Z', { judged: true, onTime: false }],
    ['open, no deadline passed', { handledAt: null, respondedAt: null, slipFiledAt: null }, '2026-01-02T02:00:00.000Z', { judged: false, onTime: false }],
    ['open, the handle deadline just passed', { handledAt: null, respondedAt: null, slipFiledAt: null }, '2026-01-02T02:00:00.001Z', { judged: true, onTime: false }],
    ['handled on time, the rest still open in time', { handledAt: '2026-01-01T03:00:00.000Z', respondedAt: null, slipFiledAt: null }, '2026-01-02T12:00:00.000Z', { judged: false, onTime: false }],
  ] as const)('%s', (_label, steps, now, expected) => {
    expect(judgeComplaint({ ...c, ...steps }, at(now))).toEqual(expected);
  });
});

describe('C-NEW in the report: an application filed by day 25 of the month counts, one filed on the 26th does not', () => {
  it('February 2026: 李娜’s C5 (filed 02-25, approved) is a new customer; C6 (filed 02-26, approved) is not, and its sales do not count', async () => {
    const { repB, manager, assistant } = w.team;
    const pe = w.pe;
    const newCustomer = async (no: string, day: string) => {
      setDay(day);
      const { customer, application } = await createCustomer(repB, no, { name: `客户${no}` });
      await manager.call('customers.update', { id: customer.id, version: customer.version, patch: { creditLimitFen: 100_000_000, creditDays: 30 } });
      await manager.call('approvals.decideApplication', { id: application.id, decision: 'approve', comment: '同意' });
      let d = await repB.call('orders.create', { customerId: customer.id, requiredSchedule: '两周内', deliveryDate: '2027-12-31', deliveryPlace: '苏州', packaging: '袋装', shippingMethod: '汽运', lines: [{ productId: pe, quantityMilli: 1_000 }] });
      d = await repB.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = await repB.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
      }
      const shipment = await assistant.call('shipments.create', { orderId: d.order.id, shipmentNo: `CK-${no}`, shipDate: day, lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: 1_000 }] });
      await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: day });
    };
    try {
      await newCustomer('C5', '2026-02-25'); // at the deadline (day 25, C-NEW's default)
      await newCustomer('C6', '2026-02-26'); // a day over
      const feb = await report('rep', '2026-02');
      expect(feb.rows.filter((r) => r.newCustomers || r.sales).map((r) => [r.name, r.sales, r.newCustomers])).toEqual([['李娜', 1_000_000 + 1_000_000, 1]]);
      expect(feb.total.newCustomers).toBe(1);
      expect(uncountedNewCustomerSales(t.core.database.db, '2026-02')).toEqual(new Map([[w.team.repB.id, 1_000_000]]));
    } finally {
      setDay('2026-01-31');
    }
    // January's figures do not move (read again on 01-31: 陈新's complaint is not judged yet)
    expect((await report('rep')).rows).toEqual([repARow(), repBRow(), repCRow(), supervisorRow()]);
  });
});

describe('salesdesk report monthly', () => {
  it('JSON exactly { month, by, rows, total } (fen, fractions, null), CSV and xlsx to files, usage errors exit 2', async () => {
    const api = await report('region');
    t.core.close(); // checkpoints the WAL into the file; the CLI opens it read-only
    const json = await salesdesk(['report', 'monthly', '--month', '2026-01', '--by', 'region', '--db', t.file]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as MonthlyReport;
    expect(Object.keys(parsed)).toEqual(['month', 'by', 'rows', 'total']);
    // the CLI reads on the real clock: C4's complaint of 2026-01-31 is now past its deadlines, judged late
    const later = (f: ReportFigures, rate: number) => ({ ...f, complaintsOnTimeRate: rate });
    expect(parsed).toEqual({ month: '2026-01', by: 'region', rows: [later(api.rows[0]!, 1 / 2), api.rows[1]], total: later(api.total, 1 / 3) });
    expect(parsed.rows[1]!.yoy).toBeNull();

    const { reportMonthlyCommand } = await import('../../electron/cli/commands/report');
    const { Output } = await import('../../electron/cli/output');
    const out = new Output(false);
    const xlsx = join(t.dir, 'm.xlsx');
    const csv = join(t.dir, 'm.csv');
    expect(await reportMonthlyCommand.run(['--month', '2026-01', '--by', 'channel', '--format', 'xlsx', '--out', xlsx, '--db', t.file], out)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]!.getRow(3).getCell(1).value).toBe('直销');
    expect(workbook.worksheets[0]!.getRow(3).getCell(2).value).toBe(70_000);
    expect(await reportMonthlyCommand.run(['--month', '2026-01', '--format', 'csv', '--out', csv, '--db', t.file], out)).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[1]!.startsWith('张伟,70000.00,8,57000.00,18.6%,-12.5%,40.0%,50000.00,140.0%')).toBe(true);

    if (chromiumForPdf()) {
      const pdf = join(t.dir, 'm.pdf');
      expect(await reportMonthlyCommand.run(['--month', '2026-01', '--format', 'pdf', '--out', pdf, '--db', t.file], out)).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }

    const usage = await salesdesk(['report', 'monthly', '--month', '2026-13', '--db', t.file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--month');
    for (const args of [['--month', '2026-01', '--by', 'city'], ['--month', '2026-01', '--format', 'xlsx'], ['--month', '2026-01', '--format', 'doc'], ['--by', 'rep']]) {
      await expect(reportMonthlyCommand.run([...args, '--db', t.file], out)).rejects.toMatchObject({ name: 'UsageError' });
    }
  }, 60_000);
});

function salesdesk(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(t.dir, 'config'), HOME: t.dir };
    delete env.SALESDESK_DB;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: t.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

