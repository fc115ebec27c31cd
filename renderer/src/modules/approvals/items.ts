// C-NEW applications, C-CHANGE requests and requests judged by the policy engine (leave,
// expenses, quotes…) seen through one list, oldest first in an inbox.
import type { ChangeRequest, CustomerApplication } from '../../../../shared/customers';
import type { RequestStatus } from '../../../../shared/domain';
import type { PolicyRequest } from '../../../../shared/requests';

export type CustomerItem =
  | { kind: 'change'; key: string; at: string; request: ChangeRequest }
  | { kind: 'application'; key: string; at: string; application: CustomerApplication };

export type ApprovalItem = CustomerItem | { kind: 'policy'; key: string; at: string; policy: PolicyRequest };

export interface RequestLists {
  applications: CustomerApplication[];
  changeRequests: ChangeRequest[];
  requests: PolicyRequest[];
}

export interface ItemSummary {
  id: number;
  customerNo: string;
  customerName: string;
  requesterName: string;
  at: string;
  reason: string;
  status: RequestStatus;
  decidedByName: string | null;
  decidedAt: string | null;
  comment: string;
}

export function summaryOf(item: CustomerItem): ItemSummary {
  if (item.kind === 'change') {
    const r = item.request;
    return { id: r.id, customerNo: r.customerNo, customerName: r.customerName, requesterName: r.requestedByName, at: r.requestedAt, reason: r.reason, status: r.status, decidedByName: r.decidedByName, decidedAt: r.decidedAt, comment: r.comment };
  }
  const a = item.application;
  return { id: a.id, customerNo: a.customerNo, customerName: a.customerName, requesterName: a.appliedByName, at: a.appliedAt, reason: a.reason, status: a.status, decidedByName: a.decidedByName, decidedAt: a.decidedAt, comment: a.comment };
}

/** All kinds in one list: oldest first (an inbox is worked from the top), or newest first. */
export function itemsOf(lists: RequestLists, order: 'oldest' | 'newest'): ApprovalItem[] {
  const items: ApprovalItem[] = [
    ...lists.changeRequests.map((request): ApprovalItem => ({ kind: 'change', key: `change-${request.id}`, at: request.requestedAt, request })),
    ...lists.applications.map((application): ApprovalItem => ({ kind: 'application', key: `application-${application.id}`, at: application.appliedAt, application })),
    ...lists.requests.map((policy): ApprovalItem => ({ kind: 'policy', key: `policy-${policy.id}`, at: policy.createdAt, policy })),
  ];
  const sign = order === 'oldest' ? 1 : -1;
  return items.sort((a, b) => sign * (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
}

/** The lists without one decided item. */
export function withoutItem(lists: RequestLists, item: ApprovalItem): RequestLists {
  switch (item.kind) {
    case 'change':
      return { ...lists, changeRequests: lists.changeRequests.filter((r) => r.id !== item.request.id) };
    case 'application':
      return { ...lists, applications: lists.applications.filter((a) => a.id !== item.application.id) };
    default:
      return { ...lists, requests: lists.requests.filter((r) => r.id !== item.policy.id) };
  }
}
