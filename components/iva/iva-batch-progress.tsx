"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import { Alert } from "@/components/ui/alert";
import type { IvaRequestStatus } from "@/lib/db/schema";
import { getJson } from "@/lib/api/client";
import { ivaBatchPath } from "@/lib/api/paths";
import { formatPeriod } from "@/lib/iva/period";
import type { IvaBatchView } from "@/lib/iva/service";
import { queryKeys } from "@/lib/query-keys";
import { formatDateTime } from "@/lib/format";
import { IvaStatus } from "./iva-status";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
  RowHeader,
} from "@/components/ui/data-table";

const summaryParts: [IvaRequestStatus, string, string][] = [
  ["sent", "enviada", "enviadas"],
  ["rejected", "rechazada", "rechazadas"],
  ["failed", "fallida", "fallidas"],
  ["unconfirmed", "sin confirmar", "sin confirmar"],
  ["skipped", "omitida", "omitidas"],
  ["cancelled", "no enviada", "no enviadas"],
];

/** "Terminado: 2 enviadas, 1 rechazada, 1 omitida." */
export function batchSummary(items: readonly { status: IvaRequestStatus }[]): string {
  const parts = summaryParts.flatMap(([status, one, many]) => {
    const n = items.filter((item) => item.status === status).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
  return `Terminado: ${parts.join(", ")}.`;
}

/**
 * A run's progress per business, read from Tablero (never from TusFacturas) every second
 * until every request has an outcome. Leaving and coming back shows the same run.
 */
export function IvaBatchProgress({ initial }: { initial: IvaBatchView }) {
  const query = useQuery({
    queryKey: queryKeys.ivaBatch(initial.id),
    queryFn: ({ signal }) => getJson<IvaBatchView>(ivaBatchPath(initial.id), signal),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.finished ? false : 1000),
  });
  const batch = query.data;
  const done = batch.items.filter((i) => i.status !== "queued" && i.status !== "pending").length;
  return (
    <section aria-labelledby="lote-title" className="space-y-3">
      <div>
        <h2 id="lote-title" className="text-lg font-semibold">
          Reporte de {formatPeriod(batch)} para {batch.email}
        </h2>
        <p className="text-sm text-slate-600">
          Pedido el {formatDateTime(new Date(batch.createdAt))}.
        </p>
      </div>
      <div aria-live="polite">
        {batch.finished ? (
          <Alert tone="info">{batchSummary(batch.items)}</Alert>
        ) : (
          <p className="text-sm text-slate-700">
            Enviando de a una: {done} de {batch.items.length} procesadas. Podés salir de esta
            página; el resultado queda guardado.
          </p>
        )}
      </div>
      {query.isError ? (
        <Alert tone="error">
          No pudimos leer el progreso: {query.error.message} Lo intentamos de nuevo en un momento.
        </Alert>
      ) : null}
      <DataTable caption="Resultado por empresa">
        <DataTableHead>
          <ColumnHeader>Empresa</ColumnHeader>
          <ColumnHeader>Estado</ColumnHeader>
        </DataTableHead>
        <DataTableBody>
          {batch.items.map((item) => (
            <tr key={item.id} className="align-top" data-testid="lote-empresa">
              <RowHeader className="font-medium">{item.razonSocial}</RowHeader>
              <DataCell>
                <IvaStatus status={item.status} messages={item.messages} />
              </DataCell>
            </tr>
          ))}
        </DataTableBody>
      </DataTable>
    </section>
  );
}

/** The progress with its query cache: what the page loads lazily (see iva-batch-live.tsx). */
export function IvaBatchProgressPanel({ initial }: { initial: IvaBatchView }) {
  return (
    <QueryProvider>
      <IvaBatchProgress initial={initial} />
    </QueryProvider>
  );
}
