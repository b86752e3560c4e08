import "server-only";
import { sleep } from "./retry";

/**
 * Serializes the attempts of each credential set: an attempt starts only after the previous one
 * of the same set has finished and `minSpacingMs` more have passed (TusFacturas answers 429 to
 * overlapping requests and asks for ~100 ms between them). Different sets run in parallel.
 */
export type CredentialLanes = {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
};

type Lane = { tail: Promise<void>; pending: number; lastFinishedAt: number };

/** Creates the per-credential lanes; `now` is injectable for tests. */
export function createCredentialLanes(
  minSpacingMs: number,
  now: () => number = () => performance.now(),
): CredentialLanes {
  const lanes = new Map<string, Lane>();

  function prune(): void {
    // Idle lanes whose spacing window is over carry no information; drop them.
    for (const [key, lane] of lanes) {
      if (lane.pending === 0 && now() - lane.lastFinishedAt >= minSpacingMs) lanes.delete(key);
    }
  }

  async function waitForSpacing(lane: Lane): Promise<void> {
    // Timers may fire a little early relative to `now()`; loop until the gap really passed.
    for (;;) {
      const remaining = lane.lastFinishedAt + minSpacingMs - now();
      if (remaining <= 0) return;
      await sleep(Math.ceil(remaining));
    }
  }

  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      prune();
      let lane = lanes.get(key);
      if (!lane) {
        lane = { tail: Promise.resolve(), pending: 0, lastFinishedAt: -Infinity };
        lanes.set(key, lane);
      }
      const previous = lane.tail;
      let release!: () => void;
      lane.tail = new Promise<void>((resolve) => (release = resolve));
      lane.pending += 1;
      try {
        await previous;
        await waitForSpacing(lane);
        return await task();
      } finally {
        lane.lastFinishedAt = now();
        lane.pending -= 1;
        release();
      }
    },
  };
}
