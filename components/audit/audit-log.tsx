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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Registro de actividad de la empresa</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Fecha
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Quién
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Qué
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Requests
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Resultado
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id} className="align-top" data-testid="actividad">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {formatDateTime(new Date(entry.at))}
                  </td>
                  <td className="px-3 py-2">{entry.who ?? "Usuario eliminado"}</td>
                  <td className="px-3 py-2">
                    {entry.label}
                    {entry.subject ? ` ${entry.subject}` : ""}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {entry.requests > 0 ? formatInteger(entry.requests) : "—"}
                  </td>
                  <td className="px-3 py-2">
                    {entry.outcome === "ok"
                      ? "Bien"
                      : `Error${entry.detail ? `: ${entry.detail}` : ""}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
