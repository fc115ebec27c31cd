// The demo's product catalogue: what a chemical trading and blending company near Suzhou sells —
// water treatment, surfactants, solvents, resins, plastic additives, industrial cleaners, adhesives
// and basic chemicals — with codes, specifications, units (吨/桶/箱/件), product lines and prices in
// yuan per unit, and which product lines each customer industry buys. Plain data, no randomness.

export interface CatalogueProduct {
  code: string;
  name: string;
  spec: string;
  unit: '吨' | '桶' | '箱' | '件';
  productLine: ProductLine;
  /** Standard (list) price and cost price per unit when the demo's history begins, yuan. */
  priceYuan: number;
  costYuan: number;
  /** Packaging written on orders of this product. */
  packaging: string;
  /** Goes by hazardous-goods carrier (危化品). */
  hazardous: boolean;
}

export const PRODUCT_LINES = ['水处理剂', '表面活性剂', '溶剂', '涂料树脂', '塑料助剂', '工业清洗剂', '胶粘剂', '基础化工'] as const;
export type ProductLine = (typeof PRODUCT_LINES)[number];

const p = (
  code: string,
  name: string,
  spec: string,
  unit: CatalogueProduct['unit'],
  productLine: ProductLine,
  priceYuan: number,
  costYuan: number,
  packaging: string,
  hazardous = false,
): CatalogueProduct => ({ code, name, spec, unit, productLine, priceYuan, costYuan, packaging, hazardous });

export const CATALOGUE: readonly CatalogueProduct[] = [
  p('PAC-28', '聚合氯化铝', '滚筒干燥 Al₂O₃≥28%', '吨', '水处理剂', 2_300, 1_760, '25kg 编织袋'),
  p('PAC-30', '聚合氯化铝', '喷雾干燥 Al₂O₃≥30%', '吨', '水处理剂', 2_900, 2_200, '25kg 编织袋'),
  p('PAM-C80', '阳离子聚丙烯酰胺', '离子度 80% 分子量 1200万', '吨', '水处理剂', 16_500, 12_600, '25kg 纸塑复合袋'),
  p('PAM-A20', '阴离子聚丙烯酰胺', '分子量 2000万', '吨', '水处理剂', 9_800, 7_400, '25kg 纸塑复合袋'),
  p('PFS-11', '聚合硫酸铁', '液体 全铁≥11%', '吨', '水处理剂', 900, 640, '槽车散装'),
  p('NACLO-10', '次氯酸钠溶液', '有效氯≥10%', '吨', '水处理剂', 850, 600, '1000L 吨桶', true),
  p('TCCA-90', '三氯异氰尿酸', '有效氯≥90% 片剂 50kg/桶', '桶', '水处理剂', 780, 590, '50kg 纸板桶', true),
  p('AEO-9', '脂肪醇聚氧乙烯醚', 'AEO-9 200kg/桶', '桶', '表面活性剂', 2_300, 1_820, '200kg 铁桶'),
  p('LAS-96', '十二烷基苯磺酸', '含量≥96%', '吨', '表面活性剂', 10_200, 8_300, '220kg 塑料桶', true),
  p('SLES-70', '脂肪醇聚氧乙烯醚硫酸钠', '含量 70% 170kg/桶', '桶', '表面活性剂', 1_750, 1_380, '170kg 塑料桶'),
  p('CAB-35', '椰油酰胺丙基甜菜碱', '固含量 35% 200kg/桶', '桶', '表面活性剂', 2_100, 1_600, '200kg 塑料桶'),
  p('EA-995', '乙酸乙酯', '≥99.5% 180kg/桶', '桶', '溶剂', 1_350, 1_120, '180kg 镀锌铁桶', true),
  p('BA-995', '乙酸丁酯', '≥99.5% 180kg/桶', '桶', '溶剂', 1_780, 1_450, '180kg 镀锌铁桶', true),
  p('ACE-995', '丙酮', '≥99.5% 160kg/桶', '桶', '溶剂', 1_150, 920, '160kg 镀锌铁桶', true),
  p('XYL-MIX', '混合二甲苯', '工业级', '吨', '溶剂', 7_200, 6_300, '槽车散装', true),
  p('IPA-999', '异丙醇', '≥99.9% 160kg/桶', '桶', '溶剂', 1_650, 1_320, '160kg 镀锌铁桶', true),
  p('EP-E51', '环氧树脂', 'E-51 双酚A型 220kg/桶', '桶', '涂料树脂', 4_400, 3_500, '220kg 铁桶'),
  p('EP-E44', '环氧树脂', 'E-44 双酚A型 220kg/桶', '桶', '涂料树脂', 4_100, 3_250, '220kg 铁桶'),
  p('AC-2120', '水性丙烯酸乳液', '固含量 48% 50kg/桶', '桶', '涂料树脂', 560, 420, '50kg 塑料桶'),
  p('PU-H75', '聚氨酯固化剂', 'HDI 三聚体 75% 20kg/桶', '桶', '涂料树脂', 1_280, 960, '20kg 铁桶', true),
  p('DOTP', '对苯二甲酸二辛酯', '增塑剂 ≥99.5%', '吨', '塑料助剂', 11_800, 9_900, '1000kg IBC 吨桶'),
  p('AO-1010', '抗氧剂 1010', '25kg/箱', '箱', '塑料助剂', 1_650, 1_250, '纸箱内衬塑料袋'),
  p('AO-168', '抗氧剂 168', '25kg/箱', '箱', '塑料助剂', 1_050, 800, '纸箱内衬塑料袋'),
  p('UV-531', '紫外线吸收剂', 'UV-531 20kg/箱', '箱', '塑料助剂', 1_900, 1_450, '纸箱内衬塑料袋'),
  p('CAST-15', '硬脂酸钙', '钙含量 6.5% 20kg/袋', '吨', '塑料助剂', 9_600, 7_800, '20kg 纸塑复合袋'),
  p('CL-200', '中性金属清洗剂', '4×5kg/箱', '箱', '工业清洗剂', 168, 96, '纸箱，4 桶/箱'),
  p('CL-310', '重油污清洗剂', '4×5kg/箱', '箱', '工业清洗剂', 196, 110, '纸箱，4 桶/箱'),
  p('CL-500', '电子元件清洗剂', '12×500mL/件', '件', '工业清洗剂', 228, 132, '纸箱，12 瓶/件'),
  p('RP-40', '防锈剂', '12×450mL/件', '件', '工业清洗剂', 156, 88, '纸箱，12 罐/件'),
  p('DF-01', '有机硅消泡剂', '固含量 30% 25kg/桶', '桶', '工业清洗剂', 620, 450, '25kg 塑料桶'),
  p('AD-901', '环氧结构胶', 'AB 胶 10 组/件', '件', '胶粘剂', 380, 240, '纸箱，10 组/件'),
  p('AD-502', '瞬干胶', '20g×50 支/箱', '箱', '胶粘剂', 260, 150, '纸箱，50 支/箱'),
  p('HM-8', 'EVA 热熔胶粒', '软化点 85℃ 25kg/袋', '吨', '胶粘剂', 13_800, 10_900, '25kg 编织袋'),
  p('NAOH-99', '片碱', '氢氧化钠 ≥99% 25kg/袋', '吨', '基础化工', 3_900, 3_200, '25kg 编织袋', true),
  p('H2SO4-98', '硫酸', '工业级 98%', '吨', '基础化工', 520, 360, '槽车散装', true),
  p('NA2CO3-99', '纯碱', '碳酸钠 ≥99.2% 40kg/袋', '吨', '基础化工', 2_150, 1_800, '40kg 编织袋'),
  p('HCL-31', '盐酸', '工业级 31%', '吨', '基础化工', 260, 160, '槽车散装', true),
];

/** A product the company stopped selling (kept in the list, inactive; never on a demo order). */
export const DISCONTINUED: CatalogueProduct = p('CL-100', '通用清洗剂（旧配方）', '4×5kg/箱', '箱', '工业清洗剂', 150, 92, '纸箱，4 桶/箱');

/** Which product lines a customer of each industry buys (industries of resources/demo/words.json). */
export const LINES_BY_INDUSTRY: Readonly<Record<string, readonly ProductLine[]>> = {
  化工: PRODUCT_LINES,
  电子: ['工业清洗剂', '胶粘剂', '溶剂'],
  机械: ['工业清洗剂', '涂料树脂', '胶粘剂'],
  纺织: ['表面活性剂', '水处理剂', '基础化工'],
  汽配: ['工业清洗剂', '涂料树脂', '胶粘剂'],
  食品: ['水处理剂', '工业清洗剂', '基础化工'],
  建材: ['涂料树脂', '塑料助剂', '胶粘剂'],
  包装: ['胶粘剂', '溶剂', '塑料助剂'],
  五金: ['工业清洗剂', '基础化工', '涂料树脂'],
  塑胶: ['塑料助剂', '溶剂'],
  医药: ['溶剂', '水处理剂', '基础化工'],
  涂料: ['涂料树脂', '溶剂', '塑料助剂'],
  家具: ['涂料树脂', '胶粘剂', '溶剂'],
  环保: ['水处理剂', '基础化工'],
};

/** What the quality department writes for a product line (测试成绩), with numbers filled in by the plan. */
export const INSPECTION_ITEMS: Readonly<Record<ProductLine, readonly { item: string; low: number; high: number; digits: number; unit: string }[]>> = {
  水处理剂: [
    { item: '有效成分', low: 28.2, high: 31.5, digits: 1, unit: '%' },
    { item: '水不溶物', low: 0.1, high: 0.4, digits: 2, unit: '%' },
    { item: 'pH（1%水溶液）', low: 3.5, high: 5.0, digits: 1, unit: '' },
  ],
  表面活性剂: [
    { item: '活性物含量', low: 69.5, high: 71.5, digits: 1, unit: '%' },
    { item: '色泽（Hazen）', low: 10, high: 40, digits: 0, unit: '' },
    { item: 'pH（1%水溶液）', low: 6.5, high: 8.0, digits: 1, unit: '' },
  ],
  溶剂: [
    { item: '纯度（GC）', low: 99.52, high: 99.95, digits: 2, unit: '%' },
    { item: '水分', low: 0.01, high: 0.05, digits: 3, unit: '%' },
    { item: '色度（Pt-Co）', low: 3, high: 10, digits: 0, unit: '' },
  ],
  涂料树脂: [
    { item: '环氧值', low: 0.44, high: 0.54, digits: 3, unit: 'eq/100g' },
    { item: '粘度（25℃）', low: 9_000, high: 14_000, digits: 0, unit: 'mPa·s' },
    { item: '固含量', low: 47.5, high: 99.5, digits: 1, unit: '%' },
  ],
  塑料助剂: [
    { item: '主含量', low: 99.2, high: 99.9, digits: 1, unit: '%' },
    { item: '挥发分', low: 0.05, high: 0.3, digits: 2, unit: '%' },
    { item: '熔点', low: 110, high: 186, digits: 0, unit: '℃' },
  ],
  工业清洗剂: [
    { item: 'pH（原液）', low: 7.0, high: 11.5, digits: 1, unit: '' },
    { item: '清洗率', low: 96, high: 99.5, digits: 1, unit: '%' },
    { item: '泡沫高度', low: 5, high: 40, digits: 0, unit: 'mm' },
  ],
  胶粘剂: [
    { item: '剪切强度', low: 18, high: 26, digits: 1, unit: 'MPa' },
    { item: '固化时间', low: 5, high: 30, digits: 0, unit: 'min' },
    { item: '粘度（25℃）', low: 800, high: 3_000, digits: 0, unit: 'mPa·s' },
  ],
  基础化工: [
    { item: '主含量', low: 98.0, high: 99.6, digits: 1, unit: '%' },
    { item: '铁含量', low: 0.001, high: 0.008, digits: 3, unit: '%' },
    { item: '杂质', low: 0.02, high: 0.2, digits: 2, unit: '%' },
  ],
};
