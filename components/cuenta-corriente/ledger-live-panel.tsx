"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import type { LedgerFirstScreen } from "@/lib/cuenta-corriente/screen";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { LedgerContent, LedgerView } from "./ledger-view";

export type LedgerLiveProps = {
  businessId: string;
  /** ISO date in Buenos Aires, decided by the server so both renders agree. */
  today: string;
  empresa: { razonSocial: string; cuit: string };
  view: CuentaCorrienteView;
  firstScreen: LedgerFirstScreen | null;
  canRefresh: boolean;
  /** The server is still refreshing `view`: it is shown as it is, outside the cache. */
  refreshing: boolean;
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
