// Finding a customer as people type in a lookup (order entry, expense forms): by number or name in
// SQL, and by the pinyin initials of the name (hdhg → 恒达化工) over a pool loaded once.
import type { Customer } from '../../../../shared/customers';
import { invoke } from '../../api/client';
import { matchesInitials } from '../orders/pinyin';

/** Customers loaded once for matching pinyin initials (a small company has far fewer). */
const PINYIN_POOL = 1000;
let pinyinPool: Promise<Customer[]> | null = null;

function customersForInitials(): Promise<Customer[]> {
  pinyinPool ??= invoke('customers.list', { startRow: 0, endRow: PINYIN_POOL, sort: [{ colId: 'customerNo', sort: 'asc' }] })
    .then((page) => page.rows)
    .catch(() => {
      pinyinPool = null;
      return [];
    });
  return pinyinPool;
}

export async function searchCustomers(text: string): Promise<Customer[]> {
  const [page, pool] = await Promise.all([
    invoke('customers.list', { startRow: 0, endRow: 8, quickSearch: text, sort: [{ colId: 'customerNo', sort: 'asc' }] }),
    /^[A-Za-z]{2,}$/.test(text) ? customersForInitials() : Promise.resolve([] as Customer[]),
  ]);
  const found = new Map(page.rows.map((c) => [c.id, c]));
  for (const c of pool) {
    if (found.size >= 10) break;
    if (!found.has(c.id) && matchesInitials(text, c.name, c.shortName)) found.set(c.id, c);
  }
  return [...found.values()];
}
