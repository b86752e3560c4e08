import {
  accounts,
  addBusiness,
  addClient,
  cuentaCorrienteCalls,
  expect,
  expectNoAxeViolations,
  pesos,
  signUp,
  test,
  urlEnding,
} from "./fixtures";

// Only this file uses account 1002, so its call counter can be asserted exactly.
const account = accounts.a1002;
// 1002's clients in the emulator (lib/tusfacturas/fixtures/accounts.json).
const lopez = { nombre: "LOPEZ HNOS. S.H.", cuit: "33715443215" };
const benitez = { nombre: "CARLOS BENITEZ", cuit: "23298765438" };
// A valid CUIT that 1002 has no cuenta corriente for.
const sinConsultar = { nombre: "Almacén Ñandú", cuit: "20401234560" };

const EMPTY =
  "Todavía no hay clientes en la cartera. Agregá uno con su CUIT para ver su cuenta corriente.";

test("add, edit and remove a client; a bad or repeated CUIT is refused", async ({ page }) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await page.getByRole("link", { name: "Clientes" }).click();
  await expect(page).toHaveURL(new RegExp(`/empresas/${businessId}/clientes$`));
  await expect(page.getByText(EMPTY)).toBeVisible();

  await page.getByRole("button", { name: "Agregar cliente" }).click();
  const form = page.getByRole("form", { name: "Agregar cliente" });
  await form.getByLabel("Nombre o razón social").fill("Ferretería Don Pepe");
  await form.getByLabel("CUIT").fill("30-11122233-4");
  await form.getByRole("button", { name: "Agregar" }).click();
  await expect(
    form.getByText("El CUIT no es válido: el dígito verificador no coincide."),
  ).toBeVisible();
  await expect(form.getByLabel("CUIT")).toHaveValue("30-11122233-4");
  await expect(form.getByLabel("CUIT")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Nombre o razón social")).toHaveValue("Ferretería Don Pepe");
  await expect(page.getByText(EMPTY)).toBeVisible();

  // Digits only is fine too; the CUIT is shown with its dashes.
  await form.getByLabel("CUIT").fill("20401234560");
  await form.getByRole("button", { name: "Agregar" }).click();
  await expect(form).toHaveCount(0);
  const row = page.getByRole("row", { name: /Ferretería Don Pepe/ });
  await expect(row.getByRole("link", { name: "Ferretería Don Pepe" })).toHaveAttribute(
    "href",
    `/empresas/${businessId}/clientes/20401234560`,
  );
  await expect(row.getByRole("cell", { name: "20-40123456-0" })).toBeVisible();
  await expect(row.getByText("Sin cuenta corriente consultada")).toBeVisible();
  await expect(page.getByText(EMPTY)).toHaveCount(0);

  // The same CUIT again, written another way, is refused and nothing is added.
  await page.getByRole("button", { name: "Agregar cliente" }).click();
  await form.getByLabel("Nombre o razón social").fill("Otro nombre");
  await form.getByLabel("CUIT").fill("20-40123456-0");
  await form.getByRole("button", { name: "Agregar" }).click();
  await expect(form.getByText("Ese CUIT ya está en la cartera de esta empresa.")).toBeVisible();
  await expect(form.getByLabel("Nombre o razón social")).toHaveValue("Otro nombre");
  await form.getByRole("button", { name: "Cancelar" }).click();
  await expect(form).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: "Otro nombre" })).toHaveCount(0);
  await expect(page.locator("tbody tr")).toHaveCount(1);

  // Edit the name: the form starts with the stored values.
  await page.getByRole("button", { name: "Editar Ferretería Don Pepe" }).click();
  const edit = page.getByRole("form", { name: "Editar Ferretería Don Pepe" });
  await expect(edit.getByLabel("Nombre o razón social")).toHaveValue("Ferretería Don Pepe");
  await expect(edit.getByLabel("CUIT")).toHaveValue("20-40123456-0");
  await edit.getByLabel("Nombre o razón social").fill("Ferretería Don Pepe S.R.L.");
  await edit.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ferretería Don Pepe S.R.L." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Ferretería Don Pepe S.R.L." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ferretería Don Pepe", exact: true })).toHaveCount(0);

  // Removing asks first; "Cancelar" keeps the client.
  await page.getByRole("button", { name: "Quitar" }).click();
  const question = page.getByRole("group", {
    name: "¿Quitar a Ferretería Don Pepe S.R.L. de la cartera?",
  });
  await expect(question).toBeVisible();
  await question.getByRole("button", { name: "Cancelar" }).click();
  await expect(page.getByRole("link", { name: "Ferretería Don Pepe S.R.L." })).toBeVisible();
  await page.getByRole("button", { name: "Quitar" }).click();
  await question.getByRole("button", { name: "Sí, quitar" }).click();
  await expect(page.getByText(EMPTY)).toBeVisible();
  await page.reload();
  await expect(page.getByText(EMPTY)).toBeVisible();
  await expect(page.getByRole("link", { name: /Ferretería/ })).toHaveCount(0);
});

test("search by name or CUIT is kept in the URL and survives a reload", async ({ page }) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  for (const client of [lopez, benitez, sinConsultar]) await addClient(page, businessId, client);
  const clientLinks = page.locator("tbody tr").getByRole("link");
  await expect(clientLinks).toHaveCount(3);

  const search = page.getByRole("search");
  const cases = [
    // Case and accents do not matter for names.
    { q: "lopez", shown: [lopez.nombre] },
    { q: "ALMACEN ñandu", shown: [sinConsultar.nombre] },
    // A CUIT matches with or without dashes, and by part.
    { q: "23-29876543-8", shown: [benitez.nombre] },
    { q: "2040123", shown: [sinConsultar.nombre] },
    { q: "Benítez", shown: [benitez.nombre] },
  ];
  for (const { q, shown } of cases) {
    await test.step(q, async () => {
      await search.getByLabel("Buscar cliente").fill(q);
      await search.getByRole("button", { name: "Buscar" }).click();
      await expect(page).toHaveURL(
        urlEnding(`/empresas/${businessId}/clientes?q=${encodeURIComponent(q)}`),
      );
      await expect(clientLinks).toHaveText(shown);
      await page.reload();
      await expect(search.getByLabel("Buscar cliente")).toHaveValue(q);
      await expect(clientLinks).toHaveText(shown);
    });
  }

  await search.getByLabel("Buscar cliente").fill("zzz");
  await search.getByRole("button", { name: "Buscar" }).click();
  await expect(page.getByText("Ningún cliente coincide con la búsqueda.")).toBeVisible();
  await expect(clientLinks).toHaveCount(0);

  // A shared link opens the same view.
  await page.goto(`/empresas/${businessId}/clientes?q=hnos`);
  await expect(clientLinks).toHaveText([lopez.nombre]);

  // An empty search shows everyone again and leaves no ?q= behind.
  await search.getByLabel("Buscar cliente").fill("");
  await search.getByRole("button", { name: "Buscar" }).click();
  await expect(page).toHaveURL(new RegExp(`/empresas/${businessId}/clientes$`));
  await expect(clientLinks).toHaveCount(3);
});

test("the cartera is ordered by saldo from stored ledgers, without calling TusFacturas", async ({
  page,
  emulator,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  for (const client of [benitez, lopez, sinConsultar]) await addClient(page, businessId, client);

  // Nothing fetched yet: alphabetical, nothing to collect.
  const rows = page.locator("tbody tr");
  await expect(rows.getByRole("link")).toHaveText(["Almacén Ñandú", benitez.nombre, lopez.nombre]);
  await expect(page.getByText("Sin cuenta corriente consultada")).toHaveCount(3);
  await expect(page.getByTestId("total-a-cobrar")).toHaveText(pesos("0,00"));

  // Opening two ledgers stores them (one request each).
  const before = await cuentaCorrienteCalls(emulator, account.apikey);
  for (const client of [benitez, lopez]) {
    await page.getByRole("link", { name: client.nombre }).click();
    await expect(
      page.getByRole("heading", { name: `Cuenta corriente de ${client.nombre}` }),
    ).toBeVisible();
    await expect(page.locator("dl[aria-label='Totales']")).toBeVisible();
    await page.getByRole("link", { name: "Clientes" }).click();
  }
  await expect(page.getByRole("link", { name: lopez.nombre })).toBeVisible();
  expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 2);

  // Most owed first (LOPEZ owes more though BENITEZ comes first alphabetically); unfetched last.
  // The visits queued their free due-date lookups, which may still be running: the cartera
  // itself must ask for nothing billed.
  const billedBefore = await emulator.billed(account.apikey);
  await page.reload();
  await expect(rows.getByRole("link")).toHaveText([lopez.nombre, benitez.nombre, "Almacén Ñandú"]);
  await expect(rows.nth(0).getByRole("cell")).toHaveText([
    lopez.nombre,
    "33-71544321-5",
    pesos("140.370,33"),
    pesos("140.370,33"),
    pesos("140.370,33"), // all of it past due (issue date + 30 days, in 2025)
    "01/09/2025",
    /^\d{2}\/\d{2}\/\d{4} · 6 mov\.$/,
    /Editar/,
  ]);
  await expect(rows.nth(1).getByRole("cell")).toHaveText([
    benitez.nombre,
    "23-29876543-8",
    pesos("28.200,00"),
    pesos("28.200,00"),
    pesos("28.200,00"),
    "01/09/2025",
    /^\d{2}\/\d{2}\/\d{4} · 5 mov\.$/,
    /Editar/,
  ]);
  await expect(rows.nth(2).getByRole("cell")).toHaveText([
    "Almacén Ñandú",
    "20-40123456-0",
    "Sin cuenta corriente consultada",
    /Editar/,
  ]);
  // 140.370,33 + 28.200,00
  await expect(page.getByTestId("total-a-cobrar")).toHaveText(pesos("168.570,33"));
  await expect(page.getByText("Sin cuenta corriente consultada")).toHaveCount(1);
  expect(await emulator.billed(account.apikey)).toBe(billedBefore);
  expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 2);
});

test("the Clientes page has no axe violations, empty, with rows and with a form open", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await page.goto(`/empresas/${businessId}/clientes`);
  await expect(page.getByText(EMPTY)).toBeVisible();
  await expectNoAxeViolations(page);

  await addClient(page, businessId, lopez);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Agregar cliente" }).click();
  await page.getByRole("button", { name: "Agregar", exact: true }).click();
  await expect(page.getByText("Ingresá el nombre o la razón social.")).toBeVisible();
  await expectNoAxeViolations(page);
});
