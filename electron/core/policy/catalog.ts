// Every rule the engine knows, by rule id (../shared/DOMAIN.md), assembled from the rule families.
import { rules as activityRules } from './rules/activity';
import { rules as attendanceRules } from './rules/attendance';
import { rules as complaintRules } from './rules/complaints';
import { rules as customerRules } from './rules/customers';
import { rules as expenseRules } from './rules/expenses';
import { rules as leaveRules } from './rules/leave';
import { rules as ledgerRules } from './rules/ledger';
import { rules as orderRules } from './rules/orders';
import { rules as pricingRules } from './rules/pricing';
import { rules as settlementRules } from './rules/settlement';

export const RULES = {
  ...customerRules,
  ...settlementRules,
  ...pricingRules,
  ...orderRules,
  ...ledgerRules,
  ...expenseRules,
  ...complaintRules,
  ...leaveRules,
  ...attendanceRules,
  ...activityRules,
} as const;

export type CatalogRuleId = keyof typeof RULES;

export function isCatalogRuleId(id: string): id is CatalogRuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
