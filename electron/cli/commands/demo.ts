// `salesdesk demo`: a realistic department to look at, test and measure (see demo/generate.ts).
import { localDate } from '../../../shared/dates';
import { ROLE_LABELS } from '../../../shared/domain';
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from '../../../shared/orders';
import { isoDate } from '../../../shared/validation';
import { resolveDbFile } from '../../core/db/paths';
import { COMMON_HELP, intFlag, parseCommand, UsageError } from '../args';
import { printHelp, type Command } from '../command';
import { DEMO_ADMIN, DEMO_COMPANY, DEMO_TEAM_PASSWORD, generateDemo, MAX_DEMO_CUSTOMERS } from '../demo/generate';
import { DEFAULT_DEMO_ORDERS, MAX_DEMO_ORDERS } from '../demo/sales';
import { randomSeed } from '../demo/random';
import { withCore } from '../session';

const DEFAULT_CUSTOMERS = 1000;

export const demoCommand: Command = {
  name: 'demo',
  help: `
salesdesk demo — 生成演示数据 / generate demo data

用法 Usage:
  salesdesk demo [--customers N] [--orders N] [--seed S] [--as-of DATE] [--db FILE]

  --customers N     客户数量（默认 ${DEFAULT_CUSTOMERS}，最多 ${MAX_DEMO_CUSTOMERS}）/ number of customers
  --orders N        “今天”之前约 12 个月的订单数量（默认 ${DEFAULT_DEMO_ORDERS}，最多 ${MAX_DEMO_ORDERS}；0 = 只建产品）
                    orders over the year before --as-of (0: the product list only)
  --seed S          随机种子：同一个种子生成完全相同的数据（默认随机，并打印出来）
                    same seed → identical data (default: random, printed)
  --as-of DATE      演示数据的“今天”，YYYY-MM-DD（默认今天）/ the demo's today (default: today)
  --company NAME    新数据库的公司名称（默认“${DEMO_COMPANY}”）/ company, for a new file
  --admin USER      新数据库的管理员用户名（默认 ${DEMO_ADMIN.username}）/ admin username, for a new file
  --password PW     新数据库的管理员密码（默认 ${DEMO_ADMIN.password}）/ admin password, for a new file

新的（空的）数据库会先初始化。然后建立销售团队（总经理、总监、2 名经理、3 名主管、12 名客户经理、
2 名内勤、1 名财务，都有直属上级；密码都是 ${DEMO_TEAM_PASSWORD}），再生成客户档案（含待审批的
新增客户申请和信息变更申请），再建产品价格表（化工产品，吨/桶/箱/件，含调价记录），最后生成一年的
订单：草稿、待审批（折扣或信用超限）、确认、下生产单、生产中、检验（测试成绩）、部分/全部发货
（出货传票、承运人）、交货入账、结案、取消，以及订金、回款（分配到订单）、预收款、冲销、逾期客户
和一笔待审批的坏账核销；最后是一年的费用：宴请、出差登记、借差旅费（财务支付）、交通费、住宿、样品费，
经审批后凭发票报销（冲抵借款），最近几天的申请还在审批中；再是半年的客户投诉（满意度调查低分和客户来电，
处理、答复、整改、客户确认、归档，最近几天的还未结），各人经上级批准的请假，以及每周导入的三个月打卡记录
（有迟到，有漏打卡后的签卡）。已有演示团队的文件会沿用该团队，客户和订单编号接着往后编。
A new (empty) file is set up first. Then the sales team is created (all with password
${DEMO_TEAM_PASSWORD}), then the customer files, with pending C-NEW applications and C-CHANGE requests,
then the product list with its price history, then a year of orders through every status (some held
for approval), shipments, the sales ledger (deposits, receipts allocated to orders, a prepayment, a
reversal, overdue customers) and a bad-debt write-off waiting for approval; last, a year of expense
requests (dinners, trips with advances, transport, lodging, samples) approved and reimbursed with
their invoices, the last days' still waiting for approval; then half a year of complaints (the low
satisfaction surveys' and the customers' own calls, handled through to archive, the last days' open),
the team's leave forms approved by their superiors, and three months of the time clock's records
imported weekly, with a few late arrivals and sign cards.
Running it again on the same file reuses the team and appends customers and orders.

${COMMON_HELP}
`,
  async run(args, out) {
    const { values } = parseCommand('demo', args, {
      customers: { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      company: { type: 'string' },
      admin: { type: 'string' },
      password: { type: 'string' },
    });
    if (values.help) return printHelp(demoCommand);
    const customers = intFlag('demo', 'customers', values.customers, DEFAULT_CUSTOMERS, 0, MAX_DEMO_CUSTOMERS);
    const orders = intFlag('demo', 'orders', values.orders, DEFAULT_DEMO_ORDERS, 0, MAX_DEMO_ORDERS);
    const seed = intFlag('demo', 'seed', values.seed, randomSeed(), 0, 0xffffffff);
    const asOf = values['as-of'] ?? localDate(new Date());
    if (!isoDate.safeParse(asOf).success) {
      throw new UsageError(`--as-of 应为有效日期 YYYY-MM-DD，收到“${asOf}”`, `--as-of must be a date YYYY-MM-DD, got "${asOf}"`, 'demo');
    }
    const file = resolveDbFile(values.db);

    await withCore(file, async (core) => {
      if (!out.json) process.stderr.write(`正在生成演示数据 / Generating demo data (${customers} customers, ${orders} orders, seed ${seed}) …\n`);
      const result = await generateDemo(core, {
        customers,
        orders,
        seed,
        asOf,
        company: values.company,
        adminUsername: values.admin,
        adminPassword: values.password,
      });
      out.result({ ...result });
      if (!result.setup && (values.company || values.admin || values.password)) {
        process.stderr.write('注意：数据库已经初始化过，--company/--admin/--password 未使用 / Note: the file was already set up; those flags were not used\n');
      }

      out.line(`演示数据已生成 / Demo data generated: ${file}`);
      if (result.setup) {
        out.line(`  公司 / Company: ${result.setup.company}`);
        out.line(`  系统管理员 / Administrator: ${result.setup.adminUsername}  密码 / password: ${result.setup.adminPassword}`);
      }
      out.line(`  客户 / Customers: ${result.customers.count}（${result.customers.first ?? '—'} … ${result.customers.last ?? '—'}）`);
      out.line(`  新增客户申请 / C-NEW applications: 已批准 ${result.applications.approved}，待审批 ${result.applications.pending}`);
      out.line(`  信息变更申请 / C-CHANGE requests: 待审批 ${result.changeRequests.pending}`);
      const { sales } = result;
      out.line(`  产品 / Products: ${sales.products.count}${sales.products.created ? `（调价 ${sales.products.priceChanges} 次 / price changes）` : '（沿用已有产品 / existing list reused）'}`);
      const byStatus = ORDER_STATUSES.filter((s) => sales.orders.byStatus[s] > 0)
        .map((s) => `${ORDER_STATUS_LABELS[s].zh} ${sales.orders.byStatus[s]}`)
        .join('，');
      out.line(`  订单 / Orders: ${sales.orders.count}（${sales.orders.lines} 行 / lines，${sales.orders.buyers} 家客户 / customers）${byStatus ? `：${byStatus}` : ''}`);
      if (orders > 0 && sales.orders.count === 0) {
        out.line('    （没有开档满两个月的有效客户，未生成订单 / no active customer opened two months before --as-of: no orders）');
      }
      out.line(`  待审批订单 / Orders held for approval: ${sales.orders.held}`);
      out.line(`  发货 / Shipments: ${sales.shipments.count}（已交货 ${sales.shipments.delivered} / delivered）`);
      out.line(`  销售账 / Ledger: ${sales.ledger.entries} 笔分录 / entries，${sales.ledger.allocations} 笔收款分配 / allocations，冲销 / reversals ${sales.ledger.reversals}`);
      if (sales.badDebtRequestId !== null) out.line(`  坏账核销申请 / Bad-debt request: #${sales.badDebtRequestId}（待审批 / pending）`);
      const { expenses, hr } = result;
      out.line(`  费用申请 / Expense requests: ${expenses.requests}（报销单 ${expenses.claims} / claims，已付 ${expenses.paid} / paid，审批中 ${expenses.pending} / pending）`);
      out.line(`  客户投诉 / Complaints: ${hr.complaints}（未归档 ${hr.openComplaints} / open）`);
      out.line(`  请假 / Leave forms: ${hr.leaves}   考勤记录 / Clock records: ${hr.attendanceDays}   签卡 / Sign cards: ${hr.signCards}`);
      out.line(`  种子 / Seed: ${result.seed}   今天 / As of: ${result.asOf}`);
      out.line(
        `  用时 / Time: ${(result.timings.totalMs / 1000).toFixed(1)} s（团队 team ${result.timings.teamMs} ms，客户 customers ${result.timings.customersMs} ms，` +
          `产品 products ${result.timings.productsMs} ms，订单 orders ${result.timings.ordersMs} ms）`,
      );
      out.line();
      out.line(`销售团队（密码都是 ${result.teamPassword}）/ Sales team (password ${result.teamPassword}):`);
      out.table(
        ['用户名 Username', '姓名 Name', '角色 Role', '区域 Region', '直属上级 Superior'],
        result.team.map((m) => [m.username, m.displayName, ROLE_LABELS[m.role].zh, m.region || '—', m.manager ?? '—']),
      );
    });
  },
};
