import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { roles } from "../auth/roles";
import { foldedColumnSql } from "./fold-sql";

// The roles live apart so the browser can list them without Drizzle's table builders.
export { roles, type Role } from "../auth/roles";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Stored lower-cased; unique. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** When the person proved the address is theirs (a link sent to it); null until then. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** The TOTP secret, sealed like credentials (lib/crypto); kept while being set up too. */
    totpSealed: text("totp_sealed"),
    totpKeyVersion: integer("totp_key_version"),
    /** When two-factor sign-in was turned on; null while off (or only being set up). */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code works once, even within its 30 s. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const businesses = pgTable("businesses", {
  id: uuid("id").primaryKey().defaultRandom(),
  razonSocial: text("razon_social").notNull(),
  /** The razón social lower-cased and without accents, for searching and sorting by name. */
  razonSocialFolded: text("razon_social_folded")
    .notNull()
    .generatedAlwaysAs(foldedColumnSql("razon_social")),
  /** 11 plain digits, check digit validated before insert. */
  cuit: text("cuit").notNull(),
  puntoVenta: integer("punto_venta"),
  /**
   * TusFacturas requests Tablero may spend on the business in a month, set by an owner; null:
   * 5% of the plan's cupo as last seen, at least 20 (lib/spending).
   */
  requestBudget: integer("request_budget"),
  /** Set by an owner: nobody enters this business without two-factor sign-in. */
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.businessId] }),
    index("memberships_business_idx").on(t.businessId),
  ],
);

export const credentialStatuses = ["verified", "unverified"] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

/** One TusFacturas credential set per business, sealed with AES-256-GCM (see lib/crypto). */
export const tusfacturasCredentials = pgTable("tusfacturas_credentials", {
  businessId: uuid("business_id")
    .primaryKey()
    .references(() => businesses.id, { onDelete: "cascade" }),
  sealed: text("sealed").notNull(),
  keyVersion: integer("key_version").notNull(),
  status: text("status", { enum: credentialStatuses }).notNull(),
  /** Why the last verification failed, in Spanish; null when verified. */
  statusDetail: text("status_detail"),
  lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every consumo answer TusFacturas gave, kept as history. */
export const consumoSnapshots = pgTable(
  "consumo_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
    abonosPendientes: integer("abonos_pendientes").notNull(),
    comprobantesGenerados: integer("comprobantes_generados").notNull(),
    comprobantesCupo: integer("comprobantes_cupo").notNull(),
    comprobantesDisponibles: integer("comprobantes_disponibles").notNull(),
  },
  (t) => [index("consumo_snapshots_business_fetched_idx").on(t.businessId, t.fetchedAt)],
);

export const upstreamOutcomes = ["ok", "error"] as const;

/**
 * Every request Tablero sent to TusFacturas on a business's behalf: each one is billed
 * against the plan, so this is what Tablero cost it, and the last failure per method.
 */
export const tusfacturasRequests = pgTable(
  "tusfacturas_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    method: text("method").notNull(),
    /** What the call was about, when the method takes one: a client's CUIT, a period. */
    subject: text("subject"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    outcome: text("outcome", { enum: upstreamOutcomes }).notNull(),
    errorCode: text("error_code"),
    /** The Spanish message shown to the user; never credentials or internals. */
    errorMessage: text("error_message"),
    /** False for the lookups TusFacturas does not bill (`facturacion/consulta*`). */
    billed: boolean("billed").notNull().default(true),
  },
  (t) => [
    index("tusfacturas_requests_business_method_at_idx").on(t.businessId, t.method, t.at),
    check(
      "tusfacturas_requests_error_check",
      sql`${t.outcome} = 'ok' or ${t.errorCode} is not null`,
    ),
  ],
);

/**
 * A refresh admitted by the monthly budget and still calling TusFacturas: its requests are
 * recorded only when it ends, so admissions meanwhile (other clients, other instances) count
 * it here (lib/spending). Deleted when the call ends; one a crash left behind stops counting
 * after a while.
 */
export const spendingReservations = pgTable(
  "spending_reservations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    reservedAt: timestamp("reserved_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("spending_reservations_business_idx").on(t.businessId, t.reservedAt)],
);

export type User = typeof users.$inferSelect;
export type Business = typeof businesses.$inferSelect;

/** The client directory of a business (its cartera), kept in Tablero. */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    /** 11 plain digits, check digit validated. */
    cuit: text("cuit").notNull(),
    nombre: text("nombre").notNull(),
    /** The name lower-cased and without accents: the palette searches 12 000 of these. */
    nombreFolded: text("nombre_folded").notNull().generatedAlwaysAs(foldedColumnSql("nombre")),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("clients_business_cuit_key").on(t.businessId, t.cuit)],
);

/**
 * A client's cuenta corriente as TusFacturas returned it, with the figures the cartera needs
 * precomputed so it never has to open the movements. Keyed by CUIT, not by the directory
 * row, so removing and re-adding a client keeps its history.
 */
export const cuentaCorrienteSnapshots = pgTable(
  "cuenta_corriente_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    cuit: text("cuit").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
    /** The movements by column (`PackedMovimientos`, integer centavos), in wire order. */
    movimientos: jsonb("movimientos").notNull(),
    movimientosCount: integer("movimientos_count").notNull(),
    /** Recomputed by Tablero, not TusFacturas' own figure. */
    saldoCentavos: bigint("saldo_centavos", { mode: "number" }).notNull(),
    restaAbonarCentavos: bigint("resta_abonar_centavos", { mode: "number" }).notNull(),
    oldestUnpaidFecha: date("oldest_unpaid_fecha", { mode: "string" }),
    /**
     * The comprobantes still owed (`UnpaidComprobante[]`, lib/vencimientos): what the cartera and
     * the portfolio weigh against the stored due dates. Null on copies stored before it existed
     * (filled in by the first lookup job).
     */
    unpaid: jsonb("unpaid"),
  },
  (t) => [
    index("cuenta_corriente_snapshots_business_cuit_fetched_idx").on(
      t.businessId,
      t.cuit,
      t.fetchedAt,
    ),
  ],
);

/**
 * Due date and payment status of a business's comprobantes, looked up once each with
 * TusFacturas' free lookups (they never change). `found` false remembers "sin dato": a
 * comprobante TusFacturas does not know, so it is not asked again.
 */
export const comprobanteVencimientos = pgTable(
  "comprobante_vencimientos",
  {
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    /** TusFacturas' type with its letter: "FACTURA A", "NOTA DE DEBITO B". */
    tipo: text("tipo").notNull(),
    puntoVenta: integer("punto_venta").notNull(),
    numero: integer("numero").notNull(),
    found: boolean("found").notNull(),
    vencimiento: date("vencimiento", { mode: "string" }),
    /** "pagada", "impaga", "pago_parcial" or null. */
    ctacteStatus: text("ctacte_status"),
    lookedUpAt: timestamp("looked_up_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.tipo, t.puntoVenta, t.numero] })],
);

export type Client = typeof clients.$inferSelect;

export const ivaRequestStatuses = [
  "queued",
  "pending",
  "sent",
  "rejected",
  "failed",
  "unconfirmed",
  "skipped",
  "cancelled",
] as const;
export type IvaRequestStatus = (typeof ivaRequestStatuses)[number];

/** One "Solicitar para varias empresas" run: one period and address for many businesses. */
export const ivaBatches = pgTable(
  "iva_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Chosen by the browser per submission, so a double click starts one run. */
    requestKey: uuid("request_key").notNull(),
    anio: integer("anio").notNull(),
    mes: integer("mes").notNull(),
    email: text("email").notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("iva_batches_user_key").on(t.userId, t.requestKey),
    index("iva_batches_user_created_idx").on(t.userId, t.createdAt),
  ],
);

/**
 * Every IVA compras-ventas report request: written before the call ("pending", or "queued"
 * in a batch) and completed after it, so a request interrupted by a stopped server is never
 * mistaken for a sent one.
 */
export const ivaRequests = pgTable(
  "iva_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    batchId: uuid("batch_id").references(() => ivaBatches.id, { onDelete: "set null" }),
    /** Chosen by the browser per submission: a double click sends the same key twice. */
    requestKey: uuid("request_key").notNull(),
    anio: integer("anio").notNull(),
    mes: integer("mes").notNull(),
    email: text("email").notNull(),
    /**
     * A run's item: the request of the last 24 hours the user saw and chose to repeat. Any
     * other found when the item is sent was not confirmed, and the item is skipped.
     */
    repeatOf: uuid("repeat_of"),
    status: text("status", { enum: ivaRequestStatuses }).notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    errorCode: text("error_code"),
    /**
     * The instance (`tablero_instances.id`) working on the request while it is "pending": only
     * that instance changes it, unless the instance is dead (see lib/runtime/instances.ts).
     */
    leaseOwner: text("lease_owner"),
    /**
     * Set just before the call leaves, inside the credentials' turn: a "pending" request
     * without it surely never reached TusFacturas; with it, it may have.
     */
    sendingAt: timestamp("sending_at", { withTimezone: true }),
    /** TusFacturas' own messages when rejected; the reason otherwise. Spanish, no secrets. */
    messages: jsonb("messages").$type<string[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("iva_requests_business_key").on(t.businessId, t.requestKey),
    // Never two calls in flight for one business, period and address.
    uniqueIndex("iva_requests_one_pending_key")
      .on(t.businessId, t.anio, t.mes, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
    index("iva_requests_business_requested_idx").on(t.businessId, t.requestedAt),
    index("iva_requests_batch_idx").on(t.batchId),
    index("iva_requests_pending_owner_idx")
      .on(t.leaseOwner)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type IvaRequest = typeof ivaRequests.$inferSelect;

/**
 * An invitation to a business: the link carries a random token and only its SHA-256 is kept.
 * It works once, until `expires_at`, and only for `email`.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    /** Lower-cased. */
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The email that carries the link (`outbound_emails.id`), the latest one when re-sent. */
    emailId: uuid("email_id"),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_business_idx").on(t.businessId),
  ],
);

export type Invitation = typeof invitations.$inferSelect;

/** What members did in a business, for its owners: never a credential value. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** e.g. `consumo.refresh`, `member.invite`; see lib/audit. */
    action: text("action").notNull(),
    /** What it was about, in words for the log: a CUIT, a period, an email and a role. */
    subject: text("subject"),
    outcome: text("outcome", { enum: ["ok", "error"] }).notNull(),
    /** TusFacturas requests it used (billed to the plan). */
    requests: integer("requests").notNull().default(0),
    detail: text("detail"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_business_at_idx").on(t.businessId, t.at),
    index("audit_events_user_at_idx").on(t.userId, t.at),
  ],
);

/**
 * Every Tablero server process on this database: each one renews `heartbeat_at` while it
 * runs. One whose heartbeat is older than the lease is dead, and only then is its unfinished
 * work recovered by another.
 */
export const tableroInstances = pgTable("tablero_instances", {
  id: text("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
  /** Set when it received SIGTERM: it takes no new work and hands back what it cannot finish. */
  stoppingAt: timestamp("stopping_at", { withTimezone: true }),
});

/**
 * A signed-in browser. The session cookie only names it: every request checks it here, so
 * "Salir", a password change or "Cerrar" ends it for good, and it expires after its absolute
 * lifetime or when idle too long.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** As the browser sent it (trimmed), to tell devices apart in "Sesiones activas". */
    userAgent: text("user_agent"),
    /** The client's address, as far as the trusted proxies say (TABLERO_TRUSTED_PROXY_HOPS). */
    address: text("address"),
    /**
     * When the person last proved who they are in this session (password, and code when
     * two-factor is on): sign-in, or "Confirmá que sos vos" before a sensitive action.
     */
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.lastSeenAt)],
);

export type UserSession = typeof userSessions.$inferSelect;

/**
 * Failures counted per rule and key (a digest of an email and address, or of an address),
 * shared by every instance: each failure past the rule's free ones blocks the key for twice as
 * long as the previous, up to a cap.
 */
export const throttles = pgTable(
  "throttles",
  {
    rule: text("rule").notNull(),
    /** SHA-256 of what is counted: no email or address is stored here. */
    key: text("key").notNull(),
    failures: integer("failures").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.rule, t.key] })],
);

export const accountTokenPurposes = ["verify-email", "reset-password"] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/**
 * A link emailed to a person: to verify their address or to set a new password. Only the
 * SHA-256 of its random token is kept; it works once, until `expires_at`, and only for the
 * address it was sent to.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: accountTokenPurposes }).notNull(),
    /** Lower-cased: the address the link went to. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("account_tokens_token_hash_key").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose, t.createdAt),
  ],
);

/** Two-factor recovery codes: ten per set-up, each works once; only a SHA-256 is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const outboundEmailStatuses = ["pending", "sent", "failed"] as const;
export type OutboundEmailStatus = (typeof outboundEmailStatuses)[number];

/**
 * Every email Tablero sends, written with what it is about and sent in the background (the
 * `email` job queue) with retries. Once sent or given up, the body (which may hold a link's
 * token) is erased: what stays is who, what kind and how it went.
 */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased recipient. */
    to: text("to").notNull(),
    /** e.g. `verify-email`, `invitation`; see lib/mail/messages. */
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    text: text("text"),
    html: text("html"),
    status: text("status", { enum: outboundEmailStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /**
     * The instance (`tablero_instances.id`) handing the email to the SMTP server right now:
     * no other sends it until it lets go, or dies (see lib/runtime/instances.ts).
     */
    sendingBy: text("sending_by"),
    /** Why the last attempt failed, for the operator (never shown as is to a user). */
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbound_emails_to_idx").on(t.to, t.createdAt),
    index("outbound_emails_sending_idx")
      .on(t.sendingBy)
      .where(sql`${t.sendingBy} is not null`),
  ],
);

export type OutboundEmail = typeof outboundEmails.$inferSelect;

/**
 * The security log: failed and throttled sign-ins, authorization refusals, two-factor
 * changes, ended sessions, deleted businesses. No foreign keys: a record outlives the user or
 * business it is about (a deleted business's record says who deleted it and when).
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** e.g. `sign_in.failed`, `authorization.refused`; see lib/security-log. */
    kind: text("kind").notNull(),
    userId: uuid("user_id"),
    businessId: uuid("business_id"),
    /** The email a sign-in was for (lower-cased), when there is no user to name. */
    email: text("email"),
    /** The client's address, as far as the trusted proxies say. */
    address: text("address"),
    /** What was refused or changed: an action's or page's name, a business's name. */
    subject: text("subject"),
    /** Why, in words for the owner and the operator; never a secret. */
    detail: text("detail"),
    requestId: text("request_id"),
  },
  (t) => [
    index("security_events_at_idx").on(t.at),
    index("security_events_business_at_idx").on(t.businessId, t.at),
  ],
);

export type SecurityEvent = typeof securityEvents.$inferSelect;

export const clientImportStatuses = ["running", "done", "cancelled", "failed"] as const;
export type ClientImportStatus = (typeof clientImportStatuses)[number];

/**
 * «Importar clientes desde TusFacturas»: a day-by-day walk of the business's comprobantes
 * over a range. The row is the walk's truth: its position (`last_done`, the last day whose
 * findings are stored) is written with that day's findings, so a retried job or another
 * instance goes on from there. One running walk per business.
 */
export const clientImports = pgTable(
  "client_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    desde: date("desde", { mode: "string" }).notNull(),
    hasta: date("hasta", { mode: "string" }).notNull(),
    /** The last day walked; null before the first. */
    lastDone: date("last_done", { mode: "string" }),
    daysTotal: integer("days_total").notNull(),
    daysDone: integer("days_done").notNull().default(0),
    status: text("status", { enum: clientImportStatuses }).notNull(),
    /** Why it stopped, in Spanish, when "failed". */
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("client_imports_one_running_key")
      .on(t.businessId)
      .where(sql`${t.status} = 'running'`),
    index("client_imports_business_created_idx").on(t.businessId, t.createdAt),
  ],
);

export type ClientImport = typeof clientImports.$inferSelect;

/** Who a walk found: one row per document, with how many comprobantes and the last date. */
export const clientImportFound = pgTable(
  "client_import_found",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => clientImports.id, { onDelete: "cascade" }),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    /** "CUIT", "DNI", … as TusFacturas sent it. */
    documentoTipo: text("documento_tipo").notNull(),
    /** Digits only. */
    documentoNro: text("documento_nro").notNull(),
    /** As on the most recent comprobante. */
    razonSocial: text("razon_social").notNull(),
    comprobantes: integer("comprobantes").notNull(),
    ultimaFecha: date("ultima_fecha", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.documentoTipo, t.documentoNro] }),
    index("client_import_found_business_idx").on(t.businessId, t.importId),
  ],
);
