// Products and the price list (DOMAIN §4 Q-PRICE): CRUD through the dispatcher, case-insensitive
// unique codes, version conflicts, dated prices with their history, priceOn() across effective
// dates (the day before / at / after, scheduled changes reaching the grid on their day), who may
// maintain the list, validation naming the field in Chinese, nothing written on error, audit rows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import { priceOn } from '../../electron/core/products/service';
import { teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

/** A clock the test moves: local wall-clock days, 10:00. */
function clock(day: string) {
  const state = { now: new Date(`${day}T10:00:00`) };
  return { now: () => state.now, set: (next: string) => (state.now = new Date(`${next}T10:00:00`)) };
}

type CreateInput = ChannelInput<'products.create'>;
const productInput = (code: string, extra: Partial<CreateInput['product']> = {}): CreateInput['product'] => ({
  code,
  name: `产品${code}`,
  standardPriceFen: 980_000,
  costPriceFen: 820_000,
  ...extra,
});

async function createProduct(caller: Caller, code: string, extra: Partial<CreateInput['product']> = {}, rest: Omit<CreateInput, 'product'> = {}) {
  return caller.call('products.create', { product: productInput(code, extra), ...rest });
}

interface AuditRow {
  action: string;
  entity: string;
  entity_id: string | null;
  user_id: number | null;
  before_json: string | null;
  after_json: string | null;
}
function auditRows(action?: string): AuditRow[] {
  const sqlite = t.core.database.sqlite;
  return (action
    ? sqlite.prepare("SELECT * FROM audit_log WHERE entity = 'products' AND action = ? ORDER BY id").all(action)
    : sqlite.prepare("SELECT * FROM audit_log WHERE entity = 'products' ORDER BY id").all()) as AuditRow[];
}

describe('products.create', () => {
  it('by a manager: trimmed fields, defaults, prices in force today, one history row and one audit row', async () => {
    const c = clock('2026-11-23');
    t = await teamCore(template, { now: c.now });
    const { manager } = t.team;
    const { product, prices } = await manager.call('products.create', {
      product: { code: ' PE-100 ', name: ' 聚乙烯颗粒 ', spec: 'HDPE 5000S 25kg/袋', productLine: '塑料原料', standardPriceFen: 980_000, costPriceFen: 820_000 },
      note: '首次定价',
    });
    expect(product).toMatchObject({
      code: 'PE-100',
      name: '聚乙烯颗粒',
      spec: 'HDPE 5000S 25kg/袋',
      unit: '吨',
      productLine: '塑料原料',
      standardPriceFen: 980_000,
      costPriceFen: 820_000,
      active: true,
      version: 0,
      nextPriceFrom: null,
      nextStandardPriceFen: null,
      nextCostPriceFen: null,
      createdAt: c.now().toISOString(),
    });
    expect(prices).toEqual([
      {
        id: expect.any(Number),
        productId: product.id,
        effectiveFrom: '2026-11-23',
        standardPriceFen: 980_000,
        costPriceFen: 820_000,
        note: '首次定价',
        createdBy: manager.id,
        createdByName: '王经理',
        createdAt: c.now().toISOString(),
        status: 'current',
      },
    ]);
    const audit = auditRows();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'products.create', entity_id: String(product.id), user_id: manager.id });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ code: 'PE-100', price: { effectiveFrom: '2026-11-23', standardPriceFen: 980_000 } });
    expect(await manager.call('products.get', { id: product.id })).toEqual({ product, prices });
  });

  it('may date the first price back, never forward (naming 生效日期, nothing written)', async () => {
    const c = clock('2026-11-23');
    t = await teamCore(template, { now: c.now });
    const { finance } = t.team;
    const before = t.snapshot();
    const error = await finance.fail('products.create', { product: productInput('P1'), effectiveFrom: '2026-11-24' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^生效日期：.*今天（2026-11-23）/);
    expect(error.issues[0]?.field).toBe('effectiveFrom');
    expect(t.snapshot()).toBe(before);

    const { prices } = await createProduct(finance, 'P1', {}, { effectiveFrom: '2026-01-01' });
    expect(prices.map((p) => [p.effectiveFrom, p.status])).toEqual([['2026-01-01', 'current']]);
  });

  it('refuses a code already used, whatever its case, naming 产品编码; nothing written', async () => {
    t = await teamCore(template);
    const { manager, director } = t.team;
    await createProduct(manager, 'PE-100', { name: '聚乙烯颗粒' });
    const before = t.snapshot();
    for (const code of ['PE-100', 'pe-100', ' Pe-100 ']) {
      const error = await director.fail('products.create', { product: productInput(code) });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^产品编码：/);
      expect(error.message).toContain('聚乙烯颗粒');
      expect(error.issues[0]?.field).toBe('product.code');
    }
    expect(t.snapshot()).toBe(before);
  });

  it('names every bad field in Chinese, with the product labels (not the customer ones), and writes nothing', async () => {
    t = await teamCore(template);
    const { gm } = t.team;
    const before = t.snapshot();
    const cases: [unknown, RegExp, string][] = [
      [{ product: { ...productInput('P1'), name: '  ' } }, /^产品名称：不能为空/, 'product.name'],
      [{ product: { code: 'P1', standardPriceFen: 1, costPriceFen: 1 } }, /^产品名称：不能为空/, 'product.name'],
      [{ product: productInput('P 1') }, /^产品编码：只能包含/, 'product.code'],
      [{ product: productInput('') }, /^产品编码：不能为空/, 'product.code'],
      [{ product: productInput('P1', { standardPriceFen: -1 }) }, /^标准价：不能小于 0/, 'product.standardPriceFen'],
      [{ product: productInput('P1', { costPriceFen: 12.5 }) }, /^成本价：类型不正确/, 'product.costPriceFen'],
      [{ product: { code: 'P1', name: '甲' } }, /^标准价：不能为空/, 'product.standardPriceFen'],
      [{ product: productInput('P1', { unit: '' }) }, /^单位：不能为空/, 'product.unit'],
      [{ product: productInput('P1', { spec: '规'.repeat(101) }) }, /^规格型号：不能超过 100 个字符/, 'product.spec'],
      [{ product: productInput('P1'), effectiveFrom: '2026-02-30' }, /^生效日期：/, 'effectiveFrom'],
      [{ product: { ...productInput('P1'), active: false } }, /^产品资料：包含未知字段：active/, 'product'],
    ];
    for (const [input, message, field] of cases) {
      const error = await gm.fail('products.create', input);
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('VALIDATION');
      expect(error.message).toMatch(message);
      expect(error.issues[0]?.field).toBe(field);
    }
    expect(t.snapshot()).toBe(before);
  });
});

describe('products.update and products.setActive', () => {
  it('changes the descriptive fields with the version; a stale version is CONFLICT and writes nothing', async () => {
    t = await teamCore(template);
    const { manager, finance } = t.team;
    const { product } = await createProduct(manager, 'PE-100');
    const updated = await finance.call('products.update', { id: product.id, version: 0, product: { name: '聚乙烯颗粒 HDPE', spec: '25kg/袋', unit: '袋' } });
    expect(updated).toMatchObject({ name: '聚乙烯颗粒 HDPE', spec: '25kg/袋', unit: '袋', version: 1, standardPriceFen: 980_000 });
    const audit = auditRows('products.update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ name: '产品PE-100', spec: '', unit: '吨' });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ name: '聚乙烯颗粒 HDPE', spec: '25kg/袋', unit: '袋' });

    const before = t.snapshot();
    const stale = await manager.fail('products.update', { id: product.id, version: 0, product: { name: '别的名字' } });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('刚被他人修改过');
    expect(t.snapshot()).toBe(before);

    // nothing changed: no new version, no audit row
    const same = await manager.call('products.update', { id: product.id, version: 1, product: { name: '聚乙烯颗粒 HDPE' } });
    expect(same.version).toBe(1);
    expect(t.snapshot()).toBe(before);
  });

  it('prices change only with a date: a price in the patch is refused', async () => {
    t = await teamCore(template);
    const { manager } = t.team;
    const { product } = await createProduct(manager, 'PE-100');
    const error = await manager.fail('products.update', { id: product.id, version: 0, product: { standardPriceFen: 1 } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^产品资料：包含未知字段：standardPriceFen/);
  });

  it('code changes: unique regardless of case, but a product may change the case of its own code', async () => {
    t = await teamCore(template);
    const { manager } = t.team;
    await createProduct(manager, 'PE-100');
    const { product } = await createProduct(manager, 'PP-200');
    const before = t.snapshot();
    const taken = await manager.fail('products.update', { id: product.id, version: 0, product: { code: 'pe-100' } });
    expect(taken.message).toMatch(/^产品编码：“pe-100”已被产品/);
    expect(taken.issues[0]?.field).toBe('product.code');
    expect(t.snapshot()).toBe(before);
    const renamed = await manager.call('products.update', { id: product.id, version: 0, product: { code: 'pp-200' } });
    expect(renamed.code).toBe('pp-200');
  });

  it('an unknown product is NOT_FOUND', async () => {
    t = await teamCore(template);
    const { manager } = t.team;
    expect((await manager.fail('products.get', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await manager.fail('products.update', { id: 999, version: 0, product: { name: '甲' } })).code).toBe('NOT_FOUND');
    expect((await manager.fail('products.setActive', { id: 999, active: false })).code).toBe('NOT_FOUND');
    const error = await manager.fail('products.setPrice', { productId: 999, effectiveFrom: '2026-01-01', standardPriceFen: 1, costPriceFen: 1 });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('产品 #999 不存在');
  });

  it('deactivating hides a product from the grid (unless asked) and from the picker; audited once per change', async () => {
    t = await teamCore(template);
    const { manager, repA } = t.team;
    const { product } = await createProduct(manager, 'PE-100', { name: '聚乙烯颗粒' });
    await createProduct(manager, 'PE-200', { name: '聚乙烯薄膜' });
    const off = await manager.call('products.setActive', { id: product.id, active: false });
    expect(off).toMatchObject({ active: false, version: 1 });
    await manager.call('products.setActive', { id: product.id, active: false }); // no change, no audit
    expect(auditRows('products.deactivate')).toHaveLength(1);
    expect((await repA.call('products.list', {})).rows.map((p) => p.code)).toEqual(['PE-200']);
    expect((await repA.call('products.list', { includeArchived: true })).rows.map((p) => p.code)).toEqual(['PE-100', 'PE-200']);
    expect((await repA.call('products.lookup', { text: 'PE' })).map((p) => p.code)).toEqual(['PE-200']);
    const on = await manager.call('products.setActive', { id: product.id, active: true });
    expect(on).toMatchObject({ active: true, version: 2 });
    expect(auditRows('products.activate')).toHaveLength(1);
    expect((await repA.call('products.lookup', { text: 'PE' })).map((p) => p.code)).toEqual(['PE-100', 'PE-200']);
  });
});

describe('price history and priceOn', () => {
  it('the version in force on the day before, at and after each effective date; a scheduled change reaches the grid on its day', async () => {
    const c = clock('2026-06-15');
    t = await teamCore(template, { now: c.now });
    const { manager, repA } = t.team;
    const { product } = await createProduct(manager, 'PE-100', { standardPriceFen: 100_000, costPriceFen: 80_000 }, { effectiveFrom: '2026-01-01' });
    // in force at once (today or earlier): the copies follow
    const march = await manager.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-03-01', standardPriceFen: 110_000, costPriceFen: 85_000, note: '原料上涨' });
    expect(march.product).toMatchObject({ standardPriceFen: 110_000, costPriceFen: 85_000, nextPriceFrom: null });
    // scheduled
    const july = await manager.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-07-01', standardPriceFen: 120_000, costPriceFen: 90_000, note: '七月调价' });
    expect(july.product).toMatchObject({
      standardPriceFen: 110_000,
      costPriceFen: 85_000,
      nextPriceFrom: '2026-07-01',
      nextStandardPriceFen: 120_000,
      nextCostPriceFen: 90_000,
    });
    expect(july.prices.map((p) => [p.effectiveFrom, p.standardPriceFen, p.status, p.note])).toEqual([
      ['2026-07-01', 120_000, 'scheduled', '七月调价'],
      ['2026-03-01', 110_000, 'current', '原料上涨'],
      ['2026-01-01', 100_000, 'past', ''],
    ]);

    const db = t.core.database.db;
    const on = (day: string) => priceOn(db, product.id, day);
    expect(on('2025-12-31')).toBeNull();
    expect(on('2026-01-01')).toEqual({ standardPriceFen: 100_000, costPriceFen: 80_000, effectiveFrom: '2026-01-01' });
    expect(on('2026-02-28')).toMatchObject({ standardPriceFen: 100_000 });
    expect(on('2026-03-01')).toMatchObject({ standardPriceFen: 110_000, costPriceFen: 85_000 });
    expect(on('2026-03-02')).toMatchObject({ standardPriceFen: 110_000 });
    expect(on('2026-06-30')).toMatchObject({ standardPriceFen: 110_000 });
    expect(on('2026-07-01')).toEqual({ standardPriceFen: 120_000, costPriceFen: 90_000, effectiveFrom: '2026-07-01' });
    expect(on('2027-12-31')).toMatchObject({ standardPriceFen: 120_000 });
    expect(priceOn(db, 999, '2026-07-01')).toBeNull();

    // the day before the scheduled change: still the March price everywhere
    c.set('2026-06-30');
    expect((await repA.call('products.list', {})).rows[0]).toMatchObject({ standardPriceFen: 110_000, nextPriceFrom: '2026-07-01' });
    // its day: the grid, the detail and the picker show it, and nothing is scheduled any more
    c.set('2026-07-01');
    expect((await repA.call('products.list', {})).rows[0]).toMatchObject({ standardPriceFen: 120_000, costPriceFen: 90_000, nextPriceFrom: null });
    const detail = await repA.call('products.get', { id: product.id });
    expect(detail.product).toMatchObject({ standardPriceFen: 120_000 });
    expect(detail.prices.map((p) => p.status)).toEqual(['current', 'past', 'past']);
    expect((await repA.call('products.lookup', { text: 'PE-100' }))[0]).toMatchObject({ standardPriceFen: 120_000 });
    // sorting and filtering by price use the price in force that day
    const filtered = await repA.call('products.list', { filter: { standardPriceFen: { filterType: 'number', type: 'greaterThanOrEqual', filter: 120_000 } } });
    expect(filtered.total).toBe(1);
    // the copies are the row itself now
    const row = t.core.database.sqlite.prepare('SELECT standard_price_fen AS s, cost_price_fen AS c FROM products WHERE id = ?').get(product.id);
    expect(row).toEqual({ s: 120_000, c: 90_000 });
    // the day after
    c.set('2026-07-02');
    expect((await repA.call('products.list', {})).rows[0]).toMatchObject({ standardPriceFen: 120_000 });
  });

  it('a back-dated price earlier than the one in force is history only; a later one takes over today', async () => {
    const c = clock('2026-06-15');
    t = await teamCore(template, { now: c.now });
    const { finance } = t.team;
    const { product } = await createProduct(finance, 'PE-100', { standardPriceFen: 100_000, costPriceFen: 80_000 }, { effectiveFrom: '2026-01-01' });
    await finance.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-05-01', standardPriceFen: 130_000, costPriceFen: 95_000 });
    const backdated = await finance.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-03-01', standardPriceFen: 110_000, costPriceFen: 85_000, note: '补录三月调价' });
    expect(backdated.product).toMatchObject({ standardPriceFen: 130_000, costPriceFen: 95_000 });
    expect(backdated.prices.map((p) => [p.effectiveFrom, p.status])).toEqual([
      ['2026-05-01', 'current'],
      ['2026-03-01', 'past'],
      ['2026-01-01', 'past'],
    ]);
    expect(priceOn(t.core.database.db, product.id, '2026-04-30')).toMatchObject({ standardPriceFen: 110_000 });
    const today = await finance.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-06-15', standardPriceFen: 125_000, costPriceFen: 90_000 });
    expect(today.product).toMatchObject({ standardPriceFen: 125_000, costPriceFen: 90_000 });
  });

  it('a scheduled price may be corrected on its day (replaced, audited with the old values); a price in force is never rewritten', async () => {
    const c = clock('2026-06-15');
    t = await teamCore(template, { now: c.now });
    const { director } = t.team;
    const { product } = await createProduct(director, 'PE-100', { standardPriceFen: 100_000, costPriceFen: 80_000 }, { effectiveFrom: '2026-01-01' });
    await director.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-07-01', standardPriceFen: 999_999, costPriceFen: 90_000, note: '打错了' });
    const fixed = await director.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-07-01', standardPriceFen: 120_000, costPriceFen: 90_000, note: '七月调价' });
    expect(fixed.prices.map((p) => [p.effectiveFrom, p.standardPriceFen, p.note])).toEqual([
      ['2026-07-01', 120_000, '七月调价'],
      ['2026-01-01', 100_000, ''],
    ]);
    const audit = auditRows('products.setPrice');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ effectiveFrom: '2026-07-01', standardPriceFen: 999_999, note: '打错了' });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ effectiveFrom: '2026-07-01', standardPriceFen: 120_000, scheduled: true, replaced: true });

    const before = t.snapshot();
    for (const day of ['2026-01-01', '2026-06-15']) {
      if (day === '2026-06-15') await director.call('products.setPrice', { productId: product.id, effectiveFrom: day, standardPriceFen: 110_000, costPriceFen: 85_000 });
      const snap = t.snapshot();
      const error = await director.fail('products.setPrice', { productId: product.id, effectiveFrom: day, standardPriceFen: 1, costPriceFen: 1 });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(new RegExp(`^生效日期：${day} 已有生效的价格（标准价 ¥1,[01]00.00），已生效的价格不能改写`));
      expect(error.issues[0]?.field).toBe('effectiveFrom');
      expect(t.snapshot()).toBe(snap);
    }
    expect(t.snapshot()).not.toBe(before); // the one for today was written
  });

  it('every price change has its audit row: the price in force that day before, the new one after', async () => {
    const c = clock('2026-06-15');
    t = await teamCore(template, { now: c.now });
    const { gm } = t.team;
    const { product } = await createProduct(gm, 'PE-100', { standardPriceFen: 100_000, costPriceFen: 80_000 }, { effectiveFrom: '2026-01-01' });
    await gm.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-06-01', standardPriceFen: 105_000, costPriceFen: 81_000, note: '小幅上调' });
    const [row] = auditRows('products.setPrice');
    expect(row).toMatchObject({ entity_id: String(product.id), user_id: gm.id });
    expect(JSON.parse(row!.before_json!)).toEqual({ standardPriceFen: 100_000, costPriceFen: 80_000, effectiveFrom: '2026-01-01' });
    expect(JSON.parse(row!.after_json!)).toMatchObject({ effectiveFrom: '2026-06-01', standardPriceFen: 105_000, costPriceFen: 81_000, note: '小幅上调', scheduled: false, replaced: false });
  });

  it('bad price changes name the field and write nothing', async () => {
    t = await teamCore(template);
    const { manager } = t.team;
    const { product } = await createProduct(manager, 'PE-100');
    const before = t.snapshot();
    const base = { productId: product.id, effectiveFrom: '2099-01-01', standardPriceFen: 1, costPriceFen: 1 };
    const cases: [unknown, RegExp, string][] = [
      [{ ...base, standardPriceFen: -100 }, /^标准价：不能小于 0/, 'standardPriceFen'],
      [{ ...base, costPriceFen: 0.5 }, /^成本价：类型不正确/, 'costPriceFen'],
      [{ ...base, costPriceFen: undefined }, /^成本价：不能为空/, 'costPriceFen'],
      [{ ...base, effectiveFrom: '2099-13-01' }, /^生效日期：/, 'effectiveFrom'],
      [{ ...base, effectiveFrom: '' }, /^生效日期：/, 'effectiveFrom'],
      [{ ...base, productId: 0 }, /^产品：/, 'productId'],
      [{ ...base, note: '说'.repeat(201) }, /^说明：不能超过 200 个字符/, 'note'],
    ];
    for (const [input, message, field] of cases) {
      const error = await manager.fail('products.setPrice', input);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(message);
      expect(error.issues[0]?.field).toBe(field);
    }
    expect(t.snapshot()).toBe(before);
  });
});

describe('who may maintain the price list', () => {
  it('supervisors, reps and assistants read it but may not change it; nothing is written', async () => {
    t = await teamCore(template);
    const { manager, supervisor, repA, assistant } = t.team;
    const { product } = await createProduct(manager, 'PE-100');
    const before = t.snapshot();
    for (const caller of [supervisor, repA, assistant]) {
      for (const [channel, input] of [
        ['products.create', { product: productInput('X1') }],
        ['products.update', { id: product.id, version: 0, product: { name: '改名' } }],
        ['products.setPrice', { productId: product.id, effectiveFrom: '2099-01-01', standardPriceFen: 1, costPriceFen: 1 }],
        ['products.setActive', { id: product.id, active: false }],
      ] as const) {
        const error = await caller.fail(channel, input);
        expect(error.code).toBe('FORBIDDEN');
        expect(error.message).toContain('无权');
      }
      expect((await caller.call('products.list', {})).total).toBe(1);
      expect((await caller.call('products.get', { id: product.id })).prices).toHaveLength(1);
      expect(await caller.call('products.lookup', { text: 'pe' })).toHaveLength(1);
    }
    expect(t.snapshot()).toBe(before);
    expect((await t.caller().fail('products.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('admin, gm, director, manager and finance may', async () => {
    t = await teamCore(template);
    const callers = [t.admin, t.team.gm, t.team.director, t.team.manager, t.team.finance];
    for (const [i, caller] of callers.entries()) {
      const { product } = await createProduct(caller, `P${i}`);
      await caller.call('products.update', { id: product.id, version: 0, product: { spec: '规格' } });
      await caller.call('products.setPrice', { productId: product.id, effectiveFrom: '2099-01-01', standardPriceFen: 1, costPriceFen: 1 });
      await caller.call('products.setActive', { id: product.id, active: false });
    }
    expect(t.count('products')).toBe(5);
    expect(t.count('product_prices')).toBe(10);
  });
});

describe('products.list: the SQL-paged grid', () => {
  async function seed(caller: Caller) {
    const rows: [string, string, string, string, number][] = [
      ['PE-100', '聚乙烯颗粒', 'HDPE 5000S', '塑料原料', 980_000],
      ['PE-200', '聚乙烯薄膜', 'LDPE 0.05mm', '薄膜', 1_200_000],
      ['PP-100', '聚丙烯颗粒', 'T30S', '塑料原料', 860_000],
      ['PVC-1', '聚氯乙烯树脂', 'SG-5 25kg/袋', '塑料原料', 600_000],
      ['BOX-01', '包装纸箱', '50×40×30', '包材', 350],
    ];
    for (const [code, name, spec, productLine, price] of rows) {
      await createProduct(caller, code, { name, spec, productLine, standardPriceFen: price, costPriceFen: Math.round(price * 0.8) });
    }
  }

  it('sorts, filters, searches (code, name, spec) and pages with the total', async () => {
    t = await teamCore(template);
    const { manager, repA } = t.team;
    await seed(manager);
    const codes = async (query: ChannelInput<'products.list'>) => {
      const page = await repA.call('products.list', query);
      return { codes: page.rows.map((p) => p.code), total: page.total };
    };
    expect(await codes({})).toEqual({ codes: ['BOX-01', 'PE-100', 'PE-200', 'PP-100', 'PVC-1'], total: 5 });
    expect(await codes({ sort: [{ colId: 'standardPriceFen', sort: 'desc' }] })).toMatchObject({ codes: ['PE-200', 'PE-100', 'PP-100', 'PVC-1', 'BOX-01'] });
    expect(await codes({ sort: [{ colId: 'productLine', sort: 'asc' }, { colId: 'name', sort: 'desc' }], startRow: 1, endRow: 3 })).toEqual({ codes: ['PVC-1', 'PE-100'], total: 5 });
    expect(await codes({ quickSearch: '聚乙烯' })).toMatchObject({ codes: ['PE-100', 'PE-200'], total: 2 });
    expect(await codes({ quickSearch: 'pp-1' })).toMatchObject({ codes: ['PP-100'] });
    expect(await codes({ quickSearch: '25kg' })).toMatchObject({ codes: ['PVC-1'] });
    expect(await codes({ quickSearch: '颗粒 塑料' })).toMatchObject({ codes: ['PE-100', 'PP-100'] });
    expect(await codes({ quickSearch: '%' })).toMatchObject({ total: 0 });
    expect(await codes({ filter: { productLine: { filterType: 'set', values: ['包材', '薄膜'] } } })).toMatchObject({ codes: ['BOX-01', 'PE-200'] });
    expect(
      await codes({ filter: { standardPriceFen: { filterType: 'number', type: 'inRange', filter: 600_000, filterTo: 980_000 } } }),
    ).toMatchObject({ codes: ['PE-100', 'PP-100', 'PVC-1'] });
    expect(await codes({ filter: { name: { filterType: 'text', type: 'startsWith', filter: '聚丙' } } })).toMatchObject({ codes: ['PP-100'] });
  });

  it('filters and sorts by the next scheduled change', async () => {
    const c = clock('2026-06-15');
    t = await teamCore(template, { now: c.now });
    const { manager, repA } = t.team;
    await seed(manager);
    const list = await repA.call('products.list', {});
    const byCode = new Map(list.rows.map((p) => [p.code, p]));
    await manager.call('products.setPrice', { productId: byCode.get('PP-100')!.id, effectiveFrom: '2026-08-01', standardPriceFen: 900_000, costPriceFen: 700_000 });
    await manager.call('products.setPrice', { productId: byCode.get('PE-200')!.id, effectiveFrom: '2026-07-01', standardPriceFen: 1_250_000, costPriceFen: 1_000_000 });
    const scheduled = await repA.call('products.list', {
      filter: { nextPriceFrom: { filterType: 'date', type: 'notBlank' } },
      sort: [{ colId: 'nextPriceFrom', sort: 'asc' }],
    });
    expect(scheduled.rows.map((p) => [p.code, p.nextPriceFrom, p.nextStandardPriceFen])).toEqual([
      ['PE-200', '2026-07-01', 1_250_000],
      ['PP-100', '2026-08-01', 900_000],
    ]);
    const julyOnly = await repA.call('products.list', { filter: { nextPriceFrom: { filterType: 'date', type: 'lessThan', dateFrom: '2026-07-15' } } });
    expect(julyOnly.rows.map((p) => p.code)).toEqual(['PE-200']);
  });

  it('refuses an unknown column, and a refused read on a new day writes nothing (the price refresh rolls back)', async () => {
    const c = clock('2026-06-15');
    t = await teamCore(template, { now: c.now });
    const { manager, repA } = t.team;
    const { product } = await createProduct(manager, 'PE-100', { standardPriceFen: 100_000, costPriceFen: 80_000 });
    await manager.call('products.setPrice', { productId: product.id, effectiveFrom: '2026-06-16', standardPriceFen: 120_000, costPriceFen: 90_000 });
    c.set('2026-06-16');
    const before = t.snapshot();
    for (const colId of ['password', 'constructor', 'standard_price_fen']) {
      const error = await repA.fail('products.list', { sort: [{ colId, sort: 'asc' }] });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain(colId);
    }
    expect(t.snapshot()).toBe(before);
    expect((await repA.call('products.list', {})).rows[0]?.standardPriceFen).toBe(120_000);
  });
});

describe('products.lookup: the order-entry picker', () => {
  it('exact code first, then code prefix, then names containing the text; active only; case-insensitive codes', async () => {
    t = await teamCore(template);
    const { manager, assistant } = t.team;
    await createProduct(manager, 'PE-10', { name: '聚乙烯颗粒（小包装）' });
    await createProduct(manager, 'PE-100', { name: '聚乙烯颗粒' });
    await createProduct(manager, 'AB-1', { name: 'PE 回收料' });
    await createProduct(manager, 'XY-9', { name: '其他' });
    const codes = async (text: string, limit?: number) => (await assistant.call('products.lookup', { text, limit })).map((p) => p.code);
    expect(await codes('pe-100')).toEqual(['PE-100']);
    expect(await codes('PE-10')).toEqual(['PE-10', 'PE-100']);
    expect(await codes('pe')).toEqual(['PE-10', 'PE-100', 'AB-1']);
    expect(await codes('颗粒')).toEqual(['PE-10', 'PE-100']);
    expect(await codes('')).toEqual(['AB-1', 'PE-10', 'PE-100', 'XY-9']);
    expect(await codes('', 2)).toEqual(['AB-1', 'PE-10']);
    expect(await codes('%')).toEqual([]);
    const tooMany = await assistant.fail('products.lookup', { text: 'PE', limit: 21 });
    expect(tooMany.code).toBe('VALIDATION');
    expect(tooMany.message).toMatch(/^条数：不能大于 20/);
  });

  it('returns at most 20 by default', async () => {
    t = await teamCore(template);
    const { manager, repA } = t.team;
    for (let i = 1; i <= 25; i++) await createProduct(manager, `M-${String(i).padStart(2, '0')}`);
    const found = await repA.call('products.lookup', { text: 'm-' });
    expect(found).toHaveLength(20);
    expect(found[0]?.code).toBe('M-01');
  });
});
