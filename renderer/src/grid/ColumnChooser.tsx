// Community AG Grid has no columns tool panel: a popover of checkboxes, grouped, to show or hide
// columns, plus "reset to the default columns". Visibility changes go through the grid API, so the
// saved layout (columnLayout.ts) follows.
import type { GridApi } from 'ag-grid-community';
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { useGridMessages } from './messages';

export interface ColumnChoice {
  colId: string;
  label: string;
  /** Always shown (e.g. the customer number that identifies a row). */
  locked?: boolean;
}

export interface ColumnChoiceGroup {
  id: string;
  label: string;
  columns: readonly ColumnChoice[];
}

export function ColumnChooser<TData>(props: { api: GridApi<TData> | null; groups: readonly ColumnChoiceGroup[]; onReset(): void }) {
  const { api, groups, onReset } = props;
  const t = useGridMessages();
  const idBase = useId();
  const [open, setOpen] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Follow visibility changes made elsewhere (reset, header menu).
  useEffect(() => {
    if (!api || api.isDestroyed()) return;
    api.addEventListener('displayedColumnsChanged', rerender);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('displayedColumnsChanged', rerender);
    };
  }, [api]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const isVisible = (colId: string) => api?.getColumn(colId)?.isVisible() ?? false;
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="column-chooser" ref={rootRef}>
      <button
        type="button"
        ref={buttonRef}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        disabled={!api}
        data-testid="column-chooser"
      >
        {t('columns')} ▾
      </button>
      {open && api && (
        <div
          className="column-chooser-panel"
          role="dialog"
          aria-label={t('columnsTitle')}
          data-testid="column-chooser-panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <div className="column-chooser-groups">
            {groups.map((group) => (
              <fieldset key={group.id} className="column-chooser-group">
                <legend>{group.label}</legend>
                {group.columns.map((column) => {
                  const id = `${idBase}-${column.colId}`;
                  return (
                    <div key={column.colId} className="column-chooser-item">
                      <input
                        id={id}
                        type="checkbox"
                        name={column.colId}
                        checked={isVisible(column.colId)}
                        disabled={column.locked}
                        onChange={(event) => api.setColumnsVisible([column.colId], event.target.checked)}
                      />
                      <label htmlFor={id}>{column.label}</label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </div>
          <div className="column-chooser-foot">
            <button
              type="button"
              onClick={() => api.setColumnsVisible(groups.flatMap((g) => g.columns.map((c) => c.colId)), true)}
            >
              {t('showAll')}
            </button>
            <button type="button" onClick={onReset} data-testid="column-chooser-reset">
              {t('resetColumns')}
            </button>
            <span className="spacer" />
            <button type="button" onClick={close}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
