// Property-based tests at the one door into the core: whatever a renderer (or anything that reaches
// the transport) sends — unknown channels, wrong types, SQL fragments, control characters, huge
// strings — the dispatcher answers with a well-formed result, speaks Chinese first when it refuses,
// never crashes into INTERNAL, and never writes anything when it refuses.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CHANNEL_NAMES, isChannelName, type ChannelInput, type ChannelName, type InvokeResult } from '../../shared/api';
import { localDate } from '../../shared/dates';
import { ERROR_CODES } from '../../shared/errors';
import { createCustomer, hasChinese, PASSWORD, testCore, type TestCore } from '../support/core';

let t: TestCore;
let ids: { admin: number; rep: number; manager: number; customer: number; application: number; change: number };
let templates: Record<ChannelName, unknown>;

beforeAll(async () => {
  t = await testCore();
  const admin = (await t.admin.call('auth.me', {}))!.id;
  const rep = await t.admin.call('users.create', { username: 'rep1', displayName: '张伟', role: 'rep', password: PASSWORD });
  const manager = await t.admin.call('users.create', { username: 'mgr1', displayName: '王经理', role: 'manager', password: PASSWORD });
  const repCaller = t.callerFor(rep.id);
  const { customer, application } = await createCustomer(repCaller, 'C001', { phone: '0512-1111111' });
  const change = await repCaller.call('customers.update', { id: customer.id, version: 0, patch: { phone: '0512-2222222' } });
  ids = { admin, rep: rep.id, manager: manager.id, customer: customer.id, application: application.id, change: change.changeRequest!.id };
  // An order (draft) of the rep's customer, for the order channels to probe.
  const product = await t.admin.call('products.create', { product: { code: 'ORD-1', name: '聚丙烯', standardPriceFen: 900_000, costPriceFen: 700_000 } });
  const order = await repCaller.call('orders.create', { customerId: customer.id, lines: [{ productId: product.product.id, quantityMilli: 2_500 }] });
  const orderId = order.order.id;
  // Expenses of the rep (his superior is the manager): a dinner with the customer approved, so a
  // claim of it can go through; a trip registered; a claim waiting for finance.
  await t.admin.call('users.update', { id: rep.id, patch: { managerId: manager.id } });
  const managerCaller = t.callerFor(manager.id);
  const fileApproved = async (input: ChannelInput<'expenses.create'>) => {
    const filed = await repCaller.call('expenses.create', input);
    const request = await managerCaller.call('requests.get', { id: filed.requestId });
    await managerCaller.call('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    return filed;
  };
  const sample = await fileApproved({ type: 'sample', purpose: '样品快递', customerId: customer.id, fields: { amount: 20_000 } });
  const claimed = await fileApproved({ type: 'other', purpose: '资料打印', customerId: customer.id, fields: { amount: 5_000 } });
  const claim = await repCaller.call('claims.create', { items: [{ expenseId: claimed.id, invoices: [{ invoiceNo: 'FP-0001', invoiceDate: '2026-01-05', amountFen: 5_000 }] }] });
  const trip = await repCaller.call('expenses.create', { type: 'travel', purpose: '苏州拜访', fields: { destination: '苏州', startDate: '2099-01-05', endDate: '2099-01-07' } });
  // Leave and attendance of the rep (§8): a leave far ahead, today's clock record (kept by the
  // manager) and a sign card for today's missed clock-out; a complaint of his customer (§7), if the
  // complaints module takes it (otherwise the complaint channels probe an id that is not there).
  const leave = await repCaller.call('leave.create', { leaveType: 'personal', start: '2099-01-05', end: '2099-01-06', reason: '家中有事', proxyId: manager.id });
  const today = localDate(new Date());
  await managerCaller.call('attendance.record', { userId: rep.id, date: today, clockIn: '08:20', clockOut: null, note: '' });
  const signCard = await repCaller.call('attendance.signCard', { missedOn: today, clockOut: '17:40', reason: '忘记打卡' });
  const filedComplaint = await repCaller.raw('complaints.create', { customerId: customer.id, summary: '包装破损' });
  const complaint = filedComplaint.ok ? (filedComplaint.data as { id: number; version: number }) : { id: 1, version: 0 };
  // A plausible input for every channel (the type makes sure a new channel gets one); the
  // properties below mutate them.
  templates = {
    'setup.status': {},
    'setup.init': { companyName: '别的公司', adminUsername: 'admin2', adminDisplayName: '管理员', password: 'long-enough' },
    'auth.login': { username: 'rep1', password: 'wrong-password' },
    'auth.logout': {},
    'auth.me': {},
    'auth.changePassword': { oldPassword: 'not-the-password', newPassword: 'new-password' },
    'users.list': {},
    'users.directory': {},
    'users.create': { username: 'newbie', displayName: '新人', role: 'rep', password: 'long-enough', managerId: ids.manager },
    'users.update': { id: ids.rep, patch: { region: '华东', managerId: ids.manager } },
    'users.resetPassword': { id: ids.rep, newPassword: 'long-enough' },
    'customers.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'name', sort: 'asc' }],
      filter: {
        name: { filterType: 'text', type: 'contains', filter: '恒达' },
        creditLimitFen: { filterType: 'number', type: 'greaterThan', filter: 0 },
        status: { filterType: 'set', values: ['prospect'] },
      },
      quickSearch: 'C001',
      includeArchived: false,
    },
    'customers.get': { id: ids.customer },
    'customers.create': { customer: { customerNo: 'P001', name: '新客户', phone: '0512-1', ownerId: ids.rep, creditLimitFen: 0 }, reason: '' },
    'customers.update': { id: ids.customer, version: 0, patch: { industry: '化工', address: '苏州', monthlyVolume: 1000 }, reason: '' },
    'customers.setArchived': { id: ids.customer, archived: false },
    'customers.exportCsv': { query: { filter: {}, sort: [] }, columns: ['customerNo', 'name'] },
    'customers.apply': { customerId: ids.customer, reason: '' },
    'products.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'standardPriceFen', sort: 'desc' }],
      filter: {
        name: { filterType: 'text', type: 'contains', filter: '聚乙烯' },
        standardPriceFen: { filterType: 'number', type: 'greaterThan', filter: 0 },
        nextPriceFrom: { filterType: 'date', type: 'greaterThan', dateFrom: '2026-01-01' },
      },
      quickSearch: 'PE',
      includeArchived: false,
    },
    'products.get': { id: 1 },
    'products.create': { product: { code: 'PE-100', name: '聚乙烯', spec: '25kg/袋', unit: '吨', productLine: '塑料', standardPriceFen: 980_000, costPriceFen: 820_000 }, effectiveFrom: '2026-01-01', note: '' },
    'products.update': { id: 1, version: 0, product: { name: '聚乙烯颗粒', spec: '25kg/袋' } },
    'products.setPrice': { productId: 1, effectiveFrom: '2099-01-01', standardPriceFen: 1_000_000, costPriceFen: 850_000, note: '' },
    'products.setActive': { id: 1, active: true },
    'products.lookup': { text: 'PE', limit: 20 },
    'approvals.inbox': {},
    'approvals.mine': {},
    'approvals.decideApplication': { id: ids.application, decision: 'reject', comment: '' },
    'approvals.decideChange': { id: ids.change, decision: 'reject', comment: '' },
    'audit.list': { startRow: 0, endRow: 10, entity: 'customers', entityId: String(ids.customer) },
    'shipments.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'shipDate', sort: 'desc' }],
      filter: {
        customerId: { filterType: 'number', type: 'equals', filter: ids.customer },
        shipDate: { filterType: 'date', type: 'inRange', dateFrom: '2026-11-01', dateTo: '2026-11-30' },
      },
      quickSearch: 'SH',
    },
    'shipments.forOrder': { orderId: 1 },
    'shipments.create': { orderId: 1, shipmentNo: 'SH-0001', shipDate: '2026-11-23', carrier: '顺丰', lines: [{ orderLineId: 1, quantityMilli: 1_000 }], note: '' },
    'shipments.deliver': { id: 1, deliveredAt: '2026-11-23' },
    'ledger.entries': { customerId: ids.customer, from: '2026-01-01', to: '2026-12-31', startRow: 0, endRow: 50 },
    'ledger.balances': { startRow: 0, endRow: 20, sort: [{ colId: 'balanceFen', sort: 'desc' }], filter: { balanceFen: { filterType: 'number', type: 'greaterThan', filter: 0 } } },
    'ledger.postDeposit': { customerId: ids.customer, date: '2026-11-20', amountFen: 100_000, reference: 'BANK-1', note: '', allocations: [], prepayment: false },
    'ledger.postReceipt': { customerId: ids.customer, date: '2026-11-20', amountFen: 50_000, reference: '', note: '', allocations: [{ orderId: 1, amountFen: 50_000 }], prepayment: true },
    'ledger.reverse': { entryId: 1, reason: '录错金额' },
    'ledger.requestBadDebt': { customerId: ids.customer, amountFen: 10_000, note: '' },
    'statements.month': { month: '2026-10', customerId: ids.customer },
    'recon.month': { month: '2026-10' },
    'recon.publish': { month: '2026-10' },
    'recon.dispute': { month: '2026-10', note: '回款少算一笔' },
    'recon.lock': { month: '2026-10' },
    'policy.kinds': {},
    'policy.catalog': {},
    'policy.history': { ruleId: 'E-APPROVAL' },
    'policy.setParams': { ruleId: 'E-APPROVAL', params: { gmAboveFen: 600_000 }, effectiveFrom: '2099-01-01', note: '' },
    'policy.preview': { request: { kind: 'expense', amount: 100 } },
    'calendar.days': { from: '2026-10-01', to: '2026-10-10' },
    'calendar.setOverride': { date: '2026-12-31', working: false, note: '' },
    'calendar.removeOverride': { date: '2026-12-31' },
    'requests.submit': { request: { kind: 'price', standardPrice: 1_250_000, unitPrice: 1_200_000 }, note: '' },
    'requests.mine': {},
    'requests.inbox': {},
    'requests.get': { id: 1 },
    'requests.decide': { id: 1, version: 1, decision: 'reject', comment: '不行' },
    'requests.withdraw': { id: 1, version: 1 },
    'print.orderForm': { orderId: 1 },
    'print.statements': { month: '2026-11' },
    'print.complaintForm': { complaintId: complaint.id, paper: 'a4' },
    'print.leaveForm': { leaveId: leave.id },
    'print.attendanceSheet': { month: today.slice(0, 7), userId: rep.id },
    'complaints.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'receivedAt', sort: 'desc' }],
      filter: { status: { filterType: 'set', values: ['received', 'handling'] }, month: { filterType: 'text', type: 'equals', filter: today.slice(0, 7) } },
      quickSearch: '包装',
    },
    'complaints.get': { id: complaint.id },
    'complaints.create': { customerId: ids.customer, orderId, workOrderNo: '', summary: '交货延迟', course: '', responsibleId: null, severity: 'normal', source: 'manual', fileSlip: false },
    'complaints.fileSlip': { id: complaint.id, version: complaint.version, occurredAt: '2026-11-20T10:00:00+08:00', course: '运输途中包装破损', responsibleId: rep.id, workOrderNo: 'GD-001' },
    'complaints.act': { id: complaint.id, version: complaint.version, action: 'handle', note: '已联系客户' },
    'complaints.overdue': {},
    'complaints.reviewList': {},
    'complaints.unreported': { from: '2026-11-01', to: '2026-11-30' },
    'leave.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'start', sort: 'desc' }],
      filter: { month: { filterType: 'text', type: 'equals', filter: '2099-01' }, status: { filterType: 'set', values: ['pending'] }, applicantId: { filterType: 'number', type: 'equals', filter: rep.id } },
      quickSearch: 'QJ',
    },
    'leave.get': { id: leave.id },
    'leave.preview': { leaveType: 'sick', start: '2099-02-02', end: '2099-02-03', startHalfDay: true, endHalfDay: false, reason: '看病', proxyId: manager.id, emergencyCallAt: null },
    'leave.create': { leaveType: 'annual', start: '2099-03-02', end: '2099-03-04', startHalfDay: false, endHalfDay: true, reason: '探亲', proxyId: manager.id, emergencyCallAt: null },
    'leave.calendar': { month: '2099-01' },
    'attendance.records': { month: today.slice(0, 7), userId: rep.id },
    'attendance.record': { userId: rep.id, date: today, clockIn: '08:26', clockOut: '17:30', note: '' },
    'attendance.import': { csv: `工号,姓名,日期,上班,下班\r\nrep1,张伟,${today},08:20:00,17:30`, commit: false },
    'attendance.month': { month: today.slice(0, 7), userId: rep.id },
    'attendance.signCard': { missedOn: today, clockIn: null, clockOut: '17:45', reason: '忘记打卡' },
    'attendance.signCardPreview': { missedOn: today, clockIn: '08:10', clockOut: null, reason: '忘记打卡' },
    'attendance.signCards': { month: today.slice(0, 7), userId: rep.id },
    'attendance.signCardGet': { id: signCard.id },
    'print.expenseForm': { expenseId: sample.id, paper: 'a5' },
    'print.claimForm': { claimId: claim.id, paper: 'a4' },
    'expenses.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'amountFen', sort: 'desc' }],
      filter: {
        applicantId: { filterType: 'number', type: 'equals', filter: ids.rep },
        type: { filterType: 'set', values: ['sample', 'other'] },
        status: { filterType: 'set', values: ['approved', 'claimed'] },
        month: { filterType: 'text', type: 'equals', filter: '2026-11' },
        customerId: { filterType: 'number', type: 'equals', filter: ids.customer },
      },
      quickSearch: 'FY',
    },
    'expenses.get': { id: sample.id },
    'expenses.preview': { type: 'entertainment', purpose: '宴请客户', customerId: ids.customer, orderId, tripId: null, fields: { amount: 40_000, guests: 4, eventDate: '2099-01-05' }, note: '' },
    'expenses.create': { type: 'per_diem', purpose: '出差补贴', customerId: null, orderId: null, tripId: trip.id, fields: { travelDays: 2.5 }, note: '' },
    'expenses.trips': { applicantId: ids.rep },
    'expenses.disburse': { id: trip.id },
    'expenses.ratio': { from: '2026-01', to: '2026-11', by: 'region' },
    'targets.get': { year: 2026 },
    'targets.save': {
      year: 2026,
      version: 0,
      totalFen: 1_200_000,
      monthsFen: Array.from({ length: 12 }, () => 100_000),
      breakdowns: { channel: [{ key: 'direct', yearFen: 1_200_000, monthsFen: null }], rep: [{ key: String(ids.rep), yearFen: 1_200_000, monthsFen: null }] },
    },
    'targets.of': { year: 2026, month: 11 },
    'activity.day': { date: today, userId: ids.rep },
    'activity.saveLog': { logDate: today, summary: '拜访两家客户', visits: [{ customerId: customer.id, kind: 'revisit', outcome: '确认下月订货', nextStep: '月底再访' }], version: 0 },
    'activity.visits': { startRow: 0, endRow: 20, sort: [{ colId: 'visitDate', sort: 'desc' }], filter: { kind: { filterType: 'set', values: ['new', 'revisit'] } } },
    'activity.weekly': { weekOf: today },
    'activity.saveWeekly': { weekOf: today, summary: '本周拜访 12 家', plan: '下周跟进报价', version: 0 },
    'activity.overdueCustomers': {},
    'activity.lateReports': { month: today.slice(0, 7) },
    'performance.month': { month: today.slice(0, 7) },
    'performance.recordDeduction': { userId: ids.rep, ruleId: 'W-POLICY', date: today, reason: '未按规定填写客户资料卡' },
    'performance.deductions': { month: today.slice(0, 7) },
    'grading.proposals': { month: today.slice(0, 7) },
    'grading.decide': { month: today.slice(0, 7), customerId: customer.id, decision: 'reject', comment: '' },
    'report.monthly': { month: today.slice(0, 7), by: 'region' },
    'report.drill': { month: today.slice(0, 7), by: 'rep', key: String(ids.rep), figure: 'sales' },
    'report.export': { month: today.slice(0, 7), by: 'channel', format: 'csv' },
    'report.monthToDate': {},
    'print.monthlyReport': { month: today.slice(0, 7), by: 'rep' },
    'claims.claimable': { applicantId: ids.rep },
    'claims.preview': { items: [{ expenseId: sample.id, invoices: [{ invoiceNo: 'FP-0003', invoiceDate: '2026-11-20', amountFen: 20_000 }] }], note: '' },
    'claims.create': { items: [{ expenseId: sample.id, invoices: [{ invoiceNo: 'FP-0002', invoiceDate: '2026-11-20', amountFen: 20_000 }] }], note: '' },
    'claims.list': { status: 'submitted', applicantId: ids.rep },
    'claims.get': { id: claim.id },
    'claims.pay': { id: claim.id, version: claim.version },
    'claims.return': { id: claim.id, version: claim.version, reason: '发票抬头不对' },
    'statements.exportCsv': { month: '2026-11' },
    'orders.list': {
      startRow: 0,
      endRow: 20,
      sort: [{ colId: 'deliveryDate', sort: 'asc' }],
      filter: {
        status: { filterType: 'set', values: ['draft', 'confirmed'] },
        deliveryState: { filterType: 'set', values: ['undelivered'] },
        delayRisk: { filterType: 'number', type: 'equals', filter: 1 },
        customerName: { filterType: 'text', type: 'contains', filter: '客户' },
      },
      quickSearch: 'SO',
    },
    'orders.get': { id: orderId },
    'orders.byCustomer': { customerId: ids.customer },
    'orders.preview': { customerId: ids.customer, orderDate: '2026-11-23', lines: [{ productId: product.product.id, quantityMilli: 1_000, unitPriceFen: 850_000 }] },
    'orders.create': {
      customerId: ids.customer,
      orderDate: '2026-11-23',
      requiredSchedule: '两周内',
      deliveryDate: '2026-12-07',
      deliveryPlace: '苏州工业园区',
      packaging: '25kg/袋',
      shippingMethod: '汽运',
      depositFen: 0,
      notes: '',
      lines: [{ productId: product.product.id, quantityMilli: 1_500, unitPriceFen: 880_000, spec: '注塑级' }],
    },
    'orders.update': { id: orderId, version: 0, patch: { deliveryPlace: '苏州', lines: [{ productId: product.product.id, quantityMilli: 3_000 }] } },
    'orders.confirm': { id: orderId, version: 0, note: '' },
    'orders.amend': { id: orderId, version: 0, lines: [{ productId: product.product.id, quantityMilli: 1_000, unitPriceFen: 900_000 }], reason: '客户加量' },
    'orders.transition': { id: orderId, version: 0, toStatus: 'cancelled', note: '客户取消' },
    'orders.notifyCustomer': { id: orderId, version: 0, note: '' },
    'orders.survey': { id: orderId, quality: 5, responseTime: 4, serviceSpeed: 2, attitude: 5, comment: '' },
  };
});
afterAll(() => t?.cleanup());

// —— arbitraries ——

const SQL_AND_FRIENDS = [
  "'; DROP TABLE customers; --",
  "' OR '1'='1",
  '1; DELETE FROM audit_log',
  '") OR 1=1 --',
  '%',
  '_',
  '\\',
  '%_\\%',
  '\u0000',
  '\u0000abc\u0000',
  '\u0007\u001b[31m红\u001b[0m',
  '\r\n\t\v\f',
  '\uFEFF',
  '\uD800',
  '𠮷野家',
  '客户',
  '',
  '   ',
  '=HYPERLINK("http://x")',
  'C001',
  'name',
  'prospect',
  'approve',
  'rep',
];
const hugeAscii = 'x'.repeat(100_000);
const hugeChinese = '客'.repeat(100_000);

const nastyString = fc.oneof(
  fc.constantFrom(...SQL_AND_FRIENDS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(hugeAscii, hugeChinese, `${hugeAscii}'; DROP TABLE customers; --`),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2, 3, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, [], {}, [[]], { '': '' }),
  fc.anything({ maxDepth: 2 }),
);

type Path = (string | number)[];

/** Every path into a template: leaves and containers. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const own: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [...own, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return own;
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((acc, key) => (acc as Record<string | number, unknown>)[key], value);
}

/** A replacement that usually keeps the type of what it replaces, so many mutants get past validation. */
function replacementFor(current: unknown): fc.Arbitrary<unknown> {
  if (typeof current === 'string') return fc.oneof({ weight: 4, arbitrary: nastyString }, { weight: 1, arbitrary: nastyValue });
  if (typeof current === 'number') {
    return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 12 }) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: nastyValue });
  }
  if (typeof current === 'boolean') return fc.oneof(fc.boolean(), nastyValue);
  return nastyValue;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, replacement);
  return copy;
}

/** Inputs for one channel: its template with one or two parts replaced, an extra field, or anything at all. */
function inputFor(channel: ChannelName): fc.Arbitrary<unknown> {
  const template = templates[channel];
  const paths = pathsOf(template);
  const mutated = paths.length
    ? fc
        .array(
          fc.constantFrom(...paths).chain((path) => replacementFor(getAt(template, path)).map((v) => [path, v] as const)),
          { minLength: 1, maxLength: 2 },
        )
        .map((edits) => edits.reduce<unknown>((acc, [path, v]) => setAt(acc, path, v), template))
    : fc.constant(template);
  return fc.oneof(
    { weight: 8, arbitrary: mutated },
    { weight: 1, arbitrary: fc.tuple(nastyString, nastyValue).map(([k, v]) => ({ ...(template as object), [k.slice(0, 40)]: v })) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: nastyValue },
  );
}

type Who = 'anonymous' | 'admin' | 'rep' | 'manager' | 'forged';
const who: fc.Arbitrary<Who> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Who>('admin', 'rep', 'manager') },
  { weight: 1, arbitrary: fc.constantFrom<Who>('anonymous', 'forged') },
);

function tokenFor(kind: Who): string | null {
  if (kind === 'anonymous') return null;
  if (kind === 'forged') return "'; DROP TABLE users; --";
  // a fresh session each time: an earlier run may have signed this user out or reset his password
  return t.core.dispatcher.sessions.start(ids[kind]);
}

/** String(value), or its [object …] tag when the value's own toString/valueOf is not callable ({ toString: '' }). */
const safeString = (value: unknown): string => {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
};

const describeCall = (channel: unknown, input: unknown) => {
  let shown: string;
  try {
    shown = JSON.stringify(input) ?? safeString(input);
  } catch {
    shown = safeString(input);
  }
  return `${safeString(channel).slice(0, 60)} ${shown.slice(0, 300)}`;
};

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Strings anywhere in a value (keys and values). */
function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || depth > 6) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v, depth + 1)]);
}

/**
 * Inputs that hit the bugs reported in this suite's it.fails tests (they answer INTERNAL today):
 * column names like "constructor" (gridSql.ts:101, export.ts:35) and audit.list with endRow < startRow
 * (audit/handlers.ts:27). Skipped here so this property keeps guarding everything else.
 */
function hitsKnownBug(channel: unknown, input: unknown): boolean {
  if (stringsIn(input).some((s) => PROTOTYPE_NAMES.has(s))) return true;
  if (channel === 'audit.list' && input && typeof input === 'object') {
    const { startRow = 0, endRow = 100 } = input as { startRow?: unknown; endRow?: unknown };
    if (typeof startRow === 'number' && typeof endRow === 'number' && endRow < startRow) return true;
  }
  return false;
}

/** Calls once and checks every invariant of the dispatcher's answer. */
async function checkCall(token: string | null, channel: unknown, input: unknown): Promise<void> {
  const label = describeCall(channel, input);
  const before = t.snapshot();
  const logged = t.loggedErrors.length;
  let result: InvokeResult;
  try {
    result = (await t.core.dispatch({ sessionToken: token, channel, input })).result;
  } catch (error) {
    throw new Error(`the dispatcher threw for ${label}: ${String(error)}`);
  }
  expect(() => JSON.stringify(result), label).not.toThrow();
  if (result.ok) {
    expect(isChannelName(channel), label).toBe(true);
    expect(api[channel as ChannelName].output.safeParse(result.data).success, label).toBe(true);
    return;
  }
  const error = result.error;
  const problem = t.loggedErrors.slice(logged).map((e) => `${e.channel}: ${String(e.error)}`).join('; ');
  expect(error.code, `${label} → ${problem}`).not.toBe('INTERNAL');
  expect(ERROR_CODES, label).toContain(error.code);
  expect(typeof error.message, label).toBe('string');
  expect(error.message.length, label).toBeGreaterThan(0);
  expect(hasChinese(error.message), `${label}: ${error.message}`).toBe(true);
  expect(typeof error.messageEn, label).toBe('string');
  expect(error.messageEn.length, label).toBeGreaterThan(0);
  expect(error.message, label).not.toMatch(/SQLITE|SqliteError|\n\s+at /);
  expect(Array.isArray(error.issues), label).toBe(true);
  if (!isChannelName(channel)) expect(error.code, label).toBe('UNKNOWN_CHANNEL');
  expect(t.snapshot() === before, `${label} wrote although it failed with ${error.code}`).toBe(true);
}

describe('dispatcher properties', () => {
  it('an unknown channel of any shape is UNKNOWN_CHANNEL, nothing else', async () => {
    const channel = fc.oneof(
      fc.string({ maxLength: 40 }),
      nastyString,
      fc.anything({ maxDepth: 1 }),
      fc.constantFrom(...CHANNEL_NAMES).map((name) => name.toUpperCase()),
      fc.constantFrom(...CHANNEL_NAMES).map((name) => ` ${name}`),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'customers', 'customers.', '.list'),
    );
    // A channel whose toString is not a function once broke this test's own message (seed 2120925650).
    await checkCall(tokenFor('anonymous'), { toString: '' }, {});
    await fc.assert(
      fc.asyncProperty(who, channel.filter((c) => !isChannelName(c)), fc.anything({ maxDepth: 2 }), async (kind, name, input) => {
        await checkCall(tokenFor(kind), name, input);
      }),
      { numRuns: 150 },
    );
  });

  it('any input to any channel gets a well-formed answer, and a refusal writes nothing', async () => {
    const call = fc.constantFrom(...CHANNEL_NAMES).chain((channel) => fc.tuple(fc.constant(channel), who, inputFor(channel)));
    await fc.assert(
      fc.asyncProperty(call, async ([channel, kind, input]) => {
        fc.pre(!hitsKnownBug(channel, input));
        await checkCall(tokenFor(kind), channel, input);
      }),
      { numRuns: 350 },
    );
  });

  it('never answers INTERNAL to column names taken from Object.prototype (BUG gridSql.ts:101, export.ts:35)', async () => {
    const admin = tokenFor('admin');
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      for (const [channel, input] of [
        ['customers.list', { sort: [{ colId: name, sort: 'asc' }] }],
        ['customers.list', { filter: { [name]: { filterType: 'text', type: 'contains', filter: 'x' } } }],
        ['customers.exportCsv', { query: {}, columns: [name] }],
      ] as const) {
        await checkCall(admin, channel, input);
      }
    }
  });

  it('starts from templates the contract accepts (so mutations probe one thing at a time)', () => {
    for (const channel of CHANNEL_NAMES) {
      const parsed = api[channel].input.safeParse(templates[channel]);
      expect(parsed.success, `${channel}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });
});
