// First run and sign-in through the real dispatcher: setup once, sign in, sign out, change the
// password, and what happens to calls made before setup, without a session or by a deactivated user.
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../electron/core/api/sessions';
import { ADMIN, PASSWORD, testCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.cleanup());

const SETUP = { companyName: '苏州恒达化工有限公司', adminUsername: 'Boss', adminDisplayName: '王总', password: 'boss-pass-1' };

describe('setup', () => {
  it('reports not initialized before setup and the company after', async () => {
    t = await testCore({ setup: false });
    const caller = t.caller();
    expect(await caller.call('setup.status', {})).toEqual({ initialized: false, companyName: null });
    const me = await caller.call('setup.init', SETUP);
    expect(me).toMatchObject({ username: 'boss', displayName: '王总', role: 'admin', companyName: '苏州恒达化工有限公司' });
    expect(await t.caller().call('setup.status', {})).toEqual({ initialized: true, companyName: '苏州恒达化工有限公司' });
    // setup signs the administrator in at once
    expect(await caller.call('auth.me', {})).toMatchObject({ id: me.id, role: 'admin' });
  });

  it('refuses a second setup with CONFLICT and changes nothing', async () => {
    t = await testCore();
    const before = t.snapshot();
    const intruder = t.caller();
    const error = await intruder.fail('setup.init', { ...SETUP, adminUsername: 'other', companyName: '别的公司' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('已经初始化');
    expect(t.snapshot()).toBe(before);
    expect(intruder.token).toBeNull();
    expect(await intruder.call('auth.me', {})).toBeNull();
  });

  it('answers SETUP_REQUIRED to every non-public call before setup, and to sign-in', async () => {
    t = await testCore({ setup: false });
    const caller = t.caller();
    for (const [channel, input] of [
      ['users.list', {}],
      ['customers.list', {}],
      ['approvals.inbox', {}],
      ['auth.changePassword', { oldPassword: 'x', newPassword: 'yyyyyyyy' }],
    ] as const) {
      expect((await caller.fail(channel, input)).code, channel).toBe('SETUP_REQUIRED');
    }
    const login = await caller.fail('auth.login', { username: 'admin', password: 'admin-pass' });
    expect(login.code).toBe('SETUP_REQUIRED');
    expect(login.message).toContain('尚未初始化');
  });

  it('validates the setup form with Chinese field names', async () => {
    t = await testCore({ setup: false });
    const error = await t.caller().fail('setup.init', { ...SETUP, password: 'short' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('密码：至少 8 个字符');
    expect(t.count('users')).toBe(0);
  });
});

describe('sign-in', () => {
  it('answers UNAUTHENTICATED to calls without a session, and to a made-up token', async () => {
    t = await testCore();
    const anonymous = t.caller();
    expect((await anonymous.fail('customers.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await anonymous.fail('users.directory', {})).message).toBe('请先登录');
    anonymous.token = 'forged-token';
    expect((await anonymous.fail('customers.list', {})).code).toBe('UNAUTHENTICATED');
    expect(await anonymous.call('auth.me', {})).toBeNull();
  });

  it('refuses a wrong password with BAD_CREDENTIALS and starts no session', async () => {
    t = await testCore();
    const caller = t.caller();
    const error = await caller.fail('auth.login', { username: ADMIN.username, password: 'wrong-password' });
    expect(error.code).toBe('BAD_CREDENTIALS');
    expect(error.message).toContain('用户名或密码错误');
    expect(caller.token).toBeNull();
    expect((await caller.fail('users.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    t = await testCore();
    const unknown = await t.caller().fail('auth.login', { username: 'nobody', password: 'wrong-password' });
    const wrong = await t.caller().fail('auth.login', { username: ADMIN.username, password: 'wrong-password' });
    expect(unknown).toEqual(wrong);
  });

  it('ignores the case of the username', async () => {
    t = await testCore();
    await t.admin.call('users.create', { username: 'Li.Na', displayName: '李娜', role: 'rep', password: PASSWORD });
    for (const username of ['li.na', 'LI.NA', 'Li.Na', '  li.na  ']) {
      const caller = t.caller();
      const me = await caller.call('auth.login', { username, password: PASSWORD });
      expect(me).toMatchObject({ username: 'li.na', displayName: '李娜', role: 'rep', companyName: '苏州恒达化工有限公司' });
      expect(caller.token).not.toBeNull();
    }
    // the password is not case-insensitive
    expect((await t.caller().fail('auth.login', { username: 'li.na', password: PASSWORD.toUpperCase() })).code).toBe('BAD_CREDENTIALS');
  });

  it('signs out: the token stops working, other sessions of the user keep working', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { username: 'rep1' });
    const sameUserElsewhere = t.caller();
    await sameUserElsewhere.call('auth.login', { username: 'rep1', password: PASSWORD });
    const token = rep.token;
    expect(await rep.call('auth.logout', {})).toEqual({ ok: true });
    expect(rep.token).toBeNull();
    rep.token = token; // a stale copy of the token is worthless
    expect((await rep.fail('customers.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await sameUserElsewhere.call('customers.list', {})).total).toBe(0);
  });

  it('a deactivated user is signed out at once and cannot sign in again', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { username: 'rep1' });
    expect((await rep.call('customers.list', {})).total).toBe(0);
    await t.admin.call('users.update', { id: rep.id, patch: { active: false } });
    expect((await rep.fail('customers.list', {})).code).toBe('UNAUTHENTICATED');
    expect(await rep.call('auth.me', {})).toBeNull();
    const again = await t.caller().fail('auth.login', { username: 'rep1', password: PASSWORD });
    expect(again.code).toBe('BAD_CREDENTIALS');
    // reactivated, the same password works again
    await t.admin.call('users.update', { id: rep.id, patch: { active: true } });
    await t.caller().call('auth.login', { username: 'rep1', password: PASSWORD });
  });

  it('signing in as someone else replaces the caller’s session', async () => {
    t = await testCore();
    await t.admin.call('users.create', { username: 'rep1', displayName: '张伟', role: 'rep', password: PASSWORD });
    const caller = t.caller();
    await caller.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const adminToken = caller.token;
    await caller.call('auth.login', { username: 'rep1', password: PASSWORD });
    expect(caller.token).not.toBe(adminToken);
    expect(await caller.call('auth.me', {})).toMatchObject({ username: 'rep1', role: 'rep' });
    caller.token = adminToken;
    expect((await caller.fail('users.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('an idle session expires after 12 hours; activity keeps it alive', async () => {
    let now = Date.UTC(2026, 10, 23, 1, 0);
    const hours = (h: number) => (now += h * 60 * 60 * 1000);
    t = await testCore({ sessions: new SessionStore(undefined, () => now) });
    const caller = t.caller();
    await caller.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    hours(11);
    expect((await caller.call('users.list', {})).length).toBe(1);
    hours(11);
    expect((await caller.call('users.list', {})).length).toBe(1);
    hours(12.01);
    const error = await caller.fail('users.list', {});
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(await caller.call('auth.me', {})).toBeNull();
  });

  it('a session whose user was deactivated behind the API is refused too (checked on every call)', async () => {
    t = await testCore();
    const rep = await t.userWith('rep');
    t.core.database.sqlite.prepare('UPDATE users SET active = 0 WHERE id = ?').run(rep.id);
    expect((await rep.fail('customers.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('a role change applies to the next call of an open session', async () => {
    t = await testCore();
    const rep = await t.userWith('rep');
    expect((await rep.fail('users.list', {})).code).toBe('FORBIDDEN');
    await t.admin.call('users.update', { id: rep.id, patch: { role: 'admin' } });
    expect((await rep.call('users.list', {})).length).toBe(2);
  });
});

describe('auth.changePassword', () => {
  it('refuses a wrong current password naming 原密码, and changes nothing', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { username: 'rep1' });
    const before = t.snapshot();
    const error = await rep.fail('auth.changePassword', { oldPassword: 'not-my-password', newPassword: 'brand-new-pass' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('原密码：不正确');
    expect(error.issues[0]?.field).toBe('oldPassword');
    expect(t.snapshot()).toBe(before);
    await t.caller().call('auth.login', { username: 'rep1', password: PASSWORD });
  });

  it('changes the password: the new one signs in, the old one no longer does', async () => {
    t = await testCore();
    const rep = await t.userWith('rep', { username: 'rep1' });
    expect(await rep.call('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'brand-new-pass' })).toEqual({ ok: true });
    expect((await t.caller().fail('auth.login', { username: 'rep1', password: PASSWORD })).code).toBe('BAD_CREDENTIALS');
    await t.caller().call('auth.login', { username: 'rep1', password: 'brand-new-pass' });
    // the session that changed it stays signed in
    expect(await rep.call('auth.me', {})).toMatchObject({ id: rep.id });
  });

  it('requires a new password of at least 8 characters', async () => {
    t = await testCore();
    const rep = await t.userWith('rep');
    const error = await rep.fail('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'short' });
    expect(error.message).toBe('新密码：至少 8 个字符');
  });

  it('requires a session', async () => {
    t = await testCore();
    expect((await t.caller().fail('auth.changePassword', { oldPassword: 'a', newPassword: 'bbbbbbbb' })).code).toBe('UNAUTHENTICATED');
  });
});
