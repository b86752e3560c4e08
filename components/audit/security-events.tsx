import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
} from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import type { SecurityEntry } from "@/lib/security-log/service";

/** The security log's entries about one business (last 30 days), newest first, for owners. */
export function SecurityEvents({ entries }: { entries: readonly SecurityEntry[] }) {
  return (
    <section aria-labelledby="seguridad-title" className="space-y-3">
      <h2 id="seguridad-title" className="text-lg font-semibold">
        Registro de seguridad
      </h2>
      <p className="text-sm text-slate-600">
        Accesos denegados, cambios de seguridad y sesiones cerradas en esta empresa durante los
        últimos 30 días.
      </p>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">
          No hay eventos de seguridad en los últimos 30 días.
        </p>
      ) : (
        <DataTable caption="Registro de seguridad de la empresa">
          <DataTableHead>
            <ColumnHeader>Fecha</ColumnHeader>
            <ColumnHeader>Quién</ColumnHeader>
            <ColumnHeader>Qué</ColumnHeader>
            <ColumnHeader>Desde</ColumnHeader>
          </DataTableHead>
          <DataTableBody>
            {entries.map((entry) => (
              <tr key={entry.id} className="align-top" data-testid="seguridad">
                <DataCell className="whitespace-nowrap tabular-nums">
                  {formatDateTime(new Date(entry.at))}
                </DataCell>
                <DataCell>{entry.who ?? entry.email ?? "Usuario eliminado"}</DataCell>
                <DataCell>
                  {entry.label}
                  {entry.subject ? `: ${entry.subject}` : ""}
                  {entry.detail ? ` (${entry.detail})` : ""}
                </DataCell>
                <DataCell className="tabular-nums">{entry.address ?? "—"}</DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      )}
    </section>
  );
}
