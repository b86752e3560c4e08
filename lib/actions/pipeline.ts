import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { findMembership, type BusinessContext } from "@/lib/auth/access";
import { can, roleLabels, type Permission } from "@/lib/auth/permissions";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { getRuntime } from "@/lib/runtime";
import { recordRefusal } from "@/lib/security-log/request";
import { ActionFailure, fieldErrorsOf, messages, toActionError } from "./errors";
import type { ActionResult } from "./result";

type Handler<I, C, T> = (input: I, context: C) => Promise<T>;

async function run<T>(name: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    // redirect() and notFound() are control flow, not failures.
    unstable_rethrow(error);
    return { ok: false, error: toActionError(error, name) };
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new ActionFailure("invalid", messages.invalid, fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function sessionUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new ActionFailure("unauthenticated", messages.unauthenticated);
  return user;
}

/**
 * Refuses unless the person signed in or confirmed who they are ("Confirmá que sos vos") in
 * this session within the last 10 minutes (TABLERO_REAUTH_SECONDS). For actions that only sometimes need it (turning a
 * protection off but not on); the others say `reauth: true`.
 */
export async function requireRecentAuthentication(user: SessionUser): Promise<void> {
  const { sessions } = await getRuntime();
  if (!(await sessions.recentlyAuthenticated(user.sessionId, user.id)))
    throw new ActionFailure("reauth_required", messages.reauthRequired);
}

/** An action anyone may call (signing in, signing up): zod, then the handler. */
export function publicAction<S extends z.ZodType, T>(config: {
  name: string;
  schema: S;
  handler: (input: z.output<S>) => Promise<T>;
}): (input: unknown) => Promise<ActionResult<T>> {
  return (input) => run(config.name, () => config.handler(parse(config.schema, input)));
}

/** An action that needs a signed-in user but no business (creating one, for instance). */
export function userAction<S extends z.ZodType, T>(config: {
  name: string;
  schema: S;
  /** Sensitive: needs a sign-in or confirmation within the last 10 minutes. */
  reauth?: boolean;
  handler: Handler<z.output<S>, { user: SessionUser }, T>;
}): (input: unknown) => Promise<ActionResult<T>> {
  return (input) =>
    run(config.name, async () => {
      const user = await sessionUser();
      if (config.reauth) await requireRecentAuthentication(user);
      return config.handler(parse(config.schema, input), { user });
    });
}

const businessInput = z.object({ businessId: z.unknown() });

/**
 * The pipeline every business action goes through, in this order: session → membership in
 * the business named by `input.businessId` (checked in the database; a non-member gets
 * "not found") → two-factor, when the business requires it → the role's permission →
 * a recent authentication, for sensitive actions → zod → the handler with a typed context.
 */
export function businessAction<
  S extends z.ZodObject<{ businessId: z.ZodType<string> }>,
  T,
>(config: {
  name: string;
  permission: Permission;
  schema: S;
  /** Sensitive: needs a sign-in or confirmation within the last 10 minutes. */
  reauth?: boolean;
  handler: Handler<z.output<S>, BusinessContext, T>;
}): (input: unknown) => Promise<ActionResult<T>> {
  return (input: unknown) =>
    run(config.name, async () => {
      const user = await sessionUser();
      const { businessId } = businessInput.safeParse(input).data ?? {};
      const refuse = async (reason: string, failure: ActionFailure): Promise<never> => {
        const member = failure.code !== "not_found";
        await recordRefusal({ userId: user.id, businessId, member, subject: config.name, reason });
        throw failure;
      };
      const membership = await findMembership(user.id, businessId);
      if (!membership)
        return refuse("no es miembro", new ActionFailure("not_found", messages.notFound));
      // Before the role: without two-factor nobody works in such a business, whatever the role.
      if (membership.business.requireTwoFactor && !user.twoFactor)
        return refuse(
          "sin verificación en dos pasos, que la empresa exige",
          new ActionFailure("two_factor_required", messages.twoFactorRequired),
        );
      if (!can(membership.role, config.permission))
        return refuse(
          `su rol (${roleLabels[membership.role]}) no permite ${config.permission}`,
          new ActionFailure("forbidden", messages.forbidden),
        );
      if (config.reauth) await requireRecentAuthentication(user);
      return config.handler(parse(config.schema, input), { user, ...membership });
    });
}
