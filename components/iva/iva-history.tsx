import Link from "next/link";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
} from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { formatPeriod, periodCode, type Period } from "@/lib/iva/period";
import type { IvaRequestView } from "@/lib/iva/service";
import { IvaStatus } from "./iva-status";
import { RefreshWhilePending } from "./refresh-while-pending";

/** Every IVA report request of the business, newest first, filterable by period (`?periodo=`). */
export function IvaHistory({
  path,
  requests,
  period,
}: {
  path: string;
  requests: readonly IvaRequestView[];
  period: Period | null;
}) {
  const periodValue = period ? `${period.anio}-${String(period.mes).padStart(2, "0")}` : "";
  return (
    <section aria-labelledby="historial-title" className="space-y-3">
      <RefreshWhilePending
        active={requests.some((r) => r.status === "pending" || r.status === "queued")}
      />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="historial-title" className="text-lg font-semibold">
          Historial
        </h2>
        {/* A plain GET form: filtering is a new page load, with or without JavaScript. */}
        <form action={path} method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="historial-periodo" className="block text-sm font-medium text-slate-800">
              Período
            </label>
            <input
              id="historial-periodo"
              name="periodo"
              type="month"
              min="2000-01"
              defaultValue={periodValue}
              className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            />
          </div>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Filtrar
          </button>
          {period ? (
            <Link href={path} className="px-2 py-2 text-sm font-medium text-brand-700 underline">
              Ver todas
            </Link>
          ) : null}
        </form>
      </div>
      {requests.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {period
            ? `No hay solicitudes del período ${formatPeriod(period)}.`
            : "Todavía no se pidió ningún reporte de esta empresa."}
        </p>
      ) : (
        <DataTable
          caption={
            <>
              Solicitudes de reportes de IVA compras-ventas
              {period ? ` del período ${formatPeriod(period)}` : ""}
            </>
          }
        >
          <DataTableHead>
            <ColumnHeader>Solicitado</ColumnHeader>
            <ColumnHeader>Período</ColumnHeader>
            <ColumnHeader>Email</ColumnHeader>
            <ColumnHeader>Pedido por</ColumnHeader>
            <ColumnHeader>Estado</ColumnHeader>
          </DataTableHead>
          <DataTableBody>
            {requests.map((request) => (
              <tr key={request.id} className="align-top">
                <DataCell className="tabular-nums whitespace-nowrap">
                  {formatDateTime(new Date(request.requestedAt))}
                </DataCell>
                <DataCell className="tabular-nums">{periodCode(request)}</DataCell>
                <DataCell className="break-all">{request.email}</DataCell>
                <DataCell>{request.requestedBy ?? "Usuario eliminado"}</DataCell>
                <DataCell>
                  <IvaStatus status={request.status} messages={request.messages} />
                </DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      )}
    </section>
  );
}
