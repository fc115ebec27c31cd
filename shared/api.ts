// The contract between the renderer and the core: every channel with its zod input and output and
// who may call it. The core dispatcher validates both directions; the renderer gets types from here.
import { z } from 'zod';
import {
  applicationSchema,
  changeRequestSchema,
  customerCreateSchema,
  customerPatchSchema,
  customerSchema,
  CUSTOMER_FIELD_LABELS,
} from './customers';
import { CUSTOMER_APPROVER_ROLES, CUSTOMER_EDITOR_ROLES, ROLES, type Label, type Role } from './domain';
import { gridQuerySchema, pageOf } from './grid';
import {
  password,
  sessionUserSchema,
  setupSchema,
  userCreateSchema,
  userFieldsSchema,
  userSchema,
  USER_FIELD_LABELS,
} from './users';
import { calendarDaySchema, decisionSchema, kindInfoSchema, paramVersionSchema, ruleInfoSchema } from './policy';
import { requestDecideSchema, requestSchema, requestSubmitSchema } from './requests';
import {
  badDebtRequestInputSchema,
  balanceRowSchema,
  LEDGER_FIELD_LABELS,
  LEDGER_ROLES,
  ledgerEntriesInputSchema,
  ledgerEntriesSchema,
  monthSchema,
  orderShippingSchema,
  paymentInputSchema,
  postingSchema,
  RECON_DISPUTE_ROLES,
  reconMonthSchema,
  reconRowSchema,
  reverseInputSchema,
  shipmentCreateSchema,
  shipmentDeliverSchema,
  shipmentSchema,
  SHIPPING_ROLES,
  statementMonthSchema,
} from './ledger';
import {
  PRICE_LIST_ROLES,
  PRODUCT_INPUT_LABELS,
  priceChangeSchema,
  productCreateSchema,
  productDetailSchema,
  productLookupSchema,
  productPatchSchema,
  productSchema,
} from './products';
import {
  customerOrdersSummarySchema,
  ORDER_EDITOR_ROLES,
  ORDER_FIELD_LABELS,
  orderAmendSchema,
  orderConfirmSchema,
  orderCreateSchema,
  orderDetailSchema,
  orderNotifySchema,
  orderPreviewInputSchema,
  orderPreviewSchema,
  orderSchema,
  orderSurveyInputSchema,
  orderSurveySchema,
  orderTransitionInputSchema,
  orderUpdateSchema,
} from './orders';
import {
  CLAIM_STATUSES,
  claimCreateSchema,
  claimPreviewSchema,
  claimSchema,
  EXPENSE_FIELD_LABELS,
  EXPENSE_PAYER_ROLES,
  expenseCreateSchema,
  expenseDetailSchema,
  expensePreviewSchema,
  expenseSchema,
  monthRangeSchema,
  ratioSchema,
} from './expenses';
import {
  COMPLAINT_FIELD_LABELS,
  complaintActInputSchema,
  complaintCreateSchema,
  complaintDetailSchema,
  complaintSchema,
  complaintSlipSchema,
  unreportedRowSchema,
} from './complaints';
import { LEAVE_FIELD_LABELS, leaveCalendarSchema, leaveCreateSchema, leaveDetailSchema, leavePreviewSchema, leaveSchema } from './leave';
import {
  ATTENDANCE_FIELD_LABELS,
  ATTENDANCE_KEEPER_ROLES,
  attendanceImportInputSchema,
  attendanceImportResultSchema,
  attendanceMonthInputSchema,
  attendanceMonthSchema,
  attendanceRecordInputSchema,
  attendanceRecordSchema,
  signCardCreateSchema,
  signCardDetailSchema,
  signCardSchema,
} from './attendance';
import { periodTargetsSchema, TARGET_EDITOR_ROLES, TARGET_FIELD_LABELS, targetPlanInputSchema, targetPlanSchema, targetsOfInputSchema, targetYearSchema } from './targets';
import { bilingual, id, isoDate, text } from './validation';
import {
  ACTIVITY_FIELD_LABELS,
  activityMonthSchema,
  lateReportSchema,
  overdueCustomerSchema,
  PERFORMANCE_JUDGE_ROLES,
  visitSchema,
  weeklyReportSchema,
  weeklySaveSchema,
  workLogDaySchema,
  workLogSaveSchema,
} from './activity';
import {
  deductionRecordInputSchema,
  deductionRecordSchema,
  gradeDecideInputSchema,
  gradeProposalSchema,
  PERFORMANCE_FIELD_LABELS,
  performanceMonthSchema,
} from './performance';
import {
  exportedFileSchema,
  monthlyReportInputSchema,
  monthlyReportSchema,
  REPORT_ROLES,
  reportDrillInputSchema,
  reportDrillSchema,
  reportExportInputSchema,
  reportMonthSchema,
} from './report';

/** public: no session needed; signedIn: any active user; or the list of roles allowed. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> => def;
const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
/** A printed form: its window title, the A4 HTML and how many pages it has. */
const printedSchema = z.object({ title: z.string(), html: z.string(), pages: z.int() });
/** Slips print on A5 landscape (half a sheet, the usual 单据 size) or A4. */
export const PAPER_SIZES = ['a5', 'a4'] as const;

const auditEntrySchema = z.object({
  id,
  at: z.string(),
  userId: id.nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

const decision = z
  .object({
    id,
    decision: z.enum(['approve', 'reject']),
    comment: text(500).default(''),
  })
  .strict();

export const api = {
  // —— first run and sign-in ——
  'setup.status': channel({
    input: empty,
    output: z.object({ initialized: z.boolean(), companyName: z.string().nullable() }),
    access: 'public',
  }),
  'setup.init': channel({ input: setupSchema, output: sessionUserSchema, access: 'public' }),
  'auth.login': channel({
    input: z.object({ username: z.string().trim().min(1).max(32), password: z.string().min(1).max(200) }).strict(),
    output: sessionUserSchema,
    access: 'public',
  }),
  'auth.logout': channel({ input: empty, output: ok, access: 'public' }),
  'auth.me': channel({ input: empty, output: sessionUserSchema.nullable(), access: 'public' }),
  'auth.changePassword': channel({
    input: z.object({ oldPassword: z.string().min(1).max(200), newPassword: password }).strict(),
    output: ok,
    access: 'signedIn',
  }),

  // —— users (admin) ——
  'users.list': channel({ input: empty, output: z.array(userSchema), access: ['admin'] }),
  /** Names and roles of active users, for pickers (owner rep, superior). */
  'users.directory': channel({
    input: empty,
    output: z.array(z.object({ id, displayName: z.string(), role: z.enum(ROLES), region: z.string() })),
    access: 'signedIn',
  }),
  'users.create': channel({ input: userCreateSchema, output: userSchema, access: ['admin'] }),
  'users.update': channel({
    input: z.object({ id, patch: userFieldsSchema.partial().strict() }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.resetPassword': channel({
    input: z.object({ id, newPassword: password }).strict(),
    output: ok,
    access: ['admin'],
  }),

  // —— customer files (C-NEW, C-CHANGE) ——
  'customers.list': channel({ input: gridQuerySchema, output: pageOf(customerSchema), access: 'signedIn' }),
  'customers.get': channel({
    input: z.object({ id }).strict(),
    output: z.object({
      customer: customerSchema,
      changeRequests: z.array(changeRequestSchema),
      applications: z.array(applicationSchema),
    }),
    access: 'signedIn',
  }),
  'customers.create': channel({
    input: z.object({ customer: customerCreateSchema, reason: text(500).default('') }).strict(),
    output: z.object({ customer: customerSchema, application: applicationSchema }),
    access: CUSTOMER_EDITOR_ROLES,
  }),
  /**
   * Changes fields. Fields under C-CHANGE edited by someone without approval authority become one
   * pending change request; the rest apply at once. `version` guards against lost updates.
   */
  'customers.update': channel({
    input: z.object({ id, version: z.int().min(0), patch: customerPatchSchema, reason: text(500).default('') }).strict(),
    output: z.object({
      customer: customerSchema,
      applied: z.array(z.string()),
      changeRequest: changeRequestSchema.nullable(),
    }),
    access: CUSTOMER_EDITOR_ROLES,
  }),
  'customers.setArchived': channel({
    input: z.object({ id, archived: z.boolean() }).strict(),
    output: customerSchema,
    access: CUSTOMER_EDITOR_ROLES,
  }),
  /** CSV of the grid's current filter and sort (all matching rows); customer data is confidential, so it is audited. */
  'customers.exportCsv': channel({
    input: z.object({ query: gridQuerySchema, columns: z.array(z.string().max(40)).min(1).max(60) }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.int() }),
    access: ['admin', 'gm', 'director', 'manager', 'supervisor', 'rep', 'assistant', 'finance'],
  }),
  /** C-NEW for an existing customer that has none pending or approved (e.g. an old prospect that now buys). */
  'customers.apply': channel({
    input: z.object({ customerId: id, reason: text(500).default('') }).strict(),
    output: applicationSchema,
    access: CUSTOMER_EDITOR_ROLES,
  }),

  // —— approvals of customer requests ——
  'approvals.inbox': channel({
    input: empty,
    output: z.object({
      applications: z.array(applicationSchema),
      changeRequests: z.array(changeRequestSchema),
    }),
    access: 'signedIn',
  }),
  'approvals.mine': channel({
    input: empty,
    output: z.object({
      applications: z.array(applicationSchema),
      changeRequests: z.array(changeRequestSchema),
    }),
    access: 'signedIn',
  }),
  'approvals.decideApplication': channel({ input: decision, output: applicationSchema, access: CUSTOMER_APPROVER_ROLES }),
  'approvals.decideChange': channel({ input: decision, output: changeRequestSchema, access: CUSTOMER_APPROVER_ROLES }),

  // —— products and the price list (DOMAIN §4 Q-PRICE: the reference price) ——
  // Everyone signed in reads the list; PRICE_LIST_ROLES (shared/products.ts) maintain it.
  'products.list': channel({ input: gridQuerySchema, output: pageOf(productSchema), access: 'signedIn' }),
  /** A product with its whole price history (scheduled changes first). */
  'products.get': channel({ input: z.object({ id }).strict(), output: productDetailSchema, access: 'signedIn' }),
  /** A new product and its first prices, in force from `effectiveFrom` (today unless given; not later). */
  'products.create': channel({
    input: z.object({ product: productCreateSchema, effectiveFrom: isoDate.optional(), note: text(200).default('') }).strict(),
    output: productDetailSchema,
    access: PRICE_LIST_ROLES,
  }),
  /** Changes the descriptive fields; `version` guards against lost updates (CONFLICT when stale). */
  'products.update': channel({
    input: z.object({ id, version: z.int().min(0), product: productPatchSchema }).strict(),
    output: productSchema,
    access: PRICE_LIST_ROLES,
  }),
  /** A new price from a date: today or earlier takes effect at once, a later date is scheduled. */
  'products.setPrice': channel({ input: priceChangeSchema, output: productDetailSchema, access: PRICE_LIST_ROLES }),
  'products.setActive': channel({ input: z.object({ id, active: z.boolean() }).strict(), output: productSchema, access: PRICE_LIST_ROLES }),
  /** Picker for order entry: code prefix or name contains, active products only, at most 20. */
  'products.lookup': channel({ input: productLookupSchema, output: z.array(productSchema), access: 'signedIn' }),

  // —— orders (O-FIELDS, O-STATUS, O-DELAY, O-SURVEY; confirmation judged by Q-PRICE and S-CREDIT) ——
  // Whoever may see a customer sees its orders (reps their own customers'); ORDER_EDITOR_ROLES write.
  /** The tracking grid, SQL-paged; delayRisk and overdue filter as numbers (1 / 0), deliveryState as a set. */
  'orders.list': channel({ input: gridQuerySchema, output: pageOf(orderSchema), access: 'signedIn' }),
  /** An order with its lines, every transition, the approval request holding it and today's O-DELAY finding. */
  'orders.get': channel({ input: z.object({ id }).strict(), output: orderDetailSchema, access: 'signedIn' }),
  /** Delivered / undelivered orders per customer (one customer, or every visible customer with orders). */
  'orders.byCustomer': channel({
    input: z.object({ customerId: id.optional() }).strict(),
    output: z.array(customerOrdersSummarySchema),
    access: 'signedIn',
  }),
  /** The order-entry form's live check: lines priced and judged (Q-PRICE, S-CREDIT) as if confirmed now; writes nothing. */
  'orders.preview': channel({ input: orderPreviewInputSchema, output: orderPreviewSchema, access: 'signedIn' }),
  /** A draft; unit prices default to the standard price in force on the order date. */
  'orders.create': channel({ input: orderCreateSchema, output: orderDetailSchema, access: ORDER_EDITOR_ROLES }),
  /** Changes a draft (not one waiting for approval); `lines` replaces every line. */
  'orders.update': channel({ input: orderUpdateSchema, output: orderDetailSchema, access: ORDER_EDITOR_ROLES }),
  /**
   * O-FIELDS, then the engine: within authority and credit → confirmed now; otherwise one
   * `order_confirmation` request is filed and the draft is held until it is approved.
   */
  'orders.confirm': channel({ input: orderConfirmSchema, output: orderDetailSchema, access: ORDER_EDITOR_ROLES }),
  /** A confirmed order's lines, with a reason: audited and judged again (held if it now needs approval). */
  'orders.amend': channel({ input: orderAmendSchema, output: orderDetailSchema, access: ORDER_EDITOR_ROLES }),
  /** O-STATUS by hand: production requested, in production, inspected (with results), closed, cancelled (with a reason). */
  'orders.transition': channel({ input: orderTransitionInputSchema, output: orderDetailSchema, access: ORDER_EDITOR_ROLES }),
  /** O-DELAY: records that the customer was notified (now, by the caller). */
  'orders.notifyCustomer': channel({ input: orderNotifySchema, output: orderDetailSchema, access: ORDER_EDITOR_ROLES }),
  /** O-SURVEY after delivery: four scores 1–5; any ≤ 2 opens a complaint. */
  'orders.survey': channel({ input: orderSurveyInputSchema, output: orderSurveySchema, access: ORDER_EDITOR_ROLES }),

  // —— shipping, ledger and statements ——
  // O-SHIP register (assistants and heads enter it), O-LEDGER postings (finance; gm), O-STATEMENT
  // and O-RECON. Reads are for everyone signed in, limited to the customers one may see.
  /** The shipping register, SQL-paged; filter by shipDate, customerId, orderId… with the grid's filter model. */
  'shipments.list': channel({ input: gridQuerySchema, output: pageOf(shipmentSchema), access: 'signedIn' }),
  /** An order's lines with ordered / shipped / left to ship, and its shipments. */
  'shipments.forOrder': channel({ input: z.object({ orderId: id }).strict(), output: orderShippingSchema, access: 'signedIn' }),
  /** A shipment of an inspected order (partial allowed, never more than left); the last one marks the order shipped. */
  'shipments.create': channel({ input: shipmentCreateSchema, output: shipmentSchema, access: SHIPPING_ROLES }),
  /** Delivery: posts the shipment's sale to the ledger; the last one marks a shipped order delivered. */
  'shipments.deliver': channel({ input: shipmentDeliverSchema, output: shipmentSchema, access: SHIPPING_ROLES }),
  /** One customer's entries with the running balance, in ledger order, SQL-paged. */
  'ledger.entries': channel({ input: ledgerEntriesInputSchema, output: ledgerEntriesSchema, access: 'signedIn' }),
  /** Balance (= sum of entries) and collection cycle per customer with entries, as a grid. */
  'ledger.balances': channel({ input: gridQuerySchema, output: pageOf(balanceRowSchema), access: 'signedIn' }),
  'ledger.postDeposit': channel({ input: paymentInputSchema, output: postingSchema, access: LEDGER_ROLES }),
  /** Above the open balance only with prepayment: true. */
  'ledger.postReceipt': channel({ input: paymentInputSchema, output: postingSchema, access: LEDGER_ROLES }),
  /** The opposite entry, once per entry; a reversal is never reversed. */
  'ledger.reverse': channel({ input: reverseInputSchema, output: postingSchema, access: LEDGER_ROLES }),
  /** S-BADDEBT: files a `bad_debt` request (the superior, then finance approve); the final approval posts the write-off. */
  'ledger.requestBadDebt': channel({ input: badDebtRequestInputSchema, output: requestSchema, access: 'signedIn' }),
  /** O-STATEMENT: the month's statement per customer (one with customerId). */
  'statements.month': channel({
    input: z.object({ month: monthSchema, customerId: id.optional() }).strict(),
    output: statementMonthSchema,
    access: 'signedIn',
  }),
  /** The month's statements as CSV for Excel (customer data leaving the program: audited). */
  'statements.exportCsv': channel({
    input: z.object({ month: monthSchema, customerId: id.optional() }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), customers: z.int() }),
    access: 'signedIn',
  }),
  /** O-RECON: a month's published figures (a rep sees his own). */
  'recon.month': channel({ input: z.object({ month: monthSchema }).strict(), output: reconMonthSchema, access: 'signedIn' }),
  /** From day N of the next month; again before the lock refreshes the figures. */
  'recon.publish': channel({ input: z.object({ month: monthSchema }).strict(), output: z.array(reconRowSchema), access: LEDGER_ROLES }),
  /** The rep's dispute of his own figures, on the day of publication. */
  'recon.dispute': channel({
    input: z.object({ month: monthSchema, note: z.string().trim().min(1).max(500) }).strict(),
    output: reconRowSchema,
    access: RECON_DISPUTE_ROLES,
  }),
  /** After the dispute day: the figures are final and no entry may be dated in the month. */
  'recon.lock': channel({ input: z.object({ month: monthSchema }).strict(), output: z.array(reconRowSchema), access: LEDGER_ROLES }),

  // —— expenses (DOMAIN §6): requests per type judged by the E-rules, reimbursement, 费效比 ——
  // Everyone files his own (assistants and heads for anyone); reps see their own, supervisors their
  // team's, the heads, finance and assistants all. Approval steps are decided on requests.decide.
  /** The expense requests grid, SQL-paged; filter by applicantId, type, status, month (YYYY-MM), customerId… */
  'expenses.list': channel({ input: gridQuerySchema, output: pageOf(expenseSchema), access: 'signedIn' }),
  /** One request with the engine's decision, the approval steps, its invoices and (a trip) the expenses under it. */
  'expenses.get': channel({ input: z.object({ id }).strict(), output: expenseDetailSchema, access: 'signedIn' }),
  /** The form's live check: the type's kind judged as if filed now; writes nothing. */
  'expenses.preview': channel({ input: expensePreviewSchema, output: decisionSchema, access: 'signedIn' }),
  /** Files the request: a blocked one is refused (POLICY_DENIED) and nothing is written; else it goes to its approvers. */
  'expenses.create': channel({ input: expenseCreateSchema, output: expenseSchema, access: 'signedIn' }),
  /** The applicant's travel registrations that trip expenses (advance, transport, lodging, per diem) may be filed under. */
  'expenses.trips': channel({ input: z.object({ applicantId: id.optional() }).strict(), output: z.array(expenseSchema), access: 'signedIn' }),
  /** Finance pays an approved travel advance out; a reimbursement of the same trip offsets it. */
  'expenses.disburse': channel({ input: z.object({ id }).strict(), output: expenseSchema, access: EXPENSE_PAYER_ROLES }),
  /** 费效比: expenses ÷ sales per rep, region or channel over months (for the monthly report). */
  'expenses.ratio': channel({ input: monthRangeSchema, output: ratioSchema, access: ['admin', 'gm', 'director', 'manager', 'finance'] }),
  /** The applicant's approved expenses that can be claimed, and the paid-out advances of their trips. */
  'claims.claimable': channel({
    input: z.object({ applicantId: id.optional() }).strict(),
    output: z.object({ expenses: z.array(expenseSchema), advances: z.array(expenseSchema) }),
    access: 'signedIn',
  }),
  /** The claim form's live figures: what claims.create would pay for these items, by the same checks; writes nothing. */
  'claims.preview': channel({ input: claimCreateSchema, output: claimPreviewSchema, access: 'signedIn' }),
  /** A reimbursement (报销单): approved expenses with invoices; amounts by the rules, advances offset. */
  'claims.create': channel({ input: claimCreateSchema, output: claimSchema, access: 'signedIn' }),
  'claims.list': channel({
    input: z.object({ status: z.enum(CLAIM_STATUSES).optional(), applicantId: id.optional() }).strict(),
    output: z.array(claimSchema),
    access: 'signedIn',
  }),
  'claims.get': channel({ input: z.object({ id }).strict(), output: claimSchema, access: 'signedIn' }),
  /** Finance pays: the expenses are reimbursed, the offset advances settled. */
  'claims.pay': channel({ input: z.object({ id, version: z.int() }).strict(), output: claimSchema, access: EXPENSE_PAYER_ROLES }),
  /** Finance returns it with a reason: its expenses can be claimed again. */
  'claims.return': channel({
    input: z.object({ id, version: z.int(), reason: z.string().trim().min(1).max(500) }).strict(),
    output: claimSchema,
    access: EXPENSE_PAYER_ROLES,
  }),

  // —— complaints (DOMAIN §7): the register, deadlines P-HANDLE / P-RESPOND / P-SLIP, P-CLOSE, P-MAJOR ——
  // Reps see their own customers' complaints (and those they are responsible for), supervisors their
  // team's, the heads, assistants and finance all. Anyone but the administrator may receive one.
  /** The register, SQL-paged; filter by status, severity, source, customerId, ownerId, overdue ('1'), month (received, YYYY-MM). */
  'complaints.list': channel({ input: gridQuerySchema, output: pageOf(complaintSchema), access: 'signedIn' }),
  /** One complaint with its handling record, the engine's findings now and the steps the caller may take. */
  'complaints.get': channel({ input: z.object({ id }).strict(), output: complaintDetailSchema, access: 'signedIn' }),
  /** Receives a complaint: deadlines computed by the rules in force at receipt. A customer is required. */
  'complaints.create': channel({ input: complaintCreateSchema, output: complaintSchema, access: 'signedIn' }),
  /** Files the complaint slip (投诉单) with every P-SLIP field. */
  'complaints.fileSlip': channel({ input: complaintSlipSchema, output: complaintSchema, access: 'signedIn' }),
  /** One step of the handling (handle, escalate, respond, resolve, confirm, archive, review, note); archive before confirm is refused (P-CLOSE). */
  'complaints.act': channel({ input: complaintActInputSchema, output: complaintSchema, access: 'signedIn' }),
  /** Open complaints past a deadline that the caller must see (the manager's home screen, in red). */
  'complaints.overdue': channel({ input: empty, output: z.array(complaintSchema), access: 'signedIn' }),
  /** P-MAJOR: major complaints on the management review list (not yet reviewed first). */
  'complaints.reviewList': channel({ input: empty, output: z.array(complaintSchema), access: ['gm', 'director', 'manager', 'admin'] }),
  /** P-UNREPORTED: complaints found without a slip per rep over a period, with the fines. */
  'complaints.unreported': channel({ input: z.object({ from: isoDate, to: isoDate }).strict(), output: z.array(unreportedRowSchema), access: ['gm', 'director', 'manager', 'finance', 'admin'] }),

  // —— leave (DOMAIN §8 L-FORM, L-NOTICE, L-MONTHLY) ——
  /** The leave grid, SQL-paged; filter by applicantId, leaveType, status, month (YYYY-MM, any day of the leave in it). */
  'leave.list': channel({ input: gridQuerySchema, output: pageOf(leaveSchema), access: 'signedIn' }),
  'leave.get': channel({ input: z.object({ id }).strict(), output: leaveDetailSchema, access: 'signedIn' }),
  /** The form's live check (L-NOTICE, L-FORM, L-MONTHLY as if filed now); overlap and proxy errors as on create; writes nothing. */
  'leave.preview': channel({ input: leavePreviewSchema, output: decisionSchema, access: 'signedIn' }),
  /** Files the leave: blocked (e.g. too little notice without an emergency call) → POLICY_DENIED, nothing written; else to the direct superior. */
  'leave.create': channel({ input: leaveCreateSchema, output: leaveSchema, access: 'signedIn' }),
  /** The team leave calendar of a month (the people the caller may see). */
  'leave.calendar': channel({ input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM')) }).strict(), output: leaveCalendarSchema, access: 'signedIn' }),

  // —— attendance (DOMAIN §8 A-LATE, A-CLOCK, L-ABSENT) ——
  /** Clock records of a month (the caller's own; keepers anyone's; supervisors their team's). */
  'attendance.records': channel({ input: attendanceMonthInputSchema, output: z.array(attendanceRecordSchema), access: 'signedIn' }),
  /** Enters or corrects one person's day (upsert). clockOut before clockIn is refused. */
  'attendance.record': channel({ input: attendanceRecordInputSchema, output: attendanceRecordSchema, access: ATTENDANCE_KEEPER_ROLES }),
  /** The time clock's CSV: preview (commit false) or write all rows in one transaction (commit true). */
  'attendance.import': channel({ input: attendanceImportInputSchema, output: attendanceImportResultSchema, access: ATTENDANCE_KEEPER_ROLES }),
  /** The monthly attendance sheet per person: lateness and fines (A-LATE), leave, sign cards, absenteeism (L-ABSENT). */
  'attendance.month': channel({ input: attendanceMonthInputSchema, output: attendanceMonthSchema, access: 'signedIn' }),
  /** A sign-card application (A-CLOCK) for a missed clock-in; approved by the manager. Late → refused (the day is absenteeism). */
  'attendance.signCard': channel({ input: signCardCreateSchema, output: signCardSchema, access: 'signedIn' }),
  'attendance.signCardPreview': channel({ input: signCardCreateSchema, output: decisionSchema, access: 'signedIn' }),
  'attendance.signCards': channel({ input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(), userId: id.optional() }).strict(), output: z.array(signCardSchema), access: 'signedIn' }),
  'attendance.signCardGet': channel({ input: z.object({ id }).strict(), output: signCardDetailSchema, access: 'signedIn' }),

  // —— targets (DOMAIN §9 K-TARGET): a year split into months and by region, channel, product line, rep ——
  /** The year's plan; everyone sees the totals and the region/channel/line breakdowns, rep rows per role (repScope). */
  'targets.get': channel({ input: z.object({ year: targetYearSchema }).strict(), output: targetPlanSchema, access: 'signedIn' }),
  /** Saves the whole plan (version: the one the editor loaded); the parts must add up, or nothing is written. */
  'targets.save': channel({ input: targetPlanInputSchema, output: targetPlanSchema, access: TARGET_EDITOR_ROLES }),
  /** A month's (or, without month, the year's) target per rep, region, channel and product line. */
  'targets.of': channel({ input: targetsOfInputSchema, output: periodTargetsSchema, access: 'signedIn' }),

  // —— work logs and visits (DOMAIN §9 W-LOG, §2 C-VISIT) ——
  /** One person's daily log of a day (the caller's own by default; heads anyone's, a supervisor his team's). */
  'activity.day': channel({ input: z.object({ date: isoDate, userId: id.optional() }).strict(), output: workLogDaySchema, access: 'signedIn' }),
  /** Saves the caller's own log of a day with its visits (replacing the day's list); first save = submission (W-LOG). */
  'activity.saveLog': channel({ input: workLogSaveSchema, output: workLogDaySchema, access: 'signedIn' }),
  /** The visits register, SQL-paged; filter by userId, customerId, kind, month (YYYY-MM), falsified ('1'). */
  'activity.visits': channel({ input: gridQuerySchema, output: pageOf(visitSchema), access: 'signedIn' }),
  /** The weekly summary & plan of a week (weekOf: any day of it) with the week's figures from the logs. */
  'activity.weekly': channel({ input: z.object({ weekOf: isoDate, userId: id.optional() }).strict(), output: weeklyReportSchema, access: 'signedIn' }),
  'activity.saveWeekly': channel({ input: weeklySaveSchema, output: weeklyReportSchema, access: 'signedIn' }),
  /** C-VISIT: active customers overdue for a visit as of today (the caller's scope), most overdue first. */
  'activity.overdueCustomers': channel({ input: z.object({ ownerId: id.optional() }).strict(), output: z.array(overdueCustomerSchema), access: 'signedIn' }),
  /** W-LOG: late and missing daily logs and weekly reports of a month (the caller's scope). */
  'activity.lateReports': channel({ input: z.object({ month: activityMonthSchema, userId: id.optional() }).strict(), output: z.array(lateReportSchema), access: 'signedIn' }),

  // —— performance (DOMAIN §9 K-SCORE, K-BONUS; W-FAKE, W-POLICY recorded) and C-GRADE (§2) ——
  /** Each rep's score of a month with the deductions listed, beside sales, target, achievement and the bonus. */
  'performance.month': channel({ input: z.object({ month: activityMonthSchema }).strict(), output: performanceMonthSchema, access: 'signedIn' }),
  /** Records a W-FAKE (with the falsified visits) or W-POLICY deduction at the parameters in force on its day. */
  'performance.recordDeduction': channel({ input: deductionRecordInputSchema, output: deductionRecordSchema, access: PERFORMANCE_JUDGE_ROLES }),
  'performance.deductions': channel({ input: z.object({ month: activityMonthSchema }).strict(), output: z.array(deductionRecordSchema), access: 'signedIn' }),
  /** C-GRADE: the month's proposed upgrades and downgrades with the figures behind each, and the decisions taken. */
  'grading.proposals': channel({ input: z.object({ month: activityMonthSchema }).strict(), output: z.array(gradeProposalSchema), access: 'signedIn' }),
  /** A manager confirms (the customer's grade changes) or rejects one proposal. */
  'grading.decide': channel({ input: gradeDecideInputSchema, output: gradeProposalSchema, access: PERFORMANCE_JUDGE_ROLES }),

  // —— the monthly report (DOMAIN §9 K-MONTHLY) ——
  'report.monthly': channel({ input: monthlyReportInputSchema, output: monthlyReportSchema, access: REPORT_ROLES }),
  /** The orders behind a figure of a row (or of the total). */
  'report.drill': channel({ input: reportDrillInputSchema, output: reportDrillSchema, access: REPORT_ROLES }),
  /** The report as an Excel workbook or a CSV file (the same numbers as on screen); audited. */
  'report.export': channel({ input: reportExportInputSchema, output: exportedFileSchema, access: REPORT_ROLES }),
  /** The home screen's month to date: sales against the month's target (a rep: his own; the heads: the company's). */
  'report.monthToDate': channel({
    input: empty,
    output: z.object({ month: z.string(), asOf: z.string(), scope: z.enum(['company', 'team', 'own']), sales: z.int(), target: z.int(), achievement: z.number().nullable(), daysElapsed: z.int(), workingDays: z.int() }),
    access: 'signedIn',
  }),

  // —— printed forms (A4 HTML made by the core; the renderer prints it or saves a PDF) ——
  /** O-FORM: the four copies of a confirmed order. */
  'print.orderForm': channel({ input: z.object({ orderId: id }).strict(), output: printedSchema, access: 'signedIn' }),
  /** O-STATEMENT: a month's receivables statements, one customer per page (all the actor may see, or one). */
  'print.statements': channel({ input: z.object({ month: monthSchema, customerId: id.optional() }).strict(), output: printedSchema, access: 'signedIn' }),
  /** 费用申请单 of one request, A5 landscape or A4. */
  'print.expenseForm': channel({ input: z.object({ expenseId: id, paper: z.enum(PAPER_SIZES).default('a5') }).strict(), output: printedSchema, access: 'signedIn' }),
  /** 费用报销单 of one reimbursement, A5 landscape or A4. */
  'print.claimForm': channel({ input: z.object({ claimId: id, paper: z.enum(PAPER_SIZES).default('a5') }).strict(), output: printedSchema, access: 'signedIn' }),
  /** 客户投诉单 of one complaint, A5 landscape or A4. */
  'print.complaintForm': channel({ input: z.object({ complaintId: id, paper: z.enum(PAPER_SIZES).default('a5') }).strict(), output: printedSchema, access: 'signedIn' }),
  /** 请假申请表 of one leave, A5 landscape. */
  'print.leaveForm': channel({ input: z.object({ leaveId: id }).strict(), output: printedSchema, access: 'signedIn' }),
  /** The monthly attendance sheet (考勤表), A4 landscape: one person, or everyone the caller may see. */
  'print.attendanceSheet': channel({ input: attendanceMonthInputSchema, output: printedSchema, access: 'signedIn' }),
  /** K-MONTHLY: the monthly report on A4 (company header, figures by the dimension, charts, page numbers). */
  'print.monthlyReport': channel({ input: z.object({ month: reportMonthSchema, by: z.enum(['channel', 'region', 'rep']).default('rep') }).strict(), output: printedSchema, access: REPORT_ROLES }),

  // —— policy engine (DOMAIN rules), its parameters and the working calendar ——
  'policy.kinds': channel({ input: empty, output: z.array(kindInfoSchema), access: 'signedIn' }),
  'policy.catalog': channel({ input: empty, output: z.array(ruleInfoSchema), access: 'signedIn' }),
  'policy.history': channel({ input: z.object({ ruleId: z.string().max(20) }).strict(), output: z.array(paramVersionSchema), access: ['admin', 'gm'] }),
  /** A new version of a rule's parameters from effectiveFrom (today or later) on; requests already submitted keep theirs. */
  'policy.setParams': channel({
    input: z
      .object({ ruleId: z.string().max(20), params: z.record(z.string(), z.unknown()), effectiveFrom: isoDate, note: text(200).default('') })
      .strict(),
    output: paramVersionSchema,
    access: ['admin'],
  }),
  /** The engine's judgement of a request being typed (live preview); writes nothing. */
  'policy.preview': channel({
    input: z.object({ request: z.record(z.string(), z.unknown()), applicantId: id.optional() }).strict(),
    output: decisionSchema,
    access: 'signedIn',
  }),
  'calendar.days': channel({
    input: z
      .object({ from: isoDate, to: isoDate })
      .strict()
      .refine((q) => q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, bilingual('日期范围须在 400 天以内', 'the range must be within 400 days')),
    output: z.array(calendarDaySchema),
    access: 'signedIn',
  }),
  'calendar.setOverride': channel({
    input: z.object({ date: isoDate, working: z.boolean(), note: text(100).default('') }).strict(),
    output: calendarDaySchema,
    access: ['admin'],
  }),
  'calendar.removeOverride': channel({ input: z.object({ date: isoDate }).strict(), output: calendarDaySchema, access: ['admin'] }),

  // —— requests judged by the engine, and their approvals ——
  'requests.submit': channel({ input: requestSubmitSchema, output: requestSchema, access: 'signedIn' }),
  'requests.mine': channel({ input: empty, output: z.array(requestSchema), access: 'signedIn' }),
  'requests.inbox': channel({ input: empty, output: z.array(requestSchema), access: 'signedIn' }),
  'requests.get': channel({ input: z.object({ id }).strict(), output: requestSchema, access: 'signedIn' }),
  'requests.decide': channel({ input: requestDecideSchema, output: requestSchema, access: 'signedIn' }),
  'requests.withdraw': channel({ input: z.object({ id, version: z.int() }).strict(), output: requestSchema, access: 'signedIn' }),

  // —— audit ——
  'audit.list': channel({
    input: z
      .object({
        startRow: z.int().min(0).default(0),
        endRow: z.int().min(1).default(100),
        entity: z.string().max(40).optional(),
        entityId: z.string().max(40).optional(),
      })
      .strict()
      .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 500, bilingual('每页 1 到 500 条', 'a page holds 1 to 500 entries')),
    output: pageOf(auditEntrySchema),
    access: ['admin', 'gm'],
  }),
} as const;

export type Api = typeof api;
export type ChannelName = keyof Api;
export type ChannelInput<K extends ChannelName> = z.input<Api[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Api[K]['output']>;
/** What a handler receives: the parsed input (defaults applied). */
export type ParsedInput<K extends ChannelName> = z.output<Api[K]['input']>;

export const CHANNEL_NAMES = Object.keys(api) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(api, value);
}

/** Human labels for field paths in validation errors, across all channels. */
export const FIELD_LABELS: Readonly<Record<string, Label>> = {
  ...CUSTOMER_FIELD_LABELS,
  ...USER_FIELD_LABELS,
  ...LEDGER_FIELD_LABELS,
  ...ORDER_FIELD_LABELS,
  ...PRODUCT_INPUT_LABELS,
  ...EXPENSE_FIELD_LABELS,
  ...COMPLAINT_FIELD_LABELS,
  ...LEAVE_FIELD_LABELS,
  ...ATTENDANCE_FIELD_LABELS,
  ...TARGET_FIELD_LABELS,
  ...ACTIVITY_FIELD_LABELS,
  ...PERFORMANCE_FIELD_LABELS,
  id: { zh: '编号', en: 'Id' },
  version: { zh: '版本', en: 'Version' },
  reason: { zh: '理由', en: 'Reason' },
  comment: { zh: '审批意见', en: 'Comment' },
  decision: { zh: '审批结果', en: 'Decision' },
  customerId: { zh: '客户', en: 'Customer' },
  quickSearch: { zh: '快速搜索', en: 'Quick search' },
  columns: { zh: '导出列', en: 'Columns' },
  customer: { zh: '客户资料', en: 'Customer' },
  patch: { zh: '修改内容', en: 'Changes' },
  query: { zh: '查询条件', en: 'Query' },
  filter: { zh: '筛选条件', en: 'Filter' },
  sort: { zh: '排序', en: 'Sort' },
  ruleId: { zh: '规则', en: 'Rule' },
  params: { zh: '参数', en: 'Parameters' },
  effectiveFrom: { zh: '生效日期', en: 'Effective from' },
  note: { zh: '说明', en: 'Note' },
  request: { zh: '申请', en: 'Request' },
  applicantId: { zh: '申请人', en: 'Applicant' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  date: { zh: '日期', en: 'Date' },
  working: { zh: '是否上班', en: 'Working day' },
};

export { IPC_CHANNEL, type InvokeResult } from './ipc';
