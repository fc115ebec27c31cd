import { actorOf, type Handlers } from '../api/context';
import * as service from './service';
import { overdueCustomers } from './visits';

type ActivityChannels =
  | 'activity.day'
  | 'activity.saveLog'
  | 'activity.visits'
  | 'activity.weekly'
  | 'activity.saveWeekly'
  | 'activity.overdueCustomers'
  | 'activity.lateReports';

export const activityHandlers: Pick<Handlers, ActivityChannels> = {
  'activity.day': (input, ctx) => service.dayOf(ctx.db, actorOf(ctx), input, ctx.now()),
  'activity.saveLog': (input, ctx) => service.saveLog(ctx.db, actorOf(ctx), input, ctx.now()),
  'activity.visits': (query, ctx) => service.visitsPage(ctx.db, actorOf(ctx), query),
  'activity.weekly': (input, ctx) => service.weeklyOf(ctx.db, actorOf(ctx), input, ctx.now()),
  'activity.saveWeekly': (input, ctx) => service.saveWeekly(ctx.db, actorOf(ctx), input, ctx.now()),
  'activity.overdueCustomers': (input, ctx) => overdueCustomers(ctx.db, actorOf(ctx), input, ctx.now()),
  'activity.lateReports': (input, ctx) => service.lateReports(ctx.db, actorOf(ctx), input, ctx.now()),
};
