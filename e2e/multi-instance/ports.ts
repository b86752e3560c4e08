/**
 * Fixed ports per instance name, so an instance restarted by a test comes back at the same
 * URL: A, B (the shared cluster), C (a late starter), D–F (three started together).
 */
const BASE_PORT = Number(process.env.E2E_MULTI_PORT ?? 3331);
const NAMES = ["A", "B", "C", "D", "E", "F"] as const;
export type InstanceName = (typeof NAMES)[number];

export const SHARED_INSTANCES = ["A", "B"] as const satisfies readonly InstanceName[];

export function instancePort(name: InstanceName): number {
  return BASE_PORT + NAMES.indexOf(name);
}

export const instanceUrl = (name: InstanceName) => `http://localhost:${instancePort(name)}`;
