import { QueryClient } from "@tanstack/react-query";
import { onInvalidateCachedQueries } from "./query-invalidation";
import { onSignOut } from "./sign-out-hooks";

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

let browserQueryClient: QueryClient | undefined;

/**
 * The browser's one query client, shared by every `QueryProvider` of every page until the tab
 * closes; on the server, a new one per call (so per request), never shared between people.
 * Its cache goes with the session: signing out clears it.
 */
export function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  if (!browserQueryClient) {
    const client = makeQueryClient();
    onSignOut(() => client.clear());
    onInvalidateCachedQueries((queryKey) => void client.invalidateQueries({ queryKey }));
    browserQueryClient = client;
  }
  return browserQueryClient;
}
