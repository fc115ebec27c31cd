// Customer complaints (DOMAIN §7) through the channels the register uses — complaints.create /
// fileSlip / act / get / list / overdue / reviewList / unreported — as the people of a small sales
// department, on a clock the tests move. Every deadline at its boundary: P-HANDLE (24 h: just under,
// at, just over), P-RESPOND (48 h), P-SLIP (3 working days across a weekend, the 2026 National Day
// holiday and its make-up Saturday), P-CLOSE (no archive before the customer confirms), P-MAJOR (the
// review list), P-UNREPORTED (the fine per case, by the parameters of the day), O-SURVEY (a score ≤ 2
// opens a complaint). Then bad input (refused naming the field, nothing written), who sees what, the
// audit trail and the grid.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import type { Complaint, ComplaintDetail } from '../../shared/complaints';
import type { Decision } from '../../shared/policy';
import { markDelivered, markShipped } from '../../electron/core/orders/service';
import { RULES } from '../../electron/core/policy/catalog';
import { defaultParams } from '../../electron/core/policy/rule';
import { createCustomer, hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** Monday 2026-11-23, 09:30 in Shanghai. */
const MONDAY = '2026-11-23T09:30:00+08:00';
const setNow = (iso: string) => {
  clock = new Date(iso);
};

// The domain book's numbers, read from the policy catalog's defaults (and checked against the book once).
const P = {
  handleHours: defaultParams(RULES['P-HANDLE']).handleHours,
  respondHours: defaultParams(RULES['P-RESPOND']).respondHours,
  slipWorkingDays: defaultParams(RULES['P-SLIP']).slipWorkingDays,
  fineFen: defaultParams(RULES['P-UNREPORTED']).fineFen,
};

interface World {
  team: TeamCore['team'];
  /** 张伟's (repA, under 孙主管) customer. */
  cA: number;
  /** 李娜's (repB, under 王经理) customer. */
  cB: number;
}

async function setup(now = MONDAY): Promise<World> {
  setNow(now);
  t = await teamCore(template, { now: () => clock });
  const { customer: a } = await createCustomer(t.team.repA, 'C001', { name: '苏州华新塑业' });
  const { customer: b } = await createCustomer(t.team.repB, 'C002', { name: '无锡东方包装' });
  return { team: t.team, cA: a.id, cB: b.id };
}

type CreateInput = ChannelInput<'complaints.create'>;

const receive = (caller: Caller, input: Partial<CreateInput> & { customerId: number }) =>
  caller.call('complaints.create', { summary: '包装破损，货物受潮', receivedAt: MONDAY, ...input });
const detail = (caller: Caller, id: number): Promise<ComplaintDetail> => caller.call('complaints.get', { id });
const current = async (caller: Caller, id: number): Promise<Complaint> => (await detail(caller, id)).complaint;
const act = (caller: Caller, c: Complaint, action: ChannelInput<'complaints.act'>['action'], extra: Partial<ChannelInput<'complaints.act'>> = {}) =>
  caller.call('complaints.act', { id: c.id, version: c.version, action, ...extra });
const slip = (caller: Caller, c: Complaint, extra: Partial<ChannelInput<'complaints.fileSlip'>> = {}) =>
  caller.call('complaints.fileSlip', {
    id: c.id,
    version: c.version,
    occurredAt: '2026-11-19T15:00:00+08:00',
    course: '11 月 19 日到货时外包装破损，约 3 袋受潮结块',
    responsibleId: t.ids.repA,
    workOrderNo: 'GD-2026-118',
    ...extra,
  });
const ruleIds = (decision: Decision) => decision.findings.map((f) => f.ruleId);
const ids = (rows: Complaint[]) => rows.map((c) => c.id);
const overdueIds = async (caller: Caller) => ids(await caller.call('complaints.overdue', {}));

/** Expects a refusal with `code`, Chinese first, naming `field` when given, and nothing written. */
async function refused(caller: Caller, channel: string, input: unknown, code: string, field?: string) {
  const before = t.snapshot();
  const error = await caller.fail(channel, input);
  expect(error.code).toBe(code);
  expect(hasChinese(error.message)).toBe(true);
  if (field) expect(error.issues.map((i) => i.field)).toContain(field);
  expect(t.snapshot()).toBe(before);
  return error;
}

it('the catalog holds the domain book’s numbers', () => {
  expect(P).toEqual({ handleHours: 24, respondHours: 48, slipWorkingDays: 3, fineFen: 5_000 });
});

describe('receiving a complaint', () => {
  it('numbers it, stores the deadlines the engine computed for the day of receipt, records the receipt and one audit row', async () => {
    const w = await setup();
    const { repA, assistant } = w.team;
    const audits = t.count('audit_log');
    const c = await receive(assistant, { customerId: w.cA });
    expect(c).toMatchObject({
      complaintNo: 'TS20261123-001',
      customerNo: 'C001',
      customerName: '苏州华新塑业',
      ownerId: repA.id,
      ownerName: '张伟',
      receivedAt: MONDAY,
      status: 'received',
      severity: 'normal',
      source: 'manual',
      handleDueAt: '2026-11-24T09:30:00+08:00',
      respondDueAt: '2026-11-25T09:30:00+08:00',
      slipDueDate: '2026-11-26',
      slipFiledAt: null,
      handleOverdue: false,
      respondOverdue: false,
      slipOverdue: false,
      enteredByName: '周内勤',
      version: 1,
    });
    expect(t.count('audit_log')).toBe(audits + 1);
    const d = await detail(repA, c.id);
    expect(d.actions).toEqual([{ at: expect.any(String), action: 'receive', byId: assistant.id, byName: '周内勤', fromStatus: null, toStatus: 'received', note: '包装破损，货物受潮' }]);
    expect(d.allowed).toEqual(['slip', 'handle', 'escalate', 'respond', 'note']);
    expect((await receive(repA, { customerId: w.cA })).complaintNo).toBe('TS20261123-002');
  });

  it('received now when no time is given; the slip may be filed at once with every P-SLIP field, the order’s number as work order no.', async () => {
    const w = await setup();
    const { repA } = w.team;
    const now = await repA.call('complaints.create', { customerId: w.cA, summary: '送货延迟' });
    expect(Date.parse(now.receivedAt)).toBe(clock.getTime());
    const filed = await receive(repA, {
      customerId: w.cA,
      fileSlip: true,
      occurredAt: '2026-11-22T10:00:00+08:00',
      course: '客户称送货晚到两天',
      responsibleId: repA.id,
      workOrderNo: 'GD-7',
    });
    expect(filed).toMatchObject({ slipFiledAt: expect.any(String), responsibleName: '张伟', workOrderNo: 'GD-7', occurredAt: '2026-11-22T10:00:00+08:00' });
    expect((await detail(repA, filed.id)).actions.map((a) => a.action)).toEqual(['receive', 'slip']);
  });

  it('the deadlines follow the parameters in force on the day of receipt', async () => {
    const w = await setup();
    const { repA } = w.team;
    await t.admin.call('policy.setParams', { ruleId: 'P-HANDLE', params: { handleHours: 12 }, effectiveFrom: '2026-11-24', note: '' });
    const before = await receive(repA, { customerId: w.cA });
    setNow('2026-11-24T10:00:00+08:00');
    const after = await receive(repA, { customerId: w.cA, receivedAt: '2026-11-24T10:00:00+08:00' });
    // Received on the 23rd but entered on the 24th: the 23rd's 24 hours.
    const late = await receive(repA, { customerId: w.cA, receivedAt: '2026-11-23T18:00:00+08:00' });
    expect([before.handleDueAt, after.handleDueAt, late.handleDueAt]).toEqual(['2026-11-24T09:30:00+08:00', '2026-11-24T22:00:00+08:00', '2026-11-24T18:00:00+08:00']);
  });
});

describe('P-HANDLE: handled within 24 hours of receipt, else escalated to the manager', () => {
  it('23 h 59 min and exactly 24 h are on time; 24 h + 1 min is overdue, on the overdue list, escalated to the manager and found late', async () => {
    const w = await setup();
    const { repA, repB, manager, supervisor } = w.team;
    const early = await receive(repA, { customerId: w.cA });
    const onTheDot = await receive(repA, { customerId: w.cA });
    const late = await receive(repA, { customerId: w.cA });

    setNow('2026-11-24T09:29:00+08:00'); // 23 h 59 min
    await act(repA, early, 'handle', { note: '已安排换货' });
    const e = await detail(repA, early.id);
    expect(e.complaint).toMatchObject({ status: 'handling', handleOverdue: false });
    expect(ruleIds(e.decision)).not.toContain('P-HANDLE');

    setNow('2026-11-24T09:30:00+08:00'); // exactly 24 h
    expect((await current(repA, onTheDot.id)).handleOverdue).toBe(false);
    expect(await overdueIds(manager)).toEqual([]);
    await act(repA, await current(repA, onTheDot.id), 'handle');
    expect(ruleIds((await detail(repA, onTheDot.id)).decision)).not.toContain('P-HANDLE');

    setNow('2026-11-24T09:31:00+08:00'); // 24 h + 1 min
    const overdue = await current(manager, late.id);
    expect(overdue).toMatchObject({ status: 'received', handleOverdue: true, respondOverdue: false, slipOverdue: false });
    expect(await overdueIds(manager)).toEqual([late.id]);
    expect(await overdueIds(supervisor)).toEqual([late.id]);
    expect(await overdueIds(repB)).toEqual([]);
    const escalated = await act(repA, overdue, 'escalate', { note: '24 小时未处理' });
    // repA → 孙主管 → 王经理: the first manager up his line.
    expect(escalated).toMatchObject({ status: 'escalated', escalatedToId: manager.id, escalatedToName: '王经理', escalatedAt: expect.any(String) });
    const handled = await act(manager, escalated, 'handle', { note: '经理接手，当天换货' });
    expect(handled).toMatchObject({ status: 'handling', handleOverdue: false });
    const d = await detail(manager, late.id);
    const finding = d.decision.findings.find((f) => f.ruleId === 'P-HANDLE');
    expect(finding).toMatchObject({ severity: 'approval' });
    expect(finding?.message).toContain('逾期');
    expect(d.actions.map((a) => [a.action, a.fromStatus, a.toStatus, a.byName])).toEqual([
      ['receive', null, 'received', '张伟'],
      ['escalate', 'received', 'escalated', '张伟'],
      ['handle', 'escalated', 'handling', '王经理'],
    ]);
  });

  it('a rep under the manager escalates to him; escalating is only before handling is done', async () => {
    const w = await setup();
    const { repB, manager } = w.team;
    const c = await receive(repB, { customerId: w.cB });
    const escalated = await act(repB, c, 'escalate', { severity: 'major' });
    expect(escalated).toMatchObject({ escalatedToId: manager.id, severity: 'major' });
    const error = await refused(repB, 'complaints.act', { id: c.id, version: escalated.version, action: 'escalate' }, 'CONFLICT');
    expect(error.message).toContain('已升级');
  });
});

describe('P-RESPOND: the customer answered within 48 hours', () => {
  it('exactly 48 h is on time; 48 h + 1 min is overdue and found late; responding also marks it handled', async () => {
    const w = await setup();
    const { repA, manager } = w.team;
    const onTime = await receive(repA, { customerId: w.cA });
    const late = await receive(repA, { customerId: w.cA });

    setNow('2026-11-25T09:30:00+08:00');
    expect(await current(repA, onTime.id)).toMatchObject({ respondOverdue: false, handleOverdue: true });
    const responded = await act(repA, onTime, 'respond', { note: '电话答复客户，同意换货' });
    expect(responded).toMatchObject({ status: 'responded', respondedAt: expect.any(String), respondOverdue: false, handleOverdue: false });
    expect(responded.handledAt).toBe(responded.respondedAt);
    expect(ruleIds((await detail(repA, onTime.id)).decision)).not.toContain('P-RESPOND');

    setNow('2026-11-25T09:31:00+08:00');
    expect(await current(repA, late.id)).toMatchObject({ respondOverdue: true });
    expect(await overdueIds(manager)).toEqual([late.id]);
    await act(repA, await current(repA, late.id), 'respond');
    const d = await detail(repA, late.id);
    expect(d.decision.findings.find((f) => f.ruleId === 'P-RESPOND')).toMatchObject({ severity: 'warn' });
    expect(d.complaint.respondOverdue).toBe(false);
  });
});

describe('P-SLIP: the complaint slip within 3 working days of receipt', () => {
  it('across a weekend: received on a Friday, due the Wednesday; filed on the due date on time, the day after late', async () => {
    const w = await setup('2026-11-20T10:00:00+08:00');
    const { repA, manager } = w.team;
    const onTime = await receive(repA, { customerId: w.cA, receivedAt: '2026-11-20T10:00:00+08:00' });
    const late = await receive(repA, { customerId: w.cA, receivedAt: '2026-11-20T10:00:00+08:00' });
    expect(onTime.slipDueDate).toBe('2026-11-25');

    setNow('2026-11-25T12:00:00+08:00');
    expect((await current(repA, onTime.id)).slipOverdue).toBe(false);
    const filed = await slip(repA, onTime);
    expect(filed).toMatchObject({ slipFiledAt: expect.any(String), occurredAt: '2026-11-19T15:00:00+08:00', responsibleName: '张伟', workOrderNo: 'GD-2026-118', slipOverdue: false });
    expect(ruleIds((await detail(repA, onTime.id)).decision)).not.toContain('P-SLIP');

    setNow('2026-11-26T12:00:00+08:00');
    const unfiled = await current(repA, late.id);
    expect(unfiled.slipOverdue).toBe(true);
    expect(await overdueIds(manager)).toContain(late.id);
    await slip(repA, unfiled);
    const d = await detail(repA, late.id);
    expect(d.decision.findings.find((f) => f.ruleId === 'P-SLIP')).toMatchObject({ severity: 'warn' });
    expect(d.complaint.slipOverdue).toBe(false);
  });

  it('across the 2026 National Day holiday: received 30 September, due on the make-up working Saturday 10 October', async () => {
    const w = await setup('2026-09-30T15:00:00+08:00');
    const { repA } = w.team;
    const c = await receive(repA, { customerId: w.cA, receivedAt: '2026-09-30T15:00:00+08:00' });
    // 1–7 October off; 8 (Thu), 9 (Fri) and the make-up Saturday 10 October are the three working days.
    expect(c.slipDueDate).toBe('2026-10-10');
    setNow('2026-10-10T12:00:00+08:00');
    expect((await current(repA, c.id)).slipOverdue).toBe(false);
    setNow('2026-10-11T12:00:00+08:00');
    expect((await current(repA, c.id)).slipOverdue).toBe(true);
  });

  it('refiling corrects the fields and keeps the first filing time; refused once archived or on a stale version', async () => {
    const w = await setup();
    const { repA } = w.team;
    const c = await receive(repA, { customerId: w.cA });
    const audits = t.count('audit_log');
    const first = await slip(repA, c);
    expect(t.count('audit_log')).toBe(audits + 1);
    setNow('2026-11-24T11:00:00+08:00');
    const again = await slip(repA, first, { workOrderNo: 'GD-2026-119', responsibleId: t.ids.supervisor });
    expect(again).toMatchObject({ slipFiledAt: first.slipFiledAt, workOrderNo: 'GD-2026-119', responsibleName: '孙主管' });
    expect((await detail(repA, c.id)).actions.map((a) => [a.action, a.note])).toEqual([
      ['receive', '包装破损，货物受潮'],
      ['slip', ''],
      ['slip', '更正投诉单'],
    ]);
    const stale = await refused(repA, 'complaints.fileSlip', { id: c.id, version: first.version, occurredAt: MONDAY, course: '经过', responsibleId: repA.id, workOrderNo: 'X' }, 'CONFLICT');
    expect(stale.message).toContain('刷新');
  });
});

/** Takes a complaint through every step to archived. */
async function closeOut(caller: Caller, c: Complaint): Promise<Complaint> {
  let x = await act(caller, c, 'handle');
  x = await act(caller, x, 'respond');
  x = await act(caller, x, 'resolve');
  x = await act(caller, x, 'confirm', { confirmedBy: '客户采购部刘主任' });
  return act(caller, x, 'archive');
}

describe('the handling and P-CLOSE', () => {
  it('handle → respond → resolve (compensation) → confirm → archive: each step one record row and one audit row', async () => {
    const w = await setup();
    const { repA } = w.team;
    let c = await receive(repA, { customerId: w.cA });
    const steps: [ChannelInput<'complaints.act'>['action'], Partial<ChannelInput<'complaints.act'>>, Complaint['status']][] = [
      ['handle', { note: '已安排换货' }, 'handling'],
      ['respond', { note: '电话答复' }, 'responded'],
      ['resolve', { compensationFen: 50_000, note: '补发 3 袋并赔偿运费' }, 'resolved'],
      ['confirm', { confirmedBy: '客户采购部刘主任', note: '客户表示满意' }, 'confirmed'],
      ['archive', {}, 'archived'],
    ];
    for (const [action, extra, status] of steps) {
      const audits = t.count('audit_log');
      const records = t.count('complaint_actions');
      const version = c.version;
      c = await act(repA, c, action, extra);
      expect(c.status).toBe(status);
      expect(c.version).toBe(version + 1);
      expect(t.count('audit_log')).toBe(audits + 1);
      expect(t.count('complaint_actions')).toBe(records + 1);
    }
    expect(c).toMatchObject({ compensationFen: 50_000, confirmedBy: '客户采购部刘主任', archivedAt: expect.any(String), resolvedAt: expect.any(String), confirmedAt: expect.any(String) });
    const d = await detail(repA, c.id);
    expect(d.actions.map((a) => [a.action, a.fromStatus, a.toStatus, a.note])).toEqual([
      ['receive', null, 'received', '包装破损，货物受潮'],
      ['handle', 'received', 'handling', '已安排换货'],
      ['respond', 'handling', 'responded', '电话答复'],
      ['resolve', 'responded', 'resolved', '补发 3 袋并赔偿运费'],
      ['confirm', 'resolved', 'confirmed', '客户表示满意'],
      ['archive', 'confirmed', 'archived', ''],
    ]);
    expect(d.allowed).toEqual(['note']);
    const audit = await t.admin.call('audit.list', { startRow: 0, endRow: 50, entity: 'complaints', entityId: String(c.id) });
    expect(audit.rows.map((r) => r.action).sort()).toEqual(
      ['complaints.create', 'complaints.handle', 'complaints.respond', 'complaints.resolve', 'complaints.confirm', 'complaints.archive'].sort(),
    );
    // Archived: no longer overdue, however late; the slip is no longer filed.
    setNow('2026-12-31T12:00:00+08:00');
    expect(await current(repA, c.id)).toMatchObject({ handleOverdue: false, respondOverdue: false, slipOverdue: false });
    await refused(repA, 'complaints.fileSlip', { id: c.id, version: c.version, occurredAt: MONDAY, course: '经过', responsibleId: repA.id, workOrderNo: 'X' }, 'CONFLICT');
  });

  it('archive before the customer confirms is refused by P-CLOSE, nothing written; archive is offered only once confirmed', async () => {
    const w = await setup();
    const { repA, manager } = w.team;
    let c = await receive(repA, { customerId: w.cA });
    const early = await refused(repA, 'complaints.act', { id: c.id, version: c.version, action: 'archive' }, 'POLICY_DENIED');
    expect(early.message).toContain('客户尚未确认整改结果');
    expect(early.message).toContain('P-CLOSE');
    expect(early.message).toContain('已受理');
    c = await act(repA, c, 'handle');
    c = await act(repA, c, 'respond');
    c = await act(repA, c, 'resolve');
    expect((await detail(repA, c.id)).allowed).not.toContain('archive');
    const resolved = await refused(manager, 'complaints.act', { id: c.id, version: c.version, action: 'archive' }, 'POLICY_DENIED');
    expect(resolved.issues.map((i) => i.field)).toEqual(['P-CLOSE']);
    c = await act(repA, c, 'confirm', { confirmedBy: '刘主任' });
    expect((await detail(repA, c.id)).allowed).toContain('archive');
    expect((await act(repA, c, 'archive')).status).toBe('archived');
  });

  it('a step out of order names the current status; confirm needs who confirmed; a note needs text', async () => {
    const w = await setup();
    const { repA } = w.team;
    let c = await receive(repA, { customerId: w.cA });
    const error = await refused(repA, 'complaints.act', { id: c.id, version: c.version, action: 'resolve' }, 'CONFLICT');
    expect(error.message).toContain('当前为“已受理”');
    c = await act(repA, c, 'respond');
    c = await act(repA, c, 'resolve');
    await refused(repA, 'complaints.act', { id: c.id, version: c.version, action: 'confirm' }, 'VALIDATION', 'confirmedBy');
    await refused(repA, 'complaints.act', { id: c.id, version: c.version, action: 'note' }, 'VALIDATION', 'note');
    await refused(repA, 'complaints.act', { id: c.id, version: c.version - 1, action: 'confirm', confirmedBy: '刘主任' }, 'CONFLICT');
  });

  it('finance may only add notes; the assistant records steps on the owner’s behalf', async () => {
    const w = await setup();
    const { repA, finance, assistant } = w.team;
    const c = await receive(repA, { customerId: w.cA });
    expect((await detail(finance, c.id)).allowed).toEqual(['note']);
    await refused(finance, 'complaints.act', { id: c.id, version: c.version, action: 'handle' }, 'FORBIDDEN');
    const noted = await act(finance, c, 'note', { note: '赔偿款待审批' });
    expect(noted.status).toBe('received');
    expect((await act(assistant, noted, 'handle')).status).toBe('handling');
  });
});

describe('P-MAJOR: major complaints on the management review list', () => {
  it('unreviewed first, reviewed by the gm (not a rep), status unchanged; gone once archived', async () => {
    const w = await setup();
    const { repA, gm, director, manager } = w.team;
    const m1 = await receive(repA, { customerId: w.cA, severity: 'major', summary: '批量质量事故' });
    const m2 = await receive(repA, { customerId: w.cA, severity: 'major', summary: '错发货' });
    const normal = await receive(repA, { customerId: w.cA });
    expect(ids(await gm.call('complaints.reviewList', {}))).toEqual([m1.id, m2.id]);
    const d = await detail(gm, m1.id);
    expect(d.decision.findings.find((f) => f.ruleId === 'P-MAJOR')).toMatchObject({ severity: 'approval' });
    expect(ruleIds((await detail(gm, normal.id)).decision)).not.toContain('P-MAJOR');
    expect(d.allowed).toContain('review');
    expect((await detail(repA, m1.id)).allowed).not.toContain('review');
    expect((await detail(manager, m1.id)).allowed).not.toContain('review');

    await refused(repA, 'complaints.act', { id: m1.id, version: m1.version, action: 'review' }, 'FORBIDDEN');
    expect((await repA.fail('complaints.reviewList', {})).code).toBe('FORBIDDEN');
    await refused(gm, 'complaints.act', { id: normal.id, version: normal.version, action: 'review' }, 'CONFLICT');
    const reviewed = await act(gm, m1, 'review', { note: '质量部专项整改' });
    expect(reviewed).toMatchObject({ status: 'received', reviewedByName: '赵总', reviewedAt: expect.any(String) });
    await refused(director, 'complaints.act', { id: m1.id, version: reviewed.version, action: 'review' }, 'CONFLICT');
    expect(ids(await director.call('complaints.reviewList', {}))).toEqual([m2.id, m1.id]);
    await closeOut(repA, reviewed);
    expect(ids(await manager.call('complaints.reviewList', {}))).toEqual([m2.id]);
  });
});

describe('P-UNREPORTED: complaints found without a slip, fined per case', () => {
  it('50 yuan per case for 1 and 3 cases, per owner rep, by the fine in force on each day of receipt', async () => {
    const w = await setup();
    const { repA, repB, manager, finance } = w.team;
    await receive(repA, { customerId: w.cA, source: 'discovered' });
    for (let i = 0; i < 3; i += 1) await receive(repB, { customerId: w.cB, source: 'discovered' });
    await receive(repA, { customerId: w.cA }); // reported: no fine
    await receive(repA, { customerId: w.cA, source: 'discovered', receivedAt: '2026-10-30T10:00:00+08:00' }); // before the period
    const november = { from: '2026-11-01', to: '2026-11-30' };
    expect(await finance.call('complaints.unreported', november)).toEqual([
      { userId: repB.id, userName: '李娜', cases: 3, fineFen: 3 * P.fineFen },
      { userId: repA.id, userName: '张伟', cases: 1, fineFen: P.fineFen },
    ]);
    expect(P.fineFen).toBe(5_000);

    await t.admin.call('policy.setParams', { ruleId: 'P-UNREPORTED', params: { fineFen: 10_000 }, effectiveFrom: '2026-12-01', note: '' });
    setNow('2026-12-01T10:00:00+08:00');
    await receive(repA, { customerId: w.cA, source: 'discovered', receivedAt: '2026-12-01T09:00:00+08:00' });
    expect(await manager.call('complaints.unreported', { from: '2026-11-01', to: '2026-12-31' })).toEqual([
      { userId: repB.id, userName: '李娜', cases: 3, fineFen: 15_000 },
      { userId: repA.id, userName: '张伟', cases: 2, fineFen: 5_000 + 10_000 },
    ]);
    expect((await repA.fail('complaints.unreported', november)).code).toBe('FORBIDDEN');
  });
});

describe('O-SURVEY opens a complaint', () => {
  it('a score of 2 puts a complaint in the register with its deadlines; 3 does not', async () => {
    const w = await setup();
    const { repB, manager, assistant } = w.team;
    const pe = await t.admin.call('products.create', {
      product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
      effectiveFrom: '2026-01-01',
    });
    await manager.call('customers.update', { id: w.cB, version: (await repB.call('customers.get', { id: w.cB })).customer.version, patch: { grade: 'core', creditLimitFen: 100_000_000, creditDays: 30 } });
    const delivered = async () => {
      let d = await repB.call('orders.create', {
        customerId: w.cB,
        requiredSchedule: '两周内交货',
        deliveryDate: '2026-12-07',
        deliveryPlace: '无锡新区长江路 1 号',
        packaging: '25kg 编织袋',
        shippingMethod: '汽运',
        lines: [{ productId: pe.product.id, quantityMilli: 1_000 }],
      });
      d = await repB.call('orders.confirm', { id: d.order.id, version: d.order.version, note: '' });
      for (const toStatus of ['production_requested', 'in_production', 'inspected'] as const) {
        d = await repB.call('orders.transition', { id: d.order.id, version: d.order.version, toStatus, ...(toStatus === 'inspected' ? { inspectionResults: '合格' } : {}) });
      }
      t.core.database.db.transaction((tx) => markShipped(tx, { id: assistant.id }, d.order.id, clock, '全部发货'));
      t.core.database.db.transaction((tx) => markDelivered(tx, { id: assistant.id }, d.order.id, clock, '全部交货'));
      return d.order;
    };
    const bad = await delivered();
    const good = await delivered();
    const before = t.count('complaints');
    setNow('2026-11-23T14:00:00+08:00');
    const survey = await repB.call('orders.survey', { id: bad.id, quality: 2, responseTime: 4, serviceSpeed: 5, attitude: 1, comment: '颗粒有杂质' });
    expect(survey.complaintOpened).toBe(true);
    const register = await manager.call('complaints.list', { filter: { source: { filterType: 'set', values: ['survey'] } } });
    expect(register.total).toBe(1);
    const [c] = register.rows;
    expect(c).toMatchObject({
      customerId: w.cB,
      ownerId: repB.id,
      orderId: bad.id,
      orderNo: bad.orderNo,
      workOrderNo: bad.orderNo,
      source: 'survey',
      severity: 'normal',
      status: 'received',
      summary: '满意度调查低分：产品质量 2 分，服务态度 1 分；客户意见：颗粒有杂质',
      enteredByName: '李娜',
    });
    expect(Date.parse(c!.receivedAt)).toBe(clock.getTime());
    expect(Date.parse(c!.handleDueAt)).toBe(clock.getTime() + P.handleHours * 3_600_000);
    expect(c!.slipDueDate).toBe('2026-11-26');
    expect(ids(await repB.call('complaints.list', {}).then((p) => p.rows))).toContain(c!.id);

    const fine = await repB.call('orders.survey', { id: good.id, quality: 3, responseTime: 3, serviceSpeed: 3, attitude: 3, comment: '' });
    expect(fine.complaintOpened).toBe(false);
    expect(t.count('complaints')).toBe(before + 1);
  });
});

describe('bad input is refused naming the field, and nothing is written', () => {
  it('customer missing, unknown or another rep’s; an order of another customer; times out of order or in the future; a slip short of a field', async () => {
    const w = await setup();
    const { repA, repB, assistant } = w.team;
    const noCustomer = await refused(repA, 'complaints.create', { summary: '包装破损' }, 'VALIDATION', 'customerId');
    expect(noCustomer.message).toContain('客户');
    expect((await refused(repA, 'complaints.create', { customerId: 9999, summary: '包装破损' }, 'VALIDATION', 'customerId')).message).toContain('客户');
    expect((await refused(repA, 'complaints.create', { customerId: w.cB, summary: '包装破损' }, 'VALIDATION', 'customerId')).message).toContain('客户');

    const pe = await t.admin.call('products.create', {
      product: { code: 'PE-100', name: '聚乙烯', unit: '吨', standardPriceFen: 1_000_000, costPriceFen: 800_000 },
      effectiveFrom: '2026-01-01',
    });
    const order = (
      await repB.call('orders.create', { customerId: w.cB, lines: [{ productId: pe.product.id, quantityMilli: 1_000 }] })
    ).order;
    const wrong = await refused(assistant, 'complaints.create', { customerId: w.cA, orderId: order.id, summary: '错发货' }, 'VALIDATION', 'orderId');
    expect(wrong.message).toContain('订单');
    const right = await assistant.call('complaints.create', { customerId: w.cB, orderId: order.id, summary: '错发货' });
    expect(right).toMatchObject({ orderNo: order.orderNo, workOrderNo: order.orderNo });

    const after = await refused(repA, 'complaints.create', { customerId: w.cA, summary: '包装破损', receivedAt: MONDAY, occurredAt: '2026-11-23T10:00:00+08:00' }, 'VALIDATION', 'occurredAt');
    expect(after.message).toContain('发生时间');
    const future = await refused(repA, 'complaints.create', { customerId: w.cA, summary: '包装破损', receivedAt: '2026-11-23T09:31:00+08:00' }, 'VALIDATION', 'receivedAt');
    expect(future.message).toContain('受理时间');
    await refused(repA, 'complaints.create', { customerId: w.cA, summary: '包装破损', responsibleId: 9999 }, 'VALIDATION', 'responsibleId');
    await refused(repA, 'complaints.create', { customerId: w.cA, summary: '' }, 'VALIDATION', 'summary');
    const short = await refused(repA, 'complaints.create', { customerId: w.cA, summary: '包装破损', fileSlip: true, occurredAt: '2026-11-22T10:00:00+08:00', workOrderNo: 'GD-1' }, 'VALIDATION');
    expect(short.issues.map((i) => i.field)).toEqual(['course', 'responsibleId']);
    expect(short.message).toContain('事情经过');

    const c = await receive(repA, { customerId: w.cA });
    const base = { id: c.id, version: c.version, occurredAt: '2026-11-22T10:00:00+08:00', course: '经过', responsibleId: repA.id, workOrderNo: 'GD-1' };
    await refused(repA, 'complaints.fileSlip', { ...base, course: '' }, 'VALIDATION', 'course');
    await refused(repA, 'complaints.fileSlip', { ...base, workOrderNo: undefined }, 'VALIDATION', 'workOrderNo');
    await refused(repA, 'complaints.fileSlip', { ...base, occurredAt: '2026-11-23T09:31:00+08:00' }, 'VALIDATION', 'occurredAt');
    await refused(repA, 'complaints.fileSlip', { ...base, version: c.version + 1 }, 'CONFLICT');
    await refused(repA, 'complaints.act', { id: c.id, version: c.version + 1, action: 'handle' }, 'CONFLICT');
  });
});

describe('who sees which complaints', () => {
  it('a rep his customers’ and those he is responsible for; his supervisor his team’s; the heads all; another rep gets NOT_FOUND', async () => {
    const w = await setup();
    const { repA, repB, supervisor, manager, finance } = w.team;
    const a = await receive(repA, { customerId: w.cA });
    const b = await receive(repB, { customerId: w.cB });
    const shared = await receive(repA, { customerId: w.cA, responsibleId: repB.id });
    const listed = async (caller: Caller) => ids((await caller.call('complaints.list', {})).rows).sort((x, y) => x - y);
    expect(await listed(repA)).toEqual([a.id, shared.id]);
    expect(await listed(repB)).toEqual([b.id, shared.id]);
    expect(await listed(supervisor)).toEqual([a.id, shared.id]);
    expect(await listed(manager)).toEqual([a.id, b.id, shared.id]);
    expect(await listed(finance)).toEqual([a.id, b.id, shared.id]);
    await refused(repB, 'complaints.get', { id: a.id }, 'NOT_FOUND');
    await refused(repB, 'complaints.act', { id: a.id, version: a.version, action: 'handle' }, 'NOT_FOUND');
    await refused(repA, 'complaints.fileSlip', { id: b.id, version: b.version, occurredAt: MONDAY, course: '经过', responsibleId: repA.id, workOrderNo: 'X' }, 'NOT_FOUND');
    // The responsible person and the owner's supervisor take steps.
    const handled = await act(repB, shared, 'handle');
    expect((await act(supervisor, handled, 'respond')).status).toBe('responded');
    expect((await refused(t.admin, 'complaints.create', { customerId: w.cA, summary: 'x' }, 'FORBIDDEN')).code).toBe('FORBIDDEN');
  });
});

describe('the register grid', () => {
  it('filters by status, month, overdue and more; searches; pages in SQL', async () => {
    const w = await setup();
    const { repA, repB, manager } = w.team;
    const october = await receive(repA, { customerId: w.cA, receivedAt: '2026-10-15T10:00:00+08:00', summary: '十月投诉' });
    const handled = await receive(repA, { customerId: w.cA, receivedAt: '2026-11-23T08:00:00+08:00', summary: '颜色不符' });
    await act(repA, handled, 'handle');
    const fresh = await receive(repB, { customerId: w.cB, summary: '送货延迟', workOrderNo: 'GD-555' });
    const major = await receive(repB, { customerId: w.cB, severity: 'major', summary: '质量事故' });
    const list = (query: Partial<ChannelInput<'complaints.list'>>) => manager.call('complaints.list', query as ChannelInput<'complaints.list'>);

    const all = await list({});
    expect(all.total).toBe(4);
    // Newest receipt first by default.
    expect(all.rows[all.rows.length - 1]!.id).toBe(october.id);
    expect(ids((await list({ filter: { status: { filterType: 'set', values: ['handling'] } } })).rows)).toEqual([handled.id]);
    expect(ids((await list({ filter: { month: { filterType: 'text', type: 'equals', filter: '2026-10' } } })).rows)).toEqual([october.id]);
    expect(ids((await list({ filter: { severity: { filterType: 'set', values: ['major'] } } })).rows)).toEqual([major.id]);
    expect(ids((await list({ filter: { customerId: { filterType: 'number', type: 'equals', filter: w.cB } }, sort: [{ colId: 'id', sort: 'asc' }] })).rows)).toEqual([fresh.id, major.id]);
    expect(ids((await list({ filter: { ownerId: { filterType: 'number', type: 'equals', filter: repA.id } }, sort: [{ colId: 'id', sort: 'asc' }] })).rows)).toEqual([october.id, handled.id]);
    // Overdue now: only the October one (handle, respond and slip all missed).
    expect(ids((await list({ filter: { overdue: { filterType: 'text', type: 'equals', filter: '1' } } })).rows)).toEqual([october.id]);
    expect(ids((await list({ filter: { overdue: { filterType: 'number', type: 'equals', filter: 1 } } })).rows)).toEqual([october.id]);
    expect((await list({ filter: { overdue: { filterType: 'set', values: ['0'] } } })).total).toBe(3);
    expect(ids((await list({ quickSearch: 'GD-555' })).rows)).toEqual([fresh.id]);
    expect(ids((await list({ quickSearch: '无锡 质量' })).rows)).toEqual([major.id]);
    expect(ids((await list({ quickSearch: fresh.complaintNo })).rows)).toEqual([fresh.id]);
    const page = await list({ startRow: 1, endRow: 3, sort: [{ colId: 'complaintNo', sort: 'asc' }] });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.complaintNo)).toEqual([handled.complaintNo, fresh.complaintNo]);
    expect((await manager.fail('complaints.list', { sort: [{ colId: 'password', sort: 'asc' }] })).code).toBe('VALIDATION');
    // The overdue list, most overdue first.
    setNow('2026-11-25T12:00:00+08:00');
    // October's missed its 24 h in October; the two received at 09:30 their 24 h on the 24th; the one handled at 08:00 missed only its 48 h.
    expect(await overdueIds(manager)).toEqual([october.id, fresh.id, major.id, handled.id]);
  });
});
