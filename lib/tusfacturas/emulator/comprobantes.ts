/**
 * The comprobantes the lookups (`facturacion/consulta*`) serve, derived from the same ledgers
 * as `clientes/cuenta-corriente`: every FACTURA / NOTA DE DEBITO / NOTA DE CREDITO row of the
 * account's own punto de venta, plus the fixture's lookup-only ones (DNI clients, queued).
 */
import { toCentavos } from "../centavos";
import { parseWireDate } from "../fecha";
import type { LookupOnlyFixture } from "../fixtures/load";
import type { WireLedgerRow } from "./ledger-builder";

export type CtacteStatusWire = "" | "PAGADA" | "IMPAGA" | "PAGO PARCIAL";

export type SeededComprobante = {
  documentoTipo: "CUIT" | "DNI";
  /** As served (may carry a trailing space). */
  documentoNro: string;
  /** As served (may be double-encoded, like the ledger's concepto). */
  razonSocial: string;
  /** ISO dates. */
  fecha: string;
  vencimientoPago: string | null;
  tipo: string;
  puntoVenta: number;
  numero: number;
  centavos: number;
  ctacteStatus: CtacteStatusWire;
  /** "EMITIDO" or a queue sentence. */
  status: string;
};

const CONCEPTO = /^((?:FACTURA|NOTA DE DEBITO|NOTA DE CREDITO) [A-Z]) (\d{4})-(\d{8}) \((.*)\)$/;

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 left → PAGADA, nothing paid → IMPAGA, otherwise PAGO PARCIAL. */
export function ctacteStatusOf(centavos: number, restaCentavos: number): CtacteStatusWire {
  if (restaCentavos <= 0) return "PAGADA";
  return restaCentavos >= centavos ? "IMPAGA" : "PAGO PARCIAL";
}

/** The comprobante a ledger row stands for, or null (receipts, other puntos de venta). */
export function fromLedgerRow(
  row: WireLedgerRow,
  cuit: string,
  puntoVenta: number,
): SeededComprobante | null {
  const match = CONCEPTO.exec(row.concepto.trim());
  const fecha = parseWireDate(row.fecha);
  if (!match || fecha === null || Number(match[2]) !== puntoVenta) return null;
  const [, tipo = "", , numero = "", nombre = ""] = match;
  const credit = tipo.startsWith("NOTA DE CREDITO");
  const centavos = toCentavos(credit ? row.haber : row.debe);
  const numeroValue = Number(numero);
  return {
    documentoTipo: "CUIT",
    documentoNro: cuit,
    razonSocial: nombre,
    fecha,
    // Credit notes have nothing to pay; one invoice in ten was issued without a due date.
    vencimientoPago: credit || numeroValue % 10 === 3 ? null : addDays(fecha, 30),
    tipo,
    puntoVenta,
    numero: numeroValue,
    centavos,
    ctacteStatus: ctacteStatusOf(centavos, toCentavos(row.resta_abonar_de_este_comprobante)),
    status: "EMITIDO",
  };
}

function fromLookupOnly(entry: LookupOnlyFixture, puntoVenta: number): SeededComprobante {
  return {
    documentoTipo: entry.documentoTipo,
    documentoNro: entry.documentoNro,
    razonSocial: entry.razonSocial,
    fecha: entry.fecha,
    vencimientoPago: entry.vencimientoPago,
    tipo: entry.tipo,
    puntoVenta,
    numero: entry.numero,
    centavos: toCentavos(entry.total),
    ctacteStatus: entry.ctacteStatus,
    status: entry.status ?? "EMITIDO",
  };
}

/** Every comprobante of the account, most recent first (later ledger rows first within a day). */
export function buildComprobantes(
  clientes: Iterable<{ cuit: string; rows: readonly WireLedgerRow[] }>,
  lookupOnly: readonly LookupOnlyFixture[],
  puntoVenta: number,
): SeededComprobante[] {
  const all: SeededComprobante[] = [];
  for (const client of clientes) {
    for (const row of client.rows) {
      const comprobante = fromLedgerRow(row, client.cuit, puntoVenta);
      if (comprobante) all.push(comprobante);
    }
  }
  for (const entry of lookupOnly) all.push(fromLookupOnly(entry, puntoVenta));
  const order = new Map(all.map((c, i) => [c, i]));
  return all.sort(
    (a, b) => b.fecha.localeCompare(a.fecha) || (order.get(b) ?? 0) - (order.get(a) ?? 0),
  );
}
