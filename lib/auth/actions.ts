"use server";

import { AuthError } from "next-auth";
import { ActionFailure, fieldErrorsOf, messages, toActionError } from "@/lib/actions/errors";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { signIn, signOut } from "./index";
import { hashPassword } from "./password";
import { signInSchema, signUpSchema } from "./schemas";

function safeRedirect(target: unknown): string {
  return typeof target === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(target)
    ? target
    : "/empresas";
}

async function passwordSignIn(email: string, password: string, redirectTo: string) {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    // Success is a redirect thrown by signIn: only Auth.js' own errors are failures.
    if (error instanceof AuthError)
      throw new ActionFailure("invalid", "El email o la contraseña no son correctos.");
    throw error;
  }
}

/** "Ingresar". On success the browser is redirected. */
export async function signInWithPassword(input: unknown): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: {
        code: "invalid",
        message: messages.invalid,
        fieldErrors: fieldErrorsOf(parsed.error),
      },
    };
  try {
    const { email, password, callbackUrl } = parsed.data;
    await passwordSignIn(email, password, safeRedirect(callbackUrl));
    throw new Error("signIn returned without redirecting");
  } catch (error) {
    if (error instanceof ActionFailure) return { ok: false, error: toActionError(error, "signIn") };
    throw error;
  }
}

/** "Crear cuenta": creates the user and signs them in. */
export async function signUp(input: unknown): Promise<ActionResult<never>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: {
        code: "invalid",
        message: messages.invalid,
        fieldErrors: fieldErrorsOf(parsed.error),
      },
    };
  const { name, email, password } = parsed.data;
  const db = await getDb();
  const [created] = await db
    .insert(users)
    .values({ name, email, passwordHash: await hashPassword(password) })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!created)
    return {
      ok: false,
      error: {
        code: "conflict",
        message: "Ya existe una cuenta con ese email.",
        fieldErrors: { email: ["Ya existe una cuenta con ese email. Ingresá con tu contraseña."] },
      },
    };
  await passwordSignIn(email, password, "/empresas");
  throw new Error("signIn returned without redirecting");
}

/** "Salir". */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/ingresar" });
}
