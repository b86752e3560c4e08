import "server-only";
import { z } from "zod";
import { REAUTH_MESSAGE } from "@/lib/auth/reauth";
import { requestLogger } from "@/lib/log";
import { DomainError } from "@/lib/errors";
import { describeTusFacturasError, TusFacturasError } from "@/lib/tusfacturas";
import type { ActionError, ActionErrorCode } from "./result";

const actionFailureBrand = Symbol.for("tablero.ActionFailure");

/**
 * An expected failure a handler throws on purpose; its message reaches the user. `instanceof`
 * works across copies of this module (Next bundles server code once per layer, and the
 * process-wide services are shared by pages and actions).
 */
export class ActionFailure extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && actionFailureBrand in value;
  }

  readonly [actionFailureBrand] = true;

  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionFailure";
  }
}

export const messages = {
  unauthenticated: "Tu sesión terminó. Ingresá de nuevo.",
  notFound: "No encontramos esa empresa.",
  forbidden: "Tu rol en esta empresa no permite esta acción.",
  invalid: "Revisá los datos marcados.",
  internal: "Ocurrió un error inesperado. Probá de nuevo en unos minutos.",
  reauthRequired: REAUTH_MESSAGE,
  twoFactorRequired:
    "Esta empresa pide verificación en dos pasos. Activala en «Tu cuenta» para seguir trabajando en ella.",
} as const;

/** zod issues → `{ field: [messages] }` for the form. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one place errors become what the user sees. Expected failures keep their message;
 * anything else is logged on the server (with the request id; `serializeError` in lib/log.ts
 * keeps SQL parameters out) and answered generically.
 */
export function toActionError(error: unknown, actionName: string): ActionError {
  if (error instanceof ActionFailure || error instanceof DomainError) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof TusFacturasError) {
    return { code: "upstream", message: describeTusFacturasError(error) };
  }
  if (error instanceof z.ZodError) {
    return { code: "invalid", message: messages.invalid, fieldErrors: fieldErrorsOf(error) };
  }
  void requestLogger({ action: actionName }).then((log) =>
    log.error({ event: "action.failed", err: error }, "Server action failed"),
  );
  return { code: "internal", message: messages.internal };
}

/**
 * A failure as it may be logged. Drizzle's query errors repeat the SQL parameters (sealed
 * credentials, password hashes) in their message, so only the driver's own error is kept.
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  if (error.name === "DrizzleQueryError" && error.cause instanceof Error) {
    const code = (error.cause as { code?: unknown }).code;
    return `${error.name}: ${typeof code === "string" ? `${code} ` : ""}${error.cause.message}`;
  }
  return `${error.name}: ${error.message}`;
}
