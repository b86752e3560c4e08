import type { ReactNode } from "react";
import { BusinessTabs } from "@/components/businesses/business-tabs";
import { CurrentBusiness } from "@/components/navigation/current-business";
import { requireBusiness } from "@/lib/auth/access";
import { roleLabels } from "@/lib/auth/permissions";
import { formatCuit } from "@/lib/cuit";

export default async function BusinessLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ businessId: string }>;
}) {
  const { businessId } = await params;
  const { business, role } = await requireBusiness(businessId, "business:read");
  return (
    <>
      <CurrentBusiness
        business={{ id: business.id, razonSocial: business.razonSocial, cuit: business.cuit }}
      />
      <div className="print:hidden">
        <h1 className="text-2xl font-semibold">{business.razonSocial}</h1>
        <p className="mt-1 text-sm text-slate-600">
          CUIT {formatCuit(business.cuit)}
          {business.puntoVenta ? ` · Punto de venta ${business.puntoVenta}` : null}
          {` · Tu rol: ${roleLabels[role]}`}
        </p>
      </div>
      <BusinessTabs businessId={business.id} role={role} />
      <div className="mt-6">{children}</div>
    </>
  );
}
