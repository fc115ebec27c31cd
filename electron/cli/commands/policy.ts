// `salesdesk policy check | kinds`: the policy engine from the command line. `check` judges JSON
// requests read on stdin and prints the engine's decisions as JSON; `kinds` documents every request
// kind (fields and an example that can be piped straight into `check`). Generic over KINDS: a kind
// added to electron/core/policy/rules/*.ts shows up here with nothing to change.
//
// A check needs no database: without one the engine uses the domain book's parameters and the
// official calendar. With `--db FILE` (or SALESDESK_DB) the company's calendar overrides and stored
// parameter versions apply; the file is opened read-only, never created, migrated or backed up.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { localDate } from '../../../shared/dates';
import { ROLES, ROLE_LABELS, type Label } from '../../../shared/domain';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type { Decision, KindField, KindFieldInput, KindInfo } from '../../../shared/policy';
import { isoDate } from '../../../shared/validation';
import { DatabaseTooNewError, DEFAULT_MIGRATIONS_FOLDER, readJournal } from '../../core/db/connection';
import * as schema from '../../core/db/schema';
import { describeFields } from '../../core/policy/fields';
import { evaluateRequest, KINDS, type EvaluateOptions } from '../../core/policy/kinds';
import { engineOptions } from '../../core/policy/context';
import { UsageError, parseCommand } from '../args';
import { printHelp, type Command } from '../command';
import { displayWidth, EXIT } from '../output';

const WIDTH = 80;

export const policyGroupHelp = `
salesdesk policy — 审批规则引擎 / the policy engine

  salesdesk policy check   检查申请：从标准输入读 JSON 申请，输出审批结论 JSON
                           judge requests: JSON on stdin, decisions as JSON
  salesdesk policy kinds   全部申请类型、字段和示例
                           every request kind, its fields and an example

例 Example:
  echo '{"kind":"expense","amount":600000}' | salesdesk policy check

详细说明 / details: salesdesk policy check --help
`;

const DB_HELP = `  --db FILE       用该数据库的公司工作日历和已保存的规则参数版本（只读打开，
                  不升级、不备份）。不给 --db 也没有 SALESDESK_DB 时用默认参数和
                  国家法定日历，不需要数据库 / use the company calendar and
                  stored parameter versions of FILE (read-only). Without --db or
                  $SALESDESK_DB: the defaults and the official calendar`;

export const policyCheckCommand: Command = {
  name: 'policy check',
  help: `
salesdesk policy check — 检查申请 / judge requests

用法 Usage:
  salesdesk policy check [--db FILE] [--today YYYY-MM-DD] < request.json
  echo '{"kind":"expense","amount":600000}' | salesdesk policy check

从标准输入读取一个 JSON 申请 {"kind": …, …字段}，或由申请组成的数组，输出
审批引擎的结论 JSON（数组则按同样顺序输出数组）：decision（allow 通过 |
needs_approval 需审批 | deny 拒绝）、approvals（依次审批的角色）、
approvalSteps、findings（触发的规则和说明）、computed（计算结果）。
金额为整数“分”，日期为 YYYY-MM-DD，时间为带时区的 ISO 8601（如
2026-11-23T09:30:00+08:00）。规则需要的一切都可以写在申请里，例如 superiorRole
（申请人直接上级的角色，默认 manager）。
Reads one JSON request {"kind": …, …fields}, or an array of them, on stdin and
prints the engine's decision as JSON (an array in the same order for an array):
decision (allow | needs_approval | deny), approvals (approving roles in order),
approvalSteps, findings and computed. Amounts are integer fen, dates YYYY-MM-DD,
times ISO 8601 with offset. Everything a rule needs can be given inline, e.g.
superiorRole (the role of the applicant's direct superior; manager by default).

输入有误（JSON 格式错误、未知类型、字段无效）时退出码为 2，标准输出是指明字段
的 JSON 错误；数组里任何一项有误则整个数组都不检查，index 指出是哪一项
（从 0 数起）。
Invalid input exits with code 2 and prints a JSON error naming the field; one
invalid element refuses the whole array, and "index" (from 0) names it:
  {"error":{"code":"VALIDATION","message":"…","messageEn":"…",
            "field":"amount","issues":[…],"index":null}}

  --today DATE    “今天”，YYYY-MM-DD（默认本机日期）；申请自带日期（如
                  appliedOn）时以申请为准 / the submission day (default: today's
                  local date) unless the request names its own
${DB_HELP}
  -h, --help      显示帮助 / show help

全部申请类型及示例 / every kind with an example: salesdesk policy kinds
`,
  async run(args) {
    try {
      const { values } = parseCommand('policy check', args, { today: { type: 'string' } });
      if (values.help) return printHelp(policyCheckCommand);
      const today = values.today ?? localDate(new Date());
      if (!isoDate.safeParse(today).success) {
        throw new UsageError(`--today 应为有效日期 YYYY-MM-DD，收到“${today}”`, `--today must be a date YYYY-MM-DD, got "${today}"`, 'policy check');
      }
      const dbFile = chosenDbFile(values.db);
      if (process.stdin.isTTY) {
        throw new UsageError(
          '请通过标准输入提供 JSON 申请，例如：echo \'{"kind":"expense","amount":600000}\' | salesdesk policy check',
          'Pipe the JSON request on stdin, e.g.: echo \'{"kind":"expense","amount":600000}\' | salesdesk policy check',
          'policy check',
        );
      }
      const input = parseInput(await readStdin());
      const requests = Array.isArray(input) ? input : [input];
      const database = dbFile === null ? null : openReadOnly(dbFile);
      try {
        const options: EvaluateOptions = database ? engineOptions(database.db, today) : { today };
        const results: Decision[] = [];
        for (const [i, request] of requests.entries()) {
          try {
            results.push(evaluateRequest(request, options));
          } catch (error) {
            if (error instanceof AppError && error.code === 'VALIDATION') throw new RequestError(error, Array.isArray(input) ? i : null);
            throw error;
          }
        }
        process.stdout.write(`${JSON.stringify(Array.isArray(input) ? results : results[0], null, 2)}\n`);
        return EXIT.ok;
      } finally {
        database?.close();
      }
    } catch (error) {
      return reportCheckError(error);
    }
  },
};

export const policyKindsCommand: Command = {
  name: 'policy kinds',
  help: `
salesdesk policy kinds — 申请类型 / request kinds

用法 Usage:
  salesdesk policy kinds [--json]

列出审批引擎认识的每一种申请：类型代码、中英文名称、用到的规则、能否提交审批、
每个字段（名称、中英文标签、输入类型、是否可选），以及可以直接粘贴运行的示例：
Lists every kind of request the engine judges: id, labels, rules, whether it
is filed for approval, each field (name, labels, input type, optional) and an
example ready to paste:
  echo '{"kind":"expense","amount":680000}' | salesdesk policy check

  --json        输出 JSON 数组，每项含 kind、label、rules、submittable、fields、
                example、command / print the same as a JSON array
  -h, --help    显示帮助 / show help
`,
  async run(args) {
    const { values } = parseCommand('policy kinds', args, {});
    if (values.help) return printHelp(policyKindsCommand);
    const kinds = kindInfos();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(kinds.map((k) => ({ ...k, command: exampleCommand(k.example) })), null, 2)}\n`);
    } else {
      process.stdout.write(formatKinds(kinds));
    }
    return EXIT.ok;
  },
};

// —— policy check ——

/** A request the engine refused, with its place in the array (null for a single request). */
class RequestError extends Error {
  constructor(
    readonly error: AppError,
    readonly index: number | null,
  ) {
    super(error.message);
  }
}

/** Input that is not JSON at all: exit 2, no field to name. */
class InputError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

/**
 * --db, else SALESDESK_DB, else none: a check never falls back to the userData database. The file
 * must exist (a check never creates one).
 */
function chosenDbFile(flag: string | undefined): string | null {
  const given = flag || process.env.SALESDESK_DB || null;
  if (given === null) return null;
  const file = resolve(given);
  if (!existsSync(file)) {
    throw new AppError(
      'NOT_FOUND',
      `数据库文件不存在：${file}。检查申请不需要数据库：不给 --db（也不设 SALESDESK_DB）即用默认参数`,
      `No database at ${file}. A check needs no database: without --db (and SALESDESK_DB) it uses the defaults`,
    );
  }
  return file;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function parseInput(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) {
    throw new InputError(
      '标准输入为空：请提供一个 JSON 申请或申请数组',
      'Nothing on stdin: give one JSON request or an array of them',
    );
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`输入不是有效的 JSON（${reason}）`, `The input is not valid JSON (${reason})`);
  }
}

interface ReadOnlyDatabase {
  db: ReturnType<typeof drizzle<typeof schema>>;
  close(): void;
}

/**
 * Opens the file read-only for the engine's context. openDatabase always migrates (after a backup)
 * and switches on WAL; a check must not write, so it opens the file itself and refuses a file whose
 * schema is not this program's.
 */
function openReadOnly(file: string): ReadOnlyDatabase {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw cannotOpen(file, error);
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    let applied: { count: number; newest: number };
    try {
      applied = appliedMigrations(sqlite);
    } catch (error) {
      throw cannotOpen(file, error);
    }
    const journal = readJournal(DEFAULT_MIGRATIONS_FOLDER);
    const appNewest = journal.reduce((max, entry) => Math.max(max, entry.when), 0);
    if (applied.count > journal.length || applied.newest > appNewest) throw new DatabaseTooNewError(file, applied.count, journal.length);
    if (applied.count < journal.length) {
      throw new AppError(
        'CONFLICT',
        `数据库 ${file} 的数据结构是旧版本（${applied.count}，本程序 ${journal.length}），检查申请时不会升级它。请先用销售台账打开一次（会先自动备份再升级），例如 salesdesk user list --db ${file}`,
        `The database ${file} has an older schema (version ${applied.count}; this program: ${journal.length}) and a check does not upgrade it. Open it once with SalesDesk first (it is backed up, then upgraded), e.g. salesdesk user list --db ${file}`,
      );
    }
    return { db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function appliedMigrations(sqlite: BetterSqlite3.Database): { count: number; newest: number } {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return { count: 0, newest: 0 };
  const row = sqlite.prepare('SELECT COUNT(*) AS count, MAX(created_at) AS newest FROM __drizzle_migrations').get() as { count: number; newest: number | null };
  return { count: row.count, newest: Number(row.newest ?? 0) };
}

function cannotOpen(file: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('VALIDATION', `无法作为数据库打开：${file}（${reason}）`, `Cannot open ${file} as a database (${reason})`);
}

interface CheckErrorJson {
  code: string;
  message: string;
  messageEn: string;
  /** The first offending field ("amount", "kind"); null when the input as a whole is wrong. */
  field: string | null;
  issues: FieldIssue[];
  /** The element of an array input that was refused (from 0); null for a single request. */
  index: number | null;
}

/** stdout gets `{"error": …}` (so it is always JSON), stderr the message in both languages. */
function reportCheckError(error: unknown): number {
  let payload: CheckErrorJson;
  let exit: number;
  let where = { zh: '', en: '' };
  if (error instanceof RequestError) {
    const { code, message, messageEn, issues } = error.error;
    payload = { code, message, messageEn, field: issues[0]?.field || null, issues, index: error.index };
    exit = EXIT.usage;
    if (error.index !== null) where = { zh: `第 ${error.index + 1} 项（index ${error.index}）：`, en: `Element ${error.index}: ` };
  } else if (error instanceof InputError) {
    payload = { code: 'VALIDATION', message: error.message, messageEn: error.messageEn, field: null, issues: [], index: null };
    exit = EXIT.usage;
  } else if (error instanceof UsageError) {
    payload = { code: 'USAGE', message: error.message, messageEn: error.messageEn, field: null, issues: [], index: null };
    exit = EXIT.usage;
  } else if (error instanceof AppError) {
    payload = { code: error.code, message: error.message, messageEn: error.messageEn, field: null, issues: error.issues, index: null };
    // A --db file that is not there is wrong use of the command; one that cannot be read is a data error.
    exit = error.code === 'NOT_FOUND' ? EXIT.usage : EXIT.userError;
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`程序内部错误 / Internal error:\n${detail}\n`);
    process.stdout.write(`${JSON.stringify({ error: { code: 'INTERNAL', message: '程序内部错误', messageEn: 'Internal error', field: null, issues: [], index: null } }, null, 2)}\n`);
    return EXIT.userError;
  }
  const lines = [`错误：${where.zh}${payload.message}`, `Error: ${where.en}${payload.messageEn}`];
  if (payload.issues.length > 1) for (const issue of payload.issues) lines.push(`  - ${issue.message} / ${issue.messageEn}`);
  if (error instanceof UsageError) lines.push('运行 salesdesk policy check --help 查看用法 / see salesdesk policy check --help');
  process.stderr.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify({ error: payload }, null, 2)}\n`);
  return exit;
}

// —— policy kinds ——

/** Every kind as documentation: the example is a whole request, ready for `policy check`. */
export function kindInfos(): KindInfo[] {
  return KINDS.map((k) => ({
    kind: k.kind,
    label: k.label,
    rules: [...k.rules],
    submittable: k.submittable,
    fields: describeFields(k.schema),
    example: { kind: k.kind, ...(k.example as Record<string, unknown>) },
  }));
}

/** `echo '{…}' | salesdesk policy check`, quoted for a POSIX shell. */
export function exampleCommand(request: Readonly<Record<string, unknown>>): string {
  return `echo '${JSON.stringify(request).replaceAll("'", "'\\''")}' | salesdesk policy check`;
}

/** What each input type means, explained once at the top of `policy kinds`. */
const INPUT_TEXT: Record<KindFieldInput, Label> = {
  fen: { zh: '金额，整数，单位分（100 = 1 元）', en: 'money in integer fen (100 = ¥1)' },
  date: { zh: '日期', en: 'date YYYY-MM-DD' },
  timestamp: { zh: '带时区的时间', en: 'ISO 8601 time with offset, e.g. 2026-11-23T09:30:00+08:00' },
  int: { zh: '整数', en: 'whole number' },
  number: { zh: '数字，可带小数', en: 'number, decimals allowed' },
  bool: { zh: '是/否', en: 'true or false' },
  choice: { zh: '列出的取值之一', en: 'one of the values listed' },
  role: { zh: '角色代码（见下）', en: 'role id (listed below)' },
  text: { zh: '文本', en: 'text' },
};

function formatKinds(kinds: readonly KindInfo[]): string {
  const inputs = Object.keys(INPUT_TEXT) as KindFieldInput[];
  const typeWidth = Math.max(...inputs.map((i) => i.length));
  const lines: string[] = [
    `申请类型（共 ${kinds.length} 种）/ Request kinds (${kinds.length})`,
    '',
    ...wrap('每种申请都可以用 salesdesk policy check 检查；另外都可以加 superiorRole（申请人直接上级的角色，默认 manager）。', '', ''),
    ...wrap(
      "Check any of them with salesdesk policy check. Every kind also takes superiorRole (the role of the applicant's direct superior; manager by default).",
      '',
      '',
    ),
    '',
    '字段类型 Field types:',
    ...inputs.flatMap((input) => {
      const head = `  ${input.padEnd(typeWidth)}  `;
      return wrap(`${INPUT_TEXT[input].zh} / ${INPUT_TEXT[input].en}`, head, ' '.repeat(head.length));
    }),
    '',
    ...wrap(['角色 roles:', ...ROLES.flatMap((r) => [' ', `${r}（${ROLE_LABELS[r].zh}）`])], '', '  '),
  ];
  for (const k of kinds) {
    lines.push('', '-'.repeat(WIDTH - 2), '');
    lines.push(...wrap(`${k.kind} — ${k.label.zh} / ${k.label.en}`, '', '  '));
    lines.push(...wrap(`规则 rules: ${k.rules.join(', ') || '—'}`, '  ', '    '));
    lines.push(`  提交审批 submittable: ${k.submittable ? '是 yes' : '否，仅作检查 no, a check only'}`);
    lines.push('  字段 fields:');
    lines.push(...formatFields(k.fields));
    lines.push('  例 example:');
    lines.push(`    ${exampleCommand(k.example)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line per field: name, input type, labels (and "optional"); choices listed below it. */
function formatFields(fields: readonly KindField[]): string[] {
  if (!fields.length) return ['    （无 none）'];
  const nameWidth = Math.min(20, Math.max(...fields.map((f) => f.name.length)));
  const typeWidth = Math.max(...fields.map((f) => f.input.length));
  const indent = ' '.repeat(4 + nameWidth + 2 + typeWidth + 2);
  const lines: string[] = [];
  for (const field of fields) {
    const label = `${field.label.zh} / ${field.label.en}`;
    const words = splitWords(label);
    if (field.optional) words.push(' ', '·', ' ', '可选 optional');
    if (field.name.length > nameWidth) {
      lines.push(`    ${field.name}`);
      lines.push(...wrap(words, `    ${' '.repeat(nameWidth)}  ${field.input.padEnd(typeWidth)}  `, indent));
    } else {
      lines.push(...wrap(words, `    ${field.name.padEnd(nameWidth)}  ${field.input.padEnd(typeWidth)}  `, indent));
    }
    if (field.options?.length) {
      const width = Math.max(...field.options.map((o) => o.value.length));
      for (const option of field.options) {
        const head = `${indent}  ${option.value.padEnd(width)}  `;
        lines.push(...wrap(`${option.label.zh} / ${option.label.en}`, head, ' '.repeat(head.length)));
      }
    }
    if (field.hint) {
      lines.push(...wrap(`提示：${field.hint.zh}`, `${indent}`, `${indent}  `));
      lines.push(...wrap(`Hint: ${field.hint.en}`, `${indent}`, `${indent}  `));
    }
  }
  return lines;
}

const isWide = (ch: string) => displayWidth(ch) > 1;
/** CJK punctuation that must not start a line, and that must not end one. */
const CLOSING = new Set('，。、；：？！）》」』”'.split(''));
const OPENING = new Set('（《「『“'.split(''));

/**
 * Breakable units of a text: words of narrow characters, single wide (CJK) characters, closing
 * punctuation kept with what precedes it and opening punctuation with what follows.
 */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let glueNext = false;
  for (const token of text.split(/(\s+)/u).flatMap((part) => (/^\s+$/u.test(part) ? [' '] : [...part]))) {
    const last = words[words.length - 1];
    const space = token === ' ';
    const lastChar = last?.slice(-1) ?? '';
    const glue: boolean =
      last !== undefined &&
      last !== ' ' &&
      !space &&
      (glueNext || CLOSING.has(token) || (!isWide(token) && !isWide(lastChar) && !OPENING.has(lastChar)));
    if (glue) words[words.length - 1] = last + token;
    else words.push(token);
    glueNext = OPENING.has(token);
  }
  return words;
}

/**
 * Greedy wrap to WIDTH columns, first line after `first`, the others after `rest`. A string is split
 * with splitWords; an array gives the units as they are (' ' for a space, where a line may break).
 */
export function wrap(text: string | readonly string[], first: string, rest: string, width = WIDTH): string[] {
  const words = typeof text === 'string' ? splitWords(text) : text;
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (word === ' ') {
      if (!empty) line += ' ';
      continue;
    }
    if (!empty && displayWidth(line) + displayWidth(word) > width) {
      lines.push(line.trimEnd());
      line = rest;
    }
    line += word;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
