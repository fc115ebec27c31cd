// The grid's filter/sort models become SQL over a whitelist of columns; user text is bound as a
// parameter and LIKE wildcards typed by a user match literally.
import BetterSqlite3 from 'better-sqlite3';
import { and, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, SQLiteSyncDialect, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { ColumnFilter, FilterCondition, GridQuery } from '../../shared/grid';
import { filterSql, likeEscape, orderSql, quickSearchSql, type ColumnMap } from '../../electron/core/api/gridSql';

const items = sqliteTable('items', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  note: text('note'),
  amount: integer('amount'),
  day: text('day'),
  kind: text('kind').notNull(),
});
const COLUMNS: ColumnMap = { name: items.name, note: items.note, amount: items.amount, day: items.day, kind: items.kind };

const ROWS = [
  { id: 1, name: '苏州恒达化工', note: 'VIP', amount: 500, day: '2026-01-05T08:00:00.000Z', kind: 'a' },
  { id: 2, name: '100%纯净水', note: '', amount: 0, day: '2026-02-10T08:00:00.000Z', kind: 'b' },
  { id: 3, name: '上海_特殊_材料', note: null, amount: null, day: null, kind: 'a' },
  { id: 4, name: '上海一号材料', note: 'back\\slash', amount: 1500, day: '2026-03-01T08:00:00.000Z', kind: 'c' },
  { id: 5, name: "O'Brien; DROP TABLE items; --", note: 'vip', amount: -20, day: '2026-02-28T23:00:00.000Z', kind: 'b' },
];

let sqlite: BetterSqlite3.Database;
let db: ReturnType<typeof drizzle>;

beforeAll(() => {
  sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, amount INTEGER, day TEXT, kind TEXT NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO items VALUES (@id, @name, @note, @amount, @day, @kind)');
  for (const row of ROWS) insert.run(row);
  db = drizzle(sqlite);
});
afterAll(() => sqlite.close());

function idsWhere(where: SQL | undefined, sort: GridQuery['sort'] = []): number[] {
  return db
    .select({ id: items.id })
    .from(items)
    .where(where)
    .orderBy(...orderSql(COLUMNS, sort, items.id))
    .all()
    .map((row) => row.id);
}
const filtered = (filter: Record<string, ColumnFilter>) => idsWhere(filterSql(COLUMNS, filter));
const text_ = (type: 'contains' | 'notContains' | 'equals' | 'notEqual' | 'startsWith' | 'endsWith' | 'blank' | 'notBlank', filter?: string): FilterCondition => ({
  filterType: 'text',
  type,
  filter,
});

function expectValidation(fn: () => unknown, colId: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).message).toContain(colId);
    return;
  }
  throw new Error(`expected a VALIDATION error for column ${colId}`);
}

describe('likeEscape', () => {
  it('escapes %, _ and the escape character itself, and nothing else', () => {
    expect(likeEscape('50%_off')).toBe('50\\%\\_off');
    expect(likeEscape('a\\b')).toBe('a\\\\b');
    expect(likeEscape("客户'名称*?[]")).toBe("客户'名称*?[]");
    expect(likeEscape('')).toBe('');
  });
});

describe('filterSql', () => {
  it('binds user text as a parameter, never as SQL', () => {
    const query = new SQLiteSyncDialect().sqlToQuery(filterSql(COLUMNS, { name: text_('contains', "'; DROP TABLE items; --") })!);
    expect(query.sql).not.toContain('DROP');
    expect(query.params).toEqual(["%'; DROP TABLE items; --%"]);
    expect(filtered({ name: text_('contains', "DROP TABLE items") })).toEqual([5]);
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 5 });
  });

  it('text: contains / notContains / equals / notEqual / startsWith / endsWith', () => {
    expect(filtered({ name: text_('contains', '上海') })).toEqual([3, 4]);
    expect(filtered({ name: text_('notContains', '上海') })).toEqual([1, 2, 5]);
    expect(filtered({ name: text_('equals', '上海一号材料') })).toEqual([4]);
    expect(filtered({ name: text_('equals', '上海') })).toEqual([]);
    expect(filtered({ name: text_('notEqual', '上海一号材料') })).toEqual([1, 2, 3, 5]);
    expect(filtered({ name: text_('startsWith', '苏州') })).toEqual([1]);
    expect(filtered({ name: text_('endsWith', '材料') })).toEqual([3, 4]);
  });

  it('text: contains is case-insensitive for Latin letters', () => {
    expect(filtered({ note: text_('contains', 'vip') })).toEqual([1, 5]);
  });

  it('text: matches % _ and \\ literally', () => {
    expect(filtered({ name: text_('contains', '%') })).toEqual([2]);
    expect(filtered({ name: text_('contains', '_') })).toEqual([3]);
    expect(filtered({ name: text_('startsWith', '上海_') })).toEqual([3]);
    expect(filtered({ name: text_('startsWith', '上海%') })).toEqual([]);
    expect(filtered({ note: text_('contains', '\\') })).toEqual([4]);
  });

  it('text: blank means null or empty; notBlank the rest', () => {
    expect(filtered({ note: text_('blank') })).toEqual([2, 3]);
    expect(filtered({ note: text_('notBlank') })).toEqual([1, 4, 5]);
  });

  it('text: an empty contains/startsWith term filters nothing out', () => {
    expect(filtered({ name: text_('contains', '') })).toEqual([1, 2, 3, 4, 5]);
    expect(filtered({ name: text_('startsWith', '   ') })).toEqual([1, 2, 3, 4, 5]);
  });

  it('number: comparisons, ranges and blanks', () => {
    const num = (type: 'equals' | 'notEqual' | 'lessThan' | 'lessThanOrEqual' | 'greaterThan' | 'greaterThanOrEqual' | 'inRange' | 'blank' | 'notBlank', filter?: number, filterTo?: number): ColumnFilter => ({
      filterType: 'number',
      type,
      filter,
      filterTo,
    });
    expect(filtered({ amount: num('equals', 0) })).toEqual([2]);
    expect(filtered({ amount: num('notEqual', 0) })).toEqual([1, 4, 5]);
    expect(filtered({ amount: num('lessThan', 0) })).toEqual([5]);
    expect(filtered({ amount: num('lessThanOrEqual', 0) })).toEqual([2, 5]);
    expect(filtered({ amount: num('greaterThan', 500) })).toEqual([4]);
    expect(filtered({ amount: num('greaterThanOrEqual', 500) })).toEqual([1, 4]);
    expect(filtered({ amount: num('inRange', 0, 500) })).toEqual([1, 2]);
    expect(filtered({ amount: num('inRange', 500) })).toEqual([1, 4]);
    expect(filtered({ amount: num('blank') })).toEqual([3]);
    expect(filtered({ amount: num('notBlank') })).toEqual([1, 2, 4, 5]);
    expect(filtered({ amount: num('greaterThan') })).toEqual([1, 2, 3, 4, 5]);
  });

  it('date: compares the calendar day of a timestamp', () => {
    const date = (type: 'equals' | 'notEqual' | 'lessThan' | 'greaterThan' | 'inRange' | 'blank' | 'notBlank', dateFrom?: string, dateTo?: string): ColumnFilter => ({
      filterType: 'date',
      type,
      dateFrom,
      dateTo,
    });
    expect(filtered({ day: date('equals', '2026-02-10 00:00:00') })).toEqual([2]);
    expect(filtered({ day: date('lessThan', '2026-02-10') })).toEqual([1]);
    expect(filtered({ day: date('greaterThan', '2026-02-10') })).toEqual([4, 5]);
    expect(filtered({ day: date('inRange', '2026-02-01', '2026-02-28') })).toEqual([2, 5]);
    expect(filtered({ day: date('blank') })).toEqual([3]);
  });

  it('set: keeps the listed codes; an empty set keeps nothing', () => {
    expect(filtered({ kind: { filterType: 'set', values: ['a', 'c'] } })).toEqual([1, 3, 4]);
    expect(filtered({ kind: { filterType: 'set', values: [] } })).toEqual([]);
  });

  it('combines conditions of one column with AND / OR, and columns with AND', () => {
    const or: ColumnFilter = { filterType: 'text', operator: 'OR', conditions: [text_('contains', '苏州'), text_('contains', '纯净')] };
    const andF: ColumnFilter = { filterType: 'text', operator: 'AND', conditions: [text_('startsWith', '上海'), text_('endsWith', '材料'), text_('contains', '一号')] };
    expect(filtered({ name: or })).toEqual([1, 2]);
    expect(filtered({ name: andF })).toEqual([4]);
    expect(filtered({ name: or, kind: { filterType: 'set', values: ['b'] } })).toEqual([2]);
  });

  it('refuses a column that is not in the whitelist with VALIDATION', () => {
    expectValidation(() => filterSql(COLUMNS, { password_hash: text_('contains', 'x') }), 'password_hash');
    expectValidation(() => filterSql(COLUMNS, { 'name; DROP TABLE items': text_('contains', 'x') }), 'name; DROP TABLE items');
  });

  it('refuses Object.prototype names as columns too (BUG electron/core/api/gridSql.ts:101)', () => {
    // columns["constructor"] is Object itself, so the check passes and the query later fails with INTERNAL.
    expectValidation(() => filterSql(COLUMNS, { constructor: text_('contains', 'x') }), 'constructor');
  });
});

describe('quickSearchSql', () => {
  const search = (q: string) => idsWhere(quickSearchSql([items.name, items.note], q));

  it('needs every term to appear in some searched column', () => {
    expect(search('上海')).toEqual([3, 4]);
    expect(search('上海 一号')).toEqual([4]);
    expect(search('vip 苏州')).toEqual([1]);
    expect(search('vip 上海')).toEqual([]);
  });

  it('matches % and _ literally', () => {
    expect(search('%')).toEqual([2]);
    expect(search('_')).toEqual([3]);
  });

  it('an empty or blank search adds no condition', () => {
    expect(quickSearchSql([items.name], '')).toBeUndefined();
    expect(quickSearchSql([items.name], '   ')).toBeUndefined();
  });

  it('uses at most five terms', () => {
    const query = new SQLiteSyncDialect().sqlToQuery(quickSearchSql([items.name], 'a b c d e f g')!);
    expect(query.params).toEqual(['%a%', '%b%', '%c%', '%d%', '%e%']);
  });
});

describe('orderSql', () => {
  it('sorts by the requested columns, then the tie-breaker ascending', () => {
    expect(idsWhere(undefined, [{ colId: 'kind', sort: 'desc' }])).toEqual([4, 2, 5, 1, 3]);
    expect(idsWhere(undefined, [{ colId: 'kind', sort: 'asc' }, { colId: 'amount', sort: 'desc' }])).toEqual([1, 3, 2, 5, 4]);
    expect(idsWhere(and(), [])).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an unknown sort column with VALIDATION', () => {
    expectValidation(() => orderSql(COLUMNS, [{ colId: 'secret', sort: 'asc' }], items.id), 'secret');
  });

  it('refuses Object.prototype names as sort columns (BUG electron/core/api/gridSql.ts:101)', () => {
    expectValidation(() => orderSql(COLUMNS, [{ colId: 'toString', sort: 'asc' }], items.id), 'toString');
  });
});
