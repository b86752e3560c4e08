import type { Metadata } from "next";
import Link from "next/link";
import { EnrolForBusiness } from "@/components/account/enrol-for-business";
import { Alert } from "@/components/ui/alert";
import { findMembership } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/session";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Verificación en dos pasos" };

/**
 * Where a member without two-factor lands from a business that requires it: why, and the
 * set-up; once it is on, the way back into the business.
 */
export default async function TwoFactorRequiredPage({
  searchParams,
}: {
  searchParams: Promise<{ empresa?: string }>;
}) {
  const user = await requireUser();
  const { empresa } = await searchParams;
  // Named only to its members: anyone else sees the page without a business.
  const membership = empresa ? await findMembership(user.id, empresa) : null;
  const business = membership?.business.requireTwoFactor ? membership.business : null;
  const status = await (await getRuntime()).twoFactor.status(user.id);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Verificación en dos pasos</h1>
      {business ? (
        <Alert tone="warning" title={`${business.razonSocial} pide verificación en dos pasos`}>
          Un dueño de la empresa pidió que todos sus miembros ingresen con un código además de la
          contraseña. Activala para entrar.
        </Alert>
      ) : null}
      {status.enabledAt ? (
        <Alert tone="success" title="Tu verificación en dos pasos está activada">
          {business ? (
            <Link href={`/empresas/${business.id}`} className="font-medium underline">
              Entrar a {business.razonSocial}
            </Link>
          ) : (
            <Link href="/cuenta" className="font-medium underline">
              Ir a tu cuenta
            </Link>
          )}
        </Alert>
      ) : (
        <EnrolForBusiness businessId={business?.id ?? null} emailVerified={status.emailVerified} />
      )}
    </div>
  );
}
