"use client";

import { lazy, Suspense, type ComponentProps } from "react";

// The ledger (react-query, the virtualised table, the ledger arithmetic) is left out of the
// page's first scripts: the server renders its first screen whole, and it hydrates once its
// chunk has arrived. A click meanwhile is replayed by React after hydrating.
const panel = () => import("./ledger-live-panel");
const LivePanel = lazy(() => panel().then((m) => ({ default: m.LedgerLivePanel })));

/** The ledger with the server's view in the client's query cache, or a refreshing copy. */
export function LedgerLive(props: ComponentProps<typeof LivePanel>) {
  return (
    <Suspense>
      <LivePanel {...props} />
    </Suspense>
  );
}
