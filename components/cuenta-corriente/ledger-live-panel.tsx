"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { QueryProvider } from "@/components/query-provider";
import { LedgerContent, LedgerView } from "./ledger-view";

export type LedgerLiveProps = Omit<ComponentProps<typeof LedgerContent>, "busy" | "onRefresh"> & {
  /** The query cache seeded with `view` (when not refreshing). */
  state: DehydratedState | null;
};

/** Loaded by ledger-live.tsx: the ledger inside the query cache, seeded with `state`. */
export function LedgerLivePanel({ view, refreshing, state, ...shared }: LedgerLiveProps) {
  return (
    <QueryProvider>
      {refreshing || !state ? (
        <LedgerContent {...shared} view={view} refreshing={refreshing} />
      ) : (
        <HydrationBoundary state={state}>
          <LedgerView {...shared} cuit={view.cliente.cuit} refreshing={false} />
        </HydrationBoundary>
      )}
    </QueryProvider>
  );
}
