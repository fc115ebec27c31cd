import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('walking skeleton', () => {
  it('sets up, signs in and lists customers through the dispatcher', async () => {
    t = await testCore();
    const rep = await t.userWith('rep');
    const created = await rep.call('customers.create', { customer: { customerNo: 'C001', name: '测试客户' } });
    expect(created.customer.ownerId).toBe(rep.id);
    const page = await rep.call('customers.list', { startRow: 0, endRow: 50 });
    expect(page.total).toBe(1);
    expect(page.rows[0]?.name).toBe('测试客户');
  });
});
