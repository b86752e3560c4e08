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

/** Where a comprobante stands in the client's cuenta corriente, as TusFacturas reports it. */
export type CtacteStatus = "pagada" | "impaga" | "pago_parcial";

/**
 * "emitido": has its CAE. "en_cola": still in TusFacturas' processing queue. "con_error": the
 * queue failed to issue it. The last two carry TusFacturas' sentence in `statusText`.
 */
export type ComprobanteEstado = "emitido" | "en_cola" | "con_error";

/** One issued (or queued) comprobante, from `facturacion/consulta_avanzada` or `consulta`. */
export type ComprobanteEmitido = {
  cliente: {
    /** "CUIT", "DNI", … as sent (trimmed, upper-case). */
    documentoTipo: string;
    /** Digits only (TusFacturas pads it with spaces). */
    documentoNro: string;
    /** Trimmed, encoding repaired. */
    razonSocial: string;
  };
  /** ISO date "yyyy-mm-dd" of issue. */
  fecha: string;
  /** e.g. "FACTURA A", "NOTA DE CREDITO B" (trimmed, upper-case). */
  tipo: string;
  puntoVenta: number;
  numero: number;
  totalCentavos: number;
  /** ISO payment due date, or null when TusFacturas has none. */
  vencimientoPago: string | null;
  /** null for "" (queued comprobantes, or not tracked) and for a status Tablero does not know. */
  ctacteStatus: CtacteStatus | null;
  estado: ComprobanteEstado;
  /** TusFacturas' `status` text: "EMITIDO" or a sentence for queued/failed ones. */
  statusText: string;
  /** null while not issued (TusFacturas sends "" or " "). */
  cae: string | null;
};

/** One page of `facturacion/consulta_avanzada`: `total` counts every match, before paging. */
export type ConsultaAvanzadaPage = { total: number; comprobantes: ComprobanteEmitido[] };

export type ConsultaPorFechaRequest = {
  /** ISO "yyyy-mm-dd": exactly one day. */
  fecha: string;
  /** "V" sales (default), "C" purchases. */
  operacion?: "V" | "C";
  /** From 0. */
  pagina: number;
  /** 1 to 1 000. */
  limite: number;
};

export type ConsultaPorNumerosRequest = {
  tipo: string;
  puntoVenta: number;
  numeroDesde: number;
  numeroHasta: number;
  operacion?: "V" | "C";
  pagina: number;
  limite: number;
};

export type ComprobanteRef = { tipo: string; puntoVenta: number; numero: number };
