// A user's column layout (order, widths, visibility, pinning, sort) kept per grid and per user in
// localStorage, restored through AG Grid's initialState. Filters are not kept: a filter that comes
// back silently tomorrow hides rows without anyone noticing.
import type { GridApi, GridState, StateUpdatedEvent } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';

const LAYOUT_PARTS = ['columnOrder', 'columnSizing', 'columnVisibility', 'columnPinning', 'sort'] as const;
type LayoutPart = (typeof LAYOUT_PARTS)[number];
export type ColumnLayout = Pick<GridState, LayoutPart>;

export function layoutStorageKey(grid: string, userId: number): string {
  return `salesdesk.grid.${grid}.layout.v1.user-${userId}`;
}

function pickLayout(state: GridState): ColumnLayout {
  const layout: ColumnLayout = {};
  for (const part of LAYOUT_PARTS) {
    if (state[part] !== undefined) Object.assign(layout, { [part]: state[part] });
  }
  return layout;
}

export function loadLayout(key: string): ColumnLayout | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return pickLayout(parsed as GridState);
  } catch {
    return undefined; // unreadable or storage unavailable: the default layout
  }
}

export function saveLayout(key: string, state: GridState): void {
  try {
    localStorage.setItem(key, JSON.stringify(pickLayout(state)));
  } catch {
    /* storage full or unavailable: the layout is a convenience */
  }
}

export function clearLayout(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* ignore */
  }
}

/** initialState for <AgGridReact>, the onStateUpdated handler that saves, and a reset to the defaults. */
export function useColumnLayout(key: string) {
  const initialState = useMemo(() => loadLayout(key), [key]);
  const onStateUpdated = useCallback(
    (event: StateUpdatedEvent) => {
      if (event.sources.some((source) => (LAYOUT_PARTS as readonly string[]).includes(source))) saveLayout(key, event.state);
    },
    [key],
  );
  const reset = useCallback(
    (api: GridApi) => {
      api.resetColumnState();
      clearLayout(key);
    },
    [key],
  );
  return { initialState, onStateUpdated, reset };
}
