import { actorOf, type Handlers } from '../api/context';
import * as service from './service';

type TargetChannels = 'targets.get' | 'targets.save' | 'targets.of';

export const targetHandlers: Pick<Handlers, TargetChannels> = {
  'targets.get': ({ year }, ctx) => service.getPlan(ctx.db, actorOf(ctx), year),
  'targets.save': (input, ctx) => service.savePlan(ctx.db, actorOf(ctx), input, ctx.now()),
  'targets.of': ({ year, month }, ctx) => service.targetsOf(ctx.db, actorOf(ctx), year, month),
};
