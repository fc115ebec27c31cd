// CSV export of the customer grid's current view; the values are shown as a person reads them.
import { CUSTOMER_FIELDS, type Customer } from '../../../shared/customers';
import { toCsv } from '../../../shared/csv';
import { AppError } from '../../../shared/errors';
import { formatQuantity } from '../../../shared/money';

const EXTRA_COLUMNS: Record<string, { label: string; value: (c: Customer) => string }> = {
  ownerName: { label: '客户经理', value: (c) => c.ownerName },
  createdAt: { label: '创建时间', value: (c) => c.createdAt },
  updatedAt: { label: '更新时间', value: (c) => c.updatedAt },
};

function cell(customer: Customer, key: string): string {
  const meta = CUSTOMER_FIELDS.find((m) => m.key === key);
  if (!meta) return EXTRA_COLUMNS[key]!.value(customer);
  const value = customer[meta.key];
  switch (meta.kind) {
    case 'enum':
      return value === null ? '' : (meta.options?.[String(value)]?.zh ?? String(value));
    case 'user':
      return customer.ownerName;
    case 'money':
      return (Number(value) / 100).toFixed(2);
    case 'quantity':
      return formatQuantity(Number(value)).replace(/,/g, '');
    case 'bool':
      return value ? '是' : '否';
    default:
      return value === null ? '' : String(value);
  }
}

export function customersCsv(rows: readonly Customer[], columns: readonly string[]): string {
  for (const key of columns) {
    if (!CUSTOMER_FIELDS.some((m) => m.key === key) && !Object.hasOwn(EXTRA_COLUMNS, key)) {
      throw new AppError('VALIDATION', `导出列：未知的列“${key}”`, `Columns: unknown column "${key}"`, [
        { field: 'columns', message: `导出列：未知的列“${key}”`, messageEn: `Columns: unknown column "${key}"` },
      ]);
    }
  }
  const header = columns.map((key) => CUSTOMER_FIELDS.find((m) => m.key === key)?.label.zh ?? EXTRA_COLUMNS[key]!.label);
  return toCsv(header, rows.map((customer) => columns.map((key) => cell(customer, key))));
}
