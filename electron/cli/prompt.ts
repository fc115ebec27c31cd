// Interactive questions when a flag is missing and a person is at the terminal. Prompts go to
// stderr so that --json output on stdout stays one clean object. Passwords are not echoed.
import { createInterface } from 'node:readline/promises';
import { Cancelled } from './output';

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY);
}

export async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  let cancelled = false;
  rl.on('SIGINT', () => {
    cancelled = true;
    rl.close();
  });
  try {
    return (await rl.question(question)).trim();
  } catch (error) {
    if (cancelled) throw new Cancelled();
    throw error;
  } finally {
    rl.close();
  }
}

/** Reads a line in raw mode without echoing it (Backspace works, Ctrl-C cancels). */
export function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Cancelled());
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password, typed twice. */
export async function askNewPassword(label: string): Promise<string> {
  for (;;) {
    const first = await askHidden(`${label}（不回显 / hidden）: `);
    const second = await askHidden('再输入一次 / Repeat: ');
    if (first === second) return first;
    process.stderr.write('两次输入的密码不一致，请重新输入 / The passwords differ; try again\n');
  }
}
