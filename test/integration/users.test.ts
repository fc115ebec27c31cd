// User administration (DOMAIN §1): only the administrator manages users; every user has a direct
// superior without loops, and at least one active administrator always remains.
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, testCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('users (admin)', () => {
  it('creates a user with role, superior, region and channel', async () => {
    t = await testCore();
    const manager = await t.admin.call('users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: PASSWORD });
    const rep = await t.admin.call('users.create', {
      username: 'Zhang.Wei',
      displayName: '张伟',
      role: 'rep',
      password: PASSWORD,
      managerId: manager.id,
      region: '华东',
      channel: 'dealer',
    });
    expect(rep).toMatchObject({ username: 'zhang.wei', displayName: '张伟', role: 'rep', managerId: manager.id, managerName: '王经理', region: '华东', channel: 'dealer', active: true });
    const list = await t.admin.call('users.list', {});
    expect(list.map((u) => u.username)).toEqual(['admin', 'wang', 'zhang.wei']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/i);
    const directory = await t.admin.call('users.directory', {});
    expect(directory).toContainEqual({ id: rep.id, displayName: '张伟', role: 'rep', region: '华东' });
  });

  it('updates fields and keeps the rest', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { username: 'rep1', displayName: '张伟', region: '华东' });
    const updated = await t.admin.call('users.update', { id: rep.id, patch: { displayName: '张伟伟', channel: 'direct' } });
    expect(updated).toMatchObject({ id: rep.id, username: 'rep1', displayName: '张伟伟', region: '华东', channel: 'direct', role: 'rep' });
  });

  it('resets a password: the old one stops working and the user is signed out everywhere', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { username: 'rep1' });
    expect(await t.admin.call('users.resetPassword', { id: rep.id, newPassword: 'reset-by-admin' })).toEqual({ ok: true });
    expect((await rep.fail('customers.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await t.caller().fail('auth.login', { username: 'rep1', password: PASSWORD })).code).toBe('BAD_CREDENTIALS');
    await t.caller().call('auth.login', { username: 'rep1', password: 'reset-by-admin' });
    expect((await t.admin.fail('users.resetPassword', { id: 999, newPassword: 'reset-by-admin' })).code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate username (any letter case) naming 用户名, and writes nothing', async () => {
    t = await testCore();
    await t.admin.call('users.create', { username: 'rep1', displayName: '张伟', role: 'rep', password: PASSWORD });
    const before = t.snapshot();
    for (const username of ['rep1', 'REP1']) {
      const error = await t.admin.fail('users.create', { username, displayName: '李娜', role: 'rep', password: PASSWORD });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^用户名：/);
      expect(error.issues[0]?.field).toBe('username');
    }
    const other = await t.admin.call('users.create', { username: 'rep2', displayName: '李娜', role: 'rep', password: PASSWORD });
    const after = t.snapshot();
    const rename = await t.admin.fail('users.update', { id: other.id, patch: { username: 'Rep1' } });
    expect(rename.message).toMatch(/^用户名：/);
    expect(t.snapshot()).toBe(after);
    expect(before).not.toBe(after);
  });

  it('refuses a loop of superiors (A under B, then B under A) and a user as his own superior', async () => {
    t = await testCore();
    const a = await t.admin.call('users.create', { username: 'usera', displayName: 'A', role: 'supervisor', password: PASSWORD });
    const b = await t.admin.call('users.create', { username: 'userb', displayName: 'B', role: 'manager', password: PASSWORD });
    const c = await t.admin.call('users.create', { username: 'userc', displayName: 'C', role: 'rep', password: PASSWORD, managerId: a.id });
    await t.admin.call('users.update', { id: a.id, patch: { managerId: b.id } });
    const before = t.snapshot();
    const loop = await t.admin.fail('users.update', { id: b.id, patch: { managerId: a.id } });
    expect(loop.code).toBe('VALIDATION');
    expect(loop.message).toMatch(/^直属上级：/);
    const longLoop = await t.admin.fail('users.update', { id: b.id, patch: { managerId: c.id } });
    expect(longLoop.message).toMatch(/^直属上级：/);
    const self = await t.admin.fail('users.update', { id: a.id, patch: { managerId: a.id } });
    expect(self.message).toMatch(/^直属上级：/);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses an unknown or inactive superior', async () => {
    t = await testCore();
    const gone = await t.admin.call('users.create', { username: 'gone', displayName: '离职', role: 'manager', password: PASSWORD, active: false });
    const unknown = await t.admin.fail('users.create', { username: 'rep1', displayName: 'x', role: 'rep', password: PASSWORD, managerId: 999 });
    expect(unknown.message).toMatch(/^直属上级：/);
    const inactive = await t.admin.fail('users.create', { username: 'rep1', displayName: 'x', role: 'rep', password: PASSWORD, managerId: gone.id });
    expect(inactive.message).toMatch(/^直属上级：/);
  });

  it('never removes the last active administrator (role change or deactivation)', async () => {
    t = await testCore();
    const adminId = (await t.admin.call('auth.me', {}))!.id;
    const before = t.snapshot();
    for (const patch of [{ active: false }, { role: 'manager' as const }]) {
      const error = await t.admin.fail('users.update', { id: adminId, patch });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('至少要保留一个启用的系统管理员');
    }
    expect(t.snapshot()).toBe(before);
    // an inactive second admin does not count
    await t.admin.call('users.create', { username: 'admin2', displayName: '备用管理员', role: 'admin', password: PASSWORD, active: false });
    expect((await t.admin.fail('users.update', { id: adminId, patch: { active: false } })).code).toBe('VALIDATION');
    // with a second active admin the first may step down
    const second = await t.userWith('admin', { username: 'admin3' });
    await t.admin.call('users.update', { id: adminId, patch: { role: 'gm' } });
    expect((await second.fail('users.update', { id: second.id, patch: { active: false } })).code).toBe('VALIDATION');
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    t = await testCore();
    expect((await t.admin.fail('users.update', { id: 4242, patch: { region: '华南' } })).code).toBe('NOT_FOUND');
  });

  it('refuses users.create from a non-admin with FORBIDDEN and writes nothing', async () => {
    t = await testCore();
    const manager = await t.userWith('manager');
    const gm = await t.userWith('gm');
    const usersBefore = t.count('users');
    const before = t.snapshot();
    for (const caller of [manager, gm]) {
      const error = await caller.fail('users.create', { username: 'sneaky', displayName: '冒充', role: 'admin', password: PASSWORD });
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('无权');
    }
    expect(t.count('users')).toBe(usersBefore);
    expect(t.snapshot()).toBe(before);
    expect((await manager.fail('users.update', { id: manager.id, patch: { role: 'admin' } })).code).toBe('FORBIDDEN');
    expect((await manager.fail('users.resetPassword', { id: 1, newPassword: 'takeover-pass' })).code).toBe('FORBIDDEN');
    expect(t.snapshot()).toBe(before);
  });

  it('lets every signed-in user read the directory of active users only', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { displayName: '张伟' });
    await t.admin.call('users.create', { username: 'gone', displayName: '离职员工', role: 'rep', password: PASSWORD, active: false });
    const names = (await rep.call('users.directory', {})).map((u) => u.displayName);
    expect(names).toContain('张伟');
    expect(names).not.toContain('离职员工');
  });
});
