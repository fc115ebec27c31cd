// Printed expense slips through the API (DOMAIN §6): the 费用申请单 of an approved request and the
// 差旅费报销单 of a reimbursement, A5 landscape and A4, with amounts in figures and 大写, the approval
// chain by name, blank signature boxes; each print audited; a request not yet approved or a colleague's
// slip is refused. Rendered to PDF through Chromium and to PNGs to look at (test-results/print-expense-*.png).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../electron/cli/pdf';
import type { ChannelOutput } from '../../shared/api';
import { createCustomer, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';
import { expectPaper, havePdfTools, pdfInfo, pdfText, pdfToPngs } from '../support/pdf';

const NOW = new Date('2026-11-23T04:00:00.000Z'); // Monday 12:00 in Shanghai
const COMPANY = '苏州恒达化工有限公司';
const SCRIPT = '<script>alert(1)</script>';
const PURPOSE = `${SCRIPT} 宴请苏州华工材料有限公司采购部一行六人`;
/** 198 characters, with a run no line break fits: it wraps, never clips. */
const LONG_PURPOSE =
  `${SCRIPT} 宴请苏州华工材料有限公司采购部及技术部一行六人，洽谈 2027 年度环氧树脂与固化剂框架协议、年度返利条款、` +
  '付款方式由月结六十天改为月结三十天以及新产品 E-44 的试用安排，并就 11 月到货延迟一事当面致歉 ' +
  'REF-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

type Expense = ChannelOutput<'expenses.create'>;
type Claim = ChannelOutput<'claims.create'>;

let template: TeamTemplate;
let t: TeamCore;
let trip: Expense;
let advance: Expense;
let entertainment: Expense;
let pending: Expense;
let claim: Claim;
let returnsClaim: Claim;
let returnedClaim: Claim;
let long: Expense;
let longClaim: Claim;

const dir = mkdtempSync(join(tmpdir(), 'salesdesk-print-expenses-'));

async function approveAll(request: { requestId: number }, ...approvers: Caller[]) {
  for (const approver of approvers) {
    const r = await approver.call('requests.get', { id: request.requestId });
    await approver.call('requests.decide', { id: r.id, version: r.version, decision: 'approve', comment: approver === t.team.gm ? '同意，注意控制费用' : '' });
  }
}

beforeAll(async () => {
  template = await teamTemplate();
  t = await teamCore(template, { now: () => NOW });
  const { repB, manager, finance, gm } = t.team;
  await t.admin.call('users.update', { id: t.ids.repB, patch: { region: '华东区' } });
  const { customer } = await createCustomer(repB, 'C001', { name: '苏州华工材料有限公司' });

  trip = await repB.call('expenses.create', {
    type: 'travel',
    purpose: '苏州客户拜访',
    fields: { destination: '苏州', startDate: '2026-11-16', endDate: '2026-11-18', customersToVisit: '苏州华工' },
  });
  await approveAll(trip, manager);
  advance = await repB.call('expenses.create', { type: 'travel_advance', purpose: '差旅借款', tripId: trip.id, fields: { amount: 50_000 } });
  await approveAll(advance, manager, finance, gm);
  await finance.call('expenses.disburse', { id: advance.id });
  const transport = await repB.call('expenses.create', {
    type: 'transport',
    purpose: '高铁往返上海—苏州',
    tripId: trip.id,
    customerId: customer.id,
    fields: { transportTotal: 120_000, dealSigned: true, dealAmount: 5_000_000 },
  });
  const lodging = await repB.call('expenses.create', {
    type: 'lodging',
    purpose: '苏州住宿两晚',
    tripId: trip.id,
    fields: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 },
  });
  // Filed after the event on a verbal approval (E-ENTERTAIN's emergency path), so the invoice of the day can be claimed today.
  entertainment = await repB.call('expenses.create', {
    type: 'entertainment',
    purpose: PURPOSE,
    customerId: customer.id,
    fields: { amount: 60_000, guests: 6, eventDate: '2026-11-20', verbalApproval: true },
    note: '客户临时来访，经理电话同意',
  });
  const sample = await repB.call('expenses.create', { type: 'sample', purpose: '寄送 E-44 样品快递费', customerId: customer.id, fields: { amount: 20_000 } });
  for (const e of [transport, lodging, entertainment, sample]) await approveAll(e, manager);

  // A normal trip claim: 4 items, 6 invoices, the advance offset.
  claim = await repB.call('claims.create', {
    items: [
      { expenseId: transport.id, invoices: [{ invoiceNo: 'T001', invoiceDate: '2026-11-16', amountFen: 60_000 }, { invoiceNo: 'T002', invoiceDate: '2026-11-18', amountFen: 60_000 }] },
      { expenseId: lodging.id, invoices: [{ invoiceNo: 'H001', invoiceDate: '2026-11-16', amountFen: 19_000 }, { invoiceNo: 'H002', invoiceDate: '2026-11-17', amountFen: 19_000 }] },
      { expenseId: entertainment.id, invoices: [{ invoiceNo: 'E001', invoiceDate: '2026-11-20', amountFen: 58_800 }] },
      { expenseId: sample.id, invoices: [{ invoiceNo: 'S001', invoiceDate: '2026-11-21', amountFen: 12_345 }] },
    ],
    note: '发票原件附后',
  });
  expect(claim).toMatchObject({ reimbursableFen: 72_000 + 30_000 + 58_800 + 12_345, advanceFen: 50_000, payableFen: 123_145 });
  claim = await finance.call('claims.pay', { id: claim.id, version: claim.version });

  // An advance larger than what is reimbursed: the employee returns the difference.
  const trip2 = await repB.call('expenses.create', { type: 'travel', purpose: '杭州展会', fields: { destination: '杭州', startDate: '2026-11-19', endDate: '2026-11-20' } });
  await approveAll(trip2, manager);
  const advance2 = await repB.call('expenses.create', { type: 'travel_advance', purpose: '展会借款', tripId: trip2.id, fields: { amount: 50_000 } });
  await approveAll(advance2, manager, finance, gm);
  await finance.call('expenses.disburse', { id: advance2.id });
  const perDiem = await repB.call('expenses.create', { type: 'per_diem', purpose: '杭州出差补贴', tripId: trip2.id, fields: { travelDays: 2 } });
  await approveAll(perDiem, manager);
  returnsClaim = await repB.call('claims.create', { items: [{ expenseId: perDiem.id, days: 1 }] });
  expect(returnsClaim.payableFen).toBe(15_000 - 50_000);

  // A request with the longest purpose: claimed, returned by finance, claimed again.
  long = await repB.call('expenses.create', { type: 'other', purpose: LONG_PURPOSE, customerId: customer.id, fields: { amount: 5_000 } });
  await approveAll(long, manager);
  const toReturn = await repB.call('claims.create', { items: [{ expenseId: long.id, invoices: [{ invoiceNo: 'O001', invoiceDate: '2026-11-22', amountFen: 5_000 }] }] });
  returnedClaim = await finance.call('claims.return', { id: toReturn.id, version: toReturn.version, reason: '发票抬头不符' });
  longClaim = await repB.call('claims.create', { items: [{ expenseId: long.id, invoices: [{ invoiceNo: 'O002', invoiceDate: '2026-11-22', amountFen: 5_000 }] }] });
  // And a request not yet approved.
  pending = await repB.call('expenses.create', { type: 'other', purpose: '未批准的费用', fields: { amount: 8_000 } });
  expect(pending.status).toBe('pending');
}, 60_000);

afterAll(() => {
  t?.cleanup();
  template?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function printsOf(action: string, entity: string, entityId: number): Promise<number> {
  const audit = await t.admin.call('audit.list', { startRow: 0, endRow: 500, entity, entityId: String(entityId) });
  return audit.rows.filter((r) => r.action === action).length;
}

const signBoxes = (html: string) => [...html.matchAll(/data-sign="([^"]+)"/g)].map((m) => m[1]);

describe('print.expenseForm (费用申请单)', () => {
  it('prints an approved request on A5 landscape and A4: head, amounts in figures and 大写, the chain by name, signature boxes; escaped', async () => {
    for (const paper of ['a5', 'a4'] as const) {
      const printed = await t.team.repB.call('print.expenseForm', { expenseId: entertainment.id, paper });
      const { html } = printed;
      expect(printed).toMatchObject({ title: `费用申请单 ${entertainment.expenseNo}`, pages: 1 });
      expect(html).toContain(paper === 'a5' ? 'size: A5 landscape' : 'size: A4;');
      expect(html).toContain(COMPANY);
      expect(html).toContain('<h1>费用申请单</h1>');
      expect(entertainment.expenseNo).toMatch(/^FY20261123-\d{3}$/);
      expect(html).toContain(entertainment.expenseNo);
      expect(html).toContain('李娜');
      expect(html).toContain('销售部 华东区');
      expect(html).toContain('C001 苏州华工材料有限公司');
      expect(html).toContain('宴请');
      expect(html).toContain('¥600.00');
      expect(html).toContain('人民币陆佰元整');
      expect(html).toContain('客人人数：6');
      expect(html).toContain('宴请日期：2026-11-20');
      expect(html).toContain('已口头批准：是');
      expect(html).toContain('客户临时来访，经理电话同意');
      // The approval chain: the manager approved it by name and date.
      expect(html).toMatch(/<td>销售经理<\/td><td>王经理<\/td><td>同意<\/td><td>2026-11-23<\/td>/);
      expect(signBoxes(html)).toEqual(['申请人', '部门经理', '财务审核', '总经理']);
      // The purpose is text, never markup.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toMatch(/<script/i);
    }
    expect(await printsOf('print.expenseForm', 'expenses', entertainment.id)).toBe(2);
  });

  it('shows every step of a longer chain (manager, finance, gm with a comment) and what was paid out', async () => {
    const { html } = await t.team.finance.call('print.expenseForm', { expenseId: advance.id, paper: 'a5' });
    expect(html).toContain('借差旅费');
    expect(html).toContain('借款金额');
    expect(html).toContain('人民币伍佰元整');
    expect(html).toContain('已借出'); // the advance was paid out (and settled by the paid claim)
    expect(html).toContain('已冲销');
    expect(html).toContain(`出差登记：</b>${trip.expenseNo} 苏州 2026-11-16 至 2026-11-18`);
    expect(html).toMatch(/<td>王经理<\/td><td>同意<\/td>/);
    expect(html).toMatch(/<td>吴会计<\/td><td>同意<\/td>/);
    expect(html).toMatch(/<td>赵总<\/td><td>同意<\/td><td>2026-11-23<\/td><td>同意，注意控制费用<\/td>/);
    expect(html).toContain('打印：吴会计');
    expect(await printsOf('print.expenseForm', 'expenses', advance.id)).toBe(1);
  });

  it('refuses a request not yet approved, and a colleague who may not see it (NOT_FOUND); nothing is written', async () => {
    const before = t.snapshot();
    const refused = await t.team.repB.fail('print.expenseForm', { expenseId: pending.id, paper: 'a5' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('批准后才能打印');
    expect((await t.team.repA.fail('print.expenseForm', { expenseId: entertainment.id, paper: 'a5' })).code).toBe('NOT_FOUND');
    // repA's supervisor sees his team, not the manager's direct report repB.
    expect((await t.team.supervisor.fail('print.expenseForm', { expenseId: entertainment.id, paper: 'a4' })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });
});

describe('print.claimForm (差旅费报销单 / 费用报销单)', () => {
  it('prints a paid trip claim: items with invoices and basis, totals in figures and 大写, advance offset, the chains and the payment', async () => {
    for (const paper of ['a5', 'a4'] as const) {
      const printed = await t.team.repB.call('print.claimForm', { claimId: claim.id, paper });
      const { html } = printed;
      expect(printed).toMatchObject({ title: `差旅费报销单 ${claim.claimNo}`, pages: 1 });
      expect(html).toContain(paper === 'a5' ? 'size: A5 landscape' : 'size: A4;');
      expect(html).toContain(COMPANY);
      expect(html).toContain('<h1>差旅费报销单</h1>');
      expect(claim.claimNo).toMatch(/^BX20261123-\d{3}$/);
      expect(html).toContain(claim.claimNo);
      expect(html).toContain('销售部 华东区');
      expect(html).toContain(`${trip.expenseNo} 苏州 2026-11-16 至 2026-11-18`);
      for (const type of ['交通费', '住宿', '宴请', '样品费']) expect(html).toContain(type);
      expect(html).toContain('附发票：</b>6 张');
      expect(html).toContain('合计（发票 6 张）');
      expect(html).toContain('2,291.45'); // the invoices' total
      expect(html).toContain('E-TRANSPORT');
      // 合计 1,731.45 − 借款 500.00 = 应付 1,231.45, each also in capitals.
      expect(html).toContain('¥1,731.45');
      expect(html).toContain('人民币壹仟柒佰叁拾壹元肆角伍分');
      expect(html).toContain('¥500.00');
      expect(html).toContain('人民币伍佰元整');
      expect(html).toContain(advance.expenseNo);
      expect(html).toContain('应付金额');
      expect(html).toContain('¥1,231.45');
      expect(html).toContain('人民币壹仟贰佰叁拾壹元肆角伍分');
      // The chains of the items and the advance, and who paid.
      expect(html).toContain('<b>第 1、2、3、4 项</b>：销售经理 王经理 同意 2026-11-23');
      expect(html).toContain(`<b>借差旅费 ${advance.expenseNo}</b>：销售经理 王经理 同意 2026-11-23 → 财务 吴会计 同意 2026-11-23 → 总经理 赵总 同意 2026-11-23`);
      expect(html).toMatch(/<b>财务付款<\/b>：吴会计 2026-11-23/);
      expect(signBoxes(html)).toEqual(['申请人', '部门经理', '财务审核', '总经理', '领款人']);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toMatch(/<script/i);
    }
    expect(await printsOf('print.claimForm', 'expense_claims', claim.id)).toBe(2);
  });

  it('a claim below its advance shows 应退金额 (what the employee returns) and 待付款', async () => {
    const { html } = await t.team.assistant.call('print.claimForm', { claimId: returnsClaim.id, paper: 'a5' });
    expect(html).toContain('出差补贴');
    expect(html).toContain('应退金额');
    expect(html).toContain('¥350.00');
    expect(html).toContain('人民币叁佰伍拾元整');
    expect(html).not.toContain('应付金额');
    expect(html).toMatch(/<b>财务付款<\/b>：待付款/);
    expect(await printsOf('print.claimForm', 'expense_claims', returnsClaim.id)).toBe(1);
  });

  it('refuses a returned claim, and a colleague who may not see it (NOT_FOUND); nothing is written', async () => {
    const before = t.snapshot();
    expect((await t.team.repB.fail('print.claimForm', { claimId: returnedClaim.id, paper: 'a5' })).message).toContain('已退回');
    expect((await t.team.repA.fail('print.claimForm', { claimId: claim.id, paper: 'a5' })).code).toBe('NOT_FOUND');
    expect((await t.team.supervisor.fail('print.claimForm', { claimId: claim.id, paper: 'a4' })).code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });
});

// —— on paper ——

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const ch of needle) {
    at = haystack.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

describe.skipIf(!havePdfTools)('expense slips on paper', () => {
  const expenseForm = (id: () => number, paper: 'a5' | 'a4') => () => t.team.repB.call('print.expenseForm', { expenseId: id(), paper });
  const claimForm = (id: () => number, paper: 'a5' | 'a4') => () => t.team.repB.call('print.claimForm', { claimId: id(), paper });
  const cases = [
    { name: 'expense-form-a5', paper: 'a5' as const, print: expenseForm(() => entertainment.id, 'a5') },
    { name: 'expense-form-a4', paper: 'a4' as const, print: expenseForm(() => entertainment.id, 'a4') },
    { name: 'advance-form-a5', paper: 'a5' as const, print: expenseForm(() => advance.id, 'a5') },
    { name: 'long-form-a5', paper: 'a5' as const, print: expenseForm(() => long.id, 'a5'), whole: LONG_PURPOSE },
    // A normal trip claim (4 items, 6 invoices) fits one A5 sheet.
    { name: 'claim-form-a5', paper: 'a5' as const, print: claimForm(() => claim.id, 'a5') },
    { name: 'claim-form-a4', paper: 'a4' as const, print: claimForm(() => claim.id, 'a4') },
    { name: 'claim-returns-a5', paper: 'a5' as const, print: claimForm(() => returnsClaim.id, 'a5') },
    { name: 'claim-long-a5', paper: 'a5' as const, print: claimForm(() => longClaim.id, 'a5'), whole: LONG_PURPOSE },
  ];
  it.each(cases)('$name: one page of the right size, rendered to test-results/print-expense-$name-1.png', async ({ name, paper, print, whole }) => {
    const pdf = join(dir, `${name}.pdf`);
    await htmlToPdf((await print()).html, pdf);
    const pngs = pdfToPngs(pdf, `print-expense-${name}`, 80);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(pngs).toHaveLength(1);
    if (paper === 'a5') expectPaper(info, 210, 148); // landscape
    else expectPaper(info, 210, 297);
    const text = pdfText(pdf);
    expect(text).toContain(COMPANY); // real glyphs, extractable, not boxes
    expect(text).toMatch(/人民币/);
    expect(text).toContain('总经理'); // the signature boxes are on the page
    if (name.startsWith('claim')) expect(text).toContain('领款人');
    // Wrapped over several lines, every character is on the page.
    // Wrapped over many lines, every character is on the page, in order (a table's text lines
    // interleave its cells, and pdftotext joins a word hyphenated at a line end: compare without both).
    if (whole) expect(isSubsequence(whole.replace(/[\s-]+/g, ''), text.replace(/[\s-]+/g, ''))).toBe(true);
  }, 60_000);
});
