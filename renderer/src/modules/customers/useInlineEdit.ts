// Spreadsheet-style cell edits (readOnlyEdit): the grid never writes a value itself. Each edit is
// checked with the shared zod schema, sent as customers.update with the row's version, and only
// the customer the core returns is shown. C-CHANGE fields edited without approval authority come
// back unchanged with a pending change request; errors leave the old value in place.
import type { CellEditRequestEvent, GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import type { Customer, FieldKind } from '../../../../shared/customers';
import { ApiError, invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText, useLabel, useLang } from '../../i18n';
import { InvalidCellInput, metaOfColumn } from './customerColumns';
import { useCustomerMessages } from './messages';
import { checkPatch } from './validation';

/** What a cell editor hands back → the API value (money and quantities are already parsed by the column). */
function fromEditor(kind: FieldKind, raw: unknown): unknown {
  switch (kind) {
    case 'text':
    case 'longText':
      return raw === null || raw === undefined ? '' : String(raw);
    case 'enum':
    case 'date':
      return raw === null || raw === undefined || raw === '' ? null : raw;
    default:
      return raw;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === ''));
}

/** Redraws a cell so it shows the row's (unchanged) value again. */
function redraw(api: GridApi<Customer>, node: IRowNode<Customer>, colId: string): void {
  api.refreshCells({ rowNodes: [node], columns: [colId], force: true });
}

export function useInlineEdit() {
  const t = useCustomerMessages();
  const label = useLabel();
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  // One request at a time per row, so the second edit carries the version the first one produced.
  const queues = useRef(new Map<number, Promise<void>>());

  return useCallback(
    (event: CellEditRequestEvent<Customer>) => {
      const { api, node, column } = event;
      const colId = column.getColId();
      const meta = metaOfColumn(colId);
      const row = node.data;
      if (!meta || !row) return;
      const fieldLabel = label(meta.label);

      if (event.newValue instanceof InvalidCellInput) {
        toast('error', t('fieldProblem', { label: fieldLabel, problem: t(event.newValue.problem) }));
        redraw(api, node, colId);
        return;
      }
      const value = fromEditor(meta.kind, event.newValue);
      const checked = checkPatch({ [meta.key]: value }, lang);
      if (!checked.ok) {
        toast('error', checked.message);
        redraw(api, node, colId);
        return;
      }
      const next = checked.value[meta.key];
      if (sameValue(next, row[meta.key])) {
        redraw(api, node, colId);
        return;
      }

      const id = row.id;
      const previous = queues.current.get(id) ?? Promise.resolve();
      const run = previous.then(async () => {
        const current = node.data ?? row;
        try {
          const result = await invoke('customers.update', { id, version: current.version, patch: checked.value });
          node.setData(result.customer);
          const request = result.changeRequest;
          if (request && request.status === 'pending') {
            toast('info', t('changeSubmitted', { fields: fieldLabel, id: request.id }));
          } else {
            api.flashCells({ rowNodes: [node], columns: [colId] });
          }
        } catch (error) {
          toast('error', errorText(error));
          redraw(api, node, colId);
          if (error instanceof ApiError && error.payload.code === 'CONFLICT') {
            // Someone else changed the row: show what is saved now.
            await invoke('customers.get', { id })
              .then((detail) => node.setData(detail.customer))
              .catch(() => undefined);
          }
        }
      });
      queues.current.set(id, run);
      void run.finally(() => {
        if (queues.current.get(id) === run) queues.current.delete(id);
      });
    },
    [t, label, lang, toast, errorText],
  );
}
