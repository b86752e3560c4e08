import { agingOf } from "@/lib/cuenta-corriente/aging";
import { periodLabel } from "@/lib/cuenta-corriente/export-meta";
import { filterLedger, type LedgerFilters } from "@/lib/cuenta-corriente/filters";
import { buildLedger, summarize } from "@/lib/cuenta-corriente/ledger";
import { unpackMovimientos, type PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { formatCuit } from "@/lib/cuit";
import { formatCentavos, formatDateTime, todayIso } from "@/lib/format";

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/** A resumen de cuenta: business, client, period, movements, totals and aging, for paper. */
export function ResumenDeCuenta({
  empresa,
  view,
  movimientos,
  filters,
}: {
  empresa: { razonSocial: string; cuit: string };
  view: CuentaCorrienteView;
  /** The movements of `view.snapshot`; null without one. */
  movimientos: PackedMovimientos | null;
  filters: LedgerFilters;
}) {
  const rows = filterLedger(
    buildLedger(movimientos ? unpackMovimientos(movimientos) : []).rows,
    filters,
  );
  const inOrder = filters.orden === "desc" ? [...rows].reverse() : rows;
  const summary = summarize(inOrder);
  const today = todayIso();
  const aging = agingOf(inOrder, today);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-6 text-sm print:border-0 print:p-0">
      <header className="border-b border-slate-300 pb-3">
        <h2 className="text-xl font-semibold">Resumen de cuenta</h2>
        <p>
          {empresa.razonSocial} · CUIT {formatCuit(empresa.cuit)}
        </p>
        <p>
          Cliente: <strong>{view.cliente.nombre}</strong> · CUIT {formatCuit(view.cliente.cuit)}
        </p>
        <p>Período: {periodLabel(filters)}</p>
        <p className="text-slate-600">
          {view.snapshot
            ? `Datos de TusFacturas del ${formatDateTime(new Date(view.snapshot.fetchedAt))}.`
            : "Sin cuenta corriente guardada."}
        </p>
      </header>
      <table className="mt-4 w-full">
        <thead className="text-left">
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1">
              Fecha
            </th>
            <th scope="col" className="py-1">
              Comprobante
            </th>
            <th scope="col" className="py-1 text-right">
              Debe
            </th>
            <th scope="col" className="py-1 text-right">
              Haber
            </th>
            <th scope="col" className="py-1 text-right">
              Resta abonar
            </th>
            <th scope="col" className="py-1 text-right">
              Saldo
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.orden} className="border-b border-slate-100 break-inside-avoid">
              <td className="py-0.5 tabular-nums">{dmy(row.fecha)}</td>
              <td className="py-0.5">{row.comprobante?.label ?? row.concepto}</td>
              <td className="py-0.5 text-right tabular-nums">
                {row.debeCentavos ? formatCentavos(row.debeCentavos) : ""}
              </td>
              <td className="py-0.5 text-right tabular-nums">
                {row.haberCentavos ? formatCentavos(row.haberCentavos) : ""}
              </td>
              <td className="py-0.5 text-right tabular-nums">
                {row.restaAbonarCentavos ? formatCentavos(row.restaAbonarCentavos) : ""}
              </td>
              <td className="py-0.5 text-right tabular-nums">
                {formatCentavos(row.saldoCentavos)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-6 grid gap-6 break-inside-avoid sm:grid-cols-2 print:grid-cols-2">
        <table>
          <caption className="text-left font-semibold">Totales del período</caption>
          <tbody>
            {[
              ["Total debe", summary.debeCentavos],
              ["Total haber", summary.haberCentavos],
              ["Saldo", summary.saldoCentavos],
              ["Resta abonar", summary.restaAbonarCentavos],
            ].map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="py-0.5 text-left font-normal">
                  {label}
                </th>
                <td className="py-0.5 text-right tabular-nums">{formatCentavos(Number(value))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption className="text-left font-semibold">Antigüedad de lo impago</caption>
          <tbody>
            {aging.buckets.map((bucket) => (
              <tr key={bucket.key}>
                <th scope="row" className="py-0.5 text-left font-normal">
                  {bucket.label}
                </th>
                <td className="py-0.5 text-right tabular-nums">
                  {formatCentavos(bucket.centavos)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
