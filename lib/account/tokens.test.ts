import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import type { DatabaseHandle } from "@/lib/db/client";
import { accountTokens, users } from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createAccountTokensService, TOKEN_LIFETIME_MS } from "./tokens";

const HOUR = 3_600_000;

describe.each(databaseEngines())("account tokens on $name", (engine) => {
  let handle: DatabaseHandle;
  let clock = Date.parse("2026-11-30T12:00:00.000Z");
  const tokens = () => createAccountTokensService({ db: handle.db, now: () => new Date(clock) });

  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  async function issueFor(purpose: "reset-password" | "verify-email" = "reset-password") {
    const userId = await insertTestUser(handle.db);
    const [user] = await handle.db.select().from(users).where(eq(users.id, userId));
    const token = await tokens().issue(handle.db, { userId, email: user!.email, purpose });
    return { userId, email: user!.email, token };
  }

  const consume = (token: string, purpose: "reset-password" | "verify-email" = "reset-password") =>
    handle.db.transaction((tx) => tokens().consume(tx, token, purpose));

  it("stores only the token's SHA-256, with the address lower-cased", async () => {
    const userId = await insertTestUser(handle.db);
    const token = await tokens().issue(handle.db, {
      userId,
      email: "Ana.Perez@Tablero.TEST",
      purpose: "reset-password",
    });
    expect(token).toMatch(/^[\w-]{43}$/);
    const rows = await handle.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.userId, userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tokenHash: hashToken(token),
      email: "ana.perez@tablero.test",
      usedAt: null,
    });
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("a reset link works for 1 hour, a verification link for 24", async () => {
    expect(TOKEN_LIFETIME_MS["reset-password"]).toBe(HOUR);
    const reset = await issueFor("reset-password");
    const verify = await issueFor("verify-email");
    clock += HOUR - 1000;
    expect(await tokens().isUsable(reset.token, "reset-password")).toBe(true);
    clock += 1000;
    expect(await tokens().isUsable(reset.token, "reset-password")).toBe(false);
    expect(await consume(reset.token)).toBeNull();
    expect(await tokens().isUsable(verify.token, "verify-email")).toBe(true);
    clock += 23 * HOUR;
    expect(await tokens().isUsable(verify.token, "verify-email")).toBe(false);
  });

  it("works once: the first use answers who it was for, the next nothing", async () => {
    const { userId, email, token } = await issueFor();
    expect(await tokens().isUsable(token, "reset-password")).toBe(true);
    expect(await consume(token)).toEqual({ userId, email });
    expect(await consume(token)).toBeNull();
    expect(await tokens().isUsable(token, "reset-password")).toBe(false);
  });

  it("a use rolled back with its transaction leaves the link usable", async () => {
    const { token } = await issueFor();
    await expect(
      handle.db.transaction(async (tx) => {
        expect(await tokens().consume(tx, token, "reset-password")).not.toBeNull();
        throw new Error("the new password was refused");
      }),
    ).rejects.toThrow("refused");
    expect(await tokens().isUsable(token, "reset-password")).toBe(true);
  });

  it("is refused for another purpose, and unknown or malformed tokens are refused", async () => {
    const { token } = await issueFor("verify-email");
    expect(await tokens().isUsable(token, "reset-password")).toBe(false);
    expect(await consume(token, "reset-password")).toBeNull();
    // Still good for what it was issued for.
    expect(await consume(token, "verify-email")).not.toBeNull();
    expect(await consume("x".repeat(43))).toBeNull();
    expect(await consume("not a token")).toBeNull();
    expect(await tokens().isUsable("' or 1=1 --", "reset-password")).toBe(false);
  });

  it("a new link retires the user's earlier ones of that purpose only", async () => {
    const { userId, email, token: first } = await issueFor();
    const verify = await tokens().issue(handle.db, { userId, email, purpose: "verify-email" });
    const second = await tokens().issue(handle.db, { userId, email, purpose: "reset-password" });
    expect(await tokens().isUsable(first, "reset-password")).toBe(false);
    expect(await tokens().isUsable(second, "reset-password")).toBe(true);
    expect(await tokens().isUsable(verify, "verify-email")).toBe(true);
    expect(await consume(first)).toBeNull();
    expect(await consume(second)).toEqual({ userId, email });
  });

  it("two uses at the same time: exactly one wins", async () => {
    const { userId, token } = await issueFor();
    const results = await Promise.all([consume(token), consume(token), consume(token)]);
    expect(results.filter(Boolean)).toEqual([expect.objectContaining({ userId })]);
  });
});
