"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { getJson } from "@/lib/api/client";
import { navigationSearchPath } from "@/lib/api/paths";
import type { NavigationResult } from "@/lib/navigation/service";
import { queryKeys } from "@/lib/query-keys";

/**
 * Long enough to skip the keys of a word typed in one go (people type a key every 100–200 ms,
 * bursts faster), short enough that results follow the last key within 100 ms: the search
 * itself answers in tens of milliseconds over 12 000 clients (npm run bench -- --scale).
 */
const DEBOUNCE_MS = 50;

/**
 * The palette's results for `query`, asked of the server once typing pauses. `settled` is
 * false while the shown results belong to an earlier query.
 */
export function useNavigationSearch(query: string) {
  const text = query.trim();
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useQuery({
    queryKey: queryKeys.navigation(debounced),
    queryFn: ({ signal }) => getJson<NavigationResult[]>(navigationSearchPath(debounced), signal),
    enabled: debounced !== "",
    // Tablero's own database, never TusFacturas: each opening of the palette may ask again.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  return {
    results: search.data ?? [],
    settled: debounced === text && search.isSuccess && !search.isPlaceholderData,
    error: debounced === text && search.isError ? search.error.message : null,
  };
}
