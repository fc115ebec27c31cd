// `salesdesk demo`, part two: the product catalogue with its price history, and a year of orders to
// cash (electron/cli/demo/orders.ts plans them) written to the database.
//
// How it is written, and what the audit log holds:
// - Products, prices and the discontinued product go through the products service (createProduct,
//   setPrice, setActive) at their own dates: a few dozen calls, each with its audit row.
// - The order history is written in bulk, in one transaction, straight into the tables (orders and
//   their lines, every O-STATUS transition, the order_confirmation requests with their steps,
//   shipments and their lines, ledger entries, receipt allocations, surveys): hundreds of thousands
//   of rows in seconds, where the services would take an hour. The rows are those the services
//   would have written (same amounts, numbers, notes, versions and states — see orders.ts), but
//   these bulk rows carry no audit row each: the history is loaded the way a migration from the old
//   paper ledger would be, and one `demo.generate` audit row (entity 'orders') records the batch
//   with its seed and counts.
// - The bad-debt write-off request of the customer who stopped paying goes through the ledger
//   service (requestBadDebt), with its audit row, and waits in the approvals inbox.
// Business days are the office's (China) calendar; the services called here take the machine's local
// date, which is the same day for office hours on a machine set to China time or UTC.
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/domain';
import type { OrderStatus } from '../../../shared/orders';
import { LEDGER_KIND_LABELS } from '../../../shared/orders';
import type { Decision } from '../../../shared/policy';
import type { User } from '../../../shared/users';
import { recordAudit } from '../../core/audit/audit';
import type { Core } from '../../core/index';
import { balanceOf, requestBadDebt } from '../../core/ledger/ledger';
import { ledgerEntries, receiptAllocations, shipmentLines, shipments } from '../../core/ledger/schema';
import { orderLines, orders, orderSurveys, orderTransitions } from '../../core/orders/schema';
import { companyCalendar } from '../../core/policy/context';
import { evaluateRequest } from '../../core/policy/kinds';
import { paramsInForce } from '../../core/policy/params';
import { productPrices, products } from '../../core/products/schema';
import { createProduct, setActive, setPrice } from '../../core/products/service';
import { policyRequests, policyRequestSteps } from '../../core/requests/schema';
import { loadActor } from '../../core/users/service';
import { bulkInsert, withIndexesRebuilt } from './bulk';
import { CATALOGUE, DISCONTINUED } from './catalogue';
import { dateOf, dayOf, dayOfMs, nowOf, planOrders, type DemoBuyer, type DemoProduct, type OrderPlan } from './orders';
import type { DemoCustomerRow } from './plan';
import { SeededRandom } from './random';

export const DEFAULT_DEMO_ORDERS = 300;
export const MAX_DEMO_ORDERS = 1_000_000;

export interface SalesOptions {
  orders: number;
  /** How many customers buy (default: about one per four orders). */
  buyers?: number | undefined;
  seed: number;
  asOf: string;
  /** Check every confirmation's shortcut against the policy engine (tests). */
  verify?: boolean | undefined;
}

export interface SalesResult {
  products: { count: number; created: boolean; priceChanges: number };
  orders: {
    count: number;
    lines: number;
    buyers: number;
    byStatus: Record<OrderStatus, number>;
    /** Drafts waiting for approval (order_confirmation requests pending). */
    held: number;
  };
  shipments: { count: number; delivered: number };
  ledger: { entries: number; allocations: number; reversals: number };
  badDebtRequestId: number | null;
  timings: { productsMs: number; planMs: number; writeMs: number };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Independent streams per part, so adding orders never changes the customers of a seed. */
const streamSeed = (seed: number, salt: number) => (seed ^ salt) >>> 0;

export function generateSales(core: Core, users: readonly User[], customers: readonly { row: DemoCustomerRow; id: number }[], adminId: number, options: SalesOptions): SalesResult {
  const started = performance.now();
  const catalogue = ensureCatalogue(core, users, options.asOf, new SeededRandom(streamSeed(options.seed, 0x68e31da4)));
  const productsDone = performance.now();

  const db = core.database.db;
  const byCode = new Map([...CATALOGUE, DISCONTINUED].map((p) => [p.code, p]));
  const prices = db.select().from(productPrices).orderBy(productPrices.productId, productPrices.effectiveFrom).all();
  const historyOf = new Map<number, { from: string; standardPriceFen: number; costPriceFen: number }[]>();
  for (const p of prices) {
    const list = historyOf.get(p.productId) ?? [];
    list.push({ from: p.effectiveFrom, standardPriceFen: p.standardPriceFen, costPriceFen: p.costPriceFen });
    historyOf.set(p.productId, list);
  }
  const productList: DemoProduct[] = db
    .select()
    .from(products)
    .where(eq(products.active, true))
    .orderBy(products.id)
    .all()
    .map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      spec: p.spec,
      unit: p.unit,
      productLine: p.productLine,
      packaging: byCode.get(p.code)?.packaging || '标准包装',
      hazardous: byCode.get(p.code)?.hazardous ?? false,
      prices: historyOf.get(p.id) ?? [],
    }));

  const buyers: DemoBuyer[] = customers.map(({ row, id }) => ({
    id,
    customerNo: row.customerNo,
    address: row.address,
    industry: row.industry,
    grade: row.grade,
    status: row.status,
    archived: row.archivedAt !== null,
    settlementType: row.settlementType,
    creditLimitFen: row.creditLimitFen,
    creditDays: row.creditDays,
    monthlyVolume: row.monthlyVolume,
    ownerId: row.ownerId,
    openedDay: dayOfMs(Date.parse(row.createdAt)),
  }));

  // The engine, as orders.confirm asks it (requests.judge): this database's calendar and parameters.
  const calendar = companyCalendar(db);
  const params = new Map<string, unknown>();
  const paramsFor = ((ruleId: string, day: string) => {
    const key = `${ruleId}@${day}`;
    if (!params.has(key)) params.set(key, paramsInForce(db, ruleId as never, day));
    return params.get(key);
  }) as Parameters<typeof evaluateRequest>[1]['paramsFor'];
  const people = new Map(users.map((u) => [u.id, u]));
  const judge = (request: Record<string, unknown>, applicantId: number, day: string): Decision => {
    const applicant = people.get(applicantId);
    const superior = applicant?.managerId == null ? undefined : people.get(applicant.managerId);
    return evaluateRequest(request, { today: day, calendar, paramsFor, superiorRole: superior?.active ? superior.role : 'gm' });
  };
  const authorityBp = (role: Role, day: string): number => {
    const p = paramsFor!('Q-PRICE', day) as Record<string, number>;
    if (role === 'gm') return 10_000;
    return role === 'rep' || role === 'supervisor' || role === 'manager' || role === 'director' ? Math.round(p[role]! * 10_000) : 0;
  };
  const sequences = existingSequences(core);

  const plan = planOrders(new SeededRandom(streamSeed(options.seed, 0x2545f491)), {
    orders: options.orders,
    buyers: options.buyers,
    asOf: options.asOf,
    customers: buyers,
    products: productList,
    people: users.map((u) => ({ id: u.id, role: u.role, managerId: u.managerId, active: u.active })),
    authorityBp,
    judge,
    warnDaysBefore: paramsInForce(db, 'O-DELAY', options.asOf).warnDaysBefore,
    nextSequence: (prefix) => (sequences.get(prefix) ?? 0) + 1,
    verify: options.verify,
  });
  const planned = performance.now();

  writeHistory(core, plan, buyers, { adminId, seed: options.seed, asOf: options.asOf });
  const badDebtRequestId = fileBadDebt(core, plan, buyers, options.asOf);
  const written = performance.now();

  const byStatus = Object.fromEntries(
    (['draft', 'confirmed', 'production_requested', 'in_production', 'inspected', 'shipped', 'delivered', 'closed', 'cancelled'] as const).map((s) => [s, 0]),
  ) as Record<OrderStatus, number>;
  for (const o of plan.orders) byStatus[o.status] += 1;
  return {
    products: catalogue,
    orders: {
      count: plan.orders.length,
      lines: plan.orders.reduce((n, o) => n + o.lines.length, 0),
      buyers: plan.buyers,
      byStatus,
      held: plan.orders.filter((o) => o.approvalState === 'pending').length,
    },
    shipments: { count: plan.shipments.length, delivered: plan.shipments.filter((s) => s.deliveredAt !== null).length },
    ledger: {
      entries: plan.entries.length,
      allocations: plan.entries.reduce((n, e) => n + e.allocations.length, 0),
      reversals: plan.entries.filter((e) => e.kind === 'reversal').length,
    },
    badDebtRequestId,
    timings: {
      productsMs: Math.round(productsDone - started),
      planMs: Math.round(planned - productsDone),
      writeMs: Math.round(written - planned),
    },
  };
}

// —— the catalogue, through the products service ——

function ensureCatalogue(core: Core, users: readonly User[], asOf: string, random: SeededRandom): SalesResult['products'] {
  const db = core.database.db;
  const existing = db
    .select({ n: sql<number>`count(*)` })
    .from(products)
    .where(sql`${products.code} IN (${sql.join(CATALOGUE.map((p) => sql`${p.code}`), sql`, `)})`)
    .get();
  if (Number(existing?.n ?? 0) > 0) {
    const count = db.select({ n: sql<number>`count(*)` }).from(products).get();
    return { count: Number(count?.n ?? 0), created: false, priceChanges: 0 };
  }
  const actorFor = (...roles: Role[]) => {
    for (const role of roles) {
      const user = users.find((u) => u.active && u.role === role);
      if (user) return loadActor(db, user.id)!;
    }
    throw new Error(`The demo catalogue needs an active ${roles.join(' or ')}`);
  };
  const keeper = actorFor('manager', 'director', 'gm', 'admin');
  const pricer = actorFor('director', 'gm', 'manager', 'admin');
  const today = dayOf(asOf);
  const office = (day: number) => new Date(day * 86_400_000 - 8 * 3_600_000 + random.int(9 * 60, 17 * 60) * 60_000);
  const start = today - 420;
  const yuan = (n: number) => Math.round(n) * 100;

  const calls: { at: Date; run: () => void }[] = [];
  const ids = new Map<string, number>();
  let priceChanges = 0;
  for (const product of [...CATALOGUE, DISCONTINUED]) {
    const at = office(start);
    calls.push({
      at,
      run: () => {
        const created = createProduct(
          db,
          keeper,
          { code: product.code, name: product.name, spec: product.spec, unit: product.unit, productLine: product.productLine, standardPriceFen: yuan(product.priceYuan), costPriceFen: yuan(product.costYuan) },
          dateOf(start),
          '建档价格',
          at,
        );
        ids.set(product.code, created.product.id);
      },
    });
  }
  // Raw materials move: a third of the products change price during the year (a few twice), a few
  // have a change scheduled after the demo's today.
  for (const product of CATALOGUE) {
    let price = product.priceYuan;
    let cost = product.costYuan;
    const changes = random.chance(0.35) ? (random.chance(0.3) ? 2 : 1) : 0;
    let from = today - 330;
    for (let k = 0; k < changes; k++) {
      const day = random.int(from, Math.min(today - 20, from + 200));
      from = day + 30;
      const up = random.chance(0.7);
      const factor = up ? 1 + random.int(3, 12) / 100 : 1 - random.int(3, 8) / 100;
      price = price * factor;
      cost = cost * factor;
      const change = { productId: 0, effectiveFrom: dateOf(day), standardPriceFen: yuan(price), costPriceFen: yuan(cost), note: up ? '原材料涨价，上调售价' : '原材料价格回落，下调售价' };
      calls.push({ at: office(day), run: () => setPrice(db, pricer, { ...change, productId: ids.get(product.code)! }, office(day)) });
      priceChanges++;
    }
  }
  for (const product of CATALOGUE.filter((_, i) => i % 13 === 5)) {
    const day = today + random.int(7, 30);
    const change = {
      productId: 0,
      effectiveFrom: dateOf(day),
      standardPriceFen: yuan(product.priceYuan * 1.06),
      costPriceFen: yuan(product.costYuan * 1.06),
      note: '供应商通知下月起涨价',
    };
    const at = office(today);
    calls.push({ at, run: () => setPrice(db, pricer, { ...change, productId: ids.get(product.code)! }, at) });
    priceChanges++;
  }
  const retiredAt = office(today - 60);
  calls.push({ at: retiredAt, run: () => setActive(db, keeper, ids.get(DISCONTINUED.code)!, false, retiredAt) });

  calls.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const call of calls) call.run();
  return { count: CATALOGUE.length + 1, created: true, priceChanges };
}

// —— numbers already taken (a second demo run on the same file appends) ——

function existingSequences(core: Core): Map<string, number> {
  const max = new Map<string, number>();
  const note = (value: string) => {
    const dash = value.lastIndexOf('-');
    const n = Number(value.slice(dash + 1));
    const prefix = value.slice(0, dash + 1);
    if (Number.isSafeInteger(n) && n > (max.get(prefix) ?? 0)) max.set(prefix, n);
  };
  for (const row of core.database.sqlite.prepare("SELECT order_no AS v FROM orders WHERE order_no GLOB 'SO[0-9]*-[0-9]*'").all() as { v: string }[]) note(row.v);
  for (const row of core.database.sqlite.prepare("SELECT shipment_no AS v FROM shipments WHERE shipment_no GLOB 'CH[0-9]*-[0-9]*'").all() as { v: string }[]) note(row.v);
  return max;
}

// —— the bulk write ——

function writeHistory(core: Core, plan: OrderPlan, buyers: readonly DemoBuyer[], meta: { adminId: number; seed: number; asOf: string }): void {
  const insertRequest = bulkInsert(core, policyRequests, ['kind', 'applicantId', 'enteredBy', 'fields', 'note', 'decision', 'submittedOn', 'status', 'createdAt', 'updatedAt', 'version'] as const);
  const insertStep = bulkInsert(core, policyRequestSteps, ['requestId', 'seq', 'role', 'approverId', 'status', 'decidedBy', 'decidedAt', 'comment'] as const);
  const insertOrder = bulkInsert(core, orders, [
    'orderNo', 'customerId', 'repId', 'orderDate', 'requiredSchedule', 'deliveryDate', 'deliveryPlace', 'packaging', 'shippingMethod',
    'status', 'approvalState', 'policyRequestId', 'depositFen', 'totalFen', 'inspectedAt', 'inspectionResults', 'customerNotifiedAt',
    'customerNotifiedBy', 'notes', 'version', 'createdBy', 'createdAt', 'updatedAt',
  ] as const);
  const insertLine = bulkInsert(core, orderLines, [
    'orderId', 'lineNo', 'productId', 'productName', 'spec', 'unit', 'quantityMilli', 'unitPriceFen', 'standardPriceFen', 'costPriceFen', 'amountFen',
  ] as const);
  const insertTransition = bulkInsert(core, orderTransitions, ['orderId', 'fromStatus', 'toStatus', 'byUser', 'at', 'note'] as const);
  const insertShipment = bulkInsert(core, shipments, ['shipmentNo', 'orderId', 'shipDate', 'carrier', 'deliveredAt', 'note', 'createdBy', 'createdAt'] as const);
  const insertShipmentLine = bulkInsert(core, shipmentLines, ['shipmentId', 'orderLineId', 'quantityMilli', 'amountFen'] as const);
  const insertEntry = bulkInsert(core, ledgerEntries, [
    'customerId', 'entryDate', 'kind', 'amountFen', 'orderId', 'shipmentId', 'reversesId', 'repId', 'reference', 'note', 'createdBy', 'createdAt',
  ] as const);
  const insertAllocation = bulkInsert(core, receiptAllocations, ['receiptEntryId', 'orderId', 'amountFen'] as const);
  const insertSurvey = bulkInsert(core, orderSurveys, [
    'orderId', 'quality', 'responseTime', 'serviceSpeed', 'attitude', 'comment', 'complaintOpened', 'recordedBy', 'recordedAt',
  ] as const);

  // A big load into (nearly) empty tables builds the indexes once at the end.
  const existing = Number((core.database.sqlite.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n);
  const rebuild = plan.orders.length >= 10_000 && plan.orders.length >= existing;
  const tables = ['orders', 'order_lines', 'order_transitions', 'order_surveys', 'policy_requests', 'policy_request_steps', 'shipments', 'shipment_lines', 'ledger_entries', 'receipt_allocations'];
  core.database.db.transaction((tx) => (rebuild ? withIndexesRebuilt(core, tables, () => load(tx)) : load(tx)));

  function load(tx: Parameters<Parameters<Core['database']['db']['transaction']>[0]>[0]): void {
    const orderIds: number[] = [];
    const lineIds: number[][] = [];
    for (const o of plan.orders) {
      let requestId: number | null = null;
      if (o.request) {
        const r = o.request;
        requestId = insertRequest({
          kind: 'order_confirmation',
          applicantId: r.applicantId,
          enteredBy: r.applicantId,
          fields: JSON.stringify(r.fields),
          note: r.note,
          decision: JSON.stringify(r.decision),
          submittedOn: r.submittedOn,
          status: r.status,
          createdAt: iso(r.createdAt),
          updatedAt: iso(r.updatedAt),
          version: r.version,
        });
        r.steps.forEach((step, i) =>
          insertStep({
            requestId: requestId!,
            seq: i + 1,
            role: step.role,
            approverId: step.approverId,
            status: step.status,
            decidedBy: step.decidedBy,
            decidedAt: step.decidedAt === null ? null : iso(step.decidedAt),
            comment: step.comment,
          }),
        );
      }
      const orderId = insertOrder({
        orderNo: o.orderNo,
        customerId: buyers[o.customer]!.id,
        repId: o.repId,
        orderDate: o.orderDate,
        requiredSchedule: o.requiredSchedule,
        deliveryDate: o.deliveryDate,
        deliveryPlace: o.deliveryPlace,
        packaging: o.packaging,
        shippingMethod: o.shippingMethod,
        status: o.status,
        approvalState: o.approvalState,
        policyRequestId: requestId,
        depositFen: o.depositFen,
        totalFen: o.totalFen,
        inspectedAt: o.inspectedAt === null ? null : iso(o.inspectedAt),
        inspectionResults: o.inspectionResults,
        customerNotifiedAt: o.customerNotifiedAt === null ? null : iso(o.customerNotifiedAt),
        customerNotifiedBy: o.customerNotifiedBy,
        notes: o.notes,
        version: o.version,
        createdBy: o.createdBy,
        createdAt: iso(o.createdAt),
        updatedAt: iso(o.updatedAt),
      });
      orderIds.push(orderId);
      lineIds.push(o.lines.map((l, i) => insertLine({ ...l, orderId, lineNo: i + 1 })));
      for (const t of o.transitions) {
        const shipmentNo = t.shipment === undefined ? '' : plan.shipments[t.shipment]!.shipmentNo;
        const note = t.approvedRequest
          ? `审批通过（申请 #${requestId}）/ approved (request #${requestId})`
          : t.to === 'shipped' && shipmentNo
            ? `全部发货（出货传票 ${shipmentNo}）`
            : t.to === 'delivered' && shipmentNo
              ? `全部交货（出货传票 ${shipmentNo}）`
              : t.note;
        insertTransition({ orderId, fromStatus: t.from, toStatus: t.to, byUser: t.by, at: iso(t.at), note });
      }
    }

    const shipmentIds = new Array<number>(plan.shipments.length);
    const byRegistration = plan.shipments.map((_, i) => i).sort((a, b) => plan.shipments[a]!.createdAt - plan.shipments[b]!.createdAt || a - b);
    for (const i of byRegistration) {
      const s = plan.shipments[i]!;
      const shipmentId = insertShipment({
        shipmentNo: s.shipmentNo,
        orderId: orderIds[s.order]!,
        shipDate: s.shipDate,
        carrier: s.carrier,
        deliveredAt: s.deliveredAt,
        note: s.note,
        createdBy: s.createdBy,
        createdAt: iso(s.createdAt),
      });
      shipmentIds[i] = shipmentId;
      for (const l of s.lines) insertShipmentLine({ shipmentId, orderLineId: lineIds[s.order]![l.line]!, quantityMilli: l.quantityMilli, amountFen: l.amountFen });
    }

    const entryIds: number[] = [];
    for (const e of plan.entries) {
      const reversed = e.reverses === null ? null : plan.entries[e.reverses]!;
      const reversesId = e.reverses === null ? null : entryIds[e.reverses]!;
      const id = insertEntry({
        customerId: buyers[e.customer]!.id,
        entryDate: e.entryDate,
        kind: e.kind,
        amountFen: e.amountFen,
        orderId: e.order === null ? null : orderIds[e.order]!,
        shipmentId: e.shipment === null ? null : shipmentIds[e.shipment]!,
        reversesId,
        repId: e.repId,
        reference: e.shipment === null ? e.reference : plan.shipments[e.shipment]!.shipmentNo,
        note: reversed ? `冲销 #${reversesId}（${LEDGER_KIND_LABELS[reversed.kind].zh}）：${e.reason}` : e.note,
        createdBy: e.createdBy,
        createdAt: iso(e.createdAt),
      });
      entryIds.push(id);
      for (const a of e.allocations) insertAllocation({ receiptEntryId: id, orderId: orderIds[a.order]!, amountFen: a.amountFen });
    }

    for (const s of plan.surveys) {
      insertSurvey({
        orderId: orderIds[s.order]!,
        quality: s.quality,
        responseTime: s.responseTime,
        serviceSpeed: s.serviceSpeed,
        attitude: s.attitude,
        comment: s.comment,
        complaintOpened: s.complaintOpened ? 1 : 0,
        recordedBy: s.recordedBy,
        recordedAt: iso(s.recordedAt),
      });
    }

    recordAudit(tx, {
      userId: meta.adminId,
      action: 'demo.generate',
      entity: 'orders',
      after: {
        seed: meta.seed,
        asOf: meta.asOf,
        orders: plan.orders.length,
        first: plan.orders[0]?.orderNo ?? null,
        last: plan.orders.at(-1)?.orderNo ?? null,
        lines: plan.orders.reduce((n, o) => n + o.lines.length, 0),
        requests: plan.orders.filter((o) => o.request).length,
        shipments: plan.shipments.length,
        ledgerEntries: plan.entries.length,
        surveys: plan.surveys.length,
        note: '演示数据批量写入：订单、状态流转、审批、发货、销售账逐行不另记审计 / bulk demo history: no audit row per order, transition, request, shipment or ledger entry',
      },
      at: new Date(nowOf(meta.asOf)),
    });
  }
}

/** S-BADDEBT: the rep of the customer who stopped paying asks to write his debt off (pending). */
function fileBadDebt(core: Core, plan: OrderPlan, buyers: readonly DemoBuyer[], asOf: string): number | null {
  if (plan.defaulter === null) return null;
  const db = core.database.db;
  const customer = buyers[plan.defaulter]!;
  const balance = balanceOf(db, customer.id);
  if (balance <= 0) return null;
  const rep = loadActor(db, customer.ownerId);
  if (!rep) return null;
  const at = new Date(nowOf(asOf) - 2 * 3_600_000);
  const request = requestBadDebt(db, rep, { customerId: customer.id, amountFen: balance, note: '客户经营困难已停产，多次上门催收无果，申请核销全部欠款' }, at);
  return request.id;
}

