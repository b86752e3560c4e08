import { dehydrate } from "@tanstack/react-query";
import type { ConsumoView } from "@/lib/consumo/view";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { ConsumoContent } from "./consumo-panel";
import { ConsumoLive } from "./consumo-live";

/**
 * The consumo panel with its view handed to the client's query cache; or, while the server
 * is still refreshing it (a Suspense fallback), the stored copy on its own.
 */
export function ConsumoSection({
  businessId,
  view,
  canRefresh,
  refreshing = false,
}: {
  businessId: string;
  view: ConsumoView;
  canRefresh: boolean;
  refreshing?: boolean;
}) {
  if (refreshing)
    return (
      <ConsumoContent businessId={businessId} view={view} canRefresh={canRefresh} refreshing />
    );
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.consumo(businessId), view);
  return (
    <ConsumoLive businessId={businessId} canRefresh={canRefresh} state={dehydrate(queryClient)} />
  );
}
