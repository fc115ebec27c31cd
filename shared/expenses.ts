// DOMAIN §6 expense requests (业务费用申请 / 差旅) and their reimbursement (报销): the contract.
// An expense request is judged by the policy engine through the request kind of its type and goes
// through the approvals of issue 2; an approved one is claimed with invoices on a reimbursement
// (报销单), where advances of the same trip are offset, and finance pays it. Money is integer fen.
import { z } from 'zod';
import type { Label, Role } from './domain';
import { CHANNELS } from './domain';
import { decisionSchema } from './policy';
import { requestStepSchema } from './requests';
import { bilingual, fen, id, isoDate, requiredText, text } from './validation';

export const EXPENSE_TYPES = [
  'entertainment',
  'travel',
  'travel_advance',
  'transport',
  'lodging',
  'per_diem',
  'project',
  'sample',
  'team',
  'other',
] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

export const EXPENSE_TYPE_LABELS: Record<ExpenseType, Label> = {
  entertainment: { zh: '宴请', en: 'Entertainment' },
  travel: { zh: '出差登记', en: 'Travel registration' },
  travel_advance: { zh: '借差旅费', en: 'Travel advance' },
  transport: { zh: '交通费', en: 'Transport' },
  lodging: { zh: '住宿', en: 'Lodging' },
  per_diem: { zh: '出差补贴', en: 'Per diem' },
  project: { zh: '客户项目费用', en: 'Customer-project expense' },
  sample: { zh: '样品费', en: 'Samples' },
  team: { zh: '组建团队方案', en: 'Team-building proposal' },
  other: { zh: '其他费用', en: 'Other' },
};

/** The policy engine's request kind that judges each type (electron/core/policy/rules/expenses.ts). */
export const EXPENSE_KIND: Record<ExpenseType, string> = {
  entertainment: 'entertainment',
  travel: 'travel_registration',
  travel_advance: 'travel_advance',
  transport: 'transport',
  lodging: 'lodging',
  per_diem: 'per_diem',
  project: 'project_expense',
  sample: 'expense',
  team: 'team_proposal',
  other: 'expense',
};

/** Types filed under a travel registration (出差登记): the trip must be the applicant's and not refused. */
export const TRIP_TYPES: readonly ExpenseType[] = ['travel_advance', 'transport', 'lodging', 'per_diem'];
/** Types reimbursed on a claim (报销单) with invoices. A trip, an advance and a proposal are not. */
export const CLAIMABLE_TYPES: readonly ExpenseType[] = ['entertainment', 'transport', 'lodging', 'per_diem', 'project', 'sample', 'other'];
/** Claimable types whose claim needs no invoice (the per-diem package is paid per travel day). */
export const NO_INVOICE_TYPES: readonly ExpenseType[] = ['per_diem'];
/** Types that count as spending in the expense-to-sales ratio (费效比). */
export const COST_TYPES: readonly ExpenseType[] = CLAIMABLE_TYPES;

/**
 * pending → approved / rejected / withdrawn (the approval request); approved → claimed (on a
 * reimbursement awaiting payment) → reimbursed. An advance: approved → disbursed (finance paid it
 * out) → settled (offset on a paid reimbursement of its trip).
 */
export const EXPENSE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'claimed', 'reimbursed', 'disbursed', 'settled'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export const EXPENSE_STATUS_LABELS: Record<ExpenseStatus, Label> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  claimed: { zh: '报销中', en: 'Claimed' },
  reimbursed: { zh: '已报销', en: 'Reimbursed' },
  disbursed: { zh: '已借出', en: 'Paid out' },
  settled: { zh: '已冲销', en: 'Settled' },
};

/** submitted → paid by finance, or returned (its expenses may be claimed again). */
export const CLAIM_STATUSES = ['submitted', 'paid', 'returned'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, Label> = {
  submitted: { zh: '待付款', en: 'Awaiting payment' },
  paid: { zh: '已付款', en: 'Paid' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Requests whose 费用申请单 may be printed: approved, and whatever follows approval. */
export const PRINTABLE_EXPENSE_STATUSES: readonly ExpenseStatus[] = ['approved', 'claimed', 'reimbursed', 'disbursed', 'settled'];

/** Who pays reimbursements and advances out (DOMAIN §1: finance handles travel advances). */
export const EXPENSE_PAYER_ROLES: readonly Role[] = ['finance', 'gm'];
/** Who sees every expense request (the department's heads, finance, and the assistants who enter them). */
export const EXPENSE_SEE_ALL_ROLES: readonly Role[] = ['admin', 'gm', 'director', 'manager', 'finance', 'assistant'];

// —— input ——

/**
 * A new expense request. `fields` are the fields of the type's policy kind (see `policy.kinds`),
 * e.g. `{ amount, guests, eventDate }` for entertainment; the core fills in what it knows itself
 * (appliedOn = today, travelApproved from the trip).
 */
export const expenseCreateSchema = z
  .object({
    type: z.enum(EXPENSE_TYPES),
    /** An assistant (or a head) may enter it for someone; default: the caller. */
    applicantId: id.optional(),
    purpose: requiredText(200),
    customerId: id.nullable().default(null),
    orderId: id.nullable().default(null),
    /** The travel registration (出差登记) a trip expense belongs to. */
    tripId: id.nullable().default(null),
    fields: z.record(z.string(), z.unknown()).default({}),
    note: text(500).default(''),
  })
  .strict();
export type ExpenseCreateInput = z.output<typeof expenseCreateSchema>;

/** The live check of the form being typed: the same as create, writes nothing. */
export const expensePreviewSchema = expenseCreateSchema;

export const invoiceInputSchema = z
  .object({
    invoiceNo: requiredText(40),
    invoiceDate: isoDate,
    amountFen: fen.refine((v) => v > 0, bilingual('须大于 0', 'must be above 0')),
  })
  .strict();
export type InvoiceInput = z.output<typeof invoiceInputSchema>;

export const claimItemInputSchema = z
  .object({
    expenseId: id,
    /** Hotel invoices (one per night), tickets, the restaurant's invoice… */
    invoices: z.array(invoiceInputSchema).max(100).default([]),
    /** Per diem: the travel days claimed (halves allowed), at most those approved. */
    days: z.number().min(0.5).max(366).optional(),
  })
  .strict();
export type ClaimItemInput = z.output<typeof claimItemInputSchema>;

export const claimCreateSchema = z
  .object({
    applicantId: id.optional(),
    items: z.array(claimItemInputSchema).min(1).max(50),
    note: text(500).default(''),
  })
  .strict();
export type ClaimCreateInput = z.output<typeof claimCreateSchema>;

// —— output ——

export const expenseSchema = z.object({
  id,
  expenseNo: z.string(),
  type: z.enum(EXPENSE_TYPES),
  applicantId: id,
  applicantName: z.string(),
  region: z.string(),
  channel: z.enum(CHANNELS).nullable(),
  enteredById: id,
  purpose: z.string(),
  customerId: id.nullable(),
  customerNo: z.string().nullable(),
  customerName: z.string().nullable(),
  orderId: id.nullable(),
  orderNo: z.string().nullable(),
  tripId: id.nullable(),
  tripNo: z.string().nullable(),
  /** The day the expense belongs to (event day, the trip's first day, else the day filed). */
  expenseDate: z.string(),
  appliedOn: z.string(),
  /** What was asked: the amount, the tickets total, the per-diem package, the estimated trip cost. */
  amountFen: z.int(),
  /** What may be reimbursed at most (E-TRANSPORT's share, the per-diem package…); 0 for trips and proposals. */
  approvedFen: z.int(),
  /** Paid on a reimbursement (or, for an advance, paid out); null until then. */
  reimbursedFen: z.int().nullable(),
  fields: z.record(z.string(), z.unknown()),
  note: z.string(),
  status: z.enum(EXPENSE_STATUSES),
  requestId: id,
  claimId: id.nullable(),
  claimNo: z.string().nullable(),
  /** The engine's findings at submission, as "RULE-ID: message" lines (for the grid). */
  findingsText: z.string(),
  /** The approval trail: "经理 张三 同意 11-24 → 总经理 待审批". */
  trail: z.string(),
  createdAt: z.string(),
});
export type Expense = z.output<typeof expenseSchema>;

export const expenseDetailSchema = z.object({
  expense: expenseSchema,
  decision: decisionSchema,
  steps: z.array(requestStepSchema),
  /** For a travel registration: the expenses filed under it. */
  tripExpenses: z.array(expenseSchema),
  /** Invoices claimed for it. */
  invoices: z.array(z.object({ invoiceNo: z.string(), invoiceDate: z.string(), amountFen: z.int(), claimNo: z.string() })),
});
export type ExpenseDetail = z.output<typeof expenseDetailSchema>;

export const claimItemSchema = z.object({
  expenseId: id,
  expenseNo: z.string(),
  type: z.enum(EXPENSE_TYPES),
  purpose: z.string(),
  customerName: z.string().nullable(),
  approvedFen: z.int(),
  /** The invoices' total (for per diem: the package for the days claimed). */
  claimedFen: z.int(),
  reimbursableFen: z.int(),
  /** How the reimbursable amount follows from the rules, in words (Chinese / English). */
  basis: z.string(),
  basisEn: z.string(),
  invoices: z.array(z.object({ invoiceNo: z.string(), invoiceDate: z.string(), amountFen: z.int() })),
});
export type ClaimItem = z.output<typeof claimItemSchema>;

export const claimSchema = z.object({
  id,
  claimNo: z.string(),
  applicantId: id,
  applicantName: z.string(),
  region: z.string(),
  enteredById: id,
  status: z.enum(CLAIM_STATUSES),
  claimedFen: z.int(),
  reimbursableFen: z.int(),
  /** Advances of the claim's trips offset against it. */
  advanceFen: z.int(),
  /** reimbursable − advance: paid to the employee; negative = the employee returns it. */
  payableFen: z.int(),
  advances: z.array(z.object({ expenseId: id, expenseNo: z.string(), amountFen: z.int() })),
  items: z.array(claimItemSchema),
  note: z.string(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  paidByName: z.string().nullable(),
  returnedReason: z.string(),
  version: z.int(),
});
export type Claim = z.output<typeof claimSchema>;

/** What a reimbursement being typed would pay (claims.preview): the same figures claims.create stores. */
export const claimPreviewSchema = z.object({
  items: z.array(z.object({ expenseId: id, claimedFen: z.int(), reimbursableFen: z.int(), basis: z.string(), basisEn: z.string() })),
  claimedFen: z.int(),
  reimbursableFen: z.int(),
  advanceFen: z.int(),
  payableFen: z.int(),
  advances: z.array(z.object({ expenseId: id, expenseNo: z.string(), amountFen: z.int() })),
});
export type ClaimPreview = z.output<typeof claimPreviewSchema>;

export const RATIO_DIMENSIONS = ['rep', 'region', 'channel'] as const;
export type RatioDimension = (typeof RATIO_DIMENSIONS)[number];

export const monthRangeSchema = z
  .object({
    from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    by: z.enum(RATIO_DIMENSIONS),
  })
  .strict()
  .refine((q) => q.from <= q.to, bilingual('结束月份不能早于开始月份', 'the last month cannot be before the first'));

export const ratioRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  expensesFen: z.int(),
  salesFen: z.int(),
  /** expenses ÷ sales as a fraction; null when there were no sales. */
  ratio: z.number().nullable(),
});
export const ratioSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(RATIO_DIMENSIONS),
  rows: z.array(ratioRowSchema),
  total: ratioRowSchema,
});
export type ExpenseRatio = z.output<typeof ratioSchema>;

export const EXPENSE_FIELD_LABELS: Readonly<Record<string, Label>> = {
  type: { zh: '费用类型', en: 'Type' },
  purpose: { zh: '事由', en: 'Purpose' },
  orderId: { zh: '订单', en: 'Order' },
  tripId: { zh: '出差登记', en: 'Travel registration' },
  fields: { zh: '申请内容', en: 'Form fields' },
  items: { zh: '报销项目', en: 'Items' },
  expenseId: { zh: '费用申请', en: 'Expense request' },
  invoices: { zh: '发票', en: 'Invoices' },
  invoiceNo: { zh: '发票号码', en: 'Invoice no.' },
  invoiceDate: { zh: '发票日期', en: 'Invoice date' },
  amountFen: { zh: '金额', en: 'Amount' },
  days: { zh: '出差天数', en: 'Travel days' },
  by: { zh: '统计维度', en: 'Group by' },
};
