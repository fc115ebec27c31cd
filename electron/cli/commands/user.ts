// `salesdesk user add | list`: user administration from the command line, as the first active
// administrator, through the 'users.*' channels (same validation, superiors check and audit).
import { existsSync } from 'node:fs';
import { CHANNELS, CHANNEL_LABELS, ROLES, ROLE_LABELS, type Channel, type Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { USER_FIELD_LABELS, type User } from '../../../shared/users';
import { resolveDbFile } from '../../core/db/paths';
import { COMMON_HELP, parseCommand, UsageError } from '../args';
import { printHelp, type Command } from '../command';
import type { Output } from '../output';
import { ask, askNewPassword, isInteractive } from '../prompt';
import { invoke, startAdminSession, withCore } from '../session';

const ROLE_LIST = ROLES.map((role) => `${role}（${ROLE_LABELS[role].zh}）`).join('、');
const ROLE_LIST_EN = ROLES.map((role) => `${role} (${ROLE_LABELS[role].en})`).join(', ');

/** The role code for a code or a label in either language ("rep", "客户经理", "Sales rep"). */
export function parseRole(text: string): Role | null {
  const wanted = text.trim().toLowerCase();
  return ROLES.find((role) => role === wanted || ROLE_LABELS[role].zh === text.trim() || ROLE_LABELS[role].en.toLowerCase() === wanted) ?? null;
}

export function parseChannel(text: string): Channel | null {
  const wanted = text.trim().toLowerCase();
  return CHANNELS.find((c) => c === wanted || CHANNEL_LABELS[c].zh === text.trim() || CHANNEL_LABELS[c].en.toLowerCase() === wanted) ?? null;
}

/** Commands on users need a database that exists; do not create one in the wrong place. */
export function existingDbFile(flag: string | undefined): string {
  const file = resolveDbFile(flag);
  if (!existsSync(file)) {
    throw new AppError(
      'NOT_FOUND',
      `数据库文件不存在：${file}。请用 --db 指定文件，或先运行 salesdesk init`,
      `No database at ${file}. Pass --db FILE, or run salesdesk init first`,
    );
  }
  return file;
}

export const userAddCommand: Command = {
  name: 'user add',
  help: `
salesdesk user add — 添加用户 / add a user

用法 Usage:
  salesdesk user add --username U --name 姓名 --role ROLE --password PW
                     [--manager 上级用户名] [--region 区域] [--channel direct|dealer|other] [--db FILE]

  --username U        登录用户名（字母、数字、_ . -）/ sign-in name
  --name NAME         姓名 / display name
  --role ROLE         角色 / role: ${ROLES.join(' | ')}
                      也可以写中文：${ROLES.map((r) => ROLE_LABELS[r].zh).join('、')}
  --password PW       初始密码（至少 8 位）/ initial password (8+ characters)
  --manager USER      直属上级的用户名 / username of the direct superior
  --region R          区域，如 华东 / region, e.g. 华东
  --channel C         渠道 / channel: direct（直销）| dealer（代理商）| other（其他）

以第一个启用的系统管理员身份执行，校验、权限和审计日志与“用户管理”界面完全相同。
在终端里缺少参数时会提示输入（密码不回显）。
Runs as the first active administrator, with the same validation and audit log as the Users
screen. Missing flags are asked for at a terminal (the password is not echoed).

${COMMON_HELP}
`,
  async run(args, out) {
    const { values } = parseCommand('user add', args, {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      manager: { type: 'string' },
      region: { type: 'string' },
      channel: { type: 'string' },
    });
    if (values.help) return printHelp(userAddCommand);
    const required = ['username', 'name', 'role', 'password'] as const;
    const missing = required.filter((flag) => !values[flag]);
    if (missing.length && !isInteractive()) {
      const list = missing.map((flag) => `--${flag}`).join(' ');
      throw new UsageError(`缺少参数：${list}`, `Missing: ${list}`, 'user add');
    }
    const file = existingDbFile(values.db);

    await withCore(file, async (core) => {
      const { token } = startAdminSession(core);
      try {
        const username = values.username || (await ask('用户名 / Username: '));
        const displayName = values.name || (await ask('姓名 / Name: '));
        const roleText = values.role || (await ask(`角色 / Role（${ROLES.join('/')}）: `));
        const password = values.password || (await askNewPassword('初始密码 / Initial password'));

        const role = parseRole(roleText);
        if (!role) {
          throw AppError.field('role', USER_FIELD_LABELS.role!, {
            zh: `“${roleText}”不是有效的角色，可选：${ROLE_LIST}`,
            en: `"${roleText}" is not a role; one of: ${ROLE_LIST_EN}`,
          });
        }
        let channel: Channel | null = null;
        if (values.channel !== undefined) {
          channel = parseChannel(values.channel);
          if (!channel) {
            throw AppError.field('channel', USER_FIELD_LABELS.channel!, {
              zh: `“${values.channel}”不是有效的渠道，可选：direct（直销）、dealer（代理商）、other（其他）`,
              en: `"${values.channel}" is not a channel; one of: direct, dealer, other`,
            });
          }
        }
        const users = (await invoke(core, token, 'users.list', {})).data;
        let managerId: number | null = null;
        if (values.manager !== undefined) {
          const superior = users.find((u) => u.username === values.manager!.trim().toLowerCase());
          if (!superior) {
            throw AppError.field('managerId', USER_FIELD_LABELS.managerId!, {
              zh: `找不到用户名为“${values.manager}”的用户（可用 salesdesk user list 查看）`,
              en: `no user named "${values.manager}" (see salesdesk user list)`,
            });
          }
          managerId = superior.id;
        }

        const { data: user } = await invoke(core, token, 'users.create', {
          username,
          displayName,
          role,
          password,
          managerId,
          region: values.region ?? '',
          channel,
        });
        out.result({ user });
        out.line(`已添加用户 / User added: ${user.username}（${user.displayName}，${ROLE_LABELS[user.role].zh} ${ROLE_LABELS[user.role].en}）`);
        if (user.managerName) out.line(`  直属上级 / Superior: ${user.managerName}`);
        if (user.region) out.line(`  区域 / Region: ${user.region}`);
        if (user.channel) out.line(`  渠道 / Channel: ${CHANNEL_LABELS[user.channel].zh}`);
      } finally {
        core.dispatcher.sessions.end(token);
      }
    });
  },
};

export const userListCommand: Command = {
  name: 'user list',
  help: `
salesdesk user list — 列出全部用户 / list all users

用法 Usage:
  salesdesk user list [--db FILE] [--json]

${COMMON_HELP}
`,
  async run(args, out) {
    const { values } = parseCommand('user list', args, {});
    if (values.help) return printHelp(userListCommand);
    const file = existingDbFile(values.db);
    await withCore(file, async (core) => {
      const { token } = startAdminSession(core);
      try {
        const { data: users } = await invoke(core, token, 'users.list', {});
        printUsers(out, users);
      } finally {
        core.dispatcher.sessions.end(token);
      }
    });
  },
};

function printUsers(out: Output, users: readonly User[]): void {
  out.result({ users });
  out.table(
    ['用户名 Username', '姓名 Name', '角色 Role', '直属上级 Superior', '区域 Region', '渠道 Channel', '状态 Status'],
    users.map((u) => [
      u.username,
      u.displayName,
      ROLE_LABELS[u.role].zh,
      u.managerName ?? '—',
      u.region || '—',
      u.channel ? CHANNEL_LABELS[u.channel].zh : '—',
      u.active ? '启用' : '停用',
    ]),
  );
  out.line(`共 ${users.length} 个用户 / ${users.length} users`);
}
