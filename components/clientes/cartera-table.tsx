import Link from "next/link";
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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Cartera de clientes, ordenada por saldo adeudado</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Cliente
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              CUIT
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Saldo
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Impago
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Impago más antiguo
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Datos del
            </th>
            {canManage ? (
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Acciones</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-2">
                <Link
                  href={`/empresas/${businessId}/clientes/${row.cuit}`}
                  prefetch={false}
                  className="font-medium text-brand-700 underline"
                >
                  {row.nombre}
                </Link>
              </td>
              <td className="px-4 py-2 tabular-nums">{formatCuit(row.cuit)}</td>
              {row.ledger ? (
                <>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatCentavos(row.ledger.saldoCentavos)}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatCentavos(row.ledger.restaAbonarCentavos)}
                  </td>
                  <td className="px-4 py-2 tabular-nums">
                    {row.ledger.oldestUnpaidFecha ? dmy(row.ledger.oldestUnpaidFecha) : "—"}
                  </td>
                  <td className="px-4 py-2 text-slate-600">
                    {formatDate(new Date(row.ledger.fetchedAt))} ·{" "}
                    {formatInteger(row.ledger.movimientos)} mov.
                  </td>
                </>
              ) : (
                <td colSpan={4} className="px-4 py-2 text-slate-600">
                  Sin cuenta corriente consultada
                </td>
              )}
              {canManage ? (
                <td className="px-4 py-2">
                  <ClientRowActions businessId={businessId} client={row} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
