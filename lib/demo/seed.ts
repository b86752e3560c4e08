import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { createConsumoService } from "@/lib/consumo/service";
import { createLocalLocks } from "@/lib/db/locks";
import { createCuentaCorrienteService } from "@/lib/cuenta-corriente/service";
import type { Keyring } from "@/lib/crypto/secrets";
import type { Database } from "@/lib/db";
import { businesses, clients, consumoSnapshots, memberships, users } from "@/lib/db/schema";
import { loadAccountsFixture } from "@/lib/tusfacturas/fixtures/load";
import { createTusFacturasClient, TusFacturasError } from "@/lib/tusfacturas";
import { reportAttempt } from "@/lib/upstream/record";
import { demoConsumoHistory } from "./consumo-history";

export const DEMO_EMAIL = "demo@tablero.local";

/** The emulator's seeded accounts the demo businesses are wired to. */
const demoBusinesses = [
  {
    razonSocial: "Panadería La Espiga S.R.L.",
    cuit: "30712293841",
    puntoVenta: 2,
    credentials: { apikey: "1001", apitoken: "demo1001token", usertoken: "demo1001user" },
  },
  {
    razonSocial: "Estudio Contable Ruiz & Asoc.",
    cuit: "27285051466",
    puntoVenta: 1,
    credentials: { apikey: "1002", apitoken: "demo1002token", usertoken: "demo1002user" },
  },
];

/**
 * Creates the demo owner and two businesses wired to the emulator, verifying each with one
 * consumo call (their latest snapshot) and giving each a made-up consumo history before it.
 * Does nothing when the demo owner already exists (but add missing clients).
 */
export async function seedDemo(
  db: Database,
  options: {
    password: string;
    keyring: Keyring;
    tusfacturasUrl: string;
    /** Default: the wall clock. */
    now?: () => Date;
  },
): Promise<{ created: boolean }> {
  const [existing] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
  if (existing) {
    await seedDemoClients(db, existing.id);
    return { created: false };
  }
  const [owner] = await db
    .insert(users)
    .values({
      name: "Dueña Demo",
      email: DEMO_EMAIL,
      passwordHash: await hashPassword(options.password),
      // The demo owner's address is a made-up one nobody can open: it counts as verified.
      emailVerifiedAt: new Date(),
    })
    .returning({ id: users.id });
  if (!owner) throw new Error("insert returned no row");
  const deps = {
    db,
    client: createTusFacturasClient({ baseUrl: options.tusfacturasUrl, onCall: reportAttempt }),
    keyring: options.keyring,
    // The seed runs alone, before the server opens the database.
    locks: createLocalLocks(),
    freshnessMs: 15 * 60_000,
    now: options.now ?? (() => new Date()),
    clientes: createClientesService({ db }),
  };
  const businesses = createBusinessesService(deps);
  const consumo = createConsumoService(deps);
  const ledgers = createCuentaCorrienteService(deps);
  for (const business of demoBusinesses) {
    const businessId = await businesses.insertBusiness(owner.id, business);
    await consumo.refresh(businessId, owner.id);
    await seedConsumoHistory(db, businessId, Number(business.credentials.apikey));
  }
  for (const { businessId, cuit } of await seedDemoClients(db, owner.id)) {
    // The emulator's ledgers, fetched once so the portfolio and the cartera have figures; a
    // failure is stored with the ledger and shown on its page.
    await ledgers.refresh(businessId, cuit, owner.id).catch((error: unknown) => {
      if (!(error instanceof TusFacturasError)) throw error;
    });
  }
  return { created: true };
}

/**
 * Demo only: the made-up snapshots of the previous and the current cycle before the business's
 * one real snapshot, stored like real ones (lib/demo/consumo-history.ts). Runs once, when the
 * business is created.
 */
async function seedConsumoHistory(db: Database, businessId: string, seed: number): Promise<void> {
  const [latest] = await db
    .select()
    .from(consumoSnapshots)
    .where(eq(consumoSnapshots.businessId, businessId))
    .orderBy(desc(consumoSnapshots.fetchedAt))
    .limit(1);
  if (!latest) return;
  const history = demoConsumoHistory(latest, seed);
  if (history.length === 0) return;
  await db.insert(consumoSnapshots).values(history.map((row) => ({ businessId, ...row })));
}

/**
 * The emulator's clients of each demo business, in its cartera. Adds only what is missing, so
 * older demo databases get them too; returns the clients it added.
 */
async function seedDemoClients(
  db: Database,
  ownerId: string,
): Promise<{ businessId: string; cuit: string }[]> {
  const added: { businessId: string; cuit: string }[] = [];
  const { accounts } = loadAccountsFixture();
  for (const account of accounts) {
    const [business] = await db
      .select({ id: businesses.id })
      .from(businesses)
      .innerJoin(memberships, eq(memberships.businessId, businesses.id))
      .where(and(eq(memberships.userId, ownerId), eq(businesses.cuit, account.cuit)));
    if (!business) continue;
    const directory = [...account.clientes, ...(account.generatedClients ?? [])];
    if (directory.length === 0) continue;
    const rows = await db
      .insert(clients)
      .values(directory.map((c) => ({ businessId: business.id, cuit: c.cuit, nombre: c.nombre })))
      .onConflictDoNothing()
      .returning({ businessId: clients.businessId, cuit: clients.cuit });
    added.push(...rows);
  }
  return added;
}
