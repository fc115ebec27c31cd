// The search box above every SQL-paged grid: typed text is applied after a short pause (Enter at
// once), Esc clears it, ↓ moves into the grid, and Ctrl+F focuses it instead of the browser's find bar.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const SEARCH_DEBOUNCE_MS = 250;

export function useQuickSearch<T>(api: GridApi<T> | null, options: { ctrlF: boolean }) {
  const [searchText, setSearchText] = useState('');
  const [quickSearch, setQuickSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuickSearch(searchText.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  // Ctrl+F: our search, not the browser's find bar (off while a drawer or dialog has the keyboard).
  useEffect(() => {
    if (!options.ctrlF) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [options.ctrlF, focusSearch]);

  const clear = useCallback(() => {
    setSearchText('');
    setQuickSearch('');
  }, []);

  const inputProps = {
    ref: searchRef,
    type: 'search',
    className: 'grid-search',
    value: searchText,
    maxLength: 100,
    onChange: (event: { target: { value: string } }) => setSearchText(event.target.value),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') setQuickSearch(searchText.trim());
      if (event.key === 'Escape' && searchText) {
        event.preventDefault();
        clear();
      }
      if (event.key === 'ArrowDown' && api) {
        event.preventDefault();
        const first = api.getAllDisplayedColumns()[0];
        if (api.getDisplayedRowCount() > 0 && first) api.setFocusedCell(0, first);
      }
    },
  } as const;

  return { quickSearch, searchText, searchRef, inputProps, clear, focusSearch };
}
