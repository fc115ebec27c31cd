// §7 Complaints: the deadlines after receipt (P-HANDLE, P-RESPOND, P-SLIP), closing (P-CLOSE),
// major complaints (P-MAJOR) and complaints found without a slip (P-UNREPORTED). Times are judged by
// the office wall clock, i.e. in the offset each timestamp was written with (../time.ts).
import { z } from 'zod';
import { formatYuan } from '../../../../shared/money';
import type { Finding } from '../../../../shared/policy';
import { bilingual } from '../../../../shared/validation';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding, role } from '../rule';
import { addHours, atOrBefore, wallClock } from '../time';

export const COMPLAINT_SEVERITIES = ['normal', 'major'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export interface ComplaintRequest {
  /** When the complaint was received (ISO 8601 with offset). */
  receivedAt: string;
  /** When it was handled, responded to and its slip filed; undefined while not (yet) known. */
  handledAt?: string;
  respondedAt?: string;
  slipFiledAt?: string;
  severity: ComplaintSeverity;
  archived?: boolean;
  customerConfirmed?: boolean;
}

/** "2026-11-23 09:30", the wall clock of a timestamp. */
const shown = (iso: string) => {
  const { date, time } = wallClock(iso);
  return `${date} ${time}`;
};

/** Hours from a to b, one decimal, for messages. */
const hoursLate = (due: string, at: string) => Math.round((Date.parse(at) - Date.parse(due)) / 360_000) / 10;

export const complaintHandle = defineRule({
  id: 'P-HANDLE',
  name: { zh: '投诉处理时限', en: 'Complaint handling deadline' },
  description: {
    zh: '客户的业务员为第一责任人，须在受理后 24 小时内处理完毕（恰好 24 小时为按时）；逾期升级至销售经理。',
    en: "The customer's owner rep is first responsible and must have it handled within 24 hours of receipt (exactly 24 hours is on time); if not, it escalates to the manager.",
  },
  params: z.object({ handleHours: z.number().min(1).max(720).default(24) }).default({ handleHours: 24 }),
  evaluate(request: ComplaintRequest, _ctx, params) {
    const handleDueAt = addHours(request.receivedAt, params.handleHours);
    const computed = { handleDueAt };
    const findings: Finding[] = [];
    if (request.handledAt !== undefined && !atOrBefore(request.handledAt, handleDueAt)) {
      findings.push(
        finding(
          'P-HANDLE',
          'approval',
          {
            zh: `投诉须在受理后 ${params.handleHours} 小时内（${shown(handleDueAt)} 前）处理完毕，实际 ${shown(request.handledAt)} 处理，逾期 ${hoursLate(handleDueAt, request.handledAt)} 小时，已升级至销售经理`,
            en: `The complaint had to be handled within ${params.handleHours} hours of receipt (by ${shown(handleDueAt)}); handled ${shown(request.handledAt)}, ${hoursLate(handleDueAt, request.handledAt)} hours late: escalated to the manager`,
          },
          { handleDueAt, handledAt: request.handledAt },
          [role('manager')],
        ),
      );
    }
    return { findings, computed };
  },
});

export const complaintRespond = defineRule({
  id: 'P-RESPOND',
  name: { zh: '答复客户时限', en: 'Response to the customer' },
  description: {
    zh: '须在受理后 48 小时内答复客户（SOP）；逾期提醒。',
    en: 'The customer gets a response within 48 hours of receipt (SOP); a late response is flagged.',
  },
  params: z.object({ respondHours: z.number().min(1).max(720).default(48) }).default({ respondHours: 48 }),
  evaluate(request: ComplaintRequest, _ctx, params) {
    const respondDueAt = addHours(request.receivedAt, params.respondHours);
    const computed = { respondDueAt };
    const findings: Finding[] = [];
    if (request.respondedAt !== undefined && !atOrBefore(request.respondedAt, respondDueAt)) {
      findings.push(
        finding('P-RESPOND', 'warn', {
          zh: `须在受理后 ${params.respondHours} 小时内（${shown(respondDueAt)} 前）答复客户，实际 ${shown(request.respondedAt)} 答复，逾期 ${hoursLate(respondDueAt, request.respondedAt)} 小时`,
          en: `The customer had to get a response within ${params.respondHours} hours (by ${shown(respondDueAt)}); responded ${shown(request.respondedAt)}, ${hoursLate(respondDueAt, request.respondedAt)} hours late`,
        }, { respondDueAt, respondedAt: request.respondedAt }),
      );
    }
    return { findings, computed };
  },
});

export const complaintSlip = defineRule({
  id: 'P-SLIP',
  name: { zh: '投诉单', en: 'Complaint slip' },
  description: {
    zh: '受理后 3 个工作日内（受理当天不计，按受理时的当地日期）填写投诉单，内容须包括：客户名称、发生时间、事情经过、责任人、工单号。逾期提醒。',
    en: 'A complaint slip is filed within 3 working days of receipt (not counting the day of receipt, by its local date) with: customer name, time of occurrence, course of events, responsible person, work order number. A late slip is flagged.',
  },
  params: z.object({ slipWorkingDays: z.int().min(0).max(366).default(3) }).default({ slipWorkingDays: 3 }),
  evaluate(request: ComplaintRequest, ctx, params) {
    const slipDueDate = ctx.calendar.workingDayAfter(wallClock(request.receivedAt).date, params.slipWorkingDays);
    const computed = { slipDueDate };
    const findings: Finding[] = [];
    if (request.slipFiledAt !== undefined) {
      const filedOn = wallClock(request.slipFiledAt).date;
      if (filedOn > slipDueDate) {
        findings.push(
          finding('P-SLIP', 'warn', {
            zh: `投诉单须在受理后 ${params.slipWorkingDays} 个工作日内填写（最迟 ${slipDueDate}），实际 ${filedOn} 填写，已逾期`,
            en: `The complaint slip had to be filed within ${params.slipWorkingDays} working days of receipt (by ${slipDueDate}); filed on ${filedOn}, late`,
          }, { slipDueDate, filedOn }),
        );
      }
    }
    return { findings, computed };
  },
});

export const complaintClose = defineRule({
  id: 'P-CLOSE',
  name: { zh: '投诉归档', en: 'Closing a complaint' },
  description: {
    zh: '客户确认整改结果后，投诉方可归档。',
    en: 'A complaint is archived only after the customer confirms the rectification.',
  },
  params: z.object({}).default({}),
  evaluate(request: ComplaintRequest) {
    if (request.archived === true && request.customerConfirmed !== true) {
      return {
        findings: [
          finding('P-CLOSE', 'block', {
            zh: '客户尚未确认整改结果，投诉不能归档',
            en: 'The customer has not confirmed the rectification: the complaint cannot be archived',
          }),
        ],
      };
    }
    return { findings: [] };
  },
});

export const complaintMajor = defineRule({
  id: 'P-MAJOR',
  name: { zh: '重大投诉', en: 'Major complaint' },
  description: {
    zh: '重大投诉列入管理层评审清单，由总经理审阅。',
    en: "A major complaint goes on the management review list for the gm's review.",
  },
  params: z.object({}).default({}),
  evaluate(request: ComplaintRequest) {
    if (request.severity !== 'major') return { findings: [] };
    return {
      findings: [
        finding('P-MAJOR', 'approval', { zh: '重大投诉：列入管理层评审清单，须总经理审阅', en: "Major complaint: on the management review list for the gm's review" }, {}, [role('gm')]),
      ],
    };
  },
});

export interface UnreportedRequest {
  /** Complaints discovered without a complaint slip. */
  cases: number;
}

export const complaintUnreported = defineRule({
  id: 'P-UNREPORTED',
  name: { zh: '未报投诉', en: 'Unreported complaints' },
  description: {
    zh: '发现投诉未填投诉单属违规，每起罚款 50 元，由此造成的损失由业务员承担。',
    en: 'A complaint discovered without a slip is a violation, fined 50 yuan per case; the rep bears the resulting losses.',
  },
  params: z.object({ fineFen: z.int().min(0).max(10_000_000).default(5_000) }).default({ fineFen: 5_000 }),
  evaluate(request: UnreportedRequest, _ctx, params) {
    const fineFen = request.cases * params.fineFen;
    const computed = { fineFen };
    if (request.cases <= 0) return { findings: [], computed };
    return {
      findings: [
        finding('P-UNREPORTED', 'warn', {
          zh: `${request.cases} 起投诉未填投诉单，属违规：每起罚款 ${formatYuan(params.fineFen)}，共 ${formatYuan(fineFen)}；由此造成的损失由业务员承担`,
          en: `${request.cases} complaints without a slip are a violation: ${formatYuan(params.fineFen)} per case, ${formatYuan(fineFen)} in all; the rep bears the resulting losses`,
        }, computed),
      ],
      computed,
    };
  },
});

export const rules = {
  'P-HANDLE': complaintHandle,
  'P-RESPOND': complaintRespond,
  'P-SLIP': complaintSlip,
  'P-CLOSE': complaintClose,
  'P-MAJOR': complaintMajor,
  'P-UNREPORTED': complaintUnreported,
} as const;

const TIME_FIELDS = ['handledAt', 'respondedAt', 'slipFiledAt'] as const;

const complaintKind = defineKind({
  kind: 'complaint',
  label: { zh: '客户投诉', en: 'Customer complaint' },
  rules: ['P-HANDLE', 'P-RESPOND', 'P-SLIP', 'P-CLOSE', 'P-MAJOR'],
  submittable: false,
  schema: z
    .object({
      receivedAt: f.timestamp({ zh: '受理时间', en: 'Received at' }),
      handledAt: f.timestamp({ zh: '处理完成时间', en: 'Handled at' }).optional(),
      respondedAt: f.timestamp({ zh: '答复客户时间', en: 'Responded at' }).optional(),
      slipFiledAt: f.timestamp({ zh: '投诉单填写时间', en: 'Slip filed at' }, { hint: { zh: '投诉单须写明客户名称、发生时间、事情经过、责任人、工单号', en: 'The slip names the customer, time, course of events, responsible person and work order no.' } }).optional(),
      severity: f.choice({ zh: '严重程度', en: 'Severity' }, COMPLAINT_SEVERITIES, { normal: { zh: '一般', en: 'Normal' }, major: { zh: '重大', en: 'Major' } }),
      archived: f.bool({ zh: '已归档', en: 'Archived' }).optional(),
      customerConfirmed: f.bool({ zh: '客户已确认整改', en: 'Customer confirmed the rectification' }).optional(),
    })
    .superRefine((r, issue) => {
      const received = Date.parse(r.receivedAt);
      for (const field of TIME_FIELDS) {
        const at = r[field];
        if (at !== undefined && !Number.isNaN(received) && Date.parse(at) < received) {
          issue.addIssue({ code: 'custom', path: [field], ...bilingual('不能早于受理时间', 'cannot be before the complaint was received') });
        }
      }
    }),
  example: { receivedAt: '2026-11-20T16:30:00+08:00', handledAt: '2026-11-21T10:00:00+08:00', severity: 'normal' },
  // Deadlines are judged by the parameters in force on the day the complaint was received.
  submittedOn: (r) => wallClock(r.receivedAt).date,
  evaluate(request, ctx) {
    const outcomes = [
      complaintHandle.evaluate(request, ctx, ctx.params('P-HANDLE')),
      complaintRespond.evaluate(request, ctx, ctx.params('P-RESPOND')),
      complaintSlip.evaluate(request, ctx, ctx.params('P-SLIP')),
      complaintClose.evaluate(request, ctx, ctx.params('P-CLOSE')),
      complaintMajor.evaluate(request, ctx, ctx.params('P-MAJOR')),
    ];
    return {
      findings: outcomes.flatMap((o) => o.findings),
      computed: Object.assign({}, ...outcomes.map((o) => o.computed ?? {})) as Record<string, unknown>,
    };
  },
});

const unreportedKind = defineKind({
  kind: 'unreported_complaint',
  label: { zh: '未报投诉', en: 'Unreported complaints' },
  rules: ['P-UNREPORTED'],
  submittable: false,
  schema: z.object({
    cases: f.int({ zh: '未填投诉单的投诉数', en: 'Complaints without a slip' }, { max: 10_000 }),
  }),
  example: { cases: 2 },
  evaluate(request, ctx) {
    const outcome = complaintUnreported.evaluate(request, ctx, ctx.params('P-UNREPORTED'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [complaintKind, unreportedKind];
