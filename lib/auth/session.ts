import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { users, type User } from "@/lib/db/schema";
import { getRuntime } from "@/lib/runtime";
import { auth } from "./index";

export type SessionUser = Pick<User, "id" | "name" | "email"> & {
  /** The server-side session this request belongs to (`user_sessions.id`). */
  sessionId: string;
  /** Whether the account signs in with a second factor (businesses may require it). */
  twoFactor: boolean;
};

/**
 * The signed-in user, checked against the database on every request: the session must still
 * be live (not ended by "Salir" or "Cerrar", not expired, not idle too long) and the account
 * must exist. Memoized per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const runtime = await getRuntime();
  if (!(await runtime.sessions.check(sessionId, id))) return null;
  const [user] = await runtime.handle.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      twoFactorSince: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  const { twoFactorSince, ...rest } = user;
  return { ...rest, sessionId, twoFactor: twoFactorSince !== null };
});

/** The signed-in user, or a redirect to the sign-in page. For pages and layouts. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/ingresar");
  return user;
}
