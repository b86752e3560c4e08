/**
 * XLSX export of a ledger view: a real Office Open XML workbook (zipped with fflate) whose
 * dates are date cells and whose amounts are number cells, so Excel can sort and add them.
 * Sheet "Movimientos" has the movements, sheet "Resumen" the totals and aging. Pure.
 */
import { strToU8, zipSync } from "fflate";
import type { Aging } from "./aging";
import { LEDGER_COLUMNS } from "./export-csv";
import { cuitLabel, exportFileName, periodLabel, type ExportMeta } from "./export-meta";
import type { LedgerRow, LedgerSummary } from "./ledger";
import { estadoOf } from "@/lib/vencimientos/labels";
import { vencimientoOf, type VencimientosByKey } from "@/lib/vencimientos/refs";
import {
  excelSerial,
  STYLES_XML,
  worksheetXml,
  XLSX_STYLE,
  XML_HEADER,
  type XlsxCell,
} from "./xlsx-sheet";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const SML_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export const XLSX_SHEET_NAMES = ["Movimientos", "Resumen"] as const;

const CONTENT_TYPES = `${XML_HEADER}<Types xmlns="${CT_NS}">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="${SML_CT}.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SML_CT}.worksheet+xml"/>\
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${SML_CT}.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="${SML_CT}.styles+xml"/></Types>`;

const ROOT_RELS = `${XML_HEADER}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>`;

const WORKBOOK = `${XML_HEADER}<workbook \
xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">\
<workbookPr/><sheets>\
<sheet name="${XLSX_SHEET_NAMES[0]}" sheetId="1" r:id="rId1"/>\
<sheet name="${XLSX_SHEET_NAMES[1]}" sheetId="2" r:id="rId2"/>\
</sheets></workbook>`;

const WORKBOOK_RELS = `${XML_HEADER}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>\
<Relationship Id="rId3" Type="${REL_NS}/styles" Target="styles.xml"/>\
</Relationships>`;

const text = (value: string, style?: number): XlsxCell => ({ text: value, style });
const bold = (value: string): XlsxCell => text(value, XLSX_STYLE.bold);
const pesos = (centavos: number, style: number = XLSX_STYLE.money): XlsxCell => ({
  number: centavos / 100,
  style,
});
const date = (iso: string): XlsxCell => ({ number: excelSerial(iso), style: XLSX_STYLE.date });

function titleBlock(title: string, meta: ExportMeta): XlsxCell[][] {
  return [
    [bold(title)],
    [bold("Empresa"), text(meta.razonSocial), bold("CUIT"), text(cuitLabel(meta.cuitEmpresa))],
    [bold("Cliente"), text(meta.cliente), bold("CUIT"), text(cuitLabel(meta.cuitCliente))],
    [bold("Período"), text(periodLabel(meta))],
    [],
  ];
}

function movimientosSheet(
  rows: readonly LedgerRow[],
  meta: ExportMeta,
  vencimientos: VencimientosByKey,
): string {
  const head = [...titleBlock("Cuenta corriente", meta), LEDGER_COLUMNS.map(bold)];
  const body = rows.map((row): XlsxCell[] => {
    const vencimiento = vencimientoOf(row.comprobante, vencimientos);
    return [
      date(row.fecha),
      text(row.comprobante?.label ?? row.concepto),
      text(row.concepto),
      pesos(row.debeCentavos),
      pesos(row.haberCentavos),
      pesos(row.restaAbonarCentavos),
      pesos(row.saldoCentavos),
      pesos(row.saldoReportadoCentavos),
      vencimiento?.vence ? date(vencimiento.vence) : null,
      vencimiento?.estado ? text(estadoOf(vencimiento)) : null,
    ];
  });
  return worksheetXml([...head, ...body], [12, 28, 48, 15, 15, 15, 15, 18, 12, 14], head.length);
}

function resumenSheet(meta: ExportMeta, summary: LedgerSummary, aging: Aging): string {
  const comprobantes = aging.buckets.reduce((sum, bucket) => sum + bucket.comprobantes, 0);
  const rows: XlsxCell[][] = [
    ...titleBlock("Resumen de cuenta corriente", meta),
    [bold("Totales")],
    [text("Total debe"), pesos(summary.debeCentavos)],
    [text("Total haber"), pesos(summary.haberCentavos)],
    [text("Saldo"), pesos(summary.saldoCentavos)],
    [text("Resta abonar"), pesos(summary.restaAbonarCentavos)],
    [text("Movimientos"), { number: summary.movimientos }],
    [],
    [bold("Antigüedad de lo impago")],
    [bold("Tramo"), bold("Importe"), bold("Comprobantes")],
    ...aging.buckets.map((bucket): XlsxCell[] => [
      text(bucket.label),
      pesos(bucket.centavos),
      { number: bucket.comprobantes },
    ]),
    [bold("Total"), pesos(aging.totalCentavos, XLSX_STYLE.boldMoney), { number: comprobantes }],
    [
      text("Comprobante impago más antiguo"),
      aging.oldestUnpaidFecha ? date(aging.oldestUnpaidFecha) : text("—"),
    ],
  ];
  return worksheetXml(rows, [32, 40, 14, 16]);
}

/**
 * The rows (in the order given) as an .xlsx file. `summary` and `aging` fill the "Resumen"
 * sheet; compute them from the same rows the export shows.
 */
export function ledgerToXlsx(
  rows: readonly LedgerRow[],
  meta: ExportMeta,
  summary: LedgerSummary,
  aging: Aging,
  vencimientos: VencimientosByKey = {},
): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(CONTENT_TYPES),
      "_rels/.rels": strToU8(ROOT_RELS),
      "xl/workbook.xml": strToU8(WORKBOOK),
      "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
      "xl/styles.xml": strToU8(STYLES_XML),
      "xl/worksheets/sheet1.xml": strToU8(movimientosSheet(rows, meta, vencimientos)),
      "xl/worksheets/sheet2.xml": strToU8(resumenSheet(meta, summary, aging)),
    },
    // Level 1: a third faster than the default on large ledgers for a file about 25% larger.
    { level: 1 },
  );
}

/** File name for the XLSX, e.g. `cuenta-corriente-30712293841-2025-01-01_2025-12-31.xlsx`. */
export function xlsxFileName(meta: ExportMeta): string {
  return exportFileName(meta, "xlsx");
}
