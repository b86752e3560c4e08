/**
 * Decoders for successful (`error: "N"`) bodies: validate with the wire schema, then map to
 * domain types. They throw on any mismatch; `classifyResponse` turns that into `bad_response`.
 * Pure.
 */
import { toConsumo, toMovimientos } from "./transform";
import type { Consumo, MovimientoCuentaCorriente } from "./types";
import { consumoResponseSchema, cuentaCorrienteResponseSchema, envelopeSchema } from "./wire";

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
