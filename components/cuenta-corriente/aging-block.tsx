"use client";

import { memo } from "react";
import type { Aging } from "@/lib/cuenta-corriente/aging";
import { AgingPlot } from "./lazy-plots";
import { BucketTable } from "./bucket-table";

/**
 * What is still unpaid, by the age of each comprobante: a table and the same as a chart, drawn
 * again only when the aging changes.
 */
export const AgingBlock = memo(function AgingBlock({
  aging,
  filtered,
}: {
  aging: Aging;
  filtered: boolean;
}) {
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
        <BucketTable
          heading="Antigüedad"
          buckets={aging.buckets}
          total={{ label: "Total impago", centavos: aging.totalCentavos }}
        />
        <div className="h-40" aria-hidden="true">
          <AgingPlot buckets={aging.buckets} />
        </div>
      </div>
    </section>
  );
});
