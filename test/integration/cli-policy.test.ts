// `salesdesk policy check | kinds`: the real command on stdin, with and without a database; and every
// kind's documented example judged by the engine. Spawns are few and run side by side (each costs
// about a second).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRequest, KINDS } from '../../electron/core/policy/kinds';
import { setParams } from '../../electron/core/policy/params';
import { testCore } from '../support/core';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'salesdesk.mjs');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesdesk-cli-policy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI with `stdin` piped in (or nothing). No SALESDESK_DB, and a private config folder, so
 * a check that wrongly fell back to the default database would show up there.
 */
function salesdesk(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir };
    delete env.SALESDESK_DB;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const check = (input: unknown, ...args: string[]) => salesdesk(['policy', 'check', ...args], typeof input === 'string' ? input : JSON.stringify(input));
const parsed = (run: Run) => JSON.parse(run.stdout) as unknown;

interface DecisionJson {
  decision: string;
  approvals: string[];
  approvalSteps: { role: string; superior: boolean }[];
  findings: { ruleId: string }[];
  computed: Record<string, unknown>;
}
interface ErrorJson {
  error: { code: string; message: string; messageEn: string; field: string | null; issues: { field: string }[]; index: number | null };
}

describe('every kind documented by `policy kinds`', () => {
  it('has an example the engine judges without error', () => {
    expect(KINDS.length).toBeGreaterThan(0);
    for (const k of KINDS) {
      const decision = evaluateRequest({ kind: k.kind, ...(k.example as Record<string, unknown>) }, { today: '2026-11-23' });
      expect(['allow', 'needs_approval', 'deny'], k.kind).toContain(decision.decision);
    }
  });
});

describe.concurrent('salesdesk policy', { timeout: 60_000 }, () => {
  it('judges one request and an array, in order, without a database', async () => {
    const [one, many] = await Promise.all([
      check({ kind: 'expense', amount: 600_000 }),
      check([
        { kind: 'expense', amount: 500_000 },
        { kind: 'expense', amount: 600_000 },
        { kind: 'expense', amount: 500_001, superiorRole: 'director' },
      ]),
    ]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const decision = parsed(one) as DecisionJson;
    expect(decision).toMatchObject({ decision: 'needs_approval', approvals: ['manager', 'gm'] });
    expect(Object.keys(decision).sort()).toEqual(['approvalSteps', 'approvals', 'computed', 'decision', 'findings']);

    expect(many.code).toBe(0);
    const decisions = parsed(many) as DecisionJson[];
    expect(decisions.map((d) => [d.decision, d.approvals])).toEqual([
      ['needs_approval', ['manager']],
      ['needs_approval', ['manager', 'gm']],
      ['needs_approval', ['director', 'gm']],
    ]);
    // Nothing fell back to the default database.
    expect(existsSync(join(dir, 'config'))).toBe(false);
  });

  it('refuses invalid input with exit code 2 and a JSON error naming the field', async () => {
    const [unknownKind, negativeInArray, malformed, empty, missingDb] = await Promise.all([
      check({ kind: 'no_such_kind', amount: 1 }),
      check([{ kind: 'expense', amount: 100 }, { kind: 'expense', amount: -1 }]),
      check('{"kind": "expense", amount: 5'),
      check(''),
      check({ kind: 'expense', amount: 100 }, '--db', join(dir, 'missing.db')),
    ]);
    expect(unknownKind.code).toBe(2);
    expect((parsed(unknownKind) as ErrorJson).error).toMatchObject({ code: 'VALIDATION', field: 'kind', index: null });
    expect(unknownKind.stderr).toContain('no_such_kind');

    // One bad element refuses the whole array: only the error is printed, naming the element.
    expect(negativeInArray.code).toBe(2);
    const negative = parsed(negativeInArray) as ErrorJson;
    expect(negative.error).toMatchObject({ code: 'VALIDATION', field: 'amount', index: 1 });
    expect(negative.error.issues.map((i) => i.field)).toEqual(['amount']);
    expect(negative.error.message).toMatch(/[\u3400-\u9fff]/);
    expect(negative.error.messageEn).toContain('at least 0');

    for (const run of [malformed, empty]) {
      expect(run.code).toBe(2);
      expect((parsed(run) as ErrorJson).error).toMatchObject({ code: 'VALIDATION', field: null, index: null });
    }
    expect(malformed.stderr).toContain('JSON');

    expect(missingDb.code).toBe(2);
    expect((parsed(missingDb) as ErrorJson).error).toMatchObject({ code: 'NOT_FOUND' });
    expect(missingDb.stderr).toContain('数据库文件不存在');
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });

  it('with --db, judges by the parameter version in force on the submission day, and leaves the file alone', async () => {
    const t = await testCore();
    const file = join(dir, 'office.db');
    try {
      const row = t.core.database.sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number };
      const admin = { id: row.id, username: 'admin', displayName: '系统管理员', role: 'admin' as const, managerId: null };
      // From December on the gm signs only above 10,000 yuan.
      setParams(t.core.database.db, admin, 'E-APPROVAL', { gmAboveFen: 1_000_000 }, '2026-12-01', '总经理只审 1 万元以上', new Date());
      await t.core.database.sqlite.backup(file);
    } finally {
      t.cleanup();
    }
    const before = readFileSync(file);
    const requests = [
      { kind: 'expense', amount: 600_000, appliedOn: '2026-11-30' },
      { kind: 'expense', amount: 600_000, appliedOn: '2026-12-01' },
      { kind: 'expense', amount: 600_000 },
    ];
    const [withDb, withoutDb] = await Promise.all([check(requests, '--db', file, '--today', '2026-12-05'), check(requests, '--today', '2026-12-05')]);
    expect(withDb.stderr).toBe('');
    expect(withDb.code).toBe(0);
    expect((parsed(withDb) as DecisionJson[]).map((d) => d.approvals)).toEqual([['manager', 'gm'], ['manager'], ['manager']]);
    expect(withoutDb.code).toBe(0);
    expect((parsed(withoutDb) as DecisionJson[]).map((d) => d.approvals)).toEqual([['manager', 'gm'], ['manager', 'gm'], ['manager', 'gm']]);
    // Opened read-only: not migrated, not backed up, not a byte changed.
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('lists every kind with an example that checks, and prints bilingual help', async () => {
    const [json, human, groupHelp, checkHelp] = await Promise.all([
      salesdesk(['policy', 'kinds', '--json']),
      salesdesk(['policy', 'kinds']),
      salesdesk(['policy', '--help']),
      salesdesk(['policy', 'check', '--help']),
    ]);
    expect(json.code).toBe(0);
    const kinds = parsed(json) as {
      kind: string;
      label: { zh: string; en: string };
      rules: string[];
      submittable: boolean;
      fields: { name: string; input: string; optional: boolean; label: { zh: string; en: string } }[];
      example: Record<string, unknown> & { kind: string };
      command: string;
    }[];
    expect(kinds.map((k) => k.kind)).toEqual(KINDS.map((k) => k.kind));
    for (const k of kinds) {
      expect(k.example.kind).toBe(k.kind);
      expect(k.fields.length, k.kind).toBeGreaterThan(0);
      expect(k.command).toBe(`echo '${JSON.stringify(k.example).replaceAll("'", "'\\''")}' | salesdesk policy check`);
    }
    // checked here like any kind; filed through the expenses module (expenses.create), not requests.submit
    expect(kinds.find((k) => k.kind === 'expense')).toMatchObject({
      label: { zh: '费用申请', en: 'Expense' },
      rules: ['E-APPROVAL'],
      submittable: false,
      fields: [
        { name: 'amount', input: 'fen', optional: false },
        { name: 'appliedOn', input: 'date', optional: true },
      ],
    });

    // All the examples in one run.
    const examples = await check(kinds.map((k) => k.example));
    expect(examples.stderr).toBe('');
    expect(examples.code).toBe(0);
    expect(parsed(examples)).toHaveLength(kinds.length);

    expect(human.code).toBe(0);
    for (const k of kinds) {
      expect(human.stdout).toContain(`${k.kind} — ${k.label.zh} / ${k.label.en}`);
      expect(human.stdout).toContain(k.command);
    }
    // Readable at 80 columns (CJK counts double); only the ready-to-paste example lines run longer.
    const wide = human.stdout.split('\n').filter((line) => !line.trimStart().startsWith('echo ') && columns(line) > 80);
    expect(wide).toEqual([]);

    expect(groupHelp.code).toBe(0);
    expect(groupHelp.stdout).toContain('salesdesk policy check');
    expect(groupHelp.stdout).toContain('salesdesk policy kinds');
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain('用法 Usage');
    expect(checkHelp.stdout).toContain('--today');
    expect(checkHelp.stdout).toContain('--db');
  });
});

function columns(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}
