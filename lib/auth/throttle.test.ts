import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { throttles } from "@/lib/db/schema";
import { databaseEngines } from "@/lib/testing/test-database";
import {
  admitSignIn,
  admitTwoFactorCode,
  signInKeys,
  signInSucceeded,
  tooManyAttemptsMessage,
  twoFactorCodeRight,
  twoFactorCodeWait,
} from "./sign-in-limits";
import {
  addressKey,
  createThrottleService,
  delayAfter,
  describeWait,
  throttleRules,
} from "./throttle";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const rule = throttleRules.signInPair;

describe("delayAfter and describeWait", () => {
  it("waits nothing for the free failures, then 15 s doubling up to 15 minutes", () => {
    expect([1, 5, 6, 7, 8, 9, 10, 11, 30].map((n) => delayAfter(rule, n))).toEqual([
      0,
      0,
      15 * SECOND,
      30 * SECOND,
      MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      15 * MINUTE,
    ]);
  });

  it("says the wait in words", () => {
    expect(describeWait(400)).toBe("1 segundo");
    expect(describeWait(15 * SECOND)).toBe("15 segundos");
    expect(describeWait(61 * SECOND)).toBe("2 minutos");
    expect(describeWait(MINUTE)).toBe("1 minuto");
  });
});

describe("addressKey", () => {
  it("counts an IPv4 address as is and an IPv6 one by its /64, however it is written", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey(null)).toBe("desconocida");
    for (const address of [
      "2001:db8:1:2::1",
      "2001:db8:1:2::2a",
      "2001:0db8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:DB8:1:2:0:0:0:7",
      "2001:db8:1:2::1%eth0",
      "2001:db8:1:2::192.0.2.1",
    ])
      expect(addressKey(address), address).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1")).toBe("fe80:0:0:0::/64");
  });
});

describe.each(databaseEngines())("throttles on $name", (engine) => {
  let handle: DatabaseHandle;
  let clock = Date.parse("2026-11-30T12:00:00.000Z");
  const throttle = () => createThrottleService({ db: handle.db, now: () => new Date(clock) });
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  it("counts the addresses of one IPv6 network together: changing address gives no more guesses", async () => {
    const email = "victima@example.com";
    let admitted = 0;
    for (let host = 1; host <= 40; host++) {
      const keys = signInKeys(email, `2001:db8:77:1::${host.toString(16)}`);
      for (let i = 0; i < 5; i++) if (await admitSignIn(throttle(), keys)) admitted++;
    }
    // The pair rule: 5 for the network; then it waits, whichever of its addresses asks.
    expect(admitted).toBe(5);
    // Another network is another key.
    expect(await admitSignIn(throttle(), signInKeys(email, "2001:db8:77:2::1"))).toBe(true);
  });

  it("blocks a key after its free failures, longer each time, and only that key", async () => {
    const key = `ana@example.com\n203.0.113.7`;
    for (let i = 0; i < 5; i++) expect(await throttle().fail(rule, key)).toBe(0);
    expect(await throttle().waitFor(rule, key)).toBe(0);
    expect(await throttle().fail(rule, key)).toBe(15 * SECOND);
    expect(await throttle().waitFor(rule, key)).toBe(15 * SECOND);
    // The same email from another address is not affected.
    expect(await throttle().waitFor(rule, `ana@example.com\n198.51.100.4`)).toBe(0);
    clock += 15 * SECOND;
    expect(await throttle().waitFor(rule, key)).toBe(0);
    expect(await throttle().fail(rule, key)).toBe(30 * SECOND);
  });

  it("starts counting again once the window is over, and forgets on success", async () => {
    const key = `beto@example.com\n203.0.113.8`;
    for (let i = 0; i < 6; i++) await throttle().fail(rule, key);
    clock += rule.windowMs + SECOND;
    expect(await throttle().waitFor(rule, key)).toBe(0);
    expect(await throttle().fail(rule, key)).toBe(0);
    for (let i = 0; i < 5; i++) await throttle().fail(rule, key);
    expect(await throttle().waitFor(rule, key)).toBe(15 * SECOND);
    await throttle().clear(rule, key);
    expect(await throttle().waitFor(rule, key)).toBe(0);
  });

  it("stores digests, never the email or address", async () => {
    await throttle().fail(rule, `carla@example.com\n192.0.2.1`);
    const rows = await handle.db.select({ key: throttles.key }).from(throttles);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.key))).toBe(true);
  });

  it("counts failures arriving together from several instances", async () => {
    const key = `dora@example.com\n192.0.2.2`;
    const other = createThrottleService({ db: handle.db, now: () => new Date(clock) });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : throttle()).fail(rule, key)),
    );
    expect(await throttle().waitFor(rule, key)).toBeGreaterThan(0);
  });

  it("counts sign-in attempts before checking them: forty sent at once admit five", async () => {
    const keys = signInKeys("eva@example.com", "192.0.2.3");
    const admitted = await Promise.all(
      Array.from({ length: 40 }, () => admitSignIn(throttle(), keys)),
    );
    expect(admitted.filter(Boolean)).toHaveLength(5);
  });

  it("a right password forgets the email's failures and gives back the address's attempt", async () => {
    const keys = signInKeys("fede@example.com", "192.0.2.4");
    for (let i = 0; i < 4; i++) expect(await admitSignIn(throttle(), keys)).toBe(true);
    await signInSucceeded(throttle(), keys);
    for (let i = 0; i < 5; i++) expect(await admitSignIn(throttle(), keys)).toBe(true);
    expect(await admitSignIn(throttle(), keys)).toBe(false);
  });

  it("two-factor codes per account: five wrong ones free, then a wait that doubles up to an hour, told truly", async () => {
    const user = "9b2f1c3e-0000-4000-8000-00000000a001";
    const codes = throttleRules.twoFactorCode;
    expect([5, 6, 7, 8, 12, 30].map((n) => delayAfter(codes, n))).toEqual([
      0,
      MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      60 * MINUTE,
      60 * MINUTE,
    ]);
    // Whatever the address: the key is the account.
    for (let i = 0; i < 5; i++) expect(await admitTwoFactorCode(throttle(), user)).toBe(0);
    expect(await admitTwoFactorCode(throttle(), user)).toBe(MINUTE);
    expect(await twoFactorCodeWait(throttle(), user)).toBe(MINUTE);
    expect(tooManyAttemptsMessage(await twoFactorCodeWait(throttle(), user))).toBe(
      "Demasiados intentos fallidos. Probá de nuevo en 1 minuto.",
    );
    // Another account is not affected.
    expect(await twoFactorCodeWait(throttle(), "9b2f1c3e-0000-4000-8000-00000000a002")).toBe(0);
    clock += 30 * SECOND;
    expect(await admitTwoFactorCode(throttle(), user)).toBe(30 * SECOND);
    // Once the wait is over, one more code is checked; a wrong one doubles the next wait.
    clock += 30 * SECOND;
    expect(await admitTwoFactorCode(throttle(), user)).toBe(0);
    expect(await admitTwoFactorCode(throttle(), user)).toBe(2 * MINUTE);
    clock += 2 * MINUTE;
    // A right code forgets them.
    expect(await admitTwoFactorCode(throttle(), user)).toBe(0);
    await twoFactorCodeRight(throttle(), user);
    for (let i = 0; i < 5; i++) expect(await admitTwoFactorCode(throttle(), user)).toBe(0);
    expect(await admitTwoFactorCode(throttle(), user)).toBeGreaterThan(0);
  });

  it("two-factor codes sent together for one account: forty at once get five checked", async () => {
    const user = "9b2f1c3e-0000-4000-8000-00000000a003";
    const other = createThrottleService({ db: handle.db, now: () => new Date(clock) });
    const waits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => admitTwoFactorCode(i % 2 ? other : throttle(), user)),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
  });
});
