import type { LedgerSummary } from "@/lib/cuenta-corriente/ledger";
import { formatCentavos, formatInteger } from "@/lib/format";

export function LedgerTotals({ summary }: { summary: LedgerSummary }) {
  const items = [
    { label: "Total debe", value: formatCentavos(summary.debeCentavos) },
    { label: "Total haber", value: formatCentavos(summary.haberCentavos) },
    { label: "Saldo", value: formatCentavos(summary.saldoCentavos) },
    { label: "Resta abonar", value: formatCentavos(summary.restaAbonarCentavos) },
  ];
  return (
    <div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Totales">
        {items.map((item) => (
          <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{item.label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums">{item.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {formatInteger(summary.movimientos)} movimientos en el período. Saldo positivo: el cliente
        debe.
      </p>
    </div>
  );
}
