/**
 * Several real `next start` processes on one PostgreSQL database, as an operator runs Tablero
 * behind a load balancer: a fresh database on the server behind `TEST_DATABASE_URL`, shared
 * secrets, each instance in its own process group (so SIGKILL / SIGTERM reach all of it) with
 * its output in a log file. Used by the multi-instance Playwright suite and by `npm run bench`.
 *
 * Needs `next build` first. Plain Node: no Playwright imports, so scripts can use it too.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client, Pool } from "pg";

export const repoRoot = process.cwd();
const nextBin = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");

/** What every instance of one cluster shares, and where its files go. */
export type ClusterConfig = {
  /** The cluster's own database (see `createDatabase`). */
  databaseUrl: string;
  emulatorUrl: string;
  authSecret: string;
  encryptionKey: string;
  /** Each instance gets `<workDir>/<name>` as TABLERO_DATA_DIR. */
  workDir: string;
  /** `<logDir>/<name>-<pid>.log` holds an instance's stdout and stderr. */
  logDir: string;
  /** Added to (or overriding) every instance's environment. */
  env?: Record<string, string>;
};

export type InstanceRecord = {
  name: string;
  port: number;
  url: string;
  pid: number;
  logFile: string;
  /** Its id as `/api/health` gives it; null until known (or when the endpoint is missing). */
  id: string | null;
};

export type HealthBody = {
  status?: string;
  instance?: string;
  checks?: Record<string, boolean>;
};

/** One answer of `/api/health`; `httpStatus` 0 when the instance did not answer at all. */
export type HealthAnswer = { httpStatus: number; body: HealthBody | null; error?: string };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fresh secrets shared by every instance of a cluster (as an operator would configure). */
export function newSecrets(): { authSecret: string; encryptionKey: string } {
  return {
    authSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
}

// ---------------------------------------------------------------------------------------------
// Database

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server behind `adminUrl`, named `<prefix>_<random>`. */
export async function createDatabase(
  adminUrl: string,
  prefix = "tablero_multi",
): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops a database made by `createDatabase`, disconnecting whatever is still connected. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Nombre de base inesperado: ${name}`);
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** A small pool on a cluster's database, for setup and assertions straight in SQL. */
export function openPool(url: string): Pool {
  const pool = new Pool({ connectionString: url, max: 3 });
  // A database dropped under an idle connection must not crash the test process.
  pool.on("error", () => undefined);
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Processes

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Sends `signal` to the instance's whole process group; false when it was already gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true once `pid` has exited, false when it still runs after `timeoutMs`. */
export async function waitExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Starts `next start -p <port>` detached, in its own process group, with the cluster's
 * environment; returns at once (see `waitReady`). The process outlives the one that started
 * it: stop it with `stopInstance` or `signalGroup`.
 */
export function startInstance(config: ClusterConfig, name: string, port: number): InstanceRecord {
  // `next start` finds the build in NEXT_DIST_DIR too (next.config.ts), inherited below.
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!fs.existsSync(path.join(repoRoot, distDir, "BUILD_ID")))
    throw new Error(`No hay build de Tablero en ${distDir}: corré \`npx next build\` antes.`);
  const dataDir = path.join(config.workDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(config.logDir, { recursive: true });
  const pending = path.join(config.logDir, `${name}-starting-${Date.now()}.log`);
  const out = fs.openSync(pending, "a");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: config.databaseUrl,
      AUTH_SECRET: config.authSecret,
      TABLERO_ENCRYPTION_KEY: config.encryptionKey,
      TABLERO_DATA_DIR: dataDir,
      TUSFACTURAS_API_URL: config.emulatorUrl,
      TUSFACTURAS_TIMEOUT_MS: "8000",
      TABLERO_LEASE_SECONDS: "3",
      TABLERO_SHUTDOWN_SECONDS: "10",
      ...config.env,
    },
  });
  fs.closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error(`No se pudo iniciar la instancia ${name}.`);
  const logFile = path.join(config.logDir, `${name}-${child.pid}.log`);
  fs.renameSync(pending, logFile);
  return { name, port, url: `http://localhost:${port}`, pid: child.pid, logFile, id: null };
}

/** The last lines an instance wrote, for failure messages. */
export function logTail(instance: Pick<InstanceRecord, "logFile">, lines = 25): string {
  try {
    const text = fs.readFileSync(instance.logFile, "utf8").trimEnd();
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "(sin log)";
  }
}

/** One request to `/api/health`, never throwing. */
export async function readHealth(url: string, timeoutMs = 5000): Promise<HealthAnswer> {
  try {
    const response = await fetch(`${url}/api/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    const text = await response.text();
    let body: HealthBody | null = null;
    try {
      body = JSON.parse(text) as HealthBody;
    } catch {
      body = null;
    }
    return { httpStatus: response.status, body };
  } catch (error) {
    return { httpStatus: 0, body: null, error: (error as Error).message };
  }
}

export function isHealthy(answer: HealthAnswer): boolean {
  return answer.httpStatus === 200 && answer.body?.status === "ok";
}

export function describeHealth(answer: HealthAnswer): string {
  if (answer.httpStatus === 0) return `sin respuesta (${answer.error ?? "?"})`;
  return `HTTP ${answer.httpStatus} ${answer.body ? JSON.stringify(answer.body) : "(no JSON)"}`;
}

export type ReadyOptions = {
  timeoutMs?: number;
  /**
   * While `/api/health` does not exist yet (404), accept the sign-in page answering 200 as
   * ready, with a null instance id. Off where the health check itself is under test.
   */
  allowWithoutHealth?: boolean;
};

/**
 * Waits until the instance answers `/api/health` with 200 and `status: "ok"`, and records its
 * id. Throws with the last answer and the end of its log when it dies or the time runs out.
 */
export async function waitReady(
  instance: InstanceRecord,
  { timeoutMs = 60_000, allowWithoutHealth = true }: ReadyOptions = {},
): Promise<InstanceRecord> {
  const deadline = Date.now() + timeoutMs;
  let last: HealthAnswer = { httpStatus: 0, body: null, error: "todavía no se preguntó" };
  while (Date.now() < deadline) {
    if (!isAlive(instance.pid)) {
      throw new Error(
        `La instancia ${instance.name} (pid ${instance.pid}) terminó antes de estar lista.\n` +
          `Última respuesta de /api/health: ${describeHealth(last)}\n${logTail(instance)}`,
      );
    }
    last = await readHealth(instance.url);
    if (isHealthy(last)) return { ...instance, id: last.body?.instance ?? null };
    if (last.httpStatus === 404 && allowWithoutHealth) {
      const signIn = await fetch(`${instance.url}/ingresar`).catch(() => null);
      if (signIn?.ok) {
        console.warn(
          `[multi-instance] ${instance.name}: /api/health responde 404; lista por /ingresar (sin id de instancia).`,
        );
        return { ...instance, id: null };
      }
    }
    await sleep(250);
  }
  throw new Error(
    `La instancia ${instance.name} no estuvo lista en ${timeoutMs / 1000} s.\n` +
      `Última respuesta de /api/health: ${describeHealth(last)}\n${logTail(instance)}`,
  );
}

/**
 * SIGTERM to the instance's group, then SIGKILL if it still runs after `graceMs`. Resolves
 * whether it stopped by itself.
 */
export async function stopInstance(
  instance: Pick<InstanceRecord, "pid">,
  graceMs = 15_000,
): Promise<boolean> {
  if (!signalGroup(instance.pid, "SIGTERM")) return true;
  const byItself = await waitExit(instance.pid, graceMs);
  // The rest of the group too (a leftover child would keep the port or the database).
  signalGroup(instance.pid, "SIGKILL");
  if (!byItself) await waitExit(instance.pid, 5000);
  return byItself;
}
