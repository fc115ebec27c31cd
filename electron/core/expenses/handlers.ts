import { actorOf, type Handlers } from '../api/context';
import * as claims from './claims';
import { expenseRatio } from './ratio';
import * as service from './service';

type ExpenseChannels =
  | 'expenses.list'
  | 'expenses.get'
  | 'expenses.preview'
  | 'expenses.create'
  | 'expenses.trips'
  | 'expenses.disburse'
  | 'expenses.ratio'
  | 'claims.claimable'
  | 'claims.preview'
  | 'claims.create'
  | 'claims.list'
  | 'claims.get'
  | 'claims.pay'
  | 'claims.return';

export const expenseHandlers: Pick<Handlers, ExpenseChannels> = {
  'expenses.list': (query, ctx) => service.listExpenses(ctx.db, actorOf(ctx), query),
  'expenses.get': ({ id }, ctx) => service.expenseDetail(ctx.db, actorOf(ctx), id),
  'expenses.preview': (input, ctx) => service.previewExpense(ctx.db, actorOf(ctx), input, ctx.now()),
  'expenses.create': (input, ctx) => service.createExpense(ctx.db, actorOf(ctx), input, ctx.now()),
  'expenses.trips': ({ applicantId }, ctx) => service.tripsOf(ctx.db, actorOf(ctx), applicantId),
  'expenses.disburse': ({ id }, ctx) => service.disburseAdvance(ctx.db, actorOf(ctx), id, ctx.now()),
  'expenses.ratio': (input, ctx) => expenseRatio(ctx.db, input),
  'claims.claimable': ({ applicantId }, ctx) => claims.claimable(ctx.db, actorOf(ctx), applicantId),
  'claims.preview': (input, ctx) => claims.previewClaim(ctx.db, actorOf(ctx), input, ctx.now()),
  'claims.create': (input, ctx) => claims.createClaim(ctx.db, actorOf(ctx), input, ctx.now()),
  'claims.list': (filter, ctx) => claims.listClaims(ctx.db, actorOf(ctx), filter),
  'claims.get': ({ id }, ctx) => claims.getClaim(ctx.db, actorOf(ctx), id),
  'claims.pay': (input, ctx) => claims.payClaim(ctx.db, actorOf(ctx), input, ctx.now()),
  'claims.return': (input, ctx) => claims.returnClaim(ctx.db, actorOf(ctx), input, ctx.now()),
};
