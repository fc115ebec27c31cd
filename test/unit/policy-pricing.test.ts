// §4 price authority at its boundaries.
import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../electron/core/policy/calendar';
import { defaultParams, role, type RuleContext } from '../../electron/core/policy/rule';
import { discountOf, quotePrice } from '../../electron/core/policy/rules/pricing';

const ctx: RuleContext = { today: '2026-11-23', calendar: workCalendar() };

describe('Q-PRICE', () => {
  const params = defaultParams(quotePrice);
  const line = (discount: number) => ({ standardPriceFen: 100_000, unitPriceFen: 100_000 - Math.round(discount * 100_000) });
  const judge = (r: 'rep' | 'supervisor' | 'manager' | 'director' | 'gm', discount: number) =>
    quotePrice.evaluate({ role: r, lines: [line(discount)] }, ctx, params).findings;

  it('the standard price needs nobody; a rep may give no discount at all', () => {
    expect(judge('rep', 0)).toEqual([]);
    expect(judge('rep', 0.0001)[0]?.approvals).toEqual([role('supervisor')]);
  });
  it('manager: 8 % at, 8.01 % over → director', () => {
    expect(judge('manager', 0.0799)).toEqual([]);
    expect(judge('manager', 0.08)).toEqual([]);
    expect(judge('manager', 0.0801)[0]?.approvals).toEqual([role('director')]);
  });
  it('director: 15 % at, over → gm; gm unlimited', () => {
    expect(judge('director', 0.15)).toEqual([]);
    expect(judge('director', 0.1501)[0]?.approvals).toEqual([role('gm')]);
    expect(judge('gm', 0.5)).toEqual([]);
  });
  it('a price above the standard is no discount', () => {
    expect(discountOf({ standardPriceFen: 100, unitPriceFen: 120 })).toBe(0);
  });
});

