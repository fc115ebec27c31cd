// AG Grid filter/sort models → drizzle SQL over a whitelist of columns. Shared by every SQL-paged grid.
import { and, asc, desc, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../../shared/errors';
import type { ColumnFilter, FilterCondition, GridQuery } from '../../../shared/grid';

export type Sortable = AnySQLiteColumn | SQL;
export type ColumnMap = Readonly<Record<string, Sortable>>;

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally (ESCAPE '\'). */
export function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function like(column: Sortable, pattern: string): SQL {
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

function blank(column: Sortable): SQL {
  return or(isNull(column), sql`${column} = ''`)!;
}

/** The UTC instant at which a local calendar day (YYYY-MM-DD) begins, as stored in timestamp columns. */
function localDayStartUtc(day: string, offsetDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offsetDays).toISOString();
}

/** A date condition on a UTC timestamp column, by the office's local calendar days. */
function timestampDaySql(column: Sortable, condition: Extract<FilterCondition, { filterType: 'date' }>, from: string, to?: string): SQL | undefined {
  const start = localDayStartUtc(from);
  const next = localDayStartUtc(from, 1);
  switch (condition.type) {
    case 'equals':
      return sql`(${column} >= ${start} AND ${column} < ${next})`;
    case 'notEqual':
      return sql`(${column} < ${start} OR ${column} >= ${next})`;
    case 'lessThan':
      return sql`${column} < ${start}`;
    case 'greaterThan':
      return sql`${column} >= ${next}`;
    case 'inRange':
      return to ? sql`(${column} >= ${start} AND ${column} < ${localDayStartUtc(to, 1)})` : sql`${column} >= ${start}`;
    default:
      return undefined;
  }
}

function conditionSql(column: Sortable, condition: FilterCondition, isTimestamp = false): SQL | undefined {
  switch (condition.filterType) {
    case 'text': {
      const term = likeEscape((condition.filter ?? '').trim());
      switch (condition.type) {
        case 'contains':
          return term ? like(column, `%${term}%`) : undefined;
        case 'notContains':
          return term ? not(like(column, `%${term}%`)) : undefined;
        case 'equals':
          return sql`${column} = ${condition.filter ?? ''}`;
        case 'notEqual':
          return sql`${column} <> ${condition.filter ?? ''}`;
        case 'startsWith':
          return term ? like(column, `${term}%`) : undefined;
        case 'endsWith':
          return term ? like(column, `%${term}`) : undefined;
        case 'blank':
          return blank(column);
        case 'notBlank':
          return not(blank(column));
      }
      break;
    }
    case 'number': {
      const value = condition.filter;
      if (condition.type === 'blank') return isNull(column);
      if (condition.type === 'notBlank') return not(isNull(column));
      if (value === null || value === undefined) return undefined;
      switch (condition.type) {
        case 'equals':
          return sql`${column} = ${value}`;
        case 'notEqual':
          return sql`${column} <> ${value}`;
        case 'lessThan':
          return sql`${column} < ${value}`;
        case 'lessThanOrEqual':
          return sql`${column} <= ${value}`;
        case 'greaterThan':
          return sql`${column} > ${value}`;
        case 'greaterThanOrEqual':
          return sql`${column} >= ${value}`;
        case 'inRange':
          return condition.filterTo === null || condition.filterTo === undefined
            ? sql`${column} >= ${value}`
            : sql`${column} BETWEEN ${value} AND ${condition.filterTo}`;
      }
      break;
    }
    case 'date': {
      const from = condition.dateFrom?.slice(0, 10);
      const to = condition.dateTo?.slice(0, 10);
      const day = sql`substr(${column}, 1, 10)`;
      if (condition.type === 'blank') return isNull(column);
      if (condition.type === 'notBlank') return not(isNull(column));
      if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from) || (to && !/^\d{4}-\d{2}-\d{2}$/.test(to))) return undefined;
      if (isTimestamp) return timestampDaySql(column, condition, from, to);
      switch (condition.type) {
        case 'equals':
          return sql`${day} = ${from}`;
        case 'notEqual':
          return sql`${day} <> ${from}`;
        case 'lessThan':
          return sql`${day} < ${from}`;
        case 'greaterThan':
          return sql`${day} > ${from}`;
        case 'inRange':
          return to ? sql`${day} BETWEEN ${from} AND ${to}` : sql`${day} >= ${from}`;
      }
      break;
    }
    case 'set':
      if (condition.values.length === 0) return sql`0`;
      return sql`${column} IN (${sql.join(condition.values.map((v) => sql`${v}`), sql`, `)})`;
  }
  return undefined;
}

function columnFor(columns: ColumnMap, colId: string): Sortable {
  const column = Object.hasOwn(columns, colId) ? columns[colId] : undefined;
  if (!column) throw new AppError('VALIDATION', `不能按“${colId}”筛选或排序`, `Cannot filter or sort by "${colId}"`, [
    { field: colId, message: `不能按“${colId}”筛选或排序`, messageEn: `Cannot filter or sort by "${colId}"` },
  ]);
  return column;
}

/**
 * `timestampColumns`: columns holding UTC ISO timestamps (createdAt…), whose date filters mean the
 * office's local calendar days; other date columns hold plain YYYY-MM-DD dates.
 */
export function filterSql(
  columns: ColumnMap,
  filter: Readonly<Record<string, ColumnFilter>>,
  timestampColumns: ReadonlySet<string> = new Set(),
): SQL | undefined {
  const parts: SQL[] = [];
  for (const [colId, model] of Object.entries(filter)) {
    const column = columnFor(columns, colId);
    const isTimestamp = timestampColumns.has(colId);
    if ('operator' in model) {
      const conditions = model.conditions.map((c) => conditionSql(column, c, isTimestamp)).filter((c): c is SQL => c !== undefined);
      const joined = model.operator === 'OR' ? or(...conditions) : and(...conditions);
      if (joined) parts.push(joined);
    } else {
      const condition = conditionSql(column, model, isTimestamp);
      if (condition) parts.push(condition);
    }
  }
  return parts.length ? and(...parts) : undefined;
}

/** Quick search: every whitespace-separated term must appear in at least one of the searched columns. */
export function quickSearchSql(columns: readonly Sortable[], search: string): SQL | undefined {
  const terms = search.split(/\s+/).filter(Boolean).slice(0, 5);
  if (!terms.length) return undefined;
  return and(...terms.map((term) => or(...columns.map((column) => like(column, `%${likeEscape(term)}%`)))!));
}

export function orderSql(columns: ColumnMap, sort: GridQuery['sort'], tieBreaker: Sortable): SQL[] {
  const order = sort.map((s) => (s.sort === 'desc' ? desc(columnFor(columns, s.colId)) : asc(columnFor(columns, s.colId))));
  order.push(asc(tieBreaker));
  return order;
}
