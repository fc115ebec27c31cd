// `salesdesk init`: the first-run setup (company + administrator) without the window, through the
// same 'setup.init' channel, so validation and audit are the UI's.
import { resolveDbFile } from '../../core/db/paths';
import { COMMON_HELP, parseCommand, UsageError } from '../args';
import { printHelp, type Command } from '../command';
import { ask, askNewPassword, isInteractive } from '../prompt';
import { invoke, withCore } from '../session';
import { AppError } from '../../../shared/errors';

const DEFAULT_ADMIN_NAME = '系统管理员';

export const initCommand: Command = {
  name: 'init',
  help: `
salesdesk init — 初始化新数据库 / set up a new database

用法 Usage:
  salesdesk init --company 名称 --admin 用户名 --password 密码 [--admin-name 姓名] [--db FILE]

  --company NAME      公司名称 / company name
  --admin USER        管理员用户名（字母、数字、_ . -）/ administrator's username
  --password PW       管理员密码（至少 8 位）/ administrator's password (8+ characters)
  --admin-name NAME   管理员姓名（默认“${DEFAULT_ADMIN_NAME}”）/ administrator's name

在终端里运行且缺少参数时，会逐项提示输入（密码不回显）；在脚本里缺少参数是用法错误（退出码 2）。
数据库已经初始化过时拒绝执行（退出码 1），不做任何修改。
Missing flags are asked for at a terminal (the password is not echoed); in a script they are a
usage error (exit 2). An already set-up database is refused (exit 1) and left unchanged.

${COMMON_HELP}
`,
  async run(args, out) {
    const { values } = parseCommand('init', args, {
      company: { type: 'string' },
      admin: { type: 'string' },
      password: { type: 'string' },
      'admin-name': { type: 'string' },
    });
    if (values.help) return printHelp(initCommand);
    const file = resolveDbFile(values.db);
    const missing = (['company', 'admin', 'password'] as const).filter((flag) => !values[flag]);
    if (missing.length && !isInteractive()) {
      const list = missing.map((flag) => `--${flag}`).join(' ');
      throw new UsageError(`缺少参数：${list}（不在终端中运行，无法提示输入）`, `Missing: ${list} (not at a terminal, so nothing can be asked)`, 'init');
    }

    await withCore(file, async (core) => {
      let { company, admin, password } = values;
      if (missing.length) {
        // Asking for a password only to refuse afterwards would be rude: check first.
        const status = await invoke(core, null, 'setup.status', {});
        if (status.data.initialized) {
          throw new AppError(
            'CONFLICT',
            `数据库 ${file} 已经初始化过了（公司：${status.data.companyName ?? '—'}），未做任何修改`,
            `The database ${file} is already set up (company: ${status.data.companyName ?? '—'}); nothing was changed`,
          );
        }
        process.stderr.write(`初始化数据库 / Setting up ${file}\n`);
        company ||= await ask('公司名称 / Company name: ');
        admin ||= await ask('管理员用户名 / Admin username: ');
        password ||= await askNewPassword('管理员密码 / Admin password');
      }
      const adminName = values['admin-name'] ?? DEFAULT_ADMIN_NAME;
      const { data, sessionToken } = await invoke(core, null, 'setup.init', {
        companyName: company ?? '',
        adminUsername: admin ?? '',
        adminDisplayName: adminName,
        password: password ?? '',
      });
      core.dispatcher.sessions.end(sessionToken);

      out.result({ file, company: data.companyName, admin: { id: data.id, username: data.username, displayName: data.displayName } });
      out.line(`已初始化 / Set up: ${data.companyName}`);
      out.line(`  系统管理员 / Administrator: ${data.username}（${data.displayName}）`);
      out.line(`  数据库 / Database: ${file}`);
      out.line('下一步：salesdesk user add … 添加用户，或 npm start 用管理员账号登录');
      out.line('Next: add users with salesdesk user add …, or npm start and sign in as the administrator');
    });
  },
};
