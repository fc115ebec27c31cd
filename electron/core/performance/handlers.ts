import { actorOf, type Handlers } from '../api/context';
import * as grading from './grading';
import * as service from './service';

type PerformanceChannels = 'performance.month' | 'performance.recordDeduction' | 'performance.deductions' | 'grading.proposals' | 'grading.decide';

export const performanceHandlers: Pick<Handlers, PerformanceChannels> = {
  'performance.month': ({ month }, ctx) => service.monthScores(ctx.db, actorOf(ctx), month, ctx.now()),
  'performance.recordDeduction': (input, ctx) => service.recordDeduction(ctx.db, actorOf(ctx), input, ctx.now()),
  'performance.deductions': ({ month }, ctx) => service.deductionsOf(ctx.db, actorOf(ctx), month),
  'grading.proposals': ({ month }, ctx) => grading.proposals(ctx.db, actorOf(ctx), month, ctx.now()),
  'grading.decide': (input, ctx) => grading.decide(ctx.db, actorOf(ctx), input, ctx.now()),
};
