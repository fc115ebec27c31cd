// §3 Settlement and credit: S-MONTHLY (who may settle monthly, and the rep's joint liability),
// S-CREDIT (credit limit and credit days before an order is confirmed) and S-BADDEBT.
import { z } from 'zod';
import { GRADES, GRADE_LABELS, type Grade } from '../../../../shared/domain';
import { formatYuan } from '../../../../shared/money';
import type { Finding } from '../../../../shared/policy';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding, role, superior } from '../rule';
import { customerChange } from './customers';

const yuan = (fen: number) => formatYuan(fen);

/** The last day (YYYY-MM-DD) of the month of `date`. */
function endOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

// —— S-MONTHLY 月结 ——

export interface MonthlySettlementRequest {
  monthlyVolumeTons: number;
  /** 世界500强 / 国内知名. */
  famous: boolean;
  factoryAuditPassed: boolean;
  /** A signed monthly-settlement agreement is on file. */
  agreementSigned: boolean;
  /** A manager's verbal approval is recorded (the agreement must follow within the month). */
  verbalApproval?: boolean;
}

export const monthlySettlement = defineRule({
  id: 'S-MONTHLY',
  name: { zh: '月结条件', en: 'Monthly settlement' },
  description: {
    zh: '月结须满足（月用量 ≥ 50 吨，或知名企业，或验厂通过）且已签月结协议——或已记录经理口头同意并在当月内签订协议。否则客户经理承担连带责任（标记）。',
    en: 'Monthly settlement only when (monthly volume ≥ 50 tons, or a famous company, or factory audit passed) and a signed agreement is on file — or a manager\'s verbal approval is recorded and the agreement is signed within the month. Otherwise the rep carries joint liability (flagged).',
  },
  params: z.object({ minMonthlyTons: z.number().min(0).max(1_000_000).default(50) }).default({ minMonthlyTons: 50 }),
  evaluate(request: MonthlySettlementRequest, ctx, params) {
    const min = params.minMonthlyTons;
    const byVolume = request.monthlyVolumeTons >= min;
    const qualifies = byVolume || request.famous || request.factoryAuditPassed;
    const verbal = request.verbalApproval === true;
    const documented = request.agreementSigned || verbal;
    const jointLiability = !(qualifies && documented);
    const agreementDueBy = !request.agreementSigned && verbal ? endOfMonth(ctx.today) : null;
    const computed = { qualifies, jointLiability, agreementDueBy };
    const findings: Finding[] = [];

    if (agreementDueBy) {
      findings.push(
        finding(
          'S-MONTHLY',
          'warn',
          {
            zh: `已记录经理口头同意：月结协议须在本月内（${agreementDueBy} 前）签订`,
            en: `A manager's verbal approval is recorded: the agreement must be signed within this month (by ${agreementDueBy})`,
          },
          { agreementDueBy },
        ),
      );
    }
    if (jointLiability) {
      const reasons: { zh: string; en: string }[] = [];
      if (!qualifies) {
        reasons.push({
          zh: `月用量 ${request.monthlyVolumeTons} 吨不足 ${min} 吨，且非知名企业、未通过验厂`,
          en: `monthly volume ${request.monthlyVolumeTons} t is under ${min} t, and the customer is neither famous nor factory-audited`,
        });
      }
      if (!documented) reasons.push({ zh: '未签月结协议，也无经理口头同意', en: 'no signed agreement and no verbal approval' });
      findings.push(
        finding(
          'S-MONTHLY',
          'warn',
          {
            zh: `不满足月结条件（${reasons.map((r) => r.zh).join('；')}）：如批准月结，客户经理承担连带责任`,
            en: `Monthly settlement conditions not met (${reasons.map((r) => r.en).join('; ')}): if approved, the rep carries joint liability`,
          },
          { jointLiability, qualifies },
        ),
      );
    } else {
      const grounds = [
        byVolume ? { zh: `月用量 ${request.monthlyVolumeTons} 吨 ≥ ${min} 吨`, en: `${request.monthlyVolumeTons} t/month ≥ ${min} t` } : null,
        request.famous ? { zh: '知名企业', en: 'famous company' } : null,
        request.factoryAuditPassed ? { zh: '验厂通过', en: 'factory audit passed' } : null,
      ].filter((g) => g !== null);
      findings.push(
        finding('S-MONTHLY', 'info', {
          zh: `满足月结条件（${grounds.map((g) => g.zh).join('、')}）`,
          en: `Qualifies for monthly settlement (${grounds.map((g) => g.en).join(', ')})`,
        }),
      );
    }
    return { findings, computed };
  },
});

// —— S-CREDIT 账期账额 ——

export interface OrderCreditRequest {
  orderFen: number;
  openBalanceFen: number;
  creditLimitFen: number;
  creditDays: number;
  /** Age in days of the oldest unpaid invoice; undefined when nothing is unpaid. */
  oldestOverdueDays?: number;
  grade?: Grade;
}

const days = () => z.int().min(0).max(366);

export const orderCredit = defineRule({
  id: 'S-CREDIT',
  name: { zh: '账期账额', en: 'Credit limit and credit days' },
  description: {
    zh: '账期按客户等级：战略级 60 天，核心级 30 天，普通级 0 天（现结）。确认订单后未结余额超过信用额度，或有发票超过账期未付，须销售经理批准后方可确认。',
    en: 'Credit days by grade: strategic 60, core 30, ordinary 0 (cash). An order that would push the open balance above the credit limit, or a customer with invoices unpaid beyond its credit days, needs a manager\'s approval before confirmation.',
  },
  params: z
    .object({ strategicDays: days().default(60), coreDays: days().default(30), ordinaryDays: days().default(0) })
    .default({ strategicDays: 60, coreDays: 30, ordinaryDays: 0 }),
  evaluate(request: OrderCreditRequest, _ctx, params) {
    const newBalanceFen = request.openBalanceFen + request.orderFen;
    const overLimitFen = Math.max(0, newBalanceFen - request.creditLimitFen);
    const age = request.oldestOverdueDays;
    const overdueBeyondDays = age === undefined ? 0 : Math.max(0, age - request.creditDays);
    const gradeCreditDays = request.grade ? { strategic: params.strategicDays, core: params.coreDays, ordinary: params.ordinaryDays }[request.grade] : null;
    const computed = { newBalanceFen, overLimitFen, overdueBeyondDays, gradeCreditDays };
    const findings: Finding[] = [];
    if (overLimitFen > 0) {
      findings.push(
        finding(
          'S-CREDIT',
          'approval',
          {
            zh: `确认后未结余额 ${yuan(newBalanceFen)} 超出信用额度 ${yuan(request.creditLimitFen)}（超出 ${yuan(overLimitFen)}），须销售经理批准后方可确认`,
            en: `The open balance after this order, ${yuan(newBalanceFen)}, exceeds the credit limit ${yuan(request.creditLimitFen)} by ${yuan(overLimitFen)}: a manager must approve before confirmation`,
          },
          { newBalanceFen, overLimitFen },
          [role('manager')],
        ),
      );
    }
    if (overdueBeyondDays > 0) {
      findings.push(
        finding(
          'S-CREDIT',
          'approval',
          {
            zh: `最早一笔未付发票已 ${age} 天，超过账期 ${request.creditDays} 天（逾期 ${overdueBeyondDays} 天），须销售经理批准后方可确认`,
            en: `The oldest unpaid invoice is ${age} days old, beyond the ${request.creditDays} credit days by ${overdueBeyondDays}: a manager must approve before confirmation`,
          },
          { oldestOverdueDays: age, creditDays: request.creditDays },
          [role('manager')],
        ),
      );
    }
    if (request.grade && gradeCreditDays !== null && request.creditDays > gradeCreditDays) {
      findings.push(
        finding(
          'S-CREDIT',
          'info',
          {
            zh: `账期 ${request.creditDays} 天长于${GRADE_LABELS[request.grade].zh}客户的标准账期 ${gradeCreditDays} 天（须有经批准的变更）`,
            en: `Credit days ${request.creditDays} exceed the ${GRADE_LABELS[request.grade].en.toLowerCase()} standard of ${gradeCreditDays} (needs an approved change)`,
          },
          { gradeCreditDays },
        ),
      );
    }
    return { findings, computed };
  },
});

// —— S-BADDEBT 坏账 ——

export const badDebt = defineRule({
  id: 'S-BADDEBT',
  name: { zh: '坏账核销', en: 'Bad-debt write-off' },
  description: {
    zh: '坏账核销须直接上级批准，再由财务入账。',
    en: 'A bad-debt write-off needs the superior\'s approval; then finance posts it.',
  },
  params: z.object({}).default({}),
  evaluate(request: { amountFen: number }) {
    return {
      findings: [
        finding(
          'S-BADDEBT',
          'approval',
          { zh: `坏账核销 ${yuan(request.amountFen)} 须直接上级批准，再由财务入账`, en: `Writing off ${yuan(request.amountFen)} needs the superior's approval, then finance posts it` },
          { amountFen: request.amountFen },
          [superior, role('finance')],
        ),
      ],
    };
  },
});

export const rules = {
  'S-MONTHLY': monthlySettlement,
  'S-CREDIT': orderCredit,
  'S-BADDEBT': badDebt,
} as const;

// —— request kinds ——

/** `{"kind":"monthly_settlement",…}`: switching a customer to monthly settlement (a C-CHANGE). */
const monthlySettlementKind = defineKind({
  kind: 'monthly_settlement',
  label: { zh: '申请月结', en: 'Monthly settlement' },
  rules: ['S-MONTHLY', 'C-CHANGE'],
  submittable: true,
  schema: z.object({
    monthlyVolumeTons: f.number({ zh: '月用量（吨）', en: 'Monthly volume (t)' }),
    famous: f.bool({ zh: '知名企业（世界500强/国内知名）', en: 'Famous company' }),
    factoryAuditPassed: f.bool({ zh: '验厂通过', en: 'Factory audit passed' }),
    agreementSigned: f.bool({ zh: '已签月结协议', en: 'Agreement signed' }),
    verbalApproval: f.bool({ zh: '经理口头同意', en: "Manager's verbal approval" }).optional(),
    customerNo: f.text({ zh: '客户编号', en: 'Customer no.' }, { max: 40 }).optional(),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }).optional(),
  }),
  example: { monthlyVolumeTons: 62.5, famous: false, factoryAuditPassed: false, agreementSigned: true },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const change = customerChange.evaluate({ fields: ['结算方式'] }, ctx, ctx.params('C-CHANGE'));
    const outcome = monthlySettlement.evaluate(request, ctx, ctx.params('S-MONTHLY'));
    return { findings: [...change.findings, ...outcome.findings], computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"order_credit",…}`: may an order be confirmed against the customer's credit? */
const orderCreditKind = defineKind({
  kind: 'order_credit',
  label: { zh: '订单信用检查', en: 'Order credit check' },
  rules: ['S-CREDIT'],
  submittable: true,
  schema: z.object({
    orderAmount: f.fen({ zh: '订单金额', en: 'Order amount' }),
    openBalance: f.fen({ zh: '未结余额', en: 'Open balance' }),
    creditLimit: f.fen({ zh: '信用额度', en: 'Credit limit' }),
    creditDays: f.int({ zh: '账期（天）', en: 'Credit days' }, { max: 366 }),
    oldestOverdueDays: f.int({ zh: '最早未付发票账龄（天）', en: 'Age of the oldest unpaid invoice (days)' }, { max: 36_600 }).optional(),
    grade: f.choice({ zh: '客户等级', en: 'Grade' }, GRADES, GRADE_LABELS).optional(),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }).optional(),
  }),
  example: { orderAmount: 12_000_000, openBalance: 35_000_000, creditLimit: 50_000_000, creditDays: 30, oldestOverdueDays: 20 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = orderCredit.evaluate(
      {
        orderFen: request.orderAmount,
        openBalanceFen: request.openBalance,
        creditLimitFen: request.creditLimit,
        creditDays: request.creditDays,
        ...(request.oldestOverdueDays !== undefined ? { oldestOverdueDays: request.oldestOverdueDays } : {}),
        ...(request.grade ? { grade: request.grade } : {}),
      },
      ctx,
      ctx.params('S-CREDIT'),
    );
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"bad_debt","amount"}`: a write-off goes to the superior, then finance. */
const badDebtKind = defineKind({
  kind: 'bad_debt',
  label: { zh: '坏账核销', en: 'Bad-debt write-off' },
  rules: ['S-BADDEBT'],
  submittable: true,
  schema: z.object({
    amount: f.fen({ zh: '核销金额', en: 'Amount' }),
    customerNo: f.text({ zh: '客户编号', en: 'Customer no.' }, { max: 40 }).optional(),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }).optional(),
  }),
  example: { amount: 1_250_000, customerNo: 'C2026-0042' },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = badDebt.evaluate({ amountFen: request.amount }, ctx, ctx.params('S-BADDEBT'));
    return { findings: outcome.findings, computed: {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [monthlySettlementKind, orderCreditKind, badDebtKind];
