import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Any 401 outside the login page means the session is gone: back to /login, then return. */
const redirectOnUnauthenticated = (error: unknown): void => {
  if (!isApiError(error) || error.status !== 401) return;
  if (typeof window === 'undefined' || window.location.pathname.startsWith('/login')) return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
};

export const makeQueryClient = (): QueryClient =>
  new QueryClient({
    queryCache: new QueryCache({ onError: redirectOnUnauthenticated }),
    mutationCache: new MutationCache({ onError: redirectOnUnauthenticated }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change by asking again.
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
