// products.* channels: thin wrappers over the service; "today" is the office's local calendar day.
import { localDate } from '../../../shared/dates';
import { actorOf, type Handlers } from '../api/context';
import * as service from './service';

type ProductChannels =
  | 'products.list'
  | 'products.get'
  | 'products.create'
  | 'products.update'
  | 'products.setPrice'
  | 'products.setActive'
  | 'products.lookup';

export const productHandlers: Pick<Handlers, ProductChannels> = {
  'products.list': (query, ctx) => service.listProducts(ctx.db, query, localDate(ctx.now())),
  'products.get': ({ id }, ctx) => service.getProduct(ctx.db, id, localDate(ctx.now())),
  'products.create': ({ product, effectiveFrom, note }, ctx) =>
    service.createProduct(ctx.db, actorOf(ctx), product, effectiveFrom, note, ctx.now()),
  'products.update': ({ id, version, product }, ctx) => service.updateProduct(ctx.db, actorOf(ctx), id, version, product, ctx.now()),
  'products.setPrice': (change, ctx) => service.setPrice(ctx.db, actorOf(ctx), change, ctx.now()),
  'products.setActive': ({ id, active }, ctx) => service.setActive(ctx.db, actorOf(ctx), id, active, ctx.now()),
  'products.lookup': ({ text, limit }, ctx) => service.lookupProducts(ctx.db, text, limit, localDate(ctx.now())),
};
