// The customer grid pages, sorts and filters in SQL (ARCHITECTURE "Data rules"): AG Grid's
// request model goes through customers.list exactly as the renderer sends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import type { Customer } from '../../shared/customers';
import type { ColumnFilter, FilterCondition } from '../../shared/grid';
import { customerInput, testCore, type Caller, type TestCore } from '../support/core';

let t: TestCore;
let manager: Caller;
let repA: Caller & { id: number };
let repB: Caller & { id: number };
const BULK = 25;

type Fields = Partial<ChannelInput<'customers.create'>['customer']>;
const NAMED: [string, Fields & { owner: 'A' | 'B'; creditLimitFen?: number }][] = [
  ['C001', { name: '苏州恒达化工有限公司', contactPerson: '陈先生', phone: '0512-66881234', status: 'active', grade: 'core', industry: '化工', owner: 'A', creditLimitFen: 5_000_000 }],
  ['C002', { name: '无锡100%纯净水厂', contactPerson: '刘女士', phone: '0510-8270 0000', status: 'prospect', grade: 'ordinary', owner: 'B' }],
  ['C003', { name: '上海_特殊_材料', status: 'prospect', grade: 'ordinary', owner: 'A' }],
  ['C004', { name: '杭州远东纺织', contactPerson: '周经理', status: 'dormant', grade: 'strategic', owner: 'B', creditLimitFen: 20_000_000 }],
  ['C005', { name: '南京金陵钢铁', status: 'lost', grade: 'core', industry: '钢铁', owner: 'A', creditLimitFen: 100 }],
  ['C006', { name: '宁波港口物流（已归档）', status: 'active', owner: 'B' }],
];
let archivedId = 0;

beforeAll(async () => {
  t = await testCore();
  manager = await t.userWith('manager', { displayName: '王经理' });
  repA = await t.userWith('rep', { displayName: '张伟' });
  repB = await t.userWith('rep', { displayName: '李娜' });
  for (const [no, { owner, creditLimitFen, ...fields }] of NAMED) {
    const { customer } = await manager.call('customers.create', {
      customer: customerInput(no, { ...fields, ownerId: owner === 'A' ? repA.id : repB.id }),
    });
    if (creditLimitFen) {
      // credit is not allowed at creation (S-DEFAULT); a manager's change applies at once
      await manager.call('customers.update', { id: customer.id, version: customer.version, patch: { creditLimitFen } });
    }
    if (no === 'C006') {
      archivedId = customer.id;
      await manager.call('customers.setArchived', { id: customer.id, archived: true });
    }
  }
  for (let i = 1; i <= BULK; i++) {
    const no = `B${String(i).padStart(3, '0')}`;
    await manager.call('customers.create', {
      customer: customerInput(no, { name: `批量客户${String(i).padStart(2, '0')}`, ownerId: i % 2 ? repA.id : repB.id, region: i % 3 ? '华东' : '华南' }),
    });
  }
});
afterAll(() => t?.cleanup());

const TOTAL = NAMED.length - 1 + BULK; // the archived one is hidden by default

async function list(query: ChannelInput<'customers.list'>, caller: Caller = manager) {
  return caller.call('customers.list', { startRow: 0, endRow: 1000, ...query });
}
const nos = (rows: Customer[]) => rows.map((r) => r.customerNo);
async function filtered(filter: Record<string, ColumnFilter>, extra: ChannelInput<'customers.list'> = {}) {
  return nos((await list({ filter, ...extra })).rows).sort();
}

describe('paging', () => {
  it('returns the requested window and the total of all matching rows', async () => {
    const first = await list({ startRow: 0, endRow: 10 });
    expect(first.rows).toHaveLength(10);
    expect(first.total).toBe(TOTAL);
    const second = await list({ startRow: 10, endRow: 20 });
    const last = await list({ startRow: 20, endRow: 40 });
    expect(last.rows).toHaveLength(TOTAL - 20);
    const all = [...nos(first.rows), ...nos(second.rows), ...nos(last.rows)];
    expect(new Set(all).size).toBe(TOTAL);
    expect(all).toEqual(nos((await list({})).rows));
    const beyond = await list({ startRow: 500, endRow: 600 });
    expect(beyond).toEqual({ rows: [], total: TOTAL });
  });

  it('defaults to customer number order', async () => {
    const rows = nos((await list({})).rows);
    expect(rows).toEqual([...rows].sort());
    expect(rows[0]).toBe('B001');
  });

  it('refuses a page of more than 1000 rows, or an empty one, with VALIDATION', async () => {
    for (const query of [
      { startRow: 0, endRow: 1001 },
      { startRow: 5000, endRow: 6001 },
      { startRow: 10, endRow: 10 },
      { startRow: 10, endRow: 5 },
      { startRow: -1, endRow: 5 },
    ]) {
      const error = await manager.fail('customers.list', query);
      expect(error.code, JSON.stringify(query)).toBe('VALIDATION');
    }
    expect((await manager.fail('customers.list', { startRow: 0, endRow: 1001 })).message).toContain('每页 1 到 1000 行');
    expect((await list({ startRow: 0, endRow: 1000 })).total).toBe(TOTAL);
  });
});

describe('sorting', () => {
  it('sorts by name ascending and descending', async () => {
    const asc = (await list({ sort: [{ colId: 'name', sort: 'asc' }] })).rows.map((r) => r.name);
    const desc = (await list({ sort: [{ colId: 'name', sort: 'desc' }] })).rows.map((r) => r.name);
    expect(asc).toEqual([...asc].sort());
    expect(desc).toEqual([...asc].reverse());
    expect(asc[0]).toBe('上海_特殊_材料');
  });

  it('sorts by owner name, ties in a stable order, and pages consistently', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const rows = (await list({ sort: [{ colId: 'ownerName', sort: direction }] })).rows;
      const owners = rows.map((r) => r.ownerName);
      const expected = [...owners].sort();
      expect(owners).toEqual(direction === 'asc' ? expected : expected.reverse());
      // ties broken by id, so two pages never overlap
      const page1 = await list({ startRow: 0, endRow: 13, sort: [{ colId: 'ownerName', sort: direction }] });
      const page2 = await list({ startRow: 13, endRow: 30, sort: [{ colId: 'ownerName', sort: direction }] });
      expect([...nos(page1.rows), ...nos(page2.rows)]).toEqual(nos(rows));
    }
  });

  it('sorts by several columns', async () => {
    const rows = (await list({ sort: [{ colId: 'region', sort: 'desc' }, { colId: 'customerNo', sort: 'desc' }] })).rows;
    const keys = rows.map((r) => `${r.region}|${r.customerNo}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('refuses an unknown sort column with VALIDATION', async () => {
    const error = await manager.fail('customers.list', { sort: [{ colId: 'password_hash', sort: 'asc' }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('password_hash');
  });

  it('refuses Object.prototype names as sort columns with VALIDATION (BUG electron/core/api/gridSql.ts:101; now INTERNAL)', async () => {
    const error = await manager.fail('customers.list', { sort: [{ colId: 'constructor', sort: 'asc' }] });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('column filters', () => {
  const text = (type: 'contains' | 'equals' | 'startsWith' | 'endsWith' | 'notContains' | 'notEqual' | 'blank' | 'notBlank', filter?: string): FilterCondition => ({
    filterType: 'text',
    type,
    filter,
  });

  it('text: contains, equals, startsWith, notBlank', async () => {
    expect(await filtered({ name: text('contains', '上海') })).toEqual(['C003']);
    expect(await filtered({ name: text('equals', '杭州远东纺织') })).toEqual(['C004']);
    expect(await filtered({ name: text('equals', '杭州远东') })).toEqual([]);
    expect(await filtered({ name: text('startsWith', '苏州') })).toEqual(['C001']);
    expect(await filtered({ contactPerson: text('notBlank') })).toEqual(['C001', 'C002', 'C004']);
    expect((await filtered({ contactPerson: text('blank') })).length).toBe(TOTAL - 3);
    expect(await filtered({ customerNo: text('endsWith', '25') })).toEqual(['B025']);
  });

  it('matches % and _ literally in text filters', async () => {
    expect(await filtered({ name: text('contains', '%') })).toEqual(['C002']);
    expect(await filtered({ name: text('contains', '100%纯') })).toEqual(['C002']);
    expect(await filtered({ name: text('contains', '_') })).toEqual(['C003']);
    expect(await filtered({ name: text('startsWith', '上海_') })).toEqual(['C003']);
    expect(await filtered({ name: text('startsWith', '上海%') })).toEqual([]);
  });

  it('number: credit limit in fen', async () => {
    const num = (type: 'greaterThan' | 'equals' | 'inRange' | 'lessThan', filter: number, filterTo?: number): ColumnFilter => ({
      filterType: 'number',
      type,
      filter,
      filterTo,
    });
    expect(await filtered({ creditLimitFen: num('greaterThan', 1_000_000) })).toEqual(['C001', 'C004']);
    expect(await filtered({ creditLimitFen: num('inRange', 100, 5_000_000) })).toEqual(['C001', 'C005']);
    expect(await filtered({ creditLimitFen: num('equals', 100) })).toEqual(['C005']);
    expect((await filtered({ creditLimitFen: num('equals', 0) })).length).toBe(TOTAL - 3);
    expect(await filtered({ creditLimitFen: num('lessThan', 0) })).toEqual([]);
  });

  it('set: status and grade codes', async () => {
    expect(await filtered({ status: { filterType: 'set', values: ['active', 'dormant'] } })).toEqual(['C001', 'C004']);
    expect(await filtered({ grade: { filterType: 'set', values: ['strategic'] } })).toEqual(['C004']);
    expect(await filtered({ grade: { filterType: 'set', values: ['core'] }, status: { filterType: 'set', values: ['lost'] } })).toEqual(['C005']);
    expect(await filtered({ status: { filterType: 'set', values: [] } })).toEqual([]);
    expect(await filtered({ status: { filterType: 'set', values: ["active' OR '1'='1"] } })).toEqual([]);
  });

  it('combined conditions with AND / OR, and several columns together', async () => {
    const or: ColumnFilter = { filterType: 'text', operator: 'OR', conditions: [text('contains', '恒达'), text('contains', '远东')] };
    const and: ColumnFilter = { filterType: 'text', operator: 'AND', conditions: [text('contains', '苏州'), text('contains', '化工')] };
    const andNone: ColumnFilter = { filterType: 'text', operator: 'AND', conditions: [text('contains', '苏州'), text('contains', '纺织')] };
    expect(await filtered({ name: or })).toEqual(['C001', 'C004']);
    expect(await filtered({ name: and })).toEqual(['C001']);
    expect(await filtered({ name: andNone })).toEqual([]);
    expect(await filtered({ name: or, grade: { filterType: 'set', values: ['strategic'] } })).toEqual(['C004']);
    const credit: ColumnFilter = {
      filterType: 'number',
      operator: 'OR',
      conditions: [
        { filterType: 'number', type: 'lessThan', filter: 1000 },
        { filterType: 'number', type: 'greaterThan', filter: 10_000_000 },
      ],
    };
    expect(await filtered({ creditLimitFen: credit, status: { filterType: 'set', values: ['lost', 'dormant'] } })).toEqual(['C004', 'C005']);
  });

  it('the total follows the filter while paging', async () => {
    const page = await list({ startRow: 0, endRow: 5, filter: { region: text('equals', '华南') } });
    expect(page.total).toBe(Math.floor(BULK / 3));
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((r) => r.region === '华南')).toBe(true);
  });

  it('refuses a filter on an unknown column with VALIDATION', async () => {
    for (const colId of ['password_hash', 'archivedAt', 'name) OR 1=1 --']) {
      const error = await manager.fail('customers.list', { filter: { [colId]: text('contains', 'x') } });
      expect(error.code, colId).toBe('VALIDATION');
      expect(error.message).toContain(colId);
    }
  });
});

describe('quick search', () => {
  const search = async (quickSearch: string, caller: Caller = manager) => nos((await list({ quickSearch }, caller)).rows).sort();

  it('finds by number, name, contact, phone and owner', async () => {
    expect(await search('C004')).toEqual(['C004']);
    expect(await search('恒达')).toEqual(['C001']);
    expect(await search('周经理')).toEqual(['C004']);
    expect(await search('66881234')).toEqual(['C001']);
    expect(await search('0510-8270')).toEqual(['C002']);
    expect(await search('c004')).toEqual(['C004']);
  });

  it('treats multiple terms as AND across columns', async () => {
    expect(await search('张伟 钢铁')).toEqual(['C005']);
    expect(await search('李娜 纺织')).toEqual(['C004']);
    expect(await search('李娜 钢铁')).toEqual([]);
    const ownedByA = await search('张伟');
    expect(ownedByA).toContain('C001');
    expect(ownedByA).not.toContain('C002');
    expect(ownedByA).toHaveLength(3 + Math.ceil(BULK / 2));
  });

  it('matches % and _ literally', async () => {
    expect(await search('%')).toEqual(['C002']);
    expect(await search('_')).toEqual(['C003']);
    expect(await search('上海_')).toEqual(['C003']);
  });

  it('is limited to what the caller may see', async () => {
    expect(await search('恒达', repB)).toEqual([]);
    expect(await search('恒达', repA)).toEqual(['C001']);
  });
});

describe('archived customers', () => {
  it('are hidden by default and shown with includeArchived', async () => {
    expect(nos((await list({})).rows)).not.toContain('C006');
    const all = await list({ includeArchived: true });
    expect(all.total).toBe(TOTAL + 1);
    const archived = all.rows.find((r) => r.customerNo === 'C006')!;
    expect(archived).toMatchObject({ id: archivedId, archived: true });
    expect(await filtered({ name: { filterType: 'text', type: 'contains', filter: '宁波' } })).toEqual([]);
    expect(await filtered({ name: { filterType: 'text', type: 'contains', filter: '宁波' } }, { includeArchived: true })).toEqual(['C006']);
  });
});

describe('date filters on timestamps', () => {
  it('filter a day by the office’s local calendar, not by UTC (BUG electron/core/api/gridSql.ts:75)', async () => {
    // A customer filed at 07:30 in Beijing on 2026-11-23 is stored as 2026-11-22T23:30:00Z; the
    // grid's "created on 2026-11-23" compares substr(created_at, 1, 10) — the UTC day — and misses it.
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    const local = await testCore({ now: () => new Date('2026-11-22T23:30:00.000Z') });
    try {
      const rep = await local.userWith('rep');
      await rep.call('customers.create', { customer: customerInput('T001') });
      const page = await rep.call('customers.list', {
        filter: { createdAt: { filterType: 'date', type: 'equals', dateFrom: '2026-11-23 00:00:00' } },
      });
      expect(page.total).toBe(1);
    } finally {
      local.cleanup();
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
