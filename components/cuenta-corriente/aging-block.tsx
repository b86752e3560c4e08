"use client";

import type { Aging } from "@/lib/cuenta-corriente/aging";
import { formatCentavos, formatInteger } from "@/lib/format";
import { AgingPlot } from "./lazy-plots";

/** What is still unpaid, by the age of each comprobante: a table and the same as a chart. */
export function AgingBlock({ aging, filtered }: { aging: Aging; filtered: boolean }) {
  return (
    <section
      aria-labelledby="aging-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="aging-title" className="text-sm font-medium">
        Antigüedad de lo impago
      </h3>
      <p className="text-xs text-slate-600">
        Por la fecha de cada comprobante (TusFacturas no informa vencimientos)
        {filtered ? ", solo de los movimientos filtrados" : ""}.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <table className="text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Antigüedad
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
                <td className="py-1 text-right tabular-nums">
                  {formatInteger(bucket.comprobantes)}
                </td>
                <td className="py-1 text-right tabular-nums">{formatCentavos(bucket.centavos)}</td>
              </tr>
            ))}
            <tr className="border-t border-slate-300 font-semibold">
              <th scope="row" className="py-1 text-left">
                Total impago
              </th>
              <td />
              <td className="py-1 text-right tabular-nums">
                {formatCentavos(aging.totalCentavos)}
              </td>
            </tr>
          </tbody>
        </table>
        <div className="h-40" aria-hidden="true">
          <AgingPlot buckets={aging.buckets} />
        </div>
      </div>
    </section>
  );
}
