/**
 * An accountant's cartera at scale: `seedScale` makes one user with 300 businesses and 12 000
 * clients, with stored consumo, cuenta corriente and IVA data like the portfolio reads, in
 * batched inserts (seconds). `npm run bench -- --seed-scale [--database-url URL | --data-dir
 * DIR]` seeds it and prints how to sign in; `printScaleMeasurement` (bench-scale-measure.ts)
 * times the portfolio and the palette's search against it.
 */
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { sealCredentials } from "@/lib/businesses/credentials";
import type { Keyring } from "@/lib/crypto/secrets";
import { packMovimientos } from "@/lib/cuenta-corriente/packed";
import type { Database } from "@/lib/db";
import {
  businesses,
  clients,
  consumoSnapshots,
  cuentaCorrienteSnapshots,
  ivaRequests,
  memberships,
  tusfacturasCredentials,
  users,
} from "@/lib/db/schema";
import { clientName, cuit, pick, random, razonSocial } from "./bench-scale-data";

export const SCALE_EMAIL = "contador.escala@tablero.local";
export const SCALE_PASSWORD = "escala-tablero-300";

export type ScaleOptions = {
  email?: string;
  password?: string;
  businesses?: number;
  clients?: number;
  /** How many of the businesses require two-factor (the seeded user has it off). */
  twoFactorBusinesses?: number;
  seed?: number;
  now?: Date;
};

export type ScaleAccount = {
  created: boolean;
  userId: string;
  email: string;
  password: string;
  businessIds: string[];
};

const DAY_MS = 86_400_000;
const BATCH = 1000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Creates the accountant and their cartera; does nothing (created: false) when the email is
 * already taken. The user's address counts as confirmed and two-factor is off, so businesses
 * that require it show locked.
 */
export async function seedScale(
  db: Database,
  keyring: Keyring,
  options: ScaleOptions = {},
): Promise<ScaleAccount> {
  const email = options.email ?? SCALE_EMAIL;
  const password = options.password ?? SCALE_PASSWORD;
  const businessCount = options.businesses ?? 300;
  const clientCount = options.clients ?? 12_000;
  const twoFactor = options.twoFactorBusinesses ?? Math.floor(businessCount / 60);
  const now = options.now ?? new Date();
  const next = random(options.seed ?? 20261130);

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    const mine = await db
      .select({ id: memberships.businessId })
      .from(memberships)
      .where(eq(memberships.userId, existing.id));
    return {
      created: false,
      userId: existing.id,
      email,
      password,
      businessIds: mine.map((m) => m.id),
    };
  }

  const account = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        name: "Contadora Escala",
        email,
        passwordHash: await hashPassword(password),
        emailVerifiedAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("insert returned no row");

    const businessRows = Array.from({ length: businessCount }, (_, i) => ({
      razonSocial: razonSocial(next, i),
      cuit: cuit(next, next() < 0.8 ? "30" : "33"),
      puntoVenta: 1 + Math.floor(next() * 5),
      // Spread over the list, not bunched at the start of the alphabet.
      requireTwoFactor: twoFactor > 0 && i % Math.floor(businessCount / twoFactor) === 7,
    }));
    const ids: string[] = [];
    await insertInBatches(businessRows, async (batch) => {
      const inserted = await tx.insert(businesses).values(batch).returning({ id: businesses.id });
      ids.push(...inserted.map((row) => row.id));
    });

    await insertInBatches(
      ids.map((businessId, i) => ({
        userId: user.id,
        businessId,
        role: i % 10 === 0 ? ("owner" as const) : ("accountant" as const),
      })),
      (batch) => tx.insert(memberships).values(batch),
    );

    // Most verified, some rejected, a few with none at all.
    const credentialRows = ids.flatMap((businessId, i) => {
      if (i % 25 === 3) return [];
      const rejected = i % 12 === 5;
      return [
        {
          businessId,
          ...sealCredentials(
            businessId,
            { apikey: String(5000 + i), apitoken: `escala${i}token`, usertoken: `escala${i}user` },
            keyring,
          ),
          status: rejected ? ("unverified" as const) : ("verified" as const),
          statusDetail: rejected ? "TusFacturas rechazó las credenciales." : null,
          lastVerifiedAt: rejected ? null : now,
        },
      ];
    });
    await insertInBatches(credentialRows, (batch) =>
      tx.insert(tusfacturasCredentials).values(batch),
    );

    // Two snapshots per business (history), the latest low for some and stale for others.
    const consumoRows = ids.flatMap((businessId, i) => {
      if (i % 20 === 9) return [];
      const cupo = pick(next, [100, 250, 500, 1000, 2500]);
      const latest = i % 7 === 2 ? Math.floor(cupo * 0.1 * next()) : Math.floor(cupo * next());
      const age = i % 15 === 4 ? 10 * DAY_MS : Math.floor(next() * 3 * DAY_MS);
      const row = (fetchedAt: Date, disponibles: number) => ({
        businessId,
        fetchedAt,
        abonosPendientes: 0,
        comprobantesGenerados: cupo - disponibles,
        comprobantesCupo: cupo,
        comprobantesDisponibles: disponibles,
      });
      return [
        row(new Date(now.getTime() - age - 30 * DAY_MS), cupo),
        row(new Date(now.getTime() - age), latest),
      ];
    });
    await insertInBatches(consumoRows, (batch) => tx.insert(consumoSnapshots).values(batch));

    // Clients spread unevenly: a few large carteras, many small ones.
    const weights = ids.map(() => 0.2 + next() ** 2 * 3);
    const totalWeight = weights.reduce((sum, w) => sum + w, 0);
    const clientRows: { businessId: string; cuit: string; nombre: string }[] = [];
    ids.forEach((businessId, i) => {
      const remaining = clientCount - clientRows.length;
      const share =
        i === ids.length - 1
          ? remaining
          : Math.min(remaining, Math.round((clientCount * weights[i]!) / totalWeight));
      const seen = new Set<string>();
      while (seen.size < share) {
        const value = cuit(next, pick(next, ["20", "27", "23", "30", "33"] as const));
        if (seen.has(value)) continue;
        seen.add(value);
        clientRows.push({ businessId, cuit: value, nombre: clientName(next) });
      }
    });
    await insertInBatches(clientRows, (batch) => tx.insert(clients).values(batch));

    // A stored cuenta corriente for about a quarter of the clients (what "A cobrar" sums).
    const movimientos = packMovimientos([]);
    const ledgerRows = clientRows
      .filter(() => next() < 0.25)
      .map((client) => {
        const saldo = Math.round((next() * 2_000_000 - 300_000) * 100);
        return {
          businessId: client.businessId,
          cuit: client.cuit,
          fetchedAt: new Date(now.getTime() - Math.floor(next() * 20 * DAY_MS)),
          movimientos,
          movimientosCount: 0,
          saldoCentavos: saldo,
          restaAbonarCentavos: Math.max(saldo, 0),
          oldestUnpaidFecha: null,
        };
      });
    await insertInBatches(ledgerRows, (batch) => tx.insert(cuentaCorrienteSnapshots).values(batch));

    const ivaRows = ids.flatMap((businessId, i) => {
      if (i % 4 !== 1) return [];
      const rejected = i % 3 === 0;
      return [
        {
          businessId,
          userId: user.id,
          requestKey: crypto.randomUUID(),
          anio: 2026,
          mes: 10,
          email,
          status: rejected ? ("rejected" as const) : ("sent" as const),
          requestedAt: new Date(now.getTime() - Math.floor(next() * 10 * DAY_MS)),
          messages: rejected ? ["El período no está cerrado."] : [],
        },
      ];
    });
    await insertInBatches(ivaRows, (batch) => tx.insert(ivaRequests).values(batch));

    return { created: true, userId: user.id, email, password, businessIds: ids };
  });
  // Fresh statistics, as autovacuum would gather on PostgreSQL (PGlite runs none).
  await db.execute(sql`analyze`);
  return account;
}
