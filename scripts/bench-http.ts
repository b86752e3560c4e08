/**
 * The HTTP half of `npm run bench`: requests per second a signed-in `next start` serves for
 * the pages people open most (every one from stored snapshots, no TusFacturas call), next to
 * a bare dynamic page of the same next/react versions built and served the same way, measured
 * in the same run and alternating with it so the machine's noise hits both. Runs on PGlite and,
 * with BENCH_DATABASE_URL or TEST_DATABASE_URL, on a fresh PostgreSQL database too. Needs wrk
 * (`apt-get install -y wrk`); without it the section is skipped. Figures only, no thresholds.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { openDatabase, type OpenDatabaseOptions } from "@/lib/db/client";
import { tusfacturasCredentials, users } from "@/lib/db/schema";
import { createEmulatorControl } from "@/lib/tusfacturas/emulator/control";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { createDatabase, dropDatabase } from "../e2e/multi-instance/cluster";
import { buildBareApp, type BareApp } from "./bench-bare-app";
import { benchDatabaseUrl } from "./bench-multi-instance";
import { buildIfNeeded, nextBin } from "./build-if-needed";

const WRK = "/usr/bin/wrk";
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3391) + 5;
const LOAD = { threads: 1, connections: 16, seconds: 10 };
const SINGLE_SECONDS = 5;
const APIKEY = "1001";
/** A client of the emulator's account 1001 with a 40-movement ledger. */
const CLIENT = { cuit: "30699112247", nombre: "HOTEL LOS ALAMOS S.R.L." };
const EMAIL = "bench-http@tablero.local";
const PASSWORD = "bench-http-password";
const RAZON_SOCIAL = "Panadería La Espiga S.R.L.";

export type WrkFigures = {
  requestsPerSecond: number;
  p50Ms: number;
  failures: number;
  /** CPU time the server process spent per request while wrk ran (user + system). */
  cpuMs: number;
};
export type PageFigures = { page: string; load: WrkFigures; single: WrkFigures; bare: WrkFigures };
export type EngineFigures = {
  engine: "PGlite" | "PostgreSQL";
  pages: PageFigures[];
  /** Billed TusFacturas calls the emulator counted while wrk ran (after the warm-up visits). */
  billedCalls: number;
  /** Free lookups meanwhile: due dates the ledger's visits queued (lib/vencimientos). */
  freeCalls: number;
};

type Server = { url: string; child: ChildProcess; log: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startNext(
  cwd: string,
  port: number,
  env: Record<string, string>,
  log: string,
): Server {
  const out = fs.openSync(log, "a");
  const child = spawn(
    process.execPath,
    [path.join(cwd, nextBinRelative()), "start", "-p", `${port}`],
    {
      cwd,
      stdio: ["ignore", out, out],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    },
  );
  fs.closeSync(out);
  return { url: `http://127.0.0.1:${port}`, child, log };
}

function nextBinRelative(): string {
  return path.relative(process.cwd(), nextBin);
}

async function waitFor(server: Server, pathname: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.child.exitCode !== null) break;
    try {
      if ((await fetch(server.url + pathname)).ok) return;
    } catch {
      // Not up yet.
    }
    await sleep(250);
  }
  throw new Error(`${server.url}${pathname} no respondió.\n${logTail(server.log)}`);
}

function logTail(log: string): string {
  return fs.readFileSync(log, "utf8").split("\n").slice(-20).join("\n");
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await Promise.race([exited, sleep(15_000)]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

/** A verified owner with the emulator's account 1001 and one client; returns the business id. */
export async function seed(options: OpenDatabaseOptions, key: Buffer): Promise<string> {
  const handle = await openDatabase(options);
  try {
    const [user] = await handle.db
      .insert(users)
      .values({
        name: "Bench HTTP",
        email: EMAIL,
        passwordHash: await hashPassword(PASSWORD),
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    const keyring = new Map([[1, key]]);
    const businessId = await createBusinessesService({ db: handle.db, keyring }).insertBusiness(
      user!.id,
      {
        razonSocial: RAZON_SOCIAL,
        cuit: "30712293841",
        credentials: { apikey: APIKEY, apitoken: "demo1001token", usertoken: "demo1001user" },
      },
    );
    await handle.db.update(tusfacturasCredentials).set({ status: "verified" });
    await createClientesService({ db: handle.db }).insertClient(businessId, CLIENT);
    return businessId;
  } finally {
    await handle.close();
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form ends up doing. */
export async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: "/" }),
  });
  await answer.arrayBuffer();
  const session = cookiesOf(answer).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`No se pudo ingresar (HTTP ${answer.status}).`);
  return session;
}

/** One visit, read to the end (a stale snapshot's refresh streams in); must show `expected`. */
async function visit(url: string, cookie: string, expected: string): Promise<void> {
  const get = () => fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  // A kept-alive connection the server just closed fails the write: the GET is sent again.
  const response = await get().catch(get);
  const body = await response.text();
  if (response.status !== 200 || !body.includes(expected))
    throw new Error(`${url}: HTTP ${response.status}, sin «${expected}».`);
}

function parseDuration(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!match) return Number.NaN;
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
  return Number(match[1]) * factor;
}

/**
 * CPU milliseconds a process has used (user + system), from /proc: unlike requests per second,
 * it hardly moves when other work shares the machine. NaN where there is no /proc.
 */
function cpuMsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: the unit of /proc's CPU times (100 on every Linux this runs on). */
const CLOCK_TICKS = Number(
  (() => {
    try {
      return execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim();
    } catch {
      return "100";
    }
  })(),
);

function wrk(
  url: string,
  cookie: string | null,
  connections: number,
  seconds: number,
  serverPid: number,
): WrkFigures {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency"];
  if (cookie) args.push("-H", `Cookie: ${cookie}`);
  const cpuBefore = cpuMsOf(serverPid);
  const out = execFileSync(WRK, [...args, url], { encoding: "utf8" });
  const cpuAfter = cpuMsOf(serverPid);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(out)?.[1];
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: Number(rps ?? Number.NaN),
    p50Ms: p50 ? parseDuration(p50) : Number.NaN,
    failures: non2xx + socketErrors,
    cpuMs: (cpuAfter - cpuBefore) / requests,
  };
}

/** `signedOut`: asked without the session cookie. */
type Target = { page: string; path: string; expected: string; signedOut?: boolean };

function targets(businessId: string): Target[] {
  const b = `/empresas/${businessId}`;
  return [
    { page: "consumo", path: `${b}/consumo`, expected: "Comprobantes" },
    { page: "portfolio /empresas", path: "/empresas", expected: RAZON_SOCIAL },
    { page: "clientes", path: `${b}/clientes`, expected: CLIENT.nombre },
    { page: "cuenta corriente", path: `${b}/clientes/${CLIENT.cuit}`, expected: CLIENT.nombre },
    { page: "IVA", path: `${b}/iva`, expected: "IVA compras-ventas" },
    // Tablero's own floor: the proxy (request id, CSP nonce), the root layout and a form, with
    // no session and no database.
    { page: "ingresar, sin sesión", path: "/ingresar", expected: "Ingresar", signedOut: true },
  ];
}

async function measureEngine(
  engine: EngineFigures["engine"],
  bare: { url: string; pid: number },
  options: { databaseUrl: string | null; port: number; workDir: string; emulatorUrl: string },
): Promise<EngineFigures> {
  const key = randomBytes(32);
  const dataDir = path.join(options.workDir, engine);
  fs.mkdirSync(dataDir, { recursive: true });
  const businessId = await seed(
    options.databaseUrl
      ? { url: options.databaseUrl }
      : { pgliteDir: path.join(dataDir, "pglite") },
    key,
  );
  const server = startNext(
    process.cwd(),
    options.port,
    {
      DATABASE_URL: options.databaseUrl ?? "",
      TABLERO_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TABLERO_ENCRYPTION_KEY: key.toString("base64"),
      TUSFACTURAS_API_URL: options.emulatorUrl,
      // The default window (15 min) already outlasts a run; set so that it always does.
      TABLERO_FRESHNESS_MINUTES: "120",
    },
    path.join(options.workDir, `${engine}.log`),
  );
  try {
    await waitFor(server, "/ingresar");
    const cookie = await signIn(server.url);
    const pages = targets(businessId);
    // The first visits store the snapshots (consumo, the ledger); after them nothing is stale.
    const cookieOf = (target: Target) => (target.signedOut ? "" : cookie);
    for (const target of pages)
      await visit(server.url + target.path, cookieOf(target), target.expected);
    for (const target of pages)
      await visit(server.url + target.path, cookieOf(target), target.expected);
    const control = createEmulatorControl(options.emulatorUrl);
    const callsBefore = (await control.calls(APIKEY)).total;
    const billedBefore = await control.billed(APIKEY);
    const figures: PageFigures[] = [];
    for (const target of pages) {
      const url = server.url + target.path;
      const pid = server.child.pid!;
      const session = target.signedOut ? null : cookie;
      const load = wrk(url, session, LOAD.connections, LOAD.seconds, pid);
      const bareLoad = wrk(bare.url, null, LOAD.connections, LOAD.seconds, bare.pid);
      const single = wrk(url, session, 1, SINGLE_SECONDS, pid);
      const bareSingle = wrk(bare.url, null, 1, SINGLE_SECONDS, bare.pid);
      figures.push({
        page: target.page,
        load,
        single,
        bare: { ...bareLoad, p50Ms: bareSingle.p50Ms },
      });
    }
    // Still signed in: a redirect to /ingresar would have made every figure meaningless.
    await visit(server.url + pages[0]!.path, cookie, pages[0]!.expected);
    const billedCalls = (await control.billed(APIKEY)) - billedBefore;
    const freeCalls = (await control.calls(APIKEY)).total - callsBefore - billedCalls;
    return { engine, pages: figures, billedCalls, freeCalls };
  } catch (error) {
    throw new Error(`${engine}: ${String(error)}\n${logTail(server.log)}`, { cause: error });
  } finally {
    await stop(server);
  }
}

/** Null when wrk is not installed. */
export async function measureHttp(): Promise<EngineFigures[] | null> {
  if (!fs.existsSync(WRK)) return null;
  buildIfNeeded();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-bench-http-"));
  const emulator = await startEmulator({ port: 0, quiet: true });
  const adminUrl = benchDatabaseUrl();
  const database = adminUrl ? await createDatabase(adminUrl, "tablero_bench_http") : null;
  const bareApp = await buildBareApp();
  let bare: Awaited<ReturnType<BareApp["start"]>> | null = null;
  try {
    bare = await bareApp.start(BASE_PORT);
    const common = { workDir, emulatorUrl: emulator.url };
    const results = [
      await measureEngine("PGlite", bare, { ...common, databaseUrl: null, port: BASE_PORT + 1 }),
    ];
    if (database) {
      results.push(
        await measureEngine("PostgreSQL", bare, {
          ...common,
          databaseUrl: database.url,
          port: BASE_PORT + 2,
        }),
      );
    }
    return results;
  } finally {
    await bare?.stop();
    bareApp.remove();
    if (adminUrl && database) await dropDatabase(adminUrl, database.name).catch(() => undefined);
    await emulator.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const decimal = new Intl.NumberFormat("es-AR", {
  maximumFractionDigits: 1,
  minimumFractionDigits: 1,
});
const integer = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 0 });

/** Prints the table (Spanish, figures only). */
export async function printHttpMeasurement(): Promise<void> {
  const results = await measureHttp();
  if (!results) {
    console.log(`HTTP: sin medir (falta wrk en ${WRK}: instalalo con \`apt-get install -y wrk\`).`);
    return;
  }
  const engines = results.map((r) => r.engine);
  console.log(
    `HTTP con sesión iniciada, páginas desde copias guardadas (next start; wrk -t${LOAD.threads} ` +
      `-c${LOAD.connections} -d${LOAD.seconds}s; p50 con 1 conexión, -d${SINGLE_SECONDS}s; CPU del ` +
      `proceso por pedido, que apenas cambia con la carga de la máquina), ` +
      `cada página seguida de la página mínima:`,
  );
  if (engines.length === 1)
    console.log("  (PostgreSQL sin medir: definí TEST_DATABASE_URL o BENCH_DATABASE_URL.)");
  const header = ["página".padEnd(22)];
  for (const engine of engines) header.push(`req/s ${engine}`.padStart(18), "% mínima".padStart(9));
  for (const engine of engines) header.push(`p50 ${engine}`.padStart(16));
  for (const engine of engines) header.push(`CPU/req ${engine}`.padStart(20));
  console.log(`  ${header.join("")}`);
  const pages = results[0]!.pages.map((p) => p.page);
  const cell = (value: number, unit = "") =>
    Number.isFinite(value) ? `${decimal.format(value)}${unit}` : "—";
  for (const [i, page] of pages.entries()) {
    const row = [page.padEnd(22)];
    for (const result of results) {
      const figures = result.pages[i]!;
      const failed = figures.load.failures > 0 ? ` (${figures.load.failures} errores)` : "";
      row.push(
        `${integer.format(figures.load.requestsPerSecond)}${failed}`.padStart(18),
        `${integer.format((100 * figures.load.requestsPerSecond) / figures.bare.requestsPerSecond)} %`.padStart(
          9,
        ),
      );
    }
    for (const result of results) row.push(cell(result.pages[i]!.single.p50Ms, " ms").padStart(16));
    for (const result of results) row.push(cell(result.pages[i]!.load.cpuMs, " ms").padStart(20));
    console.log(`  ${row.join("")}`);
  }
  for (const result of results) {
    const rps = result.pages.map((p) => p.bare.requestsPerSecond);
    const p50 = result.pages.map((p) => p.bare.p50Ms);
    const cpu = result.pages.map((p) => p.bare.cpuMs);
    const range = (values: number[], format: (n: number) => string) =>
      `${format(Math.min(...values))}–${format(Math.max(...values))}`;
    console.log(
      `  página mínima (Next ${nextVersion()}, durante ${result.engine}): ` +
        `${range(rps, (n) => integer.format(n))} req/s, p50 ${range(p50, (n) => decimal.format(n))} ms, ` +
        `CPU ${range(cpu, (n) => decimal.format(n))} ms por pedido`,
    );
  }
  for (const result of results)
    console.log(
      `  Llamadas a TusFacturas durante las corridas (${result.engine}): ${result.billedCalls} ` +
        `facturadas, ${result.freeCalls} consultas gratuitas (vencimientos)`,
    );
}

function nextVersion(): string {
  const pkg = path.join(process.cwd(), "node_modules", "next", "package.json");
  return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printHttpMeasurement().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
