import { formatInteger } from "@/lib/format";

const methodLabels: Record<string, string> = {
  "micuenta/consumo": "Consumo",
  "clientes/cuenta-corriente": "Cuentas corrientes",
  "micuenta/iva_compras_ventas": "Reportes de IVA compras-ventas",
};

/** What Tablero cost the plan this month: billed TusFacturas requests, by method. */
export function MonthlyRequests({
  rows,
}: {
  rows: readonly { method: string; requests: number }[];
}) {
  const total = rows.reduce((sum, row) => sum + row.requests, 0);
  return (
    <section aria-labelledby="costo-title" className="max-w-xl space-y-3">
      <h2 id="costo-title" className="text-lg font-semibold">
        Requests de TusFacturas usados por Tablero este mes
      </h2>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="sr-only">Requests por método este mes</caption>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.method}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {methodLabels[row.method] ?? row.method}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(row.requests)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200">
            <th scope="row" className="px-3 py-2 text-left font-semibold">
              Total
            </th>
            <td
              className="px-3 py-2 text-right font-semibold tabular-nums"
              data-testid="requests-mes"
            >
              {formatInteger(total)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="text-xs text-slate-600">
        Cada request cuenta para el cupo mensual del plan, dé éxito o error (reintentos incluidos).
      </p>
    </section>
  );
}
