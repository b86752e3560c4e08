import { z } from "zod";

/**
 * "Presupuesto mensual": requests per month, or empty to follow the plan's cupo again. Shared
 * by the form and the action.
 */
export const requestBudgetSchema = z.object({
  businessId: z.uuid(),
  budget: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const parsed = Number(value.replace(/\./g, ""));
      if (!Number.isInteger(parsed) || parsed < 1 || parsed > 100_000) {
        ctx.addIssue({
          code: "custom",
          message: "Ingresá un número entero de requests entre 1 y 100.000, o dejalo vacío.",
        });
        return z.NEVER;
      }
      return parsed;
    }),
});
