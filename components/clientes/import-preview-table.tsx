"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
  RowHeader,
} from "@/components/ui/data-table";
import { formatCuit } from "@/lib/cuit";
import type { ImportPreview, ImportRow, ImportRowStatus } from "@/lib/clientes/import/limits";
import { formatInteger } from "@/lib/format";

/** Rows drawn at a time: a 5 000-row file stays quick to show. */
const PAGE = 200;

type Filter = "all" | ImportRowStatus;

const filters: { value: Filter; label: string }[] = [
  { value: "all", label: "Todas" },
  { value: "invalid", label: "Con errores" },
  { value: "existing", label: "Ya en la cartera" },
  { value: "new", label: "Nuevas" },
];

function outcome(row: ImportRow): string {
  return row.status === "new" ? "Se importa." : row.problems.join(" ");
}

const tones: Record<ImportRowStatus, string> = {
  new: "text-slate-800",
  existing: "text-slate-600",
  invalid: "text-red-800",
};

/** The preview's rows, with a filter by status. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const id = useId();
  const [filter, setFilter] = useState<Filter>(preview.counts.invalid > 0 ? "invalid" : "all");
  const [shown, setShown] = useState(PAGE);
  const rows = filter === "all" ? preview.rows : preview.rows.filter((r) => r.status === filter);
  const total = (value: Filter) => (value === "all" ? preview.rows.length : preview.counts[value]);
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600">
        Columnas leídas de {preview.fileName}: «{preview.columns.cuit}» como CUIT y «
        {preview.columns.nombre}» como nombre.
      </p>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 font-medium text-slate-800">Mostrar</legend>
        {filters.map(({ value, label }) => (
          <label key={value} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-filter`}
              value={value}
              checked={filter === value}
              onChange={() => {
                setFilter(value);
                setShown(PAGE);
              }}
            />
            {label} ({formatInteger(total(value))})
          </label>
        ))}
      </fieldset>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          Ninguna fila en este grupo.
        </p>
      ) : (
        <DataTable caption={`Vista previa de ${preview.fileName}`}>
          <DataTableHead>
            <ColumnHeader>Fila</ColumnHeader>
            <ColumnHeader>CUIT</ColumnHeader>
            <ColumnHeader>Nombre</ColumnHeader>
            <ColumnHeader>Resultado</ColumnHeader>
          </DataTableHead>
          <DataTableBody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.line} className={tones[row.status]}>
                <RowHeader className="font-normal tabular-nums">
                  {formatInteger(row.line)}
                </RowHeader>
                <DataCell className="whitespace-nowrap tabular-nums">
                  {/^\d{11}$/.test(row.cuit) ? formatCuit(row.cuit) : row.cuit || "—"}
                </DataCell>
                <DataCell>{row.nombre || "—"}</DataCell>
                <DataCell>{outcome(row)}</DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      )}
      {rows.length > shown ? (
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>
            Se muestran {formatInteger(shown)} de {formatInteger(rows.length)} filas.
          </span>
          <Button variant="secondary" onClick={() => setShown((n) => n + PAGE)}>
            Mostrar {formatInteger(Math.min(PAGE, rows.length - shown))} más
          </Button>
        </div>
      ) : null}
    </div>
  );
}
