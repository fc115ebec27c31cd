// `salesdesk`: the command line over the core (ARCHITECTURE: electron/cli). Runs under plain Node
// through tsx (bin/salesdesk.mjs), so it works right after `npm install`.
//
// Exit codes: 0 success, 1 an error the core or the data reports (message in Chinese and English
// on stderr), 2 wrong use of the command line.
import { readFileSync } from 'node:fs';
import { COMMON_HELP, UsageError } from './args';
import type { Command } from './command';
import { EXIT, Output } from './output';

interface CommandEntry {
  name: string;
  summary: string;
  /** Loaded on use: help and usage errors answer without opening the core (faster start). */
  load(): Promise<Command>;
}

const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: '初始化新数据库：公司和系统管理员 / set up a new database: company and administrator',
    load: async () => (await import('./commands/init')).initCommand,
  },
  { name: 'user add', summary: '添加用户 / add a user', load: async () => (await import('./commands/user')).userAddCommand },
  { name: 'user list', summary: '列出用户 / list users', load: async () => (await import('./commands/user')).userListCommand },
  {
    name: 'demo',
    summary: '生成演示数据：销售团队和客户档案 / generate demo data: a sales team and customer files',
    load: async () => (await import('./commands/demo')).demoCommand,
  },
  {
    name: 'verify',
    summary: '检查数据库完整性和数据结构版本 / check integrity and schema version',
    load: async () => (await import('./commands/verify')).verifyCommand,
  },
  { name: 'web', summary: '浏览器预览（仅本机）/ browser preview (this machine only)', load: async () => (await import('./commands/web')).webCommand },
  {
    name: 'policy check',
    summary: '检查申请（JSON 进，结论出）/ judge requests (JSON in, decision out)',
    load: async () => (await import('./commands/policy')).policyCheckCommand,
  },
  {
    name: 'policy kinds',
    summary: '申请类型、字段和示例 / request kinds, fields, examples',
    load: async () => (await import('./commands/policy')).policyKindsCommand,
  },
  {
    name: 'report statement',
    summary: '应收账款明细（JSON/CSV）/ receivables statements of a month',
    load: async () => (await import('./commands/report')).reportStatementCommand,
  },
  {
    name: 'report monthly',
    summary: '月度销售报表（JSON/CSV/Excel/PDF）/ the monthly report',
    load: async () => (await import('./commands/report')).reportMonthlyCommand,
  },
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `
销售台账 SalesDesk ${version()} — 命令行 / command line

用法 Usage:
  salesdesk <命令 command> [选项 options]

命令 Commands:
${list}

${COMMON_HELP}

每个命令的详细说明 / per command: salesdesk <command> --help
例 Examples:
  salesdesk init --db ./office.db --company 苏州恒达化工有限公司 --admin admin --password '******'
  salesdesk user add --db ./office.db --username zhangwei --name 张伟 --role manager --password '******'
  salesdesk demo --db ./demo.db --customers 5000 --seed 1
  salesdesk verify --db ./office.db --json
  echo '{"kind":"expense","amount":600000}' | salesdesk policy check
`;
}

/** `user` alone lists its subcommands. */
const userGroupHelp = `
salesdesk user — 用户管理 / users

${COMMANDS.filter((c) => c.name.startsWith('user ')).map((c) => `  salesdesk ${c.name.padEnd(11)}${c.summary}`).join('\n')}

详细说明 / details: salesdesk user add --help
`;

/** Commands with subcommands (`user add`, `policy check`): the group alone prints its help. */
const GROUPS: Readonly<Record<string, () => Promise<string>>> = {
  user: async () => userGroupHelp,
  policy: async () => (await import('./commands/policy')).policyGroupHelp,
  report: async () => (await import('./commands/report')).reportGroupHelp,
};

function findCommand(argv: readonly string[]): { command: CommandEntry; rest: string[] } | null {
  const [first, second] = argv;
  if (first !== undefined && Object.hasOwn(GROUPS, first) && second && !second.startsWith('-')) {
    const command = COMMANDS.find((c) => c.name === `${first} ${second}`);
    return command ? { command, rest: argv.slice(2) } : null;
  }
  const command = COMMANDS.find((c) => c.name === first);
  return command ? { command, rest: argv.slice(1) } : null;
}

async function runCli(argv: readonly string[]): Promise<number> {
  const out = new Output(argv.includes('--json'));
  try {
    const [first, second] = argv;
    if (first === undefined) {
      process.stderr.write(overview().trimStart());
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h' || (first === 'help' && second === undefined)) {
      process.stdout.write(overview().trimStart());
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      process.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (first === 'help') return runCli([...argv.slice(1), '--help']);
    const group = Object.hasOwn(GROUPS, first) ? GROUPS[first] : undefined;
    if (group && (second === undefined || second === '--help' || second === '-h')) {
      process.stdout.write((await group()).trimStart());
      return second === undefined ? EXIT.usage : EXIT.ok;
    }
    const found = findCommand(argv);
    if (!found) {
      const name = group ? `${first} ${second ?? ''}`.trim() : first;
      throw new UsageError(`未知命令“${name}”`, `Unknown command "${name}"`);
    }
    const command = await found.command.load();
    return (await command.run(found.rest, out)) ?? EXIT.ok;
  } catch (error) {
    return out.fail(error);
  }
}

process.exitCode = await runCli(process.argv.slice(2));
