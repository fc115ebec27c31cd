// How Settings → Policies labels each rule parameter and in what unit it is entered (fen as yuan,
// shares as percentages). Every parameter of every rule is listed (a test checks it).
import type { Label } from '../../../shared/domain';
import type { ParamInfo, ParamUnit } from '../../../shared/policy';
import { RULES, type CatalogRuleId } from './catalog';

type Infos = Partial<Record<CatalogRuleId, Record<string, ParamInfo>>>;

const p = (zh: string, en: string, unit: ParamUnit): ParamInfo => ({ label: { zh, en }, unit });

export const PARAM_INFO: Infos = {
  'C-NEW': { deadlineDay: p('当月申请截止日', 'Application deadline (day of month)', 'day') },
  'C-VISIT': {
    strategicPerWeek: p('战略级客户每周至少拜访', 'Strategic customers: visits per week', 'count'),
    corePerWeek: p('核心级客户每周至少拜访', 'Core customers: visits per week', 'count'),
    ordinaryEveryDays: p('普通级客户至少每隔', 'Ordinary customers: at least every', 'days'),
    repPerWeek: p('每位客户经理每周至少拜访', 'Visits per rep per week', 'count'),
  },
  'C-GRADE': {
    months: p('比较最近几个月的销售额（与上年同期比）', 'Months compared (with the same months a year before)', 'count'),
    upgradeGrowth: p('升级：订单增长率至少', 'Upgrade: order growth at least', 'share'),
    upgradeMaxCollectionDays: p('升级：平均回款天数至多', 'Upgrade: days to collect at most', 'days'),
    downgradeDecline: p('降级：订单下降至少', 'Downgrade: order fall at least', 'share'),
    downgradeCollectionDays: p('降级：平均回款天数超过', 'Downgrade: days to collect above', 'days'),
  },
  'S-MONTHLY': { minMonthlyTons: p('月结所需月用量', 'Monthly volume for monthly settlement', 'tons') },
  'S-CREDIT': {
    strategicDays: p('战略级客户账期', 'Credit days, strategic', 'days'),
    coreDays: p('核心级客户账期', 'Credit days, core', 'days'),
    ordinaryDays: p('普通级客户账期（0 = 现结）', 'Credit days, ordinary (0 = cash)', 'days'),
  },
  'Q-PRICE': {
    rep: p('客户经理可给折扣', 'Discount a rep may grant', 'share'),
    supervisor: p('销售主管可给折扣', 'Discount a supervisor may grant', 'share'),
    manager: p('销售经理可给折扣', 'Discount a manager may grant', 'share'),
    director: p('销售总监可给折扣', 'Discount the director may grant', 'share'),
  },
  'Q-BID': { gmAboveFen: p('超过此金额由总经理决策', 'GM decides above', 'fen') },
  'O-DELAY': { warnDaysBefore: p('交货前几天预警', 'Warn days before delivery', 'days') },
  'O-STATEMENT': { day: p('次月第几日出具上月对账单', 'Statements produced on day (of the next month)', 'day') },
  'O-RECON': { day: p('次月第几日起公布上月业务量', 'Figures published from day (of the next month)', 'day') },
  'E-APPROVAL': { gmAboveFen: p('超过此金额须总经理审批', 'GM approves above', 'fen') },
  'E-ENTERTAIN': {
    capPerGuestFen: p('每位客人标准', 'Limit per guest', 'fen'),
    lateFilingWorkingDays: p('口头批准后补单期限', 'Backfill within (after a verbal approval)', 'workingDays'),
  },
  'E-ADVANCE': { maxFen: p('每次借款上限', 'Maximum per advance', 'fen') },
  'E-TRANSPORT': {
    withDealShare: p('签单时公司承担比例', 'Company share with a deal', 'share'),
    dealCapShare: p('不超过签单金额的比例', 'Cap as a share of the deal', 'share'),
    noDealShare: p('未签单时公司承担比例', 'Company share without a deal', 'share'),
  },
  'E-LODGING': { noLodgingMaxHours: p('单程不超过此时长且可当天返回则不补住宿', 'No lodging when one way is at most', 'hours') },
  'E-PERDIEM': { perDiemFen: p('每个出差日包干', 'Per diem per travel day', 'fen') },
  'E-PROJECT': { filingWorkingDays: p('客户回款后报销期限', 'File within (after the payment)', 'workingDays') },
  'E-TEAM': { maxShare: p('人员与销售费用占预计新增收入上限', 'Staff and sales cost as a share of new revenue, at most', 'share') },
  'P-HANDLE': { handleHours: p('处理时限', 'Handle within', 'hours') },
  'P-RESPOND': { respondHours: p('答复客户时限', 'Respond within', 'hours') },
  'P-SLIP': { slipWorkingDays: p('投诉单提交期限', 'File the slip within', 'workingDays') },
  'P-UNREPORTED': { fineFen: p('隐瞒投诉每件罚款', 'Fine per unreported complaint', 'fen') },
  'L-NOTICE': {
    tiers: p('按请假工作日数的提前天数', 'Notice by length of leave', 'days'),
    emergencyCallBefore: p('紧急请假电话告知上级时间（首日）', 'Emergency call before (first day)', 'time'),
  },
  'L-MONTHLY': { maxDaysPerMonth: p('每月请假超过此天数予以处罚', 'Penalty above days of leave per month', 'days') },
  'L-ABSENT': { seriousDays: p('全年旷工达到此天数为严重违纪', 'Absent days a year for a serious violation', 'days') },
  'A-LATE': {
    arriveBy: p('最迟到岗时间', 'Arrive by', 'time'),
    warningsFree: p('每月只警告不罚款的迟到次数', 'Late arrivals a month with a warning only', 'count'),
    fineFen: p('此后每次迟到罚款', 'Fine per further late arrival', 'fen'),
  },
  'A-CLOCK': { deadlineWorkingDays: p('漏打卡补签期限', 'Sign-card within', 'workingDays') },
  'W-LOG': {
    weeklyDueWeekday: p('周总结截止（星期几，1 = 周一）', 'Weekly summary due (weekday, 1 = Monday)', 'text'),
    weeklyDueTime: p('周总结截止时间', 'Weekly summary due at', 'time'),
    pointsPerLateDay: p('每迟交一天扣分', 'Points per day late', 'points'),
  },
  'W-FAKE': {
    pointsPerCase: p('每条虚假记录扣分', 'Points per falsified entry', 'points'),
    dismissalAbove: p('累计超过此数提示辞退', 'Dismissal flagged above (entries)', 'count'),
  },
  'W-VISITQ': {
    minNewPerDay: p('每工作日平均新客户拜访', 'New-customer visits per working day', 'count'),
    minRevisitsPerDay: p('每工作日平均回访', 'Revisits per working day', 'count'),
    points: p('未达标扣分', 'Points when short', 'points'),
  },
  'W-POLICY': { pointsPerCase: p('每次扣分', 'Points per case', 'points') },
  'K-SCORE': { base: p('满分', 'Full score', 'points') },
  'K-BONUS': {
    minAchievement: p('起奖达成率', 'Achievement for any bonus', 'share'),
    baseRate: p('达到起奖线、未超目标时的奖金比例', 'Bonus rate from the threshold up to target', 'share'),
    targetRate: p('超额时目标内部分奖金比例', 'Rate up to target when above it', 'share'),
    excessRate: p('超出目标部分奖金比例', 'Rate on sales above target', 'share'),
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
