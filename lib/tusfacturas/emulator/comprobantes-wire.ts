/**
 * A seeded comprobante as TusFacturas' lookups send it: `cliente` and `comprobante` blocks,
 * with the documented quirks (padded CAE, tax fields as numeric strings, blank CAE and
 * `ctacte_status` while queued).
 */
import { toWireDate } from "../fecha";
import { addDays, type SeededComprobante } from "./comprobantes";

function caeOf(c: SeededComprobante): string {
  if (c.status !== "EMITIDO") return c.numero % 2 === 0 ? "" : " ";
  // A plausible 14-digit CAE, with the trailing space sent "por compatibilidad".
  return `7${String(c.puntoVenta).padStart(4, "0")}${String(c.numero).padStart(9, "0")} `;
}

/** The `cliente` and `comprobante` blocks of one comprobante. */
export function toWireComprobante(c: SeededComprobante) {
  const issued = c.status === "EMITIDO";
  return {
    cliente: {
      documento_tipo: c.documentoTipo,
      documento_nro: c.documentoNro,
      razon_social: c.razonSocial,
      email: "",
      domicilio: "",
    },
    comprobante: {
      fecha: toWireDate(c.fecha),
      tipo: c.tipo,
      punto_venta: c.puntoVenta,
      numero: c.numero,
      moneda: "PES",
      cotizacion: "1",
      total: c.centavos / 100,
      vencimiento_pago: c.vencimientoPago === null ? "" : toWireDate(c.vencimientoPago),
      ctacte_status: issued ? c.ctacteStatus : "",
      status: c.status,
      cae: caeOf(c),
      vencimiento_cae: issued ? toWireDate(addDays(c.fecha, 10)) : "",
      external_reference: "",
      tags: [],
      percepciones_iibb: "0",
      percepciones_iva: "0",
      exentos: "0",
      impuestos_internos: "0",
      detalle: [],
    },
  };
}
