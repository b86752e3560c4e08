"use server";

import { businessAction, userAction } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
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
  reauth: true,
  schema: inviteSchema,
  async handler({ businessId, email, role }, { user }) {
    return (await getRuntime()).members.invite({ businessId, invitedBy: user.id, email, role });
  },
});

export const revokeInvitation = businessAction({
  name: "revokeInvitation",
  permission: "members:manage",
  schema: revokeInvitationSchema,
  async handler({ businessId, invitationId }, { user }) {
    await (
      await getRuntime()
    ).members.revokeInvitation({
      businessId,
      invitationId,
      userId: user.id,
    });
  },
});

export const changeMemberRole = businessAction({
  name: "changeMemberRole",
  permission: "members:manage",
  reauth: true,
  schema: changeRoleSchema,
  async handler({ businessId, userId, role }, { user }) {
    await (await getRuntime()).members.changeRole({ businessId, userId, role, by: user.id });
  },
});

export const removeMember = businessAction({
  name: "removeMember",
  permission: "members:manage",
  reauth: true,
  schema: removeMemberSchema,
  async handler({ businessId, userId }, { user }) {
    await (await getRuntime()).members.removeMember({ businessId, userId, by: user.id });
  },
});

/** "Aceptar invitación" for the signed-in user; only works with the invited email. */
export const acceptInvitation = userAction({
  name: "acceptInvitation",
  schema: invitationTokenSchema,
  async handler({ token }, { user }) {
    return (await getRuntime()).members.acceptInvitation(token, user);
  },
});
