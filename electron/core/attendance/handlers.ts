import { actorOf, type Handlers } from '../api/context';
import * as records from './records';
import * as sheet from './sheet';
import * as signCards from './signCards';

type AttendanceChannels =
  | 'attendance.records'
  | 'attendance.record'
  | 'attendance.import'
  | 'attendance.month'
  | 'attendance.signCard'
  | 'attendance.signCardPreview'
  | 'attendance.signCards'
  | 'attendance.signCardGet';

export const attendanceHandlers: Pick<Handlers, AttendanceChannels> = {
  'attendance.records': (input, ctx) => records.listRecords(ctx.db, actorOf(ctx), input),
  'attendance.record': (input, ctx) => records.saveRecord(ctx.db, actorOf(ctx), input, ctx.now()),
  'attendance.import': (input, ctx) => records.importCsv(ctx.db, actorOf(ctx), input, ctx.now()),
  'attendance.month': (input, ctx) => sheet.monthSheet(ctx.db, actorOf(ctx), input, ctx.now()),
  'attendance.signCard': (input, ctx) => signCards.createSignCard(ctx.db, actorOf(ctx), input, ctx.now()),
  'attendance.signCardPreview': (input, ctx) => signCards.previewSignCard(ctx.db, actorOf(ctx), input, ctx.now()),
  'attendance.signCards': (input, ctx) => signCards.listSignCards(ctx.db, actorOf(ctx), input),
  'attendance.signCardGet': ({ id }, ctx) => signCards.signCardDetail(ctx.db, actorOf(ctx), id),
};
