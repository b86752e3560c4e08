import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createAuditService } from "@/lib/audit/service";
import { createBusinessesService } from "@/lib/businesses/service";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, clients as clientsTable } from "@/lib/db/schema";
import { databaseEngines, insertTestUser } from "@/lib/testing/test-database";
import { createClientesService, type ClientesService } from "./service";

describe.each(databaseEngines())("client directory on $name", (engine) => {
  let handle: DatabaseHandle;
  let clientes: ClientesService;
  beforeAll(async () => {
    handle = await engine.open();
    clientes = createClientesService({
      db: handle.db,
      audit: createAuditService({ db: handle.db }),
    });
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

  describe("importing a file", () => {
    const upload = (text: string, name = "clientes.csv") => ({
      bytes: Uint8Array.from(Buffer.from(text, "latin1")),
      name,
    });
    // Saved by Excel in es-AR: Windows-1252, semicolons, CRLF.
    const file = upload(
      "CUIT;Razón Social\r\n30-71229384-1;Panadería La Espiga\r\n27285051466;Peña Hnos.\r\n" +
        "30111222334;Mal dígito\r\n20055361682;Ya estaba\r\n27285051466;Repetida\r\n",
    );
    const importsOf = (businessId: string) =>
      handle.db
        .select({ subject: auditEvents.subject, userId: auditEvents.userId })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.businessId, businessId), eq(auditEvents.action, "client.import")),
        );

    it("previews without saving, then saves the new rows once, with one log line", async () => {
      const id = await business("Importa");
      const userId = await insertTestUser(handle.db);
      await clientes.insertClient(id, { cuit: "20055361682", nombre: "Ya estaba" });

      const preview = await clientes.previewImport(id, file);
      expect(preview.counts).toEqual({ new: 2, existing: 1, invalid: 2 });
      expect(await clientes.listClients(id)).toHaveLength(1);

      expect(await clientes.importClients(id, file, userId)).toEqual({
        added: 2,
        existing: 1,
        invalid: 2,
      });
      expect((await clientes.listClients(id)).map((c) => [c.cuit, c.nombre])).toEqual([
        ["30712293841", "Panadería La Espiga"],
        ["27285051466", "Peña Hnos."],
        ["20055361682", "Ya estaba"],
      ]);
      expect(await importsOf(id)).toEqual([{ subject: "2 clientes de clientes.csv", userId }]);

      // The same file again adds nothing and logs nothing.
      expect(await clientes.importClients(id, file, userId)).toEqual({
        added: 0,
        existing: 3,
        invalid: 2,
      });
      expect(await clientes.listClients(id)).toHaveLength(3);
      expect(await importsOf(id)).toHaveLength(1);
    });

    it("only reads and writes the business it is given", async () => {
      const mine = await business("Importa la mía");
      const theirs = await business("No la toca");
      const userId = await insertTestUser(handle.db);
      // In another cartera: new for this one.
      await clientes.insertClient(theirs, { cuit: "30712293841", nombre: "Ajena" });
      expect((await clientes.previewImport(mine, file)).counts.new).toBe(3);
      await clientes.importClients(mine, file, userId);
      expect((await clientes.listClients(theirs)).map((c) => c.nombre)).toEqual(["Ajena"]);
      expect(await importsOf(theirs)).toEqual([]);
      expect(await clientes.listClients(mine)).toHaveLength(3);
    });

    it("saves all or nothing: a failure mid-way leaves no client and no log line", async () => {
      const id = await business("Falla");
      const userId = await insertTestUser(handle.db);
      const failing = createClientesService({
        db: handle.db,
        audit: {
          recordAudit: () => Promise.reject(new Error("the log is down")),
        },
      });
      await expect(failing.importClients(id, file, userId)).rejects.toThrow("the log is down");
      expect(
        await handle.db.select().from(clientsTable).where(eq(clientsTable.businessId, id)),
      ).toEqual([]);
    });

    it("refuses a file it cannot read, saving nothing", async () => {
      const id = await business("Archivo malo");
      const userId = await insertTestUser(handle.db);
      await expect(
        clientes.importClients(id, upload("Código;Importe\r\n1;2\r\n"), userId),
      ).rejects.toMatchObject({ code: "invalid", message: /No encontramos la fila de títulos/ });
      expect(await clientes.listClients(id)).toEqual([]);
    });
  });
});
