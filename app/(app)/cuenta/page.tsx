import type { Metadata } from "next";
import { AccountSections } from "@/components/account/account-sections";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Tu cuenta" };

export default async function AccountPage() {
  const user = await requireUser();
  const sessions = await (await getRuntime()).sessions.list(user.id, user.sessionId);
  const { TABLERO_SESSION_IDLE_MINUTES, TABLERO_SESSION_HOURS } = env();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Tu cuenta</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
      </div>
      <AccountSections
        sessions={sessions}
        idleMinutes={TABLERO_SESSION_IDLE_MINUTES}
        hours={TABLERO_SESSION_HOURS}
      />
    </div>
  );
}
