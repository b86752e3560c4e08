"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { passwordResetRequestSchema, resetPasswordSchema } from "@/lib/account/schemas";
import { ActionFailure } from "@/lib/actions/errors";
import { publicAction } from "@/lib/actions/pipeline";
import { isRedirectError } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import {
  signIn,
  signOut,
  TooManySignInAttempts,
  TooManyTwoFactorCodes,
  TwoFactorRequired,
  WrongTwoFactorCode,
} from "./index";
import { requestClientAddress } from "./client-address";
import { passwordProblem } from "./password-policy";
import {
  signInKeys,
  signInWait,
  tooManyAttemptsMessage,
  twoFactorCodeWait,
} from "./sign-in-limits";
import { addressKey, describeWait, throttleRules } from "./throttle";
import { currentUser } from "./session";
import { signInSchema, signUpSchema } from "./schemas";

function safeRedirect(target: unknown): string {
  return typeof target === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(target) ? target : "/";
}

const WRONG_CODE = "El código de verificación no es correcto.";

async function passwordSignIn(
  email: string,
  password: string,
  redirectTo: string,
  invitation?: string,
  code?: string,
) {
  try {
    await signIn("credentials", { email, password, redirectTo, ...(code && { code }) });
  } catch (error) {
    // Success is a redirect thrown by signIn: only Auth.js' own errors are failures.
    if (error instanceof AuthError) {
      const errorCode = (error as { code?: unknown }).code;
      // The form keeps email and password and asks for the code as a second step.
      if (errorCode === new TwoFactorRequired().code) {
        throw new ActionFailure(
          "two_factor_required",
          "Ingresá el código de verificación de tu app de autenticación.",
        );
      }
      if (errorCode === new WrongTwoFactorCode().code) {
        throw new ActionFailure("invalid", WRONG_CODE, { code: [WRONG_CODE] });
      }
      if (errorCode === new TooManySignInAttempts().code) {
        const keys = signInKeys(email, await requestClientAddress());
        const wait = await signInWait((await getRuntime()).throttle, keys);
        throw new ActionFailure("invalid", tooManyAttemptsMessage(wait));
      }
      if (errorCode === new TooManyTwoFactorCodes().code) {
        const [user] = await (
          await getDb()
        )
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, email.toLowerCase()));
        const wait = user ? await twoFactorCodeWait((await getRuntime()).throttle, user.id) : 0;
        throw new ActionFailure("invalid", tooManyAttemptsMessage(wait), {
          code: [tooManyAttemptsMessage(wait)],
        });
      }
      throw new ActionFailure("invalid", "El email o la contraseña no son correctos.");
    }
    if (invitation && isRedirectError(error)) await acceptAfterSignIn(email, invitation);
    throw error;
  }
}

/**
 * Signing in or up from an invitation link accepts it, when the email is the invited one;
 * otherwise the invitation page says why not.
 */
async function acceptAfterSignIn(email: string, token: string): Promise<never> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, email));
  let businessId: string | null = null;
  if (user) {
    try {
      ({ businessId } = await (await getRuntime()).members.acceptInvitation(token, user));
    } catch (failure) {
      // Refused (used, revoked, expired, another email): the invitation page says why.
      if (!(failure instanceof DomainError)) throw failure;
    }
  }
  redirect(businessId ? `/empresas/${businessId}` : `/invitacion/${encodeURIComponent(token)}`);
}

/** "Ingresar". On success the browser is redirected. */
export const signInWithPassword = publicAction({
  name: "signIn",
  schema: signInSchema,
  async handler({ email, password, callbackUrl, invitacion, code }) {
    await passwordSignIn(email, password, safeRedirect(callbackUrl), invitacion, code);
  },
});

/**
 * "Crear cuenta": a new email gets an unverified account and a verification link, a taken one
 * an email to its owner; both get the same answer ("Revisá tu email"), and nobody is signed in.
 */
export const signUp = publicAction({
  name: "signUp",
  schema: signUpSchema,
  async handler({ name, email, password, invitacion }) {
    const { throttle, verification } = await getRuntime();
    const address = addressKey(await requestClientAddress());
    const rule = { ...throttleRules.signUpAddress, free: env().TABLERO_SIGNUPS_PER_HOUR };
    const wait = await throttle.waitFor(rule, address);
    if (wait > 0) {
      throw new ActionFailure(
        "invalid",
        `Se crearon demasiadas cuentas desde esta conexión. Probá de nuevo en ${describeWait(wait)}.`,
      );
    }
    const problem = passwordProblem(password, [name, email]);
    if (problem) throw new ActionFailure("invalid", problem, { password: [problem] });
    await throttle.fail(rule, address);
    const sent = await verification.signUp({ name, email, password, invitation: invitacion });
    return { email, ...sent };
  },
});

/** "Salir". */
export async function signOutAction(form?: FormData): Promise<void> {
  // The session ends on the server first: the cookie, if kept or copied, opens nothing.
  const user = await currentUser();
  if (user) await (await getRuntime()).sessions.end(user.id, user.sessionId);
  // From an invitation meant for another account: back to signing in with that invitation.
  const invitation = form?.get("invitacion");
  const valid = typeof invitation === "string" && /^[\w-]{20,100}$/.test(invitation);
  await signOut({ redirectTo: valid ? `/ingresar?invitacion=${invitation}` : "/ingresar" });
}

/**
 * "¿Olvidaste tu contraseña?": the same answer whether or not the email has an account; only
 * the limits (counted for every address alike) and email being off are told apart.
 */
export const requestPasswordReset = publicAction({
  name: "requestPasswordReset",
  schema: passwordResetRequestSchema,
  async handler({ email }) {
    const { passwordReset } = await getRuntime();
    await passwordReset.admit(email, (await requestClientAddress()) ?? "desconocida");
    // Looking the account up and writing its link happen after the answer has left, so the
    // time it takes cannot tell a known address from an unknown one.
    after(() => passwordReset.sendLink(email));
    return { sent: true as const };
  },
});

/** The emailed link's form: a new password; every session ends and sign-in is next. */
export const resetPassword = publicAction({
  name: "resetPassword",
  schema: resetPasswordSchema,
  async handler({ token, password }) {
    const { passwordReset } = await getRuntime();
    await passwordReset.reset(token, password, await requestClientAddress());
    redirect("/ingresar?contrasena=cambiada");
  },
});
