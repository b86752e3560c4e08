/**
 * `npm run keys:rotate`: re-seals every stored secret with the newest key of
 * TABLERO_ENCRYPTION_KEYS, in small batches, while Tablero runs (on PostgreSQL; the embedded
 * database admits one process, so stop Tablero first). Run it again after a stop: it goes on
 * where it was. Exits 1 when a stored value opens with no key of the ring, or was in use on
 * every pass (still sealed with an older key: run it again).
 */
import { rotateSealedSecrets } from "@/lib/keys/rotate";
import { openDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";

async function main() {
  const config = env();
  const handle = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.pgliteDir },
  );
  try {
    const versions = [...config.encryptionKeys.keys()].sort((a, b) => a - b);
    console.log(
      `Claves: versiones ${versions.join(", ")}; se recifra todo con la versión ${versions.at(-1)}.`,
    );
    const report = await rotateSealedSecrets(handle.db, config.encryptionKeys, {
      onProgress: (kind, done) =>
        console.log(`  ${kind === "credentials" ? "credenciales" : "dos pasos"}: ${done}`),
    });
    console.log(
      `Listo: ${report.credentials} credenciales y ${report.twoFactor} secretos de dos pasos recifrados con la versión ${report.version}.`,
    );
    if (report.failed.length > 0) {
      console.error(
        `\nNo se pudieron abrir ${report.failed.length} valores (quedaron como estaban):`,
      );
      for (const failure of report.failed)
        console.error(
          `  ${failure.kind === "credentials" ? "empresa" : "usuario"} ${failure.id}: ${failure.reason}`,
        );
      process.exitCode = 1;
    }
    if (report.inUse.length > 0) {
      console.error(
        `\n${report.inUse.length} valores estaban en uso y siguen con una clave anterior: corré \`npm run keys:rotate\` de nuevo antes de quitar la clave vieja.`,
      );
      for (const left of report.inUse)
        console.error(`  ${left.kind === "credentials" ? "empresa" : "usuario"} ${left.id}`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`No se pudo recifrar: ${(error as Error).message}`);
  process.exit(1);
});
