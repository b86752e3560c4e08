/**
 * Typed client for the emulator's control surface, for Playwright and the app's tests.
 * Plain fetch; no server-only imports so it also runs in test runners.
 */
import type {
  BilledReport,
  CallCounter,
  CallsReport,
  ConsumoOverride,
  FaultSpec,
  OutboxEntry,
  ThrottledReport,
} from "./control-schemas";

export type {
  BilledReport,
  CallCounter,
  CallsReport,
  ConsumoOverride,
  FaultSpec,
  OutboxEntry,
  ThrottledReport,
};

export type EmulatorControl = {
  /** Back to the seeded state (counters, faults, overrides, quotas and outbox cleared). */
  reset(): Promise<void>;
  /** Overrides some consumo figures of one account. */
  setConsumo(override: ConsumoOverride): Promise<void>;
  /** The next `count` matching calls get this fault. */
  injectFault(fault: FaultSpec): Promise<void>;
  /** Requests left in the plan of one account; `null` = unlimited. */
  setRequestsRemaining(apikey: string, remaining: number | null): Promise<void>;
  /** Calls received for one apikey (zeros if none). */
  calls(apikey: string): Promise<CallCounter>;
  /** Calls received, by apikey. */
  allCalls(): Promise<CallsReport>;
  /**
   * Calls of one apikey that TusFacturas would bill (all but the free lookups), whatever they
   * were answered; `calls` counts the free ones too.
   */
  billed(apikey: string): Promise<number>;
  /** Billed calls, by apikey. */
  allBilled(): Promise<BilledReport>;
  /** Calls of one apikey answered 429 (overlapping or injected), counted like `calls`. */
  throttled(apikey: string): Promise<number>;
  /** Calls answered 429, by apikey. */
  allThrottled(): Promise<ThrottledReport>;
  /** IVA report requests received. */
  outbox(): Promise<OutboxEntry[]>;
};

/** Control client for an emulator at `url` (e.g. "http://127.0.0.1:4010"). */
export function createEmulatorControl(url: string): EmulatorControl {
  const base = `${url.replace(/\/+$/, "")}/__control`;

  async function request<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`Control del emulador ${path}: HTTP ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  return {
    reset: async () => void (await request("/reset", {})),
    setConsumo: async (override) => void (await request("/consumo", override)),
    injectFault: async (fault) => void (await request("/faults", fault)),
    setRequestsRemaining: async (apikey, remaining) =>
      void (await request("/requests-remaining", { apikey, remaining })),
    calls: (apikey) => request<CallCounter>(`/calls/${encodeURIComponent(apikey)}`),
    allCalls: () => request<CallsReport>("/calls"),
    billed: async (apikey) =>
      (await request<{ count: number }>(`/billed/${encodeURIComponent(apikey)}`)).count,
    allBilled: () => request<BilledReport>("/billed"),
    throttled: async (apikey) =>
      (await request<{ count: number }>(`/throttled/${encodeURIComponent(apikey)}`)).count,
    allThrottled: () => request<ThrottledReport>("/throttled"),
    outbox: async () => (await request<{ requests: OutboxEntry[] }>("/outbox")).requests,
  };
}
