// The grid query every SQL-paged grid sends: AG Grid's infinite-row-model request, validated.
// The core turns it into SQL against a whitelist of columns; nothing here is trusted.
import { z } from 'zod';
import { bilingual } from './validation';

const textCondition = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(200).nullish(),
});

const numberCondition = z.object({
  filterType: z.literal('number'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
  filter: z.number().finite().nullish(),
  filterTo: z.number().finite().nullish(),
});

const dateCondition = z.object({
  filterType: z.literal('date'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
  dateFrom: z.string().max(30).nullish(),
  dateTo: z.string().max(30).nullish(),
});

/** Our own enum filter (community AG Grid has no set filter): the codes to keep. */
const setCondition = z.object({
  filterType: z.literal('set'),
  values: z.array(z.string().max(40)).max(50),
});

const condition = z.discriminatedUnion('filterType', [textCondition, numberCondition, dateCondition, setCondition]);
export type FilterCondition = z.output<typeof condition>;

const combined = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(condition).min(1).max(4),
});

export const columnFilter = z.union([combined, condition]);
export type ColumnFilter = z.output<typeof columnFilter>;

export const gridQuerySchema = z.object({
  startRow: z.int().min(0).max(10_000_000).default(0),
  endRow: z.int().min(1).max(10_000_000).default(100),
  sort: z.array(z.object({ colId: z.string().max(40), sort: z.enum(['asc', 'desc']) })).max(5).default([]),
  filter: z.record(z.string().max(40), columnFilter).default({}),
  quickSearch: z.string().trim().max(100).default(''),
  includeArchived: z.boolean().default(false),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, bilingual('每页 1 到 1000 行', 'a page holds 1 to 1000 rows'));
export type GridQuery = z.output<typeof gridQuerySchema>;
export type GridQueryInput = z.input<typeof gridQuerySchema>;

export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({
    rows: z.array(row),
    /** Total rows matching the filter (AG Grid's lastRow). */
    total: z.int().min(0),
  });
