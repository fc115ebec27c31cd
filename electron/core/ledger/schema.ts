import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEDGER_KINDS } from '../../../shared/orders';
import { customers } from '../customers/schema';
import { orderLines, orders } from '../orders/schema';
import { users } from '../users/schema';

/** O-SHIP 发送登记簿: one shipment (出货传票) of an order; partial shipments allowed. */
export const shipments = sqliteTable(
  'shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentNo: text('shipment_no').notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    shipDate: text('ship_date').notNull(),
    carrier: text('carrier').notNull().default(''),
    /** When the customer took delivery; the sale posts to the ledger then. */
    deliveredAt: text('delivered_at'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('shipments_no_unique').on(t.shipmentNo), index('shipments_order_idx').on(t.orderId), index('shipments_date_idx').on(t.shipDate)],
);

export const shipmentLines = sqliteTable(
  'shipment_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    quantityMilli: integer('quantity_milli').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('shipment_lines_shipment_idx').on(t.shipmentId), index('shipment_lines_order_line_idx').on(t.orderLineId)],
);

/**
 * O-LEDGER 销售账, append-only (triggers refuse UPDATE and DELETE): corrections are reversals.
 * `amount_fen` is signed on the receivable (+ sale; − deposit, receipt, write-off).
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Business date (YYYY-MM-DD): the statement month is taken from it. */
    entryDate: text('entry_date').notNull(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    orderId: integer('order_id').references(() => orders.id),
    shipmentId: integer('shipment_id').references(() => shipments.id),
    /** For a reversal: the entry it cancels. */
    reversesId: integer('reverses_id'),
    /** Owner reps responsible for this receivable (C-HANDOVER keeps both after a change). */
    repId: integer('rep_id').references(() => users.id),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // Covering for balances and statements' previous balances (sum of amounts before a date, per
    // customer): read from the index alone, never the entry rows (npm run bench).
    index('ledger_customer_date_amount_idx').on(t.customerId, t.entryDate, t.amountFen),
    // The monthly report's receivable balance per rep at a month's start, from the index alone.
    index('ledger_rep_date_amount_idx').on(t.repId, t.entryDate, t.amountFen),
    // The monthly report's sales of a range of months (sale postings, then reversals) from the index alone.
    index('ledger_kind_date_rep_amount_idx').on(t.kind, t.entryDate, t.repId, t.amountFen),
    index('ledger_order_idx').on(t.orderId),
    index('ledger_date_idx').on(t.entryDate),
    uniqueIndex('ledger_reverses_unique').on(t.reversesId),
  ],
);

/** A receipt allocated to orders (collection cycle: delivery → payment). */
export const receiptAllocations = sqliteTable(
  'receipt_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptEntryId: integer('receipt_entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('receipt_allocations_receipt_idx').on(t.receiptEntryId), index('receipt_allocations_order_idx').on(t.orderId)],
);

/** O-RECON 业务量核对: a month's figures published, disputed, then locked. */
export const reconciliations = sqliteTable(
  'reconciliations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    month: text('month').notNull(),
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    publishedAt: text('published_at').notNull(),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    disputedAt: text('disputed_at'),
    disputeNote: text('dispute_note').notNull().default(''),
    lockedAt: text('locked_at'),
    /** The published figures (volume, sales, receipts), frozen when locked. */
    figures: text('figures_json').notNull(),
  },
  (t) => [uniqueIndex('reconciliations_month_rep_unique').on(t.month, t.repId)],
);
