import { DataCell, DataTable, DataTableBody, RowHeader } from "@/components/ui/data-table";
import { formatInteger } from "@/lib/format";
import type { Budget } from "@/lib/spending/guard";
import { RequestBudgetForm } from "./request-budget-form";

const methodLabels: Record<string, string> = {
  "micuenta/consumo": "Consumo",
  "clientes/cuenta-corriente": "Cuentas corrientes",
  "micuenta/iva_compras_ventas": "Reportes de IVA compras-ventas",
};

/** What Tablero cost the plan this month: billed TusFacturas requests, by method. */
export function MonthlyRequests({
  businessId,
  rows,
  budget,
}: {
  businessId: string;
  rows: readonly { method: string; requests: number }[];
  budget: Budget;
}) {
  const total = rows.reduce((sum, row) => sum + row.requests, 0);
  return (
    <section aria-labelledby="costo-title" className="max-w-xl space-y-3">
      <h2 id="costo-title" className="text-lg font-semibold">
        Requests de TusFacturas usados por Tablero este mes
      </h2>
      <DataTable caption="Requests por método este mes">
        <DataTableBody>
          {rows.map((row) => (
            <tr key={row.method}>
              <RowHeader className="font-normal">
                {methodLabels[row.method] ?? row.method}
              </RowHeader>
              <DataCell className="text-right tabular-nums">{formatInteger(row.requests)}</DataCell>
            </tr>
          ))}
        </DataTableBody>
        <tfoot>
          <tr className="border-t border-slate-200">
            <RowHeader className="font-semibold">Total</RowHeader>
            <DataCell className="text-right font-semibold tabular-nums" data-testid="requests-mes">
              {formatInteger(total)}
            </DataCell>
          </tr>
        </tfoot>
      </DataTable>
      <p className="text-xs text-slate-600">
        Cada request cuenta para el cupo mensual del plan, dé éxito o error (reintentos incluidos).
        Las consultas de comprobantes emitidos son gratuitas y no se cuentan.
      </p>
      <RequestBudgetForm businessId={businessId} budget={budget} />
    </section>
  );
}
