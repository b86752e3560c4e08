import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "drizzle",
  "next.config.ts",
  "tailwind.config.ts",
  "package-lock.json",
  "instrumentation.ts",
  "proxy.ts",
];

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory())
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of SOURCES) if (fs.existsSync(entry)) visit(entry);
  return newest;
}

/** Runs `next build` unless the build (in `.next`, or NEXT_DIST_DIR) is newer than every source. */
export function buildIfNeeded(): void {
  const buildId = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSourceChange()) return;
  console.log("Compilando Tablero (next build)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
