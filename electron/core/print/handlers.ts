// Printed forms over the API: the renderer shows the HTML in a print window (Electron prints it or
// saves a PDF; the preview uses the browser's dialog). Every print of customer data is audited.
import { formatTimestamp, localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { actorOf, type Handlers } from '../api/context';
import { getCustomer } from '../customers/service';
import { statementMonth } from '../ledger/statements';
import { orderDetail } from '../orders/service';
import { companyOf } from '../settings/service';
import { orderFormHtml } from './orderForm';
import { statementsHtml } from './statement';

/** O-FORM prints confirmed orders only (a draft or cancelled order has no valid form). */
const PRINTABLE = new Set(['confirmed', 'production_requested', 'in_production', 'inspected', 'shipped', 'delivered', 'closed']);

export const printHandlers: Pick<Handlers, 'print.orderForm' | 'print.statements' | 'print.expenseForm' | 'print.claimForm'> = {
  // TEMPORARY (being written now): expense slips.
  'print.expenseForm': () => {
    throw new AppError('VALIDATION', '尚未实现', 'Not yet');
  },
  'print.claimForm': () => {
    throw new AppError('VALIDATION', '尚未实现', 'Not yet');
  },
  'print.orderForm': ({ orderId }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const detail = orderDetail(ctx.db, actor, orderId, localDate(at));
    const { order } = detail;
    if (!PRINTABLE.has(order.status)) {
      throw new AppError('VALIDATION', `订单 ${order.orderNo} 尚未确认，不能打印四联单`, `Order ${order.orderNo} is not confirmed; the order form cannot be printed`);
    }
    const customer = getCustomer(ctx.db, actor, order.customerId);
    const html = orderFormHtml({
      companyName: companyOf(ctx.db)?.name ?? '',
      orderNo: order.orderNo,
      orderDate: order.orderDate,
      customerNo: order.customerNo,
      customerName: order.customerName,
      contactPerson: customer.contactPerson,
      phone: customer.phone,
      address: customer.address,
      repName: order.repName,
      lines: detail.lines,
      totalFen: order.totalFen,
      depositFen: order.depositFen,
      requiredSchedule: order.requiredSchedule,
      deliveryDate: order.deliveryDate,
      deliveryPlace: order.deliveryPlace,
      packaging: order.packaging,
      shippingMethod: order.shippingMethod,
      notes: order.notes,
      printedAt: formatTimestamp(at.toISOString()),
      printedBy: actor.displayName,
    });
    recordAudit(ctx.db, { userId: actor.id, action: 'print.orderForm', entity: 'orders', entityId: order.id, after: { orderNo: order.orderNo, copies: 4 }, at });
    return { title: `订货单 ${order.orderNo}`, html, pages: 4 };
  },
  'print.statements': ({ month, customerId }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const result = statementMonth(ctx.db, actor, month, customerId, at);
    const html = statementsHtml(companyOf(ctx.db)?.name ?? '', month, result.statements, formatTimestamp(at.toISOString()));
    recordAudit(ctx.db, {
      userId: actor.id,
      action: 'print.statements',
      entity: 'customers',
      entityId: customerId ?? null,
      after: { month, customers: result.statements.length },
      at,
    });
    return { title: `应收账款对账单 ${month}`, html, pages: result.statements.length };
  },
};
