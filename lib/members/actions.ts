"use server";

import { businessAction, userAction } from "@/lib/actions/pipeline";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  acceptInvitation as accept,
  changeRole as change,
  invite,
  removeMember as remove,
  revokeInvitation as revoke,
} from "./service";
import {
  changeRoleSchema,
  invitationTokenSchema,
  inviteSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "./schemas";

/** "Invitar": returns the link's token, shown once to copy. */
export const inviteMember = businessAction({
  name: "inviteMember",
  permission: "members:manage",
  schema: inviteSchema,
  async handler({ businessId, email, role }, { user }) {
    return invite(await getDb(), {
      businessId,
      invitedBy: user.id,
      email,
      role,
      now: new Date(),
      lifetimeMs: env().TABLERO_INVITATION_MINUTES * 60_000,
    });
  },
});

export const revokeInvitation = businessAction({
  name: "revokeInvitation",
  permission: "members:manage",
  schema: revokeInvitationSchema,
  async handler({ businessId, invitationId }, { user }) {
    await revoke(await getDb(), { businessId, invitationId, userId: user.id, now: new Date() });
  },
});

export const changeMemberRole = businessAction({
  name: "changeMemberRole",
  permission: "members:manage",
  schema: changeRoleSchema,
  async handler({ businessId, userId, role }, { user }) {
    await change(await getDb(), { businessId, userId, role, by: user.id, now: new Date() });
  },
});

export const removeMember = businessAction({
  name: "removeMember",
  permission: "members:manage",
  schema: removeMemberSchema,
  async handler({ businessId, userId }, { user }) {
    await remove(await getDb(), { businessId, userId, by: user.id, now: new Date() });
  },
});

/** "Aceptar invitación" for the signed-in user; only works with the invited email. */
export const acceptInvitation = userAction({
  name: "acceptInvitation",
  schema: invitationTokenSchema,
  async handler({ token }, { user }) {
    return accept(await getDb(), token, user, new Date());
  },
});
