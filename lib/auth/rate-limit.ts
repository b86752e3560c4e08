/**
 * Failed sign-ins counted per key (an email, a client address) in a sliding window. Kept in
 * the server's memory, on `globalThis` so every bundle layer shares it: a restart forgets it,
 * which only gives an attacker a fresh window after a restart.
 */
export type FailureLimiter = {
  /** Whether `key` has used up its failures in the window ending `now`. */
  blocked(key: string, now: number): boolean;
  fail(key: string, now: number): void;
  /** A success forgets the key's failures. */
  clear(key: string): void;
};

export function createFailureLimiter({
  max,
  windowMs,
}: {
  max: number;
  windowMs: number;
}): FailureLimiter {
  const failures = new Map<string, number[]>();
  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }
  return {
    blocked: (key, now) => recent(key, now).length >= max,
    fail(key, now) {
      const kept = recent(key, now);
      failures.set(key, [...kept.slice(-(max - 1)), now]);
      // Bounded memory under a flood of distinct keys: drop the oldest keys first.
      if (failures.size > 50_000) failures.delete(failures.keys().next().value!);
    },
    clear: (key) => void failures.delete(key),
  };
}

export const SIGN_IN_WINDOW_MS = 15 * 60_000;

const globalForLimits = globalThis as unknown as {
  tableroSignInLimits?: { byEmailAndAddress: FailureLimiter; byAddress: FailureLimiter };
};

/** The process's sign-in limits: 10 failures per email and 50 per client address in 15 minutes. */
export function signInLimits() {
  globalForLimits.tableroSignInLimits ??= {
    byEmailAndAddress: createFailureLimiter({ max: 10, windowMs: SIGN_IN_WINDOW_MS }),
    byAddress: createFailureLimiter({ max: 50, windowMs: SIGN_IN_WINDOW_MS }),
  };
  return globalForLimits.tableroSignInLimits;
}
