import { QueryClient } from "@tanstack/react-query";

/**
 * Every TusFacturas call is billed, so nothing refetches by itself: no focus, reconnect or
 * interval refetch, and data stays fresh until an action invalidates it.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}
