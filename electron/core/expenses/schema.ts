import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CLAIM_STATUSES, EXPENSE_STATUSES, EXPENSE_TYPES } from '../../../shared/expenses';
import { customers } from '../customers/schema';
import { orders } from '../orders/schema';
import { policyRequests } from '../requests/schema';
import { users } from '../users/schema';

/**
 * DOMAIN §6 expense requests (费用申请). The type's fields and the engine's decision live on the
 * policy request that approves it; this row is the expense: its links (customer, order, trip), the
 * amounts the engine computed at submission, and where it stands in reimbursement.
 */
export const expenses = sqliteTable(
  'expenses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    expenseNo: text('expense_no').notNull(),
    type: text('type', { enum: EXPENSE_TYPES }).notNull(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    orderId: integer('order_id').references(() => orders.id),
    /** The travel registration (an expense of type 'travel') a trip expense belongs to. */
    tripId: integer('trip_id').references((): AnySQLiteColumn => expenses.id),
    /** YYYY-MM-DD: the day the expense belongs to (month filters, the expense-to-sales ratio). */
    expenseDate: text('expense_date').notNull(),
    appliedOn: text('applied_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    approvedFen: integer('approved_fen').notNull(),
    reimbursedFen: integer('reimbursed_fen'),
    note: text('note').notNull().default(''),
    status: text('status', { enum: EXPENSE_STATUSES }).notNull(),
    requestId: integer('request_id')
      .notNull()
      .references(() => policyRequests.id),
    /** The reimbursement it is on (claimed / reimbursed), or, for an advance, the one that offset it. */
    claimId: integer('claim_id').references((): AnySQLiteColumn => expenseClaims.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('expenses_no_unique').on(t.expenseNo),
    uniqueIndex('expenses_request_unique').on(t.requestId),
    index('expenses_applicant_date_idx').on(t.applicantId, t.expenseDate),
    index('expenses_date_idx').on(t.expenseDate),
    index('expenses_status_idx').on(t.status),
    index('expenses_customer_idx').on(t.customerId),
    index('expenses_trip_idx').on(t.tripId),
    index('expenses_claim_idx').on(t.claimId),
  ],
);

/** A reimbursement (费用报销单): approved expenses of one applicant with their invoices. */
export const expenseClaims = sqliteTable(
  'expense_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimNo: text('claim_no').notNull(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: CLAIM_STATUSES }).notNull(),
    claimedFen: integer('claimed_fen').notNull(),
    reimbursableFen: integer('reimbursable_fen').notNull(),
    advanceFen: integer('advance_fen').notNull(),
    payableFen: integer('payable_fen').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    paidAt: text('paid_at'),
    paidBy: integer('paid_by').references(() => users.id),
    returnedReason: text('returned_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('expense_claims_no_unique').on(t.claimNo), index('expense_claims_applicant_idx').on(t.applicantId), index('expense_claims_status_idx').on(t.status)],
);

/** One expense on a reimbursement, with what the rules allow of it. */
export const expenseClaimItems = sqliteTable(
  'expense_claim_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => expenseClaims.id),
    expenseId: integer('expense_id')
      .notNull()
      .references(() => expenses.id),
    claimedFen: integer('claimed_fen').notNull(),
    reimbursableFen: integer('reimbursable_fen').notNull(),
    basis: text('basis').notNull(),
    basisEn: text('basis_en').notNull(),
  },
  (t) => [index('expense_claim_items_claim_idx').on(t.claimId), index('expense_claim_items_expense_idx').on(t.expenseId)],
);

/** Invoices (发票) on a reimbursement item. A number is claimed once (returned claims free theirs). */
export const expenseInvoices = sqliteTable(
  'expense_invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => expenseClaimItems.id),
    invoiceNo: text('invoice_no').notNull(),
    invoiceDate: text('invoice_date').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('expense_invoices_item_idx').on(t.itemId), index('expense_invoices_no_idx').on(t.invoiceNo)],
);
