// What the CLI prints: Chinese first, English beside it, for people; with --json, exactly one JSON
// object on stdout for scripts. Errors go to stderr in both modes.
import { AppError } from '../../shared/errors';
import { UsageError } from './args';

export const EXIT = { ok: 0, userError: 1, usage: 2, cancelled: 130 } as const;

/** The person pressed Ctrl-C at a prompt. */
export class Cancelled extends Error {
  constructor() {
    super('已取消 / Cancelled');
    this.name = 'Cancelled';
  }
}

export class Output {
  constructor(readonly json: boolean) {}

  /** A line for people (nothing in --json mode). */
  line(text = ''): void {
    if (!this.json) process.stdout.write(`${text}\n`);
  }

  table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
    if (!this.json) process.stdout.write(formatTable(headers, rows));
  }

  /** The machine result: printed only in --json mode, as `{ ok: true, ...data }`. */
  result(data: Readonly<Record<string, unknown>>): void {
    if (this.json) process.stdout.write(`${JSON.stringify({ ok: true, ...data }, null, 2)}\n`);
  }

  /** Reports an error and returns the exit code. */
  fail(error: unknown): number {
    if (error instanceof UsageError) {
      const help = error.command ? `salesdesk ${error.command} --help` : 'salesdesk --help';
      process.stderr.write(`用法错误：${error.message}\nUsage error: ${error.messageEn}\n运行 ${help} 查看用法 / see ${help}\n`);
      this.errorJson({ code: 'USAGE', message: error.message, messageEn: error.messageEn, issues: [] });
      return EXIT.usage;
    }
    if (error instanceof Cancelled) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.cancelled;
    }
    if (error instanceof AppError) {
      const lines = [`错误：${error.message}`, `Error: ${error.messageEn}`];
      if (error.issues.length > 1) for (const issue of error.issues) lines.push(`  - ${issue.message} / ${issue.messageEn}`);
      process.stderr.write(`${lines.join('\n')}\n`);
      this.errorJson(error.toPayload());
      return EXIT.userError;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`程序内部错误 / Internal error:\n${detail}\n`);
    this.errorJson({ code: 'INTERNAL', message: '程序内部错误', messageEn: 'Internal error', issues: [] });
    return EXIT.userError;
  }

  private errorJson(error: object): void {
    if (this.json) process.stdout.write(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
  }
}

/** Columns as a terminal shows them: CJK and full-width characters take two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const render = (cells: readonly string[]) => cells.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd();
  return [render(headers), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n') + '\n';
}
