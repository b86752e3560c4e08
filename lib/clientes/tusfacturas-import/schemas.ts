import { z } from "zod";
import { importRangeErrors } from "./range";

/**
 * «Importar clientes desde TusFacturas»: the range as typed (dd/mm/aaaa), checked per field;
 * the handler reads it with `dmyToIso`.
 */
export const startClientImportSchema = z
  .object({ businessId: z.uuid(), desde: z.string().max(20), hasta: z.string().max(20) })
  .superRefine(({ desde, hasta }, ctx) => {
    for (const [field, message] of Object.entries(importRangeErrors(desde, hasta, new Date())))
      ctx.addIssue({ code: "custom", path: [field], message });
  });

/** «Cancelar» and «Reanudar» of one import. */
export const clientImportRefSchema = z.object({ businessId: z.uuid(), importId: z.uuid() });

/** «Importar seleccionados»: the CUITs chosen among that import's findings. */
export const importFoundClientsSchema = clientImportRefSchema.extend({
  cuits: z
    .array(z.string().regex(/^\d{11}$/, "Elegí clientes de la lista."))
    .min(1, "Elegí al menos un cliente.")
    .max(5000),
});
