"use client";

import type { DehydratedState } from "@tanstack/react-query";
import { lazy, Suspense } from "react";

// The panel reads through react-query, which the page's first scripts leave out: the server
// renders the panel whole, and it hydrates once its chunk (react-query with it) has arrived.
// A click meanwhile is replayed by React after hydrating.
const LivePanel = lazy(() =>
  import("./consumo-live-panel").then((m) => ({ default: m.ConsumoLivePanel })),
);

/** The consumo panel with the server's view in the client's query cache (`state`). */
export function ConsumoLive(props: {
  businessId: string;
  canRefresh: boolean;
  state: DehydratedState;
}) {
  return (
    <Suspense>
      <LivePanel {...props} />
    </Suspense>
  );
}
