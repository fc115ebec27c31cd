// How a request's approvals and findings read in a grid cell or on a printed slip.
import { localDate } from '../../../shared/dates';
import { ROLE_LABELS } from '../../../shared/domain';
import type { Decision, Finding } from '../../../shared/policy';
import { STEP_STATUS_LABELS, type RequestStep } from '../../../shared/requests';

/** "销售经理 张三 同意 2026-11-24 → 总经理 待审批". */
export function trailText(steps: RequestStep[]): string {
  return steps
    .map((s) => {
      const who = s.decidedByName ?? s.approverName ?? ROLE_LABELS[s.role].zh;
      const role = ROLE_LABELS[s.role].zh;
      const when = s.decidedAt ? ` ${localDate(new Date(s.decidedAt))}` : '';
      return `${who === role ? role : `${role} ${who}`} ${STEP_STATUS_LABELS[s.status].zh}${when}`;
    })
    .join(' → ');
}

/** The findings beyond the routine, "RULE-ID：message" joined by "；" (info findings and those `routine` names left out). */
export function findingsText(decision: Decision, routine: (f: Finding) => boolean = () => false): string {
  return decision.findings
    .filter((f) => f.severity !== 'info' && !routine(f))
    .map((f) => `${f.ruleId}：${f.message}`)
    .join('；');
}
