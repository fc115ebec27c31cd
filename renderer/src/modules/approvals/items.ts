// C-NEW applications and C-CHANGE requests seen through one shape, so both lists render alike.
import type { ChangeRequest, CustomerApplication } from '../../../../shared/customers';
import type { RequestStatus } from '../../../../shared/domain';

export type ApprovalItem =
  | { kind: 'change'; key: string; at: string; request: ChangeRequest }
  | { kind: 'application'; key: string; at: string; application: CustomerApplication };

export interface RequestLists {
  applications: CustomerApplication[];
  changeRequests: ChangeRequest[];
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

export function summaryOf(item: ApprovalItem): ItemSummary {
  if (item.kind === 'change') {
    const r = item.request;
    return { id: r.id, customerNo: r.customerNo, customerName: r.customerName, requesterName: r.requestedByName, at: r.requestedAt, reason: r.reason, status: r.status, decidedByName: r.decidedByName, decidedAt: r.decidedAt, comment: r.comment };
  }
  const a = item.application;
  return { id: a.id, customerNo: a.customerNo, customerName: a.customerName, requesterName: a.appliedByName, at: a.appliedAt, reason: a.reason, status: a.status, decidedByName: a.decidedByName, decidedAt: a.decidedAt, comment: a.comment };
}

/** Both kinds in one list: oldest first (an inbox is worked from the top), or newest first. */
export function itemsOf(lists: RequestLists, order: 'oldest' | 'newest'): ApprovalItem[] {
  const items: ApprovalItem[] = [
    ...lists.changeRequests.map((request): ApprovalItem => ({ kind: 'change', key: `change-${request.id}`, at: request.requestedAt, request })),
    ...lists.applications.map((application): ApprovalItem => ({ kind: 'application', key: `application-${application.id}`, at: application.appliedAt, application })),
  ];
  const sign = order === 'oldest' ? 1 : -1;
  return items.sort((a, b) => sign * (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
}

/** The lists without one decided item. */
export function withoutItem(lists: RequestLists, item: ApprovalItem): RequestLists {
  return item.kind === 'change'
    ? { ...lists, changeRequests: lists.changeRequests.filter((r) => r.id !== item.request.id) }
    : { ...lists, applications: lists.applications.filter((a) => a.id !== item.application.id) };
}
