import "server-only";
import { and, asc, eq, gt, isNotNull, ne } from "drizzle-orm";
import { openSecret, sealSecret, sealedKeyVersion, type Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { tusfacturasCredentials, users } from "@/lib/db/schema";

export type RotationFailure = { kind: "credentials" | "two-factor"; id: string; reason: string };

export type RotationReport = {
  /** The key version everything is sealed with now. */
  version: number;
  credentials: number;
  twoFactor: number;
  /** Rows that did not open with any key of the ring: left as they are, and named. */
  failed: RotationFailure[];
  /**
   * Rows still sealed with an older key because Tablero held them (a sign-in, a save) on every
   * pass: the old key must stay until a later run finds none.
   */
  inUse: { kind: RotationFailure["kind"]; id: string }[];
};

/** Passes over a table: a row locked by a short transaction is usually free on the next. */
const PASSES = 3;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

type Sealed = { id: string; sealed: string };

/**
 * One kind of sealed value, re-sealed with the newest key in batches: each batch is a short
 * transaction over rows locked `for update skip locked`, so Tablero keeps serving (a row being
 * saved meanwhile is done by a later pass) and a run stopped halfway is resumed by the next.
 */
async function rotateTable(
  db: Database,
  keyring: Keyring,
  table: {
    kind: RotationFailure["kind"];
    /** Rows still sealed with another version, after `afterId`, oldest id first. */
    batch(tx: Database, afterId: string): Promise<Sealed[]>;
    write(tx: Database, row: Sealed, sealed: string): Promise<void>;
    /** Ids of every row still sealed with another version (no lock). */
    left(db: Database): Promise<string[]>;
  },
  report: RotationReport,
  onProgress: (done: number) => void,
): Promise<number> {
  let done = 0;
  const failed = new Set<string>();
  for (let pass = 1; ; pass++) {
    let afterId = FIRST_ID;
    for (;;) {
      const rows = await db.transaction(async (tx) => {
        const batch = await table.batch(tx, afterId);
        for (const row of batch) {
          let plaintext: string;
          try {
            plaintext = openSecret(row.sealed, row.id, keyring);
          } catch (error) {
            if (!failed.has(row.id)) {
              failed.add(row.id);
              report.failed.push({
                kind: table.kind,
                id: row.id,
                reason: (error as Error).message,
              });
            }
            continue;
          }
          await table.write(tx, row, sealSecret(plaintext, row.id, keyring));
          done++;
        }
        return batch;
      });
      if (rows.length === 0) break;
      afterId = rows.at(-1)!.id;
      onProgress(done);
    }
    // `skip locked` passed over rows Tablero held meanwhile: they are not done, and must not
    // be reported as if they were (the old key would be removed from under them).
    const left = (await table.left(db)).filter((id) => !failed.has(id));
    if (left.length === 0) return done;
    if (pass === PASSES) {
      report.inUse.push(...left.map((id) => ({ kind: table.kind, id })));
      return done;
    }
  }
}

/**
 * Re-seals every stored secret (TusFacturas credentials and two-factor secrets) with the
 * newest key of `keyring`. Idempotent: what already uses the newest key is not touched.
 * Not the bodies of `outbound_emails` (lib/mail/service.ts): sealed only while an email
 * waits, minutes, and erased once it is sent or given up (after a day at most); one whose key
 * was removed meanwhile is marked failed, never sent (README, "keys:rotate").
 */
export async function rotateSealedSecrets(
  db: Database,
  keyring: Keyring,
  {
    batchSize = 50,
    onProgress = () => {},
  }: {
    batchSize?: number;
    onProgress?: (kind: RotationFailure["kind"], done: number) => void;
  } = {},
): Promise<RotationReport> {
  const version = Math.max(...keyring.keys());
  const report: RotationReport = {
    version,
    credentials: 0,
    twoFactor: 0,
    failed: [],
    inUse: [],
  };
  report.credentials = await rotateTable(
    db,
    keyring,
    {
      kind: "credentials",
      batch: (tx, afterId) =>
        tx
          .select({ id: tusfacturasCredentials.businessId, sealed: tusfacturasCredentials.sealed })
          .from(tusfacturasCredentials)
          .where(
            and(
              ne(tusfacturasCredentials.keyVersion, version),
              gt(tusfacturasCredentials.businessId, afterId),
            ),
          )
          .orderBy(asc(tusfacturasCredentials.businessId))
          .limit(batchSize)
          .for("update", { skipLocked: true }),
      async write(tx, row, sealed) {
        // Not `updated_at`: the credentials did not change, only their envelope.
        await tx
          .update(tusfacturasCredentials)
          .set({ sealed, keyVersion: sealedKeyVersion(sealed) })
          .where(eq(tusfacturasCredentials.businessId, row.id));
      },
      left: async (db) =>
        (
          await db
            .select({ id: tusfacturasCredentials.businessId })
            .from(tusfacturasCredentials)
            .where(ne(tusfacturasCredentials.keyVersion, version))
        ).map((row) => row.id),
    },
    report,
    (done) => onProgress("credentials", done),
  );
  report.twoFactor = await rotateTable(
    db,
    keyring,
    {
      kind: "two-factor",
      batch: async (tx, afterId) => {
        const rows = await tx
          .select({ id: users.id, sealed: users.totpSealed })
          .from(users)
          .where(
            and(
              isNotNull(users.totpSealed),
              ne(users.totpKeyVersion, version),
              gt(users.id, afterId),
            ),
          )
          .orderBy(asc(users.id))
          .limit(batchSize)
          .for("update", { skipLocked: true });
        return rows.map((row) => ({ id: row.id, sealed: row.sealed! }));
      },
      async write(tx, row, sealed) {
        await tx
          .update(users)
          .set({ totpSealed: sealed, totpKeyVersion: sealedKeyVersion(sealed) })
          .where(eq(users.id, row.id));
      },
      left: async (db) =>
        (
          await db
            .select({ id: users.id })
            .from(users)
            .where(and(isNotNull(users.totpSealed), ne(users.totpKeyVersion, version)))
        ).map((row) => row.id),
    },
    report,
    (done) => onProgress("two-factor", done),
  );
  return report;
}
