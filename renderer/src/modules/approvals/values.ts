// Customer field values as people read them: enum labels, ¥ for money, 是/否, （空） for nothing.
// Used by the approvals' before → after tables and the audit log's diff.
import { useCallback } from 'react';
import { CUSTOMER_FIELDS, type CustomerFieldMeta } from '../../../../shared/customers';
import { formatYuan, formatQuantity } from '../../../../shared/money';
import { useLabel } from '../../i18n';
import { useApprovalsMessages } from './messages';

const META: ReadonlyMap<string, CustomerFieldMeta> = new Map(CUSTOMER_FIELDS.map((meta) => [meta.key, meta]));

export function customerFieldMeta(field: string): CustomerFieldMeta | undefined {
  return META.get(field);
}

/** Returns (field, value) → display text; fields that are not customer fields are shown plainly. */
export function useFieldValueText(): (field: string, value: unknown) => string {
  const t = useApprovalsMessages();
  const label = useLabel();
  return useCallback(
    (field: string, value: unknown) => {
      if (value === null || value === undefined || value === '') return t('empty');
      if (typeof value === 'boolean') return value ? t('yes') : t('no');
      const meta = META.get(field);
      switch (meta?.kind) {
        case 'enum': {
          const option = typeof value === 'string' ? meta.options?.[value] : undefined;
          return option ? label(option) : String(value);
        }
        case 'money':
          return typeof value === 'number' ? formatYuan(value) : String(value);
        case 'quantity':
          return typeof value === 'number' ? formatQuantity(value) : String(value);
        case 'user':
          return typeof value === 'number' ? `#${value}` : String(value);
        default:
          if (typeof value === 'string' || typeof value === 'number') return String(value);
          return JSON.stringify(value);
      }
    },
    [t, label],
  );
}
