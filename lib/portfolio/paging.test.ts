import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import { packMovimientos } from "@/lib/cuenta-corriente/packed";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  businesses as businessesTable,
  consumoSnapshots,
  cuentaCorrienteSnapshots,
  memberships,
  users,
} from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import type { PortfolioQuery } from "./query";
import { createPortfolioService, type PortfolioView } from "./service";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const CLIENT = "30699112247";

/** What a person reads of a page: its names, in order, and the counts around them. */
function seen(view: PortfolioView) {
  return {
    names: view.cards.map((card) => card.razonSocial),
    page: view.page,
    pageCount: view.pageCount,
    matching: view.matching,
    businessCount: view.businessCount,
    receivableTotal: view.receivableTotalCentavos,
  };
}

describe.each(databaseEngines())("portfolio pages on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  const pageOf = (userId: string, query: Partial<PortfolioQuery>, pageSize = 3) =>
    createPortfolioService({ db: handle.db, now: () => NOW }).portfolioPage(
      userId,
      query,
      pageSize,
    );

  async function business(
    ownerId: string,
    razonSocial: string,
    figures: { cupo?: number; disponibles?: number; owed?: number; cuit?: string } = {},
  ) {
    const id = await createBusinessesService({
      db: handle.db,
      keyring: new Map([[1, randomBytes(32)]]),
    }).insertBusiness(ownerId, {
      razonSocial,
      cuit: figures.cuit ?? "20055361682",
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
    if (figures.cupo !== undefined) {
      await handle.db.insert(consumoSnapshots).values({
        businessId: id,
        fetchedAt: NOW,
        abonosPendientes: 0,
        comprobantesGenerados: figures.cupo - (figures.disponibles ?? 0),
        comprobantesCupo: figures.cupo,
        comprobantesDisponibles: figures.disponibles ?? 0,
      });
    }
    if (figures.owed !== undefined) {
      await createClientesService({ db: handle.db }).insertClient(id, {
        cuit: CLIENT,
        nombre: "Hotel Los Álamos",
      });
      await handle.db.insert(cuentaCorrienteSnapshots).values({
        businessId: id,
        cuit: CLIENT,
        fetchedAt: NOW,
        movimientos: packMovimientos([]),
        movimientosCount: 0,
        saldoCentavos: figures.owed,
        restaAbonarCentavos: Math.max(figures.owed, 0),
        oldestUnpaidFecha: null,
      });
    }
    return id;
  }

  /** Seven businesses of one user (one of another user), with cupo and debts to sort by. */
  async function cartera() {
    const { db } = handle;
    const me = await insertTestUser(db, "Contadora");
    const other = await insertTestUser(db, "Otra");
    await business(me, "Ñandú del Norte S.A.", { cupo: 100, disponibles: 50, owed: 300_00 });
    await business(me, "Zapatería Norte", { cupo: 100, disponibles: 5, owed: 100_00 });
    await business(me, "Álamos S.R.L.", { cupo: 200, disponibles: 100, owed: 900_00 });
    await business(me, "almacén Sur", { owed: -50_00 });
    await business(me, "Bazar Centro", { cupo: 1000, disponibles: 100, cuit: "30712293841" });
    await business(me, "Mercería Norte", { cupo: 10, disponibles: 9, owed: 0 });
    await business(me, "Ferretería Oeste", { cupo: 100, disponibles: 30, owed: 200_00 });
    await business(other, "Norte Ajeno S.A.", { cupo: 100, disponibles: 1, owed: 99_999_00 });
    return me;
  }

  it("pages the businesses by name, accents and case aside, with the totals of all", async () => {
    const me = await cartera();
    const total = 300_00 + 100_00 + 900_00 + 200_00;
    expect(seen(await pageOf(me, {}))).toEqual({
      names: ["Álamos S.R.L.", "almacén Sur", "Bazar Centro"],
      page: 1,
      pageCount: 3,
      matching: 7,
      businessCount: 7,
      receivableTotal: total,
    });
    expect(seen(await pageOf(me, { page: 2 })).names).toEqual([
      "Ferretería Oeste",
      "Mercería Norte",
      "Ñandú del Norte S.A.",
    ]);
    expect(seen(await pageOf(me, { page: 3 })).names).toEqual(["Zapatería Norte"]);
    // Past the end (an old bookmark): the last page.
    expect(seen(await pageOf(me, { page: 9 }))).toMatchObject({
      names: ["Zapatería Norte"],
      page: 3,
    });
    // The default page size fits them all.
    const all = await createPortfolioService({ db: handle.db, now: () => NOW }).portfolioPage(me);
    expect(all.cards).toHaveLength(7);
    expect(all.pageCount).toBe(1);
  });

  it("sorts every business by cupo left and by what is owed, across pages", async () => {
    const me = await cartera();
    const cupo = [
      ...seen(await pageOf(me, { sort: "cupo" })).names,
      ...seen(await pageOf(me, { sort: "cupo", page: 2 })).names,
      ...seen(await pageOf(me, { sort: "cupo", page: 3 })).names,
    ];
    // 5 %, 10 %, 30 %, 50 %, 50 %, 90 %, then no consumo data.
    expect(cupo).toEqual([
      "Zapatería Norte",
      "Bazar Centro",
      "Ferretería Oeste",
      "Álamos S.R.L.",
      "Ñandú del Norte S.A.",
      "Mercería Norte",
      "almacén Sur",
    ]);
    expect(seen(await pageOf(me, { sort: "cobrar" })).names).toEqual([
      "Álamos S.R.L.",
      "Ñandú del Norte S.A.",
      "Ferretería Oeste",
    ]);
    const [first] = (await pageOf(me, { sort: "cobrar" })).cards;
    expect(first?.receivableCentavos).toBe(900_00);
  });

  it("searches every business by name or CUIT, the totals still of all", async () => {
    const me = await cartera();
    // "norte" is in three businesses on different pages by name: one page of results.
    expect(seen(await pageOf(me, { q: "NORTE" }))).toEqual({
      names: ["Mercería Norte", "Ñandú del Norte S.A.", "Zapatería Norte"],
      page: 1,
      pageCount: 1,
      matching: 3,
      businessCount: 7,
      receivableTotal: 300_00 + 100_00 + 900_00 + 200_00,
    });
    expect(seen(await pageOf(me, { q: "nandu" })).names).toEqual(["Ñandú del Norte S.A."]);
    expect(seen(await pageOf(me, { q: "alam", sort: "cobrar" })).names).toEqual(["Álamos S.R.L."]);
    expect(seen(await pageOf(me, { q: "30-7122" })).names).toEqual(["Bazar Centro"]);
    expect(seen(await pageOf(me, { q: "ajeno" }))).toMatchObject({ names: [], matching: 0 });
    expect(seen(await pageOf(me, { q: "100%_" })).names).toEqual([]);
  });

  it("a business that requires two-factor: named, but none of its figures count", async () => {
    const { db } = handle;
    const owner = await insertTestUser(db, "Dueña");
    const viewer = await insertTestUser(db, "Sin 2FA");
    const locked = await business(owner, "Cerrada Norte", {
      cupo: 100,
      disponibles: 1,
      owed: 5_000_00,
    });
    const open = await business(owner, "Abierta Norte", {
      cupo: 100,
      disponibles: 50,
      owed: 100_00,
    });
    for (const businessId of [locked, open])
      await db.insert(memberships).values({ businessId, userId: viewer, role: "viewer" });
    await db
      .update(businessesTable)
      .set({ requireTwoFactor: true })
      .where(eq(businessesTable.id, locked));

    // Its 1 % cupo and its debt are not read: last by cupo and by debt, out of the total.
    const byCupo = await pageOf(viewer, { sort: "cupo", q: "norte" });
    expect(seen(byCupo)).toMatchObject({
      names: ["Abierta Norte", "Cerrada Norte"],
      receivableTotal: 100_00,
    });
    expect(byCupo.cards[1]).toMatchObject({ locked: true, consumo: null, receivableCentavos: 0 });
    expect(seen(await pageOf(viewer, { sort: "cobrar" })).names).toEqual([
      "Abierta Norte",
      "Cerrada Norte",
    ]);

    await db.update(users).set({ totpEnabledAt: NOW }).where(eq(users.id, viewer));
    expect(seen(await pageOf(viewer, { sort: "cupo" }))).toMatchObject({
      names: ["Cerrada Norte", "Abierta Norte"],
      receivableTotal: 5_100_00,
    });
  });
});
