import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Keys by version; new secrets are sealed with the highest version. */
export type Keyring = ReadonlyMap<number, Buffer>;

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

/**
 * Encrypts `plaintext` with AES-256-GCM under a random IV, binding it to `associatedData`
 * (the business id) so a sealed value copied onto another row does not open.
 * Output: `v<version>.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export function sealSecret(plaintext: string, associatedData: string, keyring: Keyring): string {
  const version = Math.max(...keyring.keys());
  const key = keyring.get(version);
  if (!key || key.length !== 32) throw new Error("La clave de cifrado debe tener 32 bytes.");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return [`v${version}`, ...parts].join(".");
}

/**
 * Opens a value made by {@link sealSecret}. Fails loudly (never returns garbage or the input)
 * on a wrong key, a different associated data, an unknown version or any tampering.
 */
export function openSecret(sealed: string, associatedData: string, keyring: Keyring): string {
  const [versionPart, ivPart, tagPart, dataPart, ...rest] = sealed.split(".");
  const version = Number(versionPart?.slice(1));
  if (!versionPart?.startsWith("v") || !ivPart || !tagPart || dataPart === undefined || rest.length)
    throw new SecretDecryptionError("El secreto cifrado tiene un formato inválido.");
  const key = keyring.get(version);
  if (!key) throw new SecretDecryptionError(`No hay clave para la versión ${versionPart}.`);
  const iv = Buffer.from(ivPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new SecretDecryptionError("El secreto cifrado tiene un formato inválido.");
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    const data = Buffer.from(dataPart, "base64url");
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "No se pudo descifrar el secreto: la clave no corresponde o el dato fue alterado.",
    );
  }
}

/** The version a sealed value was made with, for the `key_version` column. */
export function sealedKeyVersion(sealed: string): number {
  return Number(sealed.split(".", 1)[0]?.slice(1));
}
