// Requests judged by the policy engine (DOMAIN §1 "approvals are enforced in the main process", §6
// expenses, §8 leave): judged once at submission by the parameters in force that day; a blocked
// request is refused and nothing is written; otherwise its steps are the applicant's direct superior
// by name, then roles: the first holder of the role up the applicant's own line by name, else anyone
// holding it (escalating up the line when nobody but the applicant holds one). Inbox,
// decide, withdraw; nobody ever approves his own request; every write is audited.
// Expenses are filed through expenses.create (which links them to a customer, order or trip and
// files their request); the generic requests.submit refuses every expense kind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ChannelInput } from '../../shared/api';
import type { PolicyRequest } from '../../shared/requests';
import { EXPENSE_KIND } from '../../shared/expenses';
import { KINDS } from '../../electron/core/policy/kinds';
import { teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const TODAY = '2026-11-23'; // a Monday
const TOMORROW = '2026-11-24';

/** A team core whose clock the test moves (noon in Shanghai, so the local date is the same in UTC and +08:00). */
async function setup() {
  clock = new Date(`${TODAY}T04:00:00.000Z`);
  t = await teamCore(template, { now: () => clock });
  return t.team;
}

const hasKind = (kind: string) => KINDS.some((k) => k.kind === kind && k.submittable);

/** The policy request `{ kind: 'expense', amount }` (E-APPROVAL only): what an expense of type 'other' is judged as. */
const expense = (amount: number) => ({ kind: 'expense', amount });

function submit(caller: Caller, request: Record<string, unknown>, extra: Omit<ChannelInput<'requests.submit'>, 'request'> = {}): Promise<PolicyRequest> {
  return caller.call('requests.submit', { request, ...extra });
}

/** An expense filed as the forms file it (expenses.create, type 'other'); `fields` may add to the amount. */
function expenseInput(amount: number, extra: { note?: string; applicantId?: number; fields?: Record<string, unknown> } = {}): ChannelInput<'expenses.create'> {
  return {
    type: 'other',
    purpose: extra.note || '客户拜访',
    fields: { amount, ...extra.fields },
    ...(extra.applicantId === undefined ? {} : { applicantId: extra.applicantId }),
  };
}

/** Files an expense through expenses.create and returns its policy request (what requests.* decide). */
async function fileExpense(caller: Caller, amount: number, extra: { note?: string; applicantId?: number; fields?: Record<string, unknown> } = {}): Promise<PolicyRequest> {
  const filed = await caller.call('expenses.create', expenseInput(amount, extra));
  return caller.call('requests.get', { id: filed.requestId });
}

/** A travel registration (出差登记) of the caller, approved by `approver` (his superior), for travel advances. */
async function approvedTrip(caller: Caller, approver: Caller): Promise<number> {
  const trip = await caller.call('expenses.create', { type: 'travel', purpose: '苏州客户拜访', fields: { destination: '苏州', startDate: '2026-11-25', endDate: '2026-11-27' } });
  const approved = await decide(approver, await caller.call('requests.get', { id: trip.requestId }), 'approve');
  expect(approved.status).toBe('approved');
  return trip.id;
}

/** Files a travel advance of `amount` fen under an approved trip of the caller; returns its request. */
async function fileAdvance(caller: Caller, amount: number, tripId: number): Promise<PolicyRequest> {
  const filed = await caller.call('expenses.create', { type: 'travel_advance', purpose: '差旅借款', tripId, fields: { amount } });
  return caller.call('requests.get', { id: filed.requestId });
}

function decide(caller: Caller, request: PolicyRequest, decision: 'approve' | 'reject', comment = ''): Promise<PolicyRequest> {
  return caller.call('requests.decide', { id: request.id, version: request.version, decision, comment });
}

const inboxIds = async (caller: Caller) => (await caller.call('requests.inbox', {})).map((r) => r.id);

/** The steps as [role, approver name or null, status]. */
const stepsOf = (request: PolicyRequest) => request.steps.map((s) => [s.role, s.approverName, s.status]);

async function auditOf(requestId: number): Promise<AuditEntry[]> {
  const page = await t.admin.call('audit.list', { startRow: 0, endRow: 500, entity: 'policy_requests', entityId: String(requestId) });
  return page.rows.sort((a, b) => a.id - b.id);
}

describe('submission: the steps', () => {
  it('a rep’s expense above 5,000 yuan goes to his manager by name, then to the gm above him by name', async () => {
    const { repB, manager, gm } = await setup();
    const request = await fileExpense(repB, 600_000, { note: '客户拜访' });
    expect(request).toMatchObject({
      kind: 'expense',
      applicantId: repB.id,
      applicantName: '李娜',
      enteredById: repB.id,
      enteredByName: '李娜',
      note: '客户拜访',
      status: 'pending',
      submittedOn: TODAY,
      version: 1,
    });
    expect(request.fields).toMatchObject({ amount: 600_000 });
    expect(request.fields).not.toHaveProperty('kind');
    expect(request.decision.decision).toBe('needs_approval');
    expect(request.decision.approvals).toEqual(['manager', 'gm']);
    expect(request.decision.findings.map((f) => f.ruleId)).toEqual(['E-APPROVAL', 'E-APPROVAL']);
    expect(request.steps).toEqual([
      { seq: 1, role: 'manager', approverId: manager.id, approverName: '王经理', status: 'pending', decidedBy: null, decidedByName: null, decidedAt: null, comment: '' },
      { seq: 2, role: 'gm', approverId: gm.id, approverName: '赵总', status: 'waiting', decidedBy: null, decidedByName: null, decidedAt: null, comment: '' },
    ]);
    expect(t.count('policy_requests')).toBe(1);
    expect(t.count('policy_request_steps')).toBe(2);
    expect((await repB.call('requests.mine', {})).map((r) => r.id)).toEqual([request.id]);
    // the gm step is 赵总's, who is on 李娜's line: a second gm does not get it
    const otherGm = await t.userWith('gm', { displayName: '钱副总' });
    const afterManager = await decide(manager, request, 'approve');
    expect(await inboxIds(gm)).toEqual([request.id]);
    expect(await inboxIds(otherGm)).toEqual([]);
    const error = await otherGm.fail('requests.decide', { id: request.id, version: afterManager.version, decision: 'approve', comment: '' });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('赵总');
    expect((await decide(gm, afterManager, 'approve')).status).toBe('approved');
  });

  it('exactly 5,000 yuan needs the manager only; one fen more also the gm', async () => {
    const { repB } = await setup();
    const exactly = await fileExpense(repB, 500_000);
    expect(stepsOf(exactly)).toEqual([['manager', '王经理', 'pending']]);
    expect(exactly.decision.approvals).toEqual(['manager']);
    const above = await fileExpense(repB, 500_001);
    expect(stepsOf(above)).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
  });

  it('a rep under a supervisor: the supervisor, then his manager by name — both, in that order; another manager never sees it', async () => {
    const { repA, supervisor, manager, gm } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const request = await fileExpense(repA, 100_000);
    expect(request.decision.approvals).toEqual(['supervisor', 'manager']);
    expect(request.decision.approvalSteps).toEqual([
      { role: 'supervisor', superior: true },
      { role: 'manager', superior: false },
    ]);
    expect(stepsOf(request)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
    ]);
    expect(request.steps.map((s) => s.approverId)).toEqual([supervisor.id, manager.id]);
    expect(await inboxIds(supervisor)).toEqual([request.id]);
    expect(await inboxIds(manager)).toEqual([]);
    expect(await inboxIds(other)).toEqual([]);
    // the manager cannot take his step before the supervisor; another manager cannot even see it
    const before = t.snapshot();
    const early = await manager.fail('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    expect(early.code).toBe('FORBIDDEN');
    expect(early.message).toContain('孙主管');
    expect((await other.fail('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);

    const bySupervisor = await decide(supervisor, request, 'approve');
    expect(bySupervisor.status).toBe('pending');
    expect(stepsOf(bySupervisor)).toEqual([
      ['supervisor', '孙主管', 'approved'],
      ['manager', '王经理', 'pending'],
    ]);
    expect(await inboxIds(supervisor)).toEqual([]);
    expect(await inboxIds(manager)).toEqual([request.id]);
    expect(await inboxIds(other)).toEqual([]);
    expect((await other.fail('requests.decide', { id: request.id, version: bySupervisor.version, decision: 'approve', comment: '' })).code).toBe('NOT_FOUND');
    // nor can the supervisor take the manager's step as well
    expect((await supervisor.fail('requests.decide', { id: request.id, version: bySupervisor.version, decision: 'approve', comment: '' })).code).toBe('FORBIDDEN');
    const done = await decide(manager, bySupervisor, 'approve');
    expect(done.status).toBe('approved');
    expect(done.steps.map((s) => [s.status, s.decidedByName])).toEqual([
      ['approved', '孙主管'],
      ['approved', '王经理'],
    ]);
    expect(await inboxIds(gm)).toEqual([]);
  });

  it('a rep under a supervisor above 5,000 yuan: the supervisor, his manager, then the gm, each by name', async () => {
    const { repA, supervisor, manager, gm } = await setup();
    const request = await fileExpense(repA, 600_000);
    expect(request.decision.approvals).toEqual(['supervisor', 'manager', 'gm']);
    expect(stepsOf(request)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(request.steps.map((s) => s.approverId)).toEqual([supervisor.id, manager.id, gm.id]);
    const bySupervisor = await decide(supervisor, request, 'approve');
    expect(await inboxIds(gm)).toEqual([]);
    const byManager = await decide(manager, bySupervisor, 'approve');
    expect(stepsOf(byManager)).toEqual([
      ['supervisor', '孙主管', 'approved'],
      ['manager', '王经理', 'approved'],
      ['gm', '赵总', 'pending'],
    ]);
    expect(await inboxIds(gm)).toEqual([request.id]);
    expect((await decide(gm, byManager, 'approve')).status).toBe('approved');
  });

  it('a supervisor’s own expense: his manager only, by name (no second manager step)', async () => {
    const { supervisor, manager } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const request = await fileExpense(supervisor, 100_000);
    expect(request.decision.approvals).toEqual(['manager']);
    expect(request.decision.approvalSteps).toEqual([{ role: 'manager', superior: true }]);
    expect(stepsOf(request)).toEqual([['manager', '王经理', 'pending']]);
    expect(request.steps[0]!.approverId).toBe(manager.id);
    expect(await inboxIds(supervisor)).toEqual([]);
    expect(await inboxIds(manager)).toEqual([request.id]);
    expect(await inboxIds(other)).toEqual([]);
    expect((await decide(manager, request, 'approve')).status).toBe('approved');
  });

  it('a manager’s own expense: only his director (no manager step); the gm above 5,000 yuan', async () => {
    const { manager, director, gm } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const request = await fileExpense(manager, 100_000);
    expect(request.decision.approvals).toEqual(['director']);
    expect(request.decision.approvalSteps).toEqual([{ role: 'director', superior: true }]);
    expect(stepsOf(request)).toEqual([['director', '钱总监', 'pending']]);
    expect(request.steps[0]!.approverId).toBe(director.id);
    expect(await inboxIds(manager)).toEqual([]);
    expect(await inboxIds(other)).toEqual([]);
    expect(await inboxIds(director)).toEqual([request.id]);
    expect((await decide(director, request, 'approve')).status).toBe('approved');
    const above = await fileExpense(manager, 600_000);
    expect(above.decision.approvals).toEqual(['director', 'gm']);
    expect(stepsOf(above)).toEqual([
      ['director', '钱总监', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(above.steps[1]!.approverId).toBe(gm.id);
  });

  it('a rep without a superior goes to a gm', async () => {
    const { gm, manager } = await setup();
    const loner = await t.userWith('rep', { displayName: '陈独立' });
    const request = await fileExpense(loner, 100_000);
    expect(request.decision.approvals).toEqual(['gm']);
    expect(stepsOf(request)).toEqual([['gm', null, 'pending']]);
    expect(await inboxIds(gm)).toEqual([request.id]);
    expect(await inboxIds(manager)).toEqual([]);
    expect((await decide(gm, request, 'approve')).status).toBe('approved');
  });

  it('a rep whose superior was deactivated goes to the next active one up his line instead of being refused', async () => {
    const { repA, repB, director, gm } = await setup();
    // 李娜's manager left: his director stands in (and, outranking a manager, is the manager step too)
    await t.admin.call('users.update', { id: t.ids.manager, patch: { active: false } });
    const request = await fileExpense(repB, 100_000);
    expect(request.decision.approvals).toEqual(['director']);
    expect(stepsOf(request)).toEqual([['director', '钱总监', 'pending']]);
    expect(await inboxIds(director)).toEqual([request.id]);
    expect(await inboxIds(gm)).toEqual([]);
    // 张伟's supervisor left (his manager is back): the manager approves, once
    await t.admin.call('users.update', { id: t.ids.manager, patch: { active: true } });
    await t.admin.call('users.update', { id: t.ids.supervisor, patch: { active: false } });
    const underSupervisor = await fileExpense(repA, 100_000);
    expect(stepsOf(underSupervisor)).toEqual([['manager', '王经理', 'pending']]);
    expect(await inboxIds(t.callerFor(t.ids.manager))).toEqual([underSupervisor.id]);
    // nobody active above him at all: a gm, as before
    for (const id of [t.ids.manager, t.ids.director, t.ids.gm]) await t.admin.call('users.update', { id, patch: { active: false } });
    const topless = await fileExpense(repA, 100_000);
    expect(stepsOf(topless).map(([role]) => role)).toEqual(['gm']);
  });

  it('ignores a superiorRole smuggled into the request: the database says who the superior is', async () => {
    const { repB, manager } = await setup();
    const request = await fileExpense(repB, 600_000, { fields: { superiorRole: 'gm' } });
    expect(request.decision.approvals).toEqual(['manager', 'gm']);
    expect(stepsOf(request)).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(request.steps[0]!.approverId).toBe(manager.id);
    expect(request.fields).not.toHaveProperty('superiorRole');
  });

  it('the request’s day is the submission day: appliedOn is filled in, and another day is refused', async () => {
    const { repB } = await setup();
    const request = await fileExpense(repB, 100_000);
    expect(request.fields).toEqual({ amount: 100_000, appliedOn: TODAY });
    const before = t.snapshot();
    for (const appliedOn of ['2026-11-20', TOMORROW]) {
      const error = await repB.fail('expenses.create', expenseInput(100_000, { fields: { appliedOn } }));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues[0]?.field).toBe('appliedOn');
      expect(error.message).toMatch(/^申请日期：/);
    }
    expect(t.snapshot()).toBe(before);
    // the same day, spelled out, is fine
    expect((await fileExpense(repB, 100_000, { fields: { appliedOn: TODAY } })).status).toBe('pending');
  });
});

describe('nobody approves his own request', () => {
  it('a manager’s own expense with no superior goes to a gm, not to himself', async () => {
    const { gm } = await setup();
    const boss = await t.userWith('manager', { displayName: '刘经理' });
    const request = await fileExpense(boss, 100_000);
    expect(stepsOf(request)).toEqual([['gm', null, 'pending']]);
    expect(await inboxIds(boss)).toEqual([]);
    expect(await inboxIds(gm)).toEqual([request.id]);
  });

  it('a manager cannot approve the manager step of his own request; another manager can', async () => {
    const { manager } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    // Q-BID: the manager decides whether to bid (a role step, anyone holding the role).
    const request = await submit(other, { kind: 'bid', amount: 10_000_000 });
    expect(stepsOf(request)).toEqual([['manager', null, 'pending']]);
    expect(await inboxIds(other)).toEqual([]);
    expect(await inboxIds(manager)).toEqual([request.id]);
    const before = t.snapshot();
    const error = await other.fail('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('自己');
    expect(t.snapshot()).toBe(before);
    const approved = await decide(manager, request, 'approve');
    expect(approved.status).toBe('approved');
    expect(approved.steps[0]).toMatchObject({ decidedBy: manager.id, decidedByName: '王经理' });
  });

  it('a role step that only the applicant holds goes up the line (the only manager’s bid → the director)', async () => {
    const { manager, director } = await setup();
    const request = await submit(manager, { kind: 'bid', amount: 10_000_000 });
    expect(request.decision.approvals).toEqual(['manager']);
    expect(stepsOf(request)).toEqual([['director', null, 'pending']]);
    expect(await inboxIds(manager)).toEqual([]);
    expect(await inboxIds(director)).toEqual([request.id]);
  });

  it('a gm’s own expense is never in his own inbox and he cannot approve it', async () => {
    const { gm } = await setup();
    const request = await fileExpense(gm, 100_000);
    expect(request.steps.every((s) => s.approverId !== gm.id)).toBe(true);
    expect(await inboxIds(gm)).toEqual([]);
    const error = await gm.fail('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('escalation when nobody holds the role', () => {
  it.runIf(hasKind('price'))('a quote needing a director goes to a gm in a company without a director; a supervisor’s share to a manager', async () => {
    const { repB, gm, manager } = await setup();
    await t.admin.call('users.update', { id: t.ids.director, patch: { active: false } });
    await t.admin.call('users.update', { id: t.ids.supervisor, patch: { active: false } });
    // 10 % off: beyond a manager's 8 %, within a director's 15 %
    const big = await submit(repB, { kind: 'price', standardPrice: 1_000_000, unitPrice: 900_000 });
    expect(big.decision.approvals).toEqual(['director']);
    expect(stepsOf(big)).toEqual([['gm', null, 'pending']]);
    expect(await inboxIds(gm)).toEqual([big.id]);
    // 2 % off: beyond a rep's 0 %, within a supervisor's 3 %
    const small = await submit(repB, { kind: 'price', standardPrice: 1_000_000, unitPrice: 980_000 });
    expect(small.decision.approvals).toEqual(['supervisor']);
    expect(stepsOf(small)).toEqual([['manager', null, 'pending']]);
    expect(await inboxIds(manager)).toEqual([small.id]);
  });

  it.runIf(hasKind('price'))('the quoting role is the applicant’s own: a rep cannot quote as a gm', async () => {
    const { repB, manager } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const before = t.snapshot();
    const error = await repB.fail('requests.submit', { request: { kind: 'price', role: 'gm', standardPrice: 1_000_000, unitPrice: 900_000 } });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]?.field).toBe('role');
    expect(t.snapshot()).toBe(before);
    const own = await submit(repB, { kind: 'price', role: 'rep', standardPrice: 1_000_000, unitPrice: 950_000 });
    expect(own.decision.approvals).toEqual(['manager']);
    // the manager on 李娜's line, by name: not any manager
    expect(stepsOf(own)).toEqual([['manager', '王经理', 'pending']]);
    expect(own.steps[0]!.approverId).toBe(manager.id);
    expect(await inboxIds(manager)).toEqual([own.id]);
    expect(await inboxIds(other)).toEqual([]);
    // the preview judges with the applicant's role too
    const preview = await repB.call('policy.preview', { request: { kind: 'price', standardPrice: 1_000_000, unitPrice: 990_000 } });
    expect(preview.approvals).toEqual(['supervisor']);
  });

  it('a travel advance goes to the manager and the gm on the line by name, finance (off the line) to any clerk; without finance, finance’s step goes to the gm, who approves once', async () => {
    const { repB, manager, finance, gm } = await setup();
    const clerk = await t.userWith('finance', { displayName: '郑出纳' });
    const tripId = await approvedTrip(repB, manager);
    const request = await fileAdvance(repB, 40_000, tripId);
    expect(request.kind).toBe('travel_advance');
    expect(stepsOf(request)).toEqual([
      ['manager', '王经理', 'pending'],
      ['finance', null, 'waiting'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(request.steps.map((s) => s.approverId)).toEqual([manager.id, null, gm.id]);
    let current = await decide(manager, request, 'approve');
    // nobody on 李娜's line holds finance: either clerk may take the step
    expect(await inboxIds(finance)).toEqual([request.id]);
    expect(await inboxIds(clerk)).toEqual([request.id]);
    current = await decide(clerk, current, 'approve');
    expect(await inboxIds(finance)).toEqual([]);
    expect(await inboxIds(gm)).toEqual([request.id]);
    expect((await decide(gm, current, 'approve')).status).toBe('approved');

    for (const id of [t.ids.finance, clerk.id]) await t.admin.call('users.update', { id, patch: { active: false } });
    const noFinance = await fileAdvance(repB, 40_000, tripId);
    expect(noFinance.decision.approvals).toEqual(['manager', 'finance', 'gm']);
    // finance's step escalates to anyone holding gm, the gm's step is 赵总's by name: one step, 赵总's, decided once
    expect(stepsOf(noFinance)).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
    const afterManager = await decide(manager, noFinance, 'approve');
    expect(await inboxIds(gm)).toEqual([noFinance.id]);
    expect((await decide(gm, afterManager, 'approve')).status).toBe('approved');
  });
  it('the only finance clerk’s own advance: his superior the gm approves once, not again for the escalated finance step', async () => {
    const { finance, gm } = await setup();
    const tripId = await approvedTrip(finance, gm);
    const request = await fileAdvance(finance, 40_000, tripId);
    expect(request.decision.approvals).toEqual(['gm', 'finance']);
    expect(stepsOf(request)).toEqual([['gm', '赵总', 'pending']]);
    expect((await decide(gm, request, 'approve')).status).toBe('approved');
  });
});

describe('inbox and deciding', () => {
  it('the manager’s inbox has it, another manager’s does not; the rep and the gm cannot decide the first step', async () => {
    const { repB, manager, gm, director } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const request = await fileExpense(repB, 600_000);
    expect(await inboxIds(manager)).toEqual([request.id]);
    expect(await inboxIds(other)).toEqual([]);
    expect(await inboxIds(gm)).toEqual([]);
    expect(await inboxIds(repB)).toEqual([]);
    const before = t.snapshot();
    const input = { id: request.id, version: request.version, decision: 'approve', comment: '' };
    expect((await repB.fail('requests.decide', input)).code).toBe('FORBIDDEN');
    const early = await gm.fail('requests.decide', input);
    expect(early.code).toBe('FORBIDDEN');
    expect(early.message).toContain('王经理');
    expect((await director.fail('requests.decide', input)).code).toBe('FORBIDDEN');
    expect((await other.fail('requests.decide', input)).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });

  it('approve → the next step is pending → the gm approves → approved', async () => {
    const { repB, manager, gm } = await setup();
    const request = await fileExpense(repB, 600_000);
    clock = new Date(clock.getTime() + 3_600_000);
    const first = await decide(manager, request, 'approve', '同意');
    expect(first).toMatchObject({ status: 'pending', version: 2, updatedAt: clock.toISOString() });
    expect(first.steps[0]).toMatchObject({ status: 'approved', decidedBy: manager.id, decidedByName: '王经理', decidedAt: clock.toISOString(), comment: '同意' });
    expect(first.steps[1]).toMatchObject({ status: 'pending', decidedBy: null });
    expect(await inboxIds(manager)).toEqual([]);
    expect(await inboxIds(gm)).toEqual([request.id]);
    // the manager may not take the gm's step as well
    expect((await manager.fail('requests.decide', { id: request.id, version: first.version, decision: 'approve', comment: '' })).code).toBe('FORBIDDEN');
    const done = await decide(gm, first, 'approve');
    expect(done).toMatchObject({ status: 'approved', version: 3 });
    expect(done.steps.map((s) => [s.status, s.decidedByName])).toEqual([
      ['approved', '王经理'],
      ['approved', '赵总'],
    ]);
    expect(await inboxIds(gm)).toEqual([]);
    // a decided request cannot be decided again
    expect((await gm.fail('requests.decide', { id: request.id, version: done.version, decision: 'approve', comment: '' })).code).toBe('CONFLICT');
  });

  it('a rejection needs a comment (naming comment) and skips the remaining steps', async () => {
    const { repB, manager, gm } = await setup();
    const request = await fileExpense(repB, 600_000);
    const before = t.snapshot();
    for (const comment of ['', '   ']) {
      const error = await manager.fail('requests.decide', { id: request.id, version: request.version, decision: 'reject', comment });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues.map((i) => i.field)).toContain('comment');
      expect(error.message).toContain('理由');
    }
    expect(t.snapshot()).toBe(before);
    const rejected = await decide(manager, request, 'reject', '超出预算');
    expect(rejected.status).toBe('rejected');
    expect(rejected.steps.map((s) => [s.status, s.comment])).toEqual([
      ['rejected', '超出预算'],
      ['skipped', ''],
    ]);
    expect(await inboxIds(gm)).toEqual([]);
    expect((await gm.fail('requests.decide', { id: request.id, version: rejected.version, decision: 'approve', comment: '' })).code).toBe('CONFLICT');
  });

  it('a stale version is a CONFLICT and changes nothing', async () => {
    const { repB, manager } = await setup();
    const request = await fileExpense(repB, 100_000);
    const withdrawn = await repB.call('requests.withdraw', { id: request.id, version: request.version });
    const second = await fileExpense(repB, 100_000);
    const moved = await decide(manager, { ...second }, 'approve');
    expect(moved.status).toBe('approved');
    const third = await fileExpense(repB, 600_000);
    await decide(manager, third, 'approve');
    const before = t.snapshot();
    const stale = await t.team.gm.fail('requests.decide', { id: third.id, version: third.version, decision: 'approve', comment: '' });
    expect(stale.code).toBe('CONFLICT');
    expect((await repB.fail('requests.withdraw', { id: third.id, version: third.version })).code).toBe('CONFLICT');
    expect((await repB.fail('requests.withdraw', { id: withdrawn.id, version: withdrawn.version })).code).toBe('CONFLICT');
    expect(t.snapshot()).toBe(before);
  });
});

describe('entering on someone’s behalf', () => {
  it('an assistant (内勤) enters a rep’s request; the rep’s manager approves it', async () => {
    const { assistant, repB, manager } = await setup();
    const request = await fileExpense(assistant, 100_000, { applicantId: repB.id });
    expect(request).toMatchObject({ applicantId: repB.id, applicantName: '李娜', enteredById: assistant.id, enteredByName: '周内勤' });
    expect(stepsOf(request)).toEqual([['manager', '王经理', 'pending']]);
    expect((await repB.call('requests.mine', {})).map((r) => r.id)).toEqual([request.id]);
    expect((await assistant.call('requests.mine', {})).map((r) => r.id)).toEqual([request.id]);
    expect((await decide(manager, request, 'approve')).status).toBe('approved');
    // for a rep under the supervisor, the supervisor, then repA's manager (not the assistant's line)
    const forA = await fileExpense(assistant, 100_000, { applicantId: t.ids.repA });
    expect(stepsOf(forA)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
    ]);
    // the assistant approves nothing
    expect((await assistant.fail('requests.decide', { id: forA.id, version: forA.version, decision: 'approve', comment: '' })).code).toBe('FORBIDDEN');
  });

  it('a rep may not submit for someone else; an unknown applicant is a VALIDATION naming applicantId', async () => {
    const { repA, repB, assistant } = await setup();
    const before = t.snapshot();
    const error = await repA.fail('expenses.create', expenseInput(100_000, { applicantId: repB.id }));
    expect(error.code).toBe('FORBIDDEN');
    const preview = await repA.fail('policy.preview', { request: expense(100_000), applicantId: repB.id });
    expect(preview.code).toBe('FORBIDDEN');
    expect((await repA.fail('expenses.preview', expenseInput(100_000, { applicantId: repB.id }))).code).toBe('FORBIDDEN');
    const unknown = await assistant.fail('expenses.create', expenseInput(100_000, { applicantId: 9999 }));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.issues[0]?.field).toBe('applicantId');
    expect(t.snapshot()).toBe(before);
    // his own id is fine
    expect((await fileExpense(repA, 100_000, { applicantId: repA.id })).applicantId).toBe(repA.id);
  });
});

describe('withdrawing', () => {
  it('the applicant withdraws while pending: every open step is skipped, the inbox empties', async () => {
    const { repB, manager } = await setup();
    const request = await fileExpense(repB, 600_000);
    expect((await manager.fail('requests.withdraw', { id: request.id, version: request.version })).code).toBe('FORBIDDEN');
    const withdrawn = await repB.call('requests.withdraw', { id: request.id, version: request.version });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(withdrawn.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(await inboxIds(manager)).toEqual([]);
    expect((await manager.fail('requests.decide', { id: request.id, version: withdrawn.version, decision: 'approve', comment: '' })).code).toBe('CONFLICT');
  });

  it('an approved request cannot be withdrawn', async () => {
    const { repB, manager } = await setup();
    const approved = await decide(manager, await fileExpense(repB, 100_000), 'approve');
    expect((await repB.fail('requests.withdraw', { id: approved.id, version: approved.version })).code).toBe('CONFLICT');
  });
});

describe('refused submissions write nothing', () => {
  it('a blocked request is POLICY_DENIED naming the rule', async () => {
    const { repB, manager } = await setup();
    const tripId = await approvedTrip(repB, manager);
    const before = t.snapshot();
    const error = await repB.fail('expenses.create', { type: 'travel_advance', purpose: '差旅借款', tripId, fields: { amount: 50_001 } });
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.issues.map((i) => i.field)).toEqual(['E-ADVANCE']);
    expect(error.message).toContain('E-ADVANCE');
    expect(t.snapshot()).toBe(before);
    // exactly 500 yuan is allowed
    expect((await fileAdvance(repB, 50_000, tripId)).status).toBe('pending');
  });

  it('a leave is filed on the Leave page, not as a bare request; without enough notice it is POLICY_DENIED by L-NOTICE', async () => {
    const { repA, supervisor } = await setup();
    const before = t.snapshot();
    const bare = await repA.fail('requests.submit', { request: { kind: 'leave', appliedOn: TODAY, start: '2026-11-26', end: '2026-11-27', reason: '家中有事', proxy: '李娜' } });
    expect(bare.code).toBe('VALIDATION');
    expect(bare.issues[0]?.field).toBe('kind');
    expect(bare.message).toContain('请假页面');
    const error = await repA.fail('leave.create', { leaveType: 'personal', start: TOMORROW, end: TOMORROW, reason: '家中有事', proxyId: t.ids.repB });
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.issues.map((i) => i.field)).toContain('L-NOTICE');
    expect(t.snapshot()).toBe(before);
    // with notice, the direct superior (a supervisor) approves it
    const leave = await repA.call('leave.create', { leaveType: 'personal', start: '2026-11-26', end: '2026-11-27', reason: '家中有事', proxyId: t.ids.repB });
    const request = await repA.call('requests.get', { id: leave.requestId });
    expect(stepsOf(request)).toEqual([['supervisor', '孙主管', 'pending']]);
    expect(request.decision.computed).toMatchObject({ workingDays: 2 });
    expect(await inboxIds(supervisor)).toEqual([request.id]);
  });

  it('an entertainment applied for after the event without a verbal approval is POLICY_DENIED; one before it goes to the manager', async () => {
    const { repB } = await setup();
    const entertainment = (fields: Record<string, unknown>) => ({ type: 'entertainment' as const, purpose: '宴请客户', fields });
    const before = t.snapshot();
    const error = await repB.fail('expenses.create', entertainment({ amount: 30_000, guests: 4, eventDate: '2026-11-20' }));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.issues.map((i) => i.field)).toContain('E-ENTERTAIN');
    expect(t.snapshot()).toBe(before);
    const ok = await repB.call('requests.get', { id: (await repB.call('expenses.create', entertainment({ amount: 45_000, guests: 4, eventDate: '2026-11-25' }))).requestId });
    expect(ok.decision.findings.map((f) => f.ruleId)).toContain('E-ENTERTAIN');
    expect(stepsOf(ok)).toEqual([['manager', '王经理', 'pending']]);
    // with a verbal approval, filed the next working day after the event
    const late = await repB.call('requests.get', {
      id: (await repB.call('expenses.create', entertainment({ amount: 30_000, guests: 4, eventDate: '2026-11-20', verbalApproval: true }))).requestId,
    });
    expect(late.decision.findings.map((f) => f.severity)).toContain('warn');
    expect(late.status).toBe('pending');
  });

  it('a negative amount is a VALIDATION naming amount, not POLICY_DENIED', async () => {
    const { repB } = await setup();
    const before = t.snapshot();
    const error = await repB.fail('expenses.create', expenseInput(-100));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]?.field).toBe('amount');
    expect(error.message).toMatch(/^金额：/);
    expect(t.snapshot()).toBe(before);
  });

  it('an unknown or missing kind is a VALIDATION naming kind', async () => {
    const { repB } = await setup();
    const before = t.snapshot();
    for (const request of [{ kind: 'holiday_party', amount: 1 }, { amount: 1 }]) {
      const error = await repB.fail('requests.submit', { request });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues[0]?.field).toBe('kind');
      expect(error.message).toMatch(/^申请类型：/);
    }
    expect(t.snapshot()).toBe(before);
  });

  it('a check-only kind cannot be submitted (VALIDATION naming kind)', async () => {
    const { repB } = await setup();
    const checkOnly = KINDS.find((k) => !k.submittable);
    expect(checkOnly).toBeDefined();
    const before = t.snapshot();
    const error = await repB.fail('requests.submit', { request: { kind: checkOnly!.kind, ...(checkOnly!.example as object) } });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]?.field).toBe('kind');
    expect(t.snapshot()).toBe(before);
    // …but the kinds list says so; a request people file as such (a price) says it may be submitted,
    // one filed on its own page (leave: the Leave page) that it may not
    const kinds = await repB.call('policy.kinds', {});
    expect(kinds.find((k) => k.kind === checkOnly!.kind)?.submittable).toBe(false);
    expect(kinds.find((k) => k.kind === 'price')).toMatchObject({ submittable: true });
    expect(kinds.find((k) => k.kind === 'leave')).toMatchObject({ submittable: false, rules: ['L-FORM', 'L-NOTICE', 'L-MONTHLY'] });
    expect(kinds.find((k) => k.kind === 'expense')).toMatchObject({ submittable: false, rules: ['E-APPROVAL'] });
  });

  it('every expense kind is refused by requests.submit (VALIDATION naming kind, nothing written): expenses are filed through expenses.create', async () => {
    const { repB, assistant } = await setup();
    const kinds = [...new Set(Object.values(EXPENSE_KIND))];
    expect(kinds.sort()).toEqual(['entertainment', 'expense', 'lodging', 'per_diem', 'project_expense', 'team_proposal', 'transport', 'travel_advance', 'travel_registration']);
    const before = t.snapshot();
    for (const kind of kinds) {
      const def = KINDS.find((k) => k.kind === kind)!;
      expect(def.submittable, kind).toBe(false);
      // the documented example, valid for the kind (so only the kind can be what is refused)
      const request = { ...(def.example as Record<string, unknown>), kind, appliedOn: TODAY };
      expect((await repB.call('policy.preview', { request })).decision, kind).not.toBe('deny');
      for (const [caller, extra] of [[repB, {}], [assistant, { applicantId: repB.id }]] as const) {
        const error = await caller.fail('requests.submit', { request, note: '', ...extra });
        expect(error.code, kind).toBe('VALIDATION');
        expect(error.issues.map((i) => i.field), kind).toEqual(['kind']);
        expect(error.message, kind).toMatch(/^申请类型：/);
        expect(error.message, kind).toContain(def.label.zh);
        expect(error.messageEn, kind).toContain(def.label.en);
      }
    }
    expect(t.snapshot()).toBe(before);
    // the same expense through its own channel is filed
    expect((await fileExpense(repB, 100_000)).status).toBe('pending');
  });
});

describe('audit', () => {
  it('submit, approve, reject and withdraw each leave one audit row', async () => {
    const { repB, manager, gm } = await setup();
    const a = await fileExpense(repB, 600_000);
    const approvedOnce = await decide(manager, a, 'approve', '同意');
    await decide(gm, approvedOnce, 'reject', '本月预算已满');
    const b = await fileExpense(repB, 100_000);
    await repB.call('requests.withdraw', { id: b.id, version: b.version });

    const rowsA = await auditOf(a.id);
    expect(rowsA.map((r) => [r.action, r.userId])).toEqual([
      ['requests.submit', repB.id],
      ['requests.approve', manager.id],
      ['requests.reject', gm.id],
    ]);
    expect(rowsA[0]!.after).toMatchObject({ id: a.id, kind: 'expense', status: 'pending' });
    expect(rowsA[1]).toMatchObject({ before: { status: 'pending', step: 1 }, after: { status: 'pending', step: 1, role: 'manager', comment: '同意' } });
    expect(rowsA[2]).toMatchObject({ after: { status: 'rejected', step: 2, role: 'gm', comment: '本月预算已满' } });
    expect((await auditOf(b.id)).map((r) => [r.action, r.userId, r.after])).toEqual([
      ['requests.submit', repB.id, expect.objectContaining({ status: 'pending' })],
      ['requests.withdraw', repB.id, { status: 'withdrawn' }],
    ]);
  });

  it('a refused submission or decision adds no audit row', async () => {
    const { repB, manager } = await setup();
    const request = await fileExpense(repB, 100_000);
    const rows = t.count('audit_log');
    await repB.fail('expenses.create', expenseInput(-1));
    await manager.fail('requests.decide', { id: request.id, version: request.version, decision: 'reject', comment: '' });
    await manager.fail('requests.decide', { id: request.id, version: 99, decision: 'approve', comment: '' });
    expect(t.count('audit_log')).toBe(rows);
  });
});

describe('who sees a request', () => {
  it('the applicant, his approvers, whoever entered it and the department’s heads; others get NOT_FOUND', async () => {
    const { repA, repB, manager, gm, director, supervisor, assistant, finance } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const request = await fileExpense(assistant, 600_000, { applicantId: repB.id });
    for (const caller of [repB, assistant, manager, gm, director, t.admin]) {
      expect((await caller.call('requests.get', { id: request.id })).id).toBe(request.id);
    }
    for (const caller of [repA, supervisor, finance, other]) {
      const error = await caller.fail('requests.get', { id: request.id });
      expect(error.code).toBe('NOT_FOUND');
    }
    expect((await repB.fail('requests.get', { id: 9999 })).code).toBe('NOT_FOUND');
    // the manager still sees it after deciding; repA's list holds none of it
    await decide(manager, request, 'approve');
    expect((await manager.call('requests.get', { id: request.id })).status).toBe('pending');
    expect(await repA.call('requests.mine', {})).toEqual([]);
  });
});

describe('parameters in force on the submission day', () => {
  it('a gm threshold raised from tomorrow: today’s 6,000 yuan still needs the gm, tomorrow’s does not, and today’s keeps its decision', async () => {
    const { repB, manager, gm } = await setup();
    await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: TOMORROW, note: '上调总经理审批金额' });
    const today = await fileExpense(repB, 600_000);
    expect(today.decision.approvals).toEqual(['manager', 'gm']);
    expect(stepsOf(today)).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
    // the preview of today agrees
    expect((await repB.call('policy.preview', { request: expense(600_000) })).approvals).toEqual(['manager', 'gm']);

    clock = new Date(`${TOMORROW}T04:00:00.000Z`);
    const tomorrow = await fileExpense(repB, 600_000);
    expect(tomorrow.submittedOn).toBe(TOMORROW);
    expect(tomorrow.decision.approvals).toEqual(['manager']);
    expect(stepsOf(tomorrow)).toEqual([['manager', '王经理', 'pending']]);
    expect(stepsOf(await fileExpense(repB, 800_001))).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);

    // yesterday's request keeps its stored decision and its gm step
    const kept = await repB.call('requests.get', { id: today.id });
    expect(kept.decision).toEqual(today.decision);
    expect(kept.submittedOn).toBe(TODAY);
    const afterManager = await decide(manager, kept, 'approve');
    expect(afterManager.status).toBe('pending');
    expect((await decide(gm, afterManager, 'approve')).status).toBe('approved');
  });

  it('a request cannot pick another day’s parameters through its appliedOn', async () => {
    const { repB } = await setup();
    await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: TOMORROW, note: '' });
    const error = await repB.fail('expenses.create', expenseInput(600_000, { fields: { appliedOn: TOMORROW } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]?.field).toBe('appliedOn');
  });
});

describe('policy.preview', () => {
  it('writes nothing and routes the superior step to the applicant’s real superior role (under a supervisor, the manager’s step follows)', async () => {
    const { repA, repB, assistant, manager } = await setup();
    const before = t.snapshot();
    const forA = await repA.call('policy.preview', { request: expense(600_000) });
    expect(forA.decision).toBe('needs_approval');
    expect(forA.approvals).toEqual(['supervisor', 'manager', 'gm']);
    expect(forA.approvalSteps).toEqual([
      { role: 'supervisor', superior: true },
      { role: 'manager', superior: false },
      { role: 'gm', superior: false },
    ]);
    expect((await repB.call('policy.preview', { request: expense(600_000) })).approvalSteps).toEqual([
      { role: 'manager', superior: true },
      { role: 'gm', superior: false },
    ]);
    // a manager's own: his director, no manager step
    expect((await manager.call('policy.preview', { request: expense(100_000) })).approvals).toEqual(['director']);
    // entered on repA's behalf: repA's superior, not the assistant's (whose superior is the manager)
    expect((await assistant.call('policy.preview', { request: expense(100_000), applicantId: repA.id })).approvals).toEqual(['supervisor', 'manager']);
    expect((await assistant.call('policy.preview', { request: expense(100_000) })).approvals).toEqual(['manager']);
    // a smuggled superiorRole changes nothing
    expect((await repA.call('policy.preview', { request: { ...expense(600_000), superiorRole: 'gm' } })).approvals).toEqual(['supervisor', 'manager', 'gm']);
    // a blocked request is a deny decision in the preview, not an error
    // (expense kinds are filed through expenses.create, but policy.preview checks them all the same)
    const denied = await repA.call('policy.preview', { request: { kind: 'travel_advance', amount: 60_000, travelApproved: true } });
    expect(denied.decision).toBe('deny');
    expect(denied.findings.filter((f) => f.severity === 'block').map((f) => f.ruleId)).toEqual(['E-ADVANCE']);
    expect((await repA.fail('policy.preview', { request: { kind: 'nope' } })).issues[0]?.field).toBe('kind');
    expect(t.snapshot()).toBe(before);
  });
});
