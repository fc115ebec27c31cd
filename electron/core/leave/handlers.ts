import { actorOf, type Handlers } from '../api/context';
import * as service from './service';

type LeaveChannels = 'leave.list' | 'leave.get' | 'leave.preview' | 'leave.create' | 'leave.calendar';

export const leaveHandlers: Pick<Handlers, LeaveChannels> = {
  'leave.list': (query, ctx) => service.listLeaves(ctx.db, actorOf(ctx), query),
  'leave.get': ({ id }, ctx) => service.leaveDetail(ctx.db, actorOf(ctx), id),
  'leave.preview': (input, ctx) => service.previewLeave(ctx.db, actorOf(ctx), input, ctx.now()),
  'leave.create': (input, ctx) => service.createLeave(ctx.db, actorOf(ctx), input, ctx.now()),
  'leave.calendar': ({ month }, ctx) => service.leaveCalendar(ctx.db, actorOf(ctx), month),
};
