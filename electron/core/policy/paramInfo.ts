// How Settings → Policies labels each rule parameter and in what unit it is entered (fen as yuan,
// shares as percentages). Every parameter of every rule is listed (a test checks it).
import type { Label } from '../../../shared/domain';
import type { ParamInfo, ParamUnit } from '../../../shared/policy';
import { RULES, type CatalogRuleId } from './catalog';

type Infos = Partial<Record<CatalogRuleId, Record<string, ParamInfo>>>;

const p = (zh: string, en: string, unit: ParamUnit): ParamInfo => ({ label: { zh, en }, unit });

export const PARAM_INFO: Infos = {
  'E-APPROVAL': { gmAboveFen: p('超过此金额须总经理审批', 'GM approves above', 'fen') },
  'E-ADVANCE': { maxFen: p('每次借款上限', 'Maximum per advance', 'fen') },
  'E-TRANSPORT': {
    withDealShare: p('签单时公司承担比例', 'Company share with a deal', 'share'),
    dealCapShare: p('不超过签单金额的比例', 'Cap as a share of the deal', 'share'),
    noDealShare: p('未签单时公司承担比例', 'Company share without a deal', 'share'),
  },
};

/** The unit a parameter is entered in when the table above has no entry (by its name). */
function guessUnit(key: string): ParamUnit {
  if (/Fen$/.test(key)) return 'fen';
  if (/Share$/.test(key)) return 'share';
  if (/WorkingDays$/.test(key)) return 'workingDays';
  if (/Days$/.test(key)) return 'days';
  if (/Hours$/.test(key)) return 'hours';
  if (/Tons$/.test(key)) return 'tons';
  return 'count';
}

function paramKeys(ruleId: CatalogRuleId): string[] {
  return Object.keys(RULES[ruleId].params.parse({}) as Record<string, unknown>);
}

export function paramInfoOf(ruleId: CatalogRuleId): Record<string, ParamInfo> {
  const known = PARAM_INFO[ruleId] ?? {};
  return Object.fromEntries(paramKeys(ruleId).map((key) => [key, known[key] ?? p(key, key, guessUnit(key))]));
}

/** Labels for validation errors naming a parameter. */
export function paramLabelsOf(ruleId: CatalogRuleId): Record<string, Label> {
  return Object.fromEntries(Object.entries(paramInfoOf(ruleId)).map(([key, info]) => [key, info.label]));
}
