// The request kinds the engine knows (labels, fields, examples), loaded once per session.
import { useEffect, useState } from 'react';
import type { KindInfo } from '../../../../shared/policy';
import { invoke } from '../../api/client';

let cache: Promise<KindInfo[]> | null = null;

export function loadKinds(): Promise<KindInfo[]> {
  cache ??= invoke('policy.kinds', {}).catch((error: unknown) => {
    cache = null;
    throw error;
  });
  return cache;
}

export function useKinds(): KindInfo[] | null {
  const [kinds, setKinds] = useState<KindInfo[] | null>(null);
  useEffect(() => {
    let alive = true;
    loadKinds()
      .then((k) => alive && setKinds(k))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return kinds;
}
