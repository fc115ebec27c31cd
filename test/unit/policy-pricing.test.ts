// §4 price authority (Q-PRICE) and inquiries/tenders (Q-BID) at their boundaries.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain';
import { workCalendar } from '../../electron/core/policy/calendar';
import { RULES } from '../../electron/core/policy/catalog';
import { fieldLabels } from '../../electron/core/policy/fields';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { defaultParams, role, type RuleContext } from '../../electron/core/policy/rule';
import { discountOf, quotePrice } from '../../electron/core/policy/rules/pricing';
import { findingIds, judge, paramsWith, rejects, TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

describe('Q-PRICE (the rule)', () => {
  const params = defaultParams(quotePrice);
  const line = (discount: number) => ({ standardPriceFen: 100_000, unitPriceFen: 100_000 - Math.round(discount * 100_000) });
  const findings = (r: Role, discount: number) => quotePrice.evaluate({ role: r, lines: [line(discount)] }, ctx, params).findings;

  it('the standard price needs nobody; a rep may give no discount at all', () => {
    expect(findings('rep', 0)).toEqual([]);
    expect(findings('rep', 0.0001)[0]?.approvals).toEqual([role('supervisor')]);
  });
  it('the largest discount of several lines decides', () => {
    const out = quotePrice.evaluate({ role: 'manager', lines: [line(0.02), line(0.09), line(0.05)] }, ctx, params);
    expect(out.computed).toMatchObject({ discountPct: 9 });
    expect(out.findings[0]?.approvals).toEqual([role('director')]);
  });
  it('a price above the standard is no discount; a fraction of a basis point rounds up', () => {
    expect(discountOf({ standardPriceFen: 100, unitPriceFen: 120 })).toBe(0);
    expect(discountOf({ standardPriceFen: 300, unitPriceFen: 291 })).toBe(0.03);
    expect(discountOf({ standardPriceFen: 1_000_000, unitPriceFen: 919_990 })).toBe(0.0801); // 8.001 %
    expect(discountOf({ standardPriceFen: 1_000_000_000_000, unitPriceFen: 1 })).toBe(1);
  });
});

describe('price (kind)', () => {
  // standard ¥10,000.00: 0.01 % is 100 fen
  const price = (r: string, pct: number, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'price', role: r, standardPrice: 1_000_000, unitPrice: 1_000_000 - Math.round(pct * 10_000) }, options);

  it.each([
    ['rep', 0, 0.01, 'supervisor'],
    ['supervisor', 2.99, 3.01, 'manager'],
    ['manager', 7.99, 8.01, 'director'],
    ['director', 14.99, 15.01, 'gm'],
  ] as const)('%s: under and at the authority allowed; just over goes to the %s', (r, under, over, approver) => {
    const at = { rep: 0, supervisor: 3, manager: 8, director: 15 }[r];
    for (const pct of [under, at]) {
      const d = price(r, pct);
      expect(d.decision).toBe('allow');
      expect(d.findings).toEqual([]);
      expect(d.computed.discountPct).toBe(pct);
    }
    const d = price(r, over);
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual([approver]);
    expect(findingIds(d)).toEqual(['Q-PRICE:approval']);
    expect(d.computed.discountPct).toBe(over);
  });

  it('goes to the lowest role whose authority covers it, not merely the next one', () => {
    expect(price('rep', 5).approvals).toEqual(['manager']);
    expect(price('rep', 20).approvals).toEqual(['gm']);
    expect(price('supervisor', 8.01).approvals).toEqual(['director']);
    expect(price('assistant', 1).approvals).toEqual(['supervisor']);
    expect(price('gm', 50).decision).toBe('allow');
    // the applicant's superior plays no part
    expect(price('rep', 5, { superiorRole: 'supervisor' }).approvals).toEqual(['manager']);
  });

  it('says it in Chinese', () => {
    expect(price('manager', 8.01).findings[0]!.message).toBe('折扣 8.01% 超出销售经理的权限（8%），须销售总监审批');
  });

  it('no discount at or above the standard price', () => {
    expect(judge({ kind: 'price', role: 'rep', standardPrice: 1_000_000, unitPrice: 1_000_000 }).computed.discountPct).toBe(0);
    const above = judge({ kind: 'price', role: 'rep', standardPrice: 1_000_000, unitPrice: 1_200_000 });
    expect(above.computed.discountPct).toBe(0);
    expect(above.decision).toBe('allow');
  });

  it('8.001 % is over 8 % (rounded up to 8.01)', () => {
    const d = judge({ kind: 'price', role: 'manager', standardPrice: 1_000_000, unitPrice: 919_990 });
    expect(d.computed.discountPct).toBe(8.01);
    expect(d.approvals).toEqual(['director']);
  });

  it('a parameter change moves the authority', () => {
    const paramsFor = paramsWith({ 'Q-PRICE': { manager: 0.1 } });
    expect(price('manager', 9, { paramsFor }).decision).toBe('allow');
    expect(price('supervisor', 9, { paramsFor }).approvals).toEqual(['manager']);
    expect(price('supervisor', 9).approvals).toEqual(['director']);
  });

  it('parameters are shares 0..1 and never less for a higher role', () => {
    const params = RULES['Q-PRICE'].params;
    expect(params.safeParse({ manager: 2 }).success).toBe(false);
    expect(params.safeParse({ supervisor: -0.01 }).success).toBe(false);
    expect(params.safeParse({ manager: 0.02 }).success).toBe(false); // below the supervisor's 3 %
    expect(params.safeParse({ manager: 0.1 }).success).toBe(true);
    expect(params.parse({})).toEqual({ rep: 0, supervisor: 0.03, manager: 0.08, director: 0.15 });
  });

  it('validation names the field in Chinese', () => {
    expect(() => judge({ kind: 'price', role: 'boss', standardPrice: 100, unitPrice: 90 })).toThrow(/^报价人角色：不是允许的取值/);
    const zero = rejects({ kind: 'price', role: 'rep', standardPrice: 0, unitPrice: 0 });
    expect(zero.issues[0]!.field).toBe('standardPrice');
    expect(zero.message).toBe('标准价：须大于 0');
    const negative = rejects({ kind: 'price', role: 'rep', standardPrice: 100, unitPrice: -1 });
    expect(negative.issues[0]!.field).toBe('unitPrice');
    expect(negative.message).toBe('报价单价：不能小于 0');
    const text = rejects({ kind: 'price', role: 'rep', standardPrice: 100, unitPrice: '90' });
    expect(text.issues[0]!.field).toBe('unitPrice');
    expect(text.message).toMatch(/^报价单价：类型不正确（应为/);
  });
});

describe('Q-BID inquiries and tenders', () => {
  const bid = (amount: number, options: Partial<EvaluateOptions> = {}, appliedOn?: string) =>
    judge({ kind: 'bid', amount, ...(appliedOn ? { appliedOn } : {}) }, options);

  it('always the manager; the gm too only above 200,000 yuan', () => {
    expect(bid(0).approvals).toEqual(['manager']);
    expect(bid(19_999_999).approvals).toEqual(['manager']);
    expect(bid(20_000_000).approvals).toEqual(['manager']);
    const over = bid(20_000_001);
    expect(over.decision).toBe('needs_approval');
    expect(over.approvals).toEqual(['manager', 'gm']);
    expect(findingIds(over)).toEqual(['Q-BID:approval', 'Q-BID:approval']);
    expect(over.findings[1]!.message).toBe('金额 ¥200,000.01 超过 ¥200,000.00，还须总经理决定');
  });

  it('the parameters in force on the registration day judge it', () => {
    const asked: string[] = [];
    const paramsFor = paramsWith((day) => (day >= '2026-12-01' ? { 'Q-BID': { gmAboveFen: 10_000_000 } } : {}), asked);
    expect(bid(15_000_000, { paramsFor }, '2026-11-30').approvals).toEqual(['manager']);
    expect(bid(15_000_000, { paramsFor }, '2026-12-01').approvals).toEqual(['manager', 'gm']);
    expect(asked).toEqual(['Q-BID@2026-11-30', 'Q-BID@2026-12-01']);
    // without appliedOn: today
    expect(bid(15_000_000, { paramsFor, today: '2026-12-02' }).approvals).toEqual(['manager', 'gm']);
  });

  it('parameter bounds and validation', () => {
    expect(RULES['Q-BID'].params.safeParse({ gmAboveFen: -1 }).success).toBe(false);
    expect(RULES['Q-BID'].params.safeParse({ gmAboveFen: 1.5 }).success).toBe(false);
    expect(RULES['Q-BID'].params.parse({})).toEqual({ gmAboveFen: 20_000_000 });
    const missing = rejects({ kind: 'bid' });
    expect(missing.issues[0]!.field).toBe('amount');
    expect(missing.message).toBe('金额：不能为空');
    const badDay = rejects({ kind: 'bid', amount: 1, appliedOn: '2026-02-30' });
    expect(badDay.issues[0]!.field).toBe('appliedOn');
    expect(badDay.message).toBe('登记日期：不是有效日期');
  });
});

describe('kinds and field labels', () => {
  it('each kind of this family is registered with its rules, and its example is a valid request', () => {
    for (const kind of ['price', 'bid']) {
      const def = kindDef(kind)!;
      expect(def.rules.length).toBeGreaterThan(0);
      expect(def.submittable).toBe(({ price: true, bid: true } as Record<string, boolean>)[kind]);
      for (const id of def.rules) expect(Object.keys(RULES)).toContain(id);
      expect(['allow', 'needs_approval', 'deny']).toContain(judge({ kind, ...(def.example as object) }).decision);
    }
  });
  it('every field of this family names itself in Chinese', () => {
    const zh = (kind: string) => Object.fromEntries(Object.entries(fieldLabels(kindDef(kind)!.schema)).map(([name, label]) => [name, label.zh]));
    expect(zh('price')).toEqual({ role: '报价人角色', standardPrice: '标准价', unitPrice: '报价单价', appliedOn: '申请日期' });
    expect(zh('bid')).toEqual({ amount: '金额', appliedOn: '登记日期', customerNo: '客户编号' });
    expect(() => judge({ kind: 'price', role: 'rep', standardPrice: 100, unitPrice: -1 })).toThrow(/^报价单价：不能小于 0/);
  });
});
