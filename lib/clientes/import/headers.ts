/**
 * Finds the title row of a file being imported and its CUIT and name columns, whatever the
 * case, accents and punctuation («C.U.I.T.», «Nro. CUIT», «Razón Social»). Pure.
 */
import { DomainError } from "@/lib/errors";
import type { SheetRow } from "./sheet";

export type Header = {
  /** Index in the rows given. */
  index: number;
  cuitColumn: number;
  nombreColumn: number;
  /** The titles as the file writes them. */
  cuitTitle: string;
  nombreTitle: string;
};

/** The title row may come after a few lines of titles or notes. */
const SCANNED_ROWS = 10;

const CUIT_NAMES = new Set(["cuit", "cuil", "cuitcuil", "cuilcuit", "documento", "doc"]);
// «Nro.», «N°», «Nº», «Número de» before the CUIT.
const NUMBER_PREFIX = /^(?:numero|num|nro|no|n)(?:de)?(?=cuit|cuil|doc)/;

/** Name titles, best first: a file with «Razón social» and «Cliente» (a code) takes the first. */
const NAME_TITLES: readonly (readonly string[])[] = [
  [
    "razonsocial",
    "nombreorazonsocial",
    "nombrerazonsocial",
    "razonsocialonombre",
    "razonsocialnombre",
  ],
  ["denominacion"],
  [
    "apellidoynombre",
    "apellidoynombres",
    "apellidosynombres",
    "nombreyapellido",
    "nombresyapellidos",
  ],
  ["nombre", "nombres", "nombrecliente", "nombredelcliente"],
  ["cliente"],
];

const EXPECTED_CUIT = "«CUIT», «C.U.I.T.», «CUIT/CUIL», «Nro. CUIT» o «Documento»";
const EXPECTED_NOMBRE = "«Razón social», «Nombre», «Cliente», «Denominación» o «Apellido y nombre»";

/** Lower case, no accents, letters and digits only: «Nº C.U.I.T.» → `nocuit`. */
export function foldTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

function isCuitTitle(title: string): boolean {
  const folded = foldTitle(title);
  return CUIT_NAMES.has(folded) || CUIT_NAMES.has(folded.replace(NUMBER_PREFIX, ""));
}

function nameRank(title: string): number {
  const folded = foldTitle(title);
  const rank = NAME_TITLES.findIndex((titles) => titles.includes(folded));
  return rank === -1 ? Infinity : rank;
}

type Found = { cuit: number; nombre: number };

function columnsOf(cells: readonly string[]): Found {
  let cuit = -1;
  let nombre = -1;
  cells.forEach((cell, i) => {
    if (cuit === -1 && isCuitTitle(cell)) cuit = i;
    else if (nameRank(cell) < (nombre === -1 ? Infinity : nameRank(cells[nombre]!))) nombre = i;
  });
  return { cuit, nombre };
}

/** The title row among the first rows, or null (how a CSV's separator is told apart). */
export function detectHeader(rows: readonly SheetRow[]): Header | null {
  return scan(rows).header;
}

/** The title row, or what the closest row had (one of the two columns), for the error. */
function scan(rows: readonly SheetRow[]): { header: Header | null; partial: Partial<Header> } {
  let partial: Partial<Header> = {};
  let seen = 0;
  for (let index = 0; index < rows.length && seen < SCANNED_ROWS; index++) {
    const cells = rows[index]!.cells;
    if (cells.every((cell) => cell.trim() === "")) continue;
    seen++;
    const { cuit, nombre } = columnsOf(cells);
    if (cuit !== -1 && nombre !== -1) {
      const header = {
        index,
        cuitColumn: cuit,
        nombreColumn: nombre,
        cuitTitle: cells[cuit]!.trim(),
        nombreTitle: cells[nombre]!.trim(),
      };
      return { header, partial: header };
    }
    if (cuit !== -1 && partial.cuitTitle === undefined)
      partial = { cuitTitle: cells[cuit]!.trim() };
    if (nombre !== -1 && partial.nombreTitle === undefined && partial.cuitTitle === undefined)
      partial = { nombreTitle: cells[nombre]!.trim() };
  }
  return { header: null, partial };
}

/** The title row, or a Spanish error that says which columns were expected. */
export function requireHeader(rows: readonly SheetRow[]): Header {
  const { header, partial } = scan(rows);
  if (header) return header;
  if (rows.every((row) => row.cells.every((cell) => cell.trim() === "")))
    throw new DomainError("invalid", "El archivo está vacío.");
  const message =
    partial.cuitTitle !== undefined
      ? `Encontramos la columna del CUIT («${partial.cuitTitle}») pero no la del nombre: ` +
        `titulala ${EXPECTED_NOMBRE}.`
      : partial.nombreTitle !== undefined
        ? `Encontramos la columna del nombre («${partial.nombreTitle}») pero no la del CUIT: ` +
          `titulala ${EXPECTED_CUIT}.`
        : "No encontramos la fila de títulos. La primera fila debe nombrar las columnas: una del " +
          `CUIT (${EXPECTED_CUIT}) y una del nombre (${EXPECTED_NOMBRE}).`;
  throw new DomainError("invalid", message);
}
