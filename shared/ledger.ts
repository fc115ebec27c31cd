// Shipping, the sales ledger and statements (../shared/DOMAIN.md §3 S-BADDEBT, §5 O-SHIP, O-LEDGER,
// O-STATEMENT, O-RECON): the channels' zod schemas and the labels forms and errors show.
// Money is integer fen, quantities integer thousandths of the unit, dates YYYY-MM-DD.
import { z } from 'zod';
import type { Label, Role } from './domain';
import { LEDGER_KINDS, LEDGER_KIND_LABELS, type LedgerKind } from './orders';
import { bilingual, id, isoDate, requiredText, text } from './validation';

export { LEDGER_KINDS, LEDGER_KIND_LABELS, type LedgerKind };

/** Who enters shipments and records deliveries (内勤, and the department's heads). */
export const SHIPPING_ROLES = ['assistant', 'manager', 'director', 'gm'] as const satisfies readonly Role[];
/**
 * Who posts to the sales ledger (deposits, receipts, reversals, write-offs) and runs the month end
 * (O-RECON): finance (DOMAIN §1), and the gm, who may do everything. Not the administrator: his
 * remit is users, settings and backups, not money.
 */
export const LEDGER_ROLES = ['finance', 'gm'] as const satisfies readonly Role[];
/** Who may have monthly figures of his own to dispute (O-RECON): the salespeople. */
export const RECON_DISPUTE_ROLES = ['rep', 'supervisor', 'manager', 'director', 'gm'] as const satisfies readonly Role[];

/** Largest amount or quantity accepted (far inside safe integers; sums of many stay exact). */
const MAX = 1_000_000_000_000;

/** A positive integer (fen or thousandths): "must be greater than 0" rather than zod's "at least 1". */
const positive = () => z.int().max(MAX).refine((v) => v > 0, bilingual('必须大于 0', 'must be greater than 0'));

/** A calendar month YYYY-MM. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('格式应为 YYYY-MM（如 2026-10）', 'must be YYYY-MM (e.g. 2026-10)'));

// —— shipping register (O-SHIP) ——

export const shipmentLineInputSchema = z
  .object({
    orderLineId: id,
    /** Thousandths of the line's unit (12.5 吨 = 12500). */
    quantityMilli: positive(),
  })
  .strict();

export const shipmentCreateSchema = z
  .object({
    orderId: id,
    /** 出货传票号: unique across the register (case-insensitive). */
    shipmentNo: requiredText(40),
    shipDate: isoDate,
    carrier: text(100).default(''),
    lines: z.array(shipmentLineInputSchema).min(1).max(200),
    note: text(500).default(''),
  })
  .strict();
export type ShipmentCreateInput = z.output<typeof shipmentCreateSchema>;

export const shipmentDeliverSchema = z.object({ id, deliveredAt: isoDate }).strict();

export const shipmentLineSchema = z.object({
  id,
  orderLineId: id,
  lineNo: z.int(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  quantityMilli: z.int(),
  amountFen: z.int(),
});

export const shipmentSchema = z.object({
  id,
  shipmentNo: z.string(),
  orderId: id,
  orderNo: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  shipDate: z.string(),
  carrier: z.string(),
  deliveredAt: z.string().nullable(),
  note: z.string(),
  amountFen: z.int(),
  /** The sale this delivery posted (null until delivered). */
  saleEntryId: id.nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  lines: z.array(shipmentLineSchema),
});
export type Shipment = z.output<typeof shipmentSchema>;

/** What is left to ship of each line of an order (the shipment form's starting point). */
export const orderShippingSchema = z.object({
  orderId: id,
  orderNo: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  status: z.string(),
  lines: z.array(
    z.object({
      orderLineId: id,
      lineNo: z.int(),
      productName: z.string(),
      spec: z.string(),
      unit: z.string(),
      unitPriceFen: z.int(),
      orderedMilli: z.int(),
      shippedMilli: z.int(),
      remainingMilli: z.int(),
    }),
  ),
  shipments: z.array(shipmentSchema),
});
export type OrderShipping = z.output<typeof orderShippingSchema>;

// —— the sales ledger (O-LEDGER) ——

export const allocationInputSchema = z.object({ orderId: id, amountFen: positive() }).strict();

/** A deposit (订金/预付款) or a receipt (回款) from a customer. */
export const paymentInputSchema = z
  .object({
    customerId: id,
    date: isoDate,
    amountFen: positive(),
    /** Bank slip, cheque or voucher number. */
    reference: text(60).default(''),
    note: text(500).default(''),
    /** Which orders the money pays, each at most the order's unpaid amount; together at most the receipt. */
    allocations: z.array(allocationInputSchema).max(100).default([]),
    /** A receipt above the open balance is taken only when marked as a prepayment (预收). */
    prepayment: z.boolean().default(false),
  })
  .strict();
export type PaymentInput = z.output<typeof paymentInputSchema>;

export const reverseInputSchema = z
  .object({
    entryId: id,
    reason: requiredText(500),
    /** The reversal's entry date: today unless given (not before the entry it reverses, not in a locked month). */
    date: isoDate.optional(),
  })
  .strict();

export const badDebtRequestInputSchema = z
  .object({ customerId: id, amountFen: positive(), note: text(500).default('') })
  .strict();

export const ledgerEntrySchema = z.object({
  id,
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  entryDate: z.string(),
  kind: z.enum(LEDGER_KINDS),
  /** Signed on the receivable: + sale, − deposit / receipt / write-off; a reversal the opposite of its entry. */
  amountFen: z.int(),
  orderId: id.nullable(),
  orderNo: z.string().nullable(),
  shipmentId: id.nullable(),
  shipmentNo: z.string().nullable(),
  reversesId: id.nullable(),
  /** The reversal that cancels this entry, if any. */
  reversedById: id.nullable(),
  repId: id.nullable(),
  reference: z.string(),
  note: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

export const allocationSchema = z.object({ orderId: id, orderNo: z.string(), amountFen: z.int() });

export const postingSchema = z.object({
  entry: ledgerEntrySchema,
  allocations: z.array(allocationSchema),
  /** The customer's balance after the posting (the sum of all its entries). */
  balanceFen: z.int(),
});
export type Posting = z.output<typeof postingSchema>;

export const ledgerEntriesInputSchema = z
  .object({
    customerId: id,
    from: isoDate.optional(),
    to: isoDate.optional(),
    startRow: z.int().min(0).max(10_000_000).default(0),
    endRow: z.int().min(1).max(10_000_000).default(100),
  })
  .strict()
  .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, bilingual('每页 1 到 1000 行', 'a page holds 1 to 1000 rows'));

export const ledgerEntriesSchema = z.object({
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  /** The balance over every entry (whatever the page and date range). */
  balanceFen: z.int(),
  rows: z.array(ledgerEntrySchema.extend({ runningBalanceFen: z.int() })),
  total: z.int().min(0),
});

export const balanceRowSchema = z.object({
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  ownerId: id,
  ownerName: z.string(),
  /** The sum of the customer's entries: positive = the customer owes, negative = paid in advance. */
  balanceFen: z.int(),
  lastEntryDate: z.string().nullable(),
  /** Collection cycle: days from delivery to payment over allocated receipts, weighted by amount; null when none. */
  collectionDays: z.number().nullable(),
});
export type BalanceRow = z.output<typeof balanceRowSchema>;

// —— statements (O-STATEMENT) ——

export const statementLineSchema = z.object({
  entryId: id,
  date: z.string(),
  kind: z.enum(LEDGER_KINDS),
  kindLabel: z.string(),
  /** Which column of the statement the entry counts in (see electron/core/ledger/statements.ts). */
  column: z.enum(['sales', 'receipts']),
  reference: z.string(),
  note: z.string(),
  orderNo: z.string().nullable(),
  amountFen: z.int(),
  balanceFen: z.int(),
});

export const statementSchema = z.object({
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  address: z.string(),
  contactPerson: z.string(),
  previousBalanceFen: z.int(),
  salesFen: z.int(),
  receiptsFen: z.int(),
  balanceFen: z.int(),
  lines: z.array(statementLineSchema),
});
export type Statement = z.output<typeof statementSchema>;

export const statementMonthSchema = z.object({
  month: z.string(),
  /** O-STATEMENT: the day the month's statements are produced (day N of the next month). */
  issueDate: z.string(),
  /** Before the issue date the statements are a preview (entries may still be added to the month). */
  provisional: z.boolean(),
  /** O-RECON locked the month: no entry may be dated in it any more. */
  locked: z.boolean(),
  statements: z.array(statementSchema),
});

// —— monthly reconciliation (O-RECON) ——

export const reconFiguresSchema = z.object({
  /** The rep's sales of the month (sales and their reversals). */
  salesFen: z.int(),
  /** Collections: receipts and deposits, net of their reversals. */
  collectionsFen: z.int(),
  writeOffsFen: z.int(),
  /** Delivered quantities by unit. */
  quantities: z.array(z.object({ unit: z.string(), quantityMilli: z.int() })),
});
export type ReconFigures = z.output<typeof reconFiguresSchema>;

export const reconRowSchema = z.object({
  id,
  month: z.string(),
  repId: id,
  repName: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  disputedAt: z.string().nullable(),
  disputeNote: z.string(),
  lockedAt: z.string().nullable(),
  figures: reconFiguresSchema,
});
export type ReconRow = z.output<typeof reconRowSchema>;

export const reconMonthSchema = z.object({
  month: z.string(),
  /** O-RECON: the first day finance may publish (day N of the next month). */
  publishFrom: z.string(),
  locked: z.boolean(),
  rows: z.array(reconRowSchema),
});

/** Labels of the input fields, for validation errors that name the field. */
export const LEDGER_FIELD_LABELS: Readonly<Record<string, Label>> = {
  orderId: { zh: '订单', en: 'Order' },
  shipmentNo: { zh: '出货传票号', en: 'Shipment no.' },
  shipDate: { zh: '发货日期', en: 'Ship date' },
  carrier: { zh: '承运人', en: 'Carrier' },
  lines: { zh: '发货明细', en: 'Lines' },
  orderLineId: { zh: '订单明细', en: 'Order line' },
  quantityMilli: { zh: '发货数量', en: 'Quantity' },
  deliveredAt: { zh: '交货日期', en: 'Delivery date' },
  amountFen: { zh: '金额', en: 'Amount' },
  reference: { zh: '凭证号', en: 'Reference' },
  allocations: { zh: '分配到订单', en: 'Allocations' },
  prepayment: { zh: '预收款', en: 'Prepayment' },
  entryId: { zh: '分录', en: 'Entry' },
  entryDate: { zh: '入账日期', en: 'Entry date' },
  month: { zh: '月份', en: 'Month' },
  startRow: { zh: '起始行', en: 'Start row' },
  endRow: { zh: '结束行', en: 'End row' },
};

/** The statement's two movement columns (本月销售额, 本月回款). */
export const STATEMENT_COLUMN_LABELS: Record<'sales' | 'receipts', Label> = {
  sales: { zh: '本月销售额', en: 'Sales this month' },
  receipts: { zh: '本月回款', en: 'Receipts this month' },
};
