"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isRedirectError, type ActionResult } from "@/lib/actions/result";
import { importClients, previewClientImport } from "@/lib/clientes/actions";
import {
  IMPORT_ACCEPT,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportPreview,
  type ImportResult,
} from "@/lib/clientes/import/limits";
import { formatInteger } from "@/lib/format";
import { ImportPreviewTable } from "./import-preview-table";

const OFFLINE = "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.";
const TOO_BIG = "El archivo pesa más de 1 MB. Dividilo en partes.";

/** `1 cliente`, `1.234 clientes`. */
function count(n: number, one: string, many: string): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

function summaryOf({ rows, counts }: ImportPreview): string {
  return (
    `${count(rows.length, "fila", "filas")}: ${count(counts.new, "cliente nuevo", "clientes nuevos")} ` +
    `para importar, ${count(counts.invalid, "fila con errores", "filas con errores")} y ` +
    `${formatInteger(counts.existing)} ya en la cartera.`
  );
}

function resultOf({ added, existing, invalid }: ImportResult): string {
  const saved =
    added === 0
      ? "No se importó ningún cliente nuevo."
      : added === 1
        ? "Se importó 1 cliente."
        : `Se importaron ${formatInteger(added)} clientes.`;
  const skipped = [
    existing > 0 ? `${count(existing, "ya estaba", "ya estaban")} en la cartera` : null,
    invalid > 0 ? `${count(invalid, "fila tenía errores", "filas tenían errores")}` : null,
  ].filter(Boolean);
  return skipped.length > 0 ? `${saved} Se omitieron: ${skipped.join("; ")}.` : saved;
}

async function call<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch (thrown) {
    if (isRedirectError(thrown)) throw thrown;
    return { ok: false, error: { code: "internal", message: OFFLINE } };
  }
}

/**
 * «Importar desde un archivo»: choose a CSV or XLSX, see every row with its problems, then
 * «Importar N clientes». The server reads the file again on import: the preview is only shown.
 */
export function ImportPanel({ businessId, onClose }: { businessId: string; onClose: () => void }) {
  const router = useRouter();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, startReading] = useTransition();
  const [saving, startSaving] = useTransition();

  useEffect(() => headingRef.current?.focus(), []);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFile(chosen);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!chosen) return;
    if (chosen.size > IMPORT_MAX_BYTES) {
      setError(TOO_BIG);
      return;
    }
    startReading(async () => {
      const answer = await call(() => previewClientImport({ businessId, file: chosen }));
      if (answer.ok) setPreview(answer.data);
      else setError(answer.error.fieldErrors?.file?.join(" ") ?? answer.error.message);
    });
  }

  function confirm() {
    if (!file || saving) return;
    setError(null);
    startSaving(async () => {
      const answer = await call(() => importClients({ businessId, file }));
      if (!answer.ok) {
        // The preview stays, with the file chosen: the person can try again.
        setError(answer.error.fieldErrors?.file?.join(" ") ?? answer.error.message);
        return;
      }
      setResult(answer.data);
      setPreview(null);
      router.refresh();
    });
  }

  const status = reading
    ? "Leyendo el archivo…"
    : saving
      ? "Importando…"
      : result
        ? resultOf(result)
        : preview
          ? summaryOf(preview)
          : "";
  const fresh = preview?.counts.new ?? 0;

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="text-base font-semibold">
        Importar clientes desde un archivo
      </h2>
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
          Archivo CSV o Excel (.xlsx)
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept={IMPORT_ACCEPT}
          onChange={choose}
          disabled={saving}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-100"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          Hasta 1 MB y {formatInteger(IMPORT_MAX_ROWS)} filas. CSV separado por punto y coma o coma,
          o la primera hoja de un Excel. La fila de títulos nombra una columna «CUIT» y una «Razón
          social» (o «Nombre»). Nada se guarda hasta que confirmes.
        </p>
      </div>
      {error ? (
        <div id={`${id}-error`}>
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <p role="status" className="text-sm font-medium text-slate-800">
        {status}
      </p>
      {preview ? <ImportPreviewTable preview={preview} /> : null}
      <div className="flex flex-wrap gap-2">
        {preview ? (
          <Button onClick={confirm} disabled={saving || fresh === 0}>
            {saving
              ? "Importando…"
              : fresh === 0
                ? "No hay clientes nuevos para importar"
                : `Importar ${count(fresh, "cliente", "clientes")}`}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onClose} disabled={saving}>
          {result ? "Cerrar" : "Cancelar"}
        </Button>
      </div>
    </section>
  );
}
