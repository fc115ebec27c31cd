// Combines findings into one decision: any block → deny; else, when a finding asks for approval or
// the kind of request always needs an approver, needs_approval with the steps in order; else allow.
import type { ApproverStep, Decision, Finding } from '../../../shared/policy';

const stepKey = (step: ApproverStep) => (step.kind === 'superior' ? 'superior' : `role:${step.role}`);

export function combine(findings: Finding[], baseApprovals: ApproverStep[] = [], computed: Record<string, unknown> = {}): Decision {
  if (findings.some((f) => f.severity === 'block')) {
    return { decision: 'deny', approvals: [], findings, computed };
  }
  const steps: ApproverStep[] = [];
  const seen = new Set<string>();
  for (const step of [...baseApprovals, ...findings.filter((f) => f.severity === 'approval').flatMap((f) => f.approvals)]) {
    if (!seen.has(stepKey(step))) {
      seen.add(stepKey(step));
      steps.push(step);
    }
  }
  return { decision: steps.length ? 'needs_approval' : 'allow', approvals: steps, findings, computed };
}
