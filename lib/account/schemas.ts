import { z } from "zod";
import { signInSchema } from "@/lib/auth/schemas";

/** "Cambiar contraseña": the strength rules are checked on the server (passwordProblem). */
export const changePasswordSchema = z
  .object({
    current: z
      .string({ error: "Ingresá tu contraseña actual." })
      .min(1, "Ingresá tu contraseña actual."),
    next: z
      .string({ error: "Elegí una contraseña nueva." })
      .min(12, "La contraseña debe tener al menos 12 caracteres.")
      .max(200, "La contraseña es demasiado larga."),
    confirm: z.string({ error: "Repetí la contraseña nueva." }),
  })
  .refine((input) => input.confirm === input.next, {
    path: ["confirm"],
    message: "Las dos contraseñas nuevas no coinciden.",
  })
  .refine((input) => input.next !== input.current, {
    path: ["next"],
    message: "La contraseña nueva debe ser distinta de la actual.",
  });

/** "¿Olvidaste tu contraseña?": the address to send the link to (the sign-in form's rule). */
export const passwordResetRequestSchema = z.object({ email: signInSchema.shape.email });

/** The emailed link's form: the new password twice; its strength is checked on the server. */
export const resetPasswordSchema = z
  .object({
    token: z.string().max(100),
    password: z
      .string({ error: "Elegí una contraseña nueva." })
      .min(12, "La contraseña debe tener al menos 12 caracteres.")
      .max(200, "La contraseña es demasiado larga."),
    confirm: z.string({ error: "Repetí la contraseña nueva." }),
  })
  .refine((input) => input.confirm === input.password, {
    path: ["confirm"],
    message: "Las dos contraseñas no coinciden.",
  });
