// The number of requests waiting for the signed-in approver, for the badge on the 审批 link.
// Refreshed on navigation, after a decision on the approvals page, and once a minute.
import { useEffect, useState } from 'react';
import { CUSTOMER_APPROVER_ROLES, type Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';

const CHANGED = 'salesdesk:approvals-changed';
const REFRESH_MS = 60_000;

export function isApprover(role: Role): boolean {
  return (CUSTOMER_APPROVER_ROLES as readonly Role[]).includes(role);
}

/** Tells the badge that the inbox changed (a decision was made). */
export function notifyApprovalsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** Everything waiting for me: requests whose current step is mine, plus C-NEW / C-CHANGE for approvers. */
export function usePendingApprovalCount(role: Role): number {
  const approver = isApprover(role);
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      Promise.all([approver ? invoke('approvals.inbox', {}) : Promise.resolve({ applications: [], changeRequests: [] }), invoke('requests.inbox', {})])
        .then(([inbox, requests]) => {
          if (alive) setCount(inbox.applications.length + inbox.changeRequests.length + requests.length);
        })
        .catch(() => undefined);
    };
    refresh();
    window.addEventListener(CHANGED, refresh);
    window.addEventListener('hashchange', refresh);
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      alive = false;
      window.removeEventListener(CHANGED, refresh);
      window.removeEventListener('hashchange', refresh);
      window.clearInterval(timer);
    };
  }, [approver]);
  return count;
}
