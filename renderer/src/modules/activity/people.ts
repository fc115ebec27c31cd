// Whose logs the caller may open: the heads and assistants everyone who keeps a log
// (ACTIVITY_ALL_ROLES), a supervisor his team (the people leave.calendar shows him) and himself,
// a rep only himself (no picker). The core checks again on every read.
import { useEffect, useState } from 'react';
import { ACTIVITY_ALL_ROLES, LOG_KEEPER_ROLES } from '../../../../shared/activity';
import { localMonth } from '../../../../shared/dates';
import type { Role } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';

export interface Person {
  id: number;
  name: string;
  region: string;
}

export const keepsLog = (role: Role) => (LOG_KEEPER_ROLES as readonly Role[]).includes(role);
export const readsAll = (role: Role) => (ACTIVITY_ALL_ROLES as readonly Role[]).includes(role);

/** The people the caller may pick (empty for a rep: his own only). */
export function usePeople(): readonly Person[] {
  const me = useSession();
  const [people, setPeople] = useState<readonly Person[]>([]);
  useEffect(() => {
    if (!readsAll(me.role) && me.role !== 'supervisor') return;
    let alive = true;
    (async () => {
      const directory = await invoke('users.directory', {});
      let keepers = directory.filter((u) => keepsLog(u.role));
      if (me.role === 'supervisor') {
        const calendar = await invoke('leave.calendar', { month: localMonth(new Date()) });
        const team = new Set(calendar.people.map((p) => p.userId));
        keepers = keepers.filter((u) => team.has(u.id) || u.id === me.id);
      }
      const list = keepers
        .map((u) => ({ id: u.id, name: u.displayName, region: u.region }))
        .sort((a, b) => (a.id === me.id ? -1 : b.id === me.id ? 1 : a.name.localeCompare(b.name, 'zh-CN')));
      if (alive) setPeople(list);
    })().catch(() => undefined); // the picker stays empty: the caller's own log only
    return () => {
      alive = false;
    };
  }, [me.id, me.role]);
  return people;
}
