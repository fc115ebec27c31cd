import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../shared/users';

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user; only used inside the shell, where there always is one. */
export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession outside a signed-in shell');
  return user;
}
