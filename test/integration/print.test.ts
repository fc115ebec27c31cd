// Printed forms: the four-copy order form (O-FORM) and the receivables statement (O-STATEMENT) as
// HTML, and as PDF through Chromium, turned into PNGs to look at (test-results/print-*.png).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../electron/cli/pdf';
import { orderFormHtml, type OrderFormData } from '../../electron/core/print/orderForm';
import { statementsHtml } from '../../electron/core/print/statement';
import { expectPaper, havePdfTools, pdfInfo, pdfToPngs } from '../support/pdf';

const dir = mkdtempSync(join(tmpdir(), 'salesdesk-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const order: OrderFormData = {
  companyName: '苏州恒达化工有限公司',
  orderNo: 'SO-202611-0007',
  orderDate: '2026-11-23',
  customerNo: 'C0012',
  customerName: '无锡新材料科技有限公司',
  contactPerson: '周建国',
  phone: '0510-88886666',
  address: '江苏省无锡市新吴区长江路 18 号',
  repName: '李小红',
  lines: [
    { productName: '环氧树脂', spec: 'E-51 / 25kg 桶', unit: '吨', quantityMilli: 12_500, unitPriceFen: 1_850_000, amountFen: 23_125_000 },
    { productName: '固化剂 <T31>', spec: '20kg 桶', unit: '件', quantityMilli: 40_000, unitPriceFen: 38_050, amountFen: 1_522_000 },
  ],
  totalFen: 24_647_000,
  depositFen: 5_000_000,
  requiredSchedule: '12 月上旬分两批交货',
  deliveryDate: '2026-12-08',
  deliveryPlace: '无锡新吴区长江路 18 号 2 号仓',
  packaging: '原厂桶装，托盘缠膜',
  shippingMethod: '汽运（客户自提除外）',
  notes: '第二批交货前电话确认',
  printedAt: '2026-11-23 10:30',
  printedBy: '张内勤',
};

describe('four-copy order form (O-FORM)', () => {
  it('has four copies labelled 存根 / 工务科 / 常务董事 / 财务部, each with the lines, totals and 大写金额', () => {
    const html = orderFormHtml(order);
    const copies = [...html.matchAll(/data-copy="([^"]+)"/g)].map((m) => m[1]);
    expect(copies).toEqual(['存根', '工务科', '常务董事', '财务部']);
    expect(html.match(/人民币贰拾肆万陆仟肆佰柒拾元整/g)).toHaveLength(4);
    expect(html.match(/246,470\.00/g)).toHaveLength(4);
    expect(html).toContain('12.5');
    expect(html).toContain('固化剂 &lt;T31&gt;'); // escaped, never markup
    expect(html).not.toContain('<T31>');
  });
  it.skipIf(!havePdfTools)('prints to a 4-page A4 PDF', async () => {
    const pdf = join(dir, 'order.pdf');
    await htmlToPdf(orderFormHtml(order), pdf);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(4);
    expectPaper(info, 210, 297);
    expect(pdfToPngs(pdf, 'print-order-form', 60)).toHaveLength(4);
  }, 60_000);
});

describe('receivables statement (O-STATEMENT)', () => {
  const statement = {
    customerNo: 'C0012',
    customerName: '无锡新材料科技有限公司',
    address: '江苏省无锡市',
    contactPerson: '周建国',
    previousBalanceFen: 1_000_000,
    salesFen: 24_647_000,
    receiptsFen: 10_000_000,
    balanceFen: 15_647_000,
    lines: [
      { date: '2026-11-05', kindLabel: '回款', reference: 'HK-1105', note: '银行转账', column: 'receipts' as const, amountFen: -10_000_000, balanceFen: -9_000_000 },
      { date: '2026-11-20', kindLabel: '销售', reference: 'CH-0031', note: 'SO-202611-0007', column: 'sales' as const, amountFen: 24_647_000, balanceFen: 15_647_000 },
    ],
  };
  it('one page per customer with previous balance, sales, receipts and balance', () => {
    const html = statementsHtml('苏州恒达化工有限公司', '2026-11', [statement, { ...statement, customerNo: 'C0013', lines: [] }], '2026-12-05 09:00');
    expect([...html.matchAll(/data-customer="([^"]+)"/g)].map((m) => m[1])).toEqual(['C0012', 'C0013']);
    expect(html).toContain('前月余额');
    expect(html).toContain('156,470.00');
    expect(html).toContain('-90,000.00'); // a running balance below zero (a prepayment) stays signed
  });
  it.skipIf(!havePdfTools)('prints each customer on its own A4 page', async () => {
    const pdf = join(dir, 'statement.pdf');
    await htmlToPdf(statementsHtml('苏州恒达化工有限公司', '2026-11', [statement, { ...statement, customerNo: 'C0013' }], '2026-12-05 09:00'), pdf);
    expect(existsSync(pdf)).toBe(true);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(2);
    expectPaper(info, 210, 297);
    expect(pdfToPngs(pdf, 'print-statement', 60)).toHaveLength(2);
  }, 60_000);
});
