"use server";

import { AuthError } from "next-auth";
import { ActionFailure } from "@/lib/actions/errors";
import { publicAction } from "@/lib/actions/pipeline";
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
export const signInWithPassword = publicAction({
  name: "signIn",
  schema: signInSchema,
  async handler({ email, password, callbackUrl }) {
    await passwordSignIn(email, password, safeRedirect(callbackUrl));
  },
});

/** "Crear cuenta": creates the user and signs them in. */
export const signUp = publicAction({
  name: "signUp",
  schema: signUpSchema,
  async handler({ name, email, password }) {
    const db = await getDb();
    const [created] = await db
      .insert(users)
      .values({ name, email, passwordHash: await hashPassword(password) })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!created)
      throw new ActionFailure("conflict", "Ya existe una cuenta con ese email.", {
        email: ["Ya existe una cuenta con ese email. Ingresá con tu contraseña."],
      });
    await passwordSignIn(email, password, "/empresas");
  },
});

/** "Salir". */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/ingresar" });
}
