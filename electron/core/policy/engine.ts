// Combines findings into one decision: any block → deny; else, when a finding asks for approval or
// the kind of request always needs an approver, needs_approval with the steps in order; else allow.
import type { Role } from '../../../shared/domain';
import type { ApprovalStep, ApproverStep, Decision, Finding } from '../../../shared/policy';

/**
 * `superiorRole`: the role of the applicant's direct superior, which "the direct superior" steps
 * resolve to (a manager when the applicant is not known, as for a rep reporting to his manager).
 */
export function combine(
  findings: Finding[],
  baseApprovals: ApproverStep[] = [],
  computed: Record<string, unknown> = {},
  superiorRole: Role = 'manager',
): Decision {
  if (findings.some((f) => f.severity === 'block')) {
    return { decision: 'deny', approvals: [], approvalSteps: [], findings, computed };
  }
  const steps: ApprovalStep[] = [];
  for (const step of [...baseApprovals, ...findings.filter((f) => f.severity === 'approval').flatMap((f) => f.approvals)]) {
    const resolved = step.kind === 'superior' ? { role: superiorRole, superior: true } : { role: step.role, superior: false };
    // One step per role: the superior who is a manager also answers a finding that asks a manager.
    const same = steps.find((s) => s.role === resolved.role);
    if (same) same.superior ||= resolved.superior;
    else steps.push(resolved);
  }
  return { decision: steps.length ? 'needs_approval' : 'allow', approvals: steps.map((s) => s.role), approvalSteps: steps, findings, computed };
}
