"use client";

import { useRouter } from "next/navigation";
import { TwoFactorSection } from "./two-factor-section";

/** The set-up, then (after "Ya los guardé") straight into the business that asked for it. */
export function EnrolForBusiness({
  businessId,
  emailVerified,
}: {
  businessId: string | null;
  emailVerified: boolean;
}) {
  const router = useRouter();
  return (
    <TwoFactorSection
      state={{ enabledAt: null, remainingCodes: 0, emailVerified }}
      onEnabledSaved={() => {
        if (businessId) router.push(`/empresas/${businessId}`);
        else router.push("/cuenta");
        router.refresh();
      }}
    />
  );
}
