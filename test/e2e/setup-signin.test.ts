import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

describe.skipIf(!chromiumPath())('first run and sign-in (browser preview)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('first run shows the setup form and refuses mismatched or short passwords', async () => {
    const { page } = e;
    await page.goto(e.server.url);
    const form = page.getByTestId('setup-form');
    await form.waitFor();
    await expect(page.locator('h2').first().textContent()).resolves.toContain('首次使用');
    await form.locator('input[name=companyName]').fill('苏州恒达化工有限公司');
    await form.locator('input[name=adminDisplayName]').fill('张敏');
    await form.locator('input[name=password]').fill('short');
    await form.locator('input[name=repeat]').fill('shorter');
    await form.locator('button[type=submit]').click();
    await expect(form.getByText('两次输入的密码不一致').isVisible()).resolves.toBe(true);
    await form.locator('input[name=repeat]').fill('short');
    await form.locator('button[type=submit]').click();
    await form.getByText('密码：至少 8 个字符').waitFor();
    await e.shot('e2e-setup-error');
    // nothing was written: still not initialised
    const status = await e.api(null, 'setup.status', {});
    expect(status.data.initialized).toBe(false);
  });

  it('creates the company and the admin, then signs in and out', async () => {
    const { page } = e;
    const form = page.getByTestId('setup-form');
    await form.locator('input[name=password]').fill('admin-pass-1');
    await form.locator('input[name=repeat]').fill('admin-pass-1');
    await e.shot('e2e-setup');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('张敏（系统管理员）');
    expect(await page.locator('.brand-company').textContent()).toBe('苏州恒达化工有限公司');
    await e.shot('e2e-shell-admin');
    await signOut(page);
    // a reload keeps the signed-out state and shows the company on the login card
    await page.reload();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('login-form').textContent()).toContain('苏州恒达化工有限公司');
  });

  it('a wrong password is refused with a Chinese message; the right one signs in', async () => {
    const { page } = e;
    const form = page.getByTestId('login-form');
    await form.locator('input[name=username]').fill('admin');
    await form.locator('input[name=password]').fill('wrong-password');
    await form.locator('button[type=submit]').click();
    await form.getByText('用户名或密码错误').waitFor();
    await e.shot('e2e-login-error');
    await signIn(page, 'ADMIN', 'admin-pass-1');
    expect(await page.getByTestId('nav-users').isVisible()).toBe(true);
  });
});
