// §6 expense rules at their boundaries.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { combine } from '../../electron/core/policy/engine';
import { defaultParams, role, superior, type RuleContext } from '../../electron/core/policy/rule';
import { expenseApproval, shareOfFen, transportShare, travelAdvance } from '../../electron/core/policy/rules/expenses';

const ctx: RuleContext = { today: '2026-11-23', calendar: workCalendar() };

describe('expenses', () => {
  it('E-APPROVAL: manager always; gm only above 5,000 yuan', () => {
    const params = defaultParams(expenseApproval);
    const steps = (fen: number) => combine(expenseApproval.evaluate({ amountFen: fen }, ctx, params).findings).approvals;
    expect(steps(499_999)).toEqual(['manager']);
    expect(steps(500_000)).toEqual(['manager']);
    expect(steps(500_001)).toEqual(['manager', 'gm']);
  });
  it('E-ADVANCE: at most 500 yuan, only with an approved travel registration', () => {
    const params = defaultParams(travelAdvance);
    const decide = (fen: number, registered = true) =>
      combine(travelAdvance.evaluate({ amountFen: fen, travelRegistrationApproved: registered }, ctx, params).findings).decision;
    expect(decide(49_999)).toBe('needs_approval');
    expect(decide(50_000)).toBe('needs_approval');
    expect(decide(50_001)).toBe('deny');
    expect(decide(10_000, false)).toBe('deny');
  });
  it('E-TRANSPORT: 60 % capped at 2 % of the deal; 30 % without a deal', () => {
    const params = defaultParams(transportShare);
    const pay = (ticketsFen: number, dealFen: number | null) => transportShare.evaluate({ ticketsFen, dealFen }, ctx, params).computed!.reimbursableFen;
    expect(pay(100_000, 10_000_000)).toBe(60_000); // cap 200,000 not reached
    expect(pay(100_000, 3_000_000)).toBe(60_000); // cap exactly 60,000
    expect(pay(100_000, 2_999_999)).toBe(59_999); // cap just under
    expect(pay(100_000, null)).toBe(30_000);
    expect(pay(5, null)).toBe(1); // 1.5 fen rounds down
  });
  it('shares are exact in fen even for large amounts', () => {
    expect(shareOfFen(999_999_999_999, 0.6)).toBe(599_999_999_999);
    expect(shareOfFen(5, 0.6)).toBe(3);
  });
});
