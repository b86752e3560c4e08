import "server-only";
import {
  createPasswordResetService,
  type PasswordResetService,
} from "@/lib/account/password-reset";
import { createAccountTokensService, type AccountTokensService } from "@/lib/account/tokens";
import { createAuditService, type AuditService } from "@/lib/audit/service";
import { appKeyring } from "@/lib/businesses/credentials";
import { createBusinessesService, type BusinessesService } from "@/lib/businesses/service";
import { createClientesService, type ClientesService } from "@/lib/clientes/service";
import {
  createClientImportService,
  type ClientImportService,
} from "@/lib/clientes/tusfacturas-import/service";
import { createConsumoService, type ConsumoService } from "@/lib/consumo/service";
import {
  createCuentaCorrienteService,
  type CuentaCorrienteService,
} from "@/lib/cuenta-corriente/service";
import { getDatabase, type DatabaseHandle } from "@/lib/db";
import { env } from "@/lib/env";
import { createIvaService, type IvaService } from "@/lib/iva/service";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { createMailService, type MailService } from "@/lib/mail/service";
import { createSmtpTransport } from "@/lib/mail/transport";
import { createMembersService, type MembersService } from "@/lib/members/service";
import { createNavigationService, type NavigationService } from "@/lib/navigation/service";
import { createPortfolioService, type PortfolioService } from "@/lib/portfolio/service";
import { createSessionsService, type SessionsService } from "@/lib/sessions/service";
import { createThrottleService, type ThrottleService } from "@/lib/auth/throttle";
import { createTwoFactorService, type TwoFactorService } from "@/lib/two-factor/service";
import { createSecurityLog, type SecurityLog } from "@/lib/security-log/service";
import { createSpendingGuard, type SpendingGuard } from "@/lib/spending/guard";
import { createUpstreamClient } from "@/lib/upstream/client";
import { createVencimientosService } from "@/lib/vencimientos/service";
import { createVerificationService, type VerificationService } from "@/lib/verification/service";
import { getLogger } from "@/lib/log";
import { joinInstances, type Instance } from "./instances";
import { trackCalls } from "./tracked-client";

/**
 * The process's services, built once from the environment: the database and its locks, this
 * instance among the others, the job queue, the TusFacturas client every feature shares
 * (its per-credential turns only work if there is one) and every feature's service, each made
 * by its `createXService(deps)`.
 */
export type Runtime = {
  handle: DatabaseHandle;
  instance: Instance;
  queue: JobQueue;
  consumo: ConsumoService;
  cuentaCorriente: CuentaCorrienteService;
  iva: IvaService;
  mail: MailService;
  /** The emailed links that verify an address or reset a password. */
  tokens: AccountTokensService;
  /** "¿Olvidaste tu contraseña?": the emailed link and the new password it sets. */
  passwordReset: PasswordResetService;
  audit: AuditService;
  /** The refresh interval and monthly request budget that protect each plan. */
  spending: SpendingGuard;
  /** Sign-in failures, refusals, security changes: kept after what they are about is gone. */
  securityLog: SecurityLog;
  businesses: BusinessesService;
  clientes: ClientesService;
  /** «Importar clientes desde TusFacturas»: the walks and their findings. */
  clientImport: ClientImportService;
  members: MembersService;
  navigation: NavigationService;
  portfolio: PortfolioService;
  sessions: SessionsService;
  throttle: ThrottleService;
  /** Two-factor sign-in: TOTP set-up, codes, recovery codes. */
  twoFactor: TwoFactorService;
  /** Verified addresses: sign-up's emails, the verification links, "Reenviar email". */
  verification: VerificationService;
  /** Settles once this process's TusFacturas calls in flight have ended. */
  drained(): Promise<void>;
};

// On globalThis: Next bundles server code once per layer (instrumentation, pages, actions),
// and every layer must share one runtime.
const globalForRuntime = globalThis as unknown as { tableroRuntime?: Promise<Runtime> };

/** The process's runtime, started on first use (instrumentation starts it with the server). */
export function getRuntime(): Promise<Runtime> {
  globalForRuntime.tableroRuntime ??= startRuntime();
  globalForRuntime.tableroRuntime.catch(() => {
    globalForRuntime.tableroRuntime = undefined;
  });
  return globalForRuntime.tableroRuntime;
}

/** The runtime if it was started, without starting it. */
export function startedRuntime(): Promise<Runtime> | undefined {
  return globalForRuntime.tableroRuntime;
}

async function startRuntime(): Promise<Runtime> {
  const config = env();
  const handle = await getDatabase();
  const { db } = handle;
  const leaseMs = config.TABLERO_LEASE_SECONDS * 1000;
  const now = () => new Date();
  const { client, drained } = trackCalls(createUpstreamClient(handle.lanes));
  const freshnessMs = config.TABLERO_FRESHNESS_MINUTES * 60_000;
  const keyring = appKeyring();
  const securityLog = createSecurityLog({ db, now });
  const audit = createAuditService({ db, now, security: securityLog });
  const businesses = createBusinessesService({ db, keyring, now });
  const clientes = createClientesService({ db, now, audit });
  const spending = createSpendingGuard({
    db,
    audit,
    now,
    refreshIntervalMs: config.TABLERO_REFRESH_INTERVAL_SECONDS * 1000,
  });
  const throttle = createThrottleService({ db, now });
  const sessions = createSessionsService({
    db,
    now,
    absoluteMs: config.TABLERO_SESSION_HOURS * 3_600_000,
    idleMs: config.TABLERO_SESSION_IDLE_MINUTES * 60_000,
    reauthMs: config.TABLERO_REAUTH_SECONDS * 1000,
  });

  // Each heartbeat settles dead instances' work, once the service that knows it exists.
  const recovery: {
    settleDead?: () => Promise<unknown>;
    settleDeadEmails?: () => Promise<unknown>;
    pruneEmails?: () => Promise<unknown>;
  } = {};
  const instance = await joinInstances({
    db,
    leaseMs,
    alone: handle.engine === "pglite",
    onBeat: async () => {
      await recovery.settleDead?.();
      await recovery.settleDeadEmails?.();
      await sessions.prune();
      await throttle.prune();
      await recovery.pruneEmails?.();
    },
  });
  const queue = await startJobQueue(handle, {
    maintenanceSeconds: config.TABLERO_LEASE_SECONDS,
    // Long enough for a call to wait its turn and time out; a job outliving it is retried,
    // and the request's own state decides whether anything is sent.
    // Always longer than the lease, so a live owner's job is not handed out meanwhile.
    expireSeconds: Math.max(
      Math.ceil(config.TUSFACTURAS_TIMEOUT_MS / 1000) * 2 + 30,
      config.TABLERO_LEASE_SECONDS * 2,
    ),
    emailAttempts: config.TABLERO_EMAIL_ATTEMPTS,
    emailRetrySeconds: config.TABLERO_EMAIL_RETRY_SECONDS,
  });
  const tokens = createAccountTokensService({ db, now });
  const mail = createMailService({
    db,
    queue,
    transport: config.SMTP_URL ? createSmtpTransport(config.SMTP_URL, config.MAIL_FROM) : null,
    baseUrl: config.TABLERO_URL,
    attempts: config.TABLERO_EMAIL_ATTEMPTS,
    retrySeconds: config.TABLERO_EMAIL_RETRY_SECONDS,
    instance,
    leaseMs,
    keyring,
    now,
  });
  recovery.pruneEmails = mail.prune;
  recovery.settleDeadEmails = mail.settleDead;
  await mail.settleDead();
  if (!mail.enabled) {
    getLogger().warn(
      { event: "email.off" },
      "Email is off: SMTP_URL is not set, so no verification, reset or invitation email is sent",
    );
  }
  const iva = createIvaService({
    db,
    client,
    keyring,
    now,
    instance,
    queue,
    leaseMs,
    businesses,
    audit,
  });
  recovery.settleDead = iva.settleDead;
  await iva.settleDead();
  await queue.work("iva-report", ({ requestId }) => iva.work(requestId));
  await queue.work("email", ({ emailId }) => mail.deliver(emailId));
  const clientImport = createClientImportService({
    db,
    client,
    keyring,
    now,
    queue,
    locks: handle.locks,
    instance,
  });
  await queue.work("client-import", ({ importId }) => clientImport.work(importId));
  const vencimientos = createVencimientosService({
    db,
    client,
    keyring,
    locks: handle.locks,
    now,
    queue,
    instance,
  });
  await queue.work("vencimientos", async (job) => {
    await vencimientos.work(job);
  });
  return {
    handle,
    instance,
    queue,
    consumo: createConsumoService({
      db,
      client,
      keyring,
      locks: handle.locks,
      freshnessMs,
      now,
      spending,
    }),
    cuentaCorriente: createCuentaCorrienteService({
      db,
      client,
      keyring,
      locks: handle.locks,
      freshnessMs,
      now,
      clientes,
      spending,
      vencimientos,
    }),
    iva,
    mail,
    tokens,
    passwordReset: createPasswordResetService({ db, now, tokens, mail, sessions, audit, throttle }),
    audit,
    spending,
    securityLog,
    businesses,
    clientes,
    clientImport,
    members: createMembersService({
      db,
      audit,
      mail,
      throttle,
      now,
      invitationLifetimeMs: config.TABLERO_INVITATION_MINUTES * 60_000,
    }),
    navigation: createNavigationService({ db }),
    portfolio: createPortfolioService({ db, now }),
    sessions,
    throttle,
    twoFactor: createTwoFactorService({ db, keyring, now, audit }),
    verification: createVerificationService({ db, mail, tokens, throttle, now }),
    drained,
  };
}
