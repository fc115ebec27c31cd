import { statementsCsv, statementsCsvName } from '../../../shared/statementCsv';
import { recordAudit } from '../audit/audit';
import { actorOf, type Handlers } from '../api/context';
import * as ledger from './ledger';
import * as recon from './recon';
import * as shipping from './shipping';
import { statementMonth } from './statements';

type LedgerChannels =
  | 'shipments.list'
  | 'shipments.forOrder'
  | 'shipments.create'
  | 'shipments.deliver'
  | 'ledger.entries'
  | 'ledger.balances'
  | 'ledger.postDeposit'
  | 'ledger.postReceipt'
  | 'ledger.reverse'
  | 'ledger.requestBadDebt'
  | 'statements.month'
  | 'statements.exportCsv'
  | 'recon.month'
  | 'recon.publish'
  | 'recon.dispute'
  | 'recon.lock';

export const ledgerHandlers: Pick<Handlers, LedgerChannels> = {
  'shipments.list': (query, ctx) => shipping.listShipments(ctx.db, actorOf(ctx), query),
  'shipments.forOrder': ({ orderId }, ctx) => shipping.orderShipping(ctx.db, actorOf(ctx), orderId),
  'shipments.create': (input, ctx) => shipping.createShipment(ctx.db, actorOf(ctx), input, ctx.now()),
  'shipments.deliver': (input, ctx) => shipping.deliverShipment(ctx.db, actorOf(ctx), input, ctx.now()),
  'ledger.entries': (input, ctx) => ledger.customerEntries(ctx.db, actorOf(ctx), input),
  'ledger.balances': (query, ctx) => ledger.listBalances(ctx.db, actorOf(ctx), query),
  'ledger.postDeposit': (input, ctx) => ledger.postPayment(ctx.db, actorOf(ctx), 'deposit', input, ctx.now()),
  'ledger.postReceipt': (input, ctx) => ledger.postPayment(ctx.db, actorOf(ctx), 'receipt', input, ctx.now()),
  'ledger.reverse': (input, ctx) => ledger.reverseEntry(ctx.db, actorOf(ctx), input, ctx.now()),
  'ledger.requestBadDebt': (input, ctx) => ledger.requestBadDebt(ctx.db, actorOf(ctx), input, ctx.now()),
  'statements.month': ({ month, customerId }, ctx) => statementMonth(ctx.db, actorOf(ctx), month, customerId, ctx.now()),
  'statements.exportCsv': ({ month, customerId }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const { statements } = statementMonth(ctx.db, actor, month, customerId, at);
    // Customer data is confidential (DOMAIN §2): every export is logged.
    recordAudit(ctx.db, { userId: actor.id, action: 'statements.exportCsv', entity: 'customers', entityId: customerId ?? null, after: { month, customers: statements.length }, at });
    const one = customerId !== undefined ? statements[0]?.customerNo : undefined;
    return { filename: statementsCsvName(month, one), csv: statementsCsv(month, statements), customers: statements.length };
  },
  'recon.month': ({ month }, ctx) => recon.reconMonth(ctx.db, actorOf(ctx), month, ctx.now()),
  'recon.publish': ({ month }, ctx) => recon.publishRecon(ctx.db, actorOf(ctx), month, ctx.now()),
  'recon.dispute': ({ month, note }, ctx) => recon.disputeRecon(ctx.db, actorOf(ctx), month, note, ctx.now()),
  'recon.lock': ({ month }, ctx) => recon.lockRecon(ctx.db, actorOf(ctx), month, ctx.now()),
};
