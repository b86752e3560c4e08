"use client";

import { formatCentavos, formatInteger } from "@/lib/format";
import type { DueAging } from "@/lib/vencimientos/aging";

/**
 * What is still unpaid by days past its due date, as TusFacturas gave it, saying how many
 * comprobantes had none (those age from their issue date) and whether lookups are still running.
 */
export function DueAgingBlock({
  aging,
  pending,
  filtered,
}: {
  aging: DueAging;
  /** Unpaid comprobantes whose due date is still being looked up. */
  pending: number;
  filtered: boolean;
}) {
  return (
    <section
      aria-labelledby="due-aging-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="due-aging-title" className="text-sm font-medium">
        Vencimientos de lo impago
      </h3>
      <p className="text-xs text-slate-600">
        Por la fecha de vencimiento de cada comprobante en TusFacturas
        {filtered ? ", solo de los movimientos filtrados" : ""}.
      </p>
      {pending > 0 ? (
        <p role="status" className="mt-1 text-xs text-slate-600">
          Consultando en TusFacturas los vencimientos de lo impago (sin costo para el plan)…
        </p>
      ) : null}
      {aging.sinVencimiento > 0 ? (
        <p className="mt-1 text-xs text-amber-800">
          {aging.sinVencimiento === 1
            ? "1 comprobante sin fecha de vencimiento: se usa su fecha de emisión."
            : `${formatInteger(aging.sinVencimiento)} comprobantes sin fecha de vencimiento: se usa la fecha de emisión.`}
        </p>
      ) : null}
      <table className="mt-3 w-full max-w-xl text-sm">
        <caption className="sr-only">Impago por días de vencido</caption>
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 font-medium">
              Vencimiento
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Comprobantes
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Importe
            </th>
          </tr>
        </thead>
        <tbody>
          {aging.buckets.map((bucket) => (
            <tr key={bucket.key} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">
                {bucket.label}
              </th>
              <td className="py-1 text-right tabular-nums">{formatInteger(bucket.comprobantes)}</td>
              <td className="py-1 text-right tabular-nums">{formatCentavos(bucket.centavos)}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-semibold">
            <th scope="row" className="py-1 text-left">
              Total vencido
            </th>
            <td />
            <td className="py-1 text-right tabular-nums">
              {formatCentavos(aging.vencidoCentavos)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
