// Deep links "#/page?id=N" (the home page's, the report's drill-down): the id to open, kept in step
// with the address while on the page, and cleared from it when the drawer closes (so a reload, or the
// same link followed again, opens it afresh).
import { useCallback, useEffect, useState } from 'react';

export function idFromHash(hash: string): number | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const id = Number(new URLSearchParams(query).get('id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The drawer's open id for a page at `#/<page>`: [openId, setOpenId, close]. */
export function useHashId(page: string): [number | null, (id: number | null) => void, () => void] {
  const [openId, setOpenId] = useState<number | null>(() => idFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => {
      const id = idFromHash(window.location.hash);
      if (id !== null) setOpenId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const close = useCallback(() => {
    setOpenId(null);
    if (idFromHash(window.location.hash) !== null) window.history.replaceState(null, '', `#/${page}`);
  }, [page]);
  return [openId, setOpenId, close];
}
