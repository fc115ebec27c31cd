import { localDate } from '../../../shared/dates';
import { actorOf, type Handlers } from '../api/context';
import * as service from './service';

type OrderChannels =
  | 'orders.list'
  | 'orders.get'
  | 'orders.byCustomer'
  | 'orders.preview'
  | 'orders.create'
  | 'orders.update'
  | 'orders.confirm'
  | 'orders.amend'
  | 'orders.transition'
  | 'orders.notifyCustomer'
  | 'orders.survey';

export const orderHandlers: Pick<Handlers, OrderChannels> = {
  'orders.list': (query, ctx) => service.listOrders(ctx.db, actorOf(ctx), query, localDate(ctx.now())),
  'orders.get': ({ id }, ctx) => service.orderDetail(ctx.db, actorOf(ctx), id, localDate(ctx.now())),
  'orders.byCustomer': ({ customerId }, ctx) => service.ordersByCustomer(ctx.db, actorOf(ctx), customerId, localDate(ctx.now())),
  'orders.preview': (input, ctx) => service.previewOrder(ctx.db, actorOf(ctx), input, ctx.now()),
  'orders.create': (input, ctx) => service.createOrder(ctx.db, actorOf(ctx), input, ctx.now()),
  'orders.update': ({ id, version, patch }, ctx) => service.updateOrder(ctx.db, actorOf(ctx), id, version, patch, ctx.now()),
  'orders.confirm': ({ id, version, note }, ctx) => service.confirmOrder(ctx.db, actorOf(ctx), id, version, note, ctx.now()),
  'orders.amend': ({ id, version, lines, reason }, ctx) => service.amendOrder(ctx.db, actorOf(ctx), id, version, { lines, reason }, ctx.now()),
  'orders.transition': (input, ctx) => service.transitionOrder(ctx.db, actorOf(ctx), input, ctx.now()),
  'orders.notifyCustomer': ({ id, version, note }, ctx) => service.notifyCustomer(ctx.db, actorOf(ctx), id, version, note, ctx.now()),
  'orders.survey': (input, ctx) => service.recordSurvey(ctx.db, actorOf(ctx), input, ctx.now()),
};
