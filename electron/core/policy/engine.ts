// Combines findings into one decision: any block → deny; else, when a finding asks for approval or
// the kind of request always needs an approver, needs_approval with the steps in order; else allow.
import type { Role } from '../../../shared/domain';
import type { ApprovalStep, ApproverStep, Decision, Finding } from '../../../shared/policy';

/** The line of authority, lowest first (finance and the assistants are off it). */
export const LINE: readonly Role[] = ['supervisor', 'manager', 'director', 'gm'];

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
  // A step for a rank on the line of authority that the direct superior holds or outranks is his:
  // "the manager" of a rep under a supervisor is a step of its own, of a manager it is his director.
  const superiorRank = LINE.indexOf(superiorRole);
  const kept = steps.filter((s) => s.superior || !steps.some((o) => o.superior) || LINE.indexOf(s.role) < 0 || LINE.indexOf(s.role) > superiorRank);
  return { decision: kept.length ? 'needs_approval' : 'allow', approvals: kept.map((s) => s.role), approvalSteps: kept, findings, computed };
}
