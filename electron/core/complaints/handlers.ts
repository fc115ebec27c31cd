import { actorOf, type Handlers } from '../api/context';
import * as service from './service';

type ComplaintChannels =
  | 'complaints.list'
  | 'complaints.get'
  | 'complaints.create'
  | 'complaints.fileSlip'
  | 'complaints.act'
  | 'complaints.overdue'
  | 'complaints.reviewList'
  | 'complaints.unreported';

export const complaintHandlers: Pick<Handlers, ComplaintChannels> = {
  'complaints.list': (query, ctx) => service.listComplaints(ctx.db, actorOf(ctx), query, ctx.now()),
  'complaints.get': ({ id }, ctx) => service.complaintDetail(ctx.db, actorOf(ctx), id, ctx.now()),
  'complaints.create': (input, ctx) => service.createComplaint(ctx.db, actorOf(ctx), input, ctx.now()),
  'complaints.fileSlip': (input, ctx) => service.fileSlip(ctx.db, actorOf(ctx), input, ctx.now()),
  'complaints.act': (input, ctx) => service.actOnComplaint(ctx.db, actorOf(ctx), input, ctx.now()),
  'complaints.overdue': (_input, ctx) => service.overdueComplaints(ctx.db, actorOf(ctx), ctx.now()),
  'complaints.reviewList': (_input, ctx) => service.reviewList(ctx.db, actorOf(ctx), ctx.now()),
  'complaints.unreported': (input, ctx) => service.unreportedFines(ctx.db, actorOf(ctx), input),
};
