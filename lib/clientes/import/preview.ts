/**
 * The preview of an import: every data row with its problems, checked like «Agregar cliente»
 * checks one client, plus what only a file has (a CUIT repeated further down) and what the
 * cartera already has (skipped, not an error). Pure: the caller says which CUITs exist.
 */
import { cuitError, formatCuit, normalizeCuit } from "@/lib/cuit";
import { DomainError } from "@/lib/errors";
import { formatInteger } from "@/lib/format";
import type { ClientFile } from "./read-file";
import { IMPORT_MAX_ROWS, type ImportPreview, type ImportRow } from "./limits";
import type { SheetRow } from "./sheet";

const NOMBRE_MIN = 2;
const NOMBRE_MAX = 200;

/** The rows under the title row that have something in them. */
export function dataRows(file: ClientFile): SheetRow[] {
  const rows = file.rows
    .slice(file.header.index + 1)
    .filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (rows.length === 0)
    throw new DomainError("invalid", "El archivo no tiene clientes debajo de la fila de títulos.");
  if (rows.length > IMPORT_MAX_ROWS)
    throw new DomainError(
      "invalid",
      `El archivo tiene ${formatInteger(rows.length)} filas con datos y el máximo es ` +
        `${formatInteger(IMPORT_MAX_ROWS)}. Dividilo en partes; no se importó nada.`,
    );
  return rows;
}

/** The CUIT cell as written; `="30712293841"` is how some exports keep Excel from making it a number. */
function writtenCuit(row: SheetRow, column: number): string {
  return (row.cells[column] ?? "").trim().replace(/^="(.*)"$/, "$1");
}

/** The valid CUITs of the file's rows: what to ask the cartera about. */
export function cuitsIn(file: ClientFile): string[] {
  const cuits = dataRows(file).map((row) =>
    normalizeCuit(writtenCuit(row, file.header.cuitColumn)),
  );
  return [...new Set(cuits.filter((cuit) => cuitError(cuit) === null))];
}

function nombreProblem(nombre: string): string | null {
  if (nombre === "") return "Falta el nombre o la razón social.";
  if (nombre.length < NOMBRE_MIN) return "El nombre es demasiado corto.";
  if (nombre.length > NOMBRE_MAX) return "El nombre es demasiado largo.";
  return null;
}

/** Every data row of `file` with its status; `existing` holds the cartera's CUITs. */
export function buildPreview(
  file: ClientFile,
  fileName: string,
  existing: ReadonlySet<string>,
): ImportPreview {
  const { cuitColumn, nombreColumn, cuitTitle, nombreTitle } = file.header;
  const firstLineOf = new Map<string, number>();
  const counts = { new: 0, existing: 0, invalid: 0 };
  const rows = dataRows(file).map((row): ImportRow => {
    const written = writtenCuit(row, cuitColumn);
    const nombre = (row.cells[nombreColumn] ?? "").trim().replace(/\s+/g, " ").normalize("NFC");
    const problems: string[] = [];
    const cuitProblem = written === "" ? "Falta el CUIT." : cuitError(written);
    const cuit = cuitProblem ? written : normalizeCuit(written);
    if (cuitProblem) problems.push(cuitProblem);
    const nameProblem = nombreProblem(nombre);
    if (nameProblem) problems.push(nameProblem);
    if (problems.length === 0) {
      // Against earlier rows that are valid: a repeat of a rejected row may still be imported.
      const first = firstLineOf.get(cuit);
      if (first === undefined) firstLineOf.set(cuit, row.line);
      else problems.push(`El CUIT ${formatCuit(cuit)} ya está en la fila ${first} del archivo.`);
    }
    const status =
      problems.length > 0 ? "invalid" : existing.has(cuit) ? "existing" : ("new" as const);
    if (status === "existing") problems.push("Ya está en la cartera: se omite.");
    counts[status]++;
    return { line: row.line, cuit, nombre, status, problems };
  });
  return { fileName, columns: { cuit: cuitTitle, nombre: nombreTitle }, rows, counts };
}
