// Optimistic concurrency: an edit made on a stale copy of a customer file is refused, so nobody
// silently overwrites a colleague's change; archived files are read-only until unarchived.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, teamCore, teamTemplate, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

async function setup() {
  t = await teamCore(template);
  const { manager, assistant, repA: rep } = t.team;
  const { customer } = await createCustomer(rep, 'C001');
  return { manager, assistant, rep, customer };
}

describe('customers.update with a version', () => {
  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const { manager, assistant, customer } = await setup();
    const first = await manager.call('customers.update', { id: customer.id, version: 0, patch: { industry: '化工' } });
    expect(first.customer.version).toBe(1);
    const before = t.snapshot();
    const error = await assistant.fail('customers.update', { id: customer.id, version: 0, patch: { industry: '纺织', notes: '覆盖' } });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('刷新');
    expect(t.snapshot()).toBe(before);
    // a version from the future is just as stale
    expect((await assistant.fail('customers.update', { id: customer.id, version: 7, patch: { industry: '纺织' } })).code).toBe('CONFLICT');
    const ok = await assistant.call('customers.update', { id: customer.id, version: 1, patch: { industry: '纺织' } });
    expect(ok.customer).toMatchObject({ industry: '纺织', version: 2 });
  });

  it('of two editors with the same copy, the second is refused even for a controlled field', async () => {
    const { manager, rep, customer } = await setup();
    await manager.call('customers.update', { id: customer.id, version: 0, patch: { name: '苏州恒达化工' } });
    const before = t.snapshot();
    const error = await rep.fail('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-1234567' } });
    expect(error.code).toBe('CONFLICT');
    expect(t.snapshot()).toBe(before);
  });

  it('every applied change bumps the version by one', async () => {
    const { manager, customer } = await setup();
    let version = 0;
    for (const industry of ['a', 'b', 'c']) {
      const result = await manager.call('customers.update', { id: customer.id, version, patch: { industry } });
      expect(result.customer.version).toBe(version + 1);
      version = result.customer.version;
    }
  });

  it('an unknown customer is NOT_FOUND', async () => {
    const { manager } = await setup();
    expect((await manager.fail('customers.update', { id: 404, version: 0, patch: { industry: 'x' } })).code).toBe('NOT_FOUND');
  });
});

describe('archiving', () => {
  it('hides the customer from the default list; includeArchived shows it', async () => {
    const { rep, customer } = await setup();
    const archived = await rep.call('customers.setArchived', { id: customer.id, archived: true });
    expect(archived).toMatchObject({ id: customer.id, archived: true, version: 1 });
    expect((await rep.call('customers.list', {})).total).toBe(0);
    const all = await rep.call('customers.list', { includeArchived: true });
    expect(all.rows.map((r) => [r.customerNo, r.archived])).toEqual([['C001', true]]);
    // still readable by id
    expect((await rep.call('customers.get', { id: customer.id })).customer.archived).toBe(true);
  });

  it('an archived customer cannot be updated until unarchived', async () => {
    const { rep, manager, customer } = await setup();
    await rep.call('customers.setArchived', { id: customer.id, archived: true });
    const before = t.snapshot();
    for (const caller of [rep, manager]) {
      const error = await caller.fail('customers.update', { id: customer.id, version: 1, patch: { industry: '化工' } });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('已归档');
    }
    expect(t.snapshot()).toBe(before);
    const restored = await rep.call('customers.setArchived', { id: customer.id, archived: false });
    expect(restored).toMatchObject({ archived: false, version: 2 });
    expect((await rep.call('customers.update', { id: customer.id, version: 2, patch: { industry: '化工' } })).customer.industry).toBe('化工');
    expect((await rep.call('customers.list', {})).total).toBe(1);
  });

  it('archiving an archived customer again changes nothing', async () => {
    const { rep, customer } = await setup();
    await rep.call('customers.setArchived', { id: customer.id, archived: true });
    const before = t.snapshot();
    expect((await rep.call('customers.setArchived', { id: customer.id, archived: true })).version).toBe(1);
    expect(t.snapshot()).toBe(before);
  });

  it('a rep cannot archive another rep’s customer', async () => {
    const { customer } = await setup();
    const other = t.team.repB;
    const before = t.snapshot();
    expect((await other.fail('customers.setArchived', { id: customer.id, archived: true })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });
});
