// 大写金额: an amount in fen written in Chinese financial capitals, as on invoices and order forms
// (¥1,234.56 → 人民币壹仟贰佰叁拾肆元伍角陆分; ¥1,000.00 → 壹仟元整).

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** A group of up to four digits (0–9999) without its group unit; '' for 0. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + SMALL_UNITS[i]!;
    }
  }
  return out;
}

/** The yuan part (a non-negative integer) in capitals, '零' for 0. */
function yuanText(yuan: number): string {
  if (yuan === 0) return '零';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (out) pendingZero = true;
      continue;
    }
    // A gap before this group (a zero group, or fewer than four digits after a higher group) reads 零.
    if (out && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += group(g) + GROUP_UNITS[i]!;
  }
  return out;
}

/** Fen → Chinese capitals with 元角分 (整 when there are no fen); negative amounts start with 负. */
export function chineseAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const cents = abs % 10;
  let out = yuanText(yuan) + '元';
  if (jiao === 0 && cents === 0) out += '整';
  else {
    if (yuan === 0 && jiao === 0) out = '';
    else if (jiao === 0) out += '零';
    else out += DIGITS[jiao]! + '角';
    if (cents > 0) out += DIGITS[cents]! + '分';
    else out += '整';
  }
  if (yuan === 0 && out.startsWith('零元') && (jiao > 0 || cents > 0)) out = out.slice(2);
  return (negative ? '负' : '') + out;
}
