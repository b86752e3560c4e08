import { z } from "zod";
import { cuitError, normalizeCuit } from "./cuit";

/** A CUIT typed by a person, validated and normalized to 11 plain digits. */
export const cuitSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const message = cuitError(value);
    if (message) ctx.addIssue({ code: "custom", message });
  })
  .transform(normalizeCuit);
