import {
  accounts,
  addBusiness,
  addClient,
  expect,
  expectNoAxeViolations,
  newMember,
  signUp,
  test,
} from "./fixtures";

// 1015 is a copy of 1001 (lib/tusfacturas/fixtures/accounts.json) used by this spec alone, so
// the emulator's billed counter moves only for it. Its sales from 01/08/2025 to 15/11/2025: two
// clients with a CUIT and two consumidores finales known only by DNI.
const account = accounts.a1015;
const trebol = { nombre: "Supermercado El Trébol", cuit: "30708123451" };
const METHOD = "facturacion/consulta_avanzada";

test("import the clients found in a range: progress, the list, DNI apart, free", async ({
  page,
  browser,
  emulator,
}) => {
  // The walk of 107 days, then a second person signing up.
  test.slow();
  await signUp(page);
  const businessId = await addBusiness(page, account);
  // Already in the cartera before the import.
  await addClient(page, businessId, trebol);

  const panel = page.getByRole("region", { name: "Importar clientes desde TusFacturas" });
  await expect(panel.getByText(/no usan ningún request de tu plan/)).toBeVisible();
  // The last 90 days are offered; this test looks further back.
  await expect(panel.getByLabel("Desde")).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  const billedBefore = await emulator.billed(account.apikey);
  const lookupsBefore = (await emulator.calls(account.apikey)).byMethod[METHOD] ?? 0;
  await panel.getByLabel("Desde").fill("01/08/2025");
  await panel.getByLabel("Hasta").fill("15/11/2025");
  await panel.getByRole("button", { name: "Buscar clientes" }).click();

  await expect(panel.getByText(/Consultando TusFacturas: \d+ de 107 días/)).toBeVisible();
  await expect(panel.getByRole("progressbar")).toBeVisible();
  // Leaving and coming back shows the same import.
  await page.reload();
  await expect(panel.getByText("Período del 01/08/2025 al 15/11/2025.")).toBeVisible();
  await expect(panel.getByText("Búsqueda terminada: 107 de 107 días consultados.")).toBeVisible({
    timeout: 45_000,
  });

  const found = panel.getByTestId("cliente-encontrado");
  await expect(found).toHaveCount(2);
  const ramirez = found.filter({ hasText: "ALBERTO RAMIREZ" });
  await expect(ramirez.getByRole("cell", { name: "20-40123456-0" })).toBeVisible();
  await expect(ramirez.getByRole("cell", { name: "05/08/2025" })).toBeVisible();
  await expect(ramirez.getByRole("checkbox", { name: "Elegir ALBERTO RAMIREZ" })).toBeChecked();
  const inCartera = found.filter({ hasText: "SUPERMERCADO EL TREBOL S.A." });
  await expect(inCartera.getByText("Ya está en tu cartera")).toBeVisible();
  await expect(inCartera.getByRole("cell", { name: "30-70812345-1" })).toBeVisible();
  const dni = panel.getByTestId("cliente-sin-cuit");
  await expect(dni).toHaveCount(2);
  await expect(dni.filter({ hasText: "LUCIA FERNANDEZ" })).toContainText("DNI 30111222");
  await expect(
    dni.filter({ hasText: "LUCIA FERNANDEZ" }).getByRole("cell", { name: "2", exact: true }),
  ).toBeVisible();
  await expect(panel.getByText(/acepta únicamente\s+CUIT/)).toBeVisible();

  // Keyboard: the choice can be changed without a mouse.
  const choose = ramirez.getByRole("checkbox", { name: "Elegir ALBERTO RAMIREZ" });
  await choose.focus();
  await page.keyboard.press("Space");
  await expect(choose).not.toBeChecked();
  await expect(panel.getByRole("button", { name: "Importar 0 clientes" })).toBeDisabled();
  await page.keyboard.press("Space");
  await expect(choose).toBeChecked();
  await expectNoAxeViolations(page);

  await panel.getByRole("button", { name: "Importar 1 cliente" }).click();
  await expect(panel.getByText("Se agregó 1 cliente a tu cartera.")).toBeVisible();
  await expect(ramirez.getByText("Ya está en tu cartera")).toBeVisible();
  await expect(page.getByRole("link", { name: "ALBERTO RAMIREZ", exact: true })).toBeVisible();

  // One free lookup a day, and not one billed request.
  expect((await emulator.calls(account.apikey)).byMethod[METHOD] ?? 0).toBe(lookupsBefore + 107);
  expect(await emulator.billed(account.apikey)).toBe(billedBefore);

  // A Lectura member sees the last search and what it found, and no control to change it.
  const readerPage = await newMember(page, browser, businessId, "Lectura");
  await readerPage.goto(`/empresas/${businessId}/clientes`);
  const readerPanel = readerPage.getByRole("region", {
    name: "Importar clientes desde TusFacturas",
  });
  await expect(
    readerPanel.getByText(
      "Tu rol en esta empresa (Lectura) no permite esta acción. Podés ver la última búsqueda, no empezar otra.",
    ),
  ).toBeVisible();
  await expect(
    readerPanel.getByText("Búsqueda terminada: 107 de 107 días consultados."),
  ).toBeVisible();
  await expect(readerPanel.getByTestId("cliente-encontrado")).toHaveCount(2);
  await expect(readerPanel.getByRole("checkbox")).toHaveCount(0);
  await expect(readerPanel.getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(readerPage);
  expect((await emulator.calls(account.apikey)).byMethod[METHOD] ?? 0).toBe(lookupsBefore + 107);
});

test("«Cancelar» stops a long import and keeps what it found", async ({ page, emulator }) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await page.goto(`/empresas/${businessId}/clientes`);
  // A second tab, opened before the import starts, still shows the form.
  const other = await page.context().newPage();
  await other.goto(`/empresas/${businessId}/clientes`);
  // Each lookup takes a while (only the lookups): twelve months would take over a minute.
  await emulator.injectFault({
    count: 400,
    kind: "latency",
    apikey: account.apikey,
    latencyMs: 150,
    method: METHOD,
  });
  const panel = page.getByRole("region", { name: "Importar clientes desde TusFacturas" });
  await panel.getByLabel("Desde").fill("16/11/2024");
  await panel.getByLabel("Hasta").fill("15/11/2025");
  await panel.getByRole("button", { name: "Buscar clientes" }).click();
  await expect(panel.getByText(/Consultando TusFacturas: [1-9]\d* de 365 días/)).toBeVisible();

  // Starting from the other tab shows the running import, never a second walk.
  const otherPanel = other.getByRole("region", { name: "Importar clientes desde TusFacturas" });
  await otherPanel.getByRole("button", { name: "Buscar clientes" }).click();
  await expect(
    otherPanel.getByText("Ya había una importación en curso para esta empresa: es esta."),
  ).toBeVisible();
  await expect(otherPanel.getByText("Período del 16/11/2024 al 15/11/2025.")).toBeVisible();
  await other.close();

  await panel.getByRole("button", { name: "Cancelar" }).click();
  await expect(panel.getByText(/Búsqueda cancelada: \d+ de 365 días consultados/)).toBeVisible();
  const text = await panel.getByText(/Búsqueda cancelada/).textContent();
  const done = Number(/(\d+) de 365/.exec(text ?? "")![1]);
  expect(done).toBeLessThan(365);
  await page.reload();
  await expect(
    panel.getByText(`Búsqueda cancelada: ${done} de 365 días consultados.`, { exact: false }),
  ).toBeVisible();
  await expect(panel.getByRole("button", { name: "Nueva búsqueda" })).toBeVisible();
});
