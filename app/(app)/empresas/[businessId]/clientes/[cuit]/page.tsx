import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LedgerSection } from "@/components/cuenta-corriente/ledger-section";
import { ActionFailure } from "@/lib/actions/errors";
import { requireBusiness } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";
import { parseLedgerFilters, type LedgerFilters } from "@/lib/cuenta-corriente/filters";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { todayIso } from "@/lib/format";

export const metadata: Metadata = { title: "Cuenta corriente" };

type Props = {
  params: Promise<{ businessId: string; cuit: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The view with its stored copy's first screen: figures and first rows, not the movements. */
async function withFirstScreen(
  businessId: string,
  view: CuentaCorrienteView,
  filters: LedgerFilters,
  today: string,
) {
  const service = await getCuentaCorrienteService();
  const firstScreen = view.snapshot
    ? await service.firstScreen(
        businessId,
        view.cliente.cuit,
        view.snapshot.id,
        filters,
        today,
        view.vencimientos.byKey,
      )
    : null;
  return { view, firstScreen };
}

export default async function CuentaCorrientePage({ params, searchParams }: Props) {
  const { businessId, cuit } = await params;
  const { user, role, business } = await requireBusiness(businessId, "business:read");
  if (!/^\d{11}$/.test(cuit)) notFound();
  const filters = parseLedgerFilters(await searchParams);
  const today = todayIso();
  const service = await getCuentaCorrienteService();
  const peeked = await service.peek(businessId, cuit).catch((error: unknown) => {
    if (error instanceof ActionFailure && error.code === "not_found") notFound();
    throw error;
  });
  const props = {
    businessId,
    today,
    empresa: { razonSocial: business.razonSocial, cuit: business.cuit },
    canRefresh: can(role, "cuentaCorriente:refresh"),
  };
  const stored = await withFirstScreen(businessId, peeked.view, filters, today);
  // Lectura never spends the plan's requests, not even by visiting: it sees the stored copy.
  if (!peeked.refreshing || !props.canRefresh) return <LedgerSection {...props} {...stored} />;
  // A stale copy: show it at once and stream the refreshed one when TusFacturas answers.
  return (
    <Suspense fallback={<LedgerSection {...props} {...stored} refreshing />}>
      <FreshLedger {...props} cuit={cuit} userId={user.id} filters={filters} />
    </Suspense>
  );
}

async function FreshLedger({
  cuit,
  userId,
  filters,
  ...props
}: Omit<Parameters<typeof LedgerSection>[0], "view" | "firstScreen" | "refreshing"> & {
  cuit: string;
  userId: string;
  filters: LedgerFilters;
}) {
  const view = await (await getCuentaCorrienteService()).load(props.businessId, cuit, userId);
  return (
    <LedgerSection
      {...props}
      {...await withFirstScreen(props.businessId, view, filters, props.today)}
    />
  );
}
