import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { packMovimientos } from "@/lib/cuenta-corriente/packed";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  businesses as businessesTable,
  consumoSnapshots,
  comprobanteVencimientos,
  cuentaCorrienteSnapshots,
  ivaRequests,
  memberships,
  tusfacturasCredentials,
  users,
  type IvaRequestStatus,
} from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createPortfolioService } from "./service";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const ESPIGA = "30712293841";
const HOTEL = "30699112247";
const FERRETERIA = "27285051466";
const NOT_IN_DIRECTORY = "30555666779";

describe.each(databaseEngines())("portfolio on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  const businesses = () =>
    createBusinessesService({ db: handle.db, keyring: new Map([[1, randomBytes(32)]]) });
  /** The cards (of the first page, which holds them all here) as they are at `now`. */
  const portfolioOf = async (userId: string, now: Date) =>
    (await createPortfolioService({ db: handle.db, now: () => now }).portfolioPage(userId)).cards;
  const insertClient = (businessId: string, values: { cuit: string; nombre: string }) =>
    createClientesService({ db: handle.db }).insertClient(businessId, values);

  async function business(ownerId: string, razonSocial: string, cuit = "20055361682") {
    return businesses().insertBusiness(ownerId, {
      razonSocial,
      cuit,
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
  }

  async function consumo(businessId: string, fetchedAt: Date, cupo: number, disponibles: number) {
    await handle.db.insert(consumoSnapshots).values({
      businessId,
      fetchedAt,
      abonosPendientes: 0,
      comprobantesGenerados: cupo - disponibles,
      comprobantesCupo: cupo,
      comprobantesDisponibles: disponibles,
    });
  }

  async function ledger(businessId: string, cuit: string, fetchedAt: Date, saldoCentavos: number) {
    await handle.db.insert(cuentaCorrienteSnapshots).values({
      businessId,
      cuit,
      fetchedAt,
      movimientos: packMovimientos([]),
      movimientosCount: 0,
      saldoCentavos,
      restaAbonarCentavos: Math.max(saldoCentavos, 0),
      oldestUnpaidFecha: null,
    });
  }

  async function iva(
    businessId: string,
    requestedAt: Date,
    status: IvaRequestStatus,
    messages: string[] = [],
  ) {
    await handle.db.insert(ivaRequests).values({
      businessId,
      requestKey: randomUUID(),
      anio: 2026,
      mes: 10,
      email: "estudio@example.com",
      status,
      requestedAt,
      messages,
    });
  }

  async function credentials(
    businessId: string,
    status: "verified" | "unverified",
    statusDetail: string | null = null,
  ) {
    await handle.db
      .update(tusfacturasCredentials)
      .set({ status, statusDetail })
      .where(eq(tusfacturasCredentials.businessId, businessId));
  }

  it("is empty for a user with no business", async () => {
    const { db } = handle;
    const loner = await insertTestUser(db, "Sin empresas");
    const other = await insertTestUser(db, "Otra");
    const theirs = await business(other, "De otra");
    await consumo(theirs, ago(HOUR_MS), 100, 50);
    expect(await portfolioOf(loner, NOW)).toEqual([]);
  });

  it("shows one card per business of the user, from the latest stored data", async () => {
    const { db } = handle;
    const ana = await insertTestUser(db, "Ana");
    const otherOwner = await insertTestUser(db, "Otro dueño");

    // Alfa: verified, low cupo in its latest consumo, receivables, last IVA sent.
    const alfa = await business(ana, "Alfa S.A.", "30712293841");
    await credentials(alfa, "verified");
    await consumo(alfa, ago(2 * DAY_MS), 100, 90);
    await consumo(alfa, ago(HOUR_MS), 100, 10);
    await consumo(alfa, ago(3 * DAY_MS), 100, 95);
    await insertClient(alfa, { cuit: ESPIGA, nombre: "Panadería La Espiga" });
    await insertClient(alfa, { cuit: HOTEL, nombre: "Hotel Los Álamos" });
    await insertClient(alfa, { cuit: FERRETERIA, nombre: "Ferretería sin ledger" });
    await ledger(alfa, ESPIGA, ago(5 * DAY_MS), 999_999_00);
    await ledger(alfa, ESPIGA, ago(HOUR_MS), 1_500_00);
    await ledger(alfa, ESPIGA, ago(2 * DAY_MS), 888_888_00);
    await ledger(alfa, HOTEL, ago(DAY_MS), 700_00);
    await ledger(alfa, HOTEL, ago(HOUR_MS), 250_50);
    // Not in the directory: ignored however much it owes.
    await ledger(alfa, NOT_IN_DIRECTORY, ago(HOUR_MS), 50_000_000_00);
    await iva(alfa, ago(3 * DAY_MS), "rejected", ["Período inválido."]);
    await iva(alfa, ago(2 * DAY_MS), "sent");
    // Not reports TusFacturas answered: ignored even though newer.
    await iva(alfa, ago(DAY_MS), "queued");
    await iva(alfa, ago(HOUR_MS), "skipped", ["Sin credenciales."]);
    await iva(alfa, ago(HOUR_MS / 2), "cancelled");

    // Beta: unverified with a reason, no consumo yet, a client in credit, rejected IVA.
    const beta = await business(ana, "Beta S.R.L.");
    await credentials(beta, "unverified", "TusFacturas rechazó las credenciales.");
    await insertClient(beta, { cuit: ESPIGA, nombre: "Panadería La Espiga" });
    await insertClient(beta, { cuit: HOTEL, nombre: "Hotel Los Álamos" });
    // ESPIGA owes Alfa, not Beta: Beta has no ledger of it.
    await ledger(beta, HOTEL, ago(2 * DAY_MS), 80_000_00);
    await ledger(beta, HOTEL, ago(HOUR_MS), -3_000_00);
    await iva(beta, ago(2 * DAY_MS), "sent");
    await iva(beta, ago(DAY_MS), "rejected", ["El período no está cerrado.", "Revisá el email."]);
    await iva(beta, ago(HOUR_MS), "queued");

    // Gamma: Ana is a viewer; no credentials at all, stale data.
    const gamma = await business(otherOwner, "Gamma Cooperativa");
    await db.insert(memberships).values({ businessId: gamma, userId: ana, role: "viewer" });
    await db.delete(tusfacturasCredentials).where(eq(tusfacturasCredentials.businessId, gamma));
    await consumo(gamma, ago(8 * DAY_MS), 1000, 900);

    // Not Ana's.
    const delta = await business(otherOwner, "Delta (ajena)");
    await consumo(delta, ago(HOUR_MS), 100, 1);

    const cards = await portfolioOf(ana, NOW);
    expect(cards).toEqual([
      {
        businessId: alfa,
        razonSocial: "Alfa S.A.",
        cuit: "30712293841",
        role: "owner",
        consumo: {
          generados: 90,
          cupo: 100,
          disponibles: 10,
          fetchedAt: ago(HOUR_MS).toISOString(),
          // 85 comprobantes in the 71 hours since its first snapshot of November; 10 left.
          runsOutAt: new Date(
            ago(HOUR_MS).getTime() + (10 * (3 * DAY_MS - HOUR_MS)) / 85,
          ).toISOString(),
        },
        credentialStatus: "verified",
        credentialDetail: null,
        lastIva: { status: "sent", messages: [] },
        receivableCentavos: 1_500_00 + 250_50,
        overdueCentavos: null,
        locked: false,
        alerts: [
          { kind: "cupo", text: "Cupo bajo: quedan 10 de 100 comprobantes." },
          { kind: "pace", text: "A este ritmo, el cupo se agota alrededor del 20/11." },
        ],
      },
      {
        businessId: beta,
        razonSocial: "Beta S.R.L.",
        cuit: "20055361682",
        role: "owner",
        consumo: null,
        credentialStatus: "unverified",
        credentialDetail: "TusFacturas rechazó las credenciales.",
        lastIva: {
          status: "rejected",
          messages: ["El período no está cerrado.", "Revisá el email."],
        },
        receivableCentavos: 0,
        overdueCentavos: null,
        locked: false,
        alerts: [
          {
            kind: "credentials",
            text: "Credenciales sin verificar: TusFacturas rechazó las credenciales.",
          },
          { kind: "stale", text: "Todavía no hay datos de consumo." },
          {
            kind: "iva",
            text: "TusFacturas rechazó el último reporte de IVA: El período no está cerrado. Revisá el email.",
          },
        ],
      },
      {
        businessId: gamma,
        razonSocial: "Gamma Cooperativa",
        cuit: "20055361682",
        role: "viewer",
        consumo: {
          generados: 100,
          cupo: 1000,
          disponibles: 900,
          fetchedAt: ago(8 * DAY_MS).toISOString(),
          runsOutAt: null,
        },
        credentialStatus: null,
        credentialDetail: null,
        lastIva: null,
        receivableCentavos: 0,
        overdueCentavos: null,
        locked: false,
        alerts: [
          { kind: "credentials", text: "Sin credenciales de TusFacturas." },
          { kind: "stale", text: "Los datos tienen más de una semana." },
        ],
      },
    ]);

    // The other owner sees Gamma and Delta, not Ana's businesses.
    expect((await portfolioOf(otherOwner, NOW)).map((c) => [c.razonSocial, c.role])).toEqual([
      ["Delta (ajena)", "owner"],
      ["Gamma Cooperativa", "owner"],
    ]);
  });

  it("a business that requires two-factor: a user without it sees its name only", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db, "Dueña");
    const viewer = await insertTestUser(db, "Sin 2FA");
    const locked = await business(owner, "Cerrada S.A.");
    await credentials(locked, "verified");
    await consumo(locked, ago(HOUR_MS), 100, 40);
    await insertClient(locked, { cuit: ESPIGA, nombre: "Panadería La Espiga" });
    await ledger(locked, ESPIGA, ago(HOUR_MS), 9_000_00);
    await db.insert(memberships).values({ businessId: locked, userId: viewer, role: "viewer" });
    await db
      .update(businessesTable)
      .set({ requireTwoFactor: true })
      .where(eq(businessesTable.id, locked));

    expect(await portfolioOf(viewer, NOW)).toEqual([
      {
        businessId: locked,
        razonSocial: "Cerrada S.A.",
        cuit: "20055361682",
        role: "viewer",
        consumo: null,
        credentialStatus: null,
        credentialDetail: null,
        lastIva: null,
        receivableCentavos: 0,
        overdueCentavos: null,
        locked: true,
        alerts: [
          {
            kind: "twoFactor",
            text: "Pide verificación en dos pasos: activala para ver sus datos.",
          },
        ],
      },
    ]);
    // With two-factor on, the whole card.
    await db.update(users).set({ totpEnabledAt: NOW }).where(eq(users.id, viewer));
    expect(await portfolioOf(viewer, NOW)).toEqual([
      expect.objectContaining({
        locked: false,
        credentialStatus: "verified",
        receivableCentavos: 9_000_00,
        overdueCentavos: null,
        consumo: expect.objectContaining({ disponibles: 40 }),
      }),
    ]);
  });

  it("warns of the pace of this cycle only, and still shows a last snapshot of last month", async () => {
    const { db } = handle;
    const eva = await insertTestUser(db, "Eva");
    // October ran out fast; November has one snapshot so far: no pace yet.
    const rapida = await business(eva, "Rápida S.A.");
    await credentials(rapida, "verified");
    await consumo(rapida, new Date("2026-10-30T12:00:00Z"), 100, 90);
    await consumo(rapida, new Date("2026-10-31T12:00:00Z"), 100, 5);
    await consumo(rapida, new Date("2026-11-18T12:00:00Z"), 100, 95);
    // Nothing stored since October: the card shows it, with no pace of this cycle.
    const quieta = await business(eva, "Quieta S.A.");
    await credentials(quieta, "verified");
    await consumo(quieta, new Date("2026-10-01T12:00:00Z"), 100, 90);
    await consumo(quieta, new Date("2026-10-20T12:00:00Z"), 100, 50);
    // 60 in 45 hours with 30 left (not low yet): out 22.5 hours later, on the 21st.
    const veloz = await business(eva, "Veloz S.A.");
    await credentials(veloz, "verified");
    await consumo(veloz, new Date("2026-11-18T12:00:00Z"), 100, 90);
    await consumo(veloz, new Date("2026-11-20T09:00:00Z"), 100, 30);

    const cards = await portfolioOf(eva, NOW);
    const byName = (name: string) => cards.find((c) => c.razonSocial === name);
    expect(byName("Rápida S.A.")?.consumo).toMatchObject({ disponibles: 95, runsOutAt: null });
    expect(byName("Rápida S.A.")?.alerts).toEqual([]);
    expect(byName("Quieta S.A.")?.consumo).toMatchObject({
      disponibles: 50,
      fetchedAt: "2026-10-20T12:00:00.000Z",
      runsOutAt: null,
    });
    expect(byName("Veloz S.A.")?.consumo?.runsOutAt).toBe("2026-11-21T07:30:00.000Z");
    expect(byName("Veloz S.A.")?.alerts).toEqual([
      { kind: "pace", text: "A este ritmo, el cupo se agota alrededor del 21/11." },
    ]);
  });

  it("counts a client again once it is back in the directory, from its latest ledger", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db);
    const businessId = await business(owner, "Con historia");
    await ledger(businessId, ESPIGA, ago(DAY_MS), 400_00);
    expect((await portfolioOf(owner, NOW))[0]?.receivableCentavos).toBe(0);

    await insertClient(businessId, { cuit: ESPIGA, nombre: "Panadería La Espiga" });
    expect((await portfolioOf(owner, NOW))[0]?.receivableCentavos).toBe(400_00);

    // A paid-up ledger fetched later replaces the debt.
    await ledger(businessId, ESPIGA, ago(HOUR_MS), 0);
    expect((await portfolioOf(owner, NOW))[0]?.receivableCentavos).toBe(0);
  });

  it("shows what is overdue by the stored due dates, in the same query", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db);
    const businessId = await business(owner, "Con vencimientos");
    await insertClient(businessId, { cuit: ESPIGA, nombre: "Panadería La Espiga" });
    await insertClient(businessId, { cuit: HOTEL, nombre: "Hotel" });
    await ledger(businessId, HOTEL, ago(DAY_MS), 10_00); // stored before unpaid was kept
    expect((await portfolioOf(owner, NOW))[0]?.overdueCentavos).toBeNull();

    await db.insert(cuentaCorrienteSnapshots).values({
      businessId,
      cuit: ESPIGA,
      fetchedAt: ago(HOUR_MS),
      movimientos: packMovimientos([]),
      movimientosCount: 0,
      saldoCentavos: 600_00,
      restaAbonarCentavos: 600_00,
      oldestUnpaidFecha: "2026-09-01",
      unpaid: [
        // Due tomorrow: not overdue though issued long ago.
        { t: "FACTURA A", p: 2, n: 10, f: "2026-09-01", r: 100_00 },
        // Due yesterday.
        { t: "FACTURA A", p: 2, n: 11, f: "2026-11-10", r: 200_00 },
        // No due date: its issue date (before today) stands in.
        { t: "FACTURA A", p: 2, n: 12, f: "2026-11-19", r: 300_00 },
        // Not looked up (a kind Tablero does not ask about), issued today: not overdue.
        { t: null, p: null, n: null, f: "2026-11-20", r: 1 },
      ],
    });
    const looked = { businessId, tipo: "FACTURA A", puntoVenta: 2, lookedUpAt: NOW };
    await db.insert(comprobanteVencimientos).values([
      { ...looked, numero: 10, found: true, vencimiento: "2026-11-21", ctacteStatus: "impaga" },
      { ...looked, numero: 11, found: true, vencimiento: "2026-11-19", ctacteStatus: "impaga" },
      { ...looked, numero: 12, found: false },
    ]);
    // Another business's due dates for the same numbers change nothing.
    const other = await business(owner, "Otra");
    await db.insert(comprobanteVencimientos).values({
      ...looked,
      businessId: other,
      numero: 12,
      found: true,
      vencimiento: "2027-01-01",
    });
    const card = (await portfolioOf(owner, NOW)).find((c) => c.businessId === businessId);
    expect(card).toMatchObject({ receivableCentavos: 610_00, overdueCentavos: 500_00 });
  });

  it("an IVA request only queued, skipped or cancelled is no last report", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db);
    const businessId = await business(owner, "Solo en cola");
    await iva(businessId, ago(DAY_MS), "queued");
    await iva(businessId, ago(HOUR_MS), "skipped", ["Sin credenciales."]);
    await iva(businessId, ago(HOUR_MS / 2), "cancelled");
    const [card] = await portfolioOf(owner, NOW);
    expect(card?.lastIva).toBeNull();
    expect(card?.alerts.map((a) => a.kind)).not.toContain("iva");

    await iva(businessId, ago(2 * DAY_MS), "rejected", []);
    const [after] = await portfolioOf(owner, NOW);
    expect(after?.lastIva).toEqual({ status: "rejected", messages: [] });
    expect(after?.alerts).toContainEqual({
      kind: "iva",
      text: "TusFacturas rechazó el último reporte de IVA.",
    });
  });
});
