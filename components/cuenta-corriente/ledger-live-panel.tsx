"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import type { LedgerFirstScreen } from "@/lib/cuenta-corriente/screen";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { LedgerContent, LedgerView } from "./ledger-view";

/**
 * Loaded by ledger-live.tsx: the ledger inside the query cache, seeded with the view in
 * `state`; or, while the server is still refreshing it, the stored copy (`refreshingView`) on
 * its own.
 */
export function LedgerLivePanel({
  live,
  ...shared
}: {
  businessId: string;
  today: string;
  empresa: { razonSocial: string; cuit: string };
  firstScreen: LedgerFirstScreen | null;
  canRefresh: boolean;
  live: { state: DehydratedState; cuit: string } | { refreshingView: CuentaCorrienteView };
}) {
  return (
    <QueryProvider>
      {"state" in live ? (
        <HydrationBoundary state={live.state}>
          <LedgerView {...shared} cuit={live.cuit} refreshing={false} />
        </HydrationBoundary>
      ) : (
        <LedgerContent {...shared} view={live.refreshingView} refreshing />
      )}
    </QueryProvider>
  );
}
