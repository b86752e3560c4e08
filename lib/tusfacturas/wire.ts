/**
 * zod schemas for TusFacturas' JSON, lenient where the API is known to drift (see
 * shared/api/NOTES.md): flags with odd case or padding, `errores` as a list, a string or
 * missing, numbers as numeric strings with spaces. Pure; the only module that knows field names.
 */
import { z } from "zod";
import { isDecimalLike } from "./centavos";
import { parseWireDate } from "./fecha";

/** "S" / "N", trimmed and case-insensitive. */
const flagSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(["S", "N"]));

/** `errores` as [], [""], "texto", null or missing → raw strings (cleaned later). */
const erroresSchema = z
  .union([z.array(z.unknown()), z.string(), z.number(), z.null()])
  .optional()
  .transform((value): string[] => {
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((item) =>
      typeof item === "string" || typeof item === "number" ? [String(item)] : [],
    );
  });

const errorDetailSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
});

/** Integer counts as numbers or numeric strings ("40 "). */
const countSchema = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^[+-]?\d+$/)
    .transform(Number),
]);

/** Amounts as numbers or JS-number-like strings; converted to centavos by the transform. */
const amountSchema = z
  .union([z.number(), z.string()])
  .refine(isDecimalLike, { message: "importe inválido" });

const wireDateSchema = z
  .string()
  .refine((value) => parseWireDate(value) !== null, { message: "fecha inválida" });

/** Fields every response shares. Unknown extra fields are kept and ignored. */
export const envelopeSchema = z.looseObject({
  error: flagSchema,
  errores: erroresSchema,
  rta: z.unknown().optional(),
  error_cod: z.unknown().optional(),
  // Details are only extra context: a shape we do not expect must not fail the whole answer.
  error_details: z.array(errorDetailSchema).nullish().catch(undefined),
});

export const consumoResponseSchema = envelopeSchema.extend({
  abonos_pendientes: countSchema,
  comprobantes_generados: countSchema,
  comprobantes_cupo: countSchema,
  comprobantes_disponibles: countSchema,
});

export const cuentaCorrienteRowSchema = z.looseObject({
  fecha: wireDateSchema,
  concepto: z.string(),
  debe: amountSchema,
  haber: amountSchema,
  resta_abonar_de_este_comprobante: amountSchema,
  saldo: amountSchema,
});

export const cuentaCorrienteResponseSchema = envelopeSchema.extend({
  resultados: z.array(cuentaCorrienteRowSchema).nullish(),
});

export const ivaComprasVentasResponseSchema = envelopeSchema;

/** Text that may come as a number or null; trimmed later. */
const looseTextSchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null ? "" : String(value)));

/** A date that may be blank ("" or spaces) or missing: `vencimiento_pago`. */
const optionalWireDateSchema = looseTextSchema.refine(
  (value) => value.trim() === "" || parseWireDate(value) !== null,
  { message: "fecha inválida" },
);

/** Tax fields we keep but do not use: numbers, numeric strings ("0") or blank. */
const optionalAmountSchema = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .refine((v) => v === undefined || v === null || String(v).trim() === "" || isDecimalLike(v), {
    message: "importe inválido",
  });

/**
 * "", "PAGADA", "IMPAGA", "PAGO PARCIAL" in any case or padding; missing is "". Other values are
 * kept (the transform maps them to null): a new status must not fail a whole page.
 */
const ctacteStatusSchema = looseTextSchema.transform((value) => value.trim().toUpperCase());

const comprobanteClienteSchema = z.looseObject({
  documento_tipo: z.string(),
  // "1292963535 " (padded) in the docs; a number would not surprise anyone either.
  documento_nro: z.union([z.string(), z.number()]).transform(String),
  razon_social: looseTextSchema,
});

const comprobanteDatosSchema = z.looseObject({
  fecha: wireDateSchema,
  tipo: z.string(),
  punto_venta: countSchema,
  numero: countSchema,
  total: amountSchema,
  cotizacion: optionalAmountSchema,
  vencimiento_pago: optionalWireDateSchema,
  ctacte_status: ctacteStatusSchema,
  // "EMITIDO", or a sentence for comprobantes still (or failed) in the processing queue.
  status: looseTextSchema,
  // Sent with a trailing space "por compatibilidad"; blank or " " while queued.
  cae: looseTextSchema,
  percepciones_iibb: optionalAmountSchema,
  percepciones_iva: optionalAmountSchema,
  exentos: optionalAmountSchema,
  impuestos_internos: optionalAmountSchema,
});

/** One element of `comprobantes`; `facturacion/consulta` sends the same two blocks at the top. */
export const comprobanteEmitidoSchema = z.looseObject({
  cliente: comprobanteClienteSchema,
  comprobante: comprobanteDatosSchema,
});

export const consultaAvanzadaResponseSchema = envelopeSchema.extend({
  // Present since April 2022: the matches before paging.
  total: countSchema.optional(),
  comprobantes: z.array(comprobanteEmitidoSchema).nullish(),
});

export const consultaResponseSchema = envelopeSchema.extend({
  cliente: comprobanteClienteSchema,
  comprobante: comprobanteDatosSchema,
});

export type EnvelopeWire = z.output<typeof envelopeSchema>;
export type ConsumoWire = z.output<typeof consumoResponseSchema>;
export type CuentaCorrienteRowWire = z.output<typeof cuentaCorrienteRowSchema>;
export type CuentaCorrienteWire = z.output<typeof cuentaCorrienteResponseSchema>;
export type ComprobanteEmitidoWire = z.output<typeof comprobanteEmitidoSchema>;
export type ConsultaAvanzadaWire = z.output<typeof consultaAvanzadaResponseSchema>;

/** Request bodies, credentials excluded (the client adds them). */
export type CuentaCorrienteRequestWire = {
  cliente: { documento_tipo: "CUIT"; documento_nro: string };
};
export type IvaComprasVentasRequestWire = { anio: number; mes: number; email: string };
type ComprobanteQueryWire = { tipo: string; operacion: "V" | "C"; punto_venta: number };
export type ConsultaAvanzadaRequestWire = { pagina: number; limite: number } & (
  | { busqueda_tipo: "F"; comprobante: { fecha: string; operacion: "V" | "C" } }
  | {
      busqueda_tipo: "TN";
      comprobante: ComprobanteQueryWire & { numero_desde: number; numero_hasta: number };
    }
);
export type ConsultaRequestWire = { comprobante: ComprobanteQueryWire & { numero: number } };
