// `salesdesk demo`: a realistic sales department in a database file. The company and the team go
// through the dispatcher like any administrator's work; the customer files are written in bulk in
// one transaction (tens of thousands in seconds) with one audit row for the batch ('demo.generate').
// Then the product catalogue and a year of orders to cash (sales.ts: products through their
// service, the order history in bulk with one audit row for the batch), a year of expenses, the HR
// records, three months of work logs and visits (activity.ts) and the target plans (targets.ts).
import { sql } from 'drizzle-orm';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { User } from '../../../shared/users';
import { recordAudit } from '../../core/audit/audit';
import { customerApplications, customerChangeRequests, customers } from '../../core/customers/schema';
import type { Core } from '../../core/index';
import { invoke, startAdminSession } from '../session';
import { generateActivity, type ActivityDemoResult } from './activity';
import { bulkInsert, type Bindable } from './bulk';
import { generateExpenses, type ExpenseDemoResult } from './expenses';
import { generateHr, type HrDemoResult } from './hr';
import { generateTargets, type TargetsDemoResult } from './targets';
import { planDemo, type DemoCustomerRow, type DemoOwner, type DemoPlan } from './plan';
import { SeededRandom } from './random';
import { DEFAULT_DEMO_ORDERS, generateSales, MAX_DEMO_ORDERS, type SalesResult } from './sales';
import { vocabulary, type TeamMemberSeed } from './vocabulary';

export const DEMO_COMPANY = '苏州恒达化工有限公司';
export const DEMO_ADMIN = { username: 'admin', password: 'admin123', displayName: '系统管理员' };
/** Every demo team member signs in with this password. */
export const DEMO_TEAM_PASSWORD = 'demo1234';
export const MAX_DEMO_CUSTOMERS = 1_000_000;

export interface DemoOptions {
  customers: number;
  /** Orders over the last year (default 300; 0: products only). */
  orders?: number | undefined;
  /** How many customers buy (default: about one per four orders); the benchmark sets it. */
  buyers?: number | undefined;
  /** A year of expense requests and reimbursements after the orders (default true; tests of the customer files skip them). */
  expenses?: boolean | undefined;
  /** Complaints, leave and three months of attendance (default true, like expenses). */
  hr?: boolean | undefined;
  /** Three months of work logs, visits and weekly reports (default: as `hr`, the logs follow the leave). */
  activity?: boolean | undefined;
  /** A target plan for every year with sales (default: as `hr`). */
  targets?: boolean | undefined;
  /** Check every order confirmation against the policy engine while generating (tests). */
  verify?: boolean | undefined;
  seed: number;
  /** The demo's today, YYYY-MM-DD (China time). */
  asOf: string;
  /** Used only when the file is not set up yet. */
  company?: string;
  adminUsername?: string;
  adminPassword?: string;
}

export interface DemoTeamMember {
  username: string;
  displayName: string;
  role: Role;
  region: string;
  manager: string | null;
  /** False when the user already existed and was reused. */
  created: boolean;
}

export interface DemoResult {
  file: string;
  seed: number;
  asOf: string;
  /** Set when this run created the company and its administrator. */
  setup: { company: string; adminUsername: string; adminPassword: string } | null;
  team: DemoTeamMember[];
  teamPassword: string;
  customers: { count: number; first: string | null; last: string | null };
  applications: { approved: number; pending: number };
  changeRequests: { pending: number };
  sales: Omit<SalesResult, 'timings'>;
  expenses: ExpenseDemoResult;
  hr: HrDemoResult;
  activity: ActivityDemoResult;
  targets: TargetsDemoResult;
  timings: {
    setupMs: number;
    teamMs: number;
    customersMs: number;
    productsMs: number;
    /** Orders to cash: planning (the simulation) and writing (the bulk load). */
    ordersMs: number;
    ordersPlanMs: number;
    ordersWriteMs: number;
    expensesMs: number;
    hrMs: number;
    activityMs: number;
    targetsMs: number;
    totalMs: number;
  };
}

/** Demo customers belong to the reps, and a few to their supervisors. */
const OWNER_ROLES: readonly Role[] = ['rep', 'supervisor'];
/** Who decides a rep's or supervisor's C-NEW application: the first of these above him. */
const APPROVER_ROLES: readonly Role[] = ['manager', 'director', 'gm'];

export async function generateDemo(core: Core, options: DemoOptions): Promise<DemoResult> {
  if (!Number.isInteger(options.customers) || options.customers < 0 || options.customers > MAX_DEMO_CUSTOMERS) {
    throw AppError.field('customers', { zh: '客户数量', en: 'Customer count' }, {
      zh: `应为 0 到 ${MAX_DEMO_CUSTOMERS} 之间的整数`,
      en: `must be a whole number from 0 to ${MAX_DEMO_CUSTOMERS}`,
    });
  }
  const orders = options.orders ?? DEFAULT_DEMO_ORDERS;
  if (!Number.isInteger(orders) || orders < 0 || orders > MAX_DEMO_ORDERS) {
    throw AppError.field('orders', { zh: '订单数量', en: 'Order count' }, {
      zh: `应为 0 到 ${MAX_DEMO_ORDERS} 之间的整数`,
      en: `must be a whole number from 0 to ${MAX_DEMO_ORDERS}`,
    });
  }
  const started = performance.now();

  // 1. The company and its administrator (setup.init, exactly as the first-run screen does it).
  let setup: DemoResult['setup'] = null;
  let token: string;
  let adminId: number;
  const status = await invoke(core, null, 'setup.status', {});
  if (!status.data.initialized) {
    setup = {
      company: options.company ?? DEMO_COMPANY,
      adminUsername: options.adminUsername ?? DEMO_ADMIN.username,
      adminPassword: options.adminPassword ?? DEMO_ADMIN.password,
    };
    const init = await invoke(core, null, 'setup.init', {
      companyName: setup.company,
      adminUsername: setup.adminUsername,
      adminDisplayName: DEMO_ADMIN.displayName,
      password: setup.adminPassword,
    });
    if (!init.sessionToken) throw new Error('setup.init started no session');
    token = init.sessionToken;
    adminId = init.data.id;
  } else {
    const session = startAdminSession(core);
    token = session.token;
    adminId = session.admin.id;
  }
  const setupDone = performance.now();

  try {
    // 2. The sales team (users.create: validation, superiors and audit as in 用户管理).
    const { team, users } = await ensureTeam(core, token, vocabulary().team);
    const teamDone = performance.now();

    // 3. The customer files, their C-NEW applications and some pending C-CHANGE requests.
    const plan = planDemo(new SeededRandom(options.seed), vocabulary(), {
      count: options.customers,
      asOf: options.asOf,
      firstNumber: nextCustomerNumber(core),
      owners: demoOwners(users),
      assistantIds: users.filter((u) => u.role === 'assistant' && u.active).map((u) => u.id),
      takenNames: new Set(core.database.db.select({ name: customers.name }).from(customers).all().map((row) => row.name)),
    });
    const ids = writePlan(core, plan, { adminId, seed: options.seed, asOf: options.asOf });
    const customersDone = performance.now();

    // 4. Products with their price history, and a year of orders, shipments and the ledger.
    const { timings: salesTimings, ...sales } = generateSales(
      core,
      users,
      plan.customers.map((row, i) => ({ row, id: ids[i]! })),
      adminId,
      { orders, buyers: options.buyers, seed: options.seed, asOf: options.asOf, verify: options.verify },
    );
    const salesDone = performance.now();

    // 5. A year of expense requests, approvals and reimbursements, through their services.
    const owned = new Map<number, { id: number; name: string }[]>();
    plan.customers.forEach((row, i) => {
      if (row.status === 'lost' || row.archivedAt !== null) return;
      const list = owned.get(row.ownerId) ?? [];
      list.push({ id: ids[i]!, name: row.name });
      owned.set(row.ownerId, list);
    });
    const expenses =
      options.expenses === false
        ? { requests: 0, claims: 0, paid: 0, pending: 0 }
        : generateExpenses(core, users, (ownerId) => owned.get(ownerId) ?? [], { seed: (options.seed ^ 0x5bd1e995) >>> 0, asOf: options.asOf });
    const expensesDone = performance.now();

    // 6. Complaints (the low surveys' and the customers' own), leave and the time clock's records.
    const hr =
      options.hr === false
        ? { complaints: 0, openComplaints: 0, leaves: 0, attendanceDays: 0, signCards: 0 }
        : generateHr(core, users, (ownerId) => owned.get(ownerId) ?? [], { seed: (options.seed ^ 0x27d4eb2d) >>> 0, asOf: options.asOf });
    const hrDone = performance.now();

    // 7. Three months of the reps' and supervisors' work logs, visits and weekly reports (after the leave).
    const activity =
      (options.activity ?? options.hr !== false) === false
        ? { logs: 0, visits: 0, weeklyReports: 0, lateLogs: 0, missingLogs: 0 }
        : generateActivity(core, users, { seed: (options.seed ^ 0x165667b1) >>> 0, asOf: options.asOf, adminId });
    const activityDone = performance.now();

    // 8. The general manager's target plans (K-TARGET) from the sales, for the monthly report.
    const targets =
      (options.targets ?? options.hr !== false) === false
        ? { years: [], totalFen: 0 }
        : generateTargets(core, users, { seed: (options.seed ^ 0x2545f491) >>> 0, asOf: options.asOf });
    const done = performance.now();

    return {
      file: core.database.file,
      seed: options.seed,
      asOf: options.asOf,
      setup,
      team,
      teamPassword: DEMO_TEAM_PASSWORD,
      customers: {
        count: plan.customers.length,
        first: plan.customers[0]?.customerNo ?? null,
        last: plan.customers[plan.customers.length - 1]?.customerNo ?? null,
      },
      applications: {
        approved: plan.applications.filter((a) => a.status === 'approved').length,
        pending: plan.applications.filter((a) => a.status === 'pending').length,
      },
      changeRequests: { pending: plan.changeRequests.length },
      sales,
      expenses,
      hr,
      activity,
      targets,
      timings: {
        setupMs: Math.round(setupDone - started),
        teamMs: Math.round(teamDone - setupDone),
        customersMs: Math.round(customersDone - teamDone),
        productsMs: salesTimings.productsMs,
        ordersMs: Math.round(salesDone - customersDone) - salesTimings.productsMs,
        ordersPlanMs: salesTimings.planMs,
        ordersWriteMs: salesTimings.writeMs,
        expensesMs: Math.round(expensesDone - salesDone),
        hrMs: Math.round(hrDone - expensesDone),
        activityMs: Math.round(activityDone - hrDone),
        targetsMs: Math.round(done - activityDone),
        totalMs: Math.round(done - started),
      },
    };
  } finally {
    core.dispatcher.sessions.end(token);
  }
}

/** Creates the demo team; members that already exist (an earlier demo run) are reused. */
async function ensureTeam(core: Core, token: string, seeds: readonly TeamMemberSeed[]): Promise<{ team: DemoTeamMember[]; users: User[] }> {
  const existing = new Map((await invoke(core, token, 'users.list', {})).data.map((u) => [u.username, u]));
  const team: DemoTeamMember[] = [];
  for (const seed of seeds) {
    const found = existing.get(seed.username);
    if (found && found.role !== seed.role) {
      throw new AppError(
        'CONFLICT',
        `用户名“${seed.username}”已被占用（角色不是${seed.role}），无法建立演示团队。请换一个数据库文件。`,
        `The username "${seed.username}" is taken by a user of another role; use another database file for the demo.`,
      );
    }
    if (!found) {
      const managerId = seed.manager === null ? null : existing.get(seed.manager)?.id;
      if (managerId === undefined) throw new Error(`Demo team: ${seed.username}'s superior ${seed.manager} is not defined before him`);
      const { data } = await invoke(core, token, 'users.create', {
        username: seed.username,
        displayName: seed.displayName,
        role: seed.role,
        password: DEMO_TEAM_PASSWORD,
        managerId,
        region: seed.region,
        channel: seed.channel,
      });
      existing.set(data.username, data);
    }
    team.push({ username: seed.username, displayName: seed.displayName, role: seed.role, region: seed.region, manager: seed.manager, created: !found });
  }
  return { team, users: [...existing.values()] };
}

/** Salespeople who may own customers, each with the manager who approves his requests. */
function demoOwners(users: readonly User[]): DemoOwner[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  const approverOf = (user: User): number | null => {
    let cursor = user.managerId === null ? undefined : byId.get(user.managerId);
    for (let depth = 0; cursor && depth < 20; depth++) {
      if (APPROVER_ROLES.includes(cursor.role)) return cursor.id;
      cursor = cursor.managerId === null ? undefined : byId.get(cursor.managerId);
    }
    return null;
  };
  return users
    .filter((u) => u.active && OWNER_ROLES.includes(u.role))
    .flatMap((u) => {
      const approverId = approverOf(u);
      return approverId === null ? [] : [{ id: u.id, role: u.role, region: u.region, channel: u.channel, managerId: u.managerId, approverId }];
    });
}

/** After the highest C-number in the file, so a second demo run appends. */
function nextCustomerNumber(core: Core): number {
  const row = core.database.db
    .select({ n: sql<number | null>`MAX(CAST(substr(${customers.customerNo}, 2) AS INTEGER))` })
    .from(customers)
    .where(sql`${customers.customerNo} GLOB 'C[0-9]*'`)
    .get();
  return (row?.n ?? 0) + 1;
}

const CUSTOMER_KEYS = [
  'customerNo', 'name', 'shortName', 'address', 'contactPerson', 'phone', 'industry', 'businessType',
  'downstreamCustomers', 'industryStanding', 'organizationNotes', 'currentSupplier', 'selectionCriteria',
  'settlementProcess', 'serviceRequirements', 'projectPrices', 'region', 'channel', 'ownerId', 'grade',
  'leadTemperature', 'settlementType', 'creditLimitFen', 'creditDays', 'monthlyVolume', 'volumeUnit',
  'famousCompany', 'factoryAuditPassed', 'monthlyAgreementDate', 'status', 'notes', 'archivedAt', 'version',
  'createdBy', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof DemoCustomerRow)[];

/** SQLite stores booleans as 0/1. */
function bindable(row: DemoCustomerRow): Record<keyof DemoCustomerRow, Bindable> {
  return { ...row, famousCompany: row.famousCompany ? 1 : 0, factoryAuditPassed: row.factoryAuditPassed ? 1 : 0 };
}

/** Writes the customer files and their requests; returns the customers' ids in plan order. */
function writePlan(core: Core, plan: DemoPlan, meta: { adminId: number; seed: number; asOf: string }): number[] {
  const insertCustomer = bulkInsert(core, customers, CUSTOMER_KEYS);
  const insertApplication = bulkInsert(core, customerApplications, [
    'customerId', 'appliedBy', 'appliedAt', 'month', 'reason', 'status', 'decidedBy', 'decidedAt', 'comment',
  ] as const);
  const insertChange = bulkInsert(core, customerChangeRequests, ['customerId', 'requestedBy', 'requestedAt', 'changes', 'reason', 'status'] as const);

  return core.database.db.transaction((tx) => {
    const ids = plan.customers.map((row) => insertCustomer(bindable(row)));
    for (const { customer, ...application } of plan.applications) insertApplication({ ...application, customerId: ids[customer]! });
    for (const { customer, changes, ...request } of plan.changeRequests) {
      insertChange({ ...request, customerId: ids[customer]!, changes: JSON.stringify(changes), status: 'pending' });
    }
    recordAudit(tx, {
      userId: meta.adminId,
      action: 'demo.generate',
      entity: 'customers',
      after: {
        seed: meta.seed,
        asOf: meta.asOf,
        customers: plan.customers.length,
        first: plan.customers[0]?.customerNo ?? null,
        last: plan.customers[plan.customers.length - 1]?.customerNo ?? null,
        applications: plan.applications.length,
        pendingChangeRequests: plan.changeRequests.length,
      },
      at: new Date(),
    });
    return ids;
  });
}
