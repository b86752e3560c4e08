/**
 * Mutable emulator state: consumo overrides, quotas, queued faults, call, billed and 429 counters, the
 * IVA outbox and which credential sets have a request in progress. `reset()` restores the seed.
 */
import type { ConsumoFigures } from "../fixtures/load";
import {
  isBilledMethod,
  type ApiMethod,
  type BilledReport,
  type CallCounter,
  type CallsReport,
  type FaultSpec,
  type OutboxEntry,
  type ThrottledReport,
} from "./control-schemas";
import type { SeededAccount } from "./seed";

export type QueuedFault = Omit<FaultSpec, "count"> & { remaining: number };

export class EmulatorState {
  readonly consumo = new Map<string, ConsumoFigures>();
  readonly requestsRemaining = new Map<string, number>();
  faults: QueuedFault[] = [];
  outbox: OutboxEntry[] = [];
  private calls = new Map<string, CallCounter>();
  private throttled = new Map<string, number>();
  private billed = new Map<string, number>();
  // Transport state, deliberately kept across resets: requests in flight still finish.
  private readonly busy = new Set<string>();

  constructor(readonly accounts: ReadonlyMap<string, SeededAccount>) {
    this.reset();
  }

  /** Back to the seeded state: figures, quotas, faults, counters and outbox. */
  reset(): void {
    this.consumo.clear();
    for (const [apikey, account] of this.accounts) this.consumo.set(apikey, { ...account.consumo });
    this.requestsRemaining.clear();
    this.faults = [];
    this.outbox = [];
    this.calls = new Map();
    this.throttled = new Map();
    this.billed = new Map();
  }

  countCall(apikey: string, method: ApiMethod): void {
    const counter = this.calls.get(apikey) ?? { total: 0, byMethod: {} };
    counter.total += 1;
    counter.byMethod[method] = (counter.byMethod[method] ?? 0) + 1;
    this.calls.set(apikey, counter);
    if (isBilledMethod(method)) this.billed.set(apikey, (this.billed.get(apikey) ?? 0) + 1);
  }

  billedReport(): BilledReport {
    const byApikey = Object.fromEntries(this.billed);
    return { byApikey, total: Object.values(byApikey).reduce((sum, n) => sum + n, 0) };
  }

  billedOf(apikey: string): number {
    return this.billed.get(apikey) ?? 0;
  }

  callsReport(): CallsReport {
    const byApikey: Record<string, CallCounter> = {};
    let total = 0;
    for (const [apikey, counter] of this.calls) {
      byApikey[apikey] = { total: counter.total, byMethod: { ...counter.byMethod } };
      total += counter.total;
    }
    return { byApikey, total };
  }

  callsOf(apikey: string): CallCounter {
    const counter = this.calls.get(apikey);
    return counter
      ? { total: counter.total, byMethod: { ...counter.byMethod } }
      : { total: 0, byMethod: {} };
  }

  /** One more call of this apikey answered 429. */
  countThrottled(apikey: string): void {
    this.throttled.set(apikey, (this.throttled.get(apikey) ?? 0) + 1);
  }

  throttledReport(): ThrottledReport {
    const byApikey = Object.fromEntries(this.throttled);
    return { byApikey, total: Object.values(byApikey).reduce((sum, n) => sum + n, 0) };
  }

  throttledOf(apikey: string): number {
    return this.throttled.get(apikey) ?? 0;
  }

  /** Marks a credential set busy; false when it already was (an overlapping request). */
  tryEnter(credentialKey: string): boolean {
    if (this.busy.has(credentialKey)) return false;
    this.busy.add(credentialKey);
    return true;
  }

  leave(credentialKey: string): void {
    this.busy.delete(credentialKey);
  }

  /** The first queued fault matching this call, consumed (one use per matching call). */
  takeFault(apikey: string, method: ApiMethod): QueuedFault | undefined {
    const fault = this.faults.find(
      (f) => (f.apikey === undefined || f.apikey === apikey) && (f.method ?? method) === method,
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /**
   * Consumes one request of the plan. Returns false when the plan has none left
   * (accounts without a limit always have).
   */
  consumeRequest(apikey: string): boolean {
    const remaining = this.requestsRemaining.get(apikey);
    if (remaining === undefined) return true;
    if (remaining <= 0) return false;
    this.requestsRemaining.set(apikey, remaining - 1);
    return true;
  }
}
