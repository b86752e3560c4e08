import { agingOf } from "@/lib/cuenta-corriente/aging";
import { periodLabel } from "@/lib/cuenta-corriente/export-meta";
import { filterLedger, type LedgerFilters } from "@/lib/cuenta-corriente/filters";
import { buildLedger, summarize } from "@/lib/cuenta-corriente/ledger";
import { unpackMovimientos, type PackedMovimientos } from "@/lib/cuenta-corriente/packed";
import type { CuentaCorrienteView } from "@/lib/cuenta-corriente/view";
import { formatCuit } from "@/lib/cuit";
import { formatCentavos, formatDateTime, formatInteger, todayIso } from "@/lib/format";
import { dueAgingOf } from "@/lib/vencimientos/aging";
import { estadoLabel, venceLabel } from "@/lib/vencimientos/labels";
import { vencimientoOf } from "@/lib/vencimientos/refs";

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/**
 * A resumen de cuenta: business, client, period, movements with their due dates, totals, and
 * what is unpaid by age and by due date, for paper.
 */
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
  const byKey = view.vencimientos.byKey;
  const dueAging = dueAgingOf(inOrder, byKey, today);
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
            <th scope="col" className="py-1 pl-3">
              Vence
            </th>
            <th scope="col" className="py-1">
              Estado
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const vencimiento = vencimientoOf(row.comprobante, byKey);
            return (
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
                <td className="py-0.5 pl-3 tabular-nums">{venceLabel(vencimiento)}</td>
                <td className="py-0.5">{estadoLabel(vencimiento)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-6 grid gap-6 break-inside-avoid sm:grid-cols-3 print:grid-cols-3">
        <AmountsTable
          caption="Totales del período"
          rows={[
            { label: "Total debe", centavos: summary.debeCentavos },
            { label: "Total haber", centavos: summary.haberCentavos },
            { label: "Saldo", centavos: summary.saldoCentavos },
            { label: "Resta abonar", centavos: summary.restaAbonarCentavos },
          ]}
        />
        <AmountsTable caption="Antigüedad de lo impago" rows={aging.buckets} />
        <AmountsTable
          caption="Vencimientos de lo impago"
          rows={[
            ...dueAging.buckets,
            { label: "Total vencido", centavos: dueAging.vencidoCentavos },
          ]}
        />
      </div>
      {dueAging.sinVencimiento > 0 ? (
        <p className="mt-2 text-xs text-slate-600">
          {dueAging.sinVencimiento === 1
            ? "1 comprobante impago sin fecha de vencimiento en TusFacturas: se usa su fecha de emisión."
            : `${formatInteger(dueAging.sinVencimiento)} comprobantes impagos sin fecha de vencimiento en TusFacturas: se usa su fecha de emisión.`}
        </p>
      ) : null}
      {view.vencimientos.pending > 0 ? (
        <p className="mt-1 text-xs text-slate-600">
          {view.vencimientos.pending === 1
            ? "Todavía se está consultando en TusFacturas el vencimiento de 1 comprobante: este resumen aún no lo muestra."
            : `Todavía se están consultando en TusFacturas los vencimientos de ${formatInteger(view.vencimientos.pending)} comprobantes: este resumen aún no los muestra.`}
        </p>
      ) : null}
    </article>
  );
}

/** A captioned column of labelled amounts. */
function AmountsTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { label: string; centavos: number }[];
}) {
  return (
    <table>
      <caption className="text-left font-semibold">{caption}</caption>
      <tbody>
        {rows.map(({ label, centavos }) => (
          <tr key={label}>
            <th scope="row" className="py-0.5 text-left font-normal">
              {label}
            </th>
            <td className="py-0.5 text-right tabular-nums">{formatCentavos(centavos)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
