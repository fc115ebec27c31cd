// What the expense form's lookups search: customers as order entry finds them, and orders by number,
// of the chosen customer when there is one.
import type { Order } from '../../../../shared/orders';
import { invoke } from '../../api/client';
export { searchCustomers } from '../customers/searchCustomers';

/** Orders whose number (or customer) matches, newest first; only the customer's when one is chosen. */
export async function searchOrders(text: string, customerNo: string | null): Promise<Order[]> {
  const page = await invoke('orders.list', {
    startRow: 0,
    endRow: 8,
    quickSearch: text,
    sort: [{ colId: 'orderDate', sort: 'desc' }],
    filter: customerNo ? { customerNo: { filterType: 'text', type: 'equals', filter: customerNo } } : {},
  });
  return page.rows;
}
