// `npm run bench [-- --json] [-- flags]`: every benchmark in turn — the customer grid (run.ts), orders
// to cash (orders.ts) and the monthly report over five years (report.ts) — each in its own process
// with the same flags (each reads its own). Exit code 1 when any target is missed. With --json, one
// document: { customers, orders, report, pass }.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const benches = [
  ['customers', 'run.ts'],
  ['orders', 'orders.ts'],
  ['report', 'report.ts'],
] as const;

let failed = false;
const documents: Record<string, unknown> = {};
for (const [name, file] of benches) {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...argv], { stdio: json ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) failed = true;
  if (json) {
    try {
      documents[name] = JSON.parse(run.stdout);
    } catch {
      documents[name] = { error: `exit ${run.status}`, output: run.stdout };
    }
  } else if (name !== benches.at(-1)![0]) {
    process.stdout.write('\n');
  }
}
if (json) process.stdout.write(`${JSON.stringify({ ...documents, pass: !failed }, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
