import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  CHANNELS,
  CUSTOMER_STATUSES,
  GRADES,
  LEAD_TEMPERATURES,
  REQUEST_STATUSES,
  SETTLEMENT_TYPES,
} from '../../../shared/domain';
import { users } from '../users/schema';

/** Customer files (DOMAIN §2). Money in fen, volume in thousandths of `volume_unit`. */
export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerNo: text('customer_no').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    address: text('address').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    phone: text('phone').notNull().default(''),
    industry: text('industry').notNull().default(''),
    businessType: text('business_type').notNull().default(''),
    downstreamCustomers: text('downstream_customers').notNull().default(''),
    industryStanding: text('industry_standing').notNull().default(''),
    organizationNotes: text('organization_notes').notNull().default(''),
    currentSupplier: text('current_supplier').notNull().default(''),
    selectionCriteria: text('selection_criteria').notNull().default(''),
    settlementProcess: text('settlement_process').notNull().default(''),
    serviceRequirements: text('service_requirements').notNull().default(''),
    projectPrices: text('project_prices').notNull().default(''),
    region: text('region').notNull().default(''),
    channel: text('channel', { enum: CHANNELS }).notNull().default('direct'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    grade: text('grade', { enum: GRADES }).notNull().default('ordinary'),
    leadTemperature: text('lead_temperature', { enum: LEAD_TEMPERATURES }),
    settlementType: text('settlement_type', { enum: SETTLEMENT_TYPES }).notNull().default('cash'),
    creditLimitFen: integer('credit_limit_fen').notNull().default(0),
    creditDays: integer('credit_days').notNull().default(0),
    monthlyVolume: integer('monthly_volume_milli').notNull().default(0),
    volumeUnit: text('volume_unit').notNull().default('吨'),
    famousCompany: integer('famous_company', { mode: 'boolean' }).notNull().default(false),
    factoryAuditPassed: integer('factory_audit_passed', { mode: 'boolean' }).notNull().default(false),
    monthlyAgreementDate: text('monthly_agreement_date'),
    status: text('status', { enum: CUSTOMER_STATUSES }).notNull().default('prospect'),
    notes: text('notes').notNull().default(''),
    archivedAt: text('archived_at'),
    version: integer('version').notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('customers_no_unique').on(t.customerNo),
    index('customers_owner_idx').on(t.ownerId),
    index('customers_name_idx').on(t.name),
    index('customers_updated_idx').on(t.updatedAt),
  ],
);

/** C-NEW 新增客户申请. */
export const customerApplications = sqliteTable(
  'customer_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    appliedBy: integer('applied_by')
      .notNull()
      .references(() => users.id),
    appliedAt: text('applied_at').notNull(),
    /** The business month (YYYY-MM) the application is filed for. */
    month: text('month').notNull(),
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('applications_customer_idx').on(t.customerId), index('applications_status_idx').on(t.status)],
);

/** C-CHANGE 客户信息变更: old and new values and the approver are kept. */
export const customerChangeRequests = sqliteTable(
  'customer_change_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    /** JSON array of { field, before, after }. */
    changes: text('changes_json').notNull(),
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('changes_customer_idx').on(t.customerId), index('changes_status_idx').on(t.status)],
);
