// §5 O-DELAY through evaluateRequest, at its boundaries.
import { describe, expect, it } from 'vitest';
import { RULES, type CatalogRuleId } from '../../electron/core/policy/catalog';
import { fieldLabels } from '../../electron/core/policy/fields';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { findingIds, judge, paramsWith, rejects } from '../support/policy';

describe('O-DELAY delivery delay risk', () => {
  // delivery on Thu 2026-11-26
  const check = (asOf: string, over: Record<string, unknown> = {}, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'order_delay', deliveryDate: '2026-11-26', asOf, inspected: false, ...over }, options);

  it('4 days before: no flag; 3 and 2 days before: delay risk, the customer must be notified', () => {
    const d4 = check('2026-11-22');
    expect(d4.computed).toMatchObject({ delayRisk: false, flagFrom: '2026-11-23', daysToDelivery: 4 });
    expect(d4.findings).toEqual([]);
    for (const [asOf, days] of [['2026-11-23', 3], ['2026-11-24', 2]] as const) {
      const d = check(asOf);
      expect(d.computed).toMatchObject({ delayRisk: true, flagFrom: '2026-11-23', daysToDelivery: days });
      expect(findingIds(d)).toEqual(['O-DELAY:warn']);
      expect(d.decision).toBe('allow');
      expect(d.approvals).toEqual([]);
    }
    expect(check('2026-11-23').findings[0]!.message).toBe('延迟风险：距交货日 2026-11-26 仅剩 3 天，订单仍未检验；须记录已通知客户（通知时间、通知人）');
  });

  it('an inspected order is never at risk', () => {
    for (const asOf of ['2026-11-24', '2026-11-26', '2026-11-30']) {
      const d = check(asOf, { inspected: true });
      expect(d.computed.delayRisk).toBe(false);
      expect(d.findings).toEqual([]);
    }
  });

  it('on and after the delivery date the risk stays', () => {
    expect(check('2026-11-26').findings[0]!.message).toContain('今天（2026-11-26）是交货日');
    const late = check('2026-11-28');
    expect(late.computed).toMatchObject({ delayRisk: true, daysToDelivery: -2 });
    expect(late.findings[0]!.message).toContain('已过交货日 2026-11-26 2 天');
  });

  it('with the notification recorded: information, not a warning, with the office wall-clock time', () => {
    const d = check('2026-11-24', { customerNotifiedAt: '2026-11-23T09:30:00+08:00', notifiedBy: '王芳' });
    expect(d.computed.delayRisk).toBe(true);
    expect(findingIds(d)).toEqual(['O-DELAY:info']);
    expect(d.findings[0]!.message).toBe('延迟风险：距交货日 2026-11-26 仅剩 2 天，订单仍未检验；已于 2026-11-23 09:30 通知客户（王芳）');
    // a notification recorded while there is no risk yet adds nothing
    expect(check('2026-11-22', { customerNotifiedAt: '2026-11-22T09:30:00+08:00' }).findings).toEqual([]);
  });

  it('the lead time is a parameter (calendar days 0..366)', () => {
    const five = paramsWith({ 'O-DELAY': { warnDaysBefore: 5 } });
    expect(check('2026-11-22', {}, { paramsFor: five }).computed).toMatchObject({ delayRisk: true, flagFrom: '2026-11-21' });
    expect(check('2026-11-20', {}, { paramsFor: five }).computed.delayRisk).toBe(false);
    const zero = paramsWith({ 'O-DELAY': { warnDaysBefore: 0 } });
    expect(check('2026-11-25', {}, { paramsFor: zero }).computed.delayRisk).toBe(false);
    expect(check('2026-11-26', {}, { paramsFor: zero }).computed.delayRisk).toBe(true);
    const params = RULES['O-DELAY'].params;
    expect(params.safeParse({ warnDaysBefore: -1 }).success).toBe(false);
    expect(params.safeParse({ warnDaysBefore: 367 }).success).toBe(false);
    expect(params.safeParse({ warnDaysBefore: 2.5 }).success).toBe(false);
    expect(params.parse({})).toEqual({ warnDaysBefore: 3 });
  });

  it('the parameters in force on the as-of day judge it', () => {
    const days: string[] = [];
    const paramsFor = ((id: CatalogRuleId, day: string) => {
      days.push(day);
      return RULES[id].params.parse({});
    }) as EvaluateOptions['paramsFor'];
    check('2026-11-24', {}, { paramsFor });
    expect(days).toEqual(['2026-11-24']);
  });

  it('validation names the field in Chinese', () => {
    const impossible = rejects({ kind: 'order_delay', deliveryDate: '2026-02-30', asOf: '2026-02-20', inspected: false });
    expect(impossible.issues[0]!.field).toBe('deliveryDate');
    expect(impossible.message).toBe('交货日期：不是有效日期');
    expect(() => judge({ kind: 'order_delay', deliveryDate: '2026-11-26', asOf: '2026-11-23' })).toThrow(/^已检验：不能为空/);
    expect(() => judge({ kind: 'order_delay', deliveryDate: '2026-11-26', asOf: '2026-11-23', inspected: 'no' })).toThrow(/^已检验：类型不正确/);
    const noOffset = rejects({ kind: 'order_delay', deliveryDate: '2026-11-26', asOf: '2026-11-23', inspected: false, customerNotifiedAt: '2026-11-23 09:30' });
    expect(noOffset.issues[0]!.field).toBe('customerNotifiedAt');
    expect(noOffset.message).toMatch(/^通知客户时间：须为带时区的 ISO 时间/);
    // not a time at all: a validation error, not a crash of the cross-field check
    const garbage = rejects({ kind: 'order_delay', deliveryDate: '2026-11-26', asOf: '2026-11-23', inspected: false, customerNotifiedAt: 'x' });
    expect(garbage.issues.map((i) => i.field)).toEqual(['customerNotifiedAt']);
    const future = rejects({ kind: 'order_delay', deliveryDate: '2026-11-26', asOf: '2026-11-23', inspected: false, customerNotifiedAt: '2026-11-24T08:00:00+08:00' });
    expect(future.issues[0]!.field).toBe('customerNotifiedAt');
    expect(future.message).toBe('通知客户时间：不能晚于检查日期 2026-11-23');
  });
});

describe('order_confirmation: Q-PRICE and S-CREDIT judge one order together', () => {
  // A rep's order of ¥25,000 for a customer with ¥100,000 of credit, ¥50,000 open, 30 days.
  const order = (over: Record<string, unknown> = {}, options: Partial<EvaluateOptions> = {}) =>
    judge(
      {
        kind: 'order_confirmation',
        orderNo: 'SO20261123-001',
        role: 'rep',
        standardPrice: 1_000_000,
        unitPrice: 1_000_000,
        orderAmount: 2_500_000,
        openBalance: 5_000_000,
        creditLimit: 10_000_000,
        creditDays: 30,
        ...over,
      },
      options,
    );

  it('at the standard price and within credit: allowed, nothing to approve', () => {
    const d = order();
    expect(d.decision).toBe('allow');
    expect(d.findings).toEqual([]);
    expect(d.computed).toMatchObject({ discountPct: 0, maxDiscount: 0, newBalanceFen: 7_500_000, overLimitFen: 0, overdueBeyondDays: 0 });
  });

  it('a discount within the role’s authority passes; beyond it the lowest role able to grant it approves', () => {
    expect(order({ role: 'manager', unitPrice: 920_000 }).decision).toBe('allow'); // 8 %
    const over = order({ role: 'manager', unitPrice: 919_999 }); // 8.0001 % → 8.01 %
    expect(findingIds(over)).toEqual(['Q-PRICE:approval']);
    expect(over.approvals).toEqual(['director']);
    expect(order({ role: 'rep', unitPrice: 980_000 }).approvals).toEqual(['supervisor']); // 2 %
    expect(order({ role: 'rep', unitPrice: 950_000 }).approvals).toEqual(['manager']); // 5 %
    expect(order({ role: 'gm', unitPrice: 1 }).decision).toBe('allow');
  });

  it('S-CREDIT: at the limit passes, one fen over needs a manager; so does an invoice beyond the credit days', () => {
    expect(order({ orderAmount: 5_000_000 }).decision).toBe('allow');
    const over = order({ orderAmount: 5_000_001 });
    expect(findingIds(over)).toEqual(['S-CREDIT:approval']);
    expect(over.approvals).toEqual(['manager']);
    expect(over.computed).toMatchObject({ newBalanceFen: 10_000_001, overLimitFen: 1 });
    expect(order({ oldestOverdueDays: 30 }).decision).toBe('allow');
    expect(findingIds(order({ oldestOverdueDays: 31 }))).toEqual(['S-CREDIT:approval']);
  });

  it('prepaid credit is subtracted from the open balance (a prepaid cash customer needs no approval)', () => {
    const prepaid = order({ creditLimit: 0, creditDays: 0, openBalance: 0, prepaidBalance: 2_500_000 });
    expect(prepaid.decision).toBe('allow');
    expect(prepaid.computed).toMatchObject({ newBalanceFen: 0, overLimitFen: 0 });
    expect(order({ creditLimit: 0, creditDays: 0, openBalance: 0, prepaidBalance: 2_499_999 }).approvals).toEqual(['manager']);
  });

  it('both at once: both findings, one manager step', () => {
    const d = order({ unitPrice: 950_000, orderAmount: 9_000_000 });
    expect(findingIds(d)).toEqual(['Q-PRICE:approval', 'S-CREDIT:approval']);
    expect(d.approvals).toEqual(['manager']);
  });

  it('the parameters in force judge it (a supervisor with 5 % authority)', () => {
    const paramsFor = paramsWith({ 'Q-PRICE': { supervisor: 0.05 } });
    expect(order({ role: 'supervisor', unitPrice: 950_000 }, { paramsFor }).decision).toBe('allow');
    expect(order({ role: 'supervisor', unitPrice: 950_000 }).approvals).toEqual(['manager']);
  });

  it('validation names the field in Chinese', () => {
    expect(rejects({ kind: 'order_confirmation', ...(kindDef('order_confirmation')!.example as object), orderAmount: -1 }).message).toBe('订单金额：不能小于 0');
    expect(rejects({ kind: 'order_confirmation', ...(kindDef('order_confirmation')!.example as object), orderNo: '' }).issues[0]!.field).toBe('orderNo');
  });
});

describe('kinds and field labels', () => {
  it('each kind of this family is registered with its rules, and its example is a valid request', () => {
    for (const kind of ['order_delay', 'order_confirmation']) {
      const def = kindDef(kind)!;
      expect(def.rules.length).toBeGreaterThan(0);
      // order_confirmation is filed by orders.confirm, never from the request form
      expect(def.submittable).toBe(({ order_delay: false, order_confirmation: false } as Record<string, boolean>)[kind]);
      for (const id of def.rules) expect(Object.keys(RULES)).toContain(id);
      expect(['allow', 'needs_approval', 'deny']).toContain(judge({ kind, ...(def.example as object) }).decision);
    }
  });
  it('every field of this family names itself in Chinese', () => {
    const zh = (kind: string) => Object.fromEntries(Object.entries(fieldLabels(kindDef(kind)!.schema)).map(([name, label]) => [name, label.zh]));
    expect(zh('order_delay')).toEqual({ deliveryDate: '交货日期', asOf: '检查日期', inspected: '已检验', customerNotifiedAt: '通知客户时间', notifiedBy: '通知人' });
    expect(zh('order_confirmation')).toEqual({
      orderNo: '订单号',
      customerNo: '客户编号',
      role: '确认人角色',
      standardPrice: '最大折扣行标准价',
      unitPrice: '最大折扣行单价',
      orderAmount: '订单金额',
      openBalance: '未结余额',
      prepaidBalance: '预收款余额',
      creditLimit: '信用额度',
      creditDays: '账期（天）',
      oldestOverdueDays: '最早未付发票账龄（天）',
      grade: '客户等级',
      appliedOn: '申请日期',
    });
    expect(() => judge({ kind: 'order_delay', deliveryDate: '2026-02-30', asOf: '2026-02-20', inspected: false })).toThrow(/^交货日期：不是有效日期/);
  });
});
