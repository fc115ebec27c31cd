// Spreadsheet-style edits of the product grid's text cells (readOnlyEdit): the grid never writes a
// value itself. Each edit is checked with the channel's zod schema, sent as products.update with
// the row's version, and only the product the core returns is shown; errors keep the old value.
import type { CellEditRequestEvent, GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import { api as contract } from '../../../../shared/api';
import type { Product } from '../../../../shared/products';
import { ApiError, invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText, useLang } from '../../i18n';
import { check, TEXT_FIELDS, type TextField } from './productForm';

const isTextField = (key: string): key is TextField => (TEXT_FIELDS as readonly string[]).includes(key);

function redraw(api: GridApi<Product>, node: IRowNode<Product>, colId: string): void {
  api.refreshCells({ rowNodes: [node], columns: [colId], force: true });
}

export function useProductInlineEdit() {
  const { lang } = useLang();
  const toast = useToast();
  const errorText = useErrorText();
  // One request at a time per row, so a second edit carries the version the first one produced.
  const queues = useRef(new Map<number, Promise<void>>());

  return useCallback(
    (event: CellEditRequestEvent<Product>) => {
      const { api, node, column } = event;
      const key = column.getColId();
      const row = node.data;
      if (!row || !isTextField(key)) return;
      const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      const checked = check(contract['products.update'].input, { id: row.id, version: row.version, product: { [key]: text } }, lang);
      if (!checked.ok) {
        toast('error', checked.message);
        redraw(api, node, key);
        return;
      }
      const patch = checked.value.product;
      if (patch[key] === row[key]) {
        redraw(api, node, key);
        return;
      }
      const id = row.id;
      const run = (queues.current.get(id) ?? Promise.resolve()).then(async () => {
        const current = node.data ?? row;
        try {
          node.setData(await invoke('products.update', { id, version: current.version, product: patch }));
          api.flashCells({ rowNodes: [node], columns: [key] });
        } catch (error) {
          toast('error', errorText(error));
          redraw(api, node, key);
          if (error instanceof ApiError && error.payload.code === 'CONFLICT') {
            // Someone else changed the row: show what is saved now.
            await invoke('products.get', { id })
              .then((detail) => node.setData(detail.product))
              .catch(() => undefined);
          }
        }
      });
      queues.current.set(id, run);
      void run.finally(() => {
        if (queues.current.get(id) === run) queues.current.delete(id);
      });
    },
    [lang, toast, errorText],
  );
}
