/**
 * «Importar desde un archivo»: its limits and the preview's shape. Zod-free and pure, so the
 * page's import panel can use them in the browser.
 */

/** Data rows a file may bring; past this nothing is imported. */
export const IMPORT_MAX_ROWS = 5_000;

/** The file's size limit (1 MB): 5 000 rows of CSV take about a third of it. */
export const IMPORT_MAX_BYTES = 1024 * 1024;

/** What the file picker offers. */
export const IMPORT_ACCEPT =
  ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type ImportRowStatus = "new" | "existing" | "invalid";

/** One data row of the file as the preview shows it. */
export type ImportRow = {
  /** The row's number in the file (as a spreadsheet numbers it, the title row included). */
  line: number;
  /** 11 plain digits when valid; otherwise what the file says. */
  cuit: string;
  nombre: string;
  status: ImportRowStatus;
  /** Why the row is not imported, in Spanish (empty for a new client). */
  problems: string[];
};

export type ImportPreview = {
  fileName: string;
  /** The title row's CUIT and name columns, as the file writes them. */
  columns: { cuit: string; nombre: string };
  rows: ImportRow[];
  counts: Record<ImportRowStatus, number>;
};

/** The outcome of «Importar N clientes». */
export type ImportResult = { added: number; existing: number; invalid: number };
