// Money is integer fen (分); quantities are integer thousandths of the unit. Formatting happens here, at the edge.

/** Parses a yuan amount typed by a person ("1,234.5", "¥12") into fen; null when it is not a valid amount. */
export function parseYuanToFen(text: string): number | null {
  const cleaned = text.replace(/[¥￥,\s]/g, '');
  if (!/^-?\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const [whole = '0', frac = ''] = cleaned.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(fen)) return null;
  return negative && fen !== 0 ? -fen : fen; // "-0" is zero, not negative zero
}

/** 123456 → "1,234.56" (no currency sign). */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan.toLocaleString('en-US')}.${cents}`;
}

/** 123456 → "¥1,234.56". */
export function formatYuan(fen: number): string {
  return fen < 0 ? `-¥${formatFen(-fen)}` : `¥${formatFen(fen)}`;
}

/** Parses a quantity ("12.5") into integer thousandths; null when invalid. */
export function parseQuantity(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{0,3})?$/.test(cleaned)) return null;
  const [whole = '0', frac = ''] = cleaned.split('.');
  const milli = Number(whole) * 1000 + Number((frac + '000').slice(0, 3));
  return Number.isSafeInteger(milli) ? milli : null;
}

/** 12500 → "12.5". */
export function formatQuantity(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const frac = String(Math.abs(milli % 1000)).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole.toLocaleString('en-US')}.${frac}` : whole.toLocaleString('en-US');
}
