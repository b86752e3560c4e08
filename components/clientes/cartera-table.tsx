import Link from "next/link";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
} from "@/components/ui/data-table";
import { formatCuit } from "@/lib/cuit";
import type { CarteraRow } from "@/lib/cuenta-corriente/view";
import { formatCentavos, formatDate, formatInteger } from "@/lib/format";
import { ClientRowActions } from "./client-row-actions";

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/** The cartera: clients most owed first, from stored ledgers only. */
export function CarteraTable({
  businessId,
  rows,
  canManage,
  filtered,
}: {
  businessId: string;
  rows: CarteraRow[];
  canManage: boolean;
  filtered: boolean;
}) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        {filtered
          ? "Ningún cliente coincide con la búsqueda."
          : "Todavía no hay clientes en la cartera. Agregá uno con su CUIT para ver su cuenta corriente."}
      </p>
    );
  }
  return (
    <DataTable caption="Cartera de clientes, ordenada por saldo adeudado" inset="wide">
      <DataTableHead>
        <ColumnHeader>Cliente</ColumnHeader>
        <ColumnHeader>CUIT</ColumnHeader>
        <ColumnHeader align="end">Saldo</ColumnHeader>
        <ColumnHeader align="end">Impago</ColumnHeader>
        <ColumnHeader align="end">Vencido</ColumnHeader>
        <ColumnHeader>Impago más antiguo</ColumnHeader>
        <ColumnHeader>Datos del</ColumnHeader>
        {canManage ? (
          <ColumnHeader>
            <span className="sr-only">Acciones</span>
          </ColumnHeader>
        ) : null}
      </DataTableHead>
      <DataTableBody>
        {rows.map((row) => (
          <tr key={row.id}>
            <DataCell>
              <Link
                href={`/empresas/${businessId}/clientes/${row.cuit}`}
                prefetch={false}
                className="font-medium text-brand-700 underline"
              >
                {row.nombre}
              </Link>
            </DataCell>
            <DataCell className="tabular-nums">{formatCuit(row.cuit)}</DataCell>
            {row.ledger ? (
              <>
                <DataCell className="text-right tabular-nums">
                  {formatCentavos(row.ledger.saldoCentavos)}
                </DataCell>
                <DataCell className="text-right tabular-nums">
                  {formatCentavos(row.ledger.restaAbonarCentavos)}
                </DataCell>
                <DataCell className="text-right tabular-nums">
                  {row.ledger.vencidoCentavos === null
                    ? "—"
                    : formatCentavos(row.ledger.vencidoCentavos)}
                </DataCell>
                <DataCell className="tabular-nums">
                  {row.ledger.oldestUnpaidFecha ? dmy(row.ledger.oldestUnpaidFecha) : "—"}
                </DataCell>
                <DataCell className="text-slate-600">
                  {formatDate(new Date(row.ledger.fetchedAt))} ·{" "}
                  {formatInteger(row.ledger.movimientos)} mov.
                </DataCell>
              </>
            ) : (
              <DataCell colSpan={5} className="text-slate-600">
                Sin cuenta corriente consultada
              </DataCell>
            )}
            {canManage ? (
              <DataCell>
                <ClientRowActions businessId={businessId} client={row} />
              </DataCell>
            ) : null}
          </tr>
        ))}
      </DataTableBody>
    </DataTable>
  );
}
