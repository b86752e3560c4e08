import type { Metadata } from "next";
import {
  LazyInviteMember,
  LazyMembersTable,
  LazyPendingInvitations,
  LazyRequireTwoFactor,
} from "@/components/members/lazy-controls";
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
      <LazyInviteMember businessId={businessId} mailEnabled={mailEnabled} canInvite={canInvite} />
      <LazyPendingInvitations
        businessId={businessId}
        invitations={pending}
        mailEnabled={mailEnabled}
      />
      <LazyMembersTable businessId={businessId} members={members} currentUserId={user.id} />
      <LazyRequireTwoFactor
        businessId={businessId}
        required={business.requireTwoFactor}
        ownTwoFactor={user.twoFactor}
      />
    </div>
  );
}
