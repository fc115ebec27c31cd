// CSV for Excel users in China: UTF-8 with BOM, CRLF, quoting, and no formula injection from
// customer data (a customer named "=HYPERLINK(…)" must stay text when the export is opened).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../shared/csv';

/** A strict RFC 4180 reader (CRLF records, "" escapes), enough to read back what toCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`garbage after a closing quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?%?$/;
/** What a spreadsheet shows for a value after the guard. */
const guarded = (value: string) => (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value);

describe('csvField', () => {
  it.each([
    ['abc', 'abc'],
    ['', ''],
    ['苏州恒达化工有限公司', '苏州恒达化工有限公司'],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['a\r\nb', '"a\r\nb"'],
    ["it's", "it's"],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://evil","点我")', '"\'=HYPERLINK(""http://evil"",""点我"")"'],
    ['+86 138 1234 5678', "'+86 138 1234 5678"],
    ['@SUM(1)', "'@SUM(1)"],
    ['-1+2', "'-1+2"],
    ['-cmd|\'/c calc\'!A0', "'-cmd|'/c calc'!A0"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
  ])('keeps the would-be formula %j as text', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['-5', '-12.50', '0', '1234.56', '-0.01', '-12.5%', '-100.0%'])('leaves the plain number or percentage %j alone (amounts stay numbers)', (value) => {
    expect(csvField(value)).toBe(value);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, separates and ends records with CRLF', () => {
    const csv = toCsv(['客户编号', '客户名称'], [
      ['C001', '恒达'],
      ['C002', '远东,纺织'],
    ]);
    expect(csv).toBe('\uFEFF客户编号,客户名称\r\nC001,恒达\r\nC002,"远东,纺织"\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['状态'], [])).toBe('\uFEFF状态\r\n');
  });

  it('reads back to the same cells (formula-looking cells prefixed with \') for any text', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('=1+1', '+1', '-1', '-1.5', '@x', '\t', '\r', '\n', '"', '""', ',', '\r\n', "'", '-', '=', '客户'),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (header, rows) => {
        const width = header.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const csv = toCsv(header, table);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.endsWith('\r\n')).toBe(true);
        const parsed = parseCsv(csv.slice(1));
        expect(parsed).toEqual([header, ...table].map((r) => r.map(guarded)));
      }),
      { numRuns: 100 },
    );
  });

  it('never lets a cell start a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const [[cellText]] = parseCsv(toCsv([value], []).slice(1)) as [[string]];
        if (PLAIN_NUMBER.test(cellText)) return;
        expect(cellText).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 200 },
    );
  });
});
