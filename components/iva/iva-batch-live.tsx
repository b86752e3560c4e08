"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// The progress polls through react-query, which the page's first scripts leave out: only a
// page showing a run loads it.
export const IvaBatchLive = lazyHydrated(() =>
  import("./iva-batch-progress").then((m) => m.IvaBatchProgressPanel),
);
