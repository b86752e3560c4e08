/**
 * A bare Next.js app (the project's own next, react and react-dom, nothing else): one
 * dynamic page in the App Router (rendered per request), built with `next build` in a temporary folder. The
 * bench measures it beside Tablero so a figure always comes with the floor any page of this
 * stack pays.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitForServer } from "./wait-for-server";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare", private: true, type: "module" }),
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "ES2023"],
      strict: true,
      noEmit: true,
      module: "esnext",
      moduleResolution: "bundler",
      jsx: "react-jsx",
      isolatedModules: true,
      skipLibCheck: true,
      plugins: [{ name: "next" }],
    },
    include: ["**/*.ts", "**/*.tsx"],
    exclude: ["node_modules"],
  }),
  "app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="es-AR">
      <body>{children}</body>
    </html>
  );
}
`,
  // Dynamic, like every signed-in page of Tablero: rendered for each request.
  "app/page.tsx": `import { headers } from "next/headers";

export const dynamic = "force-dynamic";

export default async function Page() {
  const agent = (await headers()).get("user-agent") ?? "";
  return (
    <main>
      <h1>Página mínima</h1>
      <p>{agent.length} caracteres de user-agent.</p>
    </main>
  );
}
`,
};

export type BareApp = {
  dir: string;
  /** `next start` on `port`; resolves once the page answers. */
  start(port: number): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
  /** Removes the folder. */
  remove(): void;
};

/**
 * Builds the bare app in its own temporary folder, outside the project (a folder inside it
 * would pick up the project's `instrumentation.ts`), with a hard-linked copy of the project's
 * `node_modules` (Turbopack refuses a symlinked one).
 */
export async function buildBareApp(): Promise<BareApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-bare-"));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const copy = spawnSync(
    "cp",
    ["-al", path.join(process.cwd(), "node_modules"), path.join(dir, "node_modules")],
    { stdio: "inherit" },
  );
  if (copy.status !== 0)
    throw new Error("No se pudo copiar node_modules para la app de referencia");
  const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, stdio: "ignore", env });
  if (build.status !== 0) throw new Error(`next build de la app de referencia falló (${dir})`);
  return {
    dir,
    async start(port) {
      const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
        cwd: dir,
        stdio: "ignore",
        env,
      });
      const url = `http://localhost:${port}`;
      await waitForServer(url, "La app de referencia");
      return {
        url,
        pid: server.pid!,
        stop: () =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null) return resolve();
            server.once("exit", () => resolve());
            server.kill("SIGTERM");
          }),
      };
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
