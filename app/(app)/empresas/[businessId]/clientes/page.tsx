import type { Metadata } from "next";
import { CarteraTable } from "@/components/clientes/cartera-table";
import { ClientSearch } from "@/components/clientes/client-search";
import { ImportClients } from "@/components/clientes/import-clients";
import { LazyClientImportPanel } from "@/components/clientes/tusfacturas-import/lazy-client-import-panel";
import { NewClient } from "@/components/clientes/new-client";
import { requireBusiness } from "@/lib/auth/access";
import { can, deniedReason } from "@/lib/auth/permissions";
import { getCuentaCorrienteService } from "@/lib/cuenta-corriente";
import { formatCentavos, formatInteger } from "@/lib/format";
import { defaultImportRange } from "@/lib/clientes/tusfacturas-import/range";
import { getRuntime } from "@/lib/runtime";
import { matchesNameOrCuit } from "@/lib/search-text";

export const metadata: Metadata = { title: "Clientes" };

export default async function ClientesPage({
  params,
  searchParams,
}: {
  params: Promise<{ businessId: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const { businessId } = await params;
  const q = ((await searchParams).q ?? "").trim().slice(0, 100);
  const { role } = await requireBusiness(businessId, "business:read");
  const cartera = await (await getCuentaCorrienteService()).cartera(businessId);
  const latestImport = await (await getRuntime()).clientImport.view(businessId);
  const shown = cartera.filter((row) => matchesNameOrCuit(q, { name: row.nombre, cuit: row.cuit }));
  const receivable = cartera.reduce(
    (sum, row) => sum + Math.max(row.ledger?.saldoCentavos ?? 0, 0),
    0,
  );
  const unpaid = cartera.reduce((sum, row) => sum + (row.ledger?.restaAbonarCentavos ?? 0), 0);
  const canManage = can(role, "clients:manage");
  return (
    <div className="space-y-6">
      <section aria-labelledby="cartera-title" className="grid gap-4 sm:grid-cols-3">
        <h2 id="cartera-title" className="sr-only">
          Cartera
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Total a cobrar</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="total-a-cobrar">
            {formatCentavos(receivable)}
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Comprobantes impagos</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums">{formatCentavos(unpaid)}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Clientes</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums">
            {formatInteger(cartera.length)}
          </p>
        </div>
        <p className="text-xs text-slate-600 sm:col-span-3">
          Según las últimas cuentas corrientes guardadas en Tablero (no consulta TusFacturas).
        </p>
      </section>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <ClientSearch initial={q} />
        {canManage ? (
          <div className="flex flex-wrap justify-end gap-2 has-[form]:w-full has-[section]:w-full">
            <ImportClients businessId={businessId} />
            <NewClient businessId={businessId} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            {deniedReason(role)} Podés ver la cartera, no cambiarla.
          </p>
        )}
      </div>
      <CarteraTable
        businessId={businessId}
        rows={shown}
        canManage={canManage}
        filtered={Boolean(q)}
      />
      <section
        aria-labelledby="importar-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="importar-title" className="text-lg font-semibold">
          Importar clientes desde TusFacturas
        </h2>
        <LazyClientImportPanel
          businessId={businessId}
          initial={latestImport}
          canManage={canManage}
          deniedReason={`${deniedReason(role)} Podés ver la última búsqueda, no empezar otra.`}
          defaults={defaultImportRange(new Date())}
        />
      </section>
    </div>
  );
}
