import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import type { LedgerFirstScreen } from "@/lib/cuenta-corriente/screen";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { LedgerContent, LedgerView } from "./ledger-view";

/**
 * The ledger with its view handed to the client's query cache; or, while the server is still
 * refreshing it (a Suspense fallback), the stored copy on its own. Either way only the first
 * screen of the movements travels with the page; the browser fetches the rest.
 */
export function LedgerSection({
  businessId,
  today,
  empresa,
  view,
  firstScreen,
  canRefresh,
  refreshing = false,
}: {
  businessId: string;
  /** ISO date in Buenos Aires, decided by the server so both renders agree. */
  today: string;
  empresa: { razonSocial: string; cuit: string };
  view: CuentaCorrienteView;
  firstScreen: LedgerFirstScreen | null;
  canRefresh: boolean;
  refreshing?: boolean;
}) {
  const shared = { businessId, today, empresa, firstScreen, canRefresh };
  if (refreshing)
    return (
      <QueryProvider>
        <LedgerContent {...shared} view={view} refreshing />
      </QueryProvider>
    );
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.cuentaCorriente(businessId, view.cliente.cuit), view);
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <LedgerView {...shared} cuit={view.cliente.cuit} refreshing={false} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
