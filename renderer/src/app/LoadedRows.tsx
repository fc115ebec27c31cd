// A list loaded once from the core, in its three states before the table: the load's error (Chinese
// first, from the page's messages), "loading…", and the empty panel. The table itself is the page's:
// children get the rows once there are some.
import type { ReactNode } from 'react';

export function LoadedRows<T>(props: {
  rows: readonly T[] | null;
  /** The load's error, already as text; null when none. */
  error: string | null;
  failedText: (error: string) => string;
  loadingText: string;
  emptyText: ReactNode;
  emptyTestId?: string;
  children: (rows: readonly T[]) => ReactNode;
}) {
  const { rows, error } = props;
  return (
    <>
      {error && <div className="form-error">{props.failedText(error)}</div>}
      {rows === null && !error && <p className="muted">{props.loadingText}</p>}
      {rows && rows.length === 0 && (
        <div className="panel empty-state" data-testid={props.emptyTestId}>
          <p>{props.emptyText}</p>
        </div>
      )}
      {rows && rows.length > 0 && props.children(rows)}
    </>
  );
}
