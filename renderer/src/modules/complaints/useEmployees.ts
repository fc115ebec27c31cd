// Everyone who may be responsible for a complaint (责任人): the active employees but the
// administrator, by name, from users.directory.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/api';
import { invoke } from '../../api/client';

export type Employee = ChannelOutput<'users.directory'>[number];

export function useEmployees(): readonly Employee[] {
  const [list, setList] = useState<readonly Employee[]>([]);
  useEffect(() => {
    let alive = true;
    invoke('users.directory', {})
      .then((users) => {
        if (alive) setList(users.filter((u) => u.role !== 'admin').sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')));
      })
      .catch(() => undefined); // the picker then offers nobody but 未定
    return () => {
      alive = false;
    };
  }, []);
  return list;
}
