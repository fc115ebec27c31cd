// C-NEW 新增客户申请 (DOMAIN §2): a new customer needs an application approved by a manager; one
// customer has at most one pending-or-approved application, and a rejected one can be refiled.
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
  const now = new Date(2026, 10, 20, 9, 0);
  t = await teamCore(template, { now: () => now });
  const { manager, repA: rep } = t.team;
  const created = await createCustomer(rep, 'C001');
  return { manager, rep, now, ...created };
}

describe('approvals.decideApplication', () => {
  it('approve: the application and the customer show it, with decider and time', async () => {
    const { manager, rep, customer, application, now } = await setup();
    expect((await manager.call('approvals.inbox', {})).applications.map((a) => a.id)).toEqual([application.id]);
    const decided = await manager.call('approvals.decideApplication', { id: application.id, decision: 'approve', comment: '同意' });
    expect(decided).toMatchObject({
      id: application.id,
      status: 'approved',
      decidedBy: manager.id,
      decidedByName: '王经理',
      decidedAt: now.toISOString(),
      comment: '同意',
      appliedBy: rep.id,
      month: '2026-11',
    });
    expect((await rep.call('customers.get', { id: customer.id })).customer.applicationStatus).toBe('approved');
    expect((await manager.call('approvals.inbox', {})).applications).toEqual([]);
  });

  it('reject: the customer shows the rejection', async () => {
    const { manager, rep, customer, application } = await setup();
    const decided = await manager.call('approvals.decideApplication', { id: application.id, decision: 'reject', comment: '本月无业务' });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: manager.id, comment: '本月无业务' });
    expect((await rep.call('customers.get', { id: customer.id })).customer.applicationStatus).toBe('rejected');
  });

  it('deciding twice is a CONFLICT; an unknown id NOT_FOUND', async () => {
    const { manager, application } = await setup();
    await manager.call('approvals.decideApplication', { id: application.id, decision: 'approve' });
    const before = t.snapshot();
    const error = await manager.fail('approvals.decideApplication', { id: application.id, decision: 'reject' });
    expect(error.code).toBe('CONFLICT');
    expect(t.snapshot()).toBe(before);
    expect((await manager.fail('approvals.decideApplication', { id: 4242, decision: 'approve' })).code).toBe('NOT_FOUND');
  });

  it('a manager cannot approve the application he filed himself', async () => {
    const { manager, rep } = await setup();
    const { application } = await manager.call('customers.create', { customer: { customerNo: 'M001', name: '经理的客户', ownerId: rep.id } });
    expect((await manager.call('approvals.inbox', {})).applications.map((a) => a.customerNo)).toEqual(['C001']);
    const before = t.snapshot();
    const error = await manager.fail('approvals.decideApplication', { id: application.id, decision: 'approve' });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('不能审批自己提交的申请');
    expect(t.snapshot()).toBe(before);
    // another approver can
    const { director } = t.team;
    expect((await director.call('approvals.inbox', {})).applications.map((a) => a.customerNo).sort()).toEqual(['C001', 'M001']);
    expect((await director.call('approvals.decideApplication', { id: application.id, decision: 'approve' })).status).toBe('approved');
  });

  it('reps cannot decide, and see nothing in their inbox', async () => {
    const { rep, application } = await setup();
    expect((await rep.fail('approvals.decideApplication', { id: application.id, decision: 'approve' })).code).toBe('FORBIDDEN');
    expect(await rep.call('approvals.inbox', {})).toEqual({ applications: [], changeRequests: [] });
  });
});

describe('customers.apply', () => {
  it('is refused while an application is pending, and once one is approved', async () => {
    const { manager, rep, customer, application } = await setup();
    const before = t.snapshot();
    const pending = await rep.fail('customers.apply', { customerId: customer.id });
    expect(pending.code).toBe('CONFLICT');
    expect(pending.message).toContain('待审批');
    expect(pending.message).toContain(`#${application.id}`);
    expect(t.snapshot()).toBe(before);
    await manager.call('approvals.decideApplication', { id: application.id, decision: 'approve' });
    const approved = await rep.fail('customers.apply', { customerId: customer.id, reason: '再来一次' });
    expect(approved.code).toBe('CONFLICT');
    expect(approved.message).toContain('已批准');
    expect(t.count('customer_applications')).toBe(1);
  });

  it('is allowed after a rejection, and the new application is pending for this month', async () => {
    const { manager, rep, customer, application } = await setup();
    await manager.call('approvals.decideApplication', { id: application.id, decision: 'reject' });
    const again = await rep.call('customers.apply', { customerId: customer.id, reason: '客户已下单' });
    expect(again).toMatchObject({ customerId: customer.id, status: 'pending', appliedBy: rep.id, reason: '客户已下单', month: '2026-11' });
    expect(again.id).not.toBe(application.id);
    expect((await rep.call('customers.get', { id: customer.id })).customer.applicationStatus).toBe('pending');
    expect((await rep.call('customers.get', { id: customer.id })).applications.map((a) => a.status)).toEqual(['pending', 'rejected']);
    expect((await rep.fail('customers.apply', { customerId: customer.id })).code).toBe('CONFLICT');
  });
});

describe('approvals.mine', () => {
  it('lists what the caller filed, newest first, and nothing of others', async () => {
    const { manager, rep, customer, application } = await setup();
    const second = await createCustomer(rep, 'C002');
    const change = await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-1234567' } });
    await manager.call('approvals.decideApplication', { id: application.id, decision: 'approve' });
    const mine = await rep.call('approvals.mine', {});
    expect(mine.applications.map((a) => [a.id, a.status])).toEqual([
      [second.application.id, 'pending'],
      [application.id, 'approved'],
    ]);
    expect(mine.changeRequests.map((r) => r.id)).toEqual([change.changeRequest!.id]);
    const other = t.team.repB;
    expect(await other.call('approvals.mine', {})).toEqual({ applications: [], changeRequests: [] });
    expect((await manager.call('approvals.mine', {})).applications).toEqual([]);
  });
});
