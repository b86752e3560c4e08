import { z } from "zod";

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
