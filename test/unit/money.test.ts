// Money is integer fen and quantities integer thousandths (ARCHITECTURE "Data rules"); people type
// and read yuan amounts like "¥1,234.50". These helpers sit at that edge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, formatQuantity, formatYuan, parseQuantity, parseYuanToFen } from '../../shared/money';

const MAX = Number.MAX_SAFE_INTEGER;

describe('parseYuanToFen', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.05', 5],
    ['0.29', 29], // 0.29 * 100 is 28.999… in floating point
    ['1.15', 115],
    ['1,234.5', 123450],
    ['1,234,567.89', 123456789],
    ['¥12', 1200],
    ['￥12.00', 1200],
    [' ¥ 1 234.56 ', 123456],
    ['-3.2', -320],
    ['-¥3.20', -320],
    ['007.10', 710],
  ])('reads %j as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', ' ', '¥', '.5', '1.234', '1e3', '--1', '1-', '+1', '12.3.4', 'abc', '一百', 'NaN', 'Infinity', '0x10', '1_000', '¥-'])(
    'refuses %j',
    (text) => {
      expect(parseYuanToFen(text)).toBeNull();
    },
  );

  it('refuses amounts beyond safe integers instead of rounding them', () => {
    expect(parseYuanToFen('90071992547409.91')).toBe(MAX);
    expect(parseYuanToFen('90071992547409.92')).toBeNull();
    expect(parseYuanToFen('99999999999999999999')).toBeNull();
  });

  it('reads "-0" as zero fen', () => {
    // Zero, not negative zero (which would print as "-0.00" in some formatters).
    expect(Object.is(parseYuanToFen('-0'), 0)).toBe(true);
    expect(Object.is(parseYuanToFen('-0.00'), 0)).toBe(true);
  });

  it('equals exact decimal arithmetic for any yuan and up to two decimals (no floating point)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (yuan, cents, negative) => {
        const text = `${negative ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
        const expected = (yuan * 100n + BigInt(cents)) * (negative ? -1n : 1n);
        const fen = parseYuanToFen(text);
        expect(fen).not.toBeNull();
        expect(fen === Number(expected)).toBe(true); // === so that "-0.00" giving -0 counts as 0
      }),
    );
  });

  it('returns only safe integers or null, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const fen = parseYuanToFen(text);
        expect(fen === null || Number.isSafeInteger(fen)).toBe(true);
      }),
    );
  });
});

describe('formatFen / formatYuan', () => {
  it.each([
    [0, '0.00', '¥0.00'],
    [5, '0.05', '¥0.05'],
    [50, '0.50', '¥0.50'],
    [100, '1.00', '¥1.00'],
    [123456, '1,234.56', '¥1,234.56'],
    [100_000_000, '1,000,000.00', '¥1,000,000.00'],
    [-5, '-0.05', '-¥0.05'],
    [-123456, '-1,234.56', '-¥1,234.56'],
    [MAX, '90,071,992,547,409.91', '¥90,071,992,547,409.91'],
  ])('%i fen → %s / %s', (fen, plain, yuan) => {
    expect(formatFen(fen)).toBe(plain);
    expect(formatYuan(fen)).toBe(yuan);
  });

  it('always shows grouped yuan and exactly two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (fen) => {
        expect(formatFen(fen)).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(formatYuan(fen)).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/);
      }),
    );
  });

  it('round-trips: parsing what was formatted gives back the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
        expect(parseYuanToFen(formatYuan(fen))).toBe(fen);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips the other way for canonical amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (fen) => {
        const text = formatYuan(fen);
        expect(formatYuan(parseYuanToFen(text)!)).toBe(text);
      }),
    );
  });
});

describe('parseQuantity / formatQuantity', () => {
  it.each([
    ['0', 0],
    ['12', 12000],
    ['12.5', 12500],
    ['12.50', 12500],
    ['0.001', 1],
    ['1,000', 1_000_000],
    [' 1 234.567 ', 1_234_567],
    ['3.', 3000],
  ])('reads %j as %i thousandths', (text, milli) => {
    expect(parseQuantity(text)).toBe(milli);
  });

  it.each(['', '.5', '-1', '1.2345', '1e3', 'abc', '12吨', '1.2.3', '9007199254740.992'])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it.each([
    [0, '0'],
    [1, '0.001'],
    [10, '0.01'],
    [12500, '12.5'],
    [1000, '1'],
    [1_234_567, '1,234.567'],
    [1_000_000_000, '1,000,000'],
  ])('%i thousandths → %s', (milli, text) => {
    expect(formatQuantity(milli)).toBe(text);
  });

  it('never shows trailing zeros or a dangling decimal point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (milli) => {
        expect(formatQuantity(milli)).toMatch(/^\d{1,3}(,\d{3})*(\.\d{0,2}[1-9])?$/);
      }),
    );
  });

  it('round-trips every non-negative safe quantity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (milli) => {
        expect(parseQuantity(formatQuantity(milli))).toBe(milli);
      }),
      { numRuns: 500 },
    );
  });
});
