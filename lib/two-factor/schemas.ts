import { z } from "zod";
import { businessIdSchema } from "@/lib/businesses/schemas";

export const beginSetupSchema = z.object({});

export const confirmSetupSchema = z.object({
  /** From `beginTwoFactorSetup`: the set-up this code confirms. */
  setupId: z.string().min(1).max(100),
  code: z
    .string({ error: "Ingresá el código de 6 dígitos de tu app." })
    .trim()
    .regex(/^\d{3} ?\d{3}$/, "Ingresá el código de 6 dígitos de tu app."),
});

export const regenerateCodesSchema = z.object({});
export const disableTwoFactorSchema = z.object({});

/** The owner's switch: everyone needs two-factor to enter the business. */
export const requireTwoFactorSchema = businessIdSchema.extend({ required: z.boolean() });
