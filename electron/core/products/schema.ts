import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../users/schema';

/** Products and the standard price list (DOMAIN §4 Q-PRICE: the reference price). */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    spec: text('spec').notNull().default(''),
    /** 吨, 件, 箱 … */
    unit: text('unit').notNull().default('吨'),
    productLine: text('product_line').notNull().default(''),
    /** The prices in force today (a copy of the newest effective row of product_prices, for fast grids). */
    standardPriceFen: integer('standard_price_fen').notNull().default(0),
    costPriceFen: integer('cost_price_fen').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('products_code_unique').on(t.code), index('products_name_idx').on(t.name)],
);

/** Price history: each row is in force from `effective_from` until the next one. */
export const productPrices = sqliteTable(
  'product_prices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    effectiveFrom: text('effective_from').notNull(),
    standardPriceFen: integer('standard_price_fen').notNull(),
    costPriceFen: integer('cost_price_fen').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('product_prices_product_day_unique').on(t.productId, t.effectiveFrom)],
);
