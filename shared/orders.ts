// Orders to cash (DOMAIN §4–§5): order statuses, ledger entry kinds and their labels.
// The database stores the codes; the UI shows the labels.
import { z } from 'zod';
import { ROLES, type Label, type Role } from './domain';
import { decisionSchema, findingSchema } from './policy';
import { POLICY_REQUEST_STATUSES } from './requests';
import { bilingual, fen, id, isoDate, matching, requiredText, text } from './validation';

/** O-STATUS, in order; `cancelled` is reachable from any state before `shipped`. */
export const ORDER_STATUSES = ['draft', 'confirmed', 'production_requested', 'in_production', 'inspected', 'shipped', 'delivered', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  production_requested: { zh: '已下生产单', en: 'Production requested' },
  in_production: { zh: '生产中', en: 'In production' },
  inspected: { zh: '已检验', en: 'Inspected' },
  shipped: { zh: '已发货', en: 'Shipped' },
  delivered: { zh: '已交货', en: 'Delivered' },
  closed: { zh: '已结案', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Whether an order is waiting for an approval (Q-PRICE, S-CREDIT) before it may be confirmed. */
export const ORDER_APPROVAL_STATES = ['none', 'pending', 'approved', 'rejected'] as const;
export type OrderApprovalState = (typeof ORDER_APPROVAL_STATES)[number];

/**
 * O-LEDGER entry kinds. Amounts are signed fen on the receivable: a sale adds (+), a deposit,
 * receipt or bad-debt write-off reduces (−); a reversal carries the opposite of the entry it reverses.
 */
export const LEDGER_KINDS = ['sale', 'deposit', 'receipt', 'bad_debt', 'reversal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_KIND_LABELS: Record<LedgerKind, Label> = {
  sale: { zh: '销售', en: 'Sale' },
  deposit: { zh: '订金/预付款', en: 'Deposit / prepayment' },
  receipt: { zh: '回款', en: 'Receipt' },
  bad_debt: { zh: '坏账核销', en: 'Bad-debt write-off' },
  reversal: { zh: '冲销', en: 'Reversal' },
};

/** Four copies of the order form (O-FORM), in print order. */
export const ORDER_FORM_COPIES: readonly Label[] = [
  { zh: '存根', en: 'Counterfoil' },
  { zh: '工务科', en: 'Production' },
  { zh: '常务董事', en: 'Managing director' },
  { zh: '财务部', en: 'Finance' },
];

// —— orders as the API carries them (O-FIELDS, O-STATUS, O-DELAY, O-SURVEY) ——

/** Roles that enter and move orders (finance reads them; shipping and the ledger are its own). */
export const ORDER_EDITOR_ROLES = ['admin', 'gm', 'director', 'manager', 'supervisor', 'rep', 'assistant'] as const satisfies readonly Role[];

/** Statuses that count as "undelivered" (an open order) and "delivered" per customer. */
export const UNDELIVERED_STATUSES = ['confirmed', 'production_requested', 'in_production', 'inspected', 'shipped'] as const satisfies readonly OrderStatus[];
export const DELIVERED_STATUSES = ['delivered', 'closed'] as const satisfies readonly OrderStatus[];
/** O-DELAY looks at confirmed orders not yet inspected. */
export const NOT_INSPECTED_STATUSES = ['confirmed', 'production_requested', 'in_production'] as const satisfies readonly OrderStatus[];
/** O-STATUS: `cancelled` from any state before `shipped`. */
export const CANCELLABLE_STATUSES = ['draft', 'confirmed', 'production_requested', 'in_production', 'inspected'] as const satisfies readonly OrderStatus[];
/** The next status of each along the O-STATUS line. */
export const NEXT_ORDER_STATUS: Partial<Record<OrderStatus, OrderStatus>> = {
  draft: 'confirmed',
  confirmed: 'production_requested',
  production_requested: 'in_production',
  in_production: 'inspected',
  inspected: 'shipped',
  shipped: 'delivered',
  delivered: 'closed',
};

export const ORDER_APPROVAL_STATE_LABELS: Record<OrderApprovalState, Label> = {
  none: { zh: '无需审批', en: 'None' },
  pending: { zh: '待审批', en: 'Pending approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

/**
 * Field labels of the order channels, for validation errors that name the field. Labels are found by
 * the field's last name across all channels, so `lines` and `quantityMilli` (shipments have them
 * too) carry words that fit both.
 */
export const ORDER_FIELD_LABELS: Readonly<Record<string, Label>> = {
  orderNo: { zh: '订单号', en: 'Order no.' },
  orderDate: { zh: '订货日期', en: 'Order date' },
  repId: { zh: '客户经理', en: 'Sales rep' },
  requiredSchedule: { zh: '要求进度', en: 'Required schedule' },
  deliveryDate: { zh: '交货日期', en: 'Delivery date' },
  deliveryPlace: { zh: '交货地点', en: 'Delivery place' },
  packaging: { zh: '包装', en: 'Packaging' },
  shippingMethod: { zh: '运输方式', en: 'Shipping method' },
  depositFen: { zh: '订金', en: 'Deposit' },
  lines: { zh: '明细', en: 'Lines' },
  productId: { zh: '产品', en: 'Product' },
  productName: { zh: '品名', en: 'Product name' },
  spec: { zh: '规格', en: 'Specification' },
  unit: { zh: '单位', en: 'Unit' },
  quantityMilli: { zh: '数量', en: 'Quantity' },
  unitPriceFen: { zh: '单价', en: 'Unit price' },
  amountFen: { zh: '金额', en: 'Amount' },
  toStatus: { zh: '目标状态', en: 'New status' },
  inspectionResults: { zh: '测试成绩', en: 'Inspection results' },
  quality: { zh: '产品质量', en: 'Quality' },
  responseTime: { zh: '响应时间', en: 'Response time' },
  serviceSpeed: { zh: '服务速度', en: 'Service speed' },
  attitude: { zh: '服务态度', en: 'Attitude' },
};

export const orderNoSchema = matching(
  z.string().trim().min(1).max(32),
  /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  '只能包含字母、数字、- 和 _',
  'may contain only letters, digits, - and _',
);

/** Quantity in thousandths of the unit: more than zero (O-FIELDS; "Bad input: quantities ≤ 0"). */
export const orderQuantity = z
  .int()
  .max(1_000_000_000_000)
  .refine((q) => q > 0, bilingual('须大于 0', 'must be above 0'));

/** One line as entered: the product, the quantity, and the unit price (default: the standard price on the order date). */
export const orderLineInputSchema = z
  .object({
    productId: id,
    quantityMilli: orderQuantity,
    unitPriceFen: fen.optional(),
    /** Printed name, spec and unit; default: the product's. */
    productName: text(100).optional(),
    spec: text(100).optional(),
    unit: text(8).optional(),
  })
  .strict();
export type OrderLineInput = z.output<typeof orderLineInputSchema>;

const orderLines = z.array(orderLineInputSchema).max(200);

/** The order's own fields (a draft may leave any of them empty; confirming needs them all, O-FIELDS). */
const orderFieldsShape = {
  orderDate: isoDate,
  requiredSchedule: text(200),
  deliveryDate: isoDate.nullable(),
  deliveryPlace: text(200),
  packaging: text(100),
  shippingMethod: text(100),
  depositFen: fen,
  notes: text(2000),
};

export const orderCreateSchema = z
  .object({
    customerId: id,
    /** Pre-printed form number; generated (SO + date + sequence) when left out. */
    orderNo: orderNoSchema.optional(),
    orderDate: isoDate.optional(),
    requiredSchedule: orderFieldsShape.requiredSchedule.default(''),
    deliveryDate: orderFieldsShape.deliveryDate.default(null),
    deliveryPlace: orderFieldsShape.deliveryPlace.default(''),
    packaging: orderFieldsShape.packaging.default(''),
    shippingMethod: orderFieldsShape.shippingMethod.default(''),
    depositFen: fen.default(0),
    notes: orderFieldsShape.notes.default(''),
    lines: orderLines.default([]),
  })
  .strict();
export type OrderCreateInput = z.output<typeof orderCreateSchema>;

/** Changes to a draft: any field; `lines` replaces every line. */
export const orderPatchSchema = z
  .object({ customerId: id, orderNo: orderNoSchema, ...orderFieldsShape, lines: orderLines })
  .partial()
  .strict();
export type OrderPatch = z.output<typeof orderPatchSchema>;

/** Every order row of the tracking grid (and the head of an order's detail). */
export const orderSchema = z.object({
  id,
  orderNo: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  repId: id,
  repName: z.string(),
  orderDate: z.string(),
  requiredSchedule: z.string(),
  deliveryDate: z.string().nullable(),
  deliveryPlace: z.string(),
  packaging: z.string(),
  shippingMethod: z.string(),
  status: z.enum(ORDER_STATUSES),
  approvalState: z.enum(ORDER_APPROVAL_STATES),
  policyRequestId: id.nullable(),
  depositFen: z.int(),
  totalFen: z.int(),
  lineCount: z.int(),
  inspectedAt: z.string().nullable(),
  inspectionResults: z.string(),
  customerNotifiedAt: z.string().nullable(),
  customerNotifiedBy: id.nullable(),
  customerNotifiedByName: z.string().nullable(),
  notes: z.string(),
  /** O-DELAY: confirmed, not yet inspected, and within the parameter's days of the delivery date (or past it). */
  delayRisk: z.boolean(),
  /** The delivery date has passed and the order is not delivered. */
  overdue: z.boolean(),
  /** delivered (delivered, closed) / undelivered (confirmed … shipped) / none (draft, cancelled). */
  deliveryState: z.enum(['delivered', 'undelivered', 'none']),
  version: z.int(),
  createdBy: id,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.output<typeof orderSchema>;

export const orderLineSchema = z.object({
  id,
  lineNo: z.int(),
  productId: id,
  productCode: z.string(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  quantityMilli: z.int(),
  unitPriceFen: z.int(),
  standardPriceFen: z.int(),
  costPriceFen: z.int(),
  amountFen: z.int(),
  /** Discount below the standard price in percent (Q-PRICE, rounded up to a basis point); 0 when none. */
  discountPct: z.number(),
});
export type OrderLine = z.output<typeof orderLineSchema>;

export const orderTransitionSchema = z.object({
  id,
  fromStatus: z.enum(ORDER_STATUSES).nullable(),
  toStatus: z.enum(ORDER_STATUSES),
  byUser: id,
  byName: z.string(),
  at: z.string(),
  note: z.string(),
});
export type OrderTransition = z.output<typeof orderTransitionSchema>;

export const orderSurveySchema = z.object({
  orderId: id,
  quality: z.int(),
  responseTime: z.int(),
  serviceSpeed: z.int(),
  attitude: z.int(),
  comment: z.string(),
  complaintOpened: z.boolean(),
  recordedBy: id,
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type OrderSurvey = z.output<typeof orderSurveySchema>;

/** The approval request holding an order (Q-PRICE / S-CREDIT), in short. */
export const orderApprovalSchema = z.object({
  id,
  kind: z.string(),
  status: z.enum(POLICY_REQUEST_STATUSES),
  submittedOn: z.string(),
  applicantName: z.string(),
  /** Who decides now (role and, for a "direct superior" step, the name); null once decided. */
  pendingRole: z.enum(ROLES).nullable(),
  pendingApproverName: z.string().nullable(),
  findings: z.array(findingSchema),
});

export const orderDetailSchema = z.object({
  order: orderSchema,
  lines: z.array(orderLineSchema),
  transitions: z.array(orderTransitionSchema),
  approval: orderApprovalSchema.nullable(),
  /** The O-DELAY finding for today (a warning until the customer's notification is recorded), null without risk. */
  delayFinding: findingSchema.nullable(),
  survey: orderSurveySchema.nullable(),
});
export type OrderDetail = z.output<typeof orderDetailSchema>;

const versioned = { id, version: z.int().min(0) };

export const orderUpdateSchema = z.object({ ...versioned, patch: orderPatchSchema }).strict();
export const orderConfirmSchema = z.object({ ...versioned, note: text(500).default('') }).strict();
/** A confirmed order's lines change only through an amendment with a reason (audited, judged again). */
export const orderAmendSchema = z.object({ ...versioned, lines: orderLines.min(1), reason: requiredText(500) }).strict();
export const orderTransitionInputSchema = z
  .object({
    ...versioned,
    toStatus: z.enum(ORDER_STATUSES),
    note: text(500).default(''),
    /** 测试成绩: required to mark an order inspected. */
    inspectionResults: text(2000).optional(),
  })
  .strict();
export const orderNotifySchema = z.object({ ...versioned, note: text(500).default('') }).strict();
const score = z.int().min(1).max(5);
export const orderSurveyInputSchema = z
  .object({ id, quality: score, responseTime: score, serviceSpeed: score, attitude: score, comment: text(1000).default('') })
  .strict();

/** Lines being typed, judged live (Q-PRICE, S-CREDIT) without saving anything. */
export const orderPreviewInputSchema = z
  .object({ customerId: id, orderDate: isoDate.optional(), orderNo: orderNoSchema.optional(), lines: orderLines.default([]) })
  .strict();
export const orderPreviewSchema = z.object({
  /** Each line as it would be stored: the reference price on the order date, the price, the exact amount. */
  lines: z.array(z.object({ standardPriceFen: z.int(), unitPriceFen: z.int(), amountFen: z.int(), discountPct: z.number() })),
  totalFen: z.int(),
  /** The engine's judgement if the order were confirmed now by the caller. */
  decision: decisionSchema,
});
export type OrderPreview = z.output<typeof orderPreviewSchema>;

/** Delivered / undelivered orders of one customer (O-STATUS "listed per customer"). */
export const customerOrdersSummarySchema = z.object({
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  ownerName: z.string(),
  deliveredCount: z.int(),
  deliveredFen: z.int(),
  undeliveredCount: z.int(),
  undeliveredFen: z.int(),
  overdueCount: z.int(),
  delayRiskCount: z.int(),
});
export type CustomerOrdersSummary = z.output<typeof customerOrdersSummarySchema>;
