// Customer files (DOMAIN §2–§3): who may create them for whom, the C-NEW application filed with a
// new customer, S-DEFAULT (cash, no credit) at creation, unique numbers, and who sees which files.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localMonth } from '../../shared/dates';
import { createCustomer, customerInput, teamCore, teamTemplate, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

describe('customers.create', () => {
  it('by a rep: he owns it, S-DEFAULT defaults apply and a pending C-NEW application for this month is filed', async () => {
    const now = new Date(2026, 10, 23, 10, 30); // 2026-11-23 10:30 local time
    t = await teamCore(template, { now: () => now });
    const rep = t.team.repA;
    const { customer, application } = await rep.call('customers.create', {
      customer: { customerNo: ' C001 ', name: ' 苏州恒达化工 ', phone: '0512-66881234' },
      reason: '新开发客户，本月有订单',
    });
    expect(customer).toMatchObject({
      customerNo: 'C001',
      name: '苏州恒达化工',
      phone: '0512-66881234',
      ownerId: rep.id,
      ownerName: '张伟',
      settlementType: 'cash',
      creditLimitFen: 0,
      creditDays: 0,
      status: 'prospect',
      grade: 'ordinary',
      volumeUnit: '吨',
      archived: false,
      version: 0,
      applicationStatus: 'pending',
      pendingChanges: 0,
      createdAt: now.toISOString(),
    });
    expect(application).toMatchObject({
      customerId: customer.id,
      customerNo: 'C001',
      appliedBy: rep.id,
      appliedByName: '张伟',
      month: '2026-11',
      status: 'pending',
      reason: '新开发客户，本月有订单',
      decidedBy: null,
      decidedAt: null,
    });
    expect(application.month).toBe(localMonth(now));
    const detail = await rep.call('customers.get', { id: customer.id });
    expect(detail.applications).toEqual([application]);
    expect(detail.changeRequests).toEqual([]);
  });

  it('files the application for the local month, not the UTC one (an office in China just after midnight on the 1st)', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const now = new Date('2026-11-30T16:30:00Z'); // 2026-12-01 00:30 in Beijing
      t = await teamCore(template, { now: () => now });
      const { application } = await createCustomer(t.team.repA, 'C001');
      expect(application.month).toBe('2026-12');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses a rep creating a customer for another owner, and writes nothing', async () => {
    t = await teamCore(template);
    const { repA: rep, repB: other } = t.team;
    const before = t.snapshot();
    const error = await rep.fail('customers.create', { customer: customerInput('C001', { ownerId: other.id }) });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^客户经理：/);
    expect(error.issues[0]?.field).toBe('ownerId');
    expect(t.snapshot()).toBe(before);
  });

  it('an assistant must name the owner rep, and may name any salesperson', async () => {
    t = await teamCore(template);
    const { assistant, repB: rep, finance } = t.team;
    const missing = await assistant.fail('customers.create', { customer: customerInput('C001') });
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toBe('客户经理：不能为空，请选择负责的客户经理');
    const notSales = await assistant.fail('customers.create', { customer: customerInput('C001', { ownerId: finance.id }) });
    expect(notSales.message).toMatch(/^客户经理：必须是销售人员/);
    const unknown = await assistant.fail('customers.create', { customer: customerInput('C001', { ownerId: 999 }) });
    expect(unknown.message).toMatch(/^客户经理：/);
    expect(t.count('customers')).toBe(0);
    const { customer, application } = await assistant.call('customers.create', { customer: customerInput('C001', { ownerId: rep.id }) });
    expect(customer.ownerName).toBe('李娜');
    expect(application.appliedBy).toBe(assistant.id);
  });

  it('refuses an inactive owner', async () => {
    t = await teamCore(template);
    const { manager, repB: rep } = t.team;
    await t.admin.call('users.update', { id: rep.id, patch: { active: false } });
    const error = await manager.fail('customers.create', { customer: customerInput('C001', { ownerId: rep.id }) });
    expect(error.message).toMatch(/^客户经理：该用户不存在或已停用/);
  });

  it('refuses a duplicate customer number naming 客户编号, and writes nothing', async () => {
    t = await teamCore(template);
    const { repA: rep, manager } = t.team;
    await createCustomer(rep, 'C001');
    const before = t.snapshot();
    for (const caller of [rep, manager]) {
      const error = await caller.fail('customers.create', { customer: customerInput(' C001', { ownerId: rep.id }) });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^客户编号：/);
      expect(error.message).toContain('C001');
      expect(error.issues[0]?.field).toBe('customerNo');
    }
    expect(t.snapshot()).toBe(before);
  });

  it('S-DEFAULT: refuses monthly settlement or any credit at creation, and writes nothing', async () => {
    t = await teamCore(template);
    const { repA: rep, manager } = t.team;
    const before = t.snapshot();
    const cases = [
      [{ settlementType: 'monthly' as const }, 'settlementType', '结算方式'],
      [{ creditLimitFen: 1 }, 'creditLimitFen', '信用额度'],
      [{ creditDays: 30 }, 'creditDays', '账期(天)'],
    ] as const;
    for (const caller of [rep, manager]) {
      for (const [extra, field, label] of cases) {
        const error = await caller.fail('customers.create', { customer: customerInput('C001', { ownerId: rep.id, ...extra }) });
        expect(error.code).toBe('VALIDATION');
        expect(error.issues[0]?.field).toBe(field);
        expect(error.message.startsWith(`${label}：`)).toBe(true);
        expect(error.message).toContain('S-DEFAULT');
      }
    }
    expect(t.snapshot()).toBe(before);
    // cash and prepaid are fine
    expect((await createCustomer(rep, 'C001', { settlementType: 'prepaid' })).customer.settlementType).toBe('prepaid');
    expect((await createCustomer(rep, 'C002', { settlementType: 'cash', creditLimitFen: 0, creditDays: 0 })).customer.settlementType).toBe('cash');
  });

  it('refuses finance (reads only) with FORBIDDEN', async () => {
    t = await teamCore(template);
    const { finance, repA: rep } = t.team;
    const { customer } = await createCustomer(rep, 'C001');
    const before = t.snapshot();
    expect((await finance.fail('customers.create', { customer: customerInput('C002', { ownerId: rep.id }) })).code).toBe('FORBIDDEN');
    expect((await finance.fail('customers.update', { id: customer.id, version: 0, patch: { industry: '化工' } })).code).toBe('FORBIDDEN');
    expect((await finance.fail('customers.setArchived', { id: customer.id, archived: true })).code).toBe('FORBIDDEN');
    expect(t.snapshot()).toBe(before);
    expect((await finance.call('customers.get', { id: customer.id })).customer.customerNo).toBe('C001');
  });
});

describe('who sees which customers', () => {
  async function team() {
    t = await teamCore(template);
    const { supervisor, repA, repB } = t.team; // repA reports to the supervisor, repB does not
    const a = (await createCustomer(repA, 'A001')).customer;
    const b = (await createCustomer(repB, 'B001')).customer;
    const s = (await createCustomer(supervisor, 'S001')).customer;
    return { supervisor, repA, repB, a, b, s };
  }
  const numbers = (rows: { customerNo: string }[]) => rows.map((r) => r.customerNo).sort();

  it('a rep sees only his own customers; another rep’s customer is NOT_FOUND, not FORBIDDEN', async () => {
    const { repA, repB, a, b } = await team();
    const page = await repA.call('customers.list', {});
    expect(numbers(page.rows)).toEqual(['A001']);
    expect(page.total).toBe(1);
    const error = await repA.fail('customers.get', { id: b.id });
    expect(error.code).toBe('NOT_FOUND');
    // the answer is the same as for a customer that does not exist, so nothing can be probed
    expect(error.message).toBe(`客户 #${b.id} 不存在或您无权查看`);
    expect((await repA.fail('customers.get', { id: 9999 })).message).toBe('客户 #9999 不存在或您无权查看');
    expect((await repB.fail('customers.update', { id: a.id, version: 0, patch: { industry: 'x' } })).code).toBe('NOT_FOUND');
    expect((await repB.fail('customers.setArchived', { id: a.id, archived: true })).code).toBe('NOT_FOUND');
    expect((await repB.fail('customers.apply', { customerId: a.id })).code).toBe('NOT_FOUND');
    // the quick search does not leak either
    expect((await repB.call('customers.list', { quickSearch: 'A001' })).total).toBe(0);
  });

  it('a supervisor sees his own and his direct reports’ customers, not other teams’', async () => {
    const { supervisor, a, b } = await team();
    expect(numbers((await supervisor.call('customers.list', {})).rows)).toEqual(['A001', 'S001']);
    expect((await supervisor.call('customers.get', { id: a.id })).customer.customerNo).toBe('A001');
    expect((await supervisor.fail('customers.get', { id: b.id })).code).toBe('NOT_FOUND');
  });

  it('a supervisor may give a customer to his team but not to another team', async () => {
    const { supervisor, repA, repB } = await team();
    const mine = await supervisor.call('customers.create', { customer: customerInput('S002', { ownerId: repA.id }) });
    expect(mine.customer.ownerId).toBe(repA.id);
    const error = await supervisor.fail('customers.create', { customer: customerInput('S003', { ownerId: repB.id }) });
    expect(error.message).toMatch(/^客户经理：您只能把客户分配给自己或本团队成员/);
  });

  it('manager, assistant, finance, director, gm and admin see every customer', async () => {
    const { a } = await team();
    for (const role of ['manager', 'assistant', 'finance', 'director', 'gm', 'admin'] as const) {
      const caller = role === 'admin' ? t.admin : t.team[role];
      expect(numbers((await caller.call('customers.list', {})).rows), role).toEqual(['A001', 'B001', 'S001']);
      expect((await caller.call('customers.get', { id: a.id })).customer.id, role).toBe(a.id);
    }
  });

  it('a rep cannot hand a customer over or renumber it; a manager can', async () => {
    const { repA, repB, a } = await team();
    const { manager } = t.team;
    const handover = await repA.fail('customers.update', { id: a.id, version: 0, patch: { ownerId: repB.id } });
    expect(handover.message).toMatch(/^客户经理：客户经理不能自行移交客户/);
    const renumber = await repA.fail('customers.update', { id: a.id, version: 0, patch: { customerNo: 'A999' } });
    expect(renumber.message).toMatch(/^客户编号：/);
    const moved = await manager.call('customers.update', { id: a.id, version: 0, patch: { ownerId: repB.id, customerNo: 'B002' } });
    expect(moved.customer).toMatchObject({ ownerId: repB.id, customerNo: 'B002', version: 1 });
    expect((await repA.fail('customers.get', { id: a.id })).code).toBe('NOT_FOUND');
    expect((await repB.call('customers.get', { id: a.id })).customer.customerNo).toBe('B002');
    const taken = await manager.fail('customers.update', { id: a.id, version: 1, patch: { customerNo: 'S001' } });
    expect(taken.message).toMatch(/^客户编号：/);
  });
});
