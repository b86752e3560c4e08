import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessesService } from "@/lib/businesses/service";
import type { DatabaseHandle } from "@/lib/db/client";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createClientesService, type ClientesService } from "./service";

describe.each(databaseEngines())("client directory on $name", (engine) => {
  let handle: DatabaseHandle;
  let clientes: ClientesService;
  beforeAll(async () => {
    handle = await engine.open();
    clientes = createClientesService({ db: handle.db });
  });
  afterAll(() => handle?.close());

  async function business(name: string) {
    const keyring = new Map([[1, randomBytes(32)]]);
    const userId = await insertTestUser(handle.db);
    return createBusinessesService({ db: handle.db, keyring }).insertBusiness(userId, {
      razonSocial: name,
      cuit: "20055361682",
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
  }

  it("adds, searches by name (any case) or CUIT, edits and removes", async () => {
    const id = await business("Con clientes");
    await clientes.insertClient(id, { cuit: "30712293841", nombre: "Panadería La Espiga" });
    const hotel = await clientes.insertClient(id, {
      cuit: "30699112247",
      nombre: "Hotel Los Álamos",
    });

    expect((await clientes.listClients(id)).map((c) => c.nombre)).toEqual([
      "Hotel Los Álamos",
      "Panadería La Espiga",
    ]);
    expect((await clientes.listClients(id, "espiga")).map((c) => c.cuit)).toEqual(["30712293841"]);
    expect((await clientes.listClients(id, "30-6991")).map((c) => c.cuit)).toEqual(["30699112247"]);
    expect(await clientes.listClients(id, "100%_")).toEqual([]);

    await clientes.updateClient(id, hotel.id, {
      cuit: hotel.cuit,
      nombre: "Hotel Los Álamos S.R.L.",
    });
    expect((await clientes.listClients(id, "S.R.L.")).map((c) => c.nombre)).toEqual([
      "Hotel Los Álamos S.R.L.",
    ]);
    await clientes.deleteClient(id, hotel.id);
    expect(await clientes.listClients(id)).toHaveLength(1);
  });

  it("refuses a CUIT already in the cartera, with a field error", async () => {
    const id = await business("Duplicados");
    await clientes.insertClient(id, { cuit: "27285051466", nombre: "Primera" });
    await expect(
      clientes.insertClient(id, { cuit: "27285051466", nombre: "Segunda" }),
    ).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { cuit: ["Ese CUIT ya está en la cartera de esta empresa."] },
    });
  });

  it("never reads or changes another business's clients", async () => {
    const mine = await business("Mía");
    const theirs = await business("Ajena");
    const client = await clientes.insertClient(theirs, { cuit: "20055361682", nombre: "Ajeno" });

    expect(await clientes.listClients(mine)).toEqual([]);
    await expect(
      clientes.updateClient(mine, client.id, { cuit: client.cuit, nombre: "Robado" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(clientes.deleteClient(mine, client.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await clientes.listClients(theirs)).map((c) => c.nombre)).toEqual(["Ajeno"]);
  });
});
