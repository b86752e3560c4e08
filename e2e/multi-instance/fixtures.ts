/**
 * Fixtures of the multi-instance suite: `cluster` (the instances of the global setup, which
 * tests may kill and restart, and the database in SQL) and `emulator` (this suite's own
 * TusFacturas emulator, so every seeded account is free to use).
 */
import type { BrowserContext } from "@playwright/test";
import type { Pool } from "pg";
import { createEmulatorControl } from "../../lib/tusfacturas/emulator/control";
import { expect, test as base } from "../fixtures";
import {
  createDatabase,
  dropDatabase,
  isAlive,
  openPool,
  signalGroup,
  startInstance,
  stopInstance,
  waitReady,
  type InstanceRecord,
  type ReadyOptions,
} from "./cluster";
import { instancePort, type InstanceName } from "./ports";
import { readState, updateState, type SuiteState } from "./state";

export type Cluster = {
  /** SQL on the cluster's database. */
  pool: Pool;
  /** The instance as last started (its pid and id may change when restarted). */
  instance(name: InstanceName): InstanceRecord;
  /** Makes sure these instances run and are ready, starting the missing ones together. */
  ensure(...names: InstanceName[]): Promise<InstanceRecord[]>;
  /** Starts an instance (not running) on the cluster's database and waits until it is ready. */
  start(name: InstanceName, options?: ReadyOptions): Promise<InstanceRecord>;
  /** Starts an instance and returns at once (see `waitReady` in cluster.ts). */
  spawn(name: InstanceName, databaseUrl?: string): InstanceRecord;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves whether it stopped by itself. */
  stop(name: InstanceName, graceMs?: number): Promise<boolean>;
  /** Sends a signal to the instance's process group. */
  signal(name: InstanceName, signal: NodeJS.Signals): void;
  /** Something set up once through the UI (a user and their businesses), reused later. */
  once<T>(key: string, create: () => Promise<T>): Promise<T>;
  /** A further empty database, dropped by the global teardown if the test does not. */
  newDatabase(): Promise<{ name: string; url: string }>;
  dropDatabase(name: string): Promise<void>;
};

function loadState(): SuiteState {
  const state = readState();
  if (!state)
    throw new Error(
      "No hay clúster: la suite necesita TEST_DATABASE_URL (y corre con " +
        "`npx playwright test -c e2e/multi-instance/playwright.config.ts`).",
    );
  return state;
}

export const test = base.extend<Record<never, never>, { cluster: Cluster }>({
  emulator: async ({}, provide) => {
    await provide(createEmulatorControl(process.env.E2E_MULTI_EMULATOR_URL!));
  },
  cluster: [
    async ({}, provide) => {
      const initial = loadState();
      const pool = openPool(initial.config.databaseUrl);
      const record = (name: InstanceName) => {
        const instance = loadState().instances[name];
        if (!instance) throw new Error(`La instancia ${name} nunca se inició.`);
        return instance;
      };
      const save = (instance: InstanceRecord) =>
        updateState((state) => {
          state.instances[instance.name] = instance;
        });
      const spawn = (name: InstanceName, databaseUrl?: string) => {
        const { config } = loadState();
        const started = startInstance(
          databaseUrl ? { ...config, databaseUrl } : config,
          name,
          instancePort(name),
        );
        save(started);
        return started;
      };
      const start = async (name: InstanceName, options?: ReadyOptions) => {
        const running = loadState().instances[name];
        if (running && isAlive(running.pid))
          throw new Error(`La instancia ${name} ya corre (pid ${running.pid}).`);
        const ready = await waitReady(spawn(name), options);
        save(ready);
        return ready;
      };
      const cluster: Cluster = {
        pool,
        instance: record,
        async ensure(...names) {
          return Promise.all(
            names.map(async (name) => {
              const running = loadState().instances[name];
              if (running && isAlive(running.pid)) {
                const ready = await waitReady(running, { timeoutMs: 30_000 });
                save(ready);
                return ready;
              }
              return start(name);
            }),
          );
        },
        start,
        spawn,
        stop: (name, graceMs) => stopInstance(record(name), graceMs),
        signal: (name, signal) => void signalGroup(record(name).pid, signal),
        async once(key, create) {
          const existing = loadState().setups[key];
          if (existing !== undefined) return existing as Awaited<ReturnType<typeof create>>;
          const created = await create();
          updateState((state) => {
            state.setups[key] = created;
          });
          return created;
        },
        async newDatabase() {
          const created = await createDatabase(initial.adminUrl);
          updateState((state) => {
            state.databases.push(created.name);
          });
          return created;
        },
        async dropDatabase(name) {
          await dropDatabase(initial.adminUrl, name);
          updateState((state) => {
            state.databases = state.databases.filter((n) => n !== name);
          });
        },
      };
      await provide(cluster);
      await pool.end();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

/** The browser's session cookies as a Cookie header (Auth.js cookies are per host: localhost). */
export async function cookieHeader(context: BrowserContext, url: string): Promise<string> {
  const cookies = await context.cookies(url);
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

export { expect };
