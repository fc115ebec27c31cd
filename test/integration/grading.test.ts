// C-GRADE 分级管理 (DOMAIN §2) through grading.proposals / grading.decide, on sales delivered through
// the order channels and receipts posted by finance, on a clock the tests move. The month judged is
// October 2026: the last 3 months (August–October 2026) against the same months a year before
// (August–October 2025); collection days from receipts allocated to the orders. Each threshold at its
// boundary (growth 30 % vs 29.99 %, a fall of 30 %, 45 vs 46 days for an upgrade, 90 vs 91 days for a
// downgrade), the grade ends, no sales a year before; then the manager's decision (confirm changes
// the grade, audited; reject keeps it; twice is a conflict; a rep may not decide).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import type { Grade } from '../../shared/domain';
import type { GradeProposal } from '../../shared/performance';
import { createCustomer, hasChinese, teamCore, type Caller, type TeamCore, type TeamTemplate, teamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** Noon in Shanghai: the local date is the same in UTC and +08:00. */
const at = (day: string) => new Date(`${day}T04:00:00.000Z`);
const setDay = (day: string) => {
  clock = at(day);
};

const MONTH = '2026-10';
const PRIOR_DAY = '2025-08-04';
const RECENT_DAY = '2026-08-03';
const TODAY = '2026-11-05';

/** ¥100.00 a ton: an amount in fen is amount / 10 thousandths of a ton. */
const PRICE_FEN = 10_000;

interface World {
  team: TeamCore['team'];
  product: number;
  customer(no: string, grade: Grade, owner?: Caller): Promise<number>;
  /** Delivers an order of `amountFen` to the customer on `day` (the clock moved there); returns the order id. */
  sell(customerId: number, amountFen: number, day: string, owner?: Caller): Promise<number>;
  /** A receipt of `amountFen` allocated to the order, on `day`. */
  pay(customerId: number, orderId: number, amountFen: number, day: string): Promise<void>;
}

async function world(): Promise<World> {
  setDay('2025-07-01');
  t = await teamCore(template, { now: () => clock });
  const { team } = t;
  const product = (await t.admin.call('products.create', { product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: PRICE_FEN, costPriceFen: 8_000 }, effectiveFrom: '2025-01-01' })).product.id;
  let slip = 0;
  return {
    team,
    product,
    async customer(no, grade, owner = team.repA) {
      const { customer } = await createCustomer(owner, no);
      await team.manager.call('customers.update', { id: customer.id, version: customer.version, patch: { grade, status: 'active', creditLimitFen: 1_000_000_000, creditDays: 30 } });
      return customer.id;
    },
    async sell(customerId, amountFen, day, owner = team.repA) {
      setDay(day);
      let d = await owner.call('orders.create', {
        customerId,
        requiredSchedule: '两周内',
        deliveryDate: day,
        deliveryPlace: '苏州工业园区',
        packaging: '25kg 编织袋',
        shippingMethod: '汽运',
        lines: [{ productId: product, quantityMilli: amountFen / 10 }],
      });
      d = await owner.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = await owner.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
      }
      slip += 1;
      const shipment = await team.assistant.call('shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate: day, carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: amountFen / 10 }] });
      await team.assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: day });
      return d.order.id;
    },
    async pay(customerId, orderId, amountFen, day) {
      setDay(day);
      await team.finance.call('ledger.postReceipt', { customerId, date: day, amountFen, allocations: [{ orderId, amountFen }] });
    },
  };
}

/**
 * A year-ago sale and a recent one, each paid `days` after delivery (an unpaid year-old sale would
 * hold the next order for credit), so the collection cycle is `days`.
 */
async function history(w: World, customerId: number, prior: number, recent: number, days = 30, owner?: Caller) {
  if (prior) await w.pay(customerId, await w.sell(customerId, prior, PRIOR_DAY, owner), prior, addDays(PRIOR_DAY, days));
  await w.pay(customerId, await w.sell(customerId, recent, RECENT_DAY, owner), recent, addDays(RECENT_DAY, days));
}

const byNo = (list: readonly GradeProposal[]) => new Map(list.map((p) => [p.customerNo, p]));

describe('grading.proposals: C-GRADE at its thresholds', () => {
  it('growth 30 % (130 vs 100) proposes up, 29.99 % nothing; a fall of exactly 30 % down; figures behind each', async () => {
    const w = await world();
    const up = await w.customer('G-UP', 'core');
    const under = await w.customer('G-UNDER', 'core');
    const down = await w.customer('G-DOWN', 'ordinary');
    const fell = await w.customer('G-FELL', 'core');
    await history(w, up, 1_000_000, 1_300_000, 30);
    await history(w, under, 1_000_000, 1_299_900, 30);
    await history(w, fell, 1_000_000, 700_000);
    await history(w, down, 1_000_000, 500_000);
    // Sales outside the windows do not count: July 2026 (before August) and November 2026 (after October).
    await w.sell(under, 5_000_000, '2026-07-31');
    setDay(TODAY);
    await w.sell(fell, 5_000_000, '2026-11-02');
    setDay(TODAY);

    const list = await w.team.manager.call('grading.proposals', { month: MONTH });
    const found = byNo(list);
    expect([...found.keys()].sort()).toEqual(['G-FELL', 'G-UP']);
    expect(found.get('G-UP')).toMatchObject({
      month: MONTH,
      customerId: up,
      ownerId: w.team.repA.id,
      ownerName: '张伟',
      fromGrade: 'core',
      toGrade: 'strategic',
      direction: 'up',
      recentSales: 1_300_000,
      priorSales: 1_000_000,
      collectionDays: 30,
      sales12m: 1_300_000, // August 2025 is outside the 12 months November 2025 – October 2026
      status: 'proposed',
      decidedBy: null,
    });
    expect(found.get('G-UP')!.growth).toBeCloseTo(0.3, 10);
    // Cost ¥80 a ton of ¥100: 20 % margin.
    expect(found.get('G-UP')!.grossMargin12m).toBeCloseTo(0.2, 10);
    expect(found.get('G-UP')!.reason).toBe('建议由核心级升为战略级：订单增长率 30%（≥ 30%），平均回款 30 天（≤ 45 天）');
    expect(hasChinese(found.get('G-UP')!.reason)).toBe(true);
    expect(found.get('G-UP')!.reasonEn).toContain('order growth 30%');
    expect(found.get('G-FELL')).toMatchObject({ fromGrade: 'core', toGrade: 'ordinary', direction: 'down', recentSales: 700_000, priorSales: 1_000_000, collectionDays: 30, sales12m: 700_000 });
    // Downgrades first.
    expect(list.map((p) => p.customerNo)).toEqual(['G-FELL', 'G-UP']);
  });

  it('an upgrade needs payment within 45 days (45 up, 46 nothing); over 90 days is a downgrade (90 nothing, 91 down)', async () => {
    const w = await world();
    const in45 = await w.customer('D-45', 'ordinary');
    const in46 = await w.customer('D-46', 'ordinary');
    const in90 = await w.customer('D-90', 'strategic');
    const in91 = await w.customer('D-91', 'strategic');
    await history(w, in45, 1_000_000, 2_000_000, 45);
    await history(w, in46, 1_000_000, 2_000_000, 46);
    await history(w, in90, 1_000_000, 1_000_000, 90);
    await history(w, in91, 1_000_000, 1_000_000, 91);
    setDay(TODAY);
    const found = byNo(await w.team.director.call('grading.proposals', { month: MONTH }));
    expect([...found.keys()].sort()).toEqual(['D-45', 'D-91']);
    expect(found.get('D-45')).toMatchObject({ fromGrade: 'ordinary', toGrade: 'core', direction: 'up', collectionDays: 45 });
    expect(found.get('D-91')).toMatchObject({ fromGrade: 'strategic', toGrade: 'core', direction: 'down', collectionDays: 91, growth: 0 });
    expect(found.get('D-91')!.reason).toBe('建议由战略级降为核心级：平均回款 91 天，超过 90 天');
  });

  it('strategic cannot go up, ordinary not down; no sales a year before gives no growth signal; only active customers; reversed sales do not count', async () => {
    const w = await world();
    const top = await w.customer('E-TOP', 'strategic');
    const bottom = await w.customer('E-BOTTOM', 'ordinary');
    const fresh = await w.customer('E-FRESH', 'core');
    const dormant = await w.customer('E-DORMANT', 'core');
    const reversed = await w.customer('E-REVERSED', 'core');
    await history(w, top, 1_000_000, 3_000_000, 10);
    await history(w, bottom, 1_000_000, 100_000);
    await history(w, fresh, 0, 9_000_000, 10);
    await history(w, dormant, 1_000_000, 2_000_000, 10);
    await history(w, reversed, 1_000_000, 1_000_000);
    // A further 1,000,000 delivered and reversed: growth stays 0.
    await w.sell(reversed, 1_000_000, '2026-09-01');
    const sale = (await w.team.finance.call('ledger.entries', { customerId: reversed, startRow: 0, endRow: 10 })).rows.find((e) => e.kind === 'sale' && e.entryDate === '2026-09-01')!;
    await w.team.finance.call('ledger.reverse', { entryId: sale.id, reason: '签收登记错误' });
    const file = (await w.team.manager.call('customers.get', { id: dormant })).customer;
    await w.team.manager.call('customers.update', { id: dormant, version: file.version, patch: { status: 'dormant' } });
    setDay(TODAY);
    expect(await w.team.manager.call('grading.proposals', { month: MONTH })).toEqual([]);
  });

  it('each sees the proposals of the customers he may see: a rep his own, a supervisor his team’s, the manager all', async () => {
    const w = await world();
    const mine = await w.customer('S-A', 'core', w.team.repA);
    const theirs = await w.customer('S-B', 'core', w.team.repB);
    await history(w, mine, 1_000_000, 500_000);
    await history(w, theirs, 1_000_000, 500_000, 30, w.team.repB);
    setDay(TODAY);
    const nos = async (caller: Caller) => (await caller.call('grading.proposals', { month: MONTH })).map((p) => p.customerNo);
    expect(await nos(w.team.manager)).toEqual(['S-A', 'S-B']);
    expect(await nos(w.team.repA)).toEqual(['S-A']);
    expect(await nos(w.team.supervisor)).toEqual(['S-A']);
    expect(await nos(w.team.repB)).toEqual(['S-B']);
  });
});

describe('grading.decide: a manager confirms or rejects', () => {
  async function proposed() {
    const w = await world();
    const up = await w.customer('G-UP', 'core');
    const down = await w.customer('G-DOWN', 'core');
    const none = await w.customer('G-NONE', 'core');
    await history(w, up, 1_000_000, 1_300_000, 30);
    await history(w, down, 1_000_000, 700_000);
    await history(w, none, 1_000_000, 1_000_000);
    setDay(TODAY);
    return { ...w, up, down, none };
  }
  const gradeOf = async (caller: Caller, id: number) => (await caller.call('customers.get', { id })).customer;

  it('confirm: the customer’s grade changes (version + 1), the decision is audited and shows with its figures though no longer proposed', async () => {
    const w = await proposed();
    const before = await gradeOf(w.team.manager, w.up);
    const audits = t.count('audit_log');
    const decided = await w.team.manager.call('grading.decide', { month: MONTH, customerId: w.up, decision: 'confirm', comment: '增长稳定' });
    expect(decided).toMatchObject({ customerNo: 'G-UP', fromGrade: 'core', toGrade: 'strategic', status: 'confirmed', decidedBy: '王经理', comment: '增长稳定', recentSales: 1_300_000 });
    const after = await gradeOf(w.team.manager, w.up);
    expect(after.grade).toBe('strategic');
    expect(after.version).toBe(before.version + 1);
    expect(t.count('audit_log')).toBe(audits + 1);
    const audit = t.core.database.sqlite.prepare("SELECT * FROM audit_log WHERE action = 'grading.confirm'").all() as { user_id: number; entity_id: string; before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: w.team.manager.id, entity_id: String(w.up) });
    expect(JSON.parse(audit[0]!.before_json)).toEqual({ grade: 'core' });
    expect(JSON.parse(audit[0]!.after_json).grade).toBe('strategic');

    // Strategic cannot go up: the rule proposes nothing now, yet the month shows the decision.
    const list = await w.team.manager.call('grading.proposals', { month: MONTH });
    expect(list.map((p) => [p.customerNo, p.status])).toEqual([
      ['G-DOWN', 'proposed'],
      ['G-UP', 'confirmed'],
    ]);
    expect(list[1]).toMatchObject({ fromGrade: 'core', toGrade: 'strategic', decidedBy: '王经理', recentSales: 1_300_000, priorSales: 1_000_000, collectionDays: 30 });
    // The rep sees his customer's decision too.
    expect((await w.team.repA.call('grading.proposals', { month: MONTH })).find((p) => p.customerNo === 'G-UP')?.status).toBe('confirmed');
  });

  it('reject keeps the grade; deciding twice is a conflict that writes nothing', async () => {
    const w = await proposed();
    const decided = await w.team.director.call('grading.decide', { month: MONTH, customerId: w.down, decision: 'reject', comment: '客户季节性波动' });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: '钱总监', toGrade: 'ordinary' });
    expect((await gradeOf(w.team.manager, w.down)).grade).toBe('core');
    expect(t.count('grade_decisions')).toBe(1);
    const snapshot = t.snapshot();
    for (const decision of ['confirm', 'reject'] as const) {
      const error = await w.team.manager.fail('grading.decide', { month: MONTH, customerId: w.down, decision });
      expect(error.code).toBe('CONFLICT');
      expect(hasChinese(error.message)).toBe(true);
      expect(error.message).toContain('钱总监');
    }
    expect(t.snapshot()).toBe(snapshot);
    // The month keeps showing the rejection.
    expect((await w.team.manager.call('grading.proposals', { month: MONTH })).find((p) => p.customerNo === 'G-DOWN')?.status).toBe('rejected');
  });

  it('a customer without a proposal, an unknown customer, a rep or an assistant: refused, nothing written', async () => {
    const w = await proposed();
    const snapshot = t.snapshot();
    const none = await w.team.manager.fail('grading.decide', { month: MONTH, customerId: w.none, decision: 'confirm' });
    expect(none.code).toBe('VALIDATION');
    expect(none.issues.map((i) => i.field)).toEqual(['customerId']);
    expect(none.message).toBe('客户：客户 G-NONE 在 2026-10 没有待确认的升降级建议');
    expect((await w.team.manager.fail('grading.decide', { month: MONTH, customerId: 99_999, decision: 'confirm' })).code).toBe('NOT_FOUND');
    expect((await w.team.repA.fail('grading.decide', { month: MONTH, customerId: w.up, decision: 'confirm' })).code).toBe('FORBIDDEN');
    expect((await w.team.supervisor.fail('grading.decide', { month: MONTH, customerId: w.up, decision: 'confirm' })).code).toBe('FORBIDDEN');
    expect((await w.team.assistant.fail('grading.decide', { month: MONTH, customerId: w.up, decision: 'confirm' })).code).toBe('FORBIDDEN');
    const bad = await w.team.manager.fail('grading.decide', { month: '2026-13', customerId: w.up, decision: 'confirm' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.field)).toEqual(['month']);
    expect(t.snapshot()).toBe(snapshot);
  });

  it('the thresholds in force at the month’s end apply (policy.setParams)', async () => {
    const w = await proposed();
    setDay('2026-10-20'); // October still running: a change from its last day applies to it, one from November does not
    const params = { months: 3, upgradeGrowth: 0.5, upgradeMaxCollectionDays: 45, downgradeDecline: 0.3, downgradeCollectionDays: 90 };
    await t.admin.call('policy.setParams', { ruleId: 'C-GRADE', params, effectiveFrom: '2026-11-01', note: '提高升级门槛' });
    expect((await w.team.manager.call('grading.proposals', { month: MONTH })).map((p) => p.customerNo)).toEqual(['G-DOWN', 'G-UP']);
    await t.admin.call('policy.setParams', { ruleId: 'C-GRADE', params, effectiveFrom: '2026-10-31', note: '提高升级门槛' });
    expect((await w.team.manager.call('grading.proposals', { month: MONTH })).map((p) => p.customerNo)).toEqual(['G-DOWN']);
  });
});
