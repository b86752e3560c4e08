"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { RefreshControl } from "@/components/snapshots/refresh-control";
import { isCupoLow, LOW_CUPO_PERCENT } from "@/lib/consumo/low-cupo";
import type { ConsumoView } from "@/lib/consumo/view";
import { formatDateTime, formatInteger } from "@/lib/format";
import { ConsumoGauge } from "./consumo-gauge";
import { FetchedAt } from "./fetched-at";

/**
 * The consumo as shown. Rendered on its own (without the query cache) while the server is
 * still asking TusFacturas, so the stored copy and the refreshed one never share a cache
 * entry during hydration.
 */
export function ConsumoContent({
  businessId,
  view,
  canRefresh,
  refreshing,
  busy: refreshPending = false,
  refreshFailure,
  onRefresh,
}: {
  businessId: string;
  view: ConsumoView;
  canRefresh: boolean;
  /** The server is asking TusFacturas for newer figures; these are the stored ones. */
  refreshing: boolean;
  busy?: boolean;
  refreshFailure?: string;
  onRefresh?: () => void;
}) {
  if (view.credentials.status === "missing") {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="text-lg font-semibold">Esta empresa no tiene credenciales de TusFacturas</h2>
        <p className="mt-2 text-sm text-slate-600">Cargalas para ver el consumo del plan.</p>
        <Link
          href={`/empresas/${businessId}/credenciales`}
          className="mt-4 inline-block font-medium text-brand-700 underline"
        >
          Cargar credenciales
        </Link>
      </div>
    );
  }

  // An unverified set already explains itself; its failed verification is not repeated.
  const storedFailure =
    view.credentials.status === "verified" ? view.lastError?.message : undefined;
  const failure = refreshFailure ?? storedFailure;
  const busy = refreshPending || refreshing || !onRefresh;
  const snapshot = view.snapshot;
  const low = snapshot
    ? isCupoLow({ cupo: snapshot.comprobantesCupo, disponibles: snapshot.comprobantesDisponibles })
    : false;

  return (
    <section aria-labelledby="consumo-title" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="consumo-title" className="text-lg font-semibold">
            Consumo del plan
          </h2>
          {snapshot ? <FetchedAt iso={snapshot.fetchedAt} /> : null}
          {refreshing ? (
            <p role="status" className="mt-1 text-sm text-slate-600">
              Consultando TusFacturas por datos más recientes…
            </p>
          ) : null}
        </div>
        <RefreshControl canRefresh={canRefresh} busy={busy} onRefresh={onRefresh} />
      </div>

      {view.credentials.status === "unverified" ? (
        <Alert tone="warning" title="Credenciales sin verificar">
          {view.credentials.detail ?? "Todavía no se pudieron verificar."}{" "}
          <Link href={`/empresas/${businessId}/credenciales`} className="underline">
            Revisar credenciales
          </Link>
        </Alert>
      ) : null}

      {failure ? (
        <Alert tone="error" title="No se pudo actualizar el consumo">
          {failure}
          {snapshot ? (
            <>
              {" "}
              Se muestran los últimos datos obtenidos (
              {formatDateTime(new Date(snapshot.fetchedAt))}).
            </>
          ) : null}
        </Alert>
      ) : null}

      {snapshot ? (
        <>
          {low ? (
            <Alert tone="warning" title="Queda poco cupo">
              Te quedan {formatInteger(snapshot.comprobantesDisponibles)} comprobantes disponibles:
              menos del {LOW_CUPO_PERCENT}% del cupo de {formatInteger(snapshot.comprobantesCupo)}.
            </Alert>
          ) : null}
          <div className="grid items-center gap-6 md:grid-cols-[280px_1fr]">
            <ConsumoGauge
              generados={snapshot.comprobantesGenerados}
              cupo={snapshot.comprobantesCupo}
              low={low}
            />
            <dl className="grid grid-cols-2 gap-4">
              <Figure label="Comprobantes generados" value={snapshot.comprobantesGenerados} />
              <Figure label="Cupo del plan" value={snapshot.comprobantesCupo} />
              <Figure label="Disponibles" value={snapshot.comprobantesDisponibles} />
              <Figure label="Abonos pendientes" value={snapshot.abonosPendientes} />
            </dl>
          </div>
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Todavía no hay datos de consumo de esta empresa.
        </p>
      )}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatInteger(value)}</dd>
    </div>
  );
}
