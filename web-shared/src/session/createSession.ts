import { computed, ref } from 'vue';
import type { ApiClient } from '../api/ApiClient';
import { ApiError } from '../api/ApiError';

export type Role = 'citizen' | 'clerk' | 'analyst' | 'supervisor' | 'admin';

/** The signed-in account, as GET /api/me answers. */
export interface Me {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  agency?: string | null;
  groups: string[];
  personDocument?: string | null;
}

export type Session = ReturnType<typeof createSession>;

/** Who is signed in, loaded once per page; sign-in and sign-out keep it current. */
export function createSession(api: ApiClient) {
  const me = ref<Me | null>(null);
  const loaded = ref(false);
  let loading: Promise<Me | null> | undefined;

  async function load(): Promise<Me | null> {
    // No CSRF cookie, no session: skip asking (an anonymous 401 would only add noise).
    if (!document.cookie.includes('balcao_csrf=')) loading ??= Promise.resolve(null);
    loading ??= api.get<Me>('/api/me').then(
      (value) => value,
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return null;
        loading = undefined;
        throw error;
      },
    );
    me.value = await loading;
    loaded.value = true;
    return me.value;
  }

  async function signIn(login: string, password: string): Promise<Me> {
    const result = await api.post<{ me: Me; csrfToken: string }>('/api/auth/login', {
      login,
      password,
    });
    api.setCsrfToken(result.csrfToken);
    me.value = result.me;
    loaded.value = true;
    loading = Promise.resolve(result.me);
    return result.me;
  }

  async function signOut(): Promise<void> {
    await api.post('/api/auth/logout').catch(() => undefined);
    api.setCsrfToken(undefined);
    me.value = null;
    loading = Promise.resolve(null);
  }

  return {
    me,
    loaded,
    signedIn: computed(() => me.value !== null),
    load,
    signIn,
    signOut,
  };
}
