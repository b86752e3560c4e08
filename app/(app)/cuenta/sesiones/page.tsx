import type { Metadata } from "next";
import { ActiveSessions } from "@/components/account/active-sessions";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "Sesiones activas" };

export default async function SessionsPage() {
  const user = await requireUser();
  const sessions = await (await getRuntime()).sessions.list(user.id, user.sessionId);
  const { TABLERO_SESSION_IDLE_MINUTES, TABLERO_SESSION_HOURS } = env();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Tu cuenta</h1>
      <ActiveSessions
        sessions={sessions}
        idleMinutes={TABLERO_SESSION_IDLE_MINUTES}
        hours={TABLERO_SESSION_HOURS}
      />
    </div>
  );
}
