"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { useMemo, type ComponentProps } from "react";
import { QueryProvider } from "@/components/query-provider";
import { unpackFirstScreen, type PackedFirstScreen } from "@/lib/cuenta-corriente/screen";
import { LedgerContent, LedgerView } from "./ledger-view";

export type LedgerLiveProps = Omit<
  ComponentProps<typeof LedgerContent>,
  "busy" | "onRefresh" | "firstScreen"
> & {
  firstScreen: PackedFirstScreen | null;
  /** The query cache seeded with `view` (when not refreshing). */
  state: DehydratedState | null;
};

/** Loaded by ledger-live.tsx: the ledger inside the query cache, seeded with `state`. */
export function LedgerLivePanel({
  view,
  refreshing,
  state,
  firstScreen: packed,
  ...rest
}: LedgerLiveProps) {
  const firstScreen = useMemo(() => packed && unpackFirstScreen(packed), [packed]);
  const shared = { ...rest, firstScreen };
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
