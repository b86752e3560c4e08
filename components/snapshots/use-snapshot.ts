"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";

/**
 * A stored snapshot in the query cache (hydrated by the page) and its "Actualizar": the
 * refresh action, after which the snapshot's query is invalidated and read again.
 */
export function useSnapshot<T>({
  queryKey,
  read,
  refresh,
}: {
  queryKey: readonly unknown[];
  read: () => Promise<ActionResult<T>>;
  refresh: () => Promise<ActionResult<unknown>>;
}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: async (): Promise<T> => {
      const result = await read();
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  const mutation = useMutation({
    mutationFn: refresh,
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  return { query, refresh: mutation };
}
