/**
 * CSV export of a ledger view for Excel in es-AR: UTF-8 with BOM (or accents break), `;` as
 * separator and decimal commas without thousands separators (so amounts open as numbers),
 * CRLF line ends. Pure.
 */
import { centavosToDecimalText } from "./amount-text";
import { cuitLabel, exportFileName, periodLabel, type ExportMeta } from "./export-meta";
import { isoToDmy } from "./iso-date";
import type { LedgerRow } from "./ledger";
import { estadoOf } from "@/lib/vencimientos/labels";
import { vencimientoOf, type VencimientosByKey } from "@/lib/vencimientos/refs";

const BOM = "\uFEFF";
const EOL = "\r\n";

/** Column titles, shared with the XLSX export. */
export const LEDGER_COLUMNS = [
  "Fecha",
  "Comprobante",
  "Concepto original",
  "Debe",
  "Haber",
  "Resta abonar",
  "Saldo",
  "Saldo TusFacturas",
  "Vence",
  "Estado",
] as const;

/**
 * A text field: a leading `=`, `+`, `-`, `@` (or tab/CR) gets an apostrophe so a spreadsheet
 * never runs it as a formula; then RFC 4180 quoting when needed.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rowLine(row: LedgerRow, vencimientos: VencimientosByKey): string {
  const vencimiento = vencimientoOf(row.comprobante, vencimientos);
  return [
    isoToDmy(row.fecha),
    csvText(row.comprobante?.label ?? row.concepto),
    csvText(row.concepto),
    centavosToDecimalText(row.debeCentavos),
    centavosToDecimalText(row.haberCentavos),
    centavosToDecimalText(row.restaAbonarCentavos),
    centavosToDecimalText(row.saldoCentavos),
    centavosToDecimalText(row.saldoReportadoCentavos),
    vencimiento?.vence ? isoToDmy(vencimiento.vence) : "",
    estadoOf(vencimiento),
  ].join(";");
}

/**
 * The rows as CSV, in the order given: four lines saying whose ledger and which period, a blank
 * line, the column titles (`Fecha;Comprobante;…;Vence;Estado`) and one line per movement, with
 * the due dates stored so far (empty where there is none).
 */
export function ledgerToCsv(
  rows: readonly LedgerRow[],
  meta: ExportMeta,
  vencimientos: VencimientosByKey = {},
): string {
  const lines = [
    "Cuenta corriente",
    ["Empresa", csvText(meta.razonSocial), "CUIT", csvText(cuitLabel(meta.cuitEmpresa))].join(";"),
    ["Cliente", csvText(meta.cliente), "CUIT", csvText(cuitLabel(meta.cuitCliente))].join(";"),
    ["Período", periodLabel(meta)].join(";"),
    "",
    LEDGER_COLUMNS.join(";"),
    ...rows.map((row) => rowLine(row, vencimientos)),
  ];
  return BOM + lines.join(EOL) + EOL;
}

/** File name for the CSV, e.g. `cuenta-corriente-30712293841-2025-01-01_2025-12-31.csv`. */
export function csvFileName(meta: ExportMeta): string {
  return exportFileName(meta, "csv");
}
