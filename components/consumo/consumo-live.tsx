"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// The panel reads through react-query, which the page's first scripts leave out: the server
// renders the panel whole, with the server's view in the client's query cache (`state`).
export const ConsumoLive = lazyHydrated(() =>
  import("./consumo-live-panel").then((m) => m.ConsumoLivePanel),
);
