// Domain enums and their Chinese/English labels (../shared/DOMAIN.md §1–§3).
// The database stores the codes; the UI shows the labels.

export interface Label {
  zh: string;
  en: string;
}

export const ROLES = ['admin', 'gm', 'director', 'manager', 'supervisor', 'rep', 'assistant', 'finance'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Label> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  gm: { zh: '总经理', en: 'General manager' },
  director: { zh: '销售总监', en: 'Sales director' },
  manager: { zh: '销售经理', en: 'Sales manager' },
  supervisor: { zh: '销售主管', en: 'Sales supervisor' },
  rep: { zh: '客户经理', en: 'Sales rep' },
  assistant: { zh: '内勤', en: 'Sales assistant' },
  finance: { zh: '财务', en: 'Finance' },
};

/** Roles that may approve customer applications and change requests (C-NEW, C-CHANGE: "a manager"). */
export const CUSTOMER_APPROVER_ROLES = ['manager', 'director', 'gm'] as const satisfies readonly Role[];

/** Roles that see every customer of the department (DOMAIN §1). */
export const ALL_CUSTOMERS_ROLES = ['admin', 'gm', 'director', 'manager', 'assistant', 'finance'] as const satisfies readonly Role[];

/** Roles that may add and edit customer files (finance reads only). */
export const CUSTOMER_EDITOR_ROLES = ['admin', 'gm', 'director', 'manager', 'supervisor', 'rep', 'assistant'] as const satisfies readonly Role[];

export const CHANNELS = ['direct', 'dealer', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Label> = {
  direct: { zh: '直销', en: 'Direct' },
  dealer: { zh: '代理商', en: 'Dealer' },
  other: { zh: '其他', en: 'Other' },
};

export const CUSTOMER_STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_STATUS_LABELS: Record<CustomerStatus, Label> = {
  prospect: { zh: '潜在', en: 'Prospect' },
  active: { zh: '合作中', en: 'Active' },
  dormant: { zh: '休眠', en: 'Dormant' },
  lost: { zh: '流失', en: 'Lost' },
};

export const GRADES = ['strategic', 'core', 'ordinary'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, Label> = {
  strategic: { zh: '战略级', en: 'Strategic' },
  core: { zh: '核心级', en: 'Core' },
  ordinary: { zh: '普通级', en: 'Ordinary' },
};

export const LEAD_TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type LeadTemperature = (typeof LEAD_TEMPERATURES)[number];
export const LEAD_TEMPERATURE_LABELS: Record<LeadTemperature, Label> = {
  hot: { zh: '热', en: 'Hot' },
  warm: { zh: '温', en: 'Warm' },
  cold: { zh: '冷', en: 'Cold' },
};

/** S-DEFAULT: new customers settle in cash (现结, including prepaid 预付); 月结 only through C-CHANGE. */
export const SETTLEMENT_TYPES = ['cash', 'prepaid', 'monthly'] as const;
export type SettlementType = (typeof SETTLEMENT_TYPES)[number];
export const SETTLEMENT_TYPE_LABELS: Record<SettlementType, Label> = {
  cash: { zh: '现结', en: 'Cash' },
  prepaid: { zh: '预付', en: 'Prepaid' },
  monthly: { zh: '月结', en: 'Monthly' },
};

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, Label> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

/** Rule ids of ../shared/DOMAIN.md used by this code. */
export const RULE_IDS = ['C-NEW', 'C-CHANGE', 'S-DEFAULT'] as const;
export type RuleId = (typeof RULE_IDS)[number];
