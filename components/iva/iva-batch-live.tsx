"use client";

import { lazy, Suspense } from "react";
import type { IvaBatchView } from "@/lib/iva/service";

// The progress polls through react-query, which the page's first scripts leave out: only a
// page showing a run loads it. The server renders the panel whole; it hydrates once its chunk
// has arrived.
const Panel = lazy(() =>
  import("./iva-batch-progress").then((m) => ({ default: m.IvaBatchProgressPanel })),
);

/** A run's progress, kept current while its requests go out. */
export function IvaBatchLive({ initial }: { initial: IvaBatchView }) {
  return (
    <Suspense>
      <Panel initial={initial} />
    </Suspense>
  );
}
