"use client";

import type { LedgerRow } from "@/lib/cuenta-corriente/ledger";
import type { SaldoPoint } from "@/lib/cuenta-corriente/series";
import { formatCentavos } from "@/lib/format";
import { SaldoPlot } from "./lazy-plots";

/**
 * The running saldo over time, from an already downsampled series. `rows` (the rows the series
 * was built from) name each point's comprobante in the tooltip once they have arrived.
 */
export function SaldoChart({ points, rows }: { points: SaldoPoint[]; rows?: LedgerRow[] }) {
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
        <SaldoPlot points={points} rows={rows} />
      </div>
    </figure>
  );
}
