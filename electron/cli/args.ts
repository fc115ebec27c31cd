// Command-line parsing on node:util parseArgs: the options every command takes, and usage errors
// (exit code 2) kept apart from the core's errors (exit code 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Wrong use of the command line: unknown option, missing flag, bad number. Exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    /** The command whose help to point at, e.g. "user add". */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

export const COMMON_HELP = `通用选项 Common options:
  --db FILE     数据库文件（默认：环境变量 SALESDESK_DB，否则程序的用户数据文件夹）
                database file (default: $SALESDESK_DB, else the app's userData folder)
  --json        输出一个 JSON 对象（供脚本使用）/ print one JSON object, for scripts
  -h, --help    显示帮助 / show help`;

/** Parses a command's arguments (strict: unknown options are usage errors). */
export function parseCommand<const O extends OptionsConfig>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`命令行参数有误：${message}`, `Invalid arguments: ${message}`, command);
  }
}

/** A whole number flag within bounds, or a usage error naming the flag. */
export function intFlag(command: string, flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      `--${flag} 应为 ${min} 到 ${max} 之间的整数，收到“${value}”`,
      `--${flag} must be a whole number from ${min} to ${max}, got "${value}"`,
      command,
    );
  }
  return n;
}

/** Flags that are required; reports all that are missing at once. */
export function requireFlags(command: string, values: Readonly<Record<string, unknown>>, flags: readonly string[]): void {
  const missing = flags.filter((flag) => values[flag] === undefined || values[flag] === '');
  if (missing.length) {
    const list = missing.map((flag) => `--${flag}`).join(' ');
    throw new UsageError(`缺少参数：${list}`, `Missing: ${list}`, command);
  }
}
