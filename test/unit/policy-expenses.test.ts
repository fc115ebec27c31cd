// §6 expense rules and request kinds at their boundaries (through evaluateRequest, as the CLI and the
// live previews judge them), with parameter changes and validation errors naming the field.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Decision } from '../../shared/policy';
import { workCalendar } from '../../electron/core/policy/calendar';
import { RULES } from '../../electron/core/policy/catalog';
import { combine } from '../../electron/core/policy/engine';
import { describeFields } from '../../electron/core/policy/fields';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import {
  entertainment,
  expenseApproval,
  kinds,
  lodging,
  perDiem,
  percentOf,
  projectExpense,
  rules,
  shareOfFen,
  teamProposal,
  transportShare,
  travelAdvance,
} from '../../electron/core/policy/rules/expenses';
import { findingIds, judge, paramsWith, rejects, TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

const of = (d: Decision, ruleId: string) => d.findings.filter((f) => f.ruleId === ruleId);

describe('E-APPROVAL (the general chain, direct rule and kind `expense`)', () => {
  it('manager always; gm only above 5,000 yuan (exactly 5,000: manager only)', () => {
    const params = defaultParams(expenseApproval);
    const steps = (fen: number) => combine(expenseApproval.evaluate({ amountFen: fen }, ctx, params).findings).approvals;
    expect(steps(499_999)).toEqual(['manager']);
    expect(steps(500_000)).toEqual(['manager']);
    expect(steps(500_001)).toEqual(['manager', 'gm']);
    expect(judge({ kind: 'expense', amount: 500_000 }).approvals).toEqual(['manager']);
    expect(judge({ kind: 'expense', amount: 500_001 }).approvals).toEqual(['manager', 'gm']);
    expect(judge({ kind: 'expense', amount: 500_001 }).findings[1]!.message).toBe('金额 ¥5,000.01 超过 ¥5,000.00，还须总经理审批');
  });
  it('asks for the direct superior and the manager; one step when the superior is the manager', () => {
    const params = defaultParams(expenseApproval);
    expect(expenseApproval.evaluate({ amountFen: 100 }, ctx, params).findings[0]!.approvals).toEqual([{ kind: 'superior' }, { kind: 'role', role: 'manager' }]);
    expect(judge({ kind: 'expense', amount: 500_000 }, { superiorRole: 'manager' }).approvalSteps).toEqual([{ role: 'manager', superior: true }]);
  });
  it('under a supervisor: the supervisor, then the manager as a step of its own (then the gm above 5,000 yuan)', () => {
    const steps = (amount: number) => judge({ kind: 'expense', amount }, { superiorRole: 'supervisor' }).approvalSteps;
    expect(steps(500_000)).toEqual([
      { role: 'supervisor', superior: true },
      { role: 'manager', superior: false },
    ]);
    expect(steps(500_001)).toEqual([
      { role: 'supervisor', superior: true },
      { role: 'manager', superior: false },
      { role: 'gm', superior: false },
    ]);
    expect(judge({ kind: 'expense', amount: 500_001 }, { superiorRole: 'supervisor' }).approvals).toEqual(['supervisor', 'manager', 'gm']);
  });
  it('a superior who is a manager or above takes the manager step: a manager’s own expense is his director’s, a director’s his gm’s', () => {
    const steps = (amount: number, superiorRole: 'director' | 'gm') => judge({ kind: 'expense', amount }, { superiorRole }).approvalSteps;
    expect(steps(500_000, 'director')).toEqual([{ role: 'director', superior: true }]);
    expect(steps(500_001, 'director')).toEqual([
      { role: 'director', superior: true },
      { role: 'gm', superior: false },
    ]);
    // the gm above 5,000 yuan is the superior himself: one step
    expect(steps(500_000, 'gm')).toEqual([{ role: 'gm', superior: true }]);
    expect(steps(500_001, 'gm')).toEqual([{ role: 'gm', superior: true }]);
  });
  it('a raised threshold changes the outcome; the threshold cannot be negative', () => {
    expect(judge({ kind: 'expense', amount: 600_000 }, { paramsFor: paramsWith({ 'E-APPROVAL': { gmAboveFen: 1_000_000 } }) }).approvals).toEqual(['manager']);
    expect(expenseApproval.params.safeParse({ gmAboveFen: -1 }).success).toBe(false);
    expect(expenseApproval.params.safeParse({ gmAboveFen: 1.5 }).success).toBe(false);
  });
});

describe('E-ENTERTAIN (kind `entertainment`)', () => {
  // 4 guests: the standard is 400 yuan. The event is on Friday 2026-11-20.
  const base = { guests: 4, eventDate: '2026-11-20', appliedOn: '2026-11-19' };

  it('over the standard (guests × 100 yuan) goes to the manager for special approval — not to a supervisor; at the standard nothing', () => {
    const under = judge({ kind: 'entertainment', ...base, amount: 39_999 });
    expect(under.decision).toBe('needs_approval');
    expect(under.approvals).toEqual(['manager']);
    expect(findingIds(under)).toEqual(['E-APPROVAL:approval']);
    expect(under.computed).toMatchObject({ capFen: 40_000, overCapFen: 0 });

    const at = judge({ kind: 'entertainment', ...base, amount: 40_000 });
    expect(findingIds(at)).toEqual(['E-APPROVAL:approval']);

    const over = judge({ kind: 'entertainment', ...base, amount: 40_001 });
    expect(over.decision).toBe('needs_approval'); // not a block
    expect(over.approvals).toEqual(['manager']);
    expect(findingIds(over)).toEqual(['E-APPROVAL:approval', 'E-ENTERTAIN:approval']);
    expect(over.computed).toMatchObject({ capFen: 40_000, overCapFen: 1 });
    expect(of(over, 'E-ENTERTAIN')[0]!.message).toBe('宴请 4 位客人，标准 ¥400.00（每位 ¥100.00），申请 ¥400.01，超出标准 ¥0.01，须经理特批');
    expect(of(over, 'E-ENTERTAIN')[0]!.approvals).toEqual([{ kind: 'role', role: 'manager' }]);
    // a rep under a supervisor: the supervisor alone cannot grant it, the manager's step stays
    const underSupervisor = judge({ kind: 'entertainment', ...base, amount: 40_001 }, { superiorRole: 'supervisor' });
    expect(underSupervisor.approvalSteps).toEqual([
      { role: 'supervisor', superior: true },
      { role: 'manager', superior: false },
    ]);
    expect(findingIds(underSupervisor)).toEqual(['E-APPROVAL:approval', 'E-ENTERTAIN:approval']);
    // a manager's own dinner: his director, who outranks a manager, grants it
    expect(judge({ kind: 'entertainment', ...base, amount: 40_001 }, { superiorRole: 'director' }).approvalSteps).toEqual([{ role: 'director', superior: true }]);
  });
  it('one guest; the general chain adds the gm above 5,000 yuan', () => {
    expect(judge({ kind: 'entertainment', ...base, guests: 1, amount: 10_001 }).computed.capFen).toBe(10_000);
    expect(findingIds(judge({ kind: 'entertainment', ...base, guests: 1, amount: 10_000 }))).toEqual(['E-APPROVAL:approval']);
    expect(judge({ kind: 'entertainment', ...base, guests: 60, amount: 500_000 }).approvals).toEqual(['manager']);
    expect(judge({ kind: 'entertainment', ...base, guests: 60, amount: 500_001 }).approvals).toEqual(['manager', 'gm']);
  });
  it('is applied for before the event (the day itself is still before)', () => {
    expect(judge({ kind: 'entertainment', ...base, amount: 10_000, appliedOn: '2026-11-20' }).decision).toBe('needs_approval');
    const late = judge({ kind: 'entertainment', ...base, amount: 10_000, appliedOn: '2026-11-21' });
    expect(late.decision).toBe('deny');
    expect(late.approvals).toEqual([]);
    expect(findingIds(late)).toContain('E-ENTERTAIN:block');
    expect(of(late, 'E-ENTERTAIN')[0]!.message).toContain('宴请须事前申请');
  });
  it('after a verbal approval the form may follow within 3 working days after the event (over a weekend)', () => {
    const filed = (appliedOn: string) => judge({ kind: 'entertainment', ...base, amount: 10_000, verbalApproval: true, appliedOn });
    // Fri 20 → Mon 23, Tue 24, Wed 25
    expect(filed('2026-11-24').computed.lateFilingDeadline).toBe('2026-11-25');
    const inTime = filed('2026-11-25');
    expect(inTime.decision).toBe('needs_approval');
    expect(findingIds(inTime)).toEqual(['E-APPROVAL:approval', 'E-ENTERTAIN:warn']);
    expect(of(inTime, 'E-ENTERTAIN')[0]!.message).toContain('事后补单');
    const tooLate = filed('2026-11-26');
    expect(tooLate.decision).toBe('deny');
    expect(of(tooLate, 'E-ENTERTAIN')[0]!.message).toBe('口头批准的宴请须在宴请后 3 个工作日内补单（最迟 2026-11-25），2026-11-26 补交已逾期');
    // a verbal approval on a request filed beforehand changes nothing
    expect(findingIds(filed('2026-11-19'))).toEqual(['E-APPROVAL:approval']);
  });
  it('the 3 working days skip the National Day holiday and count the make-up Saturday', () => {
    const filed = (eventDate: string, appliedOn: string) => judge({ kind: 'entertainment', ...base, amount: 10_000, verbalApproval: true, eventDate, appliedOn });
    // Wed 2026-09-30 → Thu 8, Fri 9, Sat 10 Oct (调休)
    expect(filed('2026-09-30', '2026-10-10').decision).toBe('needs_approval');
    expect(filed('2026-09-30', '2026-10-10').computed.lateFilingDeadline).toBe('2026-10-10');
    expect(filed('2026-09-30', '2026-10-11').decision).toBe('deny');
    // an event during the holiday
    expect(filed('2026-10-03', '2026-10-10').decision).toBe('needs_approval');
    expect(filed('2026-10-03', '2026-10-12').decision).toBe('deny');
  });
  it('reimbursement needs an invoice dated the day of the event', () => {
    expect(findingIds(judge({ kind: 'entertainment', ...base, amount: 10_000, invoiceDate: '2026-11-20' }))).toEqual(['E-APPROVAL:approval']);
    for (const invoiceDate of ['2026-11-19', '2026-11-21']) {
      const d = judge({ kind: 'entertainment', ...base, amount: 10_000, invoiceDate });
      expect(d.decision).toBe('deny');
      expect(of(d, 'E-ENTERTAIN')[0]!.message).toBe(`报销须附宴请当日（2026-11-20）开具的发票，所附发票日期为 ${invoiceDate}`);
    }
  });
  it('parameters: the per-guest standard and the filing window; judged by the version in force on appliedOn', () => {
    const raised = { paramsFor: paramsWith({ 'E-ENTERTAIN': { capPerGuestFen: 20_000 } }) };
    expect(findingIds(judge({ kind: 'entertainment', ...base, amount: 40_001 }, raised))).toEqual(['E-APPROVAL:approval']);
    expect(judge({ kind: 'entertainment', ...base, amount: 80_001 }, raised).computed.capFen).toBe(80_000);
    const longer = { paramsFor: paramsWith({ 'E-ENTERTAIN': { lateFilingWorkingDays: 4 } }) };
    expect(judge({ kind: 'entertainment', ...base, amount: 10_000, verbalApproval: true, appliedOn: '2026-11-26' }, longer).decision).toBe('needs_approval');
    // a new standard from 2026-12-01: the request's own appliedOn decides which version judges it
    const versioned = { paramsFor: paramsWith((day) => (day >= '2026-12-01' ? { 'E-ENTERTAIN': { capPerGuestFen: 20_000 } } : {})) };
    const event = { guests: 1, amount: 15_000, eventDate: '2026-12-10' };
    expect(judge({ kind: 'entertainment', ...event, appliedOn: '2026-11-30' }, versioned).computed.capFen).toBe(10_000);
    expect(judge({ kind: 'entertainment', ...event, appliedOn: '2026-12-01' }, versioned).computed.capFen).toBe(20_000);
  });
  it('the parameters reject nonsense', () => {
    expect(defaultParams(entertainment)).toEqual({ capPerGuestFen: 10_000, lateFilingWorkingDays: 3 });
    expect(entertainment.params.safeParse({ capPerGuestFen: -1 }).success).toBe(false);
    expect(entertainment.params.safeParse({ capPerGuestFen: 100.5 }).success).toBe(false);
    expect(entertainment.params.safeParse({ lateFilingWorkingDays: 367 }).success).toBe(false);
    expect(entertainment.params.safeParse({ lateFilingWorkingDays: -1 }).success).toBe(false);
  });
  it('validation names the field in Chinese', () => {
    const good = { ...base, amount: 10_000 };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...good, amount: -1 }, 'amount', /：不能小于 0$/],
      [{ ...good, amount: '100' }, 'amount', /：类型不正确（应为数字）$/],
      [{ ...good, guests: 0 }, 'guests', /^客人人数：不能小于 1$/],
      [{ ...good, guests: 2.5 }, 'guests', /^客人人数：/],
      [{ ...good, eventDate: '2026-02-30' }, 'eventDate', /：不是有效日期$/],
      [{ ...good, appliedOn: undefined }, 'appliedOn', /：不能为空$/],
      [{ ...good, verbalApproval: 'yes' }, 'verbalApproval', /^已口头批准：类型不正确/],
      [{ ...good, invoiceDate: '2026-13-01' }, 'invoiceDate', /：/],
    ];
    for (const [fields, field, message] of cases) {
      const err = rejects({ kind: 'entertainment', ...fields });
      expect(err.issues[0]!.field).toBe(field);
      expect(err.issues[0]!.message).toMatch(message);
    }
  });
});

describe('E-ADVANCE (kind `travel_advance`)', () => {
  it('at most 500 yuan, with an approved travel registration; manager, finance, gm in that order', () => {
    for (const amount of [49_999, 50_000]) {
      const d = judge({ kind: 'travel_advance', amount, travelApproved: true });
      expect(d.decision).toBe('needs_approval');
      expect(d.approvals).toEqual(['manager', 'finance', 'gm']);
    }
    const over = judge({ kind: 'travel_advance', amount: 50_001, travelApproved: true });
    expect(over.decision).toBe('deny');
    expect(of(over, 'E-ADVANCE').find((f) => f.severity === 'block')!.message).toBe('每次借款最多 ¥500.00（申请 ¥500.01）');
    const unregistered = judge({ kind: 'travel_advance', amount: 10_000, travelApproved: false });
    expect(unregistered.decision).toBe('deny');
    expect(unregistered.findings[1]!.message).toBe('借差旅费须先有已批准的出差登记');
  });
  it('a supervisor as direct superior comes first, then the manager; a raised limit above the gm threshold keeps the order', () => {
    expect(judge({ kind: 'travel_advance', amount: 10_000, travelApproved: true }, { superiorRole: 'supervisor' }).approvalSteps).toEqual([
      { role: 'supervisor', superior: true },
      { role: 'manager', superior: false },
      { role: 'finance', superior: false },
      { role: 'gm', superior: false },
    ]);
    // a manager's own advance: his director instead of a manager step
    expect(judge({ kind: 'travel_advance', amount: 10_000, travelApproved: true }, { superiorRole: 'director' }).approvals).toEqual(['director', 'finance', 'gm']);
    const raised = { paramsFor: paramsWith({ 'E-ADVANCE': { maxFen: 1_000_000 } }) };
    const d = judge({ kind: 'travel_advance', amount: 600_000, travelApproved: true }, raised);
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual(['manager', 'finance', 'gm']);
    expect(judge({ kind: 'travel_advance', amount: 50_001, travelApproved: true }, raised).decision).toBe('needs_approval');
  });
  it('the rule directly; its parameter is bounded', () => {
    const params = defaultParams(travelAdvance);
    const decide = (fen: number, travelApproved = true) => combine(travelAdvance.evaluate({ amountFen: fen, travelApproved }, ctx, params).findings).decision;
    expect(decide(50_000)).toBe('needs_approval');
    expect(decide(50_001)).toBe('deny');
    expect(decide(10_000, false)).toBe('deny');
    expect(travelAdvance.params.safeParse({ maxFen: -1 }).success).toBe(false);
  });
  it('validation', () => {
    expect(rejects({ kind: 'travel_advance', amount: 10_000 }).issues[0]).toMatchObject({ field: 'travelApproved', message: '出差登记已批准：不能为空' });
    expect(rejects({ kind: 'travel_advance', amount: 10_000, travelApproved: 'true' }).issues[0]!.field).toBe('travelApproved');
    expect(rejects({ kind: 'travel_advance', amount: -5, travelApproved: true }).issues[0]).toMatchObject({ field: 'amount', message: expect.stringMatching(/：不能小于 0$/) });
  });
});

describe('E-TRANSPORT (kind `transport`)', () => {
  it('60 % capped at 2 % of the deal; 30 % without a deal (direct rule)', () => {
    const params = defaultParams(transportShare);
    const pay = (ticketsFen: number, dealFen: number | null) => transportShare.evaluate({ ticketsFen, dealFen }, ctx, params).computed!.reimbursableFen;
    expect(pay(100_000, 10_000_000)).toBe(60_000); // cap 200,000 not reached
    expect(pay(100_000, 3_000_000)).toBe(60_000); // cap exactly 60,000
    expect(pay(100_000, 2_999_999)).toBe(59_999); // cap just under
    expect(pay(100_000, null)).toBe(30_000);
    expect(pay(5, null)).toBe(1); // 1.5 fen rounds down
  });
  it('through the kind: reimbursable and employee shares, the chain on the reimbursable amount', () => {
    const signed = judge({ kind: 'transport', transportTotal: 100_000, dealSigned: true, dealAmount: 2_999_999 });
    expect(signed.decision).toBe('needs_approval');
    expect(signed.approvals).toEqual(['manager']);
    expect(signed.computed).toEqual({ reimbursableFen: 59_999, employeeFen: 40_001 });
    expect(findingIds(signed)).toEqual(['E-APPROVAL:approval', 'E-TRANSPORT:info']);
    expect(of(signed, 'E-TRANSPORT')[0]!.message).toBe('公司承担 ¥599.99，个人承担 ¥400.01');
    expect(judge({ kind: 'transport', transportTotal: 100_000, dealSigned: false }).computed).toEqual({ reimbursableFen: 30_000, employeeFen: 70_000 });
    // a deal amount left on an unsigned form does not count
    expect(judge({ kind: 'transport', transportTotal: 100_000, dealSigned: false, dealAmount: 3_000_000 }).computed.reimbursableFen).toBe(30_000);
    // 30 % of 16,666.67 is 5,000.001 → 5,000.00: manager only; of 16,666.70 exactly 5,000.01: also gm
    expect(judge({ kind: 'transport', transportTotal: 1_666_667, dealSigned: false }).approvals).toEqual(['manager']);
    expect(judge({ kind: 'transport', transportTotal: 1_666_670, dealSigned: false }).approvals).toEqual(['manager', 'gm']);
  });
  it('a signed deal needs its amount (the error names dealAmount)', () => {
    const missing = rejects({ kind: 'transport', transportTotal: 100_000, dealSigned: true });
    expect(missing.issues[0]).toMatchObject({ field: 'dealAmount', message: expect.stringMatching(/：已签单时必须填写$/) });
    expect(rejects({ kind: 'transport', transportTotal: 100_000, dealSigned: true, dealAmount: 0 }).issues[0]!.field).toBe('dealAmount');
    expect(rejects({ kind: 'transport', transportTotal: -1, dealSigned: false }).issues[0]!.field).toBe('transportTotal');
    expect(rejects({ kind: 'transport', transportTotal: 100, dealSigned: 1 }).issues[0]!.field).toBe('dealSigned');
  });
  it('parameters change the shares and are bounded to 0..1', () => {
    const half = { paramsFor: paramsWith({ 'E-TRANSPORT': { noDealShare: 0.5 } }) };
    expect(judge({ kind: 'transport', transportTotal: 100_000, dealSigned: false }, half).computed.reimbursableFen).toBe(50_000);
    expect(transportShare.params.safeParse({ withDealShare: 1.5 }).success).toBe(false);
    expect(transportShare.params.safeParse({ dealCapShare: -0.01 }).success).toBe(false);
  });
});

describe('E-LODGING and E-PERDIEM (kind `lodging`)', () => {
  const trip = (travelHoursOneWay: number, extra: Record<string, unknown> = {}) =>
    judge({ kind: 'lodging', travelHoursOneWay, sameDayReturnPossible: true, hasInvoice: true, ...extra });

  it('no lodging allowance at ≤ 3 hours each way with a same-day return possible (2.9 / 3 / 3.1)', () => {
    for (const hours of [2.9, 3]) {
      const d = trip(hours);
      expect(d.decision).toBe('deny');
      expect(findingIds(d)).toContain('E-LODGING:block');
      expect(d.computed).toEqual({ lodgingAllowed: false, countsAsTravelDay: true, perDiemFen: 0 });
    }
    expect(of(trip(3), 'E-LODGING')[0]!.message).toBe('单程 3 小时（不超过 3 小时）且可当天往返，不予住宿补贴');
    const allowed = trip(3.1);
    expect(allowed.decision).toBe('needs_approval');
    expect(allowed.approvals).toEqual(['manager']);
    expect(findingIds(allowed)).toEqual(['E-APPROVAL:approval', 'E-PERDIEM:info']);
    expect(allowed.computed).toEqual({ lodgingAllowed: true, countsAsTravelDay: true, perDiemFen: 15_000 });
  });
  it('a short trip without a same-day return is allowed', () => {
    expect(trip(1, { sameDayReturnPossible: false }).computed).toMatchObject({ lodgingAllowed: true, perDiemFen: 15_000 });
  });
  it('no hotel invoice: blocked, and the day is not a travel day', () => {
    const d = trip(6, { hasInvoice: false });
    expect(d.decision).toBe('deny');
    expect(d.computed).toEqual({ lodgingAllowed: false, countsAsTravelDay: false, perDiemFen: 0 });
    expect(of(d, 'E-LODGING')[0]!.message).toBe('住宿须有正规酒店发票；无发票的当天不计为出差日');
    expect(findingIds(trip(2, { hasInvoice: false }))).toEqual(['E-APPROVAL:approval', 'E-LODGING:block', 'E-LODGING:block']);
  });
  it('per diem = nights × 150 yuan; the chain adds the gm above 5,000 yuan', () => {
    expect(trip(5, { nights: 3 }).computed.perDiemFen).toBe(45_000);
    expect(trip(5, { nights: 33 }).approvals).toEqual(['manager']); // 4,950 yuan
    expect(trip(5, { nights: 34 }).approvals).toEqual(['manager', 'gm']); // 5,100 yuan
  });
  it('parameters: the hour limit and the per-diem amount; bounded', () => {
    const two = { paramsFor: paramsWith({ 'E-LODGING': { noLodgingMaxHours: 2 } }) };
    expect(judge({ kind: 'lodging', travelHoursOneWay: 2.9, sameDayReturnPossible: true, hasInvoice: true }, two).decision).toBe('needs_approval');
    expect(judge({ kind: 'lodging', travelHoursOneWay: 2, sameDayReturnPossible: true, hasInvoice: true }, two).decision).toBe('deny');
    const rich = { paramsFor: paramsWith({ 'E-PERDIEM': { perDiemFen: 20_000 } }) };
    expect(judge({ kind: 'lodging', travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 }, rich).computed.perDiemFen).toBe(40_000);
    expect(lodging.params.safeParse({ noLodgingMaxHours: 25 }).success).toBe(false);
    expect(lodging.params.safeParse({ noLodgingMaxHours: -1 }).success).toBe(false);
    expect(defaultParams(lodging)).toEqual({ noLodgingMaxHours: 3 });
  });
  it('validation', () => {
    const good = { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true };
    expect(rejects({ kind: 'lodging', ...good, nights: 0 }).issues[0]).toMatchObject({ field: 'nights', message: '住宿晚数：不能小于 1' });
    expect(rejects({ kind: 'lodging', ...good, nights: 1.5 }).issues[0]!.field).toBe('nights');
    expect(rejects({ kind: 'lodging', ...good, travelHoursOneWay: -1 }).issues[0]!.message).toMatch(/^单程交通时间（小时）：/);
    expect(rejects({ kind: 'lodging', ...good, hasInvoice: undefined }).issues[0]).toMatchObject({ field: 'hasInvoice', message: '有正规酒店发票：不能为空' });
  });
});

describe('E-PERDIEM (kind `per_diem`)', () => {
  it('150 yuan per travel day, halves allowed', () => {
    expect(judge({ kind: 'per_diem', travelDays: 0.5 }).computed.perDiemFen).toBe(7_500);
    expect(judge({ kind: 'per_diem', travelDays: 2.5 }).computed.perDiemFen).toBe(37_500);
    const d = judge({ kind: 'per_diem', travelDays: 2 });
    expect(d.decision).toBe('needs_approval');
    expect(d.approvals).toEqual(['manager']);
    expect(of(d, 'E-PERDIEM')[0]!.message).toBe('包干补贴：2 天 × ¥150.00 = ¥300.00');
  });
  it('the chain at 5,000 yuan exactly (per diem 100 yuan: 50 days manager only, 50.5 days also gm)', () => {
    const hundred = { paramsFor: paramsWith({ 'E-PERDIEM': { perDiemFen: 10_000 } }) };
    expect(judge({ kind: 'per_diem', travelDays: 49.5 }, hundred).approvals).toEqual(['manager']);
    expect(judge({ kind: 'per_diem', travelDays: 50 }, hundred).approvals).toEqual(['manager']);
    expect(judge({ kind: 'per_diem', travelDays: 50.5 }, hundred).approvals).toEqual(['manager', 'gm']);
  });
  it('half of an odd amount rounds down to the fen (direct rule); the parameter is bounded', () => {
    expect(perDiem.evaluate({ travelDays: 0.5 }, ctx, { perDiemFen: 15_001 }).computed!.perDiemFen).toBe(7_500);
    expect(perDiem.params.safeParse({ perDiemFen: -1 }).success).toBe(false);
    expect(perDiem.params.safeParse({ perDiemFen: 1.5 }).success).toBe(false);
    expect(defaultParams(perDiem)).toEqual({ perDiemFen: 15_000 });
  });
  it('validation: in half days, at least half a day', () => {
    expect(rejects({ kind: 'per_diem', travelDays: 1.3 }).issues[0]).toMatchObject({ field: 'travelDays', message: '出差天数：须按半天计（如 1、1.5、2）' });
    expect(rejects({ kind: 'per_diem', travelDays: 0 }).issues[0]!.field).toBe('travelDays');
    expect(rejects({ kind: 'per_diem' }).issues[0]).toMatchObject({ field: 'travelDays', message: '出差天数：不能为空' });
    expect(rejects({ kind: 'per_diem', travelDays: '2' }).issues[0]!.message).toMatch(/^出差天数：类型不正确/);
  });
});

describe('E-PROJECT (kind `project_expense`)', () => {
  const file = (paymentReceivedOn: string, appliedOn: string, extra: Record<string, unknown> = {}, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'project_expense', amount: 100_000, paymentReceivedOn, appliedOn, ...extra }, options);

  it('within 2 working days after the payment arrives (over a weekend)', () => {
    // Fri 20 → Mon 23, Tue 24
    const onTime = file('2026-11-20', '2026-11-24');
    expect(onTime.decision).toBe('needs_approval');
    expect(onTime.approvals).toEqual(['manager']);
    expect(onTime.computed).toEqual({ fileBy: '2026-11-24' });
    expect(findingIds(onTime)).toEqual(['E-APPROVAL:approval']);
    expect(file('2026-11-20', '2026-11-20').decision).toBe('needs_approval');
    const late = file('2026-11-20', '2026-11-25');
    expect(late.decision).toBe('deny');
    expect(of(late, 'E-PROJECT')[0]!.message).toBe('项目费用须在客户款项到账（2026-11-20）后 2 个工作日内申请（最迟 2026-11-24），2026-11-25 申请已逾期');
  });
  it('across the National Day holiday and its make-up Saturday', () => {
    expect(file('2026-09-30', '2026-10-09').computed.fileBy).toBe('2026-10-09');
    expect(file('2026-09-30', '2026-10-09').decision).toBe('needs_approval');
    expect(file('2026-09-30', '2026-10-10').decision).toBe('deny');
    // Fri 9 Oct → Sat 10 (调休), Mon 12
    expect(file('2026-10-09', '2026-10-12').decision).toBe('needs_approval');
    expect(file('2026-10-09', '2026-10-13').decision).toBe('deny');
    // a payment on a day off: the working days start after it (during 国庆: Thu 8, Fri 9)
    expect(file('2026-10-03', '2026-10-09').computed.fileBy).toBe('2026-10-09');
    expect(file('2026-10-03', '2026-10-10').decision).toBe('deny');
  });
  it('a payment arriving on Saturday: Mon and Tue', () => {
    expect(file('2026-11-21', '2026-11-24').decision).toBe('needs_approval');
    expect(file('2026-11-21', '2026-11-25').decision).toBe('deny');
  });
  it('urgent petty cash needs the manager and the gm', () => {
    expect(file('2026-11-20', '2026-11-23', { pettyCash: true }).approvals).toEqual(['manager', 'gm']);
    expect(findingIds(file('2026-11-20', '2026-11-23', { pettyCash: true }))).toEqual(['E-APPROVAL:approval', 'E-PROJECT:approval']);
    expect(file('2026-11-20', '2026-11-23', { pettyCash: false }).approvals).toEqual(['manager']);
    expect(file('2026-11-20', '2026-11-23', { pettyCash: true }, { superiorRole: 'supervisor' }).approvals).toEqual(['supervisor', 'manager', 'gm']);
    expect(file('2026-11-20', '2026-11-23', { pettyCash: true }, { superiorRole: 'director' }).approvals).toEqual(['director', 'gm']);
    expect(judge({ kind: 'project_expense', amount: 500_001, paymentReceivedOn: '2026-11-20', appliedOn: '2026-11-23' }).approvals).toEqual(['manager', 'gm']);
  });
  it('a longer filing window changes the outcome; the window is bounded; a company day off counts', () => {
    const three = { paramsFor: paramsWith({ 'E-PROJECT': { filingWorkingDays: 3 } }) };
    expect(file('2026-11-20', '2026-11-25', {}, three).decision).toBe('needs_approval');
    expect(projectExpense.params.safeParse({ filingWorkingDays: -1 }).success).toBe(false);
    expect(projectExpense.params.safeParse({ filingWorkingDays: 367 }).success).toBe(false);
    expect(projectExpense.params.safeParse({ filingWorkingDays: 2.5 }).success).toBe(false);
    const dayOff = { calendar: workCalendar(new Map([['2026-11-23', false]])) };
    expect(file('2026-11-20', '2026-11-25', {}, dayOff).computed.fileBy).toBe('2026-11-25');
  });
  it('validation', () => {
    expect(rejects({ kind: 'project_expense', amount: 100, paymentReceivedOn: '2026-02-30', appliedOn: '2026-11-23' }).issues[0]).toMatchObject({
      field: 'paymentReceivedOn',
      message: expect.stringMatching(/：不是有效日期$/),
    });
    expect(rejects({ kind: 'project_expense', amount: 100, paymentReceivedOn: '2026-11-20' }).issues[0]!.field).toBe('appliedOn');
    expect(rejects({ kind: 'project_expense', amount: 100, paymentReceivedOn: '2026-11-20', appliedOn: '2026-11-23', pettyCash: 'no' }).issues[0]!.field).toBe('pettyCash');
  });
});

describe('E-TEAM (kind `team_proposal`)', () => {
  // projected new revenue 1,000,000 yuan: the limit is 150,000 yuan
  const propose = (staffCost: number, salesExpenses: number, projectedNewRevenue = 100_000_000, options: Partial<EvaluateOptions> = {}) =>
    judge({ kind: 'team_proposal', staffCost, salesExpenses, projectedNewRevenue }, options);

  it('staff cost + sales expenses ≤ 15 % of projected new revenue goes to the gm; above is blocked', () => {
    const under = propose(10_000_000, 4_999_999);
    expect(under.decision).toBe('needs_approval');
    expect(under.approvals).toEqual(['manager', 'gm']);
    expect(findingIds(under)).toEqual(['E-APPROVAL:approval', 'E-APPROVAL:approval', 'E-TEAM:approval']);
    const at = propose(10_000_000, 5_000_000);
    expect(at.decision).toBe('needs_approval');
    expect(at.computed).toEqual({ capFen: 15_000_000, costFen: 15_000_000, sharePct: 15 });
    expect(of(at, 'E-TEAM')[0]!.message).toBe('组建团队方案须总经理审批（费用 ¥150,000.00，占 15%，上限为预计新增收入的 15%，即 ¥150,000.00）');
    const over = propose(10_000_000, 5_000_001);
    expect(over.decision).toBe('deny');
    expect(over.computed).toEqual({ capFen: 15_000_000, costFen: 15_000_001, sharePct: 15 });
    expect(of(over, 'E-TEAM')[0]!.message).toBe('人员成本加销售费用 ¥150,000.01，占 15%，超过预计新增收入 ¥1,000,000.00 的 15%（上限 ¥150,000.00）');
  });
  it('exact integer arithmetic: no float drift at the limit', () => {
    // 15 % of 1,000,000,000.01 yuan is 150,000,000.0015 yuan: the limit is 15,000,000,000 fen
    expect(propose(15_000_000_000, 0, 100_000_000_001).decision).toBe('needs_approval');
    expect(propose(15_000_000_001, 0, 100_000_000_001).decision).toBe('deny');
    // 15 % of 7 fen is 1.05 fen
    expect(propose(1, 0, 7).decision).toBe('needs_approval');
    expect(propose(1, 1, 7).decision).toBe('deny');
    expect(propose(12_345_678, 0).computed.sharePct).toBe(12.35);
    expect(teamProposal.evaluate({ staffCostFen: 1, salesExpensesFen: 0, projectedRevenueFen: 3 }, ctx, { maxShare: 0.5 }).computed).toEqual({
      capFen: 1,
      costFen: 1,
      sharePct: 33.33,
    });
  });
  it('no projected revenue: any cost is blocked; the share is not defined', () => {
    expect(propose(0, 0, 0).computed).toEqual({ capFen: 0, costFen: 0, sharePct: null });
    expect(propose(0, 0, 0).decision).toBe('needs_approval');
    expect(propose(1, 0, 0).decision).toBe('deny');
  });
  it('a higher share changes the outcome; the share is bounded to 0..1', () => {
    const twenty = { paramsFor: paramsWith({ 'E-TEAM': { maxShare: 0.2 } }) };
    expect(propose(10_000_000, 5_000_001, 100_000_000, twenty).decision).toBe('needs_approval');
    expect(of(propose(10_000_000, 10_000_001, 100_000_000, twenty), 'E-TEAM')[0]!.message).toContain('的 20%（上限 ¥200,000.00）');
    expect(teamProposal.params.safeParse({ maxShare: 1.5 }).success).toBe(false);
    expect(teamProposal.params.safeParse({ maxShare: -0.1 }).success).toBe(false);
    expect(percentOf(0.07)).toBe('7');
    expect(percentOf(0.075)).toBe('7.5');
  });
  it('validation', () => {
    expect(rejects({ kind: 'team_proposal', staffCost: 1, salesExpenses: 1 }).issues[0]).toMatchObject({ field: 'projectedNewRevenue', message: expect.stringMatching(/：不能为空$/) });
    expect(rejects({ kind: 'team_proposal', staffCost: -1, salesExpenses: 1, projectedNewRevenue: 1 }).issues[0]!.field).toBe('staffCost');
    expect(rejects({ kind: 'team_proposal', staffCost: 1, salesExpenses: 0.5, projectedNewRevenue: 1 }).issues[0]!.field).toBe('salesExpenses');
  });
});

describe('expense family', () => {
  // Not submittable through requests.submit: expenses are filed through expenses.create, which links
  // them to a customer, an order or a trip and files the request itself.
  it('every kind: labelled fields, rules that exist, its example judged, filed through the expenses module, and always the general chain', () => {
    expect(kinds.map((k) => k.kind)).toEqual(['expense', 'travel_registration', 'entertainment', 'travel_advance', 'transport', 'lodging', 'per_diem', 'project_expense', 'team_proposal']);
    for (const k of kinds) {
      expect(kindDef(k.kind)).toBe(k);
      expect(describeFields(k.schema).every((field) => field.label.zh.length > 0)).toBe(true);
      for (const id of k.rules) expect(Object.keys(RULES)).toContain(id);
      expect(k.rules).toContain('E-APPROVAL');
      expect(k.submittable, k.kind).toBe(false);
      const d = judge({ kind: k.kind, ...(k.example as object) });
      expect(d.decision).toBe('needs_approval');
      expect(d.approvals[0]).toBe('manager');
    }
  });
  it('every rule: default parameters parse, descriptions and names in both languages', () => {
    expect(Object.keys(rules)).toEqual(['E-APPROVAL', 'E-ENTERTAIN', 'E-ADVANCE', 'E-TRANSPORT', 'E-LODGING', 'E-PERDIEM', 'E-PROJECT', 'E-TEAM']);
    for (const [id, rule] of Object.entries(rules)) {
      expect(rule.id).toBe(id);
      expect(rule.name.zh && rule.name.en && rule.description.zh && rule.description.en).toBeTruthy();
      expect(() => defaultParams(rule as { params: z.ZodType })).not.toThrow();
    }
  });
  // Each field carries its own label (fields.ts labels a copy of the shared building block).
  it('money and date fields name their own Chinese label in errors and forms', () => {
    expect(rejects({ kind: 'travel_advance', amount: -5, travelApproved: true }).issues[0]!.message).toBe('借款金额：不能小于 0');
    expect(rejects({ kind: 'transport', transportTotal: 100_000, dealSigned: true }).issues[0]!.message).toBe('签单金额：已签单时必须填写');
    expect(rejects({ kind: 'project_expense', amount: 100, paymentReceivedOn: '2026-02-30', appliedOn: '2026-11-23' }).issues[0]!.message).toBe('客户款项到账日：不是有效日期');
    expect(rejects({ kind: 'entertainment', amount: 1, guests: 1, eventDate: '2026-11-20' }).issues[0]!.message).toBe('申请日期：不能为空');
    expect(describeFields(kindDef('team_proposal')!.schema).map((field) => field.label.zh)).toEqual(['人员成本', '销售费用', '预计新增收入', '申请日期']);
  });
  it('shares are exact in fen even for large amounts', () => {
    expect(shareOfFen(999_999_999_999, 0.6)).toBe(599_999_999_999);
    expect(shareOfFen(5, 0.6)).toBe(3);
  });
});
