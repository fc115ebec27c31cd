// §3 settlement rules (S-MONTHLY, S-CREDIT, S-BADDEBT) through evaluateRequest, at their boundaries.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../electron/core/policy/catalog';
import { fieldLabels } from '../../electron/core/policy/fields';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { findingIds, judge, paramsWith, rejects } from '../support/policy';

describe('S-MONTHLY monthly settlement', () => {
  const base = { kind: 'monthly_settlement', monthlyVolumeTons: 10, famous: false, factoryAuditPassed: false, agreementSigned: true };
  const monthly = (over: Record<string, unknown>, options: Partial<EvaluateOptions> = {}) => judge({ ...base, ...over }, options);

  it('49.99 tons does not qualify; 50 and 50.01 do', () => {
    const under = monthly({ monthlyVolumeTons: 49.99 });
    expect(under.computed).toMatchObject({ qualifies: false, jointLiability: true });
    expect(findingIds(under)).toEqual(['C-CHANGE:approval', 'S-MONTHLY:warn']);
    expect(under.findings[1]!.message).toContain('连带责任');
    expect(under.findings[1]!.message).toContain('月用量 49.99 吨不足 50 吨');
    for (const tons of [50, 50.01]) {
      const d = monthly({ monthlyVolumeTons: tons });
      expect(d.computed).toMatchObject({ qualifies: true, jointLiability: false });
      expect(findingIds(d)).toEqual(['C-CHANGE:approval', 'S-MONTHLY:info']);
    }
  });

  it('is always a settlement-type change the manager approves (not the applicant superior), never denied', () => {
    for (const d of [monthly({ monthlyVolumeTons: 0 }), monthly({ monthlyVolumeTons: 80 }), monthly({ monthlyVolumeTons: 80 }, { superiorRole: 'supervisor' })]) {
      expect(d.decision).toBe('needs_approval');
      expect(d.approvals).toEqual(['manager']);
    }
    expect(monthly({}).findings[0]!.message).toContain('结算方式');
  });

  it('a famous company or a passed factory audit qualifies at any volume', () => {
    expect(monthly({ famous: true }).computed).toMatchObject({ qualifies: true, jointLiability: false });
    expect(monthly({ factoryAuditPassed: true }).computed).toMatchObject({ qualifies: true, jointLiability: false });
  });

  it('qualifying without an agreement or a verbal approval: joint liability', () => {
    const d = monthly({ monthlyVolumeTons: 80, agreementSigned: false });
    expect(d.computed).toMatchObject({ qualifies: true, jointLiability: true });
    expect(findingIds(d)).toEqual(['C-CHANGE:approval', 'S-MONTHLY:warn']);
    expect(d.findings[1]!.message).toBe('不满足月结条件（未签月结协议，也无经理口头同意）：如批准月结，客户经理承担连带责任');
  });

  it('a verbal approval without the agreement: no liability yet, the agreement is due within the month', () => {
    const d = monthly({ monthlyVolumeTons: 80, agreementSigned: false, verbalApproval: true });
    expect(d.computed).toMatchObject({ qualifies: true, jointLiability: false, agreementDueBy: '2026-11-30' });
    expect(findingIds(d)).toEqual(['C-CHANGE:approval', 'S-MONTHLY:warn', 'S-MONTHLY:info']);
    expect(d.findings[1]!.message).toBe('已记录经理口头同意：月结协议须在本月内（2026-11-30 前）签订');
    // the month of the application day, February included
    expect(monthly({ monthlyVolumeTons: 80, agreementSigned: false, verbalApproval: true, appliedOn: '2026-02-10' }).computed.agreementDueBy).toBe('2026-02-28');
    // a verbal approval does not make a small customer qualify
    expect(monthly({ agreementSigned: false, verbalApproval: true }).computed).toMatchObject({ qualifies: false, jointLiability: true });
    // with the agreement signed there is nothing to chase
    expect(monthly({ monthlyVolumeTons: 80, verbalApproval: true }).computed.agreementDueBy).toBeNull();
  });

  it('the tonnage is a parameter', () => {
    expect(monthly({ monthlyVolumeTons: 50 }, { paramsFor: paramsWith({ 'S-MONTHLY': { minMonthlyTons: 60 } }) }).computed.qualifies).toBe(false);
    expect(monthly({ monthlyVolumeTons: 40 }, { paramsFor: paramsWith({ 'S-MONTHLY': { minMonthlyTons: 40 } }) }).computed.qualifies).toBe(true);
    expect(RULES['S-MONTHLY'].params.safeParse({ minMonthlyTons: -1 }).success).toBe(false);
    expect(RULES['S-MONTHLY'].params.safeParse({ minMonthlyTons: 35.5 }).success).toBe(true);
  });

  it('validation names the field in Chinese', () => {
    const negative = rejects({ ...base, monthlyVolumeTons: -1 });
    expect(negative.message).toBe('月用量（吨）：不能小于 0');
    expect(negative.issues[0]!.field).toBe('monthlyVolumeTons');
    expect(() => judge({ ...base, monthlyVolumeTons: '50' })).toThrow(/^月用量（吨）：类型不正确/);
    const { famous: _famous, ...noFamous } = base;
    expect(() => judge(noFamous)).toThrow(/^知名企业（世界500强\/国内知名）：不能为空/);
  });
});

describe('S-CREDIT credit limit and credit days', () => {
  const order = (over: Record<string, unknown>, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'order_credit', orderAmount: 400_000, openBalance: 600_000, creditLimit: 1_000_000, creditDays: 30, ...over }, options);

  it('a new balance at the limit is fine; one fen over needs the manager', () => {
    const under = order({ orderAmount: 399_999 });
    expect(under.decision).toBe('allow');
    expect(under.computed).toMatchObject({ newBalanceFen: 999_999, overLimitFen: 0 });
    const at = order({});
    expect(at.decision).toBe('allow');
    expect(at.findings).toEqual([]);
    expect(at.computed).toMatchObject({ newBalanceFen: 1_000_000, overLimitFen: 0 });
    const over = order({ orderAmount: 400_001 });
    expect(over.decision).toBe('needs_approval');
    expect(over.approvals).toEqual(['manager']);
    expect(findingIds(over)).toEqual(['S-CREDIT:approval']);
    expect(over.computed).toMatchObject({ newBalanceFen: 1_000_001, overLimitFen: 1 });
    expect(over.findings[0]!.message).toBe('确认后未结余额 ¥10,000.01 超出信用额度 ¥10,000.00（超出 ¥0.01），须销售经理批准后方可确认');
  });

  it('an unpaid invoice 29 or 30 days old is within 30 credit days; 31 needs the manager', () => {
    expect(order({ oldestOverdueDays: 29 }).decision).toBe('allow');
    expect(order({ oldestOverdueDays: 30 }).decision).toBe('allow');
    expect(order({ oldestOverdueDays: 30 }).computed.overdueBeyondDays).toBe(0);
    const late = order({ oldestOverdueDays: 31 });
    expect(late.decision).toBe('needs_approval');
    expect(late.approvals).toEqual(['manager']);
    expect(late.computed.overdueBeyondDays).toBe(1);
    expect(late.findings[0]!.message).toContain('已 31 天，超过账期 30 天');
  });

  it('cash customers (0 credit days): any invoice older than today needs the manager', () => {
    expect(order({ creditDays: 0, oldestOverdueDays: 0 }).decision).toBe('allow');
    expect(order({ creditDays: 0, oldestOverdueDays: 1 }).approvals).toEqual(['manager']);
  });

  it('both over the limit and overdue: two findings, one manager step, the manager even when the superior is a supervisor', () => {
    const both = order({ orderAmount: 500_000, oldestOverdueDays: 45 }, { superiorRole: 'supervisor' });
    expect(findingIds(both)).toEqual(['S-CREDIT:approval', 'S-CREDIT:approval']);
    expect(both.approvals).toEqual(['manager']);
  });

  it('credit days by grade are parameters (strategic 60, core 30, ordinary 0)', () => {
    expect(order({ grade: 'strategic', creditDays: 60 }).findings).toEqual([]);
    const longer = order({ grade: 'strategic', creditDays: 61 });
    expect(findingIds(longer)).toEqual(['S-CREDIT:info']);
    expect(longer.computed.gradeCreditDays).toBe(60);
    expect(order({ grade: 'core', creditDays: 30 }).computed.gradeCreditDays).toBe(30);
    expect(order({ grade: 'ordinary', creditDays: 0 }).computed.gradeCreditDays).toBe(0);
    expect(order({ grade: 'strategic', creditDays: 90 }, { paramsFor: paramsWith({ 'S-CREDIT': { strategicDays: 90 } }) }).findings).toEqual([]);
    const params = RULES['S-CREDIT'].params;
    expect(params.parse({})).toEqual({ strategicDays: 60, coreDays: 30, ordinaryDays: 0 });
    expect(params.safeParse({ strategicDays: 367 }).success).toBe(false);
    expect(params.safeParse({ coreDays: -1 }).success).toBe(false);
    expect(params.safeParse({ ordinaryDays: 1.5 }).success).toBe(false);
  });

  it('validation names the field in Chinese', () => {
    const negative = rejects({ kind: 'order_credit', orderAmount: -1, openBalance: 0, creditLimit: 0, creditDays: 30 });
    expect(negative.issues[0]!.field).toBe('orderAmount');
    expect(negative.message).toBe('订单金额：不能小于 0');
    expect(rejects({ kind: 'order_credit', orderAmount: 1.5, openBalance: 0, creditLimit: 0, creditDays: 30 }).issues[0]!.field).toBe('orderAmount');
    expect(() => judge({ kind: 'order_credit', orderAmount: 1, openBalance: 0, creditLimit: 0 })).toThrow(/^账期（天）：不能为空/);
    expect(() => judge({ kind: 'order_credit', orderAmount: 1, openBalance: 0, creditLimit: 0, creditDays: 367 })).toThrow(/^账期（天）：不能大于 366/);
    expect(() => judge({ kind: 'order_credit', orderAmount: 1, openBalance: 0, creditLimit: 0, creditDays: 30, grade: 'gold' })).toThrow(/^客户等级：不是允许的取值/);
  });
});

describe('S-BADDEBT bad-debt write-off', () => {
  it('the superior approves, then finance posts', () => {
    const d = judge({ kind: 'bad_debt', amount: 1_250_000, customerNo: 'C2026-0042' });
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual(['manager', 'finance']);
    expect(d.approvalSteps).toEqual([
      { role: 'manager', superior: true },
      { role: 'finance', superior: false },
    ]);
    expect(findingIds(d)).toEqual(['S-BADDEBT:approval']);
    expect(d.findings[0]!.message).toBe('坏账核销 ¥12,500.00 须直接上级批准，再由财务入账');
    expect(judge({ kind: 'bad_debt', amount: 1 }, { superiorRole: 'supervisor' }).approvals).toEqual(['supervisor', 'finance']);
  });
  it('validation: a negative or missing amount', () => {
    const e = rejects({ kind: 'bad_debt', amount: -5 });
    expect(e.issues[0]!.field).toBe('amount');
    expect(e.message).toBe('核销金额：不能小于 0');
    expect(rejects({ kind: 'bad_debt' }).message).toBe('核销金额：不能为空');
    expect(() => judge({ kind: 'bad_debt', amount: 1, appliedOn: '2026-02-30' })).toThrow(/^申请日期：不是有效日期/);
  });
});

describe('kinds and field labels', () => {
  it('each kind of this family is registered with its rules, and its example is a valid request', () => {
    for (const kind of ['monthly_settlement', 'order_credit', 'bad_debt']) {
      const def = kindDef(kind)!;
      expect(def.rules.length).toBeGreaterThan(0);
      expect(def.submittable).toBe(({ monthly_settlement: true, order_credit: true, bad_debt: true } as Record<string, boolean>)[kind]);
      for (const id of def.rules) expect(Object.keys(RULES)).toContain(id);
      expect(['allow', 'needs_approval', 'deny']).toContain(judge({ kind, ...(def.example as object) }).decision);
    }
  });
  it('every field of this family names itself in Chinese', () => {
    const zh = (kind: string) => Object.fromEntries(Object.entries(fieldLabels(kindDef(kind)!.schema)).map(([name, label]) => [name, label.zh]));
    expect(zh('monthly_settlement')).toEqual({
      monthlyVolumeTons: '月用量（吨）',
      famous: '知名企业（世界500强/国内知名）',
      factoryAuditPassed: '验厂通过',
      agreementSigned: '已签月结协议',
      verbalApproval: '经理口头同意',
      customerNo: '客户编号',
      appliedOn: '申请日期',
    });
    expect(zh('order_credit')).toEqual({
      orderAmount: '订单金额',
      openBalance: '未结余额',
      creditLimit: '信用额度',
      creditDays: '账期（天）',
      oldestOverdueDays: '最早未付发票账龄（天）',
      grade: '客户等级',
      appliedOn: '申请日期',
    });
    expect(zh('bad_debt')).toEqual({ amount: '核销金额', customerNo: '客户编号', appliedOn: '申请日期' });
    expect(() => judge({ kind: 'order_credit', orderAmount: -1, openBalance: 0, creditLimit: 0, creditDays: 30 })).toThrow(/^订单金额：不能小于 0/);
  });
});
