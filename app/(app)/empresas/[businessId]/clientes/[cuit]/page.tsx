import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LedgerSection } from "@/components/cuenta-corriente/ledger-section";
import { ActionFailure } from "@/lib/actions/errors";
import { requireBusiness } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";

export const metadata: Metadata = { title: "Cuenta corriente" };

type Props = { params: Promise<{ businessId: string; cuit: string }> };

export default async function CuentaCorrientePage({ params }: Props) {
  const { businessId, cuit } = await params;
  const { user, role, business } = await requireBusiness(businessId, "business:read");
  if (!/^\d{11}$/.test(cuit)) notFound();
  const service = await getCuentaCorrienteService();
  const peeked = await service.peek(businessId, cuit).catch((error: unknown) => {
    if (error instanceof ActionFailure && error.code === "not_found") notFound();
    throw error;
  });
  const props = {
    businessId,
    empresa: { razonSocial: business.razonSocial, cuit: business.cuit },
    canRefresh: can(role, "cuentaCorriente:refresh"),
  };
  if (!peeked.refreshing) return <LedgerSection {...props} view={peeked.view} />;
  // A stale copy: show it at once and stream the refreshed one when TusFacturas answers.
  return (
    <Suspense fallback={<LedgerSection {...props} view={peeked.view} refreshing />}>
      <FreshLedger {...props} cuit={cuit} userId={user.id} />
    </Suspense>
  );
}

async function FreshLedger({
  cuit,
  userId,
  ...props
}: Omit<Parameters<typeof LedgerSection>[0], "view" | "refreshing"> & {
  cuit: string;
  userId: string;
}) {
  const view = await (await getCuentaCorrienteService()).load(props.businessId, cuit, userId);
  return <LedgerSection {...props} view={view} />;
}
