/**
 * `npm run demo`: Tablero with no configuration at all. Starts the TusFacturas emulator on
 * loopback with its data dated relative to today, seeds a demo owner with two businesses wired
 * to it, builds if needed and serves on http://localhost:3000. `--dev` serves with `next dev`
 * instead.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { MailDev } from "maildev";
import { openDatabase } from "@/lib/db/client";
import { DEMO_EMAIL, seedDemo } from "@/lib/demo/seed";
import { startEmulator, type RunningEmulator } from "@/lib/tusfacturas/emulator/server";
import { buildIfNeeded, nextBin } from "./build-if-needed";
import { localSecrets } from "./local-secrets";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.TABLERO_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";
// A demo is not a service: only this machine reaches it unless HOST says otherwise.
const host = process.env.HOST ?? "127.0.0.1";

/**
 * A local SMTP server whose mail is read in the browser (maildev), both on loopback; the
 * next free pair of ports when the usual ones are taken.
 */
async function startMailDev(): Promise<{ smtpUrl: string; webUrl: string; stop(): Promise<void> }> {
  const preferred = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
  for (let offset = 0; offset < 20; offset++) {
    const smtp = preferred + offset * 2;
    const web = preferred + 55 + offset * 2;
    const maildev = new MailDev({
      smtp,
      web,
      ip: "127.0.0.1",
      webIp: "127.0.0.1",
      silent: true,
    });
    try {
      await maildev.start();
      return {
        smtpUrl: `smtp://127.0.0.1:${smtp}`,
        webUrl: `http://127.0.0.1:${web}`,
        stop: () => maildev.stop(),
      };
    } catch {
      await maildev.stop().catch(() => undefined);
    }
  }
  throw new Error("no hay puertos libres para el servidor de email local (maildev)");
}

/** The address to print and to put in emailed links for the host Next listens on. */
function publicHost(listening: string): string {
  return ["0.0.0.0", "::", "127.0.0.1", "localhost"].includes(listening) ? "localhost" : listening;
}

async function main() {
  const secrets = localSecrets(dataDir);
  let emulator: RunningEmulator | undefined;
  let apiUrl = process.env.TUSFACTURAS_API_URL;
  if (!apiUrl) {
    const preferred = Number(process.env.EMULATOR_PORT ?? 4010);
    // Today's demo shows invoices still to fall due and overdue ones, not a year-old ledger.
    const options = { quiet: true, asOf: new Date() };
    emulator = await startEmulator({ ...options, port: preferred }).catch(() =>
      startEmulator({ ...options, port: 0 }),
    );
    apiUrl = emulator.url;
  }

  if (emulator) {
    const handle = await openDatabase(
      process.env.DATABASE_URL
        ? { url: process.env.DATABASE_URL }
        : { pgliteDir: path.join(dataDir, "pglite") },
    );
    try {
      const keyring = new Map([[1, Buffer.from(secrets.TABLERO_ENCRYPTION_KEY, "base64")]]);
      await seedDemo(handle.db, {
        password: secrets.demoPassword,
        keyring,
        tusfacturasUrl: apiUrl,
      });
    } finally {
      await handle.close();
    }
  }

  // The demo's email goes to maildev unless an SMTP server is configured.
  const mailDev = process.env.SMTP_URL ? undefined : await startMailDev();
  const smtpUrl = process.env.SMTP_URL ?? mailDev!.smtpUrl;

  if (!dev) buildIfNeeded();

  const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port, "-H", host], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      TABLERO_DATA_DIR: dataDir,
      AUTH_SECRET: secrets.AUTH_SECRET,
      TABLERO_ENCRYPTION_KEY: secrets.TABLERO_ENCRYPTION_KEY,
      TUSFACTURAS_API_URL: apiUrl,
      SMTP_URL: smtpUrl,
      TABLERO_URL: process.env.TABLERO_URL ?? `http://${publicHost(host)}:${port}`,
    },
  });

  console.log(`
  Tablero: http://${publicHost(host)}:${port}
  ${emulator ? `Emulador de TusFacturas: ${emulator.url}\n  Ingresá con ${DEMO_EMAIL} / ${secrets.demoPassword}` : `TusFacturas: ${apiUrl}`}
  ${mailDev ? `Emails de la demo (maildev): ${mailDev.webUrl}` : "Emails: SMTP_URL"}
  Datos en ${dataDir}${process.env.DATABASE_URL ? " (PostgreSQL: DATABASE_URL)" : " (base embebida)"}
`);

  const stop = () => {
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    void Promise.allSettled([emulator?.close(), mailDev?.stop()]).finally(() =>
      process.exit(code ?? 0),
    );
  });
}

main().catch((error: unknown) => {
  console.error(`\nNo se pudo iniciar la demo: ${(error as Error).message}`);
  process.exit(1);
});
