import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/cuenta-corriente/print-button";
import { ResumenDeCuenta } from "@/components/cuenta-corriente/resumen-de-cuenta";
import { ActionFailure } from "@/lib/actions/errors";
import { requireBusiness } from "@/lib/auth/access";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";
import { parseLedgerFilters } from "@/lib/cuenta-corriente/filters";

export const metadata: Metadata = { title: "Resumen de cuenta" };

/** The printable resumen de cuenta, from the stored ledger (never an upstream call). */
export default async function ResumenPage({
  params,
  searchParams,
}: {
  params: Promise<{ businessId: string; cuit: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { businessId, cuit } = await params;
  const { business } = await requireBusiness(businessId, "business:read");
  if (!/^\d{11}$/.test(cuit)) notFound();
  const service = await getCuentaCorrienteService();
  const { view } = await service.peek(businessId, cuit).catch((error: unknown) => {
    if (error instanceof ActionFailure && error.code === "not_found") notFound();
    throw error;
  });
  const movimientos = view.snapshot
    ? await service.movimientos(businessId, cuit, view.snapshot.id)
    : null;
  const filters = parseLedgerFilters(await searchParams);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between print:hidden">
        <p className="text-sm text-slate-600">Vista para imprimir o guardar como PDF.</p>
        <PrintButton />
      </div>
      <ResumenDeCuenta
        empresa={{ razonSocial: business.razonSocial, cuit: business.cuit }}
        view={view}
        movimientos={movimientos}
        filters={filters}
      />
    </div>
  );
}
