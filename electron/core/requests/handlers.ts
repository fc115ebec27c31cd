import { localDate } from '../../../shared/dates';
import { actorOf, type Handlers } from '../api/context';
import * as policy from '../policy/service';
import * as service from './service';

type PolicyChannels =
  | 'policy.kinds'
  | 'policy.catalog'
  | 'policy.history'
  | 'policy.setParams'
  | 'policy.preview'
  | 'calendar.days'
  | 'calendar.setOverride'
  | 'calendar.removeOverride'
  | 'requests.submit'
  | 'requests.mine'
  | 'requests.inbox'
  | 'requests.get'
  | 'requests.decide'
  | 'requests.withdraw';

export const policyHandlers: Pick<Handlers, PolicyChannels> = {
  'policy.kinds': () => policy.kindInfos(),
  'policy.catalog': (_input, ctx) => policy.catalog(ctx.db, localDate(ctx.now())),
  'policy.history': ({ ruleId }, ctx) => policy.history(ctx.db, ruleId),
  'policy.setParams': (input, ctx) => policy.changeParams(ctx.db, actorOf(ctx), input, ctx.now()),
  'policy.preview': ({ request, applicantId }, ctx) => service.preview(ctx.db, actorOf(ctx), request, applicantId, ctx.now()),
  'calendar.days': ({ from, to }, ctx) => policy.calendarDays(ctx.db, from, to),
  'calendar.setOverride': (input, ctx) => policy.setOverride(ctx.db, actorOf(ctx), input, ctx.now()),
  'calendar.removeOverride': ({ date }, ctx) => policy.removeOverride(ctx.db, actorOf(ctx), date, ctx.now()),
  'requests.submit': (input, ctx) => service.submit(ctx.db, actorOf(ctx), input, ctx.now()),
  'requests.mine': (_input, ctx) => service.myRequests(ctx.db, actorOf(ctx)),
  'requests.inbox': (_input, ctx) => service.inbox(ctx.db, actorOf(ctx)),
  'requests.get': ({ id }, ctx) => service.getRequest(ctx.db, actorOf(ctx), id),
  'requests.decide': (input, ctx) => service.decide(ctx.db, actorOf(ctx), input, ctx.now()),
  'requests.withdraw': ({ id, version }, ctx) => service.withdraw(ctx.db, actorOf(ctx), id, version, ctx.now()),
};
