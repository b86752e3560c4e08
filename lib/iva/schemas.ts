import { z } from "zod";
import { checkPeriod, ivaPeriodFields } from "./period-schema";

/** "Solicitar reporte" for one business: the form's fields plus the submission's identity. */
export const ivaRequestSchema = z
  .object({
    businessId: z.string(),
    ...ivaPeriodFields,
    requestKey: z.uuid(),
    send: z.boolean(),
    repeatOf: z.uuid().nullable(),
  })
  .superRefine(checkPeriod());

/** "Solicitar para varias empresas". */
export const ivaBatchSchema = z
  .object({
    ...ivaPeriodFields,
    businessIds: z
      .array(z.uuid(), { error: "Elegí al menos una empresa." })
      .min(1, "Elegí al menos una empresa.")
      .max(500),
    requestKey: z.uuid(),
    send: z.boolean(),
    repeat: z.boolean(),
  })
  .superRefine(checkPeriod());

export const ivaBatchIdSchema = z.object({ batchId: z.uuid() });
