// Reimbursement (费用报销单): approved expenses of one applicant claimed with their invoices. What
// may be reimbursed follows the rules of the day the expense was filed (E-ENTERTAIN's invoice day,
// E-TRANSPORT's shares, E-LODGING/E-PERDIEM per invoiced night, the approved amount as the ceiling);
// paid-out advances of the claim's trips are offset (E-ADVANCE); finance pays or returns it.
import { and, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import {
  CLAIMABLE_TYPES,
  EXPENSE_KIND,
  EXPENSE_SEE_ALL_ROLES,
  EXPENSE_TYPE_LABELS,
  NO_INVOICE_TYPES,
  type Claim,
  type ClaimCreateInput,
  type ClaimItemInput,
  type ClaimPreview,
  type ClaimStatus,
  type Expense,
} from '../../../shared/expenses';
import { formatYuan } from '../../../shared/money';
import type { Decision } from '../../../shared/policy';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { engineOptions } from '../policy/context';
import { evaluateRequest } from '../policy/kinds';
import { policyRequests } from '../requests/schema';
import { applicantOf } from '../requests/service';
import { users } from '../users/schema';
import { teamOf } from '../users/team';
import { expenseRows, nextNumber, statusZh } from './service';
import { expenseClaimItems, expenseClaims, expenseInvoices, expenses } from './schema';

const yuan = formatYuan;

function itemError(index: number, field: string, zh: string, en: string): AppError {
  const path = `items.${index}.${field}`;
  return new AppError('VALIDATION', `第 ${index + 1} 项：${zh}`, `Item ${index + 1}: ${en}`, [{ field: path, message: `第 ${index + 1} 项：${zh}`, messageEn: `Item ${index + 1}: ${en}` }]);
}

interface Reimbursement {
  claimedFen: number;
  reimbursableFen: number;
  basis: string;
  basisEn: string;
}

/**
 * The expense's kind judged again with the claim's actual figures, by the parameters of the day it was
 * filed. The per-diem rate is the one its approval was judged by (stored on the request): a version of
 * E-PERDIEM made effective later on the filing day would otherwise change an approved amount.
 */
function rejudge(db: Db | Tx, expense: Expense, overrides: Record<string, unknown>): Decision {
  const options = engineOptions(db, expense.appliedOn);
  const rate = approvedPerDiemRate(db, expense);
  const paramsFor = options.paramsFor!;
  return evaluateRequest(
    { ...expense.fields, ...overrides, kind: EXPENSE_KIND[expense.type] },
    {
      ...options,
      paramsFor: ((ruleId, day) => (ruleId === 'E-PERDIEM' && rate !== null ? { perDiemFen: rate } : paramsFor(ruleId, day))) as typeof paramsFor,
    },
  );
}

/** The per-diem rate (fen a day) in the decision stored when the expense was filed, if it had one. */
function approvedPerDiemRate(db: Db | Tx, expense: Expense): number | null {
  const row = db.select({ decision: policyRequests.decision }).from(policyRequests).where(eq(policyRequests.id, expense.requestId)).get();
  const decision = row ? (JSON.parse(row.decision) as Decision) : null;
  const rate = decision?.findings.find((f) => f.ruleId === 'E-PERDIEM')?.data.perDiemPerDayFen;
  return typeof rate === 'number' ? rate : null;
}

function refusedByRule(index: number, decision: Decision): AppError | null {
  const blocks = decision.findings.filter((f) => f.severity === 'block');
  if (!blocks.length) return null;
  const zh = blocks.map((b) => `${b.message}（${b.ruleId}）`).join('；');
  const en = blocks.map((b) => `${b.messageEn} (${b.ruleId})`).join('; ');
  return new AppError('POLICY_DENIED', `第 ${index + 1} 项不符合制度：${zh}`, `Item ${index + 1} is refused by policy: ${en}`, [
    { field: `items.${index}.invoices`, message: zh, messageEn: en },
  ]);
}

/** What the rules allow of one expense on this claim; throws on anything they forbid. */
export function reimbursementOf(db: Db | Tx, expense: Expense, item: ClaimItemInput, index: number): Reimbursement {
  const invoicesFen = item.invoices.reduce((sum, i) => sum + i.amountFen, 0);
  const overApproved = (claimed: number, approved: number, zh: string, en: string) =>
    itemError(index, 'invoices', `${zh} ${yuan(claimed)} 超过批准的 ${yuan(approved)}`, `${en} ${yuan(claimed)} is above the approved ${yuan(approved)}`);
  switch (expense.type) {
    case 'entertainment': {
      const wrongDay = item.invoices.find((i) => i.invoiceDate !== expense.fields.eventDate);
      const refused = wrongDay ? refusedByRule(index, rejudge(db, expense, { invoiceDate: wrongDay.invoiceDate })) : null;
      if (refused) throw refused;
      if (invoicesFen > expense.approvedFen) throw overApproved(invoicesFen, expense.approvedFen, '发票合计', 'The invoices total');
      return { claimedFen: invoicesFen, reimbursableFen: invoicesFen, basis: `宴请当日发票 ${yuan(invoicesFen)}`, basisEn: `Invoices of the event day ${yuan(invoicesFen)}` };
    }
    case 'transport': {
      if (invoicesFen > expense.amountFen) throw overApproved(invoicesFen, expense.amountFen, '车票合计', 'The tickets total');
      const decision = rejudge(db, expense, { transportTotal: invoicesFen });
      // The approved share is the ceiling: shares changed later on the filing day do not raise it.
      const reimbursableFen = Math.min((decision.computed as { reimbursableFen: number }).reimbursableFen, expense.approvedFen);
      const computed = { reimbursableFen, employeeFen: invoicesFen - reimbursableFen };
      const deal = expense.fields.dealSigned ? `已签单 ${yuan(Number(expense.fields.dealAmount ?? 0))}` : '未签单';
      const dealEn = expense.fields.dealSigned ? `deal signed ${yuan(Number(expense.fields.dealAmount ?? 0))}` : 'no deal';
      return {
        claimedFen: invoicesFen,
        reimbursableFen: computed.reimbursableFen,
        basis: `车票 ${yuan(invoicesFen)}，${deal}，公司承担 ${yuan(computed.reimbursableFen)}，个人承担 ${yuan(computed.employeeFen)}（E-TRANSPORT）`,
        basisEn: `Tickets ${yuan(invoicesFen)}, ${dealEn}: the company pays ${yuan(computed.reimbursableFen)}, the employee ${yuan(computed.employeeFen)} (E-TRANSPORT)`,
      };
    }
    case 'lodging': {
      // One hotel invoice per night; a night without one does not count as a travel day (E-LODGING).
      const nights = new Set(item.invoices.map((i) => i.invoiceDate));
      if (nights.size !== item.invoices.length) throw itemError(index, 'invoices', '每晚一张酒店发票，发票日期不能重复', 'one hotel invoice per night: the invoice dates must differ');
      const approvedNights = Number(expense.fields.nights ?? 1);
      if (nights.size > approvedNights) {
        throw itemError(index, 'invoices', `${nights.size} 晚的发票超过批准的 ${approvedNights} 晚`, `invoices for ${nights.size} nights are more than the ${approvedNights} approved`);
      }
      const decision = rejudge(db, expense, { nights: nights.size, hasInvoice: true });
      const refused = refusedByRule(index, decision);
      if (refused) throw refused;
      const perDiemFen = Number(decision.computed.perDiemFen ?? 0);
      return {
        claimedFen: invoicesFen,
        reimbursableFen: perDiemFen,
        basis: `有发票 ${nights.size} 晚，按出差包干 ${yuan(perDiemFen)}（E-LODGING、E-PERDIEM）`,
        basisEn: `${nights.size} nights with invoices: per diem ${yuan(perDiemFen)} (E-LODGING, E-PERDIEM)`,
      };
    }
    case 'per_diem': {
      const approvedDays = Number(expense.fields.travelDays);
      const days = item.days ?? approvedDays;
      if (!Number.isInteger(days * 2)) throw itemError(index, 'days', `出差天数须按半天计（如 1、1.5、2），不能是 ${days}`, `travel days go in halves (1, 1.5, 2), not ${days}`);
      if (days > approvedDays) throw itemError(index, 'days', `${days} 天超过批准的 ${approvedDays} 天`, `${days} days are more than the ${approvedDays} approved`);
      const decision = rejudge(db, expense, { travelDays: days });
      const perDiemFen = Number(decision.computed.perDiemFen ?? 0);
      return { claimedFen: perDiemFen, reimbursableFen: perDiemFen, basis: `出差 ${days} 天包干 ${yuan(perDiemFen)}（E-PERDIEM）`, basisEn: `${days} travel days: per diem ${yuan(perDiemFen)} (E-PERDIEM)` };
    }
    case 'project':
    case 'sample':
    case 'other': {
      if (invoicesFen > expense.approvedFen) throw overApproved(invoicesFen, expense.approvedFen, '发票合计', 'The invoices total');
      return { claimedFen: invoicesFen, reimbursableFen: invoicesFen, basis: `发票 ${yuan(invoicesFen)}`, basisEn: `Invoices ${yuan(invoicesFen)}` };
    }
    default:
      throw itemError(index, 'expenseId', `“${EXPENSE_TYPE_LABELS[expense.type].zh}”不能报销`, `a ${EXPENSE_TYPE_LABELS[expense.type].en.toLowerCase()} is not reimbursed`);
  }
}

/** The approved expense an item claims, checked: the applicant's, claimable, not on another claim. */
function claimableExpense(tx: Db | Tx, applicantId: number, item: ClaimItemInput, index: number): Expense {
  const expense = expenseRows(tx, eq(expenses.id, item.expenseId))[0];
  if (!expense || expense.applicantId !== applicantId) {
    throw itemError(index, 'expenseId', `费用申请 #${item.expenseId} 不存在或不是申请人的`, `expense request #${item.expenseId} does not exist or is not the applicant's`);
  }
  if (!CLAIMABLE_TYPES.includes(expense.type)) {
    throw itemError(index, 'expenseId', `${expense.expenseNo}（${EXPENSE_TYPE_LABELS[expense.type].zh}）不能报销`, `${expense.expenseNo} (${EXPENSE_TYPE_LABELS[expense.type].en}) is not reimbursed`);
  }
  if (expense.status !== 'approved') {
    const zh =
      expense.status === 'claimed' || expense.status === 'reimbursed'
        ? `${expense.expenseNo} 已在报销单 ${expense.claimNo ?? ''} 中`
        : `${expense.expenseNo} 当前为“${statusZh(expense.status)}”，只有已批准的申请可以报销`;
    const en =
      expense.status === 'claimed' || expense.status === 'reimbursed'
        ? `${expense.expenseNo} is already on reimbursement ${expense.claimNo ?? ''}`
        : `${expense.expenseNo} is ${expense.status}: only an approved request is reimbursed`;
    throw itemError(index, 'expenseId', zh, en);
  }
  if (!NO_INVOICE_TYPES.includes(expense.type) && item.invoices.length === 0) {
    throw expense.type === 'lodging'
      ? itemError(index, 'invoices', '须附正规酒店发票，无发票的当天不计为出差日（E-LODGING）', 'a formal hotel invoice is required; a day without one is no travel day (E-LODGING)')
      : itemError(index, 'invoices', '须附发票', 'invoices are required');
  }
  return expense;
}

function checkInvoices(tx: Db | Tx, input: ClaimCreateInput, today: string): void {
  /** Invoice no. in upper case → where it is on the form (items.0.invoices.1). */
  const seen = new Map<string, string>();
  input.items.forEach((item, index) => {
    item.invoices.forEach((invoice, n) => {
      const key = invoice.invoiceNo.toUpperCase();
      const field = `items.${index}.invoices.${n}`;
      if (invoice.invoiceDate > today) {
        throw new AppError('VALIDATION', `第 ${index + 1} 项发票 ${invoice.invoiceNo}：发票日期 ${invoice.invoiceDate} 晚于今天`, `Item ${index + 1}, invoice ${invoice.invoiceNo}: dated ${invoice.invoiceDate}, after today`, [
          { field: `${field}.invoiceDate`, message: '发票日期：不能晚于今天', messageEn: 'Invoice date: cannot be after today' },
        ]);
      }
      if (seen.has(key)) {
        throw new AppError('VALIDATION', `发票号码 ${invoice.invoiceNo} 重复`, `Invoice no. ${invoice.invoiceNo} appears twice`, [
          { field: `${field}.invoiceNo`, message: '发票号码：重复', messageEn: 'Invoice no.: appears twice' },
        ]);
      }
      seen.set(key, field);
    });
  });
  if (!seen.size) return;
  const used = tx
    .select({ invoiceNo: expenseInvoices.invoiceNo, claimNo: expenseClaims.claimNo })
    .from(expenseInvoices)
    .innerJoin(expenseClaimItems, eq(expenseClaimItems.id, expenseInvoices.itemId))
    .innerJoin(expenseClaims, eq(expenseClaims.id, expenseClaimItems.claimId))
    .where(and(inArray(sql`upper(${expenseInvoices.invoiceNo})`, [...seen.keys()]), ne(expenseClaims.status, 'returned')))
    .get();
  if (used) {
    const field = seen.get(used.invoiceNo.toUpperCase())!;
    throw new AppError('VALIDATION', `发票 ${used.invoiceNo} 已在报销单 ${used.claimNo} 中报销过`, `Invoice ${used.invoiceNo} was already claimed on ${used.claimNo}`, [
      { field: `${field}.invoiceNo`, message: `发票号码：已在报销单 ${used.claimNo} 中`, messageEn: `Invoice no.: already on ${used.claimNo}` },
    ]);
  }
}

/** Paid-out advances of these trips not yet offset. */
function openAdvances(tx: Db | Tx, applicantId: number, tripIds: number[]): Expense[] {
  if (!tripIds.length) return [];
  return expenseRows(
    tx,
    and(eq(expenses.type, 'travel_advance'), eq(expenses.applicantId, applicantId), inArray(expenses.tripId, tripIds), eq(expenses.status, 'disbursed'), isNull(expenses.claimId)),
  );
}

/** Everything a claim would pay, checked (throws on what the rules or the data forbid); writes nothing. */
function assess(tx: Db | Tx, actor: Actor, input: ClaimCreateInput, today: string) {
  const applicant = applicantOf(tx, actor, input.applicantId);
  const ids = input.items.map((i) => i.expenseId);
  const twice = ids.find((id, n) => ids.indexOf(id) !== n);
  if (twice !== undefined) throw itemError(ids.lastIndexOf(twice), 'expenseId', `费用申请 #${twice} 重复`, `expense request #${twice} appears twice`);
  checkInvoices(tx, input, today);
  const lines = input.items.map((item, index) => {
    const expense = claimableExpense(tx, applicant.id, item, index);
    return { item, expense, ...reimbursementOf(tx, expense, item, index) };
  });
  const tripIds = [...new Set(lines.map((l) => l.expense.tripId).filter((id): id is number => id !== null))];
  const advances = openAdvances(tx, applicant.id, tripIds);
  const claimedFen = lines.reduce((s, l) => s + l.claimedFen, 0);
  const reimbursableFen = lines.reduce((s, l) => s + l.reimbursableFen, 0);
  const advanceFen = advances.reduce((s, a) => s + (a.reimbursedFen ?? 0), 0);
  return { applicant, ids, lines, advances, claimedFen, reimbursableFen, advanceFen, payableFen: reimbursableFen - advanceFen };
}

/** The claim form's live figures: what claims.create would store, by the same checks; writes nothing. */
export function previewClaim(db: Db, actor: Actor, input: ClaimCreateInput, at: Date): ClaimPreview {
  const a = assess(db, actor, input, localDate(at));
  return {
    items: a.lines.map((l) => ({ expenseId: l.expense.id, claimedFen: l.claimedFen, reimbursableFen: l.reimbursableFen, basis: l.basis, basisEn: l.basisEn })),
    claimedFen: a.claimedFen,
    reimbursableFen: a.reimbursableFen,
    advanceFen: a.advanceFen,
    payableFen: a.payableFen,
    advances: a.advances.map((e) => ({ expenseId: e.id, expenseNo: e.expenseNo, amountFen: e.reimbursedFen ?? 0 })),
  };
}

export function createClaim(db: Db, actor: Actor, input: ClaimCreateInput, at: Date): Claim {
  const today = localDate(at);
  return db.transaction((tx) => {
    const { applicant, ids, lines, advances, claimedFen, reimbursableFen, advanceFen, payableFen } = assess(tx, actor, input, today);
    const stamp = at.toISOString();
    const claim = tx
      .insert(expenseClaims)
      .values({
        claimNo: nextNumber(tx, 'BX', today),
        applicantId: applicant.id,
        enteredBy: actor.id,
        status: 'submitted',
        claimedFen,
        reimbursableFen,
        advanceFen,
        payableFen,
        note: input.note,
        createdAt: stamp,
      })
      .returning({ id: expenseClaims.id })
      .get();
    for (const line of lines) {
      const item = tx
        .insert(expenseClaimItems)
        .values({ claimId: claim.id, expenseId: line.expense.id, claimedFen: line.claimedFen, reimbursableFen: line.reimbursableFen, basis: line.basis, basisEn: line.basisEn })
        .returning({ id: expenseClaimItems.id })
        .get();
      for (const invoice of line.item.invoices) tx.insert(expenseInvoices).values({ itemId: item.id, ...invoice }).run();
    }
    tx.update(expenses).set({ status: 'claimed', claimId: claim.id, updatedAt: stamp }).where(inArray(expenses.id, ids)).run();
    if (advances.length) {
      tx.update(expenses)
        .set({ claimId: claim.id, updatedAt: stamp })
        .where(inArray(expenses.id, advances.map((a) => a.id)))
        .run();
    }
    const saved = claimById(tx, claim.id);
    recordAudit(tx, { userId: actor.id, action: 'expenses.claim', entity: 'expense_claims', entityId: claim.id, before: null, after: saved, at });
    return saved;
  });
}

// —— reading ——

const payer = alias(users, 'payer');

function claimRows(db: Db | Tx, where: SQL | undefined, limit = 500): Claim[] {
  const heads = db
    .select({ c: expenseClaims, applicantName: users.displayName, region: users.region, paidByName: payer.displayName })
    .from(expenseClaims)
    .innerJoin(users, eq(users.id, expenseClaims.applicantId))
    .leftJoin(payer, eq(payer.id, expenseClaims.paidBy))
    .where(where)
    .orderBy(desc(expenseClaims.id))
    .limit(limit)
    .all();
  if (!heads.length) return [];
  const claimIds = heads.map((h) => h.c.id);
  const items = db
    .select({ item: expenseClaimItems, expense: expenses })
    .from(expenseClaimItems)
    .innerJoin(expenses, eq(expenses.id, expenseClaimItems.expenseId))
    .where(inArray(expenseClaimItems.claimId, claimIds))
    .orderBy(expenseClaimItems.id)
    .all();
  const itemIds = items.map((i) => i.item.id);
  const invoices = itemIds.length ? db.select().from(expenseInvoices).where(inArray(expenseInvoices.itemId, itemIds)).orderBy(expenseInvoices.id).all() : [];
  const customersById = new Map(
    db
      .all<{ id: number; name: string }>(sql`SELECT id, name FROM customers WHERE id IN (SELECT customer_id FROM expenses WHERE id IN (SELECT expense_id FROM expense_claim_items WHERE claim_id IN (${sql.join(claimIds.map((id) => sql`${id}`), sql`, `)})))`)
      .map((c) => [c.id, c.name]),
  );
  // The advances a claim offsets: while it is open they point at it; once paid they are settled by it.
  const advances = db
    .select({ id: expenses.id, expenseNo: expenses.expenseNo, amountFen: expenses.reimbursedFen, claimId: expenses.claimId })
    .from(expenses)
    .where(and(eq(expenses.type, 'travel_advance'), inArray(expenses.claimId, claimIds)))
    .all();
  return heads.map(({ c, applicantName, region, paidByName }) => ({
    id: c.id,
    claimNo: c.claimNo,
    applicantId: c.applicantId,
    applicantName,
    region,
    enteredById: c.enteredBy,
    status: c.status,
    claimedFen: c.claimedFen,
    reimbursableFen: c.reimbursableFen,
    advanceFen: c.advanceFen,
    payableFen: c.payableFen,
    advances: advances.filter((a) => a.claimId === c.id).map((a) => ({ expenseId: a.id, expenseNo: a.expenseNo, amountFen: a.amountFen ?? 0 })),
    items: items
      .filter((i) => i.item.claimId === c.id)
      .map(({ item, expense }) => ({
        expenseId: expense.id,
        expenseNo: expense.expenseNo,
        type: expense.type,
        purpose: expense.purpose,
        customerName: expense.customerId === null ? null : (customersById.get(expense.customerId) ?? null),
        approvedFen: expense.approvedFen,
        claimedFen: item.claimedFen,
        reimbursableFen: item.reimbursableFen,
        basis: item.basis,
        basisEn: item.basisEn,
        invoices: invoices.filter((inv) => inv.itemId === item.id).map((inv) => ({ invoiceNo: inv.invoiceNo, invoiceDate: inv.invoiceDate, amountFen: inv.amountFen })),
      })),
    note: c.note,
    createdAt: c.createdAt,
    paidAt: c.paidAt,
    paidByName,
    returnedReason: c.returnedReason,
    version: c.version,
  }));
}

function claimById(db: Db | Tx, id: number): Claim {
  const row = claimRows(db, eq(expenseClaims.id, id))[0];
  if (!row) throw new AppError('NOT_FOUND', `报销单 #${id} 不存在`, `Reimbursement #${id} not found`);
  return row;
}

/** Claims the actor may see, as expenses (see expenseScope): his own and those he entered; a supervisor's team's; the heads, finance and assistants all. */
function claimScope(db: Db | Tx, actor: Actor): SQL | undefined {
  if (EXPENSE_SEE_ALL_ROLES.includes(actor.role)) return undefined;
  const own = or(eq(expenseClaims.applicantId, actor.id), eq(expenseClaims.enteredBy, actor.id));
  const team = actor.role === 'supervisor' ? teamOf(db, actor.id) : [];
  return team.length ? or(own, inArray(expenseClaims.applicantId, team)) : own;
}

export function getClaim(db: Db | Tx, actor: Actor, id: number): Claim {
  const claim = claimRows(db, and(eq(expenseClaims.id, id), claimScope(db, actor)))[0];
  if (!claim) throw new AppError('NOT_FOUND', `报销单 #${id} 不存在`, `Reimbursement #${id} not found`);
  return claim;
}

export function listClaims(db: Db, actor: Actor, filter: { status?: ClaimStatus; applicantId?: number }): Claim[] {
  const where = and(
    filter.status ? eq(expenseClaims.status, filter.status) : undefined,
    filter.applicantId ? eq(expenseClaims.applicantId, filter.applicantId) : undefined,
    claimScope(db, actor),
  );
  return claimRows(db, where);
}

// —— finance ——

function openClaim(tx: Tx, actor: Actor, id: number, version: number): Claim {
  const claim = getClaim(tx, actor, id);
  if (claim.status !== 'submitted') {
    throw new AppError('CONFLICT', `报销单 ${claim.claimNo} 已${claim.status === 'paid' ? '付款' : '退回'}`, `Reimbursement ${claim.claimNo} is already ${claim.status}`);
  }
  if (claim.version !== version) throw new AppError('CONFLICT', `报销单 ${claim.claimNo} 已被他人处理，请刷新后再试`, `Reimbursement ${claim.claimNo} was changed by someone else; refresh and try again`);
  return claim;
}

/** Finance pays the claim: its expenses are reimbursed and the advances it offsets settled. */
export function payClaim(db: Db, actor: Actor, input: { id: number; version: number }, at: Date): Claim {
  return db.transaction((tx) => {
    const claim = openClaim(tx, actor, input.id, input.version);
    const stamp = at.toISOString();
    tx.update(expenseClaims).set({ status: 'paid', paidAt: stamp, paidBy: actor.id, version: claim.version + 1 }).where(eq(expenseClaims.id, claim.id)).run();
    for (const item of claim.items) {
      tx.update(expenses).set({ status: 'reimbursed', reimbursedFen: item.reimbursableFen, updatedAt: stamp }).where(eq(expenses.id, item.expenseId)).run();
    }
    if (claim.advances.length) {
      tx.update(expenses)
        .set({ status: 'settled', updatedAt: stamp })
        .where(inArray(expenses.id, claim.advances.map((a) => a.expenseId)))
        .run();
    }
    const after = claimById(tx, claim.id);
    recordAudit(tx, {
      userId: actor.id,
      action: 'expenses.pay',
      entity: 'expense_claims',
      entityId: claim.id,
      before: { status: claim.status },
      after: { status: after.status, reimbursableFen: after.reimbursableFen, advanceFen: after.advanceFen, payableFen: after.payableFen },
      at,
    });
    return after;
  });
}

/** Finance returns the claim with a reason: its expenses may be claimed again, its invoices are free. */
export function returnClaim(db: Db, actor: Actor, input: { id: number; version: number; reason: string }, at: Date): Claim {
  return db.transaction((tx) => {
    const claim = openClaim(tx, actor, input.id, input.version);
    const stamp = at.toISOString();
    tx.update(expenseClaims).set({ status: 'returned', returnedReason: input.reason, version: claim.version + 1 }).where(eq(expenseClaims.id, claim.id)).run();
    tx.update(expenses)
      .set({ status: 'approved', claimId: null, updatedAt: stamp })
      .where(and(eq(expenses.claimId, claim.id), ne(expenses.type, 'travel_advance')))
      .run();
    tx.update(expenses)
      .set({ claimId: null, updatedAt: stamp })
      .where(and(eq(expenses.claimId, claim.id), eq(expenses.type, 'travel_advance')))
      .run();
    const after = claimById(tx, claim.id);
    recordAudit(tx, { userId: actor.id, action: 'expenses.return', entity: 'expense_claims', entityId: claim.id, before: { status: claim.status }, after: { status: after.status, reason: input.reason }, at });
    return after;
  });
}

/** The applicant's approved expenses that can go on a claim, and the open advances of their trips. */
export function claimable(db: Db, actor: Actor, applicantId: number | undefined): { expenses: Expense[]; advances: Expense[] } {
  const applicant = applicantOf(db, actor, applicantId);
  const list = expenseRows(db, and(eq(expenses.applicantId, applicant.id), eq(expenses.status, 'approved'), inArray(expenses.type, [...CLAIMABLE_TYPES])));
  const trips = [...new Set(list.map((e) => e.tripId).filter((id): id is number => id !== null))];
  return { expenses: list, advances: openAdvances(db, applicant.id, trips) };
}
