import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type LocalSecrets = {
  AUTH_SECRET: string;
  TABLERO_ENCRYPTION_KEY: string;
  demoPassword: string;
};

/**
 * Secrets for local runs, generated once and kept in the gitignored data folder (mode 600).
 * Values already in the environment win.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  fs.mkdirSync(dataDir, { recursive: true });
  let stored: Partial<LocalSecrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString("base64"),
    TABLERO_ENCRYPTION_KEY: stored.TABLERO_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    demoPassword: stored.demoPassword ?? `demo-${randomBytes(6).toString("hex")}`,
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return {
    ...secrets,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    TABLERO_ENCRYPTION_KEY: process.env.TABLERO_ENCRYPTION_KEY ?? secrets.TABLERO_ENCRYPTION_KEY,
  };
}
