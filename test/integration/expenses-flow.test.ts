// The whole expense path through the API (DOMAIN §6): a trip registered and approved, an advance
// approved by the manager, finance and the gm and paid out, transport and lodging filed under the
// trip and approved, then one reimbursement with the invoices, the advance offset, finance pays.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const NOW = new Date('2026-11-23T04:00:00.000Z'); // Monday 12:00 in Shanghai

async function approveAll(request: { requestId: number }, ...approvers: Caller[]) {
  for (const approver of approvers) {
    const r = await approver.call('requests.get', { id: request.requestId });
    await approver.call('requests.decide', { id: r.id, version: r.version, decision: 'approve', comment: '' });
  }
}

describe('expenses: trip → advance → transport and lodging → reimbursement', () => {
  it('goes through approvals, offsets the advance and is paid by finance', async () => {
    t = await teamCore(template, { now: () => NOW });
    const { repB, manager, finance, gm } = t.team;
    const trip = await repB.call('expenses.create', {
      type: 'travel',
      purpose: '苏州客户拜访',
      fields: { destination: '苏州', startDate: '2026-11-16', endDate: '2026-11-18', customersToVisit: '苏州华工' },
    });
    expect(trip).toMatchObject({ status: 'pending', expenseNo: 'FY20261123-001', expenseDate: '2026-11-16', approvedFen: 0 });
    expect(trip.trail).toContain('王经理');
    await approveAll(trip, manager);
    expect((await repB.call('expenses.get', { id: trip.id })).expense.status).toBe('approved');

    const advance = await repB.call('expenses.create', { type: 'travel_advance', purpose: '差旅借款', tripId: trip.id, fields: { amount: 50_000 } });
    await approveAll(advance, manager, finance, gm);
    expect((await finance.call('expenses.disburse', { id: advance.id })).status).toBe('disbursed');

    const transport = await repB.call('expenses.create', {
      type: 'transport',
      purpose: '高铁往返',
      tripId: trip.id,
      fields: { transportTotal: 120_000, dealSigned: true, dealAmount: 5_000_000 },
    });
    expect(transport.approvedFen).toBe(72_000); // 60 % of 1,200 = 720 < 2 % of 50,000 = 1,000
    const lodging = await repB.call('expenses.create', {
      type: 'lodging',
      purpose: '苏州住宿',
      tripId: trip.id,
      fields: { travelHoursOneWay: 5, sameDayReturnPossible: false, hasInvoice: true, nights: 2 },
    });
    expect(lodging.approvedFen).toBe(30_000);
    await approveAll(transport, manager);
    await approveAll(lodging, manager);

    const { expenses, advances } = await repB.call('claims.claimable', {});
    expect(expenses.map((e) => e.id).sort()).toEqual([transport.id, lodging.id].sort());
    expect(advances.map((a) => a.id)).toEqual([advance.id]);

    const claim = await repB.call('claims.create', {
      items: [
        { expenseId: transport.id, invoices: [{ invoiceNo: 'T001', invoiceDate: '2026-11-16', amountFen: 60_000 }, { invoiceNo: 'T002', invoiceDate: '2026-11-18', amountFen: 60_000 }] },
        { expenseId: lodging.id, invoices: [{ invoiceNo: 'H001', invoiceDate: '2026-11-16', amountFen: 38_000 }] },
      ],
    });
    expect(claim).toMatchObject({ claimNo: 'BX20261123-001', status: 'submitted', reimbursableFen: 72_000 + 15_000, advanceFen: 50_000, payableFen: 37_000 });
    const paid = await finance.call('claims.pay', { id: claim.id, version: claim.version });
    expect(paid.status).toBe('paid');
    expect((await repB.call('expenses.get', { id: advance.id })).expense.status).toBe('settled');
    expect((await repB.call('expenses.get', { id: lodging.id })).expense).toMatchObject({ status: 'reimbursed', reimbursedFen: 15_000 });
    const ratio = await gm.call('expenses.ratio', { from: '2026-11', to: '2026-11', by: 'rep' });
    expect(ratio.total.expensesFen).toBe(87_000);
  });
});
