/**
 * Keys from the environment, checked before Tablero uses them: a versioned keyring for the
 * stored secrets (every listed key opens, the newest seals) and the session cookie's secrets
 * (the first signs, every one is accepted). Pure: lib/env.ts turns the problems into the
 * message that stops the start.
 */

/** Why a key must not be used, or null. A key of one repeated byte (all zeros) is no secret. */
export function weakKeyProblem(key: Buffer): string | null {
  if (key.length === 0) return "está vacía";
  if (key.every((byte) => byte === key[0]))
    return "no tiene entropía (todos sus bytes son iguales): generá una con `openssl rand -base64 32`";
  // 32 random bytes have about 30 distinct values; fewer than 8 is a pattern, not a key.
  if (new Set(key).size < Math.min(8, key.length))
    return "tiene muy poca entropía (casi todos sus bytes se repiten): generá una con `openssl rand -base64 32`";
  return null;
}

export type ParsedKeyring = { keys: Map<number, Buffer>; problems: string[] };

/**
 * `TABLERO_ENCRYPTION_KEYS` ("1:<base64>,2:<base64>", comma or space separated) with the
 * older single `TABLERO_ENCRYPTION_KEY`, which is version 1.
 */
export function parseKeyring(list: string | undefined, single: string | undefined): ParsedKeyring {
  const keys = new Map<number, Buffer>();
  const problems: string[] = [];
  const add = (version: number, value: string, name: string) => {
    const key = Buffer.from(value, "base64");
    if (key.length !== 32) {
      problems.push(`${name}: debe ser una clave de 32 bytes en base64 (openssl rand -base64 32)`);
      return;
    }
    const weak = weakKeyProblem(key);
    if (weak) return problems.push(`${name}: la clave ${weak}`);
    const existing = keys.get(version);
    if (existing && !existing.equals(key))
      return problems.push(`${name}: hay dos claves distintas para la versión ${version}`);
    keys.set(version, key);
  };
  for (const entry of (list ?? "").split(/[\s,]+/).filter(Boolean)) {
    const match = /^(\d{1,6}):(.+)$/.exec(entry);
    if (!match || Number(match[1]) < 1) {
      problems.push(
        'TABLERO_ENCRYPTION_KEYS: cada clave va como "versión:clave" (por ejemplo 2:<base64>), con versión desde 1',
      );
      continue;
    }
    add(Number(match[1]), match[2]!, `TABLERO_ENCRYPTION_KEYS (versión ${match[1]})`);
  }
  if (single) add(1, single, "TABLERO_ENCRYPTION_KEY");
  return { keys, problems };
}

/** `AUTH_SECRET`: one value, or several separated by commas (the first signs new cookies). */
export function parseAuthSecrets(value: string | undefined): {
  secrets: string[];
  problems: string[];
} {
  const secrets = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const problems: string[] = [];
  if (secrets.length === 0)
    problems.push("AUTH_SECRET: falta (generá una con `openssl rand -base64 32`)");
  secrets.forEach((secret, i) => {
    const name = secrets.length > 1 ? `AUTH_SECRET (valor ${i + 1})` : "AUTH_SECRET";
    if (secret.length < 32)
      problems.push(
        `${name}: es muy corta (mínimo 32 caracteres; generá una con \`openssl rand -base64 32\`)`,
      );
    else if (weakKeyProblem(Buffer.from(secret, "utf8")))
      problems.push(`${name}: ${weakKeyProblem(Buffer.from(secret, "utf8"))}`);
  });
  return { secrets, problems };
}
