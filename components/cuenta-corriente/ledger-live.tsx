"use client";

import { lazy, Suspense } from "react";
import type { LedgerLiveProps } from "./ledger-live-panel";

// The ledger's code and react-query are most of the page's script: the server renders the
// ledger whole (first rows, figures, filters), and it hydrates once its chunk has arrived.
// A click or a key meanwhile is replayed by React after hydrating.
const Panel = lazy(() =>
  import("./ledger-live-panel").then((m) => ({ default: m.LedgerLivePanel })),
);

export function LedgerLive(props: LedgerLiveProps) {
  return (
    <Suspense>
      <Panel {...props} />
    </Suspense>
  );
}
