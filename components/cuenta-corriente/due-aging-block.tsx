"use client";

import { formatInteger } from "@/lib/format";
import type { DueAging } from "@/lib/vencimientos/aging";
import { BucketTable } from "./bucket-table";

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
      <BucketTable
        heading="Vencimiento"
        caption="Impago por días de vencido"
        buckets={aging.buckets}
        total={{ label: "Total vencido", centavos: aging.vencidoCentavos }}
        className="mt-3 w-full max-w-xl text-sm"
      />
    </section>
  );
}
