import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import { createClientesService } from "@/lib/clientes/service";
import type { DatabaseHandle } from "@/lib/db/client";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createNavigationService, type NavigationResult } from "./service";

const credentials = { apikey: "1", apitoken: "a", usertoken: "b" };

/** Results as `kind:name` (a client with its business), easy to compare. */
function names(results: NavigationResult[]): string[] {
  return results.map((r) =>
    r.kind === "business" ? `business:${r.razonSocial}` : `client:${r.nombre} (${r.businessName})`,
  );
}

describe.each(databaseEngines())("navigation search on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  const searchNavigation = (userId: string, query: string, limit?: number) =>
    createNavigationService({ db: handle.db }).searchNavigation(userId, query, limit);
  const insertClient = (businessId: string, values: { cuit: string; nombre: string }) =>
    createClientesService({ db: handle.db }).insertClient(businessId, values);

  async function business(userId: string, razonSocial: string, cuit = "30712293841") {
    const keyring = new Map([[1, randomBytes(32)]]);
    return createBusinessesService({ db: handle.db, keyring }).insertBusiness(userId, {
      razonSocial,
      cuit,
      credentials,
    });
  }

  it("gives the header the first businesses by name and how many there are in all", async () => {
    const user = await insertTestUser(handle.db);
    const header = (limit: number) =>
      createNavigationService({ db: handle.db }).headerBusinessesOf(user, limit);
    expect(await header(2)).toEqual({ businesses: [], total: 0 });
    for (const name of ["Delta", "Alfa", "Charlie", "Bravo"]) await business(user, name);
    const { businesses, total } = await header(2);
    expect(businesses.map((b) => b.razonSocial)).toEqual(["Alfa", "Bravo"]);
    expect(businesses[0]).toEqual({
      id: expect.any(String),
      razonSocial: "Alfa",
      cuit: "30712293841",
    });
    expect(total).toBe(4);
    // Another user's businesses are not counted.
    const other = await insertTestUser(handle.db);
    await business(other, "Eco");
    expect((await header(10)).total).toBe(4);
  });

  it("finds businesses and clients by name, without minding accents or case", async () => {
    const { db } = handle;
    const user = await insertTestUser(db);
    const estudio = await business(user, "Estudio Peñalba S.R.L.");
    await business(user, "Panadería La Espiga", "27285051466");
    await insertClient(estudio, { cuit: "30699112247", nombre: "Hotel Los Álamos" });
    await insertClient(estudio, { cuit: "20401234560", nombre: "Almacén Ñandú" });

    expect(names(await searchNavigation(user, "alamos"))).toEqual([
      "client:Hotel Los Álamos (Estudio Peñalba S.R.L.)",
    ]);
    expect(names(await searchNavigation(user, "HOTEL LOS ÁLAMOS"))).toEqual([
      "client:Hotel Los Álamos (Estudio Peñalba S.R.L.)",
    ]);
    expect(names(await searchNavigation(user, "nandu"))).toEqual([
      "client:Almacén Ñandú (Estudio Peñalba S.R.L.)",
    ]);
    expect(names(await searchNavigation(user, "  panaderia "))).toEqual([
      "business:Panadería La Espiga",
    ]);
    expect(names(await searchNavigation(user, "PEÑALBA"))).toEqual([
      "business:Estudio Peñalba S.R.L.",
    ]);
    // "al" is in a business and in both clients: businesses first, then clients by name.
    expect(names(await searchNavigation(user, "Al"))).toEqual([
      "business:Estudio Peñalba S.R.L.",
      "client:Almacén Ñandú (Estudio Peñalba S.R.L.)",
      "client:Hotel Los Álamos (Estudio Peñalba S.R.L.)",
    ]);
    expect(await searchNavigation(user, "   ")).toEqual([]);
    expect(await searchNavigation(user, "100%_")).toEqual([]);
  });

  it("finds by CUIT with or without dashes, and says where a client belongs", async () => {
    const { db } = handle;
    const user = await insertTestUser(db);
    const id = await business(user, "Distribuidora Norte", "30712340025");
    await insertClient(id, { cuit: "30699112247", nombre: "Hotel Los Álamos" });

    expect(await searchNavigation(user, "30-69911224-7")).toEqual([
      {
        kind: "client",
        id: expect.any(String) as string,
        nombre: "Hotel Los Álamos",
        cuit: "30699112247",
        businessId: id,
        businessName: "Distribuidora Norte",
      },
    ]);
    expect(await searchNavigation(user, "3071234")).toEqual([
      { kind: "business", id, razonSocial: "Distribuidora Norte", cuit: "30712340025" },
    ]);
    expect(names(await searchNavigation(user, "30-7123.4002 5"))).toEqual([
      "business:Distribuidora Norte",
    ]);
  });

  it("never returns another user's business or clients", async () => {
    const { db } = handle;
    const me = await insertTestUser(db);
    const other = await insertTestUser(db);
    const mine = await business(me, "Compartido Mío", "20055361682");
    const theirs = await business(other, "Compartido Ajeno", "20334455662");
    await insertClient(mine, { cuit: "24123456781", nombre: "Cliente Compartido Mío" });
    await insertClient(theirs, { cuit: "27203040593", nombre: "Cliente Compartido Ajeno" });

    expect(names(await searchNavigation(me, "compartido"))).toEqual([
      "business:Compartido Mío",
      "client:Cliente Compartido Mío (Compartido Mío)",
    ]);
    expect(await searchNavigation(me, "20334455662")).toEqual([]);
    expect(await searchNavigation(me, "27203040593")).toEqual([]);
    expect(await searchNavigation(me, "ajeno")).toEqual([]);
    expect(names(await searchNavigation(other, "compartido"))).toEqual([
      "business:Compartido Ajeno",
      "client:Cliente Compartido Ajeno (Compartido Ajeno)",
    ]);
  });

  it("returns at most the limit, keeping room for clients when businesses are many", async () => {
    const { db } = handle;
    const user = await insertTestUser(db);
    const ids: string[] = [];
    for (let i = 10; i < 40; i++) ids.push(await business(user, `Lote ${i}`));
    for (let i = 10; i < 40; i++)
      await insertClient(ids[0]!, {
        cuit: `203344556${i}`.slice(0, 11),
        nombre: `Lote cliente ${i}`,
      });

    const results = await searchNavigation(user, "lote");
    expect(results).toHaveLength(20);
    expect(results.filter((r) => r.kind === "business")).toHaveLength(10);
    expect(names(results).slice(9, 11)).toEqual([
      "business:Lote 19",
      "client:Lote cliente 10 (Lote 10)",
    ]);

    expect(await searchNavigation(user, "lote 3", 5)).toHaveLength(5);
    expect(names(await searchNavigation(user, "lote 1", 5))).toEqual([
      "business:Lote 10",
      "business:Lote 11",
      "business:Lote 12",
      "business:Lote 13",
      "business:Lote 14",
    ]);
  });
});
