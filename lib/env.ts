import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseAuthSecrets, parseKeyring } from "@/lib/crypto/keyring";

const DEFAULT_TUSFACTURAS_API_URL = "https://www.tusfacturas.app/app/api";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // An empty value (as some shells and CI files leave it) means unset.
  DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url().optional()),
  /** Signs the session cookie; several comma-separated values: the first signs, all are accepted. */
  AUTH_SECRET: z.string().optional(),
  TABLERO_DATA_DIR: z.string().min(1).default(".data"),
  /** The keyring of stored secrets, "1:<base64>,2:<base64>": all open, the newest seals. */
  TABLERO_ENCRYPTION_KEYS: z.string().optional(),
  /** A single key, version 1 of the keyring (before there were several). */
  TABLERO_ENCRYPTION_KEY: z.string().optional(),
  TABLERO_FRESHNESS_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** An explicit "Actualizar" of the same thing waits this long after its last request. */
  TABLERO_REFRESH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  TABLERO_INVITATION_MINUTES: z.coerce
    .number()
    .positive()
    .max(30 * 24 * 60)
    .default(7 * 24 * 60),
  TABLERO_LOG_LEVEL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(LOG_LEVELS).default("info"),
  ),
  /** A session ends this long after sign-in, however active. */
  TABLERO_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(30 * 24)
    .default(12),
  /** A session ends after this long without a request. */
  TABLERO_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(30),
  /**
   * How long a sign-in (or "Confirmá que sos vos") vouches for the person before a sensitive
   * action asks again. Lowered only to test that the question is asked.
   */
  TABLERO_REAUTH_SECONDS: z.coerce.number().int().min(1).max(3600).default(600),
  /** Accounts that may be created from one address in an hour before sign-up makes it wait. */
  TABLERO_SIGNUPS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  /**
   * Reverse proxies in front of Tablero that append the client's address to X-Forwarded-For;
   * 0: the connection's own address, and X-Forwarded-For is ignored.
   */
  TABLERO_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** An instance whose heartbeat is older than this is dead: its unfinished work is recovered. */
  TABLERO_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /** On SIGTERM, how long in-flight calls and jobs may take before they are handed back. */
  TABLERO_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /**
   * The SMTP server Tablero sends email through (`smtp://user:pass@host:587`, `smtps://…`).
   * Unset: email is off (in production the log and the pages that need it say so).
   */
  SMTP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url()
      .refine((value) => /^smtps?:$/.test(new URL(value).protocol), {
        message: "debe empezar con smtp:// o smtps://",
      })
      .optional(),
  ),
  /** The sender of every email. */
  MAIL_FROM: z.string().min(3).default("Tablero <no-responder@tablero.localhost>"),
  /** Attempts to deliver an email, and the first wait between them (doubling each time). */
  TABLERO_EMAIL_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  TABLERO_EMAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Tablero's public address, for the links in emails. Taken from configuration, never from a
   * request's Host header (which a sender of a reset request controls).
   */
  TABLERO_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url().optional()),
  TUSFACTURAS_API_URL: z.url().default(DEFAULT_TUSFACTURAS_API_URL),
  TUSFACTURAS_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(30_000),
});

export type Env = Omit<z.infer<typeof schema>, "TABLERO_URL"> & {
  /** Tablero's public address, for the links in emails. */
  TABLERO_URL: string;
  pgliteDir: string;
  /** Keys by version; the highest seals new secrets. */
  encryptionKeys: ReadonlyMap<number, Buffer>;
  /** The first signs new session cookies; cookies signed by any of them are accepted. */
  authSecrets: string[];
};

let cached: Env | undefined;

/**
 * The process environment, parsed once. Nothing else in Tablero reads `process.env`.
 * Throws a message meant for the operator when the configuration cannot work.
 */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Configuración inválida de Tablero:\n${issues}`);
  }
  const values = parsed.data;
  const keyring = parseKeyring(values.TABLERO_ENCRYPTION_KEYS, values.TABLERO_ENCRYPTION_KEY);
  const auth = parseAuthSecrets(values.AUTH_SECRET);
  const problems = [...auth.problems, ...keyring.problems];
  // Emailed links would point at localhost: a production server that sends email must say
  // where it is.
  if (values.NODE_ENV === "production" && values.SMTP_URL && !values.TABLERO_URL) {
    problems.push(
      "TABLERO_URL: falta la dirección pública de Tablero (por ejemplo https://tablero.example.com), que va en los enlaces de los emails",
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `Configuración inválida de Tablero:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  if (keyring.keys.size === 0) {
    throw new Error(
      "Falta TABLERO_ENCRYPTION_KEY: Tablero no arranca sin la clave que cifra las credenciales de TusFacturas. " +
        "Generá una con `openssl rand -base64 32` (o usá `npm run demo`, que crea una local).",
    );
  }
  cached = {
    ...values,
    pgliteDir: path.resolve(values.TABLERO_DATA_DIR, "pglite"),
    TABLERO_URL: values.TABLERO_URL ?? "http://localhost:3000",
    encryptionKeys: keyring.keys,
    authSecrets: auth.secrets,
  };
  return cached;
}

/**
 * The log level alone. The logger must work when the rest of the configuration does not (it
 * reports why Tablero cannot start), so it does not wait for `env()`; an invalid level falls
 * back to "info" here and is still refused by `env()` at start.
 */
export function logLevel(): LogLevel {
  const parsed = schema.shape.TABLERO_LOG_LEVEL.safeParse(process.env.TABLERO_LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}
