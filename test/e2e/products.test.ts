// The price list as people use it: a manager adds a product in the drawer (a bad amount is refused
// naming the field, nothing saved), schedules a price change for a later date and sees it in the
// history and in the grid; a rep reads the list but cannot change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDate } from '../../shared/dates';
import { chromiumPath, signIn, signOut, startE2E, type E2E } from './support';

const PASSWORD = 'pass-1234';

function cell(page: Page, productId: number, colId: string) {
  return page.locator(`.ag-row[row-id="${productId}"] [col-id="${colId}"]`);
}

function daysFromToday(days: number): string {
  const at = new Date();
  at.setDate(at.getDate() + days);
  return localDate(at);
}

async function productByCode(e: E2E, token: string | null, code: string) {
  const { data } = await e.api(token, 'products.list', { startRow: 0, endRow: 10, includeArchived: true, filter: { code: { filterType: 'text', type: 'equals', filter: code } } });
  return data.rows[0];
}

describe.skipIf(!chromiumPath())('products and the price list (browser preview)', () => {
  let e: E2E;
  let adminToken: string | null;
  const future = daysFromToday(10);

  beforeAll(async () => {
    e = await startE2E();
    ({ token: adminToken } = await e.api(null, 'setup.init', { companyName: '苏州恒达化工有限公司', adminUsername: 'admin', adminDisplayName: '系统管理员', password: PASSWORD }));
    const managerId = (await e.api(adminToken, 'users.create', { username: 'wang', displayName: '王经理', role: 'manager', password: PASSWORD })).data.id;
    await e.api(adminToken, 'users.create', { username: 'li', displayName: '李小红', role: 'rep', managerId, password: PASSWORD });
    const seed: [string, string, string, string, string, number][] = [
      ['PE-100', '聚乙烯颗粒', 'HDPE 5000S 25kg/袋', '吨', '塑料原料', 980_000],
      ['PE-200', '聚乙烯薄膜', 'LDPE 0.05mm×1200mm', '卷', '薄膜', 45_000],
      ['PP-100', '聚丙烯颗粒', 'T30S 25kg/袋', '吨', '塑料原料', 860_000],
      ['PVC-1', '聚氯乙烯树脂', 'SG-5 25kg/袋', '吨', '塑料原料', 600_000],
      ['BOX-01', '五层瓦楞纸箱', '600×400×300mm', '件', '包材', 850],
      ['BOX-02', '三层瓦楞纸箱', '400×300×200mm', '件', '包材', 420],
      ['DR-200', '钢桶', '200L 闭口', '个', '包材', 16_500],
      ['AD-01', '抗氧剂 1010', '20kg/箱', '箱', '助剂', 125_000],
    ];
    for (const [code, name, spec, unit, productLine, price] of seed) {
      await e.api(adminToken, 'products.create', { product: { code, name, spec, unit, productLine, standardPriceFen: price, costPriceFen: Math.round(price * 0.82) } });
    }
    await e.page.goto(e.server.url);
    await signIn(e.page, 'wang', PASSWORD);
    await e.page.getByTestId('nav-products').click();
    await e.page.getByTestId('products-grid').locator('.ag-row').first().waitFor();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows the price list in yuan with Chinese labels and the count', async () => {
    const { page } = e;
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/共 8 个产品/);
    expect(await page.locator('.ag-header-cell-text', { hasText: '标准价' }).count()).toBe(1);
    expect(await page.getByTestId('nav-products').textContent()).toBe('产品价格');
    const pe = (await productByCode(e, adminToken, 'PE-100'))!;
    await expect.poll(() => cell(page, pe.id, 'standardPriceFen').textContent()).toBe('¥9,800.00');
    await e.shot('e2e-products-grid');
  });

  it('adds a product in the drawer; a bad amount is refused naming the field and nothing is saved', async () => {
    const { page } = e;
    await page.getByTestId('products-add').click();
    const drawer = page.getByTestId('product-drawer');
    await drawer.waitFor();
    await drawer.locator('[name=code]').fill('HD-5502');
    await drawer.locator('[name=name]').fill('高密度聚乙烯中空料');
    await drawer.locator('[name=spec]').fill('HD5502 25kg/袋');
    await drawer.locator('[name=productLine]').fill('塑料原料');
    await drawer.locator('[name=standardPrice]').fill('9,650');
    await drawer.locator('[name=costPrice]').fill('八千');
    await page.getByTestId('product-save').click();
    await drawer.getByText('成本价：请输入金额').waitFor();
    await e.shot('e2e-product-create-error');
    expect(await productByCode(e, adminToken, 'HD-5502')).toBeUndefined();

    await drawer.locator('[name=costPrice]').fill('8,120.50');
    await page.getByTestId('product-save').click();
    await page.getByTestId('toast-success').first().waitFor();
    await drawer.waitFor({ state: 'detached' });
    const saved = await productByCode(e, adminToken, 'HD-5502');
    expect(saved).toMatchObject({ name: '高密度聚乙烯中空料', unit: '吨', productLine: '塑料原料', standardPriceFen: 965_000, costPriceFen: 812_050, active: true });
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/共 9 个产品/);
  });

  it('schedules a price change for a later date and shows it in the history and the grid', async () => {
    const { page } = e;
    const product = (await productByCode(e, adminToken, 'HD-5502'))!;
    await page.getByTestId('products-search').fill('HD-5502');
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/共 1 个产品/);
    await cell(page, product.id, 'code').dblclick();
    const drawer = page.getByTestId('product-drawer');
    await drawer.getByTestId('product-price-history').waitFor();
    expect(await drawer.getByTestId('price-row').count()).toBe(1);

    await drawer.getByTestId('product-change-price').click();
    const form = drawer.getByTestId('product-price-form');
    await form.locator('[name=effectiveFrom]').fill(future);
    await form.locator('[name=standardPrice]').fill('10,200');
    await form.locator('[name=costPrice]').fill('8,500');
    await form.locator('[name=note]').fill('原料上涨，下旬起执行');
    await e.shot('e2e-product-price-form');
    await drawer.getByTestId('product-price-submit').click();
    await page.getByText(`已排定调价，${future} 起执行`).first().waitFor();
    await expect.poll(() => drawer.getByTestId('price-row').count()).toBe(2);

    const rows = drawer.getByTestId('price-row');
    expect(await rows.nth(0).getAttribute('data-status')).toBe('scheduled');
    expect(await rows.nth(0).textContent()).toContain('待生效');
    expect(await rows.nth(0).textContent()).toContain('¥10,200.00');
    expect(await rows.nth(0).textContent()).toContain('原料上涨');
    expect(await rows.nth(1).getAttribute('data-status')).toBe('current');
    expect(await rows.nth(1).textContent()).toContain('¥9,650.00');
    // the price in force is unchanged until the day comes
    expect(await drawer.getByTestId('product-prices-in-force').textContent()).toContain('¥9,650.00');
    expect(await drawer.getByTestId('product-next-price').textContent()).toContain(`${future} 起调为 标准价 ¥10,200.00、成本价 ¥8,500.00`);
    await drawer.getByTestId('product-price-history').scrollIntoViewIfNeeded();
    await e.shot('e2e-product-price-history');

    const { data } = await e.api(adminToken, 'products.get', { id: product.id });
    expect(data.prices.map((p) => [p.effectiveFrom, p.standardPriceFen, p.costPriceFen, p.status])).toEqual([
      [future, 1_020_000, 850_000, 'scheduled'],
      [localDate(new Date()), 965_000, 812_050, 'current'],
    ]);

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => cell(page, product.id, 'nextPriceFrom').textContent()).toBe(`${future} → ¥10,200.00`);
    expect(await cell(page, product.id, 'standardPriceFen').textContent()).toBe('¥9,650.00');
    await e.shot('e2e-products-grid-scheduled');
    await page.getByTestId('products-search').fill('');
  });

  it('edits a text cell in place with the keyboard (Enter edits, Enter saves)', async () => {
    const { page } = e;
    const product = (await productByCode(e, adminToken, 'HD-5502'))!;
    await page.getByTestId('products-search').fill('HD-5502');
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/共 1 个产品/);
    const spec = cell(page, product.id, 'spec');
    await spec.click();
    await page.keyboard.press('Enter');
    await spec.locator('input').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('HD5502 吹塑级 25kg/袋');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await productByCode(e, adminToken, 'HD-5502'))?.spec).toBe('HD5502 吹塑级 25kg/袋');
    await expect.poll(() => spec.textContent()).toBe('HD5502 吹塑级 25kg/袋');
    await page.getByTestId('products-search').fill('');
  });

  it('a rep reads the price list and the history but cannot change them', async () => {
    const { page } = e;
    await signOut(page);
    await signIn(page, 'li', PASSWORD);
    await page.getByTestId('nav-products').click();
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/共 9 个产品/);
    expect(await page.getByTestId('products-add').count()).toBe(0);
    const product = (await productByCode(e, adminToken, 'HD-5502'))!;
    await page.getByTestId('products-search').fill('HD-5502');
    await expect.poll(() => page.getByTestId('products-total').textContent()).toMatch(/共 1 个产品/);
    await cell(page, product.id, 'code').dblclick();
    const drawer = page.getByTestId('product-drawer');
    await drawer.getByTestId('product-price-history').waitFor();
    expect(await drawer.getByTestId('product-change-price').count()).toBe(0);
    expect(await drawer.getByTestId('product-save').count()).toBe(0);
    expect(await drawer.locator('[name=name]').isDisabled()).toBe(true);
    expect(await drawer.getByTestId('price-row').count()).toBe(2);
    await e.shot('e2e-product-rep-readonly');
  });
});
