import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { MonthlyRequests } from "@/components/audit/monthly-requests";
import { SecurityEvents } from "@/components/audit/security-events";
import { Alert } from "@/components/ui/alert";
import { requireBusiness } from "@/lib/auth/access";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Actividad" };

export default async function ActivityPage({
  params,
}: {
  params: Promise<{ businessId: string }>;
}) {
  const { businessId } = await params;
  const { allowed } = await requireBusiness(businessId, "audit:read");
  if (!allowed) {
    return <Alert tone="info">Solo los dueños de la empresa pueden ver su actividad.</Alert>;
  }
  const { audit, spending, securityLog } = await getRuntime();
  const [entries, monthly, budget, security] = await Promise.all([
    audit.listAudit(businessId),
    audit.requestsThisMonth(businessId),
    spending.budget(businessId),
    securityLog.recentOfBusiness(businessId),
  ]);
  return (
    <div className="space-y-8">
      <MonthlyRequests businessId={businessId} rows={monthly} budget={budget} />
      <AuditLog entries={entries} />
      <SecurityEvents entries={security} />
    </div>
  );
}
