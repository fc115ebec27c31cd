// `salesdesk report statement`: the real command on a database with a delivered order and a receipt,
// as JSON (amounts in fen) and as CSV for Excel (BOM, Chinese headers, yuan). Two spawns, side by
// side; wrong use (bad month, pdf without --out) and the PDF itself are checked in-process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportStatementCommand } from '../../electron/cli/commands/report';
import { UsageError } from '../../electron/cli/args';
import { Output } from '../../electron/cli/output';
import { orderLines, orders } from '../../electron/core/orders/schema';
import { products } from '../../electron/core/products/schema';
import { createCustomer, PASSWORD, testCore, type TestCore } from '../support/core';
import { expectPaper, havePdfTools, pdfInfo } from '../support/pdf';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'salesdesk.mjs');
let t: TestCore;

beforeAll(async () => {
  t = await testCore({ now: () => new Date('2026-02-20T04:00:00.000Z') });
  const user = async (username: string, role: 'rep' | 'assistant' | 'finance') =>
    t.callerFor((await t.admin.call('users.create', { username, displayName: username, role, password: PASSWORD })).id);
  const rep = await user('zhangwei', 'rep');
  const assistant = await user('zhou', 'assistant');
  const finance = await user('wu', 'finance');
  const customer = (await createCustomer(rep, 'C001', { name: '苏州恒达化工, 有限公司' })).customer;
  await createCustomer(rep, 'C002', { name: '无往来客户' });

  const db = t.core.database.db;
  const stamp = '2026-01-01T00:00:00.000Z';
  const product = db.insert(products).values({ code: 'PP-1', name: '聚丙烯', unit: '吨', createdAt: stamp, updatedAt: stamp }).returning().get();
  const order = db
    .insert(orders)
    .values({ orderNo: 'SO-1', customerId: customer.id, repId: rep.id, orderDate: '2026-01-05', status: 'inspected', totalFen: 1_234_567, createdBy: rep.id, createdAt: stamp, updatedAt: stamp })
    .returning()
    .get();
  const line = db
    .insert(orderLines)
    .values({ orderId: order.id, lineNo: 1, productId: product.id, productName: '聚丙烯', unit: '吨', quantityMilli: 1_000, unitPriceFen: 1_234_567, standardPriceFen: 1_234_567, amountFen: 1_234_567 })
    .returning()
    .get();
  const shipment = await assistant.call('shipments.create', { orderId: order.id, shipmentNo: 'CK-001', shipDate: '2026-01-10', lines: [{ orderLineId: line.id, quantityMilli: 1_000 }] });
  await assistant.call('shipments.deliver', { id: shipment.id, deliveredAt: '2026-01-11' });
  await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-01-20', amountFen: 1_000_000, reference: '=转账 001' });
  await finance.call('ledger.postReceipt', { customerId: customer.id, date: '2026-02-02', amountFen: 200_000 });
  t.core.close(); // checkpoints the WAL into the file
});
afterAll(() => t?.cleanup());

function salesdesk(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(t.dir, 'config'), HOME: t.dir };
    delete env.SALESDESK_DB;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: t.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('salesdesk report statement', () => {
  it('prints JSON per customer (fen, with lines) and CSV for Excel', async () => {
    const [json, csv] = await Promise.all([
      salesdesk(['report', 'statement', '--db', t.file, '--month', '2026-01']),
      salesdesk(['report', 'statement', '--db', t.file, '--month', '2026-02', '--customer', 'c001', '--format', 'csv']),
    ]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        customerNo: 'C001',
        customerName: '苏州恒达化工, 有限公司',
        previousBalance: 0,
        sales: 1_234_567,
        receipts: 1_000_000,
        balance: 234_567,
        lines: [
          { date: '2026-01-11', kind: 'sale', kindLabel: '销售', reference: 'CK-001', orderNo: 'SO-1', note: '订单 SO-1 交货', amount: 1_234_567, balance: 1_234_567 },
          { date: '2026-01-20', kind: 'receipt', kindLabel: '回款', reference: '=转账 001', orderNo: null, note: '', amount: -1_000_000, balance: 234_567 },
        ],
      },
    ]);

    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF客户编号,客户名称,日期,摘要,凭证号,订单号,说明,本月销售额（元）,本月回款（元）,余额（元）\r\n')).toBe(true);
    expect(csv.stdout.slice(1).split('\r\n')).toEqual([
      '客户编号,客户名称,日期,摘要,凭证号,订单号,说明,本月销售额（元）,本月回款（元）,余额（元）',
      'C001,"苏州恒达化工, 有限公司",2026-02-01,上月结转,,,,,,2345.67',
      'C001,"苏州恒达化工, 有限公司",2026-02-02,回款,,,,,2000.00,345.67',
      'C001,"苏州恒达化工, 有限公司",,本月合计,,,,0.00,2000.00,345.67',
      '',
    ]);
  });

  it('refuses a bad month, an unknown format and a PDF without --out (exit 2)', async () => {
    const out = new Output(false);
    for (const args of [
      ['--month', '2026-13'],
      ['--month', '2026-01', '--format', 'pdf'],
      ['--month', '2026-01', '--format', 'xlsx'],
      [],
    ]) {
      const error = await reportStatementCommand.run(['--db', t.file, ...args], out).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, args.join(' ')).toBeInstanceOf(UsageError);
    }
    const pdf = await reportStatementCommand.run(['--db', t.file, '--month', '2026-01', '--format', 'pdf'], out).catch((e: UsageError) => e);
    expect((pdf as UsageError).message).toContain('--out');
  });

  it.skipIf(!havePdfTools)('writes the A4 statements as a PDF, one page per customer', async () => {
    const file = join(t.dir, 'statements.pdf');
    const code = await reportStatementCommand.run(['--db', t.file, '--month', '2026-02', '--format', 'pdf', '--out', file], new Output(false));
    expect(code).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expectPaper(info, 210, 297);
  }, 60_000);
});
