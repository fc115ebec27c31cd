import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORDER_APPROVAL_STATES, ORDER_STATUSES } from '../../../shared/orders';
import { customers } from '../customers/schema';
import { products } from '../products/schema';
import { policyRequests } from '../requests/schema';
import { users } from '../users/schema';

/** Orders (DOMAIN §5 O-FIELDS, O-STATUS). Money in fen; quantities in thousandths of the unit. */
export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderNo: text('order_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The owner rep when the order was entered (performance is credited to him). */
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    orderDate: text('order_date').notNull(),
    /** 要求进度: the schedule the customer requires. */
    requiredSchedule: text('required_schedule').notNull().default(''),
    deliveryDate: text('delivery_date'),
    deliveryPlace: text('delivery_place').notNull().default(''),
    packaging: text('packaging').notNull().default(''),
    shippingMethod: text('shipping_method').notNull().default(''),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('draft'),
    /** Q-PRICE / S-CREDIT: an order needing approval is held until its request is approved. */
    approvalState: text('approval_state', { enum: ORDER_APPROVAL_STATES }).notNull().default('none'),
    policyRequestId: integer('policy_request_id').references(() => policyRequests.id),
    /** Deposit (订金) agreed on the order; the payment itself is a ledger entry. */
    depositFen: integer('deposit_fen').notNull().default(0),
    totalFen: integer('total_fen').notNull().default(0),
    /** O-FIELDS inspection (测试成绩). */
    inspectedAt: text('inspected_at'),
    inspectionResults: text('inspection_results').notNull().default(''),
    /** O-DELAY: when and by whom the customer was told of a delay risk. */
    customerNotifiedAt: text('customer_notified_at'),
    customerNotifiedBy: integer('customer_notified_by').references(() => users.id),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_no_unique').on(t.orderNo),
    index('orders_customer_idx').on(t.customerId),
    index('orders_rep_idx').on(t.repId),
    // The tracking grid filters by a status set and a delivery-date range: with the customer and the
    // rep in the index, its row count (joined to both) never reads the order rows (npm run bench).
    index('orders_status_delivery_idx').on(t.status, t.deliveryDate, t.customerId, t.repId),
    index('orders_date_idx').on(t.orderDate),
    index('orders_delivery_idx').on(t.deliveryDate),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** Name and spec as printed on the order (the product may be renamed later). */
    productName: text('product_name').notNull(),
    spec: text('spec').notNull().default(''),
    unit: text('unit').notNull(),
    quantityMilli: integer('quantity_milli').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    /** The standard price in force on the order date (Q-PRICE reference) and the cost (gross margin). */
    standardPriceFen: integer('standard_price_fen').notNull(),
    costPriceFen: integer('cost_price_fen').notNull().default(0),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId), index('order_lines_product_idx').on(t.productId)],
);

/** Every O-STATUS transition: who, when, note. */
export const orderTransitions = sqliteTable(
  'order_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    fromStatus: text('from_status', { enum: ORDER_STATUSES }),
    toStatus: text('to_status', { enum: ORDER_STATUSES }).notNull(),
    byUser: integer('by_user')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('order_transitions_order_idx').on(t.orderId)],
);

/** O-SURVEY: the customer's scores (1–5) after delivery. */
export const orderSurveys = sqliteTable('order_surveys', {
  orderId: integer('order_id')
    .primaryKey()
    .references(() => orders.id),
  quality: integer('quality').notNull(),
  responseTime: integer('response_time').notNull(),
  serviceSpeed: integer('service_speed').notNull(),
  attitude: integer('attitude').notNull(),
  comment: text('comment').notNull().default(''),
  /** A score ≤ 2 opened a complaint in the register (O-SURVEY; complaints source 'survey', same order). */
  complaintOpened: integer('complaint_opened', { mode: 'boolean' }).notNull().default(false),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});
