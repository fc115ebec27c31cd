// Community AG Grid has no set filter: this one lists an enum's labels as checkboxes and emits our
// own model {filterType: 'set', values: [codes]} (shared/grid.ts), which the core turns into SQL IN.
import type { CustomFilterProps } from 'ag-grid-react';
import { useGridFilter } from 'ag-grid-react';
import { useCallback, useId } from 'react';
import { useGridMessages } from './messages';

export interface EnumFilterOption {
  /** The stored code as text (booleans as '1' / '0'). */
  value: string;
  label: string;
}

export interface EnumFilterParams {
  options: readonly EnumFilterOption[];
}

export interface SetFilterModel {
  filterType: 'set';
  values: string[];
}

type Props = CustomFilterProps<unknown, unknown, SetFilterModel> & EnumFilterParams;

export function EnumFilter({ model, onModelChange, options }: Props) {
  const t = useGridMessages();
  const idBase = useId();
  // Rows are filtered by the core (Infinite Row Model), never in the browser.
  const doesFilterPass = useCallback(() => true, []);
  useGridFilter({ doesFilterPass });

  const all = options.map((o) => o.value);
  const selected = model ? model.values : all;
  const emit = (values: string[]) => {
    const everything = values.length === all.length && all.every((v) => values.includes(v));
    onModelChange(everything ? null : { filterType: 'set', values: all.filter((v) => values.includes(v)) });
  };
  const toggle = (value: string) =>
    emit(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div className="enum-filter" data-testid="enum-filter">
      <div className="enum-filter-actions">
        <button type="button" className="link" onClick={() => onModelChange(null)}>
          {t('selectAll')}
        </button>
        <button type="button" className="link" onClick={() => emit([])}>
          {t('clear')}
        </button>
      </div>
      <ul className="enum-filter-list">
        {options.map((option, index) => {
          const id = `${idBase}-${index}`;
          return (
            <li key={option.value}>
              <input id={id} type="checkbox" checked={selected.includes(option.value)} onChange={() => toggle(option.value)} />
              <label htmlFor={id}>{option.label}</label>
            </li>
          );
        })}
      </ul>
      {selected.length === 0 && <div className="enum-filter-note">{t('noneSelected')}</div>}
    </div>
  );
}
