import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { todayIso } from "@/lib/format";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { LedgerContent, LedgerView } from "./ledger-view";

/**
 * The ledger with its data handed to the client's query cache; or, while the server is
 * still refreshing it (a Suspense fallback), the stored copy on its own.
 */
export function LedgerSection({
  businessId,
  empresa,
  view,
  canRefresh,
  refreshing = false,
}: {
  businessId: string;
  empresa: { razonSocial: string; cuit: string };
  view: CuentaCorrienteView;
  canRefresh: boolean;
  refreshing?: boolean;
}) {
  const today = todayIso();
  if (refreshing)
    return (
      <LedgerContent
        businessId={businessId}
        today={today}
        empresa={empresa}
        view={view}
        canRefresh={canRefresh}
        refreshing
      />
    );
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.cuentaCorriente(businessId, view.cliente.cuit), view);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <LedgerView
        businessId={businessId}
        cuit={view.cliente.cuit}
        today={today}
        empresa={empresa}
        canRefresh={canRefresh}
        refreshing={false}
      />
    </HydrationBoundary>
  );
}
