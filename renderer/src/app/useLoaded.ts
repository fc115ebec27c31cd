// One channel call loaded for a key (a month, a person): loaded again when the key changes, the
// answer of an earlier key dropped if it arrives late (a quick ‹ › through months), the error as
// text in the user's language. reload() fetches again keeping what is shown; setData edits in place.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useErrorText } from '../i18n';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
  setData: Dispatch<SetStateAction<T | null>>;
}

export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const errorText = useErrorText();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Only the newest call may set the state.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const call = ++latest.current;
    loadRef.current().then(
      (answer) => {
        if (call !== latest.current) return;
        setData(answer);
        setError(null);
      },
      (e: unknown) => {
        if (call === latest.current) setError(errorText(e));
      },
    );
  }, [errorText]);

  useEffect(() => {
    setData(null);
    setError(null);
    reload();
    return () => {
      latest.current++;
    };
  }, [key, reload]);

  return { data, error, reload, setData };
}
