// The pages of the shell and who sees them in the navigation. The core enforces the same roles;
// hiding a link here is only convenience.
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/domain';
import { ApprovalsPage } from '../modules/approvals/ApprovalsPage';
import { AttendancePage } from '../modules/attendance/AttendancePage';
import { AuditPage } from '../modules/audit/AuditPage';
import { ComplaintsPage } from '../modules/complaints/ComplaintsPage';
import { CustomersPage } from '../modules/customers/CustomersPage';
import { ExpensesPage } from '../modules/expenses/ExpensesPage';
import { HomePage } from '../modules/home/HomePage';
import { LeavePage } from '../modules/leave/LeavePage';
import { LedgerPage } from '../modules/ledger/LedgerPage';
import { ShipmentsPage } from '../modules/ledger/ShipmentsPage';
import { StatementsPage } from '../modules/ledger/StatementsPage';
import { OrdersPage } from '../modules/orders/OrdersPage';
import { PoliciesPage } from '../modules/policies/PoliciesPage';
import { ProductsPage } from '../modules/products/ProductsPage';
import { TargetsPage } from '../modules/targets/TargetsPage';
import { ReportPage } from '../modules/report/ReportPage';
import { ActivityPage } from '../modules/activity/ActivityPage';
import { PerformancePage } from '../modules/performance/PerformancePage';
import { GradingPage } from '../modules/performance/GradingPage';
import { REPORT_ROLES } from '../../../shared/report';
import { UsersPage } from '../modules/users/UsersPage';

export type NavKey =
  | 'navHome'
  | 'navComplaints'
  | 'navLeave'
  | 'navAttendance'
  | 'navCustomers'
  | 'navOrders'
  | 'navShipments'
  | 'navLedger'
  | 'navStatements'
  | 'navExpenses'
  | 'navTargets'
  | 'navReport'
  | 'navActivity'
  | 'navPerformance'
  | 'navGrading'
  | 'navProducts'
  | 'navApprovals'
  | 'navUsers'
  | 'navAudit'
  | 'navPolicies';

export interface Route {
  path: string;
  nav: NavKey;
  roles: readonly Role[] | 'all';
  component: ComponentType;
}

const MONEY_READERS: readonly Role[] = ['gm', 'director', 'manager', 'supervisor', 'rep', 'assistant', 'finance'];

export const ROUTES: readonly Route[] = [
  // 工作台: what needs the user now (overdue complaints in red, the management review list, approvals).
  { path: 'home', nav: 'navHome', roles: 'all', component: HomePage },
  { path: 'customers', nav: 'navCustomers', roles: 'all', component: CustomersPage },
  // Whoever may see a customer sees its orders (the core limits reps to their own customers').
  { path: 'orders', nav: 'navOrders', roles: 'all', component: OrdersPage },
  // Shipping, the sales ledger and statements: reads for everyone in sales (reps their own customers');
  // the core's SHIPPING_ROLES / LEDGER_ROLES write. Not the administrator: money is not his remit.
  { path: 'shipments', nav: 'navShipments', roles: MONEY_READERS, component: ShipmentsPage },
  { path: 'ledger', nav: 'navLedger', roles: MONEY_READERS, component: LedgerPage },
  { path: 'statements', nav: 'navStatements', roles: MONEY_READERS, component: StatementsPage },
  // Everyone in sales files his own expenses (DOMAIN §6); the administrator keeps to users and settings.
  { path: 'expenses', nav: 'navExpenses', roles: MONEY_READERS, component: ExpensesPage },
  // DOMAIN §7–8: complaints, leave and attendance concern everyone in sales.
  { path: 'complaints', nav: 'navComplaints', roles: MONEY_READERS, component: ComplaintsPage },
  { path: 'leave', nav: 'navLeave', roles: MONEY_READERS, component: LeavePage },
  { path: 'attendance', nav: 'navAttendance', roles: 'all', component: AttendancePage },
  // K-TARGET: everyone in sales reads the targets (the core shows a rep only his own rep row); the heads edit.
  { path: 'targets', nav: 'navTargets', roles: MONEY_READERS, component: TargetsPage },
  // K-MONTHLY: the heads, supervisors, assistants and finance read every rep's figures (REPORT_ROLES).
  { path: 'report', nav: 'navReport', roles: REPORT_ROLES, component: ReportPage },
  // W-LOG / C-VISIT: reps and supervisors keep their logs; the heads and assistants read them.
  { path: 'activity', nav: 'navActivity', roles: MONEY_READERS, component: ActivityPage },
  // K-SCORE / K-BONUS: a rep sees his own score, a supervisor his team's, the heads everyone's.
  { path: 'performance', nav: 'navPerformance', roles: MONEY_READERS, component: PerformancePage },
  // C-GRADE: the monthly proposals; managers and above confirm.
  { path: 'grading', nav: 'navGrading', roles: ['gm', 'director', 'manager', 'supervisor', 'assistant'], component: GradingPage },
  // everyone reads the price list; editing follows the core's PRICE_LIST_ROLES
  { path: 'products', nav: 'navProducts', roles: 'all', component: ProductsPage },
  { path: 'approvals', nav: 'navApprovals', roles: 'all', component: ApprovalsPage },
  { path: 'users', nav: 'navUsers', roles: ['admin'], component: UsersPage },
  { path: 'audit', nav: 'navAudit', roles: ['admin', 'gm'], component: AuditPage },
  // gm reads, admin edits (the core allows policy.setParams and calendar changes to admin only).
  { path: 'policies', nav: 'navPolicies', roles: ['admin', 'gm'], component: PoliciesPage },
];

export function routesFor(role: Role): Route[] {
  return ROUTES.filter((r) => r.roles === 'all' || r.roles.includes(role));
}
