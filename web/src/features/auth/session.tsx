import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, logout as apiLogout, type Me } from '../../api/auth.ts';
import { setUnauthorizedHandler } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';

interface SessionState {
  /** undefined while the first /api/auth/me is in flight. */
  me: Me | null | undefined;
  loadError: string | null;
  signedIn(me: Me): void;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** True when the abilities from the server grant the permission (any scope). */
  can(permission: string): boolean;
  /** True when the grant allows changes, not only reading. */
  canWrite(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setMe(await fetchMe());
      setLoadError(null);
    } catch (e) {
      setLoadError(messageOf(e));
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
    // A 401 on any later request means the session ended (expired, password changed elsewhere).
    setUnauthorizedHandler(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const value = useMemo<SessionState>(() => ({
    me,
    loadError,
    signedIn: (m) => setMe(m),
    refresh,
    signOut: async () => {
      try {
        await apiLogout();
      } finally {
        setMe(null);
      }
    },
    can: (p) => Boolean(me?.abilities[p]),
    canWrite: (p) => Boolean(me?.abilities[p]) && me?.abilities[p] !== 'read',
  }), [me, loadError, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** For pages under the signed-in shell, where the session is known to exist. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
