import type { Metadata } from "next";
import { Suspense } from "react";
import { ConsumoHistorySection } from "@/components/consumo/consumo-history";
import { ConsumoSection } from "@/components/consumo/consumo-section";
import { requireBusiness } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { getConsumoService } from "@/lib/consumo";

export const metadata: Metadata = { title: "Consumo" };

export default async function ConsumoPage({ params }: { params: Promise<{ businessId: string }> }) {
  const { businessId } = await params;
  const { user, role } = await requireBusiness(businessId, "business:read");
  const canRefresh = can(role, "consumo:refresh");
  const service = await getConsumoService();
  const [{ view, refreshing }, history] = await Promise.all([
    service.peek(businessId),
    service.history(businessId),
  ]);
  // The stored snapshots only: a visit's refresh, if any, shows in the history next visit.
  const historySection = <ConsumoHistorySection history={history} now={new Date()} />;
  // Lectura never spends the plan's requests, not even by visiting: it sees the stored copy.
  if (!refreshing || !canRefresh)
    return (
      <>
        <ConsumoSection businessId={businessId} view={view} canRefresh={canRefresh} />
        {historySection}
      </>
    );
  // A stale snapshot: show the stored copy at once and stream the refreshed one when
  // TusFacturas answers (which may take a while, or fail).
  return (
    <>
      <Suspense
        fallback={
          <ConsumoSection businessId={businessId} view={view} canRefresh={canRefresh} refreshing />
        }
      >
        <FreshConsumo businessId={businessId} userId={user.id} canRefresh={canRefresh} />
      </Suspense>
      {historySection}
    </>
  );
}

async function FreshConsumo({
  businessId,
  userId,
  canRefresh,
}: {
  businessId: string;
  userId: string;
  canRefresh: boolean;
}) {
  const view = await (await getConsumoService()).load(businessId, userId);
  return <ConsumoSection businessId={businessId} view={view} canRefresh={canRefresh} />;
}
