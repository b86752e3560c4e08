/**
 * Pure mapping from validated wire objects (see `wire.ts`) to domain types.
 */
import { toCentavos } from "./centavos";
import { parseWireDate } from "./fecha";
import { cleanText } from "./text";
import type { Consumo, MovimientoCuentaCorriente } from "./types";
import type {
  ConsumoWire,
  CuentaCorrienteRowWire,
  CuentaCorrienteWire,
  EnvelopeWire,
} from "./wire";

/**
 * TusFacturas' own messages: `errores` cleaned (trimmed, encoding repaired, empty ones dropped);
 * when that leaves nothing, the texts of `error_details`.
 */
export function toMessages(envelope: EnvelopeWire): string[] {
  const messages = envelope.errores.map(cleanText).filter((m) => m.length > 0);
  if (messages.length > 0) return messages;
  return (envelope.error_details ?? [])
    .map((detail) => cleanText(detail.text ?? ""))
    .filter((m) => m.length > 0);
}

/** Consumo as reported; `disponibles` is not recomputed (the docs' own example does not add up). */
export function toConsumo(wire: ConsumoWire): Consumo {
  return {
    abonosPendientes: wire.abonos_pendientes,
    comprobantesGenerados: wire.comprobantes_generados,
    comprobantesCupo: wire.comprobantes_cupo,
    comprobantesDisponibles: wire.comprobantes_disponibles,
  };
}

/** One ledger row; `orden` is its position on the wire. */
export function toMovimiento(
  row: CuentaCorrienteRowWire,
  orden: number,
): MovimientoCuentaCorriente {
  const fecha = parseWireDate(row.fecha);
  if (fecha === null) throw new RangeError("Fecha inválida en la cuenta corriente.");
  return {
    fecha,
    concepto: cleanText(row.concepto),
    debeCentavos: toCentavos(row.debe),
    haberCentavos: toCentavos(row.haber),
    restaAbonarCentavos: toCentavos(row.resta_abonar_de_este_comprobante),
    saldoCentavos: toCentavos(row.saldo),
    orden,
  };
}

/** Ledger rows in wire order; a successful answer without `resultados` is an empty ledger. */
export function toMovimientos(wire: CuentaCorrienteWire): MovimientoCuentaCorriente[] {
  return (wire.resultados ?? []).map(toMovimiento);
}
