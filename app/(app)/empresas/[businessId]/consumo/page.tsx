import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ConsumoPanel } from "@/components/consumo/consumo-panel";
import { requireBusiness } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { getConsumoService } from "@/lib/consumo";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";

export const metadata: Metadata = { title: "Consumo" };

export default async function ConsumoPage({ params }: { params: Promise<{ businessId: string }> }) {
  const { businessId } = await params;
  const { user, role } = await requireBusiness(businessId, "business:read");
  const view = await (await getConsumoService()).load(businessId, user.id);
  const queryClient = makeQueryClient();
  queryClient.setQueryData(queryKeys.consumo(businessId), view);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ConsumoPanel businessId={businessId} canRefresh={can(role, "consumo:refresh")} />
    </HydrationBoundary>
  );
}
