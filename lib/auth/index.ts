import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { requestLogger } from "@/lib/log";
import { getRuntime } from "@/lib/runtime";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import type { SecurityKind } from "@/lib/security-log/service";
import { clientAddress } from "./client-address";
import { verifyPassword } from "./password";
import {
  admitSignIn,
  admitTwoFactorCode,
  signInKeys,
  signInNeedsCode,
  signInSucceeded,
  twoFactorCodeRight,
} from "./sign-in-limits";

/** Too many failed sign-ins for this email or from this address: refused before checking. */
export class TooManySignInAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

/**
 * The password is right but the account has had too many wrong two-factor codes (from any
 * address): refused before checking the code.
 */
export class TooManyTwoFactorCodes extends CredentialsSignin {
  override code = "two_factor_throttled";
}

/** The password is right and the account has two-factor on: the form asks for the code. */
export class TwoFactorRequired extends CredentialsSignin {
  override code = "two_factor_required";
}

/** The password is right but the code (or recovery code) is not: counted as a failure. */
export class WrongTwoFactorCode extends CredentialsSignin {
  override code = "two_factor_wrong";
}

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The server-side session (`user_sessions.id`) the cookie names. */
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
  /** A TOTP code or a recovery code; only looked at when the account has two-factor on. */
  code: z.string().trim().max(40).optional(),
});

/** Email and password sign-in with a JWT session cookie (Credentials supports no other). */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().authSecrets,
  trustHost: true,
  // The cookie lives as long as a session may; the session record decides before that.
  session: { strategy: "jwt", maxAge: env().TABLERO_SESSION_HOURS * 3600 },
  // Auth.js draws no page of its own (in English, with inline styles the CSP refuses).
  pages: { signIn: "/ingresar", signOut: "/salir", error: "/ingresar" },
  logger: {
    // Auth.js logs a stack for every wrong password; a failed sign-in is not an error here.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      // The bundled class names are minified, so Auth.js's `type` says which error it is; it
      // wraps what was thrown (in `authorize`, say) as `cause.err`.
      const { type } = error as { type?: unknown };
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      void requestLogger().then((log) =>
        log.error(
          {
            event: "auth.error",
            ...(typeof type === "string" && { authError: type }),
            err: error,
            ...(cause instanceof Error && { cause }),
          },
          "Auth.js error",
        ),
      );
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email } = parsed.data;
        // Counted per email and address: failures from elsewhere never lock the owner out.
        const address = clientAddress(request.headers, env().TABLERO_TRUSTED_PROXY_HOPS);
        const runtime = await getRuntime();
        const keys = signInKeys(email, address);
        const security = (kind: SecurityKind, userId?: string) =>
          runtime.securityLog.record({
            kind,
            userId,
            email,
            address,
            requestId: request.headers.get(REQUEST_ID_HEADER),
          });
        if (!(await admitSignIn(runtime.throttle, keys))) {
          await security("sign_in.throttled");
          throw new TooManySignInAttempts();
        }
        const db = await getDb();
        const [user] = await db.select().from(users).where(eq(users.email, email));
        const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
        if (!user || !ok) {
          await security("sign_in.failed", user?.id);
          return null;
        }
        if (user.totpEnabledAt) {
          const code = parsed.data.code;
          // No guess at the code was made yet: this attempt is given back, not forgotten
          // (forgetting it would let a password holder reset the count between code guesses).
          if (!code) {
            await signInNeedsCode(runtime.throttle, keys);
            throw new TwoFactorRequired();
          }
          // Counted per account too: many addresses give no more guesses at the code.
          if ((await admitTwoFactorCode(runtime.throttle, user.id)) > 0) {
            await security("sign_in.throttled", user.id);
            throw new TooManyTwoFactorCodes();
          }
          if (!(await runtime.twoFactor.verify(user.id, code))) {
            await security("sign_in.two_factor_failed", user.id);
            throw new WrongTwoFactorCode();
          }
          await twoFactorCodeRight(runtime.throttle, user.id);
        }
        // Only while the password is still the one just checked: a change in between (which
        // ends every other session) must not be outlived by this one.
        const sessionId = await runtime.sessions.open({
          userId: user.id,
          userAgent: request.headers.get("user-agent"),
          address,
          passwordHash: user.passwordHash,
        });
        if (!sessionId) return null;
        await signInSucceeded(runtime.throttle, keys);
        await runtime.audit.recordSignIn(user.id);
        return { id: user.id, name: user.name, email: user.email, sessionId };
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out (/api/auth/signout) only clears a JWT session's cookie: the
    // session the cookie names ends here too, so a copy of it opens nothing afterwards.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && typeof token.sub === "string")
        await (await getRuntime()).sessions.end(token.sub, token.sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      // An ended session says nothing, not even to Auth.js's own /api/auth/session.
      const live =
        typeof token.sid === "string" &&
        typeof token.sub === "string" &&
        (await (await getRuntime()).sessions.check(token.sid, token.sub));
      if (!live) return { expires: session.expires } as typeof session;
      session.user.id = token.sub!;
      session.sessionId = token.sid as string;
      return session;
    },
  },
}));

/** The session cookie's claims: who signed in, and the server-side session it belongs to. */
export type SessionClaims = { userId: string; sessionId: string };

const SESSION_COOKIE = "authjs.session-token";
/** Auth.js names the cookie `__Secure-…` over https (and when the protocol is unknown). */
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * Cookies already decrypted, by a digest of cookie name and value, with their claims and
 * expiry. A cookie's content cannot change (it is encrypted and authenticated with
 * AUTH_SECRET), so decrypting the same one again would only give the same answer; whether its
 * session is still live and what the user may do are asked of the database on every request.
 */
const decrypted = new Map<string, SessionClaims & { expiresAt: number }>();
const DECRYPTED_MAX = 2000;

/** A cookie's value, joined back when Auth.js split a large one into `name.0`, `name.1`, … */
function cookieValue(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  let joined = "";
  for (let i = 0; jar.has(`${name}.${i}`); i++) joined += jar.get(`${name}.${i}`)!.value;
  return joined || null;
}

async function claimsOf(token: string, name: string): Promise<SessionClaims | null> {
  const key = createHash("sha256").update(name).update("\0").update(token).digest("base64url");
  const known = decrypted.get(key);
  if (known && known.expiresAt > Date.now())
    return { userId: known.userId, sessionId: known.sessionId };
  decrypted.delete(key);
  // The salt is the cookie's name, as Auth.js encrypts it; expired or foreign tokens throw.
  const payload = await decode({ token, secret: env().authSecrets, salt: name }).catch(() => null);
  const { sub, sid, exp } = payload ?? {};
  if (typeof sub !== "string" || typeof sid !== "string" || typeof exp !== "number") return null;
  if (decrypted.size >= DECRYPTED_MAX) decrypted.delete(decrypted.keys().next().value!);
  decrypted.set(key, { userId: sub, sessionId: sid, expiresAt: exp * 1000 });
  return { userId: sub, sessionId: sid };
}

/**
 * The session cookie of this request, decrypted as Auth.js does (same cookie name, secrets and
 * salt), without the rest of `auth()`: that runs Auth.js' whole session endpoint (a synthetic
 * request, the callbacks, and a re-encrypted cookie a page cannot even set) on every call. The
 * claims say nothing about whether the session is still live: `currentUser` asks the database.
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const names =
    requestHeaders.get("x-forwarded-proto") === "http"
      ? [SESSION_COOKIE, SECURE_SESSION_COOKIE]
      : [SECURE_SESSION_COOKIE, SESSION_COOKIE];
  for (const name of names) {
    const token = cookieValue(jar, name);
    if (token) return claimsOf(token, name);
  }
  return null;
}
