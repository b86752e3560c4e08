import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertBusiness } from "@/lib/businesses/service";
import type { DatabaseHandle } from "@/lib/db/client";
import { databaseEngines, insertTestUser } from "@/lib/db/test-database";
import { deleteClient, insertClient, listClients, updateClient } from "./service";

describe.each(databaseEngines())("client directory on $name", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(() => handle?.close());

  async function business(name: string) {
    const keyring = new Map([[1, randomBytes(32)]]);
    const userId = await insertTestUser(handle.db);
    return insertBusiness(handle.db, keyring, userId, {
      razonSocial: name,
      cuit: "20055361682",
      credentials: { apikey: "1", apitoken: "a", usertoken: "b" },
    });
  }

  it("adds, searches by name (any case) or CUIT, edits and removes", async () => {
    const { db } = handle;
    const id = await business("Con clientes");
    await insertClient(db, id, { cuit: "30712293841", nombre: "Panadería La Espiga" });
    const hotel = await insertClient(db, id, { cuit: "30699112247", nombre: "Hotel Los Álamos" });

    expect((await listClients(db, id)).map((c) => c.nombre)).toEqual([
      "Hotel Los Álamos",
      "Panadería La Espiga",
    ]);
    expect((await listClients(db, id, "espiga")).map((c) => c.cuit)).toEqual(["30712293841"]);
    expect((await listClients(db, id, "30-6991")).map((c) => c.cuit)).toEqual(["30699112247"]);
    expect(await listClients(db, id, "100%_")).toEqual([]);

    await updateClient(db, id, hotel.id, { cuit: hotel.cuit, nombre: "Hotel Los Álamos S.R.L." });
    expect((await listClients(db, id, "S.R.L.")).map((c) => c.nombre)).toEqual([
      "Hotel Los Álamos S.R.L.",
    ]);
    await deleteClient(db, id, hotel.id);
    expect(await listClients(db, id)).toHaveLength(1);
  });

  it("refuses a CUIT already in the cartera, with a field error", async () => {
    const id = await business("Duplicados");
    await insertClient(handle.db, id, { cuit: "27285051466", nombre: "Primera" });
    await expect(
      insertClient(handle.db, id, { cuit: "27285051466", nombre: "Segunda" }),
    ).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { cuit: ["Ese CUIT ya está en la cartera de esta empresa."] },
    });
  });

  it("never reads or changes another business's clients", async () => {
    const { db } = handle;
    const mine = await business("Mía");
    const theirs = await business("Ajena");
    const client = await insertClient(db, theirs, { cuit: "20055361682", nombre: "Ajeno" });

    expect(await listClients(db, mine)).toEqual([]);
    await expect(
      updateClient(db, mine, client.id, { cuit: client.cuit, nombre: "Robado" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteClient(db, mine, client.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listClients(db, theirs)).map((c) => c.nombre)).toEqual(["Ajeno"]);
  });
});
