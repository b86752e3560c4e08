import type { Metadata } from "next";
import Link from "next/link";
import { IvaHistory } from "@/components/iva/iva-history";
import { IvaRequestForm } from "@/components/iva/iva-request-form";
import { requireBusiness } from "@/lib/auth/access";
import { getIvaService } from "@/lib/iva";
import { parsePeriodParam, previousPeriod, selectableYears } from "@/lib/iva/period";

export const metadata: Metadata = { title: "IVA compras-ventas" };

export default async function IvaPage({
  params,
  searchParams,
}: {
  params: Promise<{ businessId: string }>;
  searchParams: Promise<{ periodo?: string }>;
}) {
  const { businessId } = await params;
  const { user, allowed } = await requireBusiness(businessId, "iva:request");
  const period = parsePeriodParam((await searchParams).periodo);
  const history = await (await getIvaService()).history(businessId, period ?? undefined);
  const now = new Date();
  const preselected = previousPeriod(now);
  return (
    <div className="space-y-8">
      <section aria-labelledby="solicitar-title" className="max-w-3xl space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="solicitar-title" className="text-lg font-semibold">
            Solicitar reporte de IVA compras-ventas
          </h2>
          <Link href="/iva" className="text-sm font-medium text-brand-700 underline">
            Solicitar para varias empresas
          </Link>
        </div>
        <p className="text-sm text-slate-600">
          TusFacturas arma el reporte del mes y lo envía por email. Cada solicitud usa 1 request del
          plan y Tablero nunca la repite sola.
        </p>
        <IvaRequestForm
          businessId={businessId}
          defaults={{
            mes: String(preselected.mes),
            anio: String(preselected.anio),
            email: user.email,
          }}
          years={selectableYears(now)}
          disabledReason={
            allowed ? null : "Tu rol en esta empresa no permite solicitar reportes de IVA."
          }
        />
      </section>
      <IvaHistory path={`/empresas/${businessId}/iva`} requests={history} period={period} />
    </div>
  );
}
