"use server";

import { eq } from "drizzle-orm";
import { userAction } from "@/lib/actions/pipeline";
import { requestClientAddress } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { admitPasswordRecheck, signInSucceeded } from "@/lib/auth/sign-in-limits";
import { users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { passwordChangedMessage } from "@/lib/mail/messages";
import { getRuntime } from "@/lib/runtime";
import { FORGOT_PASSWORD_PATH } from "./password-reset";
import { changePasswordSchema } from "./schemas";

const WRONG_CURRENT = "La contraseña actual no es correcta.";

/**
 * "Cambiar contraseña": needs the current one (failures count like failed sign-ins), applies
 * the strength rules, and ends every other session of the account and every reset link sent.
 */
export const changePassword = userAction({
  name: "changePassword",
  schema: changePasswordSchema,
  async handler({ current, next }, { user }) {
    const runtime = await getRuntime();
    // Guessing the current password counts like failed sign-ins of this email and address.
    const keys = await admitPasswordRecheck(
      runtime.throttle,
      user.email,
      await requestClientAddress(),
    );
    const { db } = runtime.handle;
    const [row] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    if (!(await verifyPassword(row?.passwordHash ?? null, current))) {
      throw new DomainError("invalid", WRONG_CURRENT, { current: [WRONG_CURRENT] });
    }
    await signInSucceeded(runtime.throttle, keys);
    const problem = passwordProblem(next, [user.name, user.email]);
    if (problem) throw new DomainError("invalid", problem, { next: [problem] });
    const passwordHash = await hashPassword(next);
    // One commit: the new hash, the other sessions ended, the reset links still out retired
    // (whoever read that mailbox must not set a password of their own afterwards), the log line
    // and the email telling the owner of the address (who may not be the person at this keyboard).
    const endedSessions = await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      await runtime.tokens.retire(tx, user.id, "reset-password");
      await runtime.audit.recordAccountEvent(user.id, "account.password_change", tx);
      const resetUrl = runtime.mail.link(FORGOT_PASSWORD_PATH);
      await runtime.mail.enqueue(
        tx,
        user.email,
        passwordChangedMessage({ name: user.name, resetUrl }),
      );
      return runtime.sessions.endOthers(user.id, user.sessionId, tx);
    });
    return { endedSessions };
  },
});
