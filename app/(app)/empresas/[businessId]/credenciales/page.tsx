import type { Metadata } from "next";
import {
  LazyCredentialsManager,
  LazyDeleteBusiness,
} from "@/components/businesses/lazy-credentials";
import { Alert } from "@/components/ui/alert";
import { requireBusiness } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Credenciales" };

export default async function CredentialsPage({
  params,
  searchParams,
}: {
  params: Promise<{ businessId: string }>;
  searchParams: Promise<{ verificacion?: string }>;
}) {
  const { businessId } = await params;
  const { verificacion } = await searchParams;
  const { role, allowed } = await requireBusiness(businessId, "credentials:manage");
  if (!allowed) {
    return (
      <Alert tone="info">
        Solo los dueños de la empresa pueden ver y cambiar sus credenciales.
      </Alert>
    );
  }
  const status = await (await getRuntime()).businesses.getCredentialStatus(businessId);
  return (
    <div className="max-w-xl space-y-8">
      <LazyCredentialsManager
        businessId={businessId}
        justFailed={verificacion === "fallida"}
        status={
          status
            ? {
                status: status.status,
                detail: status.detail,
                lastVerifiedAt: status.lastVerifiedAt?.toISOString() ?? null,
                updatedAt: status.updatedAt.toISOString(),
              }
            : null
        }
      />
      {can(role, "business:delete") ? <LazyDeleteBusiness businessId={businessId} /> : null}
    </div>
  );
}
