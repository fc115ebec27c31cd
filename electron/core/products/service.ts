// Products and the price list (DOMAIN §4 Q-PRICE): the SQL-paged grid, the order-entry picker,
// create / update / activate, dated price changes with their history, and priceOn() — the price in
// force on a day — for the orders module.
//
// products.standard_price_fen / cost_price_fen are copies of the price in force *today*, for fast
// grids and sorting. A price change effective today or earlier updates them at once; a scheduled
// one reaches them on its day: every read first brings the copies up to date for the current day
// (once per day and connection, see withPricesInForce). The price history in product_prices is
// the truth; anything that needs the price of a given day (orders) asks priceOn().
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { GridQuery } from '../../../shared/grid';
import { formatYuan } from '../../../shared/money';
import {
  PRODUCT_DEFAULTS,
  PRODUCT_FIELD_LABELS,
  type Product,
  type ProductCreateInput,
  type ProductDetail,
  type ProductField,
  type ProductPatch,
  type ProductPrice,
} from '../../../shared/products';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import { filterSql, likeEscape, orderSql, quickSearchSql, type ColumnMap } from '../api/gridSql';
import type { Db, Tx } from '../db/connection';
import { users } from '../users/schema';
import { productPrices, products } from './schema';

type ProductRow = typeof products.$inferSelect;
type PriceRow = typeof productPrices.$inferSelect;

const EFFECTIVE_FROM_LABEL = { zh: '生效日期', en: 'Effective from' };

// —— prices in force ——

export interface PriceOnDay {
  standardPriceFen: number;
  costPriceFen: number;
  /** The day the price version in force began. */
  effectiveFrom: string;
}

/**
 * The standard and cost price of a product in force on `day` (YYYY-MM-DD): the price-history row
 * with the latest effective date on or before that day. Null when the product had no price yet
 * (or does not exist). For the orders module: the Q-PRICE reference and the cost of an order line.
 */
export function priceOn(db: Db | Tx, productId: number, day: string): PriceOnDay | null {
  const row = db
    .select({
      standardPriceFen: productPrices.standardPriceFen,
      costPriceFen: productPrices.costPriceFen,
      effectiveFrom: productPrices.effectiveFrom,
    })
    .from(productPrices)
    .where(and(eq(productPrices.productId, productId), sql`${productPrices.effectiveFrom} <= ${day}`))
    .orderBy(desc(productPrices.effectiveFrom))
    .limit(1)
    .get();
  return row ?? null;
}

/** The price row in force on `today` for the product of the outer query (correlated subquery). */
function inForceSql(column: 'standard_price_fen' | 'cost_price_fen', today: string): SQL {
  return sql`(SELECT pp.${sql.identifier(column)} FROM product_prices pp
    WHERE pp.product_id = "products"."id" AND pp.effective_from <= ${today}
    ORDER BY pp.effective_from DESC LIMIT 1)`;
}

/**
 * Brings every product's copied prices up to the version in force on `today` (scheduled changes
 * whose day has come). Touches only rows that differ; writes no audit row, because the change was
 * audited when it was entered. Plain SQL with correlated subqueries (portable, not SQLite-only).
 */
export function syncPricesInForce(db: Db | Tx, today: string): void {
  const standard = inForceSql('standard_price_fen', today);
  const cost = inForceSql('cost_price_fen', today);
  db.run(sql`UPDATE products SET standard_price_fen = ${standard}, cost_price_fen = ${cost}
    WHERE EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = products.id AND pp.effective_from <= ${today})
      AND (standard_price_fen IS NOT ${standard} OR cost_price_fen IS NOT ${cost})`);
}

/** The day up to which each connection's copies are known to be current. */
const syncedDay = new WeakMap<Db, string>();

/**
 * Runs a read in one transaction after bringing the copied prices up to `today` (once per day per
 * connection). If the read fails, the transaction rolls the refresh back with it: a refused call
 * writes nothing.
 */
function withPricesInForce<T>(db: Db, today: string, read: (tx: Tx) => T): T {
  const fresh = syncedDay.get(db) === today;
  const result = db.transaction((tx) => {
    if (!fresh) syncPricesInForce(tx, today);
    return read(tx);
  });
  if (!fresh) syncedDay.set(db, today);
  return result;
}

/** Re-copies one product's price in force today after a change of its history. */
function refreshCopies(tx: Tx, productId: number, today: string, at: Date): void {
  const current = priceOn(tx, productId, today);
  const row = tx.select().from(products).where(eq(products.id, productId)).get();
  if (!row) return;
  const standardPriceFen = current?.standardPriceFen ?? 0;
  const costPriceFen = current?.costPriceFen ?? 0;
  if (row.standardPriceFen === standardPriceFen && row.costPriceFen === costPriceFen) return;
  tx.update(products).set({ standardPriceFen, costPriceFen, updatedAt: at.toISOString() }).where(eq(products.id, productId)).run();
}

// —— reading ——

/**
 * The next scheduled change's column (correlated subquery, null when none). Written with explicit
 * table names: drizzle leaves columns unqualified in single-table selects, which inside a subquery
 * would bind to product_prices instead of the outer products row.
 */
function nextSql<T>(column: 'effective_from' | 'standard_price_fen' | 'cost_price_fen', today: string): SQL<T | null> {
  return sql<T | null>`(SELECT pp.${sql.identifier(column)} FROM product_prices pp
    WHERE pp.product_id = "products"."id" AND pp.effective_from > ${today}
    ORDER BY pp.effective_from LIMIT 1)`;
}

function selection(today: string) {
  return {
    id: products.id,
    code: products.code,
    name: products.name,
    spec: products.spec,
    unit: products.unit,
    productLine: products.productLine,
    standardPriceFen: products.standardPriceFen,
    costPriceFen: products.costPriceFen,
    active: products.active,
    version: products.version,
    createdAt: products.createdAt,
    updatedAt: products.updatedAt,
    nextPriceFrom: nextSql<string>('effective_from', today),
    nextStandardPriceFen: nextSql<number>('standard_price_fen', today),
    nextCostPriceFen: nextSql<number>('cost_price_fen', today),
  };
}

/** Sortable / filterable columns of the grid (the whitelist for gridSql). */
function queryColumns(today: string): ColumnMap {
  const next = selection(today);
  return {
    code: products.code,
    name: products.name,
    spec: products.spec,
    unit: products.unit,
    productLine: products.productLine,
    standardPriceFen: products.standardPriceFen,
    costPriceFen: products.costPriceFen,
    active: products.active,
    nextPriceFrom: next.nextPriceFrom,
    nextStandardPriceFen: next.nextStandardPriceFen,
    nextCostPriceFen: next.nextCostPriceFen,
    createdAt: products.createdAt,
    updatedAt: products.updatedAt,
  };
}

const TIMESTAMP_COLUMNS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt']);
const QUICK_SEARCH_COLUMNS = [products.code, products.name, products.spec, products.productLine];

function toProduct(row: Record<string, unknown>): Product {
  const optionalInt = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    ...(row as Omit<Product, 'nextPriceFrom' | 'nextStandardPriceFen' | 'nextCostPriceFen'>),
    nextPriceFrom: (row.nextPriceFrom as string | null) ?? null,
    nextStandardPriceFen: optionalInt(row.nextStandardPriceFen),
    nextCostPriceFen: optionalInt(row.nextCostPriceFen),
  };
}

export function listProducts(db: Db, query: GridQuery, today: string): { rows: Product[]; total: number } {
  return withPricesInForce(db, today, (tx) => {
    const columns = queryColumns(today);
    const where = and(
      query.includeArchived ? undefined : eq(products.active, true),
      filterSql(columns, query.filter, TIMESTAMP_COLUMNS),
      quickSearchSql(QUICK_SEARCH_COLUMNS, query.quickSearch),
    );
    const order = orderSql(columns, query.sort.length ? query.sort : [{ colId: 'code', sort: 'asc' }], products.id);
    const rows = tx
      .select(selection(today))
      .from(products)
      .where(where)
      .orderBy(...order)
      .limit(query.endRow - query.startRow)
      .offset(query.startRow)
      .all();
    const total = tx.select({ n: count() }).from(products).where(where).get()?.n ?? 0;
    return { rows: rows.map(toProduct), total };
  });
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `产品 #${id} 不存在`, `Product #${id} does not exist`);
}

function productById(tx: Db | Tx, id: number, today: string): Product {
  const row = tx.select(selection(today)).from(products).where(eq(products.id, id)).get();
  if (!row) throw notFound(id);
  return toProduct(row);
}

const creator = users;

/** The price history, newest effective date first (so scheduled changes lead). */
function priceHistory(tx: Db | Tx, productId: number, today: string): ProductPrice[] {
  const rows = tx
    .select({
      id: productPrices.id,
      productId: productPrices.productId,
      effectiveFrom: productPrices.effectiveFrom,
      standardPriceFen: productPrices.standardPriceFen,
      costPriceFen: productPrices.costPriceFen,
      note: productPrices.note,
      createdBy: productPrices.createdBy,
      createdByName: creator.displayName,
      createdAt: productPrices.createdAt,
    })
    .from(productPrices)
    .innerJoin(creator, eq(productPrices.createdBy, creator.id))
    .where(eq(productPrices.productId, productId))
    .orderBy(desc(productPrices.effectiveFrom))
    .all();
  const current = rows.find((row) => row.effectiveFrom <= today);
  return rows.map((row) => ({
    ...row,
    status: row.effectiveFrom > today ? 'scheduled' : row === current ? 'current' : 'past',
  }));
}

function detail(tx: Db | Tx, id: number, today: string): ProductDetail {
  return { product: productById(tx, id, today), prices: priceHistory(tx, id, today) };
}

export function getProduct(db: Db, id: number, today: string): ProductDetail {
  return withPricesInForce(db, today, (tx) => detail(tx, id, today));
}

/**
 * Order-entry picker: active products whose code starts with the text or whose name contains it;
 * an exact code first, then other code matches, then name matches, each by code.
 */
export function lookupProducts(db: Db, text: string, limit: number, today: string): Product[] {
  return withPricesInForce(db, today, (tx) => {
    const term = likeEscape(text.trim());
    const codePrefix = sql`${products.code} LIKE ${`${term}%`} ESCAPE '\\'`;
    const match = term ? sql`(${codePrefix} OR ${products.name} LIKE ${`%${term}%`} ESCAPE '\\')` : undefined;
    // (A constant in ORDER BY would be read as a column number: no rank without a term.)
    const rank = term ? [asc(sql`CASE WHEN ${products.code} = ${text.trim()} COLLATE NOCASE THEN 0 WHEN ${codePrefix} THEN 1 ELSE 2 END`)] : [];
    return tx
      .select(selection(today))
      .from(products)
      .where(and(eq(products.active, true), match))
      .orderBy(...rank, asc(products.code), asc(products.id))
      .limit(limit)
      .all()
      .map(toProduct);
  });
}

// —— writes ——

/** Product codes are unique regardless of case: "pe-100" and "PE-100" are the same product. */
function assertCodeFree(tx: Tx, code: string, exceptId?: number): void {
  const existing = tx
    .select({ id: products.id, code: products.code, name: products.name })
    .from(products)
    .where(sql`${products.code} = ${code} COLLATE NOCASE`)
    .get();
  if (existing && existing.id !== exceptId) {
    throw AppError.field('product.code', PRODUCT_FIELD_LABELS.code!, {
      zh: `“${code}”已被产品“${existing.name}”（${existing.code}）使用`,
      en: `"${code}" is already used by product "${existing.name}" (${existing.code})`,
    });
  }
}

function loadRow(tx: Tx, id: number): ProductRow {
  const row = tx.select().from(products).where(eq(products.id, id)).get();
  if (!row) throw notFound(id);
  return row;
}

const priceSummary = (row: Pick<PriceRow, 'effectiveFrom' | 'standardPriceFen' | 'costPriceFen' | 'note'>) => ({
  effectiveFrom: row.effectiveFrom,
  standardPriceFen: row.standardPriceFen,
  costPriceFen: row.costPriceFen,
  note: row.note,
});

export function createProduct(
  db: Db,
  actor: Actor,
  input: ProductCreateInput & { code: string; name: string },
  effectiveFrom: string | undefined,
  note: string,
  at: Date,
): ProductDetail {
  const today = localDate(at);
  const from = effectiveFrom ?? today;
  if (from > today) {
    throw AppError.field('effectiveFrom', EFFECTIVE_FROM_LABEL, {
      zh: `新产品的首个价格须在今天（${today}）或更早生效；以后的调价请在建档后用“调价”录入`,
      en: `a new product's first price must be in force today (${today}) or earlier; enter later changes with "change price" after creating it`,
    });
  }
  return db.transaction((tx) => {
    const fields = { ...PRODUCT_DEFAULTS, ...input };
    assertCodeFree(tx, fields.code);
    const stamp = at.toISOString();
    const row = tx
      .insert(products)
      .values({
        code: fields.code,
        name: fields.name,
        spec: fields.spec,
        unit: fields.unit,
        productLine: fields.productLine,
        standardPriceFen: fields.standardPriceFen,
        costPriceFen: fields.costPriceFen,
        active: true,
        version: 0,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning()
      .get();
    const price = tx
      .insert(productPrices)
      .values({ productId: row.id, effectiveFrom: from, standardPriceFen: fields.standardPriceFen, costPriceFen: fields.costPriceFen, note, createdBy: actor.id, createdAt: stamp })
      .returning()
      .get();
    recordAudit(tx, { userId: actor.id, action: 'products.create', entity: 'products', entityId: row.id, after: { ...row, price: priceSummary(price) }, at });
    return detail(tx, row.id, today);
  });
}

function staleError(): AppError {
  return new AppError('CONFLICT', '此产品刚被他人修改过，请刷新后再改', 'Someone else changed this product just now; refresh and try again');
}

export function updateProduct(db: Db, actor: Actor, id: number, version: number, patch: ProductPatch, at: Date): Product {
  const today = localDate(at);
  return db.transaction((tx) => {
    const current = loadRow(tx, id);
    if (current.version !== version) throw staleError();
    const changes = (Object.entries(patch) as [ProductField, string | undefined][]).filter(
      ([key, value]) => value !== undefined && current[key] !== value,
    );
    if (patch.code !== undefined && patch.code !== current.code) assertCodeFree(tx, patch.code, id);
    if (changes.length) {
      const after = Object.fromEntries(changes);
      tx.update(products)
        .set({ ...after, version: sql`${products.version} + 1`, updatedAt: at.toISOString() })
        .where(eq(products.id, id))
        .run();
      recordAudit(tx, {
        userId: actor.id,
        action: 'products.update',
        entity: 'products',
        entityId: id,
        before: Object.fromEntries(changes.map(([key]) => [key, current[key]])),
        after,
        at,
      });
    }
    return productById(tx, id, today);
  });
}

export interface PriceChange {
  productId: number;
  effectiveFrom: string;
  standardPriceFen: number;
  costPriceFen: number;
  note: string;
}

/**
 * A new price version from `effectiveFrom`. Today or earlier: in force at once (the copies follow).
 * Later: scheduled. A scheduled change on the same day is replaced (correcting a planned price);
 * a version already in force is never rewritten — history stays as it was.
 */
export function setPrice(db: Db, actor: Actor, change: PriceChange, at: Date): ProductDetail {
  const today = localDate(at);
  return db.transaction((tx) => {
    loadRow(tx, change.productId);
    const stamp = at.toISOString();
    const sameDay = tx
      .select()
      .from(productPrices)
      .where(and(eq(productPrices.productId, change.productId), eq(productPrices.effectiveFrom, change.effectiveFrom)))
      .get();
    if (sameDay && sameDay.effectiveFrom <= today) {
      throw AppError.field('effectiveFrom', EFFECTIVE_FROM_LABEL, {
        zh: `${change.effectiveFrom} 已有生效的价格（标准价 ${formatYuan(sameDay.standardPriceFen)}），已生效的价格不能改写；请另选生效日期`,
        en: `a price is already in force from ${change.effectiveFrom} (standard ${formatYuan(sameDay.standardPriceFen)}); prices in force are never rewritten, choose another date`,
      });
    }
    const before = sameDay ? priceSummary(sameDay) : priceOn(tx, change.productId, change.effectiveFrom);
    const values = {
      standardPriceFen: change.standardPriceFen,
      costPriceFen: change.costPriceFen,
      note: change.note,
      createdBy: actor.id,
      createdAt: stamp,
    };
    const row = sameDay
      ? tx.update(productPrices).set(values).where(eq(productPrices.id, sameDay.id)).returning().get()
      : tx.insert(productPrices).values({ productId: change.productId, effectiveFrom: change.effectiveFrom, ...values }).returning().get();
    if (change.effectiveFrom <= today) refreshCopies(tx, change.productId, today, at);
    recordAudit(tx, {
      userId: actor.id,
      action: 'products.setPrice',
      entity: 'products',
      entityId: change.productId,
      before: before ?? null,
      after: { ...priceSummary(row), priceId: row.id, scheduled: row.effectiveFrom > today, replaced: Boolean(sameDay) },
      at,
    });
    return detail(tx, change.productId, today);
  });
}

export function setActive(db: Db, actor: Actor, id: number, active: boolean, at: Date): Product {
  const today = localDate(at);
  return db.transaction((tx) => {
    const current = loadRow(tx, id);
    if (current.active !== active) {
      tx.update(products)
        .set({ active, version: sql`${products.version} + 1`, updatedAt: at.toISOString() })
        .where(eq(products.id, id))
        .run();
      recordAudit(tx, {
        userId: actor.id,
        action: active ? 'products.activate' : 'products.deactivate',
        entity: 'products',
        entityId: id,
        before: { active: current.active },
        after: { active },
        at,
      });
    }
    return productById(tx, id, today);
  });
}
