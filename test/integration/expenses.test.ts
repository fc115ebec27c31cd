// Expense requests and their reimbursement (DOMAIN §6) through the channels the forms use —
// expenses.preview / create / disburse, claims.create / pay / return, expenses.list / get / ratio —
// as the people of a small sales department, on a clock the tests move. Every E-rule at its
// boundaries (just under, at and just over its number): the decision, the findings' rule ids, the
// approval steps and whose inbox they land in, the amounts in fen. Then bad input (refused, Chinese
// first, naming the field, nothing written), who sees and who pays, the grid, the audit trail and
// the expense-to-sales ratio (费效比) of a small dataset computed by hand.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import type { AppErrorPayload } from '../../shared/errors';
import type { Expense } from '../../shared/expenses';
import type { PolicyRequest } from '../../shared/requests';
import { defaultParams } from '../../electron/core/policy/rule';
import { RULES } from '../../electron/core/policy/catalog';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';
import { findingIds } from '../support/policy';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const TODAY = '2026-11-23'; // a Monday
/** Noon in Shanghai: the local date is the same in UTC and +08:00. */
const at = (day: string) => new Date(`${day}T04:00:00.000Z`);
const setDay = (day: string) => {
  clock = at(day);
};

async function setup(today = TODAY) {
  setDay(today);
  t = await teamCore(template, { now: () => clock });
  return t.team;
}

// The domain book's numbers, read from the policy catalog's defaults (and checked against the book once).
const P = {
  gmAboveFen: defaultParams(RULES['E-APPROVAL']).gmAboveFen,
  capPerGuestFen: defaultParams(RULES['E-ENTERTAIN']).capPerGuestFen,
  lateFilingWorkingDays: defaultParams(RULES['E-ENTERTAIN']).lateFilingWorkingDays,
  advanceMaxFen: defaultParams(RULES['E-ADVANCE']).maxFen,
  withDealShare: defaultParams(RULES['E-TRANSPORT']).withDealShare,
  dealCapShare: defaultParams(RULES['E-TRANSPORT']).dealCapShare,
  noDealShare: defaultParams(RULES['E-TRANSPORT']).noDealShare,
  noLodgingMaxHours: defaultParams(RULES['E-LODGING']).noLodgingMaxHours,
  perDiemFen: defaultParams(RULES['E-PERDIEM']).perDiemFen,
  projectWorkingDays: defaultParams(RULES['E-PROJECT']).filingWorkingDays,
  teamMaxShare: defaultParams(RULES['E-TEAM']).maxShare,
};

// —— helpers ——

type CreateInput = ChannelInput<'expenses.create'>;

const file = (caller: Caller, input: CreateInput) => caller.call('expenses.create', input);
const requestOf = (caller: Caller, expense: { requestId: number }) => caller.call('requests.get', { id: expense.requestId });
const expenseOf = async (caller: Caller, id: number) => (await caller.call('expenses.get', { id })).expense;

/** The steps as [role, approver name or null, status]. */
const stepsOf = (request: PolicyRequest) => request.steps.map((s) => [s.role, s.approverName, s.status]);
const inboxIds = async (caller: Caller) => (await caller.call('requests.inbox', {})).map((r) => r.id);

async function decide(caller: Caller, expense: { requestId: number }, decision: 'approve' | 'reject', comment = '') {
  const request = await caller.call('requests.get', { id: expense.requestId });
  return caller.call('requests.decide', { id: request.id, version: request.version, decision, comment: decision === 'reject' ? comment || '不同意' : comment });
}

/** Each approver in turn approves the expense's request. */
async function approve(expense: { requestId: number }, ...approvers: Caller[]): Promise<void> {
  for (const approver of approvers) await decide(approver, expense, 'approve');
}

/** "RULE:severity" of the findings the user sees (the info lines of the figures left out). */
const seen = (decision: PolicyRequest['decision']) => findingIds(decision).filter((f) => !f.endsWith(':info'));

/** Expects a refusal with `code` naming `field`, Chinese first, and nothing written; returns it. */
async function refused(caller: Caller, channel: string, input: unknown, code: AppErrorPayload['code'], field?: string): Promise<AppErrorPayload> {
  const before = t.snapshot();
  const error = await caller.fail(channel, input);
  expect(error.code, error.message).toBe(code);
  expect(hasChinese(error.message), error.message).toBe(true);
  expect(error.messageEn.length).toBeGreaterThan(0);
  if (field !== undefined) expect(error.issues.map((i) => i.field), error.message).toContain(field);
  expect(t.snapshot()).toBe(before);
  return error;
}

/**
 * A travel registration (出差登记) of the caller, approved by `approver` — or by each of `approver` in
 * turn (a rep under a supervisor: the supervisor, then the manager) — unless null.
 */
async function trip(
  caller: Caller,
  approver: Caller | readonly Caller[] | null,
  dates: { startDate: string; endDate: string } = { startDate: '2026-11-16', endDate: '2026-11-18' },
): Promise<Expense> {
  const registered = await file(caller, { type: 'travel', purpose: '苏州客户拜访', fields: { destination: '苏州', ...dates, customersToVisit: '苏州恒达化工' } });
  if (approver) await approve(registered, ...(Array.isArray(approver) ? approver : [approver]));
  return expenseOf(caller, registered.id);
}

const invoice = (invoiceNo: string, invoiceDate: string, amountFen: number) => ({ invoiceNo, invoiceDate, amountFen });

// —— the book's numbers ——

describe('the rules’ defaults are the domain book’s numbers', () => {
  it('5,000 yuan, 100 yuan a guest within 3 working days, 500 yuan, 60 % / 2 % / 30 %, 3 hours, 150 yuan, 2 working days, 15 %', () => {
    expect(P).toEqual({
      gmAboveFen: 500_000,
      capPerGuestFen: 10_000,
      lateFilingWorkingDays: 3,
      advanceMaxFen: 50_000,
      withDealShare: 0.6,
      dealCapShare: 0.02,
      noDealShare: 0.3,
      noLodgingMaxHours: 3,
      perDiemFen: 15_000,
      projectWorkingDays: 2,
      teamMaxShare: 0.15,
    });
  });
});

// —— E-APPROVAL ——

describe('E-APPROVAL: the direct superior and the manager; above 5,000 yuan also the gm', () => {
  it.each([
    ['4,999.99', P.gmAboveFen - 1, false],
    ['5,000.00', P.gmAboveFen, false],
    ['5,000.01', P.gmAboveFen + 1, true],
  ] as const)('%s yuan', async (_label, amount, gm) => {
    const team = await setup();
    const { repB, manager } = team;
    const input: CreateInput = { type: 'other', purpose: '展会布展', fields: { amount } };
    const preview = await repB.call('expenses.preview', input);
    const expense = await file(repB, input);
    expect(expense).toMatchObject({ status: 'pending', amountFen: amount, approvedFen: amount, applicantId: repB.id, enteredById: repB.id });
    const request = await requestOf(repB, expense);
    expect(request.kind).toBe('expense');
    expect(seen(request.decision)).toEqual(gm ? ['E-APPROVAL:approval', 'E-APPROVAL:approval'] : ['E-APPROVAL:approval']);
    expect(request.decision.approvals).toEqual(gm ? ['manager', 'gm'] : ['manager']);
    expect(preview.approvals).toEqual(request.decision.approvals);
    expect(stepsOf(request)).toEqual(gm ? [['manager', '王经理', 'pending'], ['gm', '赵总', 'waiting']] : [['manager', '王经理', 'pending']]);
    expect(await inboxIds(manager)).toEqual([request.id]);
    expect(await inboxIds(team.gm)).toEqual([]);

    await approve(expense, manager);
    if (gm) {
      expect((await expenseOf(repB, expense.id)).status).toBe('pending');
      expect(await inboxIds(team.gm)).toEqual([request.id]);
      await approve(expense, team.gm);
    }
    const done = await expenseOf(repB, expense.id);
    expect(done.status).toBe('approved');
    expect(done.trail).toBe(gm ? `销售经理 王经理 同意 ${TODAY} → 总经理 赵总 同意 ${TODAY}` : `销售经理 王经理 同意 ${TODAY}`);
  });

  it('a rep under a supervisor: the supervisor, then his manager by name; the gm above 5,000 yuan', async () => {
    const { repA, supervisor, manager, gm } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const atLimit = await requestOf(repA, await file(repA, { type: 'sample', purpose: '寄样', fields: { amount: P.gmAboveFen } }));
    expect(atLimit.decision.approvals).toEqual(['supervisor', 'manager']);
    expect(stepsOf(atLimit)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
    ]);
    const input: CreateInput = { type: 'sample', purpose: '寄样', fields: { amount: P.gmAboveFen + 1 } };
    expect((await repA.call('expenses.preview', input)).approvals).toEqual(['supervisor', 'manager', 'gm']);
    const expense = await file(repA, input);
    const request = await requestOf(repA, expense);
    expect(stepsOf(request)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(request.steps.map((s) => s.approverId)).toEqual([supervisor.id, manager.id, gm.id]);
    expect(await inboxIds(supervisor)).toEqual([atLimit.id, request.id]);
    expect(await inboxIds(manager)).toEqual([]);
    expect(await inboxIds(other)).toEqual([]);
    // the supervisor's approval is not enough: the manager's step comes next, and only 王经理's
    await approve(expense, supervisor);
    expect((await expenseOf(repA, expense.id)).status).toBe('pending');
    expect(await inboxIds(manager)).toEqual([request.id]);
    expect(await inboxIds(other)).toEqual([]);
    expect(await inboxIds(gm)).toEqual([]);
    await approve(expense, manager);
    expect((await expenseOf(repA, expense.id)).status).toBe('pending');
    expect(await inboxIds(gm)).toEqual([request.id]);
    await approve(expense, gm);
    const done = await expenseOf(repA, expense.id);
    expect(done.status).toBe('approved');
    expect(done.trail).toBe(`销售主管 孙主管 同意 ${TODAY} → 销售经理 王经理 同意 ${TODAY} → 总经理 赵总 同意 ${TODAY}`);
  });
});

// —— E-ENTERTAIN ——

describe('E-ENTERTAIN: 100 yuan a guest, before the event, an invoice of the event day', () => {
  const dinner = (fields: Record<string, unknown>, extra: Partial<CreateInput> = {}): CreateInput => ({ type: 'entertainment', purpose: '宴请苏州恒达', fields, ...extra });

  it.each([
    ['under', 4 * P.capPerGuestFen - 1, false],
    ['at', 4 * P.capPerGuestFen, false],
    ['over', 4 * P.capPerGuestFen + 1, true],
  ] as const)('%s the cap of 4 guests × 100 yuan: the manager; over it his special approval', async (_label, amount, special) => {
    const { repB, manager } = await setup();
    const expense = await file(repB, dinner({ amount, guests: 4, eventDate: '2026-11-25' }));
    expect(expense).toMatchObject({ status: 'pending', expenseDate: '2026-11-25', amountFen: amount, approvedFen: amount });
    const request = await requestOf(repB, expense);
    expect(seen(request.decision)).toEqual(special ? ['E-APPROVAL:approval', 'E-ENTERTAIN:approval'] : ['E-APPROVAL:approval']);
    expect(request.decision.computed).toMatchObject({ capFen: 40_000, overCapFen: special ? 1 : 0 });
    if (special) expect(request.decision.findings.find((f) => f.ruleId === 'E-ENTERTAIN')!.message).toContain('须经理特批');
    expect(stepsOf(request)).toEqual([['manager', '王经理', 'pending']]);
    expect(await inboxIds(manager)).toEqual([request.id]);
  });

  it('applied for before the event, or on its day: allowed; afterwards without a verbal approval: POLICY_DENIED, nothing written', async () => {
    const { repB } = await setup();
    for (const eventDate of ['2026-12-01', TODAY]) {
      const expense = await file(repB, dinner({ amount: 30_000, guests: 4, eventDate }));
      expect(seen((await requestOf(repB, expense)).decision)).toEqual(['E-APPROVAL:approval']);
    }
    const error = await refused(repB, 'expenses.create', dinner({ amount: 30_000, guests: 4, eventDate: '2026-11-20' }), 'POLICY_DENIED', 'E-ENTERTAIN');
    expect(error.message).toContain('宴请须事前申请');
    // the preview says the same, as a decision
    const preview = await repB.call('expenses.preview', dinner({ amount: 30_000, guests: 4, eventDate: '2026-11-20' }));
    expect(preview.decision).toBe('deny');
    expect(seen(preview)).toEqual(['E-APPROVAL:approval', 'E-ENTERTAIN:block']);
  });

  // Event on Friday 2026-11-20: the 1st, 2nd and 3rd working days after it are Mon 23, Tue 24, Wed 25.
  it.each([
    ['the 1st working day (over the weekend)', '2026-11-23', true],
    ['the 3rd working day', '2026-11-25', true],
    ['the 4th working day', '2026-11-26', false],
  ] as const)('verbally approved, filed on %s after the event', async (_label, day, allowed) => {
    const { repB, manager } = await setup(day);
    const input = dinner({ amount: 30_000, guests: 4, eventDate: '2026-11-20', verbalApproval: true });
    if (allowed) {
      const expense = await file(repB, input);
      const request = await requestOf(repB, expense);
      expect(seen(request.decision)).toEqual(['E-APPROVAL:approval', 'E-ENTERTAIN:warn']);
      expect(request.decision.computed).toMatchObject({ lateFilingDeadline: '2026-11-25' });
      expect(stepsOf(request)).toEqual([['manager', '王经理', 'pending']]);
      expect(await inboxIds(manager)).toEqual([request.id]);
    } else {
      const error = await refused(repB, 'expenses.create', input, 'POLICY_DENIED', 'E-ENTERTAIN');
      expect(error.message).toContain('2026-11-25');
    }
  });

  // National Day 2026: Thu 1 – Wed 7 October off, Saturday 10 October a make-up working day (调休).
  // After a dinner on Wed 30 September the working days are 8, 9 and 10 October.
  it.each([
    ['2026-10-09', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    ['2026-10-12', false],
  ] as const)('verbally approved over National Day and its make-up Saturday: filed on %s', async (day, allowed) => {
    const { repB } = await setup(day);
    const input = dinner({ amount: 30_000, guests: 4, eventDate: '2026-09-30', verbalApproval: true });
    if (allowed) {
      const expense = await file(repB, input);
      expect((await requestOf(repB, expense)).decision.computed).toMatchObject({ lateFilingDeadline: '2026-10-10' });
    } else {
      await refused(repB, 'expenses.create', input, 'POLICY_DENIED', 'E-ENTERTAIN');
    }
  });

  it('a company day off (calendar override by the admin) moves the deadline', async () => {
    const { repB } = await setup('2026-11-26');
    const input = dinner({ amount: 30_000, guests: 4, eventDate: '2026-11-20', verbalApproval: true });
    await refused(repB, 'expenses.create', input, 'POLICY_DENIED', 'E-ENTERTAIN');
    await t.admin.call('calendar.setOverride', { date: '2026-11-24', working: false, note: '公司年会' });
    const expense = await file(repB, input);
    expect((await requestOf(repB, expense)).decision.computed).toMatchObject({ lateFilingDeadline: '2026-11-26' });
  });

  it('at the claim: an invoice dated another day than the event is refused (E-ENTERTAIN); the event day’s is reimbursed', async () => {
    const { repB, manager } = await setup('2026-11-18');
    const expense = await file(repB, dinner({ amount: 40_000, guests: 4, eventDate: '2026-11-20' }));
    await approve(expense, manager);
    setDay(TODAY);
    for (const day of ['2026-11-19', '2026-11-21']) {
      const error = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('R-001', day, 38_000)] }] }, 'POLICY_DENIED', 'items.0.invoices');
      expect(error.message).toContain('E-ENTERTAIN');
      expect(error.message).toContain('2026-11-20');
    }
    const claim = await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('R-001', '2026-11-20', 38_000)] }] });
    expect(claim).toMatchObject({ status: 'submitted', claimedFen: 38_000, reimbursableFen: 38_000, advanceFen: 0, payableFen: 38_000 });
    expect(claim.items[0]).toMatchObject({ expenseId: expense.id, approvedFen: 40_000, claimedFen: 38_000, reimbursableFen: 38_000 });
  });
});

// —— E-ADVANCE ——

describe('E-ADVANCE: an approved trip, at most 500 yuan, the manager → finance → the gm, paid out by finance', () => {
  const advance = (tripId: number, amount: number): CreateInput => ({ type: 'travel_advance', purpose: '差旅借款', tripId, fields: { amount } });

  it.each([
    ['499.99', P.advanceMaxFen - 1, true],
    ['500.00', P.advanceMaxFen, true],
    ['500.01', P.advanceMaxFen + 1, false],
  ] as const)('%s yuan', async (_label, amount, allowed) => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    if (allowed) {
      const expense = await file(repB, advance(registered.id, amount));
      expect(expense).toMatchObject({ status: 'pending', amountFen: amount, approvedFen: amount, tripId: registered.id, tripNo: registered.expenseNo, expenseDate: '2026-11-16' });
      expect(seen((await requestOf(repB, expense)).decision)).toEqual(['E-APPROVAL:approval', 'E-ADVANCE:approval']);
    } else {
      const error = await refused(repB, 'expenses.create', advance(registered.id, amount), 'POLICY_DENIED', 'E-ADVANCE');
      expect(error.message).toContain('¥500.00');
    }
  });

  it('a trip not approved yet: blocked (the preview says why); a rejected trip: refused naming tripId', async () => {
    const { repB, manager } = await setup();
    const pending = await trip(repB, null);
    const error = await refused(repB, 'expenses.create', advance(pending.id, 30_000), 'POLICY_DENIED', 'E-ADVANCE');
    expect(error.message).toContain('出差登记');
    const preview = await repB.call('expenses.preview', advance(pending.id, 30_000));
    expect(preview.decision).toBe('deny');
    expect(preview.findings.filter((f) => f.severity === 'block').map((f) => f.ruleId)).toEqual(['E-ADVANCE']);
    await decide(manager, pending, 'reject', '不必出差');
    await refused(repB, 'expenses.create', advance(pending.id, 30_000), 'VALIDATION', 'tripId');
  });

  it('goes to the manager, then finance, then the gm, in that order; finance pays out only an approved advance, once', async () => {
    const { repB, manager, finance, gm } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, advance(registered.id, 50_000));
    const request = await requestOf(repB, expense);
    expect(request.decision.approvals).toEqual(['manager', 'finance', 'gm']);
    expect(stepsOf(request)).toEqual([
      ['manager', '王经理', 'pending'],
      ['finance', null, 'waiting'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(await inboxIds(finance)).toEqual([]);
    expect(await inboxIds(gm)).toEqual([]);
    // not yet approved: finance cannot pay it out
    await refused(finance, 'expenses.disburse', { id: expense.id }, 'CONFLICT');
    await approve(expense, manager);
    expect(await inboxIds(finance)).toEqual([request.id]);
    expect(await inboxIds(gm)).toEqual([]);
    await refused(finance, 'expenses.disburse', { id: expense.id }, 'CONFLICT');
    await approve(expense, finance);
    expect(await inboxIds(gm)).toEqual([request.id]);
    await approve(expense, gm);
    expect((await expenseOf(repB, expense.id)).status).toBe('approved');

    // the manager and the rep may not pay out; a trip is not an advance
    await refused(manager, 'expenses.disburse', { id: expense.id }, 'FORBIDDEN');
    await refused(repB, 'expenses.disburse', { id: expense.id }, 'FORBIDDEN');
    await refused(finance, 'expenses.disburse', { id: registered.id }, 'VALIDATION');
    const paid = await finance.call('expenses.disburse', { id: expense.id });
    expect(paid).toMatchObject({ status: 'disbursed', reimbursedFen: 50_000 });
    await refused(finance, 'expenses.disburse', { id: expense.id }, 'CONFLICT');
    const { advances } = await repB.call('claims.claimable', {});
    expect(advances).toEqual([]); // nothing of the trip is claimable yet, so no advance to offset
  });

  it('a rep under a supervisor: the supervisor, his manager by name, finance (anyone holding it), then the gm', async () => {
    const { repA, supervisor, manager, finance, gm } = await setup();
    const registered = await trip(repA, [supervisor, manager]);
    expect(registered.status).toBe('approved');
    const expense = await file(repA, advance(registered.id, 30_000));
    const request = await requestOf(repA, expense);
    expect(request.decision.approvals).toEqual(['supervisor', 'manager', 'finance', 'gm']);
    expect(stepsOf(request)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
      ['finance', null, 'waiting'],
      ['gm', '赵总', 'waiting'],
    ]);
    await approve(expense, supervisor);
    expect(await inboxIds(manager)).toEqual([request.id]);
    expect(await inboxIds(finance)).toEqual([]);
    await approve(expense, manager);
    expect(await inboxIds(finance)).toEqual([request.id]);
    await approve(expense, finance, gm);
    expect((await expenseOf(repA, expense.id)).status).toBe('approved');
  });

  it('offset on the claim of its own trip only; more advance than reimbursable leaves the employee owing (应退)', async () => {
    const { repB, manager, finance, gm } = await setup();
    const tripA = await trip(repB, manager, { startDate: '2026-11-09', endDate: '2026-11-11' });
    const tripB = await trip(repB, manager, { startDate: '2026-11-16', endDate: '2026-11-18' });
    const advanceA = await file(repB, advance(tripA.id, 50_000));
    const advanceB = await file(repB, advance(tripB.id, 30_000));
    for (const a of [advanceA, advanceB]) {
      await approve(a, manager, finance, gm);
      await finance.call('expenses.disburse', { id: a.id });
    }
    // an advance approved but never paid out is not offset
    const unpaid = await file(repB, advance(tripA.id, 10_000));
    await approve(unpaid, manager, finance, gm);

    const perDiemA = await file(repB, { type: 'per_diem', purpose: '出差补贴', tripId: tripA.id, fields: { travelDays: 2 } });
    const perDiemB = await file(repB, { type: 'per_diem', purpose: '出差补贴', tripId: tripB.id, fields: { travelDays: 3 } });
    await approve(perDiemA, manager);
    await approve(perDiemB, manager);
    const claimable = await repB.call('claims.claimable', {});
    expect(claimable.advances.map((a) => a.id).sort()).toEqual([advanceA.id, advanceB.id].sort());

    const claimA = await repB.call('claims.create', { items: [{ expenseId: perDiemA.id }] });
    expect(claimA).toMatchObject({ reimbursableFen: 30_000, advanceFen: 50_000, payableFen: -20_000 });
    expect(claimA.advances).toEqual([{ expenseId: advanceA.id, expenseNo: expect.any(String), amountFen: 50_000 }]);
    const claimB = await repB.call('claims.create', { items: [{ expenseId: perDiemB.id }] });
    expect(claimB).toMatchObject({ reimbursableFen: 45_000, advanceFen: 30_000, payableFen: 15_000 });
    expect(claimB.advances.map((a) => a.expenseId)).toEqual([advanceB.id]);

    const paidA = await finance.call('claims.pay', { id: claimA.id, version: claimA.version });
    expect(paidA).toMatchObject({ status: 'paid', payableFen: -20_000, paidByName: '吴会计' });
    expect(await expenseOf(repB, advanceA.id)).toMatchObject({ status: 'settled', claimId: claimA.id });
    expect(await expenseOf(repB, advanceB.id)).toMatchObject({ status: 'disbursed', claimId: claimB.id });
    expect(await expenseOf(repB, unpaid.id)).toMatchObject({ status: 'approved', claimId: null });
    expect(await expenseOf(repB, perDiemA.id)).toMatchObject({ status: 'reimbursed', reimbursedFen: 30_000 });

    // a returned claim frees its advance for the next claim of the trip
    const returned = await finance.call('claims.return', { id: claimB.id, version: claimB.version, reason: '补贴天数待核' });
    expect(returned.status).toBe('returned');
    expect(await expenseOf(repB, advanceB.id)).toMatchObject({ status: 'disbursed', claimId: null });
    expect(await expenseOf(repB, perDiemB.id)).toMatchObject({ status: 'approved', claimId: null });
    const again = await repB.call('claims.create', { items: [{ expenseId: perDiemB.id, days: 2 }] });
    expect(again).toMatchObject({ reimbursableFen: 30_000, advanceFen: 30_000, payableFen: 0 });
  });
});

// —— E-TRANSPORT ——

describe('E-TRANSPORT: 60 % of the tickets up to 2 % of the deal; 30 % with no deal; rounded down to the fen', () => {
  const transport = (tripId: number, transportTotal: number, dealAmount: number | null): CreateInput => ({
    type: 'transport',
    purpose: '高铁往返',
    tripId,
    fields: dealAmount === null ? { transportTotal, dealSigned: false } : { transportTotal, dealSigned: true, dealAmount },
  });

  // A deal of 30,000 yuan caps the share at 600 yuan: 60 % of 1,000 yuan of tickets exactly.
  it.each([
    ['below the crossover: 60 % binds', 99_998, 3_000_000, 59_998],
    ['exactly at the crossover', 100_000, 3_000_000, 60_000],
    ['above the crossover: the 2 % cap binds', 100_002, 3_000_000, 60_000],
    ['far above: the cap', 500_000, 3_000_000, 60_000],
    ['no deal: 30 %', 100_000, null, 30_000],
    ['no deal, 3.33 yuan: 99.9 fen → 99', 333, null, 99],
    ['a deal, 3.33 yuan: 199.8 fen → 199', 333, 3_000_000, 199],
    ['a deal of 100.01 yuan caps at 200.02 fen → 200', 1_000, 10_001, 200],
  ] as const)('%s', async (_label, tickets, deal, share) => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, transport(registered.id, tickets, deal));
    expect(expense).toMatchObject({ amountFen: tickets, approvedFen: share, status: 'pending', expenseDate: '2026-11-16' });
    const request = await requestOf(repB, expense);
    expect(request.decision.computed).toEqual({ reimbursableFen: share, employeeFen: tickets - share });
    expect(findingIds(request.decision)).toEqual(['E-APPROVAL:approval', 'E-TRANSPORT:info']);
    expect(stepsOf(request)).toEqual([['manager', '王经理', 'pending']]);
  });

  it('a deal amount left on a form whose deal was not signed does not count', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, { type: 'transport', purpose: '高铁', tripId: registered.id, fields: { transportTotal: 100_000, dealSigned: false, dealAmount: 3_000_000 } });
    expect(expense.approvedFen).toBe(30_000);
    await refused(repB, 'expenses.create', { type: 'transport', purpose: '高铁', tripId: registered.id, fields: { transportTotal: 100_000, dealSigned: true } }, 'VALIDATION', 'dealAmount');
  });

  it('at the claim: tickets above the approved total are refused; below it the share is computed again on the invoices', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, transport(registered.id, 100_000, 3_000_000));
    await approve(expense, manager);
    const error = await refused(
      repB,
      'claims.create',
      { items: [{ expenseId: expense.id, invoices: [invoice('T-1', '2026-11-16', 50_000), invoice('T-2', '2026-11-18', 50_001)] }] },
      'VALIDATION',
      'items.0.invoices',
    );
    expect(error.message).toContain('¥1,000.01');
    const claim = await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('T-1', '2026-11-16', 40_000), invoice('T-2', '2026-11-18', 40_001)] }] });
    // 60 % of 800.01 yuan = 480.006 → 480.00 (below the 600 yuan cap)
    expect(claim.items[0]).toMatchObject({ approvedFen: 60_000, claimedFen: 80_001, reimbursableFen: 48_000 });
    expect(claim.items[0]!.basis).toContain('E-TRANSPORT');
    expect(claim).toMatchObject({ claimedFen: 80_001, reimbursableFen: 48_000, payableFen: 48_000 });
  });
});

// —— E-LODGING ——

describe('E-LODGING: no lodging for a day trip of at most 3 hours; a hotel invoice per night', () => {
  const lodging = (tripId: number, fields: Record<string, unknown>): CreateInput => ({ type: 'lodging', purpose: '住宿', tripId, fields });

  it.each([
    ['3.00 hours one way and back the same day possible: blocked', { travelHoursOneWay: 3, sameDayReturnPossible: true, hasInvoice: true }, false],
    ['3.01 hours: allowed', { travelHoursOneWay: 3.01, sameDayReturnPossible: true, hasInvoice: true }, true],
    ['2 hours but no same-day return: allowed', { travelHoursOneWay: 2, sameDayReturnPossible: false, hasInvoice: true }, true],
    ['no hotel invoice: blocked', { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: false }, false],
  ] as const)('%s', async (_label, fields, allowed) => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const input = lodging(registered.id, { ...fields, nights: 2 });
    if (allowed) {
      const expense = await file(repB, input);
      expect(expense).toMatchObject({ status: 'pending', amountFen: 2 * P.perDiemFen, approvedFen: 2 * P.perDiemFen });
      expect(seen((await requestOf(repB, expense)).decision)).toEqual(['E-APPROVAL:approval']);
    } else {
      await refused(repB, 'expenses.create', input, 'POLICY_DENIED', 'E-LODGING');
    }
  });

  it('more nights than the trip has days is refused naming nights', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager); // 3 days
    const error = await refused(repB, 'expenses.create', lodging(registered.id, { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 4 }), 'VALIDATION', 'nights');
    expect(error.message).toMatch(/^住宿晚数：/);
  });

  it('at the claim: the nights are the invoiced nights; one date twice or more nights than approved are refused', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, lodging(registered.id, { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 }));
    await approve(expense, manager);
    await refused(
      repB,
      'claims.create',
      { items: [{ expenseId: expense.id, invoices: [invoice('H-1', '2026-11-16', 30_000), invoice('H-2', '2026-11-16', 30_000)] }] },
      'VALIDATION',
      'items.0.invoices',
    );
    const tooMany = await refused(
      repB,
      'claims.create',
      { items: [{ expenseId: expense.id, invoices: [invoice('H-1', '2026-11-16', 30_000), invoice('H-2', '2026-11-17', 30_000), invoice('H-3', '2026-11-18', 30_000)] }] },
      'VALIDATION',
      'items.0.invoices',
    );
    expect(tooMany.message).toContain('3 晚');
    // one hotel invoice for two approved nights: one travel day's package
    const claim = await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('H-1', '2026-11-16', 38_000)] }] });
    expect(claim.items[0]).toMatchObject({ approvedFen: 30_000, claimedFen: 38_000, reimbursableFen: P.perDiemFen });
    expect(claim.items[0]!.basis).toContain('1 晚');
  });

  it('at the claim: lodging without a single hotel invoice is refused (E-LODGING), not paid as nothing', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, lodging(registered.id, { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 }));
    await approve(expense, manager);
    const error = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [] }] }, 'VALIDATION', 'items.0.invoices');
    expect(error.message).toContain('E-LODGING');
    expect((await expenseOf(repB, expense.id)).status).toBe('approved');
  });
});

// —— E-PERDIEM ——

describe('E-PERDIEM: 150 yuan a travel day, halves allowed', () => {
  const perDiem = (tripId: number, travelDays: number): CreateInput => ({ type: 'per_diem', purpose: '出差补贴', tripId, fields: { travelDays } });

  it.each([
    [0.5, 7_500],
    [1, 15_000],
    [2.5, 37_500],
    [3, 45_000],
  ] as const)('%s days on a 3-day trip: %s fen', async (days, fen) => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, perDiem(registered.id, days));
    expect(expense).toMatchObject({ amountFen: fen, approvedFen: fen });
    expect((await requestOf(repB, expense)).decision.computed).toEqual({ perDiemFen: fen, perDiemPerDayFen: P.perDiemFen });
  });

  it('more days than the trip has, or not in halves, are refused naming travelDays', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    for (const days of [3.5, 4, 1.3]) {
      const error = await refused(repB, 'expenses.create', perDiem(registered.id, days), 'VALIDATION', 'travelDays');
      expect(error.message).toMatch(/^出差天数：/);
      // the form's live check says so while it is typed
      expect((await refused(repB, 'expenses.preview', perDiem(registered.id, days), 'VALIDATION', 'travelDays')).message).toBe(error.message);
    }
    // a trip of one day (start = end) allows one day
    const day = await trip(repB, manager, { startDate: '2026-11-20', endDate: '2026-11-20' });
    expect((await file(repB, perDiem(day.id, 1))).approvedFen).toBe(15_000);
    await refused(repB, 'expenses.create', perDiem(day.id, 1.5), 'VALIDATION', 'travelDays');
  });

  it('the trip’s days are counted over all its per-diem and lodging requests (a rejected or withdrawn one frees its days)', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager); // 3 days
    const first = await file(repB, perDiem(registered.id, 1.5));
    const error = await refused(repB, 'expenses.create', perDiem(registered.id, 2), 'VALIDATION', 'travelDays');
    expect(error.message).toContain('1.5');
    // the lodging package counts a travel day per night
    await refused(repB, 'expenses.create', { type: 'lodging', purpose: '住宿', tripId: registered.id, fields: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 } }, 'VALIDATION', 'nights');
    await file(repB, { type: 'lodging', purpose: '住宿', tripId: registered.id, fields: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 1 } });
    await refused(repB, 'expenses.create', perDiem(registered.id, 1), 'VALIDATION', 'travelDays');
    expect((await file(repB, perDiem(registered.id, 0.5))).approvedFen).toBe(7_500);
    await decide(manager, first, 'reject', '天数不对');
    expect((await file(repB, perDiem(registered.id, 1.5))).approvedFen).toBe(22_500);
  });

  it('the claim pays the days claimed, at most those approved', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, perDiem(registered.id, 2.5));
    await approve(expense, manager);
    const error = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, days: 3 }] }, 'VALIDATION', 'items.0.days');
    expect(error.message).toContain('2.5');
    const halves = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, days: 1.3 }] }, 'VALIDATION', 'items.0.days');
    expect(halves.message).toMatch(/^第 1 项：/);
    const claim = await repB.call('claims.create', { items: [{ expenseId: expense.id, days: 1.5 }] });
    expect(claim.items[0]).toMatchObject({ approvedFen: 37_500, claimedFen: 22_500, reimbursableFen: 22_500 });
    await t.team.finance.call('claims.return', { id: claim.id, version: claim.version, reason: '按批准天数报' });
    expect((await repB.call('claims.create', { items: [{ expenseId: expense.id }] })).reimbursableFen).toBe(37_500);
  });
});

// —— E-PROJECT ——

describe('E-PROJECT: within 2 working days after the customer’s payment; petty cash to the manager and the gm', () => {
  const project = (fields: Record<string, unknown>): CreateInput => ({ type: 'project', purpose: '项目调试费用', fields: { amount: 120_000, ...fields } });

  // Payment on Friday 2026-11-20: the 1st and 2nd working days after it are Mon 23 and Tue 24.
  it.each([
    ['2026-11-23', true],
    ['2026-11-24', true],
    ['2026-11-25', false],
  ] as const)('payment on Friday the 20th, filed on %s', async (day, allowed) => {
    const { repB, manager } = await setup(day);
    const input = project({ paymentReceivedOn: '2026-11-20' });
    if (allowed) {
      const expense = await file(repB, input);
      expect(expense).toMatchObject({ expenseDate: day, approvedFen: 120_000 });
      const request = await requestOf(repB, expense);
      expect(seen(request.decision)).toEqual(['E-APPROVAL:approval']);
      expect(request.decision.computed).toEqual({ fileBy: '2026-11-24' });
      expect(await inboxIds(manager)).toEqual([request.id]);
    } else {
      const error = await refused(repB, 'expenses.create', input, 'POLICY_DENIED', 'E-PROJECT');
      expect(error.message).toContain('2026-11-24');
    }
  });

  it('urgent petty cash: the manager, then the gm (a rep under a supervisor: the supervisor first, then his manager by name)', async () => {
    const { repB, repA, supervisor, manager, gm } = await setup();
    const other = await t.userWith('manager', { displayName: '刘经理' });
    const cash = await file(repB, project({ paymentReceivedOn: '2026-11-20', pettyCash: true }));
    const request = await requestOf(repB, cash);
    expect(seen(request.decision)).toEqual(['E-APPROVAL:approval', 'E-PROJECT:approval']);
    expect(stepsOf(request)).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
    await approve(cash, manager);
    expect(await inboxIds(gm)).toEqual([request.id]);
    await approve(cash, gm);
    expect((await expenseOf(repB, cash.id)).status).toBe('approved');
    const cashA = await file(repA, project({ paymentReceivedOn: '2026-11-20', pettyCash: true }));
    const forA = await requestOf(repA, cashA);
    expect(stepsOf(forA)).toEqual([
      ['supervisor', '孙主管', 'pending'],
      ['manager', '王经理', 'waiting'],
      ['gm', '赵总', 'waiting'],
    ]);
    expect(forA.steps[1]!.approverId).toBe(manager.id);
    await approve(cashA, supervisor);
    expect(await inboxIds(manager)).toEqual([forA.id]);
    expect(await inboxIds(other)).toEqual([]);
    await approve(cashA, manager, gm);
    expect((await expenseOf(repA, cashA.id)).status).toBe('approved');
  });
});

// —— E-TEAM ——

describe('E-TEAM: staff cost plus sales expenses at most 15 % of the projected new revenue; the gm approves', () => {
  // Projected new revenue 1,000,000.00 yuan: the limit is 150,000.00 yuan.
  const proposal = (staffCost: number, salesExpenses: number): CreateInput => ({
    type: 'team',
    purpose: '华南新团队',
    fields: { staffCost, salesExpenses, projectedNewRevenue: 100_000_000 },
  });

  it.each([
    ['under', 10_000_000, 4_999_999, true],
    ['exactly 15 %', 10_000_000, 5_000_000, true],
    ['1 fen over', 10_000_000, 5_000_001, false],
  ] as const)('%s', async (_label, staff, sales, allowed) => {
    const { repB, manager, gm } = await setup();
    if (allowed) {
      const expense = await file(repB, proposal(staff, sales));
      expect(expense).toMatchObject({ amountFen: staff + sales, approvedFen: 0, status: 'pending' });
      const request = await requestOf(repB, expense);
      expect(seen(request.decision)).toEqual(['E-APPROVAL:approval', 'E-APPROVAL:approval', 'E-TEAM:approval']);
      expect(request.decision.computed).toMatchObject({ capFen: 15_000_000, costFen: staff + sales });
      expect(stepsOf(request)).toEqual([
        ['manager', '王经理', 'pending'],
        ['gm', '赵总', 'waiting'],
      ]);
      await approve(expense, manager);
      expect(await inboxIds(gm)).toEqual([request.id]);
      await approve(expense, gm);
      expect((await expenseOf(repB, expense.id)).status).toBe('approved');
      // a proposal is approved, not reimbursed
      await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('X-1', TODAY, 100)] }] }, 'VALIDATION', 'items.0.expenseId');
    } else {
      const error = await refused(repB, 'expenses.create', proposal(staff, sales), 'POLICY_DENIED', 'E-TEAM');
      expect(error.message).toContain('15%');
    }
  });
});

// —— parameters ——

describe('parameters: a new version applies to new requests; a filed request keeps its amounts at the claim', () => {
  it('a gm threshold lowered from today: today’s new requests are judged by it', async () => {
    const { repB } = await setup();
    const before = await file(repB, { type: 'other', purpose: '会务费', fields: { amount: 400_000 } });
    expect((await requestOf(repB, before)).decision.approvals).toEqual(['manager']);
    await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 300_000 }, effectiveFrom: TODAY, note: '总经理审 3,000 元以上' });
    const input: CreateInput = { type: 'other', purpose: '会务费', fields: { amount: 400_000 } };
    expect((await repB.call('expenses.preview', input)).approvals).toEqual(['manager', 'gm']);
    const after = await file(repB, input);
    expect(stepsOf(await requestOf(repB, after))).toEqual([
      ['manager', '王经理', 'pending'],
      ['gm', '赵总', 'waiting'],
    ]);
    // the earlier request keeps its decision and its one step
    expect(stepsOf(await requestOf(repB, before))).toEqual([['manager', '王经理', 'pending']]);
  });

  it('the per diem raised from tomorrow: tomorrow’s request pays the new rate, today’s request claimed tomorrow the old one', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager, { startDate: '2026-11-09', endDate: '2026-11-18' });
    const old = await file(repB, { type: 'per_diem', purpose: '出差补贴', tripId: registered.id, fields: { travelDays: 2 } });
    const oldLodging = await file(repB, { type: 'lodging', purpose: '住宿', tripId: registered.id, fields: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 } });
    await approve(old, manager);
    await approve(oldLodging, manager);
    await t.admin.call('policy.setParams', { ruleId: 'E-PERDIEM', params: { perDiemFen: 20_000 }, effectiveFrom: '2026-11-24', note: '包干补贴上调' });
    expect(old.approvedFen).toBe(30_000);

    setDay('2026-11-24');
    const fresh = await file(repB, { type: 'per_diem', purpose: '出差补贴', tripId: registered.id, fields: { travelDays: 2 } });
    expect(fresh).toMatchObject({ amountFen: 40_000, approvedFen: 40_000 });
    await approve(fresh, manager);
    const claim = await repB.call('claims.create', {
      items: [{ expenseId: old.id }, { expenseId: oldLodging.id, invoices: [invoice('H-1', '2026-11-16', 30_000), invoice('H-2', '2026-11-17', 30_000)] }, { expenseId: fresh.id }],
    });
    expect(claim.items.map((i) => [i.expenseId, i.reimbursableFen])).toEqual([
      [old.id, 30_000],
      [oldLodging.id, 30_000],
      [fresh.id, 40_000],
    ]);
    expect(claim.reimbursableFen).toBe(100_000);
  });

  it('the transport shares changed from tomorrow: a claim of today’s request still uses today’s shares', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    const expense = await file(repB, { type: 'transport', purpose: '高铁', tripId: registered.id, fields: { transportTotal: 100_000, dealSigned: false } });
    await approve(expense, manager);
    await t.admin.call('policy.setParams', { ruleId: 'E-TRANSPORT', params: { withDealShare: 0.6, dealCapShare: 0.02, noDealShare: 0.5 }, effectiveFrom: '2026-11-24', note: '' });
    setDay('2026-11-24');
    const claim = await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('T-1', '2026-11-16', 100_000)] }] });
    expect(claim.items[0]).toMatchObject({ approvedFen: 30_000, reimbursableFen: 30_000 });
  });

  it('changed later on the day a request was filed: the request still pays what was approved', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager, { startDate: '2026-11-09', endDate: '2026-11-18' });
    const perDiem = await file(repB, { type: 'per_diem', purpose: '出差补贴', tripId: registered.id, fields: { travelDays: 2 } });
    const transport = await file(repB, { type: 'transport', purpose: '高铁', tripId: registered.id, fields: { transportTotal: 100_000, dealSigned: false } });
    const lodging = await file(repB, { type: 'lodging', purpose: '住宿', tripId: registered.id, fields: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 1 } });
    await approve(perDiem, manager);
    await approve(transport, manager);
    await approve(lodging, manager);
    expect([perDiem.approvedFen, transport.approvedFen, lodging.approvedFen]).toEqual([30_000, 30_000, 15_000]);
    await t.admin.call('policy.setParams', { ruleId: 'E-PERDIEM', params: { perDiemFen: 20_000 }, effectiveFrom: TODAY, note: '' });
    await t.admin.call('policy.setParams', { ruleId: 'E-TRANSPORT', params: { withDealShare: 0.6, dealCapShare: 0.02, noDealShare: 0.5 }, effectiveFrom: TODAY, note: '' });
    // new requests get the new figures…
    expect((await repB.call('expenses.preview', { type: 'per_diem', purpose: '出差补贴', tripId: registered.id, fields: { travelDays: 2 } })).computed).toMatchObject({ perDiemFen: 40_000 });
    // …the approved ones are paid what was approved
    const claim = await repB.call('claims.create', {
      items: [{ expenseId: perDiem.id }, { expenseId: transport.id, invoices: [invoice('T-1', '2026-11-16', 100_000)] }, { expenseId: lodging.id, invoices: [invoice('H-1', '2026-11-16', 26_000)] }],
    });
    expect(claim.items.map((i) => i.reimbursableFen)).toEqual([30_000, 30_000, 15_000]);
    expect(claim.items[1]!.basis).toContain('个人承担 ¥700.00');
  });
});

// —— bad input ——

describe('bad input is refused, Chinese first, naming the field, and writes nothing', () => {
  /** repB's approved expense of type 'other' for `amount` fen. */
  async function approvedOther(amount = 10_000, purpose = '资料费') {
    const expense = await file(t.team.repB, { type: 'other', purpose, fields: { amount } });
    await approve(expense, t.team.manager);
    return expense;
  }

  it('a negative or zero amount (naming the amount field of the type)', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    for (const amount of [-1, 0]) {
      for (const type of ['other', 'sample', 'project'] as const) {
        const error = await refused(repB, 'expenses.create', { type, purpose: '费用', fields: { amount, paymentReceivedOn: '2026-11-20' } }, 'VALIDATION', 'amount');
        expect(error.message).toMatch(/^金额：/);
      }
      const dinner = await refused(repB, 'expenses.create', { type: 'entertainment', purpose: '宴请', fields: { amount, guests: 2, eventDate: '2026-11-25' } }, 'VALIDATION', 'amount');
      expect(dinner.message).toMatch(/^金额：/);
      const advance = await refused(repB, 'expenses.create', { type: 'travel_advance', purpose: '借款', tripId: registered.id, fields: { amount } }, 'VALIDATION', 'amount');
      expect(advance.message).toMatch(/^借款金额：/);
      const tickets = await refused(repB, 'expenses.create', { type: 'transport', purpose: '车票', tripId: registered.id, fields: { transportTotal: amount, dealSigned: false } }, 'VALIDATION', 'transportTotal');
      expect(tickets.message).toMatch(/^交通费合计：/);
      // the preview says the same
      expect((await repB.fail('expenses.preview', { type: 'other', purpose: '费用', fields: { amount } })).issues.map((i) => i.field)).toEqual(['amount']);
    }
    await refused(repB, 'expenses.create', { type: 'other', purpose: '费用', fields: { amount: 1.5 } }, 'VALIDATION', 'amount');
    await refused(repB, 'expenses.create', { type: 'other', purpose: '费用', fields: {} }, 'VALIDATION', 'amount');
    await refused(repB, 'expenses.create', { type: 'other', purpose: '   ', fields: { amount: 100 } }, 'VALIDATION', 'purpose');
    // a zero invoice, too
    const expense = await approvedOther();
    await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('Z-1', TODAY, 0)] }] }, 'VALIDATION', 'items.0.invoices.0.amountFen');
  });

  it('an invoice dated in the future', async () => {
    const { repB } = await setup();
    const expense = await approvedOther();
    const error = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('F-1', '2026-11-24', 5_000)] }] }, 'VALIDATION', 'items.0.invoices.0.invoiceDate');
    expect(error.message).toContain('晚于今天');
    expect((await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('F-1', TODAY, 5_000)] }] })).reimbursableFen).toBe(5_000);
  });

  it('a claim above the approved amount', async () => {
    const { repB } = await setup();
    const expense = await approvedOther(10_000);
    const error = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('A-1', TODAY, 6_000), invoice('A-2', TODAY, 4_001)] }] }, 'VALIDATION', 'items.0.invoices');
    expect(error.message).toMatch(/^第 1 项：发票合计 ¥100\.01 超过批准的 ¥100\.00/);
    expect((await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('A-1', TODAY, 6_000), invoice('A-2', TODAY, 4_000)] }] })).reimbursableFen).toBe(10_000);
  });

  it('a claim of a rejected, a pending or a withdrawn request, of a trip or an advance, or of someone else’s', async () => {
    const { repB, repA, manager } = await setup();
    const rejected = await file(repB, { type: 'other', purpose: '驳回的', fields: { amount: 10_000 } });
    await decide(manager, rejected, 'reject', '无预算');
    const pending = await file(repB, { type: 'other', purpose: '待批的', fields: { amount: 10_000 } });
    const withdrawn = await file(repB, { type: 'other', purpose: '撤回的', fields: { amount: 10_000 } });
    const request = await requestOf(repB, withdrawn);
    await repB.call('requests.withdraw', { id: request.id, version: request.version });
    const registered = await trip(repB, manager);
    for (const [expense, word] of [
      [rejected, '已驳回'],
      [pending, '审批中'],
      [withdrawn, '已撤回'],
      [registered, '出差登记'],
    ] as const) {
      const error = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('P-1', TODAY, 5_000)] }] }, 'VALIDATION', 'items.0.expenseId');
      expect(error.message).toContain(word);
    }
    const theirs = await file(repA, { type: 'other', purpose: '张伟的', fields: { amount: 10_000 } });
    await approve(theirs, t.team.supervisor, manager);
    expect((await expenseOf(repA, theirs.id)).status).toBe('approved');
    const notMine = await refused(repB, 'claims.create', { items: [{ expenseId: theirs.id, invoices: [invoice('P-1', TODAY, 5_000)] }] }, 'VALIDATION', 'items.0.expenseId');
    expect(notMine.message).toContain('不是申请人的');
    await refused(repB, 'claims.create', { items: [{ expenseId: 9_999, invoices: [invoice('P-1', TODAY, 5_000)] }] }, 'VALIDATION', 'items.0.expenseId');
    await refused(repB, 'claims.create', { items: [] }, 'VALIDATION', 'items');
  });

  it('an expense claimed twice: on a later claim, or twice on one', async () => {
    const { repB } = await setup();
    const expense = await approvedOther();
    const twiceInOne = await refused(
      repB,
      'claims.create',
      { items: [{ expenseId: expense.id, invoices: [invoice('D-1', TODAY, 5_000)] }, { expenseId: expense.id, invoices: [invoice('D-2', TODAY, 5_000)] }] },
      'VALIDATION',
      'items.1.expenseId',
    );
    expect(twiceInOne.message).toContain('重复');
    const claim = await repB.call('claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('D-1', TODAY, 5_000)] }] });
    const again = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('D-2', TODAY, 5_000)] }] }, 'VALIDATION', 'items.0.expenseId');
    expect(again.message).toContain(claim.claimNo);
    await t.team.finance.call('claims.pay', { id: claim.id, version: claim.version });
    const paid = await refused(repB, 'claims.create', { items: [{ expenseId: expense.id, invoices: [invoice('D-2', TODAY, 5_000)] }] }, 'VALIDATION', 'items.0.expenseId');
    expect(paid.message).toContain(claim.claimNo);
  });

  it('one invoice number twice: in one claim, again in a later claim (any case); free again once its claim is returned', async () => {
    const { repB, finance } = await setup();
    const first = await approvedOther(10_000, '资料费一');
    const second = await approvedOther(10_000, '资料费二');
    const sameItem = await refused(repB, 'claims.create', { items: [{ expenseId: first.id, invoices: [invoice('FP-001', TODAY, 3_000), invoice('FP-001', TODAY, 3_000)] }] }, 'VALIDATION', 'items.0.invoices.1.invoiceNo');
    expect(sameItem.message).toContain('FP-001');
    await refused(
      repB,
      'claims.create',
      { items: [{ expenseId: first.id, invoices: [invoice('FP-001', TODAY, 3_000)] }, { expenseId: second.id, invoices: [invoice('fp-001', TODAY, 3_000)] }] },
      'VALIDATION',
      'items.1.invoices.0.invoiceNo',
    );
    const claim = await repB.call('claims.create', { items: [{ expenseId: first.id, invoices: [invoice('FP-001', TODAY, 3_000)] }] });
    const later = await refused(repB, 'claims.create', { items: [{ expenseId: second.id, invoices: [invoice('P-9', TODAY, 1_000), invoice('fp-001', TODAY, 3_000)] }] }, 'VALIDATION', 'items.0.invoices.1.invoiceNo');
    expect(later.message).toContain(claim.claimNo);
    await finance.call('claims.return', { id: claim.id, version: claim.version, reason: '发票抬头有误' });
    const reused = await repB.call('claims.create', { items: [{ expenseId: second.id, invoices: [invoice('FP-001', TODAY, 3_000)] }] });
    expect(reused.items[0]!.invoices).toEqual([invoice('FP-001', TODAY, 3_000)]);
  });

  it('an advance above the cap (E-ADVANCE)', async () => {
    const { repB, manager } = await setup();
    const registered = await trip(repB, manager);
    await refused(repB, 'expenses.create', { type: 'travel_advance', purpose: '借款', tripId: registered.id, fields: { amount: P.advanceMaxFen + 1 } }, 'POLICY_DENIED', 'E-ADVANCE');
  });

  it('a trip expense without a trip, under another rep’s trip, under a trip not approved; a trip on an expense that has none', async () => {
    const { repB, repA, manager, supervisor } = await setup();
    const perDiem = (tripId: number | null): CreateInput => ({ type: 'per_diem', purpose: '补贴', tripId, fields: { travelDays: 1 } });
    const none = await refused(repB, 'expenses.create', perDiem(null), 'VALIDATION', 'tripId');
    expect(none.message).toMatch(/^出差登记：/);
    const theirs = await trip(repA, [supervisor, manager]);
    expect(theirs.status).toBe('approved');
    expect((await refused(repB, 'expenses.create', perDiem(theirs.id), 'VALIDATION', 'tripId')).message).toContain('不是申请人的出差登记');
    const pending = await trip(repB, null);
    expect((await refused(repB, 'expenses.create', perDiem(pending.id), 'VALIDATION', 'tripId')).message).toContain('尚未批准');
    const own = await trip(repB, manager);
    const other = await file(repB, { type: 'other', purpose: '费用', fields: { amount: 100 } });
    await refused(repB, 'expenses.create', perDiem(other.id), 'VALIDATION', 'tripId'); // not a travel registration
    await refused(repB, 'expenses.create', { type: 'other', purpose: '费用', tripId: own.id, fields: { amount: 100 } }, 'VALIDATION', 'tripId');
    // an assistant filing for repB may use repB's trip, not repA's
    await refused(t.team.assistant, 'expenses.create', { ...perDiem(theirs.id), applicantId: repB.id }, 'VALIDATION', 'tripId');
    expect((await file(t.team.assistant, { ...perDiem(own.id), applicantId: repB.id })).tripId).toBe(own.id);
  });

  it('an order of another customer; a rep naming another rep’s customer or order', async () => {
    const { repB, repA, manager } = await setup();
    const mine = (await createCustomer(repB, 'C002', { name: '无锡新材料' })).customer;
    const alsoMine = (await createCustomer(repB, 'C003', { name: '常州塑胶' })).customer;
    const theirs = (await createCustomer(repA, 'C001', { name: '苏州恒达化工' })).customer;
    const product = (await t.admin.call('products.create', { product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 } })).product;
    const order = await repB.call('orders.create', { customerId: alsoMine.id, lines: [{ productId: product.id, quantityMilli: 1_000 }] });
    const theirOrder = await repA.call('orders.create', { customerId: theirs.id, lines: [{ productId: product.id, quantityMilli: 1_000 }] });
    const sample = (extra: Partial<CreateInput>): CreateInput => ({ type: 'sample', purpose: '寄样', fields: { amount: 5_000 }, ...extra });
    const wrongOrder = await refused(repB, 'expenses.create', sample({ customerId: mine.id, orderId: order.order.id }), 'VALIDATION', 'orderId');
    expect(wrongOrder.message).toMatch(/^订单：/);
    expect(wrongOrder.message).toContain(order.order.orderNo);
    const theirCustomer = await refused(repB, 'expenses.create', sample({ customerId: theirs.id }), 'VALIDATION', 'customerId');
    expect(theirCustomer.message).toContain('无权');
    await refused(repB, 'expenses.create', sample({ orderId: theirOrder.order.id }), 'VALIDATION', 'orderId');
    await refused(repB, 'expenses.preview', sample({ customerId: theirs.id }), 'VALIDATION', 'customerId');
    // the order alone names its customer; the manager may link any customer
    const linked = await file(repB, sample({ orderId: order.order.id }));
    expect(linked).toMatchObject({ customerId: alsoMine.id, customerName: '常州塑胶', orderNo: order.order.orderNo });
    expect((await file(manager, sample({ customerId: theirs.id }))).customerNo).toBe('C001');
  });
});

// —— who sees, who approves, who pays ——

describe('access: reps see their own, supervisors their team’s, the heads all; finance and the gm pay; nobody approves his own', () => {
  it('the list and one request, by role', async () => {
    const { repA, repB, supervisor, manager, assistant, finance, gm, director } = await setup();
    const ofA = [await file(repA, { type: 'other', purpose: 'A 一', fields: { amount: 1_000 } }), await file(repA, { type: 'sample', purpose: 'A 二', fields: { amount: 2_000 } })];
    const ofB = [await file(repB, { type: 'other', purpose: 'B 一', fields: { amount: 3_000 } }), await file(assistant, { type: 'other', purpose: 'B 代录', applicantId: repB.id, fields: { amount: 4_000 } })];
    const ofSupervisor = await file(supervisor, { type: 'other', purpose: '主管', fields: { amount: 5_000 } });
    const ofManager = await file(manager, { type: 'other', purpose: '经理', fields: { amount: 6_000 } });
    const all = [...ofA, ...ofB, ofSupervisor, ofManager].map((e) => e.id).sort();
    const listed = async (caller: Caller) => (await caller.call('expenses.list', { startRow: 0, endRow: 100 })).rows.map((e) => e.id).sort();
    expect(await listed(repA)).toEqual(ofA.map((e) => e.id).sort());
    expect(await listed(repB)).toEqual(ofB.map((e) => e.id).sort());
    expect(await listed(supervisor)).toEqual([...ofA.map((e) => e.id), ofSupervisor.id].sort());
    for (const head of [manager, director, gm, finance, assistant, t.admin]) expect(await listed(head)).toEqual(all);
    expect((await repA.call('expenses.list', { startRow: 0, endRow: 100 })).total).toBe(2);

    for (const [caller, id] of [
      [repA, ofB[0]!.id],
      [repB, ofA[0]!.id],
      [supervisor, ofB[0]!.id],
      [repA, ofManager.id],
      [repA, 9_999],
    ] as const) {
      const error = await caller.fail('expenses.get', { id });
      expect(error.code).toBe('NOT_FOUND');
      expect(hasChinese(error.message)).toBe(true);
    }
    expect((await supervisor.call('expenses.get', { id: ofA[1]!.id })).expense.purpose).toBe('A 二');
    expect((await repB.call('expenses.get', { id: ofB[1]!.id })).expense).toMatchObject({ applicantId: repB.id, enteredById: assistant.id });
  });

  it('an assistant files for a rep and claims for him; the rep’s manager approves; finance pays; the assistant approves nothing', async () => {
    const { assistant, repB, repA, manager, finance } = await setup();
    const expense = await file(assistant, { type: 'other', purpose: '代录会务费', applicantId: repB.id, fields: { amount: 8_000 } });
    expect(expense).toMatchObject({ applicantId: repB.id, applicantName: '李娜', enteredById: assistant.id });
    const request = await requestOf(assistant, expense);
    expect(stepsOf(request)).toEqual([['manager', '王经理', 'pending']]);
    expect((await assistant.fail('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' })).code).toBe('FORBIDDEN');
    await approve(expense, manager);
    const claim = await assistant.call('claims.create', { applicantId: repB.id, items: [{ expenseId: expense.id, invoices: [invoice('AS-1', TODAY, 8_000)] }] });
    expect(claim).toMatchObject({ applicantId: repB.id, applicantName: '李娜', enteredById: assistant.id, payableFen: 8_000 });
    expect((await repB.call('claims.list', {})).map((c) => c.id)).toEqual([claim.id]);
    expect(await repA.call('claims.list', {})).toEqual([]);
    expect((await repA.fail('claims.get', { id: claim.id })).code).toBe('NOT_FOUND');
    // a rep files and claims only for himself
    await refused(repA, 'expenses.create', { type: 'other', purpose: '代录', applicantId: repB.id, fields: { amount: 100 } }, 'FORBIDDEN');
    await refused(repA, 'claims.create', { applicantId: repB.id, items: [{ expenseId: expense.id, invoices: [invoice('AS-2', TODAY, 100)] }] }, 'FORBIDDEN');
    expect((await finance.call('claims.pay', { id: claim.id, version: claim.version })).status).toBe('paid');
  });

  it('only finance and the gm pay or return a claim', async () => {
    const { repB, manager, director, supervisor, assistant, finance, gm } = await setup();
    const expenses = [await file(repB, { type: 'other', purpose: '一', fields: { amount: 1_000 } }), await file(repB, { type: 'other', purpose: '二', fields: { amount: 1_000 } })];
    for (const e of expenses) await approve(e, manager);
    const first = await repB.call('claims.create', { items: [{ expenseId: expenses[0]!.id, invoices: [invoice('PAY-1', TODAY, 1_000)] }] });
    const second = await repB.call('claims.create', { items: [{ expenseId: expenses[1]!.id, invoices: [invoice('PAY-2', TODAY, 1_000)] }] });
    for (const caller of [repB, manager, director, supervisor, assistant, t.admin]) {
      await refused(caller, 'claims.pay', { id: first.id, version: first.version }, 'FORBIDDEN');
      await refused(caller, 'claims.return', { id: first.id, version: first.version, reason: '不行' }, 'FORBIDDEN');
    }
    expect((await finance.call('claims.pay', { id: first.id, version: first.version })).status).toBe('paid');
    expect((await gm.call('claims.return', { id: second.id, version: second.version, reason: '缺发票原件' })).status).toBe('returned');
    // decided once: a second payment or a stale version is a CONFLICT
    await refused(finance, 'claims.pay', { id: first.id, version: first.version + 1 }, 'CONFLICT');
    await refused(finance, 'claims.return', { id: second.id, version: second.version + 1, reason: '再退' }, 'CONFLICT');
    await refused(finance, 'claims.return', { id: second.id, version: second.version, reason: '  ' }, 'VALIDATION', 'reason');
  });

  it('the applicant never approves his own: the manager’s own expense goes to his director', async () => {
    const { manager, director } = await setup();
    const expense = await file(manager, { type: 'other', purpose: '经理差旅', fields: { amount: 10_000 } });
    const request = await requestOf(manager, expense);
    // his director takes the manager's step: no manager step at all
    expect(request.decision.approvals).toEqual(['director']);
    expect(stepsOf(request)).toEqual([['director', '钱总监', 'pending']]);
    expect(await inboxIds(manager)).toEqual([]);
    await refused(manager, 'requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' }, 'FORBIDDEN');
    await approve(expense, director);
    expect((await expenseOf(manager, expense.id)).status).toBe('approved');
  });
});

// —— the grid ——

describe('expenses.list: filters, quick search, sort and paging in SQL', () => {
  async function dataset() {
    const team = await setup('2026-10-20');
    const { repA, repB, supervisor, manager } = team;
    const c1 = (await createCustomer(repA, 'C001', { name: '苏州恒达化工' })).customer;
    const c2 = (await createCustomer(repB, 'C002', { name: '无锡新材料' })).customer;
    const october = await file(repA, { type: 'other', purpose: '十月资料费', fields: { amount: 10_000 } });
    setDay(TODAY);
    const sample = await file(repA, { type: 'sample', purpose: '寄样', customerId: c1.id, fields: { amount: 20_000 } });
    const dinner = await file(repB, { type: 'entertainment', purpose: '宴请客户', customerId: c2.id, fields: { amount: 30_000, guests: 3, eventDate: '2026-12-02' } });
    const rejected = await file(repB, { type: 'other', purpose: '展会布展', fields: { amount: 40_000 } });
    await decide(manager, rejected, 'reject', '预算不足');
    const bySupervisor = await file(supervisor, { type: 'sample', purpose: '寄样给新客户', fields: { amount: 50_000 } });
    return { ...team, c1, c2, october, sample, dinner, rejected, bySupervisor };
  }
  const query = (caller: Caller, q: Partial<ChannelInput<'expenses.list'>>) => caller.call('expenses.list', { startRow: 0, endRow: 100, ...q });
  const ids = (page: { rows: Expense[] }) => page.rows.map((e) => e.id);

  it('by applicant, type (a set), status, month, customer; combined', async () => {
    const d = await dataset();
    const { manager } = d;
    const by = (filter: NonNullable<ChannelInput<'expenses.list'>['filter']>) => query(manager, { filter, sort: [{ colId: 'amountFen', sort: 'asc' }] });
    expect(ids(await by({ applicantId: { filterType: 'number', type: 'equals', filter: d.repA.id } }))).toEqual([d.october.id, d.sample.id]);
    expect(ids(await by({ type: { filterType: 'set', values: ['sample', 'entertainment'] } }))).toEqual([d.sample.id, d.dinner.id, d.bySupervisor.id]);
    expect(ids(await by({ status: { filterType: 'set', values: ['rejected'] } }))).toEqual([d.rejected.id]);
    expect(ids(await by({ status: { filterType: 'set', values: ['pending'] } }))).toEqual([d.october.id, d.sample.id, d.dinner.id, d.bySupervisor.id]);
    expect(ids(await by({ month: { filterType: 'text', type: 'equals', filter: '2026-10' } }))).toEqual([d.october.id]);
    // the dinner belongs to its event's month
    expect(ids(await by({ month: { filterType: 'text', type: 'equals', filter: '2026-12' } }))).toEqual([d.dinner.id]);
    expect(ids(await by({ customerId: { filterType: 'number', type: 'equals', filter: d.c1.id } }))).toEqual([d.sample.id]);
    expect(
      ids(
        await by({
          type: { filterType: 'set', values: ['sample'] },
          month: { filterType: 'text', type: 'equals', filter: '2026-11' },
          applicantId: { filterType: 'number', type: 'equals', filter: d.supervisor.id },
        }),
      ),
    ).toEqual([d.bySupervisor.id]);
    expect(await by({ type: { filterType: 'set', values: [] } })).toEqual({ rows: [], total: 0 });
    // a rep's filter never reaches past his own
    expect(ids(await query(d.repA, { filter: { applicantId: { filterType: 'number', type: 'equals', filter: d.repB.id } } }))).toEqual([]);
    await refused(manager, 'expenses.list', { filter: { password: { filterType: 'text', type: 'equals', filter: 'x' } } }, 'VALIDATION', 'password');
  });

  it('quick search over number, purpose, applicant and customer', async () => {
    const d = await dataset();
    const search = async (text: string) => ids(await query(d.manager, { quickSearch: text, sort: [{ colId: 'expenseNo', sort: 'asc' }] }));
    expect(await search('恒达')).toEqual([d.sample.id]);
    expect(await search('C002')).toEqual([d.dinner.id]);
    expect(await search('寄样')).toEqual([d.sample.id, d.bySupervisor.id]);
    expect(await search('李娜')).toEqual([d.dinner.id, d.rejected.id]);
    expect(await search(d.october.expenseNo)).toEqual([d.october.id]);
    expect(d.october.expenseNo).toBe('FY20261020-001');
    expect(await search('%')).toEqual([]);
  });

  it('sorts by any column, pages with the total', async () => {
    const d = await dataset();
    const byAmountDesc = [d.bySupervisor.id, d.rejected.id, d.dinner.id, d.sample.id, d.october.id];
    const pages = [];
    for (const startRow of [0, 2, 4]) {
      const page = await query(d.manager, { startRow, endRow: startRow + 2, sort: [{ colId: 'amountFen', sort: 'desc' }] });
      expect(page.total).toBe(5);
      pages.push(...ids(page));
    }
    expect(pages).toEqual(byAmountDesc);
    expect(ids(await query(d.manager, { sort: [{ colId: 'expenseDate', sort: 'asc' }, { colId: 'amountFen', sort: 'asc' }] }))).toEqual([
      d.october.id,
      d.sample.id,
      d.rejected.id,
      d.bySupervisor.id,
      d.dinner.id,
    ]);
    expect(ids(await query(d.manager, { sort: [{ colId: 'applicantName', sort: 'asc' }, { colId: 'amountFen', sort: 'desc' }] }))).toHaveLength(5);
    // the default: newest number first
    expect(ids(await query(d.manager, {}))).toEqual([d.bySupervisor.id, d.rejected.id, d.dinner.id, d.sample.id, d.october.id]);
    const filtered = await query(d.manager, { startRow: 0, endRow: 1, filter: { type: { filterType: 'set', values: ['sample'] } } });
    expect(filtered.total).toBe(2);
    expect(filtered.rows).toHaveLength(1);
  });
});

// —— audit ——

describe('audit: one row per create, disburse, claim, pay and return, in the write’s own transaction', () => {
  const auditRows = (entity: string, entityId: number) =>
    t.core.database.sqlite.prepare('SELECT action, user_id AS userId, before_json AS beforeJson, after_json AS afterJson FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(entityId)) as {
      action: string;
      userId: number;
      beforeJson: string | null;
      afterJson: string | null;
    }[];

  async function world() {
    const team = await setup();
    const { repB, manager, finance, gm } = team;
    const registered = await trip(repB, manager);
    const advance = await file(repB, { type: 'travel_advance', purpose: '借款', tripId: registered.id, fields: { amount: 40_000 } });
    await approve(advance, manager, finance, gm);
    const perDiem = await file(repB, { type: 'per_diem', purpose: '补贴', tripId: registered.id, fields: { travelDays: 2 } });
    await approve(perDiem, manager);
    return { ...team, registered, advance, perDiem };
  }

  it('each write leaves exactly its row, by whom, with what changed', async () => {
    const { repB, finance, advance, perDiem } = await world();
    const created = auditRows('expenses', perDiem.id);
    expect(created.map((r) => [r.action, r.userId])).toEqual([['expenses.create', repB.id]]);
    expect(JSON.parse(created[0]!.afterJson!)).toMatchObject({ id: perDiem.id, expenseNo: perDiem.expenseNo, status: 'pending', approvedFen: 30_000 });

    await finance.call('expenses.disburse', { id: advance.id });
    expect(auditRows('expenses', advance.id).map((r) => [r.action, r.userId, r.beforeJson && JSON.parse(r.beforeJson), r.afterJson && JSON.parse(r.afterJson)])).toEqual([
      ['expenses.create', repB.id, null, expect.objectContaining({ status: 'pending' })],
      ['expenses.disburse', finance.id, { status: 'approved' }, { status: 'disbursed', amountFen: 40_000 }],
    ]);

    const claim = await repB.call('claims.create', { items: [{ expenseId: perDiem.id }] });
    const returned = await finance.call('claims.return', { id: claim.id, version: claim.version, reason: '补贴天数待核' });
    const again = await repB.call('claims.create', { items: [{ expenseId: perDiem.id }] });
    await finance.call('claims.pay', { id: again.id, version: again.version });
    expect(auditRows('expense_claims', claim.id).map((r) => [r.action, r.userId])).toEqual([
      ['expenses.claim', repB.id],
      ['expenses.return', finance.id],
    ]);
    expect(JSON.parse(auditRows('expense_claims', claim.id)[1]!.afterJson!)).toEqual({ status: 'returned', reason: '补贴天数待核' });
    expect(returned.returnedReason).toBe('补贴天数待核');
    const paidRows = auditRows('expense_claims', again.id);
    expect(paidRows.map((r) => [r.action, r.userId])).toEqual([
      ['expenses.claim', repB.id],
      ['expenses.pay', finance.id],
    ]);
    expect(JSON.parse(paidRows[0]!.afterJson!)).toMatchObject({ claimNo: again.claimNo, reimbursableFen: 30_000, advanceFen: 40_000, payableFen: -10_000 });
    expect(JSON.parse(paidRows[1]!.afterJson!)).toEqual({ status: 'paid', reimbursableFen: 30_000, advanceFen: 40_000, payableFen: -10_000 });
    // nothing else: the expense rows' own trail is their creation (the claim and payment are the claim's)
    expect(auditRows('expenses', perDiem.id).map((r) => r.action)).toEqual(['expenses.create']);
  });

  it('a refused write leaves no row', async () => {
    const { repB, finance, perDiem, registered } = await world();
    const rows = t.count('audit_log');
    await refused(repB, 'expenses.create', { type: 'travel_advance', purpose: '借款', tripId: registered.id, fields: { amount: P.advanceMaxFen + 1 } }, 'POLICY_DENIED');
    await refused(repB, 'expenses.create', { type: 'other', purpose: '费用', fields: { amount: 0 } }, 'VALIDATION');
    await refused(finance, 'expenses.disburse', { id: perDiem.id }, 'VALIDATION');
    await refused(repB, 'claims.create', { items: [{ expenseId: perDiem.id, days: 3 }] }, 'VALIDATION');
    const claim = await repB.call('claims.create', { items: [{ expenseId: perDiem.id }] });
    const withClaim = t.count('audit_log');
    expect(withClaim).toBe(rows + 1);
    await refused(finance, 'claims.pay', { id: claim.id, version: 99 }, 'CONFLICT');
    await refused(finance, 'claims.return', { id: claim.id, version: 99, reason: '退回' }, 'CONFLICT');
    expect(t.count('audit_log')).toBe(withClaim);
  });

  // An audit row that cannot be written takes the business write down with it: they are one transaction.
  it.each(['expenses.create', 'expenses.disburse', 'expenses.claim', 'expenses.pay', 'expenses.return'])('%s: when its audit row fails, nothing of it is written', async (action) => {
    const { repB, finance, advance, perDiem } = await world();
    const pending = action === 'expenses.pay' || action === 'expenses.return' ? await repB.call('claims.create', { items: [{ expenseId: perDiem.id }] }) : null;
    const sqlite = t.core.database.sqlite;
    sqlite.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`);
    const before = t.snapshot();
    const rowsOf = () => (sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
    const rows = rowsOf();
    const call: [Caller, string, unknown] = {
      'expenses.create': [repB, 'expenses.create', { type: 'other', purpose: '费用', fields: { amount: 1_000 } }],
      'expenses.disburse': [finance, 'expenses.disburse', { id: advance.id }],
      'expenses.claim': [repB, 'claims.create', { items: [{ expenseId: perDiem.id }] }],
      'expenses.pay': [finance, 'claims.pay', { id: pending?.id, version: pending?.version }],
      'expenses.return': [finance, 'claims.return', { id: pending?.id, version: pending?.version, reason: '退回' }],
    }[action] as [Caller, string, unknown];
    const error = await call[0].fail(call[1], call[2]);
    expect(error.code).toBe('CONFLICT'); // the dispatcher's answer to a constraint (here the trigger) refusing a write
    expect(t.snapshot()).toBe(before);
    sqlite.exec('DROP TRIGGER refuse_audit');
    // the same call goes through once its audit row can be written
    expect((await call[0].raw(call[1], call[2])).ok).toBe(true);
    expect(rowsOf()).toBe(rows + 1);
  });
});

// —— 费效比 ——

describe('expenses.ratio (费效比): expenses ÷ sales by rep, region and channel', () => {
  /**
   * November 2026, figures in fen (computed by hand below the dataset):
   * sales — delivered shipments: 张伟 (repA) 60,000.00 of a 100,000.00 order (the rest shipped, not
   * delivered) and 10,000.00 in October; 李娜 (repB) 30,000.00, plus 10,000.00 delivered and reversed.
   * expenses — 张伟: a dinner approved 300.00, a claim paid 150.00 of 200.00, a per diem claimed
   * (not paid) 300.00; his trip, advance and team proposal, a rejected and a pending sample do not
   * count; 100.00 in October. 李娜: transport approved 300.00 (30 % of 1,000.00), a project expense
   * paid 120.00; a withdrawn one and a December dinner do not count. 陈新: 50.00, no sales.
   */
  async function dataset() {
    const team = await setup('2026-10-08');
    const { repA, repB, supervisor, manager, finance, gm, assistant } = team;
    await t.admin.call('users.update', { id: repA.id, patch: { region: '华东', channel: 'direct' } });
    await t.admin.call('users.update', { id: repB.id, patch: { region: '华南', channel: 'dealer' } });
    const repC = await t.userWith('rep', { displayName: '陈新', region: '华东', channel: 'dealer', managerId: manager.id });

    const pe = (await t.admin.call('products.create', { product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 }, effectiveFrom: '2026-01-01' })).product.id;
    const customerOf = async (caller: Caller, no: string) => {
      const { customer } = await createCustomer(caller, no);
      await manager.call('customers.update', { id: customer.id, version: customer.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
      return customer.id;
    };
    const c1 = await customerOf(repA, 'C001');
    const c2 = await customerOf(repB, 'C002');
    /** An order of `tons` of PE at ¥10,000 a ton, confirmed, in production and inspected. */
    const inspected = async (caller: Caller, customerId: number, tons: number) => {
      let d = await caller.call('orders.create', {
        customerId,
        requiredSchedule: '两周内',
        deliveryDate: '2026-12-31',
        deliveryPlace: '苏州工业园区',
        packaging: '25kg 编织袋',
        shippingMethod: '汽运',
        lines: [{ productId: pe, quantityMilli: tons * 1_000 }],
      });
      d = await caller.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = await caller.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
      }
      expect(d.order.status).toBe('inspected');
      return d;
    };
    let slip = 0;
    const shipAndDeliver = async (d: Awaited<ReturnType<typeof inspected>>, tons: number, shipDate: string, deliveredAt: string | null) => {
      slip += 1;
      const shipment = await assistant.call('shipments.create', { orderId: d.order.id, shipmentNo: `CK-${slip}`, shipDate, carrier: '德邦物流', lines: [{ orderLineId: d.lines[0]!.id, quantityMilli: tons * 1_000 }] });
      if (deliveredAt) await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt });
    };

    // October: 张伟 sells 10,000.00 and spends 100.00
    const october = await inspected(repA, c1, 1);
    setDay('2026-10-20');
    await shipAndDeliver(october, 1, '2026-10-10', '2026-10-12');
    await approve(await file(repA, { type: 'other', purpose: '十月资料费', fields: { amount: 10_000 } }), supervisor, manager);

    // November's sales
    setDay('2026-11-02');
    const big = await inspected(repA, c1, 10);
    const forB = await inspected(repB, c2, 3);
    const mistaken = await inspected(repB, c2, 1);
    setDay(TODAY);
    await shipAndDeliver(big, 6, '2026-11-05', '2026-11-06');
    await shipAndDeliver(big, 4, '2026-11-20', null);
    await shipAndDeliver(forB, 3, '2026-11-09', '2026-11-10');
    await shipAndDeliver(mistaken, 1, '2026-11-11', '2026-11-11');
    const sale = (await finance.call('ledger.entries', { customerId: c2, startRow: 0, endRow: 10 })).rows.find((e) => e.kind === 'sale' && e.entryDate === '2026-11-11')!;
    await finance.call('ledger.reverse', { entryId: sale.id, reason: '签收登记错误' });

    // 张伟's November expenses
    await approve(await file(repA, { type: 'entertainment', purpose: '宴请恒达', customerId: c1, fields: { amount: 30_000, guests: 4, eventDate: '2026-11-25' } }), supervisor, manager);
    const paidOther = await file(repA, { type: 'other', purpose: '展会资料', fields: { amount: 20_000 } });
    await approve(paidOther, supervisor, manager);
    const paidClaim = await repA.call('claims.create', { items: [{ expenseId: paidOther.id, invoices: [invoice('N-1', TODAY, 15_000)] }] });
    await finance.call('claims.pay', { id: paidClaim.id, version: paidClaim.version });
    await decide(supervisor, await file(repA, { type: 'sample', purpose: '驳回的样品', fields: { amount: 50_000 } }), 'reject', '不需要');
    await file(repA, { type: 'sample', purpose: '待批的样品', fields: { amount: 7_000 } });
    const tripA = await trip(repA, [supervisor, manager]);
    const advance = await file(repA, { type: 'travel_advance', purpose: '借款', tripId: tripA.id, fields: { amount: 40_000 } });
    await approve(advance, supervisor, manager, finance, gm);
    await finance.call('expenses.disburse', { id: advance.id });
    const perDiem = await file(repA, { type: 'per_diem', purpose: '补贴', tripId: tripA.id, fields: { travelDays: 2 } });
    await approve(perDiem, supervisor, manager);
    await repA.call('claims.create', { items: [{ expenseId: perDiem.id }] });
    await approve(await file(repA, { type: 'team', purpose: '华东团队', fields: { staffCost: 1_000_000, salesExpenses: 500_000, projectedNewRevenue: 100_000_000 } }), supervisor, manager, gm);

    // 李娜's
    const tripB = await trip(repB, manager, { startDate: '2026-11-09', endDate: '2026-11-10' });
    await approve(await file(repB, { type: 'transport', purpose: '高铁', tripId: tripB.id, fields: { transportTotal: 100_000, dealSigned: false } }), manager);
    const project = await file(repB, { type: 'project', purpose: '项目调试', customerId: c2, fields: { amount: 12_000, paymentReceivedOn: '2026-11-20' } });
    await approve(project, manager);
    const projectClaim = await repB.call('claims.create', { items: [{ expenseId: project.id, invoices: [invoice('N-2', TODAY, 12_000)] }] });
    await gm.call('claims.pay', { id: projectClaim.id, version: projectClaim.version });
    const withdrawn = await requestOf(repB, await file(repB, { type: 'other', purpose: '撤回', fields: { amount: 9_000 } }));
    await repB.call('requests.withdraw', { id: withdrawn.id, version: withdrawn.version });
    await approve(await file(repB, { type: 'entertainment', purpose: '十二月宴请', fields: { amount: 8_000, guests: 2, eventDate: '2026-12-02' } }), manager);

    // 陈新's
    await approve(await file(repC, { type: 'other', purpose: '新人资料费', fields: { amount: 5_000 } }), manager);
    return { ...team, repC };
  }

  it('by rep, by region and by channel; a rep with expenses and no sales has no ratio; the total row', async () => {
    const { gm, repA, repB, repC } = await dataset();
    const rep = await gm.call('expenses.ratio', { from: '2026-11', to: '2026-11', by: 'rep' });
    expect(rep.rows).toEqual([
      { key: String(repA.id), name: '张伟', expensesFen: 30_000 + 15_000 + 30_000, salesFen: 6_000_000, ratio: 75_000 / 6_000_000 },
      { key: String(repB.id), name: '李娜', expensesFen: 30_000 + 12_000, salesFen: 3_000_000 + 1_000_000 - 1_000_000, ratio: 42_000 / 3_000_000 },
      { key: String(repC.id), name: '陈新', expensesFen: 5_000, salesFen: 0, ratio: null },
    ]);
    expect(rep.total).toEqual({ key: '', name: '合计', expensesFen: 122_000, salesFen: 9_000_000, ratio: 122_000 / 9_000_000 });

    const region = await gm.call('expenses.ratio', { from: '2026-11', to: '2026-11', by: 'region' });
    expect(region.rows).toEqual([
      { key: '华东', name: '华东', expensesFen: 75_000 + 5_000, salesFen: 6_000_000, ratio: 80_000 / 6_000_000 },
      { key: '华南', name: '华南', expensesFen: 42_000, salesFen: 3_000_000, ratio: 42_000 / 3_000_000 },
    ]);
    expect(region.total).toMatchObject({ expensesFen: 122_000, salesFen: 9_000_000 });

    const channel = await gm.call('expenses.ratio', { from: '2026-11', to: '2026-11', by: 'channel' });
    expect(channel.rows).toEqual([
      { key: 'direct', name: '直销', expensesFen: 75_000, salesFen: 6_000_000, ratio: 75_000 / 6_000_000 },
      { key: 'dealer', name: '代理商', expensesFen: 42_000 + 5_000, salesFen: 3_000_000, ratio: 47_000 / 3_000_000 },
    ]);
    expect(channel.total).toMatchObject({ expensesFen: 122_000, salesFen: 9_000_000, ratio: 122_000 / 9_000_000 });
  });

  it('over two months; a month without anything is empty with no ratio; reps may not ask', async () => {
    const { manager, finance, repA, repB } = await dataset();
    const both = await manager.call('expenses.ratio', { from: '2026-10', to: '2026-11', by: 'rep' });
    expect(both.rows.find((r) => r.key === String(repA.id))).toEqual({ key: String(repA.id), name: '张伟', expensesFen: 85_000, salesFen: 7_000_000, ratio: 85_000 / 7_000_000 });
    expect(both.total).toMatchObject({ expensesFen: 132_000, salesFen: 10_000_000 });
    const october = await finance.call('expenses.ratio', { from: '2026-10', to: '2026-10', by: 'rep' });
    expect(october.rows).toEqual([{ key: String(repA.id), name: '张伟', expensesFen: 10_000, salesFen: 1_000_000, ratio: 0.01 }]);
    const december = await finance.call('expenses.ratio', { from: '2026-12', to: '2026-12', by: 'rep' });
    expect(december.rows).toEqual([{ key: String(repB.id), name: '李娜', expensesFen: 8_000, salesFen: 0, ratio: null }]);
    const empty = await finance.call('expenses.ratio', { from: '2026-01', to: '2026-01', by: 'region' });
    expect(empty).toEqual({ from: '2026-01', to: '2026-01', by: 'region', rows: [], total: { key: '', name: '合计', expensesFen: 0, salesFen: 0, ratio: null } });
    await refused(repA, 'expenses.ratio', { from: '2026-11', to: '2026-11', by: 'rep' }, 'FORBIDDEN');
    await refused(manager, 'expenses.ratio', { from: '2026-11', to: '2026-10', by: 'rep' }, 'VALIDATION');
  });
});

describe('claims.preview: the claim form’s live figures are what claims.create stores', () => {
  it('gives the same items, totals, advance offset and payable as the claim, and writes nothing', async () => {
    const { repB, manager, finance, gm } = await setup();
    const registered = await trip(repB, manager);
    const advance = await file(repB, { type: 'travel_advance', purpose: '借款', tripId: registered.id, fields: { amount: 50_000 } });
    await approve(advance, manager, finance, gm);
    await finance.call('expenses.disburse', { id: advance.id });
    const transport = await file(repB, { type: 'transport', purpose: '车票', tripId: registered.id, fields: { transportTotal: 120_000, dealSigned: false } });
    await approve(transport, manager);
    const input = { items: [{ expenseId: transport.id, invoices: [invoice('T-1', '2026-11-16', 50_001)] }], note: '' };
    const before = t.snapshot();
    const preview = await repB.call('claims.preview', input);
    expect(t.snapshot()).toBe(before);
    // 30 % of 500.01 yuan, rounded down to the fen; the 500-yuan advance leaves the employee owing the rest
    expect(preview).toMatchObject({ claimedFen: 50_001, reimbursableFen: 15_000, advanceFen: 50_000, payableFen: -35_000 });
    expect(preview.advances.map((a) => a.expenseId)).toEqual([advance.id]);
    const claim = await repB.call('claims.create', input);
    expect(claim).toMatchObject({ claimedFen: preview.claimedFen, reimbursableFen: preview.reimbursableFen, advanceFen: preview.advanceFen, payableFen: preview.payableFen });
    expect(claim.items.map(({ expenseId, claimedFen, reimbursableFen, basis, basisEn }) => ({ expenseId, claimedFen, reimbursableFen, basis, basisEn }))).toEqual(preview.items);
    // the same checks: its invoice is claimed now, and so is the expense
    await refused(repB, 'claims.preview', input, 'VALIDATION', 'items.0.invoices.0.invoiceNo');
    await refused(repB, 'claims.preview', { items: [{ expenseId: transport.id, invoices: [invoice('T-2', '2026-11-16', 100)] }] }, 'VALIDATION', 'items.0.expenseId');
  });
});

describe('the grid’s 制度提示 leaves out the routine', () => {
  it('no "expenses need the manager" on every row; the gm step above 5,000 yuan and an over-cap dinner are shown', async () => {
    const { repB } = await setup();
    const small = await file(repB, { type: 'other', purpose: '办公用品', fields: { amount: 10_000 } });
    const big = await file(repB, { type: 'other', purpose: '展会', fields: { amount: P.gmAboveFen + 1 } });
    const dinner = await file(repB, { type: 'entertainment', purpose: '宴请', fields: { amount: 3 * P.capPerGuestFen + 1, guests: 3, eventDate: '2026-11-25' } });
    expect(small.findingsText).toBe('');
    expect(big.findingsText).toMatch(/^E-APPROVAL：.*总经理/);
    expect(dinner.findingsText).toContain('E-ENTERTAIN');
    expect(dinner.findingsText).not.toContain('费用须经理审批');
  });
});

describe('requests.submit points expense kinds to the Expenses page', () => {
  it('names the page in the refusal', async () => {
    const { repB } = await setup();
    const error = await refused(repB, 'requests.submit', { request: { kind: 'entertainment', amount: 10_000, guests: 2, eventDate: '2026-11-25' }, note: '' }, 'VALIDATION', 'kind');
    expect(error.message).toContain('费用报销页面');
  });
});
