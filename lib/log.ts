import "server-only";
import { headers } from "next/headers";
import { pino, type Bindings, type DestinationStream, type LogFn, type Logger } from "pino";
import { logLevel, type LogLevel } from "@/lib/env";
import { isValidRequestId, REQUEST_ID_HEADER } from "@/lib/request-id";

export type { Logger } from "pino";

/** Keys whose values never reach a log line, whatever object they are nested in. */
const SECRET_KEYS = [
  "apikey",
  "apitoken",
  "usertoken",
  "password",
  "passwordHash",
  "password_hash",
  "token",
  "secret",
  "sealed",
  "cookie",
  "set-cookie",
  "authorization",
  "encryptionKey",
  "AUTH_SECRET",
  "TABLERO_ENCRYPTION_KEY",
];

// pino's `*` matches exactly one level, so each key is listed at every depth up to this one.
const REDACT_DEPTH = 4;

const redactPaths = SECRET_KEYS.flatMap((key) => {
  const segment = /^\w+$/.test(key) ? key : `["${key}"]`;
  return Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) => "*.".repeat(depth) + segment);
});

export type SerializedError = {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SerializedError;
};

/**
 * An error as it may be logged: name, message, string `code`, stack and cause, and none of
 * its other properties (drivers attach the query and its parameters to their errors).
 * Drizzle's query errors repeat the SQL parameters (sealed credentials, password hashes) in
 * their message and stack, so for those only the driver's error and the stack frames are kept.
 */
export function serializeError(error: Error, depth = 0): SerializedError {
  const cause =
    error.cause instanceof Error && depth < 3 ? serializeError(error.cause, depth + 1) : undefined;
  if (error.name === "DrizzleQueryError") {
    const message = cause?.message ?? "Failed query";
    const stack = error.stack ?? "";
    const afterMessage = stack.indexOf(error.message);
    const frames = afterMessage >= 0 ? stack.slice(afterMessage + error.message.length) : "";
    return {
      type: error.name,
      message,
      ...(cause?.code !== undefined && { code: cause.code }),
      stack: `${error.name}: ${message}${frames}`,
    };
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" && { code }),
    ...(error.stack !== undefined && { stack: error.stack }),
    ...(cause && { cause }),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Replaces every Error (in plain objects and arrays, a few levels deep) by `serializeError`. */
function withSafeErrors(value: unknown, depth: number): unknown {
  if (value instanceof Error) return serializeError(value);
  if (depth >= REDACT_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => withSafeErrors(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = withSafeErrors(item, depth + 1);
  return out;
}

/**
 * The merging object of one log call, made safe before pino reads it (pino takes the message
 * of an `err` from it). `err` holds a thrown value: one that is neither an Error nor a plain
 * object is logged by type only, since a thrown string may be anything.
 */
function safeMergingObject(first: unknown): unknown {
  if (first instanceof Error) return { err: serializeError(first) };
  if (!isPlainObject(first)) return first;
  const safe = withSafeErrors(first, 0) as Record<string, unknown>;
  const { err } = first;
  if (err !== undefined && !(err instanceof Error) && !isPlainObject(err))
    safe.err = { type: typeof err };
  return safe;
}

/**
 * A JSON logger (one object per line: level, time, msg and fields) with the secret keys
 * redacted at any depth up to `REDACT_DEPTH` and errors reduced to `serializeError`. Tests pass
 * their own destination; the app uses `getLogger()`.
 */
export function createLogger(
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
  options: { level?: LogLevel } = {},
): Logger {
  return pino(
    {
      level: options.level ?? logLevel(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: "[redactado]" },
      serializers: {
        err: (value: unknown) => (value instanceof Error ? serializeError(value) : value),
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          method.apply(this, [safeMergingObject(first), ...rest] as Parameters<LogFn>);
        },
      },
    },
    destination,
  );
}

// One logger per process, whichever bundle layer asks (Next bundles server code once per layer).
const globalForLog = globalThis as unknown as { tableroLogger?: Logger };

/**
 * The process's logger, writing JSON lines to stdout at `TABLERO_LOG_LEVEL`. For work outside
 * a request (startup, background jobs); bind what identifies the work with `.child({ … })`.
 */
export function getLogger(): Logger {
  return (globalForLog.tableroLogger ??= createLogger());
}

/**
 * The id the proxy gave the current request, or undefined outside a request (startup, a
 * background job). Reading it makes a page dynamic, like any use of `headers()`.
 */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    const requestId = (await headers()).get(REQUEST_ID_HEADER);
    return isValidRequestId(requestId) ? requestId : undefined;
  } catch (error) {
    // Outside a request there are no headers. Next's own signals (a page found dynamic while
    // prerendering) carry a `digest` and must go through: what `unstable_rethrow` checks, but
    // next/navigation cannot be loaded outside Next's bundles (scripts run with tsx).
    if (typeof (error as { digest?: unknown } | null)?.digest === "string") throw error;
    return undefined;
  }
}

/**
 * A child of the process's logger bound to the current request's id (when there is one) and
 * to `bindings`. For server actions, route handlers and pages; safe anywhere else.
 */
export async function requestLogger(bindings: Bindings = {}): Promise<Logger> {
  const requestId = await currentRequestId();
  return getLogger().child(requestId ? { requestId, ...bindings } : bindings);
}
