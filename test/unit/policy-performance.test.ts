// §9 W-POLICY (10 points a policy not carried out) and K-SCORE (100 less the month's deductions,
// never below 0), and §2 C-GRADE's monthly proposal (growth ≥ 30 % and paying within 45 days: one
// grade up; a fall of 30 % or more, or over 90 days to pay: one grade down) at their boundaries.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import { monthlyScore, policyBreach } from '../../electron/core/policy/rules/activity';
import { gradeReview, type GradeProposalRequest } from '../../electron/core/policy/rules/customers';
import { TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

describe('W-POLICY: 10 points for each policy not carried out because of the rep', () => {
  const judge = (cases: number, params = defaultParams(policyBreach)) => policyBreach.evaluate({ cases }, ctx, params);

  it('the book’s number is the default', () => {
    expect(defaultParams(policyBreach)).toEqual({ pointsPerCase: 10 });
  });
  it('0 cases: nothing; 1: 10 points; 2: 20, each said in Chinese first', () => {
    expect(judge(0)).toEqual({ findings: [], computed: { pointsDeducted: 0 } });
    const one = judge(1);
    expect(one.computed).toEqual({ pointsDeducted: 10 });
    expect(one.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['W-POLICY:warn']);
    expect(one.findings[0]?.message).toBe('因本人原因未执行制度 1 次，扣 10 分');
    expect(one.findings[0]?.messageEn).toBe('1 policy not carried out: 10 points');
    expect(judge(2).computed).toEqual({ pointsDeducted: 20 });
    expect(judge(2).findings[0]?.messageEn).toBe('2 policies not carried out: 20 points');
  });
  it('a changed parameter changes the points; nonsense parameters are refused', () => {
    expect(judge(1, { pointsPerCase: 15 }).computed).toEqual({ pointsDeducted: 15 });
    expect(policyBreach.params.safeParse({ pointsPerCase: -1 }).success).toBe(false);
    expect(policyBreach.params.safeParse({ pointsPerCase: 101 }).success).toBe(false);
    expect(policyBreach.params.safeParse({ pointsPerCase: 2.5 }).success).toBe(false);
  });
});

describe('K-SCORE: 100 less the month’s deductions, never below 0', () => {
  const score = (deductions: number, params = defaultParams(monthlyScore)) => monthlyScore.evaluate({ deductions }, ctx, params).computed;

  it('the book’s base is the default', () => {
    expect(defaultParams(monthlyScore)).toEqual({ base: 100 });
  });
  it('no deductions: 100; 35 points: 65; 99: 1; exactly 100: 0; 101 and 150: still 0', () => {
    expect(score(0)).toEqual({ base: 100, score: 100 });
    expect(score(35)).toEqual({ base: 100, score: 65 });
    expect(score(99)).toEqual({ base: 100, score: 1 });
    expect(score(100)).toEqual({ base: 100, score: 0 });
    expect(score(101)).toEqual({ base: 100, score: 0 });
    expect(score(150)).toEqual({ base: 100, score: 0 });
  });
  it('another base comes from the parameters; nonsense is refused', () => {
    expect(score(35, { base: 120 })).toEqual({ base: 120, score: 85 });
    expect(monthlyScore.params.safeParse({ base: -1 }).success).toBe(false);
    expect(monthlyScore.params.safeParse({ base: 99.5 }).success).toBe(false);
  });
});

describe('C-GRADE: the monthly upgrade / downgrade proposal', () => {
  const P = defaultParams(gradeReview);
  const review = (request: Partial<GradeProposalRequest>, params = P) =>
    gradeReview.evaluate({ grade: 'core', recentSales: 0, priorSales: 0, collectionDays: null, ...request }, ctx, params);
  const toGrade = (request: Partial<GradeProposalRequest>, params = P) => (review(request, params).computed as { toGrade: string | null }).toGrade;

  it('the book’s thresholds are the defaults: 3 months, +30 % within 45 days up, −30 % or over 90 days down', () => {
    expect(P).toEqual({ months: 3, upgradeGrowth: 0.3, upgradeMaxCollectionDays: 45, downgradeDecline: 0.3, downgradeCollectionDays: 90 });
  });

  it('growth exactly 30 % (130 vs 100) proposes one grade up; 29.999 % (129.99 vs 100) nothing', () => {
    const up = review({ recentSales: 13_000_000, priorSales: 10_000_000, collectionDays: 30 });
    expect(up.computed).toEqual({ growth: expect.closeTo(0.3, 10), toGrade: 'strategic', direction: 'up' });
    expect(up.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['C-GRADE:info']);
    expect(up.findings[0]?.message).toBe('建议由核心级升为战略级：订单增长率 30%（≥ 30%），平均回款 30 天（≤ 45 天）');
    expect(toGrade({ recentSales: 12_999_000, priorSales: 10_000_000, collectionDays: 30 })).toBeNull();
    expect(toGrade({ recentSales: 12_999_999, priorSales: 10_000_000, collectionDays: 30 })).toBeNull();
    expect(toGrade({ grade: 'ordinary', recentSales: 13_000_001, priorSales: 10_000_000, collectionDays: 30 })).toBe('core');
  });

  it('an upgrade needs payment within 45 days: 45 up, 45.1 and 46 nothing; nothing to measure yet does not hold it back', () => {
    const grown = { recentSales: 20_000_000, priorSales: 10_000_000 };
    expect(toGrade({ ...grown, collectionDays: 45 })).toBe('strategic');
    expect(toGrade({ ...grown, collectionDays: 45.1 })).toBeNull();
    expect(toGrade({ ...grown, collectionDays: 46 })).toBeNull();
    expect(toGrade({ ...grown, collectionDays: null })).toBe('strategic');
  });

  it('a fall of exactly 30 % (70 vs 100) proposes one grade down; 29.99 % nothing', () => {
    const down = review({ recentSales: 7_000_000, priorSales: 10_000_000, collectionDays: 30 });
    expect(down.computed).toMatchObject({ toGrade: 'ordinary', direction: 'down' });
    expect(down.findings[0]?.message).toBe('建议由核心级降为普通级：订单增长率 -30%，下降达 30%');
    expect(toGrade({ recentSales: 7_001_000, priorSales: 10_000_000, collectionDays: 30 })).toBeNull();
    expect(toGrade({ recentSales: 0, priorSales: 10_000_000 })).toBe('ordinary');
  });

  it('over 90 days to collect proposes one grade down: 90 nothing, 90.1 and 91 down — even without sales a year before', () => {
    expect(toGrade({ recentSales: 10_000_000, priorSales: 10_000_000, collectionDays: 90 })).toBeNull();
    expect(toGrade({ recentSales: 10_000_000, priorSales: 10_000_000, collectionDays: 90.1 })).toBe('ordinary');
    const slow = review({ grade: 'strategic', recentSales: 10_000_000, priorSales: 0, collectionDays: 91 });
    expect(slow.computed).toEqual({ growth: null, toGrade: 'core', direction: 'down' });
    expect(slow.findings[0]?.message).toBe('建议由战略级降为核心级：平均回款 91 天，超过 90 天');
  });

  it('a downgrade signal wins over growth (growing but paying in 91 days)', () => {
    expect(review({ recentSales: 20_000_000, priorSales: 10_000_000, collectionDays: 91 }).computed).toMatchObject({ toGrade: 'ordinary', direction: 'down' });
  });

  it('strategic cannot go up, ordinary cannot go down', () => {
    expect(toGrade({ grade: 'strategic', recentSales: 20_000_000, priorSales: 10_000_000, collectionDays: 10 })).toBeNull();
    expect(toGrade({ grade: 'ordinary', recentSales: 1_000_000, priorSales: 10_000_000, collectionDays: 200 })).toBeNull();
    expect(toGrade({ grade: 'strategic', recentSales: 1_000_000, priorSales: 10_000_000 })).toBe('core');
    expect(toGrade({ grade: 'ordinary', recentSales: 20_000_000, priorSales: 10_000_000 })).toBe('core');
  });

  it('no sales a year before: no growth signal either way (growth null), however much is sold now', () => {
    const fresh = review({ grade: 'ordinary', recentSales: 50_000_000, priorSales: 0, collectionDays: 10 });
    expect(fresh).toEqual({ findings: [], computed: { growth: null, toGrade: null, direction: null } });
    expect(toGrade({ recentSales: 0, priorSales: 0, collectionDays: 10 })).toBeNull();
  });

  it('exact in whole fen for large amounts (no floating drift at the threshold)', () => {
    expect(toGrade({ recentSales: 1_300_000_000_000, priorSales: 1_000_000_000_000, collectionDays: 1 })).toBe('strategic');
    expect(toGrade({ recentSales: 1_299_999_999_999, priorSales: 1_000_000_000_000, collectionDays: 1 })).toBeNull();
    expect(toGrade({ recentSales: 700_000_000_000, priorSales: 1_000_000_000_000, collectionDays: 1 })).toBe('ordinary');
    expect(toGrade({ recentSales: 700_000_000_001, priorSales: 1_000_000_000_000, collectionDays: 1 })).toBeNull();
  });

  it('other thresholds from the parameters', () => {
    const params = { ...P, upgradeGrowth: 0.5, upgradeMaxCollectionDays: 60, downgradeDecline: 0.5, downgradeCollectionDays: 120 };
    expect(toGrade({ recentSales: 13_000_000, priorSales: 10_000_000, collectionDays: 30 }, params)).toBeNull();
    expect(toGrade({ recentSales: 15_000_000, priorSales: 10_000_000, collectionDays: 60 }, params)).toBe('strategic');
    expect(toGrade({ recentSales: 7_000_000, priorSales: 10_000_000, collectionDays: 100 }, params)).toBeNull();
    expect(toGrade({ recentSales: 5_000_000, priorSales: 10_000_000, collectionDays: 100 }, params)).toBe('ordinary');
    expect(gradeReview.params.safeParse({ months: 0 }).success).toBe(false);
    expect(gradeReview.params.safeParse({ downgradeDecline: 1.5 }).success).toBe(false);
  });
});
