"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import { getJson } from "@/lib/api/client";

/**
 * A stored snapshot in the query cache (hydrated by the page) and its "Actualizar": the
 * refresh action, after which the snapshot's query is invalidated and read again from `path`,
 * a GET route (lib/api/paths.ts) that answers what a visit of the page would show.
 */
export function useSnapshot<T>({
  queryKey,
  path,
  refresh,
  refetchInterval,
}: {
  queryKey: readonly unknown[];
  path: string;
  refresh: () => Promise<ActionResult<unknown>>;
  /** Reads the route again every so many ms (false: only when invalidated), given the data. */
  refetchInterval?: (data: T | undefined, updates: number) => number | false;
}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => getJson<T>(path, signal),
    refetchInterval: refetchInterval
      ? (q) => refetchInterval(q.state.data, q.state.dataUpdateCount)
      : undefined,
  });
  const mutation = useMutation({
    mutationFn: refresh,
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  return { query, refresh: mutation };
}
