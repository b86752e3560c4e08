"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import { Alert } from "@/components/ui/alert";
import { refreshFailure } from "@/components/snapshots/refresh-control";
import { useSnapshot } from "@/components/snapshots/use-snapshot";
import { consumoPath } from "@/lib/api/paths";
import { refreshConsumo } from "@/lib/consumo/actions";
import type { ConsumoView } from "@/lib/consumo/view";
import { queryKeys } from "@/lib/query-keys";
import { ConsumoContent } from "./consumo-panel";

/** Loaded by consumo-live.tsx: the panel inside the query cache, seeded with `state`. */
export function ConsumoLivePanel({
  businessId,
  canRefresh,
  state,
}: {
  businessId: string;
  canRefresh: boolean;
  state: DehydratedState;
}) {
  return (
    <QueryProvider>
      <HydrationBoundary state={state}>
        <ConsumoPanel businessId={businessId} canRefresh={canRefresh} />
      </HydrationBoundary>
    </QueryProvider>
  );
}

/** The consumo from the query cache, with its «Actualizar». */
function ConsumoPanel({ businessId, canRefresh }: { businessId: string; canRefresh: boolean }) {
  const { query, refresh } = useSnapshot<ConsumoView>({
    queryKey: queryKeys.consumo(businessId),
    path: consumoPath(businessId),
    refresh: () => refreshConsumo({ businessId }),
  });

  const view = query.data;
  if (!view) {
    return <Alert tone="error">{query.error?.message ?? "No pudimos cargar el consumo."}</Alert>;
  }
  return (
    <ConsumoContent
      businessId={businessId}
      view={view}
      canRefresh={canRefresh}
      refreshing={false}
      busy={refresh.isPending}
      refreshFailure={refreshFailure(refresh)}
      onRefresh={() => refresh.mutate()}
    />
  );
}
