// Printed forms of DOMAIN §7–8: the complaint slip (客户投诉单), the leave slip (请假申请表) and the
// monthly attendance sheet (考勤表). Each reads through its module's service with the actor (who may
// see it), and every print is audited.
import { formatTimestamp, localDate, nextDay } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { LEAVE_STATUS_LABELS } from '../../../shared/leave';
import { recordAudit } from '../audit/audit';
import { actorOf, type Handlers } from '../api/context';
import { monthSheet } from '../attendance/sheet';
import { complaintDetail } from '../complaints/service';
import { leaveDetail, monthBounds } from '../leave/service';
import { companyCalendar } from '../policy/context';
import { paramsInForce } from '../policy/params';
import { calendarDays } from '../policy/service';
import { wallClock } from '../policy/time';
import { companyOf } from '../settings/service';
import { attendanceSheetHtml, attendanceSheetPages } from './attendanceSheet';
import { complaintSlipHtml, complaintSlipPages } from './complaintSlip';
import { leaveSlipHtml } from './leaveSlip';

export const hrPrintHandlers: Pick<Handlers, 'print.complaintForm' | 'print.leaveForm' | 'print.attendanceSheet'> = {
  'print.complaintForm': ({ complaintId, paper }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const detail = complaintDetail(ctx.db, actor, complaintId, at);
    const c = detail.complaint;
    // P-SLIP's working days as stored: from the day after receipt to the slip's due date.
    const slipWorkingDays = companyCalendar(ctx.db).workingDaysBetween(nextDay(wallClock(c.receivedAt).date), c.slipDueDate);
    const data = {
      detail,
      slipWorkingDays,
      now: at.toISOString(),
      companyName: companyOf(ctx.db)?.name ?? '',
      printedAt: formatTimestamp(at.toISOString()),
      printedBy: actor.displayName,
    };
    const html = complaintSlipHtml(data, paper);
    recordAudit(ctx.db, { userId: actor.id, action: 'print.complaintForm', entity: 'complaints', entityId: c.id, after: { complaintNo: c.complaintNo, paper }, at });
    return { title: `客户投诉单 ${c.complaintNo}`, html, pages: complaintSlipPages(data, paper) };
  },
  'print.leaveForm': ({ leaveId }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const detail = leaveDetail(ctx.db, actor, leaveId);
    const l = detail.leave;
    if (l.status !== 'pending' && l.status !== 'approved') {
      const label = LEAVE_STATUS_LABELS[l.status];
      throw new AppError(
        'VALIDATION',
        `请假申请 ${l.leaveNo} ${label.zh}，不能打印请假申请表（审批中或已批准的才能打印）`,
        `Leave ${l.leaveNo} is ${label.en.toLowerCase()}; only a pending or approved leave is printed`,
      );
    }
    const html = leaveSlipHtml({ detail, companyName: companyOf(ctx.db)?.name ?? '', printedAt: formatTimestamp(at.toISOString()), printedBy: actor.displayName });
    recordAudit(ctx.db, { userId: actor.id, action: 'print.leaveForm', entity: 'leaves', entityId: l.id, after: { leaveNo: l.leaveNo, paper: 'a5' }, at });
    return { title: `请假申请表 ${l.leaveNo}`, html, pages: 1 };
  },
  'print.attendanceSheet': (input, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const sheet = monthSheet(ctx.db, actor, input, at);
    const { first, last } = monthBounds(input.month);
    const days = calendarDays(ctx.db, first, last).map((d) => ({
      date: d.date,
      working: d.working,
      name: (d.override ? d.override.note.trim() || d.officialName : d.officialName) ?? null,
    }));
    // L-ABSENT's threshold in force at the month's end (or today while it runs), for the legend.
    const today = localDate(at);
    const { seriousDays } = paramsInForce(ctx.db, 'L-ABSENT', last < today ? last : today);
    const html = attendanceSheetHtml({ sheet, days, seriousDays, companyName: companyOf(ctx.db)?.name ?? '', printedAt: formatTimestamp(at.toISOString()), printedBy: actor.displayName });
    recordAudit(ctx.db, {
      userId: actor.id,
      action: 'print.attendanceSheet',
      entity: 'attendance_records',
      entityId: input.userId ?? null,
      after: { month: input.month, userId: input.userId ?? null, people: sheet.people.length },
      at,
    });
    return { title: `考勤表 ${input.month}`, html, pages: attendanceSheetPages(sheet.people) };
  },
};
