import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { CurrentBusinessProvider } from "@/components/navigation/current-business";
import { VerifyEmailBanner } from "@/components/verification/verify-email-banner";
import { requireUser } from "@/lib/auth/session";
import { getRuntime } from "@/lib/runtime";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Memberships only: the switcher and the palette's first list are the user's own businesses,
  // the first few of them: every page carries them, and the palette searches the rest.
  const runtime = await getRuntime();
  const [header, verification] = await Promise.all([
    runtime.navigation.headerBusinessesOf(user.id),
    // The user's own account only; the session's query already said whether it is confirmed.
    user.emailVerified ? null : runtime.verification.status(user.id),
  ]);
  return (
    <CurrentBusinessProvider>
      <AppHeader userName={user.name} businesses={header.businesses} total={header.total} />
      <main className="mx-auto max-w-5xl px-4 py-8">
        {!verification || verification.verified ? null : (
          <div className="mb-6">
            <VerifyEmailBanner status={verification} />
          </div>
        )}
        {children}
      </main>
    </CurrentBusinessProvider>
  );
}
