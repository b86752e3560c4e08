"use client";

import { useState } from "react";
import { equalData } from "@/lib/equal-data";

/**
 * `value`, or the one returned before when `value` holds the same data: a figure computed again
 * (the whole ledger arriving after the server's first screen) keeps its identity, so a `memo`
 * part drawing it (a chart) is not drawn again.
 */
export function useKeptWhileEqual<T>(value: T): T {
  const [kept, setKept] = useState(value);
  const same = kept === value || equalData(kept, value);
  // Storing what changed during render: React renders again at once with it.
  if (!same) setKept(value);
  return same ? kept : value;
}
