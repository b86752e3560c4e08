"use server";

import { eq } from "drizzle-orm";
import { userAction } from "@/lib/actions/pipeline";
import { requestClientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { signInLimits } from "@/lib/auth/rate-limit";
import { users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { changePasswordSchema } from "./schemas";

const WRONG_CURRENT = "La contraseña actual no es correcta.";
const TOO_MANY = "Demasiados intentos fallidos. Esperá 15 minutos y probá de nuevo.";

/**
 * "Cambiar contraseña": needs the current one (failures count like failed sign-ins), applies
 * the strength rules, and ends every other session of the account.
 */
export const changePassword = userAction({
  name: "changePassword",
  schema: changePasswordSchema,
  async handler({ current, next }, { user }) {
    const address = await requestClientAddress();
    const pair = `${user.email}\n${address ?? "desconocida"}`;
    const limits = signInLimits().byEmailAndAddress;
    if (limits.blocked(pair, Date.now())) throw new DomainError("invalid", TOO_MANY);
    const runtime = await getRuntime();
    const { db } = runtime.handle;
    const [row] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    if (!(await verifyPassword(row?.passwordHash ?? null, current))) {
      limits.fail(pair, Date.now());
      throw new DomainError("invalid", WRONG_CURRENT, { current: [WRONG_CURRENT] });
    }
    const problem = passwordProblem(next, [user.name, user.email]);
    if (problem) throw new DomainError("invalid", problem, { next: [problem] });
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(next) })
      .where(eq(users.id, user.id));
    return { endedSessions: await runtime.sessions.endOthers(user.id, user.sessionId) };
  },
});
