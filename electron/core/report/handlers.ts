import { actorOf, type Handlers } from '../api/context';
import { exportReport } from './export';
import * as service from './service';

type ReportChannels = 'report.monthly' | 'report.drill' | 'report.export' | 'report.monthToDate';

export const reportHandlers: Pick<Handlers, ReportChannels> = {
  'report.monthly': (input, ctx) => service.monthlyReport(ctx.db, actorOf(ctx), input, ctx.now()),
  'report.drill': (input, ctx) => service.drill(ctx.db, actorOf(ctx), input),
  'report.export': (input, ctx) => exportReport(ctx.db, actorOf(ctx), input, ctx.now()),
  'report.monthToDate': (_input, ctx) => service.monthToDate(ctx.db, actorOf(ctx), ctx.now()),
};
