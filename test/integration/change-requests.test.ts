// C-CHANGE 客户信息变更 (DOMAIN §2, §3): contact details, settlement type, service requirements,
// project prices (and the credit terms that follow settlement) change only after a manager
// approves; old and new values and the approver are kept. Other fields apply at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CONTROLLED_FIELDS } from '../../shared/customers';
import { createCustomer, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

async function setup() {
  let clock = new Date('2026-11-23T02:00:00.000Z');
  t = await teamCore(template, { now: () => clock });
  const { manager, repA: rep } = t.team;
  const { customer } = await createCustomer(rep, 'C001', { phone: '0512-1111111', contactPerson: '陈先生' });
  const tick = () => (clock = new Date(clock.getTime() + 60_000));
  return { manager, rep, customer, tick };
}

describe('a rep’s edit', () => {
  it('applies uncontrolled fields at once and files ONE pending request for the controlled ones', async () => {
    const { rep, customer } = await setup();
    const result = await rep.call('customers.update', {
      id: customer.id,
      version: 0,
      patch: { phone: '0512-2222222', industry: '化工' },
      reason: '客户换了号码',
    });
    expect(result.applied).toEqual(['industry']);
    expect(result.customer).toMatchObject({ industry: '化工', phone: '0512-1111111', version: 1, pendingChanges: 1 });
    expect(result.changeRequest).toMatchObject({
      customerId: customer.id,
      customerNo: 'C001',
      requestedBy: rep.id,
      requestedByName: '张伟',
      status: 'pending',
      reason: '客户换了号码',
      changes: [{ field: 'phone', before: '0512-1111111', after: '0512-2222222' }],
      decidedBy: null,
      decidedAt: null,
    });
    const detail = await rep.call('customers.get', { id: customer.id });
    expect(detail.customer.pendingChanges).toBe(1);
    expect(detail.changeRequests).toEqual([result.changeRequest]);
    expect(t.count('customer_change_requests')).toBe(1);
  });

  it('puts several controlled fields of one edit into one request', async () => {
    const { rep, customer } = await setup();
    const result = await rep.call('customers.update', {
      id: customer.id,
      version: 0,
      patch: { contactPerson: '周经理', settlementType: 'monthly', creditDays: 30, creditLimitFen: 5_000_000, notes: '大客户' },
    });
    expect(result.applied).toEqual(['notes']);
    expect(result.changeRequest!.changes.map((c) => c.field).sort()).toEqual(['contactPerson', 'creditDays', 'creditLimitFen', 'settlementType']);
    expect(result.customer).toMatchObject({ contactPerson: '陈先生', settlementType: 'cash', creditDays: 0, creditLimitFen: 0, notes: '大客户' });
    expect(t.count('customer_change_requests')).toBe(1);
  });

  it('treats every controlled field as controlled', async () => {
    const { rep, customer } = await setup();
    const values: Record<(typeof CHANGE_CONTROLLED_FIELDS)[number], unknown> = {
      grade: 'core',
      contactPerson: '周经理',
      phone: '0512-9999999',
      address: '苏州工业园区星湖街 1 号',
      settlementType: 'prepaid',
      serviceRequirements: '每周送货两次',
      projectPrices: '硫酸 1200 元/吨',
      creditLimitFen: 100,
      creditDays: 15,
      monthlyAgreementDate: '2026-11-01',
    };
    let version = 0;
    for (const field of CHANGE_CONTROLLED_FIELDS) {
      const result = await rep.call('customers.update', { id: customer.id, version, patch: { [field]: values[field] } });
      expect(result.applied, field).toEqual([]);
      expect(result.changeRequest?.changes.map((c) => [c.field, c.after]), field).toEqual([[field, values[field]]]);
      version = result.customer.version;
    }
    const detail = await rep.call('customers.get', { id: customer.id });
    expect(detail.customer.pendingChanges).toBe(CHANGE_CONTROLLED_FIELDS.length);
    expect(detail.customer.version).toBe(0);
  });

  it('a value equal to the current one is no change at all', async () => {
    const { rep, customer } = await setup();
    const result = await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-1111111', industry: '' } });
    expect(result).toMatchObject({ applied: [], changeRequest: null });
    expect(result.customer.version).toBe(0);
  });

  it('refuses a second edit of a field that is already waiting, naming 电话, and writes nothing', async () => {
    const { rep, customer } = await setup();
    const first = await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-2222222', industry: '化工' } });
    const before = t.snapshot();
    const error = await rep.fail('customers.update', { id: customer.id, version: first.customer.version, patch: { phone: '0512-3333333', notes: 'x' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^电话：已有待审批的变更申请/);
    expect(error.message).toContain(`#${first.changeRequest!.id}`);
    expect(error.issues[0]?.field).toBe('phone');
    expect(t.snapshot()).toBe(before);
    // another controlled field may still be requested
    const other = await rep.call('customers.update', { id: customer.id, version: first.customer.version, patch: { address: '新地址' } });
    expect(other.changeRequest?.status).toBe('pending');
    expect(other.customer.pendingChanges).toBe(2);
  });
});

describe('a manager’s decision', () => {
  async function pending() {
    const ctx = await setup();
    const { rep, customer } = ctx;
    const edit = await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-2222222', industry: '化工' } });
    return { ...ctx, request: edit.changeRequest!, version: edit.customer.version };
  }

  it('approving applies the value, bumps the version and keeps who decided when', async () => {
    const { manager, rep, customer, request, version, tick } = await pending();
    const inbox = await manager.call('approvals.inbox', {});
    expect(inbox.changeRequests.map((r) => r.id)).toEqual([request.id]);
    const decidedAt = tick();
    const decided = await manager.call('approvals.decideChange', { id: request.id, decision: 'approve', comment: '已电话核实' });
    expect(decided).toMatchObject({
      id: request.id,
      status: 'approved',
      decidedBy: manager.id,
      decidedByName: '王经理',
      decidedAt: decidedAt.toISOString(),
      comment: '已电话核实',
      changes: [{ field: 'phone', before: '0512-1111111', after: '0512-2222222' }],
    });
    const after = (await rep.call('customers.get', { id: customer.id })).customer;
    expect(after).toMatchObject({ phone: '0512-2222222', industry: '化工', version: version + 1, pendingChanges: 0, updatedAt: decidedAt.toISOString() });
    expect((await manager.call('approvals.inbox', {})).changeRequests).toEqual([]);
    // the rep sees the outcome among his requests
    expect((await rep.call('approvals.mine', {})).changeRequests[0]).toMatchObject({ id: request.id, status: 'approved', decidedBy: manager.id });
    // and the field can be requested again
    const again = await rep.call('customers.update', { id: customer.id, version: after.version, patch: { phone: '0512-3333333' } });
    expect(again.changeRequest?.changes).toEqual([{ field: 'phone', before: '0512-2222222', after: '0512-3333333' }]);
  });

  it('rejecting leaves the value unchanged and keeps the decision', async () => {
    const { manager, rep, customer, request, version } = await pending();
    const decided = await manager.call('approvals.decideChange', { id: request.id, decision: 'reject', comment: '号码不对' });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: manager.id, comment: '号码不对' });
    expect(decided.decidedAt).not.toBeNull();
    const after = (await rep.call('customers.get', { id: customer.id })).customer;
    expect(after).toMatchObject({ phone: '0512-1111111', version, pendingChanges: 0 });
  });

  it('deciding twice is a CONFLICT and changes nothing', async () => {
    const { manager, request } = await pending();
    const { director } = t.team;
    await manager.call('approvals.decideChange', { id: request.id, decision: 'reject' });
    const before = t.snapshot();
    for (const [caller, decision] of [
      [manager, 'approve'],
      [director, 'reject'],
    ] as const) {
      const error = await caller.fail('approvals.decideChange', { id: request.id, decision });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('已经审批过了');
    }
    expect(t.snapshot()).toBe(before);
  });

  it('an unknown request is NOT_FOUND', async () => {
    const { manager } = await setup();
    expect((await manager.fail('approvals.decideChange', { id: 999, decision: 'approve' })).code).toBe('NOT_FOUND');
  });

  it('reps, supervisors, assistants and finance cannot decide (FORBIDDEN); director and gm can', async () => {
    const { rep, request } = await pending();
    const callers: Caller[] = [rep, t.team.supervisor, t.team.assistant, t.team.finance];
    const before = t.snapshot();
    for (const caller of callers) {
      expect((await caller.fail('approvals.decideChange', { id: request.id, decision: 'approve' })).code).toBe('FORBIDDEN');
    }
    expect(t.snapshot()).toBe(before);
    const { director } = t.team;
    expect((await director.call('approvals.decideChange', { id: request.id, decision: 'approve' })).status).toBe('approved');
  });

  it('nobody approves his own request, even after a promotion', async () => {
    const { rep, manager, request } = await pending();
    await t.admin.call('users.update', { id: rep.id, patch: { role: 'manager' } });
    expect((await rep.call('approvals.inbox', {})).changeRequests).toEqual([]);
    const before = t.snapshot();
    const error = await rep.fail('approvals.decideChange', { id: request.id, decision: 'approve' });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('不能审批自己提交的申请');
    expect(t.snapshot()).toBe(before);
    expect((await manager.call('approvals.inbox', {})).changeRequests.map((r) => r.id)).toEqual([request.id]);
  });
});

describe('a manager’s own edit', () => {
  it('applies controlled fields at once and records an approved request with himself as decider', async () => {
    const { manager, customer } = await setup();
    const result = await manager.call('customers.update', {
      id: customer.id,
      version: 0,
      patch: { phone: '0512-5555555', settlementType: 'monthly', creditDays: 30, industry: '化工' },
      reason: '已签月结协议',
    });
    expect(result.applied.sort()).toEqual(['creditDays', 'industry', 'phone', 'settlementType']);
    expect(result.customer).toMatchObject({ phone: '0512-5555555', settlementType: 'monthly', creditDays: 30, industry: '化工', version: 1, pendingChanges: 0 });
    expect(result.changeRequest).toMatchObject({
      status: 'approved',
      requestedBy: manager.id,
      decidedBy: manager.id,
      decidedByName: '王经理',
      reason: '已签月结协议',
    });
    expect(result.changeRequest!.decidedAt).toBe(result.changeRequest!.requestedAt);
    expect(result.changeRequest!.changes.map((c) => c.field).sort()).toEqual(['creditDays', 'phone', 'settlementType']);
    expect(result.changeRequest!.changes.find((c) => c.field === 'phone')).toEqual({ field: 'phone', before: '0512-1111111', after: '0512-5555555' });
    // nothing waits in anybody's inbox
    expect((await t.team.gm.call('approvals.inbox', {})).changeRequests).toEqual([]);
  });

  it('an edit of uncontrolled fields only files no request', async () => {
    const { manager, customer } = await setup();
    const result = await manager.call('customers.update', { id: customer.id, version: 0, patch: { status: 'active', notes: '重点跟进', industry: '化工' } });
    expect(result.changeRequest).toBeNull();
    expect(t.count('customer_change_requests')).toBe(0);
  });
});
