import "server-only";
import type { MembersDeps } from "./context";
import { createInvitationAcceptance } from "./invitation-acceptance";
import { createInvitationSender } from "./invitation-sender";
import { createInvitations } from "./invitations";
import { createMembership } from "./membership";

export type { MembersDeps } from "./context";
export { unverifiedInviterMessage } from "./invitation-sender";
export {
  invitationMessages,
  unverifiedMessage,
  type InvitationInfo,
  type InvitationState,
} from "./invitation-states";
export type { IssuedInvitation, PendingInvitation } from "./invitations";
export type { Member } from "./membership";

export type MembersService = ReturnType<typeof createMembersService>;

/**
 * A business's members and invitations: only the token's hash is stored, changes are
 * serialized per business so it always keeps an owner, and every change is audited.
 */
export function createMembersService({ now = () => new Date(), ...deps }: MembersDeps) {
  const context = { ...deps, now };
  const sender = createInvitationSender(context);
  const membership = createMembership(context);
  const invitations = createInvitations(context, sender);
  const acceptance = createInvitationAcceptance(context);
  return {
    canInvite: sender.canInvite,
    listMembers: membership.listMembers,
    listPendingInvitations: invitations.listPendingInvitations,
    invite: invitations.invite,
    resendInvitation: invitations.resendInvitation,
    revokeInvitation: invitations.revokeInvitation,
    changeRole: membership.changeRole,
    removeMember: membership.removeMember,
    invitationInfo: acceptance.invitationInfo,
    acceptInvitation: acceptance.acceptInvitation,
  };
}
