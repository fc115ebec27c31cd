// Pure helpers of order entry: exact line amounts and totals (the core's arithmetic, so what the
// form shows is what will be stored), discounts as Q-PRICE counts them, and dates typed in any
// common way.
import { addDays } from '../../../../shared/dates';
import { formatFen, formatQuantity, parseQuantity, parseYuanToFen } from '../../../../shared/money';

/** Quantity (thousandths) × unit price (fen), rounded half up to the fen: the core's lineAmountFen. */
export function lineAmountFen(quantityMilli: number, unitPriceFen: number): number {
  const product = BigInt(quantityMilli) * BigInt(unitPriceFen);
  return Number((product + 500n) / 1000n);
}

/** Discount below the standard price in basis points, rounded up (the engine's discountBp). */
export function discountBp(standardPriceFen: number, unitPriceFen: number): number {
  if (standardPriceFen <= 0 || unitPriceFen >= standardPriceFen) return 0;
  const off = BigInt(standardPriceFen - unitPriceFen) * 10_000n;
  const std = BigInt(standardPriceFen);
  return Number((off + std - 1n) / std);
}

/** 801 → "8.01%". */
export function formatBp(bp: number): string {
  return `${Math.round(bp) / 100}%`;
}

/** A line of the entry form as typed; the product is known once picked. */
export interface LineDraft {
  /** Stable key for React and focus (not the database id). */
  key: number;
  productId: number | null;
  code: string;
  productName: string;
  spec: string;
  unit: string;
  standardPriceFen: number;
  quantity: string;
  unitPrice: string;
}

let nextKey = 1;
export function blankLine(): LineDraft {
  return { key: nextKey++, productId: null, code: '', productName: '', spec: '', unit: '', standardPriceFen: 0, quantity: '', unitPrice: '' };
}

export function lineFromStored(line: { productId: number; productCode: string; productName: string; spec: string; unit: string; standardPriceFen: number; quantityMilli: number; unitPriceFen: number }): LineDraft {
  return {
    key: nextKey++,
    productId: line.productId,
    code: line.productCode,
    productName: line.productName,
    spec: line.spec,
    unit: line.unit,
    standardPriceFen: line.standardPriceFen,
    quantity: formatQuantity(line.quantityMilli).replaceAll(',', ''),
    unitPrice: formatFen(line.unitPriceFen).replaceAll(',', ''),
  };
}

export type LineProblem = 'invalidQuantity' | 'quantityPositive' | 'invalidPrice' | 'pickProduct';

export interface ParsedLine {
  quantityMilli: number | null;
  unitPriceFen: number | null;
  amountFen: number | null;
  problems: Partial<Record<'code' | 'quantity' | 'unitPrice', LineProblem>>;
}

/** A line is blank when nothing was typed in it (blank lines are ignored on save). */
export function isBlankLine(line: LineDraft): boolean {
  return line.productId === null && !line.code.trim() && !line.quantity.trim();
}

export function parseLine(line: LineDraft): ParsedLine {
  const problems: ParsedLine['problems'] = {};
  const quantityMilli = line.quantity.trim() ? parseQuantity(line.quantity) : null;
  if (line.quantity.trim() && quantityMilli === null) problems.quantity = 'invalidQuantity';
  else if (quantityMilli === 0) problems.quantity = 'quantityPositive';
  const unitPriceFen = line.unitPrice.trim() ? parseYuanToFen(line.unitPrice) : null;
  if (line.unitPrice.trim() && (unitPriceFen === null || unitPriceFen < 0)) problems.unitPrice = 'invalidPrice';
  if (line.productId === null && line.code.trim()) problems.code = 'pickProduct';
  const amountFen = quantityMilli !== null && quantityMilli > 0 && unitPriceFen !== null && unitPriceFen >= 0 ? lineAmountFen(quantityMilli, unitPriceFen) : null;
  return { quantityMilli, unitPriceFen: unitPriceFen !== null && unitPriceFen >= 0 ? unitPriceFen : null, amountFen, problems };
}

export interface Totals {
  amountFen: number;
  /** Lines with a product, a quantity and a price. */
  complete: number;
}

export function totalsOf(lines: readonly LineDraft[]): Totals {
  let amountFen = 0;
  let complete = 0;
  for (const line of lines) {
    const parsed = parseLine(line);
    if (line.productId === null || parsed.amountFen === null || parsed.unitPriceFen === null) continue;
    amountFen += parsed.amountFen;
    complete += 1;
  }
  return { amountFen, complete };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  const at = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * A date as an assistant types it, whatever the system's date format: "2026-12-07", "2026/12/7",
 * "2026年12月7日", "20261207", "12-07" or "1207" (the next such day from `today`), "+14" (days from
 * today). '' → null (no date); 'invalid' when it is not a date.
 */
export function parseDateInput(text: string, today: string): string | null | 'invalid' {
  const s = text.trim().replace(/\s+/g, '');
  if (!s) return null;
  let m: RegExpExecArray | null;
  if ((m = /^\+(\d{1,3})$/.exec(s))) return addDays(today, Number(m[1]));
  if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  }
  if ((m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)) || (m = /^(\d{2})(\d{2})$/.exec(s))) {
    const year = Number(today.slice(0, 4));
    const thisYear = isoOf(year, Number(m[1]), Number(m[2]));
    if (!thisYear) return 'invalid';
    return thisYear >= today ? thisYear : (isoOf(year + 1, Number(m[1]), Number(m[2])) ?? 'invalid');
  }
  return 'invalid';
}
