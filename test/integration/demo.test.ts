// The demo data generator (salesdesk demo): deterministic per seed, valid per the contract, and
// consistent with the domain rules it pretends to have followed (S-DEFAULT/S-MONTHLY/S-CREDIT,
// C-NEW, C-CHANGE, C-LEAD), with a real team whose approvals inbox has work in it.
import { afterEach, describe, expect, it } from 'vitest';
import { planDemo } from '../../electron/cli/demo/plan';
import { SeededRandom } from '../../electron/cli/demo/random';
import { vocabulary } from '../../electron/cli/demo/vocabulary';
import { DEMO_TEAM_PASSWORD, generateDemo } from '../../electron/cli/demo/generate';
import { Caller, testCore, type TestCore } from '../support/core';

const AS_OF = '2026-11-23';
let cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores) t.cleanup();
  cores = [];
});

async function demoCore(customers: number, seed = 7): Promise<TestCore> {
  const t = await testCore({ setup: false });
  cores.push(t);
  // The customer files only: the expenses (a year of them through their services) are demo-orders.test.ts's.
  await generateDemo(t.core, { customers, seed, asOf: AS_OF, expenses: false, hr: false });
  return t;
}

async function signIn(t: TestCore, username: string): Promise<Caller> {
  const caller = t.caller();
  await caller.call('auth.login', { username, password: DEMO_TEAM_PASSWORD });
  return caller;
}

const owners = [
  { id: 10, role: 'rep' as const, region: '华东', channel: 'direct' as const, managerId: 5, approverId: 3 },
  { id: 11, role: 'rep' as const, region: '华南', channel: 'dealer' as const, managerId: 5, approverId: 3 },
  { id: 5, role: 'supervisor' as const, region: '华东', channel: 'direct' as const, managerId: 3, approverId: 3 },
];
const plan = (seed: number, count = 300) =>
  planDemo(new SeededRandom(seed), vocabulary(), { count, asOf: AS_OF, firstNumber: 1, owners, assistantIds: [20], takenNames: new Set() });

describe('demo plan', () => {
  it('is the same for the same seed and differs for another seed', () => {
    expect(plan(42)).toEqual(plan(42));
    expect(plan(43).customers.map((c) => c.name)).not.toEqual(plan(42).customers.map((c) => c.name));
  });

  it('numbers customers C000001… in the order they were opened, with unique company names', () => {
    const { customers } = plan(1, 2000);
    expect(customers.map((c) => c.customerNo).slice(0, 3)).toEqual(['C000001', 'C000002', 'C000003']);
    expect(customers.map((c) => c.createdAt)).toEqual([...customers.map((c) => c.createdAt)].sort());
    expect(new Set(customers.map((c) => c.name)).size).toBe(customers.length);
    for (const c of customers) expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,4}[\u4e00-\u9fa5（）\d]+(股份)?有限公司$/);
  });

  it('never repeats a name already in the file', () => {
    const first = plan(5, 200).customers.map((c) => c.name);
    const again = planDemo(new SeededRandom(5), vocabulary(), {
      count: 200, asOf: AS_OF, firstNumber: 201, owners, assistantIds: [], takenNames: new Set(first),
    });
    expect(again.customers.filter((c) => first.includes(c.name))).toEqual([]);
    expect(again.customers[0]!.customerNo).toBe('C000201');
  });
});

describe('salesdesk demo on a database', () => {
  it('sets up the company, the team and customers that pass the contract', async () => {
    const t = await demoCore(1200);
    const status = await t.caller().call('setup.status', {});
    expect(status).toEqual({ initialized: true, companyName: '苏州恒达化工有限公司' });

    const admin = t.caller();
    await admin.call('auth.login', { username: 'admin', password: 'admin123' });
    const users = await admin.call('users.list', {});
    expect(users).toHaveLength(23); // admin + 22
    const count = (role: string) => users.filter((u) => u.role === role).length;
    expect([count('gm'), count('director'), count('manager'), count('supervisor'), count('rep'), count('assistant'), count('finance')]).toEqual([1, 1, 2, 3, 12, 2, 1]);
    for (const u of users.filter((u) => u.role !== 'admin' && u.role !== 'gm')) expect(u.managerName).not.toBeNull();
    expect(new Set(users.filter((u) => u.role === 'rep').map((u) => u.region))).toEqual(new Set(['华东', '华南', '华北', '华中', '西南', '东北', '西北']));

    // The dispatcher zod-checks its output: every row of these pages is a valid customer file.
    const manager = await signIn(t, 'manager1');
    const all = [];
    for (let start = 0; ; start += 1000) {
      const page = await manager.call('customers.list', { startRow: start, endRow: start + 1000, includeArchived: true });
      all.push(...page.rows);
      if (all.length >= page.total) break;
    }
    expect(all).toHaveLength(1200);

    const byId = new Map(users.map((u) => [u.id, u]));
    const cities = vocabulary().places.regions.flatMap((r) => r.cities.map((city) => ({ ...city, region: r.region })));
    for (const c of all) {
      expect(c.phone).toMatch(/^(1[358]\d{9}|0\d{2,3}-[2-8]\d{7}(转\d{3,4})?)$/);
      // The company is named after its city; the address and the region match that city.
      const place = cities.find((p) => c.name.startsWith(p.city));
      expect(place, c.name).toBeDefined();
      expect(c.address).toContain(`${place!.province}${place!.city}市`);
      expect(c.region).toBe(place!.region);
      const owner = byId.get(c.ownerId)!;
      expect(['rep', 'supervisor']).toContain(owner.role);
      if (owner.role === 'rep') expect(c.region).toBe(owner.region);
      // C-LEAD: only prospects carry a lead temperature.
      expect(c.leadTemperature === null).toBe(c.status !== 'prospect');
      // S-DEFAULT / S-MONTHLY / S-CREDIT.
      if (c.settlementType === 'monthly') {
        expect(c.grade).not.toBe('ordinary');
        expect(c.creditDays).toBe(c.grade === 'strategic' ? 60 : 30);
        expect(c.creditLimitFen).toBeGreaterThan(0);
        expect(c.creditLimitFen % 100).toBe(0);
        expect(c.monthlyAgreementDate).not.toBeNull();
        expect(c.monthlyVolume >= 50_000 || c.famousCompany || c.factoryAuditPassed).toBe(true);
      } else {
        expect([c.creditDays, c.creditLimitFen, c.monthlyAgreementDate]).toEqual([0, 0, null]);
      }
      expect(Number.isInteger(c.monthlyVolume) && c.monthlyVolume > 0).toBe(true);
    }
    const grades = all.filter((c) => c.status === 'active').map((c) => c.grade);
    expect(grades.filter((g) => g === 'ordinary').length / grades.length).toBeGreaterThan(0.6);
    expect(grades).toContain('strategic');

    // One audit row for the batch.
    const audit = await admin.call('audit.list', { entity: 'customers' });
    expect(audit.rows.filter((r) => r.action === 'demo.generate')).toHaveLength(1);
  });

  it('leaves pending C-NEW applications and C-CHANGE requests that a manager can decide', async () => {
    const t = await demoCore(500);
    const manager = await signIn(t, 'manager1');
    const inbox = await manager.call('approvals.inbox', {});
    expect(inbox.applications.length).toBeGreaterThanOrEqual(3);
    expect(inbox.changeRequests.length).toBeGreaterThanOrEqual(3);
    expect(inbox.applications.every((a) => a.month === '2026-11')).toBe(true);

    const request = inbox.changeRequests[0]!;
    const decided = await manager.call('approvals.decideChange', { id: request.id, decision: 'approve', comment: '同意' });
    expect(decided.status).toBe('approved');
    const { customer } = await manager.call('customers.get', { id: request.customerId });
    for (const change of request.changes) expect(customer[change.field as keyof typeof customer]).toEqual(change.after);
  });

  it('keeps a rep to his own customers', async () => {
    const t = await demoCore(400);
    const rep = await signIn(t, 'rep01');
    const page = await rep.call('customers.list', { startRow: 0, endRow: 1000, includeArchived: true });
    expect(page.total).toBeGreaterThan(0);
    expect(new Set(page.rows.map((c) => c.ownerName))).toEqual(new Set(['周晓峰']));
  });

  it('gives identical customer files for the same seed, and appends on a second run', async () => {
    const [a, b] = [await demoCore(300, 9), await demoCore(300, 9)];
    const rows = (t: TestCore, table: string) => t.core.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    expect(rows(a, 'customers')).toEqual(rows(b, 'customers'));
    expect(rows(a, 'customer_applications')).toEqual(rows(b, 'customer_applications'));
    expect(rows(a, 'customer_change_requests')).toEqual(rows(b, 'customer_change_requests'));

    const again = await generateDemo(a.core, { customers: 50, seed: 9, asOf: AS_OF, expenses: false, hr: false });
    expect(again.setup).toBeNull();
    expect(again.team.every((m) => !m.created)).toBe(true);
    expect(again.customers).toEqual({ count: 50, first: 'C000301', last: 'C000350' });
    const names = a.core.database.sqlite.prepare('SELECT COUNT(DISTINCT name) AS d, COUNT(*) AS n FROM customers').get();
    expect(names).toEqual({ d: 350, n: 350 });
  });
});
