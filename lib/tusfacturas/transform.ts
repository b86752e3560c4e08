/**
 * Pure mapping from validated wire objects (see `wire.ts`) to domain types.
 */
import { toCentavos } from "./centavos";
import { parseWireDate } from "./fecha";
import { cleanText } from "./text";
import type {
  ComprobanteEmitido,
  ComprobanteEstado,
  ConsultaAvanzadaPage,
  Consumo,
  CtacteStatus,
  MovimientoCuentaCorriente,
} from "./types";
import type {
  ComprobanteEmitidoWire,
  ConsultaAvanzadaWire,
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

const ctacteStatusOf = new Map<string, CtacteStatus>([
  ["PAGADA", "pagada"],
  ["IMPAGA", "impaga"],
  ["PAGO PARCIAL", "pago_parcial"],
]);

/** "EMITIDO" is issued; TusFacturas' queue sentences mention "ERROR" when it failed. */
function estadoOf(status: string, cae: string | null): ComprobanteEstado {
  if (status === "EMITIDO" || (status === "" && cae !== null)) return "emitido";
  return /ERROR/i.test(status) ? "con_error" : "en_cola";
}

/** One comprobante of `consulta_avanzada` / `consulta`; blank CAE and due date become null. */
export function toComprobanteEmitido(wire: ComprobanteEmitidoWire): ComprobanteEmitido {
  const { cliente, comprobante } = wire;
  const fecha = parseWireDate(comprobante.fecha);
  if (fecha === null) throw new RangeError("Fecha inválida en el comprobante.");
  const cae = comprobante.cae.trim() || null;
  const statusText = cleanText(comprobante.status);
  return {
    cliente: {
      documentoTipo: cleanText(cliente.documento_tipo).toUpperCase(),
      documentoNro: cliente.documento_nro.replace(/\D/g, ""),
      razonSocial: cleanText(cliente.razon_social),
    },
    fecha,
    tipo: cleanText(comprobante.tipo).replace(/\s+/g, " ").toUpperCase(),
    puntoVenta: comprobante.punto_venta,
    numero: comprobante.numero,
    totalCentavos: toCentavos(comprobante.total),
    vencimientoPago: parseWireDate(comprobante.vencimiento_pago),
    ctacteStatus: ctacteStatusOf.get(comprobante.ctacte_status) ?? null,
    estado: estadoOf(statusText.toUpperCase(), cae),
    statusText,
    cae,
  };
}

/** A page in wire order (most recent first); without `total` (before 2022) it is the page's size. */
export function toConsultaAvanzadaPage(wire: ConsultaAvanzadaWire): ConsultaAvanzadaPage {
  const comprobantes = (wire.comprobantes ?? []).map(toComprobanteEmitido);
  return { total: wire.total ?? comprobantes.length, comprobantes };
}
