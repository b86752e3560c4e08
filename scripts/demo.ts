/**
 * `npm run demo`: Tablero with no configuration at all. Starts the TusFacturas emulator on
 * loopback, seeds a demo owner with two businesses wired to it, builds if needed and serves
 * on http://localhost:3000. `--dev` serves with `next dev` instead.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { DEMO_EMAIL, seedDemo } from "@/lib/demo/seed";
import { startEmulator, type RunningEmulator } from "@/lib/tusfacturas/emulator/server";
import { buildIfNeeded, nextBin } from "./build-if-needed";
import { localSecrets } from "./local-secrets";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.TABLERO_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";

async function main() {
  const secrets = localSecrets(dataDir);
  let emulator: RunningEmulator | undefined;
  let apiUrl = process.env.TUSFACTURAS_API_URL;
  if (!apiUrl) {
    const preferred = Number(process.env.EMULATOR_PORT ?? 4010);
    emulator = await startEmulator({ port: preferred, quiet: true }).catch(() =>
      startEmulator({ port: 0, quiet: true }),
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

  if (!dev) buildIfNeeded();

  const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      TABLERO_DATA_DIR: dataDir,
      AUTH_SECRET: secrets.AUTH_SECRET,
      TABLERO_ENCRYPTION_KEY: secrets.TABLERO_ENCRYPTION_KEY,
      TUSFACTURAS_API_URL: apiUrl,
    },
  });

  console.log(`
  Tablero: http://localhost:${port}
  ${emulator ? `Emulador de TusFacturas: ${emulator.url}\n  Ingresá con ${DEMO_EMAIL} / ${secrets.demoPassword}` : `TusFacturas: ${apiUrl}`}
  Datos en ${dataDir}${process.env.DATABASE_URL ? " (PostgreSQL: DATABASE_URL)" : " (base embebida)"}
`);

  const stop = () => {
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    void emulator?.close().finally(() => process.exit(code ?? 0));
    if (!emulator) process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`\nNo se pudo iniciar la demo: ${(error as Error).message}`);
  process.exit(1);
});
