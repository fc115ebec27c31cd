// Customer files (客户档案, ../shared/DOMAIN.md §2): field metadata and the zod schemas that the
// form, the grid's inline editing and the core all use.
import { z } from 'zod';
import {
  CHANNELS,
  CHANNEL_LABELS,
  CUSTOMER_STATUSES,
  CUSTOMER_STATUS_LABELS,
  GRADES,
  GRADE_LABELS,
  LEAD_TEMPERATURES,
  LEAD_TEMPERATURE_LABELS,
  REQUEST_STATUSES,
  SETTLEMENT_TYPES,
  SETTLEMENT_TYPE_LABELS,
  type Label,
} from './domain';
import { fen, id, isoDate, matching, milliQuantity, phone, requiredText, text } from './validation';

export const customerNo = matching(
  z.string().trim().min(1).max(32),
  /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  '只能包含字母、数字、- 和 _',
  'may contain only letters, digits, - and _',
);

/** Every editable field of a customer file with its validation. */
export const customerFieldsSchema = z.object({
  customerNo,
  name: requiredText(100),
  shortName: text(40),
  address: text(200),
  contactPerson: text(40),
  phone,
  industry: text(40),
  businessType: text(40),
  downstreamCustomers: text(500),
  industryStanding: text(200),
  organizationNotes: text(1000),
  currentSupplier: text(500),
  selectionCriteria: text(500),
  settlementProcess: text(500),
  serviceRequirements: text(1000),
  projectPrices: text(1000),
  region: text(40),
  channel: z.enum(CHANNELS),
  ownerId: id,
  grade: z.enum(GRADES),
  leadTemperature: z.enum(LEAD_TEMPERATURES).nullable(),
  settlementType: z.enum(SETTLEMENT_TYPES),
  creditLimitFen: fen,
  creditDays: z.int().min(0).max(365),
  monthlyVolume: milliQuantity,
  volumeUnit: requiredText(8),
  famousCompany: z.boolean(),
  factoryAuditPassed: z.boolean(),
  monthlyAgreementDate: isoDate.nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  notes: text(2000),
});
export type CustomerFields = z.output<typeof customerFieldsSchema>;
export type CustomerField = keyof CustomerFields;

/** Defaults of a new customer file. S-DEFAULT: a new customer settles in cash. */
export const CUSTOMER_DEFAULTS = {
  shortName: '',
  address: '',
  contactPerson: '',
  phone: '',
  industry: '',
  businessType: '',
  downstreamCustomers: '',
  industryStanding: '',
  organizationNotes: '',
  currentSupplier: '',
  selectionCriteria: '',
  settlementProcess: '',
  serviceRequirements: '',
  projectPrices: '',
  region: '',
  channel: 'direct',
  grade: 'ordinary',
  leadTemperature: null,
  settlementType: 'cash',
  creditLimitFen: 0,
  creditDays: 0,
  monthlyVolume: 0,
  volumeUnit: '吨',
  famousCompany: false,
  factoryAuditPassed: false,
  monthlyAgreementDate: null,
  status: 'prospect',
  notes: '',
} as const satisfies Omit<CustomerFields, 'customerNo' | 'name' | 'ownerId'>;

/** New customer: number and name required; the owner defaults to the rep who files it. */
export const customerCreateSchema = customerFieldsSchema
  .partial()
  .required({ customerNo: true, name: true })
  .strict();
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;

export const customerPatchSchema = customerFieldsSchema.partial().strict();
export type CustomerPatch = z.output<typeof customerPatchSchema>;

/**
 * C-CHANGE: contact details, settlement type, service requirements and project prices change only
 * after a manager approves. Credit terms follow settlement (S-CREDIT) and the grade is confirmed by
 * a manager (C-GRADE), so they are governed the same way.
 */
export const CHANGE_CONTROLLED_FIELDS = [
  'grade',
  'contactPerson',
  'phone',
  'address',
  'settlementType',
  'serviceRequirements',
  'projectPrices',
  'creditLimitFen',
  'creditDays',
  'monthlyAgreementDate',
] as const satisfies readonly CustomerField[];
export type ChangeControlledField = (typeof CHANGE_CONTROLLED_FIELDS)[number];

export function isChangeControlled(field: string): field is ChangeControlledField {
  return (CHANGE_CONTROLLED_FIELDS as readonly string[]).includes(field);
}

export type FieldKind = 'text' | 'longText' | 'enum' | 'user' | 'money' | 'quantity' | 'int' | 'bool' | 'date';
export type FieldGroup = 'basic' | 'contact' | 'business' | 'settlement' | 'notes';

export interface CustomerFieldMeta {
  key: CustomerField;
  label: Label;
  kind: FieldKind;
  group: FieldGroup;
  /** Enum fields: the codes and their labels. */
  options?: Readonly<Record<string, Label>>;
  /** Shown in the grid when no saved layout exists. */
  defaultVisible: boolean;
  /** Editable in a grid cell (long texts are edited in the detail form). */
  cellEditable: boolean;
}

const f = (
  key: CustomerField,
  zh: string,
  en: string,
  kind: FieldKind,
  group: FieldGroup,
  defaultVisible: boolean,
  options?: Readonly<Record<string, Label>>,
): CustomerFieldMeta => ({
  key,
  label: { zh, en },
  kind,
  group,
  options,
  defaultVisible,
  cellEditable: kind !== 'longText' && key !== 'customerNo',
});

export const CUSTOMER_FIELDS: readonly CustomerFieldMeta[] = [
  f('customerNo', '客户编号', 'Customer no.', 'text', 'basic', true),
  f('name', '客户名称', 'Customer name', 'text', 'basic', true),
  f('shortName', '简称', 'Short name', 'text', 'basic', true),
  f('status', '状态', 'Status', 'enum', 'basic', true, CUSTOMER_STATUS_LABELS),
  f('grade', '等级', 'Grade', 'enum', 'basic', true, GRADE_LABELS),
  f('leadTemperature', '线索热度', 'Lead', 'enum', 'basic', false, LEAD_TEMPERATURE_LABELS),
  f('ownerId', '客户经理', 'Owner rep', 'user', 'basic', true),
  f('region', '区域', 'Region', 'text', 'basic', true),
  f('channel', '渠道', 'Channel', 'enum', 'basic', true, CHANNEL_LABELS),
  f('contactPerson', '联系人', 'Contact', 'text', 'contact', true),
  f('phone', '电话', 'Phone', 'text', 'contact', true),
  f('address', '地址', 'Address', 'text', 'contact', false),
  f('industry', '行业', 'Industry', 'text', 'business', true),
  f('businessType', '业务类型', 'Business type', 'text', 'business', false),
  f('monthlyVolume', '月用量', 'Monthly volume', 'quantity', 'business', true),
  f('volumeUnit', '用量单位', 'Volume unit', 'text', 'business', false),
  f('famousCompany', '知名企业', 'Famous company', 'bool', 'business', false),
  f('factoryAuditPassed', '验厂通过', 'Factory audit passed', 'bool', 'business', false),
  f('downstreamCustomers', '客户的客户', "Customer's customers", 'longText', 'business', false),
  f('industryStanding', '行业地位', 'Industry standing', 'longText', 'business', false),
  f('organizationNotes', '组织情况', 'Organisation', 'longText', 'business', false),
  f('currentSupplier', '现供应商及价格', 'Current supplier & prices', 'longText', 'business', false),
  f('selectionCriteria', '供应商选择标准', 'Supplier criteria', 'longText', 'business', false),
  f('settlementType', '结算方式', 'Settlement', 'enum', 'settlement', true, SETTLEMENT_TYPE_LABELS),
  f('creditLimitFen', '信用额度', 'Credit limit', 'money', 'settlement', true),
  f('creditDays', '账期(天)', 'Credit days', 'int', 'settlement', false),
  f('monthlyAgreementDate', '月结协议日期', 'Monthly agreement date', 'date', 'settlement', false),
  f('settlementProcess', '结算流程', 'Settlement process', 'longText', 'settlement', false),
  f('serviceRequirements', '服务要求', 'Service requirements', 'longText', 'settlement', false),
  f('projectPrices', '项目价格', 'Project prices', 'longText', 'settlement', false),
  f('notes', '备注', 'Notes', 'longText', 'notes', false),
];

export const CUSTOMER_FIELD_LABELS: Readonly<Record<string, Label>> = Object.fromEntries(
  CUSTOMER_FIELDS.map((meta) => [meta.key, meta.label]),
);

export const FIELD_GROUP_LABELS: Record<FieldGroup, Label> = {
  basic: { zh: '基本信息', en: 'Basics' },
  contact: { zh: '联系方式', en: 'Contact' },
  business: { zh: '业务情况', en: 'Business' },
  settlement: { zh: '结算与信用', en: 'Settlement & credit' },
  notes: { zh: '备注', en: 'Notes' },
};

/** A customer file as the API returns it. */
export const customerSchema = customerFieldsSchema.extend({
  id,
  ownerName: z.string(),
  archived: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** C-NEW: the state of its new-customer application, null when none was filed. */
  applicationStatus: z.enum(REQUEST_STATUSES).nullable(),
  pendingChanges: z.int().min(0),
});
export type Customer = z.output<typeof customerSchema>;

/** Columns the grid may sort and filter on (whitelist for SQL). */
export const CUSTOMER_QUERY_COLUMNS = [
  ...CUSTOMER_FIELDS.map((meta) => meta.key),
  'ownerName',
  'updatedAt',
  'createdAt',
] as const;

export const changeRequestSchema = z.object({
  id,
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  requestedBy: id,
  requestedByName: z.string(),
  requestedAt: z.string(),
  changes: z.array(
    z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }),
  ),
  reason: z.string(),
  status: z.enum(REQUEST_STATUSES),
  decidedBy: id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string(),
});
export type ChangeRequest = z.output<typeof changeRequestSchema>;

export const applicationSchema = z.object({
  id,
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  appliedBy: id,
  appliedByName: z.string(),
  appliedAt: z.string(),
  /** The business month (YYYY-MM) the application is for; C-NEW's day-of-month deadline applies to it. */
  month: z.string(),
  reason: z.string(),
  status: z.enum(REQUEST_STATUSES),
  decidedBy: id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string(),
});
export type CustomerApplication = z.output<typeof applicationSchema>;
