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

export type EnvelopeWire = z.output<typeof envelopeSchema>;
export type ConsumoWire = z.output<typeof consumoResponseSchema>;
export type CuentaCorrienteRowWire = z.output<typeof cuentaCorrienteRowSchema>;
export type CuentaCorrienteWire = z.output<typeof cuentaCorrienteResponseSchema>;

/** Request bodies, credentials excluded (the client adds them). */
export type CuentaCorrienteRequestWire = {
  cliente: { documento_tipo: "CUIT"; documento_nro: string };
};
export type IvaComprasVentasRequestWire = { anio: number; mes: number; email: string };
