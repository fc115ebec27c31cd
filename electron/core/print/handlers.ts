// Printed forms over the API: the renderer shows the HTML in a print window (Electron prints it or
// saves a PDF; the preview uses the browser's dialog). Every print of customer data is audited.
import { inArray } from 'drizzle-orm';
import { formatTimestamp, localDate } from '../../../shared/dates';
import { ROLE_LABELS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { CLAIM_STATUS_LABELS, EXPENSE_KIND, EXPENSE_STATUS_LABELS, PRINTABLE_EXPENSE_STATUSES, EXPENSE_TYPE_LABELS, type Expense, type ExpenseStatus, type ExpenseType } from '../../../shared/expenses';
import { formatYuan } from '../../../shared/money';
import { recordAudit } from '../audit/audit';
import { actorOf, type Handlers } from '../api/context';
import type { Db } from '../db/connection';
import { getCustomer } from '../customers/service';
import { getClaim } from '../expenses/claims';
import { expenses } from '../expenses/schema';
import { expenseDetail, expenseRows } from '../expenses/service';
import { statementMonth } from '../ledger/statements';
import { orderDetail } from '../orders/service';
import { describeFields } from '../policy/fields';
import { kindDef } from '../policy/kinds';
import { companyOf } from '../settings/service';
import { claimFormHtml, claimTitle, expenseFormHtml, type ClaimFormData, type ExpenseFormData } from './expenseSlips';
import { orderFormHtml } from './orderForm';
import { statementsHtml } from './statement';

/** O-FORM prints confirmed orders only (a draft or cancelled order has no valid form). */
const PRINTABLE = new Set(['confirmed', 'production_requested', 'in_production', 'inspected', 'shipped', 'delivered', 'closed']);

/** A 费用申请单 is printed once approved (pending, rejected or withdrawn requests have no valid slip). */
const PRINTABLE_EXPENSES: ReadonlySet<ExpenseStatus> = new Set(PRINTABLE_EXPENSE_STATUSES);

/** What the 费用申请单 calls the amount asked for, per type. */
const AMOUNT_LABELS: Partial<Record<ExpenseType, string>> = {
  travel: '预计费用',
  travel_advance: '借款金额',
  transport: '交通费合计',
  lodging: '出差包干',
  per_diem: '出差包干',
  team: '方案成本',
};
/** Fields the slip shows elsewhere (the head, the amount row) or that the core filled in itself. */
const HIDDEN_FIELDS = new Set(['appliedOn', 'travelApproved', 'amount', 'transportTotal', 'estimatedCost']);

const department = (region: string) => (region ? `销售部 ${region}` : '销售部');

/** The request's fields in words, by the labels of its policy kind (客人人数：4；宴请日期：2026-11-20). */
function fieldsInWords(type: ExpenseType, fields: Record<string, unknown>): { label: string; value: string }[] {
  const def = kindDef(EXPENSE_KIND[type]);
  if (!def) return [];
  return describeFields(def.schema).flatMap((field) => {
    const value = fields[field.name];
    if (HIDDEN_FIELDS.has(field.name) || value === undefined || value === null || value === '') return [];
    let text: string;
    switch (field.input) {
      case 'fen':
        text = typeof value === 'number' ? formatYuan(value) : String(value);
        break;
      case 'bool':
        text = value ? '是' : '否';
        break;
      case 'choice':
        text = field.options?.find((o) => o.value === value)?.label.zh ?? String(value);
        break;
      case 'role':
        text = ROLE_LABELS[value as keyof typeof ROLE_LABELS]?.zh ?? String(value);
        break;
      case 'timestamp':
        text = formatTimestamp(String(value));
        break;
      default:
        text = String(value);
    }
    return [{ label: field.label.zh, value: text }];
  });
}

/** "FY20261123-001 苏州 2026-11-16 至 2026-11-18" of a travel registration. */
function tripText(trip: Expense): string {
  const f = trip.fields as { destination?: string; startDate?: string; endDate?: string };
  return [trip.expenseNo, f.destination, f.startDate && f.endDate ? `${f.startDate} 至 ${f.endDate}` : ''].filter(Boolean).join(' ');
}

/** Expenses by id, read after the actor was allowed to see the request or claim they belong to. */
function expensesById(db: Db, ids: number[]): Map<number, Expense> {
  return new Map(ids.length ? expenseRows(db, inArray(expenses.id, ids)).map((e) => [e.id, e]) : []);
}

export const printHandlers: Pick<Handlers, 'print.orderForm' | 'print.statements' | 'print.expenseForm' | 'print.claimForm'> = {
  'print.expenseForm': ({ expenseId, paper }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const detail = expenseDetail(ctx.db, actor, expenseId);
    const { expense: e } = detail;
    if (!PRINTABLE_EXPENSES.has(e.status)) {
      throw new AppError(
        'VALIDATION',
        `费用申请 ${e.expenseNo} 当前为“${EXPENSE_STATUS_LABELS[e.status].zh}”，批准后才能打印费用申请单`,
        `Expense request ${e.expenseNo} is ${EXPENSE_STATUS_LABELS[e.status].en.toLowerCase()}; the slip is printed once it is approved`,
      );
    }
    const trip = e.tripId === null ? undefined : expensesById(ctx.db, [e.tripId]).get(e.tripId);
    const showApproved = e.type !== 'travel' && e.type !== 'team' && e.approvedFen !== e.amountFen;
    const data: ExpenseFormData = {
      companyName: companyOf(ctx.db)?.name ?? '',
      expenseNo: e.expenseNo,
      appliedOn: e.appliedOn,
      expenseDate: e.expenseDate,
      statusLabel: EXPENSE_STATUS_LABELS[e.status].zh,
      applicantName: e.applicantName,
      department: department(e.region),
      typeLabel: EXPENSE_TYPE_LABELS[e.type].zh,
      purpose: e.purpose,
      customer: e.customerNo === null ? null : `${e.customerNo} ${e.customerName ?? ''}`.trim(),
      orderNo: e.orderNo,
      trip: trip ? tripText(trip) : e.tripNo,
      details: fieldsInWords(e.type, e.fields),
      amountLabel: AMOUNT_LABELS[e.type] ?? '申请金额',
      amountFen: e.amountFen,
      approvedFen: showApproved ? e.approvedFen : null,
      paid: e.reimbursedFen === null ? null : { label: e.type === 'travel_advance' ? '已借出' : '已报销', amountFen: e.reimbursedFen },
      // What the rules warned about at submission; the approvals they asked for are the chain below.
      findings: detail.decision.findings
        .filter((f) => f.severity === 'warn')
        .map((f) => `${f.ruleId}：${f.message}`)
        .join('；'),
      note: e.note,
      steps: detail.steps,
      printedAt: formatTimestamp(at.toISOString()),
      printedBy: actor.displayName,
    };
    const html = expenseFormHtml(data, paper);
    recordAudit(ctx.db, { userId: actor.id, action: 'print.expenseForm', entity: 'expenses', entityId: e.id, after: { expenseNo: e.expenseNo, paper }, at });
    return { title: `费用申请单 ${e.expenseNo}`, html, pages: 1 };
  },
  'print.claimForm': ({ claimId, paper }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const claim = getClaim(ctx.db, actor, claimId);
    if (claim.status === 'returned') {
      throw new AppError('VALIDATION', `报销单 ${claim.claimNo} 已退回（${claim.returnedReason}），不能打印`, `Reimbursement ${claim.claimNo} was returned (${claim.returnedReason}); it is not printed`);
    }
    const linked = expensesById(ctx.db, [...claim.items.map((i) => i.expenseId), ...claim.advances.map((a) => a.expenseId)]);
    const tripIds = [...new Set(claim.items.map((i) => linked.get(i.expenseId)?.tripId).filter((id): id is number => id != null))];
    const trips = expensesById(ctx.db, tripIds);
    const data: ClaimFormData = {
      companyName: companyOf(ctx.db)?.name ?? '',
      claimNo: claim.claimNo,
      claimDate: localDate(new Date(claim.createdAt)),
      statusLabel: CLAIM_STATUS_LABELS[claim.status].zh,
      applicantName: claim.applicantName,
      department: department(claim.region),
      trips: tripIds.map((id) => trips.get(id)).filter((t): t is Expense => !!t).map(tripText),
      items: claim.items.map((item) => ({
        expenseNo: item.expenseNo,
        typeLabel: EXPENSE_TYPE_LABELS[item.type].zh,
        purpose: item.purpose,
        customerName: item.customerName,
        orderNo: linked.get(item.expenseId)?.orderNo ?? null,
        invoiceCount: item.invoices.length,
        invoicesFen: item.invoices.reduce((sum, i) => sum + i.amountFen, 0),
        reimbursableFen: item.reimbursableFen,
        basis: item.basis,
      })),
      reimbursableFen: claim.reimbursableFen,
      advanceFen: claim.advanceFen,
      payableFen: claim.payableFen,
      chains: [...claim.items.map((i) => i.expenseId), ...claim.advances.map((a) => a.expenseId)].flatMap((id) => {
        const e = linked.get(id);
        return e ? [{ expenseNo: e.expenseNo, typeLabel: EXPENSE_TYPE_LABELS[e.type].zh, trail: e.trail }] : [];
      }),
      payment: claim.paidAt ? { byName: claim.paidByName ?? '', at: formatTimestamp(claim.paidAt) } : null,
      note: claim.note,
      printedAt: formatTimestamp(at.toISOString()),
      printedBy: actor.displayName,
    };
    const html = claimFormHtml(data, paper);
    recordAudit(ctx.db, { userId: actor.id, action: 'print.claimForm', entity: 'expense_claims', entityId: claim.id, after: { claimNo: claim.claimNo, paper }, at });
    return { title: `${claimTitle(data)} ${claim.claimNo}`, html, pages: 1 };
  },
  'print.orderForm': ({ orderId }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const detail = orderDetail(ctx.db, actor, orderId, localDate(at));
    const { order } = detail;
    if (!PRINTABLE.has(order.status)) {
      throw new AppError('VALIDATION', `订单 ${order.orderNo} 尚未确认，不能打印四联单`, `Order ${order.orderNo} is not confirmed; the order form cannot be printed`);
    }
    const customer = getCustomer(ctx.db, actor, order.customerId);
    const html = orderFormHtml({
      companyName: companyOf(ctx.db)?.name ?? '',
      orderNo: order.orderNo,
      orderDate: order.orderDate,
      customerNo: order.customerNo,
      customerName: order.customerName,
      contactPerson: customer.contactPerson,
      phone: customer.phone,
      address: customer.address,
      repName: order.repName,
      lines: detail.lines,
      totalFen: order.totalFen,
      depositFen: order.depositFen,
      requiredSchedule: order.requiredSchedule,
      deliveryDate: order.deliveryDate,
      deliveryPlace: order.deliveryPlace,
      packaging: order.packaging,
      shippingMethod: order.shippingMethod,
      notes: order.notes,
      printedAt: formatTimestamp(at.toISOString()),
      printedBy: actor.displayName,
    });
    recordAudit(ctx.db, { userId: actor.id, action: 'print.orderForm', entity: 'orders', entityId: order.id, after: { orderNo: order.orderNo, copies: 4 }, at });
    return { title: `订货单 ${order.orderNo}`, html, pages: 4 };
  },
  'print.statements': ({ month, customerId }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const result = statementMonth(ctx.db, actor, month, customerId, at);
    const html = statementsHtml(companyOf(ctx.db)?.name ?? '', month, result.statements, formatTimestamp(at.toISOString()));
    recordAudit(ctx.db, {
      userId: actor.id,
      action: 'print.statements',
      entity: 'customers',
      entityId: customerId ?? null,
      after: { month, customers: result.statements.length },
      at,
    });
    return { title: `应收账款对账单 ${month}`, html, pages: result.statements.length };
  },
};
