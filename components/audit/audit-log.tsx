import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
} from "@/components/ui/data-table";
import type { AuditEntry } from "@/lib/audit/service";
import { formatDateTime, formatInteger } from "@/lib/format";

/** Who did what in the business, newest first. Credentials appear as "changed", never as values. */
export function AuditLog({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <section aria-labelledby="actividad-title" className="space-y-3">
      <h2 id="actividad-title" className="text-lg font-semibold">
        Registro de actividad
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">Todavía no hay actividad registrada.</p>
      ) : (
        <DataTable caption="Registro de actividad de la empresa">
          <DataTableHead>
            <ColumnHeader>Fecha</ColumnHeader>
            <ColumnHeader>Quién</ColumnHeader>
            <ColumnHeader>Qué</ColumnHeader>
            <ColumnHeader align="end">Requests</ColumnHeader>
            <ColumnHeader>Resultado</ColumnHeader>
          </DataTableHead>
          <DataTableBody>
            {entries.map((entry) => (
              <tr key={entry.id} className="align-top" data-testid="actividad">
                <DataCell className="whitespace-nowrap tabular-nums">
                  {formatDateTime(new Date(entry.at))}
                </DataCell>
                <DataCell>{entry.who ?? "Usuario eliminado"}</DataCell>
                <DataCell>
                  {entry.label}
                  {entry.subject ? ` ${entry.subject}` : ""}
                </DataCell>
                <DataCell className="text-right tabular-nums">
                  {entry.requests > 0 ? formatInteger(entry.requests) : "—"}
                </DataCell>
                <DataCell>
                  {entry.outcome === "ok"
                    ? "Bien"
                    : `Error${entry.detail ? `: ${entry.detail}` : ""}`}
                </DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      )}
    </section>
  );
}
