import "server-only";
import type { Role } from "@/lib/db/schema";

export type InvitationState =
  "pending" | "accepted" | "revoked" | "expired" | "wrong_email" | "not_found";

export type InvitationInfo = {
  state: InvitationState;
  businessId: string | null;
  razonSocial: string | null;
  role: Role | null;
  invitedBy: string | null;
};

/** Where an invitation stands for someone signed in with `email` (null: nobody yet). */
export function stateOf(
  row: { email: string; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  email: string | null,
  now: Date,
): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  if (email !== null && email.toLowerCase() !== row.email) return "wrong_email";
  return "pending";
}

export const notFound: InvitationInfo = {
  state: "not_found",
  businessId: null,
  razonSocial: null,
  role: null,
  invitedBy: null,
};

export const invitationMessages: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "Esta invitación ya fue usada.",
  revoked: "Esta invitación fue revocada. Pedile a quien te invitó una nueva.",
  expired: "Esta invitación venció. Pedile a quien te invitó una nueva.",
  wrong_email: "Esta invitación no es para tu cuenta: ingresá con el email al que te invitaron.",
  not_found: "No encontramos esa invitación. Revisá que el enlace esté completo.",
};

/** The invited person has not confirmed their email yet: accepting proves the address. */
export const unverifiedMessage =
  "Para aceptar la invitación, primero confirmá tu email con el enlace que te enviamos.";
