import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, sealedKeyVersion, SecretDecryptionError } from "./secrets";

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const keyring = new Map([[1, key1]]);
const businessId = "5b0c7c1e-4c1f-4a55-9a8e-1f2d3c4b5a69";

describe("sealSecret / openSecret", () => {
  it("round-trips text, including non-ASCII", () => {
    const plaintext = JSON.stringify({ apikey: "1001", apitoken: "tók€n", usertoken: "u" });
    const sealed = sealSecret(plaintext, businessId, keyring);
    expect(sealed).not.toContain("tók");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(openSecret(sealed, businessId, keyring)).toBe(plaintext);
  });

  it("uses a random IV: the same plaintext seals differently", () => {
    expect(sealSecret("x", businessId, keyring)).not.toBe(sealSecret("x", businessId, keyring));
  });

  it("refuses another business id as associated data", () => {
    const sealed = sealSecret("secret", businessId, keyring);
    expect(() => openSecret(sealed, "other-business", keyring)).toThrow(SecretDecryptionError);
  });

  it("refuses a wrong key", () => {
    const sealed = sealSecret("secret", businessId, keyring);
    expect(() => openSecret(sealed, businessId, new Map([[1, key2]]))).toThrow(
      SecretDecryptionError,
    );
  });

  it.each(["iv", "tag", "data"] as const)("detects tampering with the %s", (part) => {
    const sealed = sealSecret("secret value", businessId, keyring);
    const parts = sealed.split(".");
    const index = { iv: 1, tag: 2, data: 3 }[part];
    const bytes = Buffer.from(parts[index]!, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    parts[index] = bytes.toString("base64url");
    expect(() => openSecret(parts.join("."), businessId, keyring)).toThrow(SecretDecryptionError);
  });

  it("rejects malformed input and unknown versions", () => {
    expect(() => openSecret("garbage", businessId, keyring)).toThrow(SecretDecryptionError);
    const sealed = sealSecret("secret", businessId, keyring);
    expect(() => openSecret(sealed.replace(/^v1/, "v7"), businessId, keyring)).toThrow(/v7/);
  });

  it("seals with the newest key and still opens older versions", () => {
    const old = sealSecret("secret", businessId, keyring);
    const rotated = new Map([
      [1, key1],
      [2, key2],
    ]);
    const fresh = sealSecret("secret", businessId, rotated);
    expect(sealedKeyVersion(old)).toBe(1);
    expect(sealedKeyVersion(fresh)).toBe(2);
    expect(openSecret(old, businessId, rotated)).toBe("secret");
    expect(openSecret(fresh, businessId, rotated)).toBe("secret");
  });
});
