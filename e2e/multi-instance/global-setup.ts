/**
 * Once per run: a fresh database on the server behind TEST_DATABASE_URL and instances A and B
 * on it (one after the other, so the shared cluster starts even where concurrent starts are
 * broken; starting together has its own test). Tests restart instances as they need.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createDatabase,
  dropDatabase,
  newSecrets,
  startInstance,
  stopInstance,
  waitReady,
  type ClusterConfig,
} from "./cluster";
import { instancePort, instanceUrl, SHARED_INSTANCES } from "./ports";
import { stateFile, writeState, type SuiteState } from "./state";

export default async function globalSetup(): Promise<void> {
  fs.rmSync(stateFile, { force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log("[multi-instance] Sin TEST_DATABASE_URL: la suite se omite.");
    return;
  }
  const logDir = path.resolve("test-results/multi-instance/logs");
  fs.rmSync(logDir, { recursive: true, force: true });
  const database = await createDatabase(adminUrl);
  const config: ClusterConfig = {
    databaseUrl: database.url,
    emulatorUrl: process.env.E2E_MULTI_EMULATOR_URL!,
    ...newSecrets(),
    workDir: fs.mkdtempSync(path.join(os.tmpdir(), "tablero-multi-")),
    logDir,
    env: {
      // Every instance sends through this suite's SMTP server; links point at instance A (any
      // instance serves them: the token is in the shared database).
      SMTP_URL: process.env.E2E_MULTI_SMTP_URL!,
      TABLERO_URL: instanceUrl("A"),
      TABLERO_EMAIL_ATTEMPTS: "3",
      TABLERO_EMAIL_RETRY_SECONDS: "1",
      // Every test signs up its own people, all from this machine.
      TABLERO_SIGNUPS_PER_HOUR: "10000",
    },
  };
  const state: SuiteState = {
    adminUrl,
    databaseName: database.name,
    databases: [database.name],
    config,
    instances: {},
    setups: {},
  };
  writeState(state);
  try {
    for (const name of SHARED_INSTANCES) {
      const started = startInstance(config, name, instancePort(name));
      state.instances[name] = started;
      writeState(state);
      state.instances[name] = await waitReady(started, { timeoutMs: 90_000 });
      writeState(state);
    }
  } catch (error) {
    await Promise.all(Object.values(state.instances).map((i) => stopInstance(i, 3000)));
    await dropDatabase(adminUrl, database.name).catch(() => undefined);
    fs.rmSync(stateFile, { force: true });
    throw error;
  }
}
