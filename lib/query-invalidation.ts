type QueryKey = readonly unknown[];

let invalidate: ((queryKey: QueryKey) => void) | null = null;

/**
 * Drops what the browser's query cache holds under `queryKey`, for code that does not load
 * react-query itself (a page that keeps no cache, after a change that makes the cached views
 * wrong). Nothing to do when no query client exists yet: then nothing is cached.
 */
export function invalidateCachedQueries(queryKey: QueryKey): void {
  invalidate?.(queryKey);
}

/** Called by the browser's query client as it is created (lib/query-client.ts). */
export function onInvalidateCachedQueries(handler: (queryKey: QueryKey) => void): void {
  invalidate = handler;
}
