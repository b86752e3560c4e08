import { z } from "zod";

export const endSessionSchema = z.object({ sessionId: z.uuid() });
export const endOtherSessionsSchema = z.object({});

/** "Confirmá que sos vos": the password, and the code when two-factor is on. */
export const confirmIdentitySchema = z.object({
  password: z.string({ error: "Ingresá tu contraseña." }).min(1, "Ingresá tu contraseña.").max(200),
  code: z.string().trim().max(40, "Revisá el código.").optional(),
});
