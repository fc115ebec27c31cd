// The people a leave concerns: active employees from users.directory (not the administrator's
// account), by name — the work proxy and 代填申请人 pickers, the calendar's and the sheet's pickers.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import { invoke } from '../../api/client';

export type Employee = ChannelOutput<'users.directory'>[number];

export function useEmployees(): readonly Employee[] {
  const [users, setUsers] = useState<readonly Employee[]>([]);
  useEffect(() => {
    let alive = true;
    invoke('users.directory', {})
      .then((list) => alive && setUsers(list.filter((u) => u.role !== 'admin').sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'))))
      .catch(() => undefined); // the pickers stay empty; the core still checks the ids
    return () => {
      alive = false;
    };
  }, []);
  return users;
}
