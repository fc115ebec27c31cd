// §2 customer rules (C-NEW, C-CHANGE, C-VISIT) through evaluateRequest, at their boundaries.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../electron/core/policy/catalog';
import { fieldLabels } from '../../electron/core/policy/fields';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { findingIds, judge, paramsWith, rejects } from '../support/policy';

describe('C-NEW new-customer application', () => {
  const newCustomer = (filedOn: string | undefined, approved?: boolean, firstBusinessOn = '2026-11-10') =>
    judge({
      kind: 'new_customer',
      firstBusinessOn,
      ...(filedOn ? { applicationFiledOn: filedOn } : {}),
      ...(approved !== undefined ? { applicationApproved: approved } : {}),
    });

  it('filed and approved by day 25 counts; the 26th does not', () => {
    const d24 = newCustomer('2026-11-24', true);
    const d25 = newCustomer('2026-11-25', true);
    const d26 = newCustomer('2026-11-26', true);
    expect(d24.computed).toMatchObject({ countsForMonth: true, deadline: '2026-11-25' });
    expect(d25.computed).toMatchObject({ countsForMonth: true, deadline: '2026-11-25' });
    expect(d25.decision).toBe('allow');
    expect(d25.findings).toEqual([]);
    expect(d26.computed).toMatchObject({ countsForMonth: false, deadline: '2026-11-25' });
    expect(d26.decision).toBe('allow');
    expect(findingIds(d26)).toEqual(['C-NEW:warn']);
    expect(d26.findings[0]!.message).toBe('新增客户申请于 2026-11-26 提交，晚于截止日 2026-11-25：该客户 2026-11 的业务量不计入客户经理当月业绩');
  });

  it('an application filed in an earlier month counts', () => {
    expect(newCustomer('2026-10-30', true).computed.countsForMonth).toBe(true);
  });

  it('filed in time but not approved: the manager must approve, and it does not count yet', () => {
    for (const d of [newCustomer('2026-11-20', false), newCustomer('2026-11-20')]) {
      expect(d.decision).toBe('needs_approval');
      expect(d.approvals).toEqual(['manager']);
      expect(findingIds(d)).toEqual(['C-NEW:approval']);
      expect(d.computed.countsForMonth).toBe(false);
    }
    // the manager, not the applicant's superior
    expect(judge({ kind: 'new_customer', firstBusinessOn: '2026-11-10', applicationFiledOn: '2026-11-20' }, { superiorRole: 'supervisor' }).approvals).toEqual(['manager']);
  });

  it('filed late and not approved: both the warning and the approval', () => {
    const d = newCustomer('2026-11-26', false);
    expect(findingIds(d)).toEqual(['C-NEW:warn', 'C-NEW:approval']);
    expect(d.approvals).toEqual(['manager']);
  });

  it('not filed: a warning, telling whether there is still time', () => {
    const open = newCustomer(undefined, undefined, '2026-11-10');
    expect(findingIds(open)).toEqual(['C-NEW:warn']);
    expect(open.decision).toBe('allow');
    expect(open.findings[0]!.message).toContain('须在 2026-11-25 前提交');
    const past = newCustomer(undefined, undefined, '2026-10-10');
    expect(past.computed).toMatchObject({ countsForMonth: false, deadline: '2026-10-25' });
    expect(past.findings[0]!.message).toBe('未在 2026-10-25 前提交新增客户申请：该客户 2026-10 的业务量不计入客户经理当月业绩');
  });

  it('February has its 25th; the deadline day is a parameter (1–28)', () => {
    expect(newCustomer('2026-02-27', true, '2026-02-03').computed).toMatchObject({ countsForMonth: false, deadline: '2026-02-25' });
    const later = judge(
      { kind: 'new_customer', firstBusinessOn: '2026-02-03', applicationFiledOn: '2026-02-27', applicationApproved: true },
      { paramsFor: paramsWith({ 'C-NEW': { deadlineDay: 28 } }) },
    );
    expect(later.computed).toMatchObject({ countsForMonth: true, deadline: '2026-02-28' });
    expect(later.findings).toEqual([]);
    const params = RULES['C-NEW'].params;
    expect(params.safeParse({ deadlineDay: 28 }).success).toBe(true);
    expect(params.safeParse({ deadlineDay: 29 }).success).toBe(false);
    expect(params.safeParse({ deadlineDay: 0 }).success).toBe(false);
    expect(params.safeParse({ deadlineDay: 2.5 }).success).toBe(false);
  });

  it('validation names the field in Chinese', () => {
    const bad = rejects({ kind: 'new_customer', firstBusinessOn: '2026-02-30' });
    expect(bad.message).toBe('首次业务日期：不是有效日期');
    expect(bad.issues[0]!.field).toBe('firstBusinessOn');
    const missing = rejects({ kind: 'new_customer' });
    expect(missing.issues[0]!.field).toBe('firstBusinessOn');
    expect(missing.message).toBe('首次业务日期：不能为空');
    expect(() => judge({ kind: 'new_customer', firstBusinessOn: '2026-11-10', applicationApproved: 'yes' })).toThrow(/申请已批准：类型不正确/);
    const approvedUnfiled = rejects({ kind: 'new_customer', firstBusinessOn: '2026-11-10', applicationApproved: true });
    expect(approvedUnfiled.issues[0]!.field).toBe('applicationApproved');
    expect(approvedUnfiled.message).toMatch(/^申请已批准：未填申请提交日期/);
  });
});

describe('C-CHANGE customer change request', () => {
  it('always needs a manager, naming the fields', () => {
    const d = judge({ kind: 'customer_change', fields: '联系人，电话、结算方式' });
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual(['manager']);
    expect(findingIds(d)).toEqual(['C-CHANGE:approval']);
    expect(d.computed.fields).toEqual(['联系人', '电话', '结算方式']);
    expect(d.findings[0]!.message).toContain('联系人、电话、结算方式');
    expect(judge({ kind: 'customer_change', fields: '电话' }, { superiorRole: 'director' }).approvals).toEqual(['manager']);
  });
  it('validation: empty or only separators', () => {
    expect(() => judge({ kind: 'customer_change', fields: '  ' })).toThrow(/变更字段：不能为空/);
    const e = rejects({ kind: 'customer_change', fields: '，,、' });
    expect(e.message).toMatch(/^变更字段：至少列出一个字段/);
    expect(e.issues[0]!.field).toBe('fields');
  });
});

describe('C-VISIT visit frequency', () => {
  const weekly = (grade: string, visits: number, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'visit_frequency', grade, visitsLast7Days: visits, asOf: '2026-11-23' }, options);

  it('strategic and core: 1 visit in 7 days is overdue; 2 and 3 are not', () => {
    for (const grade of ['strategic', 'core']) {
      const one = weekly(grade, 1);
      expect(one.computed).toMatchObject({ overdue: true, shortBy: 1 });
      expect(findingIds(one)).toEqual(['C-VISIT:warn']);
      expect(one.decision).toBe('allow');
      expect(weekly(grade, 2).computed.overdue).toBe(false);
      expect(weekly(grade, 2).findings).toEqual([]);
      expect(weekly(grade, 3).computed.overdue).toBe(false);
    }
    expect(weekly('strategic', 1).findings[0]!.message).toBe('战略级客户每周须至少拜访 2 次，截至 2026-11-23 近 7 天只拜访了 1 次');
  });

  const ordinary = (lastVisitOn: string | undefined, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'visit_frequency', grade: 'ordinary', asOf: '2026-11-23', ...(lastVisitOn ? { lastVisitOn } : {}) }, options);

  it('ordinary: 14 days since the last visit is fine, 15 is due today, 16 is overdue', () => {
    const d14 = ordinary('2026-11-09');
    expect(d14.computed).toMatchObject({ overdue: false, nextVisitDue: '2026-11-24', daysSinceLastVisit: 14 });
    expect(d14.findings).toEqual([]);
    const d15 = ordinary('2026-11-08');
    expect(d15.computed).toMatchObject({ overdue: false, nextVisitDue: '2026-11-23', daysSinceLastVisit: 15 });
    expect(findingIds(d15)).toEqual(['C-VISIT:info']);
    const d16 = ordinary('2026-11-07');
    expect(d16.computed).toMatchObject({ overdue: true, nextVisitDue: '2026-11-22', daysSinceLastVisit: 16 });
    expect(findingIds(d16)).toEqual(['C-VISIT:warn']);
    expect(d16.findings[0]!.message).toContain('应于 2026-11-22 前拜访，已逾期');
  });

  it('ordinary never visited is overdue', () => {
    const d = ordinary(undefined);
    expect(d.computed).toMatchObject({ overdue: true, nextVisitDue: '2026-11-23' });
    expect(findingIds(d)).toEqual(['C-VISIT:warn']);
  });

  it('parameters change the outcome', () => {
    expect(ordinary('2026-11-09', { paramsFor: paramsWith({ 'C-VISIT': { ordinaryEveryDays: 10 } }) }).computed.overdue).toBe(true);
    expect(weekly('strategic', 2, { paramsFor: paramsWith({ 'C-VISIT': { strategicPerWeek: 3 } }) }).computed.overdue).toBe(true);
    expect(weekly('core', 2, { paramsFor: paramsWith({ 'C-VISIT': { strategicPerWeek: 3 } }) }).computed.overdue).toBe(false);
    const params = RULES['C-VISIT'].params;
    expect(params.safeParse({ ordinaryEveryDays: 0 }).success).toBe(false);
    expect(params.safeParse({ ordinaryEveryDays: 367 }).success).toBe(false);
    expect(params.safeParse({ repPerWeek: -1 }).success).toBe(false);
    expect(params.safeParse({ corePerWeek: 1.5 }).success).toBe(false);
    expect(params.safeParse({ repPerWeek: 25 }).success).toBe(true);
  });

  it('rep: 19 visits a week warns, 20 and 21 do not', () => {
    const rep = (n: number, options: Partial<EvaluateOptions> = {}) => judge({ kind: 'rep_visits', visitsThisWeek: n }, options);
    expect(findingIds(rep(19))).toEqual(['C-VISIT:warn']);
    expect(rep(19).computed.shortBy).toBe(1);
    expect(rep(19).findings[0]!.message).toBe('客户经理每周须至少拜访 20 次，本周只有 19 次（差 1 次）');
    expect(rep(20).findings).toEqual([]);
    expect(rep(21).findings).toEqual([]);
    expect(rep(21, { paramsFor: paramsWith({ 'C-VISIT': { repPerWeek: 25 } }) }).computed.shortBy).toBe(4);
  });

  it('validation names the field in Chinese', () => {
    const missing = rejects({ kind: 'visit_frequency', grade: 'core', asOf: '2026-11-23' });
    expect(missing.issues[0]!.field).toBe('visitsLast7Days');
    expect(missing.message).toMatch(/^近 7 天拜访次数：战略级、核心级客户须填写/);
    expect(() => judge({ kind: 'visit_frequency', grade: 'vip', visitsLast7Days: 2, asOf: '2026-11-23' })).toThrow(/客户等级：不是允许的取值/);
    expect(() => judge({ kind: 'visit_frequency', grade: 'core', visitsLast7Days: -1, asOf: '2026-11-23' })).toThrow(/近 7 天拜访次数：不能小于 0/);
    const future = rejects({ kind: 'visit_frequency', grade: 'ordinary', lastVisitOn: '2026-11-24', asOf: '2026-11-23' });
    expect(future.issues[0]!.field).toBe('lastVisitOn');
    expect(future.message).toBe('最近拜访日期：不能晚于检查日期 2026-11-23');
    const impossible = rejects({ kind: 'visit_frequency', grade: 'ordinary', lastVisitOn: '2026-13-45', asOf: '2026-11-23' });
    expect(impossible.issues.map((i) => i.field)).toEqual(['lastVisitOn']);
    expect(impossible.message).toBe('最近拜访日期：不是有效日期');
    expect(() => judge({ kind: 'rep_visits', visitsThisWeek: 19.5 })).toThrow(/本周拜访次数/);
    expect(() => judge({ kind: 'rep_visits' })).toThrow(/本周拜访次数：不能为空/);
  });
});

describe('kinds and field labels', () => {
  it('each kind of this family is registered with its rules, and its example is a valid request', () => {
    for (const kind of ['new_customer', 'customer_change', 'visit_frequency', 'rep_visits']) {
      const def = kindDef(kind)!;
      expect(def.rules.length).toBeGreaterThan(0);
      expect(def.submittable).toBe(({ new_customer: false, customer_change: false, visit_frequency: false, rep_visits: false } as Record<string, boolean>)[kind]);
      for (const id of def.rules) expect(Object.keys(RULES)).toContain(id);
      expect(['allow', 'needs_approval', 'deny']).toContain(judge({ kind, ...(def.example as object) }).decision);
    }
  });
  it('every field of this family names itself in Chinese', () => {
    const zh = (kind: string) => Object.fromEntries(Object.entries(fieldLabels(kindDef(kind)!.schema)).map(([name, label]) => [name, label.zh]));
    expect(zh('new_customer')).toEqual({ firstBusinessOn: '首次业务日期', applicationFiledOn: '申请提交日期', applicationApproved: '申请已批准', customerNo: '客户编号' });
    expect(zh('customer_change')).toEqual({ fields: '变更字段', customerNo: '客户编号' });
    expect(zh('visit_frequency')).toEqual({ grade: '客户等级', visitsLast7Days: '近 7 天拜访次数', lastVisitOn: '最近拜访日期', asOf: '检查日期' });
    expect(zh('rep_visits')).toEqual({ visitsThisWeek: '本周拜访次数', weekOf: '所在周（任一天）' });
    expect(() => judge({ kind: 'new_customer', firstBusinessOn: '2026-02-30' })).toThrow(/^首次业务日期：不是有效日期/);
  });
});
