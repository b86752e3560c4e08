import { z } from "zod";
import { cuitSchema } from "@/lib/cuit-schema";

const nombre = z
  .string({ error: "Ingresá el nombre o la razón social." })
  .trim()
  .min(2, "Ingresá el nombre o la razón social.")
  .max(200, "El nombre es demasiado largo.");

/** "Agregar cliente" and "Editar cliente": shared by the forms and the actions. */
export const clientFieldsSchema = z.object({
  cuit: z.string({ error: "Ingresá el CUIT." }).pipe(cuitSchema),
  nombre,
});

export const addClientSchema = clientFieldsSchema.extend({ businessId: z.uuid() });
export const updateClientSchema = addClientSchema.extend({ clientId: z.uuid() });
export const removeClientSchema = z.object({ businessId: z.uuid(), clientId: z.uuid() });
