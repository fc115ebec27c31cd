// Orders to cash (DOMAIN §4–§5): order statuses, ledger entry kinds and their labels.
// The database stores the codes; the UI shows the labels.
import type { Label } from './domain';

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
