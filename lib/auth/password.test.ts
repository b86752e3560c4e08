import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const stored = await hashPassword("correcto caballo batería");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(stored).not.toContain("correcto");
    expect(await verifyPassword(stored, "correcto caballo batería")).toBe(true);
    expect(await verifyPassword(stored, "otra")).toBe(false);
  });

  it("rejects when there is no stored hash, and a malformed hash", async () => {
    expect(await verifyPassword(null, "x")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
