/**
 * `npm run security-log -- --since 24h [--business <id>] [--json]`: the security log for an
 * operator, newest first, from the database Tablero uses (DATABASE_URL or the embedded one,
 * which admits one process: stop Tablero first).
 */
import { openDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createSecurityLog } from "@/lib/security-log/service";
import { parseSince } from "@/lib/security-log/since";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const since = parseSince(option("since") ?? "24h", new Date());
  if (!since) throw new Error('--since espera "24h", "7d", "30m" o una fecha (2026-11-29)');
  const businessId = option("business");
  const config = env();
  const handle = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.pgliteDir },
  );
  try {
    const entries = await createSecurityLog({ db: handle.db, now: () => new Date() }).list({
      since,
      businessId,
      limit: 10_000,
    });
    if (process.argv.includes("--json")) {
      for (const entry of entries) console.log(JSON.stringify(entry));
      return;
    }
    console.log(`Registro de seguridad desde ${since.toISOString()}: ${entries.length} eventos`);
    for (const e of entries) {
      const who = e.who ?? e.email ?? e.userId ?? "—";
      const parts = [e.at, e.kind, who, e.address ?? "", e.businessId ?? "", e.subject ?? ""];
      console.log(`${parts.join("  ")}${e.detail ? `  (${e.detail})` : ""}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`No se pudo leer el registro de seguridad: ${(error as Error).message}`);
  process.exit(1);
});
