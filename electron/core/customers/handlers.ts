import { localDate } from '../../../shared/dates';
import { recordAudit } from '../audit/audit';
import { actorOf, type Handlers } from '../api/context';
import { customersCsv } from './export';
import * as service from './service';

/** Export is bounded so one click cannot build an unbounded string in the main process. */
const EXPORT_ROW_LIMIT = 200_000;

type CustomerChannels =
  | 'customers.list'
  | 'customers.get'
  | 'customers.create'
  | 'customers.update'
  | 'customers.setArchived'
  | 'customers.exportCsv'
  | 'customers.apply'
  | 'approvals.inbox'
  | 'approvals.mine'
  | 'approvals.decideApplication'
  | 'approvals.decideChange';

export const customerHandlers: Pick<Handlers, CustomerChannels> = {
  'customers.list': (query, ctx) => service.listCustomers(ctx.db, actorOf(ctx), query),
  'customers.get': ({ id }, ctx) => service.customerDetail(ctx.db, actorOf(ctx), id),
  'customers.create': ({ customer, reason }, ctx) => service.createCustomer(ctx.db, actorOf(ctx), customer, reason, ctx.now()),
  'customers.update': ({ id, version, patch, reason }, ctx) =>
    service.updateCustomer(ctx.db, actorOf(ctx), id, version, patch, reason, ctx.now()),
  'customers.setArchived': ({ id, archived }, ctx) => service.setArchived(ctx.db, actorOf(ctx), id, archived, ctx.now()),
  'customers.exportCsv': ({ query, columns }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const rows = service.allMatching(ctx.db, actor, query, EXPORT_ROW_LIMIT);
    const csv = customersCsv(rows, columns);
    // Customer data is confidential (DOMAIN §2): every export is logged.
    recordAudit(ctx.db, {
      userId: actor.id,
      action: 'customers.exportCsv',
      entity: 'customers',
      after: { rows: rows.length, columns, filter: query.filter, quickSearch: query.quickSearch },
      at,
    });
    return { filename: `客户档案-${localDate(at)}.csv`, csv, rows: rows.length };
  },
  'customers.apply': ({ customerId, reason }, ctx) => service.applyForCustomer(ctx.db, actorOf(ctx), customerId, reason, ctx.now()),
  'approvals.inbox': (_input, ctx) => service.approvalInbox(ctx.db, actorOf(ctx)),
  'approvals.mine': (_input, ctx) => service.myRequests(ctx.db, actorOf(ctx)),
  'approvals.decideApplication': ({ id, decision, comment }, ctx) =>
    service.decideApplication(ctx.db, actorOf(ctx), id, decision === 'approve', comment, ctx.now()),
  'approvals.decideChange': ({ id, decision, comment }, ctx) =>
    service.decideChange(ctx.db, actorOf(ctx), id, decision === 'approve', comment, ctx.now()),
};
