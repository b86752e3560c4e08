"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { Aging } from "@/lib/cuenta-corriente/aging";
import type { ExportMeta } from "@/lib/cuenta-corriente/export-meta";
import type { LedgerRow, LedgerSummary } from "@/lib/cuenta-corriente/ledger";
import type { VencimientosByKey } from "@/lib/vencimientos/refs";

function download(data: BlobPart, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Exports of the filtered ledger, built in the browser from every movement of the period;
 * disabled until those have arrived (`rows` undefined), since the page brings only the first.
 * The writers (the XLSX one carries a zip library) load on the first click, not with the page.
 */
export function ExportButtons({
  businessId,
  rows,
  meta,
  summary,
  aging,
  vencimientos,
}: {
  businessId: string;
  rows: LedgerRow[] | undefined;
  meta: ExportMeta;
  summary: LedgerSummary;
  aging: Aging;
  /** Stored due dates, written next to each comprobante. */
  vencimientos: VencimientosByKey;
}) {
  const search = useSearchParams().toString();
  const loadingId = useId();
  const loading = rows === undefined;
  return (
    <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Exportar">
      <Button
        variant="secondary"
        disabled={loading}
        aria-describedby={loading ? loadingId : undefined}
        onClick={async () => {
          if (!rows) return;
          const { csvFileName, ledgerToCsv } = await import("@/lib/cuenta-corriente/export-csv");
          download(
            ledgerToCsv(rows, meta, vencimientos),
            "text/csv;charset=utf-8",
            csvFileName(meta),
          );
        }}
      >
        Exportar CSV
      </Button>
      <Button
        variant="secondary"
        disabled={loading}
        aria-describedby={loading ? loadingId : undefined}
        onClick={async () => {
          if (!rows) return;
          const { ledgerToXlsx, xlsxFileName } = await import("@/lib/cuenta-corriente/export-xlsx");
          download(
            ledgerToXlsx(rows, meta, summary, aging, vencimientos) as Uint8Array<ArrayBuffer>,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsxFileName(meta),
          );
        }}
      >
        Exportar Excel
      </Button>
      <Link
        href={`/empresas/${businessId}/clientes/${meta.cuitCliente}/resumen${search ? `?${search}` : ""}`}
        prefetch={false}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
      >
        Resumen para imprimir
      </Link>
      <p id={loadingId} role="status" className="text-sm text-slate-600">
        {loading ? "Cargando movimientos…" : ""}
      </p>
    </div>
  );
}
