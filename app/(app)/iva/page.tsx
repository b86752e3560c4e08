import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IvaBatchForm } from "@/components/iva/iva-batch-form";
import { IvaBatchLive } from "@/components/iva/iva-batch-live";
import { requireUser } from "@/lib/auth/session";
import { getIvaService } from "@/lib/iva";
import { previousPeriod, selectableYears } from "@/lib/iva/period";

export const metadata: Metadata = { title: "IVA compras-ventas de varias empresas" };

export default async function IvaBatchPage({
  searchParams,
}: {
  searchParams: Promise<{ lote?: string }>;
}) {
  const user = await requireUser();
  const service = await getIvaService();
  const { lote } = await searchParams;
  const [options, batchId] = await Promise.all([
    service.businessOptions(user.id),
    lote ? Promise.resolve(lote) : service.latestBatchId(user.id),
  ]);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const batch = batchId && uuid.test(batchId) ? await service.batch(user.id, batchId) : null;
  if (lote && !batch) notFound();
  const now = new Date();
  const preselected = previousPeriod(now);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">IVA compras-ventas de varias empresas</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Pedí el reporte del mismo período para varias empresas a la vez. TusFacturas envía cada
          uno por email; las solicitudes salen de a una y cada una usa 1 request del plan de su
          empresa.
        </p>
      </div>
      {batch ? <IvaBatchLive key={batch.id} initial={batch} /> : null}
      {options.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          <p>Todavía no tenés empresas.</p>
          <Link href="/empresas/nueva" className="mt-2 inline-block font-medium text-brand-700">
            Agregar empresa
          </Link>
        </div>
      ) : (
        <section aria-labelledby="nueva-solicitud-title" className="max-w-3xl space-y-3">
          <h2 id="nueva-solicitud-title" className="text-lg font-semibold">
            {batch ? "Nueva solicitud" : "Solicitar para varias empresas"}
          </h2>
          <IvaBatchForm
            options={options}
            defaults={{
              mes: String(preselected.mes),
              anio: String(preselected.anio),
              email: user.email,
            }}
            years={selectableYears(now)}
          />
        </section>
      )}
    </div>
  );
}
