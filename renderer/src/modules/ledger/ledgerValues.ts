// Small pure helpers of the ledger pages: calendar months, amounts typed in yuan (exact fen through
// shared/money, never float arithmetic), the core's field errors mapped onto inputs, shipment lines
// in one line of text.
import type { FieldIssue } from '../../../../shared/errors';
import type { Shipment } from '../../../../shared/ledger';
import { formatFen, formatQuantity, parseYuanToFen } from '../../../../shared/money';
import { ApiError } from '../../api/client';
import type { Lang } from '../../i18n';

export type FieldErrors = Partial<Record<string, string>>;

/** The last day (YYYY-MM-DD) of a month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(y, m, 0).getDate()).padStart(2, '0')}`;
}

/** An amount typed in yuan → fen: `empty`, `invalid` (not an amount, or not above zero), or the fen. */
export type Amount = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'ok'; fen: number };
export function parseAmount(text: string): Amount {
  if (text.trim() === '') return { kind: 'empty' };
  const fen = parseYuanToFen(text);
  return fen === null || fen <= 0 ? { kind: 'invalid' } : { kind: 'ok', fen };
}

/** fen → the yuan an input starts with ("12,000.00"); blank for zero or less. */
export const amountText = (fen: number): string => (fen > 0 ? formatFen(fen) : '');

/** Signed yuan without the currency sign: −5000 → "-50.00". */
export const signedFen = (fen: number): string => formatFen(fen);

const issueText = (issue: FieldIssue, lang: Lang) => (lang === 'zh' ? issue.message : issue.messageEn);

/**
 * The core's per-field messages keyed by the input's path ("amountFen", "date",
 * "allocations.1.amountFen", "allocations"); empty when it named no field.
 */
export function apiFieldErrors(error: unknown, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.payload.issues) if (issue.field) errors[issue.field] ??= issueText(issue, lang);
  return errors;
}

/** The message without its "字段：" prefix, when it is shown right beside that field. */
export function bare(message: string | undefined): string | undefined {
  if (!message) return message;
  const cut = message.search(/[：:]\s?/);
  return cut > 0 && cut < 12 ? message.slice(cut + 1).trim() : message;
}

/** "聚乙烯颗粒 2 吨；编织袋 10 件": what a shipment carried. */
export function linesSummary(shipment: Pick<Shipment, 'lines'>): string {
  return shipment.lines.map((l) => `${l.productName}${l.spec ? `（${l.spec}）` : ''} ${formatQuantity(l.quantityMilli)} ${l.unit}`).join('；');
}
