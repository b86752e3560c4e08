import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { advisoryLockId, createLocalLocks, createPostgresLocks, type Locks } from "./locks";
import { databaseEngines } from "@/lib/testing/test-database";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `holders` concurrently on `locks` (alternating), recording when each held the lock. */
async function holdTogether(locks: Locks[], name: (i: number) => string, holders: number) {
  const spans: { start: number; end: number }[] = [];
  await Promise.all(
    Array.from({ length: holders }, (_, i) =>
      locks[i % locks.length]!.withLock(name(i), async () => {
        const start = performance.now();
        await sleep(40);
        spans.push({ start, end: performance.now() });
      }),
    ),
  );
  return spans.sort((a, b) => a.start - b.start);
}

const overlaps = (spans: { start: number; end: number }[]) =>
  spans.slice(1).filter((span, i) => span.start < spans[i]!.end).length;

describe("advisoryLockId", () => {
  it("is a signed 64-bit number, stable per name and different across names", () => {
    const id = BigInt(advisoryLockId("refresh:consumo:a"));
    expect(id >= -(2n ** 63n) && id < 2n ** 63n).toBe(true);
    expect(advisoryLockId("refresh:consumo:a")).toBe(advisoryLockId("refresh:consumo:a"));
    expect(advisoryLockId("refresh:consumo:b")).not.toBe(advisoryLockId("refresh:consumo:a"));
  });
});

describe.each(databaseEngines())("locks on $name", (engine) => {
  let handle: DatabaseHandle;
  // A second process on the same database: its own pool (PostgreSQL); PGlite has one process.
  let other: Locks;
  let otherPool: Pool | undefined;
  beforeAll(async () => {
    handle = await engine.open();
    if ("connectionString" in handle.queue) {
      otherPool = new Pool({ connectionString: handle.queue.connectionString, max: 3 });
      other = createPostgresLocks(otherPool);
    } else {
      other = handle.locks;
    }
  });
  afterAll(async () => {
    await otherPool?.end();
    await handle?.close();
  });

  it("holders of one name take turns, across processes", async () => {
    const spans = await holdTogether([handle.locks, other], () => "same", 6);
    expect(spans).toHaveLength(6);
    expect(overlaps(spans)).toBe(0);
  });

  it("holders of different names do not wait for each other", async () => {
    const spans = await holdTogether([handle.locks, other], (i) => `name-${i}`, 4);
    expect(overlaps(spans)).toBeGreaterThan(0);
  });

  it("a holder that fails releases the lock and its error reaches the caller", async () => {
    await expect(
      handle.locks.withLock("failing", () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    await expect(other.withLock("failing", async () => "next")).resolves.toBe("next");
  });

  it.runIf(engine.name === "postgres")(
    "a lock held by a process that died is free again",
    async () => {
      const url = (handle.queue as { connectionString: string }).connectionString;
      const dying = new Client({ connectionString: url });
      await dying.connect();
      await dying.query("select pg_advisory_lock($1::bigint)", [advisoryLockId("orphan")]);
      let acquired = false;
      const waiting = other.withLock("orphan", async () => {
        acquired = true;
      });
      await sleep(100);
      expect(acquired).toBe(false);
      // Its connection ends with it.
      await dying.end();
      await waiting;
      expect(acquired).toBe(true);
    },
  );
});

describe("local locks", () => {
  it("queue holders in the order they asked", async () => {
    const locks = createLocalLocks();
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        locks.withLock("x", async () => {
          await sleep(5);
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
  });
});
