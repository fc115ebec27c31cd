// §4 Quotation: Q-PRICE (discounts below the standard price within each role's authority; beyond it
// the quote goes to the lowest role able to grant it) and Q-BID (inquiries and tenders).
import { z } from 'zod';
import { ROLE_LABELS, type Role } from '../../../../shared/domain';
import { formatYuan } from '../../../../shared/money';
import type { Finding } from '../../../../shared/policy';
import { bilingual } from '../../../../shared/validation';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
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

/** The roles that may approve a discount, lowest first; gm is unlimited. */
const APPROVERS = ['supervisor', 'manager', 'director', 'gm'] as const;
type Approver = (typeof APPROVERS)[number];

/**
 * Discount in basis points of the standard price (801 = 8.01 %), rounded up: a discount never reads
 * smaller than it is, so 8.001 % is 8.01 % and exceeds an 8 % authority. Exact for any fen amount.
 */
export function discountBp(line: PricedLine): number {
  if (line.standardPriceFen <= 0 || line.unitPriceFen >= line.standardPriceFen) return 0;
  const off = BigInt(line.standardPriceFen - line.unitPriceFen) * 10_000n;
  const std = BigInt(line.standardPriceFen);
  return Number((off + std - 1n) / std);
}

/** Discount as a fraction of the standard price, to a basis point, rounded up (0.0801 → 8.01 %). */
export function discountOf(line: PricedLine): number {
  return discountBp(line) / 10_000;
}

/** 0.08 → "8", 0.025 → "2.5", 0.0801 → "8.01". */
const pct = (fraction: number) => String(Math.round(fraction * 10_000) / 100);

const share = () => z.number().min(0).max(1);
const ORDER = ['rep', 'supervisor', 'manager', 'director'] as const;

export const quotePrice = defineRule({
  id: 'Q-PRICE',
  name: { zh: '报价权限', en: 'Price authority' },
  description: {
    zh: '低于标准价即为折扣。各角色可自行给出的折扣：客户经理 0%，主管 3%，经理 8%，总监 15%，总经理不限；超出权限须由能批准该折扣的最低一级审批。',
    en: 'A price below the standard price is a discount. Discount each role may grant: rep 0 %, supervisor 3 %, manager 8 %, director 15 %, gm unlimited; beyond it the lowest role able to grant it approves.',
  },
  params: z
    .object({ rep: share().default(0), supervisor: share().default(0.03), manager: share().default(0.08), director: share().default(0.15) })
    .superRefine((p, issue) => {
      // A higher role never has less authority than a lower one.
      for (let i = 1; i < ORDER.length; i++) {
        const lower = ORDER[i - 1]!;
        const higher = ORDER[i]!;
        if (p[higher] < p[lower]) {
          issue.addIssue({
            code: 'custom',
            path: [higher],
            ...bilingual(`不能小于${ROLE_LABELS[lower].zh}的权限（${pct(p[lower])}%）`, `cannot be below the ${lower}'s authority (${pct(p[lower])} %)`),
          });
        }
      }
    })
    .default({ rep: 0, supervisor: 0.03, manager: 0.08, director: 0.15 }),
  evaluate(request: PriceRequest, _ctx, params) {
    const bp = Math.max(0, ...request.lines.map(discountBp));
    const maxDiscount = bp / 10_000;
    const discountPct = bp / 100;
    // Authorities in whole basis points, so 0.08 compares as exactly 800.
    const authorityBp = (r: Role): number => (r === 'gm' ? 10_000 : r === 'rep' || r === 'supervisor' || r === 'manager' || r === 'director' ? Math.round(params[r] * 10_000) : 0);
    const computed = { discountPct, maxDiscount };
    const own = authorityBp(request.role);
    if (bp <= own) return { findings: [], computed };
    const approver: Approver = APPROVERS.find((r) => authorityBp(r) >= bp) ?? 'gm';
    const findings: Finding[] = [
      finding(
        'Q-PRICE',
        'approval',
        {
          zh: `折扣 ${discountPct}% 超出${ROLE_LABELS[request.role].zh}的权限（${pct(own / 10_000)}%），须${ROLE_LABELS[approver].zh}审批`,
          en: `A discount of ${discountPct} % exceeds the ${request.role}'s authority (${pct(own / 10_000)} %); the ${approver} must approve`,
        },
        { discountPct, approver },
        [role(approver)],
      ),
    ];
    return { findings, computed };
  },
});

// —— Q-BID 询价/投标 ——

export const bidReview = defineRule({
  id: 'Q-BID',
  name: { zh: '询价/投标', en: 'Inquiry and tender' },
  description: {
    zh: '询价或投标须登记并立即报销售经理，由经理决定是否投标；金额超过 200,000 元还须总经理决定；最终报价打印前须经理审核。',
    en: 'An inquiry or tender is registered and reported to the manager at once, who decides whether to bid; above 200,000 yuan the gm decides too; the manager reviews the final quote before it is printed.',
  },
  params: z.object({ gmAboveFen: z.int().min(0).max(1_000_000_000_000).default(20_000_000) }).default({ gmAboveFen: 20_000_000 }),
  evaluate(request: { amountFen: number }, _ctx, params) {
    const findings: Finding[] = [
      finding(
        'Q-BID',
        'approval',
        { zh: '询价/投标须立即报销售经理，由经理决定是否投标；最终报价打印前须经理审核', en: 'Report the inquiry or tender to the manager at once: the manager decides whether to bid and reviews the final quote before printing' },
        {},
        [role('manager')],
      ),
    ];
    if (request.amountFen > params.gmAboveFen) {
      findings.push(
        finding(
          'Q-BID',
          'approval',
          {
            zh: `金额 ${formatYuan(request.amountFen)} 超过 ${formatYuan(params.gmAboveFen)}，还须总经理决定`,
            en: `${formatYuan(request.amountFen)} is above ${formatYuan(params.gmAboveFen)}: the gm decides too`,
          },
          { amountFen: request.amountFen },
          [role('gm')],
        ),
      );
    }
    return { findings };
  },
});

export const rules = {
  'Q-PRICE': quotePrice,
  'Q-BID': bidReview,
} as const;

// —— request kinds ——

/** `{"kind":"price","role","standardPrice","unitPrice"}`: may this role quote this price? */
const priceKind = defineKind({
  kind: 'price',
  label: { zh: '报价折扣', en: 'Quoted price' },
  rules: ['Q-PRICE'],
  submittable: true,
  schema: z
    .object({
      role: f.role({ zh: '报价人角色', en: 'Role of the person quoting' }),
      standardPrice: f.fen({ zh: '标准价', en: 'Standard price' }),
      unitPrice: f.fen({ zh: '报价单价', en: 'Unit price' }),
      appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }).optional(),
    })
    .superRefine((r, issue) => {
      if (r.standardPrice === 0) issue.addIssue({ code: 'custom', path: ['standardPrice'], ...bilingual('须大于 0', 'must be above 0') });
    }),
  example: { role: 'manager', standardPrice: 1_250_000, unitPrice: 1_130_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = quotePrice.evaluate(
      { role: request.role, lines: [{ standardPriceFen: request.standardPrice, unitPriceFen: request.unitPrice }] },
      ctx,
      ctx.params('Q-PRICE'),
    );
    return { findings: outcome.findings, computed: { discountPct: outcome.computed?.discountPct ?? 0 } };
  },
});

/** `{"kind":"bid","amount"}`: an inquiry or tender reported to the manager (and the gm above the threshold). */
const bidKind = defineKind({
  kind: 'bid',
  label: { zh: '询价/投标', en: 'Inquiry / tender' },
  rules: ['Q-BID'],
  submittable: true,
  schema: z.object({
    amount: f.fen({ zh: '金额', en: 'Amount' }),
    appliedOn: f.date({ zh: '登记日期', en: 'Registered on' }).optional(),
    customerNo: f.text({ zh: '客户编号', en: 'Customer no.' }, { max: 40 }).optional(),
  }),
  example: { amount: 28_000_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = bidReview.evaluate({ amountFen: request.amount }, ctx, ctx.params('Q-BID'));
    return { findings: outcome.findings, computed: {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [priceKind, bidKind];
