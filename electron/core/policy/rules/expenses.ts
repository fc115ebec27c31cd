// §6 Expenses: the general approval chain (E-APPROVAL), E-ADVANCE and E-TRANSPORT.
import { z } from 'zod';
import { formatYuan } from '../../../../shared/money';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding, role, superior } from '../rule';

const yuan = (fen: number) => formatYuan(fen);

/** `share` (a fraction with up to 6 decimals) of an amount in fen, rounded down, computed exactly. */
export function shareOfFen(fen: number, share: number): number {
  return Number((BigInt(fen) * BigInt(Math.round(share * 1_000_000))) / 1_000_000n);
}

export interface ExpenseAmount {
  amountFen: number;
}

export const expenseApproval = defineRule({
  id: 'E-APPROVAL',
  name: { zh: '费用审批流程', en: 'Expense approval chain' },
  description: {
    zh: '所有费用须申请人的经理审批；超过 5,000 元还须总经理审批。',
    en: "Every expense needs the applicant's manager; above 5,000 yuan also the gm.",
  },
  params: z.object({ gmAboveFen: z.int().min(0).default(500_000) }).default({ gmAboveFen: 500_000 }),
  evaluate(request: ExpenseAmount, _ctx, params) {
    const findings = [
      finding('E-APPROVAL', 'approval', { zh: '费用须经理审批', en: 'Expenses need the manager' }, {}, [superior]),
    ];
    if (request.amountFen > params.gmAboveFen) {
      findings.push(
        finding(
          'E-APPROVAL',
          'approval',
          { zh: `金额超过 ${yuan(params.gmAboveFen)}，还须总经理审批`, en: `Above ${yuan(params.gmAboveFen)} the gm must also approve` },
          { amountFen: request.amountFen },
          [role('gm')],
        ),
      );
    }
    return { findings };
  },
});

export interface AdvanceRequest extends ExpenseAmount {
  /** The approved travel registration (出差登记) it is drawn against, if any. */
  travelRegistrationApproved: boolean;
}

export const travelAdvance = defineRule({
  id: 'E-ADVANCE',
  name: { zh: '借差旅费', en: 'Travel advance' },
  description: {
    zh: '须有已批准的出差登记，经财务和总经理审批；每次最多 500 元。',
    en: 'Needs an approved travel registration, then finance and gm approval; at most 500 yuan per advance.',
  },
  params: z.object({ maxFen: z.int().min(0).default(50_000) }).default({ maxFen: 50_000 }),
  evaluate(request: AdvanceRequest, _ctx, params) {
    const findings = [];
    if (!request.travelRegistrationApproved) {
      findings.push(finding('E-ADVANCE', 'block', { zh: '借差旅费须先有已批准的出差登记', en: 'A travel advance needs an approved travel registration' }));
    }
    if (request.amountFen > params.maxFen) {
      findings.push(
        finding(
          'E-ADVANCE',
          'block',
          { zh: `每次借款最多 ${yuan(params.maxFen)}（申请 ${yuan(request.amountFen)}）`, en: `At most ${yuan(params.maxFen)} per advance (asked ${yuan(request.amountFen)})` },
          { maxFen: params.maxFen },
        ),
      );
    }
    findings.push(finding('E-ADVANCE', 'approval', { zh: '借差旅费须财务和总经理审批', en: 'Finance and the gm approve advances' }, {}, [role('finance'), role('gm')]));
    return { findings };
  },
});

export interface TransportRequest {
  /** Total of the transport tickets, in fen. */
  ticketsFen: number;
  /** The deal signed on the trip, in fen; null when none was signed. */
  dealFen: number | null;
}

export const transportShare = defineRule({
  id: 'E-TRANSPORT',
  name: { zh: '交通费分担', en: 'Transport cost share' },
  description: {
    zh: '出差签单：公司承担交通费的 60%，但不超过签单金额的 2%；未签单：承担 30%。其余由个人承担。',
    en: 'With a deal signed on the trip the company pays 60 % of transport, capped at 2 % of the deal; with no deal 30 %. The rest is the employee\'s.',
  },
  params: z
    .object({
      withDealShare: z.number().min(0).max(1).default(0.6),
      dealCapShare: z.number().min(0).max(1).default(0.02),
      noDealShare: z.number().min(0).max(1).default(0.3),
    })
    .default({ withDealShare: 0.6, dealCapShare: 0.02, noDealShare: 0.3 }),
  evaluate(request: TransportRequest, _ctx, params) {
    // Rounded down to the fen: the company never pays a fraction of a fen more than the rule allows.
    const reimbursableFen =
      request.dealFen !== null && request.dealFen > 0
        ? Math.min(shareOfFen(request.ticketsFen, params.withDealShare), shareOfFen(request.dealFen, params.dealCapShare))
        : shareOfFen(request.ticketsFen, params.noDealShare);
    const computed = { reimbursableFen, employeeFen: request.ticketsFen - reimbursableFen };
    return {
      findings: [
        finding('E-TRANSPORT', 'info', {
          zh: `公司承担 ${yuan(reimbursableFen)}，个人承担 ${yuan(request.ticketsFen - reimbursableFen)}`,
          en: `The company pays ${yuan(reimbursableFen)}; the employee ${yuan(request.ticketsFen - reimbursableFen)}`,
        }, computed),
      ],
      computed,
    };
  },
});

export const rules = {
  'E-APPROVAL': expenseApproval,
  'E-ADVANCE': travelAdvance,
  'E-TRANSPORT': transportShare,
} as const;

/** `{"kind":"expense","amount"}`: the general approval chain of any expense. */
const expenseKind = defineKind({
  kind: 'expense',
  label: { zh: '费用申请', en: 'Expense' },
  rules: ['E-APPROVAL'],
  submittable: true,
  schema: z.object({
    amount: f.fen({ zh: '金额', en: 'Amount' }),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }).optional(),
  }),
  example: { amount: 680_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = expenseApproval.evaluate({ amountFen: request.amount }, ctx, ctx.params('E-APPROVAL'));
    return { findings: outcome.findings, computed: {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [expenseKind];
