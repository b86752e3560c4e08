import type { Metadata } from "next";
import { InviteMember } from "@/components/members/invite-member";
import { LazyMembersTable, LazyPendingInvitations } from "@/components/members/lazy-lists";
import { RequireTwoFactor } from "@/components/members/require-two-factor";
import { Alert } from "@/components/ui/alert";
import { requireBusiness } from "@/lib/auth/access";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Miembros" };

export default async function MembersPage({ params }: { params: Promise<{ businessId: string }> }) {
  const { businessId } = await params;
  const { user, business, allowed } = await requireBusiness(businessId, "members:manage");
  if (!allowed) {
    return (
      <Alert tone="info">Solo los dueños de la empresa pueden ver y cambiar sus miembros.</Alert>
    );
  }
  const runtime = await getRuntime();
  const service = runtime.members;
  const { enabled: mailEnabled } = runtime.mail;
  const [members, pending, canInvite] = await Promise.all([
    service.listMembers(businessId),
    service.listPendingInvitations(businessId),
    service.canInvite(user.id),
  ]);
  return (
    <div className="space-y-8">
      <InviteMember businessId={businessId} mailEnabled={mailEnabled} canInvite={canInvite} />
      <LazyPendingInvitations
        businessId={businessId}
        invitations={pending}
        mailEnabled={mailEnabled}
      />
      <LazyMembersTable businessId={businessId} members={members} currentUserId={user.id} />
      <RequireTwoFactor
        businessId={businessId}
        required={business.requireTwoFactor}
        ownTwoFactor={user.twoFactor}
      />
    </div>
  );
}
