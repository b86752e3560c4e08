"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { LedgerRow } from "@/lib/cuenta-corriente/ledger";
import { formatCentavos } from "@/lib/format";
import { estadoLabel, venceLabel } from "@/lib/vencimientos/labels";
import { vencimientoOf, type VencimientosByKey } from "@/lib/vencimientos/refs";

const ROW_HEIGHT = 40;
const dmy = (iso: string) => iso.split("-").reverse().join("/");

/**
 * The movements. Only the rows in view are in the DOM (a long-standing client can have tens
 * of thousands); spacer rows keep the scroll height and a real <table> for screen readers.
 * `count` rows are shown; only the first `rows.length` may have arrived yet (the page brings
 * the first screen), the others say they are loading.
 */
export function LedgerTable({
  rows,
  count,
  orden,
  onToggleOrden,
  vencimientos,
}: {
  rows: LedgerRow[];
  /** Stored due dates and payment status (lib/vencimientos), by comprobante. */
  vencimientos: VencimientosByKey;
  count: number;
  orden: "asc" | "desc";
  onToggleOrden: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Tablero does not use the React Compiler; the virtualizer re-renders this table on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 560 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2">
        <h3 className="text-sm font-medium">Movimientos</h3>
        <button
          type="button"
          onClick={onToggleOrden}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
        >
          {orden === "asc" ? "Ver más recientes primero" : "Ver más antiguos primero"}
        </button>
      </div>
      <div
        ref={scroller}
        className="max-h-[560px] overflow-auto"
        tabIndex={0}
        aria-label="Movimientos, con desplazamiento"
      >
        <table
          className="min-w-full text-sm"
          aria-rowcount={count + 1}
          aria-busy={rows.length < count}
        >
          <thead className="sticky top-0 bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Fecha
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Comprobante
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Debe
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Haber
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Resta abonar
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Saldo
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Vence
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Estado
              </th>
            </tr>
          </thead>
          <tbody>
            {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row)
                return (
                  <tr
                    key={`cargando-${item.index}`}
                    aria-rowindex={item.index + 2}
                    style={{ height: ROW_HEIGHT }}
                    className="border-t border-slate-100"
                  >
                    <td colSpan={8} className="px-3 text-slate-600">
                      Cargando movimientos…
                    </td>
                  </tr>
                );
              const vencimiento = vencimientoOf(row.comprobante, vencimientos);
              return (
                <tr
                  key={`${row.orden}`}
                  aria-rowindex={item.index + 2}
                  style={{ height: ROW_HEIGHT }}
                  className={`border-t border-slate-100 ${row.saldoDifiere ? "bg-amber-50" : ""}`}
                >
                  <td className="whitespace-nowrap px-3 tabular-nums">{dmy(row.fecha)}</td>
                  <td className="max-w-xs truncate whitespace-nowrap px-3" title={row.concepto}>
                    {row.comprobante?.label ?? row.concepto}
                  </td>
                  <td className="px-3 text-right tabular-nums">
                    {row.debeCentavos ? formatCentavos(row.debeCentavos) : ""}
                  </td>
                  <td className="px-3 text-right tabular-nums">
                    {row.haberCentavos ? formatCentavos(row.haberCentavos) : ""}
                  </td>
                  <td className="px-3 text-right tabular-nums">
                    {row.restaAbonarCentavos ? formatCentavos(row.restaAbonarCentavos) : ""}
                  </td>
                  <td className="whitespace-nowrap px-3 text-right tabular-nums">
                    {formatCentavos(row.saldoCentavos)}
                    {row.saldoDifiere ? (
                      <span className="ml-1 text-xs text-amber-800">
                        (TusFacturas: {formatCentavos(row.saldoReportadoCentavos)})
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-3 tabular-nums">{venceLabel(vencimiento)}</td>
                  <td className="whitespace-nowrap px-3">{estadoLabel(vencimiento)}</td>
                </tr>
              );
            })}
            {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
