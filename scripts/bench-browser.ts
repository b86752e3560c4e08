/**
 * The browser half of `npm run bench`: time from navigation to the 20 000-movement ledger's
 * table and saldo chart being visible, and to every movement having arrived, in Debian's
 * Chromium against `next start`, with the ledger already stored (what a visit costs, not
 * TusFacturas' answer time).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { openDatabase } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { tusfacturasCredentials, users } from "@/lib/db/schema";
import { startEmulator } from "@/lib/tusfacturas/emulator/server";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { buildBareApp } from "./bench-bare-app";
import { measureLighthouse, type LighthouseMeasurement } from "./bench-lighthouse";
import { buildIfNeeded, nextBin } from "./build-if-needed";
import { everyPage, measureFirstLoad, type FirstLoad } from "./first-load";
import { waitForServer } from "./wait-for-server";

const LARGE_CLIENT = "30500010912";
const RUNS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3391);

async function seed(dataDir: string, keyring: Map<number, Buffer>) {
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
  try {
    const [user] = await handle.db
      .insert(users)
      .values({
        name: "Bench",
        email: "bench@tablero.local",
        passwordHash: await hashPassword("bench-password"),
      })
      .returning({ id: users.id });
    const businessId = await createBusinessesService({ db: handle.db, keyring }).insertBusiness(
      user!.id,
      {
        razonSocial: "Panadería La Espiga S.R.L.",
        cuit: "30712293841",
        credentials: { apikey: "1001", apitoken: "demo1001token", usertoken: "demo1001user" },
      },
    );
    await handle.db.update(tusfacturasCredentials).set({ status: "verified" });
    await createClientesService({ db: handle.db }).insertClient(businessId, {
      cuit: LARGE_CLIENT,
      nombre: "Distribuidora",
    });
    return businessId;
  } finally {
    await handle.close();
  }
}

/**
 * Median and every run, in milliseconds: until the table's first row and the saldo chart are
 * visible (`visible`), and until every movement has arrived and the exports are enabled
 * (`complete`).
 */
export type BrowserRuns = { runs: number[]; median: number };

function summary(runs: number[]): BrowserRuns {
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, median: sorted[Math.floor(sorted.length / 2)]! };
}

/**
 * The same figure for a bare Next.js page (see bench-bare-app.ts): the floor every page of
 * this stack pays before any of Tablero's code.
 */
async function measureBareFirstLoad(browser: Browser): Promise<FirstLoad> {
  const app = await buildBareApp();
  try {
    const server = await app.start(PORT);
    try {
      const [bare] = await measureFirstLoad(
        browser,
        undefined,
        [{ route: "referencia: página Next.js vacía", path: "/", signedOut: true }],
        server.url,
      );
      return bare!;
    } finally {
      await server.stop();
    }
  } finally {
    app.remove();
  }
}

export async function measureBrowser(): Promise<{
  visible: BrowserRuns;
  complete: BrowserRuns;
  firstLoad: FirstLoad[];
  lighthouse: LighthouseMeasurement;
  bareFirstLoad: FirstLoad;
}> {
  buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-bench-"));
  const key = randomBytes(32);
  const emulator = await startEmulator({ port: 0, quiet: true });
  const businessId = await seed(dataDir, new Map([[1, key]]));
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(PORT)], {
    stdio: "ignore",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      TABLERO_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TABLERO_ENCRYPTION_KEY: key.toString("base64"),
      TUSFACTURAS_API_URL: emulator.url,
    },
  });
  const base = `http://localhost:${PORT}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer(`${base}/ingresar`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/ingresar`);
    await page.getByLabel("Email").fill("bench@tablero.local");
    await page.getByLabel("Contraseña").fill("bench-password");
    await page.getByRole("button", { name: "Ingresar" }).click();
    await page.waitForURL(`${base}/empresas`);
    const url = `${base}/empresas/${businessId}/clientes/${LARGE_CLIENT}`;
    const timeout = { timeout: 60_000 };
    // The ledger table's first movement (a date in its first cell), not a placeholder row.
    const firstRow = page
      .getByLabel("Movimientos, con desplazamiento")
      .locator('tbody tr[aria-rowindex="2"] td')
      .first()
      .filter({ hasText: /^\d{2}\/\d{2}\/\d{4}$/ });
    const saldoLine = page
      .locator("figure", { hasText: "Saldo a lo largo del tiempo" })
      .locator("[data-saldo-line]");
    const exportEnabled = page.locator("button:enabled", { hasText: "Exportar CSV" });
    const visible = async () => {
      await firstRow.waitFor(timeout);
      await saldoLine.waitFor(timeout);
    };
    // The first visit fetches the ledger from the emulator and stores it.
    await page.goto(url);
    await visible();
    await exportEnabled.waitFor(timeout);
    const visibleRuns: number[] = [];
    const completeRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto("about:blank");
      const start = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await visible();
      visibleRuns.push(performance.now() - start);
      await exportEnabled.waitFor(timeout);
      completeRuns.push(performance.now() - start);
    }
    // This ledger is the 20 000 movements'.
    const routes = everyPage(businessId, LARGE_CLIENT).map((route) =>
      route.route === "cuenta corriente"
        ? { ...route, route: "cuenta corriente (20.000 mov.)" }
        : route,
    );
    const storageState = await page.context().storageState();
    const firstLoad = await measureFirstLoad(browser, storageState, routes, base);
    // Every page was visited above, so each one's stored copy exists: Lighthouse measures what
    // a visit costs, not TusFacturas' answer time.
    const cookie = storageState.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
    const audited = ["portfolio", "consumo", "cuenta corriente (20.000 mov.)", "IVA"];
    const lighthouse = await measureLighthouse(
      base,
      cookie,
      routes.filter((route) => audited.includes(route.route)),
    );
    await stop(server);
    const bareFirstLoad = await measureBareFirstLoad(browser);
    return {
      visible: summary(visibleRuns),
      complete: summary(completeRuns),
      firstLoad,
      lighthouse,
      bareFirstLoad,
    };
  } finally {
    await browser.close();
    await stop(server);
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Ends `next start` and waits for it, so its port is free again. */
function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}
