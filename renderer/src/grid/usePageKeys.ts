// A register page's own shortcuts: Ctrl+F to its search box and Ctrl+N for a new entry — not while
// one of its drawers is open (`blocked`) nor while any dialog covers the page (an .overlay).
import { useEffect, useRef } from 'react';

export function usePageKeys(options: { blocked: boolean; onFind: () => void; onNew: () => void }): void {
  // The handlers of the last render, so the listener is only re-registered when `blocked` changes.
  const handlers = useRef(options);
  handlers.current = options;
  const { blocked } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (blocked || document.querySelector('.overlay') || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f') {
        event.preventDefault();
        handlers.current.onFind();
      } else if (key === 'n') {
        event.preventDefault();
        handlers.current.onNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blocked]);
}
