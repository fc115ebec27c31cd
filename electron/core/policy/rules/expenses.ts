// §6 Expenses: the general approval chain (E-APPROVAL), entertainment (E-ENTERTAIN), travel advances
// (E-ADVANCE), the transport cost share (E-TRANSPORT), lodging (E-LODGING), the per-diem package
// (E-PERDIEM), customer-project expenses (E-PROJECT) and team-building proposals (E-TEAM).
// Every number is a parameter; amounts are integer fen, rounded down in the company's favour.
import { z } from 'zod';
import { daysBetween } from '../../../../shared/dates';
import { formatYuan } from '../../../../shared/money';
import { bilingual } from '../../../../shared/validation';
import type { Finding } from '../../../../shared/policy';
import { f } from '../fields';
import { defineKind, type KindContext, type KindDef } from '../kind';
import { defineRule, finding, role, superior } from '../rule';

const yuan = (fen: number) => formatYuan(fen);

/** The largest amount any expense parameter may hold: 100 million yuan, in fen. */
const MAX_PARAM_FEN = 10_000_000_000;

/** `share` (a fraction with up to 6 decimals) of an amount in fen, rounded down, computed exactly. */
export function shareOfFen(fen: number, share: number): number {
  return Number((BigInt(fen) * BigInt(Math.round(share * 1_000_000))) / 1_000_000n);
}

/** A share as a percentage for messages: 0.15 → "15", 0.075 → "7.5" (no float noise). */
export function percentOf(share: number): string {
  return String(Math.round(share * 1_000_000) / 10_000);
}

export interface ExpenseAmount {
  amountFen: number;
}

export const expenseApproval = defineRule({
  id: 'E-APPROVAL',
  name: { zh: '费用审批流程', en: 'Expense approval chain' },
  description: {
    zh: '所有费用须直接上级和申请人所属的销售经理审批（上级就是经理或以上时只须上级）；超过 5,000 元还须总经理审批（恰好 5,000 元不须）。',
    en: "Every expense needs the direct superior and the applicant's sales manager (only the superior when he is a manager or above); above 5,000 yuan also the gm (exactly 5,000 yuan: not).",
  },
  params: z.object({ gmAboveFen: z.int().min(0).max(MAX_PARAM_FEN).default(500_000) }).default({ gmAboveFen: 500_000 }),
  evaluate(request: ExpenseAmount, _ctx, params) {
    const findings = [
      finding('E-APPROVAL', 'approval', { zh: '费用须经理审批', en: 'Expenses need the manager' }, {}, [superior, role('manager')]),
    ];
    if (request.amountFen > params.gmAboveFen) {
      findings.push(
        finding(
          'E-APPROVAL',
          'approval',
          { zh: `金额 ${yuan(request.amountFen)} 超过 ${yuan(params.gmAboveFen)}，还须总经理审批`, en: `${yuan(request.amountFen)} is above ${yuan(params.gmAboveFen)}: the gm must also approve` },
          { amountFen: request.amountFen, gmAboveFen: params.gmAboveFen },
          [role('gm')],
        ),
      );
    }
    return { findings };
  },
});

export interface EntertainmentRequest extends ExpenseAmount {
  /** Customer guests at the table (the cap is per guest). */
  guests: number;
  eventDate: string;
  appliedOn: string;
  /** An emergency: the superior approved verbally before the event; the form is filed afterwards. */
  verbalApproval: boolean;
  /** The date on the invoice, when there is one yet. */
  invoiceDate: string | null;
}

export const entertainment = defineRule({
  id: 'E-ENTERTAIN',
  name: { zh: '宴请', en: 'Customer entertainment' },
  description: {
    zh: '宴请须事前申请；标准为每位客人 100 元，超出标准须经理特批。紧急情况可先口头批准，并在宴请后 3 个工作日内补单。报销须附宴请当日开具的发票。',
    en: 'Apply before the event; the limit is 100 yuan per customer guest, above it the manager must approve specially. In an emergency a verbal approval may come first and the form is filed within 3 working days after the event. Reimbursement needs an invoice dated the day of the event.',
  },
  params: z
    .object({
      capPerGuestFen: z.int().min(0).max(10_000_000).default(10_000),
      lateFilingWorkingDays: z.int().min(0).max(366).default(3),
    })
    .default({ capPerGuestFen: 10_000, lateFilingWorkingDays: 3 }),
  evaluate(request: EntertainmentRequest, ctx, params) {
    const findings: Finding[] = [];
    const capFen = request.guests * params.capPerGuestFen;
    const lateFilingDeadline = ctx.calendar.workingDayAfter(request.eventDate, params.lateFilingWorkingDays);
    const computed = { capFen, overCapFen: Math.max(0, request.amountFen - capFen), lateFilingDeadline };

    if (request.amountFen > capFen) {
      findings.push(
        finding(
          'E-ENTERTAIN',
          'approval',
          {
            zh: `宴请 ${request.guests} 位客人，标准 ${yuan(capFen)}（每位 ${yuan(params.capPerGuestFen)}），申请 ${yuan(request.amountFen)}，超出标准 ${yuan(request.amountFen - capFen)}，须经理特批`,
            en: `${request.guests} guests: the limit is ${yuan(capFen)} (${yuan(params.capPerGuestFen)} each); ${yuan(request.amountFen)} is ${yuan(request.amountFen - capFen)} over it and needs the manager's special approval`,
          },
          computed,
          [role('manager')],
        ),
      );
    }

    if (request.appliedOn > request.eventDate) {
      if (request.verbalApproval && request.appliedOn <= lateFilingDeadline) {
        findings.push(
          finding('E-ENTERTAIN', 'warn', {
            zh: `事后补单：宴请（${request.eventDate}）前已口头批准，于 ${request.appliedOn} 补交，在宴请后 ${params.lateFilingWorkingDays} 个工作日内（最迟 ${lateFilingDeadline}）`,
            en: `Filed afterwards: verbally approved before the event (${request.eventDate}), filed on ${request.appliedOn}, within ${params.lateFilingWorkingDays} working days after it (by ${lateFilingDeadline})`,
          }, { lateFilingDeadline }),
        );
      } else if (request.verbalApproval) {
        findings.push(
          finding('E-ENTERTAIN', 'block', {
            zh: `口头批准的宴请须在宴请后 ${params.lateFilingWorkingDays} 个工作日内补单（最迟 ${lateFilingDeadline}），${request.appliedOn} 补交已逾期`,
            en: `A verbally approved entertainment must be filed within ${params.lateFilingWorkingDays} working days after the event (by ${lateFilingDeadline}); ${request.appliedOn} is too late`,
          }, { lateFilingDeadline }),
        );
      } else {
        findings.push(
          finding('E-ENTERTAIN', 'block', {
            zh: `宴请须事前申请：宴请日 ${request.eventDate}，申请日 ${request.appliedOn}。紧急情况须先经口头批准，并在宴请后 ${params.lateFilingWorkingDays} 个工作日内补单`,
            en: `Entertainment must be applied for beforehand: event on ${request.eventDate}, applied on ${request.appliedOn}. In an emergency get a verbal approval first and file within ${params.lateFilingWorkingDays} working days after the event`,
          }),
        );
      }
    }

    if (request.invoiceDate !== null && request.invoiceDate !== request.eventDate) {
      findings.push(
        finding('E-ENTERTAIN', 'block', {
          zh: `报销须附宴请当日（${request.eventDate}）开具的发票，所附发票日期为 ${request.invoiceDate}`,
          en: `Reimbursement needs an invoice dated the day of the event (${request.eventDate}); the invoice is dated ${request.invoiceDate}`,
        }, { eventDate: request.eventDate, invoiceDate: request.invoiceDate }),
      );
    }
    return { findings, computed };
  },
});

export interface AdvanceRequest extends ExpenseAmount {
  /** Whether the travel registration (出差登记) it is drawn against has been approved. */
  travelApproved: boolean;
}

export const travelAdvance = defineRule({
  id: 'E-ADVANCE',
  name: { zh: '借差旅费', en: 'Travel advance' },
  description: {
    zh: '须有已批准的出差登记，经经理、财务和总经理依次审批；每次最多 500 元。',
    en: 'Needs an approved travel registration, then the manager, finance and the gm approve in that order; at most 500 yuan per advance.',
  },
  params: z.object({ maxFen: z.int().min(0).max(MAX_PARAM_FEN).default(50_000) }).default({ maxFen: 50_000 }),
  evaluate(request: AdvanceRequest, _ctx, params) {
    const findings = [];
    if (!request.travelApproved) {
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
    zh: '出差签单：公司承担交通费的 60%，但不超过签单金额的 2%；未签单：承担 30%。其余由个人承担（按分向下取整）。',
    en: "With a deal signed on the trip the company pays 60 % of transport, capped at 2 % of the deal; with no deal 30 %. The rest is the employee's (rounded down to the fen).",
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

export interface LodgingRequest {
  /** Travel time one way, in hours. */
  travelHoursOneWay: number;
  /** Could the employee get there and back on the same day? */
  sameDayReturnPossible: boolean;
  /** Is there a formal hotel invoice (正规酒店发票)? */
  hasInvoice: boolean;
}

export const lodging = defineRule({
  id: 'E-LODGING',
  name: { zh: '住宿', en: 'Lodging' },
  description: {
    zh: '单程不超过 3 小时且可当天往返的出差不予住宿补贴；住宿须有正规酒店发票，无发票的当天不计为出差日。',
    en: 'No lodging allowance when the trip is at most 3 hours each way and a same-day return is possible; lodging needs a formal hotel invoice, and a day without one does not count as a travel day.',
  },
  params: z.object({ noLodgingMaxHours: z.number().min(0).max(24).default(3) }).default({ noLodgingMaxHours: 3 }),
  evaluate(request: LodgingRequest, _ctx, params) {
    const findings: Finding[] = [];
    const dayTrip = request.travelHoursOneWay <= params.noLodgingMaxHours && request.sameDayReturnPossible;
    const lodgingAllowed = !dayTrip && request.hasInvoice;
    // The book ties the travel day to the invoice alone.
    const computed = { lodgingAllowed, countsAsTravelDay: request.hasInvoice };
    if (dayTrip) {
      findings.push(
        finding('E-LODGING', 'block', {
          zh: `单程 ${request.travelHoursOneWay} 小时（不超过 ${params.noLodgingMaxHours} 小时）且可当天往返，不予住宿补贴`,
          en: `${request.travelHoursOneWay} hours one way (at most ${params.noLodgingMaxHours}) with a same-day return possible: no lodging allowance`,
        }, { travelHoursOneWay: request.travelHoursOneWay, noLodgingMaxHours: params.noLodgingMaxHours }),
      );
    }
    if (!request.hasInvoice) {
      findings.push(
        finding('E-LODGING', 'block', {
          zh: '住宿须有正规酒店发票；无发票的当天不计为出差日',
          en: 'Lodging needs a formal hotel invoice; a day without one does not count as a travel day',
        }),
      );
    }
    return { findings, computed };
  },
});

export interface PerDiemRequest {
  /** Travel days, halves allowed. */
  travelDays: number;
}

export const perDiem = defineRule({
  id: 'E-PERDIEM',
  name: { zh: '出差包干', en: 'Per-diem package' },
  description: {
    zh: '每个出差日包干补贴 150 元，包含餐费和住宿；半天按一半计（按分向下取整）。',
    en: 'A per-diem package of 150 yuan per travel day covers meals and lodging; half a day counts half (rounded down to the fen).',
  },
  params: z.object({ perDiemFen: z.int().min(0).max(1_000_000).default(15_000) }).default({ perDiemFen: 15_000 }),
  evaluate(request: PerDiemRequest, _ctx, params) {
    // Exact in halves of a day: days × 2 is a whole number.
    const halves = Math.round(request.travelDays * 2);
    const perDiemFen = Math.floor((halves * params.perDiemFen) / 2);
    const computed = { perDiemFen, perDiemPerDayFen: params.perDiemFen };
    return {
      findings: [
        finding('E-PERDIEM', 'info', {
          zh: `包干补贴：${request.travelDays} 天 × ${yuan(params.perDiemFen)} = ${yuan(perDiemFen)}`,
          en: `Per diem: ${request.travelDays} days × ${yuan(params.perDiemFen)} = ${yuan(perDiemFen)}`,
        }, computed),
      ],
      computed,
    };
  },
});

export interface ProjectExpenseRequest {
  /** The day the customer's payment arrived. */
  paymentReceivedOn: string;
  appliedOn: string;
  /** Urgent petty cash (备用金). */
  pettyCash: boolean;
}

export const projectExpense = defineRule({
  id: 'E-PROJECT',
  name: { zh: '项目费用', en: 'Customer-project expenses' },
  description: {
    zh: '其他客户项目费用须在客户款项到账后 2 个工作日内申请；紧急备用金须经理和总经理审批。',
    en: "Other customer-project expenses are filed within 2 working days after the customer's payment arrives; urgent petty cash needs the manager and the gm.",
  },
  params: z.object({ filingWorkingDays: z.int().min(0).max(366).default(2) }).default({ filingWorkingDays: 2 }),
  evaluate(request: ProjectExpenseRequest, ctx, params) {
    const findings: Finding[] = [];
    const fileBy = ctx.calendar.workingDayAfter(request.paymentReceivedOn, params.filingWorkingDays);
    const computed = { fileBy };
    if (request.appliedOn > fileBy) {
      findings.push(
        finding('E-PROJECT', 'block', {
          zh: `项目费用须在客户款项到账（${request.paymentReceivedOn}）后 ${params.filingWorkingDays} 个工作日内申请（最迟 ${fileBy}），${request.appliedOn} 申请已逾期`,
          en: `Project expenses must be filed within ${params.filingWorkingDays} working days after the payment arrived (${request.paymentReceivedOn}), i.e. by ${fileBy}; ${request.appliedOn} is too late`,
        }, computed),
      );
    }
    if (request.pettyCash) {
      findings.push(
        finding('E-PROJECT', 'approval', { zh: '紧急备用金须经理和总经理审批', en: 'Urgent petty cash needs the manager and the gm' }, {}, [role('manager'), role('gm')]),
      );
    }
    return { findings, computed };
  },
});

export interface TeamProposalRequest {
  staffCostFen: number;
  salesExpensesFen: number;
  projectedRevenueFen: number;
}

export const teamProposal = defineRule({
  id: 'E-TEAM',
  name: { zh: '组建团队', en: 'Team-building proposal' },
  description: {
    zh: '组建团队方案的人员成本加销售费用不得超过预计新增收入的 15%；须总经理审批。',
    en: 'A team-building proposal\'s staff cost plus sales expenses may not exceed 15 % of the projected new revenue; the gm approves.',
  },
  params: z.object({ maxShare: z.number().min(0).max(1).default(0.15) }).default({ maxShare: 0.15 }),
  evaluate(request: TeamProposalRequest, _ctx, params) {
    const costFen = request.staffCostFen + request.salesExpensesFen;
    const capFen = shareOfFen(request.projectedRevenueFen, params.maxShare);
    // Cost as a share of revenue, in percent rounded half up to 2 decimals, computed exactly.
    const sharePct =
      request.projectedRevenueFen > 0
        ? Number(((BigInt(costFen) * 20_000n) / BigInt(request.projectedRevenueFen) + 1n) / 2n) / 100
        : null;
    const computed = { capFen, costFen, sharePct };
    const ofRevenue = sharePct === null ? { zh: '', en: '' } : { zh: `，占 ${sharePct}%`, en: ` (${sharePct} %)` };
    // capFen is rounded down, so for whole fen costFen ≤ capFen ⇔ costFen ≤ revenue × maxShare exactly.
    if (costFen > capFen) {
      return {
        findings: [
          finding('E-TEAM', 'block', {
            zh: `人员成本加销售费用 ${yuan(costFen)}${ofRevenue.zh}，超过预计新增收入 ${yuan(request.projectedRevenueFen)} 的 ${percentOf(params.maxShare)}%（上限 ${yuan(capFen)}）`,
            en: `Staff cost plus sales expenses of ${yuan(costFen)}${ofRevenue.en} exceed ${percentOf(params.maxShare)} % of the projected new revenue ${yuan(request.projectedRevenueFen)} (limit ${yuan(capFen)})`,
          }, computed),
        ],
        computed,
      };
    }
    return {
      findings: [
        finding('E-TEAM', 'approval', {
          zh: `组建团队方案须总经理审批（费用 ${yuan(costFen)}${ofRevenue.zh}，上限为预计新增收入的 ${percentOf(params.maxShare)}%，即 ${yuan(capFen)}）`,
          en: `A team-building proposal needs the gm (cost ${yuan(costFen)}${ofRevenue.en}; the limit is ${percentOf(params.maxShare)} % of the projected new revenue, ${yuan(capFen)})`,
        }, computed, [role('gm')]),
      ],
      computed,
    };
  },
});

export const rules = {
  'E-APPROVAL': expenseApproval,
  'E-ENTERTAIN': entertainment,
  'E-ADVANCE': travelAdvance,
  'E-TRANSPORT': transportShare,
  'E-LODGING': lodging,
  'E-PERDIEM': perDiem,
  'E-PROJECT': projectExpense,
  'E-TEAM': teamProposal,
} as const;

/** The general approval chain on an amount (manager; above the threshold also the gm). */
function approvalChain(amountFen: number, ctx: KindContext): Finding[] {
  return expenseApproval.evaluate({ amountFen }, ctx, ctx.params('E-APPROVAL')).findings;
}

/** Expense kinds are filed on the Expenses page (expenses.create), never as bare requests. */
const FILED_ON = { zh: '费用报销页面', en: 'the Expenses page' };

const appliedOnField = () => f.date({ zh: '申请日期', en: 'Applied on' }).optional();

/** `{"kind":"expense","amount"}`: the general approval chain of any expense. */
const expenseKind = defineKind({
  kind: 'expense',
  label: { zh: '费用申请', en: 'Expense' },
  rules: ['E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z.object({
    amount: f.fen({ zh: '金额', en: 'Amount' }),
    appliedOn: appliedOnField(),
  }),
  example: { amount: 680_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    return { findings: approvalChain(request.amount, ctx), computed: {} };
  },
});

const entertainmentKind = defineKind({
  kind: 'entertainment',
  label: { zh: '宴请申请', en: 'Customer entertainment' },
  rules: ['E-ENTERTAIN', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z.object({
    amount: f.fen({ zh: '金额', en: 'Amount' }),
    guests: f.int({ zh: '客人人数', en: 'Customer guests' }, { min: 1, max: 10_000 }),
    eventDate: f.date({ zh: '宴请日期', en: 'Event date' }),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }),
    verbalApproval: f.bool({ zh: '已口头批准', en: 'Verbally approved' }, { hint: { zh: '紧急情况：宴请前已获上级口头批准，事后补单', en: 'Emergency: the superior approved verbally before the event; the form is filed afterwards' } }).optional(),
    invoiceDate: f.date({ zh: '发票日期', en: 'Invoice date' }).optional(),
  }),
  example: { amount: 45_000, guests: 4, eventDate: '2026-11-25', appliedOn: '2026-11-23' },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = entertainment.evaluate(
      {
        amountFen: request.amount,
        guests: request.guests,
        eventDate: request.eventDate,
        appliedOn: request.appliedOn,
        verbalApproval: request.verbalApproval ?? false,
        invoiceDate: request.invoiceDate ?? null,
      },
      ctx,
      ctx.params('E-ENTERTAIN'),
    );
    return { findings: [...approvalChain(request.amount, ctx), ...outcome.findings], computed: outcome.computed ?? {} };
  },
});

const travelAdvanceKind = defineKind({
  kind: 'travel_advance',
  label: { zh: '借差旅费', en: 'Travel advance' },
  rules: ['E-ADVANCE', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z.object({
    amount: f.fen({ zh: '借款金额', en: 'Amount' }),
    travelApproved: f.bool({ zh: '出差登记已批准', en: 'Travel registration approved' }),
    appliedOn: appliedOnField(),
  }),
  example: { amount: 50_000, travelApproved: true },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const chain = approvalChain(request.amount, ctx);
    const outcome = travelAdvance.evaluate({ amountFen: request.amount, travelApproved: request.travelApproved }, ctx, ctx.params('E-ADVANCE'));
    // The manager first, then finance and the gm (a gm step of the chain merges into the last).
    return { findings: [chain[0]!, ...outcome.findings, ...chain.slice(1)], computed: {} };
  },
});

const transportKind = defineKind({
  kind: 'transport',
  label: { zh: '交通费报销', en: 'Transport costs' },
  rules: ['E-TRANSPORT', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z
    .object({
      transportTotal: f.fen({ zh: '交通费合计', en: 'Transport total' }),
      dealSigned: f.bool({ zh: '出差期间已签单', en: 'Deal signed on the trip' }),
      dealAmount: f.fen({ zh: '签单金额', en: 'Deal amount' }).optional(),
      appliedOn: appliedOnField(),
    })
    .superRefine((r, issue) => {
      if (r.dealSigned && r.dealAmount === undefined) {
        issue.addIssue({ code: 'custom', path: ['dealAmount'], ...bilingual('已签单时必须填写', 'is required when a deal was signed') });
      } else if (r.dealSigned && r.dealAmount === 0) {
        issue.addIssue({ code: 'custom', path: ['dealAmount'], ...bilingual('已签单时须大于 0', 'must be above 0 when a deal was signed') });
      }
    }),
  example: { transportTotal: 120_000, dealSigned: true, dealAmount: 5_000_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    // A deal amount left on a form whose deal was not signed does not count.
    const outcome = transportShare.evaluate(
      { ticketsFen: request.transportTotal, dealFen: request.dealSigned ? (request.dealAmount ?? null) : null },
      ctx,
      ctx.params('E-TRANSPORT'),
    );
    const computed = outcome.computed as { reimbursableFen: number; employeeFen: number };
    return { findings: [...approvalChain(computed.reimbursableFen, ctx), ...outcome.findings], computed };
  },
});

const lodgingKind = defineKind({
  kind: 'lodging',
  label: { zh: '住宿补贴', en: 'Lodging' },
  rules: ['E-LODGING', 'E-PERDIEM', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z.object({
    travelHoursOneWay: f.number({ zh: '单程交通时间（小时）', en: 'Travel hours one way' }, { max: 240 }),
    sameDayReturnPossible: f.bool({ zh: '可当天往返', en: 'Same-day return possible' }),
    hasInvoice: f.bool({ zh: '有正规酒店发票', en: 'Formal hotel invoice' }),
    nights: f.int({ zh: '住宿晚数', en: 'Nights' }, { min: 1, max: 366 }).default(1),
    appliedOn: appliedOnField(),
  }),
  example: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const stay = lodging.evaluate(request, ctx, ctx.params('E-LODGING'));
    const { lodgingAllowed } = stay.computed as { lodgingAllowed: boolean; countsAsTravelDay: boolean };
    const perDiemOutcome = lodgingAllowed ? perDiem.evaluate({ travelDays: request.nights }, ctx, ctx.params('E-PERDIEM')) : null;
    const perDiemFen = (perDiemOutcome?.computed?.perDiemFen as number | undefined) ?? 0;
    return {
      findings: [...approvalChain(perDiemFen, ctx), ...stay.findings, ...(perDiemOutcome?.findings ?? [])],
      computed: { ...stay.computed, perDiemFen },
    };
  },
});

const perDiemKind = defineKind({
  kind: 'per_diem',
  label: { zh: '出差包干补贴', en: 'Per diem' },
  rules: ['E-PERDIEM', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z
    .object({
      travelDays: f.number({ zh: '出差天数', en: 'Travel days' }, { min: 0.5, max: 366, hint: { zh: '可按半天计，如 2.5', en: 'Halves allowed, e.g. 2.5' } }),
      appliedOn: appliedOnField(),
    })
    .superRefine((r, issue) => {
      if (!Number.isInteger(r.travelDays * 2)) {
        issue.addIssue({ code: 'custom', path: ['travelDays'], ...bilingual('须按半天计（如 1、1.5、2）', 'must be in half days (e.g. 1, 1.5, 2)') });
      }
    }),
  example: { travelDays: 2.5 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = perDiem.evaluate({ travelDays: request.travelDays }, ctx, ctx.params('E-PERDIEM'));
    const computed = outcome.computed as { perDiemFen: number };
    return { findings: [...approvalChain(computed.perDiemFen, ctx), ...outcome.findings], computed };
  },
});

const projectExpenseKind = defineKind({
  kind: 'project_expense',
  label: { zh: '项目费用', en: 'Project expense' },
  rules: ['E-PROJECT', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z.object({
    amount: f.fen({ zh: '金额', en: 'Amount' }),
    paymentReceivedOn: f.date({ zh: '客户款项到账日', en: 'Payment received on' }),
    appliedOn: f.date({ zh: '申请日期', en: 'Applied on' }),
    pettyCash: f.bool({ zh: '紧急备用金', en: 'Urgent petty cash' }).optional(),
  }),
  example: { amount: 300_000, paymentReceivedOn: '2026-11-20', appliedOn: '2026-11-23' },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = projectExpense.evaluate(
      { paymentReceivedOn: request.paymentReceivedOn, appliedOn: request.appliedOn, pettyCash: request.pettyCash ?? false },
      ctx,
      ctx.params('E-PROJECT'),
    );
    return { findings: [...approvalChain(request.amount, ctx), ...outcome.findings], computed: outcome.computed ?? {} };
  },
});

const teamProposalKind = defineKind({
  kind: 'team_proposal',
  label: { zh: '组建团队方案', en: 'Team-building proposal' },
  rules: ['E-TEAM', 'E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z.object({
    staffCost: f.fen({ zh: '人员成本', en: 'Staff cost' }),
    salesExpenses: f.fen({ zh: '销售费用', en: 'Sales expenses' }),
    projectedNewRevenue: f.fen({ zh: '预计新增收入', en: 'Projected new revenue' }),
    appliedOn: appliedOnField(),
  }),
  example: { staffCost: 120_000_000, salesExpenses: 30_000_000, projectedNewRevenue: 1_000_000_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    const outcome = teamProposal.evaluate(
      { staffCostFen: request.staffCost, salesExpensesFen: request.salesExpenses, projectedRevenueFen: request.projectedNewRevenue },
      ctx,
      ctx.params('E-TEAM'),
    );
    const computed = outcome.computed as { costFen: number };
    // Through the manager (the general chain) to the gm.
    return { findings: [...approvalChain(computed.costFen, ctx), ...outcome.findings], computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"travel_registration"}` 出差登记: where, when and why; the general chain on the estimated cost. */
const travelRegistrationKind = defineKind({
  kind: 'travel_registration',
  label: { zh: '出差登记', en: 'Travel registration' },
  rules: ['E-APPROVAL'],
  // Filed through the expenses module (expenses.create), which links it to a customer, order or trip.
  submittable: false,
  filedOn: FILED_ON,
  schema: z
    .object({
      destination: f.text({ zh: '出差地点', en: 'Destination' }, { max: 100 }),
      startDate: f.date({ zh: '出发日期', en: 'From' }),
      endDate: f.date({ zh: '返回日期', en: 'To' }),
      customersToVisit: f.text({ zh: '拜访客户', en: 'Customers to visit' }, { max: 500 }).optional(),
      estimatedCost: f.fen({ zh: '预计费用', en: 'Estimated cost' }).optional(),
      appliedOn: appliedOnField(),
    })
    .superRefine((r, issue) => {
      if (r.endDate < r.startDate) {
        issue.addIssue({ code: 'custom', path: ['endDate'], ...bilingual('不能早于出发日期', 'cannot be before the start') });
      } else if (daysBetween(r.startDate, r.endDate) > 365) {
        issue.addIssue({ code: 'custom', path: ['endDate'], ...bilingual('出差不能超过一年', 'a trip cannot last over a year') });
      }
    }),
  example: { destination: '苏州', startDate: '2026-11-25', endDate: '2026-11-27', customersToVisit: '苏州华工材料', estimatedCost: 150_000 },
  submittedOn: (r) => r.appliedOn,
  evaluate(request, ctx) {
    return { findings: approvalChain(request.estimatedCost ?? 0, ctx), computed: { tripDays: daysBetween(request.startDate, request.endDate) + 1 } };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [
  expenseKind,
  travelRegistrationKind,
  entertainmentKind,
  travelAdvanceKind,
  transportKind,
  lodgingKind,
  perDiemKind,
  projectExpenseKind,
  teamProposalKind,
];
