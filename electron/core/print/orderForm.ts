// O-FORM 四联单: a confirmed order printed as order form + production request in four copies, each
// labelled 存根 / 工务科 / 常务董事 / 财务部, with the total in Chinese capitals (大写金额).
import { chineseAmount } from '../../../shared/chineseAmount';
import { formatFen, formatQuantity } from '../../../shared/money';
import { ORDER_FORM_COPIES } from '../../../shared/orders';
import { esc, printDocument } from './html';

export interface OrderFormData {
  companyName: string;
  orderNo: string;
  orderDate: string;
  customerNo: string;
  customerName: string;
  contactPerson: string;
  phone: string;
  address: string;
  repName: string;
  lines: { productName: string; spec: string; unit: string; quantityMilli: number; unitPriceFen: number; amountFen: number }[];
  totalFen: number;
  depositFen: number;
  requiredSchedule: string;
  deliveryDate: string | null;
  deliveryPlace: string;
  packaging: string;
  shippingMethod: string;
  notes: string;
  /** When and by whom it was printed (the footer of every copy). */
  printedAt: string;
  printedBy: string;
}

const CSS = `
.head { position: relative; }
.copy { position: absolute; right: 0; top: 0; border: 1.2pt solid #000; padding: 1mm 3mm; font-size: 12pt; font-weight: 700; text-align: center; }
.copy small { display: block; font-size: 8pt; font-weight: 400; }
.lines td:nth-child(1) { width: 8mm; text-align: center; }
.total td { font-weight: 600; }
.capital { letter-spacing: 1pt; }
.delivery th { width: 22mm; text-align: left; }
.nobreak { white-space: nowrap; }
`;

function copySheet(d: OrderFormData, copyIndex: number): string {
  const copy = ORDER_FORM_COPIES[copyIndex]!;
  const rows = d.lines
    .map(
      (l, i) => `<tr>
  <td>${i + 1}</td>
  <td>${esc(l.productName)}</td>
  <td>${esc(l.spec)}</td>
  <td class="num">${esc(formatQuantity(l.quantityMilli))}</td>
  <td>${esc(l.unit)}</td>
  <td class="num">${esc(formatFen(l.unitPriceFen))}</td>
  <td class="num">${esc(formatFen(l.amountFen))}</td>
</tr>`,
    )
    .join('\n');
  return `<section class="sheet order-form" data-copy="${esc(copy.zh)}">
<div class="head">
  <div class="company">${esc(d.companyName)}</div>
  <h1>订货单（生产通知单）</h1>
  <div class="copy">${esc(copy.zh)}<small>第 ${copyIndex + 1} 联 / 共 ${ORDER_FORM_COPIES.length} 联</small></div>
</div>
<div class="meta">
  <div><b>订单号：</b>${esc(d.orderNo)}</div>
  <div><b>订货日期：</b>${esc(d.orderDate)}</div>
  <div><b>客户经理：</b>${esc(d.repName)}</div>
  <div class="wide"><b>客户：</b>${esc(d.customerNo)} ${esc(d.customerName)}</div>
  <div><b>联系人：</b>${esc(d.contactPerson)}　<span class="nobreak"><b>电话：</b>${esc(d.phone)}</span></div>
</div>
<table class="lines">
  <thead><tr><th>序号</th><th>品名</th><th>规格</th><th class="num">数量</th><th>单位</th><th class="num">单价（元）</th><th class="num">金额（元）</th></tr></thead>
  <tbody>
${rows}
  <tr class="total"><td colspan="6">合计（小写）</td><td class="num">¥${esc(formatFen(d.totalFen))}</td></tr>
  <tr class="total"><td colspan="2">合计（大写）</td><td colspan="5" class="capital">人民币${esc(chineseAmount(d.totalFen))}</td></tr>
  </tbody>
</table>
<table class="delivery" style="margin-top:3mm">
  <tr><th>要求进度</th><td colspan="3">${esc(d.requiredSchedule)}</td></tr>
  <tr><th>交货日期</th><td>${esc(d.deliveryDate ?? '')}</td><th>交货地点</th><td>${esc(d.deliveryPlace)}</td></tr>
  <tr><th>包装</th><td>${esc(d.packaging)}</td><th>运输方式</th><td>${esc(d.shippingMethod)}</td></tr>
  <tr><th>订金</th><td>¥${esc(formatFen(d.depositFen))}</td><th>送货地址</th><td>${esc(d.address)}</td></tr>
  <tr><th>备注</th><td colspan="3">${esc(d.notes)}</td></tr>
</table>
<div class="signatures">
  <div>制单：</div><div>客户经理：</div><div>销售经理：</div><div>工务科：</div><div>财务部：</div>
</div>
<div class="footer"><span>${esc(copy.zh)}联 · ${esc(d.orderNo)}</span><span>打印：${esc(d.printedBy)} ${esc(d.printedAt)}</span></div>
</section>`;
}

/** The four copies as one printable document (four A4 pages). */
export function orderFormHtml(d: OrderFormData): string {
  return printDocument(
    `订货单 ${d.orderNo}`,
    ORDER_FORM_COPIES.map((_, i) => copySheet(d, i)),
    CSS,
  );
}
