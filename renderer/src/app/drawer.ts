// What the register drawers share: Esc backing out of a step before closing, and loading the
// record they show with the error kept for the drawer to display.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useErrorText } from '../i18n';

/**
 * Esc anywhere backs out of the step in progress (a confirmation) when `inStep`, else closes.
 * The listener reads the state of the last render (a ref), not of the render it was registered in:
 * effects run after paint, and an Esc pressed right after a confirmed action succeeded must close
 * the drawer, not clear a confirmation that is already gone.
 */
export function useDrawerEscape(inStep: boolean, backOut: () => void, onClose: () => void): void {
  const latest = useRef({ inStep, backOut });
  latest.current = { inStep, backOut };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (latest.current.inStep) latest.current.backOut();
      else onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
}

/**
 * The drawer's record by id: loaded on open (and again for another id, after `reset` clears the
 * drawer's own steps), with the load's error text. `load` reloads and returns the fresh record, or
 * null when it failed.
 */
export function useDrawerDetail<T>(id: number, get: (id: number) => Promise<T>, reset?: () => void) {
  const errorText = useErrorText();
  const [detail, setDetail] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef({ get, reset });
  latest.current = { get, reset };

  const load = useCallback(async () => {
    try {
      const d = await latest.current.get(id);
      setDetail(d);
      setLoadError(null);
      return d;
    } catch (error) {
      setLoadError(errorText(error));
      return null;
    }
  }, [id, errorText]);

  useEffect(() => {
    setDetail(null);
    latest.current.reset?.();
    void load();
  }, [load]);

  return { detail, loadError, load };
}
