import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { ActionFailure, messages, toActionError } from "@/lib/actions/errors";
import type { ActionErrorCode } from "@/lib/actions/result";
import { authorizeBusiness, type BusinessContext } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { ApiErrorBody } from "./client";

/** What Next passes a route handler besides the request: its dynamic segments. */
export type RouteContext = { params: Promise<Record<string, string>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

const statusOf: Record<ActionErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  forbidden: 403,
  two_factor_required: 403,
  reauth_required: 403,
  invalid: 400,
  conflict: 409,
  upstream: 502,
  internal: 500,
};

/** Private data: no shared cache may keep it, and no browser cache outlives the session. */
function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}

function refused(code: ActionErrorCode, message: string): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return json(body, statusOf[code]);
}

/** The search parameters, then the path's segments over them (a query cannot replace one). */
async function inputOf(request: Request, context: RouteContext): Promise<Record<string, string>> {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return { ...search, ...(await context.params) };
}

/** Runs the handler; expected failures keep their words, anything else is logged as one. */
async function answer(request: Request, body: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await body());
  } catch (error) {
    unstable_rethrow(error);
    const failure = toActionError(error, `GET ${new URL(request.url).pathname}`);
    return refused(failure.code, failure.message);
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ActionFailure("invalid", messages.invalid);
  return parsed.data;
}

/**
 * A GET route of the signed-in user's own data (no business in the path): session → zod over
 * the path's segments and the search parameters → the handler, whose result is the JSON.
 * Signed out: 401.
 */
export function userRoute<S extends z.ZodType, T>(config: {
  schema: S;
  handler: (input: z.output<S>, context: { user: SessionUser }) => Promise<T>;
}): RouteHandler {
  return async (request, context) => {
    const user = await currentUser();
    if (!user) return refused("unauthenticated", messages.unauthenticated);
    const input = await inputOf(request, context);
    return answer(request, () => config.handler(parse(config.schema, input), { user }));
  };
}

/**
 * A GET route under `/api/empresas/[businessId]`, authorized like the page that shows the same
 * data but answering JSON instead of redirecting: signed out → 401; not a member (or no such
 * business) → 404, the same answer; a member without two-factor in a business that requires
 * it → 403 `two_factor_required`; a role without `permission` → 403 `forbidden`. Every refusal
 * is in the security log. Then zod (400) and the handler, whose result is the JSON.
 */
export function businessRoute<S extends z.ZodObject<{ businessId: z.ZodType<string> }>, T>(config: {
  permission: Permission;
  schema: S;
  handler: (input: z.output<S>, context: BusinessContext) => Promise<T>;
}): RouteHandler {
  return async (request, context) => {
    const user = await currentUser();
    if (!user) return refused("unauthenticated", messages.unauthenticated);
    const input = await inputOf(request, context);
    const decision = await authorizeBusiness(user, input.businessId, config.permission);
    if (decision.outcome === "not_found") return refused("not_found", messages.notFound);
    if (decision.outcome === "two_factor_required")
      return refused("two_factor_required", messages.twoFactorRequired);
    if (!decision.allowed) return refused("forbidden", messages.forbidden);
    const { business, role } = decision;
    return answer(request, () =>
      config.handler(parse(config.schema, input), { user, business, role }),
    );
  };
}
