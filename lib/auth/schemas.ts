import { z } from "zod";

const email = z
  .string({ error: "Ingresá tu email." })
  .trim()
  .toLowerCase()
  .min(1, "Ingresá tu email.")
  .pipe(z.email("Ingresá un email válido, por ejemplo nombre@empresa.com.ar."));

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Ingresá tu contraseña." }).min(1, "Ingresá tu contraseña."),
  callbackUrl: z.string().optional(),
  /** The second step, for accounts with two-factor on: a TOTP code or a recovery code. */
  code: z.string().trim().max(40, "Revisá el código.").optional(),
  /** The token of the invitation link the user came from, accepted once signed in. */
  invitacion: z.string().max(200).optional(),
});

export const signUpSchema = z.object({
  name: z
    .string({ error: "Ingresá tu nombre." })
    .trim()
    .min(2, "Ingresá tu nombre.")
    .max(100, "El nombre es demasiado largo."),
  email,
  password: z
    .string({ error: "Elegí una contraseña." })
    .min(12, "La contraseña debe tener al menos 12 caracteres.")
    .max(200, "La contraseña es demasiado larga."),
  invitacion: z.string().max(200).optional(),
});
