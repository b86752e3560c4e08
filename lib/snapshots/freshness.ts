/**
 * Whether a stored snapshot should be refreshed from TusFacturas on a visit: only with
 * verified credentials, and only when neither the snapshot nor the last attempt (which was
 * billed too, even if it failed) is younger than the freshness window.
 */
export function isStale(input: {
  credentialsVerified: boolean;
  fetchedAt: string | Date | null;
  lastAttemptAt: string | Date | null;
  now: Date;
  freshnessMs: number;
}): boolean {
  const age = (at: string | Date | null) =>
    at === null ? Infinity : input.now.getTime() - new Date(at).getTime();
  return (
    input.credentialsVerified &&
    age(input.fetchedAt) >= input.freshnessMs &&
    age(input.lastAttemptAt) >= input.freshnessMs
  );
}

/**
 * One in-flight refresh per key (a business, or a business and client). A caller joins the
 * running one only when it was started for the same credentials (`variant`): an answer for
 * replaced credentials says nothing about the new ones.
 */
export function createSingleFlight<T>() {
  const running = new Map<string, { variant: string; done: Promise<T> }>();
  return {
    has: (key: string) => running.has(key),
    current: (key: string) => running.get(key)?.done,
    run(key: string, variant: string, work: () => Promise<T>): Promise<T> {
      const existing = running.get(key);
      if (existing?.variant === variant) return existing.done;
      const done: Promise<T> = work().finally(() => {
        if (running.get(key)?.done === done) running.delete(key);
      });
      running.set(key, { variant, done });
      return done;
    },
  };
}

/**
 * The lock every refresh of a business's stored copies holds (consumo, each client's ledger),
 * per credential set, in every instance. Their calls take turns at TusFacturas anyway (one
 * credential set's attempts run one at a time, lib/tusfacturas/lanes.ts), and a holder keeps a
 * lock connection while it waits its turn (lib/db/locks.ts): locked per client, one business
 * with a slow TusFacturas and many ledgers open held every connection of the process, and the
 * refreshes of every other business waited behind it.
 */
export function refreshLockName(businessId: string, credentialKey: string): string {
  return `refresh:${businessId}:${credentialKey}`;
}
