// The count of requests waiting for the signed-in approver, beside the 审批 link in the sidebar.
import type { Role } from '../../../../shared/domain';
import { useApprovalsMessages } from './messages';
import { usePendingApprovalCount } from './pending';

export function PendingApprovalsBadge({ role }: { role: Role }) {
  const t = useApprovalsMessages();
  const count = usePendingApprovalCount(role);
  if (count === 0) return null;
  return (
    <span className="nav-badge" title={t('pendingTitle', { n: count })} data-testid="approvals-pending-count">
      {count}
    </span>
  );
}
