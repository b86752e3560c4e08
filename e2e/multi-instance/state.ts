/**
 * The suite's cluster outlives Playwright workers (a failed test restarts its worker), so what
 * it is made of lives in a JSON file: written by the global setup, updated by tests that stop
 * and start instances, read by the global teardown to stop them all and drop the databases.
 */
import fs from "node:fs";
import path from "node:path";
import type { ClusterConfig, InstanceRecord } from "./cluster";

export const stateFile = path.resolve(
  process.env.E2E_MULTI_STATE ?? "test-results/multi-instance/cluster.json",
);

export type SuiteState = {
  adminUrl: string;
  databaseName: string;
  /** Every database made for the suite (the cluster's and the ones tests make), to drop. */
  databases: string[];
  config: ClusterConfig;
  /** Instances by name ("A", "B", "C", …), as last started. */
  instances: Record<string, InstanceRecord>;
  /** Things set up once through the UI and reused by later tests (users, businesses). */
  setups: Record<string, unknown>;
};

export function readState(): SuiteState | null {
  if (!fs.existsSync(stateFile)) return null;
  return JSON.parse(fs.readFileSync(stateFile, "utf8")) as SuiteState;
}

export function writeState(state: SuiteState): void {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
}

/** Reads the state, lets `change` edit it, writes it back. */
export function updateState(change: (state: SuiteState) => void): SuiteState {
  const state = readState();
  if (!state) throw new Error(`No hay estado del clúster en ${stateFile}.`);
  change(state);
  writeState(state);
  return state;
}
