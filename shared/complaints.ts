// DOMAIN §7 customer complaints (客户投诉): the register, its deadlines and the complaint slip (投诉单).
// A complaint is received (by hand, or opened by a bad O-SURVEY answer), handled by the customer's
// owner rep within P-HANDLE hours (else escalated to the manager), answered within P-RESPOND hours,
// its slip filed within P-SLIP working days, resolved, confirmed by the customer and only then
// archived (P-CLOSE). A major one (P-MAJOR) goes on the management review list. The deadlines are
// computed by the policy engine at receipt, by the parameters in force that day, and stored.
import { z } from 'zod';
import type { Label, Role } from './domain';
import { decisionSchema } from './policy';
import { bilingual, fen, id, requiredText, text } from './validation';

export const COMPLAINT_SEVERITIES = ['normal', 'major'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];
export const COMPLAINT_SEVERITY_LABELS: Record<ComplaintSeverity, Label> = {
  normal: { zh: '一般', en: 'Normal' },
  major: { zh: '重大', en: 'Major' },
};

/**
 * received → handling → responded → resolved → confirmed → archived. `escalated`: P-HANDLE passed
 * (or someone escalated it by hand); the manager takes it over and it goes on to handling/responded.
 */
export const COMPLAINT_STATUSES = ['received', 'handling', 'escalated', 'responded', 'resolved', 'confirmed', 'archived'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, Label> = {
  received: { zh: '已受理', en: 'Received' },
  handling: { zh: '处理中', en: 'Handling' },
  escalated: { zh: '已升级', en: 'Escalated' },
  responded: { zh: '已答复', en: 'Responded' },
  resolved: { zh: '已整改', en: 'Resolved' },
  confirmed: { zh: '客户已确认', en: 'Confirmed by customer' },
  archived: { zh: '已归档', en: 'Archived' },
};
/** Statuses still open: the deadlines and overdue flags apply. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'handling', 'escalated', 'responded', 'resolved', 'confirmed'];

/** manual: entered by hand; survey: opened by an O-SURVEY score ≤ 2; discovered: found without a slip (P-UNREPORTED). */
export const COMPLAINT_SOURCES = ['manual', 'survey', 'discovered'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, Label> = {
  manual: { zh: '客户来电/来函', en: 'Reported by the customer' },
  survey: { zh: '满意度调查', en: 'Satisfaction survey' },
  discovered: { zh: '发现未报', en: 'Found unreported' },
};

/** What is done to a complaint; each is a row of its handling record. */
export const COMPLAINT_ACTIONS = ['receive', 'slip', 'handle', 'escalate', 'respond', 'resolve', 'confirm', 'archive', 'review', 'note'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
export const COMPLAINT_ACTION_LABELS: Record<ComplaintAction, Label> = {
  receive: { zh: '受理', en: 'Received' },
  slip: { zh: '填写投诉单', en: 'Slip filed' },
  handle: { zh: '处理', en: 'Handled' },
  escalate: { zh: '升级至经理', en: 'Escalated' },
  respond: { zh: '答复客户', en: 'Responded' },
  resolve: { zh: '整改完成', en: 'Resolved' },
  confirm: { zh: '客户确认', en: 'Confirmed by customer' },
  archive: { zh: '归档', en: 'Archived' },
  review: { zh: '管理层评审', en: 'Management review' },
  note: { zh: '备注', en: 'Note' },
};

/** Who sees every complaint (the heads, and the assistants and finance who file and settle them). Reps see their customers', supervisors their team's. */
export const COMPLAINT_SEE_ALL_ROLES: readonly Role[] = ['admin', 'gm', 'director', 'manager', 'assistant', 'finance'];
/** Who reviews major complaints on the management review list (P-MAJOR). */
export const COMPLAINT_REVIEW_ROLES: readonly Role[] = ['gm', 'director'];

/** A timestamp as the renderer sends it: ISO 8601 with offset. */
const at = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, bilingual('须为带时区的时间，如 2026-11-23T09:30:00+08:00', 'must be a time with offset, e.g. 2026-11-23T09:30:00+08:00'))
  .refine((v) => !Number.isNaN(Date.parse(v)), bilingual('不是有效时间', 'is not a valid time'));

// —— input ——

/**
 * A complaint as received. The customer is required (a complaint without a customer is refused);
 * the slip's fields (occurredAt, course, responsibleId, workOrderNo) may follow within P-SLIP's
 * working days on complaints.fileSlip, or be given now with `fileSlip: true`.
 */
export const complaintCreateSchema = z
  .object({
    customerId: id,
    orderId: id.nullable().default(null),
    /** Work order no. (工单号); defaults to the order's number. */
    workOrderNo: text(40).default(''),
    /** When it was received; default now. Not in the future. */
    receivedAt: at.optional(),
    occurredAt: at.nullable().default(null),
    /** What the customer complains of, in a line (投诉内容). */
    summary: requiredText(200),
    /** Course of events (事情经过). */
    course: text(2000).default(''),
    /** The responsible person (责任人), an employee. */
    responsibleId: id.nullable().default(null),
    severity: z.enum(COMPLAINT_SEVERITIES).default('normal'),
    /** 'discovered': found without a slip (P-UNREPORTED fines the owner rep). 'survey' is the core's own. */
    source: z.enum(['manual', 'discovered']).default('manual'),
    /** File the slip at once (all P-SLIP fields must then be given). */
    fileSlip: z.boolean().default(false),
  })
  .strict();
export type ComplaintCreateInput = z.output<typeof complaintCreateSchema>;

/** The complaint slip (投诉单): every P-SLIP field. */
export const complaintSlipSchema = z
  .object({
    id,
    version: z.int(),
    occurredAt: at,
    course: requiredText(2000),
    responsibleId: id,
    workOrderNo: requiredText(40),
  })
  .strict();
export type ComplaintSlipInput = z.output<typeof complaintSlipSchema>;

/**
 * One step of the handling: handle (处理意见), escalate (升级), respond (答复客户), resolve (整改完成,
 * with any compensation), confirm (the customer's confirmation: who at the customer and what they
 * said), archive (P-CLOSE: only after confirm), review (P-MAJOR, by the management), note.
 */
export const complaintActInputSchema = z
  .object({
    id,
    version: z.int(),
    action: z.enum(['handle', 'escalate', 'respond', 'resolve', 'confirm', 'archive', 'review', 'note']),
    note: text(1000).default(''),
    /** resolve: compensation to the customer (赔偿金额), fen. */
    compensationFen: fen.optional(),
    /** confirm: who at the customer confirmed (客户确认人). */
    confirmedBy: text(50).optional(),
    /** escalate / review may change the severity (a complaint found to be major). */
    severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  })
  .strict();
export type ComplaintActInput = z.output<typeof complaintActInputSchema>;

// —— output ——

export const complaintSchema = z.object({
  id,
  complaintNo: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  /** The customer's owner rep at receipt: first responsible (P-HANDLE). */
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  orderId: id.nullable(),
  orderNo: z.string().nullable(),
  workOrderNo: z.string(),
  receivedAt: z.string(),
  occurredAt: z.string().nullable(),
  summary: z.string(),
  course: z.string(),
  responsibleId: id.nullable(),
  responsibleName: z.string().nullable(),
  severity: z.enum(COMPLAINT_SEVERITIES),
  source: z.enum(COMPLAINT_SOURCES),
  status: z.enum(COMPLAINT_STATUSES),
  handledAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  slipFiledAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string(),
  archivedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  escalatedToId: id.nullable(),
  escalatedToName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  compensationFen: z.int(),
  /** Deadlines computed at receipt by the parameters then in force. */
  handleDueAt: z.string(),
  respondDueAt: z.string(),
  slipDueDate: z.string(),
  /** Overdue now (the core's clock): the step is not done and its deadline has passed. */
  handleOverdue: z.boolean(),
  respondOverdue: z.boolean(),
  slipOverdue: z.boolean(),
  enteredById: id,
  enteredByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Complaint = z.output<typeof complaintSchema>;

export const complaintActionSchema = z.object({
  at: z.string(),
  action: z.enum(COMPLAINT_ACTIONS),
  byId: id,
  byName: z.string(),
  fromStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  toStatus: z.enum(COMPLAINT_STATUSES),
  note: z.string(),
});
export type ComplaintActionRow = z.output<typeof complaintActionSchema>;

export const complaintDetailSchema = z.object({
  complaint: complaintSchema,
  /** The handling record, oldest first. */
  actions: z.array(complaintActionSchema),
  /** The engine's judgement now (P-HANDLE, P-RESPOND, P-SLIP, P-CLOSE, P-MAJOR). */
  decision: decisionSchema,
  /** The next steps the caller may take now. */
  allowed: z.array(z.enum(['slip', 'handle', 'escalate', 'respond', 'resolve', 'confirm', 'archive', 'review', 'note'])),
});
export type ComplaintDetail = z.output<typeof complaintDetailSchema>;

/** Each rep's P-UNREPORTED fines over a period (cases found without a slip × the fine). */
export const unreportedRowSchema = z.object({ userId: id, userName: z.string(), cases: z.int(), fineFen: z.int() });
export type UnreportedRow = z.output<typeof unreportedRowSchema>;

export const COMPLAINT_FIELD_LABELS: Readonly<Record<string, Label>> = {
  orderId: { zh: '订单', en: 'Order' },
  workOrderNo: { zh: '工单号', en: 'Work order no.' },
  receivedAt: { zh: '受理时间', en: 'Received at' },
  occurredAt: { zh: '发生时间', en: 'Occurred at' },
  summary: { zh: '投诉内容', en: 'Complaint' },
  course: { zh: '事情经过', en: 'Course of events' },
  responsibleId: { zh: '责任人', en: 'Responsible person' },
  severity: { zh: '严重程度', en: 'Severity' },
  source: { zh: '来源', en: 'Source' },
  fileSlip: { zh: '同时填写投诉单', en: 'File the slip now' },
  action: { zh: '操作', en: 'Action' },
  compensationFen: { zh: '赔偿金额', en: 'Compensation' },
  confirmedBy: { zh: '客户确认人', en: 'Confirmed by' },
};
