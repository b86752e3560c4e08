/** Stops every instance the suite started (by pid, SIGTERM then SIGKILL) and drops its databases. */
import fs from "node:fs";
import { dropDatabase, stopInstance } from "./cluster";
import { readState, stateFile } from "./state";

export default async function globalTeardown(): Promise<void> {
  const state = readState();
  if (!state) return;
  await Promise.all(Object.values(state.instances).map((i) => stopInstance(i, 5000)));
  for (const name of state.databases) {
    await dropDatabase(state.adminUrl, name).catch((error: unknown) =>
      console.error(`[multi-instance] No se pudo borrar ${name}: ${(error as Error).message}`),
    );
  }
  fs.rmSync(state.config.workDir, { recursive: true, force: true });
  fs.rmSync(stateFile, { force: true });
}
