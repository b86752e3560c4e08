"use server";

import { eq } from "drizzle-orm";
import { ActionFailure } from "@/lib/actions/errors";
import { userAction } from "@/lib/actions/pipeline";
import { requestClientAddress } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/password";
import {
  admitPasswordRecheck,
  admitTwoFactorCode,
  signInNeedsCode,
  signInSucceeded,
  tooManyAttemptsMessage,
  twoFactorCodeRight,
} from "@/lib/auth/sign-in-limits";
import { users } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { recordSecurityEvent } from "@/lib/security-log/request";
import { confirmIdentitySchema, endOtherSessionsSchema, endSessionSchema } from "./schemas";

const WRONG_PASSWORD = "La contraseña no es correcta.";
const WRONG_CODE = "El código de verificación no es correcto.";

/** "Cerrar": ends one of the signed-in user's other sessions, on every instance at once. */
export const endSession = userAction({
  name: "endSession",
  schema: endSessionSchema,
  async handler({ sessionId }, { user }) {
    if (sessionId === user.sessionId) {
      throw new DomainError("conflict", "Para cerrar esta sesión usá «Salir».");
    }
    const ended = await (await getRuntime()).sessions.end(user.id, sessionId);
    if (!ended) throw new DomainError("not_found", "Esa sesión ya estaba cerrada.");
    await recordSecurityEvent({ kind: "session.revoked", userId: user.id, subject: "1 sesión" });
    return { ended: 1 };
  },
});

/** "Cerrar todas las demás": every session of the user but this one. */
export const endOtherSessions = userAction({
  name: "endOtherSessions",
  schema: endOtherSessionsSchema,
  async handler(_input, { user }) {
    const ended = await (await getRuntime()).sessions.endOthers(user.id, user.sessionId);
    if (ended > 0)
      await recordSecurityEvent({
        kind: "session.revoked",
        userId: user.id,
        subject: `todas las demás (${ended})`,
      });
    return { ended };
  },
});

/**
 * "Confirmá que sos vos": the password (and the code when two-factor is on) again, so that a
 * sensitive action may run for the next 10 minutes. Failures count like failed sign-ins of
 * this email and address, and wrong codes per account, so a borrowed session cannot guess its
 * way through.
 */
export const confirmIdentity = userAction({
  name: "confirmIdentity",
  schema: confirmIdentitySchema,
  async handler({ password, code }, { user }) {
    const runtime = await getRuntime();
    const keys = await admitPasswordRecheck(
      runtime.throttle,
      user.email,
      await requestClientAddress(),
    );
    const [row] = await runtime.handle.db
      .select({ passwordHash: users.passwordHash, twoFactorSince: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, user.id));
    if (!(await verifyPassword(row?.passwordHash ?? null, password))) {
      throw new DomainError("invalid", WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
    }
    if (row?.twoFactorSince) {
      // Like signing in: a right password alone gives its attempt back and asks for the code.
      if (!code) {
        await signInNeedsCode(runtime.throttle, keys);
        throw new ActionFailure("two_factor_required", "Ingresá el código de verificación.");
      }
      // Wrong codes count per account as well, as at sign-in.
      const wait = await admitTwoFactorCode(runtime.throttle, user.id);
      if (wait > 0) {
        const refusal = tooManyAttemptsMessage(wait);
        throw new DomainError("invalid", refusal, { code: [refusal] });
      }
      if (!(await runtime.twoFactor.verify(user.id, code))) {
        throw new DomainError("invalid", WRONG_CODE, { code: [WRONG_CODE] });
      }
      await twoFactorCodeRight(runtime.throttle, user.id);
    }
    await signInSucceeded(runtime.throttle, keys);
    if (!(await runtime.sessions.markAuthenticated(user.sessionId, user.id))) {
      throw new DomainError("not_found", "Tu sesión terminó. Ingresá de nuevo.");
    }
    return { confirmed: true };
  },
});
