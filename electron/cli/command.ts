import type { Output } from './output';

/** One `salesdesk` command. */
export interface Command {
  /** As typed after `salesdesk`, e.g. "init" or "user add". */
  name: string;
  /** The full `--help` text. */
  help: string;
  /** Resolves to the exit code (0 when nothing is returned); throws usage and core errors. */
  run(args: string[], out: Output): Promise<number | void>;
}

export function printHelp(command: Command): void {
  process.stdout.write(`${command.help.trim()}\n`);
}
