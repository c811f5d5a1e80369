import { request, setCsrfToken } from './client.ts';

/** GET /api/auth/me and the login answer (server/entry/http/routes/auth/present-me.ts). */
export interface Me {
  user: { id: string; username: string; fullName: string; title: string; unitId: string | null; mustChangePassword: boolean };
  agency: { id: string; name: string; shortName: string; code: string | null };
  roles: { code: string; label: string }[];
  /** permission → scope; a permission absent here is denied. */
  abilities: Record<string, string>;
  csrfToken: string;
}

export async function login(username: string, password: string): Promise<Me> {
  const me = await request<Me>('POST', '/api/auth/login', { body: { username, password }, quiet401: true });
  setCsrfToken(me.csrfToken);
  return me;
}

/** The current session, or null when there is none. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('GET', '/api/auth/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof Error && 'status' in e && (e as { status: number }).status === 401) return null;
    throw e;
  }
}

export async function logout(): Promise<void> {
  try {
    await request('POST', '/api/auth/logout', { body: {}, quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request('POST', '/api/auth/password', { body: { currentPassword, newPassword } });
}
