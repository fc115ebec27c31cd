// The audit log (ARCHITECTURE "Data rules"): every business write adds its audit row in the same
// transaction; a refused write adds none; the log is append-only. Customer data is confidential, so
// CSV exports are logged too (DOMAIN §2).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ChannelInput } from '../../shared/api';
import { createCustomer, customerInput, PASSWORD, teamCore, teamTemplate, testCore, type TeamTemplate, type TestCore } from '../support/core';

let t: TestCore;
let template: TeamTemplate;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** Audit rows added since the previous call, oldest first (read through audit.list as the admin). */
function auditReader() {
  let seen = 0;
  return async (): Promise<AuditEntry[]> => {
    const page = await t.admin.call('audit.list', { startRow: 0, endRow: 500 });
    const fresh = page.rows.filter((row) => row.id > seen).sort((a, b) => a.id - b.id);
    seen = Math.max(seen, ...page.rows.map((row) => row.id));
    return fresh;
  };
}

describe('audit rows of every write', () => {
  it('records who did what to which record, with before and after', async () => {
    const now = new Date('2026-11-23T02:00:00.000Z');
    t = await testCore({ now: () => now });
    const next = auditReader();

    const setup = await next();
    expect(setup).toHaveLength(1);
    expect(setup[0]).toMatchObject({ action: 'setup.init', entity: 'company', userName: '系统管理员', at: now.toISOString() });
    expect(setup[0]!.after).toMatchObject({ company: '苏州恒达化工有限公司', admin: { username: 'admin', role: 'admin' } });

    const manager = await t.userWith('manager', { username: 'wang', displayName: '王经理' });
    const rep = await t.userWith('rep', { username: 'zhang', displayName: '张伟' });
    const created = await next();
    expect(created.map((r) => [r.action, r.entity, r.entityId])).toEqual([
      ['users.create', 'users', String(manager.id)],
      ['users.create', 'users', String(rep.id)],
    ]);
    expect(created[1]!.after).toMatchObject({ username: 'zhang', displayName: '张伟', role: 'rep' });

    await t.admin.call('users.update', { id: rep.id, patch: { region: '华东' } });
    const [userUpdate, ...more] = await next();
    expect(more).toEqual([]);
    expect(userUpdate).toMatchObject({ action: 'users.update', entity: 'users', entityId: String(rep.id), userName: '系统管理员' });
    expect(userUpdate!.before).toMatchObject({ region: '' });
    expect(userUpdate!.after).toMatchObject({ region: '华东' });

    await t.admin.call('users.resetPassword', { id: manager.id, newPassword: 'manager-pass-2' });
    await rep.call('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'rep-pass-2222' });
    expect((await next()).map((r) => [r.action, r.entityId, r.userId, r.after])).toEqual([
      ['users.resetPassword', String(manager.id), 1, { passwordChanged: true }],
      ['auth.changePassword', String(rep.id), rep.id, { passwordChanged: true }],
    ]);
    const managerAgain = t.callerFor(manager.id);

    const { customer, application } = await createCustomer(rep, 'C001', { phone: '0512-1111111' });
    const createRows = await next();
    expect(createRows.map((r) => [r.action, r.entity, r.entityId, r.userId])).toEqual([
      ['customers.create', 'customers', String(customer.id), rep.id],
      ['customers.apply', 'customer_applications', String(application.id), rep.id],
    ]);
    expect(createRows[0]!.after).toMatchObject({ customerNo: 'C001', phone: '0512-1111111', ownerId: rep.id });

    const edit = await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-2222222', industry: '化工' } });
    const editRows = await next();
    expect(editRows.map((r) => [r.action, r.entity])).toEqual([
      ['customers.update', 'customers'],
      ['customers.requestChange', 'customer_change_requests'],
    ]);
    expect(editRows[0]).toMatchObject({ before: { industry: '' }, after: { industry: '化工' } });
    expect(editRows[1]!.entityId).toBe(String(edit.changeRequest!.id));

    await managerAgain.call('approvals.decideChange', { id: edit.changeRequest!.id, decision: 'approve', comment: '同意' });
    const approveRows = await next();
    expect(approveRows.map((r) => [r.action, r.entity, r.userId])).toEqual([
      ['customers.update', 'customers', manager.id],
      ['approvals.approveChange', 'customer_change_requests', manager.id],
    ]);
    expect(approveRows[0]).toMatchObject({ before: { phone: '0512-1111111' }, after: { phone: '0512-2222222' } });
    expect(approveRows[1]).toMatchObject({ before: { status: 'pending' }, after: { status: 'approved', comment: '同意' } });

    const second = await rep.call('customers.update', { id: customer.id, version: 2, patch: { address: '苏州' } });
    await managerAgain.call('approvals.decideChange', { id: second.changeRequest!.id, decision: 'reject' });
    expect((await next()).map((r) => r.action)).toEqual(['customers.requestChange', 'approvals.rejectChange']);

    await managerAgain.call('approvals.decideApplication', { id: application.id, decision: 'reject', comment: '不符合' });
    await rep.call('customers.apply', { customerId: customer.id });
    expect((await next()).map((r) => [r.action, r.entity])).toEqual([
      ['approvals.rejectApplication', 'customer_applications'],
      ['customers.apply', 'customer_applications'],
    ]);

    await rep.call('customers.setArchived', { id: customer.id, archived: true });
    await rep.call('customers.setArchived', { id: customer.id, archived: false });
    const archiveRows = await next();
    expect(archiveRows.map((r) => r.action)).toEqual(['customers.archive', 'customers.unarchive']);
    expect(archiveRows[0]).toMatchObject({ before: { archivedAt: null }, after: { archivedAt: now.toISOString() } });

    await rep.call('customers.exportCsv', { query: {}, columns: ['customerNo'] });
    expect((await next()).map((r) => [r.action, r.userId])).toEqual([['customers.exportCsv', rep.id]]);

    // reads write nothing
    await rep.call('customers.list', {});
    await rep.call('customers.get', { id: customer.id });
    await rep.call('approvals.mine', {});
    await managerAgain.call('approvals.inbox', {});
    expect(await next()).toEqual([]);

    // no password or hash ever reaches the log
    const everything = JSON.stringify((await t.admin.call('audit.list', { startRow: 0, endRow: 500 })).rows);
    expect(everything).not.toMatch(/scrypt\$|passwordHash|password_hash|manager-pass-2|rep-pass-2222|secret-pass/);
  });

  it('a refused write adds no audit row', async () => {
    const tc = await teamCore(template);
    t = tc;
    const { repA: rep, manager } = tc.team;
    const { customer, application } = await createCustomer(rep, 'C001');
    const request = (await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-1' } })).changeRequest!;
    const before = t.count('audit_log');
    const failing: [typeof rep, string, unknown][] = [
      [rep, 'customers.create', { customer: customerInput('C001') }],
      [rep, 'customers.create', { customer: customerInput('C002', { settlementType: 'monthly' }) }],
      [rep, 'customers.update', { id: customer.id, version: 9, patch: { industry: 'x' } }],
      [rep, 'customers.update', { id: customer.id, version: 0, patch: { phone: '0512-2' } }],
      [rep, 'customers.apply', { customerId: customer.id }],
      [rep, 'approvals.decideChange', { id: request.id, decision: 'approve' }],
      [manager, 'approvals.decideApplication', { id: 999, decision: 'approve' }],
      [manager, 'users.create', { username: 'x1', displayName: 'x', role: 'rep', password: PASSWORD }],
      [t.admin as typeof rep, 'users.update', { id: 1, patch: { active: false } }],
      [t.admin as typeof rep, 'users.create', { username: 'admin', displayName: 'x', role: 'rep', password: PASSWORD }],
      [rep, 'auth.changePassword', { oldPassword: 'wrong-one', newPassword: 'whatever-123' }],
      [rep, 'customers.exportCsv', { query: {}, columns: ['nope'] }],
      [t.caller() as typeof rep, 'setup.init', { companyName: 'x', adminUsername: 'xx', adminDisplayName: 'x', password: 'long-enough' }],
    ];
    for (const [caller, channel, input] of failing) {
      await caller.fail(channel, input);
      expect(t.count('audit_log'), channel).toBe(before);
    }
    await manager.call('approvals.decideApplication', { id: application.id, decision: 'approve' });
    expect(t.count('audit_log')).toBe(before + 1);
  });
});

describe('one transaction: a write whose audit row cannot be written is not written at all', () => {
  /** Makes the database refuse audit rows of one action, as a failure in the middle of a write. */
  function refuseAudit(action: string): void {
    t.core.database.sqlite.exec(
      `CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'test: audit refused'); END`,
    );
  }

  async function setup() {
    const tc = await teamCore(template);
    t = tc;
    const { repA: rep, manager } = tc.team;
    const { customer } = await createCustomer(rep, 'C001', { phone: '0512-1111111' });
    return { rep, manager, customer };
  }

  it('customers.create: neither the customer nor its application survive a failed C-NEW audit row', async () => {
    const { rep } = await setup();
    refuseAudit('customers.apply');
    const before = t.snapshot();
    const result = await rep.raw('customers.create', { customer: customerInput('C002') });
    expect(result.ok).toBe(false);
    expect(t.snapshot()).toBe(before);
  });

  it('customers.update: the immediate part is rolled back when the change request cannot be logged', async () => {
    const { rep, customer } = await setup();
    refuseAudit('customers.requestChange');
    const before = t.snapshot();
    expect((await rep.raw('customers.update', { id: customer.id, version: 0, patch: { industry: '化工', phone: '0512-2' } })).ok).toBe(false);
    expect(t.snapshot()).toBe(before);
  });

  it('approvals.decideChange: the value is not applied when the decision cannot be logged', async () => {
    const { rep, manager, customer } = await setup();
    const request = (await rep.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-2' } })).changeRequest!;
    refuseAudit('approvals.approveChange');
    const before = t.snapshot();
    expect((await manager.raw('approvals.decideChange', { id: request.id, decision: 'approve' })).ok).toBe(false);
    expect(t.snapshot()).toBe(before);
  });

  it('users.update and users.create', async () => {
    await setup();
    refuseAudit('users.update');
    const before = t.snapshot();
    expect((await t.admin.raw('users.update', { id: template.ids.repA, patch: { region: '华北' } })).ok).toBe(false);
    expect(t.snapshot()).toBe(before);
    t.core.database.sqlite.exec('DROP TRIGGER temp.refuse_audit');
    refuseAudit('users.create');
    expect((await t.admin.raw('users.create', { username: 'newbie', displayName: '新人', role: 'rep', password: PASSWORD })).ok).toBe(false);
    expect(t.snapshot()).toBe(before);
  });
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    t = await testCore();
    const sqlite = t.core.database.sqlite;
    const before = t.snapshot();
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'forged'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(t.snapshot()).toBe(before);
  });
});

describe('audit.list', () => {
  it('pages newest first and filters by entity and record', async () => {
    const tc = await teamCore(template);
    t = tc;
    const rep = tc.team.repA;
    const a = (await createCustomer(rep, 'C001')).customer;
    const b = (await createCustomer(rep, 'C002')).customer;
    await rep.call('customers.update', { id: a.id, version: 0, patch: { industry: '化工' } });
    const all = await t.admin.call('audit.list', {});
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((x, y) => y - x));
    const page = await t.admin.call('audit.list', { startRow: 1, endRow: 3 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
    expect(page.total).toBe(all.total);
    const ofA = await t.admin.call('audit.list', { entity: 'customers', entityId: String(a.id) });
    expect(ofA.rows.map((r) => r.action)).toEqual(['customers.update', 'customers.create']);
    expect(ofA.rows.every((r) => r.userName === '张伟')).toBe(true);
    expect((await t.admin.call('audit.list', { entity: 'customers', entityId: String(b.id) })).total).toBe(1);
    expect((await t.admin.call('audit.list', { entity: 'customer_applications' })).total).toBe(2);
    const gm = tc.team.gm;
    expect((await gm.call('audit.list', {})).total).toBeGreaterThan(0);
  });
});

describe('audit.list paging', () => {
  it('refuses a window whose end is before its start with VALIDATION (BUG electron/core/audit/handlers.ts:27; now INTERNAL)', async () => {
    // LIMIT gets a negative number and drizzle builds invalid SQL ("near offset: syntax error").
    t = await testCore();
    const error = await t.admin.fail('audit.list', { startRow: 3, endRow: 2 });
    expect(error.code).toBe('VALIDATION');
  });

  it('returns the requested window with the total', async () => {
    t = await testCore();
    for (let i = 0; i < 6; i++) await t.admin.call('users.update', { id: 1, patch: { region: `区域${i}` } });
    const page = await t.admin.call('audit.list', { startRow: 0, endRow: 5 });
    expect(page.rows).toHaveLength(5);
    expect(page.rows[0]!.after).toMatchObject({ region: '区域5' });
    expect(page.total).toBe(1 + 6);
  });
});

describe('customers.exportCsv', () => {
  async function setup() {
    const now = new Date(2026, 10, 23, 9, 30);
    const tc = await teamCore(template, { now: () => now });
    t = tc;
    const { manager, repA, repB } = tc.team;
    const make = (no: string, owner: number, extra: Partial<ChannelInput<'customers.create'>['customer']>) =>
      manager.call('customers.create', { customer: customerInput(no, { ownerId: owner, ...extra }) });
    const c1 = await make('C001', repA.id, { name: '苏州恒达化工', status: 'active', grade: 'core', monthlyVolume: 1_234_567, famousCompany: true, settlementType: 'prepaid' });
    await manager.call('customers.update', { id: c1.customer.id, version: 0, patch: { creditLimitFen: 5_000_050 } });
    await make('C002', repB.id, { name: '杭州远东纺织', phone: '0571-1234, 转 8' });
    await make('C003', repA.id, { name: '=HYPERLINK("http://evil.example","点我")' });
    return { manager, repA, repB, now };
  }
  const COLUMNS = ['customerNo', 'name', 'status', 'grade', 'ownerId', 'creditLimitFen', 'monthlyVolume', 'famousCompany', 'settlementType', 'phone'];

  it('writes a BOM, a Chinese header and values as people read them', async () => {
    const { manager } = await setup();
    const result = await manager.call('customers.exportCsv', { query: {}, columns: COLUMNS });
    expect(result.filename).toBe('客户档案-2026-11-23.csv');
    expect(result.rows).toBe(3);
    expect(result.csv.startsWith('\uFEFF')).toBe(true);
    const lines = result.csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      '客户编号,客户名称,状态,等级,客户经理,信用额度,月用量,知名企业,结算方式,电话',
      'C001,苏州恒达化工,合作中,核心级,张伟,50000.50,1234.567,是,预付,',
      'C002,杭州远东纺织,潜在,普通级,李娜,0.00,0,否,现结,"0571-1234, 转 8"',
      `C003,"'=HYPERLINK(""http://evil.example"",""点我"")",潜在,普通级,张伟,0.00,0,否,现结,`,
      '',
    ]);
  });

  it('exports what the grid shows: filter, quick search and sort', async () => {
    const { manager } = await setup();
    const prospects = await manager.call('customers.exportCsv', {
      query: { filter: { status: { filterType: 'set', values: ['prospect'] } }, sort: [{ colId: 'customerNo', sort: 'desc' }] },
      columns: ['customerNo', 'status'],
    });
    expect(prospects.rows).toBe(2);
    expect(prospects.csv).toBe('\uFEFF客户编号,状态\r\nC003,潜在\r\nC002,潜在\r\n');
    const searched = await manager.call('customers.exportCsv', { query: { quickSearch: '李娜' }, columns: ['customerNo', 'ownerName'] });
    expect(searched.csv).toBe('\uFEFF客户编号,客户经理\r\nC002,李娜\r\n');
  });

  it('a rep exports only his own customers', async () => {
    const { repB } = await setup();
    const result = await repB.call('customers.exportCsv', { query: {}, columns: ['customerNo', 'name'] });
    expect(result.rows).toBe(1);
    expect(result.csv).toBe('\uFEFF客户编号,客户名称\r\nC002,杭州远东纺织\r\n');
  });

  it('logs every export with who, how many rows, which columns and filter', async () => {
    const { repA } = await setup();
    const filter = { status: { filterType: 'set' as const, values: ['prospect'] } };
    await repA.call('customers.exportCsv', { query: { filter, quickSearch: 'HYPER' }, columns: ['customerNo', 'name'] });
    const [row] = (await t.admin.call('audit.list', { entity: 'customers', startRow: 0, endRow: 1 })).rows;
    expect(row).toMatchObject({
      action: 'customers.exportCsv',
      userId: repA.id,
      userName: '张伟',
      entityId: null,
      after: { rows: 1, columns: ['customerNo', 'name'], filter, quickSearch: 'HYPER' },
    });
  });

  it('refuses an unknown column naming 导出列, and logs nothing', async () => {
    const { manager } = await setup();
    const before = t.snapshot();
    const error = await manager.fail('customers.exportCsv', { query: {}, columns: ['customerNo', 'passwordHash'] });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^导出列：/);
    expect(error.message).toContain('passwordHash');
    expect(t.snapshot()).toBe(before);
  });

  it('refuses Object.prototype names as columns with VALIDATION (BUG electron/core/customers/export.ts:35; now INTERNAL)', async () => {
    const { manager } = await setup();
    const error = await manager.fail('customers.exportCsv', { query: {}, columns: ['customerNo', 'toString'] });
    expect(error.code).toBe('VALIDATION');
  });
});
