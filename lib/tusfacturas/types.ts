/**
 * Domain types of the TusFacturas adapter. The wire format lives in `wire.ts` and never
 * leaves `lib/tusfacturas`.
 */

/** One credential set: it belongs to one CUIT plus one punto de venta. Secret. */
export type TusFacturasCredentials = { apikey: string; apitoken: string; usertoken: string };

/** Monthly figures as TusFacturas reports them (they need not add up; never recompute). */
export type Consumo = {
  abonosPendientes: number;
  comprobantesGenerados: number;
  comprobantesCupo: number;
  comprobantesDisponibles: number;
};

export type MovimientoCuentaCorriente = {
  /** ISO date "yyyy-mm-dd". */
  fecha: string;
  /** Trimmed, encoding repaired, e.g. "FACTURA A 0002-00000001 (CUIT DE PRUEBA)". */
  concepto: string;
  debeCentavos: number;
  haberCentavos: number;
  restaAbonarCentavos: number;
  /** Running balance as TusFacturas sent it; may be negative and may be inconsistent. */
  saldoCentavos: number;
  /** Index of the row as it arrived on the wire (0-based); rows need not be sorted. */
  orden: number;
};

export type IvaComprasVentasRequest = { anio: number; mes: number; email: string };
