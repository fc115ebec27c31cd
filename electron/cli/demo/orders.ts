// The demo's order history as plain values: a pure function of the seed, the demo's "today", the
// customers, the products and the team (plus the policy engine, asked the same question orders.confirm
// asks it). Tested in test/integration/demo-orders.test.ts.
//
// Each order is entered as a draft, then its owner confirms it: the request orders.confirm would file
// (Q-PRICE on the most discounted line for the owner's role, S-CREDIT with the customer's ledger as it
// stands at that moment) is judged, and an order beyond authority or credit is held by one
// `order_confirmation` request whose steps are decided one by one (approved, sometimes rejected —
// the order is then cancelled — or still pending now). A confirmed order then follows O-STATUS:
// production requested, in production, inspected with its results, shipped in one to three
// shipments, delivered (each delivery posts its sale), closed once paid; a few are cancelled before
// anything ships. The money follows each customer's settlement: monthly customers pay a month's sales
// after their credit days, cash customers after each delivery (some with a deposit), prepaid ones a
// deposit at confirmation and the rest before shipping (预收款). Some pay late, one stops paying (its
// debt is later put up for write-off), one pays in advance, a few receipts are mistyped and reversed.
//
// Per customer this is a small discrete-event simulation in time order, so every judgement sees
// exactly the entries that had been posted before it, as the running application would.
import type { Role, Grade, SettlementType, CustomerStatus } from '../../../shared/domain';
import type { LedgerKind, OrderApprovalState, OrderStatus } from '../../../shared/orders';
import type { Decision } from '../../../shared/policy';
import { shipmentAmount } from '../../core/ledger/shipping';
import { lineAmountFen } from '../../core/orders/service';
import { discountBp } from '../../core/policy/rules/pricing';
import { INSPECTION_ITEMS, LINES_BY_INDUSTRY, type ProductLine } from './catalogue';
import type { SeededRandom } from './random';

// —— time: business time is China time (UTC+8); instants are UTC milliseconds ——

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;
/** Office hours, minutes of the day (08:30–18:00). */
const OPEN = 8 * 60 + 30;
const CLOSE = 18 * 60;

export const dayOf = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const msAt = (day: number, minute: number): number => day * DAY_MS - CHINA_MS + minute * 60_000;
/** The China calendar day of an instant. */
export const dayOfMs = (ms: number): number => Math.floor((ms + CHINA_MS) / DAY_MS);
const minuteOf = (ms: number): number => Math.floor(((ms + CHINA_MS) % DAY_MS) / 60_000);
const weekday = (day: number): number => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
/** The demo's "now": the end of office hours on its today. */
export const nowOf = (asOf: string): number => msAt(dayOf(asOf), CLOSE);

class Clock {
  constructor(private readonly random: SeededRandom) {}

  /** A moment of office hours on a day. */
  office(day: number): number {
    return msAt(day, this.random.int(OPEN, CLOSE - 1));
  }

  /** Some minutes later, moved to the next morning when it falls outside office hours. */
  later(ms: number, minMinutes: number, maxMinutes: number): number {
    const t = ms + this.random.int(minMinutes, maxMinutes) * 60_000;
    const minute = minuteOf(t);
    if (minute >= CLOSE) return msAt(dayOfMs(t) + 1, OPEN + this.random.int(0, 90));
    if (minute < OPEN) return msAt(dayOfMs(t), OPEN + this.random.int(0, 90));
    return t;
  }

  /** `days` days after the day of `ms` (0: later the same day), always after `ms`. */
  after(ms: number, days: number): number {
    return days <= 0 ? this.later(ms, 10, 180) : this.office(dayOfMs(ms) + days);
  }
}

// —— inputs ——

/** A customer who may buy: its file as the plan needs it. */
export interface DemoBuyer {
  id: number;
  customerNo: string;
  address: string;
  industry: string;
  grade: Grade;
  status: CustomerStatus;
  archived: boolean;
  settlementType: SettlementType;
  creditLimitFen: number;
  creditDays: number;
  /** Thousandths of a ton a month. */
  monthlyVolume: number;
  ownerId: number;
  /** Day the file was opened (China calendar). */
  openedDay: number;
}

export interface DemoProduct {
  id: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  productLine: string;
  packaging: string;
  hazardous: boolean;
  /** Price history, oldest first: in force from `from` (YYYY-MM-DD). */
  prices: readonly { from: string; standardPriceFen: number; costPriceFen: number }[];
}

export interface DemoPerson {
  id: number;
  role: Role;
  managerId: number | null;
  active: boolean;
}

export interface OrderPlanInput {
  orders: number;
  /** How many customers buy (default: about one per four orders, at most every eligible customer). */
  buyers?: number | undefined;
  asOf: string;
  customers: readonly DemoBuyer[];
  products: readonly DemoProduct[];
  people: readonly DemoPerson[];
  /** Q-PRICE: the discount a role may grant on a day, in basis points. */
  authorityBp(role: Role, day: string): number;
  /** The policy engine's judgement of a request filed by `applicantId` on `day`. */
  judge(request: Record<string, unknown>, applicantId: number, day: string): Decision;
  /** O-DELAY in force on the demo's today. */
  warnDaysBefore: number;
  /** The first free number of an order (SO20261123-) or shipment (CH20261123-) prefix. */
  nextSequence(prefix: string): number;
  /** Ask the engine about every confirmation and fail on any disagreement with the shortcut (tests). */
  verify?: boolean | undefined;
}

// —— outputs ——

export interface PlannedLine {
  productId: number;
  productName: string;
  spec: string;
  unit: string;
  quantityMilli: number;
  unitPriceFen: number;
  standardPriceFen: number;
  costPriceFen: number;
  amountFen: number;
}

export interface PlannedTransition {
  from: OrderStatus | null;
  to: OrderStatus;
  at: number;
  by: number;
  note: string;
  /** The note names the approval request (its id is known only once written). */
  approvedRequest?: true;
  /** The note names this shipment's number. */
  shipment?: number;
}

export interface PlannedStep {
  role: Role;
  approverId: number | null;
  status: 'approved' | 'rejected' | 'pending' | 'waiting' | 'skipped';
  decidedBy: number | null;
  decidedAt: number | null;
  comment: string;
}

export interface PlannedRequest {
  applicantId: number;
  fields: Record<string, unknown>;
  decision: Decision;
  note: string;
  submittedOn: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: number;
  updatedAt: number;
  version: number;
  steps: PlannedStep[];
}

export interface PlannedOrder {
  customer: number;
  orderNo: string;
  orderDate: string;
  createdAt: number;
  createdBy: number;
  repId: number;
  requiredSchedule: string;
  deliveryDate: string;
  deliveryPlace: string;
  packaging: string;
  shippingMethod: string;
  notes: string;
  depositFen: number;
  totalFen: number;
  lines: PlannedLine[];
  status: OrderStatus;
  approvalState: OrderApprovalState;
  request: PlannedRequest | null;
  transitions: PlannedTransition[];
  inspectedAt: number | null;
  inspectionResults: string;
  customerNotifiedAt: number | null;
  customerNotifiedBy: number | null;
  version: number;
  updatedAt: number;
}

export interface PlannedShipment {
  order: number;
  shipmentNo: string;
  shipDate: string;
  carrier: string;
  createdAt: number;
  createdBy: number;
  /** Delivery day, and when it was recorded (null: not delivered yet). */
  deliveredAt: string | null;
  deliveredRecordedAt: number | null;
  note: string;
  lines: { line: number; quantityMilli: number; amountFen: number }[];
}

export interface PlannedEntry {
  customer: number;
  entryDate: string;
  kind: LedgerKind;
  amountFen: number;
  order: number | null;
  shipment: number | null;
  /** For a reversal: the index of the entry it reverses. */
  reverses: number | null;
  repId: number;
  reference: string;
  note: string;
  /** For a reversal: the reason (the note is "冲销 #id（kind）：reason" once ids are known). */
  reason: string;
  createdBy: number;
  createdAt: number;
  allocations: { order: number; amountFen: number }[];
}

export interface PlannedSurvey {
  order: number;
  quality: number;
  responseTime: number;
  serviceSpeed: number;
  attitude: number;
  comment: string;
  complaintOpened: boolean;
  recordedBy: number;
  recordedAt: number;
}

export interface OrderPlan {
  orders: PlannedOrder[];
  shipments: PlannedShipment[];
  /** In posting order (creation time). */
  entries: PlannedEntry[];
  surveys: PlannedSurvey[];
  /** Index of the customer who stopped paying (his debt is put up for write-off), or null. */
  defaulter: number | null;
  buyers: number;
}

// —— vocabulary ——

const REQUIRED_SCHEDULES = ['交货日前送达', '按合同交期送达', '交货日前分两批送达', '急单，请优先安排生产', '月底前到货', '交货日当天上午送达'];
const ORDER_NOTES = ['客户要求随货附 COA 检验报告', '需提供 MSDS', '送货前请电话联系仓库', '请开具增值税专用发票', '托盘需缠绕膜', '卸货需叉车，提前告知'];
const CANCEL_REASONS = ['客户取消订单', '客户资金紧张，暂缓采购', '规格变更，客户重新下单', '交期无法满足，客户改从他处采购', '重复下单，作废'];
const REJECT_COMMENTS = ['折扣过大，请按标准价重新报价', '信用额度已满，请先催收货款', '价格低于成本线，不同意'];
const APPROVE_COMMENTS = ['同意', '同意，注意回款', '价格可以，同意', '同意，尽快安排生产', '同意，下不为例'];
const LOGISTICS = ['德邦物流', '安能物流', '中通快运', '顺丰快运', '佳吉快运', '天地华宇'];
const HAZMAT_CARRIERS = ['苏州恒通危险品运输有限公司', '江苏安顺危货运输有限公司', '张家港顺达危化品物流有限公司'];
const SURVEY_COMMENTS = ['产品质量稳定，送货及时', '包装完好，服务态度好', '希望交期能再快一些', '价格略高，其他满意', ''];
const COMPLAINT_COMMENTS = ['到货有两桶渗漏，影响生产', '交期延误一周，未提前通知', '批次颜色偏深，要求更换'];

interface ShippingMethod {
  method: string;
  carriers: readonly string[];
  /** Days from shipping to delivery. */
  transit: readonly [number, number];
}

const SHIPPING: Record<'logistics' | 'hazmat' | 'pickup' | 'own', ShippingMethod> = {
  logistics: { method: '汽运（物流）', carriers: LOGISTICS, transit: [1, 4] },
  hazmat: { method: '危化品专车', carriers: HAZMAT_CARRIERS, transit: [1, 3] },
  pickup: { method: '客户自提', carriers: ['客户自提'], transit: [0, 0] },
  own: { method: '本公司送货', carriers: ['本公司车辆'], transit: [0, 1] },
};

// —— planning one order (everything that does not depend on the money) ——

/** How an order's life goes once confirmed, in days and shares (drawn before the simulation). */
interface Course {
  /** Minutes from entry to the owner's confirmation. */
  attemptMinutes: number;
  /** Minutes each approval step takes. */
  stepMinutes: [number, number, number];
  /** The approver says no (then the order is cancelled). */
  reject: boolean;
  /** Held orders of the demo's today: nobody has decided yet. */
  holdPending: boolean;
  productionRequestDays: number;
  productionDays: number;
  inspectionDays: number;
  firstShipDays: number;
  /** Days between shipments (a partial shipment, then the rest). */
  shipGaps: number[];
  /** Quantities per shipment per line (rows: shipments). */
  split: number[][];
  transitDays: number[];
  /** Cancelled at this share of the way from confirmation to the first shipment (null: not cancelled). */
  cancelAt: number | null;
  cancelReason: string;
  depositDays: number;
  prepaidLeadMinutes: number;
  closeDays: number;
}

interface Draft {
  customer: number;
  day: number;
  createdAt: number;
  createdBy: number;
  lines: PlannedLine[];
  deliveryDay: number;
  requiredSchedule: string;
  shipping: ShippingMethod;
  packaging: string;
  notes: string;
  depositFen: number;
  /** Product line of the first line (the inspection's wording). */
  productLine: string;
  course: Course;
  /** A showcase order placed so that the demo's today finds it in a given state. */
  pinned: Pin | null;
}

type Pin = 'draft' | 'held' | 'confirmed' | 'production_requested' | 'in_production' | 'inspected' | 'partial' | 'shipped' | 'delivered' | 'cancelled';

/** Buyers: established active customers, the big ones far more often (weighted sampling). */
function chooseBuyers(random: SeededRandom, customers: readonly DemoBuyer[], wanted: number | undefined, orders: number, today: number): number[] {
  const eligible = customers.flatMap((c, i) => (c.status === 'active' && !c.archived && c.openedDay < today - 60 ? [i] : []));
  const count = Math.min(eligible.length, wanted ?? Math.max(1, Math.round(orders / 4)));
  const weight = (i: number) => ({ strategic: 12, core: 6, ordinary: 1 })[customers[i]!.grade];
  // Efraimidis–Spirakis: the k largest u^(1/w).
  const keyed = eligible.map((i) => ({ i, key: Math.log(random.next() || Number.MIN_VALUE) / weight(i) }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed
    .slice(0, count)
    .map((k) => k.i)
    .sort((a, b) => a - b);
}

/** Splits `total` into shares proportional to `weights` (largest remainder; every share ≥ `min`). */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const floor = weights.map(() => min);
  let left = total - min * weights.length;
  if (left < 0) return weights.map((_, i) => (i < total ? 1 : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * left);
  const shares = exact.map((x, i) => floor[i]! + Math.floor(x));
  left -= exact.reduce((a, x) => a + Math.floor(x), 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) shares[order[k % order.length]!.i]! += 1;
  return shares;
}

/** Line counts averaging four exactly: pairs of orders get 4 + k and 4 − k lines. */
function lineCounts(random: SeededRandom, n: number): number[] {
  const counts: number[] = [];
  for (let i = 0; i + 1 < n; i += 2) {
    const k = random.choose({ 0: 3, 1: 4, 2: 3, 3: 2 });
    const spread = Number(k);
    if (random.chance(0.5)) counts.push(4 + spread, 4 - spread);
    else counts.push(4 - spread, 4 + spread);
  }
  if (n % 2) counts.push(4);
  return counts.map((c) => Math.max(1, c));
}

function priceOn(product: DemoProduct, day: string): { standardPriceFen: number; costPriceFen: number } {
  let found = product.prices[0]!;
  for (const p of product.prices) if (p.from <= day) found = p;
  return found;
}

/** A quantity worth about `fen` at `priceFen` a unit, in thousandths, rounded the way people order. */
function quantityFor(unit: string, fen: number, priceFen: number): number {
  const units = fen / priceFen;
  if (unit !== '吨') return Math.max(1, Math.round(units)) * 1000;
  if (units >= 5) return Math.max(1, Math.round(units * 2)) * 500;
  if (units >= 1) return Math.round(units * 10) * 100;
  return Math.max(1, Math.round(units * 40)) * 25;
}

/** Splits a quantity (thousandths) into `parts` in steps of the unit. */
function splitQuantity(random: SeededRandom, quantity: number, unit: string, parts: number): number[] {
  const step = unit === '吨' ? (quantity >= 2000 ? 500 : 25) : 1000;
  const steps = Math.floor(quantity / step);
  const shares = new Array<number>(parts).fill(0);
  if (steps < parts) {
    shares[0] = quantity;
    return shares;
  }
  let left = steps;
  for (let p = 0; p < parts - 1; p++) {
    const take = random.int(1, Math.max(1, left - (parts - 1 - p)));
    shares[p] = take * step;
    left -= take;
  }
  shares[parts - 1] = quantity - shares.slice(0, parts - 1).reduce((a, b) => a + b, 0);
  return shares;
}

function inspectionText(random: SeededRandom, line: string, day: number): string {
  const items = INSPECTION_ITEMS[line as ProductLine] ?? INSPECTION_ITEMS['基础化工'];
  const values = items.map(({ item, low, high, digits, unit }) => `${item} ${(low + random.next() * (high - low)).toFixed(digits)}${unit}`);
  const batch = `B${dateOf(day).slice(2).replaceAll('-', '')}-${String(random.int(1, 40)).padStart(2, '0')}`;
  return `批号 ${batch}：外观合格；${values.join('；')}；结论：合格`;
}

// —— the plan ——

export function planOrders(random: SeededRandom, input: OrderPlanInput): OrderPlan {
  const today = dayOf(input.asOf);
  const now = nowOf(input.asOf);
  const clock = new Clock(random);
  const people = new Map(input.people.map((p) => [p.id, p]));
  const assistants = input.people.filter((p) => p.active && p.role === 'assistant').map((p) => p.id);
  const finance = input.people.find((p) => p.active && p.role === 'finance')?.id ?? input.people.find((p) => p.active && p.role === 'gm')?.id;
  const shippers = assistants.length ? assistants : input.people.filter((p) => p.active && ['manager', 'director', 'gm'].includes(p.role)).map((p) => p.id);
  if (finance === undefined || !shippers.length) throw new Error('The demo orders need a finance (or gm) user and an assistant (or manager) to ship');
  const products = input.products.filter((p) => p.prices.length > 0);
  if (!products.length) throw new Error('The demo orders need products with prices');
  if (input.orders === 0) return { orders: [], shipments: [], entries: [], surveys: [], defaulter: null, buyers: 0 };

  // Buyers: active customers whose files were opened two months or more before the demo's today.
  const buyerIndexes = chooseBuyers(random, input.customers, input.buyers, input.orders, today);
  if (!buyerIndexes.length) return { orders: [], shipments: [], entries: [], surveys: [], defaulter: null, buyers: 0 };
  const customers = input.customers;

  // Each buyer: how many orders, what it buys, how big its orders are, how it pays.
  const gradeWeight = { strategic: 6, core: 3, ordinary: 1 } as const;
  const perBuyer = apportion(
    input.orders,
    buyerIndexes.map((i) => gradeWeight[customers[i]!.grade] * (0.5 + random.next())),
    input.orders >= buyerIndexes.length ? 1 : 0,
  );
  interface Buyer {
    customer: number;
    orders: number;
    basket: DemoProduct[];
    orderFen: number;
    late: boolean;
  }
  const buyers: Buyer[] = buyerIndexes.map((customer, k) => {
    const c = customers[customer]!;
    const lines = LINES_BY_INDUSTRY[c.industry] ?? LINES_BY_INDUSTRY['化工']!;
    const fitting = products.filter((p) => lines.includes(p.productLine as ProductLine));
    const pool = fitting.length >= 3 ? fitting : products;
    const basket: DemoProduct[] = [];
    const size = Math.min(pool.length, random.int(4, 9));
    while (basket.length < size) {
      const p = random.pick(pool);
      if (!basket.includes(p)) basket.push(p);
    }
    // Spend: a share of its monthly volume at about ¥6,000 a ton, spread over its orders.
    const monthlyFen = (c.monthlyVolume / 1000) * 6000 * 100 * (0.25 + random.next() * 0.35);
    const ordersPerMonth = Math.max(perBuyer[k]! / 12, 0.25);
    const orderFen = Math.min(150_000_000, Math.max(300_000, monthlyFen / ordersPerMonth));
    return { customer, orders: perBuyer[k]!, basket, orderFen, late: random.chance(0.08) };
  });

  // Order days: spread over the last year (not before the customer's file was opened), no Sundays.
  const drafts: Draft[] = [];
  const counts = lineCounts(random, input.orders);
  let countAt = 0;
  for (const buyer of buyers) {
    const c = customers[buyer.customer]!;
    const first = Math.max(today - 364, c.openedDay + 7);
    for (let n = 0; n < buyer.orders; n++) {
      let day = random.int(first, today);
      if (weekday(day) === 0) day = day + 1 <= today ? day + 1 : day - 1;
      drafts.push(draftOrder(random, clock, input, buyer.customer, buyer, day, counts[countAt++] ?? 4, assistants));
    }
  }

  pinShowcases(random, clock, input, drafts, (customer) => buyers.find((b) => b.customer === customer)!, today, assistants);

  // Order numbers: SO + day of entry + sequence of that day, in the order they were entered.
  const byEntry = drafts.map((_, i) => i).sort((a, b) => drafts[a]!.createdAt - drafts[b]!.createdAt || a - b);
  const ordered = byEntry.map((i) => drafts[i]!);
  const numbers = new Sequencer(input.nextSequence);
  const orders: PlannedOrder[] = ordered.map((d) => {
    const c = customers[d.customer]!;
    const date = dateOf(d.day);
    return {
      customer: d.customer,
      orderNo: numbers.next(`SO${date.replaceAll('-', '')}-`),
      orderDate: date,
      createdAt: d.createdAt,
      createdBy: d.createdBy,
      repId: c.ownerId,
      requiredSchedule: d.requiredSchedule,
      deliveryDate: dateOf(d.deliveryDay),
      deliveryPlace: c.address,
      packaging: d.packaging,
      shippingMethod: d.shipping.method,
      notes: d.notes,
      depositFen: d.depositFen,
      totalFen: d.lines.reduce((s, l) => s + l.amountFen, 0),
      lines: d.lines,
      status: 'draft',
      approvalState: 'none',
      request: null,
      transitions: [{ from: null, to: 'draft', at: d.createdAt, by: d.createdBy, note: '' }],
      inspectedAt: null,
      inspectionResults: '',
      customerNotifiedAt: null,
      customerNotifiedBy: null,
      version: 0,
      updatedAt: d.createdAt,
    };
  });

  const sim = new Simulation(random, clock, input, { now, today, finance, shippers, people, customers, orders, drafts: ordered, buyers });
  sim.run();

  finishOrders(random, clock, input, sim, now, today);
  const shipments = numberShipments(sim.shipments, input.nextSequence);
  return {
    orders,
    shipments: shipments.list,
    entries: sim.entries,
    surveys: sim.surveys,
    defaulter: sim.defaulter,
    buyers: buyers.length,
  };
}

class Sequencer {
  private readonly seen = new Map<string, number>();
  constructor(private readonly first: (prefix: string) => number) {}
  next(prefix: string): string {
    const n = this.seen.get(prefix) ?? this.first(prefix);
    this.seen.set(prefix, n + 1);
    return `${prefix}${String(n).padStart(3, '0')}`;
  }
}

function draftOrder(
  random: SeededRandom,
  clock: Clock,
  input: OrderPlanInput,
  customer: number,
  buyer: { basket: DemoProduct[]; orderFen: number },
  day: number,
  lineCount: number,
  assistants: readonly number[],
): Draft {
  const c = input.customers[customer]!;
  const date = dateOf(day);
  const target = buyer.orderFen * Math.exp((random.next() - 0.5) * 1.2);
  const picked: DemoProduct[] = [];
  const pool = buyer.basket.length >= lineCount ? buyer.basket : [...buyer.basket, ...input.products.filter((p) => p.prices.length && !buyer.basket.includes(p))];
  while (picked.length < Math.min(lineCount, pool.length)) {
    const p = random.pick(pool);
    if (!picked.includes(p)) picked.push(p);
  }
  // Q-PRICE: most orders at the standard price, some with a discount (rarely a big one, for big customers).
  const discountKind = random.choose({ none: 82, small: 11, medium: 5, large: c.grade === 'ordinary' ? 0 : 2 });
  const weights = picked.map(() => 0.4 + random.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const lines: PlannedLine[] = picked.map((product, i) => {
    const price = priceOn(product, date);
    const discounted = discountKind !== 'none' && (i === 0 || random.chance(0.4));
    const off = !discounted ? 0 : discountKind === 'small' ? 0.005 + random.next() * 0.025 : discountKind === 'medium' ? 0.035 + random.next() * 0.045 : 0.085 + random.next() * 0.04;
    const unitPriceFen = Math.max(100, Math.round((price.standardPriceFen * (1 - off)) / 100) * 100);
    const quantityMilli = quantityFor(product.unit, (target * weights[i]!) / weightSum, unitPriceFen);
    return {
      productId: product.id,
      productName: product.name,
      spec: product.spec,
      unit: product.unit,
      quantityMilli,
      unitPriceFen,
      standardPriceFen: price.standardPriceFen,
      costPriceFen: price.costPriceFen,
      amountFen: lineAmountFen(quantityMilli, unitPriceFen),
    };
  });
  const hazardous = picked.some((p) => p.hazardous);
  const shipping = hazardous ? SHIPPING.hazmat : SHIPPING[random.choose({ logistics: 60, pickup: 15, own: 25 })];
  const createdBy = assistants.length && random.chance(0.6) ? random.pick(assistants) : c.ownerId;
  const createdAt = clock.office(day);
  const totalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  // Deposits: prepaid customers 30 %; a third of cash customers' orders 10–30 %.
  const depositShare = c.settlementType === 'prepaid' ? 0.3 : c.settlementType === 'cash' && random.chance(0.33) ? random.pick([0.1, 0.2, 0.3]) : 0;
  const depositFen = depositShare ? Math.max(10_000, Math.round((totalFen * depositShare) / 10_000) * 10_000) : 0;

  const shippable = lines.length >= 2 || lines.some((l) => l.quantityMilli >= (l.unit === '吨' ? 1000 : 2000));
  const parts = shippable && random.chance(0.25) ? random.choose({ 2: 3, 3: 1 }) : '1';
  const course = drawCourse(random, lines, Number(parts), shipping, depositFen === 0 && c.settlementType !== 'prepaid');
  return {
    customer,
    day,
    createdAt,
    createdBy,
    lines,
    deliveryDay: day + random.int(10, 40),
    requiredSchedule: random.pick(REQUIRED_SCHEDULES),
    shipping,
    packaging: picked[0]!.packaging,
    notes: random.chance(0.2) ? random.pick(ORDER_NOTES) : '',
    depositFen,
    productLine: picked[0]!.productLine,
    course,
    pinned: null,
  };
}

function drawCourse(random: SeededRandom, lines: readonly PlannedLine[], parts: number, shipping: ShippingMethod, cancellable: boolean): Course {
  const split = splitLines(random, lines, parts);
  return {
    attemptMinutes: random.choose({ same: 70, next: 25, later: 5 }) === 'same' ? random.int(10, 240) : random.int(900, 2 * 1440 + 600),
    stepMinutes: [random.int(20, 1200), random.int(20, 900), random.int(20, 900)],
    reject: random.chance(0.02),
    holdPending: false,
    productionRequestDays: random.int(0, 2),
    productionDays: random.int(1, 4),
    inspectionDays: random.int(3, 15) + (random.chance(0.12) ? random.int(5, 20) : 0),
    firstShipDays: random.int(0, 3),
    shipGaps: split.slice(1).map(() => random.int(3, 12)),
    split,
    transitDays: split.map(() => random.int(shipping.transit[0], shipping.transit[1])),
    cancelAt: cancellable && random.chance(0.04) ? 0.05 + random.next() * 0.9 : null,
    cancelReason: random.pick(CANCEL_REASONS),
    depositDays: random.int(0, 2),
    prepaidLeadMinutes: random.int(30, 2 * 1440),
    closeDays: random.int(2, 10),
  };
}

/** Quantities per shipment: rows are shipments, columns the order's lines; every shipment ships something. */
function splitLines(random: SeededRandom, lines: readonly PlannedLine[], parts: number): number[][] {
  if (parts <= 1) return [lines.map((l) => l.quantityMilli)];
  for (let attempt = 0; attempt < 5; attempt++) {
    const columns = lines.map((l) =>
      lines.length >= parts && random.chance(0.6)
        ? // the whole line in one of the shipments
          Array.from({ length: parts }, (_, p) => (p === random.int(0, parts - 1) ? l.quantityMilli : 0))
        : splitQuantity(random, l.quantityMilli, l.unit, parts),
    );
    // A column drawn as "whole line" may have come out all zero (two draws): fix it.
    columns.forEach((col, i) => {
      if (col.reduce((a, b) => a + b, 0) !== lines[i]!.quantityMilli) {
        col.fill(0);
        col[0] = lines[i]!.quantityMilli;
      }
    });
    const rows = Array.from({ length: parts }, (_, p) => columns.map((col) => col[p]!));
    if (rows.every((row) => row.some((q) => q > 0))) return rows;
  }
  return [lines.map((l) => l.quantityMilli)];
}

/**
 * A few orders are placed so that the demo's today finds one in every O-STATUS (and a partial
 * shipment, and orders held for approval), whatever the seed. Only with enough orders to spare.
 */
function pinShowcases(
  random: SeededRandom,
  clock: Clock,
  input: OrderPlanInput,
  drafts: Draft[],
  buyerOf: (customer: number) => { basket: DemoProduct[]; orderFen: number },
  today: number,
  assistants: readonly number[],
): void {
  if (drafts.length < 40) return;
  const held = Math.max(2, Math.min(6, Math.round(drafts.length / 150)));
  const pins: Pin[] = ['draft', 'draft', ...Array.from({ length: held }, () => 'held' as const), 'confirmed', 'production_requested', 'in_production', 'inspected', 'partial', 'shipped', 'delivered', 'cancelled'];
  const used = new Set<number>();
  for (const pin of pins) {
    const candidates = drafts.flatMap((d, i) => {
      if (used.has(i) || d.pinned) return [];
      const c = input.customers[d.customer]!;
      if (c.openedDay > today - 45) return [];
      if (pin === 'partial' && d.lines.length < 2) return [];
      if (pin === 'cancelled' && (d.depositFen > 0 || c.settlementType === 'prepaid')) return [];
      if ((pin === 'held' || pin === 'draft') && c.settlementType === 'prepaid') return [];
      return [i];
    });
    if (!candidates.length) continue;
    const index = random.pick(candidates);
    used.add(index);
    const d = drafts[index]!;
    let course = d.course;
    // Entered again on its new day (prices of that day), with the same number of lines.
    const back = (days: number) => {
      const day = today - days;
      Object.assign(d, draftOrder(random, clock, input, d.customer, buyerOf(d.customer), day, d.lines.length, assistants));
      course = d.course;
      d.deliveryDay = d.day + random.int(12, 35);
      course.attemptMinutes = random.int(10, 60);
      course.reject = false;
      course.cancelAt = null;
    };
    switch (pin) {
      case 'draft':
        back(random.int(0, 1));
        course.attemptMinutes = 3 * 1440;
        break;
      case 'held': {
        back(0);
        d.createdAt = msAt(today, OPEN + random.int(0, 240));
        course.holdPending = true;
        // A discount beyond a rep's or a supervisor's authority on the first line.
        const line = d.lines[0]!;
        line.unitPriceFen = Math.max(100, Math.round((line.standardPriceFen * (1 - 0.04 - random.next() * 0.03)) / 100) * 100);
        line.amountFen = lineAmountFen(line.quantityMilli, line.unitPriceFen);
        break;
      }
      case 'confirmed':
        back(1);
        course.productionRequestDays = 4;
        break;
      case 'production_requested':
        back(5);
        Object.assign(course, { productionRequestDays: 1, productionDays: 8 });
        break;
      case 'in_production':
        // Behind schedule: due within O-DELAY's warning days, not inspected yet.
        back(9);
        Object.assign(course, { productionRequestDays: 1, productionDays: 1, inspectionDays: 14 });
        d.deliveryDay = today + random.int(0, Math.max(0, input.warnDaysBefore - 1));
        break;
      case 'inspected':
        back(14);
        Object.assign(course, { productionRequestDays: 1, productionDays: 2, inspectionDays: 5, firstShipDays: 12 });
        break;
      case 'partial': {
        back(24);
        const split = splitLines(random, d.lines, 2);
        Object.assign(course, {
          productionRequestDays: 1,
          productionDays: 2,
          inspectionDays: 5,
          firstShipDays: 1,
          split: split.length === 2 ? split : [d.lines.map((l, i) => (i === 0 ? l.quantityMilli : 0)), d.lines.map((l, i) => (i === 0 ? 0 : l.quantityMilli))],
          shipGaps: [40],
          transitDays: [1, 1],
        });
        break;
      }
      case 'shipped':
        back(20);
        Object.assign(course, { productionRequestDays: 1, productionDays: 2, inspectionDays: 6, firstShipDays: 6, split: [d.lines.map((l) => l.quantityMilli)], shipGaps: [], transitDays: [12] });
        break;
      case 'delivered':
        back(26);
        Object.assign(course, { productionRequestDays: 1, productionDays: 2, inspectionDays: 8, firstShipDays: 6, split: [d.lines.map((l) => l.quantityMilli)], shipGaps: [], transitDays: [3], closeDays: 30 });
        break;
      case 'cancelled':
        back(random.int(20, 60));
        course.cancelAt = 0.5;
        d.depositFen = 0;
        break;
    }
    d.pinned = pin;
  }
}

// —— the per-customer simulation ——

interface SimContext {
  now: number;
  today: number;
  finance: number;
  shippers: readonly number[];
  people: ReadonlyMap<number, DemoPerson>;
  customers: readonly DemoBuyer[];
  orders: PlannedOrder[];
  drafts: readonly Draft[];
  buyers: readonly { customer: number; late: boolean }[];
}

type Event =
  | { kind: 'attempt'; order: number }
  | { kind: 'deposit'; order: number }
  | { kind: 'prepaid'; order: number }
  | { kind: 'delivery'; shipment: number }
  | { kind: 'cashReceipt'; order: number; amountFen: number }
  | { kind: 'monthly' }
  | { kind: 'advance' };

interface Timed {
  at: number;
  seq: number;
  event: Event;
}

/** A binary min-heap by (at, seq). */
class Queue {
  private readonly items: Timed[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  push(at: number, event: Event): void {
    const items = this.items;
    items.push({ at, seq: this.seq++, event });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Timed {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l]!, items[m]!)) m = l;
        if (r < items.length && before(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
const before = (a: Timed, b: Timed) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A customer's receivable as it stands: the balance and, FIFO, its oldest unpaid debit (customerCredit). */
class Account {
  balance = 0;
  private credits = 0;
  private readonly debits: { amount: number; day: string }[] = [];
  private covered = 0;
  private coveredThrough = 0;
  /** Monthly settlement: deliveries not paid yet, with the day each falls due (delivery + credit days). */
  readonly unpaid: { order: number; amountFen: number; due: number }[] = [];
  paydayScheduled = false;
  lastEntryAt = 0;
  lastAttemptAt = 0;

  post(amountFen: number, day: string, at: number): void {
    this.balance += amountFen;
    if (amountFen > 0) this.debits.push({ amount: amountFen, day });
    else this.credits -= amountFen;
    this.lastEntryAt = at;
  }

  /** The entry date of the oldest debit not covered by all credits (customerCredit's FIFO). */
  oldestUnpaid(): string | undefined {
    while (this.covered < this.debits.length && this.coveredThrough + this.debits[this.covered]!.amount <= this.credits) {
      this.coveredThrough += this.debits[this.covered]!.amount;
      this.covered++;
    }
    return this.debits[this.covered]?.day;
  }
}

const daysBetween = (from: string, to: string) => dayOf(to) - dayOf(from);
/** The first 25th of a month after `day` (monthly customers settle on the 25th: 每月 25 日对账). */
function nextPayday(day: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return d.getUTCDate() < 25 ? Math.round(Date.UTC(y, m, 25) / DAY_MS) : Math.round(Date.UTC(y, m + 1, 25) / DAY_MS);
}

interface Timeline {
  confirmedAt: number;
  productionRequestedAt: number;
  inProductionAt: number;
  inspectedAt: number;
  ships: number[];
  deliveries: number[];
  cancelledAt: number | null;
}

interface RawShipment {
  order: number;
  createdAt: number;
  createdBy: number;
  carrier: string;
  deliveredRecordedAt: number | null;
  deliveredBy: number;
  lines: { line: number; quantityMilli: number; amountFen: number }[];
}

class Simulation {
  readonly entries: PlannedEntry[] = [];
  readonly shipments: RawShipment[] = [];
  readonly surveys: PlannedSurvey[] = [];
  readonly timelines = new Map<number, Timeline>();
  readonly allocated: number[];
  readonly paidAt: (number | null)[];
  readonly defaulter: number | null;
  private readonly defaultFrom: number;
  private readonly stopPayingFrom: number;
  private readonly advanceBuyer: number | null;
  private readonly typoBuyer: number | null;
  private typoDone = false;
  private readonly lateCustomers: Set<number>;
  private readonly ordersOf = new Map<number, number[]>();
  private readonly approverCache = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    private readonly clock: Clock,
    private readonly input: OrderPlanInput,
    readonly ctx: SimContext,
  ) {
    this.allocated = ctx.orders.map(() => 0);
    this.paidAt = ctx.orders.map(() => null);
    ctx.orders.forEach((o, i) => {
      const list = this.ordersOf.get(o.customer) ?? [];
      list.push(i);
      this.ordersOf.set(o.customer, list);
    });
    this.lateCustomers = new Set(ctx.buyers.filter((b) => b.late).map((b) => b.customer));
    // One cash customer stops paying from one of his orders five to eleven months ago on, and the
    // orders he places two months after that are refused: his debt goes up for write-off.
    const anchors = new Map<number, number>();
    for (const b of ctx.buyers) {
      if (ctx.customers[b.customer]!.settlementType !== 'cash') continue;
      for (const i of this.ordersOf.get(b.customer) ?? []) {
        const { createdAt } = ctx.orders[i]!;
        const { course, pinned } = ctx.drafts[i]!;
        const fits = createdAt >= msAt(ctx.today - 330, 0) && createdAt < msAt(ctx.today - 150, 0) && !pinned && course.cancelAt === null && !course.reject;
        if (fits) anchors.set(b.customer, Math.max(anchors.get(b.customer) ?? 0, createdAt));
      }
    }
    const candidates = [...anchors.keys()];
    this.defaulter = candidates.length && ctx.orders.length >= 40 ? random.pick(candidates) : null;
    const anchor = this.defaulter === null ? 0 : anchors.get(this.defaulter)!;
    this.stopPayingFrom = anchor - DAY_MS;
    this.defaultFrom = anchor + 60 * DAY_MS;
    // One customer pays in advance (预收款); finance mistypes a receipt of another and reverses it.
    const others = ctx.buyers.filter((b) => b.customer !== this.defaulter).map((b) => b.customer);
    this.advanceBuyer = others.length ? random.pick(others) : null;
    const regular = (c: number) => (this.ordersOf.get(c) ?? []).filter((i) => ctx.orders[i]!.createdAt < msAt(ctx.today - 90, 0)).length >= 3;
    const monthly = others.filter((c) => ctx.customers[c]!.settlementType === 'monthly' && regular(c));
    const cash = others.filter((c) => ctx.customers[c]!.settlementType === 'cash' && regular(c));
    this.typoBuyer = monthly.length ? random.pick(monthly) : cash.length ? random.pick(cash) : null;
  }

  run(): void {
    for (const [customer, orders] of [...this.ordersOf].sort((a, b) => a[0] - b[0])) this.runCustomer(customer, orders);
    // Posting order across customers; a reversal keeps pointing at its entry.
    const order = this.entries.map((_, i) => i).sort((a, b) => this.entries[a]!.createdAt - this.entries[b]!.createdAt || a - b);
    const moved = new Array<number>(order.length);
    order.forEach((from, to) => (moved[from] = to));
    const sorted = order.map((i) => this.entries[i]!);
    for (const e of sorted) if (e.reverses !== null) e.reverses = moved[e.reverses]!;
    sorted.forEach((e, i) => (this.entries[i] = e));
  }

  private runCustomer(customer: number, orders: readonly number[]): void {
    const { ctx } = this;
    const account = new Account();
    const queue = new Queue();
    for (const i of orders) {
      const o = ctx.orders[i]!;
      queue.push(this.clock.later(o.createdAt, ctx.drafts[i]!.course.attemptMinutes, ctx.drafts[i]!.course.attemptMinutes), { kind: 'attempt', order: i });
    }
    if (customer === this.advanceBuyer) queue.push(this.clock.office(ctx.today - this.random.int(3, 40)), { kind: 'advance' });
    while (queue.size) {
      const { at, event } = queue.pop();
      if (at > ctx.now) break;
      switch (event.kind) {
        case 'attempt':
          this.attempt(event.order, at, account, queue);
          break;
        case 'deposit': {
          const o = ctx.orders[event.order]!;
          const amount = Math.min(o.depositFen, o.totalFen - this.allocated[event.order]!);
          if (amount > 0) this.payment(customer, account, at, 'deposit', amount, [{ order: event.order, amountFen: amount }], `订单 ${o.orderNo} 订金`, false);
          break;
        }
        case 'prepaid': {
          const o = ctx.orders[event.order]!;
          const amount = o.totalFen - this.allocated[event.order]!;
          if (amount > 0) {
            const ahead = amount > account.balance;
            this.payment(customer, account, at, 'receipt', amount, [{ order: event.order, amountFen: amount }], ahead ? '预收款；发货前付清余款' : `订单 ${o.orderNo} 余款`, false);
          }
          break;
        }
        case 'delivery': {
          const s = this.shipments[event.shipment]!;
          const o = ctx.orders[s.order]!;
          const amount = s.lines.reduce((sum, l) => sum + l.amountFen, 0);
          const index = this.entries.length;
          this.entries.push({
            customer,
            entryDate: dateOf(dayOfMs(at)),
            kind: 'sale',
            amountFen: amount,
            order: s.order,
            shipment: event.shipment,
            reverses: null,
            repId: o.repId,
            reference: '',
            note: `订单 ${o.orderNo} 交货`,
            reason: '',
            createdBy: s.deliveredBy,
            createdAt: at,
            allocations: [],
          });
          void index;
          account.post(amount, dateOf(dayOfMs(at)), at);
          const c = ctx.customers[customer]!;
          const late = this.lateCustomers.has(customer);
          if (c.settlementType === 'monthly') {
            account.unpaid.push({ order: s.order, amountFen: amount, due: dayOfMs(at) + c.creditDays });
            if (!account.paydayScheduled) {
              account.paydayScheduled = true;
              queue.push(this.clock.office(nextPayday(dayOfMs(at))), { kind: 'monthly' });
            }
          } else if (c.settlementType === 'cash') {
            const payAt = this.clock.office(dayOfMs(at) + (late ? this.random.int(20, 75) : this.random.int(0, 12)));
            if (!(customer === this.defaulter && at >= this.stopPayingFrom)) queue.push(Math.max(payAt, at + 60_000), { kind: 'cashReceipt', order: s.order, amountFen: amount });
          }
          break;
        }
        case 'cashReceipt': {
          const o = ctx.orders[event.order]!;
          const amount = Math.min(event.amountFen, o.totalFen - this.allocated[event.order]!, account.balance);
          if (amount > 0) this.payment(customer, account, at, 'receipt', amount, [{ order: event.order, amountFen: amount }], `订单 ${o.orderNo} 货款`, true);
          break;
        }
        case 'monthly': {
          // On the 25th: what falls due before the next 25th (late payers: only what is long overdue).
          const payday = dayOfMs(at);
          const cutoff = this.lateCustomers.has(customer) ? payday - this.random.int(20, 50) : nextPayday(payday);
          const due = account.unpaid.filter((u) => u.due <= cutoff);
          const owed = due.reduce((sum, u) => sum + u.amountFen, 0);
          const amount = Math.min(owed, account.balance);
          if (amount > 0) {
            let left = amount;
            const byOrder = new Map<number, number>();
            for (const u of due) byOrder.set(u.order, (byOrder.get(u.order) ?? 0) + u.amountFen);
            const allocations: { order: number; amountFen: number }[] = [];
            for (const [order, delivered] of byOrder) {
              const a = Math.min(left, delivered, ctx.orders[order]!.totalFen - this.allocated[order]!);
              if (a > 0) {
                allocations.push({ order, amountFen: a });
                left -= a;
              }
            }
            const [y, m] = dateOf(payday).split('-');
            this.payment(customer, account, at, 'receipt', amount, allocations, `${y}年${Number(m)}月对账货款`, true);
          }
          if (owed > 0 || amount > 0) {
            const paid = new Set(due);
            const rest = account.unpaid.filter((u) => !paid.has(u));
            account.unpaid.splice(0, account.unpaid.length, ...rest);
          }
          account.paydayScheduled = account.unpaid.length > 0;
          if (account.paydayScheduled) queue.push(this.clock.office(nextPayday(payday)), { kind: 'monthly' });
          break;
        }
        case 'advance': {
          const amount = Math.ceil((Math.max(0, account.balance) + 2_000_000) / 1_000_000) * 1_000_000;
          this.payment(customer, account, at, 'receipt', amount, [], '预收款；客户预付下月货款', false);
          break;
        }
      }
    }
  }

  /** A bank reference: 电汇 (most), 承兑汇票 (some), 现金 (rarely). */
  private reference(at: number): string {
    const day = dateOf(dayOfMs(at)).replaceAll('-', '');
    const kind = this.random.choose({ wire: 80, draft: 15, cash: 5 });
    if (kind === 'wire') return `电汇 HX${day}${this.random.digits(4)}`;
    if (kind === 'draft') return `银行承兑汇票 ${this.random.digits(8)}`;
    return `现金 XJ${day}-${this.random.digits(2)}`;
  }

  private payment(
    customer: number,
    account: Account,
    at: number,
    kind: 'deposit' | 'receipt',
    amountFen: number,
    allocations: { order: number; amountFen: number }[],
    note: string,
    typoAllowed: boolean,
  ): void {
    const c = this.ctx.customers[customer]!;
    const reference = this.reference(at);
    const day = dateOf(dayOfMs(at));
    // Now and then finance types the amount wrong and reverses it before entering the right one.
    const typo =
      typoAllowed &&
      kind === 'receipt' &&
      amountFen >= 20_000 &&
      account.lastEntryAt < at - 40 * 60_000 &&
      account.lastAttemptAt < at - 40 * 60_000 &&
      dayOfMs(at - 30 * 60_000) === dayOfMs(at) &&
      ((customer === this.typoBuyer && !this.typoDone && dayOfMs(at) >= this.ctx.today - 240) || this.random.chance(0.004));
    if (typo) {
      this.typoDone ||= customer === this.typoBuyer;
      const wrong = Math.max(100, Math.round((amountFen * 0.9) / 100) * 100);
      const wrongIndex = this.entries.length;
      const wrongAt = at - 30 * 60_000;
      this.entries.push({ customer, entryDate: day, kind: 'receipt', amountFen: -wrong, order: null, shipment: null, reverses: null, repId: c.ownerId, reference, note, reason: '', createdBy: this.ctx.finance, createdAt: wrongAt, allocations: [] });
      account.post(-wrong, day, wrongAt);
      const reversalAt = at - 15 * 60_000;
      this.entries.push({
        customer,
        entryDate: day,
        kind: 'reversal',
        amountFen: wrong,
        order: null,
        shipment: null,
        reverses: wrongIndex,
        repId: c.ownerId,
        reference,
        note: '',
        reason: '金额录入错误，冲销后重新登记',
        createdBy: this.ctx.finance,
        createdAt: reversalAt,
        allocations: [],
      });
      account.post(wrong, day, reversalAt);
    }
    this.entries.push({
      customer,
      entryDate: day,
      kind,
      amountFen: -amountFen,
      order: null,
      shipment: null,
      reverses: null,
      repId: c.ownerId,
      reference,
      note,
      reason: '',
      createdBy: this.ctx.finance,
      createdAt: at,
      allocations,
    });
    account.post(-amountFen, day, at);
    for (const a of allocations) {
      this.allocated[a.order]! += a.amountFen;
      if (this.allocated[a.order]! >= this.ctx.orders[a.order]!.totalFen && this.paidAt[a.order] === null) this.paidAt[a.order] = at;
    }
  }

  /** Who decides a step: the named approver, else the applicant's own superior holding the role, else anyone holding it. */
  private approverFor(applicantId: number, role: Role, approverId: number | null): number {
    if (approverId !== null) return approverId;
    const key = `${applicantId}:${role}`;
    const cached = this.approverCache.get(key);
    if (cached !== undefined) return cached;
    let cursor = this.ctx.people.get(applicantId)?.managerId ?? null;
    let found: number | undefined;
    for (let depth = 0; cursor !== null && depth < 20; depth++) {
      const p = this.ctx.people.get(cursor);
      if (!p) break;
      if (p.active && p.role === role) {
        found = p.id;
        break;
      }
      cursor = p.managerId;
    }
    found ??= [...this.ctx.people.values()].find((p) => p.active && p.role === role && p.id !== applicantId)?.id ?? applicantId;
    this.approverCache.set(key, found);
    return found;
  }

  /** The approval steps of a decision, as requests.file plans them (planSteps / resolveRole). */
  private planSteps(applicantId: number, decision: Decision): { role: Role; approverId: number | null }[] {
    const people = [...this.ctx.people.values()];
    const applicant = this.ctx.people.get(applicantId)!;
    const superiorRow = applicant.managerId === null ? undefined : this.ctx.people.get(applicant.managerId);
    const superior = superiorRow?.active ? superiorRow : null;
    const holders = (role: Role) => people.filter((p) => p.role === role && p.active && p.id !== applicantId).length;
    const ESCALATION: readonly Role[] = ['supervisor', 'manager', 'director', 'gm'];
    const resolve = (role: Role): Role => {
      if (holders(role) > 0) return role;
      const from = ESCALATION.indexOf(role);
      const above = from < 0 ? (['gm'] as Role[]) : ESCALATION.slice(from + 1);
      return above.find((r) => holders(r) > 0) ?? role;
    };
    const planned: { role: Role; approverId: number | null }[] = [];
    for (const step of decision.approvalSteps) {
      const next = step.superior && superior ? { role: superior.role, approverId: superior.id } : { role: resolve(step.role), approverId: null };
      if (!planned.some((p) => p.role === next.role && (p.approverId === next.approverId || next.approverId === null))) planned.push(next);
    }
    return planned;
  }

  /** The owner confirms the order (orders.confirm): judged, held for approval when it must be. */
  private attempt(index: number, at: number, account: Account, queue: Queue): void {
    const { ctx, input } = this;
    account.lastAttemptAt = at;
    const o = ctx.orders[index]!;
    const draft = ctx.drafts[index]!;
    const c = ctx.customers[o.customer]!;
    const applicant = ctx.people.get(c.ownerId)!;
    const day = dateOf(dayOfMs(at));
    const widest = o.lines.reduce((best, line) => (discountBp(line) > discountBp(best) ? line : best), o.lines[0]!);
    const balance = account.balance;
    const oldest = account.oldestUnpaid();
    const oldestDays = oldest === undefined ? undefined : Math.max(0, daysBetween(oldest, day));
    // The shortcut the engine's rules come down to (Q-PRICE, S-CREDIT); the engine itself is asked
    // whenever an approval is needed (for its findings) and, with `verify`, every time.
    const needs =
      discountBp(widest) > input.authorityBp(applicant.role, day) ||
      balance + o.totalFen > c.creditLimitFen ||
      (oldestDays !== undefined && oldestDays > c.creditDays);
    const request = {
      kind: 'order_confirmation',
      orderNo: o.orderNo,
      customerNo: c.customerNo,
      role: applicant.role,
      standardPrice: widest.standardPriceFen,
      unitPrice: widest.unitPriceFen,
      orderAmount: o.totalFen,
      openBalance: Math.max(0, balance),
      ...(balance < 0 ? { prepaidBalance: -balance } : {}),
      creditLimit: c.creditLimitFen,
      creditDays: c.creditDays,
      ...(oldestDays !== undefined ? { oldestOverdueDays: Math.min(oldestDays, 36_600) } : {}),
      grade: c.grade,
      appliedOn: day,
    };
    const decision = needs || input.verify ? input.judge(request, applicant.id, day) : null;
    if (decision && (decision.decision !== 'allow') !== needs) {
      throw new Error(`Demo orders: the engine says ${decision.decision} for ${o.orderNo}, the shortcut ${needs ? 'needs approval' : 'allow'}`);
    }
    if (!needs) {
      o.status = 'confirmed';
      o.version += 1;
      o.transitions.push({ from: 'draft', to: 'confirmed', at, by: applicant.id, note: '' });
      this.confirmed(index, at, queue);
      return;
    }
    // Held: one order_confirmation request; the steps are decided in turn.
    const { kind: _kind, ...fields } = request;
    const steps: PlannedStep[] = this.planSteps(applicant.id, decision!).map((s) => ({
      role: s.role,
      approverId: s.approverId,
      status: 'waiting',
      decidedBy: null,
      decidedAt: null,
      comment: '',
    }));
    const planned: PlannedRequest = {
      applicantId: applicant.id,
      fields,
      decision: decision!,
      note: `订单 ${o.orderNo} 确认 / confirming order ${o.orderNo}`,
      submittedOn: day,
      status: 'pending',
      createdAt: at,
      updatedAt: at,
      version: 1,
      steps,
    };
    o.request = planned;
    o.approvalState = 'pending';
    o.version += 1;
    o.updatedAt = at;
    const refuse = draft.course.reject || (o.customer === this.defaulter && at >= this.defaultFrom);
    let t = at;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      t = draft.course.holdPending && s === 0 ? ctx.now + 3_600_000 : this.clock.later(t, draft.course.stepMinutes[s % 3]!, draft.course.stepMinutes[s % 3]!);
      if (t > ctx.now) {
        step.status = 'pending';
        return;
      }
      const decider = this.approverFor(applicant.id, step.role, step.approverId);
      step.decidedBy = decider;
      step.decidedAt = t;
      planned.version += 1;
      planned.updatedAt = t;
      if (refuse) {
        step.status = 'rejected';
        step.comment = o.customer === this.defaulter ? '客户欠款逾期未还，暂停供货，不同意' : this.random.pick(REJECT_COMMENTS);
        for (const rest of steps.slice(s + 1)) rest.status = 'skipped';
        planned.status = 'rejected';
        o.approvalState = 'rejected';
        o.version += 1;
        o.updatedAt = t;
        // The rep tells the customer and cancels the draft.
        const cancelAt = this.clock.after(t, this.random.int(1, 3));
        if (cancelAt <= ctx.now) {
          o.status = 'cancelled';
          o.version += 1;
          o.updatedAt = cancelAt;
          o.transitions.push({ from: 'draft', to: 'cancelled', at: cancelAt, by: applicant.id, note: o.customer === this.defaulter ? '客户欠款未结清，订单取消' : '审批未通过，客户不接受调整后的价格，订单取消' });
        }
        return;
      }
      step.status = 'approved';
      step.comment = this.random.pick(APPROVE_COMMENTS);
      if (s + 1 < steps.length) steps[s + 1]!.status = 'pending';
    }
    planned.status = 'approved';
    o.approvalState = 'approved';
    o.status = 'confirmed';
    o.version += 1;
    o.transitions.push({ from: 'draft', to: 'confirmed', at: t, by: steps.at(-1)!.decidedBy!, note: '', approvedRequest: true });
    this.confirmed(index, t, queue);
  }

  /** From confirmation on: the order's course in time, its shipments, and the money events it causes. */
  private confirmed(index: number, at: number, queue: Queue): void {
    const { ctx, clock } = this;
    const o = ctx.orders[index]!;
    const course = ctx.drafts[index]!.course;
    const c = ctx.customers[o.customer]!;
    o.updatedAt = at;
    const productionRequestedAt = clock.after(at, course.productionRequestDays);
    const inProductionAt = clock.after(productionRequestedAt, course.productionDays);
    const inspectedAt = clock.after(inProductionAt, course.inspectionDays);
    const ships: number[] = [];
    let t = clock.after(inspectedAt, course.firstShipDays);
    for (let s = 0; s < course.split.length; s++) {
      if (s > 0) t = clock.after(t, course.shipGaps[s - 1]!);
      ships.push(t);
    }
    const deliveries = ships.map((ship, s) => clock.after(ship, course.transitDays[s]!));
    const cancelledAt = course.cancelAt === null ? null : Math.round(at + course.cancelAt * (ships[0]! - at));
    const timeline: Timeline = { confirmedAt: at, productionRequestedAt, inProductionAt, inspectedAt, ships, deliveries, cancelledAt };
    this.timelines.set(index, timeline);

    const shipper = ctx.shippers[o.customer % ctx.shippers.length]!;
    if (cancelledAt === null) {
      // Shipments (the register), whether or not they have happened by now: the sale posts on delivery.
      const shipped = o.lines.map(() => 0);
      course.split.forEach((row, s) => {
        const lines = row.flatMap((quantityMilli, line) => {
          if (quantityMilli <= 0) return [];
          const l = o.lines[line]!;
          const amountFen = shipmentAmount(l.amountFen, l.quantityMilli, shipped[line]!, quantityMilli);
          shipped[line]! += quantityMilli;
          return [{ line, quantityMilli, amountFen }];
        });
        if (ships[s]! > ctx.now) return;
        const recorded = deliveries[s]! <= ctx.now ? Math.max(deliveries[s]!, ships[s]! + 5 * 60_000) : null;
        const shipmentIndex = this.shipments.length;
        this.shipments.push({
          order: index,
          createdAt: ships[s]!,
          createdBy: shipper,
          carrier: this.random.pick(SHIPPING_BY_METHOD.get(o.shippingMethod)?.carriers ?? LOGISTICS),
          deliveredRecordedAt: recorded,
          deliveredBy: shipper,
          lines,
        });
        if (recorded !== null) queue.push(recorded, { kind: 'delivery', shipment: shipmentIndex });
      });
    }
    // Money ahead of the goods.
    const firstShip = ships[0]!;
    if (o.depositFen > 0 && (cancelledAt === null || cancelledAt > at)) {
      const depositAt = clock.after(at, course.depositDays);
      if (depositAt < firstShip && (cancelledAt === null || depositAt < cancelledAt)) queue.push(depositAt, { kind: 'deposit', order: index });
    }
    if (c.settlementType === 'prepaid' && cancelledAt === null) {
      const leadAt = Math.max(at + 20 * 60_000, firstShip - course.prepaidLeadMinutes * 60_000);
      queue.push(Math.min(leadAt, firstShip - 5 * 60_000), { kind: 'prepaid', order: index });
    }
  }
}

const SHIPPING_BY_METHOD = new Map(Object.values(SHIPPING).map((m) => [m.method, m]));

// —— after the simulation: each order's transitions up to now, closing, notices, surveys ——

function finishOrders(random: SeededRandom, clock: Clock, input: OrderPlanInput, sim: Simulation, now: number, today: number): void {
  const { ctx } = sim;
  const orders = ctx.orders;
  const shipmentsOf = new Map<number, number[]>();
  sim.shipments.forEach((s, i) => {
    const list = shipmentsOf.get(s.order) ?? [];
    list.push(i);
    shipmentsOf.set(s.order, list);
  });
  const flagUntil = today + input.warnDaysBefore;
  const atRisk: number[] = [];
  orders.forEach((o, index) => {
    const timeline = sim.timelines.get(index);
    if (!timeline) return; // never confirmed: a draft (maybe held or rejected), or cancelled after a rejection
    const c = ctx.customers[o.customer]!;
    const course = ctx.drafts[index]!.course;
    const shipper = ctx.shippers[o.customer % ctx.shippers.length]!;
    const assistant = ctx.people.get(o.createdBy)?.role === 'assistant' ? o.createdBy : shipper;
    const step = (to: OrderStatus, at: number, by: number, note = '', shipment?: number): boolean => {
      if (at > now) return false;
      if (timeline.cancelledAt !== null && timeline.cancelledAt <= at) return false;
      o.transitions.push({ from: o.status, to, at, by, note, ...(shipment === undefined ? {} : { shipment }) });
      o.status = to;
      o.version += 1;
      o.updatedAt = at;
      return true;
    };
    const cancel = () => {
      if (timeline.cancelledAt === null || timeline.cancelledAt > now) return;
      o.transitions.push({ from: o.status, to: 'cancelled', at: timeline.cancelledAt, by: c.ownerId, note: course.cancelReason });
      o.status = 'cancelled';
      o.version += 1;
      o.updatedAt = timeline.cancelledAt;
    };
    if (!step('production_requested', timeline.productionRequestedAt, assistant, `生产通知单 SC${dateOf(dayOfMs(timeline.productionRequestedAt)).slice(2).replaceAll('-', '')}-${String(random.int(1, 60)).padStart(2, '0')}`)) return cancel();
    if (!step('in_production', timeline.inProductionAt, assistant, random.chance(0.5) ? '已排产' : '')) return cancel();
    if (!step('inspected', timeline.inspectedAt, assistant)) return cancel();
    o.inspectedAt = timeline.inspectedAt;
    o.inspectionResults = inspectionText(random, ctx.drafts[index]!.productLine, dayOfMs(timeline.inspectedAt));
    if (timeline.cancelledAt !== null) return cancel();
    const mine = shipmentsOf.get(index) ?? [];
    // Shipped when every line is fully shipped (markShipped at the last shipment).
    if (mine.length === course.split.length && mine.length > 0) {
      const last = mine[mine.length - 1]!;
      step('shipped', sim.shipments[last]!.createdAt, sim.shipments[last]!.createdBy, '', last);
      // Delivered when every shipment is (markDelivered at the last delivery).
      const recorded = mine.map((s) => sim.shipments[s]!.deliveredRecordedAt);
      if (o.status === 'shipped' && recorded.every((r) => r !== null)) {
        let lastDelivered = mine[0]!;
        for (const s of mine) if (sim.shipments[s]!.deliveredRecordedAt! >= sim.shipments[lastDelivered]!.deliveredRecordedAt!) lastDelivered = s;
        const deliveredAt = sim.shipments[lastDelivered]!.deliveredRecordedAt!;
        step('delivered', deliveredAt, sim.shipments[lastDelivered]!.deliveredBy, '', lastDelivered);
        const paidAt = sim.paidAt[index];
        if ((o.status as OrderStatus) === 'delivered' && paidAt !== null && paidAt !== undefined) {
          step('closed', clock.after(Math.max(paidAt, deliveredAt), course.closeDays), c.ownerId, '货款已结清，结案');
        }
        // O-SURVEY some days after delivery: a third of the customers answer.
        const surveyAt = clock.office(dayOfMs(deliveredAt) + random.int(3, 20));
        if (random.chance(0.3) && surveyAt <= now) {
          const unhappy = random.chance(0.06);
          const score = () => (unhappy ? random.int(1, 3) : random.choose({ 3: 1, 4: 4, 5: 5 }));
          const scores = [score(), score(), score(), score()].map(Number) as [number, number, number, number];
          if (unhappy && Math.min(...scores) > 2) scores[random.int(0, 3)] = 2;
          const complaintOpened = Math.min(...scores) <= 2;
          sim.surveys.push({
            order: index,
            quality: scores[0],
            responseTime: scores[1],
            serviceSpeed: scores[2],
            attitude: scores[3],
            comment: complaintOpened ? random.pick(COMPLAINT_COMMENTS) : random.pick(SURVEY_COMMENTS),
            complaintOpened,
            recordedBy: c.ownerId,
            recordedAt: surveyAt,
          });
        }
      }
    }
  });
  orders.forEach((o, index) => {
    if (['confirmed', 'production_requested', 'in_production'].includes(o.status) && dayOf(o.deliveryDate) <= flagUntil) atRisk.push(index);
  });
  // O-DELAY: of the orders at risk now (not inspected, due within the warning days), half have been
  // told (the rep's "customer notified" record); the others still show the warning.
  atRisk.forEach((index, k) => {
    const o = orders[index]!;
    if (k % 2 === 1) return;
    const at = Math.max(o.updatedAt + 60_000, clock.office(today - random.int(0, 2)));
    if (at > now) return;
    o.customerNotifiedAt = at;
    o.customerNotifiedBy = ctx.customers[o.customer]!.ownerId;
    o.version += 1;
    o.updatedAt = at;
  });
  sim.surveys.sort((a, b) => a.recordedAt - b.recordedAt);
}

/** Shipments in the order they were registered, numbered CH + ship day + sequence. */
function numberShipments(raw: readonly RawShipment[], nextSequence: (prefix: string) => number): { list: PlannedShipment[] } {
  const order = raw.map((_, i) => i).sort((a, b) => raw[a]!.createdAt - raw[b]!.createdAt || a - b);
  const numbers = new Sequencer(nextSequence);
  const list = new Array<PlannedShipment>(raw.length);
  for (const i of order) {
    const s = raw[i]!;
    const shipDate = dateOf(dayOfMs(s.createdAt));
    list[i] = {
      order: s.order,
      shipmentNo: numbers.next(`CH${shipDate.replaceAll('-', '')}-`),
      shipDate,
      carrier: s.carrier,
      createdAt: s.createdAt,
      createdBy: s.createdBy,
      deliveredAt: s.deliveredRecordedAt === null ? null : dateOf(dayOfMs(s.deliveredRecordedAt)),
      deliveredRecordedAt: s.deliveredRecordedAt,
      note: '',
      lines: s.lines,
    };
  }
  return { list };
}
