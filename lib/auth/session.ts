import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getRuntime } from "@/lib/runtime";
import type { SessionAccount } from "@/lib/sessions/service";
import { sessionClaims } from "./index";

export type SessionUser = SessionAccount & {
  /** The server-side session this request belongs to (`user_sessions.id`). */
  sessionId: string;
};

/**
 * The signed-in user, checked against the database on every request: the session must still
 * be live (not ended by "Salir" or "Cerrar", not expired, not idle too long) and the account
 * must exist. One query, memoized per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const runtime = await getRuntime();
  const account = await runtime.sessions.userOf(claims.sessionId, claims.userId);
  return account && { ...account, sessionId: claims.sessionId };
});

/** The signed-in user, or a redirect to the sign-in page. For pages and layouts. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/ingresar");
  return user;
}
