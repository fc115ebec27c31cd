// §2 Customer files: C-NEW (the new-customer application that makes a month's volume count),
// C-CHANGE (changes take effect after a manager approves) and C-VISIT (visit frequencies).
import { z } from 'zod';
import { addDays, daysBetween } from '../../../../shared/dates';
import { GRADES, GRADE_LABELS, type Grade } from '../../../../shared/domain';
import type { Finding } from '../../../../shared/policy';
import { bilingual, isoDate } from '../../../../shared/validation';
import { f } from '../fields';
import { defineKind, type KindDef } from '../kind';
import { defineRule, finding, role } from '../rule';

const pad2 = (n: number) => String(n).padStart(2, '0');

// —— C-NEW 新增客户申请 ——

export interface NewCustomerRequest {
  /** The first day the customer had business (the month M whose volume is at stake). */
  firstBusinessOn: string;
  /** When the new-customer application was filed; undefined when it was not. */
  applicationFiledOn?: string;
  /** Whether a manager approved it. */
  applicationApproved?: boolean;
}

export const newCustomer = defineRule({
  id: 'C-NEW',
  name: { zh: '新增客户申请', en: 'New-customer application' },
  description: {
    zh: '新客户在某月有业务，须在当月 25 日（含）前提交新增客户申请并经销售经理批准；否则该客户当月业务量不计入客户经理的业绩。',
    en: "A new customer with business in month M needs a new-customer application filed by day 25 of M (inclusive) and approved by a manager; otherwise its volume in M does not count toward the owner rep's performance.",
  },
  // Day 1–28: every month has that day.
  params: z.object({ deadlineDay: z.int().min(1).max(28).default(25) }).default({ deadlineDay: 25 }),
  evaluate(request: NewCustomerRequest, ctx, params) {
    const month = request.firstBusinessOn.slice(0, 7);
    const deadline = `${month}-${pad2(params.deadlineDay)}`;
    const filed = request.applicationFiledOn;
    const approved = request.applicationApproved === true;
    const filedInTime = filed !== undefined && filed <= deadline;
    const countsForMonth = filedInTime && approved;
    const computed = { month, deadline, countsForMonth };
    const findings: Finding[] = [];
    const notCounted = {
      zh: `该客户 ${month} 的业务量不计入客户经理当月业绩`,
      en: `its volume in ${month} does not count toward the owner rep's performance`,
    };
    if (filed === undefined) {
      const stillTime = ctx.today <= deadline;
      findings.push(
        finding(
          'C-NEW',
          'warn',
          stillTime
            ? {
                zh: `尚未提交新增客户申请：须在 ${deadline} 前提交并经销售经理批准，否则${notCounted.zh}`,
                en: `No new-customer application yet: file it by ${deadline} and have a manager approve it, or ${notCounted.en}`,
              }
            : {
                zh: `未在 ${deadline} 前提交新增客户申请：${notCounted.zh}`,
                en: `No new-customer application filed by ${deadline}: ${notCounted.en}`,
              },
          { deadline, month },
        ),
      );
    } else if (!filedInTime) {
      findings.push(
        finding(
          'C-NEW',
          'warn',
          {
            zh: `新增客户申请于 ${filed} 提交，晚于截止日 ${deadline}：${notCounted.zh}`,
            en: `The application was filed on ${filed}, after the deadline ${deadline}: ${notCounted.en}`,
          },
          { deadline, month, filedOn: filed },
        ),
      );
    }
    if (filed !== undefined && !approved) {
      findings.push(
        finding(
          'C-NEW',
          'approval',
          filedInTime
            ? {
                zh: `新增客户申请须经销售经理批准，该客户 ${month} 的业务量才计入业绩`,
                en: `The new-customer application needs a manager's approval before the customer's volume in ${month} counts`,
              }
            : { zh: '新增客户申请须经销售经理批准', en: "The new-customer application needs a manager's approval" },
          { deadline, month },
          [role('manager')],
        ),
      );
    }
    return { findings, computed };
  },
});

// —— C-CHANGE 客户信息变更 ——

export interface CustomerChangeRequest {
  /** The names of the fields changed (联系人, 结算方式…). */
  fields: string[];
}

export const customerChange = defineRule({
  id: 'C-CHANGE',
  name: { zh: '客户信息变更', en: 'Customer change request' },
  description: {
    zh: '联系方式、结算方式、服务要求或项目价格的变更须经销售经理批准后才生效；保留变更前后的值和审批人。',
    en: 'Changes to contact details, settlement type, service requirements or project prices take effect only after a manager approves; the old and new values and the approver are kept.',
  },
  params: z.object({}).default({}),
  evaluate(request: CustomerChangeRequest) {
    const list = request.fields;
    return {
      findings: [
        finding(
          'C-CHANGE',
          'approval',
          {
            zh: `客户信息变更（${list.join('、')}）须经销售经理批准后生效，变更前后的值和审批人将被保留`,
            en: `The change (${list.join(', ')}) takes effect only after a manager approves it; old and new values and the approver are kept`,
          },
          { fields: list },
          [role('manager')],
        ),
      ],
      computed: { fields: list },
    };
  },
});

/** "联系人，电话、结算方式" → ["联系人", "电话", "结算方式"]. */
export function splitFieldList(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

// —— C-VISIT 拜访频次 ——

export interface CustomerVisitRequest {
  grade: Grade;
  /** Visits in the 7 days up to and including asOf (strategic and core customers). */
  visitsLast7Days?: number;
  /** The last visit (ordinary customers); undefined when never visited. */
  lastVisitOn?: string;
  asOf: string;
}

export interface RepVisitRequest {
  visitsThisWeek: number;
}

const visitParams = z
  .object({
    strategicPerWeek: z.int().min(0).max(50).default(2),
    corePerWeek: z.int().min(0).max(50).default(2),
    ordinaryEveryDays: z.int().min(1).max(366).default(15),
    repPerWeek: z.int().min(0).max(200).default(20),
  })
  .default({ strategicPerWeek: 2, corePerWeek: 2, ordinaryEveryDays: 15, repPerWeek: 20 });

export const visitFrequency = defineRule({
  id: 'C-VISIT',
  name: { zh: '拜访频次', en: 'Visit frequency' },
  description: {
    zh: '战略级、核心级客户每周至少拜访 2 次；普通级客户每 15 天至少 1 次；每位客户经理每周至少拜访 20 次。逾期客户列出。',
    en: 'Strategic and core customers: at least 2 visits a week; ordinary: at least one every 15 days; each rep at least 20 visits a week. Overdue customers are listed.',
  },
  params: visitParams,
  evaluate(request: CustomerVisitRequest, _ctx, params) {
    const gradeZh = GRADE_LABELS[request.grade].zh;
    const gradeEn = GRADE_LABELS[request.grade].en.toLowerCase();
    if (request.grade === 'ordinary') {
      const every = params.ordinaryEveryDays;
      if (request.lastVisitOn === undefined) {
        const computed = { overdue: true, nextVisitDue: request.asOf, daysSinceLastVisit: null };
        return {
          findings: [
            finding('C-VISIT', 'warn', { zh: `普通级客户尚无拜访记录：须每 ${every} 天至少拜访 1 次，请尽快拜访`, en: `No visit on record for this ordinary customer (at least one every ${every} days): visit it now` }, computed),
          ],
          computed,
        };
      }
      const nextVisitDue = addDays(request.lastVisitOn, every);
      const daysSince = daysBetween(request.lastVisitOn, request.asOf);
      const overdue = request.asOf > nextVisitDue;
      const computed = { overdue, nextVisitDue, daysSinceLastVisit: daysSince };
      const findings: Finding[] = [];
      if (overdue) {
        findings.push(
          finding(
            'C-VISIT',
            'warn',
            {
              zh: `普通级客户须每 ${every} 天至少拜访 1 次：上次拜访 ${request.lastVisitOn}，已 ${daysSince} 天，应于 ${nextVisitDue} 前拜访，已逾期`,
              en: `Ordinary customers need a visit every ${every} days: last visit ${request.lastVisitOn}, ${daysSince} days ago; due by ${nextVisitDue}, overdue`,
            },
            computed,
          ),
        );
      } else if (request.asOf === nextVisitDue) {
        findings.push(finding('C-VISIT', 'info', { zh: `今天（${nextVisitDue}）须拜访该客户`, en: `A visit is due today (${nextVisitDue})` }, computed));
      }
      return { findings, computed };
    }
    const min = request.grade === 'strategic' ? params.strategicPerWeek : params.corePerWeek;
    const visits = request.visitsLast7Days ?? 0;
    const overdue = visits < min;
    const computed = { overdue, nextVisitDue: null, minVisitsPerWeek: min, shortBy: Math.max(0, min - visits) };
    return {
      findings: overdue
        ? [
            finding(
              'C-VISIT',
              'warn',
              {
                zh: `${gradeZh}客户每周须至少拜访 ${min} 次，截至 ${request.asOf} 近 7 天只拜访了 ${visits} 次`,
                en: `A ${gradeEn} customer needs at least ${min} visits a week; in the 7 days to ${request.asOf} it had ${visits}`,
              },
              computed,
            ),
          ]
        : [],
      computed,
    };
  },
});

/** C-VISIT's weekly minimum for a rep (same rule, same parameters). */
export function repVisits(request: RepVisitRequest, params: z.output<typeof visitParams>) {
  const min = params.repPerWeek;
  const computed = { shortBy: Math.max(0, min - request.visitsThisWeek), minVisitsPerWeek: min };
  const findings =
    request.visitsThisWeek < min
      ? [
          finding(
            'C-VISIT',
            'warn',
            {
              zh: `客户经理每周须至少拜访 ${min} 次，本周只有 ${request.visitsThisWeek} 次（差 ${min - request.visitsThisWeek} 次）`,
              en: `A rep needs at least ${min} visits a week; this week ${request.visitsThisWeek} (${min - request.visitsThisWeek} short)`,
            },
            computed,
          ),
        ]
      : [];
  return { findings, computed };
}

// —— C-GRADE 分级管理: the monthly proposal ——

export interface GradeProposalRequest {
  grade: Grade;
  /** Sales of the last `months` full months, and of the same months a year before (fen). */
  recentSales: number;
  priorSales: number;
  /** Average days to collect (the collection cycle); null when there is nothing to measure. */
  collectionDays: number | null;
}

const GRADE_UP: Record<Grade, Grade | null> = { ordinary: 'core', core: 'strategic', strategic: null };
const GRADE_DOWN: Record<Grade, Grade | null> = { strategic: 'core', core: 'ordinary', ordinary: null };

/**
 * Semantics chosen where the domain book leaves room: order growth = sales of the last N full months
 * ÷ the same N months a year before − 1 (undefined when those were 0: no growth signal). Up one grade
 * when growth ≥ upgradeGrowth and the customer pays within upgradeMaxCollectionDays (or has nothing to
 * measure yet); down one grade when sales fell by downgradeDecline or more, or it takes more than
 * downgradeCollectionDays to pay. A downgrade signal wins. Strategic cannot go up, ordinary not down.
 */
export const gradeReview = defineRule({
  id: 'C-GRADE',
  name: { zh: '客户分级调整', en: 'Customer grading' },
  description: {
    zh: '每月按订单增长率（最近 3 个月销售额与上年同期比）和平均回款天数提出升降级建议：增长 ≥ 30% 且回款 ≤ 45 天的升一级；下降 ≥ 30% 或回款超过 90 天的降一级；由经理确认。',
    en: 'Monthly, from order growth (the last 3 months against the same months a year before) and average days to collect: growth ≥ 30 % and paying within 45 days proposes one grade up; a fall of 30 % or more, or over 90 days to pay, one grade down; a manager confirms.',
  },
  params: z
    .object({
      months: z.int().min(1).max(12).default(3),
      upgradeGrowth: z.number().min(0).max(100).default(0.3),
      upgradeMaxCollectionDays: z.int().min(0).max(3_650).default(45),
      downgradeDecline: z.number().min(0).max(1).default(0.3),
      downgradeCollectionDays: z.int().min(0).max(3_650).default(90),
    })
    .default({ months: 3, upgradeGrowth: 0.3, upgradeMaxCollectionDays: 45, downgradeDecline: 0.3, downgradeCollectionDays: 90 }),
  evaluate(request: GradeProposalRequest, _ctx, params) {
    const growth = request.priorSales > 0 ? request.recentSales / request.priorSales - 1 : null;
    const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
    const slowPay = request.collectionDays !== null && request.collectionDays > params.downgradeCollectionDays;
    // Compared in whole fen: recent ≤ prior × (1 − decline) ⇔ growth ≤ −decline, without float drift.
    const fell = request.priorSales > 0 && request.recentSales * 1_000_000 <= request.priorSales * Math.round((1 - params.downgradeDecline) * 1_000_000);
    const grew = request.priorSales > 0 && request.recentSales * 1_000_000 >= request.priorSales * Math.round((1 + params.upgradeGrowth) * 1_000_000);
    const paysOnTime = request.collectionDays === null || request.collectionDays <= params.upgradeMaxCollectionDays;
    const down = (slowPay || fell) && GRADE_DOWN[request.grade];
    const up = !slowPay && !fell && grew && paysOnTime && GRADE_UP[request.grade];
    const toGrade = down || up || null;
    const computed = { growth, toGrade, direction: down ? 'down' : up ? 'up' : null };
    if (!toGrade) return { findings: [], computed };
    const from = GRADE_LABELS[request.grade];
    const to = GRADE_LABELS[toGrade];
    const growthText = growth === null ? { zh: '上年同期无销售', en: 'no sales a year before' } : { zh: `订单增长率 ${pct(growth)}`, en: `order growth ${pct(growth)}` };
    const payText = request.collectionDays === null ? { zh: '暂无回款周期', en: 'no collection cycle yet' } : { zh: `平均回款 ${request.collectionDays} 天`, en: `${request.collectionDays} days to collect` };
    const why = down
      ? [
          ...(fell ? [{ zh: `${growthText.zh}，下降达 ${pct(params.downgradeDecline)}`, en: `${growthText.en}, a fall of ${pct(params.downgradeDecline)} or more` }] : []),
          ...(slowPay ? [{ zh: `${payText.zh}，超过 ${params.downgradeCollectionDays} 天`, en: `${payText.en}, over ${params.downgradeCollectionDays}` }] : []),
        ]
      : [{ zh: `${growthText.zh}（≥ ${pct(params.upgradeGrowth)}），${payText.zh}（≤ ${params.upgradeMaxCollectionDays} 天）`, en: `${growthText.en} (≥ ${pct(params.upgradeGrowth)}), ${payText.en} (≤ ${params.upgradeMaxCollectionDays})` }];
    return {
      findings: [
        finding('C-GRADE', 'info', {
          zh: `建议由${from.zh}${down ? '降' : '升'}为${to.zh}：${why.map((w) => w.zh).join('；')}`,
          en: `Proposed ${down ? 'down' : 'up'} from ${from.en.toLowerCase()} to ${to.en.toLowerCase()}: ${why.map((w) => w.en).join('; ')}`,
        }, computed),
      ],
      computed,
    };
  },
});

export const rules = {
  'C-NEW': newCustomer,
  'C-CHANGE': customerChange,
  'C-VISIT': visitFrequency,
  'C-GRADE': gradeReview,
} as const;

// —— request kinds ——

/** `{"kind":"new_customer","firstBusinessOn","applicationFiledOn","applicationApproved"}`: does month M's volume count? */
const newCustomerKind = defineKind({
  kind: 'new_customer',
  label: { zh: '新增客户申请（业绩计入）', en: 'New-customer application (performance)' },
  rules: ['C-NEW'],
  submittable: false,
  schema: z
    .object({
      firstBusinessOn: f.date({ zh: '首次业务日期', en: 'First business on' }),
      applicationFiledOn: f.date({ zh: '申请提交日期', en: 'Application filed on' }).optional(),
      applicationApproved: f.bool({ zh: '申请已批准', en: 'Application approved' }).optional(),
      customerNo: f.text({ zh: '客户编号', en: 'Customer no.' }, { max: 40 }).optional(),
    })
    .superRefine((r, issue) => {
      if (r.applicationApproved === true && r.applicationFiledOn === undefined) {
        issue.addIssue({ code: 'custom', path: ['applicationApproved'], ...bilingual('未填申请提交日期，不能为已批准', 'cannot be approved without the date the application was filed') });
      }
    }),
  example: { firstBusinessOn: '2026-11-10', applicationFiledOn: '2026-11-20', applicationApproved: false },
  evaluate(request, ctx) {
    const outcome = newCustomer.evaluate(request, ctx, ctx.params('C-NEW'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"customer_change","fields":"联系人，结算方式"}`: a change request always needs a manager. */
const customerChangeKind = defineKind({
  kind: 'customer_change',
  label: { zh: '客户信息变更', en: 'Customer change' },
  rules: ['C-CHANGE'],
  submittable: false,
  schema: z
    .object({
      fields: f.text({ zh: '变更字段', en: 'Changed fields' }, { hint: { zh: '多个字段用逗号或顿号分隔，如：联系人、电话', en: 'Separate fields with commas, e.g. contact, phone' } }),
      customerNo: f.text({ zh: '客户编号', en: 'Customer no.' }, { max: 40 }).optional(),
    })
    .superRefine((r, issue) => {
      if (splitFieldList(r.fields).length === 0) {
        issue.addIssue({ code: 'custom', path: ['fields'], ...bilingual('至少列出一个字段', 'name at least one field') });
      }
    }),
  example: { fields: '联系人，电话' },
  evaluate(request, ctx) {
    const outcome = customerChange.evaluate({ fields: splitFieldList(request.fields) }, ctx, ctx.params('C-CHANGE'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"visit_frequency","grade","visitsLast7Days"|"lastVisitOn","asOf"}`: is a customer overdue for a visit? */
const visitFrequencyKind = defineKind({
  kind: 'visit_frequency',
  label: { zh: '客户拜访频次', en: 'Customer visit frequency' },
  rules: ['C-VISIT'],
  submittable: false,
  schema: z
    .object({
      grade: f.choice({ zh: '客户等级', en: 'Grade' }, GRADES, GRADE_LABELS),
      visitsLast7Days: f.int({ zh: '近 7 天拜访次数', en: 'Visits in the last 7 days' }, { max: 1000 }).optional(),
      lastVisitOn: f.date({ zh: '最近拜访日期', en: 'Last visit on' }).optional(),
      asOf: f.date({ zh: '检查日期', en: 'As of' }),
    })
    .superRefine((r, issue) => {
      if (r.grade !== 'ordinary' && r.visitsLast7Days === undefined) {
        issue.addIssue({ code: 'custom', path: ['visitsLast7Days'], ...bilingual('战略级、核心级客户须填写', 'is required for strategic and core customers') });
      }
      // Runs even when a date failed its format check: compare only valid dates.
      if (r.lastVisitOn !== undefined && isoDate.safeParse(r.lastVisitOn).success && isoDate.safeParse(r.asOf).success && r.lastVisitOn > r.asOf) {
        issue.addIssue({ code: 'custom', path: ['lastVisitOn'], ...bilingual(`不能晚于检查日期 ${r.asOf}`, `cannot be after the as-of date ${r.asOf}`) });
      }
    }),
  example: { grade: 'ordinary', lastVisitOn: '2026-11-05', asOf: '2026-11-23' },
  submittedOn: (r) => r.asOf,
  evaluate(request, ctx) {
    const outcome = visitFrequency.evaluate(request, ctx, ctx.params('C-VISIT'));
    return { findings: outcome.findings, computed: outcome.computed ?? {} };
  },
});

/** `{"kind":"rep_visits","visitsThisWeek"}`: a rep's weekly visit count against the minimum. */
const repVisitsKind = defineKind({
  kind: 'rep_visits',
  label: { zh: '客户经理周拜访量', en: "Rep's weekly visits" },
  rules: ['C-VISIT'],
  submittable: false,
  schema: z.object({
    visitsThisWeek: f.int({ zh: '本周拜访次数', en: 'Visits this week' }, { max: 1000 }),
    weekOf: f.date({ zh: '所在周（任一天）', en: 'Week of' }).optional(),
  }),
  example: { visitsThisWeek: 18 },
  submittedOn: (r) => r.weekOf,
  evaluate(request, ctx) {
    const outcome = repVisits(request, ctx.params('C-VISIT'));
    return { findings: outcome.findings, computed: outcome.computed };
  },
});

/** Request kinds of this family (see ../kind.ts). */
export const kinds: readonly KindDef[] = [newCustomerKind, customerChangeKind, visitFrequencyKind, repVisitsKind];
