"use client";

import { memo } from "react";
import type { SaldoPoint } from "@/lib/cuenta-corriente/series";
import { formatCentavos } from "@/lib/format";
import { SaldoPlot } from "./saldo-plot";

/**
 * The running saldo over time, from an already downsampled series, in the page's HTML. The
 * tooltip names each point's comprobante from `SaldoRows` once the rows have arrived. Drawn
 * again only when the series changes.
 */
export const SaldoChart = memo(function SaldoChart({ points }: { points: SaldoPoint[] }) {
  const last = points.at(-1);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium">
        Saldo a lo largo del tiempo
        <span className="sr-only">
          {last ? `: saldo final ${formatCentavos(last.saldoCentavos)}` : ""}
        </span>
      </figcaption>
      <div className="h-64" aria-hidden="true">
        <SaldoPlot points={points} />
      </div>
    </figure>
  );
});
