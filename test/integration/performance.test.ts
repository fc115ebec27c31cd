// K-SCORE 绩效分 and K-BONUS 阶梯奖金 (DOMAIN §9) through performance.month, with the W-FAKE /
// W-POLICY deductions a manager records (performance.recordDeduction / performance.deductions), on
// work logs saved through activity.saveLog and sales delivered through the order channels, on a
// clock the tests move. March 2026: Monday the 2nd to "today", Wednesday the 4th — three working
// days (the 2nd, 3rd and 4th), three daily logs owed of which today's is not due yet, no weekly report due yet.
// The people judged are created on the 2nd, so nothing is owed before.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import { localTimestamp } from '../../shared/dates';
import type { AppErrorPayload } from '../../shared/errors';
import type { ScoreRow } from '../../shared/performance';
import { defaultParams } from '../../electron/core/policy/rule';
import { RULES } from '../../electron/core/policy/catalog';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** `time` on `day` in Shanghai (+08:00). */
const at = (day: string, time = '12:00') => new Date(`${day}T${time}:00+08:00`);
const setDay = (day: string, time = '12:00') => {
  clock = at(day, time);
};

const MONTH = '2026-03';
const TODAY = '2026-03-04';

// The domain book's numbers, from the catalog's defaults.
const P = {
  base: defaultParams(RULES['K-SCORE']).base,
  lateDay: defaultParams(RULES['W-LOG']).pointsPerLateDay,
  fake: defaultParams(RULES['W-FAKE']).pointsPerCase,
  dismissalAbove: defaultParams(RULES['W-FAKE']).dismissalAbove,
  policy: defaultParams(RULES['W-POLICY']).pointsPerCase,
  quota: defaultParams(RULES['W-VISITQ']).points,
  newPerDay: defaultParams(RULES['W-VISITQ']).minNewPerDay,
  revisitsPerDay: defaultParams(RULES['W-VISITQ']).minRevisitsPerDay,
};

async function setup() {
  setDay('2026-03-02', '08:30');
  t = await teamCore(template, { now: () => clock });
  return t.team;
}

/** A rep created today under the supervisor, with one customer of his own. */
async function newRep(displayName: string, customerNo: string) {
  const rep = await t.userWith('rep', { displayName, managerId: t.team.supervisor.id });
  const { customer } = await createCustomer(rep, customerNo);
  return Object.assign(rep, { customerId: customer.id });
}

type Visits = ChannelInput<'activity.saveLog'>['visits'];
const visitsOf = (customerId: number, news: number, revisits: number): Visits => [
  ...Array.from({ length: news }, (_, i) => ({ customerId, kind: 'new' as const, outcome: `初次拜访 ${i + 1}`, nextStep: '' })),
  ...Array.from({ length: revisits }, (_, i) => ({ customerId, kind: 'revisit' as const, outcome: `回访 ${i + 1}`, nextStep: '' })),
];

/** Saves the rep's log of `day`, submitted at `submitted` (default: that day, 18:00). */
async function saveLog(rep: Caller, day: string, visits: Visits = [], submitted: [string, string] = [day, '18:00']) {
  setDay(...submitted);
  await rep.call('activity.saveLog', { logDate: day, summary: `${day} 工作`, visits, version: 0 });
}

/** Two on-time logs: the 2nd with `news` new visits and `revisits` revisits, the 3rd with none. */
async function dutifulLogs(rep: Caller & { customerId: number }, news: number, revisits: number) {
  await saveLog(rep, '2026-03-02', visitsOf(rep.customerId, news, revisits));
  await saveLog(rep, '2026-03-03');
}

const visitIds = (userId: number, kind: 'new' | 'revisit', n: number) =>
  (t.core.database.sqlite.prepare('SELECT id FROM visits WHERE user_id = ? AND kind = ? AND falsified_at IS NULL ORDER BY id LIMIT ?').all(userId, kind, n) as { id: number }[]).map((v) => v.id);

async function rows(caller: Caller, month = MONTH) {
  setDay(TODAY);
  return caller.call('performance.month', { month });
}
const rowOf = async (caller: Caller, userId: number, month = MONTH): Promise<ScoreRow> => (await rows(caller, month)).rows.find((r) => r.userId === userId)!;

describe('performance.month: K-SCORE with every deduction listed', () => {
  it('the book’s numbers: 100, 5 a day late, 5 a falsified entry (dismissal above 5), 10 a policy, 10 for the quota of 2 new / 3 revisits a day', () => {
    expect(P).toEqual({ base: 100, lateDay: 5, fake: 5, dismissalAbove: 5, policy: 10, quota: 10, newPerDay: 2, revisitsPerDay: 3 });
  });

  it('a perfect rep scores 100; exactly 2 new visits and 3 revisits a working day is no W-VISITQ, one new visit short costs 10', async () => {
    await setup();
    const perfect = await newRep('陈一', 'P-1');
    const short = await newRep('刘二', 'P-2');
    await dutifulLogs(perfect, 2 * 3, 3 * 3);
    await dutifulLogs(short, 2 * 3 - 1, 3 * 3);

    const good = await rowOf(t.team.manager, perfect.id);
    expect(good).toMatchObject({
      name: '陈一',
      month: MONTH,
      base: 100,
      deductions: [],
      score: 100,
      dismissalFlag: false,
      visits: { new: 6, revisit: 9, phone: 0 },
      workingDays: 3,
      newPerDay: 2,
      revisitsPerDay: 3,
      logsDue: 3, // today's is owed, not yet due
      logsLate: 0,
      logsMissing: 0,
    });
    const poor = await rowOf(t.team.manager, short.id);
    expect(poor.score).toBe(90);
    expect(poor.newPerDay).toBe(1.67);
    expect(poor.deductions).toEqual([
      {
        ruleId: 'W-VISITQ',
        points: 10,
        reason: '本月 3 个工作日，新客户拜访 5 次（应至少 6 次），未达每个工作日平均新客户 2 次、回访 3 次，扣 10 分',
        reasonEn: expect.stringContaining('5 new-customer visits (at least 6)'),
        date: null,
        recordId: null,
      },
    ]);
  });

  it('1 late log (−5), 2 falsified visits (−10), a policy not carried out (−10), short on visits (−10): 65, each reason listed', async () => {
    const { manager } = await setup();
    const rep = await newRep('马三', 'P-3');
    // The 2nd's log a day late, with 7 new visits (2 of them falsified below: 5 left, short of 6).
    await saveLog(rep, '2026-03-02', visitsOf(rep.customerId, 7, 9), ['2026-03-03', '09:00']);
    await saveLog(rep, '2026-03-03');
    setDay(TODAY);
    const fake = await manager.call('performance.recordDeduction', { userId: rep.id, ruleId: 'W-FAKE', date: '2026-03-03', reason: '客户否认 3 月 2 日有拜访', visitIds: visitIds(rep.id, 'new', 2) });
    expect(fake).toMatchObject({ userId: rep.id, userName: '马三', ruleId: 'W-FAKE', date: '2026-03-03', cases: 2, points: 10, recordedBy: '王经理', reason: '客户否认 3 月 2 日有拜访' });
    expect(fake.findings.map((f) => f.message)).toEqual(['查实虚假日志 2 条，扣 10 分']);
    const policy = await manager.call('performance.recordDeduction', { userId: rep.id, ruleId: 'W-POLICY', date: TODAY, reason: '未按规定执行先款后货' });
    expect(policy).toMatchObject({ cases: 1, points: 10 });

    const row = await rowOf(manager, rep.id);
    expect(row.score).toBe(65);
    expect(row.deductions.map((d) => [d.ruleId, d.points, d.date])).toEqual([
      ['W-LOG', 5, '2026-03-02'],
      ['W-FAKE', 10, '2026-03-03'],
      ['W-POLICY', 10, TODAY],
      ['W-VISITQ', 10, null],
    ]);
    expect(row.deductions.map((d) => d.reason)).toEqual([
      '工作日志（2026-03-02）迟交 1 天，扣 5 分',
      '查实虚假日志 2 条，扣 10 分：客户否认 3 月 2 日有拜访',
      '因本人原因未执行制度 1 次，扣 10 分：未按规定执行先款后货',
      '本月 3 个工作日，新客户拜访 5 次（应至少 6 次），未达每个工作日平均新客户 2 次、回访 3 次，扣 10 分',
    ]);
    expect(row.deductions.every((d) => hasChinese(d.reason) && d.reasonEn.length > 0)).toBe(true);
    expect(row.deductions.map((d) => d.recordId)).toEqual([null, fake.id, policy.id, null]);
    expect(row).toMatchObject({ visits: { new: 5, revisit: 9, phone: 0 }, logsDue: 3, logsLate: 1, logsMissing: 0, dismissalFlag: false });

    // The falsified visits are marked, with who and why.
    const marked = t.core.database.sqlite.prepare('SELECT falsified_at, falsified_by, falsified_note FROM visits WHERE falsified_at IS NOT NULL').all() as { falsified_at: string; falsified_by: number; falsified_note: string }[];
    expect(marked).toHaveLength(2);
    expect(marked.every((v) => v.falsified_by === manager.id && v.falsified_note === '客户否认 3 月 2 日有拜访' && v.falsified_at === localTimestamp(at(TODAY)))).toBe(true);
    // One audit row per recorded deduction.
    expect(t.core.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'performance.recordDeduction'").get()).toEqual({ n: 2 });
    // The month's recorded deductions, newest first.
    expect((await manager.call('performance.deductions', { month: MONTH })).map((d) => d.ruleId)).toEqual(['W-POLICY', 'W-FAKE']);
  });

  it('W-FAKE: 5 cases in total is no dismissal flag, the 6th is; a visit is falsified once; a later parameter applies from its day; the score stops at 0', async () => {
    const { manager } = await setup();
    const rep = await newRep('赵四', 'P-4');
    await dutifulLogs(rep, 6, 9);
    setDay(TODAY);
    const five = await manager.call('performance.recordDeduction', { userId: rep.id, ruleId: 'W-FAKE', date: '2026-03-02', reason: '编造拜访', visitIds: visitIds(rep.id, 'new', 5) });
    expect(five).toMatchObject({ cases: 5, points: 25 });
    let row = await rowOf(manager, rep.id);
    expect(row.dismissalFlag).toBe(false);
    // 100 − 25 (W-FAKE) − 10 (1 new visit left of 6)
    expect(row.score).toBe(65);

    const sixth = await manager.call('performance.recordDeduction', { userId: rep.id, ruleId: 'W-FAKE', date: '2026-03-03', reason: '编造回访', visitIds: visitIds(rep.id, 'revisit', 1) });
    expect(sixth).toMatchObject({ cases: 1, points: 5 });
    expect(sixth.findings[0]?.message).toBe('查实虚假日志 1 条，扣 5 分；累计 6 条，超过 5 条，提请辞退');
    row = await rowOf(manager, rep.id);
    expect(row.dismissalFlag).toBe(true);
    expect(row.score).toBe(60);

    // The same visit again: refused, nothing written.
    const before = t.snapshot();
    const again = await manager.fail('performance.recordDeduction', { userId: rep.id, ruleId: 'W-FAKE', date: TODAY, reason: '重复', visitIds: [visitIdsAll(rep.id)[0]!] });
    expect(again.code).toBe('VALIDATION');
    expect(again.issues.map((i) => i.field)).toEqual(['visitIds']);
    expect(again.message).toContain('已被认定为虚假');
    expect(t.snapshot()).toBe(before);

    // W-POLICY becomes 100 points from today: the 3rd's breach keeps 10, today's costs 100.
    await t.admin.call('policy.setParams', { ruleId: 'W-POLICY', params: { pointsPerCase: 100 }, effectiveFrom: TODAY, note: '从严' });
    const older = await manager.call('performance.recordDeduction', { userId: rep.id, ruleId: 'W-POLICY', date: '2026-03-03', reason: '未按时对账' });
    const newer = await manager.call('performance.recordDeduction', { userId: rep.id, ruleId: 'W-POLICY', date: TODAY, reason: '未按时催款' });
    expect([older.points, newer.points]).toEqual([10, 100]);
    row = await rowOf(manager, rep.id);
    expect(row.deductions.reduce((s, d) => s + d.points, 0)).toBe(25 + 5 + 10 + 10 + 100);
    expect(row.score).toBe(0);
  });

  it('no working day in the month yet: no W-VISITQ, no averages', async () => {
    await setup();
    const rep = await newRep('孙五', 'P-5');
    const row = await rowOf(t.team.manager, rep.id, '2026-04');
    expect(row).toMatchObject({ workingDays: 0, newPerDay: null, revisitsPerDay: null, deductions: [], score: 100 });
  });
});

/** Every visit id of a user, falsified or not. */
function visitIdsAll(userId: number): number[] {
  return (t.core.database.sqlite.prepare('SELECT id FROM visits WHERE user_id = ? ORDER BY id').all(userId) as { id: number }[]).map((v) => v.id);
}

describe('who sees whose scores', () => {
  it('a rep himself, a supervisor himself and his team, the heads, the assistant and finance everyone; not the admin; sorted by name', async () => {
    const { repA, repB, supervisor, manager, gm, assistant, finance } = await setup();
    setDay(TODAY);
    await manager.call('performance.recordDeduction', { userId: repB.id, ruleId: 'W-POLICY', date: TODAY, reason: '未执行报价审批' });
    const names = async (caller: Caller) => {
      const month = await rows(caller);
      return [month.scope, month.rows.map((r) => r.name)];
    };
    expect(await names(repA)).toEqual(['own', ['张伟']]);
    expect(await names(supervisor)).toEqual(['team', ['孙主管', '张伟']]);
    for (const caller of [manager, gm, assistant, finance]) expect(await names(caller)).toEqual(['all', ['李娜', '孙主管', '张伟']]);
    const denied = await t.admin.fail('performance.month', { month: MONTH });
    expect(denied.code).toBe('FORBIDDEN');
    expect(hasChinese(denied.message)).toBe(true);
    // The recorded deductions follow the same scope.
    expect((await repA.call('performance.deductions', { month: MONTH })).length).toBe(0);
    expect((await supervisor.call('performance.deductions', { month: MONTH })).length).toBe(0);
    expect((await repB.call('performance.deductions', { month: MONTH })).map((d) => d.userName)).toEqual(['李娜']);
    expect((await assistant.call('performance.deductions', { month: MONTH })).length).toBe(1);
    expect((await manager.call('performance.deductions', { month: '2026-02' })).length).toBe(0);
  });
});

describe('performance.recordDeduction: bad input is refused, naming the field, and writes nothing', () => {
  async function refused(caller: Caller, input: unknown, code: AppErrorPayload['code'], field?: string) {
    const before = t.snapshot();
    const error = await caller.fail('performance.recordDeduction', input);
    expect(error.code, error.message).toBe(code);
    expect(hasChinese(error.message), error.message).toBe(true);
    if (field) expect(error.issues.map((i) => i.field)).toContain(field);
    expect(t.snapshot()).toBe(before);
    return error;
  }

  it('who, when, which visits, and who may record', async () => {
    const { manager, repA, assistant } = await setup();
    const rep = await newRep('钱六', 'P-6');
    const other = await newRep('吴七', 'P-7');
    await dutifulLogs(rep, 2, 0);
    await dutifulLogs(other, 1, 0);
    setDay(TODAY);
    const policy = { userId: rep.id, ruleId: 'W-POLICY', date: TODAY, reason: '未执行' };
    const fake = { userId: rep.id, ruleId: 'W-FAKE' as const, date: TODAY, reason: '编造', visitIds: visitIds(rep.id, 'new', 1) };
    expect((await refused(manager, { ...policy, userId: assistant.id }, 'VALIDATION', 'userId')).message).toContain('不是在职的客户经理或主管');
    await refused(manager, { ...policy, userId: 99_999 }, 'VALIDATION', 'userId');
    await t.admin.call('users.update', { id: other.id, patch: { active: false } });
    await refused(manager, { ...policy, userId: other.id }, 'VALIDATION', 'userId');
    expect((await refused(manager, { ...policy, date: '2026-03-05' }, 'VALIDATION', 'date')).message).toBe('日期：不能晚于今天 2026-03-04');
    await refused(manager, { ...policy, date: '2026-02-30' }, 'VALIDATION', 'date');
    await refused(manager, { ...policy, reason: ' ' }, 'VALIDATION', 'reason');
    await refused(manager, { ...policy, visitIds: fake.visitIds }, 'VALIDATION', 'visitIds');
    await refused(manager, { ...fake, visitIds: [] }, 'VALIDATION', 'visitIds');
    expect((await refused(manager, { ...fake, visitIds: visitIdsAll(other.id) }, 'VALIDATION', 'visitIds')).message).toContain('不是 钱六 的拜访记录');
    await refused(manager, { ...fake, visitIds: [99_999] }, 'VALIDATION', 'visitIds');
    await refused(manager, { ...policy, ruleId: 'W-LOG' }, 'VALIDATION', 'ruleId');
    await refused(repA, policy, 'FORBIDDEN');
    await refused(t.team.supervisor, policy, 'FORBIDDEN');
    await refused(assistant, policy, 'FORBIDDEN');
    // And the good one goes through.
    expect((await manager.call('performance.recordDeduction', fake)).points).toBe(5);
  });
});

describe('K-BONUS on the sales counted toward performance', () => {
  it('tiers at 79.99 % / 80 % / 100 % / 100.01 % of the month’s target; a new customer without an approved application adds to sales, not to counted sales', async () => {
    const { manager, repA, assistant } = await setup();
    const product = (await t.admin.call('products.create', { product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: 10_000, costPriceFen: 8_000 }, effectiveFrom: '2026-01-01' })).product.id;
    const monthly = 1_000_000;
    await manager.call('targets.save', {
      year: 2026,
      version: 0,
      totalFen: 12 * monthly,
      monthsFen: Array(12).fill(monthly),
      breakdowns: { rep: [{ key: String(repA.id), yearFen: 12 * monthly, monthsFen: Array(12).fill(monthly) }] },
    });
    const customer = async (no: string, approve: boolean) => {
      const created = await createCustomer(repA, no);
      await manager.call('customers.update', { id: created.customer.id, version: created.customer.version, patch: { status: 'active', creditLimitFen: 1_000_000_000, creditDays: 30 } });
      if (approve) await manager.call('approvals.decideApplication', { id: created.application!.id, decision: 'approve', comment: '同意' });
      return created.customer.id;
    };
    const counted = await customer('K-1', true);
    const uncounted = await customer('K-2', false);
    let slip = 0;
    /** Delivers `amountFen` (at ¥100 a ton) to the customer today. */
    const sell = async (customerId: number, amountFen: number) => {
      setDay(TODAY);
      let d = await repA.call('orders.create', { customerId, requiredSchedule: '一周内', deliveryDate: TODAY, deliveryPlace: '苏州', packaging: '吨袋', shippingMethod: '汽运', lines: [{ productId: product, quantityMilli: amountFen / 10 }] });
      d = await repA.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = await repA.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
      }
      slip += 1;
      const shipment = await assistant.call('shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate: TODAY, carrier: '自提', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: amountFen / 10 }] });
      await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: TODAY });
    };
    const kpi = async () => {
      const row = await rowOf(manager, repA.id);
      return { sales: row.sales, countedSales: row.countedSales, target: row.target, achievement: row.achievement, bonus: row.bonus, bonusTier: row.bonusTier };
    };

    expect(await kpi()).toEqual({ sales: 0, countedSales: 0, target: monthly, achievement: 0, bonus: 0, bonusTier: 'none' });
    await sell(counted, 799_900);
    expect(await kpi()).toEqual({ sales: 799_900, countedSales: 799_900, target: monthly, achievement: 0.7999, bonus: 0, bonusTier: 'none' });
    await sell(counted, 100);
    expect(await kpi()).toMatchObject({ countedSales: 800_000, achievement: 0.8, bonus: 8_000, bonusTier: 'base' }); // 1 % of sales
    await sell(counted, 200_000);
    expect(await kpi()).toMatchObject({ countedSales: 1_000_000, achievement: 1, bonus: 10_000, bonusTier: 'base' });
    await sell(counted, 100);
    // 1.5 % of the target + 3 % of the ¥1.00 above it
    expect(await kpi()).toMatchObject({ countedSales: 1_000_100, bonus: 15_000 + 3, bonusTier: 'above' });
    expect((await rowOf(manager, repA.id)).bonusFindings[0]?.message).toContain('目标达成率 100.01%');

    await sell(uncounted, 500_000);
    expect(await kpi()).toMatchObject({ sales: 1_500_100, countedSales: 1_000_100, bonus: 15_003, bonusTier: 'above' });
    // The rep sees his own figures; without a target there is no achievement.
    expect((await rowOf(repA, repA.id)).countedSales).toBe(1_000_100);
    expect(await rowOf(manager, t.team.repB.id)).toMatchObject({ target: 0, achievement: null, bonus: 0, bonusTier: 'none' });
  });
});
