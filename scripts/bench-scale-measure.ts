/**
 * The scale part of `npm run bench`: with the 300-business account of `seedScale` and a
 * 3-business reference in the same database, the portfolio's server time (time to last byte
 * with the session cookie, `next start` on loopback) and HTML bytes, a header-only page's bytes,
 * and the palette search's time over 12 000 clients, on PGlite and, with BENCH_DATABASE_URL or
 * TEST_DATABASE_URL, on PostgreSQL. Figures only, no thresholds.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { openDatabase, type OpenDatabaseOptions } from "@/lib/db/client";
import { createNavigationService } from "@/lib/navigation/service";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { createDatabase, dropDatabase } from "../e2e/multi-instance/cluster";
import { benchDatabaseUrl } from "./bench-multi-instance";
import { buildIfNeeded, nextBin } from "./build-if-needed";
import { waitForServer } from "./wait-for-server";
import { seedScale, type ScaleAccount } from "./bench-scale";

const RUNS = 15;
const WARMUP = 3;
const SEARCHES = ["gómez", "ferreteria", "maría inés", "30-7", "zzz"];
const PORT = Number(process.env.BENCH_PORT ?? 3391) + 5;

type Accounts = { scale: ScaleAccount; reference: ScaleAccount };
type PageFigures = { ms: number; bytes: number };

const ms = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 0 });
const kb = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 0 });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function seedBoth(options: OpenDatabaseOptions, key: Buffer): Promise<Accounts> {
  const handle = await openDatabase(options);
  try {
    const keyring = new Map([[1, key]]);
    const scale = await seedScale(handle.db, keyring);
    const reference = await seedScale(handle.db, keyring, {
      email: "referencia.escala@tablero.local",
      businesses: 3,
      clients: 120,
      twoFactorBusinesses: 0,
      seed: 7,
    });
    return { scale, reference };
  } finally {
    await handle.close();
  }
}

/** Median time of the palette's service call per query, straight on the database. */
async function timeSearches(
  options: OpenDatabaseOptions,
  accounts: Accounts,
): Promise<{ query: string; scale: number; reference: number; found: number }[]> {
  const handle = await openDatabase(options);
  try {
    const { searchNavigation } = createNavigationService({ db: handle.db });
    const timeOne = async (userId: string, query: string) => {
      for (let i = 0; i < WARMUP; i++) await searchNavigation(userId, query);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await searchNavigation(userId, query);
        samples.push(performance.now() - start);
      }
      return median(samples);
    };
    const results = [];
    for (const query of SEARCHES) {
      results.push({
        query,
        scale: await timeOne(accounts.scale.userId, query),
        reference: await timeOne(accounts.reference.userId, query),
        found: (await searchNavigation(accounts.scale.userId, query)).length,
      });
    }
    return results;
  } finally {
    await handle.close();
  }
}

/** A person's pace: a key every 120 ms, the query typed into an empty box. */
const KEY_DELAY_MS = 120;

/**
 * The palette as a person uses it, in Chromium: Ctrl+K on the portfolio, the query typed key by
 * key, and the time from the last key to the search route's answer for the whole query having
 * arrived (Resource Timing; drawing the list adds a frame). Median of a few runs per query.
 */
async function timePaletteInBrowser(
  base: string,
  account: ScaleAccount,
): Promise<{ query: string; ms: number }[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/ingresar`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Contraseña").fill(account.password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await page.waitForURL(`${base}/empresas`);
    await page.evaluate(() => {
      document.addEventListener(
        "keydown",
        () => ((window as unknown as { lastKey: number }).lastKey = performance.now()),
        true,
      );
    });
    const dialog = page.getByRole("dialog", { name: "Ir a…" });
    const box = dialog.getByRole("combobox", { name: "Empresa o cliente" });
    // Right after the load the header may not be hydrated yet: press until the palette opens.
    for (let i = 0; i < 50 && !(await dialog.isVisible()); i++) {
      await page.keyboard.press("Control+K");
      await page.waitForTimeout(200);
    }
    const results = [];
    for (const query of SEARCHES) {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        await box.fill("");
        await page.evaluate(() => performance.clearResourceTimings());
        const answered = page.waitForResponse(
          (response) =>
            new URL(response.url()).pathname === "/api/navegacion" &&
            new URL(response.url()).searchParams.get("query") === query,
        );
        await box.pressSequentially(query, { delay: KEY_DELAY_MS });
        await (await answered).finished();
        samples.push(
          await page.evaluate((q) => {
            const entry = performance
              .getEntriesByType("resource")
              .findLast((e) => new URL(e.name).searchParams.get("query") === q) as
              PerformanceResourceTiming | undefined;
            return (
              (entry?.responseEnd ?? Number.NaN) -
              (window as unknown as { lastKey: number }).lastKey
            );
          }, query),
        );
      }
      results.push({ query, ms: median(samples) });
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/ingresar`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Contraseña").fill(password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await page.waitForURL(`${base}/empresas`);
    return (await page.context().cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** Median time to last byte and the HTML's bytes of `path` with the session cookie. */
async function timePage(url: string, cookie: string): Promise<PageFigures> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${url} respondió ${response.status}`);
    return { ms: performance.now() - start, bytes: Buffer.byteLength(html) };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const runs: PageFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  return { ms: median(runs.map((r) => r.ms)), bytes: median(runs.map((r) => r.bytes)) };
}

async function measureEngine(label: string, options: OpenDatabaseOptions, dataDir: string) {
  const key = randomBytes(32);
  const seedStart = performance.now();
  const accounts = await seedBoth(options, key);
  const seedMs = performance.now() - seedStart;
  const searches = await timeSearches(options, accounts);

  const emulator = await startEmulator({ port: 0, quiet: true });
  const port = PORT + (label === "PGlite" ? 0 : 1);
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    stdio: "ignore",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "url" in options ? options.url : "",
      TABLERO_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TABLERO_ENCRYPTION_KEY: key.toString("base64"),
      TUSFACTURAS_API_URL: emulator.url,
    },
  });
  const base = `http://localhost:${port}`;
  try {
    await waitForServer(`${base}/ingresar`);
    const pages = [
      ["Cartera (/empresas)", "/empresas"],
      ["Cartera ordenada por «A cobrar»", "/empresas?orden=cobrar"],
      ["Cartera, búsqueda «gomez»", "/empresas?q=gomez"],
      ["Tu cuenta (solo el encabezado pesa)", "/cuenta"],
    ] as const;
    const figures: Record<"scale" | "reference", PageFigures[]> = { scale: [], reference: [] };
    for (const who of ["scale", "reference"] as const) {
      const cookie = await signIn(base, accounts[who].email, accounts[who].password);
      for (const [, pagePath] of pages) figures[who].push(await timePage(base + pagePath, cookie));
    }

    const palette = await timePaletteInBrowser(base, accounts.scale);

    const s = accounts.scale.businessIds.length;
    const r = accounts.reference.businessIds.length;
    console.log(
      `${label}: cartera de ${s} empresas y 12.000 clientes (sembrada en ${ms.format(seedMs)} ms) ` +
        `frente a una de ${r} empresas; mediana de ${RUNS} pedidos con sesión, next start:`,
    );
    const cell = (f: PageFigures) => `${ms.format(f.ms)} ms · ${kb.format(f.bytes / 1024)} KB`;
    pages.forEach(([name], i) => {
      console.log(
        `  ${name.padEnd(38)} ${cell(figures.scale[i]!).padStart(18)}   ` +
          `(${r} empresas: ${cell(figures.reference[i]!)})`,
      );
    });
    console.log("  Búsqueda de la paleta (servicio llamado directo sobre la base; mediana):");
    for (const search of searches) {
      console.log(
        `    «${search.query}»`.padEnd(20) +
          `${ms.format(search.scale)} ms, ${search.found} resultados`.padStart(26) +
          `   (${r} empresas: ${ms.format(search.reference)} ms)`,
      );
    }
    console.log(
      `  Paleta en Chromium (Ctrl+K, una tecla cada ${KEY_DELAY_MS} ms; de la última tecla a ` +
        "la respuesta completa; mediana de 5; meta ≤ 100 ms):",
    );
    for (const { query, ms: value } of palette)
      console.log(`    «${query}»`.padEnd(20) + `${ms.format(value)} ms`.padStart(26));
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await emulator.close();
  }
}

/** The scale figures on PGlite, and on PostgreSQL when a server is configured. */
export async function printScaleMeasurement(): Promise<void> {
  buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-bench-scale-"));
  try {
    await measureEngine("PGlite", { pgliteDir: path.join(dataDir, "pglite") }, dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const adminUrl = benchDatabaseUrl();
  if (!adminUrl) {
    console.log("Escala en PostgreSQL: sin medir (definí TEST_DATABASE_URL o BENCH_DATABASE_URL).");
    return;
  }
  const database = await createDatabase(adminUrl, "tablero_bench_scale");
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-bench-scale-pg-"));
  try {
    await measureEngine("PostgreSQL", { url: database.url }, pgDir);
  } finally {
    await dropDatabase(adminUrl, database.name).catch(() => undefined);
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
}

/**
 * `--seed-scale [--database-url URL | --data-dir DIR]`: the 300-business account on the engine
 * the app would use (DATABASE_URL, else the PGlite folder of TABLERO_DATA_DIR or `.data`),
 * sealed with TABLERO_ENCRYPTION_KEY (or the local secrets `npm run demo` keeps).
 */
export async function seedScaleCommand(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const url = flag("--database-url") ?? (flag("--data-dir") ? undefined : process.env.DATABASE_URL);
  const dataDir = path.resolve(flag("--data-dir") ?? process.env.TABLERO_DATA_DIR ?? ".data");
  const { localSecrets } = await import("./local-secrets");
  const key = Buffer.from(localSecrets(dataDir).TABLERO_ENCRYPTION_KEY, "base64");
  const handle = await openDatabase(url ? { url } : { pgliteDir: path.join(dataDir, "pglite") });
  try {
    const start = performance.now();
    const account = await seedScale(handle.db, new Map([[1, key]]));
    console.log(
      account.created
        ? `Cartera de escala creada en ${ms.format(performance.now() - start)} ms: ` +
            `${account.businessIds.length} empresas y 12.000 clientes.`
        : `La cartera de escala ya existía (${account.businessIds.length} empresas).`,
    );
    console.log(`Base: ${url ? "PostgreSQL (DATABASE_URL)" : `PGlite en ${dataDir}/pglite`}`);
    console.log(`Ingresá con ${account.email} / ${account.password}`);
  } finally {
    await handle.close();
  }
}
