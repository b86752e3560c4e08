import { dehydrate } from "@tanstack/react-query";
import { packFirstScreen, type LedgerFirstScreen } from "@/lib/cuenta-corriente/screen";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { LedgerLive } from "./ledger-live";
import type { LedgerLiveProps } from "./ledger-live-panel";

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
}: Omit<LedgerLiveProps, "state" | "refreshing" | "refreshFailure" | "firstScreen"> & {
  firstScreen: LedgerFirstScreen | null;
  refreshing?: boolean;
}) {
  const shared = {
    businessId,
    today,
    empresa,
    view,
    firstScreen: firstScreen && packFirstScreen(firstScreen),
    canRefresh,
  };
  if (refreshing) return <LedgerLive {...shared} refreshing state={null} />;
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.cuentaCorriente(businessId, view.cliente.cuit), view);
  return <LedgerLive {...shared} refreshing={false} state={dehydrate(queryClient)} />;
}
