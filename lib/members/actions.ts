"use server";

import { businessAction, userAction } from "@/lib/actions/pipeline";
import { getRuntime } from "@/lib/runtime";
import {
  changeRoleSchema,
  invitationTokenSchema,
  inviteSchema,
  removeMemberSchema,
  resendInvitationSchema,
  revokeInvitationSchema,
} from "./schemas";

/** "Invitar": emails the link and returns its token, shown once to copy. */
export const inviteMember = businessAction({
  name: "inviteMember",
  permission: "members:manage",
  reauth: true,
  schema: inviteSchema,
  async handler({ businessId, email, role }, { user }) {
    return (await getRuntime()).members.invite({ businessId, invitedBy: user.id, email, role });
  },
});

/** "Reenviar" on a pending invitation: a new link (the old one stops working) and a new email. */
export const resendInvitation = businessAction({
  name: "resendInvitation",
  permission: "members:manage",
  // A new working link, like inviting: the same re-authentication.
  reauth: true,
  schema: resendInvitationSchema,
  async handler({ businessId, invitationId }, { user }) {
    return (await getRuntime()).members.resendInvitation({
      businessId,
      invitationId,
      userId: user.id,
    });
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
