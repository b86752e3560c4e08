import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createSessionsService } from "./service";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

describe.each(databaseEngines())("sessions on $name", (engine) => {
  let handle: DatabaseHandle;
  let clock = Date.parse("2026-11-30T12:00:00.000Z");
  const sessions = () =>
    createSessionsService({
      db: handle.db,
      now: () => new Date(clock),
      absoluteMs: 12 * HOUR,
      idleMs: 30 * MINUTE,
    });
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  const open = async (userId: string, userAgent: string | null = CHROME_LINUX) =>
    (await sessions().open({ userId, userAgent, address: "203.0.113.7" }))!;

  it("a session is good for its user only, until it is ended", async () => {
    const userId = await insertTestUser(handle.db);
    const other = await insertTestUser(handle.db);
    const id = await open(userId);
    expect(await sessions().check(id, userId)).toBe(true);
    expect(await sessions().check(id, other)).toBe(false);
    expect(await sessions().end(other, id)).toBe(false);
    expect(await sessions().check(id, userId)).toBe(true);
    expect(await sessions().end(userId, id)).toBe(true);
    expect(await sessions().check(id, userId)).toBe(false);
    expect(await sessions().end(userId, id)).toBe(false);
    expect(await sessions().check("not-a-session-id", userId)).toBe(false);
  });

  it("ends after 30 idle minutes, and each use starts the idle time again", async () => {
    const userId = await insertTestUser(handle.db);
    const id = await open(userId);
    clock += 29 * MINUTE;
    expect(await sessions().check(id, userId)).toBe(true);
    clock += 29 * MINUTE;
    expect(await sessions().check(id, userId)).toBe(true);
    clock += 30 * MINUTE;
    expect(await sessions().check(id, userId)).toBe(false);
  });

  it("ends 12 hours after sign-in however active it is", async () => {
    const userId = await insertTestUser(handle.db);
    const id = await open(userId);
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * MINUTE; elapsed += 20 * MINUTE) {
      clock += 20 * MINUTE;
      expect(await sessions().check(id, userId)).toBe(true);
    }
    clock += 20 * MINUTE;
    expect(await sessions().check(id, userId)).toBe(false);
  });

  it("lists the live sessions with device, address and last use; ends all others", async () => {
    const userId = await insertTestUser(handle.db);
    const first = await open(
      userId,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1",
    );
    clock += MINUTE;
    const second = await open(userId);
    clock += MINUTE;
    const third = await open(userId, null);
    await sessions().end(userId, third);

    const listed = await sessions().list(userId, second);
    expect(listed.map((s) => [s.id, s.device, s.address, s.current])).toEqual([
      [second, "Chrome en Linux", "203.0.113.7", true],
      [first, "Safari en iOS", "203.0.113.7", false],
    ]);
    expect(listed[0]!.lastSeenAt).toBe(new Date(clock - MINUTE).toISOString());

    expect(await sessions().endOthers(userId, second)).toBe(1);
    expect(await sessions().check(first, userId)).toBe(false);
    expect(await sessions().check(second, userId)).toBe(true);
    expect(await sessions().endOthers(userId, null)).toBe(1);
    expect(await sessions().list(userId, second)).toEqual([]);
  });

  it("opens a session only while the password is still the one just checked", async () => {
    const userId = await insertTestUser(handle.db);
    const input = { userId, userAgent: CHROME_LINUX, address: null };
    expect(await sessions().open({ ...input, passwordHash: "not-a-hash" })).not.toBeNull();
    // Changed meanwhile (insertTestUser's placeholder is "not-a-hash").
    expect(await sessions().open({ ...input, passwordHash: "the-old-hash" })).toBeNull();
    expect(await sessions().list(userId, null)).toHaveLength(1);
  });
});
