// Access control is enforced in the main process (DOMAIN §1), table-driven from the contract:
// for every channel with a role list, every other role gets FORBIDDEN and nothing is written;
// the listed roles get past the role check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CHANNEL_NAMES, type ChannelName } from '../../shared/api';
import { ROLES, type Role } from '../../shared/domain';
import { createCustomer, PASSWORD, testCore, type Caller, type TestCore } from '../support/core';

let t: TestCore;
const as = {} as Record<Role, Caller & { id: number }>;
let samples: Partial<Record<ChannelName, unknown>>;

const restricted = CHANNEL_NAMES.filter((name) => Array.isArray(api[name].access));
const accessOf = (name: ChannelName) => api[name].access as readonly Role[];

beforeAll(async () => {
  t = await testCore();
  for (const role of ROLES) {
    const user = await t.admin.call('users.create', { username: `${role}-user`, displayName: `${role}用户`, role, password: PASSWORD });
    as[role] = t.callerFor(user.id);
  }
  const created = await createCustomer(as.rep, 'R001');
  const request = await as.rep.call('customers.update', { id: created.customer.id, version: 0, patch: { phone: '0512-66881234' } });
  // Valid inputs: a refusal must come from the role, not from the input.
  samples = {
    'users.list': {},
    'users.create': { username: 'newbie', displayName: '新人', role: 'rep', password: PASSWORD },
    'users.update': { id: as.rep.id, patch: { region: '华南' } },
    'users.resetPassword': { id: as.rep.id, newPassword: 'another-pass' },
    'customers.create': { customer: { customerNo: 'R002', name: '新客户', ownerId: as.rep.id } },
    'customers.update': { id: created.customer.id, version: request.customer.version, patch: { industry: '化工' } },
    'customers.setArchived': { id: created.customer.id, archived: true },
    'customers.exportCsv': { query: {}, columns: ['customerNo', 'name'] },
    'customers.apply': { customerId: created.customer.id, reason: '再次申请' },
    'approvals.decideApplication': { id: created.application.id, decision: 'approve' },
    'products.create': { product: { code: 'P001', name: '聚乙烯颗粒', standardPriceFen: 980_000, costPriceFen: 820_000 } },
    'products.update': { id: 1, version: 0, product: { spec: '25kg/袋' } },
    'products.setPrice': { productId: 1, effectiveFrom: '2099-01-01', standardPriceFen: 1_000_000, costPriceFen: 850_000 },
    'products.setActive': { id: 1, active: false },
    'approvals.decideChange': { id: request.changeRequest!.id, decision: 'approve' },
    'orders.create': { customerId: created.customer.id, deliveryPlace: '苏州' },
    'orders.update': { id: 1, version: 0, patch: { notes: '加急' } },
    'orders.confirm': { id: 1, version: 0 },
    'orders.amend': { id: 1, version: 0, lines: [{ productId: 1, quantityMilli: 1000 }], reason: '客户加量' },
    'orders.transition': { id: 1, version: 0, toStatus: 'production_requested' },
    'orders.notifyCustomer': { id: 1, version: 0 },
    'orders.survey': { id: 1, quality: 5, responseTime: 4, serviceSpeed: 4, attitude: 5 },
    'audit.list': {},
    'policy.history': { ruleId: 'E-APPROVAL' },
    'policy.setParams': { ruleId: 'E-APPROVAL', params: { gmAboveFen: 600_000 }, effectiveFrom: '2099-01-01' },
    'calendar.setOverride': { date: '2026-12-31', working: false },
    'calendar.removeOverride': { date: '2026-12-31' },
    'shipments.create': { orderId: 1, shipmentNo: 'SH-1', shipDate: '2026-11-23', lines: [{ orderLineId: 1, quantityMilli: 1000 }] },
    'shipments.deliver': { id: 1, deliveredAt: '2026-11-23' },
    'ledger.postDeposit': { customerId: created.customer.id, date: '2026-11-20', amountFen: 10_000 },
    'ledger.postReceipt': { customerId: created.customer.id, date: '2026-11-20', amountFen: 10_000, prepayment: true },
    'ledger.reverse': { entryId: 1, reason: '录错' },
    'recon.publish': { month: '2026-10' },
    'recon.dispute': { month: '2026-10', note: '回款少算' },
    'recon.lock': { month: '2026-10' },
    'expenses.disburse': { id: 1 },
    'expenses.ratio': { from: '2026-11', to: '2026-11', by: 'rep' },
    'claims.pay': { id: 1, version: 1 },
    'claims.return': { id: 1, version: 1, reason: '发票不全' },
    'complaints.reviewList': {},
    'complaints.unreported': { from: '2026-11-01', to: '2026-11-30' },
    'attendance.record': { userId: 1, date: '2026-11-20', clockIn: '08:20', clockOut: '17:30' },
    'attendance.import': { csv: '工号,日期,上班,下班\r\nadmin,2026-11-20,08:20,17:30', commit: false },
    'targets.save': { year: 2026, version: 0, totalFen: 1_200_000, monthsFen: Array.from({ length: 12 }, () => 100_000) },
    'performance.recordDeduction': { userId: 1, ruleId: 'W-POLICY', date: '2026-11-20', reason: '未执行制度' },
    'grading.decide': { month: '2026-11', customerId: 1, decision: 'reject' },
    'report.monthly': { month: '2026-11', by: 'rep' },
    'report.drill': { month: '2026-11', by: 'rep', key: null },
    'report.export': { month: '2026-11', by: 'rep', format: 'csv' },
    'print.monthlyReport': { month: '2026-11', by: 'rep' },
  };
});
afterAll(() => t?.cleanup());

describe('role lists of the contract', () => {
  it('has a sample input for every restricted channel (add one when a channel is added)', () => {
    expect(restricted.filter((name) => !(name in samples))).toEqual([]);
  });

  it('matches DOMAIN §1 for the key channels', () => {
    expect([...accessOf('users.create')]).toEqual(['admin']);
    expect([...accessOf('audit.list')].sort()).toEqual(['admin', 'gm']);
    // policy parameters and the company calendar are the administrator's (DOMAIN §1)
    expect([...accessOf('policy.setParams')]).toEqual(['admin']);
    expect([...accessOf('calendar.setOverride')]).toEqual(['admin']);
    expect([...accessOf('approvals.decideChange')].sort()).toEqual(['director', 'gm', 'manager']);
    expect([...accessOf('approvals.decideApplication')].sort()).toEqual(['director', 'gm', 'manager']);
    expect(accessOf('customers.create')).not.toContain('finance');
    expect(accessOf('customers.update')).not.toContain('finance');
    // the price list is the Q-PRICE reference: maintained by manager and above, finance and the admin
    for (const name of ['products.create', 'products.update', 'products.setPrice', 'products.setActive'] as const) {
      expect([...accessOf(name)].sort()).toEqual(['admin', 'director', 'finance', 'gm', 'manager']);
    }
    expect(api['products.list'].access).toBe('signedIn');
    expect(api['products.lookup'].access).toBe('signedIn');
    // finance pays reimbursements and travel advances out (DOMAIN §1), the gm may do everything
    for (const name of ['expenses.disburse', 'claims.pay', 'claims.return'] as const) expect([...accessOf(name)].sort()).toEqual(['finance', 'gm']);
    expect(accessOf('expenses.ratio')).not.toContain('rep');
    expect(api['expenses.create'].access).toBe('signedIn');
    // §9: the monthly report is every rep's figures (not a rep's to read); the heads judge scores and confirm C-GRADE
    for (const name of ['report.monthly', 'report.drill', 'report.export', 'print.monthlyReport'] as const) {
      expect(accessOf(name), name).not.toContain('rep');
      expect(accessOf(name), name).not.toContain('admin');
    }
    for (const name of ['performance.recordDeduction', 'grading.decide'] as const) expect([...accessOf(name)].sort()).toEqual(['director', 'gm', 'manager']);
  });

  const forbiddenCases = restricted.flatMap((name) => ROLES.filter((role) => !accessOf(name).includes(role)).map((role) => [name, role] as const));
  it.each(forbiddenCases)('%s: %s gets FORBIDDEN and nothing is written', async (name, role) => {
    const before = t.snapshot();
    const error = await as[role].fail(name, samples[name]);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('无权');
    expect(error.messageEn).toContain(name);
    expect(t.snapshot()).toBe(before);
  });

  // The role check runs before input validation, so an input with an unknown field tells the two apart
  // without writing anything: allowed roles get VALIDATION, never FORBIDDEN.
  const allowedCases = restricted.flatMap((name) => accessOf(name).map((role) => [name, role] as const));
  it.each(allowedCases)('%s: %s passes the role check', async (name, role) => {
    const error = await as[role].fail(name, { notAField: 1 });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('signed-in and public channels', () => {
  const signedIn = CHANNEL_NAMES.filter((name) => api[name].access === 'signedIn');
  const publicChannels = CHANNEL_NAMES.filter((name) => api[name].access === 'public');

  it.each(signedIn)('%s: refused without a session, allowed for every role', async (name) => {
    expect((await t.caller().fail(name, { notAField: 1 })).code).toBe('UNAUTHENTICATED');
    for (const role of ROLES) {
      const result = await as[role].raw(name, { notAField: 1 });
      if (!result.ok) expect(['FORBIDDEN', 'UNAUTHENTICATED'], role).not.toContain(result.error.code);
    }
  });

  it.each(publicChannels)('%s: reachable without a session', async (name) => {
    const result = await t.caller().raw(name, { notAField: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('classifies every channel', () => {
    expect(signedIn.length + publicChannels.length + restricted.length).toBe(CHANNEL_NAMES.length);
    expect(publicChannels.sort()).toEqual(['auth.login', 'auth.logout', 'auth.me', 'setup.init', 'setup.status']);
  });
});
