import type { Metadata } from "next";
import {
  LazyAccountSections,
  LazyTwoFactorSection,
} from "@/components/account/lazy-account-sections";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Tu cuenta" };

export default async function AccountPage() {
  const user = await requireUser();
  const runtime = await getRuntime();
  const sessions = await runtime.sessions.list(user.id, user.sessionId);
  // The user's own two-factor state only.
  const twoFactor = await runtime.twoFactor.status(user.id);
  const { TABLERO_SESSION_IDLE_MINUTES, TABLERO_SESSION_HOURS } = env();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Tu cuenta</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
      </div>
      <LazyTwoFactorSection
        state={{
          enabledAt: twoFactor.enabledAt?.toISOString() ?? null,
          remainingCodes: twoFactor.remainingCodes,
          emailVerified: twoFactor.emailVerified,
        }}
      />
      <LazyAccountSections
        sessions={sessions}
        idleMinutes={TABLERO_SESSION_IDLE_MINUTES}
        hours={TABLERO_SESSION_HOURS}
      />
    </div>
  );
}
