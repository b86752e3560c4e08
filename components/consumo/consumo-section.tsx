import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { ConsumoView } from "@/lib/consumo/view";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { ConsumoPanel } from "./consumo-panel";

/** The consumo panel with its view handed to the client's query cache. */
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
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.consumo(businessId), view);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ConsumoPanel businessId={businessId} canRefresh={canRefresh} refreshing={refreshing} />
    </HydrationBoundary>
  );
}
