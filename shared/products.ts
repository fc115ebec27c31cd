// Products and the standard price list (../shared/DOMAIN.md §4 Q-PRICE: the reference every discount
// is measured against). Field metadata and the zod schemas the form, the grid and the core all use.
// Prices are integer fen; each price has an effective date and the history is kept.
import { z } from 'zod';
import type { Label, Role } from './domain';
import { fen, id, isoDate, matching, requiredText, text } from './validation';

/**
 * Who may add, edit, deactivate and reprice products. The price list is the Q-PRICE reference, so
 * whoever moves it moves every discount: only roles whose own discount authority is already large
 * (manager 8 %, director 15 %, gm unlimited), finance (cost prices, margins, the ledger) and the
 * administrator (master data, like the other settings). Supervisors (3 %), reps (0 %) and assistants
 * (no approvals) read the list only.
 */
export const PRICE_LIST_ROLES = ['admin', 'gm', 'director', 'manager', 'finance'] as const satisfies readonly Role[];

/** Units offered in the form; any short unit may be typed. */
export const PRODUCT_UNITS = ['吨', '千克', '件', '箱', '袋', '桶', '卷', '米', '平方米', '个', '套'] as const;

export const productCode = matching(
  z.string().trim().min(1).max(32),
  /^[A-Za-z0-9][A-Za-z0-9._/-]*$/,
  '只能包含字母、数字和 . _ / -，且以字母或数字开头',
  'may contain only letters, digits and . _ / -, starting with a letter or digit',
);

/** The descriptive fields of a product (prices change only through a dated price change). */
export const productFieldsSchema = z.object({
  code: productCode,
  name: requiredText(100),
  spec: text(100),
  unit: requiredText(8),
  productLine: text(40),
});
export type ProductFields = z.output<typeof productFieldsSchema>;
export type ProductField = keyof ProductFields;

export const PRODUCT_DEFAULTS = { spec: '', unit: '吨', productLine: '' } as const satisfies Partial<ProductFields>;

/** A new product: its fields and its first prices (standard and cost are both required). */
export const productCreateSchema = productFieldsSchema
  .partial()
  .required({ code: true, name: true })
  .extend({ standardPriceFen: fen, costPriceFen: fen })
  .strict();
export type ProductCreateInput = z.input<typeof productCreateSchema>;

export const productPatchSchema = productFieldsSchema.partial().strict();
export type ProductPatch = z.output<typeof productPatchSchema>;

/** A price change: in force from `effectiveFrom` until the next one (a later date schedules it). */
export const priceChangeSchema = z
  .object({
    productId: id,
    effectiveFrom: isoDate,
    standardPriceFen: fen,
    costPriceFen: fen,
    note: text(200).default(''),
  })
  .strict();
export type PriceChangeInput = z.input<typeof priceChangeSchema>;

/** A product as the API returns it: the prices are the ones in force today. */
export const productSchema = productFieldsSchema.extend({
  id,
  standardPriceFen: fen,
  costPriceFen: fen,
  active: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The next scheduled price change, if any. */
  nextPriceFrom: z.string().nullable(),
  nextStandardPriceFen: fen.nullable(),
  nextCostPriceFen: fen.nullable(),
});
export type Product = z.output<typeof productSchema>;

export const PRICE_STATUSES = ['past', 'current', 'scheduled'] as const;
export type PriceStatus = (typeof PRICE_STATUSES)[number];

/** One row of a product's price history. */
export const productPriceSchema = z.object({
  id,
  productId: id,
  effectiveFrom: z.string(),
  standardPriceFen: fen,
  costPriceFen: fen,
  note: z.string(),
  createdBy: id,
  createdByName: z.string(),
  createdAt: z.string(),
  /** Relative to today: superseded, in force, or not yet in force. */
  status: z.enum(PRICE_STATUSES),
});
export type ProductPrice = z.output<typeof productPriceSchema>;

export const productDetailSchema = z.object({ product: productSchema, prices: z.array(productPriceSchema) });
export type ProductDetail = z.output<typeof productDetailSchema>;

/** Fast picker for order entry: code prefix or name contains, active products only. */
export const PRODUCT_LOOKUP_MAX = 20;
export const productLookupSchema = z
  .object({ text: text(50).default(''), limit: z.int().min(1).max(PRODUCT_LOOKUP_MAX).default(PRODUCT_LOOKUP_MAX) })
  .strict();

export type ProductFieldKind = 'text' | 'money' | 'date' | 'bool' | 'timestamp';

export interface ProductColumnMeta {
  key: keyof Product;
  label: Label;
  kind: ProductFieldKind;
  defaultVisible: boolean;
  /** Editable in a grid cell (code opens the drawer; prices change only with a date). */
  cellEditable: boolean;
}

const c = (key: keyof Product, zh: string, en: string, kind: ProductFieldKind, defaultVisible: boolean, cellEditable = false): ProductColumnMeta => ({
  key,
  label: { zh, en },
  kind,
  defaultVisible,
  cellEditable,
});

/** The grid's columns in order (also the labels of the fields). */
export const PRODUCT_COLUMNS: readonly ProductColumnMeta[] = [
  c('code', '产品编码', 'Product code', 'text', true),
  c('name', '产品名称', 'Product name', 'text', true, true),
  c('spec', '规格型号', 'Specification', 'text', true, true),
  c('unit', '单位', 'Unit', 'text', true, true),
  c('productLine', '产品线', 'Product line', 'text', true, true),
  c('standardPriceFen', '标准价', 'Standard price', 'money', true),
  c('costPriceFen', '成本价', 'Cost price', 'money', true),
  c('nextPriceFrom', '下次调价日', 'Next price from', 'date', true),
  c('nextStandardPriceFen', '调后标准价', 'Next standard price', 'money', false),
  c('nextCostPriceFen', '调后成本价', 'Next cost price', 'money', false),
  c('active', '状态', 'Status', 'bool', false),
  c('updatedAt', '更新时间', 'Updated', 'timestamp', false),
];

export const PRODUCT_FIELD_LABELS: Readonly<Record<string, Label>> = Object.fromEntries(PRODUCT_COLUMNS.map((meta) => [meta.key, meta.label]));

export const ACTIVE_LABELS: Record<'true' | 'false', Label> = {
  true: { zh: '在售', en: 'Active' },
  false: { zh: '停用', en: 'Inactive' },
};

export const PRICE_STATUS_LABELS: Record<PriceStatus, Label> = {
  past: { zh: '已失效', en: 'Superseded' },
  current: { zh: '现行', en: 'In force' },
  scheduled: { zh: '待生效', en: 'Scheduled' },
};

/**
 * Labels of the products channels' input paths for validation errors. Qualified by path where a
 * bare key would take another module's label ("name" is the customer's name elsewhere).
 */
export const PRODUCT_INPUT_LABELS: Readonly<Record<string, Label>> = {
  ...Object.fromEntries(
    (['code', 'name', 'spec', 'unit', 'productLine', 'standardPriceFen', 'costPriceFen'] as const).map((key) => [`product.${key}`, PRODUCT_FIELD_LABELS[key]!]),
  ),
  product: { zh: '产品资料', en: 'Product' },
  productId: { zh: '产品', en: 'Product' },
  standardPriceFen: PRODUCT_FIELD_LABELS.standardPriceFen!,
  costPriceFen: PRODUCT_FIELD_LABELS.costPriceFen!,
  text: { zh: '查找内容', en: 'Search text' },
  limit: { zh: '条数', en: 'Limit' },
};
