// Active salespeople for the owner-rep pickers (客户经理), from users.directory.
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import type { Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';

export type DirectoryUser = ChannelOutput<'users.directory'>[number];

/** Who may own a customer (the core's SALES_ROLES). */
export const OWNER_ROLES: readonly Role[] = ['rep', 'supervisor', 'manager', 'director', 'gm'];

export interface SalesDirectory {
  /** Salespeople, by name. */
  owners: readonly DirectoryUser[];
  /** Any active user's name by id. */
  nameOf(id: number): string | undefined;
}

export function useSalesDirectory(): SalesDirectory {
  const [users, setUsers] = useState<readonly DirectoryUser[]>([]);
  useEffect(() => {
    let cancelled = false;
    invoke('users.directory', {})
      .then((list) => {
        if (!cancelled) setUsers(list);
      })
      .catch(() => undefined); // pickers then offer only the row's own owner
    return () => {
      cancelled = true;
    };
  }, []);
  return useMemo(() => {
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const owners = users
      .filter((u) => OWNER_ROLES.includes(u.role))
      .slice()
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
    return { owners, nameOf: (id: number) => names.get(id) };
  }, [users]);
}
