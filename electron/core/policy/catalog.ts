// Every rule the engine knows, by rule id (../shared/DOMAIN.md). Issue 3 completes the list.
import { expenseApproval, transportShare, travelAdvance } from './rules/expenses';
import { leaveNotice } from './rules/leave';
import { quotePrice } from './rules/pricing';

export const RULES = {
  'L-NOTICE': leaveNotice,
  'Q-PRICE': quotePrice,
  'E-APPROVAL': expenseApproval,
  'E-ADVANCE': travelAdvance,
  'E-TRANSPORT': transportShare,
} as const;

export type CatalogRuleId = keyof typeof RULES;

export function isCatalogRuleId(id: string): id is CatalogRuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
