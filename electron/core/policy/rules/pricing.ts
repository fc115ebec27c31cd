// §4 Q-PRICE: discounts below the standard price within each role's authority; beyond it the
// quote goes to the next role able to grant it.
import { z } from 'zod';
import type { Role } from '../../../../shared/domain';
import type { KindDef } from '../kind';
import { defineRule, finding, role } from '../rule';

export interface PricedLine {
  /** Standard list price and the quoted unit price, in fen. */
  standardPriceFen: number;
  unitPriceFen: number;
}

export interface PriceRequest {
  lines: PricedLine[];
  /** The role of the person granting the price (the applicant). */
  role: Role;
}

/** The chain of authority, lowest first; gm is unlimited. */
const CHAIN = ['rep', 'supervisor', 'manager', 'director', 'gm'] as const;

/** Discount as a fraction of the standard price, rounded to basis points (0.0801 → 8.01 %). */
export function discountOf(line: PricedLine): number {
  if (line.standardPriceFen <= 0 || line.unitPriceFen >= line.standardPriceFen) return 0;
  return Math.round(((line.standardPriceFen - line.unitPriceFen) / line.standardPriceFen) * 10_000) / 10_000;
}

export const quotePrice = defineRule({
  id: 'Q-PRICE',
  name: { zh: '报价权限', en: 'Price authority' },
  description: {
    zh: '低于标准价即为折扣。各角色可自行给出的折扣：客户经理 0%，主管 3%，经理 8%，总监 15%，总经理不限；超出权限须由能批准的上一级审批。',
    en: 'A price below the standard price is a discount. Discount each role may grant: rep 0 %, supervisor 3 %, manager 8 %, director 15 %, gm unlimited; beyond it the next role able to grant it approves.',
  },
  params: z
    .object({
      rep: z.number().min(0).max(1).default(0),
      supervisor: z.number().min(0).max(1).default(0.03),
      manager: z.number().min(0).max(1).default(0.08),
      director: z.number().min(0).max(1).default(0.15),
    })
    .default({ rep: 0, supervisor: 0.03, manager: 0.08, director: 0.15 }),
  evaluate(request: PriceRequest, _ctx, params) {
    const maxDiscount = Math.max(0, ...request.lines.map(discountOf));
    const authority = (r: Role): number => (r === 'gm' ? 1 : r in params ? params[r as keyof typeof params] : 0);
    const computed = { maxDiscount };
    if (maxDiscount <= authority(request.role)) return { findings: [], computed };
    const approver = CHAIN.find((r) => authority(r) >= maxDiscount) ?? 'gm';
    return {
      findings: [
        finding(
          'Q-PRICE',
          'approval',
          {
            zh: `折扣 ${(maxDiscount * 100).toFixed(2)}% 超出您的权限（${(authority(request.role) * 100).toFixed(0)}%），须${approverZh[approver]}审批`,
            en: `A discount of ${(maxDiscount * 100).toFixed(2)} % exceeds your authority (${(authority(request.role) * 100).toFixed(0)} %); the ${approver} must approve`,
          },
          { maxDiscount, approver },
          [role(approver)],
        ),
      ],
      computed,
    };
  },
});

const approverZh: Record<(typeof CHAIN)[number], string> = {
  rep: '客户经理',
  supervisor: '销售主管',
  manager: '销售经理',
  director: '销售总监',
  gm: '总经理',
};

export const rules = {
  'Q-PRICE': quotePrice,
} as const;

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [];
