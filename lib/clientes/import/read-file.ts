/**
 * A file chosen for «Importar desde un archivo» → its rows and its title row. Tells CSV from
 * XLSX by content (an .xlsx is a zip), and the CSV separator by where the titles are found. Pure.
 */
import { DomainError } from "@/lib/errors";
import { parseCsv } from "./csv";
import { decodeText } from "./decode";
import { detectHeader, requireHeader, type Header } from "./headers";
import { IMPORT_MAX_BYTES } from "./limits";
import type { SheetRow } from "./sheet";
import { readXlsx } from "./xlsx";

export type ClientFile = { format: "csv" | "xlsx"; rows: SheetRow[]; header: Header };

/** es-AR Excel separates with `;`; other tools with `,`; «Texto Unicode» with tabs. */
const SEPARATORS = [";", ",", "\t"] as const;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// The compound-file signature of Excel 97–2003 (.xls).
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function readCsv(bytes: Uint8Array): ClientFile {
  const text = decodeText(bytes);
  if (text.includes("\u0000"))
    throw new DomainError("invalid", "El archivo no parece un CSV. Elegí un archivo CSV o XLSX.");
  const separator =
    SEPARATORS.find((candidate) => detectHeader(parseCsv(text, candidate, 20))) ?? ";";
  const rows = parseCsv(text, separator);
  return { format: "csv", rows, header: requireHeader(rows) };
}

/** Reads a CSV or XLSX file, or fails with a Spanish message about the file. */
export function readClientFile(bytes: Uint8Array, fileName: string): ClientFile {
  if (bytes.length === 0) throw new DomainError("invalid", "El archivo está vacío.");
  if (bytes.length > IMPORT_MAX_BYTES)
    throw new DomainError("invalid", "El archivo pesa más de 1 MB. Dividilo en partes.");
  if (isZip(bytes)) {
    const rows = readXlsx(bytes);
    return { format: "xlsx", rows, header: requireHeader(rows) };
  }
  if (isOle(bytes) || /\.xls$/i.test(fileName))
    throw new DomainError(
      "invalid",
      "Los archivos .xls (Excel 97-2003) no se pueden leer: guardalo como .xlsx o CSV.",
    );
  if (/\.xlsx$/i.test(fileName))
    throw new DomainError("invalid", "El archivo no es un Excel (.xlsx) válido.");
  if (!/\.(csv|txt)$/i.test(fileName) && /\.[a-z0-9]{1,5}$/i.test(fileName))
    throw new DomainError("invalid", "Elegí un archivo CSV o XLSX.");
  return readCsv(bytes);
}
