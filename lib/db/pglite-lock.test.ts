import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { lockDataDir } from "./pglite-lock";
import { insertTestUser } from "@/lib/testing/test-database";

const lockModule = new URL("./pglite-lock.ts", import.meta.url).href;

/**
 * Another process that takes the lock of `dir` with the real code and keeps it until killed
 * (standing in for a running Tablero server).
 */
async function startHolder(dir: string): Promise<ChildProcess> {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(lockModule)});
    lockDataDir(process.argv[1]);
    process.stdout.write("locked\\n");
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script, dir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const [chunk] = (await Promise.race([
    once(child.stdout!, "data"),
    once(child, "exit").then(() => {
      throw new Error("the lock holder exited before taking the lock");
    }),
  ])) as [Buffer];
  expect(chunk.toString()).toBe("locked\n");
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  // SIGKILL: the holder gets no chance to remove its lock, like a crashed server.
  child.kill("SIGKILL");
  await exited;
}

describe("PGlite data folder lock", () => {
  let tmp: string;
  let dir: string;
  let holder: ChildProcess | undefined;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tablero-lock-"));
    dir = path.join(tmp, "pglite");
  });

  afterEach(async () => {
    if (holder) await kill(holder);
    holder = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("stops a second process with a Spanish message naming the holder, touching nothing", async () => {
    holder = await startHolder(dir);
    const pid = holder.pid!;
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(pid));

    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
      `La base embebida en ${dir} está en uso por otro proceso (PID ${pid}). ` +
        "Detené ese proceso (por ejemplo, el servidor de Tablero) antes de abrirla desde otro, " +
        "o usá otra carpeta con TABLERO_DATA_DIR.",
    );
    // The holder keeps its lock and the folder was never opened.
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(pid));
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("takes over the lock of a process that died, and releases it on close", async () => {
    holder = await startHolder(dir);
    const deadPid = holder.pid!;
    await kill(holder);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(deadPid));

    const handle = await openDatabase({ pgliteDir: dir });
    try {
      expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
      await insertTestUser(handle.db);
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  }, 90_000);

  it("takes over a lock file that holds no PID (a crash while writing it)", () => {
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, "");
    const release = lockDataDir(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("does not remove a lock that another process took after this one released it", async () => {
    const release = lockDataDir(dir);
    release();
    holder = await startHolder(dir);
    release();
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(holder.pid));
  });
});
