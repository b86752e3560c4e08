/**
 * Decoders for successful (`error: "N"`) bodies: validate with the wire schema, then map to
 * domain types. They throw on any mismatch; `classifyResponse` turns that into `bad_response`.
 * Pure.
 */
import {
  toComprobanteEmitido,
  toConsultaAvanzadaPage,
  toConsumo,
  toMovimientos,
} from "./transform";
import type {
  ComprobanteEmitido,
  ConsultaAvanzadaPage,
  Consumo,
  MovimientoCuentaCorriente,
} from "./types";
import {
  consultaAvanzadaResponseSchema,
  consultaResponseSchema,
  consumoResponseSchema,
  cuentaCorrienteResponseSchema,
  envelopeSchema,
} from "./wire";

/** `micuenta/consumo`. */
export function decodeConsumo(json: unknown): Consumo {
  return toConsumo(consumoResponseSchema.parse(json));
}

/** `clientes/cuenta-corriente`; no `resultados` means an empty ledger. */
export function decodeCuentaCorriente(json: unknown): MovimientoCuentaCorriente[] {
  return toMovimientos(cuentaCorrienteResponseSchema.parse(json));
}

/** `micuenta/iva_compras_ventas`: nothing to return, the report goes by e-mail. */
export function decodeIvaComprasVentas(json: unknown): void {
  envelopeSchema.parse(json);
}

/** `facturacion/consulta_avanzada`: one page; no `comprobantes` means an empty page. */
export function decodeConsultaAvanzada(json: unknown): ConsultaAvanzadaPage {
  return toConsultaAvanzadaPage(consultaAvanzadaResponseSchema.parse(json));
}

/** `facturacion/consulta`: the `cliente` and `comprobante` blocks of one comprobante. */
export function decodeConsulta(json: unknown): ComprobanteEmitido {
  return toComprobanteEmitido(consultaResponseSchema.parse(json));
}
