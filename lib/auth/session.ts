import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { auth } from "./index";

export type SessionUser = Pick<User, "id" | "name" | "email">;

/**
 * The signed-in user, checked against the database (a deleted account's cookie is worthless).
 * Memoized per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id));
  return user ?? null;
});

/** The signed-in user, or a redirect to the sign-in page. For pages and layouts. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/ingresar");
  return user;
}
