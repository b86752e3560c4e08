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

/**
 * Holds a credential set's turn among every process sharing it while `task` runs; the turn
 * ends when the promise `task` returns settles.
 */
export type ExclusiveTurn = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * Creates the per-credential lanes; `now` is injectable for tests. With `exclusive`, each
 * attempt also holds the set's turn across processes, and keeps it `minSpacingMs` after
 * finishing (the caller has its answer meanwhile), which spaces every process's attempts.
 */
export function createCredentialLanes(
  minSpacingMs: number,
  now: () => number = () => performance.now(),
  exclusive?: ExclusiveTurn,
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
        if (exclusive) return await inTurn(exclusive, key, minSpacingMs, task);
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

/**
 * Runs `task` in the cross-process turn and answers as soon as it is done; the turn is kept
 * `spacingMs` longer, so the next attempt of any process starts that much later.
 */
function inTurn<T>(
  exclusive: ExclusiveTurn,
  key: string,
  spacingMs: number,
  task: () => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    exclusive(key, async () => {
      try {
        resolve(await task());
      } catch (error) {
        reject(error as Error);
      }
      await sleep(spacingMs);
    }).catch(reject);
  });
}
