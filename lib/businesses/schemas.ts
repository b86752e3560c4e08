import { z } from "zod";
import { cuitSchema } from "@/lib/cuit-schema";

const tokenField = (label: string) =>
  z
    .string({ error: `Ingresá el ${label}.` })
    .trim()
    .min(1, `Ingresá el ${label}.`)
    .max(200, `El ${label} es demasiado largo.`)
    .regex(/^[\w.-]*$/, `El ${label} solo puede tener letras, números, guiones y puntos.`);

/** The three TusFacturas credentials, as the forms send them. */
export const credentialsSchema = z.object({
  apikey: tokenField("API key"),
  apitoken: tokenField("API token"),
  usertoken: tokenField("User token"),
});

/** "Agregar empresa": shared by the form (field names) and the action (validation). */
export const createBusinessSchema = credentialsSchema.extend({
  razonSocial: z
    .string({ error: "Ingresá la razón social." })
    .trim()
    .normalize("NFC")
    .min(2, "Ingresá la razón social.")
    .max(200, "La razón social es demasiado larga."),
  cuit: z.string({ error: "Ingresá el CUIT." }).pipe(cuitSchema),
  puntoVenta: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const number = Number(value);
      if (!/^\d{1,5}$/.test(value) || number < 1) {
        ctx.addIssue({ code: "custom", message: "El punto de venta es un número de 1 a 99999." });
        return z.NEVER;
      }
      return number;
    }),
});

export const businessIdSchema = z.object({ businessId: z.uuid() });
export const replaceCredentialsSchema = businessIdSchema.extend(credentialsSchema.shape);
