"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// The ledger's code and react-query are most of the page's script: the server renders the
// ledger whole (first rows, figures, filters), and it hydrates once its chunk has arrived.
export const LedgerLive = lazyHydrated(() =>
  import("./ledger-live-panel").then((m) => m.LedgerLivePanel),
);
