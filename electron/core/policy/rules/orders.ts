// §5 Orders: O-DELAY (an order not yet inspected shortly before its delivery date is a delay risk,
// and the rep must record that the customer was notified), and the confirmation of an order judged
// by Q-PRICE and S-CREDIT together (the request that holds an order until it is approved).
import { z } from 'zod';
import { addDays, daysBetween } from '../../../../shared/dates';
import { GRADES, GRADE_LABELS } from '../../../../shared/domain';
import type { Finding } from '../../../../shared/policy';
import { bilingual, isoDate } from '../../../../shared/validation';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding } from '../rule';
import { isoTimestamp, wallClock } from '../time';
import { quotePrice } from './pricing';
import { orderCredit } from './settlement';

export interface OrderDelayRequest {
  deliveryDate: string;
  /** The day the order is checked. */
  asOf: string;
  /** Inspected (已检验) or later. */
  inspected: boolean;
  /** When the customer was told of the possible delay (ISO 8601 with offset). */
  customerNotifiedAt?: string;
  notifiedBy?: string;
}

export const orderDelay = defineRule({
  id: 'O-DELAY',
  name: { zh: '交货延迟预警', en: 'Delivery delay risk' },
  description: {
    zh: '交货日前 3 天（日历日）起，尚未检验的订单标记为“延迟风险”；客户经理须记录已通知客户（通知时间、通知人）。',
    en: 'From 3 calendar days before the delivery date, an order not yet inspected is flagged "delay risk"; the rep must record that the customer was notified (when, by whom).',
  },
  params: z.object({ warnDaysBefore: z.int().min(0).max(366).default(3) }).default({ warnDaysBefore: 3 }),
  evaluate(request: OrderDelayRequest, _ctx, params) {
    const flagFrom = addDays(request.deliveryDate, -params.warnDaysBefore);
    const delayRisk = !request.inspected && request.asOf >= flagFrom;
    const daysToDelivery = daysBetween(request.asOf, request.deliveryDate);
    const computed = { delayRisk, flagFrom, daysToDelivery };
    const findings: Finding[] = [];
    if (delayRisk) {
      const when =
        daysToDelivery > 0
          ? { zh: `距交货日 ${request.deliveryDate} 仅剩 ${daysToDelivery} 天`, en: `${daysToDelivery} days before the delivery date ${request.deliveryDate}` }
          : daysToDelivery === 0
            ? { zh: `今天（${request.deliveryDate}）是交货日`, en: `the delivery date ${request.deliveryDate} is today` }
            : { zh: `已过交货日 ${request.deliveryDate} ${-daysToDelivery} 天`, en: `${-daysToDelivery} days past the delivery date ${request.deliveryDate}` };
      if (request.customerNotifiedAt === undefined) {
        findings.push(
          finding(
            'O-DELAY',
            'warn',
            {
              zh: `延迟风险：${when.zh}，订单仍未检验；须记录已通知客户（通知时间、通知人）`,
              en: `Delay risk: ${when.en} and the order is not inspected; record that the customer was notified (when, by whom)`,
            },
            computed,
          ),
        );
      } else {
        const at = wallClock(request.customerNotifiedAt);
        const by = request.notifiedBy ? { zh: `（${request.notifiedBy}）`, en: ` (${request.notifiedBy})` } : { zh: '', en: '' };
        findings.push(
          finding(
            'O-DELAY',
            'info',
            {
              zh: `延迟风险：${when.zh}，订单仍未检验；已于 ${at.date} ${at.time} 通知客户${by.zh}`,
              en: `Delay risk: ${when.en} and the order is not inspected; the customer was notified on ${at.date} ${at.time}${by.en}`,
            },
            { ...computed, customerNotifiedAt: request.customerNotifiedAt },
          ),
        );
      }
    }
    return { findings, computed };
  },
});

export const rules = {
  'O-DELAY': orderDelay,
} as const;

/** `{"kind":"order_delay","deliveryDate","asOf","inspected"}`: is an order at risk of a late delivery? */
const orderDelayKind = defineKind({
  kind: 'order_delay',
  label: { zh: '交货延迟检查', en: 'Delivery delay check' },
  rules: ['O-DELAY'],
  submittable: false,
  schema: z
    .object({
      deliveryDate: f.date({ zh: '交货日期', en: 'Delivery date' }),
      asOf: f.date({ zh: '检查日期', en: 'As of' }),
      inspected: f.bool({ zh: '已检验', en: 'Inspected' }),
      customerNotifiedAt: f.timestamp({ zh: '通知客户时间', en: 'Customer notified at' }).optional(),
      notifiedBy: f.text({ zh: '通知人', en: 'Notified by' }, { max: 40 }).optional(),
    })
    .superRefine((r, issue) => {
      // Runs even when a field failed its format check: compare only valid values.
      const comparable = r.customerNotifiedAt !== undefined && isoTimestamp.safeParse(r.customerNotifiedAt).success && isoDate.safeParse(r.asOf).success;
      if (comparable && wallClock(r.customerNotifiedAt!).date > r.asOf) {
        issue.addIssue({ code: 'custom', path: ['customerNotifiedAt'], ...bilingual(`不能晚于检查日期 ${r.asOf}`, `cannot be after the as-of date ${r.asOf}`) });
      }
    }),
  example: { deliveryDate: '2026-11-26', asOf: '2026-11-23', inspected: false },
  submittedOn: (r) => r.asOf,
  evaluate(request, ctx) {
    const outcome = orderDelay.evaluate(request, ctx, ctx.params('O-DELAY'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/**
 * `{"kind":"order_confirmation",…}`: may this order be confirmed? Q-PRICE on its most discounted line
 * (the rule looks at the largest discount) with the role of whoever confirms, and S-CREDIT with the
 * customer's credit limit and days, its open balance (less any prepaid credit) and this order's total.
 * Filed by orders.confirm / orders.amend only (not from the request form): its approval confirms the order.
 */
const orderConfirmationKind = defineKind({
  kind: 'order_confirmation',
  label: { zh: '订单确认审批', en: 'Order confirmation' },
  rules: ['Q-PRICE', 'S-CREDIT'],
  submittable: false,
  schema: z.object({
    orderNo: f.text({ zh: '订单号', en: 'Order no.' }, { max: 40 }),
    customerNo: f.text({ zh: '客户编号', en: 'Customer no.' }, { max: 40 }).optional(),
    role: f.role({ zh: '确认人角色', en: 'Role of the person confirming' }),
    standardPrice: f.fen({ zh: '最大折扣行标准价', en: 'Standard price of the most discounted line' }),
    unitPrice: f.fen({ zh: '最大折扣行单价', en: 'Unit price of the most discounted line' }),
    orderAmount: f.fen({ zh: '订单金额', en: 'Order amount' }),
    openBalance: f.fen({ zh: '未结余额', en: 'Open balance' }),
    prepaidBalance: f.fen({ zh: '预收款余额', en: 'Prepaid credit' }).optional(),
    creditLimit: f.fen({ zh: '信用额度', en: 'Credit limit' }),
    creditDays: f.int({ zh: '账期（天）', en: 'Credit days' }, { max: 366 }),
    oldestOverdueDays: f.int({ zh: '最早未付发票账龄（天）', en: 'Age of the oldest unpaid invoice (days)' }, { max: 36_600 }).optional(),
    grade: f.choice({ zh: '客户等级', en: 'Grade' }, GRADES, GRADE_LABELS).optional(),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }).optional(),
  }),
  example: {
    orderNo: 'SO20261123-001',
    customerNo: 'C2026-0042',
    role: 'rep',
    standardPrice: 1_250_000,
    unitPrice: 1_200_000,
    orderAmount: 12_000_000,
    openBalance: 35_000_000,
    creditLimit: 50_000_000,
    creditDays: 30,
  },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const price = quotePrice.evaluate(
      { role: request.role, lines: [{ standardPriceFen: request.standardPrice, unitPriceFen: request.unitPrice }] },
      ctx,
      ctx.params('Q-PRICE'),
    );
    const credit = orderCredit.evaluate(
      {
        orderFen: request.orderAmount,
        openBalanceFen: request.openBalance - (request.prepaidBalance ?? 0),
        creditLimitFen: request.creditLimit,
        creditDays: request.creditDays,
        ...(request.oldestOverdueDays !== undefined ? { oldestOverdueDays: request.oldestOverdueDays } : {}),
        ...(request.grade ? { grade: request.grade } : {}),
      },
      ctx,
      ctx.params('S-CREDIT'),
    );
    return { findings: [...price.findings, ...credit.findings], computed: { ...price.computed, ...credit.computed } };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [orderDelayKind, orderConfirmationKind];
