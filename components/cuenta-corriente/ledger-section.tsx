import { dehydrate } from "@tanstack/react-query";
import type { LedgerFirstScreen } from "@/lib/cuenta-corriente/screen";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { LedgerLive } from "./ledger-live";

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
  const shared = { businessId, today, empresa, view, firstScreen, canRefresh };
  if (refreshing) return <LedgerLive {...shared} refreshing state={null} />;
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.cuentaCorriente(businessId, view.cliente.cuit), view);
  return <LedgerLive {...shared} refreshing={false} state={dehydrate(queryClient)} />;
}
