import { z } from "zod";
import { roles } from "@/lib/auth/roles";

const roleSchema = z.enum(roles, { error: "Elegí un rol." });

export const inviteSchema = z.object({
  businessId: z.string(),
  email: z
    .string({ error: "Ingresá el email de la persona." })
    .trim()
    .toLowerCase()
    .min(1, "Ingresá el email de la persona.")
    .max(254, "El email es demasiado largo.")
    .pipe(z.email("El email no es válido.")),
  role: roleSchema,
});

export const revokeInvitationSchema = z.object({
  businessId: z.string(),
  invitationId: z.uuid(),
});

export const resendInvitationSchema = revokeInvitationSchema;

export const changeRoleSchema = z.object({
  businessId: z.string(),
  userId: z.uuid(),
  role: roleSchema,
});

export const removeMemberSchema = z.object({ businessId: z.string(), userId: z.uuid() });

export const invitationTokenSchema = z.object({
  token: z.string().regex(/^[\w-]{20,100}$/, "El enlace de la invitación no es válido."),
});
