import { z } from "zod";
import { cuitSchema } from "@/lib/cuit-schema";
import { IMPORT_MAX_BYTES } from "./import/limits";

// NFC: a name pasted in decomposed form (some Mac apps, PDFs) must fold, sort and be found
// like the same name typed.
const nombre = z
  .string({ error: "Ingresá el nombre o la razón social." })
  .trim()
  .normalize("NFC")
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

/** «Importar desde un archivo»: the file itself, both for the preview and the import. */
export const clientFileSchema = z.object({
  businessId: z.uuid(),
  file: z
    .instanceof(Blob, { error: "Elegí un archivo CSV o XLSX." })
    .refine((file) => file.size > 0, "El archivo está vacío.")
    .refine(
      (file) => file.size <= IMPORT_MAX_BYTES,
      "El archivo pesa más de 1 MB. Dividilo en partes.",
    ),
});
