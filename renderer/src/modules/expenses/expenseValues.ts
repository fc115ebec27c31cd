// Small pure helpers of the expense pages: which of a kind's fields the form leaves to the core,
// the core's field errors keyed the way the forms name their inputs, a trip in one line, invoices
// typed in yuan.
import type { Lang } from '../../i18n';
import { EXPENSE_TYPE_LABELS, type Expense, type ExpenseStatus, type ExpenseType } from '../../../../shared/expenses';
import { parseYuanToFen } from '../../../../shared/money';
import { ApiError } from '../../api/client';

/**
 * Fields of an expense kind the form does not show: the core fills `appliedOn` (the day filed) and
 * `travelApproved` (from the trip) itself; the entertainment's `invoiceDate` belongs to the
 * reimbursement, where the invoices are entered and judged (E-ENTERTAIN).
 */
export const FORM_HIDDEN_FIELDS: readonly string[] = ['appliedOn', 'travelApproved', 'invoiceDate'];

/** Badge colour per expense status. */
export const STATUS_TONE: Record<ExpenseStatus, 'pending' | 'approved' | 'rejected' | 'muted' | 'paid' | 'claimed'> = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'muted',
  claimed: 'claimed',
  reimbursed: 'paid',
  disbursed: 'claimed',
  settled: 'paid',
};

/**
 * The core's messages by field, keyed by the path without the `fields.` wrapper ("amount",
 * "tripId", "items.0.invoices.1.invoiceDate"). Empty when it named no field.
 */
export function issuesByField(error: unknown, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.payload.issues) {
    if (!issue.field) continue;
    const key = issue.field.replace(/^fields\./, '');
    out[key] ??= lang === 'zh' ? issue.message : issue.messageEn;
  }
  return out;
}

/** "FY20261123-001 苏州 2026-11-16 ~ 2026-11-18". */
export function tripText(trip: Expense): string {
  const f = trip.fields;
  const where = typeof f.destination === 'string' ? f.destination : trip.purpose;
  const when = typeof f.startDate === 'string' && typeof f.endDate === 'string' ? `${f.startDate} ~ ${f.endDate}` : trip.expenseDate;
  return `${trip.expenseNo} ${where} ${when}`;
}

export function typeLabel(type: ExpenseType, lang: Lang): string {
  return EXPENSE_TYPE_LABELS[type][lang];
}

/** An invoice row as typed. */
export interface InvoiceDraft {
  key: number;
  invoiceNo: string;
  invoiceDate: string;
  amount: string;
}

let nextInvoiceKey = 1;
export function blankInvoice(date = ''): InvoiceDraft {
  return { key: nextInvoiceKey++, invoiceNo: '', invoiceDate: date, amount: '' };
}

export const isBlankInvoice = (row: InvoiceDraft) => !row.invoiceNo.trim() && !row.amount.trim();

/** Yuan typed in an invoice row → fen; null when it is not an amount above zero. */
export function invoiceFen(row: InvoiceDraft): number | null {
  const fen = parseYuanToFen(row.amount);
  return fen === null || fen <= 0 ? null : fen;
}

/** The typed invoices' total in fen (rows without a valid amount count as 0). */
export function invoicesTotal(rows: readonly InvoiceDraft[]): number {
  return rows.reduce((sum, row) => sum + (invoiceFen(row) ?? 0), 0);
}
